"""Red flags: symptoms that need prompt medical care, found in what the user wrote.

This module reads only the conversation text (and, for the semantic check, the
encoder that embeds it). It never sees retrieval scores, so a red flag is
raised even when the library has nothing to say about the question.

The categories, their reasons, patterns and exemplar phrasings are reviewed
data in ``red_flags.json``. Two detectors read each clause of a message, and
either one is enough:

- **patterns**: explicit phrasings ("can't put weight on it", "woke me up at
  night"), dropped when a negation sits just before the match in the same
  clause ("no fever", "I didn't fall");
- **semantic**: the clause's embedding is compared with every exemplar; it
  counts when it is close to a category's exemplars and clearly closer to
  them than to the ordinary-soreness exemplars (``not_red_flag``), which is
  what keeps "I can walk fine, just tight" from matching "I can't walk".

Before either looks, a clause that is hypothetical ("if I ever got
numbness…"), about someone else ("my sister fell…"), or a general question
("when should someone see a doctor?") is set aside, as in the NegEx/ConText
family of rules. A child's symptoms are the exception: a parent describing
them is the usual way they reach us.

Cost is linear in the message: every message and history turn is cut by the
input gate before it gets here, the patterns have bounded repeats, the
negation check reads a bounded window, and a message's clauses are embedded
in one batch (history turns were checked when they were sent, and are cached).
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from .config import Settings
from .taxonomy import Category, Learned, Speller, Taxonomy, load_taxonomy

#: The one disclaimer, shown word for word at the top of every red-flag answer.
DISCLAIMER = (
    "Some of what you describe can be a sign of an injury or condition that needs "
    "prompt medical care, so please see a doctor or physiotherapist soon rather than "
    "relying on these articles. If you cannot bear weight, were hurt in a fall or "
    "collision, have a fever with a hot or swollen hip, lose bladder or bowel control, "
    "or the pain is sudden and severe, call emergency services or go to an emergency "
    "department now."
)

_NEG = re.compile(
    r"\b(?:no|not|never|without|none|nor|neither|zero|denies|free of|absence of|"
    r"don'?t|doesn'?t|didn'?t|haven'?t|hasn'?t|hadn'?t|isn'?t|aren'?t|wasn'?t|weren'?t|won'?t)\b"
)
#: Words that end a negation's reach inside a clause ("I didn't run today and I can't walk").
_NEG_BREAK = re.compile(
    r"\b(?:and|then|so|now|because|cos|since|plus|i|it|my)\b|,|"
    # Pseudo-negations: "won't go away" says the pain persists, and ends a negation's reach.
    r"\b(?:won'?t|wont|doesn'?t|isn'?t|not) (?:go(?:ing)?(?: away)?|stop(?:ping)?|eas(?:e|ing)|settl(?:e|ing)|shift|budge)\b"
)
_LIST_GOES_ON = re.compile(r"\b(?:or|nor)\b")
_FIGURE = re.compile(r"\b(?:like|as if|as though)\b")
_NEG_WINDOW_WORDS = 6
_NEG_WINDOW_CHARS = 120
#: Where one clause ends and the next begins, for scoping negation and context.
_CLAUSE_END = re.compile(
    r"[.;!?\n]+|\s(?:but|though|although|however|whereas|except|yet)\s|"
    r",\s*(?=(?:what|how|would|should|could|can|is|are|do|does|any|or)\b)"  # "…can't walk, what would you do?"
)
_HYPOTHETICAL = re.compile(
    r"\b(?:what if|in case|suppose|supposing|hypothetically|what happens when|what would|would it be|"
    r"should i worry (?:if|about)|is it bad if|how would i know|if i (?:ever|were to|was to|did)|"
    r"if (?:you|someone|somebody|one|a runner|runners) |if(?:\s+\S+){0,8}?\s+(?:ever|would|could|might)\b|"
    r"^(?:say|imagine|let'?s say|picture this)\b|for future reference|just so i know|in (?:the )?future)"
)
_OTHER_PERSON = re.compile(
    r"\b(?:my|our|a|his|her|their) (?:friend|mate|sister|brother|mum|mom|dad|mother|father|wife|husband|"
    r"partner|girlfriend|boyfriend|coach|teammate|team ?mate|club ?mate|training partner|colleague|buddy|pal|"
    r"co-?worker|neighbou?r|cousin|aunt|uncle|gran\w*|dog|client|patient)s?\b|\b(?:he|she|they|him|her|his|their)\b|"
    r"^(?:friend|mate|sister|brother|mum|mom|dad|wife|husband|partner|coach|teammate|colleague|neighbou?r)\b|"
    r"\b(?:dad|mum|mom|sister|brother|wife|husband|partner|friend|buddy|pal|coach|boss|colleague)(?:'s|s)\b|"
    r"\b(?:running|training|gym) (?:buddy|pal|partner|mate)\b"
)
_PEOPLE = (r"friend|mate|sister|brother|mum|mom|dad|mother|father|wife|husband|partner|girlfriend|boyfriend|"
           r"coach|teammate|team ?mate|club ?mate|training partner|colleague|co-?worker|neighbou?r|cousin|aunt|"
           r"uncle|gran\w*|dog|client|patient|buddy|pal|son|daughter|kid|child|boy|girl|lad|lass")
#: The user speaking of themselves: "I", or "my" before anything but a person ("my leg", not "my dad").
_FIRST_PERSON = re.compile(rf"\b(?:i|i'm|im|i've|ive|i'd|myself|mine)\b|\bmy\b(?! (?:running |training |gym |old )?(?:{_PEOPLE})\b)")
_GENERAL = re.compile(
    r"\b(?:someone|somebody|anyone|anybody|a person|people|runners|a runner|one|you)\b|"
    r"\b(?:signs?|symptoms?|warning signs?|red flags?) (?:of|for|that)\b|\bwhat (?:does|do|is|are) (?:\w+ ){0,5}(?:mean|like)\b"
)
_QUESTION_START = re.compile(r"^(?:what|when|how|which|who|why|is|are|do|does|should|can|could|would|at what)\b")
_HISTORICAL = re.compile(
    r"\b(?:used to|years ago|as a (?:kid|child|teen|teenager)|when i was (?:a kid|a child|young|little|\d+)|"
    r"in the past|back in (?:school|the day))\b"
)
#: Words that reverse or soften a clause ("never cold", "getting better", "walking fine", "feels
#: like a bruise"): the
#: semantic detector, which cannot read polarity, abstains on such clauses; the patterns still read them.
_REASSURED = re.compile(r"\b(?:no|not|never|nothing|none|neither|nor|without|fine|better|improving|normal|normally|mild|mildly|slight|slightly|only|just|like)\b")
#: A negator inside a match, after its first word ("feet are never cold").
_INNER_NEG = re.compile(r"\b(?:no|never|without|none|zero)\b(?![- ]go\b)")
_WORD = re.compile(r"\w+")
_CHILD = "child_limping"


class Encoder(Protocol):
    def encode(self, texts: list[str]) -> np.ndarray: ...
    def encode_query(self, text: str) -> np.ndarray: ...
    def vocabulary(self) -> set[str]: ...


@dataclass(frozen=True)
class RedFlag:
    """Which warning signs were found, and the words that showed them."""

    reasons: tuple[str, ...]
    evidence: tuple[str, ...]
    categories: tuple[str, ...] = ()


@dataclass(frozen=True)
class Clause:
    """One clause of a message and what the context rules say about it."""

    text: str
    general: bool
    """A general question about people at large ("when should someone see a doctor?")."""
    hypothetical_at: int = -1
    """Where a hypothetical cue ("what if", "say…") starts, or -1: it covers what follows it."""
    about_other: bool = False
    """About someone else throughout (no first person): a child's symptoms still count."""
    past: bool = False
    """About the past ("used to limp as a kid"): read only for categories where the past counts."""


