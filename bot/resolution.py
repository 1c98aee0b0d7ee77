"""Whether a sign the message names is over: said to have passed ("went numb … went away when I
loosened them") or lasted only seconds, and not said to persist or come back. Which signs the
user's own all-clear speaks to ("walking fine") is ``all_clear.py``'s; an ordinary cause is
``causes.py``'s.

The clause-level context rules (negation, hypotheticals, other people, the past) are in
``context.py``; these rules read what follows a sign, in its clause and the next.
"""

from __future__ import annotations

import re

from .context import Clause
from .negation import negated

#: A sign that has already passed ("went numb … went away when I loosened them", "then fine").
#: A sign said to have lasted seconds or minutes has passed too ("shivery for 10 mins").
SAID_OVER = re.compile(r"\b(?:went away|goes away|(?:and |but )?then (?:it was |it's |i was |totally |completely |all )?(?:fine|ok|okay|normal|gone)|"
                       r"back to normal(?! (?:training|running|runs|mileage|schedule|routine))|gone (?:now|by|after|within|straight away|right away|immediately|once|when|as soon as)|"
                       r"(?:already )?going down(?! (?:the|my|to|into|towards|through|both|each|one|either|his|her|their|your|that|this) )|warmed (?:up|back up) (?:fine|again|once|when|after|as soon)|"
                       r"(?:totally |completely |all )?gone (?:completely |totally )?(?:by|after|within)|fine (?:once|after|within)|"
                       r"went (?:away )?(?:straight away|right away|at once|in (?:a|one|\d+) (?:minute|min|sec\w*|moment)s?|after (?:a|one|\d+) (?:minute|min|sec\w*|moment)s?)|"
                       r"(?:feels|feeling|felt) (?:totally |completely )?normal (?:again|now)|"
                       r"(?:eased|settled) (?:off |down )?(?:after|within|in) (?:a|one|\d+) (?:minute|min|sec\w*|moment)s?|"
                       r"(?:feeling|sensation|it) came back (?:straight away|right away|quickly|within|in a (?:minute|min|sec\w*|moment)|after (?:a|one|\d+) (?:minute|min|sec\w*|moment)s?)|"
                       r"walked (?:it )?off(?: fine)?|shook (?:it )?off|all better|better now|cleared up|(?:pretty much |all but )gone|gone the next day|"
                       r"settled (?:down )?(?:after|within|in)|passed (?:after|within|in)|(?:was|were|felt) (?:totally |completely |all )?fine (?:after|again|once|within|by)|"
                       # an all-clear since: "all good now", "been fine ever since", "no problems since", "healed now"
                       r"(?:is|'s|are|was|been|feels?|felt|seems?) (?:all |totally |completely |perfectly )?(?:good|fine|ok|okay|normal|settled)(?: down)? (?:now|since|ever since)\b|"
                       r"(?:been|'s been|has been|have been) (?:totally |completely |perfectly |absolutely )?(?:fine|ok|okay|normal|good|great)(?: (?:ever )?since| for (?:weeks|months|years|ages))|"
                       r"no (?:problems?|issues?|trouble|bother|symptoms?)(?: at all)? (?:since|ever since|for (?:weeks|months|years|ages))|"
                       r"(?:gone|went away|cleared|settled)(?: (?:completely|totally|away))? (?:in|within) (?:a |one |two |three |\d+ |a few |a couple of )?(?:days?|hours?|minutes?|mins?|seconds?|secs?)\b|"
                       r"\bhealed\b(?! (?:badly|wrong|funny|weird))|"
                       r"(?:feeling|feels|felt) (?:totally |completely |all |back to )?normal(?: again| now)?(?=\s*(?:[,.;!?]|$|and\b))|"
                       r"(?:finished|completed) (?:the |my )?(?:run|race|session|workout|rest of (?:the|my) \w+)(?: totally| completely)? (?:fine|ok|okay|no problem|without (?:a problem|any pain|pain))|"
                       r"carried on (?:totally |completely )?(?:fine|ok|okay|no problem|pain[- ]free)|"
                       # a state with a time that places it after the sign, ending its phrase (not "ok to shuffle",
                       # "fine now if I walk slowly", "gone purple"): "fine straight away", "normal again by the next
                       # afternoon", "by day 3 I was totally fine", "faded completely", "that's long sorted", ", normal now"
                       r"(?:fine|normal|ok|okay|grand|gone)(?: again)? (?:straight away|right away|immediately|by (?:the )?(?:next |following )?"
                       r"(?:morning|evening|afternoon|night|day|lunchtime|bedtime|end of the day|\w+day)|the (?:next|following) (?:day|morning|afternoon|evening))(?=\s*(?:[,.;!?]|$|and\b|but\b|though\b|lol\b|haha\b))|"
                       r"\bby (?:day \w+|the (?:next|following|end of the) \w+|(?:the )?(?:morning|evening|afternoon|\w+day))(?:,? (?:i was|i'?m|it was|it'?s|everything was|i felt|it felt))?"
                       r" (?:totally |completely |all |perfectly |absolutely |back to )?(?:fine|normal|ok|okay|gone|grand)(?=\s*(?:[,.;!?]|$|and\b|but\b|though\b|lol\b|haha\b))|"
                       r"(?:it|that|the (?:bruis\w*|swelling|numbness|tingling|pain|ache))(?:'s| has| had| is| was)? (?:all |completely |totally |long |since |now )?(?:faded|sorted|settled|cleared)(?: (?:up|out|down))?(?: (?:completely|totally|now|since|ever since))?(?=\s*(?:[,.;!?]|$|and\b|but\b|though\b|lol\b|haha\b))|"
                       r"(?<=, )(?:(?:and|then) )?(?:all |totally |completely |perfectly )?(?:fine|normal|ok|okay|grand)(?: again)? now(?=\s*(?:[,.;!?]|$|and\b|but\b|though\b|lol\b|haha\b))|"
                       r"(?:swelling|bruising|bruise|numbness|tingling|pain)(?:'s| has| is| had)? (?:all |completely |totally )?gone(?=\s*(?:[,.;!?]|$|now\b|and\b|completely|totally|for good|since|by\b|after\b)))")
