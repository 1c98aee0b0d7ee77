"""Command line: ``python -m bot ask|build|serve``.

``ask`` answers one question (or every line of a JSONL file, loading the model
once); ``build`` rebuilds the index; ``serve`` starts the chat app.
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
from pathlib import Path

BUILD_HELP = (
    "Rebuild the search index from the articles in corpus/. Does nothing when the index already "
    "matches the corpus, the model, the chunking settings and the indexing code; --force rebuilds "
    "anyway. The new index is written beside the old one and swapped in atomically, so an "
    "interrupted build leaves the previous index intact."
)


def _ask(args) -> int:
    from .chat import Chat
    from .config import from_env

    chat = Chat(from_env())
    if args.jsonl:
        source = sys.stdin if str(args.jsonl) == "-" else open(args.jsonl, encoding="utf-8")
        with source:
            for n, line in enumerate(source, 1):
                if not line.strip():
                    continue
                try:
                    item = json.loads(line)
                    question, turns = str(item["question"]), [str(t) for t in item.get("turns") or []]
                except (json.JSONDecodeError, KeyError, TypeError) as exc:
                    print(json.dumps({"line": n, "error": f"bad input line: {exc}"}), flush=True)
                    continue
                result = {"id": item.get("id", n), "question": question} | chat.reply(question, turns).to_dict()
                print(json.dumps(result, ensure_ascii=False), flush=True)
        return 0
    if not args.question:
        print("error: give a question, or --jsonl FILE", file=sys.stderr)
        return 2
    answer = chat.reply(" ".join(args.question), args.turn or [])
    if args.json:
        print(json.dumps(answer.to_dict(), ensure_ascii=False, indent=1))
    else:
        print(answer.markdown)
    return 0


def _build(args) -> int:
    from .config import from_env
    from .index import build_index

    settings = from_env(corpus_dir=args.corpus, index_dir=args.index)
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
    from .app import serve

    return serve(host=args.host, port=args.port, share=args.share)


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
    serve.add_argument("--port", type=int, default=None, help="port (default 7860)")
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
        return args.run(args)
    except (CorpusError, ModelError, IndexProblem) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
