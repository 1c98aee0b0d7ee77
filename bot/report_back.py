"""A turn that reports back on the one before ("update: it was cramp … hip feels normal"): whether
it opens as a report, which earlier signs its all-clear speaks to, and which signs no report undoes.

Read across turns only (``conversation_triage.py``): inside one message, "it was fine at the
weekend, now walking is a struggle" tells a worsening, so these all-clears are not the single-message
ones of ``resolution.cleared``. Kept narrow on purpose: an all-clear rule read too widely hides real
signs ("is it normal?", "my husband says it's fine", the parent's own hip after a child's limp).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .context import Clause, normalise
from .resolution import persists, told
from .statements import asks

if TYPE_CHECKING:
    from .safety import Triage


def opens_report(turn: str) -> bool:
    """Whether a turn opens as a report on the one before ("update:", "actually…", "turns out")."""
    return bool(_OPENS_REPORT.match(turn))


#: What opens a turn that reports back on the one before ("update: it was cramp…", "sorry, should've
#: said, I didn't actually go down", "actually, thinking about it, I just mis-stepped"): the report is
#: read as the turn's opening.
_OPENS_REPORT = re.compile(r"^\W{0,5}(?:(?:(?:quick |small |little )?update|edit|fyi|ps|p\.s\.|news|(?:it )?turn(?:s|ed) out)\b|"
                     r"(?:(?:sorry|apologies|oops)\W{1,5})?(?:i )?should(?:'?ve| have) (?:said|mentioned|explained)\b|"
                     r"(?:sorry|oops|apologies|actually)\b)", re.I)  # bounded: a run of punctuation stays linear


def stays_told(triage: Triage, turn: str) -> bool:
    """Whether an earlier turn tells a sign no later all-clear undoes: a collapse, a fever or a
    temperature, lost bladder or bowel control or saddle numbness, a leg out of shape."""
    return bool(_STAYS.search(normalise(turn)) or triage.by_id["infection"].never_explained.search(normalise(turn)))


_STAYS = re.compile(r"\b(?:collaps\w*|crumpled|went down|bladder|bowels?|incontinen\w*|wet (?:myself|masel)|toilet paper|"
                    r"when i wipe|saddle|shorter|turned out|twisted|deformed|out of place|fever\w*|temperature|temp)\b")


_WHOLLY_FINE = (r"(?<!other )(?<!good )(?<!left )(?<!right )(?:hip|hips|leg|legs|it|everything)(?: itself| themselves)?(?:'s| is| are| feels?| felt| was)? (?:completely |totally |absolutely |perfectly |100% |all )?"
     r"(?:fine|normal|grand|good)(?: now| again| today| since)?(?=\s*(?:[,.;!?]|$|and\b|now\b|lol|haha))|"
     r"feel(?:ing)? (?:totally|completely|absolutely|perfectly|100%) (?:fine|normal|well|grand|ok|okay)|"
     r"walked (?:home |back |off )?(?:totally |completely )?normally|"
     r"(?:walking|running|moving)(?: and (?:walking|running))? (?:totally |completely |perfectly |fine and )?(?:normal(?:ly)?|fine|ok|okay)(?= now| again|\s*[,.;!?]|$)|"
     r"no pain (?:anywhere|at all)(?: now| since)?(?=\s*(?:[,.;!?]|$))|(?:barely|hardly) noticeable")
#: A later turn saying the leg, or the user, is wholly fine again ("hip feels normal", "feel totally
#: fine", "walking and running totally normally now", "no pain anywhere"), and the signs of the turns
#: before it that this speaks to. Only across turns: inside one message, "it was fine at the weekend,
#: now walking is a struggle" tells a worsening.
_REPORTED_CLEAR = (
    # the leg: not a fever, and not a stress fracture, whose pain eases with rest
    (re.compile(rf"\b(?:{_WHOLLY_FINE})\b(?!-?ish)(?!,? but\b)"),
     frozenset(("cannot_bear_weight", "locking_giving_way", "severe_pain", "rapid_worsening", "child_limping"))),
    # the user as a whole: "feel totally fine" speaks to feeling unwell too
    (re.compile(r"\bfeel(?:ing)? (?:totally|completely|absolutely|perfectly|100%) (?:fine|normal|well|grand|ok|okay)\b"),
     frozenset(("infection",))),
)


def reported_clear(parts: list[Clause]) -> frozenset[str]:
    """The categories a turn that reports back ("update: it was cramp, walked the dog for 40 mins no
    problem, hip feels normal") clears: said of the leg or the user, as a statement, in the present,
    with nothing in the turn saying a sign stays, comes back or is only partly gone ("…it's just the
    nights", "during the day it's fine"). The caller asks it only of a turn that opens as a report
    ("update:", "actually…"): "is it normal?" or "my husband says it's fine" report nothing."""
    if any(persists(c.text) or _PARTLY.search(c.text) for c in parts):
        return frozenset()
    statements = [c for c in parts if not (asks(c.text) or c.general or c.past or c.hypothetical_at >= 0)]
    found = frozenset().union(*(categories for pattern, categories in _REPORTED_CLEAR
                                if any(told(c.text, pattern) for c in statements)))
    # a child's limp is cleared only by what is said of the child ("he's walking totally normally"),
    # not of the parent's own hip
    if not any(_CHILD_SUBJECT.search(c.text) for c in statements):
        found -= {"child_limping"}
    return found


_CHILD_SUBJECT = re.compile(r"\b(?:he|she|he'?s|she'?s|his|her|they'?re|son|daughter|kid|child|boy|girl|lad)\b")


#: An all-clear for only part of the time or of the leg: "it's just the nights", "during the day".
_PARTLY = re.compile(r"\b(?:during|in) the day(?:time)?\b|\b(?:the|at|most|some) nights?\b|\bonly (?:when|at|during|in|if)\b|"
                     r"\bwhen i\b|\bwhile\b|\b(?:sitting|lying|resting|in bed|at rest)\b|\bhappens\b|\bevery (?:week|few|other|now)\b|"
                     r"\bstopped\b|\bavoid\w*|\bmoved\b|\bspread\w*|\bsee\b|"
                     r"\bexcept\b|\bapart from\b|\b(?:it'?s|it is) (?:more|mainly|mostly|just|only) (?:the|my|in|at|when)\b|"
                     r"\bbut\b|\bthough\b|\bstill\b")
