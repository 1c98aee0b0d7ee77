"""Whether one pattern match is affirmed where it stands, read word by word around it.

Rules over a clause's normalised text: a negation before or inside the match ("no fever", "hip
doesn't lock"; its scope is ``bot/negation.py``), someone else's sign ("my coach is
hobbling"), a hypothetical cue before it, a purpose ("to stop it getting worse"), a likeness
("legs ache like I was hit by a bus"), a reassurance straight after ("hopping is pain-free") and
a small size for signs that must be large. The clause-level rules (``bot/context.py``) decide
which clauses are read at all; these decide each match in them. Every window is bounded.
"""

from __future__ import annotations

import re

from .negation import NEG_WINDOW_CHARS, denied_at
from .persons import someone_else
from .taxonomy import Category
from .tense import DATED

#: A likeness ("ache like I was hit by a bus"); "like" as a filler before how much ("get like massive
#: swelling", "it's like really swollen") is none.
_FIGURE = re.compile(r"\b(?:like(?! (?:massive|huge|big|really|very|super|proper|properly|totally|completely|so|seriously|crazy|insanely|"
                     r"mega|dead|well|full|fully|a lot|loads|heaps|\d))|as if|as though)\b")
#: A round thing a sign is likened to: the likeness gives a lump's size ("like a tennis ball under
#: the skin", "as if there's an egg on my hip"), so it is the sign, not a figure of speech.
_SIZE_LIKENESS = re.compile(r"\b(?:balls?|eggs?|oranges?|lemons?|limes?|grapefruits?|plums?|satsumas?|walnuts?|melons?|"
                            r"balloons?|golf ?balls?|marbles?|grapes?)\b")
#: A negation or a reassurance straight after a sign: "pain free", "painless", "hopping is
#: pain-free", "sleeping fine", "walking totally normally".
_PAIN_FREE = re.compile(r"(?:[- ]?free|less)\b|"  # "less" only attached: "fell less than an hour ago" counts
                        r"\s{1,3}(?:on (?:it|them|both(?: legs| sides)?|that (?:leg|side)|my (?:\w+ )?(?:leg|foot|side))\s{1,3})?"
                        r"(?:is |are |was |feels? |felt )?(?:totally |completely |perfectly |absolutely |just )?"
                        r"(?:fine|ok|okay|normal(?:ly)?|no (?:problem|issue|bother)s?|(?:[- ]?pain[- ]?free))\b|"
                        r"\s{0,2}[-:]{1,2}\s{0,2}(?:none|no|nope|nil|fine|ok|normal|never)\b(?=\s*(?:[,.;]|$))")  # "night pain - none"
#: An activity in a list said together to be fine ("I can walk, hop, run and sleep fine"): read only
#: after a part of a rule that is itself such an activity, never after a sign ("fever, running fine").
_LISTED_FINE = re.compile(r"(?:,?\s{1,3}(?:and\s|or\s|&\s)?\s?(?:walk(?:ing)?|run(?:ning)?|jog(?:ging)?|hop(?:ping)?|"
                          r"jump(?:ing)?|squat(?:ting)?|sleep(?:ing)?|sit(?:ting)?|stand(?:ing)?|lunges?|cycl(?:e|ing)|swim(?:ming)?|"
                          r"climb stairs|do stairs)\b){1,5}\s{1,3}(?:totally |completely |perfectly |absolutely |just )?"
                          r"(?:fine|ok|okay|normally|no (?:problem|issue|bother)s?)\b")
_ACTIVITY = re.compile(r"^(?:walk(?:ing)?|run(?:ning)?|jog(?:ging)?|hop(?:s|ped|ping)?|jump(?:s|ed|ing)?|squat(?:s|ting)?|sleep(?:ing)?)$")


def listed_fine(text: str, end: int, part: str) -> bool:
    """Whether ``part``, one activity, is one of a list said straight after to be fine."""
    return bool(_ACTIVITY.match(part.strip())) and bool(_LISTED_FINE.match(text, end))
#: A sign that is itself an inability ("can't walk normally"): a "normally" after it does not reassure.
_INABILITY = re.compile(r"\b(?:can'?t|cannot|won'?t|unable|not|couldn'?t|wouldn'?t|no)\b")
#: Size or degree words just before a sign, for categories whose sign must be large ("a tiny bruise").
_MINIMISED = re.compile(r"\b(?:tiny|small|little|slight(?:ly)?|minor|mild(?:ly)?|a bit|a little|a touch|bit of an?|"
                        r"coin[- ]?sized|faint|a few (?:mm|millimet\w*))\s+(?:[\w-]+\s+)?$")
