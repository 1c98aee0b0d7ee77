"""Clauses of a message, and the context rules that set a clause or a match aside.

NegEx/ConText-style rules, as plain functions over normalised text: a negation
just before a sign ("no fever", "I didn't fall"), hypotheticals ("if I ever…"),
someone else ("my coach is hobbling"), general questions ("when should someone
see a doctor?"), the past ("used to limp as a kid") and figures of speech ("legs
ache like I was hit by a bus"). ``bot/safety.py`` runs the detectors over what
these leave in. Every window is bounded, so the cost stays linear in the message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .persons import FIRST_PERSON, OTHER_PERSON, someone_else
from .reported import advice_in, reports_advice, says_user_has_it
from .taxonomy import Category

_NEG = re.compile(
    r"\b(?:no|not|never|without|none|nor|neither|zero|denies|free of|absence of|"
    r"don'?t|doesn'?t|didn'?t|haven'?t|hasn'?t|hadn'?t|isn'?t|aren'?t|wasn'?t|weren'?t|won'?t)\b"
)
#: Words that end a negation's reach inside a clause ("I didn't run today and I can't walk").
_NEG_BREAK = re.compile(
    r"\b(?:and|then|so|now|because|cos|since|plus|i|it|my)\b|,|"
    # Pseudo-negations: "won't go away" says the pain persists, and ends a negation's reach.
    r"\b(?:won'?t|wont|doesn'?t|isn'?t|not) (?:go(?:ing)?(?: away)?|stop(?:ping)?|eas(?:e|ing)|settl(?:e|ing)|shift|budge)\b"
)
_LIST_GOES_ON = re.compile(r"\b(?:or|nor)\b")
_FIGURE = re.compile(r"\b(?:like|as if|as though)\b")
_NEG_WINDOW_WORDS = 6
_NEG_WINDOW_CHARS = 120
#: Words that join two clauses into one thought: "not dieting, but I've lost weight".
_CONTRAST_WORDS = "but|though|although|yet"
#: Where one clause ends and the next begins, for scoping negation and context.
_CLAUSE_END = re.compile(
    rf"[.;!?\n]+|\s(?:{_CONTRAST_WORDS}|however|whereas|except)\s|"
    r",\s*(?=(?:what|how|would|should|could|can|is|are|do|does|any|or)\b)"  # "…can't walk, what would you do?"
)
_CONTRAST = re.compile(rf"\s(?:{_CONTRAST_WORDS})\s")
#: A clause and the separator that ends it (so a question mark can be told from a full stop).
_PIECE = re.compile(rf"(.*?)({_CLAUSE_END.pattern}|$)", re.S)
_HYPOTHETICAL = re.compile(
    r"\b(?:what if|in case|suppose|supposing|hypothetically|what happens when|what would|would it be|"
    r"should i worry (?:if|about)|is it bad if|how would i know|if i (?:ever|were to|was to|did)|"
    r"if (?:you|someone|somebody|one|a runner|runners)(?:'s)? |if(?:\s+\S+){0,8}?\s+(?:ever|would|could|might)\b|"
    r"\b(?:do|handle|deal with|manage|treat|prepare for)\b(?:\s+\S+){0,3}?\s+if (?:i|you|we) (?:ever )?(?:get|start|develop)\b"
    r"(?![^.?!]{0,60}\b(?:right now|now|at the moment|currently|since|every|like i do|which i do|already)\b)|"
    r"^(?:say|imagine|let'?s say|picture this)\b|for future reference|just so i know|in (?:the )?future)"
)
_GENERAL = re.compile(
    r"\b(?:someone|somebody|anyone|anybody|a person|people|runners|a runner|one|you)\b|"
    r"\b(?:signs?|symptoms?|warning signs?|red flags?) (?:of|for|that)\b|\bwhat (?:does|do|is|are) (?:['\"]?[\w-]+['\"]? ){0,5}(?:mean|like)\b"
)
#: A clause answering the one before with a no: "night sweats? nope", "fever? nah".
_ANSWERED_NO = re.compile(r"^(?:nope|nah|nil|negative)\b|^(?:no|none|not really|not at all)\s*(?:[,.!]\s*)?$")
#: ...and the clause it answers must be a short sign named in a question ("night sweats?").
_ASKED_SIGN_WORDS = 4
#: A condition put in the past or the unreal ("if i fell…", "if i were to…"): told as a what-if,
#: unlike "if i hop on it it hurts", which states a sign.
_CONDITION = re.compile(r"^(?:and |so |but )?(?:if|assuming|supposing) (?:i |you |someone |somebody |a runner )?(?:ever )?"
                        r"(?:fell|broke|slipped|tripped|crashed|landed|tore|pulled|were|was|had|did|got)\b")
#: A figure of speech marked as one: "can't feel my quads (figuratively)", "dead legs, not literally".
_MARKED_FIGURE = re.compile(r"(?<!not )(?<!not speaking )(?<!not being )\b(?:figuratively|metaphorically)\b|\bnot literally\b")
#: A request ("show me a quick routine", "any tips?"): it asks, and reports nothing.
_REQUEST = re.compile(r"^(?:show|tell|give|send|recommend|suggest|explain|list|help me|please|pls|plz|"
                      r"any (?:tips|advice|ideas|suggestions|recommendations)|thanks|thank you|cheers)\b")
_QUESTION_START = re.compile(r"^(?:what|when|how|which|who|why|is|are|do|does|should|can|could|would|at what)\b")
_HISTORICAL = re.compile(
    r"\b(?:(?<!never )(?<!didn't )(?<!didnt )(?<!did not )(?<!not )used to|years ago|as a (?:kid|child|teen|teenager)|when i was (?:a kid|a child|young|little|\d+)|"
    r"in the past|back in (?:school|the day)|(?:about |over |more than )?(?:a|one|\d+) years? ago|"
    r"(?:fully|completely|all) (?:healed|recovered)|(?:healed|recovered) (?:up|fine|fully|completely))\b"
)
#: The present, after a habit told in the past: "it used to turn up at mile 8 … now at mile 1".
_NOW = re.compile(r"\b(?:now|nowadays|these days|today|tonight|last night|this (?:week|morning)|yesterday|lately)\b")


def _in_past(piece: str) -> bool:
    """Whether a clause is about the past; not a habit that "used to" be one way and "now" is worse."""
    found = [m for m in _HISTORICAL.finditer(piece)]
    if not found:
        return False
    only_habit = all(m.group(0) == "used to" for m in found)
    return not (only_habit and _NOW.search(piece, found[-1].end()))


#: Words that reverse or soften a clause ("never cold", "getting better", "walking fine", "feels
#: like a bruise"): the
#: semantic detector, which cannot read polarity, abstains on such clauses; the patterns still read them.
_REASSURED = re.compile(r"\b(?:no|not|never|nothing|none|neither|nor|without|fine|better|improving|normal|normally|mild|mildly|"
                        r"slight|slightly|only|just|like|pain[- ]?free|painless)\b")
#: A negator inside a match, after its first word ("feet are never cold", "leg is not cold", "ache,
#: not worse at night"); not the "not" of "does not move", which the sign itself asks for.
_INNER_NEG = re.compile(r"\b(?:no|never|without|none|zero)\b(?![- ]go\b)|\b(?:is|are|was|were|'s)\s+not\b|,\s*not\b|"
                        # ...and "doesn't" before a verb that names a sign ("hip doesn't lock or give way",
                        # "doesn't wake me at night"), not one whose loss is the sign ("doesn't take my weight")
                        r"\b(?:doesn'?t|does not|didn'?t|did not|don'?t|do not|hasn'?t|has not)\s+"
                        r"(?:ever\s+|really\s+|actually\s+)?(?:lock|give|catch|stick|buckle|collapse|swell|bruise|wake|fold|hurt|ache|throb)\b")
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
#: A sign that is itself an inability ("can't walk normally"): a "normally" after it does not reassure.
_INABILITY = re.compile(r"\b(?:can'?t|cannot|won'?t|unable|not|couldn'?t|wouldn'?t|no)\b")
#: Size or degree words just before a sign, for categories whose sign must be large ("a tiny bruise").
_MINIMISED = re.compile(r"\b(?:tiny|small|little|slight(?:ly)?|minor|mild(?:ly)?|a bit|a little|a touch|bit of an?|"
                        r"coin[- ]?sized|faint|a few (?:mm|millimet\w*))\s+(?:[\w-]+\s+)?$")
#: Size words anywhere in a clause, for the meaning-based detectors of categories that ask for a large sign.
SMALL = re.compile(r"\b(?:tiny|small|little|minor|coin[- ]?sized|a few (?:mm|millimet\w*))\b")
#: Body parts away from the hip and leg, and those near them: a clause naming only the first kind
#: ("half my face is still numb", "the arm's sore after my jab") is not about the hip.
_ELSEWHERE = re.compile(r"\b(?:fingernails?|face|jaw|lips?|tongue|mouth|teeth|tooth|gums?|cheeks?|eyes?|ears?|nose|head|scalp|neck|"
                        r"shoulders?|arms?|elbows?|wrists?|hands?|fingers?|thumbs?|fingertips|chest|nipples?)\b")
_LOWER_BODY = re.compile(r"\b(?:hips?|groin|pelvis|legs?|thighs?|knees?|calf|calves|shins?|ankles?|foot|feet|toes?|heels?|"
                         r"bum|butt|buttocks?|glutes?|backside|back|spine|sciatic\w*|between my legs|down below)\b")
WORD = re.compile(r"\w+")
CHILD = "child_limping"
"""The one category whose signs count when someone else (a child) has them."""



@dataclass(frozen=True)
class Clause:
    """One clause of a message and what the context rules say about it."""

    text: str
    general: bool
    """A general question about people at large ("when should someone see a doctor?")."""
    hypothetical_at: int = -1
    """Where a hypothetical cue ("what if", "say…") starts, or -1: it covers what follows it."""
    about_other: bool = False
    """About someone else throughout (no first person): a child's symptoms still count."""
    past: bool = False
    """About the past ("used to limp as a kid"): read only for categories where the past counts."""
    elsewhere: bool = False
    """Names a body part above the waist and none of the hip or leg: set aside for the categories
    whose sign must be in the lower body (``Category.local``)."""
    denied: bool = False
    """Asked and answered no by the next clause ("night sweats? nope"), marked as a figure of
    speech ("(figuratively)") or taken back by the next ("not literally"): set aside throughout."""
    after_contrast: bool = False
    """Follows the clause before it across "but", "though", "yet"…: "not dieting, but I've lost
    weight" says one thing in two clauses."""


