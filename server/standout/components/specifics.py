"""Specifics: the numbers, dates, named things and concrete actions in a text.

They raise the stand-out score, and a specific in the same sentence as a claim
counts as evidence for it (docs/score.md). Without a statistical model, a named
thing is a capitalized word that is not at the start of a sentence and not one
of the words capitalized by convention (models/wordlists/generic-capitalized.txt);
at a sentence start only acronyms and mixed case (AWS, GitHub) count. A concrete
action is a past-tense verb from models/wordlists/action-verbs.txt after "I" or
"we" ("I shipped", "we have cut") whose object is not a skill or a quality:
"I developed strong leadership skills" and "I built strong relationships" are
claims (models/wordlists/quality-nouns.txt).

Each distinct word is classified once and cached; the per-keystroke loop only
walks token hashes.
"""

from __future__ import annotations

import re

from spacy.attrs import ORTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from ..resources import wordlist
from . import MAX_CACHED_WORDS, keys
from .columns import columns
from .segments import is_break

NUMBER, DATE, NAME, ACTION = "NUMBER", "DATE", "NAME", "ACTION"
YEAR = re.compile(r"^(?:19[5-9]\d|20[0-4]\d)(?:s|'s)?$")
NAME_JOINERS = {"of", "&", "de", "-"}
ACTION_SUBJECTS = {"i", "we"}
ACTION_BRIDGES = {"have", "had", "'ve", "’ve", "'d", "’d", "then", "also", "personally", "once"}

# Word classes, numbered from 1: a class is never falsy, so
# `cache.get(orth) or classify(orth)` is safe.
(PLAIN, NUMBER_WORD, DATE_WORD, ACTION_WORD, NAMED, NAMED_ANYWHERE, JOINER, SUBJECT,
 BRIDGE, OPEN, CLOSE, BREAK, QUALITY, OBJECT_END) = range(1, 15)
OBJECT_WORDS = 6  # words after an action verb searched for a skill or quality
OBJECT_ENDS = {".", ";", ":", "!", "?", "(", "for", "in", "at", "with", "to", "on", "by",
               "from", "of", "as", "which", "that", "who", "while", "when", "because", "but"}
OPENERS, CLOSERS = {"[", "{", "<"}, {"]", "}", ">"}
PLACEHOLDER_TOKENS = 8  # "[Hiring Manager's Full Name]" is a template field, not a name


