"""The vector index follows the corpus size: exact when small, IVF with a measured nprobe when large."""

from __future__ import annotations

import numpy as np
import pytest

from bot.index_build import build_index
from bot.index_store import load_index
from bot.retrieval import Retriever
from bot.faiss_index import build_vectors, exact_top, ivf_lists, probe_queries, recall_at


def clustered(n: int, dim: int = 64, centres: int = 50, seed: int = 1) -> np.ndarray:
    rng = np.random.default_rng(seed)
    c = rng.normal(size=(centres, dim)).astype(np.float32)
    x = c[rng.integers(0, centres, n)] + rng.normal(0, 0.3, (n, dim)).astype(np.float32)
    return x / np.linalg.norm(x, axis=1, keepdims=True)


def blocks_of(data: np.ndarray, size: int = 700):
    for start in range(0, len(data), size):
        yield data[start : start + size]


def test_a_small_collection_gets_an_exact_flat_index(tmp_path):
    data = clustered(1000)
    index, info = build_vectors(blocks_of(data), len(data), data.shape[1], tmp_path / "s.npy",
                                flat_max=1000, recall_target=0.95)
    assert info["type"] == "flat" and index.ntotal == 1000


def test_a_large_collection_gets_ivf_that_reaches_the_recall_target(tmp_path):
    data = clustered(20_000)
    index, info = build_vectors(blocks_of(data), len(data), data.shape[1], tmp_path / "s.npy",
                                flat_max=5000, recall_target=0.95)
    assert info["type"] == "ivf" and info["nlist"] == ivf_lists(20_000) and index.ntotal == 20_000
    assert info["recall_at_10"] >= 0.95 and info["nprobe"] < info["nlist"]
    assert not (tmp_path / "s.npy").exists()  # the scratch spool is removed
    # Fresh queries, not the ones nprobe was tuned on, still reach the target.
    queries = probe_queries(data, seed=7)
    assert recall_at(index, queries, exact_top(data, queries)) >= 0.93


def test_exact_top_matches_a_full_sort():
    data, queries = clustered(3000), clustered(20, seed=5)
    expected = np.argsort(-(queries @ data.T), axis=1)[:, :10]
    got = exact_top(data, queries, block=512)
    assert all(set(g) == set(e) for g, e in zip(got, expected))


def test_a_wrong_vector_count_stops_the_build(tmp_path):
    data = clustered(3000)
    with pytest.raises(ValueError, match="expected 4000 vectors, got 3000"):
        build_vectors(blocks_of(data), 4000, data.shape[1], tmp_path / "s.npy", flat_max=10, recall_target=0.9)
    assert not (tmp_path / "s.npy").exists()


@pytest.mark.slow
def test_the_real_pipeline_answers_from_an_ivf_index_like_from_a_flat_one(settings, index, embedder, tmp_path):
    """The real corpus, forced over the flat limit: the IVF build is saved, reloaded and searched."""
    ivf_settings = settings.with_(index_dir=tmp_path / "index", flat_max_vectors=50)
    build_index(ivf_settings, embedder=embedder)
    ivf = load_index(ivf_settings)
    assert ivf.manifest["vectors"]["type"] == "ivf" and ivf.manifest["vectors"]["recall_at_10"] >= 0.95
    flat_r, ivf_r = Retriever(index, settings), Retriever(ivf, ivf_settings)
    questions = ["what stretches help tight hip flexors?", "how do I do clamshells?",
                 "when should I see a doctor about hip pain?", "does foam rolling help runner's hip?"]
    for q in questions:
        flat_hits, ivf_hits = flat_r.search(q, 5), ivf_r.search(q, 5)
        assert flat_hits[0].chunk.id == ivf_hits[0].chunk.id, q
        assert ivf_hits[0].dense_score == pytest.approx(flat_hits[0].dense_score, abs=1e-4)
