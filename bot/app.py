"""The Gradio chat page.

One ``Chat`` (model, index, retriever) is loaded at start-up and shared
read-only by every session; each browser session keeps its own conversation
in a ``gr.State``, so memory never crosses between users. The handler behind
the page is also the API endpoint ``/chat``, so scripts and tests drive
exactly what people use. ``/ask`` is the same answer as structured JSON (what
``python -m bot ask --json`` prints), for programs: one question and the
earlier user turns it follows, no session.

What the user typed is shown escaped: the chat renders markdown and some
HTML, and a question must never come back as a live link or element.
"""

import importlib
import os
import sys
import threading
import time
from dataclasses import dataclass, field

from .reply import Answer
from .chat import Chat
from .config import Settings, from_env
from .feedback import FeedbackLog, RateLimit, Rated, answer_id, record_for
from .markup import escape_user_text, safe_corpus_text
from .api_input import ASK_DESCRIPTION, AskInputError, BodyLimit, ask_arguments

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
CSS = """
.hipbot-chat blockquote { border-left: 6px solid #c2410c; background: #fff7ed; color: #7c2d12;
  padding: 0.6em 0.9em; margin: 0 0 0.8em 0; border-radius: 6px; }
/* The callout keeps its own light background in dark mode, so its bold text keeps its colour too. */
#chat blockquote strong { color: #7c2d12; }
.hipbot-note { font-size: 0.9em; color: #57534e; }
/* The "Sources" title is itself the (role="button") toggle; Gradio also puts a nameless icon
   <button> inside it, a control nested in a control. That button is removed and the arrow is
   drawn on its wrapper, which Gradio already rotates when the panel opens. */
#chat .thought-group .title .arrow > button { display: none; }
#chat .thought-group .title .arrow::before { content: ""; display: inline-block; margin: 0 0.35em;
  border-left: 0.3em solid transparent; border-right: 0.3em solid transparent;
  border-top: 0.4em solid currentColor; vertical-align: middle; }
"""
#: Colours that pass WCAG AA (4.5:1) for normal-size text: white on orange-700 (#c2410c) is 5.2:1
#: where Gradio's default orange-500 is 2.8:1, and the footer's "subdued" grey (#bbbbc2, 1.9:1)
#: becomes stone-600 (#57534e, 7.6:1). Dark mode gets the same button.
THEME_COLOURS = {
    "button_primary_background_fill": "#c2410c",
    "button_primary_background_fill_dark": "#c2410c",
    "button_primary_background_fill_hover": "#9a3412",
    "button_primary_background_fill_hover_dark": "#9a3412",
    "button_primary_border_color": "#c2410c",
    "button_primary_border_color_dark": "#c2410c",
    "button_primary_text_color": "#ffffff",
    "button_primary_text_color_dark": "#ffffff",
    "body_text_color_subdued": "#57534e",
}
#: What no setting reaches in Gradio's markup, kept up as messages appear: each "Sources" title
#: says whether its panel is open (aria-expanded), and footer icons that repeat their link's
#: text become decorative (alt="").
PAGE_JS = """
() => {
  const repair = () => {
    for (const title of document.querySelectorAll('#chat .thought-group [role="button"]')) {
      const open = String(title.classList.contains('expanded'));
      if (title.getAttribute('aria-expanded') !== open) title.setAttribute('aria-expanded', open);
    }
    for (const img of document.querySelectorAll('footer img:not([alt=""])')) img.setAttribute('alt', '');
  };
  repair();
  new MutationObserver(repair).observe(document.body,
    {childList: true, subtree: true, attributes: true, attributeFilter: ['class']});
}
"""
#: Footer links kept: the API page (``/chat`` and ``/ask``) and Settings (light/dark theme,
#: language). "Built with Gradio" leads off this offline app, and run history is off (below).
FOOTER_LINKS = ["api", "settings"]


def sources_markdown(answer: Answer) -> str:
    """The cited passages, for the collapsible panel under an answer."""
    parts = []
    for c in answer.citations:
        # Plain paragraphs, not blockquotes: a blockquote is reserved for the red-flag callout.
        passage = "\n\n".join(safe_corpus_text(line) for line in c.text.splitlines() if line.strip())
        parts.append(f"**[{c.n}] {safe_corpus_text(c.title)}** — {safe_corpus_text(c.section)}\n\n{passage}")
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
    """One browser session's conversation.

    ``messages`` is what the page shows, ``rated`` lines up with it (what a like on
    that message records), ``user_turns`` is what the input gate kept of each
    question, and ``red_flags`` every red-flag reason raised so far, so the
    disclaimer stays even after the turn that raised it has left the window.
    """

    messages: list[dict] = field(default_factory=list)
    rated: list[Rated | None] = field(default_factory=list)
    user_turns: list[str] = field(default_factory=list)
    red_flags: tuple[str, ...] = ()
    feedback_rate: RateLimit | None = None


