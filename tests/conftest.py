"""Shared fixtures. The linter is loaded once per test session (under a second)."""

from __future__ import annotations

import atexit
import os
import shutil
import sys
import tempfile

import pytest
from hypothesis import settings

# Tests never read the developer's own config folder.
os.environ.setdefault("STANDOUT_CONFIG_DIR", os.path.join(os.path.dirname(__file__), "no-config"))
# ... nor write their saved samples (the web API tests save some): a fresh folder per run.
os.environ["STANDOUT_DATA_DIR"] = tempfile.mkdtemp(prefix="standout-test-data-")
# ... nor use or fill the developer's start-up cache: one of their own (the first linter
# built fills it; every later one, in this process or a subprocess, loads from it).
os.environ["STANDOUT_CACHE_DIR"] = tempfile.mkdtemp(prefix="standout-test-cache-")
os.environ.pop("STANDOUT_NO_CACHE", None)

from standout import Linter
from standout.config import UserConfig

# tests/platform/: each file runs on its own platform only; the others are not collected.
_ONLY_ON = {"test_systemd_unit.py": "linux", "test_systemd_user.py": "linux",
            "test_systemd_cli.py": "linux", "test_launchd.py": "darwin",
            "test_task_scheduler.py": "win32"}
collect_ignore = [f"platform/{name}" for name, platform in _ONLY_ON.items()
                  if not sys.platform.startswith(platform)]

atexit.register(shutil.rmtree, os.environ["STANDOUT_DATA_DIR"], True)
atexit.register(shutil.rmtree, os.environ["STANDOUT_CACHE_DIR"], True)

# Property tests run on shared 2-core CI machines: no per-example time limit.
settings.register_profile("standout", deadline=None)
settings.load_profile("standout")


@pytest.fixture(scope="session")
def linter() -> Linter:
    return Linter(config=UserConfig())


# --- the web app (tests/test_web_*.py) ---------------------------------------

@pytest.fixture(scope="session")
def app(linter):
    """The Flask app over the session's linter."""
    from standout.web import create_app

    return create_app({"TESTING": True, "LINTER": linter})


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture(scope="session")
def live_server():
    """One real waitress server for the session (port chosen by the OS)."""
    from server_process import LiveServer

    server = LiveServer("--port", "0")
    assert server.url, f"server did not start: {server.log}"
    yield server
    server.stop()


@pytest.fixture
def data(monkeypatch, tmp_path):
    """A fresh data folder (STANDOUT_DATA_DIR) for one test: the history and samples CLIs."""
    folder = tmp_path / "data"
    monkeypatch.setenv("STANDOUT_DATA_DIR", str(folder))
    return folder
