"""Find the passages that answer a question: dense + BM25, fused by score.

Dense search (the embedding model, inner product in FAISS) understands
paraphrase ("my hip hurts after a jog"); BM25 (``bm25s``) holds on to rare
exact words the model blurs ("piriformis", "FAI", "10%"). Each candidate's
hybrid score is its cosine plus a weighted, per-question-normalised BM25
score. A per-article cap stops one long article from filling every slot, and
a lead-in chunk ("… for several reasons, including:") is returned together
with the chunks that complete it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

import numpy as np

from .chunking import Chunk, continuations
from .config import Settings
from .index_store import LoadedIndex
from .text import STOP_WORDS

MODES = ("hybrid", "dense", "bm25")


@dataclass(frozen=True)
class Hit:
    chunk: Chunk
    score: float
    """What the hits are ordered by (see ``fuse``); only comparable within one query."""
    dense_score: float
    """Cosine similarity of the question and the chunk: the absolute relevance signal."""
    bm25_score: float
    dense_rank: int | None
    bm25_rank: int | None
    following: tuple[Chunk, ...] = ()
    """When ``chunk`` is a lead-in, the chunks that complete it (see ``chunking.continuations``)."""

    @property
    def passage(self) -> tuple[Chunk, ...]:
        """The chunks a reader is shown: the matched one, then any that complete it."""
        return (self.chunk, *self.following)

    @property
    def text(self) -> str:
        parts, end = [], -1
        for c in self.passage:
            parts.append(c.text[max(0, end - c.start):])  # no overlap text twice
            end = c.end
        return "\n".join(parts)


#: bm25s's default token pattern: a word of two characters or more.
_BM25_TOKEN = re.compile(r"(?u)\b\w\w+\b")


def _stemmer():
    import Stemmer

    return Stemmer.Stemmer("english")


class KeywordIndex:
    """BM25 over each ``Chunk.keyword_text``, rebuilt in memory at load (milliseconds)."""

    def __init__(self, texts: list[str]):
        import bm25s

        self._bm25s = bm25s
        self._stem = _stemmer()
        self.model = bm25s.BM25()
        tokens = bm25s.tokenize(texts, stemmer=self._stem, show_progress=False)
        self.model.index(tokens, show_progress=False)
        self.vocab = set(tokens.vocab)
        stem_of = {i: w for w, i in tokens.vocab.items()}
        self._chunks_with = Counter(stem_of[i] for ids in tokens.ids for i in set(ids))  # chunks using each stem
        self._english = frozenset(bm25s.stopwords.STOPWORDS_EN)

    def _tokens(self, query: str, stopwords: frozenset[str]) -> list[str]:
        """One question's stemmed tokens, exactly as ``bm25s.tokenize`` splits and stems them, without
        its per-call progress bars and vocabulary (a third of a millisecond of every answer)."""
        words = [w for w in _BM25_TOKEN.findall(query.lower()) if w not in stopwords]
        return self._stem.stemWords(words) if words else []

    def unfamiliar(self, query: str) -> float:
        """Share of the question's content words that no chunk ever uses (0 for none).

        "how do I treat a sprained wrist" matches a hip-recovery chunk at cosine
        0.45 on "treat", as well as some real questions match their answers; what
        gives it away is that "sprain" and "wrist" appear nowhere in the library.
        """
        tokens = self._content_tokens(query)
        return sum(t not in self.vocab for t in tokens) / len(tokens) if tokens else 0.0

    def unknown_words(self, query: str) -> list[str]:
        """The question's content words (stemmed) that no chunk ever uses: "europ" in "what's the
        best marathon in europe?", a subject of its own the library does not know."""
        return [t for t in self._content_tokens(query) if t not in self.vocab]

    def rare_words(self, text: str, most_chunks: int) -> list[str]:
        """The words of ``text`` that the library uses in at most ``most_chunks`` chunks ("dysplasia",
        "concrete", "knock"): what makes a turn's subject particular, where "hip" or "sore"
        could be any turn's."""
        words = [w for w in _BM25_TOKEN.findall(text.lower()) if len(w) > 3 and w not in STOP_WORDS and w not in self._english]
        stems = self._stem.stemWords(words) if words else []
        return list(dict.fromkeys(w for w, t in zip(words, stems) if 0 < self._chunks_with.get(t, 0) <= most_chunks))

    def _content_tokens(self, query: str) -> list[str]:
        return self._tokens(query, STOP_WORDS)

    def scores(self, query: str) -> np.ndarray:
        tokens = self._tokens(query, self._english)
        known = [t for t in tokens if t in self.vocab]
        if not known:
            return np.zeros(self.model.scores["num_docs"], dtype=np.float32)
        return np.asarray(self.model.get_scores(known), dtype=np.float32)


