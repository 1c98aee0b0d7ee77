"""Question analysis: the answer type, the topic, the asking part of a long message, follow-ups."""

from __future__ import annotations

import re

import pytest

from bot.followups import is_followup, leans_on_conversation
from bot.query import analyse, asking_part
from bot.answer_types import answer_type


@pytest.mark.parametrize("question, kind", [
    ("how many sets and reps for clamshells?", "exercise_dose"),
    ("how long should i hold the pigeon stretch", "exercise_dose"),
    ("is it ok to run with a sore hip flexor?", "can_i_run"),
    ("how long until sore hip flexors go away", "recovery_time"),
    ("when should I see a physio", "see_doctor"),
    ("how do i stop it from coming back", "prevention"),
    ("what exercises help my glutes", "exercise_howto"),
    ("why do my hips hurt after running", "cause"),
    ("what should i do about a sore hip", "treatment"),
    ("what is runners hip", "definition"),
    ("is foam rolling better than stretching", "comparison"),
    # a bare "or" asks yes or no; "how to" at the end asks for steps (dev-split phrasings)
    ("side plank how to", "exercise_howto"),
    ("glute bridges form check - what am i supposed to do", "exercise_howto"),
    ("how many hip flexor raises should i do", "exercise_dose"),
    ("how long should my cool down walk be", "exercise_dose"),
    ("do i do each stretch just once or a few times?", "exercise_dose"),
    ("should i ignore minor tightness in my hip or deal with it now", "yes_no"),
    ("static vs dynamic stretching, which one goes before my run", "comparison"),
    # answers_dev29 and the seen sets' follow-ups: a turn that is only the dose, a pain that may not
    # pass, a verb of easing
    ("reps?", "exercise_dose"),
    ("and sets?", "exercise_dose"),
    ("and if it doesn't?", "see_doctor"),
    ("what if it's not better by friday?", "see_doctor"),
    ("so how do i loosen them?", "treatment"),
])
def test_answer_types(question, kind):
    assert answer_type(question) == kind


def test_a_long_message_is_searched_by_the_sentences_that_ask():
    story = ("I have been running for three years and did a half marathon last month. " * 3
             + "My hip flexors have been sore since. Should I keep running or rest?")
    assert asking_part(story) == "Should I keep running or rest?"
    assert asking_part("why do my hips hurt") == "why do my hips hurt"


def test_an_elliptical_follow_up_borrows_the_earlier_topic():
    q = analyse("how many sets and reps for those?", ["what glute exercises like clamshells help?"])
    assert q.context and "clamshells" in q.topics and q.answer_type == "exercise_dose"
    assert "clamshells" in q.search_text.lower()


def test_a_self_contained_turn_does_not_inherit_an_old_topic():
    q = analyse("what causes IT band pain in runners?", ["how do I do clamshells?"])
    assert q.context == "" and "clamshells" not in q.topics
    assert not is_followup("what causes IT band pain in runners?")
    assert is_followup("and for the glutes?")


def test_a_follow_up_naming_its_own_exercise_borrows_the_question_not_the_old_exercise():
    q = analyse("and how many bird dogs?", ["how long should i hold the side plank?"])
    assert "bird dog" in q.topics and "side plank" not in q.topics
    assert "side plank" not in q.search_text.lower() and "how long should i hold" in q.search_text.lower()


def test_a_follow_up_naming_its_own_thing_borrows_only_the_kind_of_question():
    """"what about shoes?" after "how do I prevent hip pain when running?" asks how shoes prevent
    it: the earlier turn lends the words that ask (its answer type's cue), not the rest of it."""
    q = analyse("what about shoes?", ["how do I prevent hip pain when running?"])
    assert q.context == "prevent" and q.answer_type == "prevention"
    assert "hip pain" not in q.search_text


def test_a_follow_up_after_a_yes_no_turn_borrows_all_but_its_topics():
    """A yes/no turn's cue ("is") lends nothing to search with: the rest of the turn is borrowed."""
    q = analyse("and the glutes?", ["is it normal for my hip to ache after long runs?"])
    assert "ache after long runs" in q.search_text


def test_a_follow_up_naming_its_own_thing_is_answered_about_that_thing(chat):
    answer = chat.reply("what about shoes?", ["how do I prevent hip pain when running?"])
    assert answer.quotes and all("shoe" in q.text.lower() or "footwear" in q.text.lower() for q in answer.quotes[:3])


