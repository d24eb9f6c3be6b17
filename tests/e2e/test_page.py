"""Standout's page at / in headless Chromium: draft check with underlines, cards and the
report; the posting checklist; interview practice; questions to ask; drafts kept across a
reload; nothing requested from anywhere but the page's own origin."""

from __future__ import annotations

from page_site import LETTER, READY, status_says
from underlines import boxes, wait_for_boxes, wait_for_card


def type_draft(site, text: str, selector: str = "#draft-text") -> None:
    before = site.updates()
    site.tab.click(selector)
    site.tab.keyboard.type(text, delay=0)
    site.wait_for_update(before)
    # the last update belongs to the whole text once the typing pause is over
    site.tab.wait_for_timeout(600)


def test_type_a_letter_see_score_underlines_and_report(site):
    tab = site.tab
    tab.fill("#draft-company", "Acme")
    type_draft(site, LETTER)
    drawn = wait_for_boxes(tab, "cliche.team-player")
    assert drawn and all(b["severity"] == "warning" for b in drawn)
    assert {b["rule"] for b in boxes(tab)} >= {"opener.writing-to-apply", "passion.passion-for"}
    report = tab.locator("[data-report=draft]")
    score = int(report.locator(".score-line").get_attribute("data-score"))
    assert 0 < score < 100
    assert "Specifics:" in report.inner_text() and "Originality:" in report.inner_text()
    # stock phrases lower what the specifics count for, sentences with nothing checkable
    # what originality counts for, and the page says so under each part
    notes = report.locator(".part-note").all_inner_texts()
    assert any("stock phrases around them" in note for note in notes)
    assert any("most sentences hold nothing a reader could check" in note for note in notes)
    # findings grouped by category, each with its advice
    groups = report.locator(".group h4").all_inner_texts()
    assert any(g.startswith("Self-description clichés") for g in groups)
    assert report.locator(".finding .advice").count() >= 5
    # one strip cell per paragraph, the sales-report paragraph standing out
    cells = report.locator(".strip button")
    assert cells.count() == 4
    assert "stands" in cells.nth(2).get_attribute("class")
    assert "blends" in cells.nth(1).get_attribute("class")
    chips = report.locator(".chips li").all_inner_texts()
    assert "40" in chips and "rebuilt" in chips and "SQL" in chips
    site.screenshot("page-draft.png")


def test_open_a_card_from_the_report_and_from_the_keyboard(site):
    tab = site.tab
    type_draft(site, LETTER)
    wait_for_boxes(tab, "cliche.team-player")
    button = tab.locator(".finding[data-rule='cliche.team-player']")
    button.focus()
    tab.keyboard.press("Enter")
    shown = wait_for_card(tab)
    assert "team player" in shown["text"].lower()
    assert tab.evaluate("document.activeElement.id") == "draft-text"
    tab.keyboard.press("Escape")
    # Alt+Shift+N in the text opens the next finding's card
    tab.evaluate("document.getElementById('draft-text').setSelectionRange(0, 0)")
    tab.keyboard.press("Alt+Shift+N")
    assert wait_for_card(tab)["text"]
    site.screenshot("page-card.png")


def test_report_is_copied_as_text_and_markdown(site):
    tab = site.tab
    type_draft(site, LETTER)
    tab.click("#copy-md")
    tab.wait_for_function(status_says("Markdown"))
    markdown = tab.evaluate("navigator.clipboard.readText()")
    assert markdown.startswith("# Standout report") and "**Instead:**" in markdown
    tab.click("#copy-text")
    tab.wait_for_function(status_says("as text"))
    text = tab.evaluate("navigator.clipboard.readText()")
    assert text.startswith("Standout report\n===") and "Instead:" in text and "**" not in text


def test_open_a_file_from_disk(site, tmp_path):
    tab = site.tab
    path = tmp_path / "letter.md"
    path.write_text("\ufeff" + LETTER, encoding="utf-8")
    before = site.updates()
    tab.set_input_files("#draft-file", str(path))
    site.wait_for_update(before)
    assert tab.input_value("#draft-text") == LETTER
    wait_for_boxes(tab, "cliche.team-player")
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Caf\xe9 au lait".encode("latin-1"))
    tab.set_input_files("#draft-file", str(bad))
    tab.wait_for_function(status_says("not UTF-8"))
    assert tab.input_value("#draft-text") == LETTER  # nothing lost


