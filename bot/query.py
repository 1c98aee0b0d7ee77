"""Question analysis: what is being asked, about what, and what an earlier turn adds.

Runs on the gated message (``gate.admit``) and returns a ``Query``:

- **the question itself**: in a long message, the sentences that ask something
  ("…so what should I do?") rather than the story around them;
- **the answer type** (Li & Roth-style question classes, for this library): what
  a good first sentence must be — a definition, a cause, what to do, how to do
  an exercise, its dose, whether one can run, prevention, recovery time, when
  to see a professional, yes/no, a comparison;
- **the topic**: the body part, condition or exercise it is about;
- **follow-ups**: an elliptical or pronoun turn ("how many reps for those?",
  "and for the glutes?") borrows the topic of the latest earlier turn that had
  one; a turn that names its own topic and asks its own question stands alone. Which turns lean on the
  conversation, and what they borrow, is ``followups.py``'s.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .config import Settings
from .text import content_stems
from .followups import by_position, is_followup, lent_subject
from .answer_types import PAIN_WORDS, PERSISTING, PERSISTING_SEARCH, QUANTITY, WHAT_NEXT, answer_type, typed
from .question_words import GENERIC_TOPICS, search_words, topics_of, without_topics

_DEFAULTS = Settings()

_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")
_ASKING = re.compile(
    r"\?\s*$|^(?:what|why|how|when|which|where|who|is|are|can|could|should|shall|do|does|will|would|any)\b|"
    r"\b(?:tips|advice|recommend\w*|suggest\w*|wondering|help me)\b", re.I
)


@dataclass(frozen=True)
class Query:
    """What the composer needs to know about a message."""

    text: str
    """The message as the gate kept it."""
    question: str
    """The asking part: the whole of a short message, the asking sentences of a long one."""
    answer_type: str
    topics: tuple[str, ...]
    """This turn's topics, or those borrowed from an earlier turn for a follow-up."""
    context: str
    """The earlier turn a follow-up leans on ('' when it stands alone)."""
    search_text: str
    """What retrieval reads: the message (after the turn it leans on), runners' words spelled as the articles do."""
    subject: str = ""
    """For a follow-up, the last two earlier turns: where the conversation's subject was told
    (read by ``coverage.covers``, not by retrieval)."""
    persisting: bool = False
    """Pain said to go on despite what was tried, asked what next ("still sore after six weeks of
    stretches … what now?"): the answer is when to get it checked, whatever a learned model reads."""


def asking_part(message: str, long_words: int = _DEFAULTS.long_message_words) -> str:
    """The sentences of a long message that ask something; a short message is all question."""
    if len(message.split()) <= long_words:
        return message
    sentences = [s.strip() for s in _SENTENCE.split(message) if s.strip()]
    asking = [s for s in sentences if _ASKING.search(s)]
    return " ".join(asking[-2:]) if asking else message


def analyse(message: str, history: Sequence[str] = (), settings: Settings = _DEFAULTS, *, lean: bool = False,
            unknown: Callable[[str], list[str]] | None = None,
            rare: Callable[[str], list[str]] | None = None) -> Query:
    """The ``Query`` for a gated message and the earlier user turns of its conversation.

    ``lean`` reads a short message as leaning on the conversation even when it looks
    self-contained (the caller's second try, when the message alone finds nothing)."""
    question = asking_part(message, settings.long_message_words)
    kind = answer_type(question)
    topics = topics_of(message)
    context = subject = ""
    if history and (lean or is_followup(message, settings.followup_max_words, unknown)):
        # The subject is often told a turn before the last ("front of my hip is sore" … "been
        # icing it" … "how long till it's better?"): whether the library covers the follow-up is
        # judged with the last two turns as well; and when no turn names a listed topic and the
        # last says next to nothing ("should i ice my hip" … "for how long" … "how many times a
        # day?"), they are the context too.
        subject = " ".join(history[-2:])
        context = next((t for t in reversed(history) if topics_of(t)),
                       history[-1] if len(content_stems(history[-1])) > 1 or kind == "general" else subject)
        if any(t not in GENERIC_TOPICS for t in topics):
            # "and how many bird dogs?" after "how long should I hold the side plank?", "what
            # about shoes?" after "how do I prevent hip pain?": the earlier turn lends the words
            # that ask ("how long should i hold", "prevent"), not what it was asked about.
            # A yes/no or "what is" turn lends too little ("is", "what's"): then all but its topics.
            earlier_kind, cue = typed(context)
            context = cue if cue and earlier_kind not in ("yes_no", "definition") else without_topics(context)
        elif kind != "general" and topics_of(context):
            # "how do I stop it coming back?" after "what causes runner's hip?": the earlier
            # turn lends what it was about, not what it asked.
            context = lent_subject(context, history)
        topics = tuple(dict.fromkeys([*topics, *topics_of(context)]))
        if (chosen := by_position(message, history)) is not None:
            context, topics = chosen, (chosen,)  # "how do you do the last one?" after "planks, side planks and bird dogs"
        if kind == "general":
            kind = answer_type(context)
            if kind == "exercise_howto" and QUANTITY.search(message):
                kind = "exercise_dose"  # "thx! how many?" after "how do i do bird dogs?"
    search = f"{context} {message}" if context else message
    if context and rare is not None and not topics_of(message):
        # "could those be connected?" after "i've always been a bit knock-kneed" … "now my hip's
        # sore as my mileage goes up": the particular words of the last two turns travel with it,
        # wherever the listed topic was
        lent = [w for w in rare(subject) if w not in search.lower()]
        search = " ".join([*lent, search])
    told = f"{subject} {question}"
    goes_on = bool(PERSISTING.search(told))
    # ...of pain, not of a habit ("been doing clamshells for 3 weeks, what else can i add?")
    persisting = goes_on and bool(WHAT_NEXT.search(question) and PAIN_WORDS.search(told))
    if persisting:
        kind = "see_doctor"
    if kind == "see_doctor" and goes_on:
        search = f"{search} {PERSISTING_SEARCH}"
    return Query(message, question, kind, topics, context, search_words(search), subject, persisting)
