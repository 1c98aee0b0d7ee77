"""The meaning-based red-flag detectors: exemplar matching and the learned model.

Both read the clauses the context rules keep (``bot/context.py``), encoded once in one batch
by the index's encoder:

- **exemplars**: each plain statement clause close to a category's exemplars and clearly
  closer to them than to the ordinary-soreness ones (``not_red_flag``), when the learned
  model gives the message at least a small probability (``red_flag_exemplar_confirm``);
- **learned**: a small network (one hidden layer) over the mean direction of the kept clauses
  (``scripts/train_red_flags.py``), for wordings neither the patterns nor the exemplars name.

Each reads a clause without the signs it denies ("not swollen, not hot"), and what either
flags is checked against the flag memory of graded messages (``bot/flag_memory.py``). Kept
apart from the patterns (``bot/flag_patterns.py``) because this is where the model's cost is:
a message costs one batch of at most ``red_flag_max_clauses`` short clauses.
"""

from __future__ import annotations

from typing import Protocol

import numpy as np

from .config import Settings
from .context import WORD, Clause
from .statements import SMALL, asks, semantic_reads, speaks_of_self, tells_own_body, whole_clause_aside
from .denials import without_denials
from .flag_patterns import without_denied
from .flag_memory import FlagMemory
from .causes import explained
from .all_clear import cleared
from .resolution import passed, told_passed
from .taxonomy import Learned, Taxonomy
from .text import content_stems


class Encoder(Protocol):
    def encode(self, texts: list[str]) -> np.ndarray: ...
    def encode_query(self, text: str) -> np.ndarray: ...
    def vocabulary(self) -> set[str]: ...


def mean_direction(vectors: np.ndarray) -> np.ndarray:
    """The unit vector along the mean of some unit vectors."""
    mean = vectors.mean(axis=0)
    return mean / max(float(np.linalg.norm(mean)), 1e-12)


#: Stems of the exemplars that tell no sign themselves: grammar, time, place and the everyday
#: words a sign is told with ("isn't", "nothing", "since", "week", "trail"). Left in, a clause that
#: only denies a sign ("no locking or giving way or nothing") would seem to tell one.
_TELLS_NO_SIGN = frozenset(
    "isn aren don won his our mine nothi somet nowhe anoth even each could might doing gets gone felt went gave "
    "look looks take takin try tryin using while since until withi throu thoug becau reaso old year years week "
    "today yeste time hour three twice ago home place area right start still keeps says game club path trail car "
    "bike free whole under toget hones absol count point step hold helps helpe put compa mid odd".split())


