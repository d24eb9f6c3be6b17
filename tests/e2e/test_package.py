"""The built Chrome package (npm run build), unzipped and loaded as a user would load it."""

from __future__ import annotations

import zipfile
from pathlib import Path

from conftest import ARTIFACTS, CHROMIUM, EXTENSION_ID, require
from extension_build import build_packages, project_version


def test_the_built_chrome_package_loads_and_reaches_the_server(live_server, tmp_path):
    require(Path(CHROMIUM).exists(), f"Chromium not found at {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    packages = build_packages(tmp_path / "dist")
    unpacked = tmp_path / "standout-chrome"
    with zipfile.ZipFile(packages["chrome"]) as archive:
        archive.extractall(unpacked)
    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(tmp_path / "profile"), executable_path=CHROMIUM, headless=True,
            args=[f"--disable-extensions-except={unpacked}", f"--load-extension={unpacked}",
                  "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update",
                  "--disable-sync"],
        )
        try:
            worker = (context.service_workers[0] if context.service_workers
                      else context.wait_for_event("serviceworker", timeout=15_000))
            # The manifest's key survives packaging: the documented id.
            assert worker.url.startswith(f"chrome-extension://{EXTENSION_ID}/")
            assert worker.evaluate("chrome.runtime.getManifest().version") == project_version()
            worker.evaluate("url => chrome.storage.local.set({serverUrl: url})",
                            live_server.url.rstrip("/"))
            popup = context.new_page()
            errors: list[str] = []
            popup.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            popup.goto(f"chrome-extension://{EXTENSION_ID}/popup/popup.html")
            popup.wait_for_selector("#server[data-state=up]", timeout=15_000)
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            popup.screenshot(path=str(ARTIFACTS / "package-popup.png"))
            assert errors == []
        finally:
            context.close()