def normalise(text: str) -> str:
    """Lower-case, straight apostrophes, no stray symbols: one spelling to match."""
    text = text.lower().replace("’", "'").replace("‘", "'").replace("`", "'")
    return re.sub(r"[^\w'/\s.,;!?&-]", " ", text)


def clauses(text: str) -> list[Clause]:
    """The clauses of a normalised message, each marked when context sets it aside."""
    out = []
    for piece in _CLAUSE_END.split(text):
        piece = piece.strip(" ,-")
        if len(_WORD.findall(piece)) < 2:
            continue
        cue = _HYPOTHETICAL.search(piece)
        general = bool(_QUESTION_START.search(piece) and _GENERAL.search(piece) and not _FIRST_PERSON.search(piece))
        other = bool(_OTHER_PERSON.search(piece)) and not _FIRST_PERSON.search(piece)
        out.append(Clause(piece, general, cue.start() if cue else -1, other, bool(_HISTORICAL.search(piece))))
    return out


def _whole_clause_aside(clause: Clause) -> bool:
    """Set aside for the detectors that read a clause whole (exemplars, learned model):
    general, about someone else, in the past, or hypothetical from its opening words."""
    return clause.general or clause.about_other or clause.past or 0 <= clause.hypothetical_at < 25


def negated(text: str, start: int) -> bool:
    """True when a negation word sits just before ``start`` in the same clause.

    Its reach ends at a joining word, a new subject ("no, I cannot walk") or a comma,
    except a comma inside a list the negation governs ("never locks, catches or gives way").
    """
    before = text[max(0, start - _NEG_WINDOW_CHARS) : start]  # bounded, so many matches stay linear
    cut = 0
    for brk in reversed(list(_NEG_BREAK.finditer(before))):
        if brk.group(0) == "," and _LIST_GOES_ON.search(before[brk.end() :]):
            continue
        cut = brk.end()
        break
    return bool(_NEG.search(" ".join(before[cut:].split()[-_NEG_WINDOW_WORDS:])))


