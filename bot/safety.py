"""Red flags: symptoms that need prompt medical care, found in what the user wrote.

This module reads only the conversation text. It never sees retrieval scores,
so a red flag is raised even when the library has nothing to say about the
question. Each rule is a set of patterns for one warning sign, written for the
ways runners actually describe it ("can't put weight on it", "woke me up at
night"); a match is dropped when a negation sits just before it in the same
clause ("no fever", "I didn't fall"), and a clause ends at sentence punctuation
and at joining words ("but", "and", "then", "though", …), so "no fever but
it's hot and swollen" and "I didn't run today and I can't walk" still count.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

#: The one disclaimer, shown word for word at the top of every red-flag answer.
DISCLAIMER = (
    "Some of what you describe can be a sign of an injury or condition that needs "
    "prompt medical care, so please see a doctor or physiotherapist soon rather than "
    "relying on these articles. If you cannot bear weight, were hurt in a fall or "
    "collision, have a fever with a hot or swollen hip, lose bladder or bowel control, "
    "or the pain is sudden and severe, call emergency services or go to an emergency "
    "department now."
)

_W = r"(?:\s+\w+){0,3}?"  # up to three filler words
_NEG = re.compile(
    r"\b(?:no|not|never|without|none|nor|neither|zero|denies|free of|absence of|"
    r"don'?t|doesn'?t|didn'?t|haven'?t|hasn'?t|hadn'?t|isn'?t|aren'?t|wasn'?t|weren'?t|won'?t)\b"
)
_CLAUSE_BREAK = re.compile(r"[.;!?\n]|\b(?:but|and|then|so|though|although|however|except|yet|now)\b")
_NEG_WINDOW_WORDS = 6
_NEG_WINDOW_CHARS = 120  # six words of any plausible length

RULES: dict[str, list[str]] = {
    "cannot bear weight or walk": [
        rf"\b(?:can ?not|can'?t|cant|unable to|not able to|couldn'?t|could not|impossible to|barely|hardly|struggl\w+ to){_W}\s+(?:walk|stand|bear\b|put\b{_W}\s+weight|weight|move (?:my|the) leg|get up)",
        r"\b(?:too (?:painful|sore) to|hurts too much to) (?:walk|stand|put weight)",
        r"\bnon[- ]?weight[- ]?bearing\b",
        r"\b(?:on|need|needed|using) crutches\b",
        r"\bhobbl\w+\b",
    ],
    "pain after a fall or impact": [
        r"\b(?:a|the|my|bad|hard) (?:fall|crash|tumble|collision|accident)\b",
        r"\bfell (?:on|onto|off|down|over|hard|while|during|when|and)\b",
        r"\b(?:fallen|falling) (?:on|onto|off|down|over)\b",
        r"\b(?:after|since) (?:falling|i fell)\b",
        r"\b(?:tripped|slipped|crashed|collided|wiped out)\b",
        r"\b(?:hit|struck|knocked (?:down|over)) by\b",
        r"\bheard (?:a|something) (?:crack|snap)\b",
        r"\b(?:leg|foot) (?:looks|is|seems) (?:shorter|turned out|twisted|deformed)\b",
    ],
    "fever, feeling unwell, or a hot, red or swollen hip": [
        r"\b(?:fever|feverish|chills|shivering|night sweats)\b",
        r"\bhave (?:a )?(?:high )?temperature\b",
        r"\b(?:feel|feeling|felt|feels) (?:really |very |quite )?(?:unwell|sick|ill|run ?down)\b",
        r"\b(?:hip|joint|groin|thigh|it|area|skin)(?: \w+){0,2} (?:is|feels|looks|got|gets|became|turned|went)(?: \w+){0,2} (?:hot|red|warm|inflamed)\b",
        r"\b(?:hot|red|warm|inflamed)(?:,? (?:and )?(?:hot|red|warm|swollen|tender|painful))*,? (?:and )?(?:swollen )?(?:hip|joint|groin)\b",
    ],
    "sudden severe pain, swelling or bruising": [
        r"\b(?:sudden(?:ly)?|all of a sudden|out of nowhere)\b(?: \w+){0,5} (?:severe|sharp|intense|excruciating|agoni\w+|terrible|stabbing|pain|swell\w*)",
        r"\b(?:severe|excruciating|unbearable|agoni[sz]ing|intense|extreme|terrible|worst)\b(?: \w+){0,2} (?:pain|ache|hurt\w*)",
        r"\b(?:swelling|swollen|swelled|puffy|bruis\w+|black and blue|discolou?r\w*)\b",
        r"\b(?:pain|hurts?|hurting)(?: is| it is)? (?:severe|excruciating|unbearable)\b",
        r"\b10 ?(?:/|out of) ?10\b",
    ],
    "groin or hip pain at rest or at night": [
        r"\b(?:at night|during the night|in the night|overnight|nighttime|night time|nightly)\b",
        r"\b(?:wakes?|woke|waking|keeps?|kept) me (?:up|awake)\b",
        r"\b(?:while|when) (?:i'?m |i am )?(?:sleeping|asleep|resting|lying (?:down|in bed)|in bed)\b",
        r"\beven (?:when|while) (?:i'?m |i am )?(?:sitting|not moving|still)\b",
        r"\b(?:at rest|when resting|while resting|even resting|when i rest|even when i rest|sitting still|doing nothing|not even running|not running at all|even when i'?m not running|even without running)\b",
        r"\bhurts? (?:all the time|constantly|24/7|nonstop)\b",
    ],
    "numbness, tingling or weakness in the leg": [
        r"\b(?:numb|numbness|tingl\w+|pins and needles|electric(?:al)? (?:shock|pain)|shoot\w* (?:pain )?down)\b",
        r"\bweak(?:ness)? (?:in|down) (?:my |the )?(?:leg|legs|thigh|foot)\b",
        r"\b(?:leg|legs|foot) (?:is|are|feels?|went|goes|going|gets?|got) (?:\w+ )?weak\b",
        r"\bfoot drop\b",
    ],
    "loss of bladder or bowel control": [
        r"\b(?:bladder|bowel|bowels|incontinen\w+)\b",
        r"\b(?:wet|peed|pooped|soiled) myself\b",
        r"\bcan'?t (?:hold|control) (?:my )?(?:pee|urine|wee|poo|stool)\b",
        r"\bsaddle (?:numbness|area)\b",
    ],
    "hip locking or giving way": [
        r"\b(?:gives?|gave|giving|goes|went) (?:way|out)\b",
        r"\b(?:locks?|locked|locking) up\b",
        r"\b(?:hip|joint|leg) (?:locks|locked|keeps locking|catches|gets stuck|got stuck|buckles|buckled|collapsed|collapses)\b",
        r"\bbuckl\w+\b",
    ],
    "pain that persists or worsens despite rest": [
        r"\b(?:getting|got|gets|keeps getting|growing|becoming|is) (?:\w+ )?worse\b",
        r"\bworsening\b",
        r"\b(?:despite|even with|even after|in spite of)(?: \w+){0,3} (?:rest|resting|time off|a break|stopping|not running)\b",
        r"\b(?:for|over|after|past|last) (?:\d+|two|three|four|five|six|several|many|a few|a couple of) (?:weeks|months)\b(?: \w+){0,8} (?:rest|resting|off|stopped|break|not running|still|persist\w*|won'?t|hasn'?t|not (?:getting )?better)",
        r"\b(?:won'?t go away|not going away|hasn'?t (?:gone away|improved|got(?:ten)? better)|isn'?t getting better|not getting better|never gets better)\b",
    ],
}

_COMPILED = {name: [re.compile(p) for p in pats] for name, pats in RULES.items()}


@dataclass(frozen=True)
class RedFlag:
    """Which warning signs were found, and the words that showed them."""

    reasons: tuple[str, ...]
    evidence: tuple[str, ...]


def normalise(text: str) -> str:
    """Lower-case, straight apostrophes, no accents or stray symbols: one spelling to match."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = text.replace("’", "'").replace("‘", "'").replace("`", "'")
    return re.sub(r"[^\w'/\s.,;!?-]", " ", text)


def _negated(text: str, start: int) -> bool:
    """True when a negation word sits just before ``start`` in the same clause."""
    before = text[max(0, start - _NEG_WINDOW_CHARS) : start]  # bounded, so many matches stay linear
    breaks = list(_CLAUSE_BREAK.finditer(before))
    clause = before[breaks[-1].end() :] if breaks else before
    window = " ".join(clause.split()[-_NEG_WINDOW_WORDS:])
    return bool(_NEG.search(window))


def detect(message: str) -> RedFlag | None:
    """The red flags in one message, or ``None``."""
    text = normalise(message)
    reasons, evidence = [], []
    for name, patterns in _COMPILED.items():
        for pattern in patterns:
            hit = next((m for m in pattern.finditer(text) if not _negated(text, m.start())), None)
            if hit:
                reasons.append(name)
                evidence.append(hit.group(0).strip())
                break
    return RedFlag(tuple(reasons), tuple(evidence)) if reasons else None


def detect_in_conversation(message: str, earlier: list[str] = ()) -> RedFlag | None:
    """Red flags in this message or any earlier user message of the conversation.

    A symptom mentioned once keeps mattering: "it's hot and swollen" followed by
    "what stretches help?" still gets the disclaimer.
    """
    found = [f for f in (detect(m) for m in [*earlier, message]) if f]
    if not found:
        return None
    reasons = tuple(dict.fromkeys(r for f in found for r in f.reasons))
    evidence = tuple(dict.fromkeys(e for f in found for e in f.evidence))
    return RedFlag(reasons, evidence)
