"""Where in the body a clause is: the hip and leg, or somewhere away from them.

A clause naming only a place away from the hip ("half my face is still numb", "the arm's sore
after my jab") is set aside for the signs that must be in the lower body; one that names the hip
or leg only to say it is fine ("legs and hips are all good") is still away from it.
"""

from __future__ import annotations

import re

#: The hip, the leg and what is near them.
LOWER_BODY_WORDS = (r"hips?|groin|pelvis|legs?|thighs?|knees?|calf|calves|shins?|ankles?|foot|feet|toes?|heels?|hamstrings?|quads?|"
                     r"bum|butt|buttocks?|glutes?|backside|back|spine|sciatic\w*")

#: Body parts away from the hip and leg, and those near them: a clause naming only the first kind
#: ("half my face is still numb", "the arm's sore after my jab") is not about the hip.
_ELSEWHERE = re.compile(r"\b(?:fingernails?|face|jaw|lips?|tongue|mouth|teeth|tooth|gums?|cheeks?|eyes?|ears?|nose|head|scalp|neck|"
                        r"shoulders?|arms?|elbows?|wrists?|hands?|fingers?|thumbs?|fingertips|chest|nipples?)\b")
_LOWER_BODY = re.compile(rf"\b(?:{LOWER_BODY_WORDS}|between my legs|down below)\b")

#: The lower body named only to say it is fine: "nothing in my legs", "legs and hips are all good".
_NOTHING_IN = re.compile(r"\b(?:nothing|no problems?|no issues?) (?:in|with|wrong with) (?:my |the |either )?$")
_IS_FINE = re.compile(r"(?:\s{0,3}(?:and|&)\s{1,3}(?:my\s{1,3})?[\w']+)?\s{1,3}(?:are|is|feel|feels|felt|seem|seems)\s{1,3}"
                      r"(?:all |totally |completely |perfectly )?"
                      r"(?:good|fine|ok|okay|great|normal)\b")


def _names_lower_body(text: str) -> bool:
    """Whether a clause names the hip or leg other than to say it is fine."""
    return any(not (_NOTHING_IN.search(text[max(0, m.start() - 30) : m.start()]) or _IS_FINE.match(text, m.end()))
               for m in _LOWER_BODY.finditer(text))


def elsewhere(text: str) -> bool:
    """Whether a clause names a body part away from the hip and leg, and the hip or leg only to say
    it is fine, if at all."""
    return bool(_ELSEWHERE.search(text)) and not _names_lower_body(text)
