#!/usr/bin/env python3
"""Write the flag memory: messages graded red flag or not, as the learned detector reads them.

From the red-flag sets: every one-message item with its grade, and every turn of an item
graded not a red flag (a red flag said in an earlier turn is not pinned to one turn, so those
items are left out). From the answer sets: every question and turn, none of them a red flag.
Each message is read as the learned detector reads it (``Triage.message_vector``: the mean
of the vectors of the clauses the context rules keep). Written to bot/flag_memory.npz (NumPy,
no pickle), read by bot/safety.py (bot/flag_memory.py).

Never include a set you will report as held out: the defaults are the sets already seen
during development. Re-run after rebuilding the index with another model, or after changing
the context rules (they decide which clauses are read).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

from bot.config import PROJECT_ROOT, from_env
from bot.flag_memory import FLAG_MEMORY_FILE, FlagMemory
from bot.question_sets import SEEN_ANSWER_SETS, SEEN_RED_FLAG_SETS, load_items

EVAL = PROJECT_ROOT / "eval"


def graded_messages(name: str) -> list[tuple[str, bool]]:
    """(message, is a red flag) for each message of one set whose grade is its own."""
    out = []
    for item in load_items(EVAL / name):
        if not item["turns"]:
            out.append((item["question"], bool(item["red_flag"])))
        elif not item["red_flag"]:
            out += [(text, False) for text in [*item["turns"], item["question"]]]
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sets", nargs="+", default=[*SEEN_RED_FLAG_SETS, *SEEN_ANSWER_SETS],
                        help="red-flag and answer sets in eval/ to remember")
    parser.add_argument("--out", type=Path, default=FLAG_MEMORY_FILE, help=f"where to write (default {FLAG_MEMORY_FILE.name})")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    args = parser.parse_args(argv)

    from tqdm import tqdm

    from bot.index_store import load_index
    from bot.safety import Triage

    settings = from_env()
    triage = Triage(encoder=load_index(settings).encoder, settings=settings, learned=False)
    messages = [(name, text, flag) for name in args.sets for text, flag in graded_messages(name)]
    vectors, flags, sets = [], [], []
    for name, text, flag in tqdm(messages, desc="messages", disable=args.quiet):
        vector = triage.message_vector(text)
        if vector is not None:  # nothing the context rules keep: the detectors never read it either
            vectors.append(vector)
            flags.append(flag)
            sets.append(name)
    if not vectors:
        print("error: no message of those sets has a clause the detectors read", file=sys.stderr)
        return 2
    memory = FlagMemory(np.stack(vectors), np.array(flags), tuple(sets), settings.model_name)
    memory.save(args.out)
    print(f"wrote {args.out}: {len(sets)} messages ({int(np.sum(flags))} red flags) from {len(set(sets))} sets")
    return 0


if __name__ == "__main__":
    sys.exit(main())
