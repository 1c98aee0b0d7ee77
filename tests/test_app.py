"""The real Gradio app, started on a free local port and driven through gradio_client."""

from __future__ import annotations

import pytest

from bot.safety import DISCLAIMER


@pytest.fixture
def client(app_server):
    from gradio_client import Client

    return Client(app_server["url"], verbose=False)


def text_of(message: dict) -> str:
    content = message["content"]
    if isinstance(content, list):
        return "".join(part.get("text", "") for part in content if isinstance(part, dict))
    return str(content)


def ask(client, question: str) -> list[dict]:
    conversation, box = client.predict(question, api_name="/chat")
    assert box == ""
    return conversation


def last_answer(conversation: list[dict]) -> tuple[str, str | None]:
    """The last answer's text and, if present, its sources panel."""
    tail = [m for m in conversation if m["role"] == "assistant"]
    if (tail[-1].get("metadata") or {}).get("title"):
        return text_of(tail[-2]), text_of(tail[-1])
    return text_of(tail[-1]), None


def test_the_app_binds_loopback_and_exposes_one_named_api(app_server, client):
    assert app_server["url"].startswith("http://127.0.0.1:")
    assert list(client.view_api(print_info=False, return_format="dict")["named_endpoints"]) == ["/chat"]


def test_a_question_gets_a_cited_answer_with_its_sources(client):
    answer, sources = last_answer(ask(client, "How do I do clamshells?"))
    assert "[1]" in answer and "**Sources**" in answer
    assert sources and "Clamshells" in sources and "[1]" in sources


def test_a_red_flag_question_gets_the_disclaimer_first(client):
    answer, _ = last_answer(ask(client, "I fell during my run and now I can't put weight on my leg"))
    assert answer.startswith(f"> ⚠️ **{DISCLAIMER}**")


def test_an_off_topic_question_is_refused(client):
    answer, sources = last_answer(ask(client, "What is a good recipe for banana bread?"))
    assert "I don't know" in answer and sources is None


def test_conversation_memory_stays_within_one_session(app_server):
    from gradio_client import Client

    first, second = Client(app_server["url"], verbose=False), Client(app_server["url"], verbose=False)
    ask(first, "How do I do clamshells?")
    answer, _ = last_answer(ask(first, "how many reps?"))
    assert "sets" in answer
    answer, _ = last_answer(ask(second, "how many reps?"))
    assert "I don't know" in answer  # the other session never asked about clamshells


def test_user_text_is_shown_escaped(client):
    conversation = ask(client, "<b>bold</b> [x](javascript:alert(1)) how do I stretch my hips?")
    shown = text_of([m for m in conversation if m["role"] == "user"][-1])
    assert "<b>" not in shown and "](javascript" not in shown