#: A sign said to have lasted seconds or minutes: "shivery for 10 mins" (but not "hasn't let up for a second").
_BRIEF = re.compile(r"(?<!let up )(?<!eased )(?<!stopped )\bfor (?:about |like |maybe |only |just |a good )?"
                    r"(?:a (?:few |couple of )?|half a |a couple of |\d+ |few |ten |twenty |thirty )(?:sec\w*|mins?\b|minutes?|moments?|steps)")
RESOLVED = re.compile(f"{SAID_OVER.pattern}|{_BRIEF.pattern}")
#: ...unless it comes back or stays ("still numb"; not "can i still run?", which asks about the plan).
PERSISTS = re.compile(r"\b(?:still(?! (?:run|running|go|going|train|training|race|racing|jog|jogging|do (?:my|the|a|it)|make it)\b)|again|keeps?|every (?:single )?(?:time|run|day|night|morning)|"
                      # "it came back" is the sign returning, not the feeling ("came back straight away")
                      r"(?:comes?|came) back(?! (?:straight away|right away|quickly|to normal|fine|normal|within|in a (?:minute|min|sec\w*|moment)|"
                      r"after (?:a|one|\d+) (?:minute|min|sec\w*|moment)s?|once i))|won'?t go|worse|"
                      r"(?<!sitting )(?<!sat )(?<!kneeling )(?<!legged )(?<!driving )"  # how long the cause lasted, not the sign
                      r"(?<!fine )(?<!normal )(?<!good )(?<!okay )(?<!ok )(?<!great )(?<!happily )(?<!free )"  # ...or the all-clear
                      r"for (?:weeks|months|ages|days|a (?:week|month)|\d+ (?:weeks|months|days)|(?:a few|several|two|three|four|five|six) (?:days|weeks|months))|"
                      r"(?:it'?s|it has|has) been (?:\d+|a few|several|two|three|four|five) days|\d+ days now|lasted|most (?:nights|days)|"
                      # ...or that it hurts now: "got up and finished the race, now it's agony"
                      r"(?:now|today|tonight) (?:it'?s |it |is |my [\w']+ (?:is|'s) )?(?:really |so |very |quite )?(?:sore|painful|agony|killing|hurts?|hurting|aching|throbbing|swollen)|"
                      r"(?:sore|painful|agony|hurts?|hurting|aching|throbbing|swollen) (?:now|tonight|this evening)|throbbing|except|apart from)\b")

