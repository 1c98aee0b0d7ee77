"""Before or after the run: the time a question asks about and the time a sentence advises for.

"what should i do after my runs so my hips aren't tight?" is not answered by "Dynamic Warm-Ups:
Before running, perform hip circles…", however alike the two read to the encoder, nor "and for
after the run?" (following a warm-up question) by the warm-up again. A sentence that names only
the other time is no answer to a question that names one time.
"""

from __future__ import annotations

import re

_RUN = (r"(?:a |an |my |the |your |each |every |our |i |you |we )?(?:easy |long |hard )?"
        r"(?:runs?|running|races?|workouts?|sessions?|jogs?|training|go out|head out)\b")
# "and after?", "what about before?", "ok and after that?": a follow-up naming the time alone (at
# its end: "that's what I'm after", "never had this before" name no time)
_ALONE = r"(?:\b(?:and|what about|how about|ok|and for)\s+{0}(?:\s+(?:that|it|then|the run|a run))?\W*$|^\W*{0}\W*$)"
_BEFORE = re.compile(rf"\b(?:before|prior to|ahead of) {_RUN}|\bpre[- ]?(?:run|race|workout)\b|\bwarm(?:ing)?[- ]?ups?\b|"
                     + _ALONE.format("before"))
_AFTER = re.compile(rf"\b(?:after|post|once i finish|when i finish) {_RUN}|\bpost[- ]?(?:run|race|workout)\b"
                    r"|\bcool(?:ing)?[- ]?downs?\b|" + _ALONE.format("after(?:wards?)?"))


#: A time that says when a complaint comes ("sore the day after a long run", "hip pain after
#: running": the articles' whole subject) is no time to do something in.
_WHEN_IT_HURTS = re.compile(r"(\b(?:pain\w*|sore\w*|ache|aches|aching|achy|hurt\w*|tight|tightness|stiff\w*|discomfort|niggl\w*|"
                            r"twinge\w*|injur\w*|problems?|issues?)\b"
                            # ...not across a question: "my hips are tight what should i do after a run"
                            r"(?:\s+(?!what\b|how\b|should\b|can\b|could\b|do\b|any\b)[\w']+){0,4}?\s+)"
                            r"(?:after(?:wards?)?|following|post|before)\b")


def _advice_times(text: str) -> str:
    return _WHEN_IT_HURTS.sub(r"\1~", text.lower())


#: Both times named: "before or after running?", "before I run or after?", "before, during and after".
_BEFORE_WORD = re.compile(r"\b(?:before|pre)\b")
_AFTER_WORD = re.compile(r"\b(?:after(?:wards?)?|post)\b")


def phase(text: str) -> str | None:
    """"before" or "after" when ``text`` names just one time around a run to do something in,
    else ``None`` ("before or after running?", "before I run or after?" name both)."""
    low = _advice_times(text)
    if _BEFORE_WORD.search(low) and _AFTER_WORD.search(low):
        return None
    before, after = bool(_BEFORE.search(low)), bool(_AFTER.search(low))
    return "before" if before and not after else "after" if after and not before else None


def asked_phase(message: str, context: str = "") -> str | None:
    """The time a question asks about: its own words first ("and for after the run?" after a
    warm-up question asks about after), else the turn it borrows its subject from."""
    low = _advice_times(message)
    if _BEFORE.search(low) or _AFTER.search(low):
        return phase(message)
    return phase(context) if context else None
