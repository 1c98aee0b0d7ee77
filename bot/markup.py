"""Text made safe to show as markdown: what users typed, and what the articles say.

Both are untrusted. A question is shown literally (every markdown character
escaped). Article text keeps its light formatting, but can never become a
live element or link: ``<``, ``>`` and entity-like ``&`` are written as HTML
entities, and brackets are escaped so ``[x](javascript:…)`` stays text. The
JSON forms keep the plain text; only what is rendered is escaped.
"""

from __future__ import annotations

import re

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~&])")
_ENTITY_AMP = re.compile(r"&(?=#?\w{1,32};)")


def escape_user_text(text: str) -> str:
    """Show user text literally: no markdown, no HTML, no links."""
    return _MD_SPECIAL.sub(r"\\\1", text).replace("\n", "  \n")


def safe_corpus_text(text: str) -> str:
    """Article text that renders as the words it holds, never as HTML, a link or maths."""
    text = text.replace("\\", "\\\\")  # first, so "\\[x\\](…)" cannot un-escape a bracket
    text = _ENTITY_AMP.sub("&amp;", text)
    text = text.replace("<", "&lt;").replace(">", "&gt;")
    text = text.replace("://", ":&#47;&#47;").replace("$", "&#36;")  # no autolinks, no LaTeX
    return text.replace("[", "\\[").replace("]", "\\]")
