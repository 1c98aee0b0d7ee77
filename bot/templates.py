"""The fixed words around the quotes: the disclaimer block, headings, sources, refusals, prompts.

Pure functions from what was decided (by ``safety``, ``answer``, ``chat``) to markdown.
Article text passes through ``markup.safe_corpus_text`` so it can never render as HTML
or a link; the disclaimer is passed in, never written here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .markup import safe_corpus_text

if TYPE_CHECKING:
    from .reply import Citation, Quote

SUGGESTIONS = (
    "What causes hip pain after running?",
    "Which stretches help tight hip flexors?",
    "When should I see a doctor about hip pain?",
)

PROMPT = (
    "Ask me anything about hip pain after running: causes, stretches and exercises, "
    "recovery, prevention, or when to see a professional."
)


def prefix_block(disclaimer: str | None, notice: str | None, reasons: tuple[str, ...] = ()) -> list[str]:
    """Lines that go above any reply: the disclaimer first, so it is never missed, then what
    prompted it, then a notice."""
    lines = []
    if disclaimer:
        lines += [f"> ⚠️ **{disclaimer}**", ""]
        if reasons:
            lines += [f"*What you mentioned that needs care: {'; '.join(reasons)}.*", ""]
    if notice:
        lines += [f"*{notice}*", ""]
    return lines


def render_refusal(disclaimer: str | None, notice: str | None, dosing: bool = False,
                   reasons: tuple[str, ...] = ()) -> str:
    """The honest "I don't know", with questions the library can answer."""
    lines = prefix_block(disclaimer, notice, reasons)
    if dosing:
        lines.append(
            "I don't know: the articles in my library don't give medication doses. "
            "A pharmacist or doctor can tell you what is safe for you."
        )
    else:
        lines.append("I don't know: the articles in my library don't cover that.")
    lines += ["", "Questions I can answer include:"]
    lines += [f"- {s}" for s in SUGGESTIONS]
    return "\n".join(lines)


def render_answer(heading: str, quotes: list["Quote"], citations: list["Citation"], prefix: list[str]) -> str:
    """The quoted sentences under their heading, each with its source number, then the sources."""
    lines = [*prefix, f"**{heading}**", ""]
    lines += [f"- {safe_corpus_text(q.text)} [{q.citation}]" for q in quotes]
    lines += ["", "**Sources**"]
    lines += [f"{c.n}. {safe_corpus_text(c.title)}" + (f" — {safe_corpus_text(c.section)}" if c.section != c.title else "")
              for c in citations]
    return "\n".join(lines)
