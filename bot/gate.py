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

#: Only real HTML tag names: "pain <I can't bear weight>" keeps its words.
_TAG = re.compile(
    r"</?(?:(?:a|b|i|p|s|u)(?=\s*/?>|\s+[\w-]{1,30}\s*=)|abbr|blockquote|body|br|button|code|div|em|font|form|"
    r"h[1-6]|head|hr|html|iframe|img|input|li|link|meta|object|ol|pre|script|small|span|strong|style|sub|sup|"
    r"svg|table|td|th|tr|ul|video|audio|embed|!--|!doctype)\b[^<>]{0,400}>",
    re.IGNORECASE,
)
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
        elif kind in ("Zl", "Zp"):
            out.append("\n")  # a line or paragraph separator still ends a sentence
        elif kind == "Cc":
            out.append(" ")
        elif kind in ("Cf", "Cs", "Co", "Cn"):
            continue  # zero-width and format characters, surrogates, private or unassigned
        else:
            out.append(ch)
    return "".join(out)


def _next(lower: str, needle: str):
    """``find(needle, at)`` for ever-increasing ``at``, scanning the text once in all."""
    found = -2

    def at(position: int) -> int:
        nonlocal found
        if found != -1 and found < position:
            found = lower.find(needle, position)
        return found
    return at


def _drop_blocks(text: str, tag: str) -> str:
    """Drop ``<script>…</script>``-style blocks in one left-to-right pass (no regex backtracking).
    An opener with no closer loses only its own tag, not the rest of the message."""
    lower = text.lower()
    opener = f"<{tag}"
    next_closer, next_gt = _next(lower, f"</{tag}"), _next(lower, ">")
    out, pos = [], 0
    while (start := lower.find(opener, pos)) != -1:
        out.append(text[pos:start])
        end = next_closer(start)
        if end == -1:
            tag_end = next_gt(start)
            pos = start + len(opener) if tag_end == -1 else tag_end + 1
            continue
        close = next_gt(end)
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


def clean(text: object, limit: int, raw_factor: int) -> tuple[str, bool]:
    """Normalised, markup-free text cut to ``limit`` characters, and whether it was cut.

    Raw text past ``raw_factor`` × ``limit`` is dropped before any work (Settings.raw_input_factor).
    """
    raw = text if isinstance(text, str) else ("" if text is None else str(text))
    bounded = raw[: limit * raw_factor]
    cleaned = strip_markup(normalise(bounded)[: limit * raw_factor])
    cut = len(cleaned) > limit or len(raw) > len(bounded)
    return cleaned[:limit].strip(), cut


def admit(message: object, history: Sequence[object] | None = (), *, max_chars: int, max_turns: int,
          raw_factor: int) -> Admitted:
    """Gate one message and the earlier user turns of its conversation.

    Only the last ``max_turns`` turns are kept: older ones are not re-read on
    every reply, so a long conversation costs no more than a short one.
    """
    text, cut = clean(message, max_chars, raw_factor)
    recent = list(history or ())[-4 * max_turns :] if max_turns > 0 else []  # bounded before any work
    kept = tuple(t for t in (clean(h, max_chars, raw_factor)[0] for h in recent) if t)[-max_turns:] if max_turns > 0 else ()
    notice = (f"Your message was long, so I read only its first {max_chars:,} characters."
              if cut else None)
    return Admitted(text, kept, notice)