def test_a_follow_up_asking_its_own_kind_of_question_borrows_only_the_earlier_topic():
    q = analyse("how do I stop it from coming back once it's better?", ["what causes runner's hip?"])
    assert q.answer_type == "prevention" and "Runner's Hip" in q.topics
    assert "cause" not in q.search_text.lower()


@pytest.mark.parametrize("message, leans", [
    ("ok. different question, how do I get faster at 5k?", False),
    ("unrelated but can you recommend a good trail race this summer?", False),
    ("btw my knee also clicks when I squat, what's that about?", False),
    ("on another note, which gels are best?", False),
    ("by the way, how many reps of those?", True),
    ("different question - how often should I do them?", True),
    ("and how long should i hold it?", True),
])
def test_a_turn_that_says_it_changes_the_subject_stands_alone(message, leans):
    """"Different question", "unrelated", "on another note" always start afresh; an aside ("btw")
    does when it names a subject of its own, not when it points back ("of those")."""
    history = ["is it ok to run with sore hip flexors?"]
    assert bool(analyse(message, history).context) is leans
    assert leans_on_conversation(message) is leans


@pytest.mark.parametrize("message", [
    "i do the stretches already but it still hurts",
    "it's not getting any better though",
    "mine's been going on for three weeks now",
])
def test_pain_that_goes_on_despite_what_was_tried_asks_when_to_get_it_checked(message):
    """Added after answers_dev28's follow-ups: the articles' answer to pain that persists is to see
    someone, in words the message does not use, so the search adds them."""
    query = analyse(message, ["my hip flexors are sore after running"])
    assert query.answer_type == "see_doctor"
    assert "healthcare professional" in query.search_text


@pytest.mark.parametrize("message, article_words", [
    ("my knees cave in when i run, is that related to my hip?", "knee valgus"),
    ("my hip drops on one side when i run", "pelvic drop"),
    ("is there any research on weak glutes and hip pain?", "study published"),
])
def test_runners_words_for_how_the_body_moves_are_searched_in_the_articles_terms(message, article_words):
    assert article_words in analyse(message).search_text


def test_a_follow_up_with_hedges_leans_on_the_conversation_instead_of_being_refused(chat):
    """"roughly" and "normal" are words the library never uses, but hedges and degrees are no
    subject of the turn's own (answers_dev28)."""
    history = ["my hip flexors are sore after running, what should i do?", "should i rest?"]
    reply = chat.reply("ok, resting now. roughly how long before i'm back to normal?", history)
    assert not reply.refused
    assert "hip flexors" in chat.understand("ok, resting now. roughly how long before i'm back to normal?", history).topics


def test_a_follow_up_borrows_which_exercise_was_named_and_where_a_kind_of_thing_was_told():
    """Added after answers_test20's follow-ups: "how long do i hold it?" after the *kneeling* hip
    flexor stretch searches for that stretch, not any hip flexor stretch; "how long do i hold that
    one?" after "is there a stretch for it?" borrows the piriformis from the turn before."""
    kneeling = analyse("how long do i hold it?", ["how do you do the kneeling hip flexor stretch?"])
    assert "kneeling" in kneeling.search_text
    piriformis = analyse("how long do i hold that one", ["what's piriformis syndrome?", "is there a stretch for it?"])
    assert "piriformis" in piriformis.topics and "piriformis" in piriformis.search_text
    # ...but not the words that asked ("what causes"), which would turn a prevention follow-up into causes
    assert "causes" not in analyse("how do i stop it coming back?", ["what causes runner's hip?"]).search_text


@pytest.mark.parametrize("turns, message", [
    (["did all the stretches and glute strength stuff for 6 weeks", "hip still sore after runs"], "what now, doctor?"),
    ([], "i already do bridges and clams 3x a week and my hip still aches after every run, what now?"),
    (["pretty sure i've got runner's hip", "should i stop running for a bit?"], "and if it doesn't get better?"),
])
def test_pain_that_goes_on_asked_what_next_is_answered_with_when_to_get_it_checked(chat, turns, message):
    """Pain said to go on, in the message or the turns before it, asked "what now?": the answer is
    when to get it checked, whatever the type model reads into the exercises named."""
    reply = chat.reply(message, turns)
    assert chat.understand(message, turns).answer_type == "see_doctor"
    assert re.search(r"persist|consult", reply.quotes[0].text, re.I)


