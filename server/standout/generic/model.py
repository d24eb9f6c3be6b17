"""The trained generic-sentence classifier (models/generic/textcat), loaded once.

It is spaCy's bag-of-words text classifier (``spacy.TextCatBOW.v3``, word 1-3
grams hashed into 65,536 buckets), trained by ``training/generic/train.py`` on
the project's bank of sentences. It reads a sentence as its canonical words
(:mod:`.features`), plus a token counting the words no generic sentence of the
bank uses (``generic-vocabulary.txt``), and gives the probability that the
sentence is generic.

The folder is an ordinary spaCy pipeline (``spacy.load`` reads it), but only
its weights are loaded here, straight from the config: building the pipeline
would also build an English tokenizer the model never uses (0.3 s of start-up,
against 25 ms). Scoring does what the classifier's first layer
(``extract_ngrams``) does, for a whole batch of word lists at once instead of
one spaCy Doc per sentence: the same n-gram keys (the words' string hashes,
n-grams hashed by thinc's ``ops.ngrams``) and counts, fed to the same weights.
A test holds the two equal. A letter's 20 sentences cost about 0.1 ms.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Sequence
from functools import cache
from itertools import chain
from pathlib import Path

import numpy

from ..resources import models_dir
from .features import with_novelty

GENERIC = "GENERIC"
EMPTY = "-"  # a sentence with no words left is scored as this one word (it is never judged)


class GenericModel:
    def __init__(self, path: Path) -> None:
        from spacy import registry
        from spacy.strings import get_string_id
        from thinc.api import Config

        config = Config().from_disk(path / "config.cfg", interpolate=False)
        settings = config["components"]["textcat"]["model"]
        self.model = registry.resolve({"model": settings})["model"]
        self.model.from_disk(path / "textcat" / "model")
        self.ngram_size = int(settings["ngram_size"])
        self.linear = self.model.get_ref("output_layer")  # the hashed n-gram weights
        self.output = self.model.layers[-1]  # softmax
        self.ops = self.linear.ops
        labels = json.loads((path / "textcat" / "cfg").read_text(encoding="utf-8"))["labels"]
        self.index = labels.index(GENERIC)
        self.vocabulary = _vocabulary(path.parent / "generic-vocabulary.txt")
        self._hashes = _Hashes(get_string_id)
        self._lock = threading.Lock()  # thinc models are not documented as thread-safe

    def scores(self, sentences: Sequence[Sequence[str]]) -> list[float]:
        """P(generic) for each sentence, given as canonical words."""
        if not sentences:
            return []
        keys, counts, lengths = self._features(
            [with_novelty(words, self.vocabulary) or (EMPTY,) for words in sentences])
        with self._lock:
            predicted = self.output.predict(self.linear.predict((keys, counts, lengths)))
        return [float(value) for value in predicted[:, self.index].tolist()]

    def _features(self, sentences: list[tuple[str, ...]]):
        """What ``extract_ngrams`` gives for these sentences: each one's distinct n-gram
        keys with their counts, concatenated, and how many keys each sentence has."""
        # Each word's hash, in one C-level pass (a word not seen before is hashed once).
        words = list(map(self._hashes.__getitem__, chain.from_iterable(sentences)))
        unigrams = numpy.array(words, dtype="uint64")
        sizes = numpy.array([len(s) for s in sentences])
        owner = numpy.repeat(numpy.arange(len(sentences)), sizes)  # sentence of each word
        first = numpy.concatenate(([0], numpy.cumsum(sizes)[:-1]))
        position = numpy.arange(len(words)) - first[owner]  # the word's place in its sentence
        keys, owners = [unigrams], [owner]
        for n in range(2, self.ngram_size + 1):
            if len(words) < n:
                break
            grams = numpy.asarray(self.ops.ngrams(n, unigrams))  # starting at each word
            inside = position[: len(grams)] + n <= sizes[owner[: len(grams)]]
            keys.append(grams[inside])
            owners.append(owner[: len(grams)][inside])
        every_key = numpy.concatenate(keys)
        every_owner = numpy.concatenate(owners)
        order = numpy.lexsort((every_key, every_owner))
        every_key, every_owner = every_key[order], every_owner[order]
        new = numpy.ones(len(every_key), dtype=bool)
        new[1:] = (every_key[1:] != every_key[:-1]) | (every_owner[1:] != every_owner[:-1])
        starts = numpy.flatnonzero(new)
        counts = numpy.diff(numpy.append(starts, len(every_key))).astype("f")
        lengths = numpy.bincount(every_owner[starts], minlength=len(sentences)).astype("int32")
        return every_key[starts], counts, lengths


class _Hashes(dict[str, int]):
    """Words and their string hashes, each hashed when first asked for."""

    def __init__(self, hash_of: Callable[[str], int]) -> None:
        super().__init__()
        self._hash_of = hash_of

    def __missing__(self, word: str) -> int:
        value = self[word] = self._hash_of(word)
        return value


def _vocabulary(path: Path) -> frozenset[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


@cache
def generic_vocabulary() -> frozenset[str]:
    """Every canonical word the bank's generic sentences use (without loading the model)."""
    return _vocabulary(models_dir() / "generic" / "generic-vocabulary.txt")


@cache
def bundled_model() -> GenericModel:
    return GenericModel(models_dir() / "generic" / "textcat")
