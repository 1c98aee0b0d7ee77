"""Which retrieved sentences answer a question, and in what order: the heart of the composer.

Sentence choice follows answer-sentence selection practice. Each candidate is described by
its similarity to the question, the strength of its passage, shared words, whether it gives
the kind of answer asked for (a dose, a cause, a verdict…), whether its section heading asks
the same question (the articles' FAQ headings, such as "Can I run with sore hip flexors?")
and which exercise it names; the learned ranker (``sentence_ranker.py``) scores that
description, or without one a hand-weighted sum does, and the answer memory's votes are added.
The best sentence leads; each further one must add something new (maximal marginal relevance
with a hard cut-off) and say something concrete about the question (``text.is_filler``).

Pure functions of the sentence bank, the settings and one question: no I/O, no model calls
(the vectors were computed at index time).
"""

from __future__ import annotations

import numpy as np

from .answer_forms import CUES, cue_density
from .config import Settings
from .query import Query
from .question_words import GENERIC_TOPICS, topics_of
from .retrieval import Hit
from .run_phase import asked_phase
from .sentence_bank import SentenceBank
from .sentence_ranker import Candidate, SentenceRanker, features
from .text import content_stems, is_filler, overlap, unlisted


def describe(bank: SentenceBank, settings: Settings, query: Query, hits: list[Hit], query_vector: np.ndarray,
             candidates: list[int]) -> list[Candidate]:
    """What the ranker reads of each candidate, with the hand-weighted score (weights in ``Settings``)."""
    s = settings
    index = bank.index
    sims = index.sentence_vectors[candidates] @ query_vector
    # A list item is as relevant as the lines that introduce it: "Physical Therapy:
    # Strengthening exercises…" answers "how is a labral tear treated" through
    # "Management strategies for labral tears include:", which names the topic.
    leads = [(j, bank.lead_in[i]) for j, i in enumerate(candidates) if i in bank.lead_in]
    if leads:
        # Introducing lines read together: their summed vector's cosine to the question.
        intro = np.stack([index.sentence_vectors[list(lines)].sum(axis=0) for _, lines in leads])
        intro /= np.linalg.norm(intro, axis=1, keepdims=True)
        for (j, _), lead_sim in zip(leads, intro @ query_vector):
            sims[j] = max(sims[j], lead_sim)
    chunk_ids = [bank.chunk_of(i) for i in candidates]
    heading_sims = bank.heading_vectors[chunk_ids] @ query_vector
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
        shared = len(q_stems & bank.stems[i]) / max(len(q_stems), 1)
        hand = (s.w_sentence * sims[j] + s.w_passage * hit.dense_score + s.w_shared_words * shared
                + s.w_heading * max(0.0, float(heading_sims[j]) - s.heading_floor))
        if cue is not None and cue.search(bank.plain[i]):
            hand += s.answer_type_bonus
        chunk = index.chunks[chunk_ids[j]]
        named = bank.named[i]
        out.append(Candidate(
            bank.profiles[i], float(sims[j]), hit.dense_score, hit.score, shared, float(heading_sims[j]),
            chunk.section.split(" › ")[-1], rank, i - first.setdefault(chunk_ids[j], i),
            bank.text(i).startswith("- "), not bank.concrete[i] and not (bank.stems[i] & topic),
            i in bank.lead_in, float(hand), bool(named & asked), bool(named - asked),
            bool(asked & bank.section_topics[chunk_ids[j]])))
    return out


