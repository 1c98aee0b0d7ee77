"""What the triage reports: a plain value shared by ``safety.py`` and ``conversation_triage.py``."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RedFlag:
    """Which warning signs were found, and the words that showed them."""

    reasons: tuple[str, ...]
    evidence: tuple[str, ...]
    categories: tuple[str, ...] = ()
