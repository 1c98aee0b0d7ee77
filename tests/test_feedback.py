"""Feedback is appended one whole, size-capped JSON line at a time, at a capped rate."""

from __future__ import annotations

import json
import multiprocessing

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


def test_a_writer_killed_mid_way_leaves_only_complete_records(tmp_path):
    p = multiprocessing.Process(target=_write_many, args=(tmp_path, 100_000))
    p.start()
    p.join(timeout=1.5)
    p.kill()
    p.join()
    lines = (tmp_path / "feedback.jsonl").read_text().splitlines()
    assert lines, "the writer never wrote a record, so this test checked nothing"
    for line in lines:
        json.loads(line)


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
