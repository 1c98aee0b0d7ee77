#!/usr/bin/env python3
"""Rebuild the search index from the articles in corpus/ (same as `python -m bot build`).

Does nothing when nothing changed; --force rebuilds anyway; --help lists every option.
"""

from __future__ import annotations

import sys

from bot.__main__ import main

if __name__ == "__main__":
    sys.exit(main(["build", *sys.argv[1:]], build_prog="build_index.py"))