def test_a_habit_kept_up_for_weeks_asked_what_next_is_no_question_of_pain_that_goes_on(chat):
    assert chat.understand("been doing clamshells for 3 weeks, what else can i add for my glutes?").answer_type != "see_doctor"


@pytest.mark.parametrize("turns, message", [
    (["my hip is sore after today's run"], "heat or ice"),
    (["should i ice my hip", "for how long"], "how many times a day"),
])
def test_a_short_fragment_in_the_librarys_own_words_is_read_with_the_conversation(chat, turns, message):
    """From answers_dev29: a turn of a few words the library itself uses ("heat or ice") cannot be
    answered alone but is no new subject: it is read with the conversation, and when the turns
    before name no listed topic and the last says next to nothing ("for how long"), the last two
    turns lend it their words."""
    reply = chat.reply(message, turns)
    assert not reply.refused
    assert "ice" in chat.understand(message, turns, lean=True).search_text


def test_a_short_turn_of_words_the_library_never_uses_is_still_refused(chat):
    assert chat.reply("best marathon in europe?", ["my hip is sore after today's run"]).refused


@pytest.mark.parametrize("turns, message, topic, kind", [
    (["got diagnosed with FAI last month"], "am i done running?", "FAI", "can_i_run"),
    (["i have a 10k on saturday", "hip flexor is sore"], "race or skip", "hip flexors", "can_i_run"),
    (["sore hip flexors after a hilly run"], "days or weeks?", "hip flexors", "recovery_time"),
])
def test_a_short_turn_about_running_on_asks_within_the_earlier_topic(chat, turns, message, topic, kind):
    """From answers_dev29: "running" names no subject of a turn's own (every turn is about it), so
    "am i done running?" after a diagnosis asks about that diagnosis; "race or skip" asks whether to
    run, "days or weeks?" how long."""
    query = chat.understand(message, turns)
    assert topic in query.topics
    assert query.answer_type == kind


@pytest.mark.parametrize("turns, message", [
    (["should i ice my hip", "for how long"], "sex?"),
    (["should i ice my hip", "for how long"], "rain?"),
    (["my hip is sore after today's run"], "running at night?"),
    (["how do I stretch my hip flexors?"], "running alone?"),
])
def test_a_bare_word_or_a_question_about_running_itself_is_no_fragment_of_the_conversation(chat, turns, message):
    """From a code review: a fragment leans on the conversation only when it asks a known kind of
    question or names a subject of the library ("heat or ice"); a bare word ("sex?") or running at
    night is judged alone, and refused."""
    assert chat.reply(message, turns).refused


@pytest.mark.parametrize("turns, message, topic", [
    (["my pt gave me planks, side planks and bird dogs for my hip"], "how do you do the last one?", "bird dog"),
    (["my pt gave me planks, side planks and bird dogs for my hip"], "how long do i hold the first one?", "planks"),
    (["my pt gave me planks, side planks and bird dogs for my hip"], "and the second exercise?", "side plank"),
    (["glute bridges or clamshells, which is better?"], "how do i do the latter?", "clamshells"),
])
def test_a_follow_up_picking_an_exercise_by_its_place_in_a_list_takes_that_one(turns, message, topic):
    """From dev30: "the last one" after a turn listing three exercises is the third, "the latter"
    the second of two; the follow-up is about that exercise alone."""
    assert analyse(message, turns).topics == (topic,)


def test_the_last_run_or_race_is_no_pick_from_a_list_of_exercises():
    query = analyse("my hip was sore again after the last one, should I rest?", ["I do clamshells and glute bridges after my runs"])
    assert query.topics != ("glute bridges",)


def test_a_place_in_a_list_with_no_list_before_it_borrows_as_any_follow_up_does():
    query = analyse("how do you do the last one?", ["what stretches help tight hips?"])
    assert "stretches" in query.topics


@pytest.mark.parametrize("question, kind", [
    ("which muscles are those?", "definition"),
    ("and what do they do?", "definition"),
    ("is there a link?", "cause"),
    ("how does that work?", "cause"),
    ("how do i get back into it?", "recovery_time"),
])
def test_follow_up_wordings_from_dev30_get_their_answer_type_from_the_cue_rules(question, kind):
    assert answer_type(question) == kind


@pytest.mark.parametrize("question", [
    "its been 3 days and my hip flexor is still sore. is that normal or should it be gone by now??",
    "my hip soreness just isn't going away, it's been weeks now. shouldnt it have healed by now?",
    "ugh its been 2 weeks and my hip flexor is still a bit sore. is that a normal timeline or what",
])
def test_asking_whether_soreness_is_taking_too_long_asks_the_recovery_time(question):
    assert analyse(question).answer_type == "recovery_time"


