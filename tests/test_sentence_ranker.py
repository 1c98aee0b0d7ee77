"""The learned sentence ranker: what it reads, and that it beats the hand-weighted score on questions it never saw."""

from __future__ import annotations

import json

import numpy as np
import pytest

from bot.config import PROJECT_ROOT
from bot.question_sets import load_items
from bot.sentence_ranker import FEATURES, RANKER_FILE, SentenceRanker, fit_ranker, holds_evidence, labelled_candidates

EVAL = PROJECT_ROOT / "eval"


def test_a_ranker_fitted_without_the_dev_set_leads_with_its_evidence_more_often_than_the_hand_score(chat):
    """Fitted on the other answer sets, scored on dev, through the app's own analysis and retrieval."""
    train = [row for name in ("answers_test", "answers_test2", "answers_test3")
             for row in labelled_candidates(chat, load_items(EVAL / f"{name}.jsonl"))]
    ranker = fit_ranker(np.vstack([r[0] for r in train]), np.concatenate([r[1] for r in train]))
    dev = labelled_candidates(chat, load_items(EVAL / "answers_dev.jsonl"))
    learned = np.mean([labels[int(np.argmax(ranker.score(rows)))] for rows, labels, _, _ in dev])
    hand = np.mean([labels[int(np.argmax(scores))] for _, labels, scores, _ in dev])
    assert learned > hand + 0.05, (learned, hand)


def test_the_app_orders_sentences_with_the_shipped_ranker(chat):
    shipped = SentenceRanker.load()
    assert chat.composer.ranker is not None and np.array_equal(chat.composer.ranker.weights, shipped.weights)


def test_a_ranker_trained_on_other_features_is_refused(tmp_path):
    data = json.loads(RANKER_FILE.read_text(encoding="utf-8"))
    data["features"] = list(FEATURES[:-1])
    stale = tmp_path / "ranker.json"
    stale.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ValueError, match="re-run scripts/train_sentence_ranker.py"):
        SentenceRanker.load(stale)


@pytest.mark.parametrize("sentence, evidence, held", [
    ("Duration: 30 seconds on each side.", ["30 seconds on each side"], True),
    ("Rest.", ["Rest. Then ice the area"], True),  # a snippet spanning two sentences
    ("- Ice: apply for 15 minutes", ["Rest: take a day off. Ice: apply for 15 minutes"], True),  # list marker dropped
    ("Clamshells target the glutes.", ["30 seconds on each side"], False),
    ("", ["anything"], False),
])
def test_a_candidate_is_labelled_by_whether_it_holds_an_evidence_snippet(sentence, evidence, held):
    assert holds_evidence(sentence, evidence) is held
