"""Word-level helpers shared by answer composition and evaluation, so both judge text alike.

One stop-word list, one tokeniser, and the one definition of a filler sentence:
no topic word of the question, no number, and no instruction. The list also
decides which words of a question count in the unfamiliar-word refusal check
(``retrieval.KeywordIndex.unfamiliar``). BM25 ranking alone keeps bm25s's
built-in English list, with which its weight was tuned: ranking with this list
instead lowered the old set's hit@5 from 0.970 to 0.939 (docs/tuning.md).
"""

from __future__ import annotations

import re

#: Words that carry no topic.
STOP_WORDS = frozenset(
    "a an the and or of to in on for with my i me is are was it its this that do does did can could "
    "should would how what when why which after before from at be by if so as your you am have has "
    "had been will just get got any some about into than then there their they them these those "
    "very really also not no too more most much many one ok okay yeah hi hey im".split()
)
#: A sentence that opens with one of these tells the reader what to do.
INSTRUCTION_VERBS = frozenset(
    "do hold lie stand keep apply try avoid stretch start stop rest ice use place lift lower repeat "
    "perform kneel step bend squeeze engage gradually increase reduce consider consult see seek wear "
    "replace warm cool incorporate include focus strengthen run take".split()
)
_TOKEN = re.compile(r"[a-z0-9]+")


def norm(text: str) -> str:
    """Lower case, straight quotes, single spaces: the form snippets are compared in."""
    return " ".join(text.replace("’", "'").replace("‘", "'").lower().split())


def content_stems(text: str) -> set[str]:
    """Content words cut to five letters, so 'stretches' and 'stretching' meet."""
    return {w[:5] for w in _TOKEN.findall(norm(text)) if w not in STOP_WORDS and len(w) > 2}


def is_concrete(sentence: str) -> bool:
    """A number or an instruction: concrete whatever the question."""
    words = re.findall(r"[a-z]+", sentence.lower())
    return bool(re.search(r"\d", sentence) or (words and words[0] in INSTRUCTION_VERBS))


def is_filler(sentence: str, topic_stems: set[str]) -> bool:
    """No topic word of the question, no number, and no instruction: nothing concrete for it."""
    return not is_concrete(sentence) and not (content_stems(sentence) & topic_stems)


def overlap(a: set[str], b: set[str]) -> float:
    """Jaccard overlap of two stem sets (0 when either is empty)."""
    return len(a & b) / len(a | b) if a and b else 0.0


_LIST_MARK = re.compile(r"^(?:- )?(?:\d+\.\s+)?")


def unlisted(text: str) -> str:
    """A sentence without its list marker ("- ", "2. "): what a reader is shown."""
    return _LIST_MARK.sub("", text, count=1)
