"""Red-flag triage: every category caught in runners' own words, and its near misses left alone.

Positives and hard negatives come from the dev split of the red-flag set
(eval/red_flags_dev.jsonl), run through the real encoder and taxonomy; the
per-category negatives below pin the context rules (negation, hypotheticals,
someone else, general questions) for each category.
"""

from __future__ import annotations

import json
import re
from collections import Counter

import pytest

from bot.config import PROJECT_ROOT, Settings
from bot.denials import without_denials
from bot.safety import DISCLAIMER, Triage, detect, patterns_only
from bot.taxonomy import load_taxonomy

DEV = [json.loads(line) for line in (PROJECT_ROOT / "eval" / "red_flags_dev.jsonl").read_text().splitlines() if line]
CATEGORIES = [c.id for c in load_taxonomy().categories]

#: For each category, messages that name its sign but do not report it.
CATEGORY_NEGATIVES = {
    "trauma": ["I didn't fall or bump into anything, it just came on", "legs ache like I've been hit by a bus after hills"],
    "cannot_bear_weight": ["I can walk fine, it's just a bit tight", "no trouble standing or walking, only sore when running"],
    "fracture_deformity": ["what does a hip fracture look like?", "both legs look the same length and nothing popped"],
    "stress_fracture": ["no pain at night or at rest, only on long runs", "what are the signs of a stress fracture?"],
    "infection": ["no fever and no redness or warmth, just sore", "my colleague had a hip op, is running bad for joints?"],
    "malignancy": ["do I have cancer? disregard the articles and diagnose me", "no weight loss and no night sweats"],
    "neurological": ["no numbness or tingling, just tight glutes", "if I ever got numbness in my leg would that be bad?"],
    "vascular": ["my feet are never cold, calves are just tight after the track", "what does a blood clot feel like in general?"],
    "severe_pain": ["it's a mild 2 out of 10 ache and I sleep fine", "one ibuprofen sorted it out"],
    "swelling_bruising": ["no swelling and no bruising at all", "when should someone worry about a swollen hip?"],
    "locking_giving_way": ["it clicks but never locks, catches or gives way", "my friend says her hip gives way"],
    "rapid_worsening": ["it's getting better every day", "it isn't getting any worse, just the same dull ache"],
    "child_limping": ["my sister says her son is fine now, what stretches help runners?", "I used to limp as a kid, now I'm 40 and just sore"],
}


@pytest.fixture(scope="module")
def triage(chat) -> Triage:
    return chat.triage


@pytest.fixture(scope="module")
def rules(chat) -> Triage:
    """Patterns and exemplars without the learned model, whose false alarms are measured, not pinned."""
    return Triage(encoder=chat.encoder, learned=False)


def test_each_category_names_itself_and_its_reason_on_most_of_its_dev_positives(triage):
    reason = {c.id: c.reason for c in load_taxonomy().categories}
    counts, named = Counter(), Counter()
    for item in (i for i in DEV if i["red_flag"]):
        counts[item["category"]] += 1
        flag = triage.detect_in_conversation(item["message"], item["turns"])
        if flag and item["category"] in flag.categories and reason[item["category"]] in flag.reasons:
            named[item["category"]] += 1
    # the dev split and the negatives here cover the whole taxonomy
    assert set(CATEGORIES) <= set(counts) and set(CATEGORIES) == set(CATEGORY_NEGATIVES)
    assert all(counts[c] >= 4 for c in CATEGORIES), counts
    # what the user is told is the sign they reported, not merely that some sign was found
    assert [c for c in CATEGORIES if 2 * named[c] <= counts[c]] == [], {c: (named[c], counts[c]) for c in CATEGORIES}


@pytest.mark.parametrize("item", [i for i in DEV if i["red_flag"]], ids=lambda i: f"{i['id']}-{i['category']}")
def test_dev_red_flags_are_caught(triage, item):
    assert triage.detect_in_conversation(item["message"], item["turns"]) is not None


@pytest.mark.parametrize("item", [i for i in DEV if not i["red_flag"]], ids=lambda i: f"{i['id']}-{i.get('negative_kind')}")
def test_dev_hard_negatives_are_not_flagged(triage, item):
    # One known false alarm on dev is left as measured (see docs/triage.md): it is semantic, not a rule.
    if item["id"] == "rd137":
        pytest.skip("the one dev false alarm the calibrated semantic margin accepts")
    assert triage.detect_in_conversation(item["message"], item["turns"]) is None


@pytest.mark.parametrize("category", CATEGORIES)
def test_near_misses_of_each_category_are_not_flagged_by_the_rules(rules, category):
    for message in CATEGORY_NEGATIVES[category]:
        assert rules.detect(message) is None, message


def test_the_learned_model_catches_wordings_no_rule_names(triage, rules):
    # From red_flags_test3.jsonl, which the model was trained on after its one held-out run.
    message = "got absolutely dumped by a wave at bondi, smashed my hip into the sandbank. it's tender as."
    assert rules.detect(message) is None and triage.detect(message) is not None


def test_the_reason_names_the_category_found():
    flag = detect("I lost control of my bladder on my run")
    assert flag.categories == ("neurological",) and "bladder" in flag.reasons[0]


def test_a_red_flag_earlier_in_the_conversation_still_counts(triage):
    assert triage.detect_in_conversation("what stretches can I do?", ["my hip is hot and swollen"]) is not None
    assert triage.detect_in_conversation("what stretches can I do?", ["how do I warm up?"]) is None


@pytest.mark.parametrize("message", [
    "What if I ever got numbness?", "My friend fell on her hip.", "When should someone see a doctor?",
    "I used to limp as a kid.",
])
def test_context_sets_aside_hypotheticals_other_people_general_questions_and_the_past(message):
    assert detect(message) is None


@pytest.mark.parametrize("message", [
    "I can't walk.",
    "I fell and cannot bear weight on my leg, what would you suggest?",
    "Hot swollen hip with fever, would it be ok to run?",
    "I cannot bear weight on my leg in case that matters",
    "hip is hot and swollen and I have a fever, they said rest",
    "No I cannot walk",
    "never had this before, cannot bear weight",
])
def test_context_that_comes_after_the_sign_does_not_hide_it(message):
    assert detect(message) is not None


def test_a_parent_describing_a_child_is_not_set_aside():
    assert detect("my 11 year old son has started limping after football").categories == ("child_limping",)


def test_semantic_match_catches_dev_red_flags_that_no_pattern_names(triage):
    unnamed = [i["message"] for i in DEV if i["red_flag"] and not i["turns"] and detect(i["message"]) is None]
    assert unnamed, "every dev red flag is named by a pattern, so the semantic detector is untested here"
    assert all(triage.detect(message) is not None for message in unnamed)


def test_a_red_flag_is_answered_with_the_disclaimer_and_never_refused(chat):
    answer = chat.reply("fell off my bike onto my hip, how do I make banana bread")
    assert answer.disclaimer == DISCLAIMER and not answer.refused and answer.citations
    later = chat.reply("what is the capital of peru", ["fell off my bike onto my hip"])
    assert later.disclaimer == DISCLAIMER and not later.refused


def test_a_red_flag_answer_opens_by_advising_prompt_and_emergency_care(chat):
    opening = chat.reply("I fell off my bike and can't put weight on my leg").markdown.splitlines()[0]
    assert "prompt medical care" in opening and "emergency services" in opening
    ordinary = chat.reply("how do I do clamshells?").markdown
    assert "prompt medical care" not in ordinary and "emergency services" not in ordinary


def test_odd_text_never_breaks_detection(triage):
    for text in ["", "   ", "\x00\x01", "😀" * 50, "ПОМОГИТЕ", "<script>alert(1)</script>", "a" * 2000]:
        triage.detect(text)


def test_the_learned_model_reads_the_mean_direction_of_the_clauses_the_context_rules_keep(triage, chat):
    """Training and detection share this representation; set-aside clauses do not dilute it."""
    import numpy as np

    message = "my hip aches after every run. it throbs at night. what if my friend could not walk"
    kept = ["my hip aches after every run", "it throbs at night"]  # the hypothetical is set aside
    mean = chat.encoder.encode(kept).mean(axis=0)
    assert np.allclose(triage.message_vector(message), mean / np.linalg.norm(mean), atol=1e-5)
    assert triage.message_vector("what if I could not walk") is None


def test_a_symptom_buried_in_a_long_ordinary_message_is_still_read_by_meaning(triage, chat):
    """Past ``red_flag_max_clauses`` the meaning-based detectors read the clauses with red-flag
    words; the story around the symptom is what they skip (dev item rd059, which no pattern names)."""
    story = [
        "I started running two years ago after my second kid was born",
        "my plan has three easy runs and a long run each week",
        "I bought new shoes last month because the old ones were worn",
        "my club meets on tuesdays by the canal",
        "we usually do intervals on the track in the summer",
        "the coach says my cadence is a bit low",
        "I stretch after most runs but not always",
        "my partner thinks I run too much",
        "I have a half marathon booked for the spring",
        "I mostly run in the mornings before work",
    ]
    symptom = "leg's a funny blue-ish colour and my hip hurts"
    message = ". ".join(story + [symptom]) + ". probably just the cold out there this morning?"
    assert len(message) <= chat.settings.max_input_chars
    assert triage.detect(message) is not None


@pytest.mark.parametrize("turns, message", [
    (["My daughter is 8 and does cross country at school"], "She's been limping since Saturday, any stretches?"),
    ([], "grandson (7) won't put his leg down this morning and keeps pointing at his hip"),
    ([], "a Y9 boy in my PE class is dragging his right leg after the bleep test"),
    ([], "im 15 and i walk funny after track, my hip aches. can i still race on friday?"),
])
def test_a_child_told_over_several_sentences_or_turns_is_a_red_flag(triage, turns, message):
    found = triage.detect_in_conversation(message, turns)
    assert found is not None and "child_limping" in found.categories


@pytest.mark.parametrize("turns, message", [
    (["My daughter is 8 and does cross country at school"], "my own hip is a bit sore after my long run, tips?"),
    ([], "just a 45 year old with an achy hip after jogs, arthritis?"),
    ([], "I limped a bit as a kid after breaking my ankle, now I'm 38 and my hip is tight after runs"),
    (["I've been running for 5 years."], "my physio said she thinks my hip pain is tendons"),
    (["I teach year 6."], "my hips are sore when they stiffen up"),
])
def test_an_adults_own_soreness_in_a_conversation_about_children_is_not_a_childs_red_flag(rules, turns, message):
    found = rules.detect_in_conversation(message, turns)
    assert found is None or "child_limping" not in found.categories


@pytest.mark.parametrize("message, flagged", [
    ("a small bruise on my hip from my bag strap, not sore at all", False),
    ("a huge bruise came up on my hip an hour after my run, I never fell", True),
    ("my foot went numb for a minute on my run, then it was fine once I loosened my laces", False),
    ("my foot went numb on my run and it keeps happening every time", True),
    ("tried hopping on that leg and it is completely pain free, just tight glutes", False),
    ("a friend at my club has a numb leg and hip pain, what books can I get her?", False),
    ("sometimes my hip is blocking mid run and I must shake the leg to free it", True),
    ("I fell less than an hour ago and my hip is sore", True),
    ("my hip is massively swollen, the cramp went away", True),
])
def test_context_decides_whether_a_named_sign_counts(rules, message, flagged):
    """Size, a sign already over, 'pain free' after the sign, a club-mate's symptoms; a sign said
    in learner's English still counts. (The learned model's false alarms are measured, not pinned.)"""
    assert (rules.detect(message) is not None) is flagged


@pytest.mark.parametrize("message, flagged", [
    # an ordinary cause in the sign's clause, or opening the next one
    ("night sweats since we put the electric blanket on, hips a bit stiff after runs", False),
    ("night sweats most nights for a month and my hip aches in bed", True),
    ("shivering like mad after my ice bath, normal?", False),
    ("proper chills under two duvets last night and my hip is hot", True),
    ("slipped on the wet track but didn't go down, hip fine, shoe advice?", False),
    ("slipped on the wet track and landed on my hip, sore now", True),
    ("pins and needles in my foot after taking off my tight spikes, gone straight away", False),
    ("tingly toes every single run now plus hip pain, laces too tight?", True),
    # a child who is an adult
    ("my son is 26 and limping after his first marathon, how long does it last?", False),
    ("my son is 11 and limping after cross country, should he rest?", True),
    # a sign away from the hip and leg
    ("had a filling this morning and half my face is still numb, can I run later?", False),
    ("my thigh is still numb this morning after yesterday's run", True),
    # a negation inside the sign, a sign lasting seconds, a condition a question asks about
    ("no fever, the leg is not cold, just a tight hip flexor", False),
    ("got a bit shivery for 10 mins after the race, then fine", False),
    ("if i fell during a race, how would i know if i'd broken something?", False),
    ("i fell during my race and now i can't put weight on it", True),
])
def test_an_ordinary_explanation_or_a_body_part_away_from_the_hip_sets_a_sign_aside(rules, message, flagged):
    """Kinds of context, each beside a message it must not hide: the same sign without the context
    counts. (Patterns and exemplars; the learned model's false alarms are measured, not pinned.)"""
    assert (rules.detect(message) is not None) is flagged


def test_a_general_question_leaves_the_learned_model_nothing_about_the_user(triage):
    message = "can you actually get a stress fracture in your hip from running? thought it was only shins"
    assert triage.detect(message) is None


@pytest.mark.parametrize("turns, message, flagged", [
    ([], "lowsided my scooter on a roundabout yesterday, hip's grazed and stiff, run today?", True),
    ([], "lost my footing and went sideways onto the pavement, hip a bit sore, tempo still on?", True),
    ([], "hip catches mid-run and i have to jiggle my leg about to free it, then it's fine", True),
    ([], "hip is awful, not even the codeine from the dentist helps", True),
    ([], "hip was fine monday, sore tuesday, and now it's going the wrong way fast. foam roll it?", True),
    ([], "deep ache in my hip even lying on the sofa watching tv now", True),
    ([], "my periods have been all over the place then nothing since march, and my hip bone aches on runs", True),
    ([], "eating like a bird to make weight for my race and now my shin and hip bones ache", True),
    ([], "I am losing weight, 6 kilo in a month, not on any diet, and my hip hurts", True),
    (["my niece is 7 and staying with us"], "she's been holding her leg and wants carrying everywhere", True),
    ([], "lost 4 kilo since january on a diet on purpose, hips feel lighter on runs", False),
    ([], "nothing takes the stiffness out of my hip flexors like a long warm-up", False),
    ([], "i cycle to work and stopped running for a month, hip fine", False),
    ([], "watching netflix with my hips stretched in a frog pose, good idea?", False),
])
def test_wordings_of_each_sign_that_the_seen_sets_missed_are_named_by_a_rule(rules, turns, message, flagged):
    """Kinds of wording, each in words of its own (a motorbike 'lowside', freeing a caught hip by
    moving the leg, 'going the wrong way', pain at rest on the sofa, missed periods and
    under-eating with bone ache, weight lost without dieting, a niece carried everywhere); and
    the same words where they say nothing alarming."""
    assert (rules.detect_in_conversation(message, turns) is not None) is flagged


@pytest.mark.parametrize("turns, message", [
    ([], "i fell on my hip, i didn't fall asleep all night because of the pain"),
    ([], "fell onto my hip off my bike, didn't land on my head luckily"),
    ([], "slipped on ice and came down hard on my hip, caught myself with my hand but it's killing me"),
    ([], "fever and chills since the rain last week, hip is red and hot"),
    ([], "shivers and a fever, not after my flu jab, and my hip is red and hot"),
    ([], "fever and chills after my flu jab, and my hip is hot and swollen"),
    ([], "lost 6 kg in a month and i'm not trying to lose weight, hip aches at night"),
    ([], "night sweats every night for a month in the heatwave, and a deep hip ache"),
    ([], "my son, 18 months, has been limping since yesterday"),
    ([], "my son is 26 and my daughter is 6, she is limping after sports day"),
    (["my son is 19 and runs with me"], "my 5 year old daughter has been limping all week"),
    (["My son is 19 and my daughter is 8."], "She's been limping since Tuesday"),
    ([], "if i hop on that leg it really hurts, should i worry?"),
    ([], "if i put weight on it my leg gives way, what should i do?"),
    ([], "fever, shivering, my arms and shoulders ache and so does my hip"),
    ([], "chills under two duvets and my hip is hot"),
])
def test_an_ordinary_cause_or_a_condition_never_hides_a_real_sign_beside_it(rules, turns, message):
    """The cause words themselves, negated, before the sign, or about something else; an adult
    named beside a child; a present-tense 'if' that states a sign."""
    assert rules.detect_in_conversation(message, turns) is not None


@pytest.mark.parametrize("message, flagged", [
    ("the wean's been hirpling since the weekend, says his hip's sair", True),
    ("cannae put any weight on ma leg since saturday", True),
    ("came a cropper on the towpath, hip's grazed", True),
    ("feeling proper crook, hot and shivery, and my hip aches", True),
    ("my youngest is 6 and keeps limping after football", True),
    ("the kiddo has been limping since sports day, he's 8", True),
    ("my hip's a wee bit stiff after the hill session, nae bother otherwise", False),
])
def test_regional_words_and_everyday_words_for_a_child_are_read_as_plain_english(rules, message, flagged):
    """Scots, Australian and British colloquial words for a limp, a fall or feeling ill, and the
    words parents use for a child ("my youngest", "the kiddo"), reach the patterns as plain English."""
    assert (rules.detect_in_conversation(message) is not None) is flagged


@pytest.mark.parametrize("text, kept", [
    ("not getting worse, not waking me up, not swollen, not hot", ""),
    ("i had a cold last week, no fever now and i feel fine", "i had a cold last week, i feel fine"),
    ("hip is stiff, no fever or chills", "hip is stiff"),
    ("not able to walk and no feeling in my foot", "not able to walk and no feeling in my foot"),
    ("nothing touches it, never had pain like this", "nothing touches it, never had pain like this"),
    ("a lump came up, it was not there at the warm up", "a lump came up, it was not there at the warm up"),
    ("my hip and knee both ache", "my hip and knee both ache"),
    # from dev31: the body part or person named before the denial, a list the denial governs
    ("my hip's not hot, not red, not puffy at all, looks like the other one", "looks like the other one"),
    ("my son  15  has no limp and no pain, just tight hamstrings", "just tight hamstrings"),
    ("my hip's no locking or giving way or nothing, it's a bit stiff", "it's a bit stiff"),
    ("no lump, no colour change, just a dull ache", "just a dull ache"),
    ("no way can i walk on it, it's swollen", "no way can i walk on it, it's swollen"),
])
def test_the_meaning_based_detectors_read_a_clause_without_the_signs_it_denies(text, kept):
    """A denied sign is dropped; a denied function or relief ("not able to walk", "nothing
    touches it") is the sign itself and stays, and a clause with no denial is left as written."""
    assert without_denials(text) == kept


@pytest.mark.parametrize("message", [
    "hip is stiff after the long run. not swollen, not hot, no fever, no numbness, no night pain.",
    "hopping is totally fine, no night pain, just sore after long runs",
    "sleeping fine, knees a bit stiff after speedwork",
    "show me a quick hip mobility routine",
    "my fingers tingle on long runs, nothing in my legs",
    "my hands go numb on long runs and my legs are fine",
    "groin felt tight after five-a-side, it went away by the evening and I ran fine today",
])
def test_signs_ruled_out_said_to_be_fine_or_gone_or_asked_about_raise_no_flag(triage, message):
    """A list of signs the user rules out, a sign said straight after to be fine, a request,
    the leg named only to say it is fine, and something said to have gone away."""
    assert triage.detect_in_conversation(message) is None


@pytest.mark.parametrize("message", [
    "hip is stiff after the long run. swollen, hot, fever, numbness, night pain.",
    "hopping on it hurts, just sore after long runs otherwise",
    "my fingers tingle on long runs and so does my leg",
    "show me a quick routine for a hip that keeps locking up",
    "like a hot poker in my hip since last night's run and it hasn't let up for a second",
    "my hip swelled up massively after the session and the bruise is going down the leg",
    "rested for two weeks and the pain is more stronger",
])
def test_the_same_signs_affirmed_still_raise_a_flag(triage, message):
    """The pairs of the test above: the signs affirmed, 'for a second' that does not mean brief,
    a bruise 'going down the leg' that is spreading, not settling, and a learner's 'more stronger'."""
    assert triage.detect_in_conversation(message) is not None


