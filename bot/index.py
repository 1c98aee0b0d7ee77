"""Build, store, verify and load the search index.

Layout under ``index/`` (plain formats only, never pickle)::

    index/current -> builds/<id>      a symlink, swapped atomically
    index/builds/<id>/manifest.json   model, dimension, chunking, corpus hashes, file checksums,
                                      files left out and why ("skipped")
    index/builds/<id>/vectors.faiss   chunk vectors (flat, or IVF for a large corpus)
    index/builds/<id>/encoder.onnx    the embedding model exported for ONNX Runtime
    index/builds/<id>/tokenizer.json  its tokenizer
    index/builds/<id>/chunks.jsonl    one chunk per line
    index/builds/<id>/sentences.jsonl quotable units of every chunk
    index/builds/<id>/sentences.npy   their vectors, so answers never re-encode the corpus

A build writes a new ``builds/<id>`` folder and only then repoints
``current`` with one ``os.replace``: a build that is interrupted at any point
leaves the previous index exactly as it was. A lock file makes a second,
concurrent build wait for the first.

The manifest records the size and SHA-256 of every other file in the build,
and loading checks them: a damaged file would otherwise load without complaint
and answer with garbage scores. Hashing every file of the real index whole
(~93 MB, nearly all of it ``encoder.onnx``) costs ~85 ms at load from the page
cache (~120 ms from a cold disk, a read ONNX Runtime makes next anyway), under
a tenth of ``python -m bot ask``'s ~1 s, so no file is merely sampled.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
import tempfile
import time
import uuid
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path

import numpy as np

from .chunking import Chunk, Sentence, chunk_corpus, section_topic, sentences_of
from .config import REBUILD_COMMAND, Settings
from .corpus import Document, file_hashes, load_library
from .formats import EXTRACTED_SUFFIXES, extractor_versions
from .vector_index import apply_search_params, build_vectors, write_npy

FORMAT_VERSION = 3  # 3: the manifest records file checksums
MANIFEST = "manifest.json"
VECTORS = "vectors.faiss"
CHUNKS = "chunks.jsonl"
SENTENCES = "sentences.jsonl"
SENTENCE_VECTORS = "sentences.npy"
CURRENT = "current"
LOCK = ".build.lock"
#: What loading reads from any manifest; ``files`` (format 3) is checked by verify_files.
MANIFEST_KEYS = {"chunks", "sentences", "documents", "model_dim"}


class IndexProblem(RuntimeError):
    """The index cannot be used as it is; the message names the file and the fix."""


class IndexMissing(IndexProblem):
    pass


class IndexStale(IndexProblem):
    pass


class IndexCorrupt(IndexProblem):
    pass


@dataclass
class LoadedIndex:
    manifest: dict
    chunks: list[Chunk]
    vectors: "object"  # faiss.Index
    sentences: list[Sentence]
    sentence_vectors: np.ndarray
    """Memory-mapped: a large corpus's sentence vectors stay on disk until a chunk is quoted."""
    path: Path
    encoder: "object"  # bot.encoder.Encoder, the model that made the vectors


@dataclass(frozen=True)
class BuildReport:
    built: bool
    documents: int
    chunks: int
    sentences: int
    seconds: float
    path: Path
    problems: tuple[str, ...] = ()
    reason: str = ""


def chunk_embedding_text(chunk: Chunk) -> str:
    """What the model sees for a chunk: its section path gives short passages their topic.

    A PDF page mark ("(p. 3)") is left out: it says where the text is, not what it is about.
    """
    return f"{section_topic(chunk.section) or chunk.title}: {chunk.text}"


#: The code that turns articles into index content; editing it makes old indexes stale.
PIPELINE_MODULES = (
    "cleaning.py", "corpus.py", "formats.py", "chunking.py", "index.py", "embedding.py", "encoder.py",
    "vector_index.py",
)


def pipeline_hash() -> str:
    digest = hashlib.sha256()
    for name in PIPELINE_MODULES:
        digest.update((Path(__file__).parent / name).read_bytes())
    return digest.hexdigest()[:16]


def expected_manifest_fields(settings: Settings) -> dict:
    corpus = file_hashes(settings.corpus_dir)
    fields = {
        "format": FORMAT_VERSION,
        "pipeline": pipeline_hash(),
        "model": settings.model_name,
        "chunk_size": settings.chunk_size,
        "chunk_overlap": settings.chunk_overlap,
        "corpus": corpus,
    }
    if any(Path(name).suffix.lower() in EXTRACTED_SUFFIXES for name in corpus):
        # Another trafilatura or pypdf may extract other text from the same file.
        fields["extractors"] = extractor_versions()
    return fields


