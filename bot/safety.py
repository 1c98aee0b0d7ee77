"""Red flags: symptoms that need prompt medical care, found in what the user wrote.

Reads only the conversation text (and the encoder that embeds it), never retrieval scores,
so a red flag is raised even when the library has nothing to say. The categories, reasons,
patterns and exemplars are reviewed data in ``red_flags.json`` (``bot/taxonomy.py``).
Three detectors, any one enough:

- **patterns**: explicit phrasings ("can't put weight on it"), each match judged by the
  context rules of ``bot/context.py`` (negation, hypotheticals, someone else, the past);
- **exemplars**: each plain statement clause close to a category's exemplars and clearly
  closer to them than to the ordinary-soreness ones (``not_red_flag``);
- **learned**: a small network (one hidden layer) over the mean direction of the kept clauses
  (``scripts/train_red_flags.py``), for wordings neither names. Both meaning-based
  detectors read a clause without the signs it denies ("not swollen, not hot").

Regional words ("hirplin'", "crook") are put into plain English first (``Taxonomy.plain``).
A child's symptoms are the exception to "someone else": a parent tells them. Cost is linear:
every turn is cut by the input gate first, patterns have bounded repeats, and a message's
clauses are embedded once, in one batch (earlier turns are cached).
"""

from __future__ import annotations

import functools
import threading
from collections import OrderedDict
from dataclasses import replace
from itertools import chain
from collections.abc import Sequence
from typing import Protocol

import numpy as np

from .config import Settings
from .conversation_triage import read_conversation
from .context import (
    SMALL, WORD, Clause, asks, clauses, first_affirmed, normalise, reassured_after, semantic_reads, speaks_of_self,
    tells_own_body, whole_clause_aside,
)
from .resolution import explained, passed, told_passed
from .denials import without_denials
from .flag_memory import FlagMemory
from .red_flag import RedFlag
from .taxonomy import Category, Learned, Speller, Taxonomy, load_taxonomy
from .text import content_stems

#: The one disclaimer, shown word for word at the top of every red-flag answer.
DISCLAIMER = (
    "Some of what you describe can be a sign of an injury or condition that needs "
    "prompt medical care, so please see a doctor or physiotherapist soon rather than "
    "relying on these articles. If you cannot bear weight, were hurt in a fall or "
    "collision, have a fever with a hot or swollen hip, lose bladder or bowel control, "
    "or the pain is sudden and severe, call emergency services or go to an emergency "
    "department now."
)

class Encoder(Protocol):
    def encode(self, texts: list[str]) -> np.ndarray: ...
    def encode_query(self, text: str) -> np.ndarray: ...
    def vocabulary(self) -> set[str]: ...


def _mean_direction(vectors: np.ndarray) -> np.ndarray:
    """The unit vector along the mean of some unit vectors."""
    mean = vectors.mean(axis=0)
    return mean / max(float(np.linalg.norm(mean)), 1e-12)


