"""Whether a word is denied where it stands: NegEx-style negation scope over a clause's
normalised text.

A negation word just before a match ("no fever", "I didn't fall") reaches it unless a joining word,
a new subject or a comma comes between; a denial reaches the second of two signs joined by "or"
("never felt it lock or give way"); a negator inside a match ("hip doesn't lock") denies it. Kept
apart from the other affirmation rules (``bot/affirmation.py``: someone else's, supposed, a
likeness, a purpose…) because it is one question with its own word lists, read by the cause and
resolution rules too. Every window is bounded, so many matches stay linear.
"""

from __future__ import annotations

import re

#: "nothing's" only straight before the sign ("nothing's swollen"), not across a verb ("nothing
#: seems to help the night sweats"): the window ends where the sign starts.
_NEG = re.compile(
    r"\b(?:no|not|never|without|none|nor|neither|zero|denies|free of|absence of|"
    r"nothing(?:'s| is| was| looks| seems| feels|(?: ever)? (?:gets?|got|goes|went))(?= ?$)|"
    # "nothing red or puffy": a list of signs denied together; "nothing numb": one sign straight after
    r"nothing(?= (?:red|hot|warm|swollen|puffy|numb|tingly|cold|pale|blue|bruised),? (?:or|nor)\b)|"
    r"(?<!does )(?<!did )(?<!do )(?<!done )(?<!doing )(?<!helps )(?<!helped )nothing(?= ?$)|"
    # "I wouldn't call it severe", "wouldn't say it's swollen": a judgement declined
    r"wouldn'?t (?:really |exactly )?(?:call|say|describe)|"
    r"don'?t|doesn'?t|didn'?t|haven'?t|hasn'?t|hadn'?t|isn'?t|aren'?t|wasn'?t|weren'?t|won'?t)\b"
)
#: Words that end a negation's reach inside a clause ("I didn't run today and I can't walk").
_NEG_BREAK = re.compile(
    r"\b(?:and|then|so|now|because|cos|since|plus|until|till|til|i|it|my)\b|,|"
    # Pseudo-negations: "won't go away" says the pain persists, and ends a negation's reach.
    r"\b(?:won'?t|wont|doesn'?t|isn'?t|not) (?:go(?:ing)?(?: away)?|stop(?:ping)?|eas(?:e|ing)|settl(?:e|ing)|shift|budge)\b"
)
_LIST_GOES_ON = re.compile(r"\b(?:or|nor)\b")
_NEG_WINDOW_WORDS = 6
NEG_WINDOW_CHARS = 120
#: A negator inside a match, after its first word ("feet are never cold", "leg is not cold", "ache,
#: not worse at night"); not the "not" of "does not move", which the sign itself asks for, nor the
#: "no" of a loss that is the sign ("leg has no colour", "no feeling").
_INNER_NEG = re.compile(r"\b(?:no|never|without|none|zero)\b(?![- ]go\b| (?:colou?r|pulse|feeling|sensation|strength|control|power)\b)|\b(?:is|are|was|were|'s)\s+not\b|,\s*not\b|"
                        # ...and "doesn't" before a verb that names a sign ("hip doesn't lock or give way",
                        # "doesn't wake me at night"), not one whose loss is the sign ("doesn't take my weight")
                        r"\b(?:doesn'?t|does not|didn'?t|did not|don'?t|do not|hasn'?t|has not)\s+"
                        r"(?:ever\s+|really\s+|actually\s+)?(?:lock|give|catch|stick|buckle|collapse|swell|bruise|wake|fold|hurt|ache|throb)\b|"
                        # ...and "isn't" before a sign said as a state ("isn't limping", "hip isn't locking"), not
                        # one whose absence is the sign ("foot isn't lifting", "isn't getting better", "isn't there")
                        r"\b(?:isn'?t|isnt|aren'?t|arent|wasn'?t|wasnt|weren'?t)\s+(?:ever\s+|really\s+|actually\s+)?"
                        r"(?:limping|hobbling|locking|locked|catching|sticking|stuck|buckling|collapsing|giving way|swelling|swollen|waking|"
                        r"bruised|numb|tingling|tingly|hot|warm|red|cold|blue|pale|discolou?red|puffy|throbbing|hurting|aching|painful|sore)\b")