class MeaningDetector:
    """Exemplar matching and the learned model over one taxonomy and one encoder; read-only
    once built, except for the memory (``Triage.use_memory`` swaps it)."""

    def __init__(self, taxonomy: Taxonomy, encoder: Encoder, settings: Settings, *, learned: bool = True):
        self.taxonomy = taxonomy
        self.encoder = encoder
        self.by_id = {c.id: c for c in taxonomy.categories}
        self.learned = Learned.load() if learned else None
        self.memory = FlagMemory.load(model=settings.model_name) if learned else None
        self.threshold = settings.red_flag_threshold
        self.margin = settings.red_flag_margin
        self.confirm = settings.red_flag_exemplar_confirm
        self._memory_floor, self._memory_contrast = settings.red_flag_memory_floor, settings.red_flag_memory_contrast
        self._max_clauses = settings.red_flag_max_clauses
        self._flag_words = (set().union(*(content_stems(e) for c in taxonomy.categories for e in c.exemplars))
                            - set().union(*(content_stems(e) for e in taxonomy.not_red_flag)) - _TELLS_NO_SIGN)
        owners, texts = [], []
        for n, category in enumerate(taxonomy.categories):
            owners += [n] * len(category.exemplars)
            texts += list(category.exemplars)
        self._owners = np.asarray(owners)
        self._exemplars = encoder.encode(texts)
        self._ordinary = encoder.encode(list(taxonomy.not_red_flag))

    def run(self, parts: list[Clause], learned: bool = True) -> dict[str, str]:
        """Both detectors from one batch of clause vectors: {category: the words read}.

        The clauses the context rules keep (not hypotheticals, other people, general
        questions or the past) are encoded once. The exemplar match reads the plain
        statements among them; the learned model reads their mean direction, which it
        was trained on. ``learned=False`` when the patterns read a sign and set it aside:
        the model must not raise it again; nor may either detector raise a category whose sign
        the clauses read only deny (``_only_denies``), asked only of the category about to be
        raised, as it costs a pass of the category's patterns.
        """
        kept, said = self._said(parts)
        if not kept:
            return {}
        # "walking fine", "sleeping fine", "it's not locking": the user's own word outweighs a guess
        # from meaning about it; a denial only in the clauses read ("it's not numb, but there's zero
        # strength in the leg" still tells the weakness).
        cleared_by_user = cleared(parts)

        def denied(category: str, read: list[Clause]) -> bool:
            return bool(read) and all(self._only_denies(category, c) for c in read)

        unique = list(dict.fromkeys(said))  # a repeated clause is encoded once
        row = {text: n for n, text in enumerate(unique)}
        vectors = self._vectors(unique)[[row[text] for text in said]]
        statements = [n for n, c in enumerate(kept) if semantic_reads(c)]
        message = mean_direction(vectors)
        probability = None if self.learned is None else self.learned.probability(message)
        # An exemplar match alone is a weak reading: it stands when the model agrees a little.
        confirmed = probability is None or probability >= self.confirm
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
                elif confirmed and not (category in cleared_by_user or denied(category, [kept[n]])) \
                        and not self._graded_ordinary(vectors[n]):
                    found.setdefault(category, kept[n].text)
        words = sum(len(WORD.findall(text)) for text in said)
        # A general question about people at large, with nothing said of the user's own body,
        # leaves the model only the asides ("can you get a stress fracture…? thought it was only shins").
        about_people = any(c.general for c in parts) and not any(speaks_of_self(c) for c in kept)
        # ...and so does a message only about a body part away from the hip ("half my face is numb").
        about_people = about_people or all(c.elsewhere for c in kept)
        # A message that only asks ("will i need surgery for hip impingement?") reports nothing of its own.
        only_asks = all(asks(c.text) for c in kept) and not any(tells_own_body(c.text) for c in kept)
        if not found and learned and probability is not None and words >= 3 and not about_people and not only_asks:
            if probability >= self.learned.threshold and not self._graded_ordinary(message):
                # The model says whether, not which: the reason is the nearest category's. Only a
                # category the message is close to is sure enough for its own "that has passed"
                # rule to undo the flag ("freezes me mid-stride for a sec" is not a brief fever).
                category, score, _ = self._closest(message[None, :])[0]
                sure = score >= self.threshold
                told = [c for c in kept if not asks(c.text)]  # what the message tells: each must only deny
                if not (denied(category, told) or (sure and (category in cleared_by_user
                                                                  or self._has_passed(category, kept, causes=False)))
                        or told_passed(kept)):
                    found = {category: ". ".join(c.text for c in kept)[:120]}
        return found

    def _only_denies(self, category: str, clause: Clause) -> bool:
        """Whether the clause denies a sign of ``category`` and, the denied words aside, names no
        word of a red-flag exemplar ("the pain isn't constant, it's severe and wakes me every
        night" still tells a sign)."""
        rest = without_denied(self.by_id[category], clause)
        return rest is not None and not (content_stems(rest) & self._flag_words)

    def semantic_scores(self, texts: list[str]) -> list[tuple[str, float, float]]:
        """For each clause: the closest category, its cosine, and its lead over ordinary soreness."""
        return self._closest(self._vectors(texts)) if texts else []

    def message_vector(self, parts: list[Clause]) -> np.ndarray | None:
        """What the learned model reads: the mean of the kept clauses' vectors (see ``run``)."""
        _, said = self._said(parts)
        return mean_direction(self._vectors(said)) if said else None

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

    def _graded_ordinary(self, vector: np.ndarray) -> bool:
        """Whether what was flagged (a clause for the exemplars, the whole message for the learned
        model) is worded like a message graded ordinary and unlike any graded red flag
        (``flag_memory.py``). The patterns are never checked against it."""
        return self.memory is not None and self.memory.ordinary_like(vector, self._memory_floor, self._memory_contrast)

    def _has_passed(self, category: str, rest: list[Clause], causes: bool = True) -> bool:
        """A sign read by meaning in ``rest[0]`` that its context undoes: said to be over since
        (for a resolvable category), or called small (for one that asks for a large sign)."""
        c = self.by_id[category]
        return ((c.resolvable and passed(rest, rest[0].text)) or (c.minimisable and bool(SMALL.search(rest[0].text)))
                or (causes and explained(c, rest)))
