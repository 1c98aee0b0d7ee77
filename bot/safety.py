"""Red flags: symptoms that need prompt medical care, found in what the user wrote.

Reads only the conversation text (and the encoder that embeds it), never retrieval scores,
so a red flag is raised even when the library has nothing to say. The categories, reasons,
patterns and exemplars are reviewed data in ``red_flags.json`` (``bot/taxonomy.py``).
Three detectors, any one enough:

- **patterns** (``bot/flag_patterns.py``): explicit phrasings ("can't put weight on it"), each
  match judged here by what the rest of the message says of it (passed, explained) and by the
  context rules of ``bot/context.py`` (negation, hypotheticals, someone else, the past);
- **exemplars** and **learned** (``bot/flag_meaning.py``): clauses close in meaning to a
  category's exemplars, and a small network over the message's clauses, for wordings the
  patterns do not name. They run only when the patterns find nothing.

Regional words ("hirplin'", "crook") are put into plain English first (``Taxonomy.plain``).
A child's symptoms are the exception to "someone else": a parent tells them. Cost is linear:
every turn is cut by the input gate first, patterns have bounded repeats, and a message's
clauses are embedded once, in one batch (earlier turns are cached).
"""

from __future__ import annotations

import functools
import threading
from collections import OrderedDict
from collections.abc import Sequence

import numpy as np

from .config import Settings
from .context import Clause, clauses, normalise
from .statements import semantic_reads
from .conversation_triage import read_conversation
from .flag_meaning import Encoder, MeaningDetector
from .flag_memory import FlagMemory
from .flag_patterns import hits, reads
from .red_flag import RedFlag
from .causes import explained
from .resolution import passed
from .taxonomy import Taxonomy, load_taxonomy, taxonomy_speller
from .things import plain_things

#: The one disclaimer, shown word for word at the top of every red-flag answer.
DISCLAIMER = (
    "Some of what you describe can be a sign of an injury or condition that needs "
    "prompt medical care, so please see a doctor or physiotherapist soon rather than "
    "relying on these articles. If you cannot bear weight, were hurt in a fall or "
    "collision, have a fever with a hot or swollen hip, lose bladder or bowel control, "
    "or the pain is sudden and severe, call emergency services or go to an emergency "
    "department now."
)

class Triage:
    """The three detectors over one taxonomy; shared read-only by every conversation.

    ``encoder`` is the index's exported model. Without one only the patterns run; with
    ``learned=False`` the learned model (and the flag memory) does not.
    """

    def __init__(self, taxonomy: Taxonomy | None = None, encoder: Encoder | None = None, *,
                 settings: Settings = Settings(), learned: bool = True):
        self.taxonomy = taxonomy or load_taxonomy()
        # Without a dictionary, real words ("tear", "through") would be taken for typos of
        # taxonomy words ("tears", "though"): the speller needs the encoder's vocabulary.
        self.speller = taxonomy_speller(self.taxonomy, encoder.vocabulary()) if encoder is not None else None
        self.meaning = MeaningDetector(self.taxonomy, encoder, settings, learned=learned) if encoder is not None else None
        self.encoder = encoder
        self._cache: OrderedDict[str, RedFlag | None] = OrderedDict()
        self._cache_size = settings.red_flag_cache_size
        self._prepared = functools.lru_cache(maxsize=settings.red_flag_cache_size)(self._prepare)
        self._cache_lock = threading.Lock()
        self.by_id = {c.id: c for c in self.taxonomy.categories}
        self.explainable = [c for c in self.taxonomy.categories if c.explained_by is not None]

    @property
    def memory(self) -> FlagMemory | None:
        """The graded messages the meaning-based flags are checked against (``None``: none)."""
        return None if self.meaning is None else self.meaning.memory

    def use_memory(self, memory: FlagMemory | None) -> None:
        """Check meaning-based flags against ``memory`` from now on (``None``: no check). The
        evaluation gives each set a memory without that set's own messages; call it before
        answering starts, as a verdict already in flight may be remembered with the old one."""
        with self._cache_lock:
            if self.meaning is not None:
                self.meaning.memory = memory
            self._cache.clear()  # what was remembered was judged with the old memory

    # --- one message ---------------------------------------------------------------
    def detect(self, message: str) -> RedFlag | None:
        """The red flags in one (gated) message, or ``None``."""
        parts = self.prepare(message)
        found: dict[str, str] = {}
        set_aside = False
        for n, clause in enumerate(parts):  # patterns: context is judged at each match
            for category in self.taxonomy.categories:
                if category.id in found or not reads(category, clause):
                    continue
                for hit, rest in hits(category, parts, n):
                    if (category.resolvable and passed(rest, hit)) or explained(category, rest, hit):
                        set_aside = True  # read, and set aside: the learned model must not raise it again
                    else:
                        found[category.id] = hit
                        break
        if not found and self.meaning is not None:
            found = self.meaning.run(parts, learned=not set_aside)
        if not found:
            return None
        return RedFlag(tuple(self.by_id[k].reason for k in found), tuple(found.values()), tuple(found))

    def semantic_scores(self, texts: list[str]) -> list[tuple[str, float, float]]:
        """For each clause: the closest category, its cosine, and its lead over ordinary soreness."""
        return [] if self.meaning is None else self.meaning.semantic_scores(texts)

    def message_vector(self, message: str) -> np.ndarray | None:
        """What the learned model reads of a message: the mean of its kept clauses' vectors."""
        return None if self.meaning is None else self.meaning.message_vector(self.prepare(message))

    def prepare(self, message: str) -> list[Clause]:
        """The clauses of a message, normalised, regional words and signs said of things put plainly
        (``bot/things.py``), typos in taxonomy words mended. Kept for the last ``cache_size`` texts:
        every reply re-reads each earlier turn of its conversation."""
        return list(self._prepared(message))

    def _prepare(self, message: str) -> tuple[Clause, ...]:
        text = plain_things(self.taxonomy.plain(normalise(message)))
        return tuple(clauses(self.speller.fix_text(text) if self.speller else text))

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
