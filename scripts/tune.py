#!/usr/bin/env python3
"""Sweep chunk size and overlap, the per-article cap and the BM25 weight on the question set;
with ``--red-flags``, sweep the semantic red-flag threshold and margin on the dev split.

Each setting gets its own temporary index, built with the same model; the
table printed at the end is what chose the defaults in bot/config.py (see
docs/tuning.md). Slow by nature: one index build per chunking setting.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from bot.config import PROJECT_ROOT, from_env


def sweep_red_flags(thresholds: list[float], margins: list[float]) -> int:
    """Recall and false alarms of patterns + semantic match for each (threshold, margin), on dev only.

    The patterns' verdict does not depend on the two numbers, so each message's clauses are
    scored once and every grid point is a cheap re-count.
    """
    from bot.chat import Chat
    from bot.question_sets import load_items
    from bot.safety import Triage

    chat = Chat(from_env())
    patterns = Triage()
    items = load_items(PROJECT_ROOT / "eval" / "red_flags_dev.jsonl")
    rows = []
    for item in items:
        turns = [*item["turns"], item["question"]]
        by_pattern = any(patterns.detect(t) for t in turns)
        scores = [x for t in turns for x in chat.triage.semantic_scores(chat.triage.semantic_clauses(t))]
        rows.append((item["red_flag"], by_pattern, scores))
    print("| threshold | margin | recall | precision | false alarms | semantic-only catches |")
    print("|---|---|---|---|---|---|")
    for t in thresholds:
        for m in margins:
            tp = fp = fn = only = 0
            for positive, by_pattern, scores in rows:
                by_meaning = any(score >= t and lead >= m for _, score, lead in scores)
                flagged = by_pattern or by_meaning
                tp += positive and flagged
                fn += positive and not flagged
                fp += flagged and not positive
                only += positive and by_meaning and not by_pattern
            print(f"| {t:.2f} | {m:.2f} | {tp / max(tp + fn, 1):.3f} | {tp / max(tp + fp, 1):.3f} | {fp} | {only} |")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--questions", type=Path, default=PROJECT_ROOT / "eval" / "questions.jsonl")
    parser.add_argument("--sizes", default="400,600,800,1000", help="chunk sizes to try (characters)")
    parser.add_argument("--overlaps", default="0,100,200", help="chunk overlaps to try (characters)")
    parser.add_argument("--caps", default="2,3,5", help="per-article caps to try")
    parser.add_argument("--weights", default="0.3",
                        help="BM25 weights in the hybrid score to try (Settings.keyword_weight)")
    parser.add_argument("--red-flags", action="store_true",
                        help="instead: sweep the semantic red-flag threshold and margin on eval/red_flags_dev.jsonl")
    parser.add_argument("--thresholds", default="0.60,0.65,0.70,0.75,0.80")
    parser.add_argument("--margins", default="0.00,0.04,0.08,0.12,0.16")
    args = parser.parse_args(argv)
    if args.red_flags:
        return sweep_red_flags([float(x) for x in args.thresholds.split(",")],
                               [float(x) for x in args.margins.split(",")])

    from tqdm import tqdm

    from bot.chat import Chat
    from bot.torch_model import shared_embedder
    from bot.evaluation import collect, score
    from bot.question_sets import load_items

    items = load_items(args.questions)
    embedder = shared_embedder(from_env().batch_size)
    rows = []
    configs = [(s, o) for s in map(int, args.sizes.split(",")) for o in map(int, args.overlaps.split(",")) if o < s]
    with tempfile.TemporaryDirectory() as tmp:
        for size, overlap in tqdm(configs, desc="chunkings"):
            base = from_env(index_dir=Path(tmp) / f"i{size}-{overlap}", chunk_size=size, chunk_overlap=overlap)
            for cap in map(int, args.caps.split(",")):
                for weight in map(float, args.weights.split(",")):
                    chat = Chat(base.with_(per_doc_cap=cap, keyword_weight=weight), embedder=embedder)
                    results = [collect(chat, item) for item in items]
                    s = score(items, results)
                    rows.append((size, overlap, cap, weight, len(chat.index.chunks), s))
    print("| size | overlap | cap | BM25 weight | chunks | hybrid hit@5 | hybrid MRR | dense MRR | bm25 MRR | "
          "must-mention | refusal | false refusal |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for size, overlap, cap, weight, n, s in rows:
        r = s.retrieval
        print(f"| {size} | {overlap} | {cap} | {weight:g} | {n} | {r['hybrid']['hit@5']:.3f} | {r['hybrid']['mrr']:.3f} | "
              f"{r['dense']['mrr']:.3f} | {r['bm25']['mrr']:.3f} | {s.must_mention:.3f} | {s.refusal_rate:.3f} | "
              f"{s.false_refusal_rate:.3f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
