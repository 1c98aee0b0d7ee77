"""Thumbs up/down on answers: an append-only JSONL log that no client can fill.

A record holds what the server itself knows about the rated answer (its id,
the question as the input gate kept it, the cited articles), never text sent
with the click, and is cut to a fixed size. ``RateLimit`` caps how many
records one session may add per minute.
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
        if not self.path.exists():
            return []
        records = []
        for line in self.path.read_text(encoding="utf-8", errors="replace").splitlines():
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError:
                continue
        return records


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
