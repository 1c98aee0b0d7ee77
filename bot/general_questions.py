"""General questions: a clause asking about people at large, or said to be asked only in general.

"when should someone see a doctor?", "what does saddle numbness mean?", a story on a screen, or a
question the next clause calls general ("…? general knowledge, i'm fine"): no sign of the user's.
Asking whether others have it too ("does anyone else get numb toes?") says the user does.
"""

from __future__ import annotations

import re

from .body_place import LOWER_BODY_WORDS
from .persons import FIRST_PERSON

QUESTION_START = re.compile(r"^(?:what|whats|when|how|which|who|why|is|are|do|does|should|can|could|would|at what)\b")
#: People at large: "should someone rest?", "can a runner's hip…".
_PEOPLE = r"someone|somebody|anyone|anybody|a person|people|runners|a runner|you"
_GENERAL = re.compile(
    rf"\b(?:{_PEOPLE})\b|"
    # "one" as a person ("should one rest?") or a thing ("which one?"), not one of a pair of limbs
    # ("one leg is cold", "one big toe is numb")
    rf"\bone\b(?! (?:of )?(?:my |the |your )?(?:[\w-]+ )?(?:{LOWER_BODY_WORDS}|sides?)\b)|"
    r"\b(?:signs?|symptoms?|warning signs?|red flags?) (?:of|for|that)\b|"
    # "does running cause night sweats?", unless the user's own present is beside it ("…been happening all week")
    r"\b(?:cause|causes|lead to|leads to|bring on|brings on|come from|comes from)\b(?![^.?!]{0,120}\b(?:been|since|all week|"
    r"for (?:a |two |three |four |\d+ )?(?:days?|weeks?)|mine|won'?t go away|every (?:night|day|run|time)|started|"
    r"this morning|today|yesterday|happens)\b)|"
    r"\bwhat (?:does|do|is|are) (?:['\"]?[\w'-]+['\"]? ){0,5}(?:mean|like)\b|"
    # what a care does for a sign: "does icing actually reduce swelling?"
    r"\b(?:reduce|reduces|prevent|prevents|treat|treats|help with|helps with|get rid of|bring down|brings down) (?:the )?"
    r"(?:swelling|bruising|inflammation|numbness|tingling|pain|night sweats)\b"
    # ...unless the user's own case follows ("…swelling on a hip that's hot and red with a fever")
    r"(?![^.?!]{0,80}\b(?:that'?s|that is|which is|with a|been|since|mine|my)\b)"
)
#: A story on a screen, question or not: "just watched an episode of grey's where a marathoner had a
#: hip fracture", "in this netflix show a character's leg went numb".
_ON_SCREEN = re.compile(r"\b(?:(?:watch\w*|saw|seen|in the|in this|in that|in an?) (?:an |the |this |last night'?s |latest )?episode|"
                        r"netflix (?:show|series|drama|film|documentary)|(?:tv|telly) (?:show|series|drama)|documentary|"
                        r"grey'?s(?: anatomy)?|holby)\b")  # not "had another episode", nor "ended up in casualty"
#: A purpose other than the user's own body: "for a first aid session at our club", "it's for a uni
#: assignment", "writing a handout for our running club".
_PURPOSE = (r"(?:(?:it'?s |this is |i'?m )?(?:for|doing|writing) (?:a |an |my |our |the )?(?:(?:uni |university |school |college |sports science |"
            r"coaching |club |running club |first aid |safeguarding )*(?:assignment|essay|project|quiz|exam|handout|newsletter|talk|poster|"
            r"refresher|cert|certificate|blog|article|post|leaflet|presentation|workshop|guide)|(?:first aid|coaching|safeguarding) (?:session|course|class))"
            r"(?: (?:at|for) (?:our|my|the) (?:running )?club)?)")
