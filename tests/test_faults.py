"""Faults: concurrent builds, damaged indexes and bad articles get clear messages and lose nothing."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from bot.config import PROJECT_ROOT, REBUILD_COMMAND
from bot.onnx_encoder import ONNX_FILE, TOKENIZER_FILE
from bot.index_build import build_index
from bot.index_store import LOCK, MANIFEST, SENTENCE_VECTORS, VECTORS, current_path, load_index

#: Every test here starts the bot or a build as a user would, in a process of its own.
pytestmark = pytest.mark.slow


def run(args, settings, stderr=subprocess.PIPE, **env_extra):
    env = os.environ | {
        "HIPBOT_CORPUS_DIR": str(settings.corpus_dir), "HIPBOT_INDEX_DIR": str(settings.index_dir),
        "HIPBOT_DATA_DIR": str(settings.data_dir), "HF_HUB_OFFLINE": "1",
    } | env_extra
    return subprocess.Popen([sys.executable, *args], cwd=PROJECT_ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=stderr, text=True)


def finish(proc, timeout=300):
    out, err = proc.communicate(timeout=timeout)
    return proc.returncode, out, err


def test_a_build_waits_while_another_build_holds_the_lock_then_leaves_one_good_index(small_settings, tmp_path):
    """The lock is held here as a running build holds it: a second build must wait without
    touching the index folder, and build only once the lock is free."""
    from bot.index_build import build_lock

    index_dir = small_settings.index_dir
    index_dir.mkdir(parents=True)
    err_file = tmp_path / "build.err"
    with build_lock(index_dir, timeout=10), err_file.open("w") as err_sink:
        waiting = run([str(PROJECT_ROOT / "scripts" / "build_index.py"), "--force", "--quiet"], small_settings,
                      stderr=err_sink)
        try:
            deadline = time.monotonic() + 120
            while "waiting" not in err_file.read_text() and waiting.poll() is None and time.monotonic() < deadline:
                time.sleep(0.2)
            said = err_file.read_text()
            assert "waiting" in said and str(index_dir / LOCK) in said, f"the second build did not wait: {said!r}"
            time.sleep(1.0)
            assert waiting.poll() is None, "the second build ended while the lock was still held"
            assert not (index_dir / "builds").exists() and not current_path(index_dir).exists()
        except BaseException:
            waiting.kill()
            raise
    out, _ = waiting.communicate(timeout=300)
    assert waiting.returncode == 0 and out.startswith("built index: 2 documents"), (out, err_file.read_text())
    builds = list((index_dir / "builds").iterdir())
    assert len(builds) == 1 and not builds[0].name.startswith(".")
    assert load_index(small_settings).manifest["documents"].keys() == {"a_rest", "b_strength"}


def _ask(settings, question="how should I rest a sore hip?", **env_extra):
    return finish(run(["-m", "bot", "ask", question], settings, **env_extra))


def test_a_missing_index_is_built_on_first_use(small_settings):
    code, out, err = _ask(small_settings)
    assert code == 0 and "**Sources**" in out
    assert "Building the index" in err
    assert load_index(small_settings).manifest["documents"].keys() == {"a_rest", "b_strength"}


def _assert_clear_error(result, filename):
    code, out, err = result
    assert code == 2
    assert filename in err and REBUILD_COMMAND in err
    assert "Traceback" not in err


def test_a_bad_article_stops_the_build_by_name_unless_skipped(small_settings, embedder):
    build_index(small_settings, embedder=embedder)
    before = load_index(small_settings).manifest["created"]
    (small_settings.corpus_dir / "c_broken.txt").write_bytes(b"Hip \xff\xfe pain " * 40)
    code, out, err = finish(run([str(PROJECT_ROOT / "scripts" / "build_index.py"), "--quiet"], small_settings))
    assert code == 2 and "c_broken.txt" in err and "UTF-8" in err and "Traceback" not in err
    assert load_index(small_settings, check_corpus=False).manifest["created"] == before  # old index untouched
    code, out, err = finish(run([str(PROJECT_ROOT / "scripts" / "build_index.py"), "--quiet", "--skip-bad"],
                                small_settings))
    assert code == 0 and "skipped" in err and "c_broken.txt" in err
    assert load_index(small_settings).manifest["documents"].keys() == {"a_rest", "b_strength"}


def test_the_bot_answers_with_the_hub_offline_and_no_network(small_settings, embedder):
    build_index(small_settings, embedder=embedder)
    dead = "http://127.0.0.1:9"  # any attempt to reach the network fails at once
    code, out, err = _ask(small_settings, HF_HUB_OFFLINE="1", HTTP_PROXY=dead, HTTPS_PROXY=dead,
                          http_proxy=dead, https_proxy=dead, NO_PROXY="", no_proxy="")
    assert code == 0 and "**Sources**" in out, err


@pytest.mark.parametrize("name", [ONNX_FILE, TOKENIZER_FILE])
def test_a_damaged_exported_model_gets_a_clear_error(small_settings, embedder, name):
    build_index(small_settings, embedder=embedder)
    (current_path(small_settings.index_dir) / name).write_bytes(b"\x00not a model")
    _assert_clear_error(_ask(small_settings), name)


def _overwrite_inside(path, size=4096):
    """Random bytes written inside a file, its size unchanged: what a bad disk sector leaves."""
    data = bytearray(path.read_bytes())
    start = len(data) // 3
    data[start : start + size] = os.urandom(min(size, len(data) - start))
    path.write_bytes(bytes(data))


def test_random_bytes_inside_the_vectors_are_refused_and_a_build_repairs_them(small_settings, embedder):
    build_index(small_settings, embedder=embedder)
    _overwrite_inside(current_path(small_settings.index_dir) / VECTORS)
    code, out, err = _ask(small_settings)
    _assert_clear_error((code, out, err), VECTORS)
    assert "checksum" in err and out == ""
    # a plain build notices the damage; no --force needed
    code, out, err = finish(run([str(PROJECT_ROOT / "scripts" / "build_index.py"), "--quiet"], small_settings))
    assert code == 0 and f"damaged files: {VECTORS}" in out
    code, out, err = _ask(small_settings)
    assert code == 0 and "error" not in err, err
    assert load_index(small_settings).chunks


@pytest.mark.parametrize("name, damage", [
    (SENTENCE_VECTORS, b""),
    (MANIFEST, b"[]"),
    (MANIFEST, b"{}"),
])
def test_an_empty_or_wrongly_shaped_file_gets_a_clear_error(small_settings, embedder, name, damage):
    build_index(small_settings, embedder=embedder)
    (current_path(small_settings.index_dir) / name).write_bytes(damage)
    _assert_clear_error(_ask(small_settings), name)


def test_an_index_folder_that_cannot_be_written_fails_at_once(small_settings, tmp_path):
    """Not a wait for a lock nobody holds: the folder is checked before the lock is taken."""
    blocker = tmp_path / "a_file"
    blocker.write_text("not a folder")
    build = [str(PROJECT_ROOT / "scripts" / "build_index.py"), "--quiet"]
    settings = small_settings.with_(index_dir=blocker / "index")
    for args in (build, ["-m", "bot", "ask", "how should I rest a sore hip?"]):
        code, out, err = finish(run(args, settings), timeout=120)
        assert code == 2 and "Traceback" not in err, err
        assert err.splitlines()[-1].startswith(f"error: cannot write the index folder {blocker / 'index'}")
        assert "HIPBOT_INDEX_DIR" in err
    # a lock file that cannot be opened (as root, chmod would not stop us) used to look like a running build
    lock = small_settings.index_dir / ".build.lock"
    lock.mkdir(parents=True)
    code, out, err = finish(run(build, small_settings), timeout=120)
    assert code == 2 and "waiting" not in err and err.startswith("error: cannot write the index folder"), err
