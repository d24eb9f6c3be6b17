"""The questions a candidate plans to ask the interviewer.

The text is read as a list: one question per line (bullets and numbers allowed),
or several on one line, each ending at its question mark; a heading line ending
in a colon is not a question. A question is **generic** when anyone could ask it
without knowing the employer (see ``models/interview/asking.yaml``): nothing in it
is specific (a name other than the employer's own, a number that is not a span of
time, a date, a reference to something the asker read or heard) and every word
is a function word or a generic one ("What does a typical day look like?"). A
question with a word of its own ("How do night staff hand over to the day
team?") is not flagged: it shows the asker thought about this job.

A text **says there are none** when it has no question mark and every word is a
refusal or a pleasantry ("No, I think you've covered everything, thanks"); an
empty text says so too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .answers import _function_words
from .cues import Cues, compile_cues, cue_file, word_forms
from .text_view import Word, sentences_of

if TYPE_CHECKING:
    from spacy.language import Language

    from ..analysis import Analysis

_LINE = re.compile(r"[^\r\n]+")
_MARKER = re.compile(r"[ \t]*(?:[-*•‣◦–—+>]|\(?\d{1,2}[.)]|\(?[a-zA-Z][.)])[ \t]+")
_QUESTION_END = re.compile(r"\?+[\"'”’)]*")
_WORDY = re.compile(r"[^\W_]")  # a letter or a digit


@dataclass(frozen=True)
class Ask:
    """One question in the list: where it is, and whether anyone could ask it."""

    start: int
    end: int
    generic: bool


@dataclass(frozen=True)
class AskList:
    asks: tuple[Ask, ...]
    says_none: bool  # empty, or "none" / "no questions"

    @property
    def generic(self) -> tuple[Ask, ...]:
        return tuple(a for a in self.asks if a.generic)

    def to_dict(self) -> dict[str, object]:
        return {"questions": len(self.asks), "generic": len(self.generic), "none": self.says_none}


def split_asks(text: str) -> list[tuple[int, int]]:
    """Where each question of a list is: ``(start, end)``, stripped of bullets and spaces."""
    out = []
    for line in _LINE.finditer(text):
        start, end = line.start(), line.end()
        marker = _MARKER.match(text, start, end)
        if marker:
            start = marker.end()
        body = text[start:end]
        if not body.strip() or (body.rstrip().endswith(":") and "?" not in body):
            continue
        position = start
        for mark in _QUESTION_END.finditer(text, start, end):
            out.append(_trimmed(text, position, mark.end()))
            position = mark.end()
        if _WORDY.search(text, position, end):
            out.append(_trimmed(text, position, end))
    return [(a, b) for a, b in out if b > a and _WORDY.search(text, a, b)]


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


class AskReader:
    """Built once per engine (cues and word lists in canonical form); :meth:`read` per check."""

    def __init__(self, nlp: Language) -> None:
        data = cue_file("asking")
        groups = {"references": data["references"]}
        self.references: Cues = compile_cues(nlp, groups, surface=True)["references"]
        function = word_forms(nlp, _function_words())
        self.function_words = function
        self.ordinary = function | word_forms(nlp, data["generic_words"])
        self.time_units = word_forms(nlp, data["time_units"])
        self.none_words = word_forms(nlp, data["none_words"])
        self.refusals = word_forms(nlp, data["refusals"])

    def read(self, analysis: Analysis, company_spans: Sequence[tuple[int, int]] = ()) -> AskList:
        text = analysis.text
        words = [w for sentence in sentences_of(analysis) for w in sentence.words]
        if self._says_none(text, words):
            return AskList((), True)
        asks = []
        for start, end in split_asks(text):
            inside = [w for w in words if start <= w.start < end]
            asks.append(Ask(start, end, not self._particular(inside, company_spans)))
        return AskList(tuple(asks), not asks)

    def _says_none(self, text: str, words: Sequence[Word]) -> bool:
        if "?" in text:
            return False
        forms = {w.form for w in words}
        if not forms:
            return not _WORDY.search(text)
        return forms <= self.none_words and bool(forms & self.refusals)

    def _particular(self, words: Sequence[Word], company: Sequence[tuple[int, int]]) -> bool:
        """Whether the question names or refers to something of this employer or job."""
        if self.references.any_in(words):
            return True
        for k, word in enumerate(words):
            if any(a <= word.start < b for a, b in company):
                continue
            if word.label == "DATE":
                return True
            if word.label == "NUMBER":
                following = words[k + 1].form if k + 1 < len(words) else None
                if following not in self.time_units:
                    return True
                continue
            if word.label == "NAME" and word.form not in self.function_words:
                return True
            if word.form.isalpha() and word.form not in self.ordinary:
                return True
        return False
