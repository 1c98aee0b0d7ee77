"""Thumbs up/down feedback is appended one whole JSON line at a time."""

from __future__ import annotations

import json
import multiprocessing

from bot.app import FeedbackLog


def _write_many(path, n):
    log = FeedbackLog(path)
    for i in range(n):
        log.record({"liked": i % 2 == 0, "answer": "x" * 500, "i": i})


def test_records_from_concurrent_writers_are_whole_lines(tmp_path):
    procs = [multiprocessing.Process(target=_write_many, args=(tmp_path, 200)) for _ in range(4)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    lines = (tmp_path / "feedback.jsonl").read_text().splitlines()
    assert len(lines) == 800
    assert all(json.loads(line)["answer"] == "x" * 500 for line in lines)


def test_a_writer_killed_mid_way_leaves_only_complete_records(tmp_path):
    p = multiprocessing.Process(target=_write_many, args=(tmp_path, 100_000))
    p.start()
    p.join(timeout=1.0)
    p.kill()
    p.join()
    for line in (tmp_path / "feedback.jsonl").read_text().splitlines():
        json.loads(line)
