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
  one; a turn that names its own topic stands alone (conversational query
  rewriting, as in TREC CAsT).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .config import Settings
from .text import content_stems
from .question_words import (GENERIC_TOPICS, PAIN_WORDS, PERSISTING, PERSISTING_SEARCH, WHAT_NEXT, answer_type, exercises_in_order,
                             modifiers_of, search_words, topics_of, typed, without_topics)

_DEFAULTS = Settings()

_FOLLOWUP_START = re.compile(
    r"^(?:and|what about|how about|also|ok(?:ay)?|so|then|but|same|what if|is that|are those|should i|"
    r"how many|how long|how often|how do i stop|what now|now what|what next|what then)\b", re.I
)
_PRONOUN = re.compile(r"\b(?:it|that|this|those|these|them|they|one|ones|there|each|either|instead)\b|\b(?:then|now)\W*$|"
                      r"\bthe whole (?:thing|lot|routine|session|workout)\b", re.I)  # "how long should the whole thing take?"
#: Words that make a short message about something even when no listed topic is named ("running at
#: night?"), but not a question whether to go on running ("am i done running?" after "got diagnosed
#: with FAI"): every turn of the conversation is about that (``_own_subject``).
_SUBJECT = re.compile(
    r"\b(?:hip|hips|groin|glute\w*|hamstring\w*|quad\w*|knee|back|thigh|leg|pain|ache\w*|sore\w*|tight\w*|"
    r"run|running|runner\w*|doctor|physio\w*|rest|ice|heat|injur\w*|recover\w*|train\w*)\b", re.I
)
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


#: A turn that says it changes the subject ("different question, …", "unrelated but…"): whatever
#: it asks stands alone, however short.
_CHANGES_SUBJECT = re.compile(
    r"\b(?:(?:a |one )?(?:different|unrelated|separate|random|another|other|new|side) (?:question|topic|subject|note)|"
    r"unrelated|off[- ]topic|change (?:of )?(?:the )?subject|changing (?:the )?subject|on another note|totally different)\b", re.I)
#: ...and an aside ("btw…", "by the way…"), which changes the subject only when it names one of its
#: own ("btw my knee clicks"), not when it points back ("by the way, how many reps of those?").
_ASIDE = re.compile(r"\b(?:btw|by the way|while i(?:'ve| have) got you|while (?:i'?m|i am) here)\b", re.I)


#: Words the library never uses that make a turn a question of its own (one is often a typo or
#: chatter: "tho", "gonna"; dev follow-ups never had two without pointing back).
_OWN_SUBJECT_WORDS = 2
#: A turn that opens by closing the last exchange ("thanks!", "got it.", "cool, and…", "also…"): what
#: follows is often a new question, so one word of its own the library never uses makes it stand alone.
#: Not "ok so…", which carries the conversation on.
_CLOSES_TURN = re.compile(r"^(?:(?:thanks|thank you|thx|ty|cheers|ta|cool|nice|great|perfect|awesome|sweet|brilliant|"
                          r"lovely|got it|gotcha|haha|lol|noted)\b[\s,.!:;-]*)+(?:and |also |so )?|"
                          r"^(?:also|btw|by the way|and also|next thing|next question|one more thing|ok next thing)\b", re.I)
#: "what about shockwave or acupuncture?": the earlier topic is the frame it asks within.
_WHAT_ABOUT = re.compile(r"^(?:and|what about|how about)\b", re.I)
#: Words of talk and time, never a subject: "can i still run tmrw or nah?" asks about the same hip.
_CHATTER = re.compile(r"\b(?:still|again|else|instead|though|tho|till|til|until|gonna|wanna|gotta|today|tonight|tomorrow|tmrw|"
                      r"tmr|yesterday|now|later|soon|yeah|yep|yup|nah|nope|ok|okay|cool|nice|great|thanks|thank|thx|ta|"
                      r"lol|haha|gotcha|meanwhile|anyway|btw|also|really|actually|just|maybe|pls|please|"
                      # hedges and degrees: "roughly how long before i'm back to normal?"
                      r"roughly|approx\w*|about|around|basically|normal|normally|properly|fully|totally|completely|pretty|"
                      r"quite|kinda|sorta|honestly|seriously|literally|ish|stuff|"
                      # function words an article rarely writes: "anything i can do at work? cant kneel"
                      r"anything(?= (?:i|you|we) (?:can|could) do\b| else\b)|exactly|cant|can't|dont|don't|wont|won't|im|i'm|ive|i've)\b",
                      re.I)


