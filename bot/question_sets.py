"""Read a question set or red-flag set (JSONL) into plain dicts with every field present.

The one loader for ``eval/*.jsonl``: scripts, tuning and tests all read sets through it.
"""

from __future__ import annotations

import json
from pathlib import Path

ANSWER_KINDS = ("answerable", "followup")
"""Items the bot should answer."""
REFUSE_KINDS = ("off_topic", "adversarial")
"""Items the bot should refuse."""
SEEN_ANSWER_SETS = ("answers_dev.jsonl", "answers_test.jsonl", "answers_test2.jsonl", "answers_test3.jsonl", "answers_test4.jsonl",
                    "answers_test5.jsonl", "answers_test6.jsonl", "answers_test7.jsonl", "answers_test8.jsonl", "answers_test9.jsonl",
                    "answers_test10.jsonl", "answers_test11.jsonl", "answers_test12.jsonl", "answers_test13.jsonl",
                    "answers_test14.jsonl", "answers_test15.jsonl", "answers_test16.jsonl", "answers_test17.jsonl",
                    "answers_test18.jsonl", "answers_test19.jsonl", "answers_test20.jsonl", "answers_test21.jsonl", "answers_test22.jsonl",
                    "answers_test23.jsonl", "answers_test24.jsonl", "answers_test25.jsonl", "answers_test26.jsonl", "answers_dev28.jsonl",
                    "answers_dev29.jsonl", "answers_test27.jsonl", "answers_dev30.jsonl",
                    "answers_test28.jsonl", "answers_test29.jsonl", "answers_test30.jsonl", "answers_test31.jsonl",
                    "answers_test32.jsonl")
"""The answer sets already run (each test set once): what the learned models may train on.
A set still held out is added here only after its one run."""
SEEN_RED_FLAG_SETS = ("red_flags_dev.jsonl", "red_flags_dev27.jsonl", "red_flags_dev28.jsonl", "red_flags_dev29.jsonl", "red_flags_dev30.jsonl",
                      "red_flags_dev31.jsonl", "red_flags_dev32.jsonl",
                      "red_flags_test.jsonl",
                      *(f"red_flags_test{n}.jsonl" for n in (*range(2, 49), 50, 51)))
"""The red-flag sets already run, likewise."""


class QuestionFileError(ValueError):
    """A question file that cannot be used, with the file and line in the message."""


def load_items(path: Path) -> list[dict]:
    """A question set or red-flag set as a list of dicts with every field present.

    Red-flag sets name the user's text ``message``; it is read as ``question`` so that
    both kinds of set run through the same code. Their ``kind`` is ``red_flag`` or
    ``hard_negative``.
    """
    items = []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise QuestionFileError(f"{path}:{n}: not JSON ({exc})") from None
        if "message" in item and "question" not in item:
            item["question"] = item.pop("message")
            item.setdefault("kind", "red_flag" if item.get("red_flag") else "hard_negative")
        for key, default in (("turns", []), ("sources", []), ("evidence", []), ("must_mention", []), ("red_flag", False)):
            item.setdefault(key, default)
        if "question" not in item or "kind" not in item:
            raise QuestionFileError(f"{path}:{n}: needs at least 'question' and 'kind'")
        item.setdefault("id", f"q{n}")
        items.append(item)
    return items
