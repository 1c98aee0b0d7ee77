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

import re
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from .config import Settings
from .index import LoadedIndex
from .markup import safe_corpus_text
from .retrieval import Hit

SUGGESTIONS = (
    "What causes hip pain after running?",
    "Which stretches help tight hip flexors?",
    "When should I see a doctor about hip pain?",
)

PROMPT = (
    "Ask me anything about hip pain after running: causes, stretches and exercises, "
    "recovery, prevention, or when to see a professional."
)

#: (intent, heading shown above the quoted sentences, cue pattern in the question)
INTENTS: tuple[tuple[str, str, str], ...] = (
    ("exercises", "Exercises and how to do them", r"\bhow long (should|do|to|can) (i |you )?hold\b"),
    ("see_professional", "When to get it checked",
     r"\b(doctor|physio\w*|physical therapist|professional|gp|see (a|someone)|medical (help|attention|care)|specialist|diagnos\w*|x-?ray|mri)\b"),
    ("recovery_time", "How long recovery takes",
     r"\b(how long|how many (days|weeks)|when can i (run|start|go back)|recover\w*|heal\w*|go away|back to running)\b"),
    ("exercises", "Exercises and how to do them",
     r"\b(exercise\w*|stretch\w*|strengthen\w*|clamshell\w*|bridge\w*|plank\w*|lunge\w*|how (do|should) i (do|perform|hold)|reps|sets|hold (it|each|the))\b"),
    ("prevention", "How to prevent it",
     r"\b(prevent\w*|avoid\w*|stop (it|this) from|keep (it|this) from|coming back|future|warm[- ]?up|cool[- ]?down|shoes?|footwear)\b"),
    ("treatment", "What helps",
     r"\b(treat\w*|relie\w*|help\w*|ease|soothe|fix|cure|manage|ice|heat|foam roll\w*|rest|what (can|should) i do|get rid)\b"),
    ("causes", "Common causes",
     r"\b(why|cause\w*|reason\w*|what makes|trigger\w*|due to|because)\b"),
)
GENERAL_HEADING = "What the articles say"

#: Sentences that carry the kind of fact an intent asks for get a small boost.
_INTENT_CUES = {
    "recovery_time": r"\b(\d+|few|several)\s*(-\s*\d+\s*)?(days?|weeks?|months?)\b|\brecover",
    "exercises": r"\b(how to perform|hold|repetitions|reps|sets|seconds|lie on|stand|kneel)\b",
    "see_professional": r"\b(consult|doctor|physician|physical therapist|professional|seek)\b",
    "prevention": r"\b(prevent|avoid|gradual|10% rule|warm-up|before running)\b",
    "causes": r"\b(cause|lead to|leads to|result in|contribut|due to|because)\b",
    "treatment": r"\b(ice|rest|stretch|foam|compression|elevat|heat|strength)\b",
}
_DOSING = re.compile(
    r"\b(dose|doses|dosage|milligrams?|mg|how many (pills|tablets|capsules)|how much (ibuprofen|paracetamol|acetaminophen|naproxen|aspirin|advil|tylenol))\b",
    re.IGNORECASE,
)
_LIST_MARK = re.compile(r"^(?:- )?(?:\d+\.\s+)?")
#: Sentences that talk about the article rather than about hips are not answers.
_META = re.compile(
    r"[?:]$|\b(this article|in this article|this exploration|this analysis|the following section|"
    r"discussed below|we'?ll explore|here'?s (how|a|everything)|read on)\b",
    re.IGNORECASE,
)
_TOKEN = re.compile(r"[a-z0-9]+")
_STOP = set(
    "a an the and or of to in on for with my i me is are was it its this that do does did can "
    "should how what when why which after before from at be by if so as your you am have has".split()
)


@dataclass(frozen=True)
class Citation:
    n: int
    doc_id: str
    title: str
    section: str
    text: str
    """The whole cited chunk, so a reader (or a test) can check every quoted sentence."""
    score: float
    chunk_id: int
    span: tuple[int, int]


@dataclass(frozen=True)
class Quote:
    text: str
    citation: int