def _semantic_reads(clause: Clause) -> bool:
    """Whether the semantic detector reads a clause: statements only, not softened ones.

    A question asking what to do ("how should I rest a sore hip") shares words with the
    exemplars but reports nothing; symptoms asked about in a question are the patterns' job.
    """
    return not (_whole_clause_aside(clause) or _REASSURED.search(clause.text)
                or _QUESTION_START.search(clause.text) or len(_WORD.findall(clause.text)) < 3)


def _first_affirmed(pattern: re.Pattern, text: str, category: Category, hypothetical_at: int = -1) -> str | None:
    """The first match that is not negated, not someone else's, not under a hypothetical cue
    that comes before it, and not a figure of speech."""
    for m in pattern.finditer(text):
        inner = m.group(0).split(maxsplit=1)
        if negated(text, m.start()) or (len(inner) == 2 and _INNER_NEG.search(inner[1])):
            continue
        if category.id != _CHILD and someone_else(text, m.start(), m.end()):
            continue
        if 0 <= hypothetical_at < m.start():
            continue
        if category.figurative and _FIGURE.search(text[max(0, m.start() - 30) : m.start()]):
            continue
        return m.group(0).strip()
    return None


def _mean_direction(vectors: np.ndarray) -> np.ndarray:
    """The unit vector along the mean of some unit vectors."""
    mean = vectors.mean(axis=0)
    return mean / max(float(np.linalg.norm(mean)), 1e-12)


