"""A random sample of the warnings and errors on the real personal letters, for a person to judge.

    .venv-test/bin/python bench/warning_sample.py               # 60 findings, seed 14
    .venv-test/bin/python bench/warning_sample.py --n 80 --seed 3
    .venv-test/bin/python bench/warning_sample.py --counts      # how many per rule, no text
    .venv-test/bin/python bench/warning_sample.py --rule generic.anyones-sentence --n 30

Precision on real writing is judged by reading: each sampled finding is printed
with its sentence and the sentence after it (claims often point forward), and a
careful reader marks it right, debatable or wrong. The sample is drawn from
every warning and error on the corpora's personal cover letters (no context:
the letters do not say which employer they were for), with a fixed seed so
that before and after a change can be compared on the same footing. The
corpora are evaluation data only: keep the printout in ``bench/results/``
(git-ignored), never copy its sentences anywhere.
"""

from __future__ import annotations

import argparse
import random
from collections import Counter

from corpora import corpora_dir
from corpus_eval import load_documents

WARNING_PLUS = ("warning", "error")


def sentence_pair(linter, text: str, start: int) -> tuple[str, str]:
    """The sentence holding ``start`` and the one after it (in the same text)."""
    sentences = list(linter.analyse(text).sentences)
    for k, (lo, hi) in enumerate(sentences):
        if lo <= start < hi:
            after = sentences[k + 1] if k + 1 < len(sentences) else (hi, hi)
            return " ".join(text[lo:hi].split()), " ".join(text[after[0]:after[1]].split())
    return "", ""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=60)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--counts", action="store_true", help="counts per rule only")
    parser.add_argument("--rule", help="sample only this rule's findings (e.g. one detector's)")
    args = parser.parse_args()

    from standout import Linter
    from standout.config import UserConfig

    linter = Linter(config=UserConfig())
    documents = [
        d for d in load_documents(corpora_dir())
        if d.kind == "personal" and d.name.startswith("cover_letters/")
    ]
    population = []
    for document in documents:
        report = linter.check(document.text)
        population += [(document, f) for f in report.findings if f.severity in WARNING_PLUS
                       and (args.rule is None or f.rule == args.rule)]
    per_rule = Counter(f.rule for _, f in population)
    print(f"{len(documents)} personal letters, {len(population)} warnings and errors "
          f"({sum(1 for _, f in population if f.severity == 'error')} errors)")
    if args.counts:
        for rule, n in per_rule.most_common():
            print(f"  {rule:44}{n:>5}")
        return 0
    chosen = random.Random(args.seed).sample(population, min(args.n, len(population)))
    for number, (document, finding) in enumerate(chosen, 1):
        sentence, after = sentence_pair(linter, document.text, finding.start)
        print(f"\n{number}. {document.name} {finding.severity} {finding.rule}: «{finding.text}»")
        print(f"   {sentence}")
        if after:
            print(f"   next: {after}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
