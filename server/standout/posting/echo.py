"""Sentences that copy the posting back.

A sentence echoes the posting when it shares a run of ``RUN`` canonical words
with one of the posting's sentences or items in its about part and its asks
(the run must hold two words that are not everyday English, or one rare one,
so "I would love to hear from you" is never an echo), or when a run of at
least ``LINE_RUN`` words covers ``LINE_SHARE`` of one ask's line ("Ability to
prioritise and stay calm on a busy ward"). Short shared terms ("SQL",
"customer success") are never runs that long.
Canonical words are the engine's (lemmas, intensifiers and hyphens dropped),
so "I am comfortable writing automated tests" meets "Comfortable writing
automated tests" whatever the tense or the spelling.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from .lexicon import Lexicon

RUN = 6
LINE_RUN = 4
LINE_SHARE = 0.75
# A copied run must hold two words rarer than TELLING_ZIPF ("property management",
# not "love to hear") or one rarer than RARE_ZIPF.
TELLING_ZIPF = 5.3
RARE_ZIPF = 5.0


@dataclass(frozen=True)
class EchoIndex:
    """The posting's word runs, built once per posting."""

    grams: frozenset[tuple[str, ...]]
    line_grams: dict[tuple[str, ...], tuple[int, ...]]  # LINE_RUN-gram -> asks holding it
    ask_streams: tuple[tuple[str, ...], ...]
    telling: frozenset[str]  # the posting's words that make a run worth calling a copy
    rare: frozenset[str] = frozenset()  # ... even alone

    @classmethod
    def build(
        cls, pieces: Sequence[Sequence[str]], ask_streams: Sequence[Sequence[str]],
        lexicon: Lexicon, frame_words: frozenset[str],
    ) -> EchoIndex:
        grams = {tuple(p[i : i + RUN]) for p in pieces for i in range(len(p) - RUN + 1)}
        line_grams: dict[tuple[str, ...], set[int]] = defaultdict(set)
        for number, line in enumerate(ask_streams):
            for i in range(len(line) - LINE_RUN + 1):
                line_grams[tuple(line[i : i + LINE_RUN])].add(number)
        vocabulary = {w for p in pieces for w in p}
        telling = {
            w for w in vocabulary
            if w.isalpha() and w not in lexicon.function_words and w not in frame_words
            and lexicon.zipf(w) < TELLING_ZIPF
        }
        return cls(
            grams=frozenset(grams),
            line_grams={k: tuple(sorted(v)) for k, v in line_grams.items()},
            ask_streams=tuple(tuple(s) for s in ask_streams),
            telling=frozenset(telling),
            rare=frozenset(w for w in telling if lexicon.zipf(w) < RARE_ZIPF),
        )

    def worth_a_copy(self, run: Sequence[str]) -> bool:
        telling = {w for w in run if w in self.telling}
        return len(telling) >= 2 or any(w in self.rare for w in telling)


@dataclass(frozen=True)
class Echo:
    """A copied run inside one sentence: word positions ``[first, last]`` of it."""

    first: int
    last: int
    ask: int | None  # the ask whose line it copies most of, when that is the reason


def find_echo(forms: Sequence[str], index: EchoIndex) -> Echo | None:
    """The longest copied run in one sentence's canonical words, or ``None``."""
    best: Echo | None = None
    best_length = 0
    n = len(forms)
    i = 0
    while i + RUN <= n:
        if tuple(forms[i : i + RUN]) in index.grams:
            j = i
            while j + RUN < n and tuple(forms[j + 1 : j + 1 + RUN]) in index.grams:
                j += 1
            run = forms[i : j + RUN]
            if index.worth_a_copy(run) and len(run) > best_length:
                best, best_length = Echo(i, j + RUN - 1, None), len(run)
            i = j + 1
        else:
            i += 1
    candidates: set[int] = set()
    for k in range(n - LINE_RUN + 1):
        candidates.update(index.line_grams.get(tuple(forms[k : k + LINE_RUN]), ()))
    for ask in sorted(candidates):
        line = index.ask_streams[ask]
        length, end = _longest_common_run(forms, line)
        if length >= LINE_RUN and length >= LINE_SHARE * len(line) and length > best_length:
            best, best_length = Echo(end - length + 1, end, ask), length
    return best


def _longest_common_run(a: Sequence[str], b: Sequence[str]) -> tuple[int, int]:
    """(length, end position in ``a``) of the longest run of words shared by a and b."""
    best, best_end = 0, -1
    previous = [0] * (len(b) + 1)
    for i, x in enumerate(a):
        current = [0] * (len(b) + 1)
        for j, y in enumerate(b, 1):
            if x == y:
                current[j] = previous[j - 1] + 1
                if current[j] > best:
                    best, best_end = current[j], i
        previous = current
    return best, best_end
