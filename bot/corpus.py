"""Read the article library from ``corpus/``: one file per article.

Articles are plain text or markdown (``.txt``, ``.md``), saved web pages
(``.html``, ``.htm``) or PDFs (``.pdf``); ``bot/formats.py`` extracts the text
of the last two. The document id is the file stem. Titles (and any other metadata) live in
``corpus/metadata.json``; an article without an entry takes the title its own
page chrome announced, or its id. A per-document repair glossary in
``corpus/glossary/<doc_id>.json`` fixes machine-paraphrased wording after
cleaning; the article file itself is never modified, so every repair can be
checked against the original.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

from .cleaning import apply_glossary, clean_extracted, clean_text, bare_heading
from .formats import EXTRACTED_SUFFIXES, HTML_SUFFIXES, Unreadable, read_extracted

TEXT_SUFFIXES = (".txt", ".md")
ARTICLE_SUFFIXES = TEXT_SUFFIXES + EXTRACTED_SUFFIXES
METADATA_FILE = "metadata.json"
GLOSSARY_DIR = "glossary"


class CorpusError(ValueError):
    """A corpus file that cannot be used; the message names the file.

    ``path`` and ``reason`` (the message without the path), where given, let a
    build record what it left out.
    """

    def __init__(self, message: str, *, path: Path | None = None, reason: str | None = None):
        super().__init__(message)
        self.path = path
        self.reason = reason or message


class UnreadableArticle(CorpusError):
    """A saved web page or PDF that holds no text we can use (a scan, a password, no main text).

    Such a file is always left out and named, never fatal: it is how the file
    was saved, not a mistake in the library a re-save would fix. A bad
    ``.txt``/``.md`` file stops the build unless ``skip_bad`` says otherwise.
    """


def _bad(path: Path, reason: str, kind: type[CorpusError] | None = None) -> CorpusError:
    return (kind or CorpusError)(f"{path}: {reason}", path=path, reason=reason)


@dataclass(frozen=True)
class Document:
    doc_id: str
    title: str
    text: str
    """Cleaned (and, where a glossary exists, repaired) text: one block per line."""
    pages: tuple[tuple[int, str], ...] = ()
    """For a PDF, where each page starts: ``(offset in text, page label)`` in order.
    Citations name the page (``"Warning Signs (p. 3)"``); other formats have none."""


@dataclass(frozen=True)
class Library:
    """What a corpus load produced: the documents, and the files it left out and why."""

    documents: list[Document]
    skipped: dict[str, str]
    """File name (relative to the corpus folder) -> reason it was left out."""
    problems: list[str]
    """The same, as messages that name the file by path."""


def article_paths(corpus_dir: Path) -> list[Path]:
    """Every article file in the corpus, in a stable order."""
    if not corpus_dir.is_dir():
        raise CorpusError(f"Corpus folder not found: {corpus_dir}")
    return sorted(
        p for p in corpus_dir.iterdir() if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES
    )


def corpus_files(corpus_dir: Path) -> list[Path]:
    """Every file whose content shapes the index: articles, metadata, glossaries."""
    files = article_paths(corpus_dir)
    meta = corpus_dir / METADATA_FILE
    if meta.is_file():
        files.append(meta)
    gloss = corpus_dir / GLOSSARY_DIR
    if gloss.is_dir():
        files.extend(sorted(gloss.glob("*.json")))
    return files


def file_hashes(corpus_dir: Path) -> dict[str, str]:
    """SHA-256 of every corpus file, keyed by path relative to the corpus folder."""
    return {
        str(p.relative_to(corpus_dir)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in corpus_files(corpus_dir)
    }


def _read_json(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CorpusError(f"{path}: not valid UTF-8 JSON ({exc})") from exc
    if not isinstance(data, dict):
        raise CorpusError(f"{path}: expected a JSON object")
    return data


def load_glossary(corpus_dir: Path, doc_id: str) -> dict[str, str]:
    path = corpus_dir / GLOSSARY_DIR / f"{doc_id}.json"
    if not path.is_file():
        return {}
    replacements = _read_json(path).get("replacements", {})
    if not all(isinstance(k, str) and isinstance(v, str) for k, v in replacements.items()):
        raise CorpusError(f"{path}: 'replacements' must map strings to strings")
    return replacements


def read_article(path: Path) -> str:
    """The article's text; a file that is not UTF-8 or has no text is refused by name."""
    try:
        raw = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _bad(path, f"not UTF-8 text (byte {exc.start}); re-save it as UTF-8 or remove it") from exc
    if "\x00" in raw:
        raise _bad(path, "contains NUL bytes; it looks like a binary file")
    if not raw.strip():
        raise _bad(path, "the file is empty")
    return raw


