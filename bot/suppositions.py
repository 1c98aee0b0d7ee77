"""Suppositions: where a clause starts to suppose rather than tell ("what if…", "is it bad if I
ever…", "say I…", a sign feared for later), a clause asking ahead of time ("asking in advance", "it
never has"), and a past or unreal condition that a question then asks about.

ConText-style cues over a clause's normalised text, read by the clause rules (``context.py``): a
supposed sign is no sign of the user's, unless the user then says it is theirs ("…if you can't
weight bear, which is where I am now").
"""

from __future__ import annotations

import re

from .persons import FIRST_PERSON

_HYPOTHETICAL = re.compile(
    r"\b(?:what if|in case|suppose|supposing|hypothetically|what happens when|what would|"
    # "would it be serious if there's one tender spot…", "would it be ok to keep training if hopping gives me
    # a sharp pain" ask about what is so; "…if I ever fell", "…if my hip started locking" suppose
    r"would it be(?! (?:bad|serious|normal|ok|okay|fine|alright|all right|safe|sensible|wise|smart|a (?:bad|good) idea|a problem|worrying|"
    r"concerning|dangerous)(?: for me)?(?: to (?:\S+ ){0,4}?\S+)? (?:that|if (?!(?:i|you|we|it|my [\w-]+|the [\w-]+) (?:ever|were|was|did|"
    r"would|will|should|go|run|keep|start|started|starts|began|begins|get|gets|got|develop|develops|fall|falls|fell|come|comes|give|gives|"
    r"turn|turns|flare|flares|happen|happens|try|do|race|train|skip|take)\b)))|"
    # "should i worry about numbness?" asks in general; "…about my foot going numb on every run" tells
    r"should i worry (?:if|about(?! (?:my|this|these|that|it|how my)\b)(?! the (?!(?:risk|chance|possibility|odds)\b)))|"
    # "is it bad if I ever fall / I run on it": a what-if or a plan; "is it bad if it hurts when I hop",
    # "…if my calf is swollen", "…if I've lost 5 kilos" tell what is so now
    r"is it (?:bad|ok|okay|normal|fine|safe|a problem|serious) if (?:i |you |we |my [\w-]+ )(?:ever|were|was|did|would|will|should|go|run|keep|"
    r"start|try|do|race|train|skip|take|stretch|ice|use|wear|eat|miss|carry on|push)\b|how would i know|if i (?:ever|were to|was to|did)|"
    r"if (?:you|someone|somebody|one|a runner|runners)(?:'s)? |if(?:\s+\S+){0,8}?\s+(?:ever|would|could|might)\b|"
    r"\b(?:do|handle|deal with|manage|treat|prepare for)\b(?:\s+\S+){0,3}?\s+if (?:i|you|we) (?:ever )?(?:get|start|develop)\b"
    r"(?![^.?!]{0,60}\b(?:right now|now|at the moment|currently|since|every|like i do|which i do|already)\b)|"
    r"^(?:say|imagine|let'?s say|picture this)\b|for future reference|just so i know|in (?:the )?future)"
)
#: The user saying a supposed sign is theirs: "…if you can't weight bear, which is where I am now".
_THAT_IS_ME = re.compile(r"\b(?:which|that)(?:'s| is) (?:where i(?:'m| am)|what i(?:'ve| have) got|what i have|how i feel)\b|"
                         r"\b(?:and|which|,) ?(?:that'?s|is) me(?: now| right now| at the moment)?\b|\bwhich i (?:have|do) (?:now|right now)\b|"
                         r"\bsounds (?:exactly )?like me\b")
#: A condition put in the past or the unreal ("if i fell…", "if i were to…"): told as a what-if,
#: unlike "if i hop on it it hurts", which states a sign.
_CONDITION = re.compile(r"^(?:and |so |but )?(?:if|assuming|supposing) (?:i |you |someone |somebody |a runner )?(?:ever )?"
                        r"(?:fell|broke|slipped|tripped|crashed|landed|tore|pulled|were|was|had|did|got)\b")


