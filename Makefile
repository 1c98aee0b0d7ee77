# Two commands do all the set-up on a fresh machine:
#   make run    install into .venv, build the index if it is missing or stale, start the chat app
#   make test   install into .venv (and the headless browser), run the test suite
VENV   ?= .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip
STAMP  := $(VENV)/.installed

.PHONY: install run test index browser clean

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

browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installing Debian's chromium for the browser tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; }

test: install browser
	$(PY) -m pytest

clean:
	rm -rf $(VENV) index/current index/builds index/.current.* data/ test-output/
