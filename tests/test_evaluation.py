"""The scorer itself, on hand-made results, so its numbers can be trusted."""

from __future__ import annotations

import pytest

from bot.evaluation import first_hit_rank, score
from bot.timing import percentile


def item(id, kind, red=False, evidence=(), sources=(), must=()):
    return {"id": id, "kind": kind, "question": f"q {id}", "turns": [], "sources": list(sources),
            "evidence": list(evidence), "must_mention": list(must), "red_flag": red}


def result(answer="", refused=False, red=False, cited=(), retrieved=(), latency=10.0, kind="answer"):
    ranked = list(retrieved)
    return {"answer": answer, "refused": refused, "red_flag": red, "kind": kind, "latency_ms": latency,
            "citations": [{"doc_id": d} for d in cited],
            "retrieved": {"hybrid": ranked, "dense": ranked[::-1], "bm25": []}}


def test_evidence_matching_ignores_case_whitespace_and_curly_quotes():
    texts = ["nothing here", "Runner’s  Hip is an\numbrella TERM for pain"]
    assert first_hit_rank(texts, ["runner's hip is an umbrella term"]) == 2
    assert first_hit_rank(texts, ["not present"]) is None


def test_a_known_hit_a_known_miss_and_a_red_flag_false_positive():
    items = [
        item("hit", "answerable", evidence=["glute bridges"], sources=["A"], must=["bridge", "sets"]),
        item("miss", "answerable", evidence=["clamshell"], sources=["B"], must=["clamshell"]),
        item("flag", "red_flag", red=True),
        item("calm", "answerable", must=[]),
        item("tax", "off_topic"),
    ]
    results = [
        result("Do glute bridge work: 3 sets [1]", cited=["A", "C"], retrieved=["x", "Glute  Bridges help", "y"]),
        result("Stretch your hips [1]", cited=["B"], retrieved=["a", "b", "c", "d", "e"]),
        result("disclaimer", red=True),
        result("fine", red=True),  # a false positive
        result("I don't know", refused=True, kind="refusal"),
    ]
    s = score(items, results)
    hybrid = s.retrieval["hybrid"]
    assert hybrid["n"] == 2
    assert hybrid["hit@1"] == 0.0 and hybrid["hit@3"] == 0.5 and hybrid["hit@5"] == 0.5
    assert hybrid["mrr"] == pytest.approx((1 / 2 + 0) / 2)
    # dense saw the same lists reversed: the hit stays at rank 2 of 3
    assert s.retrieval["dense"]["hit@1"] == 0.0 and s.retrieval["dense"]["hit@3"] == 0.5
    assert s.retrieval["bm25"]["mrr"] == 0.0
    assert s.citation_precision == pytest.approx(2 / 3)
    assert s.must_mention == pytest.approx((1.0 + 0.0) / 2)
    assert s.red_flag_recall == 1.0 and s.red_flag_precision == 0.5
    assert s.refusal_rate == 1.0 and s.false_refusal_rate == 0.0
    failed = {f["id"]: f["problems"] for f in s.failures}
    assert set(failed) == {"miss", "calm"}
    assert "red flag raised on a question without one" in failed["calm"]


def test_answering_an_off_topic_question_and_refusing_an_answerable_one_are_failures():
    items = [item("cake", "off_topic"), item("hips", "answerable", evidence=["hip"])]
    results = [result("Bake at 180C"), result("I don't know", refused=True, kind="refusal", retrieved=["hip"])]
    s = score(items, results)
    assert s.refusal_rate == 0.0 and s.false_refusal_rate == 1.0
    assert len(s.failures) == 2


def test_percentiles_interpolate():
    assert percentile([10, 20, 30, 40], 0.5) == 25
    assert percentile([5], 0.95) == 5
    assert percentile([], 0.5) == 0.0


def test_results_must_align_with_items():
    with pytest.raises(ValueError):
        score([item("a", "answerable")], [])