#: ...opening a clause that asks: "for a first aid session at our club: what symptoms should…"
_FOR_A_PURPOSE = re.compile(rf"^{_PURPOSE}\b(?=.*\b(?:what|when|how|which|should|signs?|symptoms?)\b)")
#: The user's own all-clear: "mine's fine", "i'm totally fine".
_MINE_FINE = r"(?:mine'?s|mine is|i'?m|im|i am) (?:totally |completely |perfectly )?fine"
#: A question said to be general, in itself ("is hip pain at night a bad sign in general?") or by
#: the clause after it ("…? general knowledge, i'm fine", "…? mine's fine, just reading up").
_IN_GENERAL = re.compile(r"\b(?:in general|generally speaking)\b")
#: The clause must say nothing else ("im fine apart from that", "just curious cos mine did it" do).
_SAYS_GENERAL = (r"(?:(?:it'?s |just |purely |only )?general (?:knowledge|question|interest|curiosity)|"
                 r"(?:i'?m |im )?(?:just |only |purely )?(?:reading up|curious|asking(?: in advance| beforehand| ahead(?: of (?:time|(?:the )?(?:flu |cold |race |racing |marathon )?"
                 r"season|winter|summer|autumn|spring))?)?)"
                 r"(?: (?:after|from) (?:reading|watching|hearing)(?: about)?(?: [\w'-]+){1,5})?|(?:just |purely )?out of (?:curiosity|interest)|"
                 rf"{_MINE_FINE}|"
                 # "i don't have either", "not that i have it": the user says it is not theirs
                 r"(?:i )?(?:don'?t|do not|dont) (?:have (?:it|that|them|either|one|any(?: of (?:that|those|them|these))?|anything like that)|"
                 r"get (?:them|either|any(?: of (?:that|those|them|these))?|anything like that))|"
                 r"not that i have (?:it|one|any)|(?:i'?ve )?never had (?:it|that|them|one|any)|"
                 r"(?:i )?(?:just )?(?:read|saw|heard) (?:it|about it|this|that|about (?:this|that|it))?(?: (?:in|on))? (?:an? |the )?"
                 r"(?:article|online|podcast|forum|book|leaflet|news|documentary)(?: (?:on|about|from) (?:[\w'-]+ ){0,3}[\w'-]+)?|"
                 # a purpose other than the user's own body: "it's for a uni assignment", "writing a handout for our club"
                 rf"{_PURPOSE}|(?:a |an )?(?:cyclist|runner|coach|physio|student|teacher|nurse|parent|newbie|beginner|triathlete|swimmer|"
                 r"walker|personal trainer|pt) here|"
                 # ...and the user's own mild, ordinary state beside it: "my hip just aches after intervals"
                 r"(?:my [\w']+|mine)(?:'s| is| are)? (?:just|only) (?:a bit |slightly |a little )?(?:tight|achy|aches|stiff|sore)"
                 r"(?: after (?:[\w']+ ){0,2}[\w']+)?)")
_SAID_GENERAL = re.compile(rf"{_SAYS_GENERAL}(?:,? (?:{_SAYS_GENERAL}|(?:just )?wondering|thanks|thx|lol|tbh|haha))*")
#: Asking whether others have it too: the user does ("does anyone else get numb toes?").
_OTHERS_TOO = re.compile(r"\b(?:anyone|anybody|someone|somebody|everyone|everybody) else\b|\bother (?:runners|people|folks|ladies|women|men)\b|"
                         r"\bis it (?:just|only) me\b|\bam i the only\b")
#: Someone at large, whom a later "it's me" makes the user: "if someone's hip was hurting so much…".
_ANYONE = re.compile(rf"\b(?:{_PEOPLE}|your)\b")


def asks_in_general(piece: str) -> bool:
    """A question about people at large or in general, or a story on a screen, with nothing of the
    user's own in it and not asking whether others have it too."""
    return bool((QUESTION_START.search(piece) and (_GENERAL.search(piece) or _IN_GENERAL.search(piece))
                 or _ON_SCREEN.search(piece) or _FOR_A_PURPOSE.search(piece))
                and not FIRST_PERSON.search(piece) and not _OTHERS_TOO.search(piece))


def asks_in_the_abstract(question: str) -> bool:
    """A short question whether a sign is ever grave, whether a saying is true, or how two signs
    differ ("is numbness in the leg after running ever serious?", "whats the difference between hip
    locking and hip clicking?"), with nothing of the user's own in it: no "i" or "my", no time or
    count ("since sunday", "twice", "7kg"). General only when no clause after it tells more
    (``bot/context.py``)."""
    return bool(QUESTION_START.search(question) and _ABSTRACT.search(question) and len(question.split()) <= _ABSTRACT_WORDS
                and not FIRST_PERSON.search(question) and not _TOLD_NOW.search(question) and not _OTHERS_TOO.search(question))


