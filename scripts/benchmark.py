#!/usr/bin/env python3
"""Measure speed and memory, printed as one table. Numbers only: nothing here asserts.

  cold start        a new `python -m bot ask` process, start to printed answer (median of 3)
  app ready         a new `python -m bot serve` process, start to the page answering HTTP (median of 3)
  answer latency    Chat.reply over the question set, warm model, question cache cleared: p50/p95/p99
  cached answer     the same question asked again (example buttons): p50
  throughput        answers per second with 1 and 2 worker threads
  floor             PyTorch model.encode(query) + flat FAISS search; our p50 and p95 as ratios to it
  index build       time and peak memory of `scripts/build_index.py --force` in a fresh process
  --scale N         a synthetic corpus of N chunks (real sentences, perturbed), embedded and indexed
                    by the build's own code in a fresh process: build time, peak memory, question
                    encode + vector search p50/p95, and recall@10 against exact search
  --vectors N       N random unit vectors, no embedding: the ANN index alone, for two distributions
                    (clustered around the real chunk vectors, and uniform on the sphere)
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path


from bot.config import PROJECT_ROOT, from_env
from bot.question_sets import load_items
from bot.timing import percentile, timed_ms

ENV = os.environ | {"HF_HUB_OFFLINE": "1", "GRADIO_ANALYTICS_ENABLED": "False"}


def cold_start(question: str) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "bot", "ask", question], cwd=PROJECT_ROOT, env=ENV,
                   capture_output=True, check=True)
    return time.perf_counter() - started


def free_port() -> int:
    """A port nothing listens on now: each start gets its own, so a slow shutdown cannot collide."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def app_ready(timeout: float = 120) -> float:
    port = free_port()
    log = tempfile.TemporaryFile()  # a file, not a pipe: a chatty server never blocks on a full pipe
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "bot", "serve", "--port", str(port)], cwd=PROJECT_ROOT,
                            env=ENV, stdout=subprocess.DEVNULL, stderr=log)
    try:
        while time.perf_counter() - started < timeout:
            if proc.poll() is not None:
                log.seek(0)
                raise RuntimeError(f"`python -m bot serve` exited with {proc.returncode}: "
                                   f"{log.read().decode(errors='replace')[-500:]}")
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1).read()
                return time.perf_counter() - started
            except OSError:
                time.sleep(0.05)
        return float("nan")
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        log.close()