def build_app(chat: Chat, settings: Settings):
    import gradio as gr

    feedback = FeedbackLog(settings.data_dir)
    shown_limit = 3 * settings.max_shown_turns  # a question, its answer and its sources panel

    def respond(message: str, session: Session | None):
        """Answer a message in this session's conversation; returns the whole chat."""
        session = session or Session()
        answer = chat.reply(message, session.user_turns, earlier_flags=session.red_flags)
        turn = render_turn(answer)
        rated = Rated(answer_id(answer.markdown), answer.question, tuple(session.user_turns[-2:]),
                      tuple(dict.fromkeys(c.doc_id for c in answer.citations)), answer.kind, answer.red_flag)
        messages = [*session.messages, {"role": "user", "content": escape_user_text(answer.question) or "…"}, *turn]
        records = [*session.rated, None, *([rated] * len(turn))]
        session.messages, session.rated = messages[-shown_limit:], records[-shown_limit:]
        session.red_flags = tuple(dict.fromkeys([*session.red_flags, *answer.red_flag_reasons]))
        if answer.kind != "prompt":
            session.user_turns = [*session.user_turns, answer.question][-settings.max_history_turns :]
        return session.messages, "", session

    def new_conversation():
        return [], "", Session()

    def ask(question: str, turns: list[str] | None = None) -> dict:
        """``/ask``: one question, after the earlier user turns it follows; the answer as JSON."""
        try:
            question, turns = ask_arguments(question, turns, settings.max_history_turns)
        except AskInputError as exc:
            raise gr.Error(str(exc), print_exception=False) from None
        return chat.reply(question, turns).to_dict()

    def on_like(data: gr.LikeData, session: Session | None):
        """Record a rating of an answer this session was given; anything else is ignored."""
        if session is None:
            return
        index = data.index[0] if isinstance(data.index, (list, tuple)) else data.index
        if not isinstance(index, int) or not 0 <= index < len(session.rated) or session.rated[index] is None:
            return
        session.feedback_rate = session.feedback_rate or RateLimit(settings.feedback_per_minute)
        if session.feedback_rate.allow():
            feedback.append(record_for(session.rated[index], bool(data.liked), settings.feedback_max_bytes))

    # Every event that composes an answer shares one concurrency group, so at most
    # ``settings.concurrency`` answers run at once whichever way they were asked.
    answering = {"concurrency_id": "answer"}
    with gr.Blocks(title=TITLE) as demo:
        gr.Markdown(f"# {TITLE}\n{INTRO}")
        gr.Markdown(f"ℹ️ {STANDING_NOTE}", elem_classes=["hipbot-note"])
        session = gr.State(Session())
        chatbot = gr.Chatbot(
            label="Conversation", height=520, elem_classes=["hipbot-chat"], elem_id="chat",
            sanitize_html=True, render_markdown=True, feedback_options=("Like", "Dislike"),
            # No "share" (to Hugging Face, useless offline, and an unlabelled icon button).
            buttons=["copy", "copy_all"],
            placeholder="Ask about hip pain after running, or pick an example below.",
        )
        with gr.Row():
            box = gr.Textbox(placeholder="Type your question…", show_label=False, scale=8,
                             max_length=settings.max_input_chars * settings.raw_input_factor, elem_id="question")
            send = gr.Button("Send", variant="primary", scale=1, elem_id="send")
        with gr.Row():
            examples = [gr.Button(q, size="sm", elem_classes=["hipbot-example"]) for q in EXAMPLES]
        clear = gr.Button("New conversation", size="sm", elem_id="new-conversation")

        outputs = [chatbot, box, session]
        box.submit(respond, [box, session], outputs, api_name="chat", **answering)
        send.click(respond, [box, session], outputs, api_visibility="private", **answering)
        for button, question in zip(examples, EXAMPLES):
            button.click(lambda s, q=question: respond(q, s), [session], outputs, api_visibility="private",
                         **answering)
        clear.click(new_conversation, None, outputs, api_visibility="private")
        # The chat's own trash button empties the page at once; the conversation behind it goes
        # too. The question box is left alone: the user may already be typing the next question.
        chatbot.clear(Session, None, [session], api_visibility="private")
        chatbot.like(on_like, [session], None, api_visibility="private")
        gr.api(ask, api_name="ask", api_description=ASK_DESCRIPTION.format(turns=settings.max_history_turns),
               **answering)
    demo.queue(default_concurrency_limit=settings.concurrency, max_size=settings.queue_size)
    return demo


def serve(host: str | None = None, port: int | None = None, share: bool = False, settings: Settings | None = None) -> int:
    """Load everything once, build the index first if needed, and serve the page."""
    started = time.perf_counter()
    settings = settings or from_env(host=host, port=port)
    # Try the address before the seconds of loading: Gradio would report a bad host or a busy
    # port only afterwards, and as "Cannot find empty port".
    import socket

    try:
        family, kind, _, _, address = socket.getaddrinfo(settings.host, settings.port, type=socket.SOCK_STREAM)[0]
        with socket.socket(family, kind) as probe:
            probe.bind(address)
    except OSError as exc:
        raise OSError(f"cannot serve on {settings.host}:{settings.port} ({exc.strerror or exc}); use --host with "
                      "an address of this machine (127.0.0.1, 0.0.0.0) and --port with a free port") from exc
    # The app runs offline: Gradio's usage analytics would only try to reach the internet.
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    # Importing gradio takes seconds; do it while the index and model load.
    importer = threading.Thread(target=importlib.import_module, args=("gradio",), daemon=True)
    importer.start()
    chat = Chat(settings)  # builds the index (with progress) when missing or stale
    importer.join()
    import gradio as gr
    from starlette.middleware import Middleware

    demo = build_app(chat, settings)
    # run_history=False: Gradio would otherwise keep every question (health details) in the
    # browser's storage for anyone at that browser to read back.
    demo.launch(server_name=settings.host, server_port=settings.port, share=share, css=CSS,
                theme=gr.themes.Default().set(**THEME_COLOURS), js=PAGE_JS, footer_links=FOOTER_LINKS,
                run_history=False, show_error=False, quiet=True, prevent_thread_lock=True,
                app_kwargs={"middleware": [Middleware(BodyLimit, max_bytes=settings.max_request_bytes)]})
    print(f"ready in {time.perf_counter() - started:.1f} s: {demo.local_url}", file=sys.stderr)
    demo.block_thread()
    return 0