#: A sign feared or supposed for a time to come: "worried my hip might give way on race day", "worried
#: i'll get numb feet on my first ultra", "worried about dvt on the flight next month" (a condition
#: named, not a sign: "about my swollen calf on the flight next week" is here now), "if
#: it starts locking during a race". Not a diagnosis feared ("worried it might be a stress
#: fracture"), not a fear of what is happening ("worried about running with a fever"), and not when
#: the clause goes on to tell it as real (``_REAL``).
_FEARED = re.compile(
    r"\b(?:worried|worry|worrying|scared|afraid|anxious|nervous|paranoid|terrified|frightened|fearful|concerned)\b"
    r"(?: (?:that|about))?(?: [\w'-]+){0,3}?(?: (?:might|may|could|will|would|is going to|gonna)|'ll)(?! (?:be|have|need|mean|get checked)\b)|"
    # a fear about a time to come: "should i be worried about dvt on the long flight next month?"
    r"\b(?:worried|worry|scared|afraid|anxious|nervous|concerned) about (?:getting |having |a |an )*(?:dvt|clots?|blood clots?|stress fractures?|"
    r"injur(?:y|ies)|fractures?|cramps?|hitting the wall)\b(?:\s+\S+){0,8}?\s+(?:next (?:week|month|year|season|race|marathon)|"
    r"on race day|in the (?:future|race|marathon|ultra)|when i'?m older)\b|"
    r"\bif\b(?:\s+\S+){0,12}?\s+(?:during (?:a|the|my|this|that|next|an) (?:\S+ )?(?:race|marathon|ultra|half|taper|event|parkrun|season|build)|"
    r"on race day|at some point|some ?day|one day|next (?:week|month|year|season|spring|summer|autumn|winter|race|marathon)|"
    r"in the (?:future|race|marathon|ultra))\b")
#: ...what tells, after the cue, that the sign is real already: "scared it'll give way again", "worried
#: i will end up in hospital, my leg has gone numb", "…during the race, it buckled on my long run".
_REAL = re.compile(r"\b(?:again|already|still|keeps?|kept|every (?:run|time|day|step|night|morning)|all the time|lately|recently|since|today|"
                   # a sign had now: "scared i'll fall with this foot drop", "…the pain in my shin wakes me"
                   r"with (?:this|these|my|that) |this (?!(?:race|run|marathon|ultra|half|weekend|week|month|year|season|summer|winter|spring|autumn|time|morning|evening|sunday|saturday)\b)[\w-]+|"
                   r"wakes|buckles|locks|gives|catches|swells|throbs|limps|drags|slaps|"
                   r"yesterday|last night|this morning|tonight|now|constantly|twice|a few times|sometimes|often|before|"
                   r"has|have|had|is|are|was|were|went|gone|got|did|felt|fell|gave|broke|tore|woke|hurts?|aches?|can'?t|cant|cannot|couldn'?t|"
                   r"on (?:my|the|a|saturday'?s?|sunday'?s?|today'?s?) (?:\w+ )?(?:run|jog|tempo|commute|walk|way))\b|'s\b|\b\w+ed\b")
#: A question put after the cue is no telling: "…next month is it still ok to fly home?"
_ASKED = re.compile(r"\b(?:is|are|was|were|has|have|did|does|do|can|could|should|would|will) (?:it|i|they|you|that|this|he|she|we)\b"
                    r"(?: still (?:ok|okay|safe|fine|be|able|run|go|race|fly|do)\b)?")
