"""Red-flag detection: every warning sign found, negations and ordinary soreness left alone."""

from __future__ import annotations

import pytest

from bot.safety import DISCLAIMER, detect, detect_in_conversation

RED_FLAGS = [
    # cannot bear weight or walk
    "I can't put any weight on my right leg since the run",
    "My hip hurts so much I can barely walk",
    "unable to stand on my left leg this morning",
    "it's too painful to walk to the car",
    # fall or impact
    "I fell on the trail and now my hip hurts",
    "Tripped over a root yesterday, hip is sore",
    "got knocked down by a cyclist and my hip is killing me",
    "slipped on ice during my run and landed on my hip",
    # fever, unwell, hot red swollen hip
    "I have a fever and my hip is hot and swollen",
    "My hip is red and warm to touch and I feel unwell",
    "running a temperature, chills, and my hip joint aches",
    # sudden severe pain, swelling, bruising
    "Sudden sharp pain in my hip mid-run and now it is swollen",
    "There's a big bruise on my hip after the race",
    "excruciating pain deep in the hip",
    # pain at rest or at night
    "My groin aches at night and wakes me up",
    "Hip pain even when I'm resting on the couch",
    "my hip throbs when I'm lying in bed",
    # numbness, tingling, weakness
    "Numbness and tingling down my leg after running",
    "My leg feels weak and I have pins and needles",
    "pain shooting down my leg like an electric shock",
    # bladder or bowel
    "I lost control of my bladder and my hip hurts",
    "Since last week I've had trouble controlling my bowels",
    # locking or giving way
    "My hip locks up and sometimes gives way when running",
    "my hip gave out on a downhill",
    # persists or worsens despite rest
    "The pain has been getting worse for 6 weeks despite rest",
    "I've rested for three weeks and it still hurts, it won't go away",
    # negation in one clause, a real sign in the next
    "No fever but my hip is hot and swollen",
    "I didn't fall, but I can't walk on it",
    "I didn't run today and I can't walk",
]

NOT_RED_FLAGS = [
    # negated signs
    "No fever, no swelling, just tightness after running",
    "I can walk fine but my hip is stiff",
    "I didn't fall, it just aches after intervals",
    "no numbness or tingling, only sore glutes",
    "it doesn't hurt at night, only after long runs",
    "no bruising and no swelling, just a dull ache",
    "never had any trouble with my bladder, hip is just tight",
    # near misses: ordinary soreness and everyday questions
    "My hip flexors are a bit sore after a long run",
    "Mild ache on the outside of my hip after running",
    "How do I stretch tight hip flexors",
    "What exercises strengthen weak glutes",
    "Should I use a hot bath or ice after a run",
    "How long should I rest before running again",
    "Is it ok to run with slightly sore hips",
    "My hip feels tight in the morning but loosens up",
    "How do I do clamshells properly",
    "I fell asleep on the couch and now my hip is stiff",
    "my legs feel tired after a hard week of training",
    "what causes a stress fracture in runners",
    "hip hurts when sitting at my desk for hours",
]


@pytest.mark.parametrize("message", RED_FLAGS)
def test_red_flags_are_detected(message):
    flag = detect(message)
    assert flag is not None and flag.reasons and flag.evidence


@pytest.mark.parametrize("message", NOT_RED_FLAGS)
def test_negated_and_ordinary_soreness_is_not_a_red_flag(message):
    assert detect(message) is None


def test_enough_phrasings_are_pinned():
    assert len(RED_FLAGS) + len(NOT_RED_FLAGS) >= 40


def test_the_reason_names_the_warning_sign():
    assert detect("I lost control of my bladder").reasons == ("loss of bladder or bowel control",)
    assert "pain after a fall or impact" in detect("I fell down the stairs yesterday").reasons


def test_a_red_flag_earlier_in_the_conversation_still_counts():
    assert detect_in_conversation("what stretches can I do?", ["my hip is hot and swollen"]) is not None
    assert detect_in_conversation("what stretches can I do?", ["how do I warm up?"]) is None


def test_disclaimer_advises_prompt_care_and_emergency_services():
    assert "prompt medical care" in DISCLAIMER
    assert "emergency services" in DISCLAIMER


def test_odd_text_never_breaks_detection():
    for text in ["", "   ", "\x00\x01", "😀" * 50, "ПОМОГИТЕ", "<script>alert(1)</script>", "a" * 100_000]:
        detect(text)
