#!/usr/bin/env python3
"""Sweep chunk size and overlap, the per-article cap and the BM25 weight on the question set.

Each setting gets its own temporary index, built with the same model; the
table printed at the end is what chose the defaults in bot/config.py (see
docs/tuning.md). Slow by nature: one index build per chunking setting.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bot.config import PROJECT_ROOT, from_env  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--questions", type=Path, default=PROJECT_ROOT / "eval" / "questions.jsonl")
    parser.add_argument("--sizes", default="400,600,800,1000", help="chunk sizes to try (characters)")
    parser.add_argument("--overlaps", default="0,100,200", help="chunk overlaps to try (characters)")
    parser.add_argument("--caps", default="2,3,5", help="per-article caps to try")
    parser.add_argument("--weights", default="0.3",
                        help="BM25 weights in the hybrid score to try (Settings.keyword_weight)")
    args = parser.parse_args(argv)

    from tqdm import tqdm

    from bot.chat import Chat
    from bot.embedding import shared_embedder
    from bot.evaluation import collect, score
    from scripts_common import load_questions  # type: ignore

    items = load_questions(args.questions)
    embedder = shared_embedder()
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
