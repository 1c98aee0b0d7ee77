"""The kinds of answer a question can ask for, as the reader sees them and as sentences show them.

For each answer type (``bot/answer_types.ANSWER_TYPES``): the heading shown above the quotes, and the
cue words of a sentence that gives that kind of answer ("Duration: 30 seconds", "can lead to").
The composer uses the cues to lead with the right kind of sentence.
"""

from __future__ import annotations

import re

#: answer type -> (heading shown above the quotes, cue of a sentence that gives that kind of answer)
ANSWER_FORMS: dict[str, tuple[str, str]] = {
    "definition": ("What it is", r"\b(?:is an?|are|refers to|describes|is the|term|means|occurs when|is when|involves)\b"),
    "cause": ("Common causes", r"\b(?:caus\w*|lead to|leads to|result\w*|contribut\w*|due to|because|develop\w*|trigger\w*)\b"),
    "treatment": ("What helps", r"\b(?:ice|rest|stretch\w*|foam|compression|elevat\w*|heat|strength\w*|physical therapy|massage|"
                  r"anti-inflammatory|apply|reduce|try|consider|modify|cross-train\w*)\b"),
    "exercise_howto": ("Exercises and how to do them", r"\b(?:lie|lying|stand|kneel|lift|lower|keep|hold|step|bend|place|squeeze|"
                       r"repeat|raise|start|how to perform)\b"),
    "exercise_dose": ("How much and how often", r"\b\d+\s*(?:[-–]\s*\d+\s*)?(?:sets?|reps?|repetitions|seconds|minutes|times)\b|"
                      r"\bsets? of\b|\bhold (?:for|each)\b|\beach side\b|\b(?:per|a|times a) (?:week|day)\b"),
    "can_i_run": ("Running with it", r"\b(?:running with|not recommended|should (?:not|avoid)|can (?:continue|run)|return to running|"
                  r"resum\w*|stop running|take a break|rest from|cross-train\w*|before returning|listen to your body|avoid running)\b"),
    "recovery_time": ("How long recovery takes", r"\b(?:\d+|few|several)\s*(?:[-–]\s*\d+\s*)?(?:days?|weeks?|months?)\b|"
                      r"\b(?:resolve|heal|settle)s? (?:within|in)\b"),
    "see_doctor": ("When to get it checked", r"\b(?:consult|doctor|physician|physical therapist|professional|seek|medical|persist\w*|evaluat\w*)\b"),
    "prevention": ("How to prevent it", r"\b(?:prevent\w*|avoid\w*|gradual\w*|10% rule|warm-up|warm up|before running|reduce the risk|"
                   r"strengthen\w*|proper)\b"),
    "yes_no": ("What the articles say", r"\b(?:yes|no|not recommended|generally|can|should|is (?:not )?(?:safe|necessary|normal))\b"),
    "comparison": ("What the articles say", r"\b(?:better|more|less|whereas|while|compared|instead)\b"),
}
GENERAL_HEADING = "What the articles say"
CUES = {kind: re.compile(cue, re.IGNORECASE) for kind, (_, cue) in ANSWER_FORMS.items()}


def cue_density(cue: re.Pattern, text: str) -> float:
    """Cue words per word of a sentence (0 when it has none)."""
    found = sum(len(m.group(0).split()) for m in cue.finditer(text))
    return found / max(len(text.split()), 1)


def heading_for(answer_type: str) -> str:
    return ANSWER_FORMS.get(answer_type, (GENERAL_HEADING, ""))[0]
