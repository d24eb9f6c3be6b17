"""The page with a job posting: the report shows the posting's asks as a checklist."""

from __future__ import annotations

from page_site import LETTER

POSTING = """Data Analyst at Acme Logistics

About the role
You will turn our delivery data into reports the operations team uses every day.

Requirements
- 3+ years of experience writing SQL against large databases
- Experience building dashboards in Tableau or Power BI
- Clear written communication with non-technical colleagues

Nice to have
- Python for data cleaning
"""


def test_posting_checklist(site):
    tab = site.tab
    tab.click("#posting-box summary")
    tab.fill("#draft-posting", POSTING)
    before = site.updates()
    tab.click("#draft-text")
    tab.keyboard.type(LETTER)
    site.wait_for_update(before)
    tab.wait_for_timeout(600)
    checklist = tab.locator("[data-report=draft] .posting-checklist")
    checklist.wait_for()
    items = checklist.locator("li")
    assert items.count() >= 2
    statuses = [s.lower() for s in checklist.locator(".ask-status").all_inner_texts()]
    assert set(statuses) <= {"shown", "claimed", "missing"} and statuses
    assert any("SQL" in t for t in items.all_inner_texts())
    site.screenshot("page-posting.png")
