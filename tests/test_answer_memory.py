"""The answer memory: graded questions vote for the sentences that answered them."""

import numpy as np
import pytest

from bot.answer_memory import MEMORY_FILE, AnswerMemory, sentence_key
from bot.text import unlisted

#: A question in other words than the article's, and a graded question worded differently again.
ASKED = "is it worth propping my leg up on the sofa after a run for a sore hip?"
GRADED = "should i raise my leg when my hip flexor is sore?"


def _memory_of(chat, question: str, answer: str) -> AnswerMemory:
    vector = chat.encoder.encode_query(chat.understand(question).search_text)
    return AnswerMemory(vector[None, :], ((sentence_key(answer),),), ("graded.jsonl",), chat.settings.model_name)


def test_a_question_worded_like_a_graded_one_leads_with_the_sentence_that_answered_it(chat):
    verdict = next(s.text for s in chat.index.sentences if "Elevate your leg when resting" in s.text)
    kept = chat.composer.answer_memory
    try:
        chat.composer.use_memory(None)
        assert chat.reply(ASKED).quotes[0].text != unlisted(verdict)  # the ranker alone leads with warming up
        chat.composer.use_memory(_memory_of(chat, GRADED, verdict))
        assert chat.reply(ASKED).quotes[0].text == unlisted(verdict)
    finally:
        chat.composer.use_memory(kept)


def test_a_graded_question_unlike_the_one_asked_does_not_vote(chat):
    verdict = next(s.text for s in chat.index.sentences if "generally not recommended" in s.text)
    kept = chat.composer.answer_memory
    try:
        chat.composer.use_memory(_memory_of(chat, "what is the best breakfast before a marathon?", verdict))
        assert not chat.composer.memory.votes(chat.encoder.encode_query(ASKED)).any()
    finally:
        chat.composer.use_memory(kept)


def test_the_memory_round_trips_without_pickle_and_refuses_another_encoder(tmp_path):
    memory = AnswerMemory(np.eye(2, 4, dtype=np.float32), (("a sentence.",), ("b.", "c.")), ("x.jsonl", "y.jsonl"), "model-a")
    path = tmp_path / "memory.npz"
    memory.save(path)
    loaded = AnswerMemory.load(path, model="model-a")
    assert loaded.answers == memory.answers and loaded.sets == memory.sets
    np.testing.assert_allclose(loaded.vectors, memory.vectors)
    with pytest.raises(ValueError, match="train_answer_memory"):
        AnswerMemory.load(path, model="model-b")
    assert AnswerMemory.load(tmp_path / "missing.npz") is None


def test_measuring_on_a_set_leaves_that_set_out_of_the_memory():
    memory = AnswerMemory(np.eye(3, 4, dtype=np.float32), (("a.",), ("b.",), ("c.",)), ("x.jsonl", "y.jsonl", "x.jsonl"), "m")
    left = memory.without("x.jsonl")
    assert left.sets == ("y.jsonl",) and left.answers == (("b.",),) and len(left.vectors) == 1


def test_the_shipped_memory_holds_no_held_out_set():
    from bot.question_sets import SEEN_ANSWER_SETS

    memory = AnswerMemory.load(MEMORY_FILE)
    assert memory is not None and set(memory.sets) <= set(SEEN_ANSWER_SETS)


def test_a_passage_the_search_missed_is_recalled_when_it_answered_a_graded_question_like_this_one(chat):
    gait = next(s.text for s in chat.index.sentences
                if s.text.startswith("Consider consulting a running coach or physical therapist for a gait analysis"))
    asked = "should i get a gait analysis for my hip pain? who even does that"
    kept = chat.composer.answer_memory
    try:
        chat.composer.use_memory(None)
        assert unlisted(gait) not in [q.text for q in chat.reply(asked).quotes]  # its passage is not among the hits
        chat.composer.use_memory(_memory_of(chat, "who can check my running gait for hip pain?", gait))
        answer = chat.reply(asked)
        assert answer.quotes[0].text == unlisted(gait)
        assert gait in answer.citations[answer.quotes[0].citation - 1].text  # cited like any other passage
    finally:
        chat.composer.use_memory(kept)


