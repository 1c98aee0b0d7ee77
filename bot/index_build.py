"""Build the index: a new folder, filled completely, then swapped in atomically.

A build writes a new ``builds/<id>`` folder and only then repoints
``current`` with one ``os.replace``: a build that is interrupted at any point
leaves the previous index exactly as it was. A lock file makes a second,
concurrent build wait for the first. What a build writes is described in
``bot/index_store.py``, which also loads it.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
import time
import uuid
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path

from .chunking import chunk_corpus, sentences_of
from .config import Settings
from .corpus import Document, load_library
from .faiss_index import build_vectors, write_npy
from .index_store import (
    CHUNKS, CURRENT, LOCK, MANIFEST, SENTENCE_VECTORS, SENTENCES, VECTORS, IndexCorrupt, IndexProblem,
    current_path, damaged_files, expected_manifest_fields, file_checksums, read_manifest, staleness,
)


@contextmanager
def build_lock(index_dir: Path, timeout: float):
    """Hold the index folder's build lock; say so on stderr if another build has it first."""
    from filelock import FileLock, Timeout

    lock = FileLock(str(index_dir / LOCK))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        print(f"Another build is running ({index_dir / LOCK}); waiting for it…", file=sys.stderr)
        try:
            lock.acquire(timeout=timeout)
        except Timeout as exc:
            raise IndexProblem(
                f"Another build holds {index_dir / LOCK}; waited {timeout:.0f}s. Try again when it finishes."
            ) from exc
    try:
        yield
    finally:
        lock.release()


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


def _write_jsonl(path: Path, rows) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


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
    started = time.perf_counter()
    index_dir = settings.index_dir
    check_writable(index_dir)
    with build_lock(index_dir, lock_timeout):
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
            from .torch_model import shared_embedder

            embedder = shared_embedder(settings.batch_size)
        folder, manifest = _build_folder(index_dir, docs, settings, embedder, progress, library.skipped)
        if cancelled is not None and cancelled():
            shutil.rmtree(folder, ignore_errors=True)
            raise KeyboardInterrupt
        _swap_in(index_dir, folder)
    return BuildReport(
        True, len(docs), manifest["chunks"], manifest["sentences"], time.perf_counter() - started,
        current_path(index_dir), tuple(problems), reason,
    )


def _safe_manifest(index_dir: Path) -> tuple[dict | None, str]:
    """The manifest, or None and why: a corrupt manifest is simply rebuilt."""
    try:
        return read_manifest(index_dir), ""
    except IndexCorrupt:
        return None, f"damaged files: {MANIFEST}"


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


def _write_build(
    folder: Path, docs: list[Document], settings: Settings, embedder, progress: bool, skipped: dict[str, str]
) -> dict:
    import faiss

    from .torch_model import check_export, export_onnx
    from .onnx_encoder import Encoder

    chunks = chunk_corpus(docs, settings.chunk_size, settings.chunk_overlap)
    sentences = [s for c in chunks for s in sentences_of(c)]
    chunk_texts = [c.dense_text for c in chunks]
    sentence_texts = [s.text for s in sentences]

    encoder_info = export_onnx(embedder, folder)
    encoder = Encoder(folder, batch_size=settings.batch_size, cache_size=settings.query_cache_size)
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