def normalise(text: str) -> str:
    """Lower-case, straight apostrophes, no stray symbols: one spelling to match."""
    text = text.lower().replace("’", "'").replace("‘", "'").replace("`", "'")
    return re.sub(r"[^\w'/\s.,;!?&-]", " ", text)


def clauses(text: str) -> list[Clause]:
    """The clauses of a normalised message, each marked when context sets it aside."""
    out = []
    asked = False  # whether the last clause kept ended in a question mark
    quoting = False  # inside a quotation that a reported clause opened
    contrast = False  # whether the last piece ended in "but", "though"…
    for m in _PIECE.finditer(text):
        piece, end = m.group(1).strip(" ,-"), m.group(2) or ""
        after_contrast = contrast and bool(out)
        # "but" joins this piece to the next; a piece too short to keep ("ok but…") breaks the join,
        # an empty one (". But…") does not.
        contrast = bool(_CONTRAST.fullmatch(end))
        if asked and out and _ANSWERED_NO.match(piece) and len(WORD.findall(out[-1].text)) <= _ASKED_SIGN_WORDS:
            out[-1] = replace(out[-1], denied=True)  # a sign asked and answered: "night sweats? nope"
        asked = False
        if len(WORD.findall(piece)) < 2:
            if piece:
                contrast = False
            continue
        asked = "?" in end
        cue = _HYPOTHETICAL.search(piece)
        reported, quoting = advice_in(piece, end, quoting)
        if out and out[-1].general and says_user_has_it(piece) and reports_advice(out[-1].text):
            out[-1] = replace(out[-1], general=False)  # "I read night sweats can be a sign… I've been having them"
        general = bool(_QUESTION_START.search(piece) and _GENERAL.search(piece) and not FIRST_PERSON.search(piece)) or reported
        other = bool(OTHER_PERSON.search(piece)) and not FIRST_PERSON.search(piece)
        elsewhere = bool(_ELSEWHERE.search(piece)) and not _names_lower_body(piece)
        out.append(Clause(piece, general, cue.start() if cue else -1, other, _in_past(piece), elsewhere,
                          after_contrast=after_contrast))
    # A clause marked as a figure of speech ("can't feel my quads (figuratively)") or taken back by
    # the next ("crashed hard at mile 17. not literally, i just bonked") tells no sign.
    for n, clause in enumerate(out):
        if _MARKED_FIGURE.search(clause.text) or (n + 1 < len(out) and takes_back(out[n + 1].text)):
            out[n] = replace(clause, denied=True)
    # A past or unreal condition that a question then asks about is a hypothetical: "if i fell
    # during my race, how would i know…" (but "if i hop on it it hurts, should i worry?" states a sign).
    for n in range(len(out) - 1):
        if _CONDITION.match(out[n].text) and _QUESTION_START.match(out[n + 1].text) and out[n].hypothetical_at < 0:
            out[n] = replace(out[n], hypothetical_at=0)
    return out


