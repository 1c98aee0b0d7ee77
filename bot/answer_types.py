"""Answer types: the cue words that tell what kind of answer a question asks for.

"how many reps" asks a dose, "should I see a physio" when to get it checked, "why does it ache"
a cause. The first type whose cue matches wins, so narrower types come first. Pure data and two
lookups, read by question analysis (``query.py``, ``followups.py``), the words of topics
(``question_words.py``) and the type model; it grows with each round of graded questions.
"""

from __future__ import annotations

import re

from .text import norm

#: Pain said to go on despite what was tried ("still hurts", "not getting any better", "it's been three
#: weeks"): the articles' answer is when to get it checked, in words the message does not use.
PERSISTS = (r"\bstill (?:hurts?|hurting|sore|aches?|aching|painful|there|bad|niggling)\b|"
            r"\b(?:not|isn'?t|hasn'?t|haven'?t|no|doesn'?t|does not|won'?t|didn'?t) (?:been |got |gotten |getting |get )?(?:any |much )?"
            r"(?:better|improv\w*|eas\w*|settl\w*)\b|"
            r"\bpersist\w*|\bdespite\b|\bpushing through\b|"
            r"\b(?:been|for|going on|had it for) (?:\d+|a|two|three|four|five|six|several|a few|a couple of) (?:weeks?|months?)\b")
PERSISTING = re.compile(PERSISTS, re.IGNORECASE)
#: Pain itself, in runners' words.
PAIN_WORDS = re.compile(r"\b(?:pain\w*|sore\w*|ach(?:e|es|ed|ing|y)|hurt\w*|niggl\w*|twinge\w*|throb\w*|agony)\b", re.IGNORECASE)
#: A question asking what next, of pain that goes on: "what now?", "and if it doesn't get better?".
WHAT_NEXT = re.compile(r"\b(?:what now|now what|what next|what else|what (?:should|do|can) i do|doctor|gp|physio\w*|"
                       r"see (?:someone|somebody|a professional)|get it (?:checked|looked at))\b|"
                       r"^(?:and |but |so )?(?:what )?if (?:it|that|this|the pain) (?:still |just )?(?:doesn'?t|does not|won'?t|isn'?t|hasn'?t)\b",
                       re.IGNORECASE)
#: What retrieval adds for such a message: the articles' words for it.
PERSISTING_SEARCH = "if the pain persists consult a healthcare professional"

