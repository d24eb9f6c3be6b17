"""Paragraph analyses kept by their text, so an edit re-runs spaCy on one paragraph.

Each paragraph's analysis is context-free (see :mod:`standout.analysis`), so it
is kept, least recently used first out, and reused whenever that paragraph
comes back unchanged. The paragraphs not seen yet are analysed together in one
spaCy pass.
"""

from __future__ import annotations

import threading
from collections import OrderedDict

from spacy.language import Language

from .analysis import Analysis, ParagraphAnalysis
from .paragraph_breaks import split_paragraphs
from .spacy_pass import spacy_pass


class AnalysisCache:
    """The paragraph analyses of the texts checked lately; thread-safe."""

    def __init__(self, nlp: Language, size: int = 4096) -> None:
        self.nlp = nlp
        self.size = size
        self.hits = 0
        self.misses = 0
        self._entries: OrderedDict[str, ParagraphAnalysis] = OrderedDict()
        self._lock = threading.Lock()

    def analyse(self, text: str) -> Analysis:
        """The text's paragraph analyses: cached ones reused, the rest analysed in one pass."""
        pieces = list(split_paragraphs(text))
        with self._lock:
            entries = self._entries
            known: dict[str, ParagraphAnalysis] = {}
            for _, paragraph in pieces:
                if paragraph in known:
                    continue
                cached = entries.get(paragraph)
                if cached is not None:
                    entries.move_to_end(paragraph)
                    known[paragraph] = cached
            new = list(dict.fromkeys(p for _, p in pieces if p not in known))
            self.hits += len(pieces) - len(new)
            self.misses += len(new)
            if new:
                for paragraph, result in zip(new, spacy_pass(self.nlp, new), strict=True):
                    known[paragraph] = result
                    if self.size:
                        entries[paragraph] = result
                while len(entries) > self.size:
                    entries.popitem(last=False)
        return Analysis(
            text, tuple(known[paragraph].shifted(offset) for offset, paragraph in pieces)
        )

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
