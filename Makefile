# Two commands do all the set-up on a fresh machine:
#   make run    install into .venv, build the index if it is missing or stale, start the chat app
#   make test   install into .venv (and the headless browser), run the test suite
# Neither needs root, except to install Debian's chromium for the browser tests (see `browser`).
VENV   ?= .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip
STAMP  := $(VENV)/.installed
INSTALL_CHROMIUM := sudo apt-get install chromium chromium-driver

# The browser the browser tests drive, found where tests/test_browser.py looks: $HIPBOT_CHROMIUM
# (a path or a command name) when set, else chromium on PATH, else /usr/bin/chromium.
ifdef HIPBOT_CHROMIUM
CHROMIUM := $(shell command -v "$(HIPBOT_CHROMIUM)" 2>/dev/null)
else
CHROMIUM := $(shell command -v chromium 2>/dev/null || { [ -x /usr/bin/chromium ] && echo /usr/bin/chromium; })
endif

.PHONY: install run test test-fast index browser clean

install: $(STAMP)

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	# torch first, pinned: this takes the CPU build; a bare "torch" would pull CUDA.
	$(PIP) install -q torch==2.13.0
	$(PIP) install -q -e '.[test]'
	touch $(STAMP)

index: install
	$(PY) scripts/build_index.py

run: install
	$(PY) -m bot serve

# Root (CI) installs Debian's chromium when it is missing; anyone else is told how, and the
# browser tests are skipped (pytest -ra shows why) while everything else runs.
browser:
	@if [ -n "$(CHROMIUM)" ]; then :; \
	elif [ -n "$(HIPBOT_CHROMIUM)" ]; then \
	  echo "HIPBOT_CHROMIUM=$(HIPBOT_CHROMIUM) is not a program: the browser tests will be skipped"; \
	elif [ "$$(id -u)" = 0 ]; then \
	  echo "Installing Debian's chromium for the browser tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; \
	else \
	  echo "chromium is not installed, so the browser tests will be skipped; to run them: $(INSTALL_CHROMIUM)"; \
	fi

test: install browser
	$(PY) -m pytest

# The quick loop while working, under a minute: no browser, no slow tests (index builds, the PyTorch
# model, most runs of the bot in a process of its own, linearity, load). The real index comes from
# pytest's cache, rebuilt only when the corpus or the indexing code changed; `make test` runs everything.
test-fast: install
	$(PY) -m pytest -q -m "not slow and not browser"

clean:
	rm -rf $(VENV) index/current index/builds index/.current.* data/ test-output/
