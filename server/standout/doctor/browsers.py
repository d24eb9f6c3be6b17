"""Browsers the extension runs in, found on PATH or in their usual places (informational).

The extension targets Chrome/Chromium/Edge (Manifest V3) and Firefox 142 or newer
(its manifest's ``strict_min_version``). Firefox's version is read from the
``application.ini`` beside it, without starting it.
"""

from __future__ import annotations

import configparser
import os
import shutil
import sys
from pathlib import Path

from .model import Context, Result

FIREFOX_MIN = 142
NAMES = {
    "Chrome": ["google-chrome", "google-chrome-stable", "chrome"],
    "Chromium": ["chromium", "chromium-browser"],
    "Edge": ["microsoft-edge", "microsoft-edge-stable", "msedge"],
    "Firefox": ["firefox", "firefox-esr"],
}


def _usual_places() -> dict[str, list[Path]]:
    if sys.platform == "darwin":
        apps = [Path("/Applications"), Path.home() / "Applications"]
        bundles = {"Chrome": "Google Chrome.app/Contents/MacOS/Google Chrome",
                   "Chromium": "Chromium.app/Contents/MacOS/Chromium",
                   "Edge": "Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
                   "Firefox": "Firefox.app/Contents/MacOS/firefox"}
        return {name: [a / rel for a in apps] for name, rel in bundles.items()}
    if sys.platform == "win32":
        roots = [Path(os.environ[v]) for v in ("PROGRAMFILES", "PROGRAMFILES(X86)", "LOCALAPPDATA")
                 if os.environ.get(v)]
        rels = {"Chrome": "Google/Chrome/Application/chrome.exe",
                "Edge": "Microsoft/Edge/Application/msedge.exe",
                "Firefox": "Mozilla Firefox/firefox.exe",
                "Chromium": "Chromium/Application/chrome.exe"}
        return {name: [r / rel for r in roots] for name, rel in rels.items()}
    return {"Chrome": [Path("/opt/google/chrome/chrome")],
            "Chromium": [Path("/snap/bin/chromium")],
            "Edge": [Path("/opt/microsoft/msedge/msedge")],
            "Firefox": [Path("/snap/bin/firefox"), Path("/usr/lib/firefox/firefox")]}


def find_browsers() -> dict[str, str]:
    """Browser name -> executable; for Firefox, one whose version can be read if any."""
    found: dict[str, str] = {}
    places = _usual_places()
    for name, commands in NAMES.items():
        candidates = [str(c) for c in [*(shutil.which(c) for c in commands), *places.get(name, [])]
                      if c and Path(c).is_file()]
        if name == "Firefox":
            candidates.sort(key=lambda c: firefox_version(c) is None)
        if candidates:
            found[name] = candidates[0]
    return found


def firefox_version(executable: str) -> str | None:
    folder = Path(executable).resolve().parent
    for ini in (folder / "application.ini", folder.parent / "Resources" / "application.ini"):
        parser = configparser.ConfigParser(interpolation=None)
        try:
            parser.read(ini, encoding="utf-8")
        except (OSError, configparser.Error, UnicodeDecodeError):
            continue
        if parser.has_option("App", "Version"):
            return parser.get("App", "Version")
    return None


def check_browsers(_: Context) -> Result:
    found = find_browsers()
    if not found:
        return Result("info", "no Chrome, Chromium, Edge or Firefox found on PATH or in the"
                      " usual places",
                      f"the extension needs one of them (Firefox {FIREFOX_MIN} or newer)")
    parts, fix = [], None
    for name, path in found.items():
        version = firefox_version(path) if name == "Firefox" else None
        parts.append(f"{name} {version or ''} ({path})".replace("  ", " "))
        major = version.split(".")[0] if version else ""
        if major.isdigit() and int(major) < FIREFOX_MIN:
            fix = f"Firefox {version} is too old for the extension; it needs {FIREFOX_MIN} or newer"
    return Result("info", "found " + ", ".join(parts), fix, {"browsers": found})
