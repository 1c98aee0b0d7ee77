"""The chat page in headless Chromium (Debian's package, never downloaded at run time).

The browser is ``$HIPBOT_CHROMIUM`` when set (a path or a command name), else
``chromium`` on PATH, else /usr/bin/chromium; the Makefile looks in the same
places. Without one these tests are skipped, and ``pytest -ra`` says why.
"""

from __future__ import annotations

import json
import os
import shutil
import time

import pytest

from bot.config import PROJECT_ROOT

DEBIAN_CHROMIUM = "/usr/bin/chromium"
INSTALL = "sudo apt-get install chromium chromium-driver"


def find_chromium() -> tuple[str | None, str]:
    """The browser to drive, or None and the reason there is none."""
    configured = os.environ.get("HIPBOT_CHROMIUM")
    if configured:
        return shutil.which(configured), f"HIPBOT_CHROMIUM={configured} is not an executable program"
    found = shutil.which("chromium") or (DEBIAN_CHROMIUM if os.access(DEBIAN_CHROMIUM, os.X_OK) else None)
    return found, f"chromium is not installed (not on PATH, not at {DEBIAN_CHROMIUM}); to run these: {INSTALL}"


CHROMIUM, NO_CHROMIUM = find_chromium()
OUTPUT = PROJECT_ROOT / "test-output"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(CHROMIUM is None, reason=NO_CHROMIUM),
]


@pytest.fixture(scope="module")
def page(app_server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM, headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        )
        page = browser.new_page(viewport={"width": 1100, "height": 1100})
        page.dialogs = []
        page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
        page.goto(app_server["url"], wait_until="domcontentloaded")
        page.locator("#question textarea").wait_for(timeout=60_000)
        yield page
        browser.close()


def bot_messages(page):
    return page.locator("#chat .message-row.bot-row, #chat [data-testid='bot']")


def ask(page, question: str, expect: str, timeout: float = 60_000):
    """Type a question, press Enter, and wait for a *new* element containing ``expect``."""
    target = page.locator("#chat").get_by_text(expect)
    before = target.count()
    box = page.locator("#question textarea")
    box.fill(question)
    box.press("Enter")
    deadline = time.time() + timeout / 1000
    while target.count() <= before:
        assert time.time() < deadline, f"no new {expect!r} after asking {question!r}"
        page.wait_for_timeout(100)
    target.last.wait_for(timeout=timeout)


def test_typed_question_is_answered_with_citations(page):
    OUTPUT.mkdir(exist_ok=True)
    ask(page, "How do I do clamshells?", "Sources")
    chat = page.locator("#chat")
    assert "[1]" in chat.inner_text()
    chat.get_by_text("cited passages (click to read)").last.click()  # open the cited passages
    passage = page.locator("#chat").get_by_text("Side-Lying Leg Lifts: Lie on your side and lift").first
    passage.wait_for(timeout=10_000)
    page.locator("#chat").get_by_text("Exercises and how to do them").last.scroll_into_view_if_needed()
    page.screenshot(path=str(OUTPUT / "answer.png"), full_page=True)


def test_clicking_an_example_asks_it(page):
    page.locator("#new-conversation").click()
    page.get_by_role("button", name="When should I see a doctor about hip pain?").click()
    page.locator("#chat").get_by_text("When to get it checked").last.wait_for(timeout=60_000)
    page.screenshot(path=str(OUTPUT / "example.png"), full_page=True)


def test_red_flag_disclaimer_is_a_visible_callout(page):
    ask(page, "I fell and now I can't put weight on my leg", "prompt medical care")
    callout = page.locator("#chat blockquote").last
    assert "emergency services" in callout.inner_text()
    colour = callout.evaluate("el => getComputedStyle(el).borderLeftColor")
    assert colour not in ("", "rgba(0, 0, 0, 0)")
    page.screenshot(path=str(OUTPUT / "red_flag.png"), full_page=True)


@pytest.mark.parametrize("attack", [
    "<script>alert(1)</script> why do my hips hurt",
    "<img src=x onerror=alert(2)> why do my hips hurt",
    "[click me](javascript:alert(3)) why do my hips hurt",
])
def test_injected_html_never_runs_or_renders(page, attack):
    ask(page, attack, "Common causes")
    page.wait_for_timeout(300)
    assert page.dialogs == []
    chat = page.locator("#chat")
    assert chat.locator("script").count() == 0
    assert chat.locator("img[src='x']").count() == 0
    assert chat.locator("a[href^='javascript']").count() == 0


def test_thumbs_feedback_is_saved_in_the_data_folder(page, app_server):
    import json

    path = app_server["data_dir"] / "feedback.jsonl"
    before = len(path.read_text().splitlines()) if path.exists() else 0  # other tests share the app
    ask(page, "How often should I replace my running shoes?", "Sources")
    page.locator("#chat button[aria-label='Like']").last.click()
    deadline = time.time() + 20
    while time.time() < deadline and (not path.exists() or len(path.read_text().splitlines()) <= before):
        time.sleep(0.2)
    records = [json.loads(line) for line in path.read_text().splitlines()]
    assert len(records) > before, "the click wrote no feedback record"
    assert records[-1]["liked"] is True
    assert "running shoes" in (records[-1]["question"] or "")


def start_over(page, button: str = "#new-conversation"):
    """Click a button that empties the conversation, and wait until the page shows it empty."""
    page.locator(button).click()
    deadline = time.time() + 30
    while bot_messages(page).count():
        assert time.time() < deadline, f"{button} did not empty the conversation"
        page.wait_for_timeout(100)


def test_the_chats_own_clear_button_starts_a_new_conversation(page):
    start_over(page)
    ask(page, "How do I do clamshells?", "Sources")
    start_over(page, "#chat button[aria-label='Clear']")  # empties the page at once, before the server hears
    page.wait_for_timeout(500)  # ...so give the server's reset a moment, as a person typing would
    # A follow-up now has nothing to follow: the session was cleared with the page.
    ask(page, "how many reps?", "I don't know")


def test_the_page_with_an_answer_and_a_red_flag_has_no_serious_accessibility_violations(page):
    """axe-core (axe-playwright-python) over the page as people see it: a cited answer with
    its sources open, then a red-flag answer with its callout."""
    from axe_playwright_python.sync_playwright import Axe

    start_over(page)
    ask(page, "How do I do clamshells?", "Sources")
    page.locator("#chat").get_by_text("cited passages (click to read)").last.click()
    page.locator("#chat").get_by_text("Side-Lying Leg Lifts: Lie on your side and lift").first.wait_for(timeout=10_000)
    ask(page, "I fell off my bike and can't put weight on my leg", "prompt medical care")
    page.locator("#chat blockquote").last.wait_for(timeout=10_000)
    page.wait_for_timeout(500)  # let the page settle (scrolling, fonts)

    results = Axe().run(page)
    violations = results.response["violations"]
    OUTPUT.mkdir(exist_ok=True)
    (OUTPUT / "axe.json").write_text(json.dumps(violations, indent=1))
    found = [(v["impact"], v["id"], len(v["nodes"])) for v in violations]
    print(f"\naxe-core {results.response['testEngine']['version']}: {found or 'no violations'}")
    serious = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]]) for v in violations
               if v["impact"] in ("critical", "serious")]
    assert serious == [], serious
    # The page's own fixes, checked directly as well.
    assert page.locator("#chat .top-panel button[aria-label='']").count() == 0
    titles = page.locator("#chat .thought-group [role='button']")
    assert titles.count() >= 1 and titles.first.locator("button").filter(visible=True).count() == 0
    assert titles.last.get_attribute("aria-expanded") in ("true", "false")
