"""Red flags over a whole conversation: each turn read with the next, and the rules that read
every turn at once.

A symptom mentioned once keeps mattering ("it's hot and swollen" then "what stretches help?"
still gets the disclaimer), unless the next turn sets it aside on positive evidence: it takes
the sign back, or gives it an ordinary cause or says it passed. A child named in one message and
their limp in another is read across turns. ``Triage.detect_in_conversation`` calls this.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .affirmation import first_affirmed
from .context import normalise, takes_back
from .long_ago import over_long_ago
from .causes import explained
from .resolution import passed
from .report_back import opens_report, reported_clear, stays_told
from .red_flag import RedFlag

if TYPE_CHECKING:
    from .safety import Triage


def read_conversation(triage: Triage, message: str, earlier: Sequence[str] = ()) -> RedFlag | None:
    """Red flags in this message or any earlier user message given.

    A symptom mentioned once keeps mattering: "it's hot and swollen"
    followed by "what stretches help?" still gets the disclaimer. Earlier
    turns were checked when they were sent, so their results are cached; the
    conversation-level rule re-reads the kept turns (at most ``max_history_turns``,
    each cut by the gate), which costs patterns only.
    """
    turns = (*earlier, message)
    found = [f for f in (_read_with_next(triage, turns, n) for n in range(len(turns))) if f]
    told = _told_over_turns(triage, turns, {c for f in found for c in f.categories})
    if told:
        found.append(told)
    if not found:
        return None
    return RedFlag(*(tuple(dict.fromkeys(x for f in found for x in getattr(f, name)))
                     for name in ("reasons", "evidence", "categories")))


def _read_with_next(triage: Triage, turns: Sequence[str], n: int) -> RedFlag | None:
    """Turn ``n``'s red flags, less those the next turn sets aside on positive evidence: it takes
    the sign back, or opens with an ordinary cause or the sign having passed, and the two turns
    read as one no longer raise it (not finding it again is not enough: a long turn dilutes)."""
    flag = triage.check(turns[n])
    if flag is None or n + 1 >= len(turns):
        return flag
    following = triage.prepare(turns[n + 1])
    if not following:
        return flag
    if takes_back(following[0].text):
        return None  # "haha not literally", "not me, my phone"
    cause = any(explained(k, following) for k in triage.explainable)
    # ...or a sign told months ago that the next turn says has long been over ("fell on ice back in
    # january" then "that's all healed now"): over however it was found.
    long_over = over_long_ago(normalise(turns[n]), [c.text for c in following[:2]])
    over = long_over or passed(following, "")
    goes_on = bool(_GOES_ON.match(following[0].text))
    # ...or reports back that all is well again ("update: it was cramp … hip feels normal"): the
    # signs its all-clear speaks to are set aside, however the earlier turn put them.
    clear = reported_clear(following) if opens_report(turns[n + 1]) and not stays_told(triage, turns[n]) else frozenset()
    if not (cause or over or goes_on or clear):
        return flag  # nothing in the next turn to set a sign aside: no need to read them joined
    joined = triage.check(f"{turns[n].rstrip(' .!')} {turns[n + 1]}" if goes_on else f"{turns[n]}. {turns[n + 1]}")
    still = set(joined.categories) if joined else set()
    alone = triage.check_patterns(turns[n])
    by_pattern = set(alone.categories) if alone else set()

    def set_aside(category: str) -> bool:  # a pattern's non-resolvable sign does not pass
        lasts = not triage.by_id[category].resolvable and category in by_pattern
        # A turn that goes on with the sentence before is read with it: what the patterns found
        # there and the two turns read as one do not raise is set aside.
        return category in clear or (
            (cause or long_over or (over and not lasts) or (goes_on and category in by_pattern)) and category not in still)

    kept = [k for k, c in enumerate(flag.categories) if not set_aside(c)]
    if not kept:
        return None
    return RedFlag(*(tuple(getattr(flag, name)[k] for k in kept) for name in ("reasons", "evidence", "categories")))


#: A child's sign that is a limp, not a leg the child will not use.
_LIMP = re.compile(r"\b(?:limp\w*|hobbl\w*|favou?r\w*)")


#: A turn that goes on with the sentence of the one before: "…couldn't walk properly yesterday" then
#: "because i had a massive blister on my heel", "…got a pins and needles feeling" then "in my hand from
#: holding my phone".
_GOES_ON = re.compile(r"^(?:because|cos|coz|cuz|(?:only|just) (?:because|cos|coz|cuz)|only from|just from|from|in my|on my|"
                      r"like i|as in|due to|which was|which is)\b")


def _told_over_turns(triage: Triage, turns: Sequence[str], already: set[str]) -> RedFlag | None:
    """Categories whose rule reads the whole conversation: a child named in one sentence or
    message and their limp in another ("My son is 9." … "He's been limping")."""
    read = [triage.prepare(turn) for turn in turns]
    parts = [clause for turn in read for clause in turn]
    # a later turn reporting back that all is well clears what the turns before it told
    reports = [reported_clear(t) if opens_report(turn) else frozenset() for turn, t in zip(turns, read)]
    cleared_after = [frozenset().union(*reports[n + 1:]) for n in range(len(read))]
    turn_of = [n for n, turn in enumerate(read) for _ in turn]
    for category in triage.taxonomy.categories:
        rule = category.conversation
        if rule is None or category.id in already:
            continue
        # "my son is 26" names an adult, not a child: such phrases are read past, so a child
        # named beside them ("…and my daughter is 8") still counts.
        named = [category.explained_by.sub(" ", p.text) if category.explained_by else p.text for p in parts]
        speaker = any(rule.speaker.search(p.text) for p in parts)
        whole = " ".join(p.text for p in parts)
        clued = bool(rule.clue and rule.clue.search(whole) and not (rule.adult and rule.adult.search(whole)))
        if not (speaker or clued) and not any(rule.subject.search(text) for text, p in zip(named, parts) if not p.general):
            continue
        for at, (text, clause, n) in enumerate(zip(named, parts, turn_of)):
            if clause.general or (clause.past and not category.past_counts) or category.id in cleared_after[n]:
                continue
            if not (speaker or rule.third_person.search(clause.text) or rule.subject.search(text)):
                continue  # the user's own hip, in a conversation that mentions a child
            sign = first_affirmed(rule.signs, clause.text, category, clause.hypothetical_at)
            # a limp, and only a limp, may have an ordinary cause: "…limped after a stone got in her shoe"
            if sign and not (_LIMP.search(sign) and explained(category, parts[at:], sign)):
                return RedFlag((category.reason,), (sign,), (category.id,))
    return None
