"""One answer reader and one ask reader per pipeline, shared by the checks that use them,
each remembering its last reading: the checks of one text read it once."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from .answers import AnswerReader, AnswerShape
from .asks import AskList, AskReader

if TYPE_CHECKING:
    from spacy.language import Language

    from ..analysis import Analysis

_lock = threading.Lock()
_answers: WeakKeyDictionary[Language, SharedAnswers] = WeakKeyDictionary()
_asks: WeakKeyDictionary[Language, SharedAsks] = WeakKeyDictionary()


class SharedAnswers:
    def __init__(self, nlp: Language) -> None:
        self.reader = AnswerReader(nlp)
        self._last: tuple[Analysis, AnswerShape] | None = None
        self._lock = threading.Lock()

    def read(self, analysis: Analysis) -> AnswerShape:
        with self._lock:
            last = self._last
        if last is not None and last[0] is analysis:
            return last[1]
        shape = self.reader.read(analysis)
        with self._lock:
            self._last = (analysis, shape)
        return shape


class SharedAsks:
    def __init__(self, nlp: Language) -> None:
        self.reader = AskReader(nlp)
        self._last: tuple[Analysis, tuple[tuple[int, int], ...], AskList] | None = None
        self._lock = threading.Lock()

    def read(self, analysis: Analysis, company: Sequence[tuple[int, int]]) -> AskList:
        spans = tuple(company)
        with self._lock:
            last = self._last
        if last is not None and last[0] is analysis and last[1] == spans:
            return last[2]
        asks = self.reader.read(analysis, spans)
        with self._lock:
            self._last = (analysis, spans, asks)
        return asks


def answers_for(nlp: Language) -> SharedAnswers:
    with _lock:
        shared = _answers.get(nlp)
        if shared is None:
            shared = _answers[nlp] = SharedAnswers(nlp)
        return shared


def asks_for(nlp: Language) -> SharedAsks:
    with _lock:
        shared = _asks.get(nlp)
        if shared is None:
            shared = _asks[nlp] = SharedAsks(nlp)
        return shared