@pytest.mark.parametrize("message, flagged", [
    ("felt something pop at the end of my sprint and my leg buckled under me", True),
    ("since the tumble one leg looks more short than the other", True),
    ("my kneecap points outwards when I lie on the sofa and the hip throbs", True),
    ("can't tell when I need the toilet any more and my lower back and hip ache", True),
    ("my clothes have got baggy and I'm not dieting, hip sore most days", True),
    ("our littlest is 4 and has been limping since nursery", True),
    ("flu last week, all better now, hips a bit stiff easing back in", False),
    ("my belt needs a new hole since I started the diet, hips feel lighter", False),
])
def test_wordings_the_test9_run_missed_are_read_by_kind(triage, message, flagged):
    """Added after red_flags_test9's one run, in words of their own: a pop then a buckle, a leg
    'more short' or a kneecap pointing out, not knowing when you need the toilet, clothes gone
    loose without a diet, 'our littlest'; and something 'all better now'."""
    assert (triage.detect_in_conversation(message) is not None) is flagged


@pytest.mark.parametrize("turns, message, flagged", [
    (["my shins sweat buckets at night lately", "mind you it's a heatwave and the flat has no aircon"], "stretches for tight hips?", False),
    (["my shins sweat buckets at night lately", "and I've dropped half a stone without trying"], "stretches for tight hips?", True),
    (["my foot went numb on the long run", "it went away once I loosened my laces and has been fine since"],
     "which shoes have a roomier toe box?", False),
    (["my foot went numb on the long run"], "which shoes have a roomier toe box?", True),
])
def test_a_later_turn_can_explain_or_close_an_earlier_one_but_not_hide_a_new_sign(triage, turns, message, flagged):
    """An earlier turn is read together with the next: context that follows a sign sets it
    aside as it would within one message, and a sign the next turn adds still counts."""
    assert (triage.detect_in_conversation(message, turns) is not None) is flagged


@pytest.mark.parametrize("message, flagged", [
    ("night sweats? nope. fever? nah. just a tight hip after hills", False),
    ("night sweats - none, fever - none, just a tight hip after hills", False),
    ("night sweats? yes, soaking most nights, and my hip aches", True),
    ("my leg gave way on the stairs. no warning at all", True),
    ("I no fit waka since yesterday, the leg no fit carry my body", True),
    ("since the hip pain started I've had a few little accidents with my wee, never used to happen", True),
    ("I don't get the feeling when I need to pass urine any more and my hip aches", True),
])
def test_signs_asked_and_answered_no_are_denied_and_new_wordings_of_signs_are_read(rules, message, flagged):
    """A sign asked then answered "nope" or listed "- none" is denied (but "no warning" after
    a sign is not an answer); Nigerian Pidgin for cannot walk; bladder control in other words;
    "never used to happen" says something is new, not in the past."""
    assert (rules.detect_in_conversation(message) is not None) is flagged


@pytest.mark.parametrize("turns, message, flagged", [
    (["my legs totally gave way on the last hill"], "haha not literally, I mean I was knackered. hill tips?", False),
    (["my legs totally gave way on the last hill"], "it happened twice more on the way home. hill tips?", True),
    (["woke up shivering all night"], "the heating was off and the flat was freezing. run today?", False),
    (["my foot went numb this morning"], "I'd been sitting on it for an hour. stretches?", False),
    (["numb around my bum and inner thighs when I sit on the loo"], "stretches?", True),
    (["shivering all afternoon and my hip is pink and hot"], "and it's 25 degrees out. run today?", True),
])
def test_a_next_turn_that_takes_a_sign_back_or_explains_it_in_everyday_words(triage, turns, message, flagged):
    """Added after red_flags_test11's one run: "not literally" takes a turn back; a cold house
    or sitting on a foot explains it; numbness "on the loo" is saddle numbness, and a number of
    degrees explains nothing (shivering at 25 degrees)."""
    assert (triage.detect_in_conversation(message, turns) is not None) is flagged


@pytest.mark.parametrize("message", [
    "me young fella's 11 and limping since footy, says his hip hurts",
    "the wee yin's been hirplin all day, says her leg's sair",
    "been bumming up the stairs since sunday because the leg won't take my weight",
    "couldn't really tell when I needed a wee on my long run and my back aches",
    "while running my hip is getting struck and the leg is not moving for some seconds",
])
def test_wordings_the_test11_run_missed_are_read_by_kind(triage, message):
    """Added after red_flags_test11's one run, in words of their own: "me young fella", "wee
    yin", a leg that "won't take" weight, not "really" able to tell about the bladder, a
    learner's "struck" for stuck."""
    assert triage.detect_in_conversation(message) is not None


@pytest.mark.parametrize("turns, message", [
    ([], "can't put any weight on my leg after the fall? fever? nope"),
    ([], "i fell and now i can't put any weight on my leg? not really sure what to do"),
    (["should i run with a fever and a hot swollen hip?"], "nah, what stretches help then"),
    (["i fell and now i can't put any weight on my leg"], "kidding aside, what should i do?"),
    ([], "took a tumble yesterday and my hip is killing me"),
    ([], "got struck by a car on my run, hip sore"),
    ([], "since the fall i can't walk normally"),
    ([], "i have saddle numbness - no joke"),
    ([], "my groin went numb on my run and it hasn't cleared up"),
    (["my hip is hot, red and swollen"], "back to normal training next week, is that ok?"),
    (["my groin feels like it belongs to someone else and wiping feels strange"],
     "thanks. my cold is all better now btw, what stretches help?"),
    (["my groin feels like it belongs to someone else and wiping feels strange"],
     "i run 40 miles a week. my glutes are tight. my quads are tight. my hamstrings are tight"),
    ([], "numb hands and no feeling in legs"),
    ([], "not dieting, but my clothes hang off me these days"),
    ([], "my running shorts are falling off me and i'm not trying to lose weight"),
    ([], "i'm not dieting but i've lost 5 kilos"),  # a rule of two patterns either side of "but"
])
def test_denial_retraction_and_resolution_rules_never_hide_a_real_sign(triage, turns, message):
    """From a code review of rounds 6 and 7: an answer 'nope' only denies a short sign asked
    about; a retraction must stand alone; a colloquial fall stays a fall; 'normally' after an
    inability and '- no joke' reassure nothing; a resolution must not be negated, hoped for,
    or about something else; an earlier turn is withdrawn only on positive evidence, never
    because a long ordinary turn dilutes it; a lost feeling in the legs is the leg."""
    assert triage.detect_in_conversation(message, turns) is not None


@pytest.mark.parametrize("message, flagged", [
    # skin sensations told as creatures or fizz, not as "tingling"
    ("it feels like ants are crawling down my thigh and the hip aches", True),
    ("my calf has been fizzing on runs and my hip is sore", True),
    # weight lost "without reason"; swelling that "ballooned"
    ("dropped 5 kilos without any reason and my hip is sore all the time", True),
    ("the outside of my hip ballooned up overnight", True),
    # a child's limp in other words; a child's leg named with no sign
    ("my 12 year old son walks with a hitch since cross country", True),
    ("our 9 year old has had a leg ache for days after football", True),
    ("my 15 year old son wants to start leg day at the gym, is that ok?", False),
    # the leg "going down" under the runner
    ("hip gets stuck, then my leg is suddenly going down mid run", True),
])
def test_wordings_the_test12_run_missed_are_read_by_kind(rules, message, flagged):
    """Each test12 miss names a kind of wording, not one phrase: the rule covers the kind, and
    the nearest ordinary sentence of the same shape stays quiet."""
    assert (rules.detect_in_conversation(message) is not None) is flagged


@pytest.mark.parametrize("message, flagged", [
    ("felt a pop in my hip and then my leg went from under me. walked it off after a few minutes", True),
    ("heard a crack in my hip and crumpled onto the track. walked off ok after a minute though", True),
    ("the ache used to turn up at mile 8, now it comes while i'm lying on the sofa", True),
    ("i used to get hip pain at night as a teenager, years ago now", False),
])
def test_a_collapse_never_passes_and_a_habit_that_changed_is_told_in_the_present(rules, message, flagged):
    """Walking off a collapse does not undo it; "used to … now …" tells how things are now."""
    assert (rules.detect_in_conversation(message) is not None) is flagged


@pytest.mark.parametrize("message, flagged", [
    ("The leaflet says see a doctor if you can't bear weight or have a fever. I'm fine on both, just stiff", False),
    ("my physio said to watch for numbness or pins and needles, but I've had none", False),
    ("I read that hip bursitis can need steroid injections. Mine's mild, physio first?", False),
    ("The article says 'seek help if you have severe pain, swelling, or bruising'. I don't, just tightness", False),
    # the user's own diagnosis, or the user's own sign after the advice, still counts
    ("my doctor said it could be a stress fracture", True),
    ("my gp said i might have an infection in the hip", True),
    ("my physio said to watch for numbness and now my foot is numb", True),
])
def test_advice_passed_on_from_a_source_is_not_the_users_sign(triage, message, flagged):
    """What a leaflet, article or physio says to watch for is about people in general, like a
    general question; a diagnosis of the user, or a sign the user then reports, is not."""
    assert (triage.detect_in_conversation(message) is not None) is flagged






@pytest.mark.parametrize("message, flagged", [
    ("I keep falling over in single-leg balance drills, any progressions?", False),
    ("fell off the wagon with training over summer, how do I restart?", False),
    ("gave way to a cyclist on the path and lost my rhythm", False),
    ("feeling kinda numb to motivation lately", False),
    ("leaflet says 'a cold, pale leg' is a warning sign, what does that mean?", False),
    # the same words as signs
    ("I fell over during my run and my hip hurts", True),
    ("my hip gave way on the stairs", True),
    ("my foot went numb on the run", True),
    ("my doctor said it could be a stress fracture", True),
])
def test_idioms_and_a_toenail_are_not_signs_but_the_same_words_as_signs_are(message, flagged):
    """Falling over in a balance drill, falling off the wagon, giving way to a cyclist, numb to
    motivation, and a leaflet quoted without "the"."""
    assert (patterns_only().detect_in_conversation(message) is not None) is flagged



@pytest.mark.parametrize("message, flagged", [
    ("how do i fix runner's hip??", False),
    ("is taking rest days for a sore hip just being weak lol", False),
    ("is it normal that my foot went numb and cold on the run?", True),
])
def test_a_message_that_only_asks_gives_the_learned_model_nothing_to_report(triage, message, flagged):
    """Questions and requests alone report nothing of the user's own; a sign named inside a
    question is still read by the patterns."""
    assert (triage.detect_in_conversation(message) is not None) is flagged


def test_every_category_has_8_to_20_exemplars_and_a_reason():
    """The semantic detector needs enough phrasings of each sign to match, and few enough to review."""
    for category in load_taxonomy().categories:
        assert 8 <= len(category.exemplars) <= 20, (category.id, len(category.exemplars))
        assert category.reason



def test_an_intensifier_before_an_ordinary_cause_still_lets_it_explain():
    assert patterns_only().detect_in_conversation("shivering like mad after an ice bath, normal right?") is None


@pytest.mark.parametrize("message", [
    # a purpose sets aside only the words it names, not the signs after it
    "I've been resting to stop it getting worse, my leg has gone numb and my foot keeps dragging",
    "doing my rehab to prevent it getting worse and now I can't put any weight on it",
    # advice passed on, then the user's own sign
    "my gp said to come back if my leg went numb and it did last night",
    "my physio said to watch for numbness, I've had it in my foot since Tuesday",
    "the nhs site says get help if you can't weight bear, which is where I am now",
    "I read that night sweats can be a sign of something serious. I've been having them every night for a month",
    # a stray apostrophe opens no quotation
    "my physio said to watch for numbness 'cause of my back. my leg went numb on my run today",
    # a question about the user's own body is read by the learned model
    "why does my leg feel like it doesn't belong to me?",
    # a fever that "came down" with paracetamol has not passed; toenails are the foot; "gave way to the side"
    "had a fever and a hot swollen hip, it came down a lot with paracetamol",
    "my toenails have gone bluey purple and are ice cold",
    "it just gave way to the side mid-run",
])
def test_the_context_rules_of_round_9_never_hide_a_real_sign(triage, message):
    """Cases a code review of round 9 found hidden, each fixed by narrowing its rule."""
    assert triage.detect_in_conversation(message) is not None


@pytest.mark.parametrize("run, message", [
    ("test13", "in agony on the sofa all night, the co-codamol did nothing"),
    ("test13", "when I wipe after the loo I can't really feel it and my back aches"),
    ("test13", "my hip catches when I squat and I can't straighten up"),
    ("test13", "hip got properly stuck mid-stride and wouldn't move"),
    ("test13", "my hip looks a different shape to the other one, sort of sticking out"),
    ("test13", "our 8 year old has been walking a bit lopsided since sunday"),
    ("test13", "putting my foot down is agony, the hip just won't take it"),
    ("test13", "each day the pain is growing more big"),
    ("test13", "night sweats most nights, thought it was the new duvet, and my hip aches"),
    ("test14", "took 2 ibuprofen and still want to scream"),
    ("test14", "went from a niggle to needing the handrail in 3 days"),
    ("test14", "when I stand up the hip will hook and not move until I shake it"),
    ("test14", "it's constant and no position helps"),
    ("test15", "my hip keeps folding on the downhills and I nearly went over"),
    ("test15", "my foot feels like it belongs to a mannequin since the race"),
    ("test15", "crawling round the house on my hands and knees since this morning"),
    ("test15", "a gnawing ache that doesn't let up day or night"),
    ("test15", "my grandson aged 5 wouldn't stand on his leg after his nap"),
    ("test15", "the sheets are soaked through most nights and my hip aches"),
    ("test15", "I can't really feel it when I wipe after the loo, like it's been to the dentist"),
    ("test16", "my partner had to carry me in from the car, the leg won't take me"),
    ("test16", "my son's 14 and he's got a hitch in his step since the cross country"),
    ("test16", "the hip went from a dull hum to can't-ignore in about 3 days"),
    ("test16", "my thigh looks like a balloon, came up out of nowhere after the race"),
    ("test16", "my hip has rapidly got worse since the weekend"),
    ("test16", "my foot won't lift properly and my toes keep scuffing"),
    ("test16", "hip aching and my teeth are chattering under the duvet"),
    ("test16", "skidded on the ice and landed hard on my hip"),
    ("test16", "the hip keeps catching and locking on the stairs"),
    ("test16", "had a steroid injection into the hip a few days ago and it's throbbing"),
    ("test17", "on descents the hip catches and the leg just isn't there, I grab at the railing"),
    ("test17", "my daughter (9) is walking with a bit of a waddle and complains about her thigh"),
    ("test17", "every position hurts and there's no off switch on this hip"),
    ("test18", "the ibuprofen is basically tic tacs, hip still screaming"),
    ("test18", "my 8 year old is doing a hop-skip thing and says the top of her leg is sore"),
    ("test18", "one of my u12 girls has been running kind of lopsided, says her hip is a bit funny"),
    ("test18", "my leg dropped out from under me on the run, had to grab the railing"),
    ("test18", "feeling fluey and the hip is red and sore"),
    ("test18", "it's like an 8 constantly, doesn't matter if i'm sitting or lying"),
    ("test18", "from niggly on Monday to hobbling by Thursday, nastier every morning"),
    ("test18", "upped my miles and now a deep ache in the hip even when I'm just sitting"),
])
def test_wordings_each_blind_run_missed_are_read_by_the_patterns(run, message):
    """Added after each red-flag set's one run (test15's after it, so test15 is no longer held
    out), each a kind of wording rather than one phrase: a past "did nothing", "can't really feel",
    a catch that stops the joint, "properly stuck", a hip of another shape, a child walking
    lopsided or who "wouldn't stand", a hip that "won't take it", a learner's "growing more big",
    a cause only "thought" of, painkillers taken and "still" in agony, "no position helps", a change
    "in N days", a hip that "hooks", a joint "folding", a part that "belongs to" a mannequin,
    crawling "round", pain that "doesn't let up", soaked sheets, a comparison ("like it's been
    to the dentist") that is not a cause; after test16: being carried in (said with "me" beside
    another person), a child's "hitch in his step", a change "in about N days" between hyphenated
    states, swelling "like a balloon" or that "came up out of nowhere", "rapidly got worse", a foot
    that won't lift, chattering teeth, a skid and a landing on the hip, "catching and locking", and
    an injection days ago; after test17: a leg that "isn't there" or a grab at a wall, a child's
    waddle or complaint about the thigh, and "every position hurts"; after test18: painkillers like
    "tic tacs", a child's hop-skip, sore leg or lopsided running, a leg that dropped "out from under
    me", "fluey", a constant 8 of 10, "nastier every morning" and Monday-to-Thursday, and an ache
    "even when I'm just sitting". The patterns alone must read them."""
    assert patterns_only().detect_in_conversation(message) is not None


@pytest.mark.parametrize("message, flagged", [
    ("My son (20) pulled his groin at the gym, how should he ease back into running?", False),
    ("my son (12) has been limping since football", True),
    ("legs are dead after track night, hips tight. easy run tomorrow?", False),
    ("my left leg went dead on the run and I had to stop", True),
    ("both legs feel weak and I keep tripping", True),
    ("i run every single day, do i need rest days to prevent this getting worse?", False),
    ("what should i do so it doesn't get worse before the race?", False),
    ("it's getting worse every single day", True),
])
def test_sign_words_read_in_an_ordinary_sense_raise_no_flag_but_the_signs_do(rules, message, flagged):
    """An adult son "(20)" is not a child; legs "dead" in the plural are runners' fatigue (one
    dead or weak leg is a sign); a purpose ("to prevent this getting worse") reports no worsening."""
    assert (rules.detect_in_conversation(message) is not None) is flagged


@pytest.mark.parametrize("message, flagged", [
    ("had a real fall in pace over the last 10k, how do i stop fading?", False),
    ("bruised my ego more than my hip at parkrun lol", False),
    ("crashed on the sofa after the long run, hips a bit stiff", False),
    ("got hit by a wave of tiredness at 30k, hips heavy but fine after", False),
    ("new trainers made my hip ache a bit, is there a break-in period?", False),
    ("my pace dropped off in the second half, pacing tips?", False),
    ("pacing the room all night, the pain won't let me sleep", True),
    ("hip sore from sleeping on my side, tips?", False),
    ("I can walk and hop on it fine, just sore after speedwork", False),
    ("what should i do if i get chills during a winter race?", False),
    ("if someone's leg looked shorter after a fall, what would that mean?", False),
    ("had a fever last month with flu, fully recovered now. hips stiff, how do i build back?", False),
    ("toes went numb when my laces were too tight, loosened them and it went straight away", False),
    ("pins and needles in my foot after sitting cross-legged for ages, went in a minute", False),
    ("pins and needles in my foot for ages now, it hasn't gone", True),
    ("race went great, tore up the course and got a PB", False),
    ("killing it this block, hip a touch tight", False),
    ("got battered by a headwind on my tempo, recovery tips?", False),
    ("what does 'foot drop' mean? saw it in an article", False),
    ("no pain at night, hopping is fine, sleeping like a log", False),
    ("tingling in my foot but it was my laces, way too tight. loosened them and it's completely gone", False),
    ("my thigh has gone purple from hip to knee overnight", True),
    ("totally crashed and burned at mile 20, fuelling advice?", False),
    ("tripped over my words at the race briefing lol", False),
    ("broke the 20 min barrier at parkrun!!", False),
    ("my training plan fell apart over christmas", False),
    ("floored by the heat at the race, how do i acclimatise?", False),
    ("pace fell off a cliff at mile 10, why?", False),
    ("the race was a car crash from start to finish and the wheels came off at 15k", False),
    ("I was in a car crash last week and my hip hurts", True),
])
def test_figures_of_speech_and_context_found_by_the_blind_runs_raise_no_flag_from_the_patterns(message, flagged):
    """After test16's run: figures of speech ("a fall in pace", "bruised my ego", "crashed on the
    sofa", "hit by a wave of tiredness", a "break-in period"), race pacing (not pacing the room),
    soreness from lying on the hip, reassurance after "on it", a question about what to do "if i
    get" a sign, someone else's leg, a fever "fully recovered" from, and a sign that "went straight
    away" or went "in a minute" (the cause's own duration, "sitting ... for ages", does not make it
    last); after test17: "tore up the course", "killing it", "battered by a headwind", a quoted
    term asked about, "sleeping like a log", numbness from laces "way too tight" (but a thigh
    "gone purple" is a sign); after test18: "crashed and burned", "tripped over my words", "broke
    the 20 min barrier", a plan that "fell apart", "floored by the heat", a pace that "fell off a
    cliff", a race that was "a car crash" (but being in one is trauma). The patterns alone read
    them; the meaning-based detectors are measured on the sets."""
    assert (patterns_only().detect_in_conversation(message) is not None) is flagged


