"""Where the real-text evaluation corpora are: one rule for the benches and the evaluations.

``$STANDOUT_CORPORA`` when set, else ``../shared/corpora`` relative to the
repository root. They are evaluation data only (never copied into rules,
samples or tests); a clone without them cannot run the evaluations, and says so.
"""

from __future__ import annotations

import os
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[1]
ENVIRONMENT = "STANDOUT_CORPORA"


def corpora_dir() -> Path:
    override = os.environ.get(ENVIRONMENT)
    return Path(override) if override else (REPOSITORY.parent / "shared" / "corpora").resolve()


def missing_corpora() -> str | None:
    """Why the corpora cannot be read (one line), or ``None`` when they can."""
    folder = corpora_dir()
    if not (folder / "SOURCES.md").is_file():
        return (f"the evaluation corpora are not at {folder} (no SOURCES.md there): put them at"
                f" ../shared/corpora beside the repository or set {ENVIRONMENT}")
    return None
