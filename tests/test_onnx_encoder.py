"""The ONNX query path: same retrieval as PyTorch, no heavy imports, repeated questions cached."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import numpy as np
import pytest

from bot.chat import CARE
from bot.config import PROJECT_ROOT
from bot.onnx_encoder import Encoder
from bot.retrieval import Retriever

QUESTIONS = [json.loads(line) for line in (PROJECT_ROOT / "eval" / "questions.jsonl").open(encoding="utf-8")]
TEXTS = [q["question"] for q in QUESTIONS]


@pytest.fixture(scope="module")
def both(index, embedder):
    """Every question of the evaluation set encoded by PyTorch and by the index's ONNX copy."""
    return embedder.encode(TEXTS), np.stack([index.encoder.encode_query(t) for t in TEXTS])


@pytest.mark.slow
def test_onnx_question_vectors_match_pytorch_to_cosine_0_999(both):
    torch_vecs, onnx_vecs = both
    cosines = np.sum(torch_vecs * onnx_vecs, axis=1)
    assert cosines.min() >= 0.999, [TEXTS[i] for i in np.flatnonzero(cosines < 0.999)]


@pytest.mark.slow
def test_onnx_and_pytorch_vectors_retrieve_the_same_top_5(both, index, settings):
    retriever = Retriever(index, settings)
    torch_vecs, onnx_vecs = both
    same = [
        [h.chunk.id for h in retriever.search(t, 5, query_vector=a)]
        == [h.chunk.id for h in retriever.search(t, 5, query_vector=b)]
        for t, a, b in zip(TEXTS, torch_vecs, onnx_vecs)
    ]
    assert sum(same) / len(same) >= 0.98


def test_batches_give_the_vectors_single_questions_get(index):
    texts = TEXTS[:40]  # mixed lengths, so batches are padded
    batched = index.encoder.encode(texts)
    single = np.stack([index.encoder.encode_query(t) for t in texts])
    assert np.sum(batched * single, axis=1).min() >= 0.9999


def test_the_build_records_how_well_the_export_agreed(index):
    encoder = index.manifest["encoder"]
    assert encoder["file"] == "encoder.onnx" and encoder["min_cosine_to_pytorch"] >= 0.999


def test_a_repeated_question_is_served_from_the_cache(index):
    first = index.encoder.encode_query("are clamshells good for runners hips?")
    again = index.encoder.encode_query("are clamshells good for runners hips?")
    assert again is first and not first.flags.writeable


def test_texts_that_differ_only_in_case_share_one_model_run(index):
    # The red-flag check reads the user's "what is fai", the search the glossary's "what is FAI".
    first = index.encoder.encode_query("what is fai in the hip")
    assert index.encoder.encode_query("What is FAI in the hip") is first


def test_a_kept_vector_outlives_clearing_the_question_cache(index):
    encoder = Encoder(index.encoder.path.parent, batch_size=8, cache_size=4)  # not the shared one
    encoder.keep("when should I see a doctor about a sore hip")
    kept = encoder.encode_query("when should I see a doctor about a sore hip")
    encoder.clear_cache()
    assert encoder.encode_query("when should I see a doctor about a sore hip") is kept
    assert np.allclose(kept, encoder.encode(["when should I see a doctor about a sore hip"])[0], atol=1e-5)


def test_the_query_behind_every_red_flag_answer_is_encoded_once_at_start(chat):
    chat.encoder.clear_cache()
    first = chat.encoder.encode_query(CARE.search_text)
    chat.encoder.clear_cache()
    assert chat.encoder.encode_query(CARE.search_text) is first


def test_an_answering_process_runs_blas_on_one_thread(chat):
    from threadpoolctl import threadpool_info

    numpy_blas = [lib for lib in threadpool_info() if lib["user_api"] == "blas" and "numpy" in lib["filepath"]]
    assert numpy_blas and all(lib["num_threads"] == 1 for lib in numpy_blas)


def test_answering_a_question_imports_neither_torch_nor_gradio(index, settings):
    probe = (
        "import sys; from bot.__main__ import main; main(['ask', 'what helps tight hip flexors?']); "
        "heavy = sorted({m.split('.')[0] for m in sys.modules} & "
        "{'torch', 'sentence_transformers', 'transformers', 'gradio', 'langchain_text_splitters'}); "
        "print('HEAVY', heavy)"
    )
    env = os.environ | {"HIPBOT_INDEX_DIR": str(settings.index_dir), "HF_HUB_OFFLINE": "1"}
    out = subprocess.run([sys.executable, "-c", probe], cwd=PROJECT_ROOT, env=env, capture_output=True,
                         text=True, timeout=120, check=True).stdout
    assert "**Sources**" in out and "HEAVY []" in out
