"""The index on disk: its layout, its manifest, and loading it safely.

Layout under ``index/`` (plain formats only, never pickle)::

    index/current -> builds/<id>      a symlink, swapped atomically by bot/index_build.py
    index/builds/<id>/manifest.json   model, dimension, chunking, corpus hashes, file checksums,
                                      files left out and why ("skipped")
    index/builds/<id>/vectors.faiss   chunk vectors (flat, or IVF for a large corpus)
    index/builds/<id>/encoder.onnx    the embedding model exported for ONNX Runtime
    index/builds/<id>/tokenizer.json  its tokenizer
    index/builds/<id>/chunks.jsonl    one chunk per line
    index/builds/<id>/sentences.jsonl quotable units of every chunk
    index/builds/<id>/sentences.npy   their vectors, so answers never re-encode the corpus

The manifest records the size and SHA-256 of every other file in the build,
and loading checks them: a damaged file would otherwise load without complaint
and answer with garbage scores. Hashing the whole index (nearly all of it
``encoder.onnx``) costs well under a tenth of ``python -m bot ask``'s start-up,
so no file is merely sampled.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from .chunking import Chunk, Sentence
from .config import REBUILD_COMMAND, Settings
from .corpus import file_hashes
from .faiss_index import apply_search_params
from .formats import EXTRACTED_SUFFIXES, extractor_versions

if TYPE_CHECKING:
    import faiss

    from .onnx_encoder import Encoder

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
    vectors: "faiss.Index"
    sentences: list[Sentence]
    sentence_vectors: np.ndarray
    """Memory-mapped: a large corpus's sentence vectors stay on disk until a chunk is quoted."""
    path: Path
    encoder: "Encoder"
    """The model that made the vectors: questions must be encoded by the same one."""


#: The code that turns articles into index content; editing it makes old indexes stale.
PIPELINE_MODULES = (
    "cleaning.py", "corpus.py", "formats.py", "chunking.py", "index_store.py", "index_build.py", "torch_model.py", "onnx_encoder.py",
    "faiss_index.py",
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
    from .onnx_encoder import Encoder, EncoderError

    try:
        encoder = Encoder(folder, batch_size=settings.batch_size, cache_size=settings.query_cache_size)
    except EncoderError as exc:
        raise IndexCorrupt(f"{exc}. Rebuild the index: {REBUILD_COMMAND}") from exc
    if encoder.dim != vectors.d:
        raise IndexCorrupt(f"{encoder.path} makes {encoder.dim}-d vectors, the index holds {vectors.d}-d. "
                           f"Rebuild it: {REBUILD_COMMAND}")
    return LoadedIndex(manifest, chunks, vectors, sentences, sent_vecs, folder.resolve(), encoder)