@pytest.mark.parametrize("question", [
    "how do i stop my hip flexors getting sore after every run",
    "desk worker here, how do i keep my hip flexors from tightening up",
    "anything i can do so my hip flexors dont get tight and start hurting on runs?",
])
def test_keeping_soreness_from_starting_asks_prevention_not_treatment(question):
    assert answer_type(question) == "prevention"


@pytest.mark.parametrize("earlier, message", [
    ("how do i do bird dogs?", "thx! how many?"),
    ("how do i do the kneeling hip flexor stretch", "cool, how long per side?"),
    ("how do I do a seated hip flexor raise?", "reps and sets?"),
])
def test_a_quantity_asked_after_how_to_do_an_exercise_asks_its_dose(earlier, message):
    assert analyse(message, [earlier]).answer_type == "exercise_dose"


def test_a_quantity_asked_after_a_question_that_is_no_exercise_keeps_that_type():
    assert analyse("how long?", ["should i rest my sore hip flexor?"]).answer_type != "exercise_dose"


def test_a_follow_up_asking_the_same_of_its_own_thing_borrows_the_earlier_question():
    query = analyse("what about a labral tear, same thing?", ["how do you treat FAI"])
    assert query.answer_type == "treatment" and "labral tear" in query.topics


def test_asking_whether_another_way_of_running_would_be_better_leans_on_the_conversation():
    assert leans_on_conversation("would running on grass be any better?")


@pytest.mark.parametrize("question, kind", [
    ("when should i see a doc about it then", "see_doctor"),
    ("should i get that checked out?", "see_doctor"),
    ("ok so is running still ok with that", "can_i_run"),
])
def test_runners_shorthand_for_a_doctor_or_for_running_on_gets_its_answer_type(question, kind):
    assert answer_type(question) == kind


def test_a_follow_up_naming_its_own_thing_but_asking_nothing_of_its_own_borrows_the_question():
    query = analyse("and if it's the front of the hip?", ["whats the best stretch for tight hips after running?"])
    assert query.answer_type == "exercise_howto" and "hip flexors" in query.topics


@pytest.mark.parametrize("earlier, message, not_kind", [
    ([], "does running cause long-term hip damage?", "prevention"),
    ([], "i stretch every day so my hips don't feel tight, but today they're killing me, what should i do?", "prevention"),
    ([], "should it be better to ice or heat it?", "recovery_time"),
    ([], "my doc says it's bursitis, what stretches help?", "see_doctor"),
    (["how do i do side planks?"], "any tips for the set up?", "exercise_dose"),
    (["how do i do bird dogs?"], "how long have people been doing it?", "exercise_dose"),
    (["how long does runner's hip take to heal?"], "so where exactly is the piriformis muscle?", "recovery_time"),
])
def test_round_22s_cue_rules_hold_against_the_code_reviews_near_misses(earlier, message, not_kind):
    """The review's wordings that round 22's first cue rules misread: a long-term worry, a habit
    told with "so my hips don't", a choice between two remedies, a doctor's diagnosis before an
    exercise question, a set-up or a history asked after an exercise, a question of its own."""
    assert analyse(message, earlier).answer_type != not_kind


def test_a_follow_up_naming_no_topic_carries_the_particular_words_of_the_last_two_turns(chat):
    """A follow-up that names nothing ("should i change that?") takes the particular words of the
    last two turns, wherever the listed topic was: "concrete" (used in few chunks) travels with it,
    "hip" and "sore" (in most) add nothing. A turn naming its own topic carries none of them."""
    turns = ["nearly all my runs are on concrete paths", "and my hips ache a bit after the long ones"]
    assert "concrete" in chat.understand("should i change that?", turns).search_text
    assert "concrete" not in chat.understand("how do I do clamshells?", turns).search_text


def test_a_follow_up_naming_a_day_or_a_parkrun_still_leans_on_the_conversation(chat):
    """"can I still do parkrun on saturday?" after sore hip flexors asks about the same hip: days and
    the week's fixtures are talk of time, not a subject of their own the library does not know."""
    answer = chat.reply("can I still do parkrun on saturday?", ["my hip flexors are really sore after a trail half yesterday"])
    assert not answer.refused
