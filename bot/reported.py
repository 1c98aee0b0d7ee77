"""Advice passed on from a source, which is about people in general, not the user.

"The leaflet says see a doctor if you can't bear weight", "my physio said to watch for
numbness", "I read that bursitis can need injections": a clause that only passes such advice on
is read like a general question (``context.clauses`` marks it general). The user's own
diagnosis ("my doctor said it could be a stress fracture") and a sign the user then reports
("…and now my foot is numb", "I've been having them") still count.
"""

from __future__ import annotations

import re

#: Advice reported from a source ("the leaflet says see a doctor if…", "my physio said to watch
#: for numbness", "I read that bursitis can need injections"): about people in general, like a
#: general question, unless the clause goes on to the user's own present ("…and now my foot is numb").
_REPORTED = re.compile(
    r"^(?:(?:and|but|so|also) )?(?:(?:(?:the|an?|this|that|one|some) )?(?:[\w&']+ ){0,2}"
    r"(?P<text>article|leaflet|page|website|site|guide|book|post|video|blog|app|sheet|advice)s?"
    r"|(?:my|our|the|a) (?:[\w']+ )?(?:physio|physiotherapist|coach|doctor|gp|nurse|trainer)"
    r"|(?P<read>i (?:read|saw|heard)|i'?ve (?:read|seen|heard)))"
    r"(?: (?:[\w']+ ){0,2}(?P<verb>says?|said|lists?|listed|mentions?|mentioned|recommends?|warns?|warned|advises?|told me to))?\b")
#: What advice sounds like: a condition to watch for; from a text, also a general claim ("…can cause…").
_WATCH_FOR = re.compile(r"\b(?:if|watch (?:out )?for|look out for|as a reason|reasons? (?:to|for)|seek|see a (?:doctor|gp)|"
                        r"(?:warning|danger) signs?|red flags?|signs? of|symptoms? of)\b")
_CLAIM = re.compile(r"\b(?:can|could|may|might|cause[sd]?)\b")
#: ...not a diagnosis of the user ("my doctor said it could be a stress fracture").
_ABOUT_USER = re.compile(r"\b(?:it|this|mine|i|my \w+)\s+(?:could|can|may|might|is|was|has|sounds|looks)\b")
#: ...nor followed by the user's own present ("…, which is where I am now", "and it did last night").
_OWN_NOW = re.compile(r"\b(?:and|but|which|,) ?(?:now |then |today |yesterday |last night |since )?(?:i(?:'m|'ve| have| am)?|my|mine|"
                      r"it did|is where i|is what i)\b|\bnow (?:i|my)\b|\b(?:since|yesterday|last night|today|this morning)\b")
#: A quotation ends with its sentence.
_SENTENCE_END = re.compile(r"[.!?\n]")
#: A clause after advice that says the user has it: "I've been having them every night".
_HAVE_IT = re.compile(r"^(?:and |but |well )?(?:i'?ve|i have|i'?m|i am|i) (?:been |also )?(?:having|had|got|getting|experiencing|get) "
                      r"(?:them|it|that|those|this|these|one|some)\b|^(?:and |but |well )?(?:mine|so does mine|same (?:here|with me)|me too|i do|i have)\b(?! (?:none|no|not|nothing|neither|never))"
                      # "mine's fine": the user says they have none of it
                      r"(?!'?s? (?:is |are )?(?:fine|ok|okay|good|great|grand|all right|alright|normal|perfect)\b)|"
                      r"^(?:and |but |well )?(?:it'?s |it has |mine'?s |mine has )?been (?:like (?:that|this)|happening|going on)\b|^since\b|^(?:that'?s|this is) (?:me|what i have|happening)")


#: A quotation mark, not an apostrophe inside a word ("don't").
_QUOTE_MARK = re.compile(r"[\"“”]|(?:(?<=says )|(?<=said )|(?<=say ))'|'(?=[\s.,!?;:]|$)")


def reports_advice(piece: str) -> bool:
    """Whether a clause only passes on what a source says to watch for (see ``_REPORTED``)."""
    m = _REPORTED.match(piece)
    if not m or _OWN_NOW.search(piece, m.end()) or _ABOUT_USER.search(piece, m.end()):
        return False
    if not (m.group("verb") or m.group("read")):
        return False  # "my doctor" alone says nothing yet
    return bool(_WATCH_FOR.search(piece, m.end()) or ((m.group("text") or m.group("read")) and _CLAIM.search(piece, m.end())))


def advice_in(piece: str, end: str, quoting: bool) -> tuple[bool, bool]:
    """(whether this clause passes advice on, whether a quotation it opened runs on to the next).

    A quotation a reported clause opens runs on past its commas ("…says 'seek help if you have
    severe pain, swelling, or bruising'" reports all three); it ends with its sentence, and the
    user's own present inside it still counts. ``end`` is what ended the clause.
    """
    odd_marks = len(_QUOTE_MARK.findall(piece)) % 2 == 1
    if quoting:
        reported = not _OWN_NOW.search(piece)
        return reported, reported and not odd_marks and not _SENTENCE_END.search(end)
    reported = reports_advice(piece)
    return reported, reported and odd_marks and not _SENTENCE_END.search(end)


#: A sign named as what a talk, a podcast, a study or a story is about ("our club is putting on a talk about
#: fuelling and missed periods"): a subject, not the user's symptom, unless the user then says it is theirs.
_TALK_ABOUT = re.compile(r"\b(?:talk|lecture|seminar|webinar|podcast|article|video|documentary|workshop|discussion|thread|episode|"
                         r"presentation|module|chapter|essay|assignment|research|study|studies|paper|book)s? "
                         r"(?:about|on|covering|into|around)\b|"
                         # ...and a story about a character: "I'm writing a novel where the main character tears her labrum"
                         r"\b(?:novel|story|book|script|screenplay|film|movie|series)s? (?:about|where|in which) (?:the |a |an |my |our )?"
                         r"(?:main |lead )?(?:character|hero|heroine|protagonist)s?\b")


def talks_about(piece: str) -> bool:
    """Whether a clause names what a talk or a text is about, and not the user's own present after it."""
    m = _TALK_ABOUT.search(piece)
    return bool(m) and not _OWN_NOW.search(piece, m.end())


#: ...or says so later in the clause: "asking because that's what i've got", "cos mine did it twice".
_HAVE_IT_TOO = re.compile(r"\b(?:that'?s what i'?(?:ve| have) got|that'?s what i have|mine (?:did|does|has|is doing)|"
                          r"(?:it'?s |it has )?happened to me|i'?(?:ve| have) got (?:it|that|this|the same))\b")


def says_user_has_it(piece: str) -> bool:
    """Whether a clause after advice says the user has what it named ("I've been having them")."""
    return bool(_HAVE_IT.match(piece) or _HAVE_IT_TOO.search(piece))
