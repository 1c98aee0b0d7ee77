"""Clauses of a message, and the context rules that set a whole clause aside.

ConText-style rules, as plain functions over normalised text: hypotheticals ("if I ever…";
the cues are ``bot/suppositions.py``),
someone else throughout ("my coach is hobbling"), general questions ("when should someone see a
doctor?"; the cues are ``bot/general_questions.py``), the past ("used to limp as a kid"), a body
part away from the hip (``bot/body_place.py``), a sign asked and
answered no ("night sweats? nope") or looked for by a clinician and not found
(``bot/looked_for.py``), a sign long over (``bot/long_ago.py``), a figure marked as one and a
turn taken back ("not literally"). Each match inside a kept clause is judged by ``bot/affirmation.py``; what the
meaning-based detectors read of the clauses, by ``bot/statements.py``. Every window is bounded,
so the cost stays linear in the message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .body_place import elsewhere as away_from_the_hip
from .general_questions import QUESTION_START, asks_in_general, asks_in_the_abstract, asks_what_a_term_is, calls_the_question_general, of_people_at_large
from .long_ago import over_long_ago
from .tense import in_past
from .looked_for import ANSWER_WORDS, answered_by_next, answered_in
from .persons import FIRST_PERSON, lends_its_subject, names_other
from .reported import advice_in, says_user_has_it, talks_about
from .suppositions import asks_ahead, owns_it_now, supposes_a_past_condition, supposing_word_at, supposition_at, the_other_is_me

#: Words that join two clauses into one thought: "not dieting, but I've lost weight".
_CONTRAST_WORDS = "but|though|although|yet"
#: Where one clause ends and the next begins, for scoping negation and context.
_CLAUSE_END = re.compile(
    # a full stop between digits is a decimal point ("38.6", "2.5 miles"), not the clause's end
    rf"(?:[;!?\n]|\.(?!\d)|(?<!\d)\.)+|\s(?:{_CONTRAST_WORDS}|however|whereas|except)\s|"
    r",\s*(?=(?:what|how|would|should|could|can|is|are|do|does|any|or)\b)|"  # "…can't walk, what would you do?"
    # "is it ok if i do my long run saturday when the hip's been hurting at night": what has been so
    # of the user's own body is told, not supposed, beside a plan or a question ("when your hip has
    # been…" in passed-on advice, "given i've been told…" tell nothing of it)
    r",?\s(?=(?:when|while|even though|given(?: that)?|considering|seeing as) (?:(?:my|the|this|that)(?: \S+){0,2}? (?:has|have)|"
    r"(?:my|the|this|that)(?: \S+){0,2}?'s|it'?s|it has|i'?ve|i have) been\b(?! (?:told|reading|hearing|wondering|thinking|advised|warned)\b))|"
    # "my last op healed fine, this time the scar is red and oozing": what "this time" tells is now
    r",\s*(?=this time\b(?! (?:last|next|of|tomorrow|yesterday)\b))"
)
_CONTRAST = re.compile(rf"\s(?:{_CONTRAST_WORDS})\s")
#: A clause and the separator that ends it (so a question mark can be told from a full stop).
_PIECE = re.compile(rf"(.*?)({_CLAUSE_END.pattern}|$)", re.S)
#: The user saying they are well: "I'm fine thankfully", "i feel totally fine".
_OWN_ALL_CLEAR = re.compile(r"\b(?:i'?m|i am|i feel|i'?m feeling|i'?ve been) (?:totally |completely |absolutely |perfectly )?"
                            r"(?:fine|ok|okay|grand|well|good|alright|all right)\b(?: (?:thankfully|so far|touch wood|myself|though))?|"
                            # the user only speaking to the other person: "i told him to see a physio"
                            r"\bi (?:told|asked|advised|warned|urged|begged) (?:him|her|them) to (?:see|go|get|book|rest|ring|call|visit|stop)(?: [\w']+){0,3}")
#: A clause that opens on its verb, with no subject of its own ("now can barely walk", "keeps limping");
#: not "is"/"was"/"has", whose dropped subject is mostly "it" ("…but is massively swollen").
_NO_SUBJECT = re.compile(r"^(?:(?:now|then|still|also|just|even|already|suddenly|since|today|this week|by \w+day)\s+)*"
                         r"(?:can'?t|cannot|can|could(?:n'?t)?|keeps?|kept|needs?|needed|won'?t|barely|hardly|ended up)\b")
#: A clause answering the one before with a no: "night sweats? nope", "fever? nah".
_ANSWERED_NO = re.compile(r"^(?:nope|nah|nil|negative)\b|^(?:no|none|not really|not at all)\s*(?:[,.!]\s*)?$")
#: ...and the clause it answers must be a short sign named in a question ("night sweats?").
_ASKED_SIGN_WORDS = 4
#: A figure of speech marked as one: "can't feel my quads (figuratively)", "dead legs, not literally".
_MARKED_FIGURE = re.compile(r"(?<!not )(?<!not speaking )(?<!not being )\b(?:figuratively|metaphorically)\b|\bnot literally\b")



WORD = re.compile(r"\w+")


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
    others_subject: bool = False
    """Opens on its verb after " but " in the same sentence, and the clause before opens on another
    person doing something (not saying or judging): "my brother-in-law was jogging fine last week but
    now can barely get up the stairs". Its subject is that person, so no match in it is the user's
    (a child's sign still counts); a later "the friend is me" undoes it."""


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
    but = False  # whether the last piece ended in " but " inside its sentence
    for m in _PIECE.finditer(text):
        piece, end = m.group(1).strip(" ,-"), m.group(2) or ""
        after_contrast = contrast and bool(out)
        after_but = but and bool(out)
        but = end == " but "
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
        supposed_at = supposition_at(piece)
        reported, quoting = advice_in(piece, end, quoting)
        if out and says_user_has_it(piece):
            # "I read night sweats can be a sign… I've been having them"; "should a numb foot be
            # checked? just reading up, though it's happened to me": every general clause before
            out = [replace(c, general=False) if c.general else c for c in out]
        if out and owns_it_now(piece):
            # "what would it mean if the pain was 9/10…? cos that's happening to me right now": what
            # was asked in general, supposed, or told of "someone" is the user's
            # ("the mate's me": whoever they told of is the user)
            mine = the_other_is_me(piece)
            out = [replace(c, general=False, hypothetical_at=-1, others_subject=c.others_subject and not mine,
                           about_other=c.about_other and not (mine or of_people_at_large(c.text))) for c in out]
        if out and calls_the_question_general(out[-1].text, piece):
            # "is a fever a reason to go to a&e? general knowledge, im fine"; every question just before
            # it ("is it normal for the hip to swell, or is swelling always a bad sign? i don't have any")
            k = len(out) - 1
            while k >= 0 and calls_the_question_general(out[k].text, piece):
                out[k] = replace(out[k], general=True)
                k -= 1
        general = asks_in_general(piece) or reported or talks_about(piece) or asks_what_a_term_is(piece)
        # "hubby's down with the flu, fever and all, I'm fine thankfully": the user's own all-clear
        # does not make the other person's sign the user's
        other = names_other(piece) and not FIRST_PERSON.search(_OWN_ALL_CLEAR.sub(" ", piece))
        # "my brother-in-law was jogging fine last week but now can barely get up the stairs": a clause
        # joined by "but" that opens on its verb shares the subject of the one before it
        carried = (not other and after_but and out[-1].about_other and lends_its_subject(out[-1].text)
                   and bool(_NO_SUBJECT.match(piece)) and not FIRST_PERSON.search(piece))
        elsewhere = away_from_the_hip(piece)
        out.append(Clause(piece, general, supposed_at, other or carried, in_past(piece), elsewhere,
                          after_contrast=after_contrast, others_subject=carried))
    # A short question in the abstract ("is numbness in the leg after running ever serious?") is
    # general when nothing after it tells more than that it was asked in general.
    for n, clause in enumerate(out):
        if not clause.general and asks_in_the_abstract(clause.text) and all(
                calls_the_question_general(clause.text, later.text) for later in out[n + 1 :]):
            out[n] = replace(clause, general=True)
    # A clause marked as a figure of speech ("can't feel my quads (figuratively)") or taken back by
    # the next ("crashed hard at mile 17. not literally, i just bonked") tells no sign.
    for n, clause in enumerate(out):
        if _MARKED_FIGURE.search(clause.text) or (n + 1 < len(out) and takes_back(out[n + 1].text)):
            out[n] = replace(clause, denied=True)
    # A sign someone looked for and did not find: "the GP asked about fever and night sweats. nope, none".
    for n, clause in enumerate(out):
        answered = answered_in(clause.text)
        if answered is not None:  # what the clause goes on to say after the answer is still read
            rest = clause.text[answered:].strip(" ,")
            out[n] = replace(clause, text=rest) if len(WORD.findall(rest)) >= 2 else replace(clause, denied=True)
        elif n + 1 < len(out) and answered_by_next(clause.text, out[n + 1].text):
            out[n] = replace(clause, denied=True)
            if len(WORD.findall(out[n + 1].text)) <= ANSWER_WORDS:  # "nope to all of them" says nothing else
                out[n + 1] = replace(out[n + 1], denied=True)
    # A sign told a month or more ago and told as over since: "had a fever back in january, fully better now".
    for n, clause in enumerate(out):
        if not clause.past and over_long_ago(clause.text, [c.text for c in out[n + 1 : n + 2]]):
            out[n] = replace(clause, past=True)
    # A clause asking ahead of time ("planning ahead", "it's never happened") makes the "if" or the
    # fear of the clauses before it a supposition: "if i end up needing crutches after the marathon
    # next month… asking in advance".
    for n in range(len(out)):
        if asks_ahead(out[n].text) and not any(owns_it_now(c.text) for c in out[n:]):
            for k in range(n + 1):  # and its own fear or "if" after it: "it's never happened, i'm just anxious about…"
                at = supposing_word_at(out[k].text)
                if out[k].hypothetical_at < 0 and at >= 0:
                    out[k] = replace(out[k], hypothetical_at=at)
    # A past or unreal condition that a question then asks about is a hypothetical: "if i fell
    # during my race, how would i know…" (but "if i hop on it it hurts, should i worry?" states a sign).
    # Not when a later clause owns it now ("…do they need it looked at? ok the someone is me").
    for n in range(len(out) - 1):
        if supposes_a_past_condition(out[n].text) and QUESTION_START.match(out[n + 1].text) and out[n].hypothetical_at < 0 \
                and not any(owns_it_now(c.text) for c in out[n + 1:]):
            out[n] = replace(out[n], hypothetical_at=0)
    return out


#: A turn that takes the one before back: "haha not literally", "only joking", "not me, my phone's screen".
#: Not a correction ("sorry, i meant my left leg"), which may keep the sign and change a detail.
_RETRACTS = re.compile(r"^(?:(?:haha|lol|ha|oops|sorry)\b[\s,.!]*)*(?:not literally|only joking|just joking|just kidding|"
                       r"kidding|jk|not me)\b(?=\s*(?:[,.!?]|$|i mean|i meant|it was|that was|my\b))")


def takes_back(turn: str) -> bool:
    """Whether a (normalised) turn opens by taking back the one before it."""
    return bool(_RETRACTS.match(turn))
