"""Signs said of things: "the buckle on my belt gave way", "the river was swollen", "our tent collapsed";
feelings told as a sensation ("tingling with excitement"); and an animal's limp.

Words that name a sign of the body also name what happens to kit, gadgets, the weather and
plans. Said of a thing named just before them, with no body part or person between, they are
put plainly ("the buckle on my belt failed") before either detector reads the message, so
neither the patterns nor the meaning-based detectors take them for the user's body. One
bounded look back per sign word, so the cost stays linear.
"""

from __future__ import annotations

import re

from .persons import ANIMALS

#: Things that swell, collapse, crash or give way without a body: kit, gadgets, the weather and the
#: land, plans and feelings ("the buckle on my belt gave way", "the river was swollen", "our tent
#: collapsed", "my watch crashed"). Not vehicles, furniture or the ground: a bike that crashed or a
#: chair that gave way may have thrown the user.
_THING = re.compile(r"^(?:buckles?|belts?|straps?|zips?|zippers?|laces?|shoelaces?|soles?|insoles?|midsoles?|foam|cushioning|"
                    r"shoes?|trainers?|sneakers?|spikes|vests?|packs?|bags?|bottles?|flasks?|pockets?|seams?|stitching|tights|"
                    r"shorts|socks?|watch|watches|garmin|phone|app|apps|gps|strava|headphones|earbuds|battery|laptop|computer|"
                    r"website|site|server|wifi|signal|tent|umbrella|gazebo|river|stream|creek|lake|sea|tide|waves?|wind|weather|"
                    r"sky|clouds?|market|stocks?|shares|prices?|plans?|schedule|budget|ego|pride|confidence|motivation|morale|"
                    r"mood|nerves|voice|team|ballot|entry|entries|queue|crowd|deal|talks|"
                    r"negotiations|marriage|relationship|cake|souffle|sponge|bread|dough|balloons?)$")
#: Words that mean the sign is said of a body after all ("my hip gave way", "i crashed", "it gave way")
#: or end the look back ("hit the wall and crashed", "…in the last mile of the race gave out").
_BODY_OR_BREAK = re.compile(r"^(?:i|i'm|im|i've|ive|me|myself|you|he|she|we|they|it|its|it's|hips?|legs?|knees?|thighs?|"
                            r"foot|feet|ankles?|groin|glutes?|bum|butt|calf|calves|back|body|side|joint|pelvis|shins?|"
                            r"toes?|heels?|muscles?|tendons?|and|then|when|after|because|but|or|while|"
                            # a place or time between ("my leg in the last mile of the race gave out"): the thing is not the subject
                            r"in|into|during|of|since|at|from|before|through|over|under|by|till|until)$")
_THING_LOOK_BACK = 5


def said_of_a_thing(text: str, start: int, match: str) -> bool:
    """Whether a sign is said of a thing named just before it, with no body or person between."""
    if any(_BODY_OR_BREAK.match(w) for w in match.split()):
        return False
    for word in reversed(text[max(0, start - 60) : start].split()[-_THING_LOOK_BACK:]):
        word = word.strip(",'")
        if _BODY_OR_BREAK.match(word):
            return False
        if _THING.match(word):
            return True
    return False


#: Sign words that things also do, and what they mean of a thing.
_SIGN_OF_THING = re.compile(r"\b(?:(?:gave|give|gives|giving) (?:way|out)|collaps(?:ed|es|ing)|crash(?:ed|es|ing)|"
                            r"buckl(?:ed|es|ing)|snapped|(?:locked|locks|locking|seized|jammed|froze)(?: up)?|frozen|"
                            r"(?P<swell>swollen|swelled|swelling))\b")
#: A feeling told as a body's sensation: "tingling with excitement", "shaking with nerves".
_FEELING = re.compile(r"\b(?:tingl\w*|shiver\w*|shaking|shook|trembl\w*|numb|buzzing) (?:with|from) "
                      r"(?:excitement|anticipation|nerves|pride|joy|emotion|happiness|adrenaline|fear|rage|anger)\b")


#: An animal's limp: "my cat is limping on her back hip", "our greyhound started hobbling".
_ANIMAL_LIMP = re.compile(rf"\b((?:my|our|the|a|his|her|their) (?:[\w-]+ )?(?:{ANIMALS})s?(?:'s)?"
                          r"(?: (?:is|was|has been|'s|keeps|kept|started|starts|began|seems|seemed))?"
                          r"(?: (?:a bit|badly|really|suddenly|now|still|slightly|quite))?) "
                          r"(?:limping|hobbling|limps|hobbles|limped|hobbled)\b")


def plain_things(text: str) -> str:
    """``text`` (normalised) with each sign word said of a thing put plainly."""
    def plain(m: re.Match) -> str:
        if not said_of_a_thing(text, m.start(), m.group(0)):
            return m.group(0)
        return "high" if m.group("swell") else "failed"

    text = _ANIMAL_LIMP.sub(r"\1 lame", _FEELING.sub("excited", text))
    return _SIGN_OF_THING.sub(plain, text)