#: A sign that comes and goes, or came back after it passed: "happens on most runs", "whenever I go
#: over 5k", "usually fine by the morning", "then it returned", "all back by the evening", "by friday it
#: was fine, now it's in my groin too", "then it did it on the next two runs". Read only for whether a
#: pattern's sign has passed: beside the learned model's reading ("an ache after runs, goes away after
#: an hour") it would turn an ordinary ache that comes and goes into a red flag.
_RECURS = re.compile(r"\b(?:returned|crept back|(?:was|is|'s|all|it'?s) back(?! to (?:normal|full|running|training|my|the|work))|"
                     r"happen(?:s|ing|ed)? (?:on |after |every |most |again|whenever)|the same thing happened|whenever|"
                     r"most (?:runs|mornings|evenings|weeks|sessions)|every (?:other |long |single |\w+ )?(?:run|race|session|time)|"
                     r"usually|(?:normally|generally|mostly) (?:fine|ok|okay|gone|good|better|normal|settled)|(?:goes|go) away (?:by|once|after|when)|"
                     r"^(?:and |then )?now (?:it'?s|it is|they'?re|i'?m)(?! (?:all |totally )?(?:fine|good|ok|okay|normal|gone|better)\b)|"
                     r"then (?:it|they|she|he) (?:did|started|happened)|(?:on|after) the next (?:\w+ )?(?:runs?|day|race|session))\b")


def passed(rest: list[Clause], sign: str) -> bool:
    """Whether the message says a sign has already passed: a resolution after it in its own
    clause, opening the next one ("… went numb. went away when I loosened them"), or said of
    the sign itself in one of the next two ("… it was the cleat, everything's normal now"); not
    asked about or awaited, and nothing in those clauses saying it stays or comes back. A
    resolution with its own subject ("the cramp went away") is about something else. A collapse never passes ("…crumpled onto the track. walked
    off ok after a minute"): the event itself is the sign."""
    if _EVENT.search(sign):
        return False  # a collapse happened: walking it off afterwards does not undo it
    first = rest[0].text
    after = _NEW_SUBJECT.split(first[first.find(sign.split(" … ")[-1]) :], maxsplit=1)[0]
    following = rest[1].text if len(rest) > 1 else ""
    opens = (_OPENS_WITH_RESOLUTION.match(following) or any(told(c.text, _IT_OVER) for c in rest[1:3])) \
        and not _WISH.search(following)
    said = told(after, RESOLVED)
    return bool(said or opens) and not any(persists(c.text) or _RECURS.search(c.text) for c in rest[:3])


def told(text: str, pattern: re.Pattern) -> bool:
    """Whether ``text`` tells of a resolution: not negated, not awaited ("how long till it's
    healed", "once it's back to normal") and not said of another thing ("the cut on my hand has
    healed")."""
    return any(not negated(text, m.start()) and not _AWAITED.search(text[max(0, m.start() - 30) : m.start()])
               and not _OTHER_THING.search(text[max(0, m.start() - 40) : m.start()])
               for m in pattern.finditer(text))


