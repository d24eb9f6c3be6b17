"""Rarity-weighted nearest neighbours over the bank (the sample detector's idea)."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence


def idf_weights(bags: Sequence[Sequence[str]]) -> dict[str, float]:
    sets = [set(b) for b in bags]
    total = len(sets)
    df = Counter(w for s in sets for w in s)
    scale = math.log(1 + total)
    return {w: math.log(1 + total / c) / scale for w, c in df.items()}


def wordfreq_weights(bags: Sequence[Sequence[str]]) -> dict[str, float]:
    from wordfreq import zipf_frequency

    vocab = {w for b in bags for w in b}
    return {w: max(0.05, (8.0 - zipf_frequency(w, "en")) / 8.0) for w in vocab}


class Neighbours:
    def __init__(self, bags: Sequence[Sequence[str]], labels: Sequence[bool],
                 weights: dict[str, float], k: int = 10) -> None:
        self.sets = [frozenset(b) for b in bags]
        self.labels = list(labels)
        self.weights = weights
        self.k = k
        self.index: dict[str, list[int]] = defaultdict(list)
        for i, s in enumerate(self.sets):
            for w in s:
                self.index[w].append(i)
        self.mass = [sum(weights.get(w, 1.0) for w in s) for s in self.sets]

    def score(self, bag: Sequence[str]) -> float:
        query = frozenset(bag)
        weight: Callable[[str], float] = lambda w: self.weights.get(w, 1.0)  # noqa: E731
        qmass = sum(weight(w) for w in query)
        if not qmass:
            return 0.5
        shared: Counter[int] = Counter()
        for w in query:
            for i in self.index.get(w, ()):
                shared[i] += weight(w)
        sims = sorted(((2 * v / (qmass + self.mass[i]), i) for i, v in shared.items()),
                      reverse=True)[: self.k]
        total = sum(s for s, _ in sims)
        if not total:
            return 0.5
        return sum(s for s, i in sims if self.labels[i]) / total