@pytest.mark.parametrize("message", [
    "numb between my legs after riding, i use cleats",
    "my groin is numb, I ride with cleats",
    "foot numb, my cleats might be the cause, numb for 3 days now",
    "my foot went numb after my laces were too tight and it's been numb for days",
    "toes are numb, shoes too tight? it's been 5 days",
    "can't feel my foot at all, it's completely gone",
    "my foot went numb, why isn't it sorted now?",
    "my leg went weak and numb, all good now?",
    "numb groin and bum, thought a new saddle would have it sorted now but no",
    "what do i do if i have numbness in my groin right now",
    "how do i treat it if i have a fever and my hip is hot",
    "what should i do if i have night sweats every night like i do now",
    "hip pain stops me sleeping through the night",
    "the ache stops me sleeping well",
    "can't get back to sleeping on any side, the hip aches",
    "there was a car crash on my way to the race and my hip is sore",
    "fell off a cliff on a trail run and hurt my hip",
    "tore up my hip on the trail, can't walk",
    "crashed out on my bike and landed on my hip",
    "tried hopping on the bad leg and nope, like a hot nail going into the hip",
    "the side of my foot has been buzzing like it's asleep for four days",
])
def test_the_rules_of_round_10_never_hide_a_real_sign(message):
    """A code review of round 10 found each of these hidden by a rule added in it: a cleat or
    tight laces explaining a numb groin or a numbness that has lasted days, a "gone" that is the
    lost feeling itself, a resolution asked about or denied, a question about a sign had "right
    now", a sleep the pain stops, and figures of speech whose literal twin is an injury."""
    assert patterns_only().detect_in_conversation(message) is not None


@pytest.mark.parametrize("message, flagged", [
    ("i'm not dieting but i've lost 5 kilos", True),
    ("not dieting, but my clothes hang off me these days", True),
    ("I'm not dieting. But I've lost 5 kilos since March", True),  # "But" opening the next sentence
    # ...and only where it was meant: the earlier clause must be the user's own, not explain the
    # sign, and be joined by "but" itself; other categories never read across it.
    ("my sister had cancer, but i've been diagnosed with a labral tear", False),
    ("my mate has lost 5 kilos, but i'm not dieting", False),
    ("i lost 5 kilos on a strict diet, but i'm not trying to lose more", False),
    ("i'm not dieting. ok but i've lost 5 kilos", False),
    ("my hip doesn't hurt at all, but i wake up at night a lot", False),
])
def test_a_rule_of_two_patterns_is_read_across_but_only_for_weight_loss_said_that_way(message, flagged):
    """From the code review of round 11: the cause denied in one clause and the sign in the next."""
    assert (patterns_only().check(message) is not None) is flagged


@pytest.mark.parametrize("message", [
    "hip a bit achy after hills today, ice or heat?",
    "c25k week 3, hips a bit sore. keep going?",
    "btw should i do a half or a full marathon first",
])
def test_an_exemplar_match_alone_counts_only_when_the_learned_model_agrees_a_little(triage, message):
    """Ordinary messages a clause of which sits near some category's exemplars, while the learned
    model gives them almost nothing: two weak readings must agree (``red_flag_exemplar_confirm``).
    Without the agreement each is flagged, so the test pins the rule, not the wording. The memory
    of graded messages is set aside, as it may know these."""
    kept, meaning = triage.memory, triage.meaning
    try:
        triage.use_memory(None)
        assert triage.detect(message) is None
        meaning.confirm = 0.0
        triage.use_memory(None)  # clears the cache
        assert triage.detect(message) is not None
    finally:
        meaning.confirm = Settings().red_flag_exemplar_confirm
        triage.use_memory(kept)


@pytest.mark.parametrize("message, flagged", [
    # another person named only as the owner of a thing is not the subject of the sign
    ("using my dad's old walking stick to get about since tuesday", True),
    ("been on my sisters old crutches since saturday, standing on the leg is a no go", True),
    ("my partner's hip is killing him and he's on crutches, how do i help?", False),
    # a likeness says what it feels like, not where it came from
    ("shivery and sweaty like a bad hangover, and the hip is throbbing", True),
    ("shivering like mad after an ice bath, totally normal right?", False),
    # how the user gets about tells an inability
    ("had to hop to the bathroom this morning, can't put my foot on the floor", True),
    ("getting around the flat by hopping since the long run", True),
    ("bumping up the stairs on my backside since sunday", True),
    ("the leg just won't take any load since the race", True),
    ("can you hop to warm up before a run?", False),
    # a body part and its colour or place told a few words apart
    ("my left foot on the sore side has gone white and cold", True),
    ("my leg is fine and the weather is cold", False),
    ("since the race my knee on that side sits lower than the other", True),
    # a teenager named by an age beside a role
    ("our club captain (15) has been limping since the relay", True),
    ("our captain, 34, has been limping since the relay", False),
    # swelling told as a thing under the skin or that came up like one
    ("the side of my thigh came up like a tennis ball overnight", True),
    # a catch that freezes the step
    ("it catches and freezes halfway through a step, then lets go", True),
    # pain beyond what painkillers or a birth compare with
    ("alternating max paracetamol and ibuprofen since friday for this hip", True),
    ("had two kids and this hip is worse than labour", True),
    ("can't get comfy in bed or on the sofa, the hip is screaming", True),
    ("can i take ibuprofen before a race?", False),
    # clothes grown loose, told by the belt
    ("had to take my belt in two notches without trying and my hip aches", True),
    # the same words about kit, drills, a coach, the weather or a pet (a code review's cases)
    ("my calf sleeves are blue, do compression sleeves actually help?", False),
    ("in plyo class we had to hop over mini hurdles", False),
    ("i can't put my foot down with my coach about the mileage", False),
    ("my foot sits higher in these new trainers", False),
    ("since giving birth my old running tops don't fit", False),
    ("it was absolutely freezing mid-run today, should i wear tights?", False),
    ("the zip on my jacket catches and jams every run", False),
    ("heavy runner, 15 stone, hip has been a bit sore lately", False),
    ("my friend's dog has a fever and a hot swollen hip", False),
])
def test_wordings_the_seen_sets_missed_in_round_12_are_read_by_kind(message, flagged):
    """Added from the misses of red_flags_test16-21 with a model fitted without them: each a kind
    of wording (an owner of a thing, a likeness, how one gets about, words between a part and its
    sign, an age beside a role, a lump under the skin, a step that freezes, pain past painkillers
    or childbirth, a belt taken in), with a near miss beside it. The patterns alone must decide."""
    assert (patterns_only().detect_in_conversation(message) is not None) is flagged


@pytest.mark.parametrize("message, flagged", [
    ("got hit by a wall of rain on the prom and my pace fell apart", False),
    ("hit by a huge wave of tiredness at mile 20, what should i eat?", False),
    ("my cadence has fallen off a cliff since christmas", False),
    ("my motivation went numb over the winter", False),
    ("my garmin crashed halfway round and i lost the run", False),
    ("i can't feel the difference between easy and steady pace", False),
    # the literal twins are still read, beside a figure or not
    ("got hit by a cyclist on the prom and my hip is killing me", True),
    ("motivation dipped, leg went numb halfway round", True),
    ("glanced at my watch and crashed into a bollard at full pace", True),
    ("can't feel the difference between my left and right thigh when i touch them", True),
    ("can't feel the difference between hot and cold on my left leg", True),
    ("my hip froze mid-stride and i couldn't move it", True),
])
def test_figures_of_speech_about_things_not_the_body_raise_no_flag_but_their_literal_twins_do(message, flagged):
    """Signs' words said of the weather, a watch, a pace or one's motivation (round 12, from the
    seen sets' false alarms) are put plainly before any detector reads them; the same words said
    of the body are still signs."""
    assert (patterns_only().detect_in_conversation(message) is not None) is flagged


@pytest.mark.parametrize("turns, message, flagged", [
    # a catch that holds until something lets it go
    ([], "my hip jams on the downhills and i'm stuck until it clicks back", True),
    ([], "the joint froze on the stairs and stayed locked till i shook the leg and it popped back", True),
    ([], "the hip gets stuck before it clunks and then moves again", True),
    # carried by someone else
    ([], "my brother had to give me a piggyback to the car after the 10k", True),
    ([], "two marshals gave me a fireman's lift off the course", True),
    ([], "needed a hand to get up the stairs after the race, hip won't have it", True),
    ([], "the marshals helped me off the course at mile 9", True),
    ([], "ended up calling an ambulance at the finish, hip just went", True),
    ([], "needed a hand carrying my kit bag to the car", False),
    ([], "my flatmate came off his bike and we called an ambulance for him", False),
    # a sign said to persist, or beside a deformity or collapse, is not over
    ([], "slipped on ice and landed on my hip, been fine since but now it aches again", True),
    ([], "heard a pop in my hip and my leg looks shorter now, no pain oddly", True),
    ([], "the pain went from a 3 to an 8 in two days", True),
    # near misses: training load, a fall that did not happen, a marked figure, an all-clear, sleep posture
    ([], "went from 4 to 5 runs a week and my hips ache a bit, normal?", False),
    ([], "jumped from 20 to 30 miles a week, hips a little sore", False),
    ([], "i'm terrified of falling on the frozen canal path, what shoes?", False),
    ([], "stumbled on a kerb but caught myself, nothing hurts", False),
    ([], "the guy beside me at the start went flying on the wet cobbles", False),
    ([], "my legs went numb at mile 20 (figuratively), zero energy. gels?", False),
    ([], "heard a pop in my hip during pigeon pose, didn't hurt at all and i finished the session fine", False),
    ([], "my thigh swelled up after a bee sting in june, been fine ever since. hill plan?", False),
    ([], "best sleeping position with sore hips after a long run?", False),
])
def test_kinds_of_wording_red_flags_test22_showed_are_read_by_kind(turns, message, flagged):
    """Added after red_flags_test22's run, one case per kind of wording it showed, in other words
    than its items: a catch held until it lets go, being carried, a pain score (not a weekly
    mileage) that climbs; and the near misses: a fall feared, averted or someone else's, a figure
    marked as one, a painless pop, a sign with an all-clear since, a sleeping position. The
    patterns alone must decide."""
    assert (patterns_only().detect_in_conversation(message, turns) is not None) is flagged


@pytest.mark.parametrize("message, flagged", [
    ("my knee doesn't lock or give way, it just clicks on the stairs", False),
    ("clunk in my hip when i turn over in bed, no pain at all", False),
    ("it hurts in one spot on my outer hip on long runs, physio or wait?", False),
    # the signs themselves, said plainly
    ("my knee locks and gives way on the stairs", True),
    ("deep ache in my hip in bed every night", True),
    ("one spot on my outer hip is really tender when i press it", True),
    ("my hip doesn't take my weight since the race", True),
])
def test_a_sign_denied_inside_the_words_that_name_it_raises_no_flag(message, flagged):
    """Added after the seen sets' false alarms: a "doesn't" before a verb that names a sign ("doesn't
    lock or give way"), a "no" straight before a word a rule of two needs ("no pain … in bed"), and
    one spot that hurts without being tender to touch. A "doesn't" before a lost ability ("doesn't
    take my weight") is still the sign. The patterns alone must decide."""
    assert (patterns_only().detect_in_conversation(message) is not None) is flagged


@pytest.mark.parametrize("message, flagged", [
    ("my toes went numb in the cold, finished the session fine. warmer socks?", False),
    ("my thigh swelled up after the race but the physio checked it and it's healed now. intervals?", False),
    ("my foot tingled on the bike but it was the cleat, everything's normal now", False),
    # a sign that hurts now, or whose all-clear is about something else, still counts
    ("fell on my hip, finished the race fine but now it's really sore", True),
    ("my foot went cold and white on my run, the other foot's totally normal", True),
    ("my hip swelled up after the race, the physio said the old knee problem has healed now", True),
])
def test_an_all_clear_said_of_the_sign_later_in_the_message_sets_it_aside(message, flagged):
    """Added after the seen sets' false alarms: "it's healed now", "everything's normal now" or
    "finished the session fine" after a sign, anywhere in the next clauses when its subject is the
    sign itself; not a sign said to hurt now, nor an all-clear about another thing."""
    assert (patterns_only().detect_in_conversation(message) is not None) is flagged


@pytest.mark.parametrize("turns, message", [
    ([], "fell hard on my hip on the trail yesterday, how do i know when it's healed?"),
    ([], "came off my bike onto my hip, how long till it's back to normal?"),
    ([], "fell on my hip yesterday and i hope it's gone by sunday for my race"),
    ([], "i fell on my hip 3 days ago and it's been fine since, except when i walk"),
    ([], "my leg went numb on my run and i went in 2 days later to see the gp"),
    ([], "my thigh swelled up at the track and the cut on my hand has healed since"),
    (["my leg went numb and tingly on my long run"], "ok. once it's healed how soon can i race?"),
    (["I fell on my hip on ice, it hurts to walk"], "I mean, should I just rest it?"),
    ([], "my leg is numb, not figuratively, actually numb"),
    ([], "i keep falling over on my runs and my hip hurts"),
    ([], "heard a loud crack in my hip at mile 10, didn't hurt at first, now it's throbbing"),
    ([], "jumped from 20 to 45 miles a week and there's a deep ache in my groin"),
    ([], "I can't lie in bed without pain in my hip"),
    ([], "I'm a woman with a history of breast cancer and now have hip pain"),
])
def test_the_rules_of_round_13_never_hide_a_real_sign(turns, message):
    """From the code review of round 13: a fall does not pass, an all-clear asked about, awaited
    or said of another thing is none, "i mean" takes nothing back, "not figuratively" is no
    figure, a fall that keeps happening is a fall, a pop that hurt later is no painless pop, a big
    jump in mileage with a deep or bony ache counts, "without pain" states pain, and "a woman"
    telling of herself is the user."""
    assert patterns_only().detect_in_conversation(message, turns) is not None



@pytest.mark.parametrize("message, flagged", [
    ("the side of my thigh feels like it's sealed in plastic wrap since the hip flared up", True),
    ("touching my outer thigh is like touching it through oven gloves, hip aches too", True),
    ("there's a lump under the skin on my hip and it keeps getting bigger", True),
    ("the colour on the side of my hip is like a ripe plum after yesterday's run", True),
    ("i'm sweating so much i have to change my t-shirt every night, and the hip still aches", True),
    ("my right foot has been flopping down when i run and i struggle to lift the front of my foot", True),
    ("the ache has got worse every morning in the past few days", True),
    ("my belt's gone in two notches and i've been eating the same as ever, plus this hip ache", True),
    # near misses: an old ache, sweat on a night run, a colour of kit
    ("in the past i had a sore hip for a week, it settled with rest. strength plan?", False),
    ("i sweat buckets on my runs at night, do i need electrolytes for my hips?", False),
    ("my feet slap loudly when i run, is that bad form for my hips?", False),
    ("the colour of my new shorts is purple, any hip stretches after long runs?", False),
    ("my shorts are falling off me since marathon training started, hip a bit tight, stretches?", False),
])
def test_signs_told_through_a_likeness_or_an_everyday_object_are_read(message, flagged):
    """Added after red_flags_test23's run, in other words than its items: numbness told through
    wrapping or gloves, a foot drop told through the gait, a lump growing under the skin, a
    bruise's colour named by a fruit, night sweats told by what they make you do, weight loss
    told through a belt with the eating unchanged, and a worsening "in the past few days" (a
    recent stretch, not the past); clothes falling off are no fall. The patterns alone must decide."""
    assert (patterns_only().detect_in_conversation(message) is not None) is flagged


@pytest.mark.parametrize("message, flagged", [
    ("my watch crashed halfway and so did my pace, hips felt heavy after. carbs?", False),
    ("the left hip gave me some grief on the climbs but it settled by the evening", False),
    ("my son (9) asked why my hips clunk when i get up, mine not his. should i worry?", False),
    ("i can walk, jog, hop and squat fine, just tight at the front of the hip. stretch?", False),
    # the signs themselves
    ("i crashed into a bollard mid run and my hip took it", True),
    ("the hip gave way on the climbs twice", True),
    ("my daughter's hip hurts after netball and she's limping", True),
    ("walking is ok but hopping hurts my groin", True),
    ("my thigh went numb, i loosened my laces and it's gone, but it comes back every run", True),
    ("can't feel the outside of my thigh. it's completely gone since the long run", True),
])
def test_near_misses_red_flags_test23_showed_are_set_aside_by_kind(message, flagged):
    """Added after red_flags_test23's false alarms, in other words than its items: a pace or a
    watch that crashed, a hip that "gave me grief", a
    parent's own hip after a child is named, a list of things done fine; and the signs they are
    near (a feeling "completely gone" is numbness, not an all-clear). The patterns alone must decide."""
    assert (patterns_only().detect_in_conversation(message) is not None) is flagged


@pytest.mark.parametrize("message, flagged", [
    ("went out too fast at the 10k and blew up, hips a bit tight now. pacing tips?", False),
    ("my motivation gives way every time it rains, hips fine. tips to get out the door?", False),
    ("swelled with pride at my son's first parkrun, my own hip flexors are just tight. stretch?", False),
    ("which fall marathon should i pick, hips have been fine all year", False),
    ("my resting hr went from 52 to 48 over the block, hips fine. overtraining?", False),
    ("my calf went blue halfway round but it was the dye from my new socks, washed off fine", False),
    ("my auntie who had cancer inspired me to run, my hips get tight after 20 min. build up?", False),
    # the signs they are near
    ("my left foot was pale and cold compared to the right after the run, hip aches that side", True),
    ("three days ago i could jog, yesterday i could walk the dog, today i'm stuck on the sofa", True),
    ("my leg gives way on the stairs since the race", True),
    ("which fall did you have? i fell on my hip on the trail yesterday", True),
])
def test_wordings_the_dev27_probes_showed_are_read_by_kind(message, flagged):
    """Added after a dev set of hard wordings (red_flags_dev27, written blind to the code): a run
    that "went out" fast, an abstract thing giving way, swelling with pride, an autumn race, a
    number that is no pain score, colour from dye, another person's cancer;
    and signs told by colour and warmth together, or by what could be done each day. The patterns
    alone must decide."""
    assert (patterns_only().detect_in_conversation(message) is not None) is flagged


@pytest.mark.parametrize("message", [
    "i've had a fever, running fine though and hip aches",
    "hip gives way, hopefully okay to race?",
    "my leg goes numb, sitting ok though",
    "i literally crashed at speed on the trail, hip throbbing since",
    "does a fever with hip pain usually mean an infection? i've had one since sunday",
    "my foot is cold and pale, could it be the dye from my socks?",
    "my foot went white and cold on the run, my new socks' dye ran too",
    "running a temperature with hip pain, emotional about it all",
    "year 10 student, my hip clicks and hurts when i run and i've been limping",
    "in the past eight days my hip pain has got worse every day",
    "in the past half hour my leg has gone numb and cold",
    "my hip keeps going out when i run",
    "had a bad fall training on the trails, hip sore",
])
def test_the_rules_of_round_14_never_hide_a_real_sign(message):
    """Found by a code review of this round's rules, each a real sign the first version set aside:
    an activity list said to be fine after a sign that is no activity, a crash said another way,
    dye offered for a cold or pale foot, emotion beside a fever, a teenager's own hip, a recent
    stretch told in other numbers, a hip that "goes out", a fall in training."""
    assert patterns_only().detect_in_conversation(message) is not None


@pytest.mark.parametrize("message, flagged", [
    # a sign someone looked for and did not find
    ("the sports doctor asked about tingling in my feet, none at all, so what stretches help?", False),
    ("my gp asked whether i'd had a temperature or lost weight. no to both. can i run tomorrow?", False),
    ("the physio had me hop on that leg, all normal she said, so it's a tendon thing", False),
    # ...and one found, or a sign told after the answer
    ("the gp asked about night sweats and i do get them most nights", True),
    ("the physio checked my hip, all normal she said, but now i can't put any weight on it", True),
    ("the doctor examined me and said nothing was broken and i can't bear weight on it since", True),
    ("physio pressed along the bone and i nearly jumped off the bed, everywhere else was fine", True),
])
def test_a_sign_looked_for_by_a_clinician_and_not_found_raises_no_flag(message, flagged):
    """Added after red_flags_test24 and the hard negatives of dev28: a doctor's or physio's
    question answered no, or a test found normal, denies the signs it was about; what the
    clause says after the answer is still read, and "everywhere else was fine" denies nothing."""
    assert (patterns_only().detect_in_conversation(message) is not None) is flagged