#: An all-clear whose subject is the sign itself, in either of the two clauses after the sign's:
#: "… but it was the cleat position, sorted now and it's totally normal", "… the doctor did a scan
#: and it's healed now".
_IT_OVER = re.compile(rf"\b(?:it|it'?s|its|that|that'?s|they|they'?re|everything|everything'?s|the (?:swelling|numbness|tingling|bruis\w+|pain|feeling))"
                      rf"\s+(?:(?:has|had|is|was|were|are)\s+)?(?:all\s+|totally\s+|completely\s+)?(?:{SAID_OVER.pattern})|"
                      rf"\beverything(?:'s| is| feels) (?:totally |completely |all |back to )?normal\b|"
                      # a clause that is only the all-clear: "…, stamped it awake, normal now"
                      rf"^(?:and |but |then )?(?:all |totally |completely )?(?:fine|normal|ok|okay|good) (?:again )?now$")


def persists(text: str) -> bool:
    return bool(PERSISTS.search(_NOT_AGAIN.sub(" ", text)))


def told_passed(rest: list[Clause]) -> bool:
    """Whether a clause says the user's symptom went away ("gone completely by the evening"),
    not negated, not about something else ("my cold is all better now"), and none says
    anything stays: for the learned model, which says whether a message is a red flag but
    not which sign. Not a brief duration: a catch that lasts seconds is the sign itself."""
    return any(told(c.text, SAID_OVER) for c in rest) and not any(persists(c.text) for c in rest)


#: Something other than the leg named before a resolution ("my cold is all better now").
_OTHER_THING = re.compile(r"\b(?:my|the) (?!(?:hip|hips|groin|leg|legs|thigh|knee|calf|foot|feet|bum|glutes?|back|pain|ache|"
                          r"niggle|twinge|soreness|numbness|swelling|tingling)\b)\w+(?:'s| is| was| has| had)?(?: been)?"
                          r"(?: (?:all|pretty much|completely|totally|much))?\s*$")


#: A resolution asked about or waited for, not told: "how long till it's back to normal",
#: "rest until it's healed", "once it's healed", "i hope it's gone by sunday", "gonna be ok by friday?",
#: "why isn't it sorted now?", "praying it's ok by friday", "need it fine by saturday".
_AWAITED = re.compile(r"\b(?:when|until|till|til|once|how long|how soon|if|before|hope\w*|wish|by the time|whether|why|"
                      r"will|would|should|could|gonna|going to|be|being|'ll|fingers crossed|pray\w*|need(?:s|ed)? (?:it|to|that)|assum\w*|surely|counting on|expect\w*)\b[^,.;]{0,25}$")
#: An event, not a symptom: once the leg has gone from under someone, or they have blacked out with
#: the pain, it cannot "pass".
_EVENT = re.compile(r"\b(?:collapsed|crumpled|blacked out|passed out|fainted|went from under me|went down(?! (?:overnight|by|within|a lot|loads|already|since))|hit the (?:ground|deck|floor)|on the (?:ground|floor))\b")
#: "It hasn't happened again", "never came back": denying a return, not persisting.
_NOT_AGAIN = re.compile(r"\b(?:hasn'?t|has not|haven'?t|never|not|didn'?t|(?<=it's )no|(?<=it is )no)\s+(?:[\w']+\s+){0,2}?(?:again|back)\b")
#: A resolution hoped for, not told: "gone by the weekend would be nice".
_WISH = re.compile(r"\b(?:would|hope\w*|wish|if|want\w*|need\w*)\b")
#: Where a clause moves on to another subject: ", the cramp went away" is not about the swelling.
_NEW_SUBJECT = re.compile(r",\s*(?:and\s+)?(?:the|my|a|an|his|her|their|this|that)\s")
#: A clause that begins by saying the sign before it passed: "went away…", "then fine", "it settled…".
_OPENS_WITH_RESOLUTION = re.compile(rf"^(?:(?:and |but |then )?(?:it |that |which )?)(?:{RESOLVED.pattern})")
