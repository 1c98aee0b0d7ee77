"""Compose the reply a runner reads, from retrieved passages only.

No text is generated. The reply is a short list of sentences quoted verbatim
from the retrieved chunks, each followed by the number of its source, under a
heading chosen by what the question asks (causes, treatment, exercises, …),
and a source list naming each article and section. Sentences are scored
against the question with vectors computed at index time, so composing an
answer costs a few small matrix products and no model calls.

When nothing retrieved is close enough to the question, the reply says so and
suggests questions the library can answer, instead of quoting something
loosely related. The red-flag disclaimer, when due, always comes first and is
decided elsewhere (``safety.py``), never here.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from .answer_forms import heading_for
from .answer_memory import AnswerMemory, MemoryVotes
from .config import Settings
from .coverage import DOSING, covers
from .index_store import LoadedIndex
from .query import Query
from .reply import Citation, Composed, Quote
from .retrieval import Hit
from .sentence_bank import SentenceBank
from .sentence_ranker import SentenceRanker
from .sentence_selection import select
from .templates import prefix_block, render_answer, render_refusal


class Composer:
    """Builds answers from hits: decides whether the library covers the question, has
    ``sentence_selection`` choose the sentences, and cites them. Holds the sentence bank of one
    loaded index and the answer memory's votes."""

    def __init__(self, index: LoadedIndex, settings: Settings, unfamiliar: Callable[[str], float] | None = None,
                 ranker: SentenceRanker | None = None, memory: AnswerMemory | None = None):
        """``unfamiliar(question)`` is the share of the question's words the library never
        uses (``KeywordIndex.unfamiliar``); it is asked only about weak matches. ``ranker``
        orders the candidate sentences; without one the hand-weighted score does. ``memory``
        adds the votes of the graded questions most like this one (``answer_memory.py``)."""
        self.index = index
        self.ranker = ranker
        self.settings = settings
        self.unfamiliar = unfamiliar
        self.bank = SentenceBank(index)
        self.use_memory(memory)

    def use_memory(self, memory: AnswerMemory | None) -> None:
        """Vote with ``memory`` from now on (``None``: no votes). The evaluation gives each
        answer set a memory without that set's own questions."""
        s = self.settings
        # One assignment, so a reply never reads two memories.
        self.memory = None if memory is None else MemoryVotes(
            memory, [sentence.text for sentence in self.index.sentences], s.memory_neighbours, s.memory_floor)

    @property
    def answer_memory(self) -> AnswerMemory | None:
        """The graded questions voting now (``None``: none)."""
        return None if self.memory is None else self.memory.source

    def run(
        self,
        query: Query,
        hits: list[Hit],
        query_vector: np.ndarray,
        *,
        disclaimer: str | None = None,
        notice: str | None = None,
        reasons: tuple[str, ...] = (),
        recall: Callable[[list[int]], list[Hit]] | None = None,
        own_vector: np.ndarray | None = None,
    ) -> Composed:
        """Quote the sentences that answer ``query`` from ``hits``, or say the library does not cover it.

        ``recall(chunk_ids)`` makes hits of the passages the memory recalls that the search did
        not find (``Composer.recalled``, ``Retriever.hits_for``): quoted from, but never what
        decides whether the library covers the question. ``own_vector`` is a follow-up's own
        words, encoded without the turn it follows: one worded like a question graded off-topic
        ("and how much protein after lifting?") is refused whatever hip it borrowed."""
        memory = self.memory  # read once: a reply never mixes two memories
        dosing = bool(DOSING.search(query.text))
        best = max((h.dense_score for h in hits), default=0.0)
        covered = not dosing and covers(query, best, self.settings, self.unfamiliar) and not (
            memory is not None and (memory.off_topic_like(query_vector, self.settings.memory_off_topic) or (
                own_vector is not None and memory.off_topic_like(own_vector, self.settings.memory_off_topic_turn))))
        votes = self.votes(memory, query_vector)
        if covered and recall is not None and votes is not None:
            hits = [*hits, *recall(self.recalled(votes, hits))]
        picked = select(self.bank, self.settings, self.ranker, query, hits, query_vector, votes) if covered else []
        if not picked:
            return Composed(render_refusal(disclaimer, notice, dosing, reasons), "refusal")
        citations, quotes = self._cite(picked, hits)
        markdown = render_answer(heading_for(query.answer_type), quotes, citations,
                                 prefix_block(disclaimer, notice, reasons))
        return Composed(markdown, "answer", tuple(citations), tuple(quotes))

    def votes(self, memory: MemoryVotes | None, query_vector: np.ndarray) -> np.ndarray | None:
        """Each sentence's weighted vote from ``memory``, on the ranker's scale; ``None`` without a
        memory or a ranker (the hand-weighted score takes no votes). Worked out once per reply."""
        if memory is None or self.ranker is None:
            return None
        return self.settings.memory_weight * memory.votes(query_vector)

    def recalled(self, votes: np.ndarray, hits: list[Hit]) -> list[int]:
        """Chunks holding a sentence voted for strongly (``Settings.memory_keeps``) that no hit
        shows, strongest first: the answer to a question graded before, when the search, reading
        the new wording, missed its passage."""
        shown = {c.id for h in hits for c in h.passage}
        strong = np.flatnonzero(votes >= self.settings.memory_keeps)
        strong = strong[np.argsort(-votes[strong], kind="stable")]  # strongest first, ties in index order
        chunks = (self.bank.chunk_of(int(i)) for i in strong if i in self.bank.quotable)
        return list(dict.fromkeys(c for c in chunks if c not in shown))

    def _cite(self, picked: list[int], hits: list[Hit]) -> tuple[list[Citation], list[Quote]]:
        """Quotes of the picked sentences, sources numbered in the order their first sentence appears.

        One source per section of an article: two passages of one section (a long section is
        split into several) are one source to the reader, not "Preventing Runner's Hip" twice."""
        hit_of = {c.id: h for h in hits for c in h.passage}
        numbers: dict[tuple[str, str], int] = {}
        passages: dict[tuple[str, str], list[int]] = {}
        quotes = []
        for i in picked:
            cid = self.bank.chunk_of(i)
            c = self.index.chunks[cid]
            section = (c.doc_id, c.section)
            if section not in numbers:
                numbers[section] = len(numbers) + 1
                passages[section] = []
            if cid not in passages[section]:
                passages[section].append(cid)
            quotes.append(Quote(self.bank.shown(i), numbers[section]))
        citations = []
        for section, n in numbers.items():
            chunks = sorted((self.index.chunks[cid] for cid in passages[section]), key=lambda c: c.start)
            first = chunks[0]
            citations.append(Citation(n, first.doc_id, first.title, first.section, _joined(chunks),
                                      max(hit_of[c.id].dense_score for c in chunks)))
        return citations, quotes


def _joined(chunks: list) -> str:
    """The text of passages of one section, in article order, their overlap told once (a chunk's
    text is its article's text from ``start`` to ``end``; neighbours overlap by the splitter's
    ``chunk_overlap``); passages apart are set off by a blank line."""
    text, end = chunks[0].text, chunks[0].end
    for chunk in chunks[1:]:
        if chunk.start <= end:
            text += chunk.text[end - chunk.start:] if chunk.end > end else ""
        else:
            text += "\n\n" + chunk.text
        end = max(end, chunk.end)
    return text

