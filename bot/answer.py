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

from .answer_forms import CUES, cue_density, heading_for
from .answer_memory import AnswerMemory, MemoryVotes
from .config import Settings
from .coverage import DOSING, covers
from .index_store import LoadedIndex
from .query import GENERIC_TOPICS, Query, topics_of
from .reply import Citation, Composed, Quote
from .retrieval import Hit
from .sentence_ranker import Candidate, SentenceRanker, features, profile
from .templates import prefix_block, render_answer, render_refusal
from .quotable import is_meta, lead_ins
from .text import content_stems, is_concrete, is_filler, norm, overlap, unlisted

class Composer:
    """Builds answers from hits; holds the sentence bank of one loaded index.

    Sentence choice follows answer-sentence selection practice. Each candidate is described by
    its similarity to the question, the strength of its passage, shared words, whether it gives
    the kind of answer asked for (a dose, a cause, a verdict…), whether its section heading asks
    the same question (the articles' FAQ headings, such as "Can I run with sore hip flexors?")
    and which exercise it names; the learned ranker (``sentence_ranker.py``) scores that
    description, or without one a hand-weighted sum does. The best sentence leads; each further
    one must add something new (maximal marginal relevance with a hard cut-off) and say
    something concrete about the question (``text.is_filler``).
    """

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
        # Fixed per index, so worked out once here rather than on every question:
        # which sentences may be quoted (grouped by chunk), each one's words, and the
        # vector of each chunk's own heading (the last part of its section path).
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
        self.section_topics = [frozenset(topics_of(c.section)) for c in index.chunks]
        self.lead_in = lead_ins(index.sentences)
        headings = [c.section.split(" › ")[-1] for c in index.chunks]
        unique = sorted(set(headings))
        vectors = index.encoder.encode(unique) if unique else np.zeros((0, 1), dtype=np.float32)
        row = {h: n for n, h in enumerate(unique)}
        self.heading_vectors = vectors[[row[h] for h in headings]] if headings else vectors
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
    ) -> Composed:
        """Quote the sentences that answer ``query`` from ``hits``, or say the library does not cover it.

        ``recall(chunk_ids)`` makes hits of the passages the memory recalls that the search did
        not find (``Composer.recalled``, ``Retriever.hits_for``): quoted from, but never what
        decides whether the library covers the question."""
        memory = self.memory  # read once: a reply never mixes two memories
        dosing = bool(DOSING.search(query.text))
        best = max((h.dense_score for h in hits), default=0.0)
        covered = not dosing and covers(query, best, self.settings, self.unfamiliar) and not (
            memory is not None and memory.off_topic_like(query_vector, self.settings.memory_off_topic))
        votes = self.votes(memory, query_vector)
        if covered and recall is not None and votes is not None:
            hits = [*hits, *recall(self.recalled(votes, hits))]
        picked = self._select(query, hits, query_vector, votes) if covered else []
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
        strong = [i for i in np.argsort(-votes, kind="stable") if votes[i] >= self.settings.memory_keeps]
        chunks = (self.index.sentences[i].chunk_id for i in strong if i in self.quotable)
        return list(dict.fromkeys(c for c in chunks if c not in shown))

    def _cite(self, picked: list[int], hits: list[Hit]) -> tuple[list[Citation], list[Quote]]:
        """Quotes of the picked sentences, sources numbered in the order their first sentence appears."""
        hit_of = {c.id: h for h in hits for c in h.passage}
        numbers: dict[int, int] = {}
        citations, quotes = [], []
        for i in picked:
            cid = self.index.sentences[i].chunk_id
            if cid not in numbers:
                numbers[cid] = len(numbers) + 1
                c = self.index.chunks[cid]
                citations.append(Citation(numbers[cid], c.doc_id, c.title, c.section, c.text, hit_of[cid].dense_score))
            quotes.append(Quote(self._display(self.index.sentences[i].text), numbers[cid]))
        return citations, quotes

    @staticmethod
    def _display(text: str) -> str:
        """Drop the list marker ("- ", "2. "); the rest is quoted exactly."""
        return unlisted(text)

    def candidates(self, hits: list[Hit]) -> list[int]:
        """The quotable sentences of the hits' passages, in hit order."""
        return list(dict.fromkeys(i for h in hits for c in h.passage for i in self.by_chunk.get(c.id, [])))

    def described(self, query: Query, hits: list[Hit], query_vector: np.ndarray, candidates: list[int]) -> list[Candidate]:
        """What the ranker reads of each candidate, with the hand-weighted score (weights in ``Settings``)."""
        s = self.settings
        sims = self.index.sentence_vectors[candidates] @ query_vector
        # A list item is as relevant as the lines that introduce it: "Physical Therapy:
        # Strengthening exercises…" answers "how is a labral tear treated" through
        # "Management strategies for labral tears include:", which names the topic.
        leads = [(j, self.lead_in[i]) for j, i in enumerate(candidates) if i in self.lead_in]
        if leads:
            # Introducing lines read together: their summed vector's cosine to the question.
            intro = np.stack([self.index.sentence_vectors[list(lines)].sum(axis=0) for _, lines in leads])
            intro /= np.linalg.norm(intro, axis=1, keepdims=True)
            for (j, _), lead_sim in zip(leads, intro @ query_vector):
                sims[j] = max(sims[j], lead_sim)
        chunk_ids = [self.index.sentences[i].chunk_id for i in candidates]
        heading_sims = self.heading_vectors[chunk_ids] @ query_vector
        # A chunk in two passages (matched itself, and completing a lead-in) takes the first hit's.
        first_hit = {c.id: (rank, h) for rank, h in reversed(list(enumerate(hits))) for c in h.passage}
        q_stems = content_stems(query.question)
        topic = content_stems(" ".join([query.question, *query.topics, query.context]))
        cue = CUES.get(query.answer_type)
        asked = {t for t in query.topics if t not in GENERIC_TOPICS}
        first: dict[int, int] = {}
        out = []
        for j, i in enumerate(candidates):
            rank, hit = first_hit[chunk_ids[j]]
            shared = len(q_stems & self.stems[i]) / max(len(q_stems), 1)
            hand = (s.w_sentence * sims[j] + s.w_passage * hit.dense_score + s.w_shared_words * shared
                    + s.w_heading * max(0.0, float(heading_sims[j]) - s.heading_floor))
            if cue is not None and cue.search(self.plain[i]):
                hand += s.answer_type_bonus
            chunk = self.index.chunks[chunk_ids[j]]
            named = self.named[i]
            out.append(Candidate(
                self.profiles[i], float(sims[j]), hit.dense_score, hit.score, shared, float(heading_sims[j]),
                chunk.section.split(" › ")[-1], rank, i - first.setdefault(chunk_ids[j], i),
                self.index.sentences[i].text.startswith("- "), not self.concrete[i] and not (self.stems[i] & topic),
                i in self.lead_in, float(hand), bool(named & asked), bool(named - asked),
                bool(asked & self.section_topics[chunk_ids[j]])))
        return out

    def _scores(self, query: Query, hits: list[Hit], query_vector: np.ndarray, candidates: list[int],
                all_votes: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(score, similarity, memory vote) of each candidate sentence. The score is the learned
        ranker's log-odds when there is one (``bot/sentence_ranker.py``), else the hand-weighted
        score; the memory's weighted vote (``Composer.votes``) is added to the ranker's."""
        described = self.described(query, hits, query_vector, candidates)
        sims = np.array([c.cosine for c in described], dtype=np.float32)
        votes = np.zeros(len(candidates), dtype=np.float32) if all_votes is None else all_votes[candidates]
        if self.ranker is None:
            return np.array([c.hand_score for c in described], dtype=np.float32), sims, votes
        return self.ranker.score(features(described, query.answer_type)).astype(np.float32) + votes, sims, votes

    def _select(self, query: Query, hits: list[Hit], query_vector: np.ndarray,
                all_votes: np.ndarray | None = None) -> list[int]:
        """The best sentence first, then what adds something new and concrete, within the word budget."""
        s = self.settings
        candidates = self.candidates(hits)
        if not candidates:
            return []
        scores, sims, votes = self._scores(query, hits, query_vector, candidates, all_votes)
        self._promote_section_answers(query, candidates, scores, sims)
        vecs = self.index.sentence_vectors[candidates]
        topic = content_stems(" ".join([query.question, *query.topics, query.context]))
        order = np.argsort(-scores, kind="stable")
        # The margin is judged without the votes, which would otherwise push every sentence
        # but the voted one out of it; a sentence voted for strongly enough stays in.
        alone = scores - votes
        top = float(alone.max())
        margin = s.score_margin if self.ranker is None else s.ranker_margin
        # With the ranker, another article's point must score closer to the best than one more
        # from an article already quoted: it is more often a near-miss on the topic than a new
        # point on it. The hand-weighted score keeps one margin.
        other_margin = margin if self.ranker is None else s.ranker_margin_other_article
        picked: list[int] = []
        picked_at: list[int] = []
        quoted: set[str] = set()  # the articles quoted so far
        words = 0
        for j in order:
            i = candidates[j]
            text = self.index.sentences[i].text
            doc = self._section_of(i)[0]
            allowed = margin if doc in quoted else other_margin
            if picked and (sims[j] < s.sentence_floor or (alone[j] < top - allowed and votes[j] < s.memory_keeps)):
                continue
            if picked and is_filler(text, topic):
                continue
            if any(float(vecs[j] @ vecs[k]) > s.same_point_cosine or overlap(self.stems[i], self.stems[candidates[k]])
                   >= s.same_point_words for k in picked_at):
                continue  # the same point from another article adds nothing
            n_words = len(text.split())
            if picked and words + n_words > s.max_words:
                continue
            picked.append(i)
            picked_at.append(j)
            quoted.add(doc)
            words += n_words
            if len(picked) >= s.max_sentences:
                break
        return self._in_reading_order(self._answer_first(query, picked))

    def _promote_section_answers(self, query: Query, candidates: list[int], scores: np.ndarray, sims: np.ndarray) -> None:
        """Give the best sentence's score to the sentences of its section that give the kind of
        answer asked for.

        In an exercise's section the sentence most like "how many bird dogs?" is the one that
        names bird dogs; the answer is "Repetitions: 10-15 repetitions on each side, 2-3 sets",
        which shares no words with the question but sits under the same heading.
        """
        cue = CUES.get(query.answer_type)
        if cue is None:
            return
        best = int(np.argmax(scores))
        section = self._section_of(candidates[best])
        asked = set(query.topics)
        for j, i in enumerate(candidates):
            text = self.plain[i]
            if j == best or self._section_of(i) != section or not cue.search(text):
                continue
            if any(t not in asked and t not in GENERIC_TOPICS for t in topics_of(text)):
                continue  # another exercise's dose in a section listing several
            scores[j] = max(scores[j], scores[best] - 1e-3)  # just under the best, which keeps the lead
            sims[j] = max(sims[j], sims[best])

    def _section_of(self, sentence: int) -> tuple[str, str]:
        chunk = self.index.chunks[self.index.sentences[sentence].chunk_id]
        return chunk.doc_id, chunk.section

    def _answer_first(self, query: Query, picked: list[int]) -> list[int]:
        """Lead with the picked sentence that most plainly gives the kind of answer asked for.

        The sentence most like the question is often the one naming its topic ("Side planks
        target the oblique muscles"), while the answer is its neighbour ("Duration: 30-60
        seconds on each side"). Every picked sentence already scored within the margin of
        the best, so leading with the one of the right kind costs no relevance. "Most
        plainly" is the share of its words that are cues ("Duration: 30 seconds on each
        side" over a long "How to Perform" that mentions holding). Only for the hand-weighted score.
        """
        cue = CUES.get(query.answer_type)
        if cue is None or self.ranker is not None:
            return picked  # the learned ranker weighs cue density itself (docs/tuning.md)
        density = {i: cue_density(cue, self._display(self.plain[i])) for i in picked}
        lead = max(picked, key=lambda i: density[i])  # the first such sentence on a tie
        return picked if density[lead] == 0 else [lead, *(i for i in picked if i != lead)]

    def _in_reading_order(self, picked: list[int]) -> list[int]:
        """Lead with the first picked sentence (``_answer_first`` chose it) and the rest of its
        passage in article order, then the others."""
        if not picked:
            return picked
        lead_chunk = self.index.sentences[picked[0]].chunk_id
        same = sorted((i for i in picked[1:] if self.index.sentences[i].chunk_id == lead_chunk),
                      key=lambda i: self.index.sentences[i].start)
        after = [i for i in same if self.index.sentences[i].start > self.index.sentences[picked[0]].start]
        before = [i for i in same if i not in after]
        rest = [i for i in picked[1:] if self.index.sentences[i].chunk_id != lead_chunk]
        return [picked[0], *after, *before, *rest]
