"""The words of questions: topics, and runners' spellings of the articles' words.

Pure data and the lookups over it, shared by question analysis (``query.py``), coverage, the
sentence bank and selection (the answer types' cues are ``answer_types.py``). Kept apart from
the analysis because it is the part that grows with each round of graded questions, while the
analysis's rules change rarely.
"""

from __future__ import annotations

import functools
import re

from .answer_types import typed
from .text import STOP_WORDS, norm

#: Things a question can be about, as the articles name them (first spelling is the canonical one).
TOPICS: tuple[tuple[str, str], ...] = (
    # the front of the hip is where runners feel the hip flexors ("front of my hip is achy")
    ("hip flexors", r"hip flex\w*|flexors?|flexers?|psoas|iliopsoas|front of (?:my |the |your )?(?:right |left )?hips?"),
    ("glutes", r"glute\w*|gluteus|gluteal|butt|bum"),
    ("IT band", r"it ?band|itb|iliotibial"),
    ("piriformis", r"piriformis"),
    ("labral tear", r"labr\w*"),
    ("bursitis", r"bursitis|bursa"),
    ("FAI", r"fai|impingement"),
    ("osteoarthritis", r"osteoarthritis|arthritis"),
    ("stress fracture", r"stress fractures?"),
    ("hamstrings", r"hamstrings?"),
    ("groin", r"groin|adductors?"),
    ("tendinopathy", r"tendin\w*|tendon\w*"),
    ("clamshells", r"clam ?shells?|clams"),
    ("glute bridges", r"(?:glute )?bridges?|bridging"),
    ("side plank", r"side ?planks?"),
    ("planks", r"planks?"),
    ("bird dog", r"bird ?dogs?"),
    ("side-lying leg raises", r"side[- ]?lying leg (?:raise|lift)s?|leg (?:raise|lift)s?"),
    ("single-leg deadlifts", r"single[- ]?leg deadlifts?|deadlifts?|rdls?"),
    ("hip flexor raises", r"hip flexor raises?|knee raises?"),
    ("band hip flexion", r"(?:resistance )?band(?:ed)? hip flexion|hip flexion (?:with|using) (?:a )?(?:resistance )?band"),
    ("leg swings", r"leg swings?"),
    ("high knees", r"high knees|butt kicks"),
    ("toe touches", r"toe touch\w*"),
    ("hip circles", r"hip circles?"),
    ("torso twists", r"torso twists?"),
    ("figure-four stretch", r"figure[- ]?(?:four|4)"),
    ("pigeon", r"pigeon"),
    ("lunges", r"lunges?"),
    ("squats", r"squats?"),
    ("foam rolling", r"foam ?roll\w*"),
    ("periodization", r"periodi[sz]\w*"),
    ("warm-up", r"warm[- ]?ups?|warming up"),
    ("cool-down", r"cool[- ]?downs?|cooling down"),
    ("running shoes", r"shoes?|trainers|sneakers|footwear"),
    ("cadence", r"cadence|stride"),
    ("running form", r"form|gait|overstrid\w*|heel strik\w*"),
    ("mileage", r"mileage|miles|10 ?(?:%|percent|per ?cent) rule|ten percent"),
    ("Trendelenburg test", r"trendelenburg"),
    ("Thomas test", r"thomas test"),
    ("Runner's Hip", r"runner'?s'? hip|runners hip"),
    ("stretches", r"stre?tch\w*|streching"),
    ("exercises", r"exercises?|strength\w*"),
)
_TOPIC_PATTERNS = [(name, re.compile(rf"\b(?:{p})\b", re.IGNORECASE)) for name, p in TOPICS]

#: Words runners use that the articles spell another way; applied to the search text only.
RUNNER_WORDS = {
    r"physios?|physiotherapists?": "physical therapist",
    r"physio(?:therapy)?": "physical therapy",
    r"docs?": "doctor",
    r"runners'? hip": "Runner's Hip",
    r"flexers?": "flexors",
    r"front of (?:my |the |your )?(?:right |left )?hips?": "front of the hip flexors",
    r"glutes?": "glutes gluteal",
    r"it ?band": "IT band iliotibial",
    r"shoes?|trainers|sneakers": "running shoes",
    # how the body moves, in runners' words for the articles' terms ("my knees cave in", "my hip drops")
    r"knees? (?:cave|caves|caving|collapse|collapses|collapsing|fall|falls|falling|roll|rolls|rolling|go|goes|going) in(?:wards?)?|"
    r"knock[- ]?knee\w*": "knee valgus knock-knees",
    r"(?:hips?|pelvis) (?:drops?|dropping|dips?|dipping|sags?|sagging)": "pelvic drop gluteus medius weakness",
    # "is there any research on that?": the articles cite studies
    r"research|studies|study|science|scientific": "study published journal research",
    # a rule known by a name the articles state in words ("no more than 10% at a time")
    r"(?:the )?(?:10|ten) ?(?:%|percent|per ?cent) (?:rule|thing)": "increase weekly mileage by no more than 10%",
}
_RUNNER_WORDS = [(re.compile(rf"\b(?:{k})\b", re.I), v) for k, v in RUNNER_WORDS.items()]

