"""Which retrieved sentence answers the question: a ranker learned from graded answers.

The composer's hand-weighted score (cosine to the question, passage strength, shared
words, heading, a bonus for the kind of answer asked) puts the sentence that *names* the
topic first more often than the one that *answers* it. The answer sets in ``eval/`` mark,
for each question, the article sentences a direct answer must quote; a logistic regression plus
a small network over the features below learns from them which candidates those are
(``scripts/train_sentence_ranker.py``). Its weights are plain JSON, read at start-up.

Features are computed here, from what the composer already has (stored sentence and
heading vectors, the hits, the query), so ranking costs no model call. Pure functions and
a frozen dataclass; the composer decides what to do with the scores. Two features are the
hand-weighted score (``Settings.w_*``): after changing those weights, or the answer types,
refit the ranker.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .answer_forms import CUES, cue_density
from .gate import admit
from .text import norm, unlisted

RANKER_FILE = Path(__file__).with_name("sentence_ranker.json")
TYPES = tuple(sorted(CUES))

#: One name per column of ``features``; the model file records them, and a mismatch is refused.
FEATURES = (
    "sentence_cosine", "passage_cosine", "passage_fused", "shared_words", "heading_cosine", "cue", "cue_density",
    "passage_rank", "position_in_chunk", "list_item", "length", "filler", "has_lead_in", "hand_score",
    *(f"asked_cue_{t}" for t in TYPES), *(f"cue_{t}" for t in TYPES), *(f"asked_cue_density_{t}" for t in TYPES),
    "faq_heading", "faq_heading_cosine", "cosine_below_best", "top_passage", "hand_below_best", "top3_cosine",
    "names_asked_topic", "names_other_topic", "section_names_asked_topic", "connector", "announces",
)

#: A sentence that leans on the one before it ("However, …", "Collectively, these …"): it continues
#: a point rather than making one, so it rarely answers on its own.
#: (Wrap-ups such as "In summary…" never get here: the composer leaves them out, ``quotable.META``.)
_CONNECTOR = re.compile(r"^(?:however|additionally|moreover|furthermore|collectively|therefore|thus|consequently|"
                        r"as a result|in addition|also|similarly|conversely|likewise|nevertheless|on the other hand|"
                        r"by (?:understanding|following|addressing|incorporating|taking)|remember|in some cases|"
                        r"for example|for instance)\b")
#: A sentence that announces or sums up a topic instead of saying something about it: "Several
#: factors can contribute to hip pain", "Addressing the factors above…", "You're not alone".
_ANNOUNCES = re.compile(r"\b(?:several|various|many|a number of|multiple|a variety of|different|common|key|some) "
                        r"(?:factors|reasons|causes|ways|things|steps|strategies|tips|issues|options|techniques|aspects)\b|"
                        r"\b(?:the|these|those) (?:factors|aspects|steps|tips|strategies|points|issues|measures) "
                        r"(?:above|below|mentioned|listed|outlined|discussed)\b|\bthe following\b|\bhere (?:are|is)\b|"
                        r"\bthese aspects\b|\bin this (?:post|guide|blog)\b|\bnot uncommon\b|\bnot alone\b|"
                        r"\b(?:it'?s|it is) (?:important|essential|crucial|vital) to\b|\bunderstanding (?:how|the|what|why)\b")


@dataclass(frozen=True)
class Profile:
    """What a sentence says whatever the question: worked out once per index, not per question."""

    cues: tuple[bool, ...]
    """Whether it has each answer type's cue words (``TYPES`` order)."""
    densities: tuple[float, ...]
    """Each answer type's cue words per word."""
    words: int
    connector: bool = False
    """Opens with a word that leans on the sentence before (``_CONNECTOR``)."""
    announces: bool = False
    """Announces or sums up a topic rather than saying something about it (``_ANNOUNCES``)."""


def profile(text: str) -> Profile:
    """The profile of a sentence as the cue patterns read it (``text.norm``, list marker dropped)."""
    return Profile(tuple(bool(CUES[t].search(text)) for t in TYPES), tuple(cue_density(CUES[t], text) for t in TYPES),
                   len(text.split()), bool(_CONNECTOR.search(text)), bool(_ANNOUNCES.search(text)))


