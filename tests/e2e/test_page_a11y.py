"""The page under axe-core (npm, run offline in the page): no WCAG 2.x A/AA violation in
each panel with a report showing, and keyboard use: tabs by arrow keys, findings reachable
with Tab, a visible focus ring."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import IN_CI
from page_site import LETTER
from underlines import wait_for_boxes

AXE = Path(__file__).resolve().parent / "a11y" / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def axe_violations(tab) -> list[dict]:
    if not AXE.exists():
        message = f"{AXE} is missing: run scripts/test (npm ci in tests/e2e/a11y)"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    # Evaluated through the DevTools protocol: the page's CSP refuses inline scripts.
    tab.evaluate(AXE.read_text(encoding="utf-8") + "\n;0")
    result = tab.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})"
        ".then(r => ({passes: r.passes.length, violations: r.violations.map(v => ({"
        "id: v.id, impact: v.impact, help: v.help,"
        " nodes: v.nodes.map(n => n.target.join(' ') + ': ' + n.failureSummary)}))}))",
        TAGS,
    )
    assert result["passes"] >= 15  # axe really looked (labels, contrast, names, ARIA...)
    return result["violations"]


def test_no_axe_violations_in_any_panel(site):
    tab = site.tab
    tab.fill("#draft-company", "Acme")
    tab.fill("#draft-text", LETTER)
    wait_for_boxes(tab, "cliche.team-player")
    tab.locator("[data-report=draft] .finding").first.wait_for()
    found = {"draft": axe_violations(tab)}
    tab.click("#tab-practice")
    tab.fill("#practice-text", "We opened a second till and we moved the baskets last March.")
    tab.locator("[data-report=practice] .structure").wait_for()
    found["practice"] = axe_violations(tab)
    tab.click("#tab-asks")
    tab.fill("#asks-text", "What does a typical day look like?")
    tab.locator("[data-report=asks] .ask-list li").first.wait_for()
    found["asks"] = axe_violations(tab)
    assert found == {"draft": [], "practice": [], "asks": []}, json.dumps(found, indent=1)


def test_keyboard_through_tabs_and_findings(site):
    tab = site.tab
    tab.fill("#draft-text", LETTER)
    tab.locator("[data-report=draft] .finding").first.wait_for()
    tab.focus("#tab-draft")
    tab.keyboard.press("ArrowRight")
    assert tab.evaluate("document.activeElement.id") == "tab-practice"
    assert tab.is_visible("#panel-practice") and not tab.is_visible("#panel-draft")
    tab.keyboard.press("ArrowLeft")
    assert tab.evaluate("document.activeElement.id") == "tab-draft"
    # Tab from the copy buttons reaches the text, then the report's findings, in order
    tab.focus("#draft-text")
    rules = []
    for _ in range(40):
        tab.keyboard.press("Tab")
        rule = tab.evaluate("document.activeElement.dataset.rule || null")
        if rule:
            rules.append(rule)
            outline = tab.evaluate(
                "() => getComputedStyle(document.activeElement).outlineStyle")
            assert outline == "solid"  # the focus ring shows
    assert "cliche.team-player" in rules and "opener.writing-to-apply" in rules
