"""Building the extension's packages (``node tools/build.mjs --out DIR``) for the tests."""

from __future__ import annotations

import os
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXTENSION = ROOT / "extension"


def project_version() -> str:
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]


def build_packages(out: Path) -> dict[str, Path]:
    """Chrome and Firefox zips in ``out``; skipped locally without node (fails under CI)."""
    if not shutil.which("node") or not (EXTENSION / "node_modules" / "web-ext").is_dir():
        reason = "node or the extension's npm packages are missing (./scripts/test installs them)"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    done = subprocess.run(["node", "tools/build.mjs", "--out", str(out)], cwd=EXTENSION,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    return {target: out / f"standout-{target}.zip" for target in ("chrome", "firefox")}
