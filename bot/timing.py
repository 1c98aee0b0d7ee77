"""Wall-clock timing helpers shared by the benchmarks and the evaluation report."""

from __future__ import annotations

import time


def timed_ms(fn, *args) -> float:
    """Milliseconds one call takes (wall clock)."""
    started = time.perf_counter()
    fn(*args)
    return (time.perf_counter() - started) * 1000


def percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    pos = (len(ordered) - 1) * q
    lo, hi = int(pos), min(int(pos) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (pos - lo)