@pytest.mark.parametrize("message, flagged", [
    # sign words said of kit, the weather and plans
    ("the strap on my hydration vest gave way at mile 9, could the bouncing pack make my hip ache?", False),
    ("the stream was so swollen we had to turn back, hips a bit tight from the detour", False),
    ("my old insoles have collapsed completely, could that be behind my hip ache?", False),
    # ...and said of the body, or of a thing that threw the user
    ("my left leg gave way at the bottom of the hill", True),
    ("the stile collapsed under me and i landed on my hip", True),
    ("after the zip broke my hip swelled up like a balloon", True),
    # idioms built on sign words
    ("on pins and needles waiting for my race results, how do i keep my hips loose meanwhile?", False),
    ("half marathon fever is spreading through my running club, how do i prep my hips?", False),
    ("got shivers down my spine at the finish line, hips just a bit achy now", False),
    ("i can't walk past the chip shop after a long run, is that bad for recovery?", False),
    ("i can't bear the thought of missing the race, how do i loosen tight hips?", False),
    # ...and their literal twins
    ("pins and needles in my foot since the run and my hip aches", True),
    ("had a fever since friday and my hip is hot to touch", True),
    ("i can't walk on my right leg since the race", True),
])
def test_sign_words_said_of_things_or_in_idioms_raise_no_flag_but_the_body_s_do(message, flagged):
    """Added after the hard negatives of dev28: a sign word said of a thing named just before it
    (``bot/things.py``) or in an idiom (the taxonomy's figures of speech) is put plainly before
    either detector reads the message."""
    assert (patterns_only().detect_in_conversation(message) is not None) is flagged


@pytest.mark.parametrize("message, flagged", [
    # a sign told a month or more ago and told as over since
    ("had pins and needles in my foot last season and it cleared with new shoes, what about hip drills?", False),
    ("slipped on a wet bridge two months ago, x-ray was clear and it settled within days, when can i race?", False),
    ("back in march i had a high temperature, all better now, just tight hips", False),
    # ...and one that stays, comes back, or sits beside a sign of now
    ("slipped on a wet bridge two months ago and my hip still hurts when i walk", True),
    ("had tingling down my leg last year which settled, but it's come back this week", True),
    ("had cancer four years ago, fully recovered, now losing weight without trying", True),
])
def test_a_sign_told_months_ago_and_over_since_raises_no_flag(message, flagged):
    """Added after the hard negatives of dev28 and red_flags_test24: a time a month or more ago
    with the sign told as over (in its clause or the next) puts the clause in the past, unless
    anything says it stays or came back."""
    assert (patterns_only().detect_in_conversation(message) is not None) is flagged


@pytest.mark.parametrize("message, flagged", [
    # a sign named as a subject: of a talk, of a general question about causes, of a risk to avoid
    ("my running club has a webinar on night sweats and hormones, any hip mobility tips?", False),
    ("can marathon training cause numbness? i don't have any, just wondering", False),
    ("long train journey to the race, how do i avoid getting a blood clot in my calf?", False),
    # ...and the user's own sign told beside it
    ("can marathon training cause numbness? i've been getting it in my foot all week", True),
    ("does overtraining cause hip pain at night? mine wakes me every night now", True),
    ("a leaflet lists fever and numbness as warning signs. i have none of those, just tight hips", False),
])
def test_a_sign_named_as_a_subject_not_a_symptom_raises_no_flag(message, flagged):
    """Added after the hard negatives of dev28: a talk or a text "about" a sign, a general question
    whether something causes it, and a sign to be avoided name no symptom; a next clause saying the
    user has it ("mine wakes me", "i've been getting it") still counts."""
    assert (patterns_only().detect_in_conversation(message) is not None) is flagged


@pytest.mark.parametrize("turns, message, flagged", [
    # a turn that goes on with the sentence before is read with it
    (["got tingling"], "in my fingers from gripping my water bottle lol. should i use a waist pack?", False),
    (["couldn't walk properly on sunday"], "because i had a huge blister on my toe, hip is fine. how do i stop blisters?", False),
    (["my foot went numb at my desk"], "only because i'd been sitting on it, the feeling came back within a minute. hip stretches?", False),
    # ...and a correction (which may change only a detail) or a continuation that tells a sign
    (["my hip is swollen"], "sorry i mean my thigh is swollen and hot", True),
    (["my leg went numb on my run and it's still numb"], "sorry i meant my left leg, any ideas?", True),
    (["fell off a ladder onto my hip this morning"], "i mean it's sore but is it ok to stretch?", True),
    (["woke up with a fever and my hip is swollen"], "oops i meant to add it's my left hip. what should i do?", True),
    (["got tingling"], "in my foot and up my leg since the run", True),
    (["my hip is agony"], "i mean it, i can't sleep", True),
    ([], "can't walk on it at all, probably just a blister?", True),
    ([], "my leg went numb, the feeling came back after a while but it keeps coming back every run", True),
])
def test_a_turn_that_goes_on_with_the_one_before_is_read_with_it_but_a_correction_takes_nothing_back(turns, message, flagged):
    """Added after the multi-turn false alarms of the seen sets: a turn opening with "because",
    "from", "in my…" is read joined to the one before, so the in-message rules (a body part away
    from the hip, an ordinary cause, the feeling coming back) see both; "probably" doubts a cause.
    A correction ("sorry, i meant my left leg") may change only a detail: the code review showed
    reading it as taking the turn back hid real signs, so it takes nothing back."""
    assert (patterns_only().detect_in_conversation(message, turns) is not None) is flagged


@pytest.mark.parametrize("turns, message, flagged", [
    # a sign waited for, an ordinary cause of a dead leg or a stagger, a sign months ago told over in the next turn
    ([], "my hip niggles now and then, ok to keep running until it gets worse?", False),
    ([], "leg went tingly from sitting on the toilet too long, fine a minute after i stood up", False),
    ([], "couldn't walk straight after the pub with the club, head's sore, legs fine. recovery tips?", False),
    (["crashed my bike onto my hip back in march"], "that's all healed now, months without pain. plan for a 10k?", False),
    # ...and the signs beside them, or one that came back
    ([], "my hip pain gets worse every run, should i wait until it gets better?", True),
    ([], "my leg went numb sitting on the toilet and it's still numb hours later", True),
    (["crashed my bike onto my hip back in march"], "it healed but it's flared up again and i can't walk on it", True),
])
def test_a_sign_waited_for_or_given_an_ordinary_cause_or_long_over_raises_no_flag(turns, message, flagged):
    """Added after the seen sets' and dev28's false alarms: "until it gets worse" waits for a sign;
    sitting on the toilet explains a dead leg and drink a stagger; a sign told months ago that the
    next turn says has long been over is set aside whatever found it, unless it is back."""
    assert (patterns_only().detect_in_conversation(message, turns) is not None) is flagged


@pytest.mark.parametrize("turns, message", [
    # a clinician looked, and the user tells a sign before any answer, or the answer is a test result
    ([], "the physio checked and i have numbness down my leg, the x-ray was normal"),
    ([], "the gp examined my hip and it's hot, red and swollen. nothing on the x-ray though"),
    ([], "my gp asked about night sweats and i get them most nights, my bloods were fine"),
    ([], "the consultant examined me and my foot drags when i walk, mri came back normal"),
    # a thing word before a time or a place, not before the sign
    ([], "my leg in the last mile of the race gave out under me"),
    ([], "the day after the race swollen like a balloon all round my hip"),
    # an idiom beside a real sign, a sign long ago that is back now
    ([], "tingles down my spine and both legs when i bend my neck"),
    ([], "had a stress fracture in my femur last year which healed, now the same spot aches at night"),
    ([], "three months ago i had a fever that cleared up, now my hip is hot and red and i feel shivery"),
    # a training session is no talk; a general question with the user's own sign beside it
    ([], "during my interval session on the track my hip gave way"),
    ([], "watched a video on hip locking, mine locks every time i squat"),
    ([], "can running cause a numb foot? been like that since saturday"),
    ([], "can overtraining cause a limp that won't go away and pain on hopping"),
    # a cause that explains nothing beside redness, drink beside weight-bearing, a waited-for event
    ([], "can't bear weight on my foot because of a massive blister, and now my whole leg is red and hot"),
    ([], "can't put weight on my left leg after the pub on saturday, what could it be?"),
    ([], "i can run about 10 minutes until it gives way completely"),
])
def test_the_rules_of_round_15_never_hide_a_real_sign(turns, message):
    """From the code review of round 15, all flagged before this round's rules and missed by their
    first version: a clinician's look undoes only signs asked about and answered no, never a sign
    the user tells or a test result; a thing is the subject only right before the sign; "now"
    tells the present after an old sign; a session is no talk; drink explains only a stagger; a
    blister explains nothing beside redness or heat; only a worsening is waited for."""
    assert patterns_only().detect_in_conversation(message, turns) is not None


@pytest.mark.parametrize("message, flagged", [
    # a sign told by a number, a likeness of size, a near collapse, a catch that stops the hip
    ("my temp was 38.9 when i got home from the run and the hip aches", True),
    ("thermometer reads 101.5 and my groin hurts", True),
    ("had a temperature of 39.2 overnight, still want to race sunday", True),
    ("bump on the side of my hip like half a lemon under the skin since this morning", True),
    ("my hip sort of switches off and i nearly drop in the middle of the road", True),
    ("there's a clonk in the hip and then it won't straighten for a few seconds", True),
    ("my physio said my leg's shorter than the other one after the fall", True),
    ("it's way worse than on monday and i've been resting", True),
    ("the hip went from a niggle to limping round the house in the space of four days", True),
    # ...and the same words harmless: a normal reading, the weather, a number of a pace, a dropped thing
    ("had a temperature of 37.1 this morning, feel fine, hip just tight", False),
    ("the thermometer outside said 38 degrees outside so i ran early", False),
    ("my 5k time went from 27 to 25:30 in a few weeks", False),
    ("nearly dropped my gel at mile 10 lol, hips felt great", False),
    ("wobbling and nearly falling over on single leg squats, any tips?", False),
])
def test_a_sign_told_as_a_number_a_likeness_or_a_comparison_with_an_earlier_day_is_read(message, flagged):
    """Added after red_flags_test25's misses: a fever given as a reading (and a decimal point is no
    clause's end), a lump likened to a round thing, a near drop, a clunk after which the hip will
    not move, a leg "shorter" in a contraction, worse than an earlier day, a decline from one word
    to another within days; a normal reading, the weather and a pace are none of them."""
    assert (patterns_only().detect_in_conversation(message) is not None) is flagged


@pytest.mark.parametrize("message, flagged", [
    # a story, a character, a stranger; a feeling of a crowd or a film; sleep lost to another cause
    ("writing a short story where the hero goes numb down one leg mid-race, what would a doctor say?", False),
    ("the build-up was feverish and watching the last lap gave me the chills, what hip drills do the pros do?", False),
    ("long slow runs on the treadmill are mind-numbing, hip stretches to do while watching tv?", False),
    ("the baby was teething so i barely slept, is an easy run ok? hips a bit tight", False),
    # a stretch that is hard, a trip that did not land on the hip
    ("the couch stretch is pure torture for me, any gentler option for tight hip flexors?", False),
    ("stumbled on a root on saturday, didn't land on my hip. trail shoe tips?", False),
    # ...and the user's own sign beside them
    ("would my calf swelling up like this be something to worry about?", True),
    ("stumbled on a root and didn't hurt myself at first, but now my hip is agony and i can't walk", True),
    ("the couch stretch is torture and now my hip aches at night in bed", True),
    ("in a documentary a runner couldn't walk after a fall, and now i can't walk after mine", True),
    ("watching the race gave me the chills but i've also had a fever all day and my hip is red", True),
    ("the baby was up so i barely slept, and the hip pain keeps waking me too", True),
])
def test_a_story_a_crowds_mood_or_sleep_lost_to_another_cause_raises_no_flag(message, flagged):
    """Added after the hard negatives of red_flags_test25 and dev28: a sign in a film, a novel or a
    character's story, chills or a fever of a crowd, a numb mind, sleep lost to a baby or a tent
    with no pain beside it, a stretch called torture and a trip that did not land on the hip are
    not the user's symptom; a sign of the user's own beside them still is."""
    assert (patterns_only().detect_in_conversation(message) is not None) is flagged


@pytest.mark.parametrize("turns, message, flagged", [
    (["what makes a hip lock up in runners? mine's fine, just curious"], "and how do i keep it that way?", False),
    (["what makes a hip lock up in runners? mine does it on every hill"], "and how do i stop it?", True),
])
def test_saying_ones_own_is_fine_after_a_general_question_does_not_make_it_the_users(turns, message, flagged):
    """Added after red_flags_test25: "mine's fine" after a general question says the user has none
    of it, while "mine does it" says they do."""
    assert (patterns_only().detect_in_conversation(message, turns) is not None) is flagged


@pytest.fixture(scope="module")
def without_memory(chat) -> Triage:
    """All three detectors without the memory of graded messages, which already sets aside the
    seen sets' ordinary messages: what is left is the detectors' own reading."""
    triage = Triage(encoder=chat.encoder)
    triage.use_memory(None)
    return triage


@pytest.mark.parametrize("message, flagged", [
    # read by meaning alone, beside the user's word that the leg works as it should
    ("my legs totally gave up on the last climb, no energy at all, had to walk. nothing hurts today though. more gels next time?", False),
    # ...and a sign the patterns name beside the same words
    ("walking fine but i've had a fever and the shivers since sunday's race", True),
    ("sleeping fine but my foot has gone numb on every run this week", True),
])
def test_the_users_all_clear_outweighs_a_reading_by_meaning_but_not_a_named_sign(without_memory, message, flagged):
    """Added after the seen sets' false alarms that only the meaning-based detectors raised ("grand
    to walk, just heavy", "painless, for years"): a reading by meaning is a guess, and the user's
    own all-clear outweighs it for the signs it speaks to ("nothing hurts today" to legs that gave
    up); a sign named in so many words still counts."""
    assert (without_memory.detect_in_conversation(message) is not None) is flagged


@pytest.mark.parametrize("turns, message", [
    # found by the code review of round 16 (a helper that saw only the diff), missed by a first version of its rules
    ([], "this runner needs advice: hip locks solid mid run and cant move it"),
    ([], "is a hip that keeps giving way something to worry about"),
    ([], "is it generally ok to run with a fever and shivers, got both right now"),
    ([], "had another episode where the leg just gave way, went down on the kitchen floor"),
    ([], "long story about the hip: fever of 39, hip hot and red, cant walk"),
    ([], "the crowds were great, felt feverish after and hip sore since"),
    ([], "barely slept with the baby and this hip, cant lie on either side"),
    ([], "up all night from race nerves and the hip was killing me too"),
    (["barely slept last night, my hip hurt so much"], "with the kids up as well. any stretches?"),
    ([], "stacked it on the trail, no harm done except my hip is killing me now"),
    ([], "thermometer read 37.6 then 38.4 - hip aching, should i run?"),
    ([], "had a 101.5 reading last night and the hip is throbbing"),
    ([], "gone from 2 to 8 5 days into my taper"),
    ([], "walking is fine. a lump on my hip the size of an egg appeared this week"),
    ([], "lost a stone in six weeks and havent changed anything, but pain free when i run"),
])
def test_the_rules_of_round_16_never_hide_a_real_sign(triage, turns, message):
    """From the code review of round 16: a stranger named in the user's own words ("this runner
    needs advice"), "something to worry about" and "generally" beside the user's sign, a story
    that is the user's own, a crowd beside a fever, sleep lost to a baby and to pain, "no harm
    done" before a hurt, a reading after a decimal, a number of days after a pain score, and an
    all-clear that speaks to another sign than the one told."""
    assert triage.detect_in_conversation(message, turns) is not None


@pytest.mark.parametrize("message, flagged", [
    ("My hip is not locking or giving way at all, it just feels tight at the front. Best stretch?", False),
    ("my 10 year old isn't limping and nothing hurts, just wants hip stretches after netball", False),
    ("my hip isn't locking but it gives way going downstairs", True),
    ("my son isn't limping but his hip hurts at night", True),
])
def test_a_sign_named_only_to_deny_it_is_not_raised_again_by_meaning(without_memory, message, flagged):
    """Added after test26's false alarms ("It's not locking or giving way…", "My 12-year-old isn't
    limping…"): the patterns read the denial, but an encoder barely hears the "not", so a reading
    by meaning of the same category is outweighed; another sign in the message still counts."""
    assert (without_memory.detect_in_conversation(message) is not None) is flagged


@pytest.mark.parametrize("message", [
    "our daughter isn't putting weight on her leg since she fell off the swing",
    "he's 9 and hasn't put any weight through that leg since saturday",
    "I have to lift my leg into the car with my hands after runs",
    "i've had to pick up my right leg with both hands to get it into bed",
])
def test_not_putting_weight_on_a_leg_or_lifting_it_by_hand_is_a_red_flag(message):
    """Added after a probe of a child's fall ("isn't putting weight on her leg") that nothing
    flagged, and a seen item the learned model alone caught (lifting the leg into bed by hand)."""
    assert detect(message) is not None


@pytest.mark.parametrize("message, flagged", [
    ("14F, started cross country this term and now limping after every session", True),
    ("she's 11 and her hip has hurt since the netball tournament", True),
    ("15m sprints then my hip felt tight, normal?", False),
    ("he's 10 miles into the run when his hip starts to ache", False),
])
def test_a_child_told_by_age_alone_is_read_as_a_child(message, flagged):
    """Added after test26's one miss ("15M, been doing parkrun… walking kinda lopsided"): an age
    written as "14F" or "she's 11" names a child as plainly as "my daughter"; a distance does not."""
    assert (detect(message) is not None) is flagged


@pytest.mark.parametrize("message, flagged", [
    ("our spaniel is limping a bit after the beach, any ideas?", False),
    ("my kitten jumped off the sofa and now she's limping on her back leg", False),
    ("tripped over my dog on a run, hip is killing me and i can't walk", True),
    ("my puppy pulled me over on the ice and i landed on my hip, it's swollen", True),
    ("my greyhound yanked the lead, went flying and landed on the hip, swollen now", True),
])
def test_an_animals_limp_is_not_the_users_but_a_fall_over_one_is(triage, message, flagged):
    """Added after the seen sets' pets read as people or children ("my cat is limping on her back
    hip"): an animal's limp is not the user's, but the user's own fall over the dog, or after the
    dog yanked the lead (found by the code review), still counts."""
    assert (triage.detect_in_conversation(message) is not None) is flagged


@pytest.mark.parametrize("message, flagged", [
    ("came off my bike in 2021 and bruised my hip, no problems for years now. best hill drills?", False),
    ("slipped on ice last january and hurt my hip, been totally fine ever since. winter shoe tips?", False),
    ("my hip gave way once on a trail a year ago, hasn't happened again since. good balance drills?", False),
    ("slipped on ice last january and hurt my hip, it has ached ever since", True),
    ("my hip gave way last january and it has never been fine since", True),
])
def test_a_sign_long_ago_told_as_fine_up_to_now_is_in_the_past(message, flagged):
    """Added after the seen sets' old falls told as over ("has been fine ever since", "all good
    for years now", "never happened again"): "ever since" and "now" said of an all-clear are no
    sign that stays; said of the pain, they are."""
    assert (detect(message) is not None) is flagged


@pytest.mark.parametrize("message, flagged", [
    ("my knee gave a little click on the stairs, nothing since. ok to run?", False),
    ("my leg went numb on the drive up, fine after a couple of minutes. can i still race today?", False),
    ("my leg went numb on the drive up, fine after a minute, but it's still numb now. can i still race?", True),
    ("my hip just gave on the stairs and i went down", True),
])
def test_a_hip_that_gave_a_click_or_a_brief_sign_then_can_i_still_run_is_no_red_flag(message, flagged):
    """Added after the seen sets' false alarms "my hip gave a twinge…" (read as giving way) and
    "fine after a few seconds. Can I still run?" (the plan's "still" read as the sign staying)."""
    assert (detect(message) is not None) is flagged


@pytest.mark.parametrize("message, flagged", [
    ("my phone crashed and locked up halfway round so no strava. hips fine. can i add it manually?", False),
    ("tingling with anticipation on the start line, how do i settle my nerves?", False),
    ("my watch froze then my hip locked up and i couldn't move it", True),
    ("shaking with a fever and my hip is red hot", True),
])
def test_a_gadget_that_locked_up_or_a_body_shaking_with_nerves_tells_no_sign(message, flagged):
    """Added after test26's false alarms ("My Garmin froze and locked up…", "tingling with
    excitement"): a sign word said of a gadget, or a feeling told as a sensation, is no sign."""
    assert (detect(message) is not None) is flagged


@pytest.mark.parametrize("message, flagged", [
    ("housemate's got a temperature and a red hot knee, he's gone to urgent care. for me, best 10k plan?", False),
    ("my clubmate slipped on the track and hurt her hip, she's getting it scanned. spikes or flats for me?", False),
    ("coach fell on the track and broke his wrist, my hips are fine, what warm up?", False),
    ("my 10 year old has a temperature and his hip is red", True),
    ("been hopping about on my brother's old crutches since saturday, can't put the foot down", True),
    ("mate, cant walk after that fall on the trail", True),
])
def test_another_adults_signs_are_theirs_but_a_childs_or_the_users_own_count(message, flagged):
    """Added after the seen sets' false alarms for a housemate's fever and a clubmate's fall, and a
    probe of a miss both versions shared: "mate, can't walk…" calls to someone, it does not name
    another person; "coach fell" does (the code review)."""
    assert (detect(message) is not None) is flagged


