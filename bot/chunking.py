"""Split cleaned articles into cited pieces: sections, chunks and sentences.

Structure first: headings are recognised in the cleaned text and every piece
knows its section path ("How to Treat Runner's Hip › Stretching"), so a
citation names a place a reader can find. Within a section the body is cut
by langchain's ``RecursiveCharacterTextSplitter`` (lines, then sentences, then
words), and each chunk keeps its character span in the cleaned text, which is
what lets an answer prove that a quoted sentence is really in its source.

The scrapes carry no markup, so headings are recognised by shape:
- enumerated: "3. Poor Running Form", "4.1.2 Symptoms of FAI", "Tip 2: …", "Question 1: …";
- plain: a short line with no closing full stop ("Rest and Recovery", "What is Runner's Hip?");
- sub-headings: a short bullet ("- Overstriding") or a short title ending in ":".
Enumerated headings nest under the plain heading above them; sub-headings
nest under whatever heading is open.

A PDF's sections are also cut at page breaks, and the page joins the path:
"Warning Signs (p. 3)", or "p. 3" for text above the first heading. A chunk
therefore never spans two pages, and every citation says which page it quotes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .cleaning import split_sentences
from .corpus import Document

PATH_SEPARATOR = " › "
_PAGE_MARK = re.compile(r"^p\. [^()]+$| \(p\. [^()]+\)$")
_ENUMERATED = re.compile(
    r"^(?:(?P<num>\d+(?:\.\d+)*)\.?|(?:Tip|Step|Question|Query|Part)\s+(?P<lab>\d+):)\s+(?P<text>\S.*)$"
)
_MD_HEADING = re.compile(r"^(?P<hashes>#{1,6})\s+(?P<text>\S.*)$")
_MAX_HEADING_WORDS = 12
_MAX_HEADING_CHARS = 90
#: A bullet, a numbered item, or a "Short Label: advice…" line: quoted whole.
_LIST_ITEM = re.compile(r"^(?:- |\d+\.\s|[A-Z][\w’'()/-]*(?: [\w’'()/&-]+){0,5}: \S)")


@dataclass(frozen=True)
class Section:
    path: str
    start: int
    end: int
    """Span of the section body (after its heading line) in the document text."""


@dataclass(frozen=True)
class Chunk:
    id: int
    doc_id: str
    title: str
    section: str
    start: int
    end: int
    text: str

    # What each ranker sees for a chunk, side by side so they are changed together.
    @property
    def dense_text(self) -> str:
        """What the model embeds: the section path gives a short passage its topic.

        A PDF page mark ("(p. 3)") is left out: it says where the text is, not what it is about.
        """
        return f"{section_topic(self.section) or self.title}: {self.text}"

    @property
    def keyword_text(self) -> str:
        """What BM25 indexes: the section path, then the text.

        A heading names what its chunk is about, so its words count. An article's
        title names the whole article; it is the "section" only of the untitled
        opening, and giving its words to that chunk alone made it the best keyword
        match for every question phrased like the title.
        """
        return self.text if self.section == self.title else f"{self.section} {self.text}"


@dataclass(frozen=True)
class Sentence:
    """A unit an answer can quote whole: a sentence of prose, or a whole list item."""

    chunk_id: int
    start: int
    end: int
    text: str


def _is_short_title(text: str) -> bool:
    words = text.split()
    return (
        0 < len(words) <= _MAX_HEADING_WORDS
        and len(text) <= _MAX_HEADING_CHARS
        and text[:1].isupper()
        and not re.search(r"[.,;!]$", text)
    )


def _title_cased(text: str) -> bool:
    words = [w for w in re.findall(r"[A-Za-z][\w’'-]*", text) if len(w) > 3]
    return bool(words) and sum(w[0].isupper() for w in words) / len(words) >= 0.6


@dataclass(frozen=True)
class Heading:
    """A heading line: its family and, for numbered kinds, its level or depth.

    ``family`` is "md" (a markdown heading of level ``depth``), "enum" (an enumerated
    heading such as "2.1 Causes", ``depth`` its number of parts), "plain" (a bold or
    short title line) or "sub" (a short titled list item or a "Title:" line).
    """

    family: str
    text: str
    depth: int = 1


def heading_of(line: str) -> Heading | None:
    """Classify a line as a heading, or ``None`` for body text."""
    if m := _MD_HEADING.match(line):
        return Heading("md", m["text"].strip("*# "), len(m["hashes"]))
    if m := _ENUMERATED.match(line):
        text = m["text"]
        if _is_short_title(text) or (text.endswith("?") and len(text.split()) <= 16):
            return Heading("enum", text, len(m["num"].split(".")) if m["num"] else 1)
        return None
    if line.startswith("- "):
        text = line[2:]
        return Heading("sub", text) if _is_short_title(text) and ":" not in text[:-1] else None
    if line.startswith("**") and line.endswith("**"):
        return Heading("plain", line.strip("* "))
    if _is_short_title(line):
        if line.endswith(":"):
            # "Hip Flexor Stretch (Low Lunge):" titles a list; "Common symptoms include:" leads into one.
            return Heading("sub", line[:-1]) if _title_cased(line) else None
        return Heading("plain", line)
    return None


def _level(heading: Heading, stack: list[tuple[int, str, str]]) -> int:
    """Where a heading sits in the open heading path (1 = top)."""
    if heading.family == "md":
        return heading.depth
    if heading.family == "plain":
        return 1
    if heading.family == "enum":
        plain = [lvl for lvl, family, _ in stack if family in ("plain", "md")]
        return (plain[-1] if plain else 0) + heading.depth
    # a sub-heading sits under the open heading, beside sibling sub-headings
    top = stack[-1] if stack else None
    return top[0] if top and top[1] == "sub" else (top[0] + 1 if top else 1)


def sections_of(text: str) -> list[Section]:
    """The document's sections in order, each with its heading path and body span."""
    stack: list[tuple[int, str, str]] = []  # (level, family, text)
    sections: list[Section] = []
    pos = 0
    body_start, current_path = 0, ""

    def close(end: int) -> None:
        if end > body_start:
            sections.append(Section(current_path, body_start, end))

    for line in text.split("\n"):
        line_start, pos = pos, pos + len(line) + 1
        heading = heading_of(line)
        if heading is None:
            continue
        close(line_start)
        level = _level(heading, stack)
        stack = [entry for entry in stack if entry[0] < level] + [(level, heading.family, heading.text)]
        current_path = PATH_SEPARATOR.join(entry[2] for entry in stack)
        body_start = min(pos, len(text))
    close(len(text))
    return sections


