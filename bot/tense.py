"""Whether a clause tells the past or now: "used to limp as a kid" is the past, "used to sleep fine,
now the hip wakes me" and "can't hold my pee like I used to" are now.

Read by the clause rules (``context.py``), which mark a clause past; a category that counts the past
(a history of cancer) reads it anyway. A sign told long ago and over since is ``long_ago.py``'s.
"""

from __future__ import annotations

import re

_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
#: A real, recent time: a sign dated to it is told, whatever question frames it
#: (``affirmation.first_affirmed``: "would it be bad to run after slipping … this morning?").
DATED = re.compile(rf"\b(?:today|tonight|this (?:morning|afternoon|evening)|yesterday|last night|"
                   rf"on {_WEEKDAY}|since (?:{_WEEKDAY}|yesterday|last night))\b")
#: What puts a clause in the past: "used to", "years ago", "as a kid", "in the past", "fully healed".
_HISTORICAL = re.compile(
    r"\b(?:(?<!never )(?<!didn't )(?<!didnt )(?<!did not )(?<!not )used to|years ago|as a (?:kid|child|teen|teenager)|when i was (?:a kid|a child|young|little|\d+)|"
    # "in the past" alone, not a recent stretch up to now ("in the past 3 days", "in the past week")
    r"in the past(?!(?:\s+[\w']+){0,2}\s+(?:days?|nights?|weeks?|wks?|hours?|hrs?|minutes?|mins?|months?|years?|fortnight|runs?|sessions?)\b)|back in (?:school|the day)|(?:about |over |more than )?(?:a|one|\d+) years? ago|"
    r"(?:fully|completely|all) (?:healed|recovered)|(?:healed|recovered) (?:up|fine|fully|completely))\b"
)
#: A time of the last day or so, after a sign told long ago: the sign is told again, now.
_RECENT = re.compile(r"\b(?:today|tonight|this (?:morning|afternoon|evening)|yesterday|last night)\b")
#: The present, after a habit told in the past: "it used to turn up at mile 8 … now at mile 1".
_NOW = re.compile(r"\b(?:now|nowadays|these days|today|tonight|last night|this (?:week|morning)|yesterday|lately|"
                  rf"since (?:{_WEEKDAY}|yesterday|last night|the weekend|this morning|then|"
                  r"the (?:fall|accident|crash|collision|race|marathon|half|ultra|run|op|operation|surgery|injection|jab|scope|flight))|"
                  r"this time|any ?more|at the moment|currently|right now)\b")


#: "isn't lifting the way it used to": a body part that moves less than it did is how it is now. Only
#: a movement of "it" or "they" (the foot, the legs), or a sign's own verb the user can no longer do
#: ("can't hold my pee like i used to"): "can't sleep like I used to" is a habit, and "doesn't lock
#: the way it used to" tells a sign that has gone.
_COMPARED = re.compile(r"\b(?:lift\w*|mov\w*|bend\w*|hold\w*|bear\w*|work\w*|clear\w*|straighten\w*|pick\w* up|rais\w*)"
                       r"(?: [\w']+){0,2} (?:the way|like|as) (?:it|they) $|"
                       # ...or what the user can no longer do with it: "can't hold my pee like i used to"
                       r"\b(?:can'?t|cannot|can not|couldn'?t|unable to|struggl\w* to|not able to) (?:hold|lift|move|bear|bend|straighten|"
                       r"raise|feel|control)(?: (?!(?:as|so)\b)[\w']+){0,2} (?:the way|like|as) i $")


#: A strength or steadiness less than it was: "not as strong as it used to be".
_LESS_THAN = re.compile(r"\b(?:not|isn'?t|aren'?t|wasn'?t|no longer|nowhere near) (?:as|so|nearly as|quite as) (?:strong|good|steady|stable|solid|"
              r"reliable|responsive|coordinated|sure|straight|even) as (?:it|they|i)\s*$")
#: "used to" as the measure of how things are now: "like I used to", "compared to how they used to
#: fit", "isn't the colour it used to be", "not as strong as it used to be". Read as now, even where
#: it tells a sign that has gone ("doesn't lock the way it used to"): the safe side to err on.
_THEN_AND_NOW = re.compile(r"(?<!sleep )(?<!sleeping )\b(?:like|the way|how|compared (?:to|with)(?: how)?)(?: [\w']+){0,3} (?:i|it|they|we|he|she)\s*$|"
                           r"\bthe [\w-]+(?: [\w']+){0,3} (?:it|they|i)\s*$|" + _LESS_THAN.pattern)
#: ...but not a sign said to have gone that way ("doesn't go numb the way it used to") nor sleep
#: compared with the past ("can't sleep like i used to before races"): habits, read as before.
_GONE_OR_SLEEP = re.compile(r"\b(?:doesn'?t|don'?t|isn'?t|aren'?t|no longer|never|not)\b(?: [\w']+){1,3} (?:the way|like|as|how)|\bsleep\w*\b")


def in_past(piece: str) -> bool:
    """Whether a clause is about the past; not a habit that "used to" be one way and "now" is worse."""
    found = [m for m in _HISTORICAL.finditer(piece) if not (m.group(0) == "used to" and _measures_now(piece[: m.start()]))]
    if not found:
        return False
    only_habit = all(m.group(0) == "used to" for m in found)
    # ...nor a sign told of today after the old one: "numb foot two years ago, fine since, until
    # today when the whole leg went numb".
    return not ((only_habit and _NOW.search(piece, found[-1].end())) or _RECENT.search(piece, found[-1].end()))


def _measures_now(before: str) -> bool:
    """Whether the words before a "used to" make it the measure of how things are now: a movement
    that is less than it was (``_COMPARED``), or a comparison with then (``_THEN_AND_NOW``) that is
    not of sleep nor of a sign said to have gone, unless it is a strength less than it was."""
    if _COMPARED.search(before[-48:]):
        return True
    near = before[-40:]
    return bool(_THEN_AND_NOW.search(near)) and bool(_LESS_THAN.search(near) or not _GONE_OR_SLEEP.search(before[-60:]))
