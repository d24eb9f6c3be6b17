"""Loads an unpacked extension folder in Chromium and reports what a user would see.

    python package_probe.py UNPACKED SERVER_URL SCREENSHOT

Run in its own process by test_package.py: the session's browser (conftest.py)
already holds Playwright's sync API in the test process, which allows one at a time.
Prints one JSON object: the worker's URL, the manifest version, the popup's server
state, and the console errors.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile

from playwright.sync_api import sync_playwright

CHROMIUM = os.environ.get("STANDOUT_CHROMIUM", "/usr/bin/chromium")


def main(unpacked: str, server_url: str, screenshot: str) -> None:
    with tempfile.TemporaryDirectory(prefix="standout-package-profile-") as profile, \
            sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, headless=True,
            args=[f"--disable-extensions-except={unpacked}", f"--load-extension={unpacked}",
                  "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update",
                  "--disable-sync"],
        )
        try:
            worker = (context.service_workers[0] if context.service_workers
                      else context.wait_for_event("serviceworker", timeout=15_000))
            worker.evaluate("url => chrome.storage.local.set({serverUrl: url})", server_url)
            popup = context.new_page()
            errors: list[str] = []
            popup.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            popup.goto(worker.url.rsplit("/", 2)[0] + "/popup/popup.html")
            popup.wait_for_selector("#server:not([data-state=checking])", timeout=15_000)
            popup.screenshot(path=screenshot)
            print(json.dumps({
                "worker": worker.url,
                "version": worker.evaluate("chrome.runtime.getManifest().version"),
                "server": popup.get_attribute("#server", "data-state"),
                "text": popup.inner_text("#server-text"),
                "errors": errors,
            }))
        finally:
            context.close()


if __name__ == "__main__":
    main(*sys.argv[1:4])