def select(bank: SentenceBank, settings: Settings, ranker: SentenceRanker | None, query: Query, hits: list[Hit],
           query_vector: np.ndarray, all_votes: np.ndarray | None = None) -> list[int]:
    """The sentences to quote, lead first: the best sentence, then what adds something new and
    concrete, within the word budget. ``all_votes`` is the memory's weighted vote for every
    sentence of the bank (``Composer.votes``), or ``None``."""
    s = settings
    candidates = bank.candidates(hits)
    if not candidates:
        return []
    scores, sims, votes = _scores(bank, settings, ranker, query, hits, query_vector, candidates, all_votes)
    _promote_section_answers(bank, query, candidates, scores, sims)
    vecs = bank.index.sentence_vectors[candidates]
    topic = content_stems(" ".join([query.question, *query.topics, query.context]))
    order = np.argsort(-scores, kind="stable")
    # A question about after the run is not answered by warm-up advice, nor the other way round
    # (bot/run_phase.py); when every candidate names the other time, none is set aside.
    asked = asked_phase(query.text, query.context)
    other_time = {j for j, i in enumerate(candidates) if asked and bank.run_phase[i] not in (None, asked)}
    if len(other_time) == len(candidates):
        other_time = set()
    # The margin is judged without the votes, which would otherwise push every sentence
    # but the voted one out of it; a sentence voted for strongly enough stays in.
    alone = scores - votes
    top = float(alone.max())
    margin = s.score_margin if ranker is None else s.ranker_margin
    # With the ranker, another article's point must score closer to the best than one more
    # from an article already quoted: it is more often a near-miss on the topic than a new
    # point on it. The hand-weighted score keeps one margin.
    other_margin = margin if ranker is None else s.ranker_margin_other_article
    picked: list[int] = []
    picked_at: list[int] = []
    quoted: set[str] = set()  # the articles quoted so far
    words = 0
    for j in order:
        if j in other_time:
            continue
        i = candidates[j]
        text = bank.text(i)
        doc = bank.section_of(i)[0]
        allowed = margin if doc in quoted else other_margin
        keeps = s.memory_keeps if doc in quoted else s.memory_keeps_other_article
        if picked and (sims[j] < s.sentence_floor or (alone[j] < top - allowed and votes[j] < keeps)):
            continue
        if picked and is_filler(text, topic) and not bank.on_topic_item(i, topic):
            continue
        if any(float(vecs[j] @ vecs[k]) > s.same_point_cosine or overlap(bank.stems[i], bank.stems[candidates[k]])
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
    lead_first = picked if ranker is not None else _answer_first(bank, query, picked)
    return _in_reading_order(bank, lead_first)


def _scores(bank: SentenceBank, settings: Settings, ranker: SentenceRanker | None, query: Query, hits: list[Hit],
            query_vector: np.ndarray, candidates: list[int],
            all_votes: np.ndarray | None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(score, similarity, memory vote) of each candidate sentence. The score is the learned
    ranker's log-odds when there is one (``bot/sentence_ranker.py``), else the hand-weighted
    score; the memory's weighted vote is added to the ranker's."""
    described = describe(bank, settings, query, hits, query_vector, candidates)
    sims = np.array([c.cosine for c in described], dtype=np.float32)
    votes = np.zeros(len(candidates), dtype=np.float32) if all_votes is None else all_votes[candidates]
    if ranker is None:
        return np.array([c.hand_score for c in described], dtype=np.float32), sims, votes
    return ranker.score(features(described, query.answer_type)).astype(np.float32) + votes, sims, votes


def _promote_section_answers(bank: SentenceBank, query: Query, candidates: list[int], scores: np.ndarray,
                             sims: np.ndarray) -> None:
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
    section = bank.section_of(candidates[best])
    asked = set(query.topics)
    for j, i in enumerate(candidates):
        text = bank.plain[i]
        if j == best or bank.section_of(i) != section or not cue.search(text):
            continue
        if any(t not in asked and t not in GENERIC_TOPICS for t in topics_of(text)):
            continue  # another exercise's dose in a section listing several
        scores[j] = max(scores[j], scores[best] - 1e-3)  # just under the best, which keeps the lead
        sims[j] = max(sims[j], sims[best])


def _answer_first(bank: SentenceBank, query: Query, picked: list[int]) -> list[int]:
    """Lead with the picked sentence that most plainly gives the kind of answer asked for.

    The sentence most like the question is often the one naming its topic ("Side planks
    target the oblique muscles"), while the answer is its neighbour ("Duration: 30-60
    seconds on each side"). Every picked sentence already scored within the margin of
    the best, so leading with the one of the right kind costs no relevance. "Most
    plainly" is the share of its words that are cues ("Duration: 30 seconds on each
    side" over a long "How to Perform" that mentions holding). Only for the hand-weighted
    score: the learned ranker weighs cue density itself (docs/tuning.md).
    """
    cue = CUES.get(query.answer_type)
    if cue is None:
        return picked
    density = {i: cue_density(cue, unlisted(bank.plain[i])) for i in picked}
    lead = max(picked, key=lambda i: density[i])  # the first such sentence on a tie
    return picked if density[lead] == 0 else [lead, *(i for i in picked if i != lead)]


def _in_reading_order(bank: SentenceBank, picked: list[int]) -> list[int]:
    """Lead with the first picked sentence (``_answer_first`` chose it) and the rest of its
    passage in article order, then the others."""
    if not picked:
        return picked
    sentences = bank.index.sentences
    lead_chunk = sentences[picked[0]].chunk_id
    same = sorted((i for i in picked[1:] if sentences[i].chunk_id == lead_chunk), key=lambda i: sentences[i].start)
    after = [i for i in same if sentences[i].start > sentences[picked[0]].start]
    before = [i for i in same if i not in after]
    rest = [i for i in picked[1:] if sentences[i].chunk_id != lead_chunk]
    return [picked[0], *after, *before, *rest]