#: A negation straight before a word a rule needs ("no pain … in bed"): that word is not there.
#: Not "without": "can't lie in bed without pain" states the sign.
DIRECTLY_DENIED = re.compile(r"\b(?:no|not|zero|never)\s+(?:any\s+|much\s+|real\s+|actual\s+)?$")


def negated(text: str, start: int) -> bool:
    """True when a negation word sits just before ``start`` in the same clause.

    Its reach ends at a joining word, a new subject ("no, I cannot walk") or a comma,
    except a comma inside a list the negation governs ("never locks, catches or gives way").
    """
    before = text[max(0, start - NEG_WINDOW_CHARS) : start]  # bounded, so many matches stay linear
    if _NOT_LIKE_THIS.match(text, start) and _NEVER.search(before):
        return False  # "never seen it swell like this": the sign, worse than ever
    if _FINE_BEFORE.search(before) and _AT_REST.match(text, start):
        return True  # "I'm fine at rest"
    cut = 0
    for brk in reversed(list(_NEG_BREAK.finditer(before))):
        if brk.group(0) == "," and _LIST_GOES_ON.search(before[brk.end() :]):
            continue
        if brk.group(0) == "it" and _DENIED_VERB.search(before, 0, brk.start()):
            continue  # "never felt it lock": "it" is the object of a denied verb, not a new subject
        cut = brk.end()
        break
    if _NEG.search(" ".join(before[cut:].split()[-_NEG_WINDOW_WORDS:])):
        return True
    # the second of two signs joined by "or", denied together: "nothing ever gets stuck or gives way",
    # "never felt it lock or give way"; not after a word of time or amount ("never before or swelling")
    joined = _OR_BEFORE.search(before)
    return bool(joined) and negated(text, start - len(before) + joined.start(1))


#: A word and "or" straight before a match: the end of the sign before it, whose negation covers both.
_OR_BEFORE = re.compile(r"\b((?!(?:before|after|first|anything|far|fast|much|more|less|now|today|yesterday|ever|again|once|"
                        r"twice|since|sure|not|that|this|it|so|either|whether)\b)[\w']+) (?:or|nor) $")
#: A verb of feeling, having or calling with its denial straight before it ("never felt", "haven't had",
#: "wouldn't describe"), ending where an "it" follows.
_DENIED_VERB = re.compile(r"\b(?:never|not|no|\w+n't)\s+(?:ever\s+|really\s+|actually\s+)?"
                          r"(?:felt|feel|had|seen|noticed|call|say|describe|found)\s+$")
#: "fine" straight before a time of rest: "I'm fine at rest", "it's ok lying down" (not "felt fine, locked up").
_FINE_BEFORE = re.compile(r"\b(?:i'?m|i am|im|it'?s|its|it is|is|feels?|and|but)\s+(?:totally |completely |perfectly )?(?:fine|ok|okay|comfortable)\s*$")
_AT_REST = re.compile(r"(?:at rest|at night|when resting|while resting|resting|lying|sitting|in bed)\b")
#: A sign said to be worse than ever: "never seen it swell like this", "never had it this bad".
_NOT_LIKE_THIS = re.compile(r"[\w' -]{0,30}?(?<!anything )(?<!something )(?<!nothing )(?<!stuff )\b(?:like (?:this|that)|this bad|that bad|before today)\b")
_NEVER = re.compile(r"\bnever\b")


def denied_at(text: str, m: re.Match) -> bool:
    """Whether a match is denied before it or inside it, after its first word ("leg is not cold")."""
    inner = m.group(0).split(maxsplit=1)
    return negated(text, m.start()) or (len(inner) == 2 and bool(_INNER_NEG.search(inner[1])))