def page_path(path: str, label: str) -> str:
    """A section path with its page: "Warning Signs (p. 3)", or "p. 3" where there is no heading."""
    return f"{path} (p. {label})" if path else f"p. {label}"


def section_topic(section: str) -> str:
    """A section path without its page mark ("" for a page with no heading)."""
    return _PAGE_MARK.sub("", section)


def split_at_pages(sections: list[Section], pages: tuple[tuple[int, str], ...], text: str) -> list[Section]:
    """Cut sections at page starts, naming the page in each piece's path."""
    if not pages:
        return sections
    ends = [start for start, _ in pages[1:]] + [len(text)]
    pieces = []
    for section in sections:
        for (page_start, label), page_end in zip(pages, ends):
            start, end = max(section.start, page_start), min(section.end, page_end)
            if end > start and text[start:end].strip():
                pieces.append(Section(page_path(section.path, label), start, end))
    return pieces


def chunk_document(
    doc: Document, chunk_size: int, chunk_overlap: int, first_id: int = 0
) -> list[Chunk]:
    """Cut each section body into chunks that carry their span in ``doc.text``."""
    from langchain_text_splitters import RecursiveCharacterTextSplitter  # build time only

    splitter = RecursiveCharacterTextSplitter(
        chunk_size=chunk_size,
        chunk_overlap=chunk_overlap,
        separators=["\n", ". ", "; ", ", ", " ", ""],
        keep_separator="end",
        add_start_index=True,
        strip_whitespace=True,
    )
    chunks: list[Chunk] = []
    for section in split_at_pages(sections_of(doc.text), doc.pages, doc.text):
        body = doc.text[section.start : section.end]
        for piece in splitter.create_documents([body]):
            start = section.start + piece.metadata["start_index"]
            end = start + len(piece.page_content)
            assert doc.text[start:end] == piece.page_content  # spans must be exact
            chunks.append(
                Chunk(
                    id=first_id + len(chunks),
                    doc_id=doc.doc_id,
                    title=doc.title,
                    section=section.path or doc.title,
                    start=start,
                    end=end,
                    text=piece.page_content,
                )
            )
    return chunks