def _title_key(text: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", bare_heading(text)).split()).casefold()


def _drop_title_line(lines: list[str], titles: set[str]) -> list[str]:
    """Drop an opening line that only repeats the title (a page's <h1>, a PDF's title line)."""
    if lines and not lines[0].startswith("- ") and _title_key(lines[0]) in {_title_key(t) for t in titles if t}:
        return lines[1:]
    return lines


def _load_extracted(path: Path, metadata: dict, corpus_dir: Path) -> Document:
    try:
        extracted = read_extracted(path)
    except Unreadable as exc:
        raise _bad(path, str(exc), UnreadableArticle) from exc
    doc_id = path.stem
    glossary = load_glossary(corpus_dir, doc_id)
    own_title = apply_glossary(extracted.title or "", glossary)
    title = metadata.get(doc_id, {}).get("title") or own_title or doc_id
    texts: list[str] = []
    pages: list[tuple[int, str]] = []
    offset, above = 0, title
    for n, page in enumerate(extracted.pages):
        lines = _drop_title_line(page.lines, {title, own_title, extracted.title or ""}) if n == 0 else page.lines
        cleaned = clean_extracted(lines, above, footer=path.suffix.lower() in HTML_SUFFIXES)
        text = apply_glossary("\n".join(cleaned), glossary)
        if not text.strip():
            continue
        if page.label is not None:
            pages.append((offset, page.label))
        texts.append(text)
        offset += len(text) + 1
        above = cleaned[-1]
    if not texts:
        raise _bad(path, "nothing is left after removing page furniture", UnreadableArticle)
    return Document(doc_id=doc_id, title=title, text="\n".join(texts), pages=tuple(pages))


def load_document(path: Path, metadata: dict, corpus_dir: Path) -> Document:
    if path.suffix.lower() in EXTRACTED_SUFFIXES:
        return _load_extracted(path, metadata, corpus_dir)
    doc_id = path.stem
    cleaned = clean_text(read_article(path))
    glossary = load_glossary(corpus_dir, doc_id)
    text = apply_glossary(cleaned.text, glossary)
    if not text.strip():
        raise _bad(path, "nothing is left after removing page boilerplate")
    title = metadata.get(doc_id, {}).get("title") or apply_glossary(cleaned.leading_title or "", glossary)
    return Document(doc_id=doc_id, title=title or doc_id, text=text)


def load_library(corpus_dir: Path, *, skip_bad: bool = False) -> Library:
    """Load every article, and say which files were left out and why.

    A saved web page or PDF without usable text is always left out and named
    (:class:`UnreadableArticle`). Any other bad file stops the load unless
    ``skip_bad`` (the build script's default, so nothing is silently missing
    from the index).
    """
    meta_path = corpus_dir / METADATA_FILE
    metadata = _read_json(meta_path) if meta_path.is_file() else {}
    docs: list[Document] = []
    skipped: dict[str, str] = {}
    problems: list[str] = []
    seen: dict[str, Path] = {}
    for path in article_paths(corpus_dir):
        try:
            if path.stem in seen:
                raise _bad(path, f"has the same document id as {seen[path.stem].name}; rename one of them")
            docs.append(load_document(path, metadata, corpus_dir))
            seen[path.stem] = path
        except CorpusError as exc:
            if not (skip_bad or isinstance(exc, UnreadableArticle)):
                raise
            skipped[str(path.relative_to(corpus_dir))] = exc.reason
            problems.append(str(exc))
    if not docs:
        left_out = f" (left out: {'; '.join(problems)})" if problems else ""
        raise CorpusError(
            f"No usable articles ({', '.join(ARTICLE_SUFFIXES)}) in {corpus_dir}{left_out}"
        )
    return Library(docs, skipped, problems)


def load_corpus(corpus_dir: Path, *, skip_bad: bool = False) -> tuple[list[Document], list[str]]:
    """Load every article. Returns the documents and a list of problems (see :func:`load_library`)."""
    library = load_library(corpus_dir, skip_bad=skip_bad)
    return library.documents, library.problems
