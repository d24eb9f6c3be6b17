"""Compare the generic-sentence options on the blind dev set: accuracy and speed.

    .venv-test/bin/python training/generic/options.py

Each option is trained on the bank in memory (same seed as train.py) and
scored on the dev set's sentences (a sentence is generic when it overlaps a
marked phrase). Only the dev set is read.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import knn
import textcat
from data import bank_items, cross_fitted_novelty, dev_sentences, generic_vocabulary, linter
from metrics import report
from train import FOLDS, SETTINGS

from standout.generic.features import with_novelty


def timed(fn, batches, repeat=5):
    """Median ms to score one letter's sentences (a batch of about 18)."""
    times = []
    for _ in range(repeat):
        for batch in batches:
            t = time.perf_counter()
            fn(batch)
            times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def main() -> None:
    lint = linter()
    items = bank_items(lint)
    dev = dev_sentences(lint)
    bags = [i.words for i in items]
    labels = [i.generic for i in items]
    dev_bags = [d.view.words for d in dev]
    letters: dict[str, list] = {}
    for d in dev:
        letters.setdefault(d.name, []).append(d.view.words)
    batches = [b for n, b in letters.items() if not n.startswith("trap")]
    results = {}

    results["length only (shorter = generic)"] = report(
        dev, [1 / (1 + len(b)) for b in dev_bags])
    for ngram in (1, 2, 3):
        t = time.perf_counter()
        nlp = textcat.train(bags, labels, ngram_size=ngram)
        train_s = time.perf_counter() - t
        scores = textcat.predict(nlp, dev_bags)
        r = report(dev, scores)
        r["train_s"] = round(train_s, 1)
        r["ms_per_letter"] = round(timed(lambda b, nlp=nlp: textcat.predict(nlp, b), batches), 3)
        results[f"textcat BOW ngram {ngram}"] = r
    vocabulary = generic_vocabulary(items)
    nlp = textcat.train(cross_fitted_novelty(items, FOLDS), labels, **SETTINGS)
    novel_bags = [with_novelty(b, vocabulary) for b in dev_bags]
    r = report(dev, textcat.predict(nlp, novel_bags))
    r["ms_per_letter"] = round(timed(
        lambda b: textcat.predict(nlp, [with_novelty(x, vocabulary) for x in b]), batches), 3)
    results["shipped: textcat BOW 1-3 grams, 2**16 buckets, + novelty token"] = r
    for name, weights in (("bank idf", knn.idf_weights(bags)),
                          ("wordfreq", knn.wordfreq_weights(bags))):
        for k in (10, 25):
            nn = knn.Neighbours(bags, labels, weights, k=k)
            r = report(dev, [nn.score(b) for b in dev_bags])
            r["ms_per_letter"] = round(timed(lambda b, nn=nn: [nn.score(x) for x in b],
                                             batches), 3)
            results[f"knn {name} k={k}"] = r
    print(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
