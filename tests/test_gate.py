"""The input gate: every message is normalised, stripped and bounded before anything reads it,
and no pattern in the bot takes more than linear time on adversarial text."""

from __future__ import annotations

import importlib
import pkgutil
import re
import time

import pytest

import bot
from bot.gate import admit, clean, normalise, strip_markup

#: Input shapes that make backtracking regexes blow up: long runs of an opener with no closer.
PATHOLOGICAL = {
    "brackets": "[",
    "image-openers": "![",
    "link-openers": "[a](",
    "tags": "<a",
    "script-openers": "<script",
    "letters": "a",
    "spaces": " ",
    "words": "no hobbling ",
    "negated-symptoms": "not numb and ",
    "hyphens": "-",
    "digits": "10/",
    "colons": ":",
}


def test_zero_width_and_control_characters_do_not_split_words():
    assert normalise("wh\u200by do my h\u200dips hurt\u2060\x00") == "why do my hips hurt "
    assert normalise("ﬁtness") == "fitness"  # NFKC folds compatibility ligatures


def test_lone_surrogates_are_dropped_so_text_stays_encodable():
    text = normalise("hip \ud800pain")
    text.encode("utf-8")
    assert text == "hip pain"


def test_markup_keeps_the_words_and_drops_tags_scripts_and_link_targets():
    text = strip_markup('<b>why</b> do my [hips](javascript:alert(1)) hurt<script>alert(1)</script>?')
    assert "javascript" not in text and "alert" not in text and "<" not in text
    assert text == "why do my hips hurt?"


def test_a_long_message_is_cut_with_a_notice_and_a_short_one_is_not():
    long = admit("why do my hips hurt " * 500, max_chars=2000, max_turns=8, raw_factor=4)
    assert len(long.message) <= 2000 and long.notice and "2,000" in long.notice
    short = admit("why do my hips hurt", max_chars=2000, max_turns=8, raw_factor=4)
    assert short.message == "why do my hips hurt" and short.notice is None


def test_history_keeps_only_the_last_turns_each_cut_to_the_limit():
    turns = [f"turn {i} " + "x" * 5000 for i in range(20)]
    gated = admit("and then?", turns, max_chars=100, max_turns=8, raw_factor=4)
    assert len(gated.history) == 8 and gated.history[0].startswith("turn 12")
    assert all(len(t) <= 100 for t in gated.history)


def test_non_text_input_becomes_text():
    assert clean(None, 100, 4) == ("", False)
    assert clean(12345, 100, 4) == ("12345", False)


def _all_patterns() -> list[tuple[str, re.Pattern]]:
    """Every compiled regex at module level in the bot package (also inside dicts, lists, tuples)."""
    found = []
    for info in pkgutil.iter_modules(bot.__path__):
        module = importlib.import_module(f"bot.{info.name}")
        for name, value in vars(module).items():
            stack = [(f"{info.name}.{name}", value)]
            while stack:
                label, item = stack.pop()
                if isinstance(item, re.Pattern):
                    found.append((label, item))
                elif isinstance(item, dict):
                    stack += [(f"{label}[{k!r}]", v) for k, v in item.items()]
                elif isinstance(item, (list, tuple)):
                    stack += [(f"{label}[{i}]", v) for i, v in enumerate(item)]
    return found  # the red-flag patterns (data, not globals) are covered through safety.detect below


def _seconds(run, text: str) -> float:
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        run(text)
        best = min(best, time.perf_counter() - started)
    return best


def _growth(run, unit: str) -> float:
    """How much longer ``run`` takes on 200,000 characters than on 25,000 (8x the input).

    Linear work grows about 8x; quadratic work 64x. A ratio measured in one run does
    not depend on how fast the machine is. Tiny times are floored so that noise in
    microsecond-scale runs cannot fake growth.
    """
    small = unit * (25_000 // len(unit))
    large = unit * (200_000 // len(unit))  # the size the issue names
    return _seconds(run, large) / max(_seconds(run, small), 2e-4)


@pytest.mark.slow
def test_every_pattern_in_the_bot_is_linear_on_pathological_input():
    patterns = _all_patterns()
    assert len(patterns) > 40, "the pattern collector found too few patterns to mean anything"
    slow = []
    for label, pattern in patterns:
        for shape, unit in PATHOLOGICAL.items():
            growth = _growth(lambda t: sum(1 for _ in pattern.finditer(t)), unit)
            if growth > 24:
                slow.append(f"{label} on {shape}: {growth:.0f}x")
    assert not slow, slow


@pytest.mark.slow
@pytest.mark.parametrize("shape", sorted(PATHOLOGICAL))
def test_whole_text_functions_are_linear_on_pathological_input(shape):
    from bot.cleaning import clean_text
    from bot.safety import detect

    for run in (strip_markup, lambda t: clean(t, 10**9, 4), detect, clean_text):
        growth = _growth(run, PATHOLOGICAL[shape])
        assert growth < 24, f"{getattr(run, '__name__', run)} grows {growth:.0f}x for 8x the input"
