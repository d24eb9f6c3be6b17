"""The last word on rule matches: antipatterns, and matches that are not a use of the phrase.

Runs after every matching component (phrase, token and regex rules), so what it
drops is dropped for every kind of rule.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc

from ..rulebook import Rule
from . import keys


class Antipatterns:
    """Drops rule matches that an antipattern cancels, or that are not a use of the phrase.

    Runs after every matching component, so this works for phrase, token and
    regex rules alike. A match goes when it overlaps one of its rule's
    antipatterns ("outside the box office" is not a cliché); when it begins or
    ends inside a hyphenated word ("driven professional" in "results-driven
    professional" is the other rule's business); when it is quoted ('the
    "fast learner" mode'); or when it is part of a longer name in title case
    ("the Hard Worker Series", "our Team Player Award").
    """

    def __init__(self, name: str) -> None:
        self.name = name
        self.literal: frozenset[str] = frozenset()  # rules whose matches are never a name

    def add_rules(self, rules: Iterable[Rule]) -> None:
        """Regex rules (placeholders such as "[Company Name]") match shapes, not phrases:
        they are matched inside quotes and title case too."""
        self.literal = frozenset(rule.id for rule in rules)

    def __call__(self, doc: Doc) -> Doc:
        if keys.RULE_MATCHES not in doc.spans:
            return doc
        anti = doc.user_data.get(keys.ANTIPATTERNS) or {}
        spans = doc.spans[keys.RULE_MATCHES]
        kept = [
            span for span in spans
            if not any(s < span.end and span.start < e for s, e in anti.get(span.label_, ()))
            and not _inside_hyphenated(doc, span.start, span.end)
            and (span.label_ in self.literal or not (
                _quoted(doc, span.start, span.end) or _in_a_name(doc, span.start, span.end)))
        ]
        if len(kept) != len(spans):
            doc.spans[keys.RULE_MATCHES] = kept
        return doc


QUOTES = {'"', "'", "“", "”", "‘", "’", "«", "»"}


def _quoted(doc: Doc, start: int, end: int) -> bool:
    """A phrase in quotation marks is mentioned, not used: 'the "fast learner" mode'."""
    return (start > 0 and end < len(doc) and doc[start - 1].text in QUOTES
            and doc[end].text in QUOTES and not doc[start - 1].whitespace_
            and not doc[end - 1].whitespace_)


def _title_case(text: str) -> bool:
    return text[:1].isupper() and not text.isupper()


def _in_a_name(doc: Doc, start: int, end: int) -> bool:
    """Title-case words running on past the match, mid-sentence: "the Hard Worker Series"."""
    words = [t.text for t in doc[start:end] if t.is_alpha]
    if not words or not all(_title_case(w) for w in words) or doc[start].is_sent_start:
        return False
    before = doc[start - 1] if start > 0 else None
    after = doc[end] if end < len(doc) else None
    return any(t is not None and t.is_alpha and _title_case(t.text) and not t.is_sent_start
               for t in (before, after))


def _inside_hyphenated(doc: Doc, start: int, end: int) -> bool:
    """Whether tokens ``[start, end)`` begin or end inside a hyphenated word."""
    if start >= 2 and doc[start - 1].text == "-":
        hyphen, before = doc[start - 1], doc[start - 2]
        if not hyphen.whitespace_ and not before.whitespace_ and before.is_alpha and (
                doc[start].is_alpha):
            return True
    if end + 1 < len(doc) and doc[end].text == "-":
        last, hyphen = doc[end - 1], doc[end]
        if not last.whitespace_ and not hyphen.whitespace_ and last.is_alpha and (
                doc[end + 1].is_alpha):
            return True
    return False


@Language.factory("standout_antipatterns")
def make_antipatterns(nlp: Language, name: str) -> Antipatterns:
    return Antipatterns(name)
