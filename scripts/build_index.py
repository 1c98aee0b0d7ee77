#!/usr/bin/env python3
"""Rebuild the search index from the articles in corpus/.

Does nothing when the index already matches the corpus, the model and the
chunking settings; --force rebuilds anyway. The new index is written beside
the old one and swapped in atomically, so an interrupted build leaves the
previous index intact.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.config import from_env  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--force", action="store_true", help="rebuild even if the index is up to date")
    parser.add_argument("--corpus", type=Path, help="article folder (default: corpus/)")
    parser.add_argument("--index", type=Path, help="index folder (default: index/)")
    parser.add_argument(
        "--skip-bad",
        action="store_true",
        help="leave out unreadable or empty articles (named in the output) instead of stopping",
    )
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    args = parser.parse_args(argv)

    from bot.corpus import CorpusError
    from bot.embedding import ModelError
    from bot.index import IndexProblem, build_index

    settings = from_env(corpus_dir=args.corpus, index_dir=args.index)
    try:
        report = build_index(settings, force=args.force, progress=not args.quiet, skip_bad=args.skip_bad)
    except (CorpusError, ModelError, IndexProblem) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted: the previous index (if any) is unchanged", file=sys.stderr)
        return 130
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


if __name__ == "__main__":
    sys.exit(main())
