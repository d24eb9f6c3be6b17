"""Run the linter over the real corpora and print how the rulebook behaves on them.

    .venv-test/bin/python bench/corpus_eval.py                 # summary figures
    .venv-test/bin/python bench/corpus_eval.py --show cliche.team-player
    .venv-test/bin/python bench/corpus_eval.py --show passion  # a whole category

The corpora (found as bench/corpora.py says: ``$STANDOUT_CORPORA``, else
``../shared/corpora`` beside the repository; see their SOURCES.md) are evaluation data
only: this script reads them to find false positives and misses, and prints
matches for a person to review. Nothing here is copied into rules or tests.

Letters and answers are split by SOURCES.md's ``kind`` column: text an applicant
wrote for their own application is *personal*; job-site samples and templates
are *sample*. A good rulebook finds more per word in the samples.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from corpora import corpora_dir

DEFAULT_CORPORA = corpora_dir()
SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True)
class Document:
    name: str  # e.g. "cover_letters/abc-1.txt"
    kind: str  # "personal" or "sample"
    text: str
    question: str | None = None


def kind_of(description: str) -> str:
    """SOURCES.md's free-text kind, reduced to personal or sample."""
    lowered = description.strip().lower()
    if lowered.startswith(("personal", "genuine personal", "mix")):
        return "personal"
    return "sample"


def read_kinds(sources: Path) -> dict[str, str]:
    """Map ``<folder>/<file>`` to its kind, from the tables in SOURCES.md."""
    kinds: dict[str, str] = {}
    folder = None
    kind_column = None
    for line in sources.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            heading = line[3:].strip()
            folder = heading.split("/")[0].split()[0] if "/" in heading else None
            kind_column = None
            continue
        if not line.startswith("|"):
            continue
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if "kind" in cells and cells[0] == "file":
            kind_column = cells.index("kind")
            continue
        if (folder and kind_column is not None and cells[0].endswith(".txt")
                and len(cells) > kind_column):
            kinds[f"{folder}/{cells[0]}"] = kind_of(cells[kind_column])
    return kinds


def load_documents(root: Path) -> list[Document]:
    sources = root / "SOURCES.md"
    if not sources.is_file():
        raise SystemExit(f"error: {sources} not found (set STANDOUT_CORPORA or --corpora)")
    kinds = read_kinds(sources)
    documents = []
    for folder in ("cover_letters", "answers"):
        for path in sorted((root / folder).glob("*.txt")):
            name = f"{folder}/{path.name}"
            text = path.read_text(encoding="utf-8")
            question = None
            if folder == "answers" and text.startswith("# question:"):
                first, _, text = text.partition("\n")
                question = first.removeprefix("# question:").strip()
            kind = kinds.get(name)
            if kind is None:
                print(f"warning: {name} is not listed in SOURCES.md; counted as sample",
                      file=sys.stderr)
                kind = "sample"
            documents.append(Document(name, kind, text, question))
    return documents


