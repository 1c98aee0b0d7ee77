"""What the library covers: hips in runners, not every running question or body part.

Phrasings in the style of the answer dev split's off-topic items, answered by the real chat.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("question", [
    "my shoulder aches after swimming, what stretches help?",
    "heel hurts with the first steps out of bed, what should i do",
    "how do I get faster at 5k, which intervals?",
    "how many gels per hour should i take in a marathon",
    "my calves are tight after hill repeats, how do i loosen them?",
    "will running ruin my knees when i'm older?",
    "my lower back is stiff after a day at my desk, what stretches help?",
])
def test_other_body_parts_and_running_questions_without_the_hip_are_refused(chat, question):
    assert chat.reply(question).refused


@pytest.mark.parametrize("question", [
    "my hip and knee ache after long runs, what stretches help?",
    "how many sets and reps for clamshells?",
    "what warm-up should I do before intervals?",
    "how do high knees work as a warm-up?",
    "will seeing a physio help me get back to running?",
])
def test_hip_questions_that_share_their_words_are_still_answered(chat, question):
    assert not chat.reply(question).refused


def test_the_body_part_is_judged_in_the_message_not_the_turn_it_follows(chat):
    assert chat.reply("what about my heel?", ["what causes runner's hip?"]).refused
    assert not chat.reply("my shoulder hurts when I do side planks").refused


@pytest.mark.parametrize("question", [
    "what is the trendelenburg test looking for?",
    "pretty sure its bursitis from googling, do i need a gp or can i just sort it myself",
])
def test_a_question_naming_a_library_topic_is_answered_however_plain_its_other_words(chat, question):
    """The unfamiliar-word refusal is for questions the library has no name for."""
    assert not chat.reply(question).refused


@pytest.mark.parametrize("turns, message", [
    (["i run on the road every day, could that be why my hips hurt?"], "what should i run on instead then?"),
    (["how do you treat hip bursitis?"], "can i sort that out myself or do i need to see someone?"),
])
def test_a_follow_up_pointing_back_at_a_hip_question_is_answered(chat, turns, message):
    assert not chat.reply(message, turns).refused


@pytest.mark.parametrize("turns, message", [
    (["I'm icing my tight hips after my runs"], "would a sauna be better?"),
    (["hip flexors really sore after a long run"], "can i still do my easy run tomorrow or nah"),
])
def test_a_short_turn_the_library_cannot_answer_alone_is_read_with_its_conversation(chat, turns, message):
    """Asked alone, these find nothing and are refused; asked after a hip turn, they are that
    conversation's next step and are answered. ("would heat be better?" alone is answered since
    heat, named in the message, is care the articles name.)"""
    assert chat.reply(message).kind == "refusal"
    assert chat.reply(message, turns).kind == "answer"


def test_a_turn_about_another_body_part_is_not_read_with_a_hip_conversation(chat):
    assert chat.reply("what about my knee?", ["my hip flexors are sore"]).kind == "refusal"


@pytest.mark.parametrize("turns, message", [
    (["the front of my hip has been sore since saturday's long run", "been resting it and putting ice on"],
     "how long till it settles?"),
    (["my hips ache after every run lately", "i've added a lot of hill reps and speed work"], "could that be why?"),
])
def test_a_follow_up_whose_subject_was_told_a_turn_earlier_is_answered(chat, turns, message):
    """The turn leaned on says nothing of the hip; the one before it does. Whether the library
    covers the follow-up is judged with both (``Query.subject``): read with the last turn alone
    it is refused."""
    assert chat.reply(message, turns).kind == "answer"
    assert chat.reply(message, turns[-1:]).kind == "refusal"


@pytest.mark.parametrize("question", [
    "whats the 10 percent rule everyone talks about",
    "is the ten per cent rule real?",
])
def test_a_rule_known_by_its_name_is_found_by_the_words_the_articles_state_it_in(chat, question):
    """"The 10 percent rule" is written in the articles as increasing weekly mileage by no more
    than 10%; the name alone matched nothing well enough to answer."""
    answer = chat.reply(question)
    assert answer.kind == "answer" and "10%" in answer.quotes[0].text


@pytest.mark.parametrize("turns, message, answered", [
    ([], "hill reps tues, intervals thurs, tempo sat and my hips are knackered by sunday. am i overdoing it?", True),
    (["front of my hip has been sore since the trail race", "honestly it's mild, just a dull ache"],
     "how long till it's gone?", True),
    ([], "my hips ache after pottery class, is my stool too low?", False),
])
def test_words_the_library_never_uses_refuse_only_what_is_not_about_a_runners_hip(chat, turns, message, answered):
    """The unfamiliar-word refusal is for questions about something else. A runner's hip told in
    chatty words (days, session names), or a follow-up pointing back at a hip conversation, is
    the library's subject; the hip after another pastime is not."""
    assert (chat.reply(message, turns).kind == "answer") is answered