def someone_else(text: str, start: int, end: int) -> bool:
    """True when another person is named before a match and the user is not named between
    them and its end ("coach has done his back in and is hobbling"; not "my friend fell and
    I can't walk", nor "borrowed my mum's crutches, standing on my leg is a no go")."""
    scope = text[max(0, start - _NEG_WINDOW_CHARS) : end]
    other = None
    for other in _OTHER_PERSON.finditer(scope[: start - max(0, start - _NEG_WINDOW_CHARS)]):
        pass
    return other is not None and not _FIRST_PERSON.search(scope[other.end() :])


class Triage:
    """Both detectors over one taxonomy; shared read-only by every conversation.

    ``encoder`` is the index's exported model. Without one (or with
    ``semantic=False``) only the patterns run.
    """

    def __init__(self, taxonomy: Taxonomy | None = None, encoder: Encoder | None = None, *,
                 settings: Settings = Settings(), learned: bool = True):
        self.taxonomy = taxonomy or load_taxonomy()
        # Without a dictionary, real words ("tear", "through") would be taken for typos of
        # taxonomy words ("tears", "though"): the speller needs the encoder's vocabulary.
        self.speller = Speller.for_taxonomy(self.taxonomy, encoder.vocabulary()) if encoder is not None else None
        self.learned = Learned.load() if encoder is not None and learned else None
        self.encoder = encoder
        self.threshold = settings.red_flag_threshold
        self.margin = settings.red_flag_margin
        self._cache: OrderedDict[str, RedFlag | None] = OrderedDict()
        self._cache_size = settings.red_flag_cache_size
        self._cache_lock = threading.Lock()
        if encoder is not None:
            owners, texts = [], []
            for n, category in enumerate(self.taxonomy.categories):
                owners += [n] * len(category.exemplars)
                texts += list(category.exemplars)
            self._owners = np.asarray(owners)
            self._exemplars = encoder.encode(texts)
            self._ordinary = encoder.encode(list(self.taxonomy.not_red_flag))

    # --- one message ---------------------------------------------------------------
    def detect(self, message: str) -> RedFlag | None:
        """The red flags in one (gated) message, or ``None``."""
        parts = self._prepare(message)
        found: dict[str, str] = {}
        for clause in parts:  # patterns: context is judged at each match
            for category in self.taxonomy.categories:
                if category.id in found or clause.general or (clause.past and not category.past_counts):
                    continue
                hit = self._pattern_hit(category, clause)
                if hit:
                    found[category.id] = hit
        if not found and self.encoder is not None:
            found = self._by_meaning(parts)
        if not found:
            return None
        by_id = {c.id: c for c in self.taxonomy.categories}
        return RedFlag(tuple(by_id[k].reason for k in found), tuple(found.values()), tuple(found))

    @staticmethod
    def _pattern_hit(category: Category, clause: Clause) -> str | None:
        """The words of the first rule whose patterns all match in ``text``.

        In a rule of several patterns ("painkillers" + "don't touch it", "pain" + "at
        night") the last one names the sign, so it alone must be affirmed: a negation
        near an earlier part ("I haven't slept, ibuprofen does nothing") is not about it.
        """
        text = clause.text
        for rule in category.rules:
            *context, sign = rule
            words = [m.group(0).strip() for m in (p.search(text) for p in context) if m]
            if len(words) < len(context):
                continue
            affirmed = _first_affirmed(sign, text, category, clause.hypothetical_at)
            if affirmed:
                return " … ".join([*words, affirmed])
        return None

    def _vectors(self, texts: list[str]) -> np.ndarray:
        """All clauses of a message in one batch; a one-clause message uses the cached query path."""
        if len(texts) == 1:
            return self.encoder.encode_query(texts[0])[None, :]
        return self.encoder.encode(texts)

    def _closest(self, vectors: np.ndarray) -> list[tuple[str, float, float]]:
        to_flags = vectors @ self._exemplars.T
        to_ordinary = (vectors @ self._ordinary.T).max(axis=1)
        best = to_flags.argmax(axis=1)
        return [(self.taxonomy.categories[int(self._owners[b])].id, float(to_flags[row, b]),
                 float(to_flags[row, b] - to_ordinary[row])) for row, b in enumerate(best)]

    def semantic_scores(self, texts: list[str]) -> list[tuple[str, float, float]]:
        """For each clause: the closest category, its cosine, and its lead over ordinary soreness."""
        return self._closest(self._vectors(texts)) if texts else []

    def message_vector(self, message: str) -> np.ndarray | None:
        """What the learned model reads: the mean of the kept clauses' vectors (see ``_by_meaning``)."""
        kept = [c.text for c in self._prepare(message) if not _whole_clause_aside(c)]
        return _mean_direction(self._vectors(kept)) if kept else None

    def _by_meaning(self, parts: list[Clause]) -> dict[str, str]:
        """Both meaning-based detectors from one batch of clause vectors.

        The clauses the context rules keep (not hypotheticals, other people, general
        questions or the past) are encoded once. The exemplar match reads the plain
        statements among them; the learned model reads their mean direction, which it
        was trained on, so a message costs one batch of short clauses, linear in its length.
        """
        kept = [c for c in parts if not _whole_clause_aside(c)]
        if not kept:
            return {}
        vectors = self._vectors([c.text for c in kept])
        statements = [n for n, c in enumerate(kept) if _semantic_reads(c)]
        found: dict[str, str] = {}
        for n, (category, score, lead) in zip(statements, self._closest(vectors[statements]) if statements else []):
            if score >= self.threshold and lead >= self.margin:
                found.setdefault(category, kept[n].text)
        words = sum(len(_WORD.findall(c.text)) for c in kept)
        if not found and self.learned is not None and words >= 3:
            message = _mean_direction(vectors)
            if self.learned.probability(message) >= self.learned.threshold:
                # The model says whether, not which: the reason is the nearest category's.
                category = self._closest(message[None, :])[0][0]
                found = {category: ". ".join(c.text for c in kept)[:120]}
        return found

    def _prepare(self, message: str) -> list[Clause]:
        """The clauses of a message, normalised and with typos in taxonomy words mended."""
        text = normalise(message)
        return clauses(self.speller.fix_text(text) if self.speller else text)

    def semantic_clauses(self, message: str) -> list[str]:
        """The clauses the semantic detector reads (scripts/tune.py sweeps its numbers on them)."""
        return [c.text for c in self._prepare(message) if _semantic_reads(c)]

    # --- a conversation ------------------------------------------------------------
    def detect_in_conversation(self, message: str, earlier: Sequence[str] = ()) -> RedFlag | None:
        """Red flags in this message or any earlier user message given.

        A symptom mentioned once keeps mattering: "it's hot and swollen"
        followed by "what stretches help?" still gets the disclaimer. Earlier
        turns were checked when they were sent, so their results are cached.
        """
        found = [f for f in (self.check(m) for m in (*earlier, message)) if f]
        if not found:
            return None
        return RedFlag(*(tuple(dict.fromkeys(x for f in found for x in getattr(f, name)))
                         for name in ("reasons", "evidence", "categories")))

    def check(self, turn: str) -> RedFlag | None:
        """``detect``, remembered for the last ``cache_size`` texts (a turn is checked once)."""
        with self._cache_lock:  # answers run on several threads at once
            if turn in self._cache:
                self._cache.move_to_end(turn)
                return self._cache[turn]
        flag = self.detect(turn)
        with self._cache_lock:
            self._cache[turn] = flag
            if len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)
        return flag


_PATTERNS_ONLY: Triage | None = None


def patterns_only() -> Triage:
    """A shared pattern-only triage, for callers without an encoder (tests of the rules)."""
    global _PATTERNS_ONLY
    if _PATTERNS_ONLY is None:
        _PATTERNS_ONLY = Triage()
    return _PATTERNS_ONLY


def detect(message: str) -> RedFlag | None:
    """Pattern-only detection of one message."""
    return patterns_only().detect(message)
