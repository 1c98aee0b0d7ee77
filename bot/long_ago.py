"""A sign told a month or more ago and told as over since: "had sciatica last year, it cleared".

Such a sign is in the past however the message tells it, unless anything says it stays or is
back ("…healed, now the same spot aches at night"). Read by the clause rules (``bot/context.py``,
the clause and the next) and across turns (``bot/conversation_triage.py``, a turn and the next).
"""

from __future__ import annotations

import re

#: A time a month or more ago ("last year", "back in january", "three months ago") ...
_MONTH = (r"(?:january|february|march|april|may|june|july|august|september|october|november|december|"
          r"jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\b")
_LONG_AGO = re.compile(rf"\b(?:last (?:year|season|spring|summer|autumn|fall|winter|month|term|semester)|(?:back in|last|in) {_MONTH}|"
                       r"back in (?:the )?(?:spring|summer|autumn|winter|\d{4})|in (?:19|20)\d\d|"
                       r"(?:a|one) (?:month|year) ago|ages ago|a (?:good )?while (?:ago|back)|"
                       r"(?:(?:a|one|two|three|four|five|six|several|many|some|a few|a couple of|\d+) )?(?:months|years) ago|"
                       r"(?:about |like |around )?(?:a|one|two|three|four|five|six|several|many|a few|a couple of|\d+) (?:months|years) back|"
                       # a time of life: "back in my teens", "as a kid", "when i was 12", "at uni"
                       r"in my (?:teens|twenties|thirties|youth|school days|uni days|college days)|"
                       r"as a (?:kid|child|teen|teenager|youngster|boy|girl|junior)|"
                       r"when i was (?:a (?:kid|child|teen|teenager|junior|student)|young|younger|little|small|at (?:school|uni|college)|in (?:school|college)|"
                       r"\d{1,2}(?=(?: years? old| yo)?(?:,| i\b| my\b| we\b| and\b|$)))|"
                       r"(?:in|during|over) the (?:summer|spring|autumn|winter) (?:holidays|break)|in the (?:summer|spring|autumn)(?= ?,| it| and| but| [\w']+ (?:cleared|healed|settled|went))|"
                       r"(?:in|back in|during) (?:my )?(?:uni|university|college|school) (?:days|years))\b")
#: How long an all-clear has held, up to now: "well for three weeks now", "fine for a couple of months since".
_SPAN = r"for (?:(?:a few|a couple of|several|many|two|three|four|five|six|seven|eight|\d+) )?(?:weeks|months|years|ages)"
#: Not after a denial: "has never been fine since" is no all-clear.
_UNDENIED = (r"(?<!never )(?<!not )(?<!n't )(?<!never been )(?<!not been )(?<!n't been )(?<!n't felt )(?<!not feeling )"
             r"(?<!not really been )(?<!n't really been )(?<!n't really felt )")
#: ...and the sign told there as over, in its clause or the next ("…last year and it completely cleared
#: with physio", "tripped last month. x-ray normal and it settled within a week"), with nothing saying it stays.
_OVER_SINCE = re.compile(rf"\b(?:cleared|healed|recovered|resolved|settled|went away|"
                         r"gone(?! (?:numb|dead|weak|white|pale|blue|cold|purple|stiff|red|hot|funny|floppy|to sleep|wobbly|worse|again))|(?:all |fully |completely |totally )better|"
                         rf"{_UNDENIED}(?:been )?fine (?:since|ever since|now)|"
                         r"all good (?:now|since|ever since)|(?:fine|ok|okay|good|no (?:problems?|issues?|trouble|symptoms?|pain|bother)) for "
                         r"(?:years|months|ages)|"
                         # "no symptoms since", "had no issues since", "rock solid since", "sorted it", "discharged me",
                         # "back to full training for months" (not "all clear": an x-ray's may be, while the pain stays)
                         r"no (?:problems?|issues?|trouble|symptoms?|pain|bother|recurrence)(?: at all| whatsoever)? (?:since|ever since)|"
                         r"rock[- ]solid|(?:physio|doctor|gp|surgeon|it|that|rehab) sorted(?: it| itself| out)?|sorted itself(?: out)?|got it sorted|"
                         r"discharged me(?! (?:from|with|on))|(?:been|was|got) discharged(?! (?:from|with|on))|"
                         r"back (?:to|in) (?:full |normal )?(?:training|running) for (?:weeks|months|years|ages)|never (?:happened|came back|returned|had it)(?: again| since)?|"
                         rf"{_UNDENIED}(?:fine|ok|okay|good|well|grand|healthy) {_SPAN} (?:now|since)|"
                         r"(?:hasn'?t|has not|haven'?t|have not|'s no|is no) (?:happened|come back|returned|had (?:it|any))(?: again| since)?|"
                         # none of the sign since, said in so many words, not denied: "pain-free ever since",
                         # "the pain went within a week"
                         rf"{_UNDENIED}pain[- ]free (?:ever since|since|{_SPAN})|"
                         rf"{_UNDENIED}went (?:within|in|after) (?:a|one|two|three|\d+|a few|a couple of) (?:days?|weeks?|months?))\b")