@dataclass(frozen=True)
class Candidate:
    """What the features read of one candidate sentence."""

    profile: Profile
    cosine: float
    passage_cosine: float
    passage_fused: float
    shared_words: float
    heading_cosine: float
    heading: str
    passage_rank: int
    position_in_chunk: int
    list_item: bool
    filler: bool
    has_lead_in: bool
    hand_score: float
    names_asked_topic: bool = False
    """Names a condition or exercise the question asks about (``question_words.topics_of``)."""
    names_other_topic: bool = False
    """Names one it does not ask about: another exercise's dose in a section listing several."""
    section_names_asked_topic: bool = False


def features(candidates: list[Candidate], answer_type: str) -> np.ndarray:
    """One row per candidate, columns as ``FEATURES``. Some columns compare a candidate with the
    best of its question ("cosine below best"), so a row depends on its whole candidate list.
    Built column by column over all candidates at once (in float64, then float32): it runs on
    every answer."""
    if not candidates:
        return np.zeros((0, len(FEATURES)), dtype=np.float32)
    asked = np.array([t == answer_type for t in TYPES], dtype=np.float64)

    def column(value) -> np.ndarray:
        return np.array([value(c) for c in candidates], dtype=np.float64)

    cosines, hand = column(lambda c: c.cosine), column(lambda c: c.hand_score)
    heading_cosine, rank = column(lambda c: c.heading_cosine), column(lambda c: c.passage_rank)
    has = np.array([c.profile.cues for c in candidates], dtype=np.float64)
    density = np.array([c.profile.densities for c in candidates], dtype=np.float64) @ asked
    faq = column(lambda c: c.heading.rstrip().endswith("?"))
    top3 = np.zeros(len(candidates))
    top3[np.argsort(-cosines, kind="stable")[:3]] = 1.0
    return np.column_stack([
        cosines, column(lambda c: c.passage_cosine), column(lambda c: c.passage_fused),
        column(lambda c: c.shared_words), heading_cosine, has @ asked, density,
        rank, column(lambda c: min(c.position_in_chunk, 5)), column(lambda c: c.list_item),
        column(lambda c: min(c.profile.words, 60) / 60), column(lambda c: c.filler), column(lambda c: c.has_lead_in), hand,
        has * asked, has, density[:, None] * asked,
        faq, faq * heading_cosine, cosines - cosines.max(), rank == 0,
        hand - hand.max(), top3,
        column(lambda c: c.names_asked_topic), column(lambda c: c.names_other_topic),
        column(lambda c: c.section_names_asked_topic),
        column(lambda c: c.profile.connector), column(lambda c: c.profile.announces),
    ]).astype(np.float32)


@dataclass(frozen=True)
class SentenceRanker:
    """A logistic regression plus a small network (one hidden layer of ReLUs) over standardised
    features; ``score`` is the sum of their log-odds that a candidate holds the evidence.

    Cross-validated on the seen answer sets, the top candidate held the evidence for 0.50 of
    the questions with the linear model alone, 0.58 with the network alone, and 0.59 with
    both: whether a cue word matters depends on the answer type and on where the sentence
    sits, which a sum of weights cannot say, while the linear part keeps the network's
    sharper guesses in check on questions unlike the training ones.
    """

    linear: np.ndarray  # features
    hidden_weights: np.ndarray  # features × hidden
    hidden_bias: np.ndarray
    weights: np.ndarray  # hidden
    bias: float
    mean: np.ndarray
    scale: np.ndarray

    @classmethod
    def load(cls, path: Path = RANKER_FILE) -> "SentenceRanker | None":
        """The trained ranker, or ``None`` when there is none (the hand-weighted score is used)."""
        if not Path(path).is_file():
            return None
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        if tuple(data["features"]) != FEATURES or "hidden_weights" not in data:
            raise ValueError(f"{path} was trained on other features; re-run scripts/train_sentence_ranker.py")
        names = ("linear", "hidden_weights", "hidden_bias", "weights", "mean", "scale")
        linear, hidden_weights, hidden_bias, weights, mean, scale = (np.asarray(data[k], dtype=np.float32) for k in names)
        return cls(linear, hidden_weights, hidden_bias, weights, float(data["bias"]), mean, scale)

    def score(self, rows: np.ndarray) -> np.ndarray:
        z = (rows - self.mean) / self.scale
        return z @ self.linear + np.maximum(z @ self.hidden_weights + self.hidden_bias, 0.0) @ self.weights + self.bias

    def to_json(self, about: dict) -> str:
        def plain(a: np.ndarray):
            return np.round(a.astype(float), 6).tolist()
        return json.dumps({**about, "features": list(FEATURES), "bias": round(float(self.bias), 6),
                           "linear": plain(self.linear), "hidden_weights": plain(self.hidden_weights), "hidden_bias": plain(self.hidden_bias),
                           "weights": plain(self.weights), "mean": plain(self.mean), "scale": plain(self.scale)}) + "\n"


