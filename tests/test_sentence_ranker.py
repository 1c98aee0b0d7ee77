"""The learned sentence ranker: what it reads, and that it beats the hand-weighted score it replaces."""

from __future__ import annotations

import json

import numpy as np
import pytest

from bot.config import PROJECT_ROOT
from bot.question_sets import load_items
from bot.sentence_ranker import FEATURES, RANKER_FILE, SentenceRanker, holds_evidence, labelled_candidates


def test_the_ranker_leads_with_an_evidence_sentence_more_often_than_the_hand_weighted_score(chat):
    """On the dev answer set, through the app's own retrieval: the candidate each ranks first."""
    ranker = SentenceRanker.load()
    assert ranker is not None and chat.composer.ranker is not None
    data = labelled_candidates(chat, load_items(PROJECT_ROOT / "eval" / "answers_dev.jsonl"))
    learned = np.mean([labels[int(np.argmax(ranker.score(rows)))] for rows, labels, _, _ in data])
    hand = np.mean([labels[int(np.argmax(scores))] for _, labels, scores, _ in data])
    assert learned > hand + 0.05, (learned, hand)


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
    ("Clamshells target the glutes.", ["30 seconds on each side"], False),
])
def test_a_candidate_is_labelled_by_whether_it_holds_an_evidence_snippet(sentence, evidence, held):
    assert holds_evidence(sentence, evidence) is held