@functools.lru_cache(maxsize=1024)
def topics_of(text: str) -> tuple[str, ...]:
    """The topics a text names, in ``TOPICS`` order. Kept for the last texts: one answer asks it
    of the same turns several times (analysis, coverage, selection)."""
    text = norm(text)
    return tuple(name for name, pattern in _TOPIC_PATTERNS if pattern.search(text))


#: Topics that are exercises, stretches or routines the articles describe (how to do them, how much).
EXERCISE_TOPICS = frozenset({
    "clamshells", "glute bridges", "side plank", "planks", "bird dog", "side-lying leg raises", "single-leg deadlifts",
    "hip flexor raises", "band hip flexion", "leg swings", "high knees", "toe touches", "hip circles", "torso twists",
    "figure-four stretch", "pigeon", "lunges", "squats", "foam rolling", "warm-up", "cool-down", "stretches", "exercises",
})

#: Topics that name a kind of thing rather than a particular one.
GENERIC_TOPICS = frozenset({"stretches", "exercises"})
#: Self-care the articles name that serves any body part ("icing after a run - how many minutes?"):
#: not topics, which a follow-up would borrow, but named in the message itself it is the library's
#: subject (``coverage.covers``). Not ice on the road, an ultra's elevation gain, ice cream.
CARE_WORDS = re.compile(r"\b(?:(?<!snow and )(?<!snow or )(?<!black )ice(?! ?cream| lolly| lollies| skat\w*| hockey| rink| age|,? (?:and|or) snow)|"
                        r"icing|iced|ice ?packs?|cold therapy|heat|heating pads?|warm bath|hot water bottle|compression|"
                        r"elevat\w*(?! (?:gain|profile|change|map|chart)))\b", re.I)


def modifiers_of(text: str) -> list[str]:
    """The word that says which exercise or stretch a text names ("the *kneeling* hip flexor
    stretch", "the *piriformis* stretch"): the word before the run of topics that ends in one,
    when it is no stop word, not among the words that ask, and not part of a topic itself."""
    text = norm(text)
    _, cue = typed(text)
    if cue:
        text = text.replace(cue, " , ", 1)
    spans = [(m.start(), m.end(), name) for name, pattern in _TOPIC_PATTERNS for m in pattern.finditer(text)]
    words = []
    for start, _, name in spans:
        if name not in EXERCISE_TOPICS:
            continue
        while (earlier := next((a for a, b, _ in spans if b + 1 == start and text[b] == " "), None)) is not None:
            start = earlier  # "hip flexor" before "stretch": one name
        before = re.search(r"([a-z][a-z-]{3,}) $", text[:start])
        if before and before.group(1) not in STOP_WORDS and before.group(1) not in words:
            words.append(before.group(1))
    return words


def exercises_in_order(text: str) -> list[str]:
    """The particular exercises a text names, in the order it names them ("planks, side planks and
    bird dogs"), a name inside a longer one not counted again ("planks" in "side planks")."""
    text = norm(text)
    spans = [(m.start(), m.end(), name) for name, pattern in _TOPIC_PATTERNS if name in EXERCISE_TOPICS - GENERIC_TOPICS
             for m in pattern.finditer(text)]
    kept = [(a, b, name) for a, b, name in spans if not any(c <= a and b <= d and d - c > b - a for c, d, _ in spans)]
    return list(dict.fromkeys(name for _, _, name in sorted(kept)))


def without_topics(text: str, only: frozenset[str] | None = None, gap: str = " ") -> str:
    """The text with its particular topics (muscles, conditions, exercises) taken out, or only
    those named in ``only``; each leaves ``gap`` (a mark keeps the words around it apart: "cut my
    mileage back" is not "cut my back")."""
    text = norm(text)  # "runner’s hip" typed with a curly apostrophe is a topic too
    for name, pattern in _TOPIC_PATTERNS:
        if name not in GENERIC_TOPICS and (only is None or name in only):
            text = pattern.sub(gap, text)
    return " ".join(text.split())


def search_words(text: str) -> str:
    """Spell runners' words the way the articles do ("physio" → "physical therapist")."""
    for pattern, replacement in _RUNNER_WORDS:
        text = pattern.sub(replacement, text)
    return text