@pytest.mark.parametrize("turns, message, answered", [
    (["how long should i hold the pigeon stretch?"], "thanks! also any good audiobooks for long runs?", False),
    (["what stretches help tight hip flexors?"], "cool, and what's the best marathon in portugal?", False),
    (["what exercises help weak glutes?"], "thanks! how many reps of those?", True),
    (["what exercises help weak glutes?"], "perfect, how many reps?", True),
    (["can i run with sore hip flexors?"], "ok so how long should i rest before trying again", True),
])
def test_a_new_question_after_a_closed_exchange_stands_alone_but_a_follow_up_does_not(chat, turns, message, answered):
    """"thanks! also…", "cool, and…": a turn that closes the last exchange and asks about a thing
    of its own the library never names is read alone (and refused); one pointing back, or carrying
    on ("ok so…"), is still the conversation's next step."""
    assert (chat.reply(message, turns).kind == "answer") is answered


@pytest.mark.parametrize("question, answered", [
    ("any hip-hop albums good for a hard interval session?", False),
    ("best hip hop tracks for a tempo run?", False),
    ("my nan is having a hip replacement after years of running, how long is recovery usually?", False),
    ("our greyhound has bad hips and limps after walks, what supplements help?", False),
    ("my dad is booked in for a hip operation, will he be in hospital long?", False),
    ("my cat's hip dysplasia flares in winter, what food helps her joints?", False),
    # the runner's own hip beside those words is still answered
    ("did a hip hop dance class and now my hips ache when i run, stretches?", True),
    ("ran with my dog and my hip flexors are sore after, stretches?", True),
    ("my mum had a hip replacement, and my own hip aches after long runs. what helps?", True),
    ("can runners with labral tears keep running? should they have surgery?", True),
    ("is it ok to run with my dog with hip bursitis?", True),
])
def test_a_hip_that_is_not_a_runners_own_is_refused(chat, question, answered):
    """'Hip' in another sense (hip hop), an animal's hip, another person's hip operation: the
    articles are about runners' hips, so these are off-topic however well 'hip' matches."""
    assert chat.reply(question).refused is not answered


@pytest.mark.parametrize("message", [
    "how long do i hold pigeon pose or the figure 4 one",
    "how many reps of bird dogs should i build up to",
])
def test_how_to_do_an_exercise_the_library_names_is_answered_however_weakly_it_matches(chat, message):
    """An exercise the articles describe, asked how to do or how much: answered, not refused."""
    assert chat.reply(message).kind == "answer"


@pytest.mark.parametrize("message, answered", [
    ("only a mild ache honestly, nothing dramatic. roughly how many days till it settles?", True),
    ("the ache is pretty mild tbh. roughly how many days till it settles down?", True),
    # a pain of another part, or a hip's pain from another pastime, is still refused
    ("my elbow aches after tennis, how many days before it calms down?", False),
    ("my hips ache after pottery class, is my stool too low?", False),
    ("my tummy aches when i run, how do i stop it?", False),
])
def test_a_pain_told_with_no_body_part_is_taken_to_be_the_hip(chat, message, answered):
    """Someone asking a hip-pain assistant about "a dull ache" means their hip: many words the
    library never uses do not make that off-topic. A pain placed elsewhere still is."""
    assert (chat.reply(message).kind == "answer") is answered


