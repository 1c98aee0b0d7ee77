"""The flag memory: meaning-based red flags on messages worded like graded ordinary ones are set aside."""

import numpy as np
import pytest

from bot.flag_memory import FLAG_MEMORY_FILE, FlagMemory

#: Flagged by meaning alone without the memory (a hard negative of red_flags_dev28.jsonl; the learned
#: network refitted in round 22 reads few ordinary questions as red flags, this is one of them).
ORDINARY = "The ache is in my buttock but it doesn't travel down the leg and there's no numbness or tingling anywhere. Piriformis?"
#: What the exemplars flagged in it (the clause "the ache is in my buttock"), graded ordinary in other words.
GRADED = "the ache is deep in my buttock"


def _memory(triage, chat, graded: list[tuple[str, bool]]) -> FlagMemory:
    vectors = np.stack([triage.message_vector(text) for text, _ in graded])
    return FlagMemory(vectors, np.array([flag for _, flag in graded]), ("graded.jsonl",) * len(graded), chat.settings.model_name)


@pytest.fixture
def triage(chat):
    kept = chat.triage.memory
    yield chat.triage
    chat.triage.use_memory(kept)


def test_a_message_worded_like_a_graded_ordinary_one_is_not_flagged_by_meaning(triage, chat):
    triage.use_memory(None)
    assert triage.detect(ORDINARY) is not None
    triage.use_memory(_memory(triage, chat, [(GRADED, False), ("my leg went numb and cold after the run", True)]))
    assert triage.detect(ORDINARY) is None


def test_a_graded_red_flag_as_close_as_the_ordinary_one_keeps_the_flag(triage, chat):
    ordinary = (GRADED, False)
    triage.use_memory(_memory(triage, chat, [ordinary]))
    assert triage.detect(ORDINARY) is None  # the control: the ordinary one alone sets it aside
    triage.use_memory(_memory(triage, chat, [ordinary, (ordinary[0], True)]))
    assert triage.detect(ORDINARY) is not None


def test_an_ordinary_question_with_a_sign_added_keeps_the_sign(triage, chat):
    """The memory judges what was flagged (the clause, for the exemplars), not the whole message."""
    message = "new shoes made my hip ache a bit, is there a wear-in period? my thigh looks twice the size"
    triage.use_memory(_memory(triage, chat, [("new shoes made my hip ache a bit, is there a wear-in period?", False)]))
    assert triage.detect(message) is not None


def test_a_sign_the_patterns_name_is_never_set_aside_by_the_memory(triage, chat):
    message = "hip a bit sore after parkrun and my whole leg has gone numb, ice or heat?"
    triage.use_memory(_memory(triage, chat, [(message, False)]))  # even graded ordinary word for word
    assert triage.detect(message) is not None


def test_the_flag_memory_round_trips_without_pickle_and_refuses_another_encoder(tmp_path):
    memory = FlagMemory(np.eye(3, 4, dtype=np.float32), np.array([True, False, False]), ("a.jsonl", "b.jsonl", "a.jsonl"), "m")
    memory.save(tmp_path / "f.npz")
    loaded = FlagMemory.load(tmp_path / "f.npz", model="m")
    assert loaded.sets == memory.sets and loaded.red_flag.tolist() == [True, False, False]
    assert loaded.without("a.jsonl").sets == ("b.jsonl",)
    with pytest.raises(ValueError, match="train_flag_memory"):
        FlagMemory.load(tmp_path / "f.npz", model="other")


def test_the_shipped_flag_memory_holds_no_held_out_set():
    from bot.question_sets import SEEN_ANSWER_SETS, SEEN_RED_FLAG_SETS

    memory = FlagMemory.load(FLAG_MEMORY_FILE)
    assert memory is not None and set(memory.sets) <= {*SEEN_ANSWER_SETS, *SEEN_RED_FLAG_SETS}