#: Words that point back at what was said before ("them", "those"), not "this summer".
POINTS_BACK = re.compile(r"\b(?:it|them|those|these|they|that one|the one|ones)\b", re.I)


def changes_subject(message: str) -> bool:
    """Whether a turn says it changes the subject and points back at nothing."""
    if POINTS_BACK.search(message):
        return False  # "different question - how often should I do them?" still points back
    return bool(_CHANGES_SUBJECT.search(message)) or (
        bool(_ASIDE.search(message)) and bool(topics_of(message) or _SUBJECT.search(message)))


def names_its_own_subject(message: str, unknown: Callable[[str], list[str]] | None) -> bool:
    """Whether a turn asks about things of its own that the library never mentions ("how many
    gels should i take in a half marathon?", "which road bike should i buy?"), with nothing
    pointing back: it stands alone. ``unknown`` gives a text's words the library never uses."""
    if unknown is None or _PRONOUN.search(message) or _WHAT_ABOUT.match(message):
        return False
    # After a turn closed ("thanks! also…", "got it. which…"), one such word is enough.
    closing = _CLOSES_TURN.match(message)
    needed = 1 if closing else _OWN_SUBJECT_WORDS
    rest = message[closing.end():] if closing else message  # "perfect," is no subject of its own
    return len(unknown(_CHATTER.sub(" ", rest))) >= needed


def is_followup(message: str, max_words: int = _DEFAULTS.followup_max_words,
                unknown: Callable[[str], list[str]] | None = None) -> bool:
    """A short message that leans on the conversation rather than standing alone."""
    words = message.split()
    if not words or len(words) > max_words or changes_subject(message) or names_its_own_subject(message, unknown):
        return False
    own = topics_of(message)
    specific = [t for t in own if t not in ("stretches", "exercises")]
    if specific:
        return bool(_FOLLOWUP_START.search(message)) and len(words) <= 5  # "and for the glutes?"
    return bool(_FOLLOWUP_START.search(message) or _PRONOUN.search(message)) or not (own or _own_subject(message))


def _own_subject(message: str) -> bool:
    """Whether a short message names a subject word, running aside when it asks whether to run."""
    text = _RUN_WORDS.sub(" ", message) if answer_type(message) == "can_i_run" else message
    return bool(_SUBJECT.search(text))


_RUN_WORDS = re.compile(r"\b(?:run|running|runner\w*)\b", re.I)


#: The user asking about their own next step: "can i still…", "would heat be better?", "how long till…",
#: "who can check it?".
_OWN_NEXT_STEP = re.compile(r"\b(?:can|could|should|would|will|do|am) i\b|\bhow (?:long|fast|soon|quickly)\b|"
                            r"\bwho (?:can|could|should|would|will)\b|"  # "who can check my form though?"
                            r"\bwould \w+(?: \w+)? be (?:better|worse|ok|okay|fine)\b|\binstead\b", re.I)


