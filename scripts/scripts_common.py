"""Helpers shared by the scripts in this folder."""

from __future__ import annotations

import json
from pathlib import Path


def load_questions(path: Path) -> list[dict]:
    items = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise SystemExit(f"error: {path}:{n}: not JSON ({exc})")
        for key, default in (("turns", []), ("sources", []), ("evidence", []), ("must_mention", []), ("red_flag", False)):
            item.setdefault(key, default)
        if "question" not in item or "kind" not in item:
            raise SystemExit(f"error: {path}:{n}: needs at least 'question' and 'kind'")
        item.setdefault("id", f"q{n}")
        items.append(item)
    return items
