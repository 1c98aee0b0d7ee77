"""Which article sentences may be quoted, and which lines introduce a list item.

Fixed per index, so the composer works them out once at start-up (``answer.Composer``).
"""

from __future__ import annotations

import re

#: Sentences that talk about the article rather than about hips are not answers; nor are
#: wrap-ups, which open with a summing-up marker ("In summary", "By incorporating these
#: strategies…, you can…") and restate what their section said.
META = re.compile(
    r"[?:]$|\b(this article|in this article|this exploration|this analysis|the following section|"
    r"discussed below|we'?ll explore|here'?s (how|a|everything)|read on)\b|"
    r"^(?:in (?:summary|conclusion|short|sum)|to (?:summari[sz]e|sum up|conclude)|overall|ultimately|"
    r"understanding and addressing|with (?:patience|the right strategies))\b|"
    r"^by \w+ing\b[^.]{0,160}\b(?:you|runners|we) can\b",
    re.IGNORECASE,
)

def lead_ins(sentences) -> dict[int, tuple[int, ...]]:
    """For each sentence after a line ending in ":" in the same chunk, the lines that introduce it.

    That is the ":" line itself and, when it is too short to name a topic and prose runs
    straight into it, the sentence before it: in "A physical therapist will conduct a
    comprehensive assessment. This assessment may include:" the topic is in the first
    sentence, not in "may include".
    """
    found: dict[int, tuple[int, ...]] = {}
    current: dict[int, tuple[int, ...]] = {}
    for i, sentence in enumerate(sentences):
        if sentence.chunk_id in current:
            found[i] = current[sentence.chunk_id]
        if sentence.text.rstrip().endswith(":"):
            before = sentences[i - 1] if i else None
            runs_in = (before is not None and before.chunk_id == sentence.chunk_id and len(sentence.text.split()) <= 5
                       and 0 < sentence.start - before.end <= 2 and not before.text.startswith("- "))
            current[sentence.chunk_id] = (i - 1, i) if runs_in else (i,)
    return found


def is_meta(text: str) -> bool:
    """A sentence about the article, or a wrap-up: never quoted."""
    return bool(META.search(text))