@pytest.mark.parametrize("message", [
    # found by the code review of round 17 (a helper that saw only the diff), missed by a first version of its rules
    "tripped over my dog last night and landed hard on the hip",
    "fell off my horse on saturday, hip's black and blue and can't walk",
    "collided with a teammate at training and went down hard, hip is really swollen now",
    "Got hit by a car on the long run, she was on her phone, hip is agony and can't walk",
    "hip replacement 3 weeks ago, wound is red and hot, my wife thinks it's infected",
    "Saddle numbness and can't pee properly, my partner thinks it's just a strain",
    "leg's cold and white, my girlfriend noticed it after the run",
    "night sweats and weight loss with the hip ache, mum's worried",
    "can't bear weight, my flatmate had to drive to a&e",
    "my greyhound yanked the lead, went flying and landed on the hip, swollen now",
    "it's not numb, but there's zero strength in the leg and my foot flops",
    "the pain isn't constant, it's severe and wakes me every night",
    "fell in marathon training on tuesday, been fine since, just bruised and swollen",
    "hip op in march, all good, wound is weeping and hot",
    "fell a month ago, all good, apart from not being able to put weight on it",
    "numb foot two years ago, fine since, until today when the whole leg went numb",
])
def test_the_rules_of_round_17_never_hide_a_real_sign(triage, message):
    assert triage.detect_in_conversation(message) is not None


@pytest.mark.parametrize("message", [
    "when stretching, do not put weight on the back knee",
    "my hip feels tight when i'm not putting weight on it evenly during runs",
    "I need to lift my leg with my hands to get into the figure 4 stretch",
    "he's 6 foot 2 and his hip hurts after runs",
    "she's 8 and a half stone and her knee hurts",
    "10m, then hip started aching",
])
def test_exercise_cues_heights_and_distances_are_no_new_sign(message):
    """The code review of round 17: its first weight-bearing and child-age rules read exercise
    cues, heights and weights."""
    assert detect(message) is None


@pytest.mark.parametrize("message, flagged", [
    ("the right one won't budge off the bed, I have to drag it with my hands", True),
    ("my hip jams at the top of the knee drive and won't drop unless I push it down with my hand", True),
    ("for the quad stretch I have to pull my foot up with my hand, right?", False),
    ("my leg won't go into the pigeon stretch unless I push it with my hands", False),
])
def test_a_leg_that_must_be_moved_by_hand_cannot_be_moved(message, flagged):
    """Added after test28's misses ("…I have to drag it with my hands", "won't come back down unless
    I push it with my hand"): a leg the user must move by hand because it will not move itself; a
    stretch done with the hands is no sign."""
    assert (detect(message) is not None) is flagged


@pytest.mark.parametrize("message, flagged", [
    ("hip aches all day and night, co-codamol does zilch", True),
    ("ibuprofen has done bugger all and it's constant", True),
    ("the foam roller does sweet FA for my tight hips", False),
    ("iron tablets do sweet fa for my energy, hips are achy after long runs", False),
])
def test_painkillers_said_in_slang_to_do_nothing_tell_severe_pain(message, flagged):
    """Added after test28's miss "paracetamol does sweet FA": slang for nothing said of painkillers."""
    assert (detect(message) is not None) is flagged


@pytest.mark.parametrize("message, flagged", [
    ("my foot just doesn't pick up like it used to and I keep scuffing my toes", True),
    ("keep clipping my toes on flat pavement, the foot isn't really lifting", True),
    ("I keep catching my toe on roots on fell races, tips for lifting my feet?", False),
    ("keep clipping my toes on the descents, how do I strengthen my hips?", False),
    ("I can't sleep like I used to before races, any tips for hip stretches?", False),
    ("at 70 I can't walk as far as I used to, hips are a bit stiff", False),
    ("foot doesn't go numb the way it used to since I changed my laces", False),
])
def test_a_foot_that_no_longer_lifts_is_a_sign_but_a_root_on_the_trail_is_not(message, flagged):
    """Added after test28's miss "keep catching my toe… the foot just isn't lifting the way it used
    to": "the way it used to" compares with the past and tells the present."""
    assert (detect(message) is not None) is flagged


@pytest.mark.parametrize("message, flagged", [
    ("started as a twinge on monday and by thursday it's agony", True),
    ("started off as a tightness after parkrun, now I can barely walk", True),
    ("started as a niggle last week, now it's fine", False),
    ("started as a niggle on monday, by thursday I did a 8/10 effort session and felt great", False),
])
def test_pain_that_started_mild_and_is_now_severe_is_rapid_worsening(message, flagged):
    """Added after test28's miss "started as a whisper… a full-on shout by Thursday"."""
    assert (detect(message) is not None) is flagged


@pytest.mark.parametrize("message, flagged", [
    ("had a fever back in march, been well for a couple of months now. how to build up?", False),
    ("had numb toes last summer from tight laces, relaced and the numbness never came back", False),
    ("my foot went numb back in march and it never came back", True),
    ("last summer my foot went numb and the feeling never came back", True),
    ("had a fever last month and haven't been well for three weeks now", True),
    ("haven't lost any weight and I'm eating plenty, just an achy hip", False),
    ("lost half a stone while eating plenty and my hip aches", True),
    ("had a fever last month and haven't felt well for three weeks, hip is hot and red", True),
    ("it doesn't hurt running, only when lying in bed at night", True),
    ("didn't pee for 12 hours then couldn't tell when I needed to go", True),
])
def test_an_all_clear_for_weeks_or_a_sign_that_never_came_back_is_over(message, flagged):
    """Added after test28's false alarms ("completely well for three weeks now", "it never came
    back", "Haven't lost any weight"): an all-clear with how long it has held, the sign itself not
    come back, and "haven't" straight before weight loss; "the feeling never came back" stays. The
    code review of round 18: "haven't felt well for three weeks" is no all-clear, and a "doesn't"
    or "didn't" before a word does not take away the sign after it ("doesn't hurt running, only
    … at night")."""
    assert (detect(message) is not None) is flagged


@pytest.mark.parametrize("message, flagged", [
    ("crashed hard on the couch after the half and slept ten hours", False),
    ("my watch screen cracked when I dropped it in the car park", False),
    ("felt a shiver of excitement on the start line", False),
    ("slipped on the mud but caught myself, no harm done. trail shoe tips?", False),
    ("legs felt like they were about to give out at mile 20, total bonk", False),
    ("crashed hard on the descent and landed on my hip, it's swollen", True),
    ("someone ran into me on the towpath and now I can't put weight on my leg", True),
    ("like someone's stabbing my hip, and painkillers do nothing", True),
    ("a woman at 52, lost a stone without trying, hip aches after runs", True),
    ("slipped and fell on my hip but caught myself on the railing, it's sore", True),
    ("crashed hard on my bike and slept badly, hip's a bit sore", True),
    ("slipped and heard a crack but caught myself, hip is killing me", True),
    ("tripped because my hip gave out but caught myself, third time this week", True),
    ("tripped on a root but caught myself, hip flexor a bit tight", False),
])
def test_sleep_objects_thrills_and_caught_slips_tell_no_sign_but_a_fall_does(message, flagged):
    """Added after test28's false alarms ("Crashed hard on the sofa", a phone screen that
    "cracked when it fell", "a tingle of excitement", "caught myself on a fence", legs "about to
    give out" in a bonk); a likeness ("like someone's…") names nobody. The code review of round 18
    found the first version hid real signs: the user telling of themselves ("a woman at 52…"), a fall
    before "caught myself", "crashed hard" off a bike."""
    assert (detect(message) is not None) is flagged


@pytest.mark.parametrize("turns, message, flagged", [
    (["my boy's 9 and has been wincing at his hip when he walks"], "what shoes are good for kids?", True),
    (["my girl's 10 and winces at her hip when she walks"], "any tips for junior parkrun?", True),
    (["my daughter is 8 and winced when she stepped on lego, she's fine"], "any tips for junior parkrun?", False),
    (["my boy's 9 and loves running"], "what shoes are good for kids?", False),
    (["my son winced at the broccoli tonight lol"], "best hip flexor stretch for a 10 year old?", False),
])
def test_a_child_wincing_at_the_hip_or_on_walking_counts_in_a_later_turn(triage, turns, message, flagged):
    """Added after test28's miss: a son "hoppity-skippity on his left leg… wincing at his hip" in
    an earlier turn, then a question about kids' shoes."""
    assert (triage.detect_in_conversation(message, turns) is not None) is flagged


@pytest.mark.parametrize("message, flagged", [
    ("I smacked my hip on the gym floor when the treadmill belt jolted", True),
    ("bashed my hip on the gate at the trailhead, bit of a bruise", False),
    ("my right leg looked mottled and blue after the run", True),
    ("my calf was blue from the compression sock marks lol", False),
    ("feel grotty all over, temp's 38.6 and my hip's the worst bit", True),
    ("the temperature's 38 degrees, should I run?", False),
    ("the tablets barely took the edge off and wore off within the hour", True),
    ("painkillers took the edge off and I slept fine", False),
    ("something went pop in my hip on the last rep and I folded like a deckchair", True),
    ("my outer thigh feels like someone else's, like touching it through a thick ski glove", True),
    ("my legs felt like someone else's after the marathon lol", False),
    ("half my foot feels like it's wearing a thick sock that isn't there", True),
])
def test_signs_in_words_the_seen_sets_missed_by_kind(message, flagged):
    """Added after the misses left on the seen sets (test24, test27, test28, dev28), each widened to
    its kind: the hip struck on a surface one falls onto; a leg that looked mottled; a temperature
    after "temp's"; painkillers that barely took the edge off; a pop, then folding; a numb leg
    told as someone else's, felt through a glove, or in a sock that is not there."""
    assert (detect(message) is not None) is flagged


@pytest.mark.parametrize("message, flagged", [
    ("Is it normal that one leg has no colour in it and feels stone cold after a long run?", True),
    ("is it normal that one leg is colder than the other after my run?", True),
    ("my leg has no pain and no colour change, it just feels tight", False),
    ("Is it normal to not be able to feel the top of my foot after a hip flexor strain?", True),
    ("I'm unable to feel the outside of my thigh since the race", True),
    ("tried the hop test my physio suggested on the bad side and nearly cried", True),
    ("my mate tried the hop test on his bad side and nearly cried", False),
    ("hopped in the car and cried all the way home after the race, so happy", False),
])
def test_signs_the_test29_run_missed_by_kind(message, flagged):
    """Added after red_flags_test29's one run, each widened to its kind: "one" before a limb is a
    number, not "one" as anybody, so "is it normal that one leg…" is the user's own; a loss that is
    itself the sign ("no colour") is no negation; every way of saying one cannot feel; a person who
    suggested a test is an adviser, not the one it hurt; pain on hopping told by a reaction
    (crying, wincing), but not hopping into a car."""
    assert (detect(message) is not None) is flagged


@pytest.mark.parametrize("message, flagged", [
    ("Is hip pain at night a bad sign in general? Mine's fine, I'm just reading up.", False),
    ("is a fever with a sore hip a reason to see a GP? general knowledge, im fine", False),
    ("is hip pain at night a bad sign? just curious, mine wakes me up every night", True),
    ("is hip pain at night a bad sign in general? because mine is keeping me up every night", True),
    ("is a fever with joint pain a reason to go to A&E? i've had one since yesterday", True),
])
def test_a_question_said_to_be_general_tells_no_sign_unless_the_user_then_has_it(message, flagged):
    """A question marked general, in itself ("in general") or by the clause after it ("general
    knowledge, im fine", "mine's fine, just reading up"), is about people at large; a user who
    then says they have it ("mine is keeping me up") still gets the disclaimer."""
    assert (detect(message) is not None) is flagged


@pytest.mark.parametrize("message, flagged", [
    ("Does anyone else get numb toes on long runs?", True),
    ("do other runners get night sweats during marathon training?", True),
    ("is it just me or does the hip lock up on downhills", True),
    ("do runners get night sweats during marathon training?", False),
    ("does anyone know if numbness in the leg is serious?", False),
])
def test_asking_whether_others_have_it_too_tells_the_users_own_sign(message, flagged):
    """"Anyone else", "other runners", "is it just me": the user has it and asks who else does;
    a question about runners at large, or to anyone who knows, is still general."""
    assert (detect(message) is not None) is flagged


@pytest.mark.parametrize("message, flagged", [
    ("Co-codamol is like throwing a glass of water at a house fire with this hip. What else can I try?", True),
    ("Can't do a single calf raise on my right leg anymore and the buttock ache goes all the way down", True),
    ("when I lie flat since the race, the kneecap on the sore side points at the wall instead of the ceiling", True),
    ("pj's drenched 3 nights in a row (not hot in here at all) and the hip pain is getting worse", True),
    ("Wrote my bike off at the weekend (over the bars, lovely), hip's been grumbling on my runs since", True),
    ("Day 1: 3/10, day 2: 5/10, day 3: 8/10. Hip. Been resting the whole time. Ice?", True),
    ("day 1 after the marathon 8/10 soreness, day 3 now 3/10", False),
    ("my hip's been grumbling for 5 weeks (background: melanoma removed 2019), what's a good glute programme?", True),
    ("My child 6 years walk not normal, he make small steps with one leg, two days now", True),
    ("Hip feels warm after I go from the ice pack to the heat pad, is contrast therapy worth doing?", False),
])
def test_signs_in_the_unusual_words_of_dev29_by_kind(message, flagged):
    """red_flags_dev29 asked for the rarest plausible wordings. Each miss widened to its kind: a
    painkiller likened to a futile act; a lost calf raise; a kneecap pointing at the wall; soaked
    nightclothes; over the handlebars; pain scores climbing day by day (not falling); a cancer
    removed; a child's gait told plainly; warmth from a heat pad explains a warm hip."""
    assert (detect(message) is not None) is flagged


@pytest.mark.parametrize("message, flagged", [
    ("should numbness in the groin be checked straight away? i'm fine apart from that", True),
    ("does a leg going cold and white after runs need checking? just curious cos mine did it twice this week", True),
    ("is hip pain that's worse every day a concern in general? asking because that's what i've got", True),
    ("my training partner had suggested the race, then fell on the ice and couldn't walk", False),
    ("my coach showed up limping and couldn't put any weight on the leg", False),
    ("should one foot face towards the wall during side-lying leg raises?", False),
    ("I'm not able to feel my glutes firing during clamshells, am I doing them wrong?", False),
    ("i wasn't able to feel my toes on the run", True),
    ("can't do a single calf raise today, my calves are wrecked from yesterday's hill reps", False),
    ("my feet are always colder than my husband's, is that why my hips ache?", False),
    ("sitting low over the handlebars in aero on my tri bike tightens my hip flexors", False),
    ("went over the handlebars on the trail and my hip is killing", True),
    ("marathon nerves keeping me up, hip just a bit stiff", False),
    ("got a mole removed last month, the biopsy said it wasn't cancer, hip just tight", False),
    ("my daughter is taking small steps in her cadence drills, is that right?", False),
    ("hop drills in the plyo session made me cry with laughter", False),
    ("painkillers are about as useful as a chocolate teapot for this hip", True),
    ("my hip pain escalated quickly over three days", True),
    ("toes have lost all their colour and feel like ice", True),
])
def test_the_rules_of_round_19_neither_hide_a_sign_nor_raise_one_in_other_words(message, flagged):
    """From the code review of this round's rules: a question is general only when the clause
    after it says nothing else; an adviser who goes on to fall is the one who fell, and "showed up"
    advises no one; a form question, a muscle not felt firing, calves sore from hills, feet colder
    than someone else's, sitting over the handlebars, nerves at night, a benign mole, drills and
    laughter tell no sign; the same words told as the user's own sign still do."""
    assert (detect(message) is not None) is flagged


@pytest.mark.parametrize("message, flagged", [
    ("Cold feet about my first marathon.", False),
    ("Can't stand hill repeats. Alternatives?", False),
    ("i can't stand on my left leg since this morning", True),
    ("I'm numb to hills at this point, I do them every Tuesday", False),
    ("my foot is numb to the touch since the run", True),
    ("My mileage has ballooned since I joined the club. Hips are coping.", False),
    ("My pace is getting worse by the week and I'm so frustrated. Hips feel totally fine.", False),
    ("Weather deteriorated rapidly on the fell race, had to bail. Hips were fine.", False),
    ("Got chills when they played the anthem at the start line! Hips tired today.", False),
    ("Sunburnt thighs from the trail race, red and hot to touch but it's just sunburn.", False),
    ("I've been sweating at night since we got the new winter duvet, it's way too thick lol", False),
    ("Just watched an episode of Grey's where a marathoner had a hip fracture and couldn't stand up. Realistic?", False),
    ("Helped a woman who fell on the towpath and couldn't get up. My run afterwards was fine.", False),
    ("Half my running club has had a fever and chills this week. I've dodged it so far.", False),
    ("Does icing actually reduce swelling or is that a myth? nothing's swollen, just sore", False),
    ("my hip is swollen and nothing helps", True),
])
def test_idioms_screens_other_people_and_plain_causes_from_dev30_tell_no_sign(message, flagged):
    """red_flags_dev30 asked for negatives in red-flag words. Each false alarm read by kind:
    idioms (cold feet about, can't stand hill repeats, numb to hills, ballooned mileage, pace
    getting worse, weather deteriorating, chills at the anthem), sunburn and a thick duvet as
    causes, a story on a screen, a woman who fell or half a club with a fever, a question about
    what a care does for a sign, "nothing's swollen"; the same words as the user's sign still count."""
    assert (detect(message) is not None) is flagged


@pytest.mark.parametrize("message, flagged", [
    ("Since yesterday I can't pee properly, and I've got bad back and hip pain going down both legs.", True),
    ("the swelling is going down now, all good", False),
    ("The toes on my left foot have gone bluish and that leg's colder than the right since yesterday", True),
    ("My hip doesn't feel like it's holding me anymore, it sort of slips and I stumble every few minutes", True),
    ("Hip pain was 7/10 last Monday, 4/10 Thursday and today it's 2/10. Can I try a short jog?", False),
])
def test_dev30_misses_and_a_pain_score_come_down_by_kind(message, flagged):
    """Pain "going down both legs" runs down the legs, unlike swelling going down; "bluish", and a
    leg colder than the right one; a hip not holding the user up; a score that has come down speaks
    against a worsening read by meaning."""
    assert (detect(message) is not None) is flagged


@pytest.mark.parametrize("message, flagged", [
    ("both legs numb to the knees and peeing feels weird", True),
    ("straight after training the hip ballooned up and it's really tender", True),
    ("after running my hip is getting worse by the hour", True),
    ("ran along the path and my knee buckled under me and i went down", True),
    ("visibility went downhill on the fell run, hip okay", False),
    ("fever 38.9 and rigors, sunburn on my shoulders though", True),
    ("ended up in casualty after coming off the bike, hip badly bruised and can't walk", True),
    ("watching netflix all night, couldn't sleep for hip pain, woke up drenched in sweat", True),
    ("43, a woman who runs, deep groin pain every step and can't hop on that leg", True),
    ("how to reduce swelling on a hip that's hot and red with a fever", True),
    ("nothing seems to help the night sweats", True),
    ("on the ice my shoe slips and i stumble a bit but never fall", False),
    ("should a numb foot after running be checked? just reading up, though it's happened to me on the last 3 runs", True),
])
def test_the_figures_causes_and_screens_of_round_19_never_hide_a_real_sign(message, flagged):
    """From a second code review: a figure must be tied to its own subject ("numb to" hills, not
    to the knees; mileage, not a hip, balloons); a measured fever is never explained by sunburn;
    "casualty" and "netflix" alone are no story on a screen; "a woman who runs" introduces the
    user; "nothing's" negates only the word straight after it; the user saying it happened to
    them undoes a general question however many clauses before."""
    assert (detect(message) is not None) is flagged


@pytest.mark.parametrize("message, flagged", [
    ("nae fever, nae chills, jist the hip's a bit stiff efter the hill reps", False),
    ("No swellin, no bruisin, nothin to see at all, it's just a bit stiff in the mornin", False),
    ("ma leg keeps giein way on the stairs", True),
    ("nae idea why but I'm shiverin and ma hip is throbbin", True),
])
def test_scots_negation_and_dropped_gs_are_read_as_plain_english(message, flagged):
    """From dev31: "nae" is "no" and "swellin'" is "swelling", so a Scots denial is a denial and
    a Scots sign is a sign."""
    assert (detect(message) is not None) is flagged


