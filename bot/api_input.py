"""What the HTTP side checks before anything answers: ``/ask``'s argument shapes and the size
of a request body.

Kept apart from the page (``bot/app.py``) because neither needs Gradio: the checks are plain
functions and an ASGI middleware, tested without a server. Length, invisible characters and
markup are the input gate's job (``bot/gate.py``), not these.
"""

class AskInputError(ValueError):
    """An ``/ask`` call whose arguments have the wrong shape; the message says what to send."""


def ask_arguments(question: object, turns: object, max_turns: int) -> tuple[str, list[str]]:
    """Check ``/ask``'s arguments and keep the last ``max_turns`` earlier turns.

    Types are checked here; everything else (length, invisible characters, markup) is the
    input gate's job inside ``Chat.reply``, exactly as for the page.
    """
    if not isinstance(question, str):
        raise AskInputError(f"'question' must be a string, not {type(question).__name__}")
    if turns is None:
        return question, []
    if not isinstance(turns, (list, tuple)):
        raise AskInputError(f"'turns' must be a list of earlier user messages (strings), "
                            f"not {type(turns).__name__}")
    for n, turn in enumerate(turns, 1):
        if not isinstance(turn, str):
            raise AskInputError(f"'turns' must be a list of strings: item {n} is {type(turn).__name__}")
    return question, list(turns)[-max_turns:] if max_turns > 0 else []


ASK_DESCRIPTION = (
    "Answer one question, after the earlier user messages it follows (a list of strings, oldest "
    "first; the last {turns} are read), and return the answer as JSON: answer (markdown), citations "
    "(n, doc_id, title, section, text, score), red_flag, red_flag_reasons, disclaimer, refused, "
    "latency_ms and the rest of what `python -m bot ask --json` prints: the same object."
)


class BodyLimit:
    """ASGI middleware: refuse request bodies over ``max_bytes`` before anything parses them."""

    def __init__(self, app, max_bytes: int):
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        declared = dict(scope.get("headers") or []).get(b"content-length", b"0")
        if not declared.isdigit() or int(declared) > self.max_bytes:
            await send({"type": "http.response.start", "status": 413,
                        "headers": [(b"content-type", b"text/plain; charset=utf-8")]})
            await send({"type": "http.response.body", "body": b"Request too large.\n"})
            return None
        received = 0

        async def bounded_receive():
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:  # a chunked body that outgrows the limit
                    return {"type": "http.disconnect"}
            return message

        return await self.app(scope, bounded_receive, send)
