"""What kind of answer a question asks for, learned from graded questions.

The cue rules of ``bot/answer_types.answer_type`` type about six questions in ten as the answer sets'
graders did: runners ask "what's the deal with…" for a definition and "is it worth…" for when to
see someone, and a missed cue falls through to "general". A multinomial logistic regression over
the question's vector and the rules' guess (``scripts/train_answer_types.py``) types three in
four on questions it was not trained on (0.75 cross-validated). The type picks the heading and
the cue features of the sentence ranker, so a better type is a better first bullet.

The vector is the one retrieval uses (the search text's, from the encoder's query cache), so
typing costs no model call; the weights are plain JSON.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .answer_types import ANSWER_TYPES

TYPE_MODEL_FILE = Path(__file__).with_name("answer_type_model.json")
#: Every type the rules can give, "general" last: the one-hot of the rule's guess.
RULE_TYPES = (*dict.fromkeys(name for name, _ in ANSWER_TYPES), "general")  # a type with two cues is one type


def type_features(vector: np.ndarray, rule_type: str) -> np.ndarray:
    """The question's unit vector, then a one-hot of the type the cue rules gave."""
    guess = np.zeros(len(RULE_TYPES), dtype=np.float32)
    guess[RULE_TYPES.index(rule_type) if rule_type in RULE_TYPES else -1] = 1.0
    return np.concatenate([np.asarray(vector, dtype=np.float32), guess])


@dataclass(frozen=True)
class TypeModel:
    classes: tuple[str, ...]
    weights: np.ndarray
    """One row per class."""
    bias: np.ndarray

    @classmethod
    def load(cls, path: Path = TYPE_MODEL_FILE) -> "TypeModel | None":
        """The trained model, or ``None`` (the cue rules' type is used)."""
        if not Path(path).is_file():
            return None
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        if tuple(data.get("rule_types", ())) != RULE_TYPES:
            raise ValueError(f"{path} was trained on other answer types; re-run scripts/train_answer_types.py")
        return cls(tuple(data["classes"]), np.asarray(data["weights"], dtype=np.float32),
                   np.asarray(data["bias"], dtype=np.float32))

    def predict(self, vector: np.ndarray, rule_type: str) -> str:
        return self.predict_row(type_features(vector, rule_type))

    def predict_row(self, row: np.ndarray) -> str:
        return self.classes[int(np.argmax(self.weights @ row + self.bias))]

    def to_json(self, about: dict) -> str:
        return json.dumps({**about, "rule_types": list(RULE_TYPES), "classes": list(self.classes),
                           "bias": [round(float(b), 6) for b in self.bias],
                           "weights": [[round(float(w), 6) for w in row] for row in self.weights]}) + "\n"


def fit_type_model(rows: np.ndarray, labels: np.ndarray, c: float = 3.0) -> TypeModel:
    """A model fitted to ``type_features`` rows and the graders' types."""
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=c, max_iter=5000).fit(rows, labels)
    return TypeModel(tuple(model.classes_), model.coef_.astype(np.float32), model.intercept_.astype(np.float32))
