"""Command line: ``python -m bot ask|build|serve|feedback``.

``ask`` answers one question (or every line of a JSONL file, loading the model
once); ``build`` rebuilds the index; ``serve`` starts the chat app;
``feedback`` summarises the thumbs up/down and exports the disliked questions.
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


FEEDBACK_HELP = (
    "Summarise the thumbs up/down given in the chat app (the feedback file, data/feedback.jsonl "
    "or $HIPBOT_DATA_DIR/feedback.jsonl): how many likes and dislikes, on how many answers, and "
    "the most disliked questions. The disliked questions, each once with the earlier turns it "
    "followed, are written to --out as JSONL in the evaluation set's format (the fields of "
    "eval/questions.jsonl: id, kind, question, turns, sources, evidence, must_mention, "
    "red_flag), ready to be labelled: evidence and must_mention are left empty, and "
    "kind, sources and red_flag are what the bot did, to be checked, before the rows are added "
    "to the evaluation set."
)
DISLIKED_FILE = "disliked_questions.jsonl"


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
    from .index_build import build_index

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


def _feedback(args) -> int:
    from .feedback import FEEDBACK_FILE, disliked_questions, read_records, summarise

    settings = _settings()
    source = Path(args.feedback) if args.feedback else settings.data_dir / FEEDBACK_FILE
    out = Path(args.out) if args.out else source.parent / DISLIKED_FILE
    if out.resolve() == source.resolve():
        raise UsageError(f"--out {out} is the feedback file itself; give another file")
    if source.is_dir():
        raise UsageError(f"{source} is a folder; give the feedback file (feedback.jsonl) itself")
    if not source.exists():
        print(f"no feedback yet: {source} does not exist. Ratings are recorded there when someone clicks "
              "thumbs up or down under an answer in the chat app (make run); nothing was written.")
        return 0
    try:
        records, bad = read_records(source)
    except OSError as exc:
        raise UsageError(f"cannot read {source} ({exc.strerror or exc})") from exc
    unreadable = f" ({_count(bad, 'unreadable line')} skipped)" if bad else ""
    if not records:
        print(f"no feedback yet: {source} holds no ratings{unreadable}; nothing was written.")
        return 0
    summary = summarise(records)
    print(f"feedback: {source}{unreadable}")
    print(f"  {_count(summary['ratings'], 'rating')} of {_count(summary['answers'], 'answer')}: "
          f"{_count(summary['likes'], 'like')}, {_count(summary['dislikes'], 'dislike')}")
    if summary["dislikes"]:
        kinds = ", ".join(f"{k} {n}" for k, n in sorted(summary["dislikes_by_kind"].items(), key=lambda kv: -kv[1]))
        print(f"  dislikes by answer kind: {kinds}; on red-flag answers: {summary['dislikes_on_red_flags']}")
    rows = disliked_questions(records)
    if not rows:
        print(f"no disliked questions: nothing written to {out}")
        return 0
    print("  most disliked:")
    for row, count in rows[:10]:
        after = f"  (after: {_shorten(' / '.join(row['turns']), 80)})" if row["turns"] else ""
        print(f"    {count}x {_shorten(row['question'])}{after}")
    text = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row, _ in rows)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"cannot write --out file {out} ({exc.strerror or exc}); give a writable path") from exc
    print(f"wrote {_count(len(rows), 'disliked question')} to {out}: label them (add evidence "
          "and must_mention; check kind, sources and red_flag), then add them to eval/questions.jsonl")
    return 0


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'s' * (n != 1)}"


def _shorten(text: str, width: int = 100) -> str:
    """One line for the terminal: no control characters (no escape sequences from the log)."""
    text = " ".join("".join(ch if ch.isprintable() else " " for ch in text).split())
    return text if len(text) <= width else text[: width - 1] + "…"


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

    feedback = sub.add_parser("feedback", help="summarise likes and dislikes; export disliked questions to label",
                              description=FEEDBACK_HELP)
    feedback.add_argument("--feedback", metavar="FILE",
                          help="the feedback log (default: data/feedback.jsonl, or under $HIPBOT_DATA_DIR)")
    feedback.add_argument("--out", metavar="FILE",
                          help=f"where to write the disliked questions (default: {DISLIKED_FILE} beside the "
                               "feedback log, so it stays out of git like the log itself)")
    feedback.set_defaults(run=_feedback)

    args, extra = parser.parse_known_args(argv)
    if extra:  # reported by the subcommand, so scripts/build_index.py names itself
        {"ask": ask, "build": build, "serve": serve, "feedback": feedback}[args.command].error(
            f"unrecognized arguments: {' '.join(extra)}"
        )
    from .corpus import CorpusError
    from .torch_model import ModelError
    from .index_store import IndexProblem

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
