"""Every report for a fixed set of texts, as JSON: the check for a speed change.

    PYTHONPATH=server .venv-test/bin/python bench/dump_reports.py OUT.json

A change meant only to make checks faster must leave OUT.json byte-identical.
The texts: the bench letters, every blind dev text (``[[marks]]`` removed; each
line of traps.txt on its own too), and each letter's paragraphs one at a time,
each without a context and with a company and role. Every text is checked cold
(caches emptied) and then warm; the two reports must agree, and both go in.
Besides ``Report.to_dict()`` the dump holds the report's sentences, paragraph
summaries and specifics, and each paragraph's cached analysis (its repr).
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path

from standout import Linter
from standout.config import UserConfig

sys.path.insert(0, str(Path(__file__).parent))
from blind_eval import read_text

BENCH = Path(__file__).parent
CONTEXTS = (None, {"company": "Brightwater Dental Group", "role": "Data Analyst"})


def texts() -> list[tuple[str, str, dict | None]]:
    """(name, text, context) for every check the dump makes."""
    out: list[tuple[str, str, dict | None]] = []
    letters = sorted((BENCH / "letters").glob("*.txt"))
    for path in letters:
        text = path.read_text(encoding="utf-8")
        pieces = [("", text)] + [
            (f"#p{n}", part) for n, part in enumerate(text.split("\n\n")) if part.strip()
        ]
        for suffix, piece in pieces:
            out += [(f"{path.name}{suffix}", piece, context) for context in CONTEXTS]
    for path in sorted((BENCH / "blind" / "dev").rglob("*.txt")):
        if path.name == "traps.txt":
            raw = path.read_text(encoding="utf-8")
            out += [(path.name, raw, context) for context in CONTEXTS]
            lines = [line for line in raw.splitlines() if line.strip()]
            out += [(f"{path.name}#l{n}", line, None) for n, line in enumerate(lines)]
            continue
        blind = read_text(path)
        for context in (*CONTEXTS, blind.context):
            out.append((f"{path.parent.name}/{path.name}", blind.text, context))
    return out


def dump(linter: Linter, text: str, context: dict | None) -> dict:
    report = linter.check(text, context)
    return {
        "report": report.to_dict(),
        "sentences": [list(s) for s in report.sentences],
        "paragraphs": [asdict(p) for p in report.paragraphs],
        "specifics": [s._asdict() if hasattr(s, "_asdict") else asdict(s)
                      for s in report.specifics],
        "analyses": [repr(p.local) for p in linter.analyse(text).paragraphs],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    args = parser.parse_args()
    linter = Linter(config=UserConfig())
    records = []
    for name, text, context in texts():
        linter.clear_caches()
        cold = dump(linter, text, context)
        warm = dump(linter, text, context)
        if json.dumps(cold, sort_keys=True) != json.dumps(warm, sort_keys=True):
            raise SystemExit(f"{name}: warm report differs from cold")
        records.append({"name": name, "context": context, **cold})
    args.out.write_text(json.dumps(records, indent=1, sort_keys=True, ensure_ascii=False) + "\n",
                        encoding="utf-8")
    print(f"{len(records)} reports -> {args.out}")


if __name__ == "__main__":
    main()
