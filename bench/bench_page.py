"""Re-check latency on Standout's page for a 500-word draft, in headless Chromium.

    .venv-test/bin/python bench/bench_page.py [--edits 60]

Starts `standout serve` on a free port, opens the page, pastes a 500-word letter
(written for the benches: bench/letters/07 and 03), then makes one-word edits in
turn in each paragraph, typed with the keyboard. For each edit it times, in the
page, from the moment the check is sent (the end of typing, after the page's
300 ms debounce) to the moment the underlines are drawn and the report beside the
text is rebuilt. The peer, measured in the same run and page: a bare
`fetch('/v1/check')` of the same text (the server and the network part alone).

Prints median and p95 in milliseconds and their ratio to the peer. Target: p95
under 100 ms.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

from bench_http import Server, percentile

LETTERS = Path(__file__).resolve().parent / "letters"
CHROMIUM = "/usr/bin/chromium"


def draft_of_500_words() -> str:
    text = (LETTERS / "07-long-operations.txt").read_text(encoding="utf-8").strip()
    extra = (LETTERS / "03-mixed-marketing.txt").read_text(encoding="utf-8").split("\n\n")
    for paragraph in extra[1:]:
        if len(text.split()) >= 500:
            break
        text += "\n\n" + paragraph.strip()
    return text


PEER_JS = """async (text) => {
  const t0 = performance.now();
  const r = await fetch('/v1/check', {method: 'POST', headers: {'Content-Type': 'application/json'},
                                      body: JSON.stringify({text, context: {}})});
  await r.json();
  return performance.now() - t0;
}"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=60)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    draft = draft_of_500_words()
    server = Server()
    base = f"http://{server.host}:{server.port}"
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                                        args=["--no-sandbox", "--disable-gpu"])
            tab = browser.new_page(viewport={"width": 1300, "height": 900})
            tab.goto(base + "/")
            tab.fill("#draft-text", draft)
            tab.wait_for_function("() => window.standoutPage.timings.length > 0")
            ends = tab.evaluate("""() => {
                const v = document.getElementById('draft-text').value; const out = [];
                for (const m of v.matchAll(/\\n\\n/g)) out.push(m.index);
                out.push(v.length); return out; }""")
            page_ms, peer_ms = [], []
            for i in range(args.edits):
                end = ends[i % len(ends)]  # the end of the paragraph edited this time
                before = tab.evaluate("() => window.standoutPage.timings.length")
                tab.evaluate(f"() => {{ const f = document.getElementById('draft-text');"
                             f" f.focus(); f.setSelectionRange({end}, {end}); }}")
                tab.keyboard.type(" indeed" if i % 2 == 0 else "x")
                tab.wait_for_function("n => window.standoutPage.timings.length > n", arg=before)
                tab.wait_for_timeout(50)
                page_ms.append(tab.evaluate("() => window.standoutPage.timings.at(-1)"))
                text = tab.input_value("#draft-text")
                peer_ms.append(tab.evaluate(PEER_JS, text))
                ends = [e + (len(" indeed") if i % 2 == 0 else 1) if e >= end else e
                        for e in ends]
            words = len(tab.input_value("#draft-text").split())
            browser.close()
    finally:
        server.stop()
    med, p95 = statistics.median(page_ms), percentile(page_ms, 0.95)
    pmed, pp95 = statistics.median(peer_ms), percentile(peer_ms, 0.95)
    print(f"page re-check, {words}-word draft, {len(page_ms)} edits "
          f"(check sent after the typing pause -> underlines and report updated)")
    print(f"  page:  median {med:6.1f} ms   p95 {p95:6.1f} ms")
    print(f"  peer (bare fetch of /v1/check): median {pmed:6.1f} ms   p95 {pp95:6.1f} ms")
    print(f"  ratio page/peer: median {med / pmed:4.2f}   p95 {p95 / pp95:4.2f}")
    print(f"  target p95 < 100 ms: {'met' if p95 < 100 else 'NOT met'}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
