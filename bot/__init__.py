"""A runner's hip-pain assistant: cited answers from a fixed library of articles."""

__version__ = "0.1.0"
