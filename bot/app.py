"""The Gradio chat page.

One ``Chat`` (model, index, retriever) is loaded at start-up and shared
read-only by every session; each browser session keeps its own conversation
in a ``gr.State``, so memory never crosses between users. The handler behind
the page is also the API endpoint ``/chat``, so scripts and tests drive
exactly what people use.

What the user typed is shown escaped: the chat renders markdown and some
HTML, and a question must never come back as a live link or element.
"""

import importlib
import json
import os
import re
import sys
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from .answer import Answer
from .chat import Chat, sanitise
from .config import Settings, from_env

TITLE = "Runner's Hip-Pain Assistant"
INTRO = (
    "Answers questions about hip pain after running from a small library of articles, "
    "and shows where every sentence came from."
)
STANDING_NOTE = (
    "General information only, not a diagnosis or a substitute for a doctor or physiotherapist. "
    "If you are in severe pain, cannot bear weight, or feel unwell, seek medical care."
)
EXAMPLES = (
    "Why do my hips hurt after running?",
    "How do I do clamshells?",
    "How long does hip flexor soreness take to go away?",
    "When should I see a doctor about hip pain?",
)
FEEDBACK_FILE = "feedback.jsonl"

CSS = """
.hipbot-chat blockquote { border-left: 6px solid #c2410c; background: #fff7ed; color: #7c2d12;
  padding: 0.6em 0.9em; margin: 0 0 0.8em 0; border-radius: 6px; }
.hipbot-note { font-size: 0.9em; color: #57534e; }
"""

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~&])")


def escape_user_text(text: str) -> str:
    """Show user text literally: no markdown, no HTML, no links."""
    return _MD_SPECIAL.sub(r"\\\1", text).replace("\n", "  \n")


def sources_markdown(answer: Answer) -> str:
    """The cited passages, for the collapsible panel under an answer."""
    parts = []
    for c in answer.citations:
        # Plain paragraphs, not blockquotes: a blockquote is reserved for the red-flag callout.
        passage = "\n\n".join(line for line in c.text.splitlines() if line.strip())
        parts.append(f"**[{c.n}] {c.title}** — {c.section}\n\n{passage}")
    return "\n\n".join(parts)


def render_turn(answer: Answer) -> list[dict]:
    """The assistant messages for one answer: the answer, then its sources (collapsed)."""
    messages = [{"role": "assistant", "content": answer.markdown}]
    if answer.citations:
        messages.append({
            "role": "assistant",
            "content": sources_markdown(answer),
            "metadata": {"title": f"Sources: {len(answer.citations)} cited passages (click to read)", "status": "done"},
        })
    return messages


@dataclass
class Session:
    """One browser session's conversation: what is shown, and what the user really typed."""

    messages: list[dict] = field(default_factory=list)
    user_turns: list[str] = field(default_factory=list)


class FeedbackLog:
    """Append-only JSONL; each record is written with one ``write`` so a crash never leaves half a line."""

    def __init__(self, data_dir: Path):
        self.path = Path(data_dir) / FEEDBACK_FILE
        self._lock = threading.Lock()

    def record(self, entry: dict) -> None:
        line = (json.dumps(entry, ensure_ascii=False) + "\n").encode("utf-8")
        with self._lock:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
            try:
                os.write(fd, line)
                os.fsync(fd)
            finally:
                os.close(fd)


def build_app(chat: Chat, settings: Settings):
    import gradio as gr

    feedback = FeedbackLog(settings.data_dir)

    def respond(message: str, session: Session | None):
        """Answer a message in this session's conversation; returns the whole chat."""
        session = session or Session()
        answer = chat.reply(message or "", session.user_turns)
        shown = escape_user_text(sanitise(message)[: settings.max_input_chars]) or "…"
        session.messages = [*session.messages, {"role": "user", "content": shown}, *render_turn(answer)]
        if answer.kind != "prompt":
            session.user_turns = [*session.user_turns, message]
        return session.messages, "", session

    def new_conversation():
        return [], "", Session()

    def on_like(data: gr.LikeData, session: Session | None):
        session = session or Session()
        index = data.index[0] if isinstance(data.index, (list, tuple)) else data.index
        question = next(
            (m["content"] for m in reversed(session.messages[: index or 0]) if m["role"] == "user"), None
        )
        feedback.record({
            "time": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "liked": bool(data.liked),
            "message_index": index,
            "question": question,
            "answer": data.value if isinstance(data.value, str) else json.dumps(data.value, ensure_ascii=False),
        })

    with gr.Blocks(title=TITLE) as demo:
        gr.Markdown(f"# {TITLE}\n{INTRO}")
        gr.Markdown(f"ℹ️ {STANDING_NOTE}", elem_classes=["hipbot-note"])
        session = gr.State(Session())
        chatbot = gr.Chatbot(
            label="Conversation", height=520, elem_classes=["hipbot-chat"], elem_id="chat",
            sanitize_html=True, render_markdown=True, feedback_options=("Like", "Dislike"),
            placeholder="Ask about hip pain after running, or pick an example below.",
        )
        with gr.Row():
            box = gr.Textbox(placeholder="Type your question…", show_label=False, scale=8,
                             max_length=settings.max_input_chars * 50, elem_id="question")
            send = gr.Button("Send", variant="primary", scale=1, elem_id="send")
        with gr.Row():
            examples = [gr.Button(q, size="sm", elem_classes=["hipbot-example"]) for q in EXAMPLES]
        clear = gr.Button("New conversation", size="sm", elem_id="new-conversation")

        outputs = [chatbot, box, session]
        box.submit(respond, [box, session], outputs, api_name="chat")
        send.click(respond, [box, session], outputs, api_visibility="private")
        for button, question in zip(examples, EXAMPLES):
            button.click(lambda s, q=question: respond(q, s), [session], outputs, api_visibility="private")
        clear.click(new_conversation, None, outputs, api_visibility="private")
        chatbot.like(on_like, [session], None, api_visibility="private")
    demo.queue(default_concurrency_limit=settings.concurrency, max_size=256)
    return demo


def serve(host: str | None = None, port: int | None = None, share: bool = False, settings: Settings | None = None) -> int:
    """Load everything once, build the index first if needed, and serve the page."""
    started = time.perf_counter()
    settings = settings or from_env(host=host, port=port)
    # The app runs offline: Gradio's usage analytics would only try to reach the internet.
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    # Importing gradio takes seconds; do it while the index and model load.
    importer = threading.Thread(target=importlib.import_module, args=("gradio",), daemon=True)
    importer.start()
    chat = Chat(settings)  # builds the index (with progress) when missing or stale
    importer.join()
    demo = build_app(chat, settings)
    demo.launch(server_name=settings.host, server_port=settings.port, share=share, css=CSS,
                show_error=False, quiet=True, prevent_thread_lock=True)
    print(f"ready in {time.perf_counter() - started:.1f} s: {demo.local_url}", file=sys.stderr)
    demo.block_thread()
    return 0
