"""Article text is data: markup in an article is shown as text in every rendered form,
and kept as plain text in the JSON."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import re

import pytest

from bot.reply import Citation
from bot.app import sources_markdown
from bot.config import PROJECT_ROOT

#: Markup that would render as a live element or link (an escaped "\\]" does not).
LIVE = re.compile(r"<script|<img|<b>|(?<!\\)\]\(javascript")

HOSTILE = (
    "Hostile <b>Hip</b> Article\n\n"
    "Rest Days [x](javascript:alert(1))\n"
    "Icing the hip for fifteen minutes calms soreness after a long run <script>alert(1)</script> "
    "and <img src=x onerror=alert(1)> helps you sleep [click me](javascript:alert(2)).\n"
)


def _ask(tmp_path, *args: str) -> str:
    corpus = tmp_path / "corpus"
    corpus.mkdir(exist_ok=True)
    (corpus / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    env = os.environ | {"HIPBOT_CORPUS_DIR": str(corpus), "HIPBOT_INDEX_DIR": str(tmp_path / "index"),
                        "HF_HUB_OFFLINE": "1"}
    done = subprocess.run([sys.executable, "-m", "bot", "ask", *args, "how long should I ice my hip after a run?"],
                          cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


@pytest.mark.slow
def test_markup_in_an_article_never_renders_in_the_cli_answer_but_stays_plain_in_json(tmp_path):
    markdown = _ask(tmp_path)
    assert "fifteen minutes" in markdown
    assert not LIVE.search(markdown), markdown
    data = json.loads(_ask(tmp_path, "--json"))
    assert not LIVE.search(data["answer"])
    assert any("<script>alert(1)</script>" in c["text"] for c in data["citations"])


def test_the_sources_panel_shows_article_markup_as_text():
    citation = Citation(1, "hostile", "A <b>title</b>", "Rest [x](javascript:alert(1))",
                        "Ice it <script>alert(1)</script> and <img src=x onerror=alert(1)>.", 0.9)
    panel = sources_markdown(type("A", (), {"citations": [citation]})())
    assert not LIVE.search(panel), panel
    assert "&lt;script&gt;" in panel and "title" in panel
