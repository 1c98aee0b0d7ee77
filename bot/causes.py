"""Whether a sign the message names is given an ordinary cause ("night sweats since we got the
electric blanket", "the tent collapsed, so I barely slept"): a cause of one of the category's
kinds (the taxonomy's ``ordinary_causes``), not negated, doubted or a likeness, and the sign not
said to persist. Whether a sign is over is ``resolution.py``'s.
"""

from __future__ import annotations

import re

from .context import Clause
from .negation import negated
from .resolution import PERSISTS
from .taxonomy import Category


def explained(category: Category, rest: list[Clause], sign: str = "") -> bool:
    """Whether the sign in ``rest[0]`` is given an ordinary cause: one of the category's kinds of
    cause from the sign on in its clause ("night sweats since we got the electric blanket"), or at
    the start of the next clause ("slipped on wet grass. didn't go down"), not negated ("not after
    my flu jab"), and the sign not said to persist ("every night for a month in this heatwave")."""
    if category.explained_by is None or any(PERSISTS.search(c.text) for c in rest[:2]) or (
            category.never_explained is not None and category.never_explained.search(rest[0].text)):
        return False
    text = rest[0].text
    start = max(text.find(sign.split(" … ")[0]), 0) if sign else 0
    windows = [(text, start, len(text)), *((r.text, 0, 40) for r in rest[1:2])]
    found = [(where, m) for where, lo, hi in windows for m in category.explained_by.finditer(where, lo, hi)]
    # ...or before the sign, joined to it as its consequence: "the tent collapsed, so I barely slept"
    found += [(text, m) for m in category.explained_by.finditer(text, 0, start) if _SO.search(text[m.end():start])]
    # ...or the subject of the sign's verb: "race nerves kept me awake", "the dog barking kept me up"
    if (kept := _KEPT_ME.search(text, max(0, start - 10), start + 10)) is not None:
        found += [(text, m) for m in category.explained_by.finditer(text, 0, kept.start())
                  if _SUBJECT_OF.match(text[m.end():kept.start()])]
    return any(not negated(where, m.start()) and not _DOUBTED.search(where[max(0, m.start() - 30) : m.start()])
               and not _RULED_OUT_AFTER.match(where, m.end())
               and not _LIKENED.search(where[max(0, m.start() - 40) : m.start()])
               for where, m in found)


#: What joins a cause told first to the sign it led to: "…collapsed in the wind, so I barely slept".
_SO = re.compile(r"\b(?:so|which meant|meaning|and then)\b")


#: A sign told as what something did to the user: "kept me awake", "woke me up".
_KEPT_ME = re.compile(r"(?:kept|keeps|keeping|woke|wakes|waking) (?:me|us)\b")
#: Nothing but a word between a cause and that verb ("the dog barking kept me up"); not a place or
#: a link word.
_SUBJECT_OF = re.compile(r"^(?:\s+(?!(?:on|in|at|of|off|from|to|with|by|for|the|my|a|an|and|or|but|so|then)\b)[\w']+)?\s*$")


#: A comparison, not a cause: numb "like it's been to the dentist", shivery "like a hangover", skin that
#: "looks sunburnt", sweating "as if it was a heatwave", "worse than" a hangover. Read as a likeness, a cause said with
#: "like" ("things like the electric blanket") no longer explains a sign: the safe side to err on.
_LIKENED = re.compile(r"\b(?:like|as if|as though) (?:it'?s|it has|it had|it was|i'?ve|i have|i had|i'?d|i was|they'?ve|they had|s?he'?s|s?he has|s?he had|s?he was|you'?ve|you have|you'?d|there'?s|there was|there were|there is|"
                      r"(?:that|the|this|my) (?:whole )?[\w]+(?:'s| has| had| was| is))"
                      r"(?: [\w']+){0,5} $|\b(?:like|as if|as though|similar to|same as|worse than|looks?|looked|looking|seems?|seemed|appears?)(?: (?:a|an|the|some|one|kind of|sort of|a bit|all|"
                      r"bad|real|massive|proper|big|heavy|nasty|mild|monster|killer|horrible|awful))* $")
#: A cause ruled out straight after it is named: "the stone in his shoe had nothing to do with it".
_RULED_OUT_AFTER = re.compile(r"[^.;!?]{0,25}?\b(?:had|has|have) nothing to do with|[^.;!?]{0,25}?\b(?:wasn'?t|isn'?t) (?:it|that|the (?:reason|cause|problem))\b")
#: A cause the user doubts: "thought it was the new duvet" says it was not.
_DOUBTED = re.compile(r"\b(?:thought|assumed|figured|blamed|put it down to|hoped|could it be|could that be|maybe|is it|might it be|"
                      r"probably|surely|must be|i guess|i reckon|hopefully|"
                      # a cause ruled out, or tried and not the answer: "nothing to do with the mattress",
                      # "even after buying a new mattress"
                      r"nothing to do with|not (?:because of|from|due to|the)|(?:isn'?t|wasn'?t|is not|was not) (?:the|from|because)|"
                      r"even (?:after|with|on|in|though|since))\b")