@pytest.mark.parametrize("question, answered", [
    # a hip that is a thing or a size, an animal's hip however its owner speaks
    ("is a hip pack or a vest better for carrying water on long runs?", False),
    ("how do i measure my hips to pick the right size of running shorts?", False),
    ("what's the pitch of a hip roof on a garden shed?", False),
    ("my spaniel has hip dysplasia, should i still take him on my morning runs?", False),
    # ...and the runner's own hip beside them
    ("my spaniel has hip dysplasia and now my own hip aches after runs too, stretches?", True),
])
def test_a_hip_that_is_a_thing_a_size_or_an_animals_is_refused(chat, question, answered):
    """Added after answers_test19's off-topic questions: the articles are about runners' hips."""
    assert chat.reply(question).refused is not answered


@pytest.mark.parametrize("question, answered", [
    # a complaint of another body part is not rescued by the exercise it came from
    ("strained my neck doing glute bridges, what should i do for it?", False),
    ("my achilles tendon is sore after runs, how do i treat it?", False),
    # ...but a body part inside a named thing is no other body part, and an exercise asked about itself is answered
    ("is it bad to do toe touches before a run?", True),
    ("i'm a heel striker, could that be part of my hip pain?", True),
    ("how do i do side planks if my shoulder is a bit weak?", True),
])
def test_care_for_another_body_part_is_refused_whatever_exercise_is_named(chat, question, answered):
    """Added after answers_test19's off-topic questions (a lower back after deadlifts, an achilles): a
    question asking for care of the other body part is refused whatever exercise hurt it."""
    assert chat.reply(question).refused is not answered


@pytest.mark.parametrize("question, answered", [
    # a product, a brand, a price; another sport; the song and the slang word
    ("saucony or asics for a first marathon?", False),
    ("which running watch should i buy for a first ultra?", False),
    ("good trail shoes under £100?", False),
    ("how do i stop slicing my drive in golf", False),
    ("what's the chorus of hips don't lie", False),
    ("is it still cool to call something 'hip'", False),
    # ...and hip questions that name a shop's words or a sport as cross-training
    ("what should i look for in a running shoe to protect my hips?", True),
    ("is it worth paying for a physio for my sore hip?", True),
    ("can i do swimming instead of running while my hip flexor heals?", True),
    # ...and brands, prices and "recommend" inside a hip question (found by the code review of round 16)
    ("my garmin says my cadence is 158, could that cause my hip pain?", True),
    ("what would you recommend for a tight hip flexor?", True),
    ("is hip pain the price i pay for running 60 miles a week?", True),
    ("the sore spot is hip, not groin - what does that mean", True),
])
def test_a_product_a_price_another_sport_or_a_song_is_refused(chat, question, answered):
    """Added after the off-topic questions the seen sets answered: the articles name no product,
    brand or price, no other sport without the hip, and "hip" in a song or as slang is another word."""
    assert chat.reply(question).refused is not answered


def test_another_sport_asked_about_after_a_hip_turn_is_answered(chat):
    """From the code review of round 16: "is cycling ok instead?" after a sore hip asks about
    cross-training, not about cycling for its own sake."""
    assert chat.reply("is cycling ok instead?", ["my outer hip has been aching after long runs for 3 weeks"]).refused is False


@pytest.mark.parametrize("turns, message, answered", [
    (["how long should i hold the pigeon pose?"], "and what time should i aim for in a 10k?", False),
    (["is it ok to run with a sore hip flexor?"], "and how many carbs before race day?", False),
    (["how many clamshells should i do?"], "and what should i eat for breakfast before a long run?", False),
    (["is there anything i can do at home about tight hip flexors?"], "thanks, what about massage?", True),
    (["how do i do clamshells"], "how many sets tho", True),
    (["my hip flexor is sore after running"], "should i ice it?", True),
    (["what stretches help hip flexors?"], "what about a foam roller?", True),
])
def test_a_follow_up_worded_like_a_question_graded_off_topic_is_refused(chat, turns, message, answered):
    """Added after the seen sets' off-topic turns answered as follow-ups ("and what should i eat
    the night before a 10k?" after a warm-up question): a follow-up whose own words point back at
    nothing and name nothing of the library is also judged on them, against the graded questions
    the library does not cover ("should i ice it?" points back: the code review)."""
    assert (chat.reply(message, turns).kind != "refusal") is answered