def sentence_around(linter, text: str, start: int, end: int) -> str:
    for paragraph in linter.analyse(text).paragraphs:
        for lo, hi in paragraph.sentences:
            if lo <= start < hi:
                return " ".join(text[lo:max(hi, end)].split())
    return " ".join(text[start:end].split())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA)
    parser.add_argument("--show", metavar="RULE",
                        help="print every match of this rule id (or category) with its sentence")
    parser.add_argument("--min-severity", choices=SEVERITIES, default="info")
    parser.add_argument("--top", type=int, default=0,
                        help="only list the N most frequent rules (default: all)")
    args = parser.parse_args(argv)

    from standout import Linter
    from standout.config import UserConfig

    linter = Linter(config=UserConfig())  # built-in rules only, never the user's config
    documents = load_documents(args.corpora)

    words: Counter[str] = Counter()
    found: Counter[str] = Counter()
    flagged: Counter[str] = Counter()  # documents with at least one finding
    warned: Counter[str] = Counter()  # ... with at least one warning or error
    docs: Counter[str] = Counter()
    scores: dict[str, list[int]] = defaultdict(list)
    per_rule: dict[str, Counter[str]] = defaultdict(Counter)
    rule_docs: dict[str, set[str]] = defaultdict(set)
    per_category: dict[str, Counter[str]] = defaultdict(Counter)
    severity_of_rule: dict[str, Counter[str]] = defaultdict(Counter)
    by_folder: dict[str, Counter[str]] = defaultdict(Counter)  # folder/kind -> counts
    shown = 0

    for document in documents:
        context = {"question": document.question} if document.question else None
        report = linter.check(document.text, context, min_severity=args.min_severity)
        kind = document.kind
        docs[kind] += 1
        words[kind] += report.stats["words"]
        found[kind] += len(report.findings)
        scores[kind].append(report.score)
        if report.findings:
            flagged[kind] += 1
        if any(f.severity in ("error", "warning") for f in report.findings):
            warned[kind] += 1
        group = by_folder[f"{document.name.split('/')[0]}/{kind}"]
        group["docs"] += 1
        group["flagged"] += bool(report.findings)
        group["findings"] += len(report.findings)
        group["words"] += report.stats["words"]
        group["score"] += report.score
        for finding in report.findings:
            per_rule[finding.rule][kind] += 1
            rule_docs[finding.rule].add(document.name)
            per_category[finding.category][kind] += 1
            severity_of_rule[finding.rule][finding.severity] += 1
            if args.show and (finding.rule == args.show or finding.category == args.show):
                shown += 1
                sentence = sentence_around(linter, document.text, finding.start, finding.end)
                print(f"{document.name} [{kind}] {finding.rule} {finding.severity}: "
                      f"«{finding.text}»\n    {sentence}")

    if args.show:
        print(f"\n{shown} matches of {args.show}")
        return 0

    total_docs = sum(docs.values())
    print(f"documents: {total_docs} ({docs['personal']} personal, {docs['sample']} sample)")
    print(f"rules: {len(linter.rulebook)}, phrase families: "
          f"{linter.rulebook.phrase_family_count()}")
    print()
    print(f"{'':28}{'personal':>12}{'sample':>12}{'all':>12}")

    def row(label: str, value) -> None:
        cells = [value(k) for k in ("personal", "sample", None)]
        print(f"{label:28}" + "".join(f"{c:>12}" for c in cells))

    def share(counter: Counter[str]):
        def cell(kind):
            n = counter[kind] if kind else sum(counter.values())
            d = docs[kind] if kind else total_docs
            return f"{100 * n / d:.0f}%" if d else "-"
        return cell

    def per_hundred(kind):
        n = found[kind] if kind else sum(found.values())
        w = words[kind] if kind else sum(words.values())
        return f"{100 * n / w:.2f}" if w else "-"

    def mean_score(kind):
        values = scores[kind] if kind else [s for v in scores.values() for s in v]
        return f"{statistics.mean(values):.1f}" if values else "-"

    row("with a finding", share(flagged))
    row("with a warning or error", share(warned))
    row("findings per 100 words", per_hundred)
    row("mean stand-out score", mean_score)
    row("words", lambda k: words[k] if k else sum(words.values()))

    print(f"\n{'by folder':28}{'docs':>8}{'flagged':>10}{'per 100w':>10}{'score':>8}")
    for name, group in sorted(by_folder.items()):
        print(f"  {name:26}{group['docs']:>8}{100 * group['flagged'] / group['docs']:>9.0f}%"
              f"{100 * group['findings'] / max(group['words'], 1):>10.2f}"
              f"{group['score'] / group['docs']:>8.1f}")

    print("\nper category (findings: personal / sample)")
    for category, counts in sorted(per_category.items(), key=lambda kv: -sum(kv[1].values())):
        print(f"  {category:24}{counts['personal']:>6}{counts['sample']:>6}")

    print("\nper rule (findings: personal / sample, documents, severities)")
    ranked = sorted(per_rule.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))
    if args.top:
        ranked = ranked[: args.top]
    for rule, counts in ranked:
        severities = ", ".join(f"{s} {n}" for s, n in sorted(severity_of_rule[rule].items()))
        print(f"  {rule:40}{counts['personal']:>6}{counts['sample']:>6}"
              f"{len(rule_docs[rule]):>6}  {severities}")
    silent = sorted(set(linter.rulebook.rules) - set(per_rule))
    print(f"\nrules with no match in the corpora: {len(silent)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