@dataclass
class Answer:
    markdown: str
    kind: str
    """"answer", "refusal" (the library does not cover it) or "prompt" (nothing was asked)."""
    citations: list[Citation] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    red_flag_reasons: tuple[str, ...] = ()
    disclaimer: str | None = None
    intent: str = "general"
    notice: str | None = None
    question: str = ""
    """The message as the input gate kept it (normalised, cut): what the app shows and remembers."""
    retrieval_query: str = ""
    latency_ms: float = 0.0

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
            "red_flag": self.red_flag,
            "red_flag_reasons": list(self.red_flag_reasons),
            "disclaimer": self.disclaimer,
            "refused": self.refused,
            "kind": self.kind,
            "intent": self.intent,
            "notice": self.notice,
            "latency_ms": round(self.latency_ms, 2),
        }


def detect_intent(question: str) -> str:
    q = question.lower()
    for name, _, pattern in INTENTS:
        if re.search(pattern, q):
            return name
    return "general"


def _heading(intent: str) -> str:
    return next((h for name, h, _ in INTENTS if name == intent), GENERAL_HEADING)


def _words(text: str) -> set[str]:
    return {t for t in _TOKEN.findall(text.lower()) if t not in _STOP and len(t) > 2}


def lead_ins(sentences) -> dict[int, int]:
    """For each sentence after a line ending in ":" in the same chunk, that line's index."""
    found: dict[int, int] = {}
    current: dict[int, int] = {}
    for i, sentence in enumerate(sentences):
        if sentence.chunk_id in current:
            found[i] = current[sentence.chunk_id]
        if sentence.text.rstrip().endswith(":"):
            current[sentence.chunk_id] = i
    return found


def prefix_block(disclaimer: str | None, notice: str | None, reasons: tuple[str, ...] = ()) -> list[str]:
    """Lines that go above any reply: the disclaimer first, so it is never missed, then what
    prompted it, then a notice."""
    lines = []
    if disclaimer:
        lines += [f"> ⚠️ **{disclaimer}**", ""]
        if reasons:
            lines += [f"*What you mentioned that needs care: {'; '.join(reasons)}.*", ""]
    if notice:
        lines += [f"*{notice}*", ""]
    return lines


def render_refusal(disclaimer: str | None, notice: str | None, dosing: bool = False,
                   reasons: tuple[str, ...] = ()) -> str:
    """The honest "I don't know", with questions the library can answer."""
    lines = prefix_block(disclaimer, notice, reasons)
    if dosing:
        lines.append(
            "I don't know: the articles in my library don't give medication doses. "
            "A pharmacist or doctor can tell you what is safe for you."
        )
    else:
        lines.append("I don't know: the articles in my library don't cover that.")
    lines += ["", "Questions I can answer include:"]
    lines += [f"- {s}" for s in SUGGESTIONS]
    return "\n".join(lines)


