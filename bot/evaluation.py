"""Score the bot's answers against a question set.

The scoring functions are pure (no I/O, no model); ``collect`` is the one
place that runs a question through the bot.

A question set is JSONL with ``id``, ``kind`` (answerable, red_flag,
off_topic, adversarial, followup), ``question``, ``turns``, ``sources``,
``evidence`` (short verbatim snippets a correct passage contains),
``must_mention`` and ``red_flag``. A result is what ``scripts/evaluate.py``
records for one question: the answer's JSON plus the chunk texts each
retrieval mode returned.

A retrieval "hit" is a retrieved chunk that contains one of the evidence
snippets, compared case- and whitespace-insensitively, so the metric does not
depend on chunk ids that change with every rebuild.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass

from .targets import Targets
from .question_sets import ANSWER_KINDS, REFUSE_KINDS
from .retrieval import MODES
from .text import norm
from .timing import percentile


def first_hit_rank(chunk_texts: list[str], evidence: list[str]) -> int | None:
    """1-based rank of the first chunk containing any evidence snippet."""
    snippets = [norm(e) for e in evidence if e.strip()]
    for rank, text in enumerate(chunk_texts, 1):
        t = norm(text)
        if any(s in t for s in snippets):
            return rank
    return None


@dataclass
class Scores:
    retrieval: dict  # mode -> {"hit@1","hit@3","hit@5","mrr","n"}
    citation_precision: float
    must_mention: float
    red_flag_recall: float
    red_flag_precision: float
    refusal_rate: float
    false_refusal_rate: float
    followup_accuracy: float
    latency_p50: float
    latency_p95: float
    failures: list[dict]

    def table(self, targets: Targets = Targets()) -> list[tuple[str, str, str]]:
        """(metric, value, target) rows for the summary."""
        h = self.retrieval.get("hybrid", {})
        t = targets
        return [
            ("hit@1 (hybrid)", f"{h.get('hit@1', 0):.3f}", ""),
            ("hit@3 (hybrid)", f"{h.get('hit@3', 0):.3f}", ""),
            ("hit@5 (hybrid)", f"{h.get('hit@5', 0):.3f}", f">= {t.hit_at_5}"),
            ("MRR (hybrid)", f"{h.get('mrr', 0):.3f}", f">= {t.mrr}"),
            ("citation precision", f"{self.citation_precision:.3f}", ""),
            ("must-mention coverage", f"{self.must_mention:.3f}", f">= {t.must_mention}"),
            ("red-flag recall", f"{self.red_flag_recall:.3f}", f"{t.red_flag_recall}"),
            ("red-flag precision", f"{self.red_flag_precision:.3f}", f">= {t.red_flag_precision}"),
            ("refusal rate (off-topic + adversarial)", f"{self.refusal_rate:.3f}", f">= {t.refusal}"),
            ("false refusals (answerable)", f"{self.false_refusal_rate:.3f}", ""),
            ("follow-up accuracy", f"{self.followup_accuracy:.3f}", ""),
            ("latency p50 (ms)", f"{self.latency_p50:.1f}", ""),
            ("latency p95 (ms)", f"{self.latency_p95:.1f}", ""),
        ]


def retrieval_metrics(items: list[dict], results: list[dict]) -> dict:
    out = {}
    for mode in MODES:
        ranks = [
            first_hit_rank(r["retrieved"][mode], q["evidence"])
            for q, r in zip(items, results)
            if q["evidence"] and mode in r.get("retrieved", {})
        ]
        n = len(ranks)
        out[mode] = {
            "n": n,
            **{f"hit@{k}": (sum(1 for x in ranks if x and x <= k) / n if n else 0.0) for k in (1, 3, 5)},
            "mrr": (sum(1.0 / x for x in ranks if x) / n if n else 0.0),
        }
    return out


@dataclass(frozen=True)
class Judged:
    """What one question's result showed; ``score`` adds these up."""

    flag: str  # "tp", "fp", "fn" or "" (correctly not flagged)
    refusable: bool
    refused: bool
    answerable: bool
    falsely_refused: bool
    cited: int
    cited_ok: int
    mention: float | None  # share of must-mention words in the answer, None when none are listed
    followup: bool
    followup_ok: bool
    problems: tuple[str, ...]


