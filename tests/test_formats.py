"""Saved web pages and PDFs as articles: extraction, citations with pages, unreadable files skipped."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.config import PROJECT_ROOT, Settings
from bot.corpus import CorpusError, load_library
from bot.formats import Unreadable, read_html, read_pdf, reflow

HTML_TITLE = "Trochanteric Bursitis in Runners"
PDF_TITLE = "Hip Labral Tears in Distance Runners"

#: A saved page as browsers save them: site chrome, scripts, handlers and links around the article.
PAGE = f"""<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>{HTML_TITLE} | Example Sports Clinic</title>
<script>document.cookie = "tracked=1"; window.evilSecret = "SCRIPT-TEXT-LEAK";</script>
<style>.hidden {{ display: none }} /* STYLE-TEXT-LEAK */</style>
</head>
<body onload="stealCookies()">
<nav><a href="/">Home</a> | <a href="/services">Services</a> | <a href="/book">Book an appointment</a></nav>
<div class="sidebar"><h3>Popular posts</h3><ul><li><a href="/a">Ten marathon tips</a></li></ul></div>
<article>
<h1>{HTML_TITLE}</h1>
<p>Trochanteric bursitis is irritation of the small fluid-filled sac over the bony point on the outside
of the hip. It often flares up in runners who suddenly add hill repeats or long runs to their week.</p>
<h2>Symptoms</h2>
<p>The classic sign is a burning ache over the outer hip that gets worse when you lie on that side or
climb stairs. Read <a href="javascript:alert(1)" onclick="steal()">our stairs guide</a> for more.</p>
<h2>Easing the Pain</h2>
<h3>Sleeping Position</h3>
<p>Put a firm pillow between your knees when you sleep on your side, so the top leg does not drop
across your body and squeeze the bursa.</p>
<ul>
<li>Avoid crossing your legs while sitting at a desk.</li>
<li onmouseover="alert(3)">Swap hill sessions for flat easy runs for two weeks.</li>
</ul>
<img src="x.png" onerror="alert(2)" alt="IMAGE-ALT-LEAK">
<script>var injected = "<p>SCRIPT-IN-BODY-LEAK</p>";</script>
</article>
<footer>Copyright 2024 Example Sports Clinic. <a href="/privacy">Privacy policy</a></footer>
</body></html>
"""

#: A page that is all navigation and script: trafilatura's fallback finds only the word "Home".
MENU_ONLY = '<html><body><nav><a href="/">Home</a></nav><script>track()</script></body></html>'

LEAKS = ("SCRIPT-TEXT-LEAK", "STYLE-TEXT-LEAK", "SCRIPT-IN-BODY-LEAK", "IMAGE-ALT-LEAK", "javascript", "onclick",
         "alert(", "steal", "<", ">", "href", "Book an appointment", "Popular posts", "Privacy policy")


def write_pdf(path: Path, pages: list[list[tuple[str, str]]], *, title: str | None = PDF_TITLE,
              header: str | None = "Journal of Runner Health, Vol. 3", **encryption) -> Path:
    """A real PDF with a text layer: ``pages`` holds (kind, text) blocks, kind "h1", "h2" or "p"."""
    from fpdf import FPDF

    class Doc(FPDF):
        def header(self):
            if header:
                self.set_font("helvetica", size=8)
                self.cell(0, 5, header, new_x="LMARGIN", new_y="NEXT")
                self.ln(4)

        def footer(self):
            if header:
                self.set_y(-15)
                self.set_font("helvetica", size=8)
                self.cell(0, 10, f"Page {self.page_no()} of {{nb}}", align="C")

    pdf = Doc()
    if title:
        pdf.set_title(title)
    for blocks in pages:
        pdf.add_page()
        for kind, text in blocks:
            size, style, height = {"h1": (16, "B", 10), "h2": (13, "B", 8), "p": (11, "", 6)}[kind]
            pdf.set_font("helvetica", style, size)
            pdf.multi_cell(0, height, text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
    if encryption:
        pdf.set_encryption(**encryption)
    pdf.output(str(path))
    return path


LABRAL_PAGES = [
    [
        ("h1", PDF_TITLE),
        ("p", "A labral tear is damage to the ring of cartilage around the hip socket. In distance runners it "
              "usually develops slowly from repeated deep hip flexion rather than from one injury, and it is "
              "often mistaken for a groin strain for months."),
        ("h2", "Warning Signs"),
        ("p", "A catching or clicking feeling deep in the groin when you pivot mid-run is the classic sign of a "
              "labral tear, and it usually comes with a dull ache at the front of the hip after long runs. "
              "Runners also describe a pinch when they pull the knee towards the chest during the warm"),
    ],
    [
        ("p", "up, which fades once they are moving."),
        ("p", "Most runners improve with six to twelve weeks of physiotherapy that strengthens the deep hip "
              "rotators before surgery is ever considered."),
        ("h2", "Returning to Running"),
        ("p", "Leave out hill sprints until a single-leg squat feels pain free on the injured side, which "
              "usually takes about a month of rehabilitation."),
    ],
]


def write_scanned_pdf(path: Path) -> Path:
    """An image-only PDF: pages with drawings and no text layer, as a scanner makes them."""
    from fpdf import FPDF

    pdf = FPDF()
    for _ in range(2):
        pdf.add_page()
        pdf.rect(20, 20, 120, 60, style="F")
    pdf.output(str(path))
    return path


# --- extraction on its own --------------------------------------------------------------------------


def test_a_web_page_gives_its_article_text_headings_and_title_and_nothing_else(tmp_path):
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    page = read_html(tmp_path / "page.html")
    text = "\n".join(page.pages[0].lines)
    assert page.title == HTML_TITLE  # trafilatura's title: the <title> without the site's name
    assert "## Symptoms" in text and "### Sleeping Position" in text
    assert "- Avoid crossing your legs while sitting at a desk." in text
    assert "Read our stairs guide for more." in text  # a link keeps its words, never its target
    for leak in LEAKS:
        assert leak not in text, leak


def test_a_pdf_reads_page_by_page_with_paragraphs_rejoined_and_running_heads_dropped(tmp_path):
    pdf = read_pdf(write_pdf(tmp_path / "labral.pdf", LABRAL_PAGES))
    assert pdf.title == PDF_TITLE
    assert [p.label for p in pdf.pages] == ["1", "2"]
    first, second = pdf.pages[0].lines, pdf.pages[1].lines
    assert first[0] == PDF_TITLE and "Warning Signs" in first
    # wrapped visual lines are one paragraph again
    assert any(line.startswith("A labral tear is damage") and line.endswith("for months.") for line in first)
    # the sentence a page break cut stays whole, on the page where it starts
    assert first[-1].endswith("during the warm up, which fades once they are moving.")
    assert second[0].startswith("Most runners improve")
    for lines in (first, second):
        assert not any("Journal of Runner Health" in line or line.startswith("Page ") for line in lines)


def test_reflow_ends_blocks_at_sentence_ends_short_lines_and_bullets():
    lines = ["Returning to Running", "Start with flat routes and avoid hill sprints until a single-leg squat is",
             "pain free, which takes about a month of careful rehabil-", "itation work.", "• Ice after runs.",
             "• Sleep with a pillow."]
    assert reflow(lines, width=len(lines[1])) == [
        "Returning to Running",
        "Start with flat routes and avoid hill sprints until a single-leg squat is pain free, which takes about "
        "a month of careful rehabilitation work.",
        "• Ice after runs.",
        "• Sleep with a pillow.",
    ]


@pytest.mark.parametrize("make, reason", [
    (lambda d: write_scanned_pdf(d / "scan.pdf"), "no text in the PDF"),
    (lambda d: write_pdf(d / "locked.pdf", LABRAL_PAGES, owner_password="o", user_password="u"), "password"),
    (lambda d: (d / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog"), "cannot be read as a PDF"),
    (lambda d: (d / "menu.html").write_text(MENU_ONLY), "no article text"),
    (lambda d: (d / "blank.htm").write_text("  \n"), "empty"),
])
def test_unreadable_files_say_why(tmp_path, make, reason):
    make(tmp_path)
    path = next(tmp_path.iterdir())
    with pytest.raises(Unreadable, match=reason):
        (read_pdf if path.suffix == ".pdf" else read_html)(path)


def test_a_pdf_encrypted_only_against_copying_still_reads(tmp_path):
    from fpdf.enums import EncryptionMethod

    path = write_pdf(tmp_path / "restricted.pdf", LABRAL_PAGES, owner_password="owner",
                     encryption_method=EncryptionMethod.AES_256)
    assert read_pdf(path).pages[1].lines[0].startswith("Most runners improve")


@pytest.mark.parametrize("own_title, expected", [
    ("Labral Tears: A Runner's Guide", "Labral Tears: A Runner's Guide"),  # the PDF's /Title
    ("Microsoft Word - labral_final_v2.docx", PDF_TITLE),  # a word processor's file name: the opening line
    (None, PDF_TITLE),
])
def test_a_pdf_title_is_its_own_title_or_its_opening_line(tmp_path, own_title, expected):
    doc = load_library(write_pdf(tmp_path / "labral.pdf", LABRAL_PAGES, title=own_title).parent).documents[0]
    assert doc.title == expected
    # The opening line is dropped when it is the title; a different one stays, as a heading.
    assert doc.text.startswith("A labral tear is damage" if expected == PDF_TITLE else PDF_TITLE + "\n")


def test_metadata_json_title_wins_and_the_repeated_heading_is_not_a_section(tmp_path):
    (tmp_path / "bursitis.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "metadata.json").write_text(json.dumps({"bursitis": {"title": "Outer Hip Pain"}}))
    doc = load_library(tmp_path).documents[0]
    assert doc.title == "Outer Hip Pain"
    assert HTML_TITLE not in doc.text.split("\n")[0]  # the page's <h1> repeated its own title


# --- through the whole pipeline -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def library(tmp_path_factory, embedder, write_small_corpus):
    """The two-article text corpus plus a web page, a PDF and three files nobody can read."""
    from bot.index_build import build_index

    root = tmp_path_factory.mktemp("formats")
    corpus = write_small_corpus(root / "corpus")
    (corpus / "bursitis.html").write_text(PAGE, encoding="utf-8")
    write_pdf(corpus / "labral_tears.pdf", LABRAL_PAGES)
    write_scanned_pdf(corpus / "scanned_leaflet.pdf")
    write_pdf(corpus / "locked.pdf", LABRAL_PAGES, owner_password="o", user_password="u")
    (corpus / "menu.htm").write_text(MENU_ONLY, encoding="utf-8")
    settings = Settings(corpus_dir=corpus, index_dir=root / "index", data_dir=root / "data")
    report = build_index(settings, embedder=embedder)
    return settings, report


@pytest.fixture(scope="module")
def chat(library, embedder):
    from bot.chat import Chat

    return Chat(library[0], embedder=embedder, auto_build=False)


def _cited(answer, doc_id):
    return [c for c in answer.citations if c.doc_id == doc_id]


@pytest.mark.slow
def test_a_question_only_the_web_page_answers_cites_its_title_and_section(chat):
    answer = chat.reply("should I put a pillow between my knees for trochanteric bursitis?")
    assert answer.kind == "answer", answer.markdown
    cited = _cited(answer, "bursitis")
    assert cited, answer.markdown
    assert {c.title for c in cited} == {HTML_TITLE}
    assert "Easing the Pain › Sleeping Position" in {c.section for c in cited}
    assert "pillow between your knees" in answer.markdown
    assert f"{HTML_TITLE} — Easing the Pain › Sleeping Position" in answer.markdown
    for leak in LEAKS[:6]:
        assert leak not in answer.markdown


@pytest.mark.slow
def test_a_question_only_the_pdf_answers_cites_its_title_section_and_page(chat):
    answer = chat.reply("does a labral tear make the groin click when I pivot?")
    assert answer.kind == "answer", answer.markdown
    cited = _cited(answer, "labral_tears")
    assert cited and {c.title for c in cited} == {PDF_TITLE}
    assert "Warning Signs (p. 1)" in {c.section for c in cited}, [c.section for c in cited]
    assert f"{PDF_TITLE} — Warning Signs (p. 1)" in answer.markdown

    later = chat.reply("when can I do hill sprints again after a labral tear?")
    sections = {c.section for c in _cited(later, "labral_tears")}
    assert "Returning to Running (p. 2)" in sections, later.markdown


@pytest.mark.slow
def test_every_pdf_chunk_names_its_page_and_none_spans_two(library):
    from bot.index_store import load_index

    settings, _ = library
    chunks = [c for c in load_index(settings).chunks if c.doc_id == "labral_tears"]
    assert {c.section for c in chunks} >= {"p. 1", "Warning Signs (p. 1)", "Warning Signs (p. 2)",
                                           "Returning to Running (p. 2)"}
    assert all(c.section.endswith(("(p. 1)", "(p. 2)")) or c.section in ("p. 1", "p. 2") for c in chunks)
    page_two = next(c for c in chunks if c.section == "Warning Signs (p. 2)")
    assert page_two.text.startswith("Most runners improve")


@pytest.mark.slow
def test_unreadable_files_are_named_skipped_and_recorded_while_the_build_succeeds(library):
    settings, report = library
    assert report.built and report.documents == 4
    problems = "\n".join(report.problems)
    for name, why in [("scanned_leaflet.pdf", "no text in the PDF"), ("locked.pdf", "password"),
                      ("menu.htm", "no article text")]:
        assert any(name in p and why in p for p in report.problems), problems
    manifest = json.loads((settings.index_dir / "current" / "manifest.json").read_text())
    assert set(manifest["skipped"]) == {"scanned_leaflet.pdf", "locked.pdf", "menu.htm"}
    assert "password" in manifest["skipped"]["locked.pdf"]
    assert set(manifest["documents"]) == {"a_rest", "b_strength", "bursitis", "labral_tears"}
    assert manifest["documents"]["labral_tears"] == PDF_TITLE


@pytest.mark.slow
def test_the_build_command_names_the_skipped_files_and_exits_zero(library):
    settings, _ = library
    env = os.environ | {"HIPBOT_CORPUS_DIR": str(settings.corpus_dir), "HIPBOT_INDEX_DIR": str(settings.index_dir),
                        "HF_HUB_OFFLINE": "1"}
    done = subprocess.run([sys.executable, str(PROJECT_ROOT / "scripts" / "build_index.py"), "--quiet"],
                          cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "up to date" in done.stdout  # the skipped files' hashes are recorded: no rebuild every time
    assert "skipped:" in done.stderr and "scanned_leaflet.pdf" in done.stderr and "Traceback" not in done.stderr


def test_a_bad_text_article_still_stops_the_load_unless_skip_bad(tmp_path, write_small_corpus):
    corpus = write_small_corpus(tmp_path / "corpus")
    write_scanned_pdf(corpus / "scan.pdf")
    (corpus / "c_broken.txt").write_bytes(b"Hip \xff\xfe pain " * 40)
    with pytest.raises(CorpusError, match="c_broken.txt"):
        load_library(corpus)
    library = load_library(corpus, skip_bad=True)
    assert set(library.skipped) == {"scan.pdf", "c_broken.txt"}


def test_a_library_of_only_unreadable_files_says_which_and_why(tmp_path):
    write_scanned_pdf(tmp_path / "scan.pdf")
    with pytest.raises(CorpusError, match=r"No usable articles.*scan\.pdf: no text in the PDF"):
        load_library(tmp_path)


def test_two_files_with_one_name_are_refused_by_name(tmp_path, write_small_corpus):
    corpus = write_small_corpus(tmp_path / "corpus")
    (corpus / "a_rest.html").write_text(PAGE, encoding="utf-8")
    with pytest.raises(CorpusError, match="a_rest"):
        load_library(corpus)
    assert set(load_library(corpus, skip_bad=True).skipped) == {"a_rest.txt"}
