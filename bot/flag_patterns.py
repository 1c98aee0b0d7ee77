"""The explicit red-flag patterns: which rules of a category a clause names, in so many words.

Pure functions over a category (``bot/taxonomy.py``) and the clauses of a message
(``bot/context.py``); the triage (``bot/safety.py``) decides what a hit means in the rest of
the message (passed, explained). Kept apart from the meaning-based detectors because these
read words, not vectors: no encoder, and every step is a bounded regular expression.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from .affirmation import CHILD, first_affirmed, listed_fine, only_denied, reassured_after
from .context import Clause
from .negation import DIRECTLY_DENIED
from .taxonomy import Category


def reads(category: Category, clause: Clause) -> bool:
    """Whether the patterns of ``category`` read ``clause`` at all (its context may set it aside)."""
    if clause.general or clause.denied or (clause.past and not category.past_counts):
        return False
    if clause.others_subject and category.id != CHILD:
        return False
    return not (category.local and clause.elsewhere)


def hits(category: Category, parts: list[Clause], n: int) -> Iterator[tuple[str, list[Clause]]]:
    """(the words that matched, the clauses from them on) for every rule of ``category`` that
    clause ``n`` names, alone or read with the clause before it across "but"."""
    for hit in pattern_hits(category, parts[n]):
        yield hit, parts[n:]
    yield from hits_across(category, parts, n)


def hits_across(category: Category, parts: list[Clause], n: int) -> Iterator[tuple[str, list[Clause]]]:
    """(hit, the clauses from it on) for each rule of several patterns read over clause ``n``
    and the one before it, when "but" joins them, the category asks for it (``across_but``)
    and the earlier clause is the user's own plain statement; only hits neither clause holds
    alone ("not dieting, but my clothes hang off me")."""
    if not (category.across_but and n and parts[n].after_contrast):
        return
    before, clause = parts[n - 1], parts[n]
    if not reads(category, before) or before.about_other or before.hypothetical_at >= 0:
        return
    prefix = f"{before.text}, but "
    joined = replace(clause, text=prefix + clause.text, hypothetical_at=(
        clause.hypothetical_at + len(prefix) if clause.hypothetical_at >= 0 else -1))
    alone = {*pattern_hits(category, before), *pattern_hits(category, clause)}
    for hit in pattern_hits(category, joined, several_only=True):
        if hit not in alone:
            yield hit, [joined, *parts[n + 1:]]


def pattern_hits(category: Category, clause: Clause, several_only: bool = False) -> Iterator[str]:
    """The words of each rule whose patterns all match in the clause, rule by rule: a sign
    explained away ("fever after my flu jab") leaves the category's other signs to be read
    ("…, hip is red and hot").

    In a rule of several patterns ("painkillers" + "don't touch it", "pain" + "at
    night") the last one names the sign, so it alone must be affirmed: a negation
    near an earlier part ("I haven't slept, ibuprofen does nothing") is not about it.
    ``several_only`` skips the rules of one pattern (for two clauses read together).
    """
    text = clause.text
    for rule in category.rules:
        if several_only and len(rule) < 2:
            continue
        *context, sign = rule
        # ...but a part said straight after to be fine ("hopping is pain-free") or denied straight
        # before ("no pain, … in bed") is not there.
        words = [m.group(0).strip() for m in
                 (next((m for m in p.finditer(text) if not reassured_after(text, m.end())
                        and not listed_fine(text, m.end(), m.group(0))
                        and not DIRECTLY_DENIED.search(text[max(0, m.start() - 20) : m.start()])), None)
                  for p in context) if m]
        if len(words) < len(context):
            continue
        affirmed = first_affirmed(sign, text, category, clause.hypothetical_at)
        if affirmed:
            # a guard part ("^(?!.*\bsocks?\b)": not a leg moved by hand into socks) matches no words
            yield " … ".join(w for w in [*words, affirmed] if w)


def without_denied(category: Category, clause: Clause) -> str | None:
    """The clause without the signs of ``category`` it names only to deny ("it's not locking or
    giving way, it just feels tight" -> ", it just feels tight"), or ``None`` when it denies none:
    a reading by meaning of the same category must not rest on a denied sign, as an encoder barely
    hears the "not"."""
    if not reads(category, clause):
        return None
    spans = sorted(span for rule in category.rules for span in only_denied(rule[-1], clause.text))
    if not spans:
        return None
    text, at = [], 0
    for start, end in spans:
        text.append(clause.text[at:max(at, start)])
        at = max(at, end)
    return "".join([*text, clause.text[at:]])
