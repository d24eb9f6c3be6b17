"""Paragraph analyses kept by their text, so an edit re-runs spaCy on one paragraph.

Each paragraph's analysis is context-free (see :mod:`standout.analysis`), so it
is kept, least recently used first out, and reused whenever that paragraph
comes back unchanged. The cache is bounded by bytes (``max_bytes``, estimated
by :func:`paragraph_bytes`) as well as by count: paragraphs differ in size by a
thousand times.

The paragraphs not seen yet are analysed in spaCy passes of at most
``BATCH_CHARS`` characters each (one pass for a letter), outside any lock:
a one-sentence check from the extension never waits for a megabyte pasted in
another tab, and between two passes the check's budget is consulted
(:mod:`standout.budget`), so a check that ran out of time or lost its client
stops there. Two threads that meet the same new paragraph at once may both
analyse it; the results are equal and one of them is kept.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator, Sequence

from spacy.language import Language

from .analysis import Analysis, ParagraphAnalysis
from .bounded_cache import MIB, BoundedCache
from .budget import checkpoint
from .paragraph_breaks import split_paragraphs
from .spacy_pass import spacy_pass

DEFAULT_MAX_BYTES = 48 * MIB
DEFAULT_MAX_ENTRIES = 4096
# New paragraphs are analysed this many characters at a time at most (a paragraph is
# at most paragraph_breaks.MAX_PARAGRAPH long): large enough that a letter is one pass.
BATCH_CHARS = 40_000


class AnalysisCache:
    """The paragraph analyses of the texts checked lately; thread-safe."""

    def __init__(self, nlp: Language, size: int = DEFAULT_MAX_ENTRIES,
                 max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self.nlp = nlp
        self.size = size
        self.hits = 0
        self.misses = 0
        self._entries: BoundedCache[ParagraphAnalysis] = BoundedCache(max_bytes, size)
        self._counts = threading.Lock()

    @property
    def bytes(self) -> int:
        """What the cached analyses hold, as estimated (``/v1/health`` reports it)."""
        return self._entries.bytes

    def __len__(self) -> int:
        return len(self._entries)

    def analyse(self, text: str) -> Analysis:
        """The text's paragraph analyses: cached ones reused, the rest analysed in passes."""
        pieces = list(split_paragraphs(text))
        known: dict[str, ParagraphAnalysis] = {}
        for _, paragraph in pieces:
            if paragraph not in known:
                cached = self._entries.get(paragraph)
                if cached is not None:
                    known[paragraph] = cached
        new = list(dict.fromkeys(p for _, p in pieces if p not in known))
        with self._counts:
            self.hits += len(pieces) - len(new)
            self.misses += len(new)
        for batch in _batches(new):
            checkpoint()
            for paragraph, result in zip(batch, spacy_pass(self.nlp, batch), strict=True):
                known[paragraph] = result
                self._entries.put(paragraph, result, paragraph_bytes(result))
        return Analysis(
            text, tuple(known[paragraph].shifted(offset) for offset, paragraph in pieces)
        )

    def clear(self) -> None:
        self._entries.clear()


def _batches(paragraphs: Sequence[str]) -> Iterator[list[str]]:
    batch: list[str] = []
    size = 0
    for paragraph in paragraphs:
        if batch and size + len(paragraph) > BATCH_CHARS:
            yield batch
            batch, size = [], 0
        batch.append(paragraph)
        size += len(paragraph)
    if batch:
        yield batch


def paragraph_bytes(analysis: ParagraphAnalysis) -> int:
    """About what ``analysis`` holds in memory, in bytes.

    Calibrated with tracemalloc and a deep ``sys.getsizeof`` walk on letters'
    paragraphs and on 20,000-character ones (within 15%, usually within 5%): a
    canonical word is a tuple of three, a match or specific a small dataclass.
    """
    return (
        1_200
        + sys.getsizeof(analysis.text)
        + 140 * len(analysis.canonical_words)
        + 330 * len(analysis.matches)
        + 8 * sum(len(match.evidence) for match in analysis.matches)
        + 250 * (len(analysis.specifics) + len(analysis.mentions))
        + 120 * len(analysis.sentences)
        + 100 * len(analysis.generic_references)
    )
