"""Answer-level metrics: what a reader sees in the bullets, per split and per answer type.

Pure: takes the items (``question_sets.load_items``) and the results ``scripts/evaluate.py``
recorded for them. "Filler" is defined in ``bot/text.is_filler``; a "repeat" is two bullets
sharing ``Settings.same_point_words`` of their content words, the composer's own test.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass

from .config import Settings
from .targets import Targets
from .question_sets import REFUSE_KINDS
from .text import content_stems, is_filler, norm, overlap


def repeated_pairs(bullets: list[str], cutoff: float = Settings().same_point_words) -> int:
    """Pairs of bullets whose content words overlap by ``cutoff`` or more (Jaccard): the same point twice."""
    stems = [content_stems(b) for b in bullets]
    return sum(1 for i in range(len(stems)) for j in range(i + 1, len(stems)) if overlap(stems[i], stems[j]) >= cutoff)


def contains_evidence(text: str, evidence: list[str]) -> bool:
    t = norm(text)
    return any(norm(e) in t for e in evidence if e.strip())


@dataclass(frozen=True)
class AnswerScores:
    """What a reader sees: does the first bullet answer, is the answer in it, is anything padding."""

    n: int
    lead: float
    evidence_in_answer: float
    must_mention: float
    filler_share: float
    repeats: int
    followups_kept: float
    false_refusals: int
    off_topic_refused: float
    by_type: dict  # answer type -> {"n", "lead", "evidence"}
    failures: list[dict]

    def table(self, targets: Targets = Targets()) -> list[tuple[str, str, str]]:
        t = targets
        return [
            ("lead (first bullet holds the evidence)", f"{self.lead:.3f}", f">= {t.lead}"),
            ("evidence in answer", f"{self.evidence_in_answer:.3f}", f">= {t.evidence_in_answer}"),
            ("must-mention coverage", f"{self.must_mention:.3f}", f">= {t.answer_must_mention}"),
            ("follow-ups kept their topic", f"{self.followups_kept:.3f}", f">= {t.followups_kept}"),
            ("false refusals", str(self.false_refusals), "0"),
            ("repeated bullet pairs", str(self.repeats), "0"),
            ("filler share", f"{self.filler_share:.3f}", f"<= {t.filler_share}"),
            ("off-topic refused", f"{self.off_topic_refused:.3f}", "1.0"),
        ]


def answer_scores(items: list[dict], results: list[dict], repair=lambda text: text) -> AnswerScores:
    """Answer-level metrics for results aligned with items. ``repair`` maps an evidence snippet
    to the wording the answer shows (the glossary of the machine-paraphrased article)."""
    lead = found = answered = 0
    mentions, fillers, bullets_total = [], 0, 0
    repeats = false_refusals = followups = followups_ok = off = off_refused = 0
    by_type: dict[str, dict] = {}
    failures = []
    for q, r in zip(items, results):
        if q["kind"] in REFUSE_KINDS:
            off += 1
            off_refused += bool(r["refused"]) or r.get("kind") == "prompt"
            if not r["refused"]:
                failures.append({"id": q["id"], "question": q["question"], "problems": ["answered off-topic"]})
            continue
        answered += 1
        evidence = [*q["evidence"], *(repair(e) for e in q["evidence"])]  # as written, and as repaired
        quotes = r.get("quotes") or []
        problems = []
        if r["refused"]:
            false_refusals += 1
            problems.append("refused")
        first_ok = bool(quotes) and contains_evidence(quotes[0], evidence)
        any_ok = any(contains_evidence(b, evidence) for b in quotes)
        lead += first_ok
        found += any_ok
        if not first_ok:
            problems.append("first bullet lacks the evidence")
        if q["must_mention"]:
            got = sum(norm(m) in norm(r["answer"]) for m in q["must_mention"])
            mentions.append(got / len(q["must_mention"]))
        q_stems = content_stems(" ".join([*q.get("turns", [])[-1:], q["question"]]))
        fill = [b for b in quotes if is_filler(b, q_stems)]
        fillers += len(fill)
        bullets_total += len(quotes)
        pairs = repeated_pairs(quotes)
        repeats += pairs
        if pairs:
            problems.append(f"{pairs} repeated pair(s)")
        if q["kind"] == "followup":
            followups += 1
            followups_ok += any_ok and not r["refused"]
        t = by_type.setdefault(q.get("answer_type", "?"), {"n": 0, "lead": 0, "evidence": 0})
        t["n"] += 1
        t["lead"] += first_ok
        t["evidence"] += any_ok
        if problems:
            failures.append({"id": q["id"], "question": q["question"], "turns": q.get("turns", []),
                             "first": quotes[0] if quotes else None, "problems": problems})
    for t in by_type.values():
        t["lead"] /= t["n"]
        t["evidence"] /= t["n"]
    return AnswerScores(
        n=answered, lead=lead / max(answered, 1), evidence_in_answer=found / max(answered, 1),
        must_mention=statistics.fmean(mentions) if mentions else 0.0,
        filler_share=fillers / max(bullets_total, 1), repeats=repeats,
        followups_kept=followups_ok / followups if followups else 1.0,
        false_refusals=false_refusals, off_topic_refused=off_refused / off if off else 1.0,
        by_type=by_type, failures=failures,
    )
