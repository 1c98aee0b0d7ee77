"""The input gate: the first thing every message and history turn passes through.

Every path into the bot (the page, the ``/chat`` API, the CLI, the evaluation)
goes through ``admit`` before anything else reads the text, so every later
stage (red-flag patterns, question analysis, retrieval) sees bounded,
normalised text. That is what keeps a 200,000-character message from costing
more than a 2,000-character one, and an invisible character from changing an
answer.

The order matters: the raw text is cut to a small multiple of the limit
first (so normalising never touches megabytes), then normalised (NFKC, no
zero-width or control characters, no lone surrogates), then stripped of
markup, and only then cut to the limit that the notice reports.

Every pattern here is linear on adversarial input: character classes with
bounded repeats and no nested or overlapping quantifiers.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

#: Raw input beyond this many times the limit is dropped before any work is done on it.
#: Normalising and stripping markup can only shorten text, so a few times the limit is
#: enough to keep every character that could survive to the final cut.
RAW_FACTOR = 4

_TAG = re.compile(r"</?[a-zA-Z!][^<>]{0,400}>")
_MD_LINK = re.compile(r"!?\[([^\[\]\n]{0,300})\]\((?:[^()\s]|\([^()\s]{0,100}\)){0,500}\)")
_SPACE = re.compile(r"[ \t\f\v]+")


@dataclass(frozen=True)
class Admitted:
    """A message and its conversation, ready for every later stage."""

    message: str
    history: tuple[str, ...]
    notice: str | None = None
    """Said to the user when their message was cut."""


def normalise(text: object) -> str:
    """One spelling for every character: NFKC, no invisible or control characters.

    Zero-width joiners and spaces inside a word ("wh\u200by") would split it
    into two unknown words; lone surrogates cannot be encoded as UTF-8 and
    would break logging and JSON output downstream.
    """
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    text = unicodedata.normalize("NFKC", text)
    out = []
    for ch in text:
        kind = unicodedata.category(ch)
        if ch in "\n\t":
            out.append(ch)
        elif kind == "Cc" or kind == "Zl" or kind == "Zp":
            out.append(" ")
        elif kind in ("Cf", "Cs", "Co", "Cn"):
            continue  # zero-width and format characters, surrogates, private or unassigned
        else:
            out.append(ch)
    return "".join(out)


def _drop_blocks(text: str, tag: str) -> str:
    """Drop ``<script>…</script>``-style blocks in one left-to-right pass (no regex backtracking)."""
    lower = text.lower()
    opener, closer = f"<{tag}", f"</{tag}"
    out, pos = [], 0
    while (start := lower.find(opener, pos)) != -1:
        out.append(text[pos:start])
        end = lower.find(closer, start)
        if end == -1:
            return "".join(out)
        close = lower.find(">", end)
        pos = len(text) if close == -1 else close + 1
    out.append(text[pos:])
    return "".join(out)


def strip_markup(text: str) -> str:
    """Keep the words a person reads: drop HTML tags, scripts and link targets."""
    for tag in ("script", "style"):
        text = _drop_blocks(text, tag)
    text = _TAG.sub(" ", text)
    text = _MD_LINK.sub(r"\1", text)
    lines = (_SPACE.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def clean(text: object, limit: int) -> tuple[str, bool]:
    """Normalised, markup-free text cut to ``limit`` characters, and whether it was cut."""
    raw = text if isinstance(text, str) else normalise(text)
    bounded = raw[: limit * RAW_FACTOR]
    cleaned = strip_markup(normalise(bounded))
    cut = len(cleaned) > limit or len(raw) > len(bounded)
    return cleaned[:limit].strip(), cut


def admit(message: object, history: Sequence[object] = (), *, max_chars: int, max_turns: int) -> Admitted:
    """Gate one message and the earlier user turns of its conversation.

    Only the last ``max_turns`` turns are kept: older ones are not re-read on
    every reply, so a long conversation costs no more than a short one.
    """
    text, cut = clean(message, max_chars)
    turns = list(history)[-max_turns:] if max_turns > 0 else []
    kept = tuple(t for t in (clean(h, max_chars)[0] for h in turns) if t)
    notice = (f"Your message was long, so I read only its first {max_chars:,} characters."
              if cut else None)
    return Admitted(text, kept, notice)
