"""Command line: ``python -m bot ask|build|serve``.

``ask`` answers one question (or every line of a JSONL file, loading the model
once); ``build`` rebuilds the index; ``serve`` starts the chat app.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


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
    script = Path(__file__).resolve().parent.parent / "scripts" / "build_index.py"
    sys.path.insert(0, str(script.parent))
    from build_index import main as build_main  # type: ignore

    return build_main((["--force"] if args.force else []))


def _serve(args) -> int:
    from .app import serve

    return serve(host=args.host, port=args.port, share=args.share)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot", description="A runner's hip-pain assistant.")
    sub = parser.add_subparsers(dest="command", required=True)

    ask = sub.add_parser("ask", help="answer a question and print the reply")
    ask.add_argument("question", nargs="*", help="the question")
    ask.add_argument("--json", action="store_true", help="print a JSON object instead of markdown")
    ask.add_argument("--jsonl", metavar="FILE", help='answer each {"id","question","turns"?} line of FILE ("-" for stdin)')
    ask.add_argument("--turn", action="append", metavar="TEXT", help="an earlier user message (repeatable)")
    ask.set_defaults(run=_ask)

    build = sub.add_parser("build", help="rebuild the index if the corpus changed")
    build.add_argument("--force", action="store_true", help="rebuild even if up to date")
    build.set_defaults(run=_build)

    serve = sub.add_parser("serve", help="start the chat app")
    serve.add_argument("--host", default=None, help="address to bind (default 127.0.0.1)")
    serve.add_argument("--port", type=int, default=None, help="port (default 7860)")
    serve.add_argument("--share", action="store_true", help="ask Gradio for a public share link")
    serve.set_defaults(run=_serve)

    args = parser.parse_args(argv)
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
