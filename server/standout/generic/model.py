"""The trained generic-sentence classifier (models/generic/textcat), loaded once.

It is spaCy's bag-of-words text classifier (``spacy.TextCatBOW.v3``, word 1-3
grams hashed into 65,536 buckets), trained by ``training/generic/train.py`` on
the project's bank of sentences. It reads a sentence as its canonical words
(:mod:`.features`), plus a token counting the words no generic sentence of
the bank uses (``generic-vocabulary.txt``), and gives the probability that the sentence is generic.
Scoring a letter's 20 sentences in one batch costs about 0.3 ms.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from ..resources import models_dir
from .features import with_novelty

GENERIC = "GENERIC"
EMPTY = "-"  # a Doc needs a word; a sentence with none left is never judged anyway


class GenericModel:
    def __init__(self, path: Path) -> None:
        import spacy  # the pipeline already imported it; kept local for the schema tools

        self.nlp = spacy.load(path, exclude=["tokenizer"])  # it reads words, not text
        self.textcat = self.nlp.get_pipe("textcat")
        self.index = list(self.textcat.labels).index(GENERIC)
        self.vocabulary = _vocabulary(path.parent / "generic-vocabulary.txt")
        self._lock = threading.Lock()  # thinc models are not documented as thread-safe

    def scores(self, sentences: Sequence[Sequence[str]]) -> list[float]:
        """P(generic) for each sentence, given as canonical words."""
        if not sentences:
            return []
        from spacy.tokens import Doc

        vocab = self.nlp.vocab
        known = self.vocabulary
        docs = [Doc(vocab, words=list(with_novelty(words, known)) or [EMPTY])
                for words in sentences]
        with self._lock:
            predicted = self.textcat.predict(docs)
        column = predicted[:, self.index]
        return [float(value) for value in column.tolist()]


def _vocabulary(path: Path) -> frozenset[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


@cache
def bundled_model() -> GenericModel:
    return GenericModel(models_dir() / "generic" / "textcat")
