"""The FAISS index over chunk vectors: its type follows the corpus size.

Up to ``Settings.flat_max_vectors`` the index is exact (``IndexFlatIP``): at
that size a full scan costs a few milliseconds, less than encoding the
question, and approximate search would only lose recall. Above it the index
is an inverted file (``IndexIVFFlat``, about 4·√N lists) and the number of
lists probed per query is *measured* at build time: the smallest ``nprobe``
whose recall@10 against exact search reaches ``Settings.ann_recall`` on probe
queries drawn from the data. The chosen parameters go into the manifest and
are applied at load.

Vectors arrive in blocks and are never all held twice: a flat index takes
them as they come; an IVF build spools them to a scratch ``.npy`` on disk,
trains on a sample, then adds them block by block.
"""

from __future__ import annotations

import math
import time
from collections.abc import Iterable
from pathlib import Path

import numpy as np

NPROBES = (1, 2, 4, 8, 16, 32, 48, 64, 96, 128, 192, 256, 384, 512)
PROBE_QUERIES = 500
TRAIN_PER_LIST = 40  # FAISS warns below 39 training points per list


def ivf_lists(n: int) -> int:
    """About 4·√N lists, and never so many that a list gets fewer than ``TRAIN_PER_LIST`` points."""
    return max(1, min(int(4 * math.sqrt(n)), n // TRAIN_PER_LIST))


def probe_queries(data: np.ndarray, count: int = PROBE_QUERIES, mix: int = 5, seed: int = 0) -> np.ndarray:
    """Stand-ins for questions: each the normalised sum of ``mix`` random stored vectors.

    A question sits between passages rather than on one (its best cosine is
    typically 0.4–0.8), so its ten neighbours spread over more IVF lists than
    a stored vector's do. On a 100k-chunk corpus of perturbed article
    sentences, the recall@10 curve over nprobe for sums of 5 vectors follows
    the curve for the real question set to within about 0.015 either way (a
    stored vector plus noise reached 0.95 already at nprobe 4, where questions
    got 0.74), which is why ``Settings.ann_recall`` aims above what questions need.
    """
    rng = np.random.default_rng(seed)
    picks = np.sort(rng.integers(0, len(data), count * mix))
    vectors = np.asarray(data[picks])[rng.permutation(count * mix)]
    queries = vectors.reshape(count, mix, -1).sum(axis=1)
    return (queries / np.linalg.norm(queries, axis=1, keepdims=True)).astype(np.float32)


def exact_top(data: np.ndarray, queries: np.ndarray, k: int = 10, block: int = 16384) -> np.ndarray:
    """Exact top-``k`` ids by inner product, scanning ``data`` (possibly a memmap) block by block."""
    best_s = np.full((len(queries), k), -np.inf, dtype=np.float32)
    best_i = np.zeros((len(queries), k), dtype=np.int64)
    for start in range(0, len(data), block):
        scores = queries @ np.asarray(data[start : start + block]).T
        ids = np.broadcast_to(np.arange(start, start + scores.shape[1]), scores.shape)
        s = np.concatenate([best_s, scores], axis=1)
        i = np.concatenate([best_i, ids], axis=1)
        top = np.argpartition(-s, k - 1, axis=1)[:, :k]
        best_s, best_i = np.take_along_axis(s, top, 1), np.take_along_axis(i, top, 1)
    return best_i


def recall_at(index, queries: np.ndarray, truth: np.ndarray, k: int = 10) -> float:
    _, found = index.search(queries, k)
    return float(np.mean([len(set(f) & set(t)) / k for f, t in zip(found, truth)]))


def choose_nprobe(index, queries: np.ndarray, truth: np.ndarray, target: float) -> tuple[int, float]:
    """The smallest nprobe reaching ``target`` recall@10 (or all lists), and the recall it got."""
    recall = 0.0
    for nprobe in NPROBES + (index.nlist,):
        index.nprobe = min(nprobe, index.nlist)
        recall = recall_at(index, queries, truth)
        if recall >= target or index.nprobe == index.nlist:
            break
    return index.nprobe, recall


def write_npy(path: Path, blocks: Iterable[np.ndarray], n: int, dim: int) -> np.ndarray:
    """Write ``n`` vectors arriving in ``blocks`` into a float32 ``.npy`` at ``path``; return it memory-mapped."""
    out = np.lib.format.open_memmap(path, mode="w+", dtype=np.float32, shape=(n, dim))
    filled = 0
    for block in blocks:
        if filled + len(block) > n:
            raise ValueError(f"expected {n} vectors, got more")
        out[filled : filled + len(block)] = block
        filled += len(block)
    if filled != n:
        raise ValueError(f"expected {n} vectors, got {filled}")
    out.flush()
    return out


def build_vectors(
    blocks: Iterable[np.ndarray], n: int, dim: int, scratch: Path, *, flat_max: int, recall_target: float,
    seed: int = 0,
):
    """A FAISS index over ``n`` vectors arriving in ``blocks``, and a description for the manifest."""
    import faiss

    started = time.perf_counter()
    if n <= flat_max:
        index = faiss.IndexFlatIP(dim)
        for block in blocks:
            index.add(block)
        return index, {"type": "flat", "vectors": int(index.ntotal)}

    try:
        spool = write_npy(scratch, blocks, n, dim)
        rng = np.random.default_rng(seed)
        nlist = ivf_lists(n)
        train = np.asarray(spool[np.sort(rng.choice(n, min(n, nlist * TRAIN_PER_LIST * 2), replace=False))])
        index = faiss.IndexIVFFlat(faiss.IndexFlatIP(dim), dim, nlist, faiss.METRIC_INNER_PRODUCT)
        index.train(train)
        del train
        for start in range(0, n, 65536):
            index.add(np.asarray(spool[start : start + 65536]))
        queries = probe_queries(spool, seed=seed)
        truth = exact_top(spool, queries)
    finally:
        spool = None  # close the mapping before the file goes
        scratch.unlink(missing_ok=True)
    nprobe, recall = choose_nprobe(index, queries, truth, recall_target)
    index.make_direct_map()  # lets the retriever read back the vectors of candidate chunks
    return index, {
        "type": "ivf", "vectors": int(index.ntotal), "nlist": nlist, "nprobe": nprobe,
        "recall_at_10": round(recall, 4), "probe_queries": len(queries),
        "seconds": round(time.perf_counter() - started, 2),
    }


def apply_search_params(index, info: dict) -> None:
    """Set what the build measured (nprobe) on a freshly read index."""
    if info.get("type") == "ivf":
        import faiss

        ivf = faiss.extract_index_ivf(index)
        ivf.nprobe = int(info["nprobe"])
        ivf.make_direct_map()


def single_query_threads() -> None:
    """Search with one FAISS thread and one BLAS thread, for a process that answers one question
    at a time.

    A single thread searches one query as fast as two (1.4 vs 2.1 ms over 10k
    chunks here), and numpy's products of one question vector with a few thousand
    rows (the answer memory's vote) gain nothing from a second thread either: woken
    for each, it contends with the encoder's second thread (answer p95 13.3 -> 10.7 ms
    at one BLAS thread, p50 unchanged). The limits hold for the whole process: a
    script that builds or trains after making a ``Chat`` (``scripts/tune.py``, the
    training scripts) does so with one thread, which on 2 cores costs nothing
    measurable. Processes that never make a ``Chat`` (``scripts/build_index.py``)
    keep every library's default.
    """
    import faiss
    from threadpoolctl import threadpool_limits

    faiss.omp_set_num_threads(1)
    threadpool_limits(1, user_api="blas")