def build_cost(settings) -> tuple[float, float]:
    """Seconds and peak RSS (MiB) of a forced build in its own process, into a temporary folder."""
    with tempfile.TemporaryDirectory() as tmp:
        env = ENV | {"HIPBOT_INDEX_DIR": tmp, "HIPBOT_CORPUS_DIR": str(settings.corpus_dir)}
        started = time.perf_counter()
        subprocess.run([sys.executable, "scripts/build_index.py", "--force", "--quiet"], cwd=PROJECT_ROOT,
                       env=env, capture_output=True, check=True)
        seconds = time.perf_counter() - started
    return seconds, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def child(args: list[str]) -> dict:
    """One scripts/scale_benchmark.py run in its own process; its JSON result."""
    script = Path(__file__).with_name("scale_benchmark.py")
    out = subprocess.run([sys.executable, str(script), *args], cwd=PROJECT_ROOT, env=ENV, check=True,
                         stdout=subprocess.PIPE, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--questions", type=Path, default=PROJECT_ROOT / "eval" / "questions.jsonl")
    parser.add_argument("--scale", default="10000", help="synthetic corpus sizes in chunks, comma-separated "
                        "(embedding runs at ~150 short chunks/s on 2 cores: 100000 takes ~12 min); '' to skip")
    parser.add_argument("--vectors", default="", help="random-vector counts for the ANN-only test, e.g. 1000000")
    parser.add_argument("--repeat", type=int, default=3, help="passes over the question set for latency")
    parser.add_argument("--skip-build", action="store_true", help="skip the index build measurement")
    parser.add_argument("--only", choices=["scale", "vectors"], help="run just those parts")
    args = parser.parse_args(argv)

    questions = load_items(args.questions)
    texts = [q["question"] for q in questions]

    import faiss

    rows: list[tuple[str, str]] = []
    settings = from_env()
    if not args.only:
        rows += core_rows(settings, questions, texts, args)
    if args.only in (None, "scale"):
        for n in [int(x) for x in args.scale.split(",") if x]:
            r = child(["scale", str(n), "--questions", str(args.questions)])
            kind = "flat" if r["info"]["type"] == "flat" else f"IVF{r['info']['nlist']} nprobe={r['info']['nprobe']}"
            rows += [
                (f"{n:,} chunks: index type", kind),
                (f"{n:,} chunks: embed + index build (s)", f"{r['build_s']:.1f} ({r['texts_per_s']:.0f} chunks/s)"),
                (f"{n:,} chunks: peak memory (MiB, before build)", f"{r['peak_mib']:.0f} ({r['base_mib']:.0f})"),
                (f"{n:,} chunks: encode + search p50 / p95 (ms)", f"{r['p50']:.1f} / {r['p95']:.1f}"),
                (f"{n:,} chunks: recall@10 vs exact (questions)", f"{r['recall']:.3f}"),
                (f"{n:,} chunks: BM25 index at load (s)", f"{r['bm25_s']:.1f}"),
                (f"{n:,} chunks: encode + vector + BM25 candidates p50 / p95 (ms)",
                 f"{r['hybrid_p50']:.1f} / {r['hybrid_p95']:.1f}"),
                (f"{n:,} chunks: vector search alone vs flat p50 (ms)",
                 f"{r['search_ms']:.2f} vs {r['flat_ms']:.2f} ({r['flat_ms'] / r['search_ms']:.1f}x)"),
            ]
    if args.only in (None, "vectors"):
        for n in [int(x) for x in args.vectors.split(",") if x]:
            for kind in ("clustered", "uniform"):
                r = child(["vectors", f"{kind}:{n}"])
                info = r["info"]
                label = f"{n:,} {kind} vectors"
                rows += [
                    (f"{label}: index", "flat" if info["type"] == "flat" else f"IVF{info['nlist']} nprobe={info['nprobe']}"),
                    (f"{label}: build (s) / peak memory (MiB)", f"{r['build_s']:.0f} / {r['peak_mib']:.0f}"),
                    (f"{label}: search p50 / p95 (ms)", f"{r['p50']:.2f} / {r['p95']:.2f}"),
                    (f"{label}: recall@10 vs exact", f"{r['recall']:.3f}"),
                ]

    width = max(len(k) for k, _ in rows)
    print(f"faiss {faiss.__version__}, {os.cpu_count()} CPUs")
    print(f"| {'measure'.ljust(width)} | value |")
    print(f"|{'-' * (width + 2)}|-------|")
    for key, value in rows:
        print(f"| {key.ljust(width)} | {value} |")
    return 0


def detection_rows(chat, repeat: int) -> list[tuple[str, str]]:
    """Red-flag detection per message (uncached) beside one question's encoding, on the red-flag dev set."""
    messages = [i["question"] for i in load_items(PROJECT_ROOT / "eval" / "red_flags_dev.jsonl")]

    def detect(text: str) -> float:
        chat.encoder.clear_cache()
        return timed_ms(chat.triage.detect, text)

    def encode(text: str) -> float:
        chat.encoder.clear_cache()
        return timed_ms(chat.encoder.encode_query, text)

    detection = percentile([detect(m) for _ in range(repeat) for m in messages], 0.5)
    encoding = percentile([encode(m) for _ in range(repeat) for m in messages], 0.5)
    # The worst case at the input limit: distinct sentences (a repeated one is encoded once) with
    # no red flag, so no pattern ends the check early and every detector reads every clause.
    ordinary = [i["question"] for i in load_items(PROJECT_ROOT / "eval" / "red_flags_dev.jsonl") if not i["red_flag"]]
    longest = " ".join(ordinary)[:chat.settings.max_input_chars]
    at_limit = percentile([detect(longest) for _ in range(repeat * 3)], 0.5)
    return [("red-flag detection per message p50 (ms)", f"{detection:.1f}"),
            ("one question encoding p50 (ms)", f"{encoding:.1f}"),
            ("detection / encoding", f"{detection / encoding:.2f}"),
            (f"red-flag detection at the input limit ({chat.settings.max_input_chars:,} chars) p50 (ms)", f"{at_limit:.1f}")]


def core_rows(settings, questions: list[dict], texts: list[str], args) -> list[tuple[str, str]]:
    from bot.chat import Chat
    from bot.torch_model import shared_embedder

    def starts(measure) -> str:
        """Median of three fresh processes, with the range: one start is at the mercy of the machine."""
        times = sorted(measure() for _ in range(3))
        return f"{times[1]:.2f} ({times[0]:.2f}–{times[2]:.2f})"

    rows = [("cold start: `python -m bot ask`, median of 3 (s)", starts(lambda: cold_start("how do I do clamshells?"))),
            ("app ready: `python -m bot serve` to first page, median of 3 (s)", starts(app_ready))]

    chat = Chat(settings)
    for q in questions[:5]:
        chat.reply(q["question"], q["turns"])  # warm up

    def uncached(q):
        chat.encoder.clear_cache()
        return timed_ms(chat.reply, q["question"], q["turns"])

    latencies = [uncached(q) for _ in range(args.repeat) for q in questions]
    p50, p95 = percentile(latencies, 0.5), percentile(latencies, 0.95)
    def repeated(q):
        chat.reply(q["question"], q["turns"])
        return timed_ms(chat.reply, q["question"], q["turns"])

    cached = [repeated(q) for q in questions]
    rows += [("answer latency p50 (ms)", f"{p50:.1f}"), ("answer latency p95 (ms)", f"{p95:.1f}"),
             ("answer latency p99 (ms)", f"{percentile(latencies, 0.99):.1f}"),
             ("repeated question (cached encoding) p50 (ms)", f"{percentile(cached, 0.5):.1f}")]

    for workers in (1, 2):
        chat.encoder.clear_cache()
        with ThreadPoolExecutor(workers) as pool:
            started = time.perf_counter()
            list(pool.map(lambda q: chat.reply(q["question"], q["turns"]), questions))
            rate = len(questions) / (time.perf_counter() - started)
        rows.append((f"answers per second, {workers} thread{'s' if workers > 1 else ''}", f"{rate:.1f}"))

    rows += detection_rows(chat, args.repeat)

    model = shared_embedder(settings.batch_size).model  # the PyTorch reference, loaded only here
    flat = chat.index.vectors
    model.encode(texts[:5], normalize_embeddings=True)
    floor = [timed_ms(lambda t: flat.search(model.encode([t], normalize_embeddings=True), 5), t)
             for _ in range(args.repeat) for t in texts]
    floor_p50 = percentile(floor, 0.5)
    rows += [("floor: PyTorch model.encode + FAISS search p50 (ms)", f"{floor_p50:.1f}"),
             ("answer p50 / floor p50", f"{p50 / floor_p50:.2f}"),
             ("answer p95 / floor p50", f"{p95 / floor_p50:.2f}")]

    if not args.skip_build:
        seconds, peak = build_cost(settings)
        rows += [("index build, fresh process (s)", f"{seconds:.1f}"), ("index build peak memory (MiB)", f"{peak:.0f}")]
    return rows


if __name__ == "__main__":
    sys.exit(main())
