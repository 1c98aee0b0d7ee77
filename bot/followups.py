"""Follow-ups: whether a turn leans on the conversation, and what it borrows from an earlier turn.

An elliptical or pronoun turn ("how many reps for those?", "and for the glutes?") takes its
subject from the latest earlier turn that had one; a turn that names its own subject and asks
its own question, or says it changes the subject, stands alone ("and what about the IT band?" asks
the earlier question of a new subject) (conversational query rewriting, as in TREC CAsT). Read by
question analysis (``query.py``), which builds the ``Query`` from what these say, and by the chat
(a short turn tried again with the conversation when it finds nothing alone).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from .config import Settings
from .answer_types import answer_type
from .question_words import GENERIC_TOPICS, exercises_in_order, modifiers_of, topics_of

_DEFAULTS = Settings()

_FOLLOWUP_START = re.compile(
    r"^(?:and|what about|how about|also|ok(?:ay)?|so|then|but|same|what if|is that|are those|should i|"
    r"how many|how long|how often|how do i stop|what now|now what|what next|what then)\b", re.I
)
#: A turn asking the earlier question again of its own thing: "…, same thing?", "does the same apply?"
#: (not "is FAI the same thing as impingement?", which asks its own).
_SAME_ASKED = re.compile(r"\bsame (?:thing|deal|for|with|again|idea|answer|appl(?:y|ies))\b(?! as\b)", re.I)
#: A question word of the turn's own, after its opening ("so where exactly is the piriformis?").
_OWN_QUESTION = re.compile(r"\b(?:where|what|which|who|why|when|how|is|are|does|do|can|could|should|will|would)\b", re.I)
_PRONOUN = re.compile(r"\b(?:it|that|this|those|these|them|they|one|ones|there|each|either|instead)\b|\b(?:then|now)\W*$|"
                      r"\bthe whole (?:thing|lot|routine|session|workout)\b", re.I)  # "how long should the whole thing take?"
#: Words that make a short message about something even when no listed topic is named ("running at
#: night?"), but not a question whether to go on running ("am i done running?" after "got diagnosed
#: with FAI"): every turn of the conversation is about that (``_own_subject``).
_SUBJECT = re.compile(
    r"\b(?:hip|hips|groin|glute\w*|hamstring\w*|quad\w*|knee|back|thigh|leg|pain|ache\w*|sore\w*|tight\w*|"
    r"run|running|runner\w*|doctor|physio\w*|rest|ice|heat|injur\w*|recover\w*|train\w*)\b", re.I
)

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
                      r"tmr|yesterday|now|later|soon|"
                      # days and the week's fixtures: "can i still do parkrun on saturday?" asks about the same hip
                      r"(?:mon|tues|wednes|thurs|fri|satur|sun)days?|weekend|parkrun|"
                      r"yeah|yep|yup|nah|nope|ok|okay|cool|nice|great|thanks|thank|thx|ta|"
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
    if specific:  # "and for the glutes?", "what about a labral tear, same thing?", "and if it's the front of the hip?"
        opening = _FOLLOWUP_START.search(message)
        return bool(opening) and (len(words) <= 5 or bool(_SAME_ASKED.search(message))
                                  or not (_OWN_QUESTION.search(message, opening.end()) or answer_type(message) != "general"))
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
                            r"\bwould (?:\w+ ){1,3}be (?:any |much |a bit |a lot )?(?:better|worse|ok|okay|fine|easier)\b|\binstead\b", re.I)


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


def by_position(message: str, history: Sequence[str]) -> str | None:
    """The exercise a follow-up picks by its place in the latest earlier turn that listed two or
    more ("planks, side planks and bird dogs" … "how do you do the last one?"), or ``None``."""
    pick = _POSITION.search(message.lower())
    if pick is None:
        return None
    listed = next((names for turn in reversed(history) if len(names := exercises_in_order(turn)) > 1), [])
    at = _AT[pick.group(1)]
    return listed[at] if -len(listed) <= at < len(listed) else None
