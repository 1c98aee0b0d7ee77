"""Which items of a clause deny a sign, for the detectors that read by meaning.

An encoder's vector barely changes with a "no": "no fever, no redness, no swelling" sits beside
"fever, redness, swelling". ``bot/safety.py`` reads a clause without such items; the patterns
read negation word by word (``bot/context.py``) and need no such help.
"""

from __future__ import annotations

import re

from .context import WORD

#: Items of a list: "not swollen, not hot and no fever" (not "or", which a denial governs: "no fever or chills").
_ITEM = re.compile(r",\s{0,3}|\s{1,3}(?:and|but|plus)\s{1,3}")  # bounded: a run of spaces stays linear
#: An item that denies a sign: "no fever", "not swollen", "nothing in my legs", "it's not hot".
_DENIAL = re.compile(r"^(?:(?:there'?s|there is|i have|i've|ive|i had|with|it'?s|its|it is|it was|i'?m|im|i am|is|was|"
                     r"they'?re|they are|and|so|also|just|but)\s+)?(?:no|not|never|without|zero|none|nothing)\b")
#: ...unless what it denies is a function, a relief or a comparison, whose absence is itself the sign:
#: "not able to walk", "no feeling in my foot", "nothing touches it", "not even codeine", "never had pain like this".
_LOST = re.compile(r"\b(?:abl\w*|even|reliev\w*|relief|help\w*|work\w*|touch\w*|eas\w*|budg\w*|shift\w*|improv\w*|"
                   r"better|sleep\w*|slept|feel\w*|felt|sensation|strength|control|power|grip|put|bear\w*|weight|stand\w*|"
                   r"walk\w*|mov\w*|lift\w*|bend\w*|straighten\w*|go(?:ing)? away|stop\w*|settl\w*|respond\w*|difference|"
                   r"change|way|chance|idea|sure|there|diet\w*|trying|reason|why|warning|joke|long|only|just|longer|anymore|more|"
                   r"until|since|before|like (?:this|it|that)|(?:this|so|as) bad)\b")


#: A denied item is short ("no fever", "not hot at all"); a longer one may carry the sign itself.
_DENIAL_WORDS = 4


def without_denials(text: str) -> str:
    """``text`` without its short items that deny a sign; as written when none does, or when the
    denial is the whole clause."""
    cuts = [0, *(n for m in _ITEM.finditer(text) for n in (m.start(), m.end())), len(text)]
    items = [(cuts[n], cuts[n + 1]) for n in range(0, len(cuts), 2)]  # (start, end) of each item
    denied = [(a, b) for a, b in items if _DENIAL.search(text[a:b]) and not _LOST.search(text[a:b])
              and len(WORD.findall(text[a:b])) <= _DENIAL_WORDS]
    if not denied or len(denied) == len(items) == 1:
        return text
    return ", ".join(text[a:b] for a, b in items if (a, b) not in denied)
