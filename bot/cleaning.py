"""Turn a scraped article into clean text a reader can be shown.

Pure functions, no I/O. The seeds are web pages flattened to text, so they
carry things that are not content: the page title and image captions echoed
above the body, FAQ expander "+" markers, "Back to top button", a comments
form at the foot, sentences where the site advertises itself, and a paragraph
opening that only repeats its heading. A passage
quoted in an answer must contain none of that, so it goes before chunking.

Cleaning is line-based because the scrapes keep one block (paragraph, list
item, heading) per line; the output keeps exactly that: one block per line,
no blank lines, bullets normalised to "- ".

Saved web pages and PDFs arrive as blocks already (``bot/formats.py`` found
their main text), so ``clean_extracted`` applies only the line-level rules:
no guessing at page chrome, and no cut for a scrape that stopped mid-sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Whole lines that are page furniture wherever they appear.
FURNITURE_LINES = {
    "+",
    "back to top button",
    "related articles",
    "related posts",
    "share this article",
}

#: A line that starts the page foot (comment form and what follows it).
FOOTER_STARTS = {"comments", "leave a reply", "leave a comment", "no comments yet."}

#: A sentence naming a web domain ("At WHY.EDU.VN, we'll…") is the site talking about itself.
_DOMAIN = re.compile(r"\b[\w-]+\.(?:com|edu|org|net|vn|io|co)(?:\.[a-z]{2})?\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"“‘'(]?[A-Z0-9])")
_BULLET = re.compile(r"^\s*(?:[•·●▪◦*-])\s+")
_LONG_BLOCK_WORDS = 20


@dataclass(frozen=True)
class Cleaned:
    """The body text and whatever title the page chrome above it announced."""

    text: str
    leading_title: str | None


def split_sentences(text: str) -> list[str]:
    """Split prose at sentence ends (. ! ? followed by a capital or digit)."""
    return [s for s in _SENTENCE_END.split(text.strip()) if s]


def bare_heading(line: str) -> str:
    """A title-like line without its markdown heading marks and emphasis (user text goes through ``gate.strip_markup``)."""
    return re.sub(r"^#+\s*|\*\*|__", "", line).strip()


def drop_self_promotion(line: str) -> str:
    """Remove the sentences of a line that name a web domain."""
    if not _DOMAIN.search(line):
        return line
    kept = [s for s in split_sentences(line) if not _DOMAIN.search(s)]
    return " ".join(kept)


def drop_echoed_heading(line: str, above: str | None) -> str:
    """Remove a first sentence that only repeats the heading or title right above it.

    "Why Do My Hips Hurt After Running? Hip discomfort following a run…" under
    the title "Why Do My Hips Hurt After Running? Understanding the Causes…":
    the echo says nothing, and its words made that intro the best keyword match
    for many unrelated questions.
    """
    sentences = split_sentences(line)
    if not above or len(sentences) < 2:
        return line
    echo = sentences[0].rstrip(" ?.!:").lower()
    if len(echo.split()) >= 3 and bare_heading(above).lower().startswith(echo):
        return line[line.index(sentences[1]):]
    return line


def normalise_lines(raw: str) -> list[str]:
    """Non-empty lines with runs of whitespace collapsed (and no BOM or CR)."""
    raw = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    lines = [" ".join(line.split()) for line in raw.split("\n")]
    return [line for line in lines if line]


def cut_footer(lines: list[str]) -> list[str]:
    """Drop the page foot: a comment-form line in the second half and all after it."""
    for i, line in enumerate(lines):
        if bare_heading(line).lower() in FOOTER_STARTS and i > len(lines) // 2:
            return lines[:i]
    return lines


def clean_blocks(lines: list[str], above: str | None = None) -> list[str]:
    """Line-level cleaning of body blocks: furniture, bullets, self-promotion, echoed headings.

    ``above`` is the title (or the line) just before the first block, so an
    opening sentence that only repeats it can be dropped.
    """
    out: list[str] = []
    for line in lines:
        if bare_heading(line).lower() in FURNITURE_LINES:
            continue
        line = _BULLET.sub("- ", line)
        line = drop_echoed_heading(drop_self_promotion(line), out[-1] if out else above)
        if line and line not in ("-",):
            out.append(line)
    return out


def clean_text(raw: str) -> Cleaned:
    """Clean one scraped article; return its body and the title found above it.

    Everything before the first real paragraph (a line of 20+ words) is page
    chrome: site name, repeated title lines, image captions. Its last line is
    the title the page shows, kept as ``leading_title`` so an article without
    metadata still gets one.
    """
    lines = normalise_lines(raw)
    lead_end = next(
        (i for i, line in enumerate(lines) if len(line.split()) >= _LONG_BLOCK_WORDS), 0
    )
    leading = [bare_heading(line) for line in lines[:lead_end]]
    # The chrome ends with the title itself (site name and captions come first).
    leading_title = leading[-1] if leading else None
    out = clean_blocks(cut_footer(lines[lead_end:]), leading_title)
    # A scrape that stops mid-sentence leaves a fragment; keep only whole sentences.
    if out and not re.search(r"[.!?:)\"”’]$", out[-1]):
        whole = split_sentences(out[-1])[:-1]
        out[-1:] = [" ".join(whole)] if whole else []
    return Cleaned(text="\n".join(out), leading_title=leading_title)


def clean_extracted(lines: list[str], above: str | None = None, *, footer: bool = True) -> list[str]:
    """Clean the blocks a format reader extracted from a saved web page or a PDF page.

    The reader has already found the main text, so there is no page chrome to
    guess at and nothing was cut off by a scrape: only whitespace, the page
    foot (``footer``) and the line-level furniture are removed.
    """
    lines = [" ".join(line.split()) for line in lines]
    lines = [line for line in lines if line]
    return clean_blocks(cut_footer(lines) if footer else lines, above)


def apply_glossary(text: str, glossary: dict[str, str]) -> str:
    """Replace garbled phrases with their reviewed repairs, longest phrase first.

    Matching is on word boundaries and ignores case; the replacement takes the
    capitalisation of the first letter of what it replaces, so "Operating Type"
    becomes "Running Form" and "operating" becomes "running".
    """
    if not glossary:
        return text
    phrases = sorted(glossary, key=len, reverse=True)
    pattern = re.compile(
        r"(?<![\w-])(" + "|".join(re.escape(p) for p in phrases) + r")(?![\w-])", re.IGNORECASE
    )
    lowered = {p.lower(): r for p, r in glossary.items()}

    def repl(m: re.Match) -> str:
        found = m.group(0)
        fixed = lowered[found.lower()]
        if found[:1].isupper() and fixed[:1].islower():
            fixed = fixed[:1].upper() + fixed[1:]
        if found.istitle() and " " in found:
            fixed = " ".join(w[:1].upper() + w[1:] for w in fixed.split(" "))
        return fixed

    return pattern.sub(repl, text)