def current_path(index_dir: Path) -> Path:
    return index_dir / CURRENT


def read_manifest(index_dir: Path) -> dict | None:
    path = current_path(index_dir) / MANIFEST
    if not path.is_file():
        return None
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise IndexCorrupt(f"{path} is not valid JSON ({exc}). Rebuild it: {REBUILD_COMMAND}")
    # Valid JSON of the wrong shape (``[]``, ``{}``) must not surface later as a KeyError.
    if not isinstance(manifest, dict) or not MANIFEST_KEYS <= manifest.keys():
        raise IndexCorrupt(f"{path} is not a complete index manifest. Rebuild it: {REBUILD_COMMAND}")
    return manifest


def file_checksums(folder: Path) -> dict:
    """Size and SHA-256 of every file of a build except the manifest that records them."""
    sums = {}
    for path in sorted(folder.iterdir()):
        if path.is_file() and path.name != MANIFEST and not path.name.startswith("."):
            with path.open("rb") as fh:
                sums[path.name] = {"size": path.stat().st_size, "sha256": hashlib.file_digest(fh, "sha256").hexdigest()}
    return sums


def damaged_files(folder: Path, manifest: dict) -> list[str]:
    """Files of the build that are missing or differ from the checksums its manifest recorded."""
    recorded = manifest.get("files")
    if not isinstance(recorded, dict) or not recorded:
        return [MANIFEST]  # nothing to check against: the manifest itself is not what a build writes
    damaged = []
    for name, expected in sorted(recorded.items()):
        path = folder / name
        if not isinstance(expected, dict) or not path.is_file() or path.stat().st_size != expected.get("size"):
            damaged.append(name)  # the size check spares hashing a truncated file
            continue
        with path.open("rb") as fh:
            if hashlib.file_digest(fh, "sha256").hexdigest() != expected.get("sha256"):
                damaged.append(name)
    return damaged


def verify_files(folder: Path, manifest: dict) -> None:
    damaged = damaged_files(folder, manifest)
    if damaged == [MANIFEST]:
        raise IndexCorrupt(f"{folder / MANIFEST} records no file checksums. Rebuild the index: {REBUILD_COMMAND}")
    if damaged:
        raise IndexCorrupt(
            f"index file {folder / damaged[0]} does not match the checksum recorded when the index was built "
            f"(damaged: {', '.join(damaged)}). Rebuild the index: {REBUILD_COMMAND}"
        )


def staleness(settings: Settings, manifest: dict | None) -> str:
    """Why the index does not match the corpus and settings; empty when it does."""
    if manifest is None:
        return f"no index has been built in {settings.index_dir}"
    expected = expected_manifest_fields(settings)
    reasons = []
    for key in ("format", "pipeline", "model", "chunk_size", "chunk_overlap", "extractors"):
        if manifest.get(key) != expected.get(key):
            reasons.append(f"{key} is {manifest.get(key)!r} in the index but {expected.get(key)!r} now")
    built, now = manifest.get("corpus", {}), expected["corpus"]
    changed = sorted(name for name in set(built) | set(now) if built.get(name) != now.get(name))
    if changed:
        reasons.append("corpus files changed: " + ", ".join(changed[:6]) + (" …" if len(changed) > 6 else ""))
    return "; ".join(reasons)


def _write_jsonl(path: Path, rows) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def _write_build(
    folder: Path, docs: list[Document], settings: Settings, embedder, progress: bool, skipped: dict[str, str]
) -> dict:
    import faiss

    from .embedding import check_export, export_onnx
    from .encoder import Encoder

    chunks = chunk_corpus(docs, settings.chunk_size, settings.chunk_overlap)
    sentences = [s for c in chunks for s in sentences_of(c)]
    chunk_texts = [chunk_embedding_text(c) for c in chunks]
    sentence_texts = [s.text for s in sentences]

    encoder_info = export_onnx(embedder, folder)
    encoder = Encoder(folder, batch_size=settings.batch_size)
    encoder_info["min_cosine_to_pytorch"] = round(
        check_export(embedder, encoder, chunk_texts[:32] + sentence_texts[:32]), 6
    )

    vectors, vector_info = build_vectors(
        encoder.blocks(chunk_texts, progress, desc="Chunks"), len(chunks), encoder.dim,
        folder / ".spool.npy", flat_max=settings.flat_max_vectors, recall_target=settings.ann_recall,
    )
    faiss.write_index(vectors, str(folder / VECTORS))
    del vectors
    # Sentence vectors go straight to disk as they are made; the answer step reads them memory-mapped.
    write_npy(folder / SENTENCE_VECTORS, encoder.blocks(sentence_texts, progress, desc="Sentences"),
              len(sentences), encoder.dim)
    _write_jsonl(folder / CHUNKS, (asdict(c) for c in chunks))
    _write_jsonl(folder / SENTENCES, (asdict(s) for s in sentences))
    manifest = expected_manifest_fields(settings) | {
        "files": file_checksums(folder),
        "model_dim": encoder.dim,
        "encoder": encoder_info,
        "vectors": vector_info,
        "documents": {d.doc_id: d.title for d in docs},
        "skipped": skipped,
        "chunks": len(chunks),
        "sentences": len(sentences),
        "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
    }
    # The manifest is written last: a build folder without one is never loaded.
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=1, ensure_ascii=False), encoding="utf-8")
    return manifest


