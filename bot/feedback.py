"""Thumbs up/down on answers: an append-only JSONL log that no client can fill.

A record holds what the server itself knows about the rated answer (its id,
the question as the input gate kept it, the cited articles), never text sent
with the click, and is cut to a fixed size. ``RateLimit`` caps how many
records one session may add per minute.

``summarise`` and ``disliked_questions`` turn the log into something to act
on (``python -m bot feedback``): counts, and the disliked questions in the
evaluation set's format, ready to be labelled.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
import time
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path

FEEDBACK_FILE = "feedback.jsonl"


@dataclass(frozen=True)
class Rated:
    """What is remembered of one answer so that a later click can be recorded."""

    answer_id: str
    question: str
    turns: tuple[str, ...]
    sources: tuple[str, ...]
    kind: str
    red_flag: bool


def answer_id(markdown: str) -> str:
    """A short stable id for an answer's text: the same answer gets the same id."""
    return hashlib.sha256(markdown.encode("utf-8", "replace")).hexdigest()[:16]


def record_for(rated: Rated, liked: bool, max_bytes: int) -> bytes:
    """One JSON line of at most ``max_bytes``: the question is shortened first if needed."""
    entry = {"time": datetime.now(timezone.utc).isoformat(timespec="seconds"), "liked": bool(liked)}
    entry |= asdict(rated)
    line = json.dumps(entry, ensure_ascii=False)
    while len(line.encode("utf-8")) + 1 > max_bytes and (entry["question"] or entry["turns"]):
        if entry["turns"]:
            entry["turns"] = entry["turns"][1:]  # oldest context goes first
        else:
            entry["question"] = entry["question"][: len(entry["question"]) // 2]
        line = json.dumps(entry, ensure_ascii=False)
    return (line + "\n").encode("utf-8")


class FeedbackLog:
    """Append-only JSONL; each record is written with one ``write`` so a crash never leaves half a line."""

    def __init__(self, data_dir: Path):
        self.path = Path(data_dir) / FEEDBACK_FILE
        self._lock = threading.Lock()

    def append(self, line: bytes) -> None:
        with self._lock:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
            try:
                os.write(fd, line)
                os.fsync(fd)
            finally:
                os.close(fd)

    def read(self) -> list[dict]:
        """Every whole record; a line cut by a crash is skipped."""
        return read_records(self.path)[0]


def read_records(path: Path) -> tuple[list[dict], int]:
    """The whole records of a feedback file, and how many lines could not be read as one.

    A line cut by a crash, or anything else that is not a JSON object with a true/false
    ``liked``, is counted and skipped. A missing file has no records.
    """
    path = Path(path)
    if not path.exists():
        return [], 0
    records, bad = [], 0
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            bad += 1
            continue
        if isinstance(record, dict) and isinstance(record.get("liked"), bool):
            records.append(record)
        else:
            bad += 1
    return records, bad


def _text(value) -> str:
    return value if isinstance(value, str) else ""


def _texts(value) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, (list, tuple)) else []


def summarise(records: list[dict]) -> dict:
    """Counts: ratings, likes, dislikes, rated answers, and dislikes by the answer's kind."""
    dislikes = [r for r in records if r["liked"] is False]
    by_kind: dict[str, int] = {}
    for r in dislikes:
        kind = _text(r.get("kind")) or "unknown"
        by_kind[kind] = by_kind.get(kind, 0) + 1
    return {
        "ratings": len(records),
        "likes": len(records) - len(dislikes),
        "dislikes": len(dislikes),
        "answers": len({r.get("answer_id") for r in records}),
        "dislikes_by_kind": by_kind,
        "dislikes_on_red_flags": sum(1 for r in dislikes if r.get("red_flag") is True),
    }


def question_id(question: str, turns: list[str]) -> str:
    """A stable id for a question and its earlier turns, so a re-export gives the same ids."""
    key = "\x1f".join([*turns, question]).encode("utf-8", "replace")
    return "fb-" + hashlib.sha256(key).hexdigest()[:8]


def disliked_questions(records: list[dict]) -> list[tuple[dict, int]]:
    """Each disliked question once (with its earlier turns), most disliked first, as a row of
    the evaluation set (eval/questions.jsonl) and how many times it was disliked.

    ``evidence`` and ``must_mention`` are empty, to be labelled. ``kind``, ``sources`` and
    ``red_flag`` are what the bot did (red_flag / followup / answerable; the articles it
    cited; whether it raised a red flag), a starting point that labelling must check.
    """
    rows: dict[tuple, dict] = {}
    counts: dict[tuple, int] = {}
    for r in records:
        question = _text(r.get("question")).strip()
        if r["liked"] is not False or not question:
            continue
        turns = _texts(r.get("turns"))
        key = (question, tuple(turns))
        counts[key] = counts.get(key, 0) + 1
        if key in rows:
            continue
        red_flag = r.get("red_flag") is True
        rows[key] = {
            "id": question_id(question, turns),
            "kind": "red_flag" if red_flag else "followup" if turns else "answerable",
            "question": question,
            "turns": turns,
            "sources": _texts(r.get("sources")),
            "evidence": [],
            "must_mention": [],
            "red_flag": red_flag,
        }
    order = sorted(rows, key=lambda k: -counts[k])  # stable: ties keep the order first disliked
    return [(rows[k], counts[k]) for k in order]


@dataclass
class RateLimit:
    """At most ``per_minute`` events in any 60 s window (one per session, so no lock needed)."""

    per_minute: int
    times: list[float] = field(default_factory=list)

    def allow(self, now: float | None = None) -> bool:
        now = time.monotonic() if now is None else now
        self.times = [t for t in self.times if now - t < 60.0]
        if len(self.times) >= self.per_minute:
            return False
        self.times.append(now)
        return True
