"""Read the article library from ``corpus/``: one file per article.

The document id is the file stem. Titles (and any other metadata) live in
``corpus/metadata.json``; an article without an entry takes the title its own
page chrome announced, or its id. A per-document repair glossary in
``corpus/glossary/<doc_id>.json`` fixes machine-paraphrased wording after
cleaning; the article file itself is never modified, so every repair can be
checked against the original.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from .cleaning import apply_glossary, clean_text

ARTICLE_SUFFIXES = (".txt", ".md")
METADATA_FILE = "metadata.json"
GLOSSARY_DIR = "glossary"


class CorpusError(ValueError):
    """A corpus file that cannot be used; the message names the file."""


@dataclass(frozen=True)
class Document:
    doc_id: str
    title: str
    text: str
    """Cleaned (and, where a glossary exists, repaired) text: one block per line."""
    path: str
    meta: dict = field(default_factory=dict)


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
        raise CorpusError(
            f"{path}: not UTF-8 text (byte {exc.start}); re-save it as UTF-8 or remove it"
        ) from exc
    if "\x00" in raw:
        raise CorpusError(f"{path}: contains NUL bytes; it looks like a binary file")
    if not raw.strip():
        raise CorpusError(f"{path}: the file is empty")
    return raw


def load_document(path: Path, metadata: dict, corpus_dir: Path) -> Document:
    doc_id = path.stem
    cleaned = clean_text(read_article(path))
    glossary = load_glossary(corpus_dir, doc_id)
    text = apply_glossary(cleaned.text, glossary)
    if not text.strip():
        raise CorpusError(f"{path}: nothing is left after removing page boilerplate")
    meta = dict(metadata.get(doc_id, {}))
    title = meta.pop("title", None) or apply_glossary(cleaned.leading_title or "", glossary)
    return Document(doc_id=doc_id, title=title or doc_id, text=text, path=str(path), meta=meta)


def load_corpus(corpus_dir: Path, *, skip_bad: bool = False) -> tuple[list[Document], list[str]]:
    """Load every article. Returns the documents and a list of problems.

    With ``skip_bad`` a bad file is reported and left out; without it the first
    bad file stops the load (the build script's default, so nothing is silently
    missing from the index).
    """
    meta_path = corpus_dir / METADATA_FILE
    metadata = _read_json(meta_path) if meta_path.is_file() else {}
    docs, problems = [], []
    for path in article_paths(corpus_dir):
        try:
            docs.append(load_document(path, metadata, corpus_dir))
        except CorpusError as exc:
            if not skip_bad:
                raise
            problems.append(str(exc))
    if not docs:
        raise CorpusError(f"No usable articles (.txt or .md) in {corpus_dir}")
    return docs, problems