def fuse(cosine: dict[int, float], bm25: np.ndarray, weight: float) -> dict[int, float]:
    """Hybrid score of each candidate: its cosine plus ``weight`` × its BM25 score
    as a share of the question's best BM25 score.

    A combination of scores, not of ranks: reciprocal-rank fusion gives a chunk
    far ahead on cosine the same credit as one just behind it, and ranked lower
    in the comparison recorded in docs/tuning.md. Dividing by the best BM25 score
    puts BM25 on the cosine's 0–1 scale whatever the question's length.
    """
    best = float(bm25.max()) if len(bm25) else 0.0
    scale = weight / best if best > 0 else 0.0
    return {i: c + scale * float(bm25[i]) for i, c in cosine.items()}


def top_ids(scores: np.ndarray, depth: int) -> np.ndarray:
    """Ids of the ``depth`` highest scores, best first (ties by id), without sorting everything."""
    depth = min(depth, len(scores))
    if depth == 0:
        return np.zeros(0, dtype=np.int64)
    part = np.argpartition(-scores, depth - 1)[:depth]
    return part[np.lexsort((part, -scores[part]))]


class Retriever:
    """``search(query, k)`` over a loaded index, encoding questions with the index's own model."""

    def __init__(self, index: LoadedIndex, settings: Settings | None = None):
        self.index = index
        self.encoder = index.encoder
        self.settings = settings or Settings()
        self.keywords = KeywordIndex([c.keyword_text for c in index.chunks])
        self.continuations = continuations(index.chunks, index.manifest["chunk_size"])

    def dense(self, query_vector: np.ndarray, depth: int) -> tuple[np.ndarray, np.ndarray]:
        """Chunk ids and cosines, best first."""
        depth = min(depth, self.index.vectors.ntotal)
        scores, ids = self.index.vectors.search(query_vector.reshape(1, -1), depth)
        keep = ids[0] >= 0
        return ids[0][keep], scores[0][keep]

    def cosines(self, query_vector: np.ndarray, ids) -> np.ndarray:
        """Exact cosines of a few chunks (read back from the index, flat or IVF)."""
        ids = np.asarray(list(ids), dtype=np.int64)
        if not len(ids):
            return np.zeros(0, dtype=np.float32)
        return self.index.vectors.reconstruct_batch(ids) @ query_vector

    def hits_for(self, ids: list[int], query_vector: np.ndarray) -> list[Hit]:
        """Hits for chunks chosen by other means than the search (``Composer.recalled``): their
        cosine to the question, no keyword score, and the chunks that complete a lead-in."""
        cosines = self.cosines(query_vector, ids)
        return [Hit(self.index.chunks[i], float(c), float(c), 0.0, None, None,
                    tuple(self.index.chunks[j] for j in self.continuations.get(i, ()) if j not in ids))
                for i, c in zip(ids, cosines)]

    def search(
        self, query: str, k: int | None = None, *, mode: str = "hybrid", query_vector=None
    ) -> list[Hit]:
        """The top ``k`` chunks for ``query``; ``mode`` is hybrid, dense or bm25.

        Each ranker contributes only its top ``Settings.candidates``, so the
        cost grows with the corpus only inside FAISS and BM25 themselves.
        """
        if mode not in MODES:
            raise ValueError(f"mode must be one of {MODES}, not {mode!r}")
        s = self.settings
        k = k or s.top_k
        if query_vector is None:
            query_vector = self.encoder.encode_query(query)
        dense_ids, dense_cos = self.dense(query_vector, s.candidates)
        bm25 = self.keywords.scores(query)
        bm25_order = [int(i) for i in top_ids(bm25, s.candidates) if bm25[i] > 0]
        dense_rank = {int(i): r for r, i in enumerate(dense_ids, 1)}
        bm25_rank = {i: r for r, i in enumerate(bm25_order, 1)}
        cosine = {int(i): float(c) for i, c in zip(dense_ids, dense_cos)}
        missing = [i for i in bm25_order if i not in cosine]
        cosine.update(zip(missing, map(float, self.cosines(query_vector, missing))))

        if mode == "dense":
            fused = {i: cosine[i] for i in dense_rank}
        elif mode == "bm25":
            fused = {i: float(bm25[i]) for i in bm25_rank}
        else:
            fused = fuse(cosine, bm25, s.keyword_weight)

        ordered = sorted(fused, key=lambda i: (-fused[i], -cosine[i], i))
        hits: list[Hit] = []
        per_doc: dict[str, int] = {}
        shown: set[int] = set()
        for i in ordered:
            chunk = self.index.chunks[i]
            if i in shown or per_doc.get(chunk.doc_id, 0) >= s.per_doc_cap:
                continue
            per_doc[chunk.doc_id] = per_doc.get(chunk.doc_id, 0) + 1
            following = [j for j in self.continuations.get(i, ()) if j not in shown]
            shown.update([i, *following])
            hits.append(Hit(chunk, fused[i], cosine[i], float(bm25[i]), dense_rank.get(i), bm25_rank.get(i),
                            tuple(self.index.chunks[j] for j in following)))
            if len(hits) == k:
                break
        return hits
