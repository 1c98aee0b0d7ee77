"""Which clauses state something of the user's own body: what the meaning-based detectors read.

An encoder's vector cannot tell a question from a report, nor "never cold" from "cold", so the
exemplar match and the learned model (``bot/flag_meaning.py``) read only plain statements not set
aside by the clause-level rules of ``bot/context.py``; the patterns read every clause.
"""

from __future__ import annotations

import re

from .context import WORD, Clause
from .general_questions import QUESTION_START
from .persons import FIRST_PERSON

#: Words that reverse or soften a clause ("never cold", "getting better", "walking fine", "feels
#: like a bruise"): the semantic detector, which cannot read polarity, abstains on such clauses;
#: the patterns still read them.
_REASSURED = re.compile(r"\b(?:no|not|never|nothing|none|neither|nor|without|fine|better|improving|normal|normally|mild|mildly|"
                        r"slight|slightly|only|just|like|pain[- ]?free|painless)\b")
#: A request ("show me a quick routine", "any tips?"): it asks, and reports nothing.
_REQUEST = re.compile(r"^(?:show|tell|give|send|recommend|suggest|explain|list|help me|please|pls|plz|"
                      r"any (?:tips|advice|ideas|suggestions|recommendations)|thanks|thank you|cheers)\b")
#: Size words anywhere in a clause, for the meaning-based detectors of categories that ask for a large sign.
SMALL = re.compile(r"\b(?:tiny|small|little|minor|coin[- ]?sized|a few (?:mm|millimet\w*))\b")


def whole_clause_aside(clause: Clause) -> bool:
    """Set aside for the detectors that read a clause whole (exemplars, learned model):
    general, about someone else, in the past, or hypothetical from its opening words."""
    return clause.general or clause.about_other or clause.past or clause.denied or 0 <= clause.hypothetical_at < 25


def speaks_of_self(clause: Clause) -> bool:
    """Whether a clause says "I" or "my" (not "my friend"): the user telling of their own body."""
    return bool(FIRST_PERSON.search(clause.text))


_ASKS = re.compile(r"^(?:what|whats|what's|when|how|which|who|why|where|is|are|am|do|does|did|should|shall|can|could|would|will|"
                   r"has|have|any|anything)\b")


def asks(text: str) -> bool:
    """Whether a clause only asks or requests: a question's opening, or a request ("show me…")."""
    return bool(_ASKS.match(text) or _REQUEST.match(text))


_OWN_BODY = re.compile(r"\bmy (?:hips?|legs?|foot|feet|knees?|groin|thighs?|calf|calves|back|bum|toes?|ankles?|bladder|bowels?|body)\b|"
                       r"\bi (?:keep|kept|can'?t|cannot|couldn'?t|have been|'ve been)\b|\b(?:me|myself)\b")


def tells_own_body(text: str) -> bool:
    """Whether a clause, even a question, tells of the user's own body ("why does my leg feel…")."""
    return bool(_OWN_BODY.search(text))


def semantic_reads(clause: Clause) -> bool:
    """Whether the semantic detector reads a clause: statements only, not softened ones.

    A question asking what to do ("how should I rest a sore hip") shares words with the
    exemplars but reports nothing; symptoms asked about in a question are the patterns' job.
    """
    return not (whole_clause_aside(clause) or _REASSURED.search(clause.text)
                or QUESTION_START.search(clause.text) or _REQUEST.search(clause.text) or len(WORD.findall(clause.text)) < 3)