def test_a_recalled_passage_never_makes_an_uncovered_question_answerable(chat):
    gait = next(s.text for s in chat.index.sentences if "gait analysis" in s.text)
    question = "what's the best way to treat plantar fasciitis in my heel?"
    kept = chat.composer.answer_memory
    try:
        chat.composer.use_memory(_memory_of(chat, question, gait))  # a graded question, word for word
        vector = chat.encoder.encode_query(chat.understand(question).search_text)
        hits = chat.retriever.search(chat.understand(question).search_text, chat.settings.top_k, query_vector=vector)
        assert chat.composer.recalled(chat.composer.votes(chat.composer.memory, vector), hits)  # the memory does recall a passage...
        assert chat.reply(question).kind == "refusal"  # ...which does not make the question covered
    finally:
        chat.composer.use_memory(kept)


def test_a_question_worded_like_one_graded_off_topic_is_refused(chat):
    asked = "my thighs chafe really badly on long runs, what do people use for that?"
    kept = chat.composer.answer_memory
    try:
        chat.composer.use_memory(None)
        assert chat.reply(asked).kind == "answer"  # the search finds passages about long runs
        vector = chat.encoder.encode_query(chat.understand("thigh chafing is ruining my long runs, any tips?").search_text)
        chat.composer.use_memory(AnswerMemory(vector[None, :], ((),), ("graded.jsonl",), chat.settings.model_name))
        assert chat.reply(asked).kind == "refusal"
    finally:
        chat.composer.use_memory(kept)


def test_the_evaluation_measures_a_remembered_set_with_memories_that_leave_it_out(chat):
    """A seen set scored with its own grades in the memories would be answered from its labels."""
    import importlib.util

    from bot.config import PROJECT_ROOT

    spec = importlib.util.spec_from_file_location("evaluate_script", PROJECT_ROOT / "scripts" / "evaluate.py")
    evaluate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(evaluate)
    answers, flags = chat.composer.answer_memory, chat.triage.memory
    seen = answers.sets[-1]
    assert seen in flags.sets  # the flag memory reads the answer sets' ordinary questions too
    try:
        evaluate.leave_out_of_memories(chat, seen)
        assert seen not in chat.composer.answer_memory.sets and seen not in chat.triage.memory.sets
        assert len(chat.composer.answer_memory) == len(answers) - answers.sets.count(seen)
        assert len(chat.triage.memory.sets) == len(flags.sets) - flags.sets.count(seen)
    finally:
        chat.composer.use_memory(answers)
        chat.triage.use_memory(flags)


def test_a_voted_sentence_below_the_margin_is_kept_more_readily_from_an_article_already_quoted(chat):
    """A vote between the two bars (``memory_keeps`` < vote < ``memory_keeps_other_article``) keeps
    a sentence of the lead's article but not one of another article: another article's voted
    point is more often a near-miss on the topic, and it is what cost the old set's citations."""
    from bot.sentence_selection import select

    s, composer = chat.settings, chat.composer
    assert s.memory_keeps < s.memory_keeps_other_article
    question = "how do i stop my hip flexors getting sore after runs?"
    query = chat.understand(question)
    vector = chat.encoder.encode_query(query.search_text)
    hits = chat.retriever.search(query.search_text, s.top_k, query_vector=vector)
    bank = composer.bank
    silent = np.zeros(len(chat.index.sentences), dtype=np.float32)
    unvoted = select(bank, s, composer.ranker, query, hits, vector, silent)
    lead_doc = bank.section_of(unvoted[0])[0]
    quoted = {bank.section_of(j)[0] for j in unvoted}

    def kept_alone(i: int) -> bool:  # quoted when its vote clears any bar (not filler, not a repeat)
        votes = silent.copy()
        votes[unvoted[0]] = 1000.0
        votes[i] = 100 * s.memory_keeps_other_article
        return i in select(bank, s, composer.ranker, query, hits, vector, votes)

    left_out = [i for i in bank.candidates(hits) if i not in unvoted]
    same = next(i for i in left_out if bank.section_of(i)[0] == lead_doc and kept_alone(i))
    other = next(i for i in left_out if bank.section_of(i)[0] not in quoted and kept_alone(i))
    votes = silent.copy()
    votes[unvoted[0]] = 1000.0  # the lead stays first, so each voted sentence meets the bar
    votes[[same, other]] = (s.memory_keeps + s.memory_keeps_other_article) / 2
    picked = select(bank, s, composer.ranker, query, hits, vector, votes)
    assert same in picked and other not in picked