#: ...or inside the cue itself: "if i still can't put weight on it next week".
_ALREADY = re.compile(r"\b(?:still|already|again|keeps?)\b")
#: A clause saying the user asks ahead of time, of something that has not happened: "asking in
#: advance", "just thinking ahead", "it's never happened", "it never has", "asking before it happens"
#: (not "…again"), "putting together a race-day first aid kit", "hip is fine at the moment". Not "learning
#: the warning signs", which is what someone with a sign says too.
_AHEAD = re.compile(r"\b(?:(?:asking|ask|want(?:ing)? to know|wondering|checking) (?:this )?(?:in advance|ahead(?: of time)?|beforehand)|"
                    r"(?:planning|thinking|looking) ahead|before it (?:ever )?happens(?! again)|"
                    r"(?:putting together|packing|preparing|making|building) (?:a |my |our )?(?:[\w-]+ ){0,2}?(?:first aid kit|kit list)|"
                    r"(?:hip|hips|it|mine|leg|legs)(?:'s| is| are)? (?:totally |perfectly |completely |all )?fine (?:at the moment|right now|for now|atm|so far)|"
                    r"(?:it|that)(?:'s| has)? never (?:has|happened|done (?:it|that)|been an issue)(?! (?:before|until|till|til)\b))\b")


def supposition_at(piece: str) -> int:
    """Where a supposing cue starts in a clause (it covers what follows), or -1: none, or the
    user says the supposed sign is theirs after it."""
    cue = _HYPOTHETICAL.search(piece)
    if cue is None:
        cue = _FEARED.search(piece)
        if cue is not None and (_told_as_real(piece[cue.end():]) or _ALREADY.search(cue.group(0))):
            return -1  # "scared it'll give way again", "if i still can't put weight on it next week": it has
    if cue is None or _THAT_IS_ME.search(piece, cue.end()):
        return -1  # "get help if you can't weight bear, which is where I am now": supposed, then told
    return cue.start()


def _told_as_real(after: str) -> bool:
    """Whether what follows a supposing cue tells the sign as real already (``_REAL``), questions
    put after the cue aside (``_ASKED``)."""
    return bool(_REAL.search(_ASKED.sub(" ", after)))


def asks_ahead(piece: str) -> bool:
    """Whether a clause says the question is asked ahead of time ("planning ahead", "it never has")."""
    return bool(_AHEAD.search(piece))


def supposing_word_at(piece: str) -> int:
    """Where a clause's "if" or fear word starts (-1: none): what ``asks_ahead`` turns into a
    supposition ("if i end up needing crutches after the marathon… asking in advance")."""
    m = _SUPPOSING_WORD.search(piece) or (
        _CONDITIONAL_ASK.match(piece) if not (FIRST_PERSON.search(piece) or _THIS.search(piece)) else None)
    if m is not None and _UNREAL_IF.match(piece, m.start()):  # its past verb is the what-if, not a telling
        return -1 if _HAPPENED.search(_ASKED.sub(" ", piece[m.end():])) or _NOT_A_CONDITION.search(piece[: m.start()]) else m.start()
    return -1 if m is None or _told_as_real(piece[m.end():]) else m.start()


#: What says a supposed past condition has happened already: "if my hip locked like it did twice this
#: week", "if i woke drenched like i did every night last week".
_HAPPENED = re.compile(rf"{_ALREADY.pattern}|\blike (?:it|i|she|he|they|you|we) (?:did|does|do|has|have|had|was|is|were)\b|\blike (?:last|this|the other)\b|"
                       r"\b(?:twice|\w+ times|last (?:week|night|month|time|year)|this (?:week|month|morning)|yesterday|at the weekend|"
                       r"on (?:my|the) (?:\w+ )?(?:run|race|walk)|since|now|today|tonight|recently|lately|last night|this morning)\b")