def leans_on_conversation(message: str, max_words: int = _DEFAULTS.followup_max_words,
                          unknown: Callable[[str], list[str]] | None = None) -> bool:
    """A short turn that could be read with the conversation before it: it points back ("it",
    "those"), opens like a follow-up ("and…", "what about…"), or asks the user's own next step.
    A question about something else ("best marathon in europe?") does none of these, and a turn
    that says it changes the subject ("unrelated, but…") is read alone."""
    words = message.split()
    if not 0 < len(words) <= max_words or changes_subject(message) or names_its_own_subject(message, unknown):
        return False
    return bool(_PRONOUN.search(message) or _FOLLOWUP_START.search(message) or _OWN_NEXT_STEP.search(message)
                or (len(words) <= _FRAGMENT_WORDS and _asks_something(message) and unknown is not None
                    and not unknown(_CHATTER.sub(" ", message))))


def _asks_something(message: str) -> bool:
    """A fragment that asks a known kind of question or names a subject ("heat or ice", "why only
    after the fast stuff"), not a bare word ("sex?", "rain?")."""
    return answer_type(message) != "general" or bool(topics_of(message) or _SUBJECT.search(_RUN_WORDS.sub(" ", message)))


#: A turn this short in the library's own words is a fragment of the conversation ("heat or ice",
#: "why only after the fast stuff", "like my back?") when it cannot be answered alone.
_FRAGMENT_WORDS = 6


def lent_subject(turn: str, history: Sequence[str]) -> str:
    """What an earlier turn was about, as a follow-up borrows it: its topics, each with the word
    that names which one ("the *kneeling* hip flexor stretch"); and when it names only a kind of
    thing ("is there a stretch for it?"), also the topics of the turn before it, where the "it"
    was told ("what's piriformis syndrome?")."""
    names = [*topics_of(turn)]
    if all(t in GENERIC_TOPICS for t in names):
        turns = list(history)
        at = len(turns) - 1 - turns[::-1].index(turn) if turn in turns else len(turns)
        names += [t for t in (topics_of(turns[at - 1]) if at > 0 else ()) if t not in names]
    return " ".join([*names, *modifiers_of(turn)])


#: An exercise picked by where it stood in a list: "the last one", "the second exercise", "the latter";
#: not a time or an event ("sore after the last one", "on the first one").
_POSITION = re.compile(r"(?<!after )(?<!during )(?<!since )(?<!from )(?<!on )(?<!in )(?<!at )"
                       r"\bthe (first|1st|second|2nd|third|3rd|last|final|latter|former)"
                       r"(?: (?:one|exercise|stretch|move|drill)s?\b|(?= *(?:[?.!,]|$)))")
_AT = {"first": 0, "1st": 0, "former": 0, "second": 1, "2nd": 1, "third": 2, "3rd": 2, "last": -1, "final": -1, "latter": -1}


def _by_position(message: str, history: Sequence[str]) -> str | None:
    """The exercise a follow-up picks by its place in the latest earlier turn that listed two or
    more ("planks, side planks and bird dogs" … "how do you do the last one?"), or ``None``."""
    pick = _POSITION.search(message.lower())
    if pick is None:
        return None
    listed = next((names for turn in reversed(history) if len(names := exercises_in_order(turn)) > 1), [])
    at = _AT[pick.group(1)]
    return listed[at] if -len(listed) <= at < len(listed) else None


def analyse(message: str, history: Sequence[str] = (), settings: Settings = _DEFAULTS, *, lean: bool = False,
            unknown: Callable[[str], list[str]] | None = None) -> Query:
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
        if (chosen := _by_position(message, history)) is not None:
            context, topics = chosen, (chosen,)  # "how do you do the last one?" after "planks, side planks and bird dogs"
        if kind == "general":
            kind = answer_type(context)
    search = f"{context} {message}" if context else message
    told = f"{subject} {question}"
    goes_on = bool(PERSISTING.search(told))
    # ...of pain, not of a habit ("been doing clamshells for 3 weeks, what else can i add?")
    persisting = goes_on and bool(WHAT_NEXT.search(question) and PAIN_WORDS.search(told))
    if persisting:
        kind = "see_doctor"
    if kind == "see_doctor" and goes_on:
        search = f"{search} {PERSISTING_SEARCH}"
    return Query(message, question, kind, topics, context, search_words(search), subject, persisting)
