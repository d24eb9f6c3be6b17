"""Is the ``node`` on PATH recent enough for the extension's dev tools? (scripts/test)

Reads the ``engines.node`` ranges of the extension's direct dev dependencies in
extension/package-lock.json (eslint 10 wants ``^20.19.0 || ^22.13.0 || >=24``)
and exits 0 when ``node --version`` satisfies them all, else 1 with one line
saying why. Understands the range forms those packages use: ``||``, ranges
joined by spaces, ``^``, ``~``, ``>=``, ``>``, ``<=``, ``<``, ``=`` and plain
or ``x`` versions.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

LOCK = Path(__file__).resolve().parents[1] / "extension" / "package-lock.json"
Version = tuple[int, int, int]
_COMPARATOR = re.compile(r"^(\^|~|>=|<=|>|<|=)?v?(\d+|x|\*)(?:\.(\d+|x|\*))?(?:\.(\d+|x|\*))?")


def parse(version: str) -> Version:
    parts = [int(p) for p in re.findall(r"\d+", version)[:3]]
    return (*parts, 0, 0, 0)[:3]  # type: ignore[return-value]


def _bump(version: Version, index: int) -> Version:
    """The first version past ``version`` at position ``index`` (1.2.3 at 1 -> 1.3.0)."""
    return (*version[:index], version[index] + 1, *(0,) * (2 - index))  # type: ignore[return-value]


def _satisfies(version: Version, comparator: str) -> bool:
    match = _COMPARATOR.match(comparator)
    if not match:
        raise ValueError(f"cannot read the range {comparator!r}")
    op, *raw = match.groups()
    given = [None if p in (None, "x", "*") else int(p) for p in raw]
    known = next((i for i, p in enumerate(given) if p is None), 3)  # leading numbers given
    if known == 0:
        return True  # "*", "x"
    low: Version = tuple(p or 0 for p in given)  # type: ignore[assignment]
    last = known - 1
    if op == "^":  # up to the next change of the first non-zero number
        first = next((i for i, p in enumerate(low[:known]) if p), last)
        return low <= version < _bump(low, first)
    if op == "~":  # up to the next minor (or major, when only that is given)
        return low <= version < _bump(low, min(last, 1))
    if op in (None, "="):
        return low <= version < _bump(low, last) if known < 3 else version == low
    if op == ">=":
        return version >= low
    if op == "<":
        return version < low
    if op == ">":
        return version > low if known == 3 else version >= _bump(low, last)
    return version <= low if known == 3 else version < _bump(low, last)  # "<="


def satisfies(version: Version, spec: str) -> bool:
    return any(
        all(_satisfies(version, comparator) for comparator in alternative.split())
        for alternative in spec.split("||")
    )


def requirements() -> dict[str, str]:
    """``package@version`` -> its engines.node, for the extension's direct dev dependencies."""
    lock = json.loads(LOCK.read_text(encoding="utf-8"))
    packages = lock["packages"]
    out = {}
    for name in packages[""].get("devDependencies", {}):
        entry = packages.get(f"node_modules/{name}", {})
        engines = entry.get("engines")
        spec = engines.get("node") if isinstance(engines, dict) else None
        if spec:
            out[f"{name} {entry.get('version', '')}".strip()] = spec
    return out


def main() -> int:
    node = shutil.which("node")
    if node is None:
        print("no node on PATH")
        return 1
    found = subprocess.run([node, "--version"], capture_output=True, text=True).stdout.strip()
    version = parse(found)
    for package, spec in requirements().items():
        if not satisfies(version, spec):
            print(f"Node {found} ({node}) is too old for {package}, which needs Node {spec}")
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