#: An "if" that asks whether, not one that supposes: "dunno if i cracked something", "even if i rested".
_NOT_A_CONDITION = re.compile(r"\b(?:dunno|no idea|can'?t tell|cannot tell|even|as)\s*$")  # "not sure if", "wondering if": ``_SUPPOSING_WORD``
#: An "if" put in the past (a past verb, not an adjective: not "if my calf is swollen and red"), the unreal condition of a question asked ahead: "if i got a fever during
#: race week…", "if my hip suddenly swelled up after a race…", "if i noticed my leg was swollen".
_UNREAL_IF = re.compile(r"if (?:[\w'-]+ ){1,6}?(?:suddenly |ever |then )?(?:got|fell|broke|tore|woke|went|came|felt|had|did|"
                        r"noticed|started|stopped|developed|swelled|locked|collapsed|slipped|tripped|landed|crashed|happened|gave|twisted)\b")


#: An "if" that supposes ("if i end up…"), not one that asks whether ("wondering if", "not sure if"), or a fear word.
_SUPPOSING_WORD = re.compile(r"(?<!wondering )(?<!wonder )(?<!sure )(?<!know )(?<!asking )(?<!ask )(?<!see )(?<!check )(?<!unsure )\bif\b|"
                             r"\b(?:worried|worry|scared|afraid|anxious|nervous)\b")
#: ...or a question put in the conditional about a sign at large ("would a fever plus hip pain be a
#: reason to skip a race?"), not about the user's own ("would this fever mean i should pull out?").
_CONDITIONAL_ASK = re.compile(r"^(?:would|could|what would)\b")
_THIS = re.compile(r"\b(?:this|these)\b")


def supposes_a_past_condition(text: str) -> bool:
    """A clause opening on a past or unreal condition ("if i fell during my race…")."""
    return bool(_CONDITION.match(text))


#: The user saying the other person they told of is them: "the mate's me", "that someone is me".
_THE_OTHER_IS_ME = re.compile(r"\b(?:someone|somebody|friend|mate|person|runner|buddy|pal)(?: in question| i mentioned)?(?:'s| is| =) "
                              r"(?:actually |really |just |obviously |totally |in fact )?me\b")
#: A clause owning, now, what the clauses before it asked in general or supposed: "…and you can't
#: sleep? cos that's happening to me right now", "(it's me. i'm someone.)", "not a hypothetical,
#: it's me", "asking because i've been like this since my run", "that someone is me", "I'm lying
#: here with it now".
_OWNS_IT_NOW = re.compile(
    r"\b(?:it'?s|that'?s|this is|which is) (?:literally |basically |exactly |actually |just )?(?:me|happening to me|what'?s happening to me|"
    r"what i(?:'?ve| have) got)\b(?! too\b)(?!,? (?:last|a few|years?|when i was)\b)|\bnot (?:a |just a )?hypothetical\b|\bi'?m (?:the )?someone\b|"
    r"\bi'?ve been (?:like (?:this|that)|(?:exactly )?that way)\b|\bi'?m (?:lying|sat|sitting|stuck|laid) here (?:right )?now\b|"
    r"\b(?:asking|ask|i'?m asking) (?:because|cos|coz|cause|as|since) (?:i'?ve|i have|i am|i'?m|that'?s|this is|it'?s) "
    r"(?:me|been|got|having|happening|like)\b|\basking for (?:myself|me)\b|"
    r"\bi'?m (?:lying|sat|sitting|stuck|laid) (?:here )?with (?:it|this|that|one) (?:right )?now\b|"
    r"\b(?:i'?m |i am )?(?:describing|talking about) (?:myself|me)\b|\bi(?:'?ve| have) got (?:it|this|that) (?:right )?now\b|"
    + _THE_OTHER_IS_ME.pattern)


def owns_it_now(piece: str) -> bool:
    """Whether a clause says that what the clauses before it asked about or supposed is the
    user's, now (not "it's happened to me before")."""
    return bool(_OWNS_IT_NOW.search(piece))


def the_other_is_me(piece: str) -> bool:
    """Whether a clause says the someone or friend the user spoke of is the user."""
    return bool(_THE_OTHER_IS_ME.search(piece))

