#!/usr/bin/env python3
"""Fit the answer-type model: what kind of answer a question asks for.

Every answerable question and follow-up of the training sets carries the answer type its
grader gave (definition, cause, treatment, exercise_howto, exercise_dose, can_i_run,
prevention, recovery_time, see_doctor, yes_no, comparison). The question goes through the
app's own analysis (input gate, asking part, cue rules); a multinomial logistic regression
learns the grader's type from the search text's vector (the one retrieval encodes) and the
rules' guess.

Reported first, cross-validated with folds grouped by family: how often the rules and the
model agree with the graders, per set. Then the model is fitted on everything and written
to bot/answer_type_model.json (plain JSON, no pickle). Re-run scripts/train_sentence_ranker.py
after it: the ranker reads the type.

Never train on a set you will report as held out: the defaults are the answer sets already
seen during development.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np

from bot.config import PROJECT_ROOT, from_env
from bot.gate import admit
from bot.question_sets import SEEN_ANSWER_SETS, load_items
from bot.type_model import TYPE_MODEL_FILE, fit_type_model, type_features

EVAL = PROJECT_ROOT / "eval"
DEFAULT_SETS = list(SEEN_ANSWER_SETS)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sets", nargs="+", default=DEFAULT_SETS, help="answer sets in eval/ to learn from")
    parser.add_argument("-C", type=float, default=3.0, help="inverse regularisation strength (default 3; 0.3-10 swept)")
    parser.add_argument("--out", type=Path, default=TYPE_MODEL_FILE, help=f"where to write (default {TYPE_MODEL_FILE.name})")
    args = parser.parse_args(argv)

    from sklearn.model_selection import GroupKFold

    from bot.chat import Chat

    chat = Chat(replace(from_env(), learned_answers=False))  # the cue rules' types, which the model reads
    s = chat.settings
    rows, labels, rule, names, groups = [], [], [], [], []
    for name in args.sets:
        for item in load_items(EVAL / name):
            if item["kind"] not in ("answerable", "followup") or not item.get("answer_type"):
                continue
            gated = admit(item["question"], item["turns"], max_chars=s.max_input_chars,
                          max_turns=s.max_history_turns, raw_factor=s.raw_input_factor)
            query = chat.understand(gated.message, gated.history)
            rows.append(type_features(chat.encoder.encode_query(query.search_text), query.answer_type))
            labels.append(item["answer_type"])
            rule.append(query.answer_type)
            names.append(name)
            groups.append(f"{name}-{item.get('family', item['id'])}")
    if len(set(labels)) < 2:
        print("error: the training sets need questions of at least two answer types", file=sys.stderr)
        return 2
    x, y, rule = np.stack(rows), np.array(labels), np.array(rule)

    predicted = np.empty(len(y), dtype=object)
    for train, held in GroupKFold(n_splits=5).split(x, y, groups):
        model = fit_type_model(x[train], y[train], args.C)
        predicted[held] = [model.predict_row(row) for row in x[held]]
    print("| set | questions | cue rules agree with the grader | model (cross-validated) |")
    print("|---|---|---|---|")
    for name in [*args.sets, "all"]:
        mask = np.array([name in ("all", n) for n in names])
        if mask.any():
            print(f"| {name} | {int(mask.sum())} | {(rule[mask] == y[mask]).mean():.3f} | {(predicted[mask] == y[mask]).mean():.3f} |")
    fitted = fit_type_model(x, y, args.C)
    args.out.write_text(fitted.to_json({
        "about": "Multinomial logistic regression over the search text's vector and the cue rules' type "
                 "(scripts/train_answer_types.py).", "trained_on": args.sets, "C": args.C}), encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
