"""What a rule match's sentence says about it, read once when a paragraph is analysed.

Three facts, all context-free (so they are cached with the paragraph):

- **who it is about**: a sentence with "I", "me", "my", "myself" or "mine" is
  about the writer, and so is a fragment that starts with the match and has no
  "is/are/was/were" ("Team player with six years on the floor."). Rules marked
  ``about: writer`` fire only then: "Every team player in the league wears
  shin guards" describes someone else.
- **whether it is a heading**: a short line of its own without a full stop,
  ending in a colon, starting "Why/What/How", or in title case ("Why I'm a
  Strong Fit"). A claim in a heading labels what follows; it is not one.
- **what it points to**: a claim whose sentence ends in a colon points at the
  next sentence; one followed by a colon and a list in its own sentence ("I
  wore many hats: support, QA and billing") lists its evidence; a next sentence
  that starts "For example" or "This was demonstrated" (models/wordlists/
  evidence-pointers.txt) is the evidence; "passionate about that mission" and a
  sentence opening "These experiences ..." point back at the sentence before.
  Only these explicit pointers count: letting any neighbouring sentence back a
  claim would excuse most bare claims, because real letters have names and
  numbers nearly everywhere.
"""

from __future__ import annotations

from functools import cache
from typing import NamedTuple

from spacy.attrs import LOWER
from spacy.tokens import Doc

from .resources import wordlist

FIRST_PERSON = ("i", "me", "my", "myself", "mine")
COPULAS = ("is", "are", "was", "were")
BULLETS = {"-", "*", "•", "–", "—", "·", "‣", "▪", "►", "✓", "+"}
SENTENCE_ENDS = {".", "!", "?", "…", "...", ";", ","}
QUESTION_WORDS = {"why", "what", "how"}
DEMONSTRATIVES = {"this", "that", "these", "those"}
# Words after "that" which make it a conjunction or pronoun, not "that mission".
NOT_A_NOUN = {
    "i", "my", "we", "our", "you", "your", "it", "he", "she", "they", "is", "was", "are",
    "were", "the", "a", "an", "can", "will", "would", "could", "should", "to", "of", "in",
    "and", "or", "but", "be", "been", "has", "have", "had", "do", "does", "did", "me", "us",
    "him", "her", "them", "their", "his", "its", "which", "who", "what", "when", "where",
    "there", "here", "not", "'s", "this", "that", "make", "makes", "made", "way",
    ",", ".", ":", ";", "!", "?",
}
HEADING_MAX_WORDS = 10
LIST_MIN_WORDS = 3  # words after a colon that make a list


class MatchFacts(NamedTuple):
    about_writer: bool
    heading: bool
    introduces: bool  # followed by its evidence: a list after a colon, or the next paragraph
    pointed: tuple[int, int] | None  # token range of the sentence it points to


@cache
def _pointers() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(line.lower().split()) for line in wordlist("evidence-pointers"))


class SentenceReader:
    """Facts about matches in one Doc, from token arrays read once."""

    def __init__(self, doc: Doc, sentence_starts: list[int], punct: list[int],
                 space: list[int]) -> None:
        self.doc = doc
        self.starts = sentence_starts
        self.punct = punct
        self.space = space
        strings = doc.vocab.strings
        self.lower = doc.to_array(LOWER).tolist()
        self.first_person = {strings[w] for w in FIRST_PERSON}
        self.copulas = {strings[w] for w in COPULAS}

    def _words(self, first: int, end: int) -> list[int]:
        return [i for i in range(first, end) if not (self.punct[i] or self.space[i])]

    def _last_token(self, first: int, end: int) -> int:
        last = end - 1
        while last > first and self.space[last]:
            last -= 1
        return last

    def facts(self, k: int, start: int, stop: int, paragraph: tuple[int, int]) -> MatchFacts:
        """Facts for a match at tokens ``[start, stop)`` in sentence ``k`` of ``paragraph``."""
        paragraph_start, paragraph_end = paragraph
        starts, doc = self.starts, self.doc
        first = starts[k]
        end = starts[k + 1] if k + 1 < len(starts) else paragraph_end
        end = min(end, paragraph_end)
        following = k + 1 < len(starts) and starts[k + 1] < paragraph_end
        lower = self.lower[first:end]
        words = self._words(first, end)
        about = not self.first_person.isdisjoint(lower) or (
            bool(words) and words[0] == start and self.copulas.isdisjoint(lower)
        )
        last = self._last_token(first, end)
        last_text = doc[last].text
        heading = self._heading(words, last, last_text, end, paragraph_end)
        introduces = self._lists_after(stop, end) or (last_text == ":" and not following)
        pointed = None
        if following:
            next_end = starts[k + 2] if k + 2 < len(starts) else paragraph_end
            next_range = (starts[k + 1], min(next_end, paragraph_end))
            if last_text == ":" or self._starts_with_pointer(*next_range):
                pointed = next_range
        if pointed is None and k > 0 and starts[k - 1] >= paragraph_start and (
                self._points_back(stop, end) or self._opens_with_reference(words, start)):
            pointed = (starts[k - 1], first)
        return MatchFacts(about, heading, introduces, pointed)

    def _heading(self, words: list[int], last: int, last_text: str, end: int,
                 paragraph_end: int) -> bool:
        doc = self.doc
        if not words or len(words) > HEADING_MAX_WORDS or last_text in SENTENCE_ENDS:
            return False
        if doc[words[0]].text in BULLETS or doc[words[0] - 1 if words[0] else 0].text in BULLETS:
            return False
        at_line_end = end >= paragraph_end or "\n" in doc[last].whitespace_ or (
            last + 1 < len(doc) and "\n" in doc[last + 1].text)
        if not at_line_end:
            return False
        if last_text == ":" or doc[words[0]].lower_ in QUESTION_WORDS:
            return True
        long_words = [doc[i].text for i in words if len(doc[i].text) >= 4]
        capitals = sum(1 for w in long_words if w[:1].isupper())
        return len(words) >= 2 and bool(long_words) and capitals * 2 > len(long_words)

    def _lists_after(self, stop: int, end: int) -> bool:
        """A colon after the match in its sentence, with a list after it."""
        doc = self.doc
        for i in range(stop, end):
            if doc[i].text == ":":
                return len(self._words(i + 1, end)) >= LIST_MIN_WORDS
        return False

    def _starts_with_pointer(self, first: int, end: int) -> bool:
        doc = self.doc
        opening = [doc[i].lower_ for i in range(first, min(end, first + 8))
                   if not self.space[i] and doc[i].text not in BULLETS]
        return any(tuple(opening[: len(p)]) == p for p in _pointers())

    def _opens_with_reference(self, words: list[int], start: int) -> bool:
        """ "These experiences make me a good fit": the sentence opens by pointing back."""
        doc = self.doc
        opening = [doc[i].lower_ for i in words[:4]]
        while opening and opening[0] in ("all", "both", "of", "and", "so"):
            opening.pop(0)
        return (len(opening) >= 2 and opening[0] in DEMONSTRATIVES | {"such"}
                and opening[1] not in NOT_A_NOUN and bool(words) and start > words[0])

    def _points_back(self, stop: int, end: int) -> bool:
        """ "passionate about that mission": a demonstrative and a noun right after the match."""
        doc = self.doc
        nearby = [i for i in range(stop, min(end, stop + 4)) if not self.space[i]]
        for j, i in enumerate(nearby[:2]):
            if doc[i].lower_ in DEMONSTRATIVES and j + 1 < len(nearby):
                return doc[nearby[j + 1]].lower_ not in NOT_A_NOUN
        return False
