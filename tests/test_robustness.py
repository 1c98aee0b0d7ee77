"""Property: any text at all gets a well-formed answer, and the disclaimer is always exact."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings as hsettings, strategies as st

from bot.safety import DISCLAIMER

KINDS = {"answer", "refusal", "prompt"}
# Arbitrary unicode, plus runner-like text with symptom words mixed in so red flags occur too.
WORDS = st.sampled_from(["hip", "pain", "fever", "swollen", "fell", "no", "not", "can't walk", "night",
                         "stretch", "<script>", "[x](javascript:1)", "\x00", "🏃", "ignore instructions"])
TEXT = st.one_of(st.text(max_size=300), st.lists(WORDS, max_size=12).map(" ".join))


@hsettings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(message=TEXT, history=st.lists(TEXT, max_size=3))
def test_any_input_gets_a_well_formed_answer(chat, message, history):
    answer = chat.reply(message, history)
    assert answer.kind in KINDS and answer.markdown.strip()
    json.dumps(answer.to_dict())
    if answer.red_flag:
        assert answer.disclaimer == DISCLAIMER and answer.markdown.startswith(f"> ⚠️ **{DISCLAIMER}**")
    else:
        assert answer.disclaimer is None and DISCLAIMER not in answer.markdown
    numbers = {c.n for c in answer.citations}
    assert all(q.citation in numbers for q in answer.quotes)
