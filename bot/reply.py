"""What one reply is made of, as plain frozen dataclasses: the quotes, their sources, and the
whole answer as the user gets it. The composer (``answer.py``) fills ``Composed``; ``Chat.reply``
turns it into an ``Answer`` once; the app, the CLI and the evaluation read ``Answer``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Citation:
    n: int
    doc_id: str
    title: str
    section: str
    text: str
    """The whole cited passage (the passages of one section joined, their overlap once), so a
    reader (or a test) can check every quoted sentence."""
    score: float


@dataclass(frozen=True)
class Quote:
    text: str
    citation: int


@dataclass(frozen=True)
class Composed:
    """What the composer wrote: the reply's text and what it quotes and cites."""

    markdown: str
    kind: str
    """"answer", "refusal" (the library does not cover it) or "prompt" (nothing was asked)."""
    citations: tuple[Citation, ...] = ()
    quotes: tuple[Quote, ...] = ()


@dataclass(frozen=True)
class Answer:
    """One reply as the user gets it, built once by ``Chat.reply`` from a ``Composed``."""

    markdown: str
    kind: str
    citations: tuple[Citation, ...]
    quotes: tuple[Quote, ...]
    red_flag_reasons: tuple[str, ...]
    disclaimer: str | None
    answer_type: str
    notice: str | None
    question: str
    """The message as the input gate kept it (normalised, cut): what the app shows and remembers."""
    retrieval_query: str
    """What was searched for ("" when nothing was asked)."""
    latency_ms: float

    @property
    def refused(self) -> bool:
        return self.kind == "refusal"

    @property
    def red_flag(self) -> bool:
        """A red flag is exactly when the disclaimer is shown."""
        return self.disclaimer is not None

    def to_dict(self) -> dict:
        return {
            "answer": self.markdown,
            "citations": [
                {"n": c.n, "doc_id": c.doc_id, "title": c.title, "section": c.section,
                 "text": c.text, "score": round(c.score, 4)}
                for c in self.citations
            ],
            "quotes": [q.text for q in self.quotes],
            "red_flag": self.red_flag,
            "red_flag_reasons": list(self.red_flag_reasons),
            "disclaimer": self.disclaimer,
            "refused": self.refused,
            "kind": self.kind,
            "answer_type": self.answer_type,
            "notice": self.notice,
            "latency_ms": round(self.latency_ms, 2),
        }
