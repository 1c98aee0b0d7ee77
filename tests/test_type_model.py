"""The learned answer-type model: it types runners' questions as the graders did more often than the cue rules."""

from __future__ import annotations

import json

import numpy as np
import pytest

from bot.config import PROJECT_ROOT
from bot.query import analyse
from bot.question_sets import load_items
from bot.type_model import TYPE_MODEL_FILE, TypeModel


def test_the_model_agrees_with_the_graders_more_often_than_the_cue_rules(chat):
    items = [i for i in load_items(PROJECT_ROOT / "eval" / "answers_dev.jsonl") if i["kind"] in ("answerable", "followup")]
    assert chat.types is not None
    learned = np.mean([chat.understand(i["question"], i["turns"]).answer_type == i["answer_type"] for i in items])
    by_rules = np.mean([analyse(i["question"], i["turns"][-chat.settings.history_turns:]).answer_type == i["answer_type"]
                        for i in items])
    assert learned > by_rules + 0.05, (learned, by_rules)


def test_a_type_model_trained_on_other_types_is_refused(tmp_path):
    data = json.loads(TYPE_MODEL_FILE.read_text(encoding="utf-8"))
    data["rule_types"] = data["rule_types"][:-1]
    stale = tmp_path / "types.json"
    stale.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ValueError, match="re-run scripts/train_answer_types.py"):
        TypeModel.load(stale)