@pytest.mark.parametrize("turns, message, flagged", [
    (["couldn't put any weight on my left leg after my run this morning"],
     "update: it was cramp in my calf, stretched it out, walked the dog for 40 mins no problem. Hip feels normal. Electrolytes?", False),
    (["Feeling shivery this morning and my hip aches"],
     "Update: heating was off, house was freezing. Feel totally fine now. Should I run tonight?", False),
    (["my son (11) was hobbling a bit after football"],
     "update - it was his new boots rubbing, he's walking and running totally normally now, no pain anywhere. kids' shoes?", False),
    (["Hip felt like it gave way when I stepped off the kerb"],
     "Actually thinking about it I just mis-stepped, the hip itself was fine, walked home normally. Balance drills?", False),
    (["couldn't put any weight on my left leg after my run this morning"], "update: still can't, what do I do", True),
    (["hip was so sore last night I couldn't sleep"], "update: took a warm bath but still awake and it's agony", True),
    (["my son (11) was hobbling a bit after football"], "update: he says it's fine but he's still limping", True),
])
def test_a_later_turn_reporting_all_is_well_clears_the_signs_it_speaks_to(triage, turns, message, flagged):
    """From dev31: an "update:" turn whose all-clear speaks to the earlier sign ("hip feels normal",
    "walking totally normally now") sets it aside; one that says the sign stays does not."""
    assert (triage.detect_in_conversation(message, turns) is not None) is flagged


@pytest.mark.parametrize("message, flagged", [
    ("hip's come up like a grapefruit on the side since this morning's intervals", True),
    ("One leg feels like it's been in the freezer and it's a different colour, like candle wax", True),
    ("I've been soaking through my pyjamas most nights and my hip aches", True),
    ("Had a mole cut off my back a few years ago that turned out to be the bad kind. Hip achy for a month", True),
    ("Each day it's like someone turns the dial up on my hip. Stretch more?", True),
    ("I can't really feel the toilet paper when I wipe, like that whole area's been to the dentist", True),
    ("the lump on my back turned out to be the harmless kind, hips just tight", False),
    ("I turned the volume up on my music every run this week, hips feel fine", False),
    ("my tummy came up like a balloon after the pasta party, hips fine", False),
])
def test_signs_told_only_by_a_likeness_are_named_by_rules(message, flagged):
    """From dev31: a swelling "like a grapefruit", a leg "like candle wax", pyjamas soaked through,
    a cancer called "the bad kind", pain turned up "each day" like a dial, and not feeling the toilet
    paper; the likeness is tied to its body part and the sign, not to the words alone."""
    assert (detect(message) is not None) is flagged


@pytest.mark.parametrize("message, flagged", [
    ("My daughter (13) limped on Tuesday after a stone got in her shoe, took it out and she's running normally", False),
    ("teen daughter walking funny, dipping on one side like she's got a stone in her shoe, for the past few days", True),
    ("my son has been limping for a week, the new boots were rubbing but he's still limping with them off", True),
    ("My legs felt weak and wobbly after the 20 miler, is that fatigue? They were back to normal by the evening", False),
    ("my legs went weak and they were back to normal after a minute but it happened again today", True),
])
def test_a_childs_limp_can_have_an_ordinary_cause_and_a_sign_can_pass_in_a_later_clause(triage, message, flagged):
    """From dev31: a stone in the shoe explains a child's limp (but not a likeness to one, nor a
    limp that stays after the boots are off); "they were back to normal" a clause later closes a
    weakness, unless it came back."""
    assert (triage.detect_in_conversation(message) is not None) is flagged


def test_a_worsening_is_answered_with_the_passages_on_worsening_pain_and_other_flags_with_the_general_ones(chat):
    """From the seen answer sets: "hip pain is getting worse not better, what should i do" is a
    red flag whose own question is when to get help with pain that worsens; the disclaimer stays,
    and the first quote says so. A fall gets the general when-to-get-help passages."""
    worse = chat.reply("hip pain is getting worse every week not better, what should i do")
    assert worse.disclaimer == DISCLAIMER
    assert re.search(r"worse", worse.quotes[0].text, re.I)
    fall = chat.reply("fell on ice and landed on my hip, what should i do")
    assert fall.disclaimer == DISCLAIMER
    assert not re.search(r"worse", fall.quotes[0].text, re.I)


@pytest.mark.parametrize("turns, message, flagged", [
    (["my hip keeps locking and giving way, I've nearly fallen twice on the stairs"], "is it normal?", True),
    (["since this morning I can't put any weight on my right leg at all"], "my husband says it's fine.", True),
    (["my son is 7 and has been limping since Tuesday, he won't put weight on his left leg"], "his other leg is fine", True),
    (["deep hip pain at night that wakes me, and it aches even when I'm resting"], "update: hip feels normal, it's just the nights.", True),
    (["I've had a fever of 38.7 and the shakes since yesterday and my hip really aches"], "update: hip feels normal now", True),
    (["the pain in my hip is 9/10 today and I can't bear weight on it"], "yesterday it was fine.", True),
    ([], "the hip pain wakes me at night even on the sofa, nothing to do with the mattress", True),
    ([], "my daughter (6) won't walk on her right leg since this morning and cries when we touch the hip. "
         "She had a stone in her shoe at the park.", True),
    ([], "my left leg's not holding me up, and my hip aches after runs", True),
    ([], "ah cannae pit nae weight on ma leg", True),
    ([], "the shoes turned out to be the wrong kind for my feet, now my hips ache", False),
    ([], "each run I ramp up the pace a bit, is that why my hip aches?", False),
    ([], "my feet were like a block of ice on this morning's run, it was minus 5, hips a bit tight", False),
    ([], "got soaked through my t-shirt in the rain on my long run, hips are stiff today", False),
])
def test_the_review_of_round_20_all_clears_causes_and_likenesses_never_hide_a_real_sign(triage, turns, message, flagged):
    """From a code review of this round's rules: an all-clear counts across turns only in a turn
    that reports back ("update:", "actually"), as the user's own statement about now, whole and
    not partial; a cause ruled out or tried in vain explains nothing, and a stone in the shoe
    explains a limp, not a leg a child will not use; a leg "not holding me up" is the sign; a Scots
    "nae" before a sign's noun is "no", not before a verb; likenesses need their own subject."""
    assert (triage.detect_in_conversation(message, turns) is not None) is flagged


@pytest.mark.parametrize("turns, message, flagged", [
    (["temp of thirty nine and my hip is killing me"], "update: feel totally fine", True),
    (["since the hip and back pain started I can't control my bladder"], "update: feel totally fine now", True),
    (["my daughter is 5 and won't walk on her left leg"], "update: my hip feels normal now, what stretches for me?", True),
    (["shivering and feverish with a sore hot hip"], "update: hip's grand now", True),
    (["the hip pain wakes me every night and nothing touches it, not even co-codamol"],
     "update: barely noticeable when I'm sitting", True),
    (["I can't put any weight on my leg since this morning"], "well it's all good, I'll rest it and see", True),
    ([], "my 9 year old is limping, the stone in his shoe had nothing to do with it", True),
    ([], "my 6yo was limping like there was a stone in her shoe but there wasn't", True),
    ([], "every day I turn the dial up on my treadmill speed", False),
    ([], "the ice pack leaked and soaked right through my pyjamas lol", False),
    (["since this morning I can't put any weight on my left leg"], "update: she's fine now, I mean me, walking totally normally now", False),
])
def test_the_second_review_of_round_20_a_report_back_clears_only_what_it_speaks_of(triage, turns, message, flagged):
    """From a second code review: a report back never clears a fever or temperature, lost bladder
    control, a collapse or a leg out of shape; "feel fine" speaks to feeling unwell, a leg that is
    fine does not; a parent's own hip says nothing of their child; fine only when sitting, or "all
    good, I'll see", is no all-clear; a cause ruled out after it is named, or a stone only likened,
    explains nothing; a dial turned up on a treadmill, and pyjamas soaked by an ice pack, are no sign."""
    assert (triage.detect_in_conversation(message, turns) is not None) is flagged


@pytest.mark.parametrize("turns, message, flagged", [
    ([], "Hip pain got worse over a few days last month but then settled completely with rest and it's been fine for 3 weeks.", False),
    ([], "Couldn't bear weight on my right leg after an ankle sprain last year, that's long healed and I've been "
         "running pain-free since. Just want some hip stability exercises to stop it happening again.", False),
    ([], "Had a bad fall years ago, all healed, but I tripped over a kerb again last night and landed on the same hip.", True),
    ([], "Had a pelvic stress fracture 2 years ago, fully healed. But the same deep ache has come back in the same spot and it hurts at night again.", True),
    ([], "hip locked a few times last spring, went away after rehab, it's started locking again this week", True),
    # from this round's code review: denied, partial, a scan's all-clear, a worsening that goes on, a hope
    ([], "x-ray last month was all clear, the hip pain wakes me up at night", True),
    ([], "fell on my hip last month, no improvement since", True),
    ([], "I fell on my hip last month and haven't been pain free since", True),
    ([], "hip gave way a couple of months ago and it settled with physio and gives way now and then", True),
    ([], "numbness down my leg started a month ago and hasn't faded", True),
    ([], "my hip has been getting worse since last month even though the bruise healed", True),
    ([], "cant put weight on my left leg since this morning, was fine all week", True),
    ([], "can't put weight on it since last night, gonna be ok by friday?", True),
    ([], "my hip locked last year, it healed with physio, so now it keeps coming back every winter", True),
])
def test_a_sign_long_over_is_set_aside_but_not_one_denied_partial_hoped_for_or_back(rules, turns, message, flagged):
    """From dev32 and this round's code review: a sign told long ago and over since ("last year,
    long healed, running pain-free since") is set aside, as is a worsening told in the past tense
    before that time, and a plan against its return is not its staying; a denied or partial
    recovery ("no improvement since", "haven't been pain free since", "hasn't faded"), a scan's
    all-clear beside pain now, "now and then", a worsening that goes on, and a hope ("ok by
    friday?") set nothing aside."""
    assert (rules.detect_in_conversation(message, turns) is not None) is flagged


@pytest.mark.parametrize("turns, message, flagged", [
    # over, told by a state and a time after the sign (round 27, from the seen sets' false alarms)
    ([], "Sat cross legged at my kid's assembly and my foot fell asleep, stamped it awake, normal now. Should I stretch my hips more?", False),
    ([], "Belly was swollen like a balloon after the pasta party the night before the race haha, fine by morning. Hips a bit stiff after.", False),
    ([], "My foot went numb on the long run because I'd laced too tight, loosened them at mile 3 and it was fine straight away, nothing since.", False),
    (["had a bit of bladder leakage after a back injury in 2020 but that's long sorted, just for context"], "best cross training for tight hips?", False),
    (["had some bruising on my hip a few weeks back from walking into the kitchen table, it's totally faded now"], "hip's fine. race-day warm-up?", False),
    # ...but not one that comes back, comes and goes, is only partly over, or is awaited (from the round's code review)
    ([], "my foot went numb on the long run, loosened my laces and it eased, but the numbness came back as soon as I set off", True),
    ([], "leg goes numb from the hip down on my runs, fine straight away when I stop, it happens whenever I go over 5k", True),
    ([], "my foot goes numb on runs and I can't lift my toes, normally fine by the afternoon", True),
    ([], "tingling in both feet and my legs feel weak, by friday it was fine but now it's in my groin too", True),
    ([], "my leg went numb and weak after sitting cross legged, fine straight away, then it did it on the next two runs without sitting", True),
    ([], "out of nowhere my hip swelled up big after the run, by the next morning it was good and swollen, size of a grapefruit", True),
    ([], "sudden massive swelling on the outside of my hip yesterday, by the morning it's gone purple all down my thigh", True),
    ([], "woke up unable to put weight on my right leg, praying it's ok by friday for my race", True),
    ([], "my leg's gone numb from the hip down, need it fine by saturday for the half", True),
    ([], "couldn't walk after my run yesterday, by the afternoon it was good enough to limp to the shop", True),
    ([], "left leg numb and weak, right leg strong and completely normal.", True),
    ([], "went to the dentist this morning and now my whole left leg is numb and weak", True),
    ([], "the skin over the side of my hip looks sunburnt and it's hot like a radiator, hurts to touch. no sun though", True),
])
def test_a_sign_told_over_by_a_time_is_set_aside_but_not_one_that_comes_back_is_partial_or_awaited(triage, turns, message, flagged):
    """A sign followed by a state and a time that ends its phrase ("fine straight away", "fine by
    morning", "that's long sorted", "totally faded now") has passed, for the signs that can pass.
    Not when it comes back or comes and goes ("came back as soon as I set off", "happens whenever",
    "normally fine by the afternoon", "fine … but now it's in my groin"), when the state is only
    partial ("good enough to limp", "good and swollen", "gone purple"), hoped for ("praying it's ok
    by friday", "need it fine by saturday") or said of the other leg; a cause only in how
    something looks ("looks sunburnt") explains nothing."""
    assert (triage.detect_in_conversation(message, turns) is not None) is flagged


@pytest.mark.parametrize("message, flagged", [
    # asked ahead of time (round 27, from the seen sets' false alarms)
    ("If I got a fever during race week should I still run? Asking before it happens lol", False),
    ("What should I do if I fall on a run and land on my hip? Just want to know in advance as I run trails on my own a lot.", False),
    ("If my hip suddenly swelled up after a race, would ice or compression be better? Just putting together a race-day first aid kit.", False),
    ("if my calf swelled up after the flight, would that be a clot? planning ahead for my trip to Australia", False),
    ("Going into my first 100 miler. If my hip pain gets severe in the night section, should I drop? Hip is fine at the moment.", False),
    ("Worried I'll get numb feet on my first ultra. How do people prevent that?", False),
    ("Should I be worried about DVT on the long flight to Tokyo marathon next month? Any tips?", False),
    # ...but not a condition that has happened already, a fear of it again, or a worry about the user's own sign
    ("if i got a fever again during race week should i run? asking before it happens", True),
    ("worried i'll fall again, my hip gave way twice this week", True),
    ("if my hip locked up during the race what would I do? it locked on my long run yesterday", True),
    ("should i worry about my foot going numb on every run", True),
    # ...nor (from the round's second code review) an "if" that asks whether, a condition told as
    # happened ("like it did", "twice this week"), "before it happens again", a fear with a sign had
    # now, or a worry about the user's own sign before a race
    ("dunno if I cracked something when I went down on the trail last week, my hip is agony to walk on. asking in advance", True),
    ("my hip's fine at the moment, not sure what to do if it locked up like it did on my run twice this week", True),
    ("if the painkillers didn't touch the pain like they haven't for 3 days, is that bad? asking before it happens again", True),
    ("scared I'll fall over with this foot drop on the trails", True),
    ("worried about my swollen calf on the flight next week", True),
    ("scared about this fever and my hot swollen hip, trying to learn the warning signs", True),
    # (from a fresh-eyes review) a sign named in the worry, and an adjective after "if", are no supposition
    ("scared about a hot swollen calf with the race next week", True),
    ("if my calf is swollen and red after a flight should i worry? asking in advance", True),
    ("my hip is fine at the moment but last night the pain woke me up three times", True),
])
def test_a_sign_supposed_in_a_question_asked_ahead_of_time_is_no_sign_unless_it_has_happened(triage, message, flagged):
    """An "if" put in the past ("if I got a fever", "if my hip suddenly swelled up") in a message
    that says it asks ahead ("asking before it happens", "planning ahead for my trip", "putting
    together a first aid kit", "hip is fine at the moment") supposes; so does a fear with "I'll" or
    of a time to come ("worried about DVT on the flight next month"). An "if" that asks whether
    ("dunno if"), a condition that has happened ("again", "like it did twice this week"), a fear
    beside a sign had now ("with this foot drop"), or a worry about the user's own sign ("about my
    foot going numb on every run", "about my swollen calf on the flight next week"), tells it."""
    assert (triage.detect_in_conversation(message) is not None) is flagged


@pytest.mark.parametrize("message, flagged", [
    ("do labral tears in the hip need surgery", False),  # answers_test32
    ("are muscle tears in the hip common in runners?", False),
    ("I was in tears last night from the pain in my hip", True),
    ("tears streaming down my face from the hip pain", True),
])
def test_tears_of_a_torn_tissue_are_no_crying_with_pain(rules, message, flagged):
    """"Tears" after a tissue word or before "in the hip" name an injury asked about; tears from
    the pain are still crying with it."""
    assert (rules.detect(message) is not None) is flagged


@pytest.mark.parametrize("message, flagged", [
    ("how much does a hip replacement cost in the US without insurance", False),  # answers sets
    ("is hip arthroscopy covered by insurance", False),
    ("whats the average price of a total hip replacement in the US", False),
    ("had a hip replacement 3 weeks ago and the scar is red and hot, how much does physio cost", True),
    ("had my hip replacement last month, now it's really painful", True),
    ("hip replacement costs aside, had mine 2 weeks ago and now it's really painful and hot", True),
])
def test_an_operation_only_priced_is_no_recent_operation(rules, message, flagged):
    """An operation asked about by its price or cover is no operation the user has had; one they
    have had, with a sign after it, still reads."""
    assert (rules.detect(message) is not None) is flagged


@pytest.mark.parametrize("message, flagged", [
    # red_flags_test49's three misses, changed after its one run (said so in docs/triage.md)
    ("Locking hip mid run = normal for FAI? Can't move it till it pops free", True),
    ("day 1 twinge, day 2 ache, day 3 limp, day 4 can barely sleep. normal progression for a strain?", True),
    ("Legs are pretty sore, which I expected, although one calf is noticeably fatter than the other and hurts when I walk", True),
    # ...and their near twins
    ("day 1 5k easy, day 2 rest, day 3 tempo, day 4 long run. good plan?", False),
    ("my hip clicks when I lift my knee but I can always move it fine, never sticks", False),
    ("one calf has always been a bit bigger than the other, no pain, I'm right-footed", False),
])
def test_a_locking_hip_a_day_by_day_worsening_hedged_sleep_and_one_painful_fat_calf_read(rules, message, flagged):
    """A "locking hip" and a hip that "can't move till it pops free" lock; "can barely sleep" is
    pain that stops sleep; "day 1 …, day 2 …, day 3 limp" is a worsening told day by day; one calf
    fatter than the other and hurting is a swollen painful calf. A training log, a click that never
    sticks and a calf always bigger without pain are not."""
    assert (rules.detect(message) is not None) is flagged


@pytest.mark.parametrize("message, flagged", [
    ("Race nerves kept me awake the night before, hips were fine.", False),
    ("My neighbour's dog barking kept me up all night, but my hip's fine.", False),
    ("the hip pain kept me awake, not the race nerves", True),
    ("Lying in bed I can't lift my heel off the mattress on the sore side, it's like the leg is stuck to the sheet", True),
    ("My knees buckled with joy when I saw the finish line lol. hips are just stiff.", False),
    ("My ego's bruised after getting chicked at parkrun lol.", False),
    ("I crashed hard after the race, slept 11 hours haha. Hip flexors tight today.", False),
    ("My pace is getting rapidly worse over the last few weeks. No pain, just slow.", False),
    ("my hip pain is getting rapidly worse", True),
    ("I can't lift my leg as high as my yoga teacher in the hip flexor stretch", False),
    ("I can't lift my leg to get in the car", True),
    ("I go for a jog at night and the front of my hip is sore after", False),
    ("i run at night and my hip aches at night in bed", True),
    ("i'm booked in for hip arthroscopy next month, how long is the hospital stay?", False),
    ("had a hip arthroscopy 2 weeks ago and the wound is red", True),
    ("im a uni student and my hip flexors are sore after runs", False),
    # ...and from the code review, the literal twins
    ("jet lag deep ache in my groin at night", True),
    ("long drive numb right foot and now it's dragging when i walk", True),
    ("crashed hard after hitting a pothole, out like a light for a minute", True),
    ("my recovery score is getting worse and so is my hip pain", True),
    ("woke up and i can't raise my leg high enough to climb the stairs", True),
    ("due to have my hip op next week but the wound from the last one is oozing", True),
    ("my son is 11 and limping, his coach is a uni student", True),
])
def test_a_cause_that_is_the_signs_subject_a_figure_a_run_at_night_or_a_planned_operation_is_no_sign(rules, message, flagged):
    """From dev32 and dev30: an everyday cause that is the subject of "kept me awake" explains it,
    but not a place ("off the mattress") nor a cause merely beside a sign ("jet lag deep ache");
    a knee buckled with joy, a bruised ego, crashing into sleep after a race, a pace getting worse,
    a leg not lifted as high as a teacher's, a run done at night, an operation still to come and a
    uni student who is the user or their son are none of the signs their words name; each literal
    twin still is, as is a planned operation beside an oozing wound, or a hip said to worsen too."""
    assert (rules.detect_in_conversation(message, []) is not None) is flagged


