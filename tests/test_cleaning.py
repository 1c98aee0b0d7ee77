"""Cleaning removes page furniture; the glossary repairs the paraphrased article."""

from __future__ import annotations

import hashlib
import json
import re

import pytest

from bot.cleaning import apply_glossary, clean_text, drop_echoed_heading
from bot.corpus import CorpusError, load_corpus, load_document

PARAPHRASED = "002_d4256067697cea61"


@pytest.fixture(scope="module")
def docs(corpus_dir):
    loaded, problems = load_corpus(corpus_dir)
    assert not problems
    return {d.doc_id: d for d in loaded}


def test_every_seed_article_is_in_the_corpus_with_its_stem_as_id(docs):
    assert set(docs) == {
        "000_dc65b1c8d02c1a5c", "001_8372a52a890743c8", PARAPHRASED,
        "003_09b1d2a01d7413a5", "004_3fcec4cc172f352b",
    }
    assert all(d.title and d.title != d.doc_id for d in docs.values())


@pytest.mark.parametrize("furniture", ["Back to top button", "Related Articles", "Leave a Reply", "Sadap2"])
def test_page_furniture_is_removed(docs, furniture):
    for doc in docs.values():
        assert furniture.lower() not in doc.text.lower(), (doc.doc_id, furniture)


def test_faq_plus_markers_and_comment_blocks_are_removed(docs):
    for doc in docs.values():
        lines = doc.text.split("\n")
        assert "+" not in lines
        assert "Comments" not in lines
        assert not any(line.startswith("No comments yet") for line in lines)


def test_site_self_promotion_sentences_are_removed(docs, corpus_dir):
    raw = (corpus_dir / "003_09b1d2a01d7413a5.txt").read_text(encoding="utf-8")
    assert raw.count("WHY.EDU.VN") + raw.count("why.edu.vn") >= 5
    for doc in docs.values():
        assert "why.edu.vn" not in doc.text.lower()
    # the content around the promotion survives
    assert "Hip pain after running is a prevalent concern" in docs["003_09b1d2a01d7413a5"].text


def test_duplicated_title_lines_and_image_captions_are_removed(docs):
    caption = "Hip flexor stretch kneeling, showing proper form and posture"
    assert caption not in docs["003_09b1d2a01d7413a5"].text
    assert "Hip Flexor Sore After Running\n" not in docs["000_dc65b1c8d02c1a5c"].text
    first_line = docs["000_dc65b1c8d02c1a5c"].text.split("\n")[0]
    assert first_line.startswith("Running is a liberating activity")


def test_a_paragraph_that_opens_by_repeating_its_title_loses_the_echo(docs):
    intro = docs["003_09b1d2a01d7413a5"].text.split("\n")[0]
    assert intro.startswith("Hip discomfort following a run can stem from various factors")


def test_only_a_sentence_that_repeats_the_line_above_is_dropped():
    title = "Why Do My Hips Hurt? The Causes"
    assert drop_echoed_heading("Why Do My Hips Hurt? Many reasons.", title) == "Many reasons."
    assert drop_echoed_heading("Why Do My Hips Hurt? Many reasons.", "Other Heading") == "Why Do My Hips Hurt? Many reasons."
    assert drop_echoed_heading("Why Do My Hips Hurt?", title) == "Why Do My Hips Hurt?"  # nothing would be left
    assert drop_echoed_heading("Planks. They help.", "Planks") == "Planks. They help."  # too short to be an echo


def test_clean_text_on_a_made_up_page():
    raw = "MySite\n\nMy Title\nMy Title\n\n" + "word " * 25 + "end.\n+\nSub heading\nVisit us at example.com today. Real advice here.\n\nComments\nLeave a Reply\n"
    cleaned = clean_text(raw)
    assert cleaned.leading_title == "My Title"
    assert cleaned.text.split("\n") == [("word " * 25 + "end.").strip(), "Sub heading", "Real advice here."]


def test_the_paraphrased_article_reads_as_plain_english(docs):
    text = docs[PARAPHRASED].text
    for garbled in ["Operating", "operating", "muscle tissue", " ache", "coaching", "harm ", "Poor Operating Type"]:
        assert garbled not in text, garbled
    assert "3. Poor Running Form" in text
    assert "Excessive hip adduction" in text or "Excessive Hip Adduction" in text


def test_repaired_text_contains_none_of_the_glossary_garbled_phrases(docs, corpus_dir):
    glossary = json.loads((corpus_dir / "glossary" / f"{PARAPHRASED}.json").read_text(encoding="utf-8"))["replacements"]
    repairs = " ".join(glossary.values()).lower()
    word = lambda p: re.compile(r"(?<![\w-])" + re.escape(p) + r"(?![\w-])", re.IGNORECASE)
    # A phrase that is also part of some repair is a real word in another sense; all others are garbled.
    garbled = [p for p in glossary if not word(p).search(repairs)]
    assert len(garbled) > 200
    leftovers = [p for p in garbled if word(p).search(docs[PARAPHRASED].text)]
    assert leftovers == []


def test_the_original_paraphrased_file_is_left_untouched_for_audit(docs, corpus_dir):
    path = corpus_dir / f"{PARAPHRASED}.txt"
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    load_document(path, {}, corpus_dir)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert "Poor Operating Type" in path.read_text(encoding="utf-8")


def test_glossary_keeps_capitalisation_and_never_chains():
    glossary = {"operating": "running", "running": "jogging", "operating type": "running form"}
    assert apply_glossary("Poor Operating Type. operating daily.", glossary) == "Poor Running Form. running daily."


def test_bad_corpus_files_are_named(tmp_path):
    (tmp_path / "good.txt").write_text("Title\n\n" + "Hips need rest after long runs. " * 5, encoding="utf-8")
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 ".encode("latin-1") * 30)
    (tmp_path / "empty.md").write_text("   \n", encoding="utf-8")
    with pytest.raises(CorpusError, match="empty.md"):
        load_corpus(tmp_path)
    docs, problems = load_corpus(tmp_path, skip_bad=True)
    assert [d.doc_id for d in docs] == ["good"]
    assert any("latin1.txt" in p and "UTF-8" in p for p in problems)
    assert any("empty.md" in p and "empty" in p for p in problems)
