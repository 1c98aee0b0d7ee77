#!/usr/bin/env python3
"""Fit the sentence ranker: which retrieved sentence a direct answer leads with.

For every answerable question and follow-up of the training sets, the question goes
through the app's own steps (input gate, question analysis, retrieval), and each candidate
sentence of the retrieved passages is labelled by whether it holds one of the item's
evidence snippets (the sentence a direct answer must quote). A logistic regression plus a small network (one hidden layer) over
``bot/sentence_ranker.FEATURES`` learns to tell them apart.

Reported first, cross-validated with folds grouped by family (paraphrases of one
situation never straddle a fold): how often the top-ranked candidate holds the evidence,
for the hand-weighted score and for the ranker, per set. Then the ranker is fitted on
everything and written to bot/sentence_ranker.json (plain JSON, no pickle).

Never train on a set you will report as held out: the defaults are the answer sets
already seen during development.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np

from bot.config import PROJECT_ROOT, from_env
from bot.question_sets import SEEN_ANSWER_SETS, load_items
from bot.sentence_ranker import RANKER_FILE, fit_ranker, labelled_candidates
from bot.type_model import TypeModel

EVAL = PROJECT_ROOT / "eval"
DEFAULT_SETS = list(SEEN_ANSWER_SETS)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sets", nargs="+", default=DEFAULT_SETS, help="answer sets in eval/ to learn from")
    parser.add_argument("--hidden", type=int, default=64, help="hidden units (default 64; 8-64 swept, cross-validated)")
    parser.add_argument("--alpha", type=float, default=0.3, help="the network's L2 penalty (default 0.3; 0.01-1 swept)")
    parser.add_argument("--out", type=Path, default=RANKER_FILE, help=f"where to write (default {RANKER_FILE.name})")
    args = parser.parse_args(argv)

    from sklearn.model_selection import GroupKFold

    from bot.chat import Chat

    # The app's question analysis (with the learned answer types), without the ranker being
    # replaced: an old ranker file may have other features.
    chat = Chat(replace(from_env(), learned_answers=False))
    chat.types = TypeModel.load()
    data, names, groups = [], [], []
    for name in args.sets:
        found = labelled_candidates(chat, load_items(EVAL / name))
        data += found
        names += [name] * len(found)
        groups += [f"{name}-{family}" for *_, family in found]
    if len(data) < 10:
        print("error: fewer than 10 answerable items with evidence to learn from", file=sys.stderr)
        return 2
    learned = [np.zeros(0)] * len(data)
    for train, held in GroupKFold(n_splits=5).split(data, groups=groups):
        ranker = fit_ranker(np.vstack([data[n][0] for n in train]), np.concatenate([data[n][1] for n in train]), args.hidden, args.alpha)
        for n in held:
            learned[n] = ranker.score(data[n][0])

    def top_holds(n: int, scores: np.ndarray) -> bool:
        return bool(data[n][1][int(np.argmax(scores))])

    print("| set | items | evidence among candidates | top candidate holds it: hand score | learned (cross-validated) |")
    print("|---|---|---|---|---|")
    for name in [*args.sets, "all"]:
        rows = [n for n in range(len(data)) if name in ("all", names[n])]
        if rows:
            print(f"| {name} | {len(rows)} | {np.mean([data[n][1].any() for n in rows]):.3f} "
                  f"| {np.mean([top_holds(n, data[n][2]) for n in rows]):.3f} "
                  f"| {np.mean([top_holds(n, learned[n]) for n in rows]):.3f} |")
    ranker = fit_ranker(np.vstack([d[0] for d in data]), np.concatenate([d[1] for d in data]), args.hidden, args.alpha)
    args.out.write_text(ranker.to_json({
        "about": "Logistic regression plus a one-hidden-layer network over candidate-sentence features (scripts/train_sentence_ranker.py).",
        "trained_on": args.sets, "hidden": args.hidden, "alpha": args.alpha}), encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