def _swap_in(index_dir: Path, folder: Path) -> None:
    """Point ``current`` at ``folder`` atomically, then delete older builds."""
    link_tmp = index_dir / f".{CURRENT}.{os.getpid()}"
    if link_tmp.is_symlink() or link_tmp.exists():
        link_tmp.unlink()
    link_tmp.symlink_to(folder.relative_to(index_dir))
    os.replace(link_tmp, index_dir / CURRENT)
    for old in (index_dir / "builds").iterdir():
        if old != folder and not old.name.startswith("."):
            shutil.rmtree(old, ignore_errors=True)


def build_index(
    settings: Settings,
    *,
    force: bool = False,
    embedder=None,
    progress: bool = False,
    skip_bad: bool = False,
    lock_timeout: float = 600,
    cancelled=None,
) -> BuildReport:
    """Build the index if it is missing or stale (or always, with ``force``).

    ``cancelled()``, if given, is asked once more just before the new build is
    swapped in: a library that swallows a KeyboardInterrupt must not turn an
    interrupted build into a live index.
    """
    from filelock import FileLock, Timeout

    started = time.perf_counter()
    index_dir = settings.index_dir
    check_writable(index_dir)
    lock = FileLock(str(index_dir / LOCK))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        print(f"Another build is running ({index_dir / LOCK}); waiting for it…", file=sys.stderr)
        try:
            lock.acquire(timeout=lock_timeout)
        except Timeout as exc:
            raise IndexProblem(
                f"Another build holds {index_dir / LOCK}; waited {lock_timeout:.0f}s. Try again when it finishes."
            ) from exc
    try:
        # Checked only once the lock is ours: a build we waited for may have done the work.
        manifest, reason = _safe_manifest(index_dir)
        reason = "forced" if force else reason or staleness(settings, manifest)
        if not reason:
            damaged = damaged_files(current_path(index_dir), manifest)
            reason = "damaged files: " + ", ".join(damaged) if damaged else ""
        if not reason:
            return BuildReport(
                False, len(manifest["documents"]), manifest["chunks"], manifest["sentences"],
                time.perf_counter() - started, current_path(index_dir),
                problems=tuple(_skipped_problems(settings, manifest)), reason="up to date",
            )
        library = load_library(settings.corpus_dir, skip_bad=skip_bad)
        docs, problems = library.documents, library.problems
        if embedder is None:
            from .embedding import shared_embedder

            embedder = shared_embedder(settings.batch_size)
        folder, manifest = _build_folder(index_dir, docs, settings, embedder, progress, library.skipped)
        if cancelled is not None and cancelled():
            shutil.rmtree(folder, ignore_errors=True)
            raise KeyboardInterrupt
        _swap_in(index_dir, folder)
    finally:
        lock.release()
    return BuildReport(
        True, len(docs), manifest["chunks"], manifest["sentences"], time.perf_counter() - started,
        current_path(index_dir), tuple(problems), reason,
    )


def check_writable(index_dir: Path) -> None:
    """Fail at once on a folder we cannot write.

    Otherwise the lock file cannot be opened, which looks like a lock held by
    another build, and the build would wait ten minutes for nobody.
    """
    try:
        index_dir.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=index_dir, prefix=".write-test."):
            pass
        with (index_dir / LOCK).open("a"):
            pass
    except OSError as exc:
        where = f": {exc.filename}" if exc.filename and Path(exc.filename) != index_dir else ""
        raise IndexProblem(
            f"cannot write the index folder {index_dir} ({exc.strerror or exc}{where}). "
            "Make it writable, or set HIPBOT_INDEX_DIR to a folder you can write."
        ) from exc


def _skipped_problems(settings: Settings, manifest: dict) -> list[str]:
    """The files the current index left out, named as a build named them: still not in it."""
    skipped = manifest.get("skipped")
    if not isinstance(skipped, dict):
        return []
    return [f"{settings.corpus_dir / name}: {reason}" for name, reason in sorted(skipped.items())]


