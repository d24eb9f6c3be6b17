"""Specifics: the numbers, dates, named things and concrete actions in a text.

They raise the stand-out score, and a specific in the same sentence as a claim
counts as evidence for it (docs/score.md). Without a statistical model, a named
thing is a capitalized word that is not at the start of a sentence and not one
of the words capitalized by convention (models/wordlists/generic-capitalized.txt).
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..resources import wordlist

SPECIFICS_KEY = "specifics"
NUMBER, DATE, NAME, ACTION = "NUMBER", "DATE", "NAME", "ACTION"
YEAR = re.compile(r"^(?:19[5-9]\d|20[0-4]\d)(?:s|'s)?$")
NAME_JOINERS = {"of", "&", "de", "-"}
ACTION_SUBJECTS = {"i", "we"}
ACTION_BRIDGES = {"have", "had", "'ve", "’ve", "'d", "’d", "then", "also", "personally", "once"}


class Specifics:
    def __init__(self, name: str) -> None:
        self.name = name
        self.number_words = set(wordlist("number-words"))
        self.dates = set(wordlist("dates"))
        self.generic = set(wordlist("generic-capitalized"))
        self.actions = set(wordlist("action-verbs"))

    def __call__(self, doc: Doc) -> Doc:
        spans: list[Span] = []
        name_start: int | None = None
        name_end = 0
        for token in doc:
            text = token.text
            lower = token.lower_
            label = None
            if token.is_space or token.is_punct:
                pass
            elif any(ch.isdigit() for ch in text):
                label = DATE if YEAR.match(text) else NUMBER
            elif lower in self.number_words:
                label = NUMBER
            elif lower in self.dates and text[:1].isupper():
                label = DATE
            elif lower in self.actions and self._after_subject(token):
                label = ACTION
            elif self._looks_named(token, lower):
                if name_start is None:
                    name_start = token.i
                name_end = token.i + 1
                continue
            if name_start is not None and not (
                lower in NAME_JOINERS and token.i + 1 < len(doc)
                and self._looks_named(doc[token.i + 1], doc[token.i + 1].lower_)
            ):
                spans.append(Span(doc, name_start, name_end, label=NAME))
                name_start = None
            if label is not None:
                spans.append(Span(doc, token.i, token.i + 1, label=label))
        if name_start is not None:
            spans.append(Span(doc, name_start, name_end, label=NAME))
        doc.spans[SPECIFICS_KEY] = spans
        return doc

    def _looks_named(self, token, lower: str) -> bool:
        text = token.text
        if not text[:1].isalpha() or len(text) < 2 or lower in self.generic:
            return False
        capitalized = text[0].isupper() or any(ch.isupper() for ch in text[1:])
        if not capitalized:
            return False
        if token.is_sent_start:
            # Only acronyms and mixed case (AWS, GitHub) count at a sentence start.
            return text.isupper() or any(ch.isupper() for ch in text[1:])
        return True

    def _after_subject(self, token) -> bool:
        doc = token.doc
        i = token.i - 1
        steps = 0
        while i >= 0 and steps < 3:
            word = doc[i]
            lower = word.lower_
            if lower in ACTION_SUBJECTS:
                return True
            if not (lower in ACTION_BRIDGES or lower.endswith("ly") or word.is_space):
                return False
            i -= 1
            steps += 1
        return False


@Language.factory("standout_specifics")
def make_specifics(nlp: Language, name: str) -> Specifics:
    return Specifics(name)
