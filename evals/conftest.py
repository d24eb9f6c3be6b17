"""The evaluations: thresholds asserted on the real-text corpora (see bench/corpora.py).

Run by ``./scripts/eval``. Without the corpora every evaluation fails, with one
line saying where they were looked for: never a skip.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest
from corpora import corpora_dir, missing_corpora

# Evaluations never read the developer's own config folder nor their saved samples.
os.environ["STANDOUT_CONFIG_DIR"] = str(Path(__file__).parents[1] / "tests" / "no-config")
os.environ["STANDOUT_DATA_DIR"] = tempfile.mkdtemp(prefix="standout-eval-data-")

from standout import Linter
from standout.config import UserConfig


def pytest_unconfigure(config) -> None:
    shutil.rmtree(os.environ["STANDOUT_DATA_DIR"], ignore_errors=True)


@pytest.fixture(scope="session")
def corpora() -> Path:
    problem = missing_corpora()
    if problem:
        pytest.fail(problem, pytrace=False)
    return corpora_dir()


@pytest.fixture(scope="session")
def linter() -> Linter:
    return Linter(config=UserConfig())
