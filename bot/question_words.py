"""The words of questions: answer types, topics, and runners' spellings of the articles' words.

Pure data and the lookups over it, shared by question analysis (``query.py``), coverage, the
sentence bank and selection, and the type model. Kept apart from the analysis because it is the
part that grows with each round of graded questions, while the analysis's rules change rarely.
"""

from __future__ import annotations

import functools
import re

from .text import STOP_WORDS, norm

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

def answer_type(question: str) -> str:
    return typed(question)[0]


def typed(question: str) -> tuple[str, str]:
    """A question's answer type and the words that tell it ("exercise_dose", "how long should i
    hold"); ("general", "") when no cue matches."""
    q = norm(question)  # "what’s" typed on a phone is "what's"
    return next(((name, m.group(0)) for name, pattern in _TYPE_PATTERNS if (m := pattern.search(q))), ("general", ""))


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
