"""Where the engine's data lives.

An installed wheel carries ``models/`` inside the package (``standout/models``);
a source checkout keeps it at the repository root. Both are found here so that
nothing else needs to know which one is running.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def models_dir() -> Path:
    """Return the directory holding rule packs, word lists and samples."""
    for candidate in (_PACKAGE_DIR / "models", _PACKAGE_DIR.parent.parent / "models"):
        if (candidate / "rules").is_dir():
            return candidate
    raise FileNotFoundError(
        "Standout's data folder (models/) is missing; reinstall the package"
    )


def wordlist(name: str) -> list[str]:
    """Read ``models/wordlists/<name>.txt``: one entry per line, ``#`` comments."""
    path = models_dir() / "wordlists" / f"{name}.txt"
    entries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip() if not line.startswith("#") else ""
        if line:
            entries.append(line)
    return entries


def word_pairs(name: str) -> dict[str, str]:
    """Read ``models/wordlists/<name>.tsv``: ``from<TAB>to`` per line."""
    path = models_dir() / "wordlists" / f"{name}.tsv"
    pairs = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        source, target = line.split("\t")
        pairs[source.strip()] = target.strip()
    return pairs