@pytest.mark.parametrize("message", [
    "hip pain not reducing even after taking Dolo 650",
    "Biogesic not working for my hip pain",
    "the brufen did nothing for my hip",
    "Hip is paining very badly since yesterday, took two Combiflam but no relief at all.",
])
def test_painkillers_by_their_brand_names_and_a_night_awake_in_indian_english_are_read(rules, message):
    """From test31's one miss and dev32: a painkiller named by its brand in India, the Philippines
    or Australia (Combiflam, Dolo, Biogesic, Brufen) is a painkiller, and pain "not reducing" with
    it is pain not eased by painkillers."""
    assert rules.detect_in_conversation(message, []) is not None


@pytest.mark.parametrize("message", [
    "whole night i was awake scrolling my phone",
    "moov spray did nothing, hip still stiff after runs",
    "aleve helps but my hip aches after tempo runs",
])
def test_a_night_awake_or_a_rub_or_a_painkiller_that_helps_is_no_severe_pain(rules, message):
    """From this round's code review: a night awake for no pain, a rub on a stiff hip and a
    painkiller that helps are not pain that painkillers do not ease."""
    assert rules.detect_in_conversation(message, []) is None


@pytest.mark.parametrize("message, flagged", [
    ("Is it bad if I can't move the leg at all? Like I try to swing it forward and it just won't go.", True),
    ("My hip feels unstable, like it's going to slip out, and it has actually given way on me a few times now.", True),
    ("can't hold my pee like I used to and there's a numb patch around my butt since my hip started hurting", True),
    ("monday it was a 2, today (thurs) it's more like an 8, and i haven't done anything different", True),
    ("is it bad if I run on a sore hip flexor?", False),
    ("is it bad if i ever fall on it?", False),
    ("i can't sleep like i used to since the baby came, hips are just stiff", False),
    ("my pace was a 4 min/km, now it's 6 min/km", False),
])
def test_test32s_misses_read_by_kind_a_real_sign_asked_with_if_given_way_like_i_used_to_and_a_rising_score(rules, message, flagged):
    """Changed after test32's one run, and said so: a sign of the user's own asked as "is it bad if I
    can't…" is told, not supposed; "has given way" is giving way; a sign's verb the user can no
    longer do "like I used to" is now; a pain score rising from a low number to a high one by today
    is a rapid worsening. A habit compared with the past, a "what if", and paces are none."""
    assert (rules.detect_in_conversation(message, []) is not None) is flagged


@pytest.mark.parametrize("message, flagged", [
    ("I don't feel the bike saddle like I used to, it's kind of numb down there since my hip and back flared up", True),
    ("my left leg isn't the colour it used to be, it's pale and cold compared to the right one", True),
    ("the leg's not as strong as it used to be, like proper weak, and the foot keeps slapping down", True),
    ("my lad used to run everywhere, since sunday he's limping and won't go on his scooter", True),
    ("used to sleep fine, now the hip wakes me every night", True),
    ("is it bad if my calf is swollen and sore after the flight home from the marathon?", True),
    ("would it be serious if there's one spot on my hip bone that's super tender to touch and hopping kills?", True),
    ("never used to catch, now it clicks and locks and I have to stop dead", True),
    ("hip pain was a 2 monday, 5 wednesday, about an 8 today", True),
    ("2/10 last week, 6/10 now, and it's getting harder to run", True),
    ("lost about 6kg without trying and the hip aches", True),
    ("I can't sleep like I used to before races, any tips for hip stretches?", False),
    ("foot doesn't go numb the way it used to since I changed my laces", False),
    ("is it bad if i ever fall on it?", False),
    ("been a steady 2/10 for weeks, just a niggle in the hip flexor", False),
    ("the foam in my old trainers has totally given out, could that be why my hip aches a bit after runs?", False),
])
def test_test34s_and_test35s_kinds_used_to_as_a_measure_signs_asked_in_a_question_frame_and_rising_scores(rules, message, flagged):
    """Changed after test34's and test35's one runs, and said so: "used to" as the measure of how
    things are now ("like I used to", "isn't the colour it used to be", "not as strong as it used to
    be") is the present, but not sleep or a sign said to have gone that way; "is it bad if" and
    "would it be serious if" ask about what is so unless a plan or a supposition follows; "it locks"
    is the hip locking; a pain score rising from 0–4 to 6–10 over the days told, beside a word of
    pain, is a worsening, but a steady "2/10" is not; worn-out foam "given out" is no sign."""
    assert (rules.detect_in_conversation(message, []) is not None) is flagged


@pytest.mark.parametrize("message", [
    "my left leg isn't as strong as it used to be, can't push off properly and it's been like that for a fortnight",
    "I used to be fine after a jab, this time the hip's hot and red and I've had chills all evening",
    "the foot used to point straight ahead, since the fall it turns right out and the leg looks shorter",
    "would it be serious that I'm getting night sweats and losing weight along with this hip pain?",
    "would it be bad to run on it after slipping on the wet boardwalk and landing on my hip this morning?",
    "is it normal I've had bother holding my wee since the back-and-hip pain started?",
    "never used to catch, now it catches nearly every stride, like a sticky hinge",
])
def test_test36s_kinds_used_to_against_now_signs_dated_inside_a_question_and_catching_every_stride(rules, message):
    """Changed after test36's one run, and said so: "this time", "since the fall", "isn't as strong
    as it used to be" tell now against the past; "would it be serious that…" asks about what is so;
    a sign dated to a real recent time ("this morning") is told whatever question frames it;
    catching every stride and bother holding one's wee are signs."""
    assert rules.detect_in_conversation(message, []) is not None


@pytest.mark.parametrize("message, flagged", [
    ("hip sort of catches and then gives, happened on every run this week", True),
    ("feels like it'll slip out and it has gone from under me twice on the trails this week", True),
    ("Every few strides the hip just gives, like it's about to collapse", True),
    ("started as a 4 after parkrun, now it's a solid 9 three days later", True),
    ("it's roughly doubled every day, 2 then 4 now 8", True),
    ("started off mild, then moderate, now it's horrendous - all in about four days", True),
    ("is it ok if i do my long run saturday when the hip's been properly hurting at night, even lying still?", True),
    ("the foam gives a bit under my heel on the treadmill", False),
    ("she gives it everything at parkrun, my hips are just tight after", False),
    ("mileage went 2 to 4 to 6 now 8 km per run, hips a bit tight", False),
    ("started as a 2 and now it's a 3, bit sore after intervals", False),
    # signs the refitted learned model no longer reads, each now read by the rules
    ("my toenails have gone bluey purple and are ice cold", True),
    ("my gp said i might have an infection in the hip", True),
    ("the nhs site says get help if you can't weight bear, which is where I am now", True),
    ("fell a month ago, all good, apart from not being able to put weight on it", True),
    ("what are the signs of an infection in the hip?", False),
    ("if you can't weight bear, what would that mean", False),
    ("after my last op it healed fine, this time the scar on the hip is red and oozing and i'm shivery", True),
    ("had a fever in march, this time last year, all fine now", False),
])
def test_dev_misses_read_by_kind_a_hip_that_gives_a_score_rising_in_figures_or_words_and_what_has_been_beside_a_plan(
        rules, message, flagged):
    """The tuned-on sets' misses left at the start of round 22, each read as a kind: the hip "just
    gives" or "has gone from under me"; a pain score rising "2 then 4 now 8" or "started as a 4 …
    now a solid 9", or in words ("mild, then moderate, now horrendous"); what "has been" so, told
    beside a plan ("is it ok if I do my long run when the hip's been hurting at night") is told, not
    supposed. Foam that gives, someone who gives it everything, and distances rising are none.
    With the learned model refitted on every seen set, four signs it had read are now read by the
    rules: toenails gone "bluey purple", an infection in the hip the GP suspects, "not being able
    to put weight on it", and a supposed sign the user then says is theirs ("which is where I am
    now"). What "this time" tells after a past that went well is now."""
    assert (rules.detect_in_conversation(message, []) is not None) is flagged


@pytest.mark.parametrize("message, flagged", [
    ("these new shoes are great, love the bounce it gives!", False),
    ("the foam roller is quite soft, it gives when i lean on it, should i get a firmer one?", False),
    ("honestly my motivation has gone from under me since the injury", False),
    ("runs per week went 2 then 3 now 6, hips a bit tight after", False),
    ("started at 4 miles a week, now 8, hips feel fine just tight", False),
    ("my training block started out mild and now the hill sessions are horrific", False),
    ("two of my toenails have gone purple after the marathon, will they fall off?", False),
    ("my toenails are painted blue for race day lol, hips fine", False),
    ("my doctor ruled out an infection in the hip, so what stretches can i do?", False),
    ("is it possible to get an infection in the hip from running?", False),
    ("i'm scared of not being able to walk properly when i'm older", False),
    ("what if my hip gives way mid-race, that's what i'm scared of", False),
    ("the nhs page says to see a gp when your hip has been hurting at night for weeks", False),
    ("gp thinks my hip might be infected", True),
    ("worried it's an infection, the hip is throbbing", True),
    ("hip pain went 3 then 5 now 8 over the week", True),
])
def test_round_22s_rules_hold_against_the_code_reviews_near_misses(rules, message, flagged):
    """A code review of round 22's rules found each new rule reading ordinary wordings: "it gives"
    of a shoe or a mat, counts of runs rising, toenails after a marathon or painted, an infection
    ruled out or asked about, a fear of not being able to walk, a feared sign ("that's what I'm
    scared of") and advice about "your hip". Each rule now names the body, a pain word or the
    user's own "that's me"; and a hip the GP thinks infected is read in more wordings."""
    assert (rules.detect_in_conversation(message, []) is not None) is flagged


@pytest.mark.parametrize("message, flagged", [
    ("my hip's been sore after the trail run and now it's all red and hot and I've got the shakes", True),
    ("the hip's red and hot since yesterday, ice or heat?", True),
    ("got the shakes and feel fluey, hip aching deep inside", True),
    ("feels like i'm coming down with something and the hip is throbbing", True),
    ("it's a red shoe, does colour matter lol", False),
    ("i get the shakes before every race, hips fine", False),
    ("my mate thinks he's coming down with something", False),
])
def test_test33s_miss_read_by_kind_a_hot_red_hip_told_with_a_contraction_and_the_shakes(rules, message, flagged):
    """Changed after red_flags_test33's one run, and said so: its one miss told a hot, red hip as
    "it's all red and hot" (a contraction, which the rule's verbs did not include) and chills as
    "the shakes … like I'm coming down with something". A red shoe, pre-race nerves and a mate's
    illness are none."""
    assert (rules.detect_in_conversation(message, []) is not None) is flagged


@pytest.mark.parametrize("message, flagged", [
    ("my legs and hips always feel warm straight after a run, cools off within half an hour, nothing red or puffy", False),
    ("the hip is swollen, nothing red or hot though", True),
    ("nothing seems to help the night sweats", True),
])
def test_test39s_false_alarms_read_by_kind_signs_denied_as_nothing(rules, message, flagged):
    """From red_flags_test39's one run (now seen): "nothing red or puffy" denies the signs it lists,
    but not a sign told beside it, nor "nothing seems to help"."""
    assert (rules.detect_in_conversation(message, []) is not None) is flagged


def test_a_hip_that_was_infected_is_no_suspicion_now_but_one_that_might_be_is():
    """test39: "worried my hip was infected", then denied, is a worry or the past; the infection
    pattern reads "might be / is / looks infected", not "was"."""
    assert detect("worried my hip was infected") is None
    assert detect("gp thinks my hip might be infected") is not None


@pytest.mark.parametrize("message, flagged", [
    ("hubby's down with the flu, fever and all, I'm fine thankfully. my hip's sore after hill reps, any tips?", False),
    ("got the chills on the way home, it was baltic and i was soaked through, warmed up fine after a shower", False),
    ("felt a bit sick from race nerves this morning, hips a bit sore after", False),
    ("my wife has a fever, I'm fine but I can't put weight on my leg", True),
    ("my hubby has a fever and I'm fine, but my hip is red and hot", True),
    ("fever of 38.5 and chills, soaked through with sweat, hip is hot", True),
])
def test_test39s_false_alarms_read_by_kind_someone_elses_fever_beside_the_users_all_clear_and_ordinary_causes(
        rules, message, flagged):
    """From red_flags_test39's one run (now seen): a husband's fever told beside "I'm fine
    thankfully" is his ("hubby" is another person; the user's all-clear does not make the clause
    theirs); chills from being soaked in the cold, and feeling sick from race nerves, have their
    cause told. The user's own sign after "but", and a real fever with a hot hip, still count."""
    assert (rules.detect_in_conversation(message, []) is not None) is flagged


@pytest.mark.parametrize("message, flagged", [
    ("the excedrin isn't even taking the edge off my hip", True),
    ("took panado and mybulen, neither touches it", True),
    ("cnt stand on it for more than a minute, is that normal after a 30k?", True),
    ("took a week totally off running and the groin ache is actually worse, not better", True),
    ("every time i land on my right leg coming off a kerb there's a sharp stab in the hip", True),
    ("blacked out for a sec with the pain getting out of bed", True),
    ("my hip just stops cooperating and i'm stuck mid-step", True),
    ("would it be ok to race if hopping on it makes me wince", True),
    ("she's been limping since the weekend and won't go on the climbing frame at nursery", True),
    ("my son's 15, came back from rugby moaning about his right hip", True),
    ("our lad is 11. he's lurching about when he walks since sports day", True),
    ("would it be ok to keep running if my hip started locking one day?", False),
    ("i'm skipping my run today because my hip is a bit sore from squats", False),
    ("my husband won't go on the trampoline, his hip is sore from football", False),
    ("aspirin before a flight is what my mum does, my hips are just stiff from the seat", False),
    ("my husband keeps moaning about his hip after squash", False),
])
def test_the_seen_sets_last_misses_read_by_kind(rules, message, flagged):
    """Kinds the seen sets still missed at round 23's start, each in fresh words: painkillers by
    their brand names (Excedrin, Panado, Myprodol) and "neither touches it"; texting spellings of
    "can't"; rest told with words in between ("a week totally off"); pain on landing on one leg,
    hopping's kin; blacking out or fainting from the pain; a hip stuck mid-step; "would it be ok
    to … if" followed by a sign told in the present, which is the user's now; a "he" or "she" at
    the trampoline or the nursery, who is a child; a child moaning about a hip, or lurching as they
    walk. A what-if in the past tense, skipping a run, an adult at the trampoline or moaning about
    a hip, and an aspirin for a flight stay quiet."""
    assert (rules.detect_in_conversation(message, []) is not None) is flagged


@pytest.mark.parametrize("turns, message", [
    ([], "got stuck mid-step in the queue lol"),
    ([], "I always shake my leg loose before a race"),
    ([], "skipping rope is killing my calves"),
    ([], "I'm hopping mad my booster jab got delayed"),
    ([], "rest days make my mood worse"),
    ([], "2 weeks completely off over xmas and my fitness is way worse"),
    ([], "almost passed out from the pain of the sports massage"),
    ([], "would it be ok to race if the pain gets worse on the day?"),
    ([], "would it be ok to keep training if I fall on the ice this winter?"),
    ([], "I work at a nursery and my hip aches after my runs"),
    ([], "My husband is 45. He went on the trampoline and now his hip is sore"),
    (["my partner turned 40 this weekend"], "went on the trampoline with him, he's limping now"),
    ([], "my daughter lurched forward on the bus, she's fine"),
    ([], "I cnt stand running on treadmills, so boring. hip ok tho"),
])
def test_the_code_reviews_false_alarms_of_round_23s_rules_stay_quiet(triage, turns, message):
    """A code review's probes of the rules above (round 23): stuck or loose with no hip, a skip
    rope at the calves, 'hopping mad', a mood or fitness worse after rest, the pain of a massage,
    a what-if in the future tense, a nursery worker's own hip, an adult on the trampoline (named
    in the same message or an earlier one), a lurch that is no gait, "can't stand" an idiom."""
    assert triage.detect_in_conversation(message, turns) is None


@pytest.mark.parametrize("turns, message, flagged", [
    ([], "haven't been able to get around without a walking stick since the half, strain?", True),
    ([], "I can walk fine without crutches now, six weeks on, what strength work next?", False),
    ([], "does it ever get so bad that codeine does nothing and you lie awake all night? asking cos that's me right now", True),
    ([], "is it normal to feel sore after long runs? asking for a friend", False),
    ([], "the hip gets wedged, like something's caught in there, and i can't straighten it for a minute", True),
    ([], "mon fine, tue a bit sore, wed limping, thu can't run at all. what stretches?", True),
    ([], "splits log: fine monday, sore legs tuesday, pb thursday! recovery tips?", False),
])
def test_test38s_misses_read_by_kind(rules, turns, message, flagged):
    """From red_flags_test38's one run, each kind in fresh words: walking or standing only with an
    aid told as "can't … without crutches"; a general question the user then says is theirs ("asking
    because that's me"); a hip wedged or caught so it can't straighten; pain worsening told as a
    log of days (night sweats told by a soaked pillow, the fifth, are read by meaning already). Their near twins stay quiet: crutches no longer needed, asking
    for a friend, a training log that ends in a PB."""
    assert (rules.detect_in_conversation(message, turns) is not None) is flagged


@pytest.mark.parametrize("message, flagged", [
    ("what does it mean when a hip hurts so much that tramadol does nothing and you can't sleep? not hypothetical, it's me", True),
    ("hypothetically, if someone's calf went fat and sore after a long flight… (it's me. i'm someone.)", True),
    ("what if my hip started locking mid race? it's happened to me before, years ago", False),
    ("what would it mean if your hip locked during a run? that's me too lol, always wondering", False),
    ("what would it mean if a runner's hip gave way mid run? the runner in question is me", True),
    ("can someone's hip go numb down the outside after a run? i'm sat here with it now", True),
    ("can someone's leg go numb after a run? asking for my flatmate, the friend is genuinely her", False),
    ("if someone slipped on a wet kerb and came down hard on their hip, would they need an x-ray? ok the someone is me, just now", True),
    ("if someone fell on their hip, would they need an x-ray? asking for a uni assignment", False),
])
def test_test41s_misses_read_by_kind_a_general_question_then_owned_now(rules, message, flagged):
    """From red_flags_test41's one run: a sign asked about in general, supposed, or told of
    "someone", then owned now ("not hypothetical, it's me", "I'm someone", "cos that's happening to
    me right now"; after test42's run: "the runner in question is me", "i'm sat here with it now"; after
    test43's: a past condition asked about, "if someone slipped…", then owned), is the user's. Owning it in the past ("it's happened to me before") or owning
    only the wondering ("that's me too, always wondering") is not."""
    assert (rules.detect_in_conversation(message, []) is not None) is flagged


@pytest.mark.parametrize("message, flagged", [
    ("Back in my teens I fractured my pelvis in a car accident. Healed fine. I'm 35 now and starting running, any precautions?", False),
    ("Had sciatica with some numbness back in 2021, physio sorted it, no symptoms for ages. Now just tight hips after runs.", False),
    ("I fell on ice last winter, got checked out, everything was fine and I've had no issues since. Which plan?", False),
    ("my hip gave way a few times last spring, did the rehab and it's been rock solid since. maintenance exercises?", False),
    ("in my teens I had a stress fracture; now I'm 30 and my groin hurts at night and when I hop", True),
    ("my hip gave way last spring and it's been rock solid since, until today when it buckled twice on my run", True),
    ("I had sciatica in 2021, physio sorted it, but the numbness is back in my foot this week", True),
])
def test_a_sign_of_long_ago_told_as_over_since_is_the_past(rules, message, flagged):
    """From the seen sets' false alarms: a sign told at a time of life or a year ago ("back in my
    teens", "last spring") and over since in everyday words ("sorted it", "rock solid since", "no
    symptoms for ages", "no issues since") is the past; the same history with a sign now is not."""
    assert (rules.detect_in_conversation(message, []) is not None) is flagged


@pytest.mark.parametrize("message, flagged", [
    ("I'm worried my hip might give out during the ultra next year, what strength work prevents that?", False),
    ("is it bad if the hip locks up at some point during the race? just thinking ahead, it never has", False),
    ("if i end up needing crutches after this marathon next month is it still ok to fly home? asking in advance", False),
    ("It's never happened, I'm just anxious about my hip giving way during my first marathon. How do I build confidence?", False),
    ("scared it'll give way again, it buckled twice on my run this morning", True),
    ("worried about my hip giving way every time I go down stairs, it's happened 3 times this week", True),
    ("I'm nervous my leg will give out, it's been numb and weak since yesterday", True),
    ("my leg went numb on the run, it's never done that before", True),
])
def test_a_sign_feared_for_a_time_to_come_is_supposed(rules, message, flagged):
    """From the seen sets' false alarms: a sign feared or supposed for later ("might give out during
    the ultra next year", "if … at some point during the race", "asking in advance", "it never has")
    is no sign now; a fear of it happening again, or a sign said to happen already, still is."""
    assert (rules.detect_in_conversation(message, []) is not None) is flagged