CHILD = "child_limping"
"""The one category whose signs count when someone else (a child) has them."""


#: A purpose just before a match is not a report of it: "rest days to prevent this getting worse",
#: "before it gets worse". Only the words the purpose names are set aside, not the rest of the clause.
_PURPOSE_BEFORE = re.compile(r"(?:(?:prevent|stop|avoid|keep) (?:it|this|that|them|things|the pain|my hips?)(?: from)?"
                             r"(?: (?:getting|gettin|going|becoming))?|before (?:it|this|that)(?: (?:gets|turns|becomes))?|"
                             r"so (?:it|this|that) (?:doesn'?t|won'?t|does not|will not)(?: (?:get|turn|become))?) (?:any |even )?$|"
                             # ...and a sign to be avoided: "what should i do to avoid dvt on the plane?"
                             r"\b(?:avoid|avoiding|prevent|preventing|reduce the risk of|lower the risk of|lower my risk of)"
                             r" (?:getting |developing |having )?(?:a |an |any )?$")


#: Worsening waited for ("ok to keep running until it gets worse?"); only worsening: "i can run ten
#: minutes until it gives way" tells the sign.
WORSENING = "rapid_worsening"
_AWAITED = re.compile(r"\b(?:until|till|til|unless|in case|or if|if ever) (?:it|this|that|the pain|things|my hips?) (?:actually |really )?$")


#: A sign whose own words give it to someone else: "after her hip op", "hurt his hip".
_OTHERS_OWN = re.compile(r"\b(?:his|her) (?:own |bad |left |right |sore )?(?:hips?|legs?|knee|foot|feet|thigh|groin|back|calf|ankle|pelvis|"
                         r"joint|bum|side|op|operation|surgery|replacement)\b")
#: ...unless the someone may be a child, whose signs a parent tells ("our daughter isn't putting weight on her leg").
_A_CHILD = re.compile(r"\b(?:son|daughter|kid|kids|child|toddler|baby|boy|girl|lad|lass|teen|teenager|junior|juniors|"
                      r"grandson|granddaughter|niece|nephew|stepson|stepdaughter|little one|\d{1,2} ?(?:yo|y/o|year old|yr old|-year-old))\b")


def first_affirmed(pattern: re.Pattern, text: str, category: Category, hypothetical_at: int = -1) -> str | None:
    """The first match that is not negated, not someone else's, not under a hypothetical cue
    that comes before it, and not a figure of speech."""
    for m in pattern.finditer(text):
        if denied_at(text, m):
            continue
        if category.id != CHILD and (someone_else(text, m.start(), m.end(), NEG_WINDOW_CHARS)
                                    or (_OTHERS_OWN.search(m.group(0)) and not _A_CHILD.search(text))):
            continue  # "coach has done his back in and is hobbling"; "…after her hip op"
        if (0 <= hypothetical_at < m.start() and not DATED.search(text, m.end())) \
                or _PURPOSE_BEFORE.search(text[max(0, m.start() - 50) : m.start()]):
            continue  # supposed, not told; but a sign dated to a real day is told ("would it be bad to run after slipping … this morning?")
        if category.id == WORSENING and _AWAITED.search(text[max(0, m.start() - 40) : m.start()]):
            continue  # "fine to ignore it til it gets worse?": a worsening waited for, not told
        if category.figurative and _FIGURE.search(text[max(0, m.start() - 30) : m.start()]) \
                and not _SIZE_LIKENESS.search(m.group(0)):
            continue
        if reassured_after(text, m.end(), m.group(0)):
            continue  # "hopping is completely pain free"
        if category.minimisable and _MINIMISED.search(text[max(0, m.start() - 30) : m.start()]):
            continue  # "a tiny bruise", "a bit puffy", "a few mm longer"
        return m.group(0).strip()
    return None


def only_denied(pattern: re.Pattern, text: str) -> list[tuple[int, int]]:
    """Where ``text`` names the sign only to deny it ("it's not locking or giving way", "my
    12-year-old isn't limping"): the spans of its matches when there are some and every one is
    negated, else none."""
    matches = list(pattern.finditer(text))
    return [m.span() for m in matches] if matches and all(denied_at(text, m) for m in matches) else []



def reassured_after(text: str, end: int, sign: str = "") -> bool:
    """Whether what ends at ``end`` is said straight after to be fine: "hopping is pain-free", "sleeping fine"
    (not an inability: "can't walk normally")."""
    return bool(_PAIN_FREE.match(text, end)) and not _INABILITY.search(sign)