@pytest.mark.parametrize("turns, message", [
    (["hip still sore after runs"], "what now, doctor?"),
    (["i've tried resting and icing it"], "should i see someone?"),
    (["what stretches should i do after a run for my hips"], "nice. how long should the whole thing take?"),
    (["my hips are sore after runs and i have a desk job"], "anything i can do at work to help? cant exactly kneel on the office floor"),
])
def test_follow_ups_that_ask_what_next_or_about_care_are_answered(chat, turns, message):
    """Refused before: "what now" opens a follow-up; a care question after a turn telling of a
    complaint or of care already tried is about it; "the whole thing" points back; "anything",
    "cant" are function words, not words of a subject of its own."""
    assert not chat.reply(message, turns).refused


@pytest.mark.parametrize("turns, message, refused", [
    ([], "do i need to stop running completely or can i just cut my mileage back?", False),
    ([], "is taking time off just being weak? i feel so guilty skipping runs", False),
    (["how do i do the kneeling hip flexor stretch?"], "is there a version i can do standing up? my knees hate kneeling", False),
    (["what should i change about my form?"], "who can check my form for me", False),
    (["how many reps of clamshells?"], "and how many for my shoulders?", True),
])
def test_a_body_part_beside_a_topic_or_given_as_a_limit_is_no_other_subject(chat, turns, message, refused):
    """Refused before: a topic taken out of a message left its neighbours joined ("cut my mileage
    back" read as "my back"); a knee named as what stops a stretch is no question about the knee,
    though a follow-up asking about the shoulders is; time off and skipped runs are rest; "who can
    check it?" asks the user's next step."""
    assert chat.reply(message, turns).refused is refused


def _refused_by_the_rules(chat, message: str, turns: list[str]) -> bool:
    """Whether the reply refuses, judged with no answer memory: the shipped memory has graded
    some of these very questions."""
    kept = chat.composer.answer_memory
    try:
        chat.composer.use_memory(None)
        return chat.reply(message, turns).refused
    finally:
        chat.composer.use_memory(kept)


@pytest.mark.parametrize("turns, message, refused", [
    ([], "my dog limps on his back hip after playing fetch, what should i do?", True),
    (["what's hip bursitis?"], "can dogs get that too? my greyhound seems really stiff getting up", True),
    ([], "how do bird dogs work? the exercise, not actual dogs lol", False),
    ([], "my dog pulled me over on a run and my hip is sore, what should i do?", False),
    ([], "is rose hip tea actually good for you", True),
    ([], "what workouts give you wider hips, like for the look", True),
    (["what's runner's hip?"], "lol ok. who won the boston marathon this year?", True),
    ([], "how many miles a week should i run to lose 10 pounds", True),
    ([], "is intermittent fasting ok for runners", True),
])
def test_animals_fruit_looks_results_and_diet_goals_are_not_the_librarys(chat, turns, message, refused):
    """Answered before when the answer memory left their set out: an animal's hip or stiffness
    (not an exercise named after one, nor the user's fall over a dog); "hip" as a fruit or a shape
    wanted for looks; race results and the weather; weight and diet goals. Judged by the rules
    alone: the shipped memory has graded these very questions."""
    assert _refused_by_the_rules(chat, message, turns) is refused


@pytest.mark.parametrize("turns, message, refused", [
    (["my achilles has been really sore for two weeks, i've been icing it"], "should i see a physio?", True),
    (["my toe has been sore for a week"], "and if it doesn't get better?", True),
    (["what stretches help tight hips?"], "anything good on netflix tonight?", True),
    ([], "should i take time off work to train for an ultra?", True),
    (["i've tried resting and icing my hip"], "should i see someone?", False),
])
def test_a_care_follow_up_about_another_body_part_or_a_new_subject_is_refused(chat, turns, message, refused):
    """A follow-up asking about care, in a conversation about the achilles or a toe, is that body
    part's question; "anything" opens a question of its own unless "anything i can do"; time off
    work is no rest."""
    assert _refused_by_the_rules(chat, message, turns) is refused


