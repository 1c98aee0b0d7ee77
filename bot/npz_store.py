"""Reading and writing the memories' ``.npz`` files: arrays plus a JSON ``about``, never pickle.

A memory's vectors only compare with questions encoded by the model that made them, so the
``about`` records it and loading under another model is refused with the command that
rewrites the file.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np


def save_npz(path: Path, about: dict, **arrays: np.ndarray) -> None:
    """Write ``arrays`` and ``about`` (JSON) to ``path``, compressed."""
    with open(path, "wb") as f:  # a file object: savez would append ".npz" to a path without it
        np.savez_compressed(f, about=np.array(json.dumps(about)), **arrays)


def load_npz(path: Path, model: str | None, script: str) -> tuple[dict, dict[str, np.ndarray]] | None:
    """``(about, arrays)`` from ``path``, or ``None`` without the file. One made with another
    encoder than ``model`` is refused, naming ``script``, which rewrites it."""
    if not Path(path).is_file():
        return None
    with np.load(path, allow_pickle=False) as data:
        about = json.loads(str(data["about"]))
        arrays = {k: data[k] for k in data.files if k != "about"}
    if model is not None and about["model"] != model:
        raise ValueError(f"{path} was made with {about['model']}, not {model}; re-run {script}")
    return about, arrays