#: An all-clear that runs up to now ("fine ever since", "all good for years now"): it says the sign is
#: over, though "ever since" and "now" alone would say it stays.
_CLEAR_UP_TO_NOW = re.compile(_UNDENIED +
                              r"\b(?:fine|ok|okay|good|great|normal|better|well|grand|healthy|pain[- ]free|no (?:problems?|issues?|trouble|bother))"
                              rf"(?: (?:ever|{_SPAN}))? (?:since(?: then)?|now)\b|"
                              r"\b(?:never|hasn'?t|has not|haven'?t|have not) (?:happened|came back|come back|returned)(?: again| since)\b|"
                              # the sign itself, named, never came back; "it"/"the feeling never came back" may be a feeling
                              # lost that stays
                              r"\b(?:the (?:numbness|tingling|pins and needles|pain|problem|issue|swelling|bruising|"
                              r"fever|sweats|symptoms?))(?: has| have)? never (?:came|come) back\b(?! (?:to|fully|properly|right|the same|how)\b)")
_STAYS = re.compile(r"\b(?:still|again|keeps|apart from|except|other than|until|till|keep (?:getting|having|coming|happening|feeling)|ever since|since then|worse|worsening|"
                    # the present, told: "this morning…", "last few runs", "can't bear weight", "feeling feverish"
                    r"this morning|this evening|at the moment|atm|right now|(?:last|past|these) (?:few|couple of) (?:runs|days|weeks|nights)|in the (?:last|past) (?:few )?(?:days?|weeks?)|"
                    r"can'?t|cant|cannot|unable to|feeling (?!(?:fine|great|good|normal|ok|okay|better|strong|grand)\b)|"
                    r"on (?:my|the|a|today'?s|this) (?:\w+ )?(?:run|jog|commute|way|tempo)|mid[- ]run|"
                    r"comes? back|came back|flared|lately|these days|this week|today|tonight|yesterday|last night|same spot|"
                    # the sign told again by likeness: "now my hip hurts the same way", "the other side feels identical"
                    r"the same(?! (?:day|week|month|year|time|morning|evening|night|race|session|run)\b)|identical|like (?:before|last time)|"
                    r"every (?:run|time|night|day|morning|step)|"
                    # "now" tells the present ("…healed, now my hip locks"), not an all-clear ("fine now",
                    # "better now") nor a plan ("now i want to plan a spring half")
                    r"(?<!fine )(?<!better )(?<!ok )(?<!okay )(?<!good )(?<!normal )(?<!gone )(?<!healed )(?<!settled )"
                    r"(?<!great )(?<!recovered )(?<!cleared )(?<!better since )(?<!\d )(?<!\d\d )(?<!races )(?<!race )(?<!runs )(?<!running )(?<!training )now"
                    r"(?! (?:i |i'm |i am |i'd |we )?(?:want|wanting|would like|'d like|like|plan|planning|training|"
                    r"looking|thinking|wondering|hoping|keen|ready|building|back|starting|getting into|"
                    r"just (?:tight|stiff|a bit|a little|normal|the usual|usual|general|looking|wanting|want|curious))\b))\b")


def over_long_ago(text: str, after: list[str]) -> bool:
    """Whether ``text`` tells of a time a month or more ago and it, or what comes ``after`` it,
    tells the sign as over since, with nothing saying it stays."""
    ago = _LONG_AGO.search(text)
    if ago is None:
        return False
    # a worsening told in the past tense before that time is the sign then ("got worse over a few
    # days last month"), not now; "has been getting worse since last month" still stays
    then = _PAST_WORSE.sub(" ", text[: ago.start()]) + text[ago.start() :]
    # the clause after opening on the user's present ("…in 2018, no issues since. now i always wear
    # compression socks") tells the present, not this sign; the sign back there says so ("now it's
    # the same", "now my calf is swollen again") or flags on its own
    return (any(_OVER_SINCE.search(t) for t in (text, *after))
            and not any(_STAYS.search(_stays_text(t)) for t in (then, *(_NOW_I.sub(" ", t) for t in after))))


def _stays_text(text: str) -> str:
    """What may say the sign stays: the text without its all-clears and its wish that the sign not
    come back ("exercises to stop it happening again")."""
    return _NOT_STAYING.sub(" ", _CLEAR_UP_TO_NOW.sub(" ", text))


#: "now" opening on the user's present in the clause after a history ("now i always wear…", "now my
#: hip's a bit tight"): set aside there, as it tells the present, not that the old sign stays.
_NOW_I = re.compile(r"\bnow(?= (?:i|i'm|im|i've|my|we)\b)")
#: A worsening told in the past tense: "got worse", "was getting worse", "worsened".
_PAST_WORSE = re.compile(r"\b(?:got|was getting|were getting|grew|went) (?:a (?:bit|lot) |much |way )?worse\b|\bworsened\b")
#: Not a sign staying: a plan against its return ("exercises to stop it coming back", "so it doesn't
#: happen again"); not "I can't stop it coming back", which says it does.
_NOT_STAYING = re.compile(r"(?<!can't )(?<!cant )(?<!cannot )(?<!couldn't )(?<!nothing )(?<!unable to )(?<!trying to )"
                          r"\b(?:stop|prevent|avoid|make sure)\b(?: [\w']+){0,3}? (?:happening|coming back|come back|"
                          r"happen|coming on|recurring|returning)(?: again)?\b|"
                          r"\bso (?:that )?(?:it|this|that) (?:doesn'?t|won'?t|does not|will not|never) (?:happen|come back|return|recur)s?(?: again)?\b")
