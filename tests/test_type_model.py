"""The learned answer-type model: on questions it never saw, it types as the graders did more often than the cue rules."""

from __future__ import annotations

import json

import numpy as np
import pytest

from bot.config import PROJECT_ROOT
from bot.query import analyse
from bot.question_sets import load_items
from bot.type_model import TYPE_MODEL_FILE, TypeModel, fit_type_model, type_features

EVAL = PROJECT_ROOT / "eval"


def _typed(chat, name: str):
    items = [i for i in load_items(EVAL / f"{name}.jsonl") if i["kind"] in ("answerable", "followup")]
    queries = [analyse(i["question"], i["turns"][-chat.settings.history_turns:]) for i in items]
    rows = np.stack([type_features(chat.encoder.encode_query(q.search_text), q.answer_type) for q in queries])
    return rows, np.array([i["answer_type"] for i in items]), np.array([q.answer_type for q in queries])


def test_a_model_fitted_without_the_dev_set_types_it_more_like_the_graders_than_the_cue_rules(chat):
    parts = [_typed(chat, name) for name in ("answers_test", "answers_test2", "answers_test3")]
    model = fit_type_model(np.vstack([p[0] for p in parts]), np.concatenate([p[1] for p in parts]))
    rows, graders, rules = _typed(chat, "answers_dev")
    learned = np.mean([model.predict_row(row) == g for row, g in zip(rows, graders)])
    assert learned > np.mean(rules == graders) + 0.05, (learned, np.mean(rules == graders))


def test_the_app_types_questions_with_the_shipped_model_and_not_text_without_words(chat):
    assert chat.types is not None
    assert chat.understand("?!?!").answer_type == analyse("?!?!").answer_type


def test_a_type_model_trained_on_other_types_is_refused(tmp_path):
    data = json.loads(TYPE_MODEL_FILE.read_text(encoding="utf-8"))
    data["rule_types"] = data["rule_types"][:-1]
    stale = tmp_path / "types.json"
    stale.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ValueError, match="re-run scripts/train_answer_types.py"):
        TypeModel.load(stale)
