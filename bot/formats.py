"""Read the article formats people save: web pages (``.html``/``.htm``) and PDFs.

Each reader returns plain-text blocks, one per line, in the shape the rest of
the pipeline already reads for ``.txt``/``.md`` articles: a heading is a
markdown heading line (``## Symptoms``), a list item starts with ``- ``, and
every other line is a paragraph. No markup survives: scripts, styles, event
handlers and link targets never reach the text, only the words a reader sees.

- Web pages go through trafilatura, which finds the main text (dropping
  navigation, footers, comments and scripts) and keeps headings and lists in
  its XML output; the XML is turned into lines here. The title is
  trafilatura's metadata title (the page's ``<title>``, tidied), or failing
  that the page's first ``<h1>``.
- PDFs go through pypdf page by page. A PDF's text comes as visual lines, so
  lines are joined back into paragraphs (a line that ends a sentence, a short
  line and a bullet each end a block; a word hyphenated at a line end is
  mended), running headers, footers and page numbers are removed, and a
  sentence a page break cut in two is kept whole on the page where it
  starts. Each page keeps its label (``reader.page_labels``: what a PDF viewer
  shows, ``"3"`` unless the PDF numbers its pages otherwise), which becomes
  part of the citation. The title is the PDF's own /Title when it looks like a
  title, or else its opening line.

A file that holds no text a reader could use (a scanned PDF, a password, a
page with no main text, a damaged file) raises :class:`Unreadable` with the
reason; the corpus loader names the file, leaves it out and goes on.
"""

from __future__ import annotations

import io
import logging
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

HTML_SUFFIXES = (".html", ".htm")
PDF_SUFFIXES = (".pdf",)
EXTRACTED_SUFFIXES = HTML_SUFFIXES + PDF_SUFFIXES
#: The libraries whose versions shape extracted text (recorded in the index manifest).
EXTRACTORS = ("trafilatura", "pypdf")


class Unreadable(Exception):
    """The file has no text we can use; ``str(exc)`` is the reason, for a reader."""


@dataclass(frozen=True)
class Page:
    label: str | None
    """The page label a PDF viewer shows ("3", "iv"); ``None`` for a web page."""
    lines: list[str]


@dataclass(frozen=True)
class Extracted:
    title: str | None
    """The title the file itself gives (HTML <title>, PDF /Title or opening line)."""
    pages: list[Page]


def has_prose(lines: list[str]) -> bool:
    """Whether any block holds a sentence (four or more words and a closing stop) to quote.

    A plain scan of the words, not a regex: page text is untrusted, and "(\\S+\\s+){3,}"
    backtracks quadratically on a long line with no stop.
    """
    return any(any(ch in ".!?:" for word in line.split()[3:] for ch in word)
               for line in lines if not line.startswith("#"))


def _no_prose(where: str, lines: list[str]) -> Unreadable:
    words = " ".join(lines).split()
    found = (f' (only {len(words)} word{"s" if len(words) != 1 else ""} and no sentence: '
             f'"{" ".join(words[:8])}{" …" if len(words) > 8 else ""}")') if words else ""
    return Unreadable(f"no article text found in {where}{found}")


# --- web pages --------------------------------------------------------------

#: Elements of trafilatura's XML that hold blocks, not running text.
_BLOCKS = {"head", "p", "list", "item", "table", "row", "cell", "quote", "code", "div", "main", "body"}


def _inline_text(el) -> str:
    """The words of an element, leaving out the blocks nested inside it."""
    parts = [el.text or ""]
    for child in el:
        if child.tag == "lb":  # a <br>: the words either side stay apart
            parts.append(" ")
        elif child.tag not in _BLOCKS:
            parts.append(_inline_text(child))
        parts.append(child.tail or "")
    return " ".join("".join(parts).split())


def _xml_lines(el, out: list[str]) -> None:
    """Append the blocks of one element of trafilatura's XML: a heading, a table row, or running text."""
    tag = el.tag
    if tag == "head":
        level = re.fullmatch(r"h([1-6])", el.get("rend", ""))
        text = _inline_text(el)
        if text:
            out.append("#" * (int(level[1]) if level else 2) + " " + text)
        return
    if tag == "row":
        cells = [" ".join(" ".join(cell.itertext()).split()) for cell in el]
        if any(cells):
            out.append(" | ".join(cell for cell in cells if cell))
        return
    run: list[str] = [el.text or ""]
    bullet = "- " if tag == "item" else ""

    def flush() -> None:
        nonlocal bullet
        text = " ".join("".join(run).split())
        if text:
            out.append(bullet + text)
            bullet = ""  # text after a nested list continues the item
        run.clear()

    for child in el:
        if child.tag in _BLOCKS:
            flush()
            _xml_lines(child, out)
        else:
            run.append(" " if child.tag == "lb" else _inline_text(child))
        run.append(child.tail or "")
    flush()