def test_practise_a_question(site):
    tab = site.tab
    tab.click("#tab-practice")
    tab.select_option("#practice-question", "teamwork")
    assert "listen for" in tab.inner_text("#practice-about")
    answer = ("Last March our shop had a huge queue every Saturday. We opened a second till, we "
              "moved the baskets and we put up signs.")
    type_draft(site, answer, "#practice-text")
    report = tab.locator("[data-report=practice]")
    report.locator(".structure").wait_for()
    parts = {el.get_attribute("data-part"): el.get_attribute("class")
             for el in report.locator(".parts li").all()}
    assert parts == {"situation": "yes", "action": "no", "result": "no"}
    assert "“we” 3 times" in report.locator(".voice-line").inner_text()
    timing = report.locator(".timing-line").inner_text()
    assert "to say" in timing and "interviewers expect 1 min to 2 min" in timing
    assert report.locator(".verdict.short").count() == 1
    rules = report.locator(".finding").evaluate_all("els => els.map(e => e.dataset.rule)")
    assert {"answer.no-action", "answer.no-result", "answer.we-not-i"} <= set(rules)
    wait_for_boxes(tab, "answer.we-not-i")
    # keep it, improve it: the earlier version is listed with its summary
    tab.click("#practice-keep")
    assert "action ✗" in tab.inner_text("#practice-history")
    before = site.updates()
    tab.click("#practice-text")
    tab.keyboard.press("End")
    tab.keyboard.type(" I moved the baskets myself and the wait fell from 20 to 5 minutes.")
    site.wait_for_update(before)
    tab.wait_for_timeout(600)
    parts = {el.get_attribute("data-part"): el.get_attribute("class")
             for el in report.locator(".parts li").all()}
    assert parts == {"situation": "yes", "action": "yes", "result": "yes"}
    site.screenshot("page-practice.png")


def test_questions_to_ask(site):
    tab = site.tab
    tab.click("#tab-asks")
    tab.fill("#asks-company", "Acme")
    type_draft(site, "What does a typical day look like?\n"
                     "How is the new Leeds depot changing your delivery rounds?", "#asks-text")
    report = tab.locator("[data-report=asks]")
    items = report.locator(".ask-list li")
    assert items.count() == 2
    assert "generic" in items.nth(0).get_attribute("class")
    assert "specific" in items.nth(1).get_attribute("class")
    assert "2 questions, 1 anyone could ask" in report.inner_text()
    drawn = wait_for_boxes(tab, "ask.generic-question")
    assert drawn
    site.screenshot("page-asks.png")
    tab.fill("#asks-text", "")
    type_draft(site, "None", "#asks-text")
    rules = report.locator(".finding").evaluate_all("els => els.map(e => e.dataset.rule)")
    assert rules == ["ask.no-questions"]


def test_drafts_survive_a_reload(site):
    tab = site.tab
    tab.fill("#draft-company", "Acme")
    type_draft(site, LETTER)
    tab.click("#tab-practice")
    tab.select_option("#practice-question", "failure")
    tab.fill("#practice-text", "In 2022 I missed a delivery date for a client.")
    tab.click("#practice-keep")
    tab.click("#tab-asks")
    tab.fill("#asks-text", "What are the next steps?")
    tab.reload()
    tab.wait_for_function(READY)
    assert tab.input_value("#draft-text") == LETTER
    assert tab.input_value("#draft-company") == "Acme"
    assert tab.input_value("#asks-text") == "What are the next steps?"
    assert tab.input_value("#practice-question") == "failure"
    assert tab.input_value("#practice-text") == "In 2022 I missed a delivery date for a client."
    assert "missed a delivery" in tab.inner_text("#practice-history")
    # the restored draft is checked again without typing
    wait_for_boxes(tab, "cliche.team-player")


def test_csp_and_same_origin(site):
    tab = site.tab
    response = tab.goto(site.base + "/")
    csp = response.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "connect-src 'self'" in csp
    assert "default-src 'none'" in csp
    tab.wait_for_function(READY)
    # an inline script is refused by the policy
    blocked = tab.evaluate("""() => new Promise(resolve => {
        document.addEventListener('securitypolicyviolation',
                                  e => resolve(e.violatedDirective), {once: true});
        const s = document.createElement('script'); s.textContent = 'window.__ran = 1';
        document.body.append(s);
        setTimeout(() => resolve(window.__ran ? 'ran' : 'none'), 1000);
    })""")
    assert blocked.startswith("script-src")
    site.errors.clear()  # the violation is reported on the console, as it should be
    assert site.requests and not site.foreign_requests()


def test_with_the_extension_installed_findings_are_drawn_once(ext, live_server):
    """The extension leaves the page's own fields alone (data-standout="off")."""
    tab = ext.context.new_page()
    errors = []
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    tab.goto(live_server.url)
    tab.wait_for_function(READY)
    tab.click("#draft-text")
    tab.keyboard.type("I am a team player.")
    wait_for_boxes(tab, "cliche.team-player")
    tab.wait_for_timeout(1000)  # time for the extension to have checked, had it watched
    assert tab.evaluate("() => document.querySelectorAll('standout-layer').length") == 1
    assert len(boxes(tab, "cliche.team-player")) == 1
    tab.close()
    assert not errors


def test_an_answer_in_the_draft_check_gets_structure_and_timing(site):
    tab = site.tab
    tab.fill("#draft-question", "Tell me about a time you failed.")
    type_draft(site, "I am a perfectionist and I always give everything. I believe honesty is "
                     "key and I make sure that I learn from my mistakes.")
    report = tab.locator("[data-report=draft]")
    report.locator(".structure").wait_for()
    assert report.locator(".parts .no").count() == 3
    assert "to say" in report.locator(".timing-line").inner_text()