#: The lower body named only to say it is fine: "nothing in my legs", "legs and hips are all good".
_NOTHING_IN = re.compile(r"\b(?:nothing|no problems?|no issues?) (?:in|with|wrong with) (?:my |the |either )?$")
_IS_FINE = re.compile(r"(?:\s{0,3}(?:and|&)\s{1,3}(?:my\s{1,3})?[\w']+)?\s{1,3}(?:are|is|feel|feels|felt|seem|seems)\s{1,3}"
                      r"(?:all |totally |completely |perfectly )?"
                      r"(?:good|fine|ok|okay|great|normal)\b")


def _names_lower_body(text: str) -> bool:
    """Whether a clause names the hip or leg other than to say it is fine."""
    return any(not (_NOTHING_IN.search(text[max(0, m.start() - 30) : m.start()]) or _IS_FINE.match(text, m.end()))
               for m in _LOWER_BODY.finditer(text))


#: A turn that takes the one before back: "haha not literally", "only joking", "not me, my phone's screen".
_RETRACTS = re.compile(r"^(?:(?:haha|lol|ha|oops|sorry)\b[\s,.!]*)*(?:not literally|only joking|just joking|just kidding|"
                       r"kidding|jk|not me)\b(?=\s*(?:[,.!?]|$|i mean|i meant|it was|that was|my\b))")


