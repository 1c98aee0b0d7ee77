#!/usr/bin/env python3
"""Write the answer memory: graded questions and the sentences that answered them.

Every answerable question, follow-up and off-topic question of the given answer sets goes
through the app's own steps (input gate, question analysis), and its search text is encoded
by the index's encoder, as a user's question is. The sentences of the index that hold one of
its evidence snippets (after the repair of the paraphrased article) are what answered it; an
off-topic question has none. Written to bot/answer_memory.npz (NumPy, no pickle), read by
the composer (bot/answer_memory.py).

Never include a set you will report as held out: the defaults are the answer sets already
seen during development. Re-run after rebuilding the index with another model.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np

from bot.answer_memory import MEMORY_FILE, AnswerMemory, sentence_key
from bot.config import PROJECT_ROOT, from_env
from bot.question_sets import SEEN_ANSWER_SETS, load_items
from bot.sentence_ranker import holds_evidence
from bot.text import norm
from bot.type_model import TypeModel

EVAL = PROJECT_ROOT / "eval"


def answered_by(texts: list[str], evidence: list[str]) -> tuple[str, ...]:
    """The keys of the sentences holding the evidence. A snippet that is only part of a
    sentence, and part of several ("Do 3 sets of 10–12 reps on each side." ends both the
    clamshell and the leg-lift lines), does not say which of them answered, so names none."""
    keys: list[str] = []
    for snippet in evidence:
        inside = [sentence_key(t) for t in texts if holds_evidence(t, [snippet])]
        whole = [k for k in inside if k in norm(snippet)]
        keys += inside if len(set(inside)) == 1 else whole
    return tuple(dict.fromkeys(keys))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sets", nargs="+", default=list(SEEN_ANSWER_SETS), help="answer sets in eval/ to remember")
    parser.add_argument("--out", type=Path, default=MEMORY_FILE, help=f"where to write (default {MEMORY_FILE.name})")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    args = parser.parse_args(argv)

    from tqdm import tqdm

    from bot.chat import Chat
    from bot.cleaning import apply_glossary
    from bot.corpus import load_glossary
    from bot.gate import admit

    # The app's question analysis, without reading a memory file that may be stale.
    chat = Chat(replace(from_env(), learned_answers=False))
    chat.types = TypeModel.load()
    s = chat.settings
    glossary = {}
    for g in (s.corpus_dir / "glossary").glob("*.json"):
        glossary |= load_glossary(s.corpus_dir, g.stem)
    texts = [sentence.text for sentence in chat.index.sentences]
    items = [(name, item) for name in args.sets for item in load_items(EVAL / name)
             if item["kind"] == "off_topic" or (item["kind"] in ("answerable", "followup") and item["evidence"])]
    vectors, answers, sets = [], [], []
    for name, item in tqdm(items, desc="questions", disable=args.quiet):
        keys = answered_by(texts, [*item["evidence"], *(apply_glossary(e, glossary) for e in item["evidence"])])
        if not keys and item["kind"] != "off_topic":
            continue  # its evidence is in no sentence of this index: nothing to remember
        # An off-topic turn is remembered alone: "what about marathon plans?" after "what's the
        # 10% rule?" is off-topic, the 10% rule is not.
        turns = [] if item["kind"] == "off_topic" else item["turns"]
        gated = admit(item["question"], turns, max_chars=s.max_input_chars, max_turns=s.max_history_turns,
                      raw_factor=s.raw_input_factor)
        query = chat.understand(gated.message, gated.history)
        vectors.append(chat.encoder.encode_query(query.search_text))
        answers.append(keys)
        sets.append(name)
    if not vectors:
        print("error: no answerable item of those sets has evidence in the index", file=sys.stderr)
        return 2
    memory = AnswerMemory(np.stack(vectors), tuple(answers), tuple(sets), s.model_name)
    memory.save(args.out)
    print(f"wrote {args.out}: {len(memory)} questions from {len(set(sets))} sets")
    return 0


if __name__ == "__main__":
    sys.exit(main())
