"""The embedding model as the bot runs it: an ONNX copy executed by ONNX Runtime.

Every build exports the PyTorch model (``bot/torch_model.py``) to
``encoder.onnx`` inside the build folder, checks that the copy agrees with
PyTorch, and from then on this module does all the encoding: the corpus at
build time and every question at run time. The query path therefore imports
neither torch nor sentence-transformers (seconds of start-up) and pays ONNX
Runtime's ~4 ms per question instead of ~20 ms through PyTorch on a 2-core
CPU. Stored vectors and question vectors come from the same file, so they can
never drift apart.

Pooling (attention-masked mean) and L2 normalisation are part of the exported
graph, so a question's vector is one ``session.run``.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

import numpy as np

ONNX_FILE = "encoder.onnx"
TOKENIZER_FILE = "tokenizer.json"
INPUTS = ("input_ids", "attention_mask", "token_type_ids")
"""The exported graph's inputs, in the order ``export_onnx`` traces them."""


class EncoderError(RuntimeError):
    """The exported model in an index folder cannot be used; the message names the file."""


class Encoder:
    """``encode(texts)`` and ``encode_query(text)`` → float32 unit vectors, from a build folder.

    ``encode_query`` keeps the vectors of the last ``cache_size`` questions:
    the app's example buttons and repeated questions skip the model entirely.
    """

    def __init__(self, folder: Path, *, batch_size: int, cache_size: int):
        import onnxruntime as ort
        from tokenizers import Tokenizer

        folder = Path(folder)
        model_file, tokenizer_file = folder / ONNX_FILE, folder / TOKENIZER_FILE
        for path in (model_file, tokenizer_file):
            if not path.is_file():
                raise EncoderError(f"{path} is missing")
        try:
            self.tokenizer = Tokenizer.from_file(str(tokenizer_file))
        except Exception as exc:  # the tokenizers library raises plain Exception
            raise EncoderError(f"{tokenizer_file} cannot be read ({exc})") from exc
        # Set up at export: truncation at the model's limit, no padding (batches pad themselves,
        # and ``_run_ids`` masks exactly the ids it is given). Said again here, whatever the file says.
        self.tokenizer.no_padding()
        options = ort.SessionOptions()
        # One question is a handful of tokens: more threads than cores only adds hand-offs.
        options.intra_op_num_threads = min(os.cpu_count() or 1, 4)
        options.inter_op_num_threads = 1
        # ONNX Runtime's idle threads would spin after each run. Alone that saves ~1 ms a
        # question, but the spinning thread burns the second core for tens of ms after every
        # run: with two requests at once answers per second fell from 169 to 144 and p95 rose
        # from 17 to 25 ms (even with spinning stopped at the end of each run), and beside a
        # busy core p95 doubled. Another user's request matters more than the last millisecond.
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        options.log_severity_level = 3
        try:
            self.session = ort.InferenceSession(str(model_file), options, providers=["CPUExecutionProvider"])
        except Exception as exc:  # onnxruntime raises its own Fail/InvalidProtobuf types
            raise EncoderError(f"{model_file} cannot be loaded by ONNX Runtime ({exc})") from exc
        self.dim = int(self.session.get_outputs()[0].shape[-1])
        self.batch_size = batch_size
        self.path = model_file
        self._cached = lru_cache(maxsize=cache_size)(self._encode_one)
        self._kept: dict[tuple[int, ...], np.ndarray] = {}

    def _run(self, texts: list[str]) -> np.ndarray:
        return self._run_ids([e.ids for e in self.tokenizer.encode_batch(texts)])

    def _run_ids(self, rows: list[list[int]]) -> np.ndarray:
        """The model on token ids, each row padded with zeros to the longest (the mask hides them)."""
        width = max(len(r) for r in rows)
        ids = np.zeros((len(rows), width), dtype=np.int64)
        mask = np.zeros_like(ids)
        for row, r in enumerate(rows):
            ids[row, : len(r)] = r
            mask[row, : len(r)] = 1
        return self.session.run(None, dict(zip(INPUTS, (ids, mask, np.zeros_like(ids)))))[0]

    def encode(self, texts: list[str], progress: bool = False) -> np.ndarray:
        """Vectors for ``texts``, in order."""
        blocks = list(self.blocks(texts, progress))
        return np.concatenate(blocks) if blocks else np.zeros((0, self.dim), np.float32)

    def blocks(self, texts: list[str], progress: bool = False, block: int = 1024, desc: str = "Embedding"):
        """Yield the vectors of ``texts`` ``block`` at a time, in order, so a build can stream them to disk.

        Within a block texts are encoded shortest first, so a batch pads to
        similar lengths instead of to its one long outlier.
        """
        from tqdm import tqdm

        with tqdm(total=len(texts), desc=desc, unit="text", disable=not progress) as bar:
            for start in range(0, len(texts), block):
                part = texts[start : start + block]
                order = sorted(range(len(part)), key=lambda i: len(part[i]))
                out = np.empty((len(part), self.dim), dtype=np.float32)
                for b in range(0, len(part), self.batch_size):
                    rows = order[b : b + self.batch_size]
                    out[rows] = self._run([part[i] for i in rows])
                    bar.update(len(rows))
                yield out

    def _encode_one(self, ids: tuple[int, ...]) -> np.ndarray:
        vector = np.ascontiguousarray(self._run_ids([list(ids)])[0], dtype=np.float32)
        vector.setflags(write=False)  # shared by every caller of the cache
        return vector

    def vocabulary(self) -> set[str]:
        """The whole words the model's tokenizer knows (about 20k common English words):
        a dictionary for telling a typo from a word."""
        return {w for w in self.tokenizer.get_vocab() if w.isalpha() and w.islower()}

    def encode_query(self, text: str) -> np.ndarray:
        """One text's vector, remembered by its token ids rather than its characters.

        The tokenizer lower-cases and splits punctuation off, so texts that differ only
        in case ("what is fai" checked for red flags, "what is FAI" searched once the
        glossary has spoken) are one model run, not two.
        """
        ids = tuple(self.tokenizer.encode(text).ids)
        kept = self._kept.get(ids)
        return kept if kept is not None else self._cached(ids)

    def keep(self, text: str) -> None:
        """Hold ``text``'s vector for the life of the encoder, outside the question cache:
        for the bot's own fixed queries, asked on every red flag."""
        ids = tuple(self.tokenizer.encode(text).ids)
        self._kept[ids] = self._encode_one(ids)

    def clear_cache(self) -> None:
        """Forget cached questions (benchmarks use it to time the model, not the cache).
        Vectors held by ``keep`` stay: they belong to the bot, not to any user's question."""
        self._cached.cache_clear()
