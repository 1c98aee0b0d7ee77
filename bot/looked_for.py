"""A sign a clinician looked for and did not find: "the physio asked about numbness, none at all".

A doctor's or physio's question answered no, or a test a clinician did that found nothing the
user was asked about, denies the signs it was about. Only a no to what was asked counts: a test
result ("bloods came back normal") denies no symptom, and a sign the user tells between the
looking and the answer ("the physio checked and i have numbness down my leg, …") is told, not
denied. Pure functions over a clause's normalised text; ``bot/context.py`` applies them.
"""

from __future__ import annotations

import re

#: A sign someone looked for and did not find: "the physio asked about numbness, none at all", "GP asked if
#: i'd had a fever or night sweats. nope to all of them", "had me hop and pressed along the bone, no pain,
#: ruled out a stress fracture". Who looked, and how ...
_LOOKED_FOR = re.compile(r"\b(?:doctor|dr|gp|physio\w*|nurse|consultant|surgeon|specialist|a&e|clinic|hospital)\b"
                         r"(?:\s+\S+){0,3}?\s+(?:asked|checked|tested|screened|examined|looked|had me)\b")
#: ...and the answer, in the same clause after it or opening the next: none, no, ruled out. Not a
#: test result ("bloods came back normal", "nothing on the x-ray"), which denies no symptom.
_NOT_FOUND = (r"none(?: at all)?|nope|nah|nil|no to (?:all|both|each|any)|not at all|(?:all|both) (?:no|negative)|"
              r"(?:i )?(?:said|answered) no(?: to (?:all|both|each|any|them|those|everything))?|"
              r"(?:and )?i (?:haven'?t|have not|hadn'?t|don'?t|didn'?t|wasn'?t)(?! been able)\b(?=\s*(?:[,.;!]|$|and|so|but|either))|"
              r"ruled (?:it |that |them |those )?out|cleared (?:me|it)")
#: The user's own statement between the looking and the answer ("the physio checked and i have numbness
#: down my leg, …"): a sign told, not asked about. "if i'd…", "whether i…" only say what was asked.
_TOLD_BETWEEN = re.compile(r"(?<!if )(?<!whether )(?<!about )\b(?:i|i'm|im|i've|ive)\b(?! had\b)(?!'d)|"
                           r"(?<!if )(?<!whether )(?<!about )\bmy [\w']+(?: [\w']+)? (?:is|are|was|were|has|have|feels?|felt|looks?|goes|went|keeps|drags|"
                           r"hurts?|aches?|gave|gives)\b|\b(?:it's|it is|it was|it has)\b|\byes\b")
_NOT_FOUND_AFTER = re.compile(rf"\b(?:{_NOT_FOUND})\b")
_NOT_FOUND_NEXT = re.compile(rf"^(?:{_NOT_FOUND})\b")
#: The answer said of the rest only: "everywhere else was fine", "the other side was normal".
_ONLY_ELSEWHERE = re.compile(r"\b(?:else|elsewhere|other|others|rest)\b")
#: An answer that short ("nope to all of them") says nothing else.
ANSWER_WORDS = 6


#: What a "no" answers when the question asked whether a sign had gone or whether the user could do
#: something: "asked if the numbness had gone, I said no", "asked if I could bear weight, said no".
#: Then the no tells the sign, so it denies nothing.
_STILL_ASKED = re.compile(r"\b(?:gone|go away|went away|settled|improved|eased|better|cleared|cleared up|gone down|still|"
                          r"could|can|able|manage|managed)\b")
_SAID_NO = re.compile(r"^(?:(?:i )?(?:said|answered) no|(?:all|both) (?:no|negative))")


def _no_tells_it(asked: str, answer: str) -> bool:
    """Whether a "said no" (``answer``) answers a question whether the sign had gone or the user
    could (``_STILL_ASKED`` in ``asked``, the words between the look and the answer)."""
    return bool(_SAID_NO.match(answer)) and bool(_STILL_ASKED.search(asked))


def answered_in(text: str) -> int | None:
    """Where the answer ends, when a clause tells a clinician's look and a no to it with nothing
    told between; what follows is still the user's to tell ("…ruled out a fracture, but…")."""
    looked = _LOOKED_FOR.search(text)
    answer = looked and _NOT_FOUND_AFTER.search(text, looked.end())
    if not answer or _ONLY_ELSEWHERE.search(text[max(0, answer.start() - 25) : answer.start()]) \
            or _TOLD_BETWEEN.search(text, looked.end(), answer.start()) or _no_tells_it(text[looked.end() : answer.start()], answer.group(0)):
        return None  # "…everywhere else was fine", "…and my foot is numb, bloods normal": found, or told
    return answer.end()


def answered_by_next(text: str, following: str) -> bool:
    """Whether a clause tells a clinician's look, nothing told after it, and the next clause opens
    with a no ("gp asked if i'd had a fever or night sweats. nope to all of them")."""
    looked = _LOOKED_FOR.search(text)
    answer = looked and _NOT_FOUND_NEXT.match(following)
    return bool(answer and not _TOLD_BETWEEN.search(text, looked.end()) and not _no_tells_it(text[looked.end() :], answer.group(0)))
