"""One conversation turn: the single code path behind the app, the CLI and the evaluation.

``Chat.reply(message, history)`` cleans the input, checks the whole
conversation for red flags, folds earlier turns into the search query when
the message leans on them ("how long should I hold it?"), retrieves, and
composes. What the evaluation measures is exactly what users get.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Sequence
from dataclasses import replace

from .answer import Composer
from .answer_memory import AnswerMemory
from .coverage import asks_apart
from .reply import Answer, Composed
from .templates import PROMPT, prefix_block
from .followups import leans_on_conversation
from .query import Query, analyse
from .config import Settings
from .gate import admit
from .index_build import build_index
from .index_store import IndexMissing, IndexStale, load_index
from .retrieval import Retriever
from .faiss_index import single_query_threads
from .safety import DISCLAIMER, RedFlag, Triage
from .sentence_ranker import SentenceRanker
from .spelling import library_speller
from .type_model import TypeModel

#: What a red flag is answered with, whatever it asked: when to get help.
CARE_QUESTION = "when should I see a doctor about hip pain"
CARE = analyse(CARE_QUESTION)
#: ...and for pain getting worse, the passages that say so ("if the pain persists or worsens…").
WORSENING_CARE = analyse("hip pain that persists or worsens, when to consult a healthcare professional")
#: Every when-to-get-help query: a query already one of them is never tried again as another.
CARE_QUERIES = (CARE, WORSENING_CARE)


def care_for(flag: RedFlag) -> Query:
    """When-to-get-help for a red flag: the passages on worsening pain when that is the sign found,
    else the general ones."""
    return WORSENING_CARE if "rapid_worsening" in flag.categories else CARE


class Chat:
    """Holds the model, index, retriever and composer; shared read-only by all sessions."""

    def __init__(self, settings: Settings | None = None, *, embedder=None, auto_build: bool = True):
        """``embedder`` is the PyTorch model, needed only if the index must be built first.

        Questions are encoded by the index's own exported model, so a chat over
        an existing index never imports torch.
        """
        self.settings = settings or Settings()
        try:
            index = load_index(self.settings)
        except (IndexMissing, IndexStale) as exc:
            if not auto_build:
                raise
            print(f"{exc}\nBuilding the index now…", file=sys.stderr)
            build_index(self.settings, embedder=embedder, progress=sys.stderr.isatty())
            index = load_index(self.settings)
        self.index = index
        self.encoder = index.encoder
        single_query_threads()
        self.retriever = Retriever(index, self.settings)
        self.triage = Triage(encoder=self.encoder, settings=self.settings)
        for care in CARE_QUERIES:
            self.encoder.keep(care.search_text)  # searched on every red flag: one model run saved on each
        # "wat does dynamic streching mean": a slip in a word the articles use hides it from
        # the topics, the keywords and the answer-type cues alike.
        self.speller = library_speller((c.text for c in index.chunks), self.encoder.vocabulary())
        ranker = SentenceRanker.load() if self.settings.learned_answers else None
        self.types = TypeModel.load() if self.settings.learned_answers else None
        memory = AnswerMemory.load(model=self.settings.model_name) if self.settings.learned_answers else None
        self.composer = Composer(index, self.settings, unfamiliar=self.retriever.keywords.unfamiliar, ranker=ranker,
                                 memory=memory)

    def understand(self, message: str, history: Sequence[str] = (), *, lean: bool = False) -> Query:
        """The ``Query`` for a gated message: the cue rules' analysis, with the answer type the
        learned type model gives from the search text's vector (the one retrieval uses, so it is
        encoded once) and the rules' guess."""
        s = self.settings
        message, history = self.speller.fix_words(message), [self.speller.fix_words(t) for t in history]
        query = analyse(message, list(history)[-s.history_turns :] if s.history_turns > 0 else [], s, lean=lean,
                        unknown=self.retriever.keywords.unknown_words,
                        rare=lambda text: self.retriever.keywords.rare_words(text, s.followup_rare_chunks))
        if self.types is None or not any(ch.isalnum() for ch in query.question) or query.persisting:
            return query  # "?!?!": nothing for the model to read; pain that goes on: when to get it checked
        return replace(query, answer_type=self.types.predict(self.encoder.encode_query(query.search_text), query.answer_type))

    def _compose(self, query: Query, disclaimer: str | None, notice: str | None, reasons: tuple[str, ...]) -> Composed:
        vector = self.encoder.encode_query(query.search_text)
        hits = self.retriever.search(query.search_text, self.settings.top_k, query_vector=vector)
        # A follow-up whose own words could stand apart is also judged on them (``Composer.run``):
        # one more encoding, for such follow-ups only.
        own = (self.encoder.encode_query(query.text)
               if query.context and self.composer.memory is not None and asks_apart(query.text) else None)
        return self.composer.run(query, hits, vector, disclaimer=disclaimer, notice=notice, reasons=reasons,
                                 recall=lambda ids: self.retriever.hits_for(ids, vector), own_vector=own)

    def reply(self, message: str, history: Sequence[str] = (), *, earlier_flags: Sequence[str] = ()) -> Answer:
        """Answer one user message given the earlier user messages of the conversation.

        ``earlier_flags`` are red-flag reasons raised earlier in the conversation, in turns
        older than the gate keeps: the disclaimer stays however long the conversation runs.
        """
        started = time.perf_counter()
        s = self.settings
        gated = admit(message, history, max_chars=s.max_input_chars, max_turns=s.max_history_turns,
                      raw_factor=s.raw_input_factor)
        message, history, notice = gated.message, list(gated.history), gated.notice

        flag = self.triage.detect_in_conversation(message, history)  # every kept turn, each already bounded
        if earlier_flags:
            reasons = tuple(dict.fromkeys([*earlier_flags, *(flag.reasons if flag else ())]))
            flag = RedFlag(reasons, flag.evidence if flag else (), flag.categories if flag else ())
        disclaimer, reasons = (DISCLAIMER, flag.reasons) if flag else (None, ())
        if not message:
            query = None
            composed = Composed("\n".join(prefix_block(disclaimer, notice, reasons) + [PROMPT]), "prompt")
        else:
            query = self.understand(message, history)
            # A red flag in this message is answered with when to get help, whatever it asks:
            # exercises matched on "leg" or "walk" are no use to someone who cannot stand.
            here = self.triage.check(message)
            if here is not None:
                query = care_for(here)
            composed = self._compose(query, disclaimer, notice, reasons)
            if composed.kind == "refusal" and history and not query.context and query not in CARE_QUERIES \
                    and leans_on_conversation(message, s.followup_max_words, self.retriever.keywords.unknown_words):
                # "would heat be better?" after "I'm icing my tight hips": a short turn the library
                # cannot answer alone is read once more with the conversation it belongs to.
                leaning = self.understand(message, history, lean=True)
                second = self._compose(leaning, disclaimer, notice, reasons)
                if second.kind != "refusal":
                    query, composed = leaning, second
            if flag and composed.kind == "refusal" and query not in CARE_QUERIES:  # a red flag is never refused
                query = care_for(flag)
                composed = self._compose(query, disclaimer, notice, reasons)
        return Answer(
            composed.markdown, composed.kind, composed.citations, composed.quotes,
            red_flag_reasons=reasons, disclaimer=disclaimer,
            answer_type=query.answer_type if query else "general", notice=notice, question=message,
            retrieval_query=query.search_text if query else "",
            latency_ms=(time.perf_counter() - started) * 1000,
        )
