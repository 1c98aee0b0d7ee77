"""The quotable sentences of one loaded index, with what answer selection reads of each.

Fixed per index, so worked out once when the index loads rather than on every question:
which sentences may be quoted (grouped by chunk), each one's words, the topics it names, its
cue profile, whether it says something concrete, the lines that introduce a list item, and
the vector of each chunk's own heading (the last part of its section path).
"""

from __future__ import annotations

import numpy as np

from .index_store import LoadedIndex
from .question_words import GENERIC_TOPICS, topics_of
from .quotable import is_meta, lead_ins
from .retrieval import Hit
from .run_phase import phase
from .sentence_ranker import profile
from .text import content_stems, is_concrete, norm, unlisted


class SentenceBank:
    """Per-sentence and per-chunk features of one index, read-only once built."""

    def __init__(self, index: LoadedIndex):
        self.index = index
        # The text the cue patterns read: straight apostrophes ("Here’s" is "here's"), lower case.
        self.plain = [norm(sentence.text) for sentence in index.sentences]
        self.by_chunk: dict[int, list[int]] = {}
        for i, sentence in enumerate(index.sentences):
            if not is_meta(self.plain[i]):
                self.by_chunk.setdefault(sentence.chunk_id, []).append(i)
        self.quotable = {i for sentences in self.by_chunk.values() for i in sentences}
        self.stems = [content_stems(sentence.text) for sentence in index.sentences]
        self.named = [frozenset(topics_of(text)) - GENERIC_TOPICS for text in self.plain]
        self.profiles = [profile(unlisted(text)) for text in self.plain]
        self.concrete = [is_concrete(sentence.text) for sentence in index.sentences]
        self.run_phase = [phase(text) for text in self.plain]  # "before" / "after" a run, or None
        self.section_topics = [frozenset(topics_of(c.section)) for c in index.chunks]
        self.heading_stems = [content_stems(c.section.split(" › ")[-1]) for c in index.chunks]
        self.lead_in = lead_ins(index.sentences)
        headings = [c.section.split(" › ")[-1] for c in index.chunks]
        unique = sorted(set(headings))
        vectors = index.encoder.encode(unique) if unique else np.zeros((0, 1), dtype=np.float32)
        row = {h: n for n, h in enumerate(unique)}
        self.heading_vectors = vectors[[row[h] for h in headings]] if headings else vectors

    def candidates(self, hits: list[Hit]) -> list[int]:
        """The quotable sentences of the hits' passages, in hit order."""
        return list(dict.fromkeys(i for h in hits for c in h.passage for i in self.by_chunk.get(c.id, [])))

    def on_topic_item(self, sentence: int, topic_stems: set[str]) -> bool:
        """A list item under a heading that names the question's topic: "Groin Pain: Pain in the
        groin area…" under "Symptoms of Labral Tears" answers "symptoms of a labral tear?" though
        it never names the tear; the heading it is listed under does."""
        return self.index.sentences[sentence].text.startswith("- ") and bool(
            self.heading_stems[self.chunk_of(sentence)] & topic_stems)

    def chunk_of(self, sentence: int) -> int:
        return self.index.sentences[sentence].chunk_id

    def section_of(self, sentence: int) -> tuple[str, str]:
        """(article, section) of a sentence."""
        chunk = self.index.chunks[self.chunk_of(sentence)]
        return chunk.doc_id, chunk.section

    def text(self, sentence: int) -> str:
        return self.index.sentences[sentence].text

    def shown(self, sentence: int) -> str:
        """The sentence as quoted: without its list marker ("- ", "2. "), the rest exactly."""
        return unlisted(self.index.sentences[sentence].text)