class Specifics:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.strings = nlp.vocab.strings
        self.number_words = set(wordlist("number-words"))
        self.dates = set(wordlist("dates"))
        self.generic = set(wordlist("generic-capitalized"))
        self.actions = set(wordlist("action-verbs"))
        self.qualities = set(wordlist("quality-nouns"))
        self._classes: dict[int, int] = {}

    def _classify(self, orth: int) -> int:
        text = self.strings[orth]
        lower = text.lower()
        first = text[:1]
        if text.isspace():
            word_class = BREAK if is_break(text) else PLAIN
        elif text in OPENERS:
            word_class = OPEN
        elif text in CLOSERS:
            word_class = CLOSE
        elif any(ch.isdigit() for ch in text):
            word_class = DATE_WORD if YEAR.match(text) else NUMBER_WORD
        elif lower in self.number_words:
            word_class = NUMBER_WORD
        elif lower in self.dates and first.isupper():
            word_class = DATE_WORD
        elif lower in self.actions:
            word_class = ACTION_WORD
        elif text in self.qualities:
            word_class = QUALITY
        elif lower in ACTION_SUBJECTS:
            word_class = SUBJECT
        elif lower in ACTION_BRIDGES or (text.endswith("ly") and text.isalpha() and text.islower()):
            word_class = BRIDGE
        elif lower in NAME_JOINERS:
            word_class = JOINER
        elif lower in OBJECT_ENDS:
            word_class = OBJECT_END
        elif first.isalpha() and len(text) > 1 and lower not in self.generic:
            inner_capital = any(ch.isupper() for ch in text[1:])
            if text.isupper() or inner_capital:
                word_class = NAMED_ANYWHERE  # AWS, GitHub, iOS
            elif first.isupper():
                word_class = NAMED
            else:
                word_class = PLAIN
        else:
            word_class = PLAIN
        if len(self._classes) >= MAX_CACHED_WORDS:
            self._classes.clear()
        self._classes[orth] = word_class
        return word_class

    def __call__(self, doc: Doc) -> Doc:
        spans: list[keys.Place] = []
        if len(doc):
            orths, sent_starts = columns(doc, ORTH, SENT_START)  # SENT_START: kept by the sentences
            # Each word's class in one C-level pass (a class is never None); new words after.
            kinds = list(map(self._classes.get, orths))
            if None in kinds:
                kinds = [kind or self._classify(orth)
                         for orth, kind in zip(orths, kinds, strict=True)]
            name_start: int | None = None
            skip_to = -1
            after = 0  # the token after the last one read
            # Plain words are stepped over: the first of a run ends a name open before it,
            # and no other does anything. (A list comprehension: compress over a map of
            # PLAIN.__ne__, a method wrapper, costs twice as much.)
            for i in [i for i, kind in enumerate(kinds) if kind != PLAIN]:
                if name_start is not None and i > after:
                    spans.append((name_start, _name_end(kinds, name_start, after), NAME))
                    name_start = None
                after = i + 1
                word_class = kinds[i]
                if i <= skip_to:
                    continue
                if word_class == OPEN:
                    skip_to = _placeholder_end(kinds, i)
                named = word_class == NAMED_ANYWHERE or (
                    word_class == NAMED and sent_starts[i] != 1)
                if named:
                    if name_start is None:
                        name_start = i
                    continue
                if name_start is not None and not (
                    word_class == JOINER and i + 1 < len(kinds)
                    and kinds[i + 1] in (NAMED, NAMED_ANYWHERE)
                ):
                    spans.append((name_start, _name_end(kinds, name_start, i), NAME))
                    name_start = None
                if word_class == NUMBER_WORD:
                    spans.append((i, i + 1, NUMBER))
                elif word_class == DATE_WORD:
                    spans.append((i, i + 1, DATE))
                elif (word_class == ACTION_WORD and _after_subject(kinds, i)
                        and not _quality_object(kinds, i)):
                    spans.append((i, i + 1, ACTION))
            if name_start is not None:
                spans.append((name_start, _name_end(kinds, name_start, after) if after < len(kinds)
                              else len(kinds), NAME))
        doc.user_data[keys.SPECIFICS] = spans
        return doc


def _placeholder_end(kinds: list[int], i: int) -> int:
    """Where a bracketed template field opened at ``i`` closes (or ``i`` if it does not)."""
    for j in range(i + 1, min(len(kinds), i + PLACEHOLDER_TOKENS + 2)):
        if kinds[j] == CLOSE:
            return j
        if kinds[j] == BREAK:
            break
    return i


def _name_end(kinds: list[int], start: int, stop: int) -> int:
    """A name never ends on a joiner ("University of" + nothing)."""
    end = stop
    while end > start + 1 and kinds[end - 1] == JOINER:
        end -= 1
    return end


def _after_subject(kinds: list[int], i: int) -> bool:
    """"I shipped", "we have cut", "I quickly rebuilt": a subject within three words before."""
    for j in range(i - 1, max(-1, i - 4), -1):
        if kinds[j] == SUBJECT:
            return True
        if kinds[j] != BRIDGE:
            return False
    return False


def _quality_object(kinds: list[int], i: int) -> bool:
    """Whether the object of the verb at ``i`` is a skill or a quality ("strong skills")."""
    for j in range(i + 1, min(len(kinds), i + 1 + OBJECT_WORDS)):
        if kinds[j] == QUALITY:
            return True
        if kinds[j] in (OBJECT_END, BREAK):
            return False
    return False


@Language.factory("standout_specifics")
def make_specifics(nlp: Language, name: str) -> Specifics:
    return Specifics(nlp, name)