def takes_back(turn: str) -> bool:
    """Whether a (normalised) turn opens by taking back the one before it."""
    return bool(_RETRACTS.match(turn))


def whole_clause_aside(clause: Clause) -> bool:
    """Set aside for the detectors that read a clause whole (exemplars, learned model):
    general, about someone else, in the past, or hypothetical from its opening words."""
    return clause.general or clause.about_other or clause.past or clause.denied or 0 <= clause.hypothetical_at < 25


def speaks_of_self(clause: Clause) -> bool:
    """Whether a clause says "I" or "my" (not "my friend"): the user telling of their own body."""
    return bool(FIRST_PERSON.search(clause.text))


def negated(text: str, start: int) -> bool:
    """True when a negation word sits just before ``start`` in the same clause.

    Its reach ends at a joining word, a new subject ("no, I cannot walk") or a comma,
    except a comma inside a list the negation governs ("never locks, catches or gives way").
    """
    before = text[max(0, start - _NEG_WINDOW_CHARS) : start]  # bounded, so many matches stay linear
    cut = 0
    for brk in reversed(list(_NEG_BREAK.finditer(before))):
        if brk.group(0) == "," and _LIST_GOES_ON.search(before[brk.end() :]):
            continue
        cut = brk.end()
        break
    return bool(_NEG.search(" ".join(before[cut:].split()[-_NEG_WINDOW_WORDS:])))


