"""Evaluation reports: scripts/evaluate.py on a small real question set, charts drawn by matplotlib."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from bot.charts import bar_chart
from bot.config import PROJECT_ROOT


def test_a_bar_chart_is_inline_svg_naming_every_row_and_value():
    svg = bar_chart("Answer quality", [("lead", 0.25), ("evidence in answer", 0.531)], {"lead": 0.8})
    assert svg.startswith("<svg") and "<?xml" not in svg
    for text in ("Answer quality", "lead", "evidence in answer", "0.250", "0.531"):
        assert text in svg


@pytest.mark.slow
def test_evaluate_writes_markdown_and_matplotlib_charts_for_an_answer_set(index, settings, tmp_path):
    items = [
        {"id": "a1", "family": "f1", "kind": "answerable", "answer_type": "exercise_dose",
         "question": "how many sets and reps for clamshells?", "evidence": ["10-12 repetitions"],
         "must_mention": ["clamshell"]},
        {"id": "o1", "family": "f2", "kind": "off_topic", "question": "how do I fix a flat bike tyre?"},
    ]
    answers = tmp_path / "answers_dev.jsonl"
    answers.write_text("".join(json.dumps(i) + "\n" for i in items), encoding="utf-8")
    env = os.environ | {"HIPBOT_INDEX_DIR": str(settings.index_dir), "HIPBOT_DATA_DIR": str(settings.data_dir)}
    out = tmp_path / "out"
    done = subprocess.run(
        [sys.executable, "scripts/evaluate.py", "--answers", str(answers), "--out", str(out), "--quiet"],
        cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=600,
    )
    assert done.returncode == 0, done.stderr
    report = (out / "answers_dev.md").read_text(encoding="utf-8")
    assert "| lead (first bullet holds the evidence) |" in report and "1 off-topic" in report
    page = (out / "answers_dev.html").read_text(encoding="utf-8")
    assert page.count("<svg") == 2 and "matplotlib" in page
