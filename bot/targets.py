"""The evaluation's goals: what a report marks as met or not.

The numbers the issues set, never tuned; kept out of ``config.py``, whose values shape what the
bot does, because these only judge it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Targets:
    """What the evaluation report marks as met or not: the goals the issues set, not tuned values."""

    hit_at_5: float = 0.95
    """The evidence passage among the five retrieved for nearly every answerable question."""
    mrr: float = 0.85
    """...and usually first or second."""
    must_mention: float = 0.85
    """The old question set's must-mention words; the answer sets ask 0.90 (``answer_must_mention``)."""
    red_flag_recall: float = 1.0
    """A missed red flag is the one failure this product must not have."""
    red_flag_precision: float = 0.9
    """A needless disclaimer costs little; 0.95 on the red-flag sets (``red_flag_set_precision``)."""
    red_flag_set_precision: float = 0.95
    refusal: float = 0.95
    """Off-topic and adversarial questions refused."""
    lead: float = 0.80
    """The first bullet holds the evidence snippet."""
    evidence_in_answer: float = 0.95
    answer_must_mention: float = 0.90
    followups_kept: float = 0.95
    filler_share: float = 0.10