class Triage:
    """The three detectors over one taxonomy; shared read-only by every conversation.

    ``encoder`` is the index's exported model. Without one only the patterns run; with
    ``learned=False`` the learned model does not.
    """

    def __init__(self, taxonomy: Taxonomy | None = None, encoder: Encoder | None = None, *,
                 settings: Settings = Settings(), learned: bool = True):
        self.taxonomy = taxonomy or load_taxonomy()
        # Without a dictionary, real words ("tear", "through") would be taken for typos of
        # taxonomy words ("tears", "though"): the speller needs the encoder's vocabulary.
        self.speller = Speller.for_taxonomy(self.taxonomy, encoder.vocabulary()) if encoder is not None else None
        self.learned = Learned.load() if encoder is not None and learned else None
        self.memory = FlagMemory.load(model=settings.model_name) if encoder is not None and learned else None
        self._memory_floor, self._memory_contrast = settings.red_flag_memory_floor, settings.red_flag_memory_contrast
        self.encoder = encoder
        self.threshold = settings.red_flag_threshold
        self.margin = settings.red_flag_margin
        self._cache: OrderedDict[str, RedFlag | None] = OrderedDict()
        self._cache_size = settings.red_flag_cache_size
        self._cache_lock = threading.Lock()
        self._max_clauses = settings.red_flag_max_clauses
        self.by_id = {c.id: c for c in self.taxonomy.categories}
        self.explainable = [c for c in self.taxonomy.categories if c.explained_by is not None]
        self._flag_words = (set().union(*(content_stems(e) for c in self.taxonomy.categories for e in c.exemplars))
                            - set().union(*(content_stems(e) for e in self.taxonomy.not_red_flag)))
        if encoder is not None:
            owners, texts = [], []
            for n, category in enumerate(self.taxonomy.categories):
                owners += [n] * len(category.exemplars)
                texts += list(category.exemplars)
            self._owners = np.asarray(owners)
            self._exemplars = encoder.encode(texts)
            self._ordinary = encoder.encode(list(self.taxonomy.not_red_flag))

    def use_memory(self, memory: FlagMemory | None) -> None:
        """Check meaning-based flags against ``memory`` from now on (``None``: no check). The
        evaluation gives each set a memory without that set's own messages; call it before
        answering starts, as a verdict already in flight may be remembered with the old one."""
        with self._cache_lock:
            self.memory = memory
            self._cache.clear()  # what was remembered was judged with the old memory

    # --- one message ---------------------------------------------------------------
    def detect(self, message: str) -> RedFlag | None:
        """The red flags in one (gated) message, or ``None``."""
        parts = self.prepare(message)
        found: dict[str, str] = {}
        set_aside = False
        for n, clause in enumerate(parts):  # patterns: context is judged at each match
            for category in self.taxonomy.categories:
                if category.id in found or not self._reads(category, clause):
                    continue
                hits = chain(((hit, parts[n:]) for hit in self._pattern_hits(category, clause)),
                             self._hits_across(category, parts, n))
                for hit, rest in hits:
                    if (category.resolvable and passed(rest, hit)) or explained(category, rest, hit):
                        set_aside = True  # read, and set aside: the learned model must not raise it again
                    else:
                        found[category.id] = hit
                        break
        if not found and self.encoder is not None:
            found = self._by_meaning(parts, learned=not set_aside)
        if not found:
            return None
        return RedFlag(tuple(self.by_id[k].reason for k in found), tuple(found.values()), tuple(found))

    @staticmethod
    def _reads(category: Category, clause: Clause) -> bool:
        """Whether the patterns of ``category`` read ``clause`` at all (its context may set it aside)."""
        if clause.general or clause.denied or (clause.past and not category.past_counts):
            return False
        return not (category.local and clause.elsewhere)

    @classmethod
    def _hits_across(cls, category: Category, parts: list[Clause], n: int):
        """(hit, the clauses from it on) for each rule of several patterns read over clause ``n``
        and the one before it, when "but" joins them, the category asks for it (``across_but``)
        and the earlier clause is the user's own plain statement; only hits neither clause holds
        alone ("not dieting, but my clothes hang off me")."""
        if not (category.across_but and n and parts[n].after_contrast):
            return
        before, clause = parts[n - 1], parts[n]
        if not cls._reads(category, before) or before.about_other or before.hypothetical_at >= 0:
            return
        prefix = f"{before.text}, but "
        joined = replace(clause, text=prefix + clause.text, hypothetical_at=(
            clause.hypothetical_at + len(prefix) if clause.hypothetical_at >= 0 else -1))
        alone = {*cls._pattern_hits(category, before), *cls._pattern_hits(category, clause)}
        for hit in cls._pattern_hits(category, joined, several_only=True):
            if hit not in alone:
                yield hit, [joined, *parts[n + 1:]]

    @staticmethod
    def _pattern_hits(category: Category, clause: Clause, several_only: bool = False):
        """The words of each rule whose patterns all match in the clause, rule by rule: a sign
        explained away ("fever after my flu jab") leaves the category's other signs to be read
        ("…, hip is red and hot").

        In a rule of several patterns ("painkillers" + "don't touch it", "pain" + "at
        night") the last one names the sign, so it alone must be affirmed: a negation
        near an earlier part ("I haven't slept, ibuprofen does nothing") is not about it.
        ``several_only`` skips the rules of one pattern (for two clauses read together).
        """
        text = clause.text
        for rule in category.rules:
            if several_only and len(rule) < 2:
                continue
            *context, sign = rule
            # ...but a part said straight after to be fine ("hopping is pain-free") is not there.
            words = [m.group(0).strip() for m in
                     (next((m for m in p.finditer(text) if not reassured_after(text, m.end())), None) for p in context) if m]
            if len(words) < len(context):
                continue
            affirmed = first_affirmed(sign, text, category, clause.hypothetical_at)
            if affirmed:
                yield " … ".join([*words, affirmed])

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
        _, said = self._said(self.prepare(message))
        return _mean_direction(self._vectors(said)) if said else None

    def _said(self, parts: list[Clause]) -> tuple[list[Clause], list[str]]:
        """The readable clauses and what each affirms (``without_denials``), those affirming anything."""
        pairs = [(c, without_denials(c.text)) for c in self._readable(parts)]
        pairs = [(c, text) for c, text in pairs if len(WORD.findall(text)) >= 2]
        return [c for c, _ in pairs], [text for _, text in pairs]

    def _readable(self, parts: list[Clause]) -> list[Clause]:
        """The clauses the context rules keep, at most ``red_flag_max_clauses`` (each costs ~5 ms),
        in message order; past the cap, those with most red-flag-only exemplar words ("numb",
        "fever"; not "hip", "sore"). The patterns still read every clause."""
        kept = [c for c in parts if not whole_clause_aside(c)]
        if len(kept) <= self._max_clauses:
            return kept
        weight = [len(content_stems(c.text) & self._flag_words) for c in kept]
        chosen = sorted(sorted(range(len(kept)), key=lambda n: -weight[n])[: self._max_clauses])
        return [kept[n] for n in chosen]

    def _by_meaning(self, parts: list[Clause], learned: bool = True) -> dict[str, str]:
        """Both meaning-based detectors from one batch of clause vectors.

        The clauses the context rules keep (not hypotheticals, other people, general
        questions or the past) are encoded once. The exemplar match reads the plain
        statements among them; the learned model reads their mean direction, which it
        was trained on, so a message costs one batch of short clauses, linear in its length.
        """
        kept, said = self._said(parts)
        if not kept:
            return {}
        unique = list(dict.fromkeys(said))  # a repeated clause is encoded once
        row = {text: n for n, text in enumerate(unique)}
        vectors = self._vectors(unique)[[row[text] for text in said]]
        statements = [n for n, c in enumerate(kept) if semantic_reads(c)]
        found: dict[str, str] = {}
        for n, (category, score, lead) in zip(statements, self._closest(vectors[statements]) if statements else []):
            if score >= self.threshold and lead >= self.margin:
                if self.by_id[category].local and kept[n].elsewhere:
                    continue  # "the arm's sore after my jab": not the lower body
                rule = self.by_id[category].conversation
                if rule is not None and not rule.signs.search(kept[n].text):
                    continue  # "my daughter wants to join a running club at 10": a child, but no sign
                if self._has_passed(category, kept[n:]):
                    learned = False
                elif not self._graded_ordinary(vectors[n]):
                    found.setdefault(category, kept[n].text)
        words = sum(len(WORD.findall(text)) for text in said)
        # A general question about people at large, with nothing said of the user's own body,
        # leaves the model only the asides ("can you get a stress fracture…? thought it was only shins").
        about_people = any(c.general for c in parts) and not any(speaks_of_self(c) for c in kept)
        # ...and so does a message only about a body part away from the hip ("half my face is numb").
        about_people = about_people or all(c.elsewhere for c in kept)
        # A message that only asks ("will i need surgery for hip impingement?") reports nothing of its own.
        only_asks = all(asks(c.text) for c in kept) and not any(tells_own_body(c.text) for c in kept)
        if not found and learned and self.learned is not None and words >= 3 and not about_people and not only_asks:
            message = _mean_direction(vectors)
            if self.learned.probability(message) >= self.learned.threshold and not self._graded_ordinary(message):
                # The model says whether, not which: the reason is the nearest category's.
                category = self._closest(message[None, :])[0][0]
                if not (self._has_passed(category, kept, causes=False) or told_passed(kept)):
                    found = {category: ". ".join(c.text for c in kept)[:120]}
        return found

    def _graded_ordinary(self, vector: np.ndarray) -> bool:
        """Whether what the meaning-based detectors flagged (a clause for the exemplars, the whole
        message for the learned model) is worded like a message graded ordinary and unlike any
        graded red flag (``flag_memory.py``). The patterns are never checked against it."""
        return self.memory is not None and self.memory.ordinary_like(vector, self._memory_floor, self._memory_contrast)

    def _has_passed(self, category: str, rest: list[Clause], causes: bool = True) -> bool:
        """A sign read by meaning in ``rest[0]`` that its context undoes: said to be over since
        (for a resolvable category), or called small (for one that asks for a large sign)."""
        c = self.by_id[category]
        return ((c.resolvable and passed(rest, rest[0].text)) or (c.minimisable and bool(SMALL.search(rest[0].text)))
                or (causes and explained(c, rest)))

    def prepare(self, message: str) -> list[Clause]:
        """The clauses of a message, normalised, regional words put plainly, typos in taxonomy words mended."""
        text = self.taxonomy.plain(normalise(message))
        return clauses(self.speller.fix_text(text) if self.speller else text)

    def semantic_clauses(self, message: str) -> list[str]:
        """The clauses the semantic detector reads (scripts/tune.py sweeps on them)."""
        return [c.text for c in self.prepare(message) if semantic_reads(c)]

    # --- a conversation ------------------------------------------------------------
    def detect_in_conversation(self, message: str, earlier: Sequence[str] = ()) -> RedFlag | None:
        """Red flags in this message or any earlier user message given (``conversation_triage``)."""
        return read_conversation(self, message, earlier)

    def check_patterns(self, turn: str) -> RedFlag | None:
        """``check`` by the patterns alone (cached): what a turn names in so many words."""
        return self.check(turn) if self.encoder is None else patterns_only().check(turn)

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


@functools.cache
def patterns_only() -> Triage:
    """A shared pattern-only triage, for callers without an encoder (tests of the rules)."""
    return Triage()


def detect(message: str) -> RedFlag | None:
    """Pattern-only detection of one message."""
    return patterns_only().detect(message)
