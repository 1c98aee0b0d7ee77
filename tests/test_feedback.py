"""Feedback is appended one whole, size-capped JSON line at a time, at a capped rate, and
`python -m bot feedback` turns it into counts and disliked questions to label."""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import subprocess
import sys

import pytest

from bot.config import PROJECT_ROOT
from bot.feedback import FeedbackLog, RateLimit, Rated, record_for

RATED = Rated("abc123", "how do I do clamshells?", ("what helps glutes?",), ("001",), "answer", False)


def _write_many(path, n):
    log = FeedbackLog(path)
    for i in range(n):
        log.append(record_for(RATED, i % 2 == 0, 4096))


def test_records_from_concurrent_writers_are_whole_lines(tmp_path):
    procs = [multiprocessing.Process(target=_write_many, args=(tmp_path, 200)) for _ in range(4)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    records = FeedbackLog(tmp_path).read()
    assert len(records) == 800
    assert all(r["question"] == RATED.question and r["answer_id"] == "abc123" for r in records)


def _write_until_killed(path, kill_after_writes):
    """Append records, and be killed (SIGKILL) straight after the ``kill_after_writes``-th write
    to any file: the worst moment for a record written in more than one piece."""
    real_write, writes = os.write, 0

    def write_then_maybe_die(fd, data):
        nonlocal writes
        done = real_write(fd, data)
        writes += 1
        if writes == kill_after_writes:
            os.kill(os.getpid(), signal.SIGKILL)
        return done

    os.write = write_then_maybe_die  # in this child process only
    _write_many(path, kill_after_writes + 5)


@pytest.mark.parametrize("kill_after_writes", [1, 2, 5])
def test_a_writer_killed_mid_way_leaves_only_complete_records(tmp_path, kill_after_writes):
    p = multiprocessing.Process(target=_write_until_killed, args=(tmp_path, kill_after_writes))
    p.start()
    p.join(timeout=60)
    assert p.exitcode == -signal.SIGKILL, f"the writer was not killed mid-way (exit code {p.exitcode})"
    data = (tmp_path / "feedback.jsonl").read_bytes()
    assert data.endswith(b"\n"), data[-200:]  # no half-written record at the end
    records = [json.loads(line) for line in data.decode().splitlines()]
    # one write per record: every write that happened left exactly one whole record
    assert len(records) == kill_after_writes
    assert all(r["question"] == RATED.question and r["answer_id"] == "abc123" for r in records)


def test_a_record_never_exceeds_the_size_cap_however_long_the_question():
    huge = Rated("id", "x" * 100_000, ("y" * 50_000,) * 3, ("001",), "answer", True)
    line = record_for(huge, True, 2048)
    assert len(line) <= 2048
    record = json.loads(line)
    assert record["answer_id"] == "id" and record["liked"] is True and record["question"].startswith("x")


def test_the_rate_limit_allows_a_burst_then_refuses_until_the_minute_passes():
    limit = RateLimit(3)
    assert [limit.allow(now=t) for t in (0, 1, 2, 3)] == [True, True, True, False]
    assert limit.allow(now=61) is True


# --- `python -m bot feedback`: what the ratings say, and the disliked questions to label ------

def run_feedback(data_dir, *args):
    env = os.environ | {"HIPBOT_DATA_DIR": str(data_dir)}
    return subprocess.run([sys.executable, "-m", "bot", "feedback", *args], cwd=PROJECT_ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def rate(log, question, liked, turns=(), sources=("001",), kind="answer", red_flag=False):
    rated = Rated(f"id-{question[:10]}", question, tuple(turns), tuple(sources), kind, red_flag)
    log.append(record_for(rated, liked, 4096))


def test_feedback_summary_counts_ratings_and_exports_disliked_questions_to_label(tmp_path):
    log = FeedbackLog(tmp_path)
    rate(log, "how do I do clamshells?", True)
    rate(log, "how many reps?", False, turns=["how do I do clamshells?"], sources=("003", "004"))
    rate(log, "what helps a sore hip?", True)
    rate(log, "how do I treat a sprained ankle?", False, sources=(), kind="refusal")
    rate(log, "how many reps?", False, turns=["how do I do clamshells?"], sources=("003", "004"))
    rate(log, "I fell and can't walk", False, sources=("002",), red_flag=True)
    rate(log, "stretches for my hips", True)
    with open(log.path, "ab") as f:
        f.write(b'{"liked": fals')  # a line cut by a crash
    out = tmp_path / "to-label" / "disliked.jsonl"

    result = run_feedback(tmp_path, "--out", str(out))
    assert result.returncode == 0 and result.stderr == "", result.stderr
    assert "7 ratings" in result.stdout and "3 likes, 4 dislikes" in result.stdout
    assert "1 unreadable line skipped" in result.stdout
    assert "2x how many reps?" in result.stdout and f"wrote 3 disliked questions to {out}" in result.stdout

    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    example = json.loads((PROJECT_ROOT / "eval" / "questions.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert all(list(row) == list(example) for row in rows)  # the question set's fields, in its order
    assert [r["question"] for r in rows] == ["how many reps?", "how do I treat a sprained ankle?",
                                             "I fell and can't walk"]  # most disliked first
    followup, refused, flagged = rows
    assert followup["turns"] == ["how do I do clamshells?"] and followup["kind"] == "followup"
    assert followup["sources"] == ["003", "004"] and followup["red_flag"] is False
    assert refused["kind"] == "answerable" and refused["turns"] == []
    assert flagged["kind"] == "red_flag" and flagged["red_flag"] is True
    assert all(r["evidence"] == [] and r["must_mention"] == [] for r in rows)
    assert len({r["id"] for r in rows}) == 3
    # The evaluation's own loader takes the file as it is.
    from bot.question_sets import load_items

    assert [item["id"] for item in load_items(out)] == [r["id"] for r in rows]
    # Ids are stable, so exporting again after more feedback gives the same ids.
    again = run_feedback(tmp_path, "--out", str(out))
    assert again.returncode == 0
    assert [json.loads(line)["id"] for line in out.read_text().splitlines()] == [r["id"] for r in rows]


def test_feedback_with_no_file_or_no_dislikes_says_so_and_writes_nothing(tmp_path):
    result = run_feedback(tmp_path)
    assert result.returncode == 0 and result.stderr == ""
    assert result.stdout.startswith("no feedback yet:") and "feedback.jsonl does not exist" in result.stdout
    assert not (tmp_path / "disliked_questions.jsonl").exists()

    (tmp_path / "feedback.jsonl").write_text("")
    result = run_feedback(tmp_path)
    assert result.returncode == 0 and "no feedback yet:" in result.stdout and "holds no ratings" in result.stdout

    rate(FeedbackLog(tmp_path), "how do I do clamshells?", True)
    result = run_feedback(tmp_path)
    assert result.returncode == 0 and "1 rating of 1 answer: 1 like, 0 dislikes" in result.stdout
    assert "no disliked questions: nothing written" in result.stdout
    assert not (tmp_path / "disliked_questions.jsonl").exists()


def test_feedback_writes_beside_the_log_by_default_and_explains_itself(tmp_path):
    rate(FeedbackLog(tmp_path), "why do my hips click?", False)
    result = run_feedback(tmp_path)
    assert result.returncode == 0, result.stderr
    assert json.loads((tmp_path / "disliked_questions.jsonl").read_text())["question"] == "why do my hips click?"
    helped = run_feedback(tmp_path, "--help")
    assert helped.returncode == 0 and "--out" in helped.stdout and "eval/questions.jsonl" in helped.stdout
    clash = run_feedback(tmp_path, "--out", str(tmp_path / "feedback.jsonl"))
    assert clash.returncode == 2 and clash.stderr.startswith("error: ") and "feedback file itself" in clash.stderr
