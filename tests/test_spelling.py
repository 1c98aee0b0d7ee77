"""The library speller: slips in the articles' words are mended before a question is read,
and real words one letter from them are left alone."""

import pytest


@pytest.mark.parametrize("typed, meant", [
    ("wat does dynamic streching even mean", "wat does dynamic stretching even mean"),
    ("how do i strech my hamstirngs", "how do i stretch my hamstrings"),
    ("Impingment in my hip, what is it", "impingement in my hip, what is it"),
])
def test_a_slip_in_a_word_the_articles_use_is_mended(chat, typed, meant):
    assert chat.speller.fix_words(typed) == meant


@pytest.mark.parametrize("text", [
    "my hip aches after long runs",         # "aches" is no "arches": an inflection of a known word
    "i was propping my leg up",             # nor "propping" a "popping"
    "it keeps growin every week",           # a dropped g
    "tiny tweak in my hip on thurs",        # a first letter is no slip ("weak"), shorthand is no typo ("thus")
    "they're sore, theyre always sore",
])
def test_real_words_near_a_library_word_are_left_as_typed(chat, text):
    assert chat.speller.fix_words(text) == text


def test_a_question_with_a_slip_is_answered_not_refused(chat):
    answer = chat.reply("wat does dynamic streching even mean")
    assert answer.kind != "refusal"
    assert "dynamic" in answer.markdown.lower()