_ABSTRACT = re.compile(r"\bever (?:be )?(?:serious|dangerous|worrying|an emergency|a (?:bad |serious |warning )?sign|a (?:worry|concern|problem)|"
                       r"something (?:serious|bad|to worry about))\b|^is it true\b|\bdifference between\b")
_ABSTRACT_WORDS = 12
_TOLD_NOW = re.compile(r"\d|\b(?:today|yesterday|tonight|this (?:morning|week|evening)|last (?:night|week)|since|twice|again|"
                       r"happen\w*|keeps?|every|now|currently|at the moment)\b")


def asks_what_a_term_is(question: str) -> bool:
    """A question what a named condition or a quoted term is ("what's septic arthritis?", "what does
    'unexplained weight loss' actually count as?"): it names the sign as a word to be explained,
    not as something the user has, whatever the clauses after it tell (they are read on their own)."""
    return bool(_WHAT_TERM.match(question) and not FIRST_PERSON.search(question) and not _TOLD_NOW.search(question))


#: "what is" and a condition's name (a medical ending) or a term in quotes, and nothing after but "mean",
#: "count as"; not "what's this numbness" (the user's own), nor "what is wrong with my hip".
_WHAT_TERM = re.compile(
    r"^(?:(?:so|and|but|ok|okay|also)\b,? ?)?(?:what'?s|whats|what is|what are|what does|what do|what counts as|what exactly is|what even is)"
    r" (?:a |an )?(?:'[^']{2,40}'|(?:[\w-]+ ){0,3}[\w-]*(?:itis|syndrome|disease|equina|tumou?r|sarcoma|myeloma|thrombosis|"
    r"osteopenia|osteoporosis|necrosis|red-s|\breds))"
    r"(?: (?:actually |even |exactly |really |usually |normally )*(?:mean|means|count as|counts as|involve|look like|feel like))?\s*$")


def calls_the_question_general(question: str, piece: str) -> bool:
    """Whether ``piece`` says only that the question before it was asked in general ("…? general
    knowledge, im fine"), a question with nothing of the user's own (reading of it is not having it:
    "what's this 'saddle numbness' i keep reading about?")."""
    question = _ASIDE_BEFORE.sub("", question)
    if _IS_IT_NORMAL.match(question) and not _NOT_MINE.search(piece):
        return False  # "is it normal to not be able to walk after a half? just curious" is asked of oneself
    return bool(QUESTION_START.search(question) and not FIRST_PERSON.search(_READ_OF.sub(" ", question))
                and _SAID_GENERAL.fullmatch(piece))


#: A question about what is usual, asked of oneself unless the user says the sign is not theirs or
#: names another purpose ("…? i don't have any, just reading up"; "…? it's for a uni assignment").
_IS_IT_NORMAL = re.compile(r"^(?:is|would) (?:it|this|that) (?:be )?(?:normal|ok|okay|common|usual|bad|serious|a bad sign)\b")
_NOT_MINE = re.compile(rf"\b(?:don'?t|do not|dont) (?:have|get)\b|\bnot that i have\b|\bnever had\b|\b{_MINE_FINE}\b|"
                       rf"\bgeneral (?:knowledge|question|interest)\b|{_PURPOSE}")


#: What may open a question before it starts: "or is swelling always a bad sign", "just curious, why do…".
_ASIDE_BEFORE = re.compile(r"^(?:(?:or|and|but|so|also|ok|okay|right)\b,? ?|(?:just |purely )?(?:curious|wondering|out of (?:interest|curiosity)),? )+")
#: The user reading or hearing of a sign, not having it: "i keep reading about", "i saw in an article".
_READ_OF = re.compile(r"\bi (?:keep |kept |have |'ve |just )?(?:read|reading|came across|saw (?=it|this|that|about))\b")


def of_people_at_large(text: str) -> bool:
    """Whether a clause tells of someone at large ("if someone's hip was hurting…")."""
    return bool(_ANYONE.search(text))
