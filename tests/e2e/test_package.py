"""The built Chrome package (npm run build), unzipped and loaded as a user would load it."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

from conftest import ARTIFACTS, CHROMIUM, EXTENSION_ID, require
from extension_build import build_packages, project_version

PROBE = Path(__file__).resolve().parent / "package_probe.py"


def test_the_built_chrome_package_loads_and_reaches_the_server(live_server, tmp_path):
    require(Path(CHROMIUM).exists(), f"Chromium not found at {CHROMIUM}")
    packages = build_packages(tmp_path / "dist")
    unpacked = tmp_path / "standout-chrome"
    with zipfile.ZipFile(packages["chrome"]) as archive:
        archive.extractall(unpacked)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        [sys.executable, str(PROBE), str(unpacked), live_server.url.rstrip("/"),
         str(ARTIFACTS / "package-popup.png")],
        capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout)
    # The manifest's key survives packaging: the documented id.
    assert seen["worker"].startswith(f"chrome-extension://{EXTENSION_ID}/")
    assert seen["version"] == project_version()
    assert seen["server"] == "up", seen["text"]
    assert seen["errors"] == []
