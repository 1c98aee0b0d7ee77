#!/usr/bin/env python3
"""Measure speed and memory, printed as one table. Numbers only: nothing here asserts.

  cold start        a new process from start to its first printed answer (`python -m bot ask`)
  query latency     Chat.reply over the question set, warm: p50 / p95 / p99
  throughput        answers per second with 1 and 2 worker threads
  floor             the bare model.encode(query) plus a flat FAISS search, and our p50 as a ratio to it
  index build       time and peak memory of `scripts/build_index.py --force` in a fresh process
  scale             vector search on N synthetic chunks (real chunk vectors, perturbed):
                    exact flat vs IVF, latency and IVF recall@10 against exact; nprobe is the
                    smallest that reaches recall@10 >= 0.95 on the question set
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bot.config import PROJECT_ROOT, from_env  # noqa: E402
from bot.evaluation import percentile  # noqa: E402
from scripts_common import load_questions  # noqa: E402


def timed_ms(fn, *args) -> float:
    started = time.perf_counter()
    fn(*args)
    return (time.perf_counter() - started) * 1000


def cold_start(question: str) -> float:
    env = os.environ | {"HF_HUB_OFFLINE": "1"}
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "bot", "ask", question], cwd=PROJECT_ROOT, env=env,
                   capture_output=True, check=True)
    return time.perf_counter() - started


def build_cost(settings) -> tuple[float, float]:
    """Seconds and peak RSS (MiB) of a forced build in its own process, into a temporary folder."""
    with tempfile.TemporaryDirectory() as tmp:
        env = os.environ | {"HF_HUB_OFFLINE": "1", "HIPBOT_INDEX_DIR": tmp, "HIPBOT_CORPUS_DIR": str(settings.corpus_dir)}
        started = time.perf_counter()
        subprocess.run([sys.executable, "scripts/build_index.py", "--force", "--quiet"], cwd=PROJECT_ROOT,
                       env=env, capture_output=True, check=True)
        seconds = time.perf_counter() - started
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return seconds, peak_kib / 1024


def synthetic(base, n: int, seed: int = 0):
    """N unit vectors made from the real chunk vectors with noise, so they cluster like real text."""
    import numpy as np

    rng = np.random.default_rng(seed)
    picks = base[rng.integers(0, len(base), n)]
    noisy = picks + rng.normal(0, 0.35 / np.sqrt(base.shape[1]) * 4, picks.shape).astype(np.float32)
    return (noisy / np.linalg.norm(noisy, axis=1, keepdims=True)).astype(np.float32)


def scale_rows(index, queries, sizes: list[int], target: float = 0.95) -> list[tuple]:
    """Flat vs IVF on N synthetic vectors; nprobe is the smallest that reaches ``target`` recall@10."""
    import faiss
    import numpy as np

    base = index.vectors.reconstruct_n(0, index.vectors.ntotal)
    rows = []
    for n in sizes:
        data = synthetic(base, n)
        flat = faiss.IndexFlatIP(data.shape[1])
        flat.add(data)
        nlist = int(4 * np.sqrt(n))
        started = time.perf_counter()
        ivf = faiss.IndexIVFFlat(faiss.IndexFlatIP(data.shape[1]), data.shape[1], nlist, faiss.METRIC_INNER_PRODUCT)
        ivf.train(data)
        ivf.add(data)
        build_s = time.perf_counter() - started
        truth = [set(flat.search(q.reshape(1, -1), 10)[1][0]) for q in queries]
        flat_ms = statistics.median(timed_ms(flat.search, q.reshape(1, -1), 10) for q in queries)
        for nprobe in (4, 8, 16, 32, 64, 128, 256):
            ivf.nprobe = min(nprobe, nlist)
            recall = statistics.fmean(
                len(t & set(ivf.search(q.reshape(1, -1), 10)[1][0])) / 10 for q, t in zip(queries, truth)
            )
            if recall >= target or nprobe >= nlist:
                break
        ivf_ms = statistics.median(timed_ms(ivf.search, q.reshape(1, -1), 10) for q in queries)
        rows.append((n, flat_ms, ivf_ms, recall, build_s, nlist, ivf.nprobe))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--questions", type=Path, default=PROJECT_ROOT / "eval" / "questions.jsonl")
    parser.add_argument("--scale", default="10000,100000", help="synthetic chunk counts (comma-separated)")
    parser.add_argument("--repeat", type=int, default=3, help="passes over the question set for latency")
    parser.add_argument("--skip-build", action="store_true", help="skip the index build measurement")
    args = parser.parse_args(argv)

    import faiss

    from bot.chat import Chat

    settings = from_env()
    questions = load_questions(args.questions)
    texts = [q["question"] for q in questions]
    rows: list[tuple[str, str]] = []

    cold = cold_start("how do I do clamshells?")
    rows.append(("cold start: `python -m bot ask` (s)", f"{cold:.2f}"))

    chat = Chat(settings)
    for q in questions[:5]:
        chat.reply(q["question"], q["turns"])  # warm up
    latencies = [timed_ms(chat.reply, q["question"], q["turns"]) for _ in range(args.repeat) for q in questions]
    p50 = statistics.median(latencies)
    rows += [("answer latency p50 (ms)", f"{p50:.1f}"), ("answer latency p95 (ms)", f"{percentile(latencies, 0.95):.1f}"),
             ("answer latency p99 (ms)", f"{percentile(latencies, 0.99):.1f}")]

    for workers in (1, 2):
        with ThreadPoolExecutor(workers) as pool:
            started = time.perf_counter()
            list(pool.map(lambda q: chat.reply(q["question"], q["turns"]), questions * args.repeat))
            rate = len(questions) * args.repeat / (time.perf_counter() - started)
        rows.append((f"answers per second, {workers} thread{'s' if workers > 1 else ''}", f"{rate:.1f}"))

    model = chat.embedder.model
    flat = chat.index.vectors
    floor = [timed_ms(lambda t: flat.search(model.encode([t], normalize_embeddings=True), 5), t)
             for _ in range(args.repeat) for t in texts]
    floor_p50 = statistics.median(floor)
    rows += [("floor: model.encode + FAISS search p50 (ms)", f"{floor_p50:.1f}"),
             ("answer p50 / floor", f"{p50 / floor_p50:.2f}")]

    if not args.skip_build:
        seconds, peak = build_cost(settings)
        rows += [("index build, fresh process (s)", f"{seconds:.1f}"), ("index build peak memory (MiB)", f"{peak:.0f}")]

    queries = chat.embedder.encode(texts[:60])
    for n, flat_ms, ivf_ms, recall, build_s, nlist, nprobe in scale_rows(
        chat.index, queries, [int(x) for x in args.scale.split(",") if x]
    ):
        rows += [
            (f"{n:,} chunks: flat search p50 (ms)", f"{flat_ms:.2f}"),
            (f"{n:,} chunks: IVF{nlist} nprobe={nprobe} search p50 (ms)", f"{ivf_ms:.3f}"),
            (f"{n:,} chunks: IVF speed-up over flat", f"{flat_ms / ivf_ms:.1f}x"),
            (f"{n:,} chunks: IVF recall@10 vs exact", f"{recall:.3f}"),
            (f"{n:,} chunks: IVF train + add (s)", f"{build_s:.1f}"),
        ]

    width = max(len(k) for k, _ in rows)
    print(f"faiss {faiss.__version__}, {os.cpu_count()} CPUs")
    print(f"| {'measure'.ljust(width)} | value |")
    print(f"|{'-' * (width + 2)}|-------|")
    for key, value in rows:
        print(f"| {key.ljust(width)} | {value} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