_ASKS = re.compile(r"^(?:what|whats|what's|when|how|which|who|why|where|is|are|am|do|does|did|should|shall|can|could|would|will|"
                   r"has|have|any|anything)\b")


def asks(text: str) -> bool:
    """Whether a clause only asks or requests: a question's opening, or a request ("show me…")."""
    return bool(_ASKS.match(text) or _REQUEST.match(text))


_OWN_BODY = re.compile(r"\bmy (?:hips?|legs?|foot|feet|knees?|groin|thighs?|calf|calves|back|bum|toes?|ankles?|bladder|bowels?|body)\b|"
                       r"\bi (?:keep|kept|can'?t|cannot|couldn'?t|have been|'ve been)\b|\b(?:me|myself)\b")


def tells_own_body(text: str) -> bool:
    """Whether a clause, even a question, tells of the user's own body ("why does my leg feel…")."""
    return bool(_OWN_BODY.search(text))


def semantic_reads(clause: Clause) -> bool:
    """Whether the semantic detector reads a clause: statements only, not softened ones.

    A question asking what to do ("how should I rest a sore hip") shares words with the
    exemplars but reports nothing; symptoms asked about in a question are the patterns' job.
    """
    return not (whole_clause_aside(clause) or _REASSURED.search(clause.text)
                or _QUESTION_START.search(clause.text) or _REQUEST.search(clause.text) or len(WORD.findall(clause.text)) < 3)


#: A purpose just before a match is not a report of it: "rest days to prevent this getting worse",
#: "before it gets worse". Only the words the purpose names are set aside, not the rest of the clause.
_PURPOSE_BEFORE = re.compile(r"(?:(?:prevent|stop|avoid|keep) (?:it|this|that|them|things|the pain|my hips?)(?: from)?"
                             r"(?: (?:getting|gettin|going|becoming))?|before (?:it|this|that)(?: (?:gets|turns|becomes))?|"
                             r"so (?:it|this|that) (?:doesn'?t|won'?t|does not|will not)(?: (?:get|turn|become))?) (?:any |even )?$")


def first_affirmed(pattern: re.Pattern, text: str, category: Category, hypothetical_at: int = -1) -> str | None:
    """The first match that is not negated, not someone else's, not under a hypothetical cue
    that comes before it, and not a figure of speech."""
    for m in pattern.finditer(text):
        inner = m.group(0).split(maxsplit=1)
        if negated(text, m.start()) or (len(inner) == 2 and _INNER_NEG.search(inner[1])):
            continue
        if category.id != CHILD and someone_else(text, m.start(), m.end(), _NEG_WINDOW_CHARS):
            continue
        if 0 <= hypothetical_at < m.start() or _PURPOSE_BEFORE.search(text[max(0, m.start() - 50) : m.start()]):
            continue
        if category.figurative and _FIGURE.search(text[max(0, m.start() - 30) : m.start()]):
            continue
        if reassured_after(text, m.end(), m.group(0)):
            continue  # "hopping is completely pain free"
        if category.minimisable and _MINIMISED.search(text[max(0, m.start() - 30) : m.start()]):
            continue  # "a tiny bruise", "a bit puffy", "a few mm longer"
        return m.group(0).strip()
    return None


def reassured_after(text: str, end: int, sign: str = "") -> bool:
    """Whether what ends at ``end`` is said straight after to be fine: "hopping is pain-free", "sleeping fine"
    (not an inability: "can't walk normally")."""
    return bool(_PAIN_FREE.match(text, end)) and not _INABILITY.search(sign)
