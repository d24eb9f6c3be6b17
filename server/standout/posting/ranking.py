"""Which asks matter most: requirements over nice-to-haves, rare terms over common ones.

An ask's weight is its section's weight times how distinctive its best term is
(wordfreq, see :mod:`.lexicon`), with a little for each further term. The top
list is picked greedily, and an ask whose anchors a higher one already holds
("maintain the Python services" after "3+ years of Python") counts half: the
checklist should cover eight different things, not one thing eight times.
"""

from __future__ import annotations

from collections.abc import Sequence

from .model import Ask, Term

TOP_ASKS = 8
SECTION_WEIGHT = {"requirements": 1.0, "responsibilities": 0.8, "nice_to_have": 0.45}
REPEAT_FACTOR = 0.5


def ask_weight(section: str, terms: Sequence[Term]) -> float:
    if not terms:
        return 0.0
    values = sorted((t.weight for t in terms), reverse=True)
    distinct = values[0] + 0.15 * sum(values[1:3])
    return round(SECTION_WEIGHT.get(section, 0.5) * distinct, 4)


def top_asks(asks: Sequence[Ask], limit: int = TOP_ASKS) -> tuple[int, ...]:
    """Indices of the best ``limit`` asks, best first."""
    chosen: list[int] = []
    held: set[str] = set()
    left = set(range(len(asks)))
    while left and len(chosen) < limit:
        def value(i: int) -> tuple[float, int]:
            ask = asks[i]
            anchors = {a for t in ask.terms for a in (t.anchors or [t.stems])}
            repeat = bool(anchors) and anchors <= held
            return (ask.weight * (REPEAT_FACTOR if repeat else 1.0), -i)

        best = max(left, key=value)
        if asks[best].weight <= 0:
            break
        chosen.append(best)
        left.discard(best)
        held.update(a for t in asks[best].terms for a in (t.anchors or [t.stems]))
    return tuple(chosen)
