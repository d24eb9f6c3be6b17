"""The trained generic-sentence classifier (models/generic/textcat), loaded once.

It is spaCy's bag-of-words text classifier (``spacy.TextCatBOW.v3``, word 1-3
grams hashed into 65,536 buckets), trained by ``training/generic/train.py`` on
the project's bank of sentences. It reads a sentence as its canonical words
(:mod:`.features`), plus a token counting the words no generic sentence of the
bank uses (``generic-vocabulary.txt``), and gives the probability that the
sentence is generic. Scoring a letter's 20 sentences in one batch costs about
0.1-0.3 ms.

The folder is an ordinary spaCy pipeline (``spacy.load`` reads it), but only
its text classifier is loaded here, straight from the config and the weights:
building the pipeline would also build an English tokenizer the model never
uses (0.3 s of start-up, against 25 ms).
"""

from __future__ import annotations

import json
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
        from spacy import registry
        from spacy.vocab import Vocab
        from thinc.api import Config

        config = Config().from_disk(path / "config.cfg", interpolate=False)
        self.model = registry.resolve({"model": config["components"]["textcat"]["model"]})[
            "model"]
        self.model.from_disk(path / "textcat" / "model")
        labels = json.loads((path / "textcat" / "cfg").read_text(encoding="utf-8"))["labels"]
        self.index = labels.index(GENERIC)
        self.vocab = Vocab()  # the model hashes words (ORTH); it needs no lexemes
        self.vocabulary = _vocabulary(path.parent / "generic-vocabulary.txt")
        self._lock = threading.Lock()  # thinc models are not documented as thread-safe

    def scores(self, sentences: Sequence[Sequence[str]]) -> list[float]:
        """P(generic) for each sentence, given as canonical words."""
        if not sentences:
            return []
        from spacy.tokens import Doc

        known = self.vocabulary
        docs = [Doc(self.vocab, words=list(with_novelty(words, known)) or [EMPTY])
                for words in sentences]
        with self._lock:
            predicted = self.model.predict(docs)
        return [float(value) for value in predicted[:, self.index].tolist()]


def _vocabulary(path: Path) -> frozenset[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


@cache
def bundled_model() -> GenericModel:
    return GenericModel(models_dir() / "generic" / "textcat")
