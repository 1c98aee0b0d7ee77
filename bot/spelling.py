"""Mending slips of the thumb in the words that matter: the red-flag taxonomy's (``safety.py``)
and the library's (``chat.py``, before a question is analysed).

Runners type on phones ("wat does dynamic streching mean", "painkilers"). A typo in a word the
patterns or the articles use hides it from them; a typo in any other word does no harm. So only
words near one of those are mended, and only when the model's vocabulary does not know them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .text import STOP_WORDS

#: Words long enough to mend: three-letter slips ("teh") are too often other words.
LETTERS = re.compile(r"[a-z]{4,}")
#: The same, as whole words in text of either case ("Streching", not "treching" inside it).
_WORDS = re.compile(r"(?<![A-Za-z0-9'])[A-Za-z]{4,}(?![A-Za-z0-9])")


#: Runners' shorthand that is one letter from a library word ("thurs" is no "thus").
_SHORTHAND = frozenset({"tues", "weds", "thur", "thurs", "prehab", "preset", "presets", "striders"})


class Speller:
    """Mends one slip of the thumb in a word it watches: two letters swapped ("cnat",
    "wieght", "hurst"), or one letter missing or extra ("painkilers", "streching").

    Only words of four letters or more that the model's vocabulary does not know are
    touched, so ordinary words stay as typed.
    When two watched words are that close ("cannt": "cant", "cannot") the first in
    alphabetical order is taken; they read alike to the patterns. The work per word is a few
    set look-ups (the symmetric-delete idea of SymSpell).
    """

    def __init__(self, alert_words: set[str], known_words: set[str], *, keep_first: bool = False):
        """``keep_first``: mend only slips after the first letter, which a typist rarely gets
        wrong ("tweak" is no slip for "weak", nor "kipping" for "skipping")."""
        self.keep_first = keep_first
        self.alert = alert_words
        self.known = known_words | alert_words
        self.missing: dict[str, set[str]] = {}
        for word in alert_words:
            for i in range(len(word)):
                self.missing.setdefault(word[:i] + word[i + 1 :], set()).add(word)

    def fix(self, word: str) -> str:
        if len(word) < 4 or word in self.known:
            return word
        # A letter missing or extra at the end is an inflection ("tear"/"tears",
        # "diagnose"/"diagnosed"), not a slip: only inner ones are mended.
        found = {w for w in self.missing.get(word, ()) if w[:-1] != word}
        found.update(w for i in range(len(word) - 1) if (w := word[:i] + word[i + 1 :]) in self.alert)
        found.update(w for i in range(len(word) - 1)
                     if (w := word[:i] + word[i + 1] + word[i] + word[i + 2 :]) in self.alert)
        if self.keep_first:
            found = {w for w in found if w[0] == word[0]}
        return min(found) if found else word  # near two watched words ("cannt"): either reads the same

    def fix_text(self, text: str) -> str:
        """Lower-case text with its slips mended (the taxonomy's patterns read it that way)."""
        return LETTERS.sub(lambda m: self.fix(m.group(0)), text)

    def fix_words(self, text: str) -> str:
        """Text as typed, each whole word with a slip replaced by the word meant, in lower case."""
        def mend(m: re.Match) -> str:
            fixed = self.fix(m.group(0).lower())
            return m.group(0) if fixed == m.group(0).lower() else fixed
        return _WORDS.sub(mend, text)


def library_speller(texts: Iterable[str], dictionary: set[str]) -> Speller:
    """A ``Speller`` for the words the library's passages use; ``dictionary`` (the model's
    vocabulary) holds words never corrected."""
    words: set[str] = set()
    for text in texts:
        words.update(LETTERS.findall(text.lower()))
    # Only content words are worth mending to: "theyre" is no slip for "there".
    return Speller(words - STOP_WORDS, _with_inflections(dictionary), keep_first=True)


def _with_inflections(dictionary: set[str]) -> set[str]:
    """The dictionary with its words' regular inflections: the model's vocabulary has "ache" but
    not "aches", which is otherwise one letter from the library's "arches"."""
    known = set(dictionary)
    for word in dictionary:
        stem = word[:-1] if word.endswith("e") else word
        known.update((word + "s", word + "es", word + "d", word + "ed", stem + "ing", stem + "in", word + "er", word + "ers",
                      word + word[-1] + "ing", word + word[-1] + "ed"))  # "propping" is no "popping", "growin" no "groin"
    return known | _SHORTHAND
