"""The extension in Debian's Firefox ESR: installed as a temporary add-on by
puppeteer-core (extension/test-firefox/run.js): underlines on the right words and
the card on hover; underlines in a scaled container, overlapping findings reached
by pointer and keyboard, and cards opening only on a deliberate hover (issue 10,
items 1, 2 and 7). One browser start."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

from conftest import ROOT, require
from test_geometry import LETTER as SCALED
from test_overlapping_findings import LETTER as OVERLAP
from test_overlapping_findings import SAMPLE_TITLE
from underlines import server_findings

FIREFOX = os.environ.get("STANDOUT_FIREFOX", "/usr/bin/firefox-esr")
LETTER = "I am passionate about data. I am a team player."


def test_underlines_and_card_in_firefox(live_server, pages_url):
    require(Path(FIREFOX).exists(), f"Firefox not found at {FIREFOX}")
    node = shutil.which("node")
    require(node is not None, "node not found")
    tools = ROOT / "extension"  # run.js and puppeteer-core (the add-on may be STANDOUT_EXTENSION)
    require((tools / "node_modules" / "puppeteer-core").exists(),
            "puppeteer-core not installed (run npm ci in extension/)")
    env = {**os.environ, "PAGES_URL": pages_url, "SERVER_URL": live_server.url.rstrip("/"),
           "STANDOUT_FIREFOX": FIREFOX,
           "STANDOUT_TEXTS": json.dumps({"scaled": SCALED, "overlap": OVERLAP})}
    run = subprocess.run([node, "test-firefox/run.js"], cwd=tools, env=env,
                         capture_output=True, text=True, timeout=240, check=False)
    assert run.returncode == 0, run.stderr[-3000:]
    result = json.loads(run.stdout.strip().splitlines()[-1])
    assert result["browser"].startswith("firefox/")
    assert result["addon"] == "standout@standout.local"
    assert result["welcome"] == 1, "the first-run page opens on install (issue 13)"
    assert result["value"] == LETTER
    spans = {o["rule"]: (o["first"], o["last"]) for o in result["offsets"]}
    for rule, phrase in [("cliche.team-player", "team player"),
                         ("passion.passionate-about", "passionate about")]:
        start = LETTER.index(phrase)
        first, last = spans[rule]
        assert start <= first <= start + 1, (rule, first, start)
        assert start + len(phrase) - 1 <= last <= start + len(phrase), (rule, last)
    assert result["card"] == "“team player”"  # the user's own words

    assert result["shadowRoot"] == "null", "the layer is closed to the page"
    for check in ("scaled", "overlapping", "hovering"):
        assert "error" not in result[check], f"{check}: {result[check]['error']}"
    check_scaled(result["scaled"], server_findings(live_server.url, SCALED))
    check_overlapping(result["overlapping"])
    check_hovering(result["hovering"])


def check_scaled(scaled: dict, spans: list[dict]) -> None:
    """Item 1: inside transform: scale(0.8), each box lies over its own finding's words."""
    assert scaled["value"] == SCALED
    field = scaled["field"]
    for box in scaled["boxes"]:
        span = spans[box["finding"]]
        assert box["rule"] == span["rule"]
        right = field["x"] + field["width"] + 0.5
        assert field["x"] - 0.5 <= box["left"] and box["left"] + box["width"] <= right
        lo, hi = sorted((box["first"], box["last"]))
        assert span["start"] <= lo and hi <= span["end"] + 1, (span["text"], SCALED[lo:hi])
        assert SCALED[lo:min(hi, span["end"])].strip(), (span["text"], box)
    assert {b["finding"] for b in scaled["boxes"]} == set(range(len(spans)))


def check_overlapping(found: dict) -> None:
    """Item 2: the passage is drawn apart from the phrases; a phrase's card names the
    passage; the keyboard reaches every finding, both of the two that start together."""
    assert found["passages"] and found["phrases"]
    assert found["hovered"] == {"title": "“team player”", "also": [SAMPLE_TITLE]}
    titles = found["titles"]
    assert len(set(titles)) == found["findings"], titles
    assert SAMPLE_TITLE in titles
    assert any(t.startswith("“I am writing to apply") for t in titles), titles


def check_hovering(found: dict) -> None:
    """Item 7: typing closes a hover card, and a scroll under a still pointer opens none."""
    assert found["opened"]
    assert found["afterTyping"] is None
    assert found["beforeScroll"] is None
    assert found["scrolled"] > 30
    assert found["afterScroll"] is None
