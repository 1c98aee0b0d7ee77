"""Command line: ``python -m bot ask|build|serve``.

``ask`` answers one question (or every line of a JSONL file, loading the model
once); ``build`` rebuilds the index; ``serve`` starts the chat app.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
from pathlib import Path

BUILD_HELP = (
    "Rebuild the search index from the articles in corpus/. Does nothing when the index already "
    "matches the corpus, the model, the chunking settings and the indexing code; --force rebuilds "
    "anyway. The new index is written beside the old one and swapped in atomically, so an "
    "interrupted build leaves the previous index intact."
)


class UsageError(Exception):
    """Something the user gave cannot work; the message says what and what to do instead."""


def _settings(**overrides):
    """Settings from the environment; a bad ``HIPBOT_*`` value is the user's to fix, not a traceback."""
    from .config import from_env

    try:
        return from_env(**overrides)
    except ValueError as exc:
        raise UsageError(str(exc)) from exc


def _scrub(value):
    """Lone surrogates (JSON "\\ud800") cannot be written as UTF-8: make them "?" before use."""
    if isinstance(value, str):
        return value.encode("utf-8", "replace").decode("utf-8")
    if isinstance(value, list):
        return [_scrub(v) for v in value]
    if isinstance(value, dict):
        return {_scrub(k): _scrub(v) for k, v in value.items()}
    return value


def _emit(row: dict) -> None:
    """One JSON line, UTF-8 whatever the locale, flushed so a later failure cannot take it with it."""
    sys.stdout.buffer.write(json.dumps(row, ensure_ascii=False).encode("utf-8") + b"\n")
    sys.stdout.buffer.flush()


def _ask_jsonl(chat, source) -> None:
    """Answer every line of ``source`` (bytes); a bad line gets its own error row and the rest go on.

    Lines are decoded one by one, so one invalid byte costs that line only.
    """
    for n, raw in enumerate(source, 1):
        try:
            line = raw.decode("utf-8-sig" if n == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            _emit({"line": n, "error": f"bad input line: not UTF-8 ({exc.reason} at byte {exc.start})"})
            continue
        if not line.strip():
            continue
        try:
            item = _scrub(json.loads(line))
            question, turns = str(item["question"]), item.get("turns") or []
            if not isinstance(turns, list):
                raise TypeError("'turns' must be a list of earlier messages")
        except (json.JSONDecodeError, KeyError, TypeError, AttributeError) as exc:
            _emit({"line": n, "error": f"bad input line: {exc}"})
            continue
        answer = chat.reply(question, [str(t) for t in turns])
        _emit({"id": item.get("id", n), "question": question} | answer.to_dict())


def _ask(args) -> int:
    from .chat import Chat

    settings = _settings()
    if not args.jsonl and not args.question:
        raise UsageError("give a question, or --jsonl FILE")
    source = None
    if args.jsonl:  # opened before the model loads, so a wrong path fails at once
        try:
            source = sys.stdin.buffer if args.jsonl == "-" else open(args.jsonl, "rb")
        except OSError as exc:
            raise UsageError(f"cannot read --jsonl file {args.jsonl} ({exc.strerror}); "
                             "give a JSONL file of questions, or - for stdin") from exc
    chat = Chat(settings)
    if source is not None:
        with source:
            _ask_jsonl(chat, source)
        return 0
    answer = chat.reply(" ".join(args.question), args.turn or [])
    if args.json:
        print(json.dumps(answer.to_dict(), ensure_ascii=False, indent=1))
    else:
        print(answer.markdown)
    return 0


def _build(args) -> int:
    from .index import build_index

    settings = _settings(corpus_dir=args.corpus, index_dir=args.index)
    interrupted = []

    def on_interrupt(signum, frame):
        interrupted.append(signum)  # remembered even if some library swallows the exception
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGINT, on_interrupt)
    try:
        report = build_index(settings, force=args.force, progress=not args.quiet, skip_bad=args.skip_bad,
                             cancelled=lambda: bool(interrupted))
    except KeyboardInterrupt:
        print("interrupted: the previous index (if any) is unchanged", file=sys.stderr)
        return 130
    finally:
        signal.signal(signal.SIGINT, previous)
    for problem in report.problems:
        print(f"skipped: {problem}", file=sys.stderr)
    if report.built:
        print(
            f"built index: {report.documents} documents, {report.chunks} chunks, "
            f"{report.sentences} sentences in {report.seconds:.1f} s ({report.reason}) -> {report.path}"
        )
    else:
        print(
            f"index is up to date: {report.documents} documents, {report.chunks} chunks "
            f"({report.seconds:.2f} s); use --force to rebuild"
        )
    return 0


def _serve(args) -> int:
    settings = _settings(host=args.host, port=args.port)  # checked before the slow imports
    from .app import serve

    try:
        return serve(share=args.share, settings=settings)
    except OSError as exc:  # the address: a bad host, a port in use
        raise UsageError(str(exc)) from exc


def main(argv: list[str] | None = None, *, build_prog: str | None = None) -> int:
    """``build_prog`` names the build command when scripts/build_index.py runs it."""
    parser = argparse.ArgumentParser(prog="python -m bot", description="A runner's hip-pain assistant.")
    sub = parser.add_subparsers(dest="command", required=True)

    ask = sub.add_parser("ask", help="answer a question and print the reply")
    ask.add_argument("question", nargs="*", help="the question")
    ask.add_argument("--json", action="store_true", help="print a JSON object instead of markdown")
    ask.add_argument("--jsonl", metavar="FILE", help='answer each {"id","question","turns"?} line of FILE ("-" for stdin)')
    ask.add_argument("--turn", action="append", metavar="TEXT", help="an earlier user message (repeatable)")
    ask.set_defaults(run=_ask)

    build = sub.add_parser("build", help="rebuild the index if the corpus changed", description=BUILD_HELP,
                           prog=build_prog)
    build.add_argument("--force", action="store_true", help="rebuild even if the index is up to date")
    build.add_argument("--corpus", type=Path, help="article folder (default: corpus/)")
    build.add_argument("--index", type=Path, help="index folder (default: index/)")
    build.add_argument("--skip-bad", action="store_true",
                       help="leave out unreadable or empty articles (named in the output) instead of stopping")
    build.add_argument("--quiet", action="store_true", help="no progress bar")
    build.set_defaults(run=_build)

    serve = sub.add_parser("serve", help="start the chat app")
    serve.add_argument("--host", default=None, help="address to bind (default 127.0.0.1)")
    serve.add_argument("--port", type=int, default=None, help="port, 1-65535 (default 7860)")
    serve.add_argument("--share", action="store_true", help="ask Gradio for a public share link")
    serve.set_defaults(run=_serve)

    args, extra = parser.parse_known_args(argv)
    if extra:  # reported by the subcommand, so scripts/build_index.py names itself
        {"ask": ask, "build": build, "serve": serve}[args.command].error(
            f"unrecognized arguments: {' '.join(extra)}"
        )
    from .corpus import CorpusError
    from .embedding import ModelError
    from .index import IndexProblem

    try:
        code = args.run(args)
        sys.stdout.flush()  # inside the try: a closed pipe is reported here, not at exit
        return code
    except (CorpusError, ModelError, IndexProblem, UsageError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader went away (`| head -1`): stop quietly, as CLI tools do. Python would
        # otherwise complain again when it flushes stdout at exit, so point it at /dev/null.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141  # 128 + SIGPIPE, what a shell reports for a tool the pipe stopped
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