class Composer:
    """Builds answers from hits; holds the sentence bank of one loaded index."""

    def __init__(self, index: LoadedIndex, settings: Settings, unfamiliar: Callable[[str], float] | None = None):
        """``unfamiliar(question)`` is the share of the question's words the library never
        uses (``KeywordIndex.unfamiliar``); it is asked only about weak matches."""
        self.index = index
        self.settings = settings
        self.unfamiliar = unfamiliar
        # Fixed per index, so worked out once here rather than on every question:
        # which sentences may be quoted (grouped by chunk), and each one's words.
        self.by_chunk: dict[int, list[int]] = {}
        for i, sentence in enumerate(index.sentences):
            if not _META.search(sentence.text):
                self.by_chunk.setdefault(sentence.chunk_id, []).append(i)
        self.words = [_words(sentence.text) for sentence in index.sentences]
        self.lead_in = lead_ins(index.sentences)

    def run(
        self,
        question: str,
        hits: list[Hit],
        query_vector: np.ndarray,
        *,
        disclaimer: str | None = None,
        notice: str | None = None,
        reasons: tuple[str, ...] = (),
    ) -> Answer:
        s = self.settings
        intent = detect_intent(question)
        best = max((h.dense_score for h in hits), default=0.0)
        dosing = bool(_DOSING.search(question))
        off_topic = (best < s.weak_match and self.unfamiliar is not None
                     and self.unfamiliar(question) >= s.unfamiliar_share)
        covered = best >= s.refuse_below and not dosing and not off_topic
        picked = self._select(question, hits, query_vector, intent) if covered else []
        if not picked:
            return Answer(
                render_refusal(disclaimer, notice, dosing, reasons), "refusal",
                disclaimer=disclaimer, intent=intent, notice=notice,
            )

        # Number sources in the order their first sentence appears; keep each
        # source's sentences together and in article order so the reply reads well.
        hit_of = {c.id: h for h in hits for c in h.passage}
        chunk_order: list[int] = []
        for i in picked:
            cid = self.index.sentences[i].chunk_id
            if cid not in chunk_order:
                chunk_order.append(cid)
        citations, quotes = [], []
        for n, cid in enumerate(chunk_order, 1):
            hit = hit_of[cid]
            c = self.index.chunks[cid]
            citations.append(Citation(n, c.doc_id, c.title, c.section, c.text, hit.dense_score, c.id, (c.start, c.end)))
            mine = sorted((i for i in picked if self.index.sentences[i].chunk_id == cid),
                          key=lambda i: self.index.sentences[i].start)
            quotes += [Quote(self._display(self.index.sentences[i].text), n) for i in mine]

        lines = prefix_block(disclaimer, notice, reasons) + [f"**{_heading(intent)}**", ""]
        lines += [f"- {safe_corpus_text(q.text)} [{q.citation}]" for q in quotes]
        lines += ["", "**Sources**"]
        lines += [f"{c.n}. {safe_corpus_text(c.title)}" + (f" — {safe_corpus_text(c.section)}" if c.section != c.title else "")
                  for c in citations]
        return Answer("\n".join(lines), "answer", citations, quotes,
                      disclaimer=disclaimer, intent=intent, notice=notice)

    @staticmethod
    def _display(text: str) -> str:
        """Drop the list marker ("- ", "2. "); the rest is quoted exactly."""
        return _LIST_MARK.sub("", text, count=1)

    def _select(self, question: str, hits: list[Hit], query_vector: np.ndarray, intent: str) -> list[int]:
        """Pick the best sentences within the word budget, skipping near-duplicates."""
        s = self.settings
        candidates = [i for h in hits for c in h.passage for i in self.by_chunk.get(c.id, [])]
        if not candidates:
            return []
        vecs = self.index.sentence_vectors[candidates]
        sims = vecs @ query_vector
        # A list item is as relevant as the line that introduces it: "Physical Therapy:
        # Strengthening exercises…" answers "how is a labral tear treated" through
        # "Management strategies for labral tears include:", which names the topic.
        leads = [(j, self.lead_in[i]) for j, i in enumerate(candidates) if i in self.lead_in]
        if leads:
            lead_sims = self.index.sentence_vectors[[i for _, i in leads]] @ query_vector
            for (j, _), lead_sim in zip(leads, lead_sims):
                sims[j] = max(sims[j], lead_sim)
        hit_score = {c.id: h.dense_score for h in hits for c in h.passage}
        q_words = _words(question)
        cue = re.compile(_INTENT_CUES[intent], re.IGNORECASE) if intent in _INTENT_CUES else None
        scores = []
        for j, i in enumerate(candidates):
            sent = self.index.sentences[i]
            overlap = len(q_words & self.words[i]) / max(len(q_words), 1)
            score = 0.6 * sims[j] + 0.3 * hit_score[sent.chunk_id] + 0.15 * overlap
            if cue and cue.search(sent.text):
                score += 0.05
            scores.append(score)

        order = np.argsort(-np.asarray(scores), kind="stable")
        picked: list[int] = []
        picked_vecs: list[np.ndarray] = []
        words = 0
        for j in order:
            if sims[j] < s.sentence_floor and picked:
                continue
            i = candidates[j]
            v = vecs[j]
            if any(float(v @ p) > 0.9 for p in picked_vecs):
                continue  # the same advice from another article adds nothing
            n_words = len(self.index.sentences[i].text.split())
            if picked and words + n_words > s.max_words:
                continue
            picked.append(i)
            picked_vecs.append(v)
            words += n_words
            if len(picked) >= s.max_sentences:
                break
        return picked