def html_lines(xml: str) -> tuple[str | None, list[str]]:
    """The title and the blocks of trafilatura's XML output."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, remove_comments=True, huge_tree=False)
    root = etree.fromstring(xml.encode("utf-8"), parser)
    main = root.find("main")
    lines: list[str] = []
    if main is not None:
        _xml_lines(main, lines)
    title = " ".join((root.get("title") or "").split()) or None
    return title, lines


def read_html(path: Path) -> Extracted:
    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)  # a bad page is reported once, by name
    data = path.read_bytes()
    if not data.strip():
        raise Unreadable("the file is empty")
    try:
        # Bytes, so trafilatura reads the page's own charset declaration.
        xml = trafilatura.extract(
            data, output_format="xml", with_metadata=True, include_comments=False,
            include_links=False, include_images=False, include_tables=True,
        )
    except Exception as exc:  # untrusted input: any failure of the parser is this file's problem
        raise Unreadable(f"cannot be read as a web page ({type(exc).__name__}: {exc})") from exc
    if not xml:
        raise Unreadable("no article text found in the page (only navigation, scripts or nothing at all)")
    title, lines = html_lines(xml)
    if not has_prose(lines):
        raise _no_prose("the page", lines)
    if title is None and lines and lines[0].startswith("# "):
        title = lines[0][2:]
    return Extracted(title, [Page(None, lines)])


# --- PDFs ---------------------------------------------------------------------

_PAGE_NUMBER = re.compile(r"^(?:page\s*)?[-–—\s]*\d+[-–—\s]*(?:(?:of|/)\s*\d+)?$", re.IGNORECASE)
_BULLET_START = re.compile(r"^(?:[•·●▪◦■]\s*|[*–-]\s+|\d{1,2}[.)]\s+)")
_SENTENCE_END = re.compile(r"[.!?:][\"”’')\]]*$")
_ABBREVIATION_END = re.compile(r"\b(?:e\.g|i\.e|etc|vs|Dr|Mr|Mrs|Ms|St|No|Fig|approx|cf)\.$")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u00ad]")
_JUNK_TITLE = re.compile(r"\.(?:docx?|pdf|rtf|odt|tex|indd|pages)$|^(?:microsoft word|untitled)\b", re.IGNORECASE)
#: A line this much shorter than the document's full lines ends its block (a heading, a paragraph's end).
_SHORT_LINE = 0.6


def _pdf_page_lines(text: str) -> list[str]:
    text = _CONTROL.sub("", unicodedata.normalize("NFKC", text))
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return [line for line in lines if line]


def _furniture_keys(pages: list[list[str]]) -> set[str]:
    """Running headers and footers: lines at a page's top or foot that recur on most pages."""
    with_text = [lines for lines in pages if lines]
    if len(with_text) < 2:
        return set()
    counts: dict[str, int] = {}
    for lines in with_text:
        for key in {re.sub(r"\d+", "#", line.lower()) for line in lines[:2] + lines[-2:]}:
            counts[key] = counts.get(key, 0) + 1
    need = max(2, (len(with_text) + 1) // 2)
    return {key for key, n in counts.items() if n >= need}


def _strip_furniture(lines: list[str], furniture: set[str]) -> list[str]:
    edge = set(range(min(2, len(lines)))) | set(range(max(0, len(lines) - 2), len(lines)))
    return [
        line for i, line in enumerate(lines)
        if not (i in edge and (_PAGE_NUMBER.match(line) or re.sub(r"\d+", "#", line.lower()) in furniture))
    ]


def _ends_block(line: str) -> bool:
    return bool(_SENTENCE_END.search(line)) and not _ABBREVIATION_END.search(line)


def reflow(lines: list[str], width: float) -> list[str]:
    """Join a PDF page's visual lines back into blocks (paragraphs, list items, headings).

    A new block starts at a bullet or numbered item, after a line that ends a
    sentence, and after a short line (under 60 % of ``width``, the document's
    full line length) unless the next line carries on in lower case. A word
    hyphenated across lines is joined without the hyphen.
    """
    blocks: list[str] = []
    prev = ""
    for line in lines:
        starts_new = (
            not blocks
            or _BULLET_START.match(line)
            or _ends_block(prev)
            or (len(prev) < _SHORT_LINE * width and not line[:1].islower())
        )
        if starts_new:
            blocks.append(line)
        elif re.search(r"[a-z]-$", blocks[-1]) and line[:1].islower():
            blocks[-1] = blocks[-1][:-1] + line
        else:
            blocks[-1] += " " + line
        prev = line
    return blocks


def _full_width(pages: list[list[str]]) -> float:
    lengths = sorted(len(line) for lines in pages for line in lines)
    return float(lengths[int(0.9 * (len(lengths) - 1))]) if lengths else 0.0


def _mend_page_breaks(pages: list[list[str]]) -> None:
    """Keep a sentence a page break cut in two whole, on the page where it starts."""
    last = None  # index of the previous page with text
    for i, blocks in enumerate(pages):
        if not blocks:
            continue
        if last is not None:
            tail, head = pages[last][-1], blocks[0]
            if not _ends_block(tail) and not _BULLET_START.match(head) and head[:1].islower():
                cut = re.search(r"[.!?][\"”’')\]]*(?=\s|$)", head)
                carried, rest = (head[: cut.end()], head[cut.end():].strip()) if cut else (head, "")
                if re.search(r"[a-z]-$", tail):
                    pages[last][-1] = tail[:-1] + carried
                else:
                    pages[last][-1] = tail + " " + carried
                blocks[:1] = [rest] if rest else []
        if blocks:
            last = i


def _plausible_title(value) -> str | None:
    title = " ".join(str(value or "").split())
    return title if 3 <= len(title) <= 200 and not _JUNK_TITLE.search(title) else None


def _opening_title(blocks: list[str]) -> str | None:
    """The first block of the first page, when it is shaped like a title."""
    first = blocks[0] if blocks else ""
    words = first.split()
    if 0 < len(words) <= 16 and first[:1].isupper() and not _SENTENCE_END.search(first):
        return first
    return None


def read_pdf(path: Path) -> Extracted:
    from pypdf import PdfReader

    data = path.read_bytes()
    if not data.strip():
        raise Unreadable("the file is empty")
    logging.getLogger("pypdf").setLevel(logging.CRITICAL)  # a damaged file is reported once, by name
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            # Many PDFs are encrypted only to restrict printing or copying: the empty password opens them.
            if not reader.decrypt(""):
                raise Unreadable("the PDF is password-protected; save a copy without a password")
        texts = [page.extract_text() or "" for page in reader.pages]
        labels = list(reader.page_labels)
        title = _plausible_title((reader.metadata or {}).get("/Title"))
    except Unreadable:
        raise
    except Exception as exc:  # untrusted input: any failure of the parser is this file's problem
        if type(exc).__name__ == "FileNotDecryptedError":
            raise Unreadable("the PDF is password-protected; save a copy without a password") from exc
        raise Unreadable(f"cannot be read as a PDF ({type(exc).__name__}: {exc})") from exc
    if len(labels) != len(texts):
        labels = [str(i + 1) for i in range(len(texts))]
    raw_pages = [_pdf_page_lines(t) for t in texts]
    if not any(raw_pages):
        raise Unreadable(
            f"no text in the PDF ({len(texts)} page{'s' if len(texts) != 1 else ''}): "
            "it is probably scanned images; run OCR on it or save the article as text"
        )
    if not has_prose([line for lines in raw_pages for line in lines]):
        raise _no_prose("the PDF", [line for lines in raw_pages for line in lines])
    furniture = _furniture_keys(raw_pages)
    raw_pages = [_strip_furniture(lines, furniture) for lines in raw_pages]
    width = _full_width(raw_pages)
    pages = [reflow(lines, width) for lines in raw_pages]
    _mend_page_breaks(pages)
    if title is None:
        title = _opening_title(next((p for p in pages if p), []))
    return Extracted(title, [Page(label, blocks) for label, blocks in zip(labels, pages) if blocks])


def read_extracted(path: Path) -> Extracted:
    """Read a web page or a PDF by its suffix."""
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        return read_html(path)
    if suffix in PDF_SUFFIXES:
        return read_pdf(path)
    raise ValueError(f"not a format read here: {path}")


def extractor_versions() -> dict[str, str]:
    """Versions of the extraction libraries: a different version may extract different text."""
    from importlib.metadata import PackageNotFoundError, version

    found = {}
    for name in EXTRACTORS:
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            found[name] = "missing"
    return found
