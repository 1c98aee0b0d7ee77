"""Which items of a clause deny a sign, for the detectors that read by meaning.

An encoder's vector barely changes with a "no": "no fever, no redness, no swelling" sits beside
"fever, redness, swelling". ``bot/safety.py`` reads a clause without such items; the patterns
read negation word by word (``bot/context.py``) and need no such help.
"""

from __future__ import annotations

import re


#: Items of a list: "not swollen, not hot and no fever" (not "or", which a denial governs: "no fever or chills").
_ITEM = re.compile(r",\s{0,3}|\s{1,3}(?:and|but|plus)\s{1,3}")  # bounded: a run of spaces stays linear
_NEGATOR = re.compile(r"\b(?:no|not|never|without|zero|none|nothing)\b")
#: An item that denies a sign: "no fever", "not swollen", "nothing in my legs", "it's not hot".
_DENIAL = re.compile(r"^(?:(?:there'?s|there is|i have|i've|ive|i had|with|it'?s|its|it is|it was|i'?m|im|i am|is|was|"
                     r"they'?re|they are|and|so|also|just|but|it|this|that|he|she|they|"
                     # the body part or person named first: "my hip's not hot", "my son 15 has no limp"
                     r"(?:my|the|his|her|their)\s+(?:[\w-]+\s+){0,2}?(?:hips?|legs?|knees?|foot|feet|toes|calf|calves|thighs?|groin|"
                     r"back|bum|side|joint|skin|son|daughter|kid|child|boy|girl|lad|teen\w*)(?:\s+\d+)?\s*"
                     r"(?:'s|is|are|was|has|have))\s+)?"
                     rf"(?:{_NEGATOR.pattern})")
#: ...unless what it denies is a function, a relief or a comparison, whose absence is itself the sign:
#: "not able to walk", "no feeling in my foot", "nothing touches it", "not even codeine", "never had pain like this".
_LOST = re.compile(r"\b(?:abl\w*|even|reliev\w*|relief|help\w*|work\w*|touch\w*|eas\w*|budg\w*|shift\w*|improv\w*|"
                   r"better|sleep\w*|slept|feel\w*|felt|sensation|strength|control|power|grip|put|bear\w*|weight|stand\w*|hold\w*|pulse|"
                   r"walk\w*|mov\w*|lift\w*|bend\w*|straighten\w*|go(?:ing)? away|stop\w*|settl\w*|respond\w*|difference|"
                   r"(?<!colour )(?<!color )change|(?<!giving )(?<!gives )(?<!gave )(?<!give )way|chance|idea|sure|there|diet\w*|trying|reason|why|warning|joke|long|only|just|longer|anymore|more|"
                   r"until|since|before|like (?:this|it|that)|(?:this|so|as) bad)\b")


#: A denied item is short ("no fever", "not hot at all"), or a list of short ones the denial governs
#: ("no locking or giving way or nothing"); a longer one may carry the sign itself.
_OR = re.compile(r"\s(?:or|nor)\s")
_DENIAL_WORDS = 4


def _denied_words(item: str) -> str:
    """The item from its negation on ("not hot" of "my hip's not hot")."""
    m = _NEGATOR.search(item)
    return item[m.start():] if m else item


def without_denials(text: str) -> str:
    """``text`` without its short items that deny a sign; as written when none does, or when the
    denial is the whole clause."""
    cuts = [0, *(n for m in _ITEM.finditer(text) for n in (m.start(), m.end())), len(text)]
    items = [(cuts[n], cuts[n + 1]) for n in range(0, len(cuts), 2)]  # (start, end) of each item
    denied = [(a, b) for a, b in items if _DENIAL.search(text[a:b]) and not _LOST.search(text[a:b])
              and all(len(part.split()) <= _DENIAL_WORDS for part in _OR.split(_denied_words(text[a:b])))]
    if not denied or len(denied) == len(items) == 1:
        return text
    return ", ".join(text[a:b] for a, b in items if (a, b) not in denied)