@pytest.mark.parametrize("turns, message, refused", [
    (["where does hip pain after running usually come from"], "could it be my back tho?", False),  # answers_test32
    (["my lower back has been cranky for months", "and now my hip aches after runs too"], "could it actually be coming from my back?", False),
    (["my hip hurts after runs"], "what about my knee, it hurts too, what should I do?", True),
    (["my hip hurts after runs"], "my knee hurts after runs too, is it going to be a problem?", True),
    (["my hip hurts after runs"], "could it be my knee that hurts now, what should I do?", True),
])
def test_a_follow_up_asking_if_the_hip_pain_comes_from_another_body_part_is_answered(chat, turns, message, refused):
    """"Could it be my back?" after a hip conversation asks where the hip's pain comes from (the
    articles name referred pain from the lower back), not about the back; a follow-up about a
    pain of the knee itself is still the knee's question."""
    assert _refused_by_the_rules(chat, message, turns) is refused


@pytest.mark.parametrize("turns, message, refused", [
    ([], "which glucosamine brand is best for joints? bought a cheap one for my hips", True),
    ([], "does CBD cream work on sore hips?", True),
    ([], "acupuncture for runner's hip - worth it?", True),
    ([], "pregnant with my second and my pelvis aches when i jog, is running ok?", True),
    ([], "how much does a sports massage usually cost per hour? want one for my hips", True),
    ([], "can i claim my physio visits for my hip on my taxes?", True),
    ([], "is it ok to run with a head cold or should i rest?", True),
    ([], "should i ice my sore hip or use a cbd cream?", False),
    ([], "is a sports massage good for tight hip flexors?", False),
    ([], "my hips feel cold and tight at the start of a run, how do i warm up?", False),
    # ...and from this round's code review: a remedy, a price or a pregnancy named in passing
    ([], "why does my hip hurt after long runs? I've been taking glucosamine for months", False),
    ([], "my chiropractor says my pelvis is tilted, could that cause my hip pain when running?", False),
    ([], "is hip pain just the price of marathon training?", False),
    ([], "I'm on medicare, when should I see a doctor about hip pain after running?", False),
    ([], "My wife is pregnant so I've been running less, now my hip flexors are tight, which stretches help?", False),
    (["my outer hip aches after long runs"], "could my supplements be causing it?", False),
])
def test_remedies_pregnancy_money_and_everyday_illness_the_articles_never_name_are_refused(chat, turns, message, refused):
    """From dev30 and the seen sets: supplements, creams and therapies none of the five articles
    names, asked about as remedies, running while pregnant, prices, taxes and health funds, and a
    head cold are not the library's, whatever hip the message names; a remedy weighed against one
    the articles do name (ice), a massage, cold hips, and a remedy, price or someone else's
    pregnancy named in passing beside a hip question are still its questions."""
    assert _refused_by_the_rules(chat, message, turns) is refused


@pytest.mark.parametrize("question, refused", [
    ("icing after a run - how many minutes?", False),
    ("what is periodisation? heard it helps avoid overuse stuff", False),
    ("besides ice, would elevation help at all?", False),
    ("any tips for running in snow and ice? do i need spikes", True),
    ("how much elevation gain per week should i do for a trail ultra", True),
    ("best ice cream flavour for a post-race treat?", True),
])
def test_the_self_care_and_training_methods_the_articles_name_are_covered(chat, question, refused):
    """From the seen sets' false refusals: the self-care the articles name (ice, heat, compression,
    elevation), named in the message itself, and periodization, a topic, make a question covered
    however weakly its wording matches; ice on the road, an ultra's elevation gain, ice cream are
    not them."""
    assert chat.reply(question).refused is refused
