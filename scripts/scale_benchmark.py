#!/usr/bin/env python3
"""Scale measurements, each run in a fresh process by scripts/benchmark.py (so peak memory is its own).

  scale N          N synthetic chunks (real sentences, perturbed), embedded and indexed by the
                   build's own code; build time, peak memory, query latency, recall@10 vs exact
  vectors KIND:N   N random unit vectors (KIND clustered or uniform), the ANN index alone

Prints one JSON object. Usually run through `scripts/benchmark.py --scale N` / `--vectors N`.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from pathlib import Path


from bot.config import PROJECT_ROOT, from_env
from bot.question_sets import load_items
from bot.timing import percentile, timed_ms


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def perturbed_texts(sentences: list[str], n: int, seed: int = 0) -> list[str]:
    """N chunk texts made from real sentences: each drops ~15% of its words and gains two from elsewhere."""
    import numpy as np

    rng = np.random.default_rng(seed)
    vocab = sorted({w for s in sentences for w in s.split()})
    texts = []
    for i in rng.integers(0, len(sentences), n):
        words = [w for w in sentences[i].split() if rng.random() > 0.15] or sentences[i].split()
        for _ in range(2):
            words.insert(int(rng.integers(0, len(words) + 1)), vocab[int(rng.integers(0, len(vocab)))])
        texts.append(" ".join(words))
    return texts


def scale_child(n: int, questions: list[str]) -> dict:
    """Runs in its own process so peak memory is the build's alone."""
    import faiss
    import numpy as np

    from bot.index_store import load_index
    from bot.retrieval import KeywordIndex, top_ids
    from bot.faiss_index import build_vectors, exact_top, single_query_threads

    settings = from_env()
    live = load_index(settings, check_corpus=False)
    encoder = live.encoder
    texts = perturbed_texts([s.text for s in live.sentences], n)
    base_mib = peak_mib()
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        index, info = build_vectors(encoder.blocks(texts, progress=sys.stderr.isatty(), desc=f"{n:,} chunks"),
                                    n, encoder.dim, Path(tmp) / "spool.npy",
                                    flat_max=settings.flat_max_vectors, recall_target=settings.ann_recall)
        build_s = time.perf_counter() - started
    build_peak = peak_mib()
    single_query_threads()  # as the bot does once loaded
    started = time.perf_counter()
    keywords = KeywordIndex(texts)
    bm25_s = time.perf_counter() - started
    del texts

    def hybrid(q):  # what Retriever.search does before fusion: both rankers' top candidates
        index.search(encoder.encode_query(q).reshape(1, -1), settings.candidates)
        top_ids(keywords.scores(q), settings.candidates)

    latencies, hybrid_ms = [], []
    for _ in range(3):
        encoder.clear_cache()
        latencies += [timed_ms(lambda q: index.search(encoder.encode_query(q).reshape(1, -1), 10), q)
                      for q in questions]
        encoder.clear_cache()
        hybrid_ms += [timed_ms(hybrid, q) for q in questions]
    queries = encoder.encode(questions)
    data = index.reconstruct_n(0, index.ntotal)
    found = index.search(queries, 10)[1]
    recall = float(np.mean([len(set(f) & set(t)) / 10 for f, t in zip(found, exact_top(data, queries))]))
    flat = faiss.IndexFlatIP(encoder.dim)
    flat.add(data)
    search_ms = percentile([timed_ms(index.search, q.reshape(1, -1), 10) for q in queries], 0.5)
    flat_ms = percentile([timed_ms(flat.search, q.reshape(1, -1), 10) for q in queries], 0.5)
    return {"n": n, "info": info, "build_s": build_s, "texts_per_s": n / build_s,
            "peak_mib": build_peak, "base_mib": base_mib, "search_ms": search_ms, "flat_ms": flat_ms,
            "bm25_s": bm25_s, "hybrid_p50": percentile(hybrid_ms, 0.5), "hybrid_p95": percentile(hybrid_ms, 0.95),
            "p50": percentile(latencies, 0.5), "p95": percentile(latencies, 0.95), "recall": recall}


def vectors_child(n: int, kind: str) -> dict:
    """The ANN index alone on N random unit vectors; queries are fresh draws from the same distribution."""
    import numpy as np

    from bot.index_store import load_index
    from bot.faiss_index import build_vectors, exact_top, recall_at, single_query_threads

    settings = from_env()
    rng = np.random.default_rng(0)
    dim = 384
    if kind == "clustered":
        live = load_index(settings, check_corpus=False)
        centres = np.concatenate([live.vectors.reconstruct_n(0, live.vectors.ntotal),
                                  np.asarray(live.sentence_vectors)])

    def draw(count: int) -> np.ndarray:
        if kind == "uniform":
            x = rng.standard_normal((count, dim), dtype=np.float32)
        else:  # around real chunk and sentence vectors, each point at cosine ~0.8 from its centre
            x = centres[rng.integers(0, len(centres), count)] + rng.normal(0, 0.75 / np.sqrt(dim), (count, dim)).astype(np.float32)
        return x / np.linalg.norm(x, axis=1, keepdims=True)

    def blocks():
        for start in range(0, n, 65536):
            yield draw(min(65536, n - start))

    base_mib = peak_mib()
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        index, info = build_vectors(blocks(), n, dim, Path(tmp) / "spool.npy", flat_max=settings.flat_max_vectors,
                                    recall_target=0.9)
        build_s = time.perf_counter() - started
    build_peak = peak_mib()
    single_query_threads()  # as the bot does once loaded
    queries = draw(200)
    latencies = [timed_ms(index.search, q.reshape(1, -1), 10) for q in queries for _ in range(2)]
    recall = recall_at(index, queries, exact_top(index.reconstruct_n(0, index.ntotal), queries))
    return {"n": n, "kind": kind, "info": info, "build_s": build_s, "peak_mib": build_peak, "base_mib": base_mib,
            "p50": percentile(latencies, 0.5), "p95": percentile(latencies, 0.95), "recall": recall}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("part", choices=["scale", "vectors"])
    parser.add_argument("size", help="N for scale, KIND:N for vectors (KIND is clustered or uniform)")
    parser.add_argument("--questions", type=Path, default=PROJECT_ROOT / "eval" / "questions.jsonl")
    args = parser.parse_args(argv)
    if args.part == "scale":
        texts = [q["question"] for q in load_items(args.questions)]
        result = scale_child(int(args.size), texts)
    else:
        kind, _, n = args.size.partition(":")
        if kind not in ("clustered", "uniform") or not n.isdigit():
            parser.error("vectors needs KIND:N, e.g. clustered:1000000")
        result = vectors_child(int(n), kind)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
