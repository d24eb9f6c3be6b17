"""The extension in Debian's Firefox ESR: installed as a temporary add-on by
puppeteer-core (extension/test-firefox/run.js), underlines on the right words
and the card on hover. One browser start, about 6 s."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

from conftest import EXTENSION, require

FIREFOX = os.environ.get("STANDOUT_FIREFOX", "/usr/bin/firefox-esr")
LETTER = "I am passionate about data. I am a team player."


def test_underlines_and_card_in_firefox(live_server, pages_url):
    require(Path(FIREFOX).exists(), f"Firefox not found at {FIREFOX}")
    node = shutil.which("node")
    require(node is not None, "node not found")
    require((EXTENSION / "node_modules" / "puppeteer-core").exists(),
            "puppeteer-core not installed (run npm ci in extension/)")
    env = {**os.environ, "PAGES_URL": pages_url, "SERVER_URL": live_server.url.rstrip("/"),
           "STANDOUT_FIREFOX": FIREFOX}
    run = subprocess.run([node, "test-firefox/run.js"], cwd=EXTENSION, env=env,
                         capture_output=True, text=True, timeout=120, check=False)
    assert run.returncode == 0, run.stderr[-3000:]
    result = json.loads(run.stdout.strip().splitlines()[-1])
    assert result["browser"].startswith("firefox/")
    assert result["addon"] == "standout@standout.local"
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