def chunk_corpus(docs: list[Document], chunk_size: int, chunk_overlap: int) -> list[Chunk]:
    chunks: list[Chunk] = []
    for doc in docs:
        chunks.extend(chunk_document(doc, chunk_size, chunk_overlap, first_id=len(chunks)))
    return chunks


def sentences_of(chunk: Chunk) -> list[Sentence]:
    """The quotable units of a chunk, with spans in the document text.

    A list item ("- Take a Break: Give your hip flexors time to heal. …") is kept
    whole because its label and its advice only make sense together; prose lines
    are split at sentence ends. Units cut off at a chunk edge are dropped: the
    neighbouring chunk holds them whole.
    """
    units: list[Sentence] = []
    offset = 0
    for line in chunk.text.split("\n"):
        line_offset, offset = offset, offset + len(line) + 1
        if not line.strip() or heading_of(line):
            continue
        parts = [line] if _LIST_ITEM.match(line) else split_sentences(line)
        cursor = 0
        for part in parts:
            at = line.index(part, cursor)
            cursor = at + len(part)
            if len(part.split()) < 4 or not re.search(r"[.!?:)”\"]$", part):
                continue  # fragments and headings-in-prose are not worth quoting
            start = chunk.start + line_offset + at
            units.append(Sentence(chunk.id, start, start + len(part), part))
    return units


def continuations(chunks: list[Chunk], chunk_size: int) -> dict[int, tuple[int, ...]]:
    """For each lead-in chunk, the ids of the chunks that complete it.

    A lead-in is a short chunk that only announces what follows: one ending in
    ":" ("Runner's Hip can develop for several reasons, including:") or a
    section's opening lines followed by that section's sub-sections
    ("Strengthening the hip flexors can improve hip mobility."). Its own vector
    matches questions well, because it names the topic, but the answer sits in
    the chunks after it. Retrieval keeps matching on the lead-in alone and
    returns it together with these chunks ("small-to-big"): merging them into
    one chunk at index time blurred the vector and scored worse.

    A lead-in is shorter than half a chunk; it is extended with the chunks that
    follow it in the same article (for a section opening, only its own
    sub-sections) until the passage reaches ``chunk_size`` characters.
    """
    found: dict[int, tuple[int, ...]] = {}
    for i, chunk in enumerate(chunks):
        if len(chunk.text) >= chunk_size / 2:
            continue
        below = section_topic(chunk.section) + PATH_SEPARATOR
        colon = chunk.text.rstrip().endswith(":")
        length, following = len(chunk.text), []
        for nxt in (chunks[j] for j in range(i + 1, len(chunks))):  # no copy of the tail per chunk
            if nxt.doc_id != chunk.doc_id or length >= chunk_size:
                break
            if not (colon or section_topic(nxt.section).startswith(below)):
                break
            following.append(nxt.id)
            length += len(nxt.text)
        if following:
            found[chunk.id] = tuple(following)
    return found
