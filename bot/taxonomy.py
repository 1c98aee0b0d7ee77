"""The red-flag taxonomy and the learned detector's weights, as reviewed data on disk.

``bot/red_flags.json`` holds each category's reason, patterns and exemplars, and the
ordinary-soreness exemplars; ``bot/red_flag_model.json`` the small network fitted by
``scripts/train_red_flags.py``. This module reads them into plain objects, and gives the
speller that mends typos in the words the taxonomy uses; ``safety.py`` does the detecting.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .spelling import LETTERS, Speller

TAXONOMY_FILE = Path(__file__).with_name("red_flags.json")
#: The learned detector's weights (scripts/train_red_flags.py); optional.
MODEL_FILE = Path(__file__).with_name("red_flag_model.json")



@dataclass(frozen=True)
class Category:
    id: str
    reason: str
    rules: tuple[tuple[re.Pattern, ...], ...]
    """Each rule is one pattern, or several that must all occur in the same clause (or, with
    ``across_but``, in two clauses joined by "but")."""
    exemplars: tuple[str, ...]
    figurative: bool = False
    """Whether "like"/"as if" just before a match makes it a figure of speech ("ache like I was hit by a bus")."""
    past_counts: bool = False
    """Whether something in the past still counts ("had lymphoma as a teenager"), as a history of cancer does."""
    minimisable: bool = False
    """Whether size words before a sign undo it ("a tiny bruise"): the category asks for a large one."""
    resolvable: bool = False
    """Whether a sign that has passed ("went numb … went away") no longer counts. Not for locking or
    giving way, which pass by nature."""
    conversation: "ConversationRule | None" = None
    """A rule read over the whole conversation rather than one clause (the child category's)."""
    explained_by: "re.Pattern | None" = None
    """The kinds of ordinary cause (the JSON's ``ordinary_causes``) that set this category's sign
    aside when they follow it in its clause or open the next one, not negated: night sweats "in
    this heatwave", shivering "after an ice bath", a slip that ended "but didn't go down", a "son"
    who is 26 (``safety._explained``)."""
    local: bool = False
    """Whether the sign must be in the lower body: numbness in the face after a filling, or a sore
    arm after a jab, is not about the hip. A clause naming only a body part above the waist is set aside."""
    never_explained: "re.Pattern | None" = None
    """Where no everyday cause explains the sign (the JSON's ``never_explained``): numbness in the
    saddle area or a change in the bladder or bowel, whatever the kit ("numb between my legs
    after riding, i use cleats" is not the saddle's fault)."""
    across_but: bool = False
    """Whether a rule of several patterns may be said either side of "but", "though" or "yet": "not
    dieting, but my clothes hang off me" denies the cause in one clause and gives the sign in the
    next. Only where the earlier part is itself a denial (weight loss with no reason): read so for
    any category, "my hip doesn't hurt at all, but i wake up at night" would be night pain."""


@dataclass(frozen=True)
class ConversationRule:
    """Someone named in any turn, and a sign of theirs in a third-person clause of any turn
    (or in any clause, when the speaker says they are that someone: "im 16")."""

    subject: re.Pattern
    signs: re.Pattern
    third_person: re.Pattern
    speaker: re.Pattern
    clue: re.Pattern | None = None
    """Where only a child would be ("won't go on the trampoline", "at nursery"): names a child for
    a third-person sign when ``adult`` names no adult anywhere in the conversation."""
    adult: re.Pattern | None = None


@dataclass(frozen=True)
class Taxonomy:
    categories: tuple[Category, ...]
    not_red_flag: tuple[str, ...]
    regional_words: tuple[tuple[re.Pattern, str], ...] = ()
    """Regional and colloquial words for a sign, each with the plain word the patterns know
    ("hirplin'" -> "limping", "crook" -> "unwell", "came a cropper" -> "fell"): the taxonomy's
    patterns are written once, in plain English, and these words are put into it first. Figures
    of speech that borrow a sign's word ("a fall in pace" -> "drop in pace", "bruised my ego")
    are put plainly the same way, so that neither the patterns nor the encoder read the sign."""

    def plain(self, text: str) -> str:
        """``text`` with its regional words put into plain English (normalised text in and out)."""
        for pattern, word in self.regional_words:
            text = pattern.sub(word, text)
        return text


@dataclass(frozen=True)
class Learned:
    """A small network (one hidden layer of ReLUs) over the encoder's message vector: the detector
    that generalises to wordings neither the patterns nor the exemplars name ("my foot looks like a
    corpse's"). One hidden layer, because a straight line through the vector space cannot tell
    "my hip gives way" from "my pace gave way"; trained by scripts/train_red_flags.py."""

    hidden_weights: np.ndarray  # encoder dimensions × hidden units
    hidden_bias: np.ndarray
    weights: np.ndarray  # hidden units
    bias: float
    threshold: float

    @classmethod
    def load(cls, path: Path = MODEL_FILE) -> "Learned | None":
        if not Path(path).is_file():
            return None
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        if "hidden_weights" not in data:
            raise ValueError(f"{path} is a red-flag model of an older form: run scripts/train_red_flags.py")
        hidden_weights, hidden_bias, weights = (np.asarray(data[k], dtype=np.float32)
                                                for k in ("hidden_weights", "hidden_bias", "weights"))
        return cls(hidden_weights, hidden_bias, weights, float(data["bias"]), float(data["threshold"]))

    def probability(self, vector: np.ndarray) -> float:
        hidden = np.maximum(vector @ self.hidden_weights + self.hidden_bias, 0.0)
        return float(1.0 / (1.0 + np.exp(-(float(hidden @ self.weights) + self.bias))))


def _conversation_rule(data: dict | None) -> ConversationRule | None:
    if not data:
        return None
    return ConversationRule(*(re.compile(data[key]) for key in ("subject", "signs", "third_person", "speaker")),
                            *(_optional_pattern(data.get(key)) for key in ("clue", "adult")))


def _causes(named: dict[str, str], wanted) -> re.Pattern | None:
    """One pattern for the named kinds of ordinary cause a category lists."""
    missing = [n for n in wanted if n not in named]
    if missing:
        raise ValueError(f"red_flags.json: unknown ordinary cause(s) {missing}")
    return re.compile("|".join(f"(?:{named[n]})" for n in wanted)) if wanted else None


def _optional_pattern(pattern: str | None) -> re.Pattern | None:
    return re.compile(pattern) if pattern else None


def load_taxonomy(path: Path = TAXONOMY_FILE) -> Taxonomy:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    categories = tuple(
        Category(c["id"], c["reason"],
                 tuple(tuple(re.compile(p) for p in ([r] if isinstance(r, str) else r)) for r in c["patterns"]),
                 tuple(c["exemplars"]), bool(c.get("figurative")), bool(c.get("past_counts")),
                 bool(c.get("minimisable")), bool(c.get("resolvable")), _conversation_rule(c.get("conversation")),
                 _causes(data.get("ordinary_causes", {}), c.get("explained_by", ())), bool(c.get("local")),
                 _optional_pattern(c.get("never_explained")), bool(c.get("across_but")))
        for c in data["categories"]
    )
    plain_words = {**data.get("figures_of_speech", {}), **data.get("regional_words", {})}
    regional = tuple((re.compile(rf"\b(?:{p})(?!\w)"), w) for p, w in plain_words.items())
    return Taxonomy(categories, tuple(data["not_red_flag"]), regional)


_ESCAPE = re.compile(r"\\[a-zA-Z]")


def taxonomy_speller(taxonomy: "Taxonomy", dictionary: set[str]) -> Speller:
    """A ``Speller`` for the words the taxonomy's patterns and exemplars use. ``dictionary``:
    words that are never corrected, whatever taxonomy word they are near."""
    alert, known = set(), set(dictionary)
    for category in taxonomy.categories:
        for rule in category.rules:
            for pattern in rule:
                # without the escapes glued to the words ("\\bseptic" is no word "bseptic", which
                # would turn a typed "septic" into a word no pattern reads)
                alert.update(LETTERS.findall(_ESCAPE.sub(" ", pattern.pattern)))
        for exemplar in category.exemplars:
            alert.update(LETTERS.findall(exemplar.lower()))
    for exemplar in taxonomy.not_red_flag:
        known.update(LETTERS.findall(exemplar.lower()))
    return Speller(alert, known)