def _build_folder(
    index_dir: Path, docs: list[Document], settings: Settings, embedder, progress: bool, skipped: dict[str, str]
) -> tuple[Path, dict]:
    """Write a complete build under a hidden name, then give it its real name."""
    builds = index_dir / "builds"
    builds.mkdir(exist_ok=True)
    # Under the lock no other build runs: any partial folder is from a killed build.
    for stale in builds.glob(".*.partial"):
        shutil.rmtree(stale, ignore_errors=True)
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S")
    folder = builds / f"{stamp}-{os.getpid()}-{uuid.uuid4().hex[:8]}"
    work = builds / f".{folder.name}.partial"
    work.mkdir()
    try:
        manifest = _write_build(work, docs, settings, embedder, progress, skipped)
        os.replace(work, folder)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return folder, manifest


def _safe_manifest(index_dir: Path) -> tuple[dict | None, str]:
    """The manifest, or None and why: a corrupt manifest is simply rebuilt."""
    try:
        return read_manifest(index_dir), ""
    except IndexCorrupt:
        return None, f"damaged files: {MANIFEST}"


def _read_jsonl(path: Path, expected: int, kind) -> list:
    if not path.is_file():
        raise IndexCorrupt(f"{path} is missing. Rebuild the index: {REBUILD_COMMAND}")
    rows = []
    try:
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                rows.append(kind(**json.loads(line)))
    except (UnicodeDecodeError, json.JSONDecodeError, TypeError) as exc:
        raise IndexCorrupt(f"{path} is damaged ({exc}). Rebuild the index: {REBUILD_COMMAND}") from exc
    if len(rows) != expected:
        raise IndexCorrupt(
            f"{path} has {len(rows)} records but the manifest says {expected}; it is truncated. "
            f"Rebuild the index: {REBUILD_COMMAND}"
        )
    return rows


def load_index(settings: Settings, *, check_corpus: bool = True) -> LoadedIndex:
    """Load the current index, refusing one that is missing, damaged or out of date."""
    import faiss

    folder = current_path(settings.index_dir)
    manifest = read_manifest(settings.index_dir)
    if manifest is None:
        raise IndexMissing(f"No index found in {settings.index_dir}. Build it: {REBUILD_COMMAND}")
    if check_corpus:
        reason = staleness(settings, manifest)
        if reason:
            raise IndexStale(f"The index does not match: {reason}. Rebuild it: {REBUILD_COMMAND}")
    verify_files(folder, manifest)
    chunks = _read_jsonl(folder / CHUNKS, manifest["chunks"], Chunk)
    sentences = _read_jsonl(folder / SENTENCES, manifest["sentences"], Sentence)
    vec_path = folder / VECTORS
    try:
        vectors = faiss.read_index(str(vec_path))
    except RuntimeError as exc:
        raise IndexCorrupt(f"{vec_path} cannot be read as a FAISS index. Rebuild it: {REBUILD_COMMAND}") from exc
    if vectors.ntotal != len(chunks) or vectors.d != manifest.get("model_dim"):
        raise IndexCorrupt(
            f"{vec_path} holds {vectors.ntotal} vectors of dimension {vectors.d}, but the manifest "
            f"expects {len(chunks)} of {manifest.get('model_dim')}. Rebuild it: {REBUILD_COMMAND}"
        )
    apply_search_params(vectors, manifest.get("vectors", {}))
    sv_path = folder / SENTENCE_VECTORS
    try:
        sent_vecs = np.load(sv_path, mmap_mode="r", allow_pickle=False)
    except (OSError, ValueError, EOFError) as exc:
        raise IndexCorrupt(f"{sv_path} is damaged ({exc}). Rebuild it: {REBUILD_COMMAND}") from exc
    if sent_vecs.shape != (len(sentences), vectors.d):
        raise IndexCorrupt(f"{sv_path} does not match {SENTENCES}. Rebuild it: {REBUILD_COMMAND}")
    from .encoder import Encoder, EncoderError

    try:
        encoder = Encoder(folder, batch_size=settings.batch_size)
    except EncoderError as exc:
        raise IndexCorrupt(f"{exc}. Rebuild the index: {REBUILD_COMMAND}") from exc
    if encoder.dim != vectors.d:
        raise IndexCorrupt(f"{encoder.path} makes {encoder.dim}-d vectors, the index holds {vectors.d}-d. "
                           f"Rebuild it: {REBUILD_COMMAND}")
    return LoadedIndex(manifest, chunks, vectors, sentences, sent_vecs, folder.resolve(), encoder)
