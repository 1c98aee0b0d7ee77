"""Whether one pattern match is affirmed where it stands, read word by word around it.

NegEx-style rules over a clause's normalised text: a negation just before the match ("no
fever", "I didn't fall") or inside it ("hip doesn't lock"), someone else's sign ("my coach is
hobbling"), a hypothetical cue before it, a purpose ("to stop it getting worse"), a likeness
("legs ache like I was hit by a bus"), a reassurance straight after ("hopping is pain-free") and
a small size for signs that must be large. The clause-level rules (``bot/context.py``) decide
which clauses are read at all; these decide each match in them. Every window is bounded.
"""

from __future__ import annotations

import re

from .persons import someone_else
from .taxonomy import Category
from .tense import DATED

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
#: A likeness ("ache like I was hit by a bus"); "like" as a filler before how much ("get like massive
#: swelling", "it's like really swollen") is none.
_FIGURE = re.compile(r"\b(?:like(?! (?:massive|huge|big|really|very|super|proper|properly|totally|completely|so|seriously|crazy|insanely|"
                     r"mega|dead|well|full|fully|a lot|loads|heaps|\d))|as if|as though)\b")
#: A round thing a sign is likened to: the likeness gives a lump's size ("like a tennis ball under
#: the skin", "as if there's an egg on my hip"), so it is the sign, not a figure of speech.
_SIZE_LIKENESS = re.compile(r"\b(?:balls?|eggs?|oranges?|lemons?|limes?|grapefruits?|plums?|satsumas?|walnuts?|melons?|"
                            r"balloons?|golf ?balls?|marbles?|grapes?)\b")
_NEG_WINDOW_WORDS = 6
_NEG_WINDOW_CHARS = 120
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


def negated(text: str, start: int) -> bool:
    """True when a negation word sits just before ``start`` in the same clause.

    Its reach ends at a joining word, a new subject ("no, I cannot walk") or a comma,
    except a comma inside a list the negation governs ("never locks, catches or gives way").
    """
    before = text[max(0, start - _NEG_WINDOW_CHARS) : start]  # bounded, so many matches stay linear
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
        if _denied_at(text, m):
            continue
        if category.id != CHILD and (someone_else(text, m.start(), m.end(), _NEG_WINDOW_CHARS)
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
    return [m.span() for m in matches] if matches and all(_denied_at(text, m) for m in matches) else []


def _denied_at(text: str, m: re.Match) -> bool:
    inner = m.group(0).split(maxsplit=1)
    return negated(text, m.start()) or (len(inner) == 2 and bool(_INNER_NEG.search(inner[1])))


def reassured_after(text: str, end: int, sign: str = "") -> bool:
    """Whether what ends at ``end`` is said straight after to be fine: "hopping is pain-free", "sleeping fine"
    (not an inability: "can't walk normally")."""
    return bool(_PAIN_FREE.match(text, end)) and not _INABILITY.search(sign)
