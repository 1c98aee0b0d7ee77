"""Messages graded before, red flag or not: a check on the meaning-based detectors.

The exemplar match and the learned model read a message's meaning, and both mistake ordinary
questions for red flags when they share the words of one: "pain around my kneecap going down
stairs", "thigh chafing is ruining my long runs", "new shoes made my hip ache a bit". Such
messages recur in every question set, graded not a red flag. When the graded message most
like this one is ordinary, clearly alike (``floor``) and clearly closer than any graded red
flag (``contrast``), a flag raised by meaning alone is set aside. The patterns are never
checked against the memory: an explicit sign is a sign however ordinary the rest.

Messages are compared by the vector the learned model reads (``Triage.message_vector``).
Written by ``scripts/train_flag_memory.py`` from the red-flag and answer sets already seen
(never from a set still held out), as a NumPy ``.npz`` read without pickle.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .npz_store import load_npz, save_npz

FLAG_MEMORY_FILE = Path(__file__).with_name("flag_memory.npz")


@dataclass(frozen=True)
class FlagMemory:
    """Graded messages: their vectors, whether each is a red flag, and their set."""

    vectors: np.ndarray
    red_flag: np.ndarray
    """One bool per message."""
    sets: tuple[str, ...]
    """The set each message came from: measuring on a set leaves that set out."""
    model: str

    @classmethod
    def load(cls, path: Path = FLAG_MEMORY_FILE, *, model: str | None = None) -> "FlagMemory | None":
        """The stored memory, or ``None`` without one; one made with another encoder is refused."""
        stored = load_npz(path, model, "scripts/train_flag_memory.py")
        if stored is None:
            return None
        about, arrays = stored
        return cls(arrays["vectors"].astype(np.float32), arrays["red_flag"].astype(bool), tuple(about["sets"]), about["model"])

    def save(self, path: Path = FLAG_MEMORY_FILE) -> None:
        save_npz(path, {"model": self.model, "sets": list(self.sets)},
                 vectors=self.vectors.astype(np.float16), red_flag=self.red_flag)

    def without(self, name: str) -> "FlagMemory":
        """The memory less one set's messages: what a measurement on that set may use."""
        keep = [n for n, s in enumerate(self.sets) if s != name]
        return FlagMemory(self.vectors[keep], self.red_flag[keep], tuple(self.sets[n] for n in keep), self.model)

    def ordinary_like(self, vector: np.ndarray, floor: float, contrast: float) -> bool:
        """The graded message most like ``vector`` is ordinary, at least ``floor`` alike, and at
        least ``contrast`` more alike than the closest graded red flag."""
        if not len(self.vectors):
            return False
        sims = self.vectors @ vector
        ordinary = sims[~self.red_flag]
        if not len(ordinary):
            return False
        closest = float(ordinary.max())
        flagged = float(sims[self.red_flag].max()) if self.red_flag.any() else -1.0
        return closest >= floor and flagged <= closest - contrast
