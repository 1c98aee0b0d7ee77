"""Questions answered before: which sentences answered the graded questions most like this one.

The answer sets in ``eval/`` mark, for each question, the article sentences a direct answer
quotes. Runners ask the same few dozen things in endless wordings, and a new wording is
usually closer to an old wording of the same question than to the sentence that answers it:
"is it ok to push through it?" shares little with "Running with sore hip flexors is
generally not recommended", but much with "can I run on a sore hip flexor?", graded before.
So the composer asks the memory which sentences answered the nearest graded questions
(k nearest neighbours by the question's own vector) and adds their vote to its ranking.
The same holds for what the library does not cover: a question worded almost like one graded
off-topic ("heel pain first thing in the morning…") is refused even when the search finds
passages sharing its words.

The memory holds each question's vector and the sentences that answered it, as their
normalised text, so a rebuilt index with the same articles maps them back. Written by
``scripts/train_answer_memory.py`` from the answer sets already seen (never from a set still
held out), as a NumPy ``.npz`` read without pickle.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .npz_store import load_npz, save_npz
from .text import norm, unlisted

MEMORY_FILE = Path(__file__).with_name("answer_memory.npz")


def sentence_key(text: str) -> str:
    """How a sentence is matched between the memory and an index: as shown, normalised."""
    return norm(unlisted(text))


@dataclass(frozen=True)
class AnswerMemory:
    """Graded questions: their vectors, the sentences that answered each, and their set."""

    vectors: np.ndarray
    """One unit vector per question, from the index's own encoder (``encode_query``)."""
    answers: tuple[tuple[str, ...], ...]
    """Per question, the keys (``sentence_key``) of the sentences holding its evidence; none for
    a question graded off-topic (the library does not cover it)."""
    sets: tuple[str, ...]
    """The answer set each question came from: measuring on a set leaves that set out."""
    model: str

    @classmethod
    def load(cls, path: Path = MEMORY_FILE, *, model: str | None = None) -> "AnswerMemory | None":
        """The stored memory, or ``None`` without one. One made with another encoder than
        ``model`` is refused: its vectors would not be comparable with the questions'."""
        stored = load_npz(path, model, "scripts/train_answer_memory.py")
        if stored is None:
            return None
        about, arrays = stored
        return cls(arrays["vectors"].astype(np.float32), tuple(tuple(a) for a in about["answers"]),
                   tuple(about["sets"]), about["model"])

    def save(self, path: Path = MEMORY_FILE) -> None:
        save_npz(path, {"model": self.model, "sets": list(self.sets), "answers": [list(a) for a in self.answers]},
                 vectors=self.vectors.astype(np.float16))

    def without(self, answer_set: str) -> "AnswerMemory":
        """The memory less one set's questions: what a measurement on that set may use."""
        keep = [n for n, s in enumerate(self.sets) if s != answer_set]
        return AnswerMemory(self.vectors[keep], tuple(self.answers[n] for n in keep),
                            tuple(self.sets[n] for n in keep), self.model)

    def __len__(self) -> int:
        return len(self.sets)


class MemoryVotes:
    """The memory mapped onto one index's sentences: ``votes(vector)`` gives each sentence the
    mean, over the ``neighbours`` nearest graded questions, of their similarity where it answered them.
    ``source`` is the memory it was made from."""

    def __init__(self, memory: AnswerMemory, sentence_texts: list[str], neighbours: int, floor: float):
        self.source = memory
        row = {}
        for i, text in enumerate(sentence_texts):
            row.setdefault(sentence_key(text), []).append(i)
        answerable = [n for n, keys in enumerate(memory.answers) if keys]
        self.answered = np.zeros((len(answerable), len(sentence_texts)), dtype=np.float32)
        for m, n in enumerate(answerable):
            for key in memory.answers[n]:
                self.answered[m, row.get(key, [])] = 1.0
        self.answerable = np.array(answerable, dtype=np.int64)
        self.all_vectors = memory.vectors
        self.off_topic = np.array([not keys for keys in memory.answers], dtype=bool)
        self.neighbours = neighbours
        self.floor = floor
        self._last: tuple[bytes, np.ndarray] = (b"", np.zeros(0, dtype=np.float32))

    def similarities(self, query_vector: np.ndarray) -> np.ndarray:
        """Cosine of ``query_vector`` to every graded question. The last one is kept: a reply asks
        twice (off-topic check, then votes), and the matrix is several MB, read from memory each time."""
        key = query_vector.tobytes()
        last = self._last  # one read: another thread may replace it meanwhile
        if last[0] != key:
            last = (key, self.all_vectors @ query_vector)
            self._last = last
        return last[1]

    def off_topic_like(self, query_vector: np.ndarray, floor: float) -> bool:
        """The nearest graded question is at least ``floor`` alike and was graded off-topic."""
        if not len(self.all_vectors):
            return False
        sims = self.similarities(query_vector)
        nearest = int(np.argmax(sims))
        return bool(self.off_topic[nearest] and sims[nearest] >= floor)

    def votes(self, query_vector: np.ndarray) -> np.ndarray:
        """One vote per sentence of the index: the mean over the ``neighbours`` nearest graded
        questions (those at least ``floor`` alike) of their similarity where it answered them."""
        if not len(self.answerable):
            return np.zeros(self.answered.shape[1], dtype=np.float32)
        sims = self.similarities(query_vector)[self.answerable]
        near = np.argsort(-sims, kind="stable")[: self.neighbours]
        near = near[sims[near] >= self.floor]
        if not len(near):
            return np.zeros(self.answered.shape[1], dtype=np.float32)
        return (sims[near, None] * self.answered[near]).sum(axis=0) / len(near)
