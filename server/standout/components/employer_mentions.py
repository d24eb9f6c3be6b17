"""Where a text names the employer it is addressed to.

"the analyst position at Globex", "join Globex", "Globex's mission": the name
after (or before) a trigger phrase is the employer the sentence is aimed at,
unless the words just before the trigger make it the writer's own past or
present job ("my previous role at Globex").
The employer checks (``checks/employer.py``) compare these with the target company
given as context; the generic stand-ins ("your company") found here are where
``employer.missing`` points when the name should have been.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from ..resources import wordlist
from ..rulebook import Rule, expand_phrase
from . import keys
from .sentences import sentence_bounds

_STOP = {"i", "we", "my", "our"}
_JOINERS = {"&", "-", "of", "de"}
# Capitalised at a sentence's start, never part of a name: "Most of Calder's work".
_QUANTIFIERS = {"most", "much", "many", "some", "part", "none", "half", "each", "few",
                "several", "more", "less"}
MAX_NAME_TOKENS = 12  # "University of California at Los Angeles Extension" and then some


class EmployerMentions:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.nlp = nlp
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.generic = set(wordlist("generic-capitalized"))
        self.not_after: set[str] = set()
        self.has_patterns = False

    def add_rules(self, rules: Iterable[Rule]) -> None:
        """Take trigger phrases from the ``employer-*`` check rules' params."""
        groups: dict[str, list[str]] = {"AFTER": [], "BEFORE": [], "GENERIC": []}
        for rule in rules:
            groups["AFTER"] += rule.params.get("name_follows", [])
            groups["BEFORE"] += rule.params.get("name_precedes", [])
            groups["GENERIC"] += rule.params.get("generic_references", [])
            self.not_after.update(word.lower() for word in rule.params.get("not_after", []))
        for label, patterns in groups.items():
            docs = [
                self.nlp.make_doc(" ".join(parts))
                for pattern in patterns
                for parts in expand_phrase(pattern)
            ]
            if docs:
                self.matcher.add(label, docs)
                self.has_patterns = True

    def __call__(self, doc: Doc) -> Doc:
        mentions: list[keys.Place] = []
        generic: list[keys.Place] = []
        if self.has_patterns:
            strings = self.nlp.vocab.strings
            for match_id, start, end in self.matcher(doc):
                label = strings[match_id]
                if label == "GENERIC":
                    generic.append((start, end, "GENERIC"))
                elif self._about_the_past(doc, start):
                    continue
                elif label == "AFTER":
                    span = self._name_from(doc, end, step=1)
                    if span is not None:
                        mentions.append(span)
                else:
                    span = self._name_from(doc, start - 1, step=-1)
                    if span is not None:
                        mentions.append(span)
        doc.user_data[keys.EMPLOYER_MENTIONS] = _unique(mentions)
        doc.user_data[keys.GENERIC_REFERENCES] = generic
        return doc

    def _about_the_past(self, doc: Doc, start: int) -> bool:
        """ "my previous role at X", "our team at X": a job the writer has or had."""
        sentence_start = sentence_bounds(doc, start)[0]
        window = doc[max(sentence_start, start - 4) : start]
        return any(token.lower_ in self.not_after for token in window)

    def _name_from(self, doc: Doc, i: int, step: int) -> keys.Place | None:
        """The run of capitalized words starting at token ``i``, walking by ``step``."""
        first = last = None
        stop = i + step * MAX_NAME_TOKENS
        while 0 <= i < len(doc) and i != stop:
            token = doc[i]
            text = token.text
            if text.lower() in _JOINERS and first is not None:
                i += step
                continue
            if (
                text[:1].isalpha()
                and (text[0].isupper() or any(ch.isupper() for ch in text[1:]))
                and token.lower_ not in self.generic
                and token.lower_ not in _STOP
                and token.lower_ not in _QUANTIFIERS
            ):
                first = i if first is None else first
                last = i
                i += step
                continue
            break
        if first is None:
            return None
        lo, hi = (first, last) if step > 0 else (last, first)
        return (lo, hi + 1, "ORG")


def _unique(places: list[keys.Place]) -> list[keys.Place]:
    seen = set()
    out = []
    for start, end, label in places:
        if (start, end) not in seen:
            seen.add((start, end))
            out.append((start, end, label))
    return out


@Language.factory("standout_employer_mentions")
def make_employer_mentions(nlp: Language, name: str) -> EmployerMentions:
    return EmployerMentions(nlp, name)
