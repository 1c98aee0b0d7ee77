#!/usr/bin/env python3
"""Drive a running chat app with many concurrent sessions and report errors and latency.

Each simulated user opens their own gradio_client session and asks a fixed
sequence of questions. Besides errors and latency, every reply is checked for
leaks: the conversation the server returns to a session must contain exactly
that session's own questions, in order. Loopback only, bounded in count.

``--adversary`` runs the same load twice, without and then with one hostile
client that keeps sending 200,000-character pathological messages and 1 MB
feedback posts, and reports the normal sessions' p95 in both runs: no one
message may slow everybody else down.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

QUESTIONS = [
    "How do I do clamshells?", "how many reps?", "Why do my hips hurt after running?",
    "What stretches help tight hip flexors?", "how long should I hold it?", "What is hip bursitis?",
    "I fell and now my hip hurts", "How often should I replace running shoes?",
    "What is a good banana bread recipe?", "When should I see a doctor about hip pain?",
]


def user_text(message: dict) -> str:
    content = message["content"]
    if isinstance(content, list):
        return "".join(part.get("text", "") for part in content if isinstance(part, dict))
    return str(content)


def one_session(url: str, session: int, questions: int) -> dict:
    from gradio_client import Client

    from bot.markup import escape_user_text

    client = Client(url, verbose=False)
    latencies, errors, leaks, asked = [], [], 0, []
    for i in range(questions):
        question = f"{QUESTIONS[i % len(QUESTIONS)]} (session {session})"
        started = time.perf_counter()
        try:
            conversation, _ = client.predict(question, api_name="/chat")
        except Exception as exc:  # a failed request is counted, not fatal
            errors.append(f"session {session} question {i}: {exc}")
            continue
        latencies.append((time.perf_counter() - started) * 1000)
        asked.append(escape_user_text(question))
        seen = [user_text(m) for m in conversation if m["role"] == "user"]
        if seen != asked:
            leaks += 1
    return {"latencies": latencies, "errors": errors, "leaks": leaks}


def run_load(url: str, sessions: int = 20, questions: int = 10) -> dict:
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=sessions) as pool:
        results = list(pool.map(lambda s: one_session(url, s, questions), range(sessions)))
    latencies = sorted(x for r in results for x in r["latencies"])
    q = statistics.quantiles(latencies, n=20) if len(latencies) >= 2 else [0.0] * 19
    return {
        "requests": sessions * questions,
        "answered": len(latencies),
        "errors": [e for r in results for e in r["errors"]],
        "leaks": sum(r["leaks"] for r in results),
        "p50_ms": statistics.median(latencies) if latencies else 0.0,
        "p95_ms": q[18],
        "seconds": time.perf_counter() - started,
    }


#: Messages that cost quadratic time in naive markup or negation handling.
PATHOLOGICAL = ["[" * 200_000, "<a" * 100_000, "no hobbling " * 16_000, "<script" * 28_000, "\u200b" * 200_000]


def adversary(url: str, stop: threading.Event, limit: int = 200) -> dict:
    """One hostile client: huge pathological messages and 1 MB feedback posts until ``stop``."""
    import httpx
    from gradio_client import Client

    client = Client(url, verbose=False)
    base = url.rstrip("/")
    config = httpx.get(f"{base}/config", timeout=30).json()
    like = next(i for i, d in enumerate(config["dependencies"])
                if any(t[1] == "like" for t in d.get("targets", [])))
    sent = refused = 0
    while not stop.is_set() and sent < limit:
        text = PATHOLOGICAL[sent % len(PATHOLOGICAL)]
        try:
            client.predict(text, api_name="/chat")
        except Exception:
            refused += 1
        body = json.dumps({"data": [None], "event_data": {"index": 1, "value": "x" * 1_000_000, "liked": True},
                           "fn_index": like, "session_hash": f"adversary{sent}"})
        try:
            if httpx.post(f"{base}/gradio_api/queue/join", content=body, timeout=30,
                          headers={"content-type": "application/json"}).status_code >= 400:
                refused += 1
        except httpx.HTTPError:
            refused += 1
        sent += 1
    return {"sent": sent, "refused": refused}


def run_with_adversary(url: str, sessions: int, questions: int) -> dict:
    """The same load without and then with the adversary, measured in one run."""
    baseline = run_load(url, sessions, questions)
    stop = threading.Event()
    with ThreadPoolExecutor(max_workers=1) as pool:
        hostile = pool.submit(adversary, url, stop)
        attacked = run_load(url, sessions, questions)
        stop.set()
        hostile = hostile.result()
    return {"baseline": baseline, "attacked": attacked, "adversary": hostile,
            "p95_ratio": attacked["p95_ms"] / max(baseline["p95_ms"], 1e-9)}


def _print(label: str, report: dict) -> None:
    print(f"{label}requests {report['requests']}, answered {report['answered']}, errors {len(report['errors'])}, "
          f"memory leaks {report['leaks']}, p50 {report['p50_ms']:.1f} ms, p95 {report['p95_ms']:.1f} ms, "
          f"{report['seconds']:.1f} s")
    for error in report["errors"][:10]:
        print(f"  {error}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", default="http://127.0.0.1:7860/", help="a running app (loopback only)")
    parser.add_argument("--sessions", type=int, default=20, help="concurrent users (default 20)")
    parser.add_argument("--questions", type=int, default=10, help="questions per user (default 10)")
    parser.add_argument("--adversary", action="store_true",
                        help="run the load twice, the second time beside a hostile client, and compare p95")
    args = parser.parse_args(argv)
    host = args.url.split("//", 1)[-1].split("/", 1)[0].split(":")[0]
    if host not in ("127.0.0.1", "localhost", "::1", "[::1]"):
        print("error: load tests target this machine's loopback address only", file=sys.stderr)
        return 2
    if args.adversary:
        result = run_with_adversary(args.url, args.sessions, args.questions)
        _print("without adversary: ", result["baseline"])
        _print("with adversary:    ", result["attacked"])
        print(f"adversary: {result['adversary']['sent']} rounds, {result['adversary']['refused']} requests refused; "
              f"normal p95 with / without: {result['p95_ratio']:.2f}x")
        reports = [result["baseline"], result["attacked"]]
    else:
        reports = [run_load(args.url, args.sessions, args.questions)]
        _print("", reports[0])
    return 0 if all(not r["errors"] and not r["leaks"] for r in reports) else 1

if __name__ == "__main__":
    sys.exit(main())
