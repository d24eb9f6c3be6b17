"""The engine's posting reader: one per linter, shared by the posting checks and the report.

It reads each posting once (cached by its text, in its own paragraph cache so
postings never push letters out of the linter's), and compares a checked text
with it once per check: the checks that flag echoes, a letter with nothing
about the employer or another role, and the report's checklist all read the
same comparison. Nothing is loaded until the first posting arrives.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import TYPE_CHECKING

from ..analysis_cache import AnalysisCache
from .compare import Comparer, Comparison
from .model import PostingAnalysis

if TYPE_CHECKING:
    from spacy.language import Language

    from ..analysis import Analysis
    from ..context import Context
    from .analyser import PostingAnalyser

POSTING_PARAGRAPHS = 512  # paragraphs of postings kept (a posting has 10 to 40)
RECENT_COMPARISONS = 8


class PostingService:
    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp
        self._lock = threading.Lock()
        self._analyser: PostingAnalyser | None = None
        self._comparer: Comparer | None = None
        self._recent: OrderedDict[tuple[str, str, str], Comparison] = OrderedDict()

    def _parts(self) -> tuple[PostingAnalyser, Comparer]:
        with self._lock:
            if self._analyser is None or self._comparer is None:
                from .analyser import PostingAnalyser
                from .lexicon import lexicon

                cache = AnalysisCache(self.nlp, POSTING_PARAGRAPHS)
                self._analyser = PostingAnalyser(cache.analyse)
                self._comparer = Comparer(lexicon())
            return self._analyser, self._comparer

    def read(self, posting: str) -> PostingAnalysis:
        """The posting's analysis (cached by its text)."""
        return self._parts()[0](posting)

    def compare(self, analysis: Analysis, context: Context) -> Comparison | None:
        """The text compared with ``context.posting`` (``None`` without one)."""
        if not context.posting:
            return None
        key = (context.posting, context.company or "", analysis.text)
        with self._lock:
            found = self._recent.get(key)
            if found is not None:
                self._recent.move_to_end(key)
                return found
        analyser, comparer = self._parts()
        result = comparer(analyser(context.posting), analysis, context.company)
        with self._lock:
            self._recent[key] = result
            while len(self._recent) > RECENT_COMPARISONS:
                self._recent.popitem(last=False)
        return result

    def clear_cache(self) -> None:
        with self._lock:
            self._recent.clear()
            if self._comparer is not None:
                self._comparer.clear()
            if self._analyser is not None:
                self._analyser.clear()