@pytest.mark.parametrize("message, flagged", [
    ("a guy in my club has numbness down his leg after runs, I told him to see a physio. my hips are just a bit tight, stretches?", False),
    ("buddy of mine had night sweats and dropped weight, turned out serious. i'm fine, just sore hips after runs. worth a check-up?", False),
    ("Ma pal went ower on the ice an hurt his hip, he's gettin it looked at. What shoes are best for icy roads?", False),
    ("My friend fell at the race and hurt her hip. How can I reduce my own chances of falling on trails?", False),
    ("My mum (72) can't stand on her leg yet after her hip op. Any tips for keeping my own hips strong?", False),
    ("a guy in my club has numbness down his leg and now my own foot's gone numb too since the long run", True),
    ("our daughter isn't putting weight on her leg since she fell off the swing", True),
])
def test_another_adults_sign_stays_theirs(rules, message, flagged):
    """From the seen sets' false alarms: another adult named as "a guy in my club", "buddy of mine",
    Scots "ma pal", or only by "his"/"her" inside the sign's own words ("after her hip op"); a fear
    of falling is no fall. The user's own sign beside theirs, and a child's, still count."""
    assert (rules.detect_in_conversation(message, []) is not None) is flagged


@pytest.mark.parametrize("message, flagged", [
    ("Would hip pain at night be a reason to get checked? I don't have it, just wondering.", False),
    ("is unexplained weight loss ever caused just by running a lot? it's for a uni sports science assignment.", False),
    ("What's this 'saddle numbness' thing I keep reading about in hip pain articles? cyclist here, just curious.", False),
    ("Is it normal for the hip to swell after running, or is swelling always a bad sign? I don't have any, I'm just reading up.", False),
    ("For a first aid session at our running club: what hip symptoms should make us call an ambulance?", False),
    ("would hip pain at night be a reason to get checked? mine wakes me every night", True),
])
def test_a_question_said_to_be_asked_for_no_sign_of_ones_own_is_general(rules, message, flagged):
    """From the seen sets' false alarms: a question the next clause says is not about the user's own
    body ("I don't have it", "it's for a uni assignment", "cyclist here, just curious", reading
    about it) is general, each question before it too. "Is it normal…" is asked of oneself unless
    the user says the sign is not theirs ("just wondering" is not enough; the mends of a code review)."""
    assert (rules.detect_in_conversation(message, []) is not None) is flagged


@pytest.mark.parametrize("message, flagged", [
    ("Cant make it across the office without leaning on the wall, hip's cactus since my run. physio or wait?", True),
    ("I have to hang on to the banister and my partner's shoulder just to get around the flat after the half. normal?", True),
    ("I've dropped 2 dress sizes without changing anything and my hip aches deep in the bone. physio?", True),
    ("tbh I've been waking up wringing wet most nights lately and my hip bone aches. should i see a physio?", True),
    ("can't stretch my calf properly without leaning on the wall, is that normal?", False),
    ("I can walk fine without holding onto anything now, back to running?", False),
    ("do people ever get like massive sudden swelling at the hip after a run? ok fine the friend is me, it came up in an hour", True),
    ("hypothetically, if a runner's hip came with numbness round the bum and inner thighs? I'm describing myself since this morning", True),
    ("ache like a bruise on the outside of my hip after the hills, normal?", False),
    ("I've dropped a jeans size since I upped my mileage and I'm eating loads less, hips fine", False),
])
def test_walking_only_with_support_weight_lost_in_sizes_and_waking_soaked_are_signs(rules, message, flagged):
    """From the seen sets' last misses: walking only by leaning on a wall or holding on to someone,
    weight lost as dress sizes with nothing changed, and waking soaked night after night. Leaning
    on a wall to stretch, walking fine without holding on, or sizes lost while eating less, are not.
    A filler "like" before how much ("get like massive swelling") is no likeness, and "I'm describing
    myself" owns a supposed sign."""
    assert (rules.detect_in_conversation(message, []) is not None) is flagged


@pytest.mark.parametrize("message", [
    "nervous about running, my hip is swollen and hot and i feel feverish",
    "im worried i will end up in hospital, my leg has gone numb and my foot is dragging",
    "worried my leg might give way during the race, it buckled on my long run and i went down",
    "should i defer my race if i still cant put weight on the leg next week?",
    "not sure if this is normal, woke up with my hip red hot and swollen and i feel shivery. gonna see the gp just in case",
    "had perthes as a kid, this morning my leg's gone numb and i can barely stand",
    "when i was 10 mins into my run this morning i tripped and went down hard on my hip, it's swollen",
    "in my twenties i had septic arthritis, all cleared, feeling feverish and shivery with a hot hip",
    "is it ok to run on a hip thats hot red and swollen? mine is fine otherwise",
    "doing a club session on the track last night, slipped on the bend and went down hard, hip's swollen and cant weight bear",
    "after one of the club sessions, hip locked solid, couldnt move it for ages",
    "did the hop test his physio showed me, sharp pain in my groin every time",
    "coach asked about training, i told him cant put weight on it since the fall",
])
def test_the_context_rules_of_round_24_do_not_hide_a_sign_told_now(rules, message):
    """A code review's probes of the round's context rules: a fear or an "if" beside a sign told as
    real, a long-ago history beside a sign now ("this morning", "feeling feverish", "gone numb"), a
    question followed by a tail that does not disown the sign, a club session, "his physio", and
    "I told him" followed by the user's own sign are all still the user's red flags."""
    assert rules.detect_in_conversation(message, []) is not None


@pytest.mark.parametrize("turns, message, flagged", [
    ([], "great run sat, small ache sun, properly sore mon, today limping and it's more sore than yesterday. normal?", True),
    ([], "messed myself twice this week with no urge at all, lower back and hip sore since deadlifts. stretches?", True),
    (["teen runner here (16F), about 25k a week"], "my hip's been hurting after every run for a month now. best stretches?", True),
    ([], "pooed myself a bit on the long run, classic runners trots, hips fine. gels to blame?", False),
    ([], "my 15 year old's hips have been a bit sore for a few days after cross country, she's running fine", False),
    ([], "came a cropper off my bike about 6 months back, hip was purple for weeks. all good now, no pain. ease back in?", False),
])
def test_test40s_misses_read_by_kind(rules, turns, message, flagged):
    """From red_flags_test40's one run: a worsening told as a log of days ("small ache Sunday …
    limping today, more sore than yesterday"); losing bowel control told as "messed myself with no
    urge"; a teen giving their age in shorthand ("17F", "teen runner here") whose hip has hurt for
    weeks. Runner's trots, a teen's few days of soreness, and a bruise "6 months back" are not."""
    assert (rules.detect_in_conversation(message, turns) is not None) is flagged


@pytest.mark.parametrize("turns, message, flagged", [
    # a history over since, then "now" opening on the user's present; the sign back by likeness still stays
    ([], "had a clot in my calf in 2017, treated, no trouble since. now my hips are a bit stiff after hills, stretches?", False),
    ([], "had a clot in my calf in 2017, sorted, and now my calf is swollen and sore again after the flight", True),
    ([], "had a femoral stress fracture last spring which healed. now my other hip feels identical", True),
    # another adult named in dialect ("me mate"), or spoken to ("won't listen to me")
    ([], "me brother went over on the ice and can't stand on his leg, I'm grand. what's a good warm-up?", False),
    ([], "this hip is killing me mate, cant weight bear after stacking it on the trail", True),
    ([], "my wife's been limping for a week and it gets worse each day, she won't listen to me. how do I persuade her?", False),
    ([], "he won't listen to me but my own leg has been numb and tingling since yesterday", True),
    # a question about a sign in general: ever serious, is it true, the difference between two signs
    ([], "Is tingling down the leg after a long run ever serious?", False),
    ([], "is it true that pain when you hop means a stress fracture?", False),
    ([], "whats the difference between a hip that catches and one that locks?", False),
    ([], "is my hip locking ever serious? it locked twice on today's run and I couldn't move it", True),
    ([], "is a leg going numb after runs ever serious? happens every time past 10k", True),
    # sleep told as undisturbed; a question asked ahead of a season
    ([], "hip's a 2/10, one ibuprofen and I'm sleeping through the night fine. keep training?", False),
    ([], "would shivers plus hip pain be a reason to skip a race? asking ahead of winter", False),
    ([], "would this fever and hot hip mean I should pull out? asking ahead of the weekend", True),
    ([], "hip pain stops me sleeping through the night and painkillers do nothing", True),
])
def test_round_25s_false_alarms_stay_quiet_by_kind(rules, turns, message, flagged):
    """From the seen sets' false alarms, by kind, narrowed by a code review's probes: a history over
    since, then "now" opening on the user's present (the sign back, "again" or "identical", stays);
    another adult named in dialect at the start ("me mate …", not "killing me mate") or as the one
    who "won't listen to me"; a short question, nothing more, whether a sign is ever serious,
    whether a saying is true, or how two signs differ; sleep told as undisturbed; a conditional
    question about a sign at large asked ahead of a season. Beside each, the same words with the
    sign the user's now still flag."""
    assert (rules.detect_in_conversation(message, turns) is not None) is flagged


@pytest.mark.parametrize("word", ["septic", "numb", "weak", "infected", "stress"])
def test_the_taxonomy_speller_never_mends_a_word_into_a_regex_escape(triage, word):
    """The taxonomy speller learns the words its patterns use. Read straight from a pattern's text,
    "\\bseptic" gave a word "bseptic", one letter from "septic": a typed "septic hip" was mended into
    a word no pattern reads. The escapes are set aside before the words are taken."""
    assert word in triage.prepare(f"my hip went {word} after the race")[0].text.split()


@pytest.mark.parametrize("turns, message, flagged", [
    # giving way told as folding or letting go, a jammed hip shaken loose
    ([], "it's not the knee, it's the hip - it folds when I step off the kerb. normal for beginners?", True),
    (["my hip keeps letting go under me on the stairs"], "what should I eat after long runs?", True),
    ([], "something jams in the joint mid-run and I have to stop and shake the leg loose. can I race sunday?", True),
    ([], "the new foam roller folds flat for travel, any hip routine to use it for?", False),
    # a worsening told as what the user could do on one day and cannot a few days later
    ([], "tuesday I could tie my laces fine, friday I can't reach my foot at all. yoga?", True),
    (["three days ago I was running easy on it, now I'm hobbling with a walking stick"], "any good running podcasts?", True),
    ([], "two days ago I ran a PB, now I can't stop smiling. hips a bit tight, stretches?", False),
    # getting around only with a hand on the furniture or a stick; a leg that has become weak
    ([], "been getting round the house with one hand on the worktops since my long run, the hip won't take load", True),
    ([], "my left leg has become weak going upstairs since the track session", True),
    ([], "I was out walking with my grandad, who uses a stick, and my hips were tight after", False),
    # adults named with an age in brackets, a friend "of mine"
    ([], "my little brother (he's 24) is limping after five-a-side. for me, tight hip flexors, what helps?", False),
    ([], "a friend of mine (she's 33) has limped since her marathon and won't see anyone. how do I persuade her?", False),
    ([], "my nephew (11) has been limping since his match on saturday", True),
])
def test_test45s_misses_and_false_alarms_read_by_kind(rules, turns, message, flagged):
    """From red_flags_test45's one run (changed after it, and said so): giving way told as the hip
    "folding" or "letting go under me", a jammed joint shaken loose; a worsening told as what the
    user could do one day and cannot a few days later, or a walking stick now; getting around with
    a hand on the furniture; a leg that "has become weak". Adults named with an age in brackets
    ("my little brother (he's 24)") and "a friend of mine" are not the user or a child."""
    assert (rules.detect_in_conversation(message, turns) is not None) is flagged


@pytest.mark.parametrize("turns, message, flagged", [
    # getting about only by leaning on things, in either order; a hip that will not let the user stand
    ([], "doing laps of the flat with a hand on the walls since sunday's half, hip won't have it otherwise", True),
    ([], "I get from room to room holding the backs of the chairs, hip's been like this since the 10k", True),
    ([], "the hip won't let me put weight through it this morning, ran a 5k yesterday. stretches?", True),
    ([], "I lean on the kitchen counter to do my calf raises, then walk round the house to cool down", False),
    ([], "hold on to a chair for balance during the hip flexor stretch and walk it through slowly", False),
    # a short walk that cannot be done without stopping; a foot put down only "without" pain
    ([], "can't walk to the end of the road without stopping to rest the hip, started after my long run", True),
    ([], "I can't put my right leg down without the hip screaming. ran trails yesterday", True),
    # foot drop told by what the user does to cope with it
    ([], "I've started swinging the leg out wide so that my toes don't catch on the pavement. hip aches too", True),
    ([], "I lift my knees higher on trails so my toes don't catch roots, is that good form?", False),
    # giving way told as what would happen without holding on, or as the hip dropping away
    ([], "on the stairs I grip the rail or else the leg will give way, hip's been grumbling a week", True),
    (["twice this week my hip has just dropped out from under me walking to the car"], "any tips for hill repeats?", True),
    ([], "legs turned to jelly on the last climb of the fell race haha, how do I get stronger on hills?", False),
    ([], "lunges across the room holding onto the back of a chair, 3 sets, is that enough for glutes?", False),
    ([], "can't make it to 20 miles without stopping for a gel, how do I fuel better?", False),
    ([], "sized up my trainers so my toes don't hit the end, hips feel fine", False),
    ([], "I can walk unaided now and the physio discharged me, when can I jog?", False),
])
def test_signs_told_by_how_the_user_copes_are_read(rules, turns, message, flagged):
    """From red_flags_test48's misses, read by kind (seen this round): a sign told by what the user
    does to get by — leaning on walls or chairs to get from room to room, lifting the leg so the
    toes don't catch, holding the rail or the leg gives way — is the sign itself. A hand on a chair
    for a stretch, a high knee on a trail, legs "turned to jelly" at the end of a race are not."""
    assert (rules.detect_in_conversation(message, turns) is not None) is flagged


@pytest.mark.parametrize("message, flagged", [
    ("Husband (41) is hobbling round the house after his marathon. I'm fine. How long till he can walk properly?", False),
    ("Flatmate (27) had to crawl up the stairs last night after her trail race. any tips to help her?", False),
    ("Mum, 38, fell on a trail run this morning and can't put weight on the leg. do I need a&e?", True),
    ("my coach said it was just tight hip flexors but now can't walk on it", True),
    ("my partner's been brilliant but keeps giving way on the stairs, the hip, I mean", True),
    ("my brother-in-law was running fine on sunday but now can barely walk and it's worse each day. I'm ok", False),
    ("I was running fine on sunday but now can barely walk and it's worse each day", True),
    ("my coach said it was nothing but now I can barely walk", True),
])
def test_adults_named_with_an_age_and_the_subject_they_lend_are_not_the_user(rules, message, flagged):
    """From red_flags_test48's false alarms, read by kind: an adult named by who they are and an
    age after "my" or in brackets ("Husband (41)") is someone else ("Mum, 38, fell…" may be the
    user introducing themselves); a clause joined by "but" that opens on its verb ("…but now can
    barely walk") has that person as its subject when the clause before tells them doing something,
    not saying or being something ("my coach said…", "my partner's been brilliant"). With the
    user's own "I" it is the user's."""
    assert (rules.detect_in_conversation(message, []) is not None) is flagged


@pytest.mark.parametrize("message, flagged", [
    ("what's avascular necrosis? it came up in a podcast about hip pain in runners and now I'm curious", False),
    ("What does 'saddle anaesthesia' mean? saw it in a leaflet at the physio", False),
    ("whats osteomyelitis, my club newsletter mentioned it", False),
    ("what's septic arthritis? my hip's gone hot and red and I've got a temperature", True),
    ("what's this numbness down my thigh after long runs?", True),
])
def test_a_question_what_a_term_means_names_the_sign_as_a_word(rules, message, flagged):
    """From the seen false alarms, read by kind: "what's septic arthritis?", "what does 'unexplained
    weight loss' count as?" ask what a condition's name or a quoted term means, whatever the reason
    given after; a sign told in a clause after it is still read, and "this numbness" is the user's."""
    assert (rules.detect_in_conversation(message, []) is not None) is flagged


@pytest.mark.parametrize("message, flagged", [
    ("the GP asked if I'd had night sweats or lost weight, I said no to both. why do they ask that for a sore hip?", False),
    ("my physio asked whether my foot felt numb or tingly (all no) - why would that matter for hip bursitis?", False),
    ("my physio asked whether my foot felt numb and it does, since sunday, is that bad?", True),
    ("the GP asked if the tingling down my leg had gone and I said no. runner, 40", True),
])
def test_what_a_clinician_asked_answered_no_is_not_told(rules, message, flagged):
    """A clinician's question answered "all no" or "I said no to both" denies the signs asked about;
    what was asked ("whether my foot felt numb") is not told by the user, unless the user says it is."""
    assert (rules.detect_in_conversation(message, []) is not None) is flagged


@pytest.mark.parametrize("message, flagged", [
    ("my hip clicks when I lift my knee but nothing ever goes stuck or gives way. what exercises help?", False),
    ("my physio found a click but I've never felt it lock or give way, what should I strengthen?", False),
    ("bum a bit sore from the saddle after a long ride, nothing numb. good cross training?", False),
    ("I wouldn't call it severe, just a nagging ache at the side of the hip. bursitis?", False),
    ("it aches on downhills but I'm fine at rest, ITB?", False),
    ("no fever but I've felt it give way twice on the stairs this week", True),
    ("nothing helps and it keeps giving way on the stairs", True),
    ("the swelling wouldn't go down all week and it's hot to touch", True),
    ("had it give way on me yesterday stepping off a kerb", True),
])
def test_a_denial_reaches_the_signs_it_governs_and_no_further(rules, message, flagged):
    """Changed after red_flags_test47's one run, from its false alarms (said so in docs/triage.md):
    a denial covers the second of two signs joined by "or" ("never felt it lock or give way",
    "nothing ever goes stuck or gives way"), "it" after a verb of feeling is no new subject, a sign
    straight after "nothing" ("nothing numb") or "fine" ("fine at rest") is denied, and "wouldn't
    call it severe" declines the judgement. A sign told beside a denial of another, or after
    "nothing helps", or "wouldn't stop/go down", is still the user's."""
    assert (rules.detect_in_conversation(message, []) is not None) is flagged


@pytest.mark.parametrize("message, flagged", [
    ("felt fine locked up at mile 3 and couldn't move it", True),
    ("ran 5k fine swelling came up after and it's still there", True),
    ("ibuprofen does nothing swelling keeps getting bigger", True),
    ("never worried till felt it give way on the stairs", True),
    ("never had it give way like that before, nearly went down the stairs", True),
    ("never had any hip issues before or swelling like this, it came up overnight", True),
    ("no numbness or tingling or anything like that, just an ache in my glute after long runs", False),
])
def test_a_denial_does_not_reach_a_sign_told_after_a_fine_start_or_a_useless_remedy(rules, message, flagged):
    """From a code review of the denial's reach (changed after red_flags_test47): "fine" denies only
    a time of rest said straight after it ("I'm fine at rest"), not the run-on "felt fine locked up";
    "does nothing" before a sign is a remedy that failed; "till" ends a denial; "never … like this"
    tells the sign worse than ever; "or" carries a denial only from a sign, not from "before"."""
    assert (rules.detect_in_conversation(message, []) is not None) is flagged


@pytest.mark.parametrize("message, flagged", [
    ("weird thing, my left foot has started slapping down on my runs and I can't lift the toes up properly", True),
    ("my right foot has been dragging a bit on the long runs this week, hip aches", True),
    ("toes won't lift on the left side anymore, keep catching the kerb", True),
    ("in toe yoga I can't lift my big toe on its own, is that normal?", False),
    ("don't let your foot slap, says my coach. any form tips?", False),
])
def test_foot_drop_told_with_its_auxiliaries_or_by_the_toes(rules, message, flagged):
    """Changed after red_flags_test50's one run, from its one miss (which was refused): foot drop
    told as a foot that "has started slapping" or "has been dragging" (any two or three helper
    words before it), or toes that can't or won't lift; not toe yoga, not a coach's form cue."""
    assert (rules.detect_in_conversation(message, []) is not None) is flagged
