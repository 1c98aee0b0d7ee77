"""The index: manifest checks, atomic rebuilds, and clear errors for damaged files.

Tests marked slow build a small index of their own (seconds each); the others read the session's
real index.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from bot.config import PROJECT_ROOT, REBUILD_COMMAND
from bot.index_build import build_index
from bot.index_store import (
    CHUNKS, MANIFEST, SENTENCE_VECTORS, VECTORS, IndexCorrupt, IndexMissing, IndexStale, current_path, load_index,
)
from bot.retrieval import Retriever


def test_manifest_records_model_dimension_chunking_and_corpus_hashes(index, settings):
    m = index.manifest
    assert m["model"] == "all-MiniLM-L6-v2" and m["model_dim"] == 384
    assert (m["chunk_size"], m["chunk_overlap"]) == (settings.chunk_size, settings.chunk_overlap)
    assert set(m["corpus"]) >= {"000_dc65b1c8d02c1a5c.txt", "metadata.json", "glossary/002_d4256067697cea61.json"}
    assert all(len(h) == 64 for h in m["corpus"].values())
    assert m["chunks"] == len(index.chunks) == index.vectors.ntotal


def test_vectors_are_unit_length(index):
    import numpy as np

    vecs = index.vectors.reconstruct_n(0, index.vectors.ntotal)
    assert np.allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-4)
    assert np.allclose(np.linalg.norm(index.sentence_vectors, axis=1), 1.0, atol=1e-4)


@pytest.mark.slow
def test_a_second_build_does_nothing_when_nothing_changed(small_settings, embedder):
    first = build_index(small_settings, embedder=embedder)
    again = build_index(small_settings, embedder=embedder)
    assert first.built and not again.built and again.reason == "up to date"
    assert build_index(small_settings, embedder=embedder, force=True).built


def test_missing_index_says_how_to_build_it(small_settings):
    with pytest.raises(IndexMissing, match="scripts/build_index.py"):
        load_index(small_settings)


@pytest.mark.slow
def test_changed_corpus_is_detected_and_names_the_file(small_settings, embedder):
    build_index(small_settings, embedder=embedder)
    (small_settings.corpus_dir / "a_rest.txt").write_text("Resting\n\n" + "Rest well after long runs. " * 8)
    with pytest.raises(IndexStale) as err:
        load_index(small_settings)
    assert "a_rest.txt" in str(err.value) and REBUILD_COMMAND in str(err.value)


@pytest.mark.slow
def test_manifest_from_another_model_or_chunking_is_refused_and_rebuilt(small_settings, embedder):
    build_index(small_settings, embedder=embedder)
    path = current_path(small_settings.index_dir) / MANIFEST
    manifest = json.loads(path.read_text())
    manifest["model"] = "some-other-model"
    path.write_text(json.dumps(manifest))
    with pytest.raises(IndexStale, match="model is 'some-other-model' in the index") as err:
        load_index(small_settings)
    assert REBUILD_COMMAND in str(err.value)
    # and different chunking settings are a mismatch too
    with pytest.raises(IndexStale, match=f"chunk_size is {small_settings.chunk_size} in the index but 123 now"):
        load_index(small_settings.with_(chunk_size=123))
    # a plain build (no --force) sees the mismatch and replaces the index
    report = build_index(small_settings, embedder=embedder)
    assert report.built and "model is 'some-other-model' in the index" in report.reason
    assert load_index(small_settings).manifest["model"] == small_settings.model_name


@pytest.mark.slow
def test_corrupt_vectors_and_truncated_metadata_name_the_file(small_settings, embedder):
    build_index(small_settings, embedder=embedder)
    folder = current_path(small_settings.index_dir)
    chunks = (folder / CHUNKS).read_text().splitlines()
    (folder / CHUNKS).write_text("\n".join(chunks[:-1]) + "\n")
    with pytest.raises(IndexCorrupt, match=CHUNKS) as err:
        load_index(small_settings)
    assert REBUILD_COMMAND in str(err.value)
    (folder / CHUNKS).write_text("\n".join(chunks) + "\n")
    (folder / VECTORS).write_bytes(b"not a faiss index")
    with pytest.raises(IndexCorrupt, match=VECTORS):
        load_index(small_settings)
    # a rebuild repairs it
    assert build_index(small_settings, embedder=embedder, force=True).built
    assert load_index(small_settings).chunks


@pytest.mark.slow
def test_a_new_article_is_found_after_a_rebuild(small_settings, embedder):
    build_index(small_settings, embedder=embedder)
    (small_settings.corpus_dir / "c_taping.md").write_text(
        "# Kinesiology Tape\n\nKinesiology tape along the iliotibial band can remind runners to keep the pelvis "
        "level. Apply it with light stretch from the hip to the knee before a long run.\n",
        encoding="utf-8",
    )
    report = build_index(small_settings, embedder=embedder)
    assert report.built and report.documents == 3
    hits = Retriever(load_index(small_settings), small_settings).search("does kinesiology tape help", 3)
    assert hits[0].chunk.doc_id == "c_taping" and hits[0].chunk.title == "Kinesiology Tape"


def _build_in_subprocess(settings) -> subprocess.Popen:
    env = os.environ | {"HIPBOT_CORPUS_DIR": str(settings.corpus_dir), "HIPBOT_INDEX_DIR": str(settings.index_dir)}
    return subprocess.Popen(
        [sys.executable, str(PROJECT_ROOT / "scripts" / "build_index.py"), "--force", "--quiet"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )


@pytest.mark.slow
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT])
def test_an_interrupted_build_leaves_the_previous_index_working(small_settings, embedder, sig):
    build_index(small_settings, embedder=embedder)
    before = Retriever(load_index(small_settings), small_settings).search("ice after a run", 3)
    # Make the next build slow enough to interrupt: a long article to embed.
    (small_settings.corpus_dir / "z_long.txt").write_text(
        "Long Article\n\n" + "\n".join(f"Paragraph {i} about hip mobility drills number {i} for runners." for i in range(3000))
    )
    proc = _build_in_subprocess(small_settings)
    builds = small_settings.index_dir / "builds"
    deadline = time.time() + 120
    while time.time() < deadline and not list(builds.glob(".*.partial")):
        time.sleep(0.05)
    assert list(builds.glob(".*.partial")), "the build never started writing"
    proc.send_signal(sig)
    proc.wait(timeout=60)
    assert proc.returncode != 0
    # the old index is still the current one and answers the same
    index = load_index(small_settings, check_corpus=False)
    assert index.manifest["documents"].keys() == {"a_rest", "b_strength"}
    after = Retriever(index, small_settings).search("ice after a run", 3)
    assert [h.chunk for h in after] == [h.chunk for h in before]


def test_manifest_records_size_and_sha256_of_every_other_file(index):
    import hashlib

    files = index.manifest["files"]
    assert set(files) == {p.name for p in index.path.iterdir() if p.name != MANIFEST}
    for name, recorded in files.items():
        data = (index.path / name).read_bytes()
        assert recorded == {"size": len(data), "sha256": hashlib.sha256(data).hexdigest()}


@pytest.mark.slow
def test_a_damaged_file_of_any_kind_is_named_at_load(small_settings, embedder):
    build_index(small_settings, embedder=embedder)
    folder = current_path(small_settings.index_dir)
    names = sorted(json.loads((folder / MANIFEST).read_text())["files"])
    assert {CHUNKS, VECTORS, SENTENCE_VECTORS, "encoder.onnx", "tokenizer.json"} <= set(names)
    for name in names:
        original = (folder / name).read_bytes()
        damaged = bytearray(original)
        middle = len(damaged) // 2
        damaged[middle : middle + 4096] = os.urandom(len(damaged[middle : middle + 4096]))  # same size
        (folder / name).write_bytes(bytes(damaged))
        with pytest.raises(IndexCorrupt, match="checksum") as err:
            load_index(small_settings)
        assert name in str(err.value) and REBUILD_COMMAND in str(err.value)
        (folder / name).write_bytes(original)
    assert load_index(small_settings).chunks
    # file checksums never make an intact index stale: an unchanged corpus is not rebuilt
    assert not build_index(small_settings, embedder=embedder).built


@pytest.mark.slow
def test_a_damaged_file_is_rebuilt_without_force(small_settings, embedder):
    build_index(small_settings, embedder=embedder)
    (current_path(small_settings.index_dir) / SENTENCE_VECTORS).write_bytes(b"")
    with pytest.raises(IndexCorrupt, match=SENTENCE_VECTORS):
        load_index(small_settings)
    report = build_index(small_settings, embedder=embedder)
    assert report.built and report.reason == f"damaged files: {SENTENCE_VECTORS}"
    assert load_index(small_settings).chunks


@pytest.mark.slow
@pytest.mark.parametrize("text", ["[]", "{}", '"manifest"', "null"])
def test_a_manifest_of_the_wrong_shape_is_corrupt_not_a_traceback(small_settings, embedder, text):
    build_index(small_settings, embedder=embedder)
    (current_path(small_settings.index_dir) / MANIFEST).write_text(text)
    for check_corpus in (True, False):
        with pytest.raises(IndexCorrupt, match=MANIFEST) as err:
            load_index(small_settings, check_corpus=check_corpus)
        assert REBUILD_COMMAND in str(err.value)
    assert build_index(small_settings, embedder=embedder).reason == f"damaged files: {MANIFEST}"


@pytest.mark.slow
def test_a_manifest_without_file_checksums_is_refused(small_settings, embedder):
    build_index(small_settings, embedder=embedder)
    path = current_path(small_settings.index_dir) / MANIFEST
    manifest = json.loads(path.read_text())
    del manifest["files"]
    path.write_text(json.dumps(manifest))
    with pytest.raises(IndexCorrupt, match="records no file checksums"):
        load_index(small_settings, check_corpus=False)


def test_nothing_in_the_index_path_uses_pickle():
    for folder in ("bot", "scripts"):
        for path in (PROJECT_ROOT / folder).glob("*.py"):
            text = path.read_text()
            assert "import pickle" not in text and "pickle.load" not in text, path
            assert "allow_pickle=True" not in text, path