def _red_flag(q: dict, r: dict) -> tuple[str, list[str]]:
    if q["red_flag"] and r["red_flag"]:
        return "tp", []
    if r["red_flag"]:
        return "fp", ["red flag raised on a question without one"]
    if q["red_flag"]:
        return "fn", ["red flag missed"]
    return "", []


def _mentions(q: dict, r: dict) -> tuple[float | None, list[str]]:
    if not q["must_mention"]:
        return None, []
    text = norm(r["answer"])
    missing = [m for m in q["must_mention"] if norm(m) not in text]
    got = len(q["must_mention"]) - len(missing)
    return got / len(q["must_mention"]), (["answer misses: " + ", ".join(missing)] if missing else [])


def judge(q: dict, r: dict) -> Judged:
    """One question's result against its labels."""
    flag, problems = _red_flag(q, r)
    refusable = q["kind"] in REFUSE_KINDS
    declined = bool(r["refused"]) or r.get("kind") == "prompt"  # markup-only input asks again
    if refusable and not declined:
        problems.append("answered a question the library does not cover")
    answerable = q["kind"] in ANSWER_KINDS
    cited = cited_ok = 0
    mention = None
    followup_ok = False
    if answerable:
        if r["refused"]:
            problems.append("refused an answerable question")
        if q["sources"]:
            cited = len(r["citations"])
            cited_ok = sum(c["doc_id"] in q["sources"] for c in r["citations"])
        mention, missing = _mentions(q, r)
        problems += missing
        rank = first_hit_rank(r.get("retrieved", {}).get("hybrid", []), q["evidence"]) if q["evidence"] else 1
        retrieved = bool(rank and rank <= 5)
        if not retrieved:
            problems.append("no evidence passage in the hybrid top 5")
        followup_ok = retrieved and not r["refused"]
    return Judged(flag, refusable, refusable and declined, answerable, answerable and bool(r["refused"]),
                  cited, cited_ok, mention, answerable and q["kind"] == "followup", followup_ok, tuple(problems))


def _share(part: int, whole: int, empty: float) -> float:
    return part / whole if whole else empty


def score(items: list[dict], results: list[dict]) -> Scores:
    """All metrics for results aligned one-to-one with items."""
    if len(items) != len(results):
        raise ValueError("results must align with the questions")
    judged = [judge(q, r) for q, r in zip(items, results)]

    def count(pred) -> int:
        return sum(1 for j in judged if pred(j))

    tp, fp, fn = (count(lambda j, f=f: j.flag == f) for f in ("tp", "fp", "fn"))
    mentions = [j.mention for j in judged if j.mention is not None]
    followups = [j for j in judged if j.followup]
    latencies = [float(r["latency_ms"]) for r in results]
    return Scores(
        retrieval=retrieval_metrics(items, results),
        citation_precision=_share(sum(j.cited_ok for j in judged), sum(j.cited for j in judged), 0.0),
        must_mention=statistics.fmean(mentions) if mentions else 0.0,
        red_flag_recall=_share(tp, tp + fn, 1.0),
        red_flag_precision=_share(tp, tp + fp, 1.0),
        refusal_rate=_share(count(lambda j: j.refused), count(lambda j: j.refusable), 1.0),
        false_refusal_rate=_share(count(lambda j: j.falsely_refused), count(lambda j: j.answerable), 0.0),
        followup_accuracy=_share(sum(j.followup_ok for j in followups), len(followups), 1.0),
        latency_p50=percentile(latencies, 0.5),
        latency_p95=percentile(latencies, 0.95),
        failures=[{"id": q["id"], "kind": q["kind"], "question": q["question"], "problems": list(j.problems)}
                  for q, j in zip(items, judged) if j.problems],
    )


def collect(chat, item: dict, k: int = 5) -> dict:
    """Run one question through ``chat`` (the app's code path) and record what scoring needs."""
    answer = chat.reply(item["question"], item.get("turns") or [])
    result = {"id": item["id"], "kind": item["kind"], "question": item["question"]} | answer.to_dict()
    query = answer.retrieval_query
    if not query:  # nothing was asked (empty or markup-only input): nothing to retrieve
        result["retrieved"] = {mode: [] for mode in MODES}
        return result
    vector = chat.encoder.encode_query(query)
    result["retrieved"] = {
        mode: [h.text for h in chat.retriever.search(query, k, mode=mode, query_vector=vector)] for mode in MODES
    }
    return result


