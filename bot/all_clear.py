"""Which signs the user's own all-clear speaks to: "walking fine" speaks to bearing weight, not to a
fever. A reading by meaning in a category the user has cleared is outweighed (``flag_meaning.py``).
Whether a sign the message names has passed is ``resolution.py``'s.
"""

from __future__ import annotations

import re

from .context import Clause
from .resolution import told


#: The user saying the leg works as it should, and the signs each such word speaks to: walking
#: fine speaks to bearing weight, giving way and a fall; sleeping fine to night pain; nothing hurting
#: to pain (and, "today", to what the legs did yesterday); easing once warm to a fall, a cold leg or
#: a worsening; feeling fine otherwise to feeling unwell; better each day, or a pain score come down,
#: to a worsening and to the signs of a bone. A hedged all-clear ("fine-ish", "fine
#: but…") is none. A lump, a fever reading, numbness or weight loss is spoken to by none of them.
_ALL_CLEAR_SPEAKS_TO = tuple((re.compile(rf"\b(?:{words})\b(?!-?ish)(?!,? but\b)"), frozenset(categories)) for words, categories in (
    (r"walking (?:is |was |'s )?(?:fine|ok|okay|normal(?:ly)?)|(?:can|could) walk (?:fine|ok|okay|normally|no problem)|grand to walk",
     ("cannot_bear_weight", "locking_giving_way", "fracture_deformity", "trauma")),
    (r"doesn'?t wake me|sleep(?:ing)? (?:fine|ok|okay|well)", ("severe_pain", "stress_fracture")),
    (r"nothing hurts (?:today|now)|feel(?:ing)? (?:fine|great|good) (?:today|now)",
     ("severe_pain", "stress_fracture", "rapid_worsening", "trauma", "locking_giving_way", "cannot_bear_weight", "infection")),
    (r"nothing hurts|painless|pain[- ]free", ("severe_pain", "stress_fracture", "rapid_worsening", "trauma")),
    (r"eases? (?:off )?(?:once|when|after) i'?m? ?warm\w*|eased off", ("trauma", "vascular", "rapid_worsening")),
    (r"feel(?:ing)? (?:fine|great|good) otherwise", ("infection",)),
    # getting better day by day, or a score come down: the opposite of a worsening
    (r"(?:a bit |a little |much |a lot |loads |way )?better (?:each|every) day|(?:each|every) day (?:it'?s |it has |has )?(?:been )?"
     r"(?:a bit |a little |much |a lot )?(?:better|easier)|easier again|(?:barely|hardly) notice it|"
     r"(?:loads|lots|much|way|a lot|heaps|miles) better (?:today|now|again|this \w+)|"
     r"(?:down|dropped|fallen|fell) to (?:a |about |maybe )?[0-3] ?/ ?10|today (?:it'?s|it is) (?:a |about |maybe )?[0-2] ?/ ?10",
     ("rapid_worsening", "stress_fracture", "fracture_deformity", "severe_pain")),
))


def cleared(parts: list[Clause]) -> frozenset[str]:
    """The categories the user's own all-clear speaks to (``_ALL_CLEAR_SPEAKS_TO``), each said in
    a clause and not negated: a reading by meaning in one of them is outweighed."""
    return frozenset().union(*(categories for pattern, categories in _ALL_CLEAR_SPEAKS_TO
                               if any(told(c.text, pattern) for c in parts)))
