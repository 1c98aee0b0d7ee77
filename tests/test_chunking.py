"""Chunks and sentences know their article, section path and exact span."""

from __future__ import annotations

import pytest

from bot.chunking import PATH_SEPARATOR, Chunk, Heading, continuations, heading_of, sections_of, sentences_of
from bot.corpus import load_corpus


@pytest.fixture(scope="module")
def docs(corpus_dir):
    return {d.doc_id: d for d in load_corpus(corpus_dir)[0]}


def test_every_chunk_span_points_to_its_text(index, docs):
    for chunk in index.chunks:
        assert docs[chunk.doc_id].text[chunk.start : chunk.end] == chunk.text
        assert chunk.title == docs[chunk.doc_id].title
        assert chunk.text.strip()


def test_every_sentence_lies_inside_its_chunk(index, docs):
    by_id = {c.id: c for c in index.chunks}
    for sentence in index.sentences:
        chunk = by_id[sentence.chunk_id]
        assert chunk.start <= sentence.start < sentence.end <= chunk.end
        assert docs[chunk.doc_id].text[sentence.start : sentence.end] == sentence.text


def test_section_paths_follow_the_article_structure(index):
    sections = {(c.doc_id, c.section) for c in index.chunks}
    assert ("004_3fcec4cc172f352b", "How to Treat Runner’s Hip › Stretching › Piriformis Stretch (Figure 4)") in sections
    assert ("004_3fcec4cc172f352b", "How to Treat Runner’s Hip › Rest and Recovery") in sections
    assert ("003_09b1d2a01d7413a5",
            "Strengthening Exercises for Hip Pain Relief › Gluteal Strengthening Exercises › Clamshells") in sections
    assert ("002_d4256067697cea61", "Poor Running Form › Pelvic Drop") in sections
    assert ("000_dc65b1c8d02c1a5c", "Can I run with sore hip flexors?") in sections


def test_the_text_of_a_cited_section_is_under_that_heading(index):
    pelvic = [c for c in index.chunks if c.section.endswith("Pelvic Drop")]
    assert pelvic and "Trendelenburg" in pelvic[0].text
    piriformis = [c for c in index.chunks if c.section.endswith("Piriformis Stretch (Figure 4)")]
    assert "cross one ankle over the opposite knee" in piriformis[0].text


def test_headings_are_told_from_body_text():
    assert heading_of("3. Poor Running Form") == Heading("enum", "Poor Running Form", 1)
    assert heading_of("4.1.2 Symptoms of FAI") == Heading("enum", "Symptoms of FAI", 3)
    assert heading_of("Tip 2: Address Muscle Imbalances with Targeted Strengthening").family == "enum"
    assert heading_of("- Overstriding") == Heading("sub", "Overstriding")
    assert heading_of("Hip Flexor Stretch (Low Lunge):") == Heading("sub", "Hip Flexor Stretch (Low Lunge)")
    assert heading_of("Rest and Recovery") == Heading("plain", "Rest and Recovery")
    assert heading_of("## Ice and heat") == Heading("md", "Ice and heat", 2)
    # body text, list items and lead-ins are not headings
    assert heading_of("Hold for 20–30 seconds on each side.") is None
    assert heading_of("- Muscle Strain: Overexertion or inadequate warm-up can lead to strains.") is None
    assert heading_of("Common symptoms of FAI include:") is None
    assert heading_of("1. Take a Break: Give your hip flexors time to heal. Reduce your running mileage.") is None


def test_sections_nest_enumerated_headings_under_plain_ones():
    text = "What Causes It?\nIntro line here.\n1. Overuse\nToo many miles.\n2. Weakness\nWeak glutes.\nSymptoms\nTightness."
    paths = [s.path for s in sections_of(text)]
    assert paths == ["What Causes It?", f"What Causes It?{PATH_SEPARATOR}Overuse",
                     f"What Causes It?{PATH_SEPARATOR}Weakness", "Symptoms"]


def test_list_items_are_quoted_whole(index):
    items = [s for s in index.sentences if s.text.startswith("- How to Perform:")]
    assert items and all(s.text.count(". ") >= 1 for s in items[:3])
    assert all(len(s.text.split()) >= 4 for s in index.sentences)


def test_chunk_size_is_respected(index, settings):
    assert max(len(c.text) for c in index.chunks) <= settings.chunk_size
    assert sentences_of(index.chunks[0])


def _chunk(i, section, text, doc="d"):
    return Chunk(i, doc, "Title", section, i * 1000, i * 1000 + len(text), text)


def test_a_lead_in_is_completed_by_the_chunks_it_announces():
    chunks = [
        _chunk(0, "Causes", "It can develop for several reasons, including:"),
        _chunk(1, "Overuse", "Running high mileage overloads the hip. " * 5),
        _chunk(2, "Weakness", "Weak glutes force other muscles to compensate. " * 5),
        _chunk(3, "Weakness", "More on weakness. " * 20),
        _chunk(4, "Stretching", "Stretching helps tight hips."),  # a section opening…
        _chunk(5, f"Stretching{PATH_SEPARATOR}Butterfly", "Sit with the soles of your feet together."),
        _chunk(6, "Rest", "Rest for a few days."),  # …completed by its own sub-sections only
        _chunk(7, "Rest", "Take a break from running."),  # short, but the next is another article
        _chunk(8, "Other", "Different article: everything else.", doc="e"),
    ]
    found = continuations(chunks, chunk_size=600)
    assert found[0] == (1, 2, 3)  # until the passage reaches a chunk's length
    assert found[4] == (5,)
    assert 6 not in found and 7 not in found and 1 not in found  # 1 is long enough on its own