#: (answer type, cue). The first whose cue matches wins, so narrower types come first.
ANSWER_TYPES: tuple[tuple[str, str], ...] = (
    ("exercise_dose", r"\bhow (?:many|much|often|long)\b.{0,40}\b(?:sets?|reps?|repetitions?|times?|hold|seconds?|"
                      r"secs?|minutes?|mins?|a week|per week|each side)\b|\b(?:sets? (?:and|n|&) reps?|how many reps?|"
                      r"how many sets?|how long (?:do|should) i hold|hold (?:it|them|each|the stretch) for how long|how often)\b|"
                      r"\bhow (?:many|much)\b.{0,40}\bshould i do\b|\bhow long should\b.{0,30}\bbe\b|"
                      r"\b(?:just )?once or (?:a few|several|more)\b|"
                      # a turn that is only the dose asked for: "reps?", "and sets?", "how many?"
                      r"^(?:and |so |ok |okay )?(?:sets|reps|repetitions|sets (?:and|n|&) reps|how many|how often|duration)\W*$"),
    ("can_i_run", r"\b(?:can|could|should|shall) i (?:still |keep |go )?(?:run|jog|race|train)|\b(?:ok|okay|safe|fine|alright|bad) "
                  r"(?:to|for me to) (?:run|jog|race|keep running|train)|\brun(?:ning)? (?:through|on) (?:it|the pain)|"
                  r"\b(?:back to|return to|start) (?:running|run)|\bskip (?:my|the|tomorrow'?s|today'?s)? ?(?:run|race|session)|"
                  r"\bkeep running\b|\btake a break from running\b|"
                  r"\b(?:is|'s) running (?:still |even |really )?(?:ok|okay|safe|fine|alright|possible|allowed)\b|"
                  # "race or skip?", "am i done running?", "so no more running?"
                  r"\b(?:race|run|running) or (?:skip|rest|not|sit (?:it|this) out)\b|\bskip (?:it|the race)\b|"
                  r"\b(?:done|finished) (?:with )?running\b|\bno more running\b|\b(?:give up|quit) running (?:for good|forever|altogether)\b"),
    ("recovery_time", r"\bhow long (?:until|till|til|before|does|will|is|to|for)\b|\bwhen (?:will|can|should) (?:it|i|this)\b.{0,30}"
                      r"\b(?:heal|better|go away|recover|run|back)|\brecovery time\b|\bhow many (?:days|weeks)\b|"
                      r"\b(?:days|weeks) or (?:weeks|months|days)\b|"
                      # whether it is taking too long: "shouldn't it be gone by now?", "a normal timeline?"
                      r"\bshould(?:n'?t)? (?:it|this|that|they|i) (?:be (?:gone|better|healed|over|fine)|have (?:gone|healed|cleared|"
                      r"settled|got(?:ten)? better))(?= (?:by now|already|yet)\b|\W*$)|"
                      r"\b(?:normal|typical|usual|set) (?:time ?frame|timeline|recovery time)\b|\btake this long\W*$|"
                      # easing back in after a rest: "how do i get back into it?"
                      r"\b(?:get|getting|ease|easing|build|building|come|coming) back (?:in|into (?:it|things|running|training))\b"),
    ("see_doctor", r"\b(?:doctor|gp|physio\w*|physical therapist|professional|specialist|get (?:it|this|that|them) (?:checked|looked at)|"
                   r"see (?:someone|a pro)|medical (?:help|attention|advice)|x-?ray|mri|scan|(?:see|seeing|visit|go to) (?:a |the |my )?doc)\b"),
    # "and if it doesn't?", "what if it's not better by then?": what to do when it does not pass
    ("see_doctor", r"\bif (?:it|that|this|the pain|the soreness|they) (?:doesn'?t|does not|won'?t|will not|isn'?t|is not|hasn'?t|"
                   r"has not|'?s not|still (?:hurts|doesn'?t))\b(?! hurt)|\bif not\W*$"),
    ("prevention", r"\bprevent\w*|\bavoid\w*|\bstop (?:it|this|that|them)? ?(?:from )?(?:coming back|happening|recurring)|"
                   # keeping it from starting: "stop my hip flexors getting sore", "what can i do so my hips
                   # don't get tight", "how do i keep that from turning into a real problem"
                   r"\b(?:stop|keep) (?:my|the|your|them|it|that|this) (?:[\w-]+ ){0,2}(?:from )?(?:getting|tightening|becoming|turning into)\b|"
                   r"\b(?:do|anything|something)\b(?: \S+){0,4}? so (?:that )?(?:my|the|your|it|they) (?:[\w-]+ ){0,2}"
                   r"(?:don'?t|doesn'?t|do not|does not|won'?t|aren'?t|isn'?t) (?:get|tighten|start|become|turn|feel)\b|"
                   r"\bkeep (?:it|this) from|\bcoming back\b|\bin (?:the )?future\b|\bagain\b"),
    ("exercise_howto", r"\bhow (?:do|to|should|would|can) (?:i |you )?(?:do|perform|stretch|strengthen|foam roll|roll|activate)\b|"
                       r"\b(?:what|which|any|best|good) (?:\w+ ){0,2}(?:exercises?|stretch\w*|drills?|moves?|strength\w*|routine)\b|"
                       r"\bproper form\b|\bhow do (?:i|you) do\b|\bhow to\W*$|\bform check\b|\btechnique\b"),
    ("cause", r"\bis there a (?:link|connection)\b|\b(?:linked|related|connected) to\b|\bhow does (?:that|this|it) (?:work|happen)\b|\bwhy\b|\bcaus\w*|\breasons?\b|\bwhat makes\b|\btrigger\w*|\bdue to\b|\bwhat'?s behind\b"),
    ("treatment", r"\bwhat (?:should|can|do|could) i do\b|\bhow (?:do|can|should) i (?:treat|fix|ease|get rid|help|manage|deal|"
                  r"loosen|release|relax|sort|settle|calm)|"
                  r"\btreat\w*|\brelie\w*|\bhelp\b|\bfix\b|\bease\b|\bget rid\b|\bice\b|\bheat\b|\bmanage\w*|\bstay fit\b|\bin the meantime\b"),
    # Pain said to go on, when nothing more particular is asked ("it still hurts", not "it still hurts
    # when i do pigeon pose, how do i do it properly?").
    ("see_doctor", PERSISTS),
    # ...and which muscles a name covers, and what they do: "which muscles are those?", "what do they do?"
    ("definition", r"\bwhat(?:'s| is| are|s| does)\b|\bmeaning\b|\bmean\b|\bdefin\w*|"
                   r"\bwhich muscles? (?:are|is|make up|makes up|does (?:it|that|this) (?:include|cover|mean))\b|\bwhat do (?:they|those|these|the [\w-]+) (?:actually )?do\b"),
    # A bare "or" ("should I ignore it or deal with it now?") asks yes or no, not which is better.
    ("comparison", r"\b(?:vs\.?|versus|better|difference between|compared to|rather than|which (?:one|is|should))\b"),
    ("yes_no", r"^(?:is|are|can|could|should|does|do|will|would|was|has|have)\b"),
)
_TYPE_PATTERNS = [(name, re.compile(cue, re.IGNORECASE)) for name, cue in ANSWER_TYPES]
#: A quantity asked in a turn that names no type of its own ("nice. how many?", "reps/sets?", "how
#: long per side?"): of an exercise the last turn asked how to do, it asks the dose.
QUANTITY = re.compile(r"\bhow (?:many|often)\b|\bhow long\b(?! (?:have|has|had|did|ago|until|till|before)\b)|"
                       r"\bhow much (?:should i do|of each|time)\b|\b(?:reps?|sets?(?! ?up\b)|repetitions?|per side|each side)\b", re.IGNORECASE)


def answer_type(question: str) -> str:
    return typed(question)[0]


def typed(question: str) -> tuple[str, str]:
    """A question's answer type and the words that tell it ("exercise_dose", "how long should i
    hold"); ("general", "") when no cue matches."""
    q = norm(question)  # "what’s" typed on a phone is "what's"
    return next(((name, m.group(0)) for name, pattern in _TYPE_PATTERNS if (m := pattern.search(q))), ("general", ""))
