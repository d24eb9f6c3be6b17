"""Training spaCy's bag-of-words text classifier on word lists, with a fixed seed."""

from __future__ import annotations

import random
from collections.abc import Sequence

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.training import Example
from spacy.util import fix_random_seed, minibatch

GENERIC, OTHER = "GENERIC", "OTHER"


def blank_textcat(ngram_size: int = 2, length: int = 2**18) -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("textcat", config={"model": {
        "@architectures": "spacy.TextCatBOW.v3",
        "exclusive_classes": True,
        "ngram_size": ngram_size,
        "no_output_layer": False,
        "length": length,
    }})
    return nlp


def doc_of(nlp: Language, words: Sequence[str]) -> Doc:
    return Doc(nlp.vocab, words=list(words) or ["-"])


def train(
    words: Sequence[Sequence[str]], labels: Sequence[bool], *, seed: int = 14,
    epochs: int = 12, dropout: float = 0.2, ngram_size: int = 2, length: int = 2**18,
) -> Language:
    fix_random_seed(seed)
    nlp = blank_textcat(ngram_size, length)
    textcat = nlp.get_pipe("textcat")
    for label in (GENERIC, OTHER):
        textcat.add_label(label)
    examples = [
        Example.from_dict(doc_of(nlp, w), {"cats": {GENERIC: float(g), OTHER: float(not g)}})
        for w, g in zip(words, labels, strict=True)
    ]
    nlp.initialize(lambda: examples)
    rng = random.Random(seed)
    order = list(range(len(examples)))
    for _ in range(epochs):
        rng.shuffle(order)
        for batch in minibatch([examples[i] for i in order], size=32):
            nlp.update(batch, drop=dropout, losses={})
    return nlp


def predict(nlp: Language, words: Sequence[Sequence[str]]) -> list[float]:
    textcat = nlp.get_pipe("textcat")
    docs = [doc_of(nlp, w) for w in words]
    if not docs:
        return []
    scores = textcat.predict(docs)
    index = textcat.labels.index(GENERIC)
    return [float(row[index]) for row in scores]