def fit_ranker(rows: np.ndarray, labels: np.ndarray, hidden: int = 64, alpha: float = 0.3, seed: int = 0) -> SentenceRanker:
    """A ranker fitted to candidate rows and whether each holds the evidence. About one candidate
    in twelve does: the linear part weighs the classes equally, the network sees each positive
    eight times. ``alpha`` is the network's L2 penalty; a fixed seed makes a refit reproducible."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.neural_network import MLPClassifier

    mean, scale = rows.mean(axis=0), rows.std(axis=0) + 1e-6
    z = (rows - mean) / scale
    linear = LogisticRegression(class_weight="balanced", max_iter=5000).fit(z, labels)
    idx = np.concatenate([np.arange(len(labels)), *[np.flatnonzero(labels)] * 8])
    network = MLPClassifier(hidden_layer_sizes=(hidden,), alpha=alpha, max_iter=500, random_state=seed).fit(z[idx], labels[idx])
    (w1, w2), (b1, b2) = network.coefs_, network.intercepts_
    return SentenceRanker(linear.coef_[0].astype(np.float32), w1.astype(np.float32), b1.astype(np.float32),
                          w2[:, 0].astype(np.float32), float(b2[0] + linear.intercept_[0]),
                          mean.astype(np.float32), scale.astype(np.float32))


def holds_evidence(sentence: str, evidence: list[str]) -> bool:
    """The sentence as shown (no list marker) holds a snippet, or is itself part of one (a
    snippet spanning two sentences or list items)."""
    s = norm(unlisted(sentence))
    return bool(s) and any(e and (e in s or s in e) for e in (norm(x) for x in evidence))


def labelled_candidates(chat, items: list[dict]) -> list[tuple[np.ndarray, np.ndarray, np.ndarray, str]]:
    """For each answerable item with evidence, through ``chat``'s own gate, analysis and retrieval:
    its candidates' feature rows, whether each holds the evidence, their hand-weighted scores,
    and the item's family. What the ranker is trained and tested on."""
    from .sentence_selection import describe  # it reads this module's features

    s = chat.settings
    composer = chat.composer
    out = []
    for item in items:
        if item["kind"] not in ("answerable", "followup") or not item["evidence"]:
            continue
        gated = admit(item["question"], item["turns"], max_chars=s.max_input_chars, max_turns=s.max_history_turns,
                      raw_factor=s.raw_input_factor)
        query = chat.understand(gated.message, gated.history)
        vector = chat.encoder.encode_query(query.search_text)
        hits = chat.retriever.search(query.search_text, s.top_k, query_vector=vector)
        candidates = composer.bank.candidates(hits)
        if not candidates:
            continue
        described = describe(composer.bank, s, query, hits, vector, candidates)
        labels = np.array([holds_evidence(composer.index.sentences[i].text, item["evidence"]) for i in candidates])
        out.append((features(described, query.answer_type), labels, np.array([c.hand_score for c in described]),
                    item.get("family", item["id"])))
    return out
