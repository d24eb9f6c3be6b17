"""The spaCy pass: paragraphs the linter has not seen yet, analysed in one pipeline run.

They are joined by a blank line into one Doc (the components keep every match,
sentence and name inside its paragraph: see components/segments.py), then the
Doc's annotations are split back into one context-free :class:`ParagraphAnalysis`
per paragraph, with offsets relative to that paragraph. The result is the same
as analysing each paragraph alone (a property test holds it to that), at a
fraction of the cost for a letter of many short paragraphs.

Sample texts go through the same pass with fewer components (see
``pipeline.READING_COMPONENTS``), so a sample and a text are read one way.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from operator import or_, sub

from spacy.attrs import IDX, IS_PUNCT, IS_SPACE, ORTH, SPACY
from spacy.language import Language
from spacy.tokens import Doc

from .analysis import CanonicalWord, Match, Mention, ParagraphAnalysis, Specific
from .components import keys
from .components.columns import columns, keep_columns
from .components.segments import SEPARATOR
from .components.sentences import sentences_of
from .components.specifics import DATE, NAME
from .components.stream import BARRIER, Stream, stream_of
from .match_context import SentenceReader
from .named_tuples import make
from .tokenizer_input import tokenizer_input

# In a sentence of growth ("I developed strong skills at Tesco in 2021") a name or a date
# is where and when, not evidence for a claim; a number or a concrete action still is.
SETTING_LABELS = frozenset({NAME, DATE})
# Where a sentence starts a second clause of its own: "I am a natural leader, and during
# my internship I helped prepare VAT returns". A claim in one clause is not backed by a
# fact in the other: the VAT returns say nothing of the leading. A comma and a
# conjunction before a new subject or scene; not a semicolon, which mostly brings the
# claim's own proof ("I have always been fascinated by radio; at 14 I built a set").
CLAUSE_BREAK = re.compile(
    r",\s+(?:and|but|while|whereas|yet|so)\s+(?=(?:I|we|during|in|at|on|last|since|"
    r"when|as|for|before|after|this|that|these|those)\b)")


def spacy_pass(
    nlp: Language, texts: Sequence[str], components: Sequence[str] | None = None
) -> list[ParagraphAnalysis]:
    """Analyse ``texts`` (paragraphs) in one Doc; ``components`` names a subset to run."""
    copies = [tokenizer_input(text) for text in texts]
    plains = [copy.text for copy in copies]
    joined = SEPARATOR.join(plains)
    segments = []
    position = 0
    for plain in plains:
        segments.append((position, position + len(plain)))
        position += len(plain) + len(SEPARATOR)
    doc = _tokenized(nlp, plains) if len(plains) > 1 else nlp.make_doc(joined)
    doc.user_data[keys.TEXT] = joined
    doc.user_data[keys.SEGMENTS] = segments
    (token_starts,) = columns(doc, IDX)
    doc.user_data[keys.TOKEN_SEGMENTS] = [
        (bisect_left(token_starts, begin), bisect_left(token_starts, end))
        for begin, end in segments
    ]
    pipes: list[Callable[[Doc], Doc]] = (
        [component for _, component in nlp.pipeline] if components is None
        else [nlp.get_pipe(name) for name in components]
    )
    for pipe in pipes:
        doc = pipe(doc)
    splitter = _Splitter(doc, joined, token_starts, segments, [copy.origin for copy in copies])
    return splitter.paragraphs(texts)


def _tokenized(nlp: Language, plains: Sequence[str]) -> Doc:
    """One Doc of the paragraphs joined by SEPARATOR, each tokenized on its own.

    Tokenizing the joined text would give the same tokens, but slower: spaCy's
    tokenizer stops caching for the rest of a text once it meets a special case
    ("I'm", "Mr."), so one long text re-splits every word after the first one.
    """
    # The words go to the Doc as their hashes (ORTH), which it looks up directly: as
    # strings, each would be read out of the StringStore and hashed again.
    separator = nlp.vocab.strings.add(SEPARATOR)
    words: list[int] = []
    spaces: list[int] = []
    for number, plain in enumerate(plains):
        if number:
            words.append(separator)
            spaces.append(0)
        orths, trailing = nlp.make_doc(plain).to_array([ORTH, SPACY]).T.tolist()
        words += orths
        spaces += trailing
    doc = Doc(nlp.vocab, words=words, spaces=spaces)
    keep_columns(doc, {ORTH: words, SPACY: spaces})
    return doc


# At most this many rule matches are kept per paragraph (the first, in text order): a
# real paragraph has a handful, and only a paragraph of boilerplate repeated thousands
# of times reaches it. Each match's evidence is a few of its sentence's specifics
# (see _sentence_evidence), so neither grows with the square of a paragraph's length.
MAX_MATCHES = 1_000
EVIDENCE_KINDS = 8  # distinct specifics (label and text) kept per sentence
EVIDENCE_REPEATS = 3  # places kept per distinct specific


def _outside(specifics: tuple[Specific, ...], spans: list[tuple[int, int]]) -> tuple[Specific, ...]:
    """The specifics that overlap none of ``spans`` (character ranges), in O((n + m) log m)."""
    merged: list[list[int]] = []
    for lo, hi in sorted(spans):
        if merged and lo <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], hi)
        else:
            merged.append([lo, hi])
    firsts = [lo for lo, _ in merged]
    kept = []
    for specific in specifics:
        i = bisect_left(firsts, specific.end) - 1  # the last range starting before its end
        if i < 0 or merged[i][1] <= specific.start:
            kept.append(specific)
    return tuple(kept)


def _sentence_evidence(
    specifics: tuple[Specific, ...], starts: list[int], lo: int, hi: int
) -> tuple[Specific, ...]:
    """The specifics of the sentence ``[lo, hi)`` that can back a claim in it.

    A claim is backed when its sentence holds a specific that does not overlap
    it and is not the target company (checks/patterns.py): a few distinct ones,
    each at a few places, answer that as well as all of them would, and a
    sentence of a thousand names costs no more than one of ten.
    """
    kept: list[Specific] = []
    seen: Counter[tuple[str, str]] = Counter()
    for k in range(bisect_left(starts, lo), len(specifics)):
        specific = specifics[k]
        if specific.start >= hi:
            break
        if specific.end > hi:
            continue
        key = (specific.label, specific.text)
        if seen[key] >= EVIDENCE_REPEATS:
            continue
        if key not in seen and len(seen) >= EVIDENCE_KINDS:
            continue
        seen[key] += 1
        kept.append(specific)
        if len(kept) >= EVIDENCE_KINDS * EVIDENCE_REPEATS:
            break
    return tuple(kept)


class _Splitter:
    """Splits one Doc's annotations into per-paragraph analyses."""

    def __init__(self, doc: Doc, text: str, token_starts: list[int],
                 segments: list[tuple[int, int]], origins: Sequence[list[int] | None]) -> None:
        self.doc = doc
        self.text = text  # the Doc's text (a span's text is a slice of it)
        self.segments = segments
        self.origins = origins
        self.segment_starts = [start for start, _ in segments]
        spacy, punct, space = columns(doc, SPACY, IS_PUNCT, IS_SPACE)
        self.starts = starts = token_starts
        # A token ends where the next one starts, less the space after it (the Doc's text
        # is its tokens and their spaces): no LENGTH column to read for every token.
        following = [*starts[1:], len(text)] if starts else []
        if len(following) != len(spacy):
            raise ValueError("one SPACY value per token")
        self.ends = list(map(sub, following, spacy))  # a C-level loop
        self.punct = punct
        self.space = space
        self.sentence_starts = sentences_of(doc)
        self._reader: SentenceReader | None = None

    @property
    def reader(self) -> SentenceReader:
        if self._reader is None:
            self._reader = SentenceReader(self.doc, self.sentence_starts, self.punct, self.space)
        return self._reader

    def _chars(self, start: int, end: int) -> tuple[int, int]:
        """The character range of tokens ``[start, end)`` (as a spaCy Span gives it)."""
        first = self.starts[start] if start < len(self.starts) else len(self.text)
        return first, (first if start == end else self.ends[end - 1])

    def _segment(self, char: int) -> int:
        return bisect_left(self.segment_starts, char + 1) - 1

    def _by_segment(self, places) -> dict[int, list[tuple[int, int, int, int, str]]]:
        """Each paragraph's places as (start token, end token, start char, end char, label)."""
        grouped: dict[int, list[tuple[int, int, int, int, str]]] = defaultdict(list)
        starts, ends, segment_starts, size = self.starts, self.ends, self.segment_starts, len(
            self.text)
        for start, end, label in places:
            # self._chars and self._segment, inline: this runs for every place
            first = starts[start] if start < len(starts) else size
            last = first if start == end else ends[end - 1]
            grouped[bisect_left(segment_starts, first + 1) - 1].append(
                (start, end, first, last, label))
        return grouped

    def _sentence(self, k: int) -> tuple[int, int]:
        """Token range of sentence ``k`` (never beyond its paragraph)."""
        starts = self.sentence_starts
        end = starts[k + 1] if k + 1 < len(starts) else len(self.doc)
        return starts[k], end

    def _last_word(self, first: int, end: int) -> int:
        last = end - 1
        while last > first and self.space[last]:
            last -= 1  # a sentence ends at its last word, not at the line break after it
        return last

    def paragraphs(self, texts: Sequence[str]) -> list[ParagraphAnalysis]:
        doc = self.doc
        found = doc.user_data  # a subset of the components may have left some out
        specifics = self._by_segment(found.get(keys.SPECIFICS, ()))
        matches = self._by_segment(found.get(keys.RULE_MATCHES, ()))
        mentions = self._by_segment(found.get(keys.EMPLOYER_MENTIONS, ()))
        generic = self._by_segment(found.get(keys.GENERIC_REFERENCES, ()))
        stream = stream_of(doc)
        whole = self.text  # the Doc's text: a place's text is a slice of it
        out = []
        for number, ((begin, end), text) in enumerate(zip(self.segments, texts, strict=True)):
            first_token = bisect_left(self.starts, begin)
            end_token = bisect_left(self.starts, end)
            own_specifics = tuple([
                make(Specific, (label, a - begin, b - begin, whole[a:b]))
                for _, _, a, b, label in specifics.get(number, ())
            ])
            analysis = ParagraphAnalysis(
                text=text,
                matches=self._matches(matches.get(number, ()), own_specifics, begin,
                                      (first_token, end_token)),
                words=self._word_count(first_token, end_token),
                sentences=self._sentences(first_token, end_token, begin),
                specifics=own_specifics,
                mentions=tuple([
                    Mention(a - begin, b - begin, whole[a:b])
                    for _, _, a, b, _ in mentions.get(number, ())
                ]),
                generic_references=tuple([
                    (a - begin, b - begin) for _, _, a, b, _ in generic.get(number, ())
                ]),
                canonical_words=self._words(stream, first_token, end_token, begin),
                specific_counts=_label_counts(own_specifics),
            )
            origin = self.origins[number]
            out.append(analysis if origin is None else _placed_back(analysis, origin))
        return out

    def _word_count(self, first: int, end: int) -> int:
        """Tokens ``[first, end)`` that are neither punctuation nor space (both columns
        hold 0 or 1), counted in C-level loops."""
        return end - first - sum(map(or_, self.punct[first:end], self.space[first:end]))

    def _sentences(self, first_token: int, end_token: int, begin: int):
        starts = self.sentence_starts
        lo = bisect_left(starts, first_token)
        hi = bisect_left(starts, end_token)
        out = []
        for k in range(lo, hi):
            end = starts[k + 1] if k + 1 < hi else end_token
            last = self._last_word(starts[k], end)
            out.append((self.starts[starts[k]] - begin, self.ends[last] - begin))
        return tuple(out)

    def _matches(self, places, specifics: tuple[Specific, ...], begin: int,
                 paragraph: tuple[int, int]) -> tuple[Match, ...]:
        if len(places) > MAX_MATCHES:  # a paragraph of boilerplate repeated: keep the first ones
            places = sorted(places, key=lambda place: (place[0], place[1]))[:MAX_MATCHES]
        # A specific inside any rule match is part of a stock phrase ("give 110%", "proficient
        # in MS Office"), not evidence for a claim beside it.
        if places:
            specifics = _outside(specifics, [(a - begin, b - begin) for _, _, a, b, _ in places])
        starts = [s.start for s in specifics]
        sentence_starts = self.sentence_starts
        by_range: dict[tuple[int, int], tuple[Specific, ...]] = {}

        def evidence_in(first: int, end: int) -> tuple[Specific, ...]:
            found = by_range.get((first, end))
            if found is None:
                lo = self.starts[first] - begin
                hi = self.ends[end - 1] - begin
                found = by_range[(first, end)] = _sentence_evidence(specifics, starts, lo, hi)
            return found

        out = []
        reader = self.reader
        ordered = sorted((start, end, label, a, b) for start, end, a, b, label in places)
        for token_start, token_end, label, start_char, end_char in ordered:
            k = bisect_left(sentence_starts, token_start + 1) - 1
            first, end = self._sentence(k)
            start, stop = start_char - begin, end_char - begin
            evidence = evidence_in(first, end)
            if evidence:
                evidence = self._in_clause(evidence, first, end, start_char, end_char, begin)
            facts = reader.facts(k, token_start, token_end, paragraph)
            if facts.grows:  # "At Tesco I developed strong skills": where, not what
                evidence = tuple(s for s in evidence if s.label not in SETTING_LABELS)
            pointed: tuple[Specific, ...] = ()
            if facts.pointed is not None:
                pointed = evidence_in(*facts.pointed)
            out.append(make(Match, (label, start, stop, evidence, pointed, facts.about_writer,
                                    facts.heading, facts.introduces)))
        return tuple(out)

    def _in_clause(self, evidence: tuple[Specific, ...], first: int, end: int, start: int,
                   stop: int, begin: int) -> tuple[Specific, ...]:
        """The evidence in the clause of the sentence (tokens ``first``..``end``) that holds
        the match at ``start``..``stop`` (CLAUSE_BREAK); offsets of specifics from ``begin``."""
        lo, hi = self.starts[first], self.ends[end - 1]
        breaks = [(m.start(), m.end()) for m in CLAUSE_BREAK.finditer(self.text, lo, hi)]
        if not breaks:
            return evidence
        clause_lo = max((b for a, b in breaks if b <= start), default=lo) - begin
        clause_hi = min((a for a, b in breaks if a >= stop), default=hi) - begin
        return tuple(s for s in evidence if clause_lo <= s.start < clause_hi)

    def _words(
        self, stream: Stream, first_token: int, end_token: int, begin: int
    ) -> tuple[CanonicalWord, ...]:
        index = stream.token_index
        lo = bisect_left(index, first_token)
        hi = bisect_left(index, end_token)
        starts, ends, punct = self.starts, self.ends, self.punct
        return tuple([
            (word, starts[i] - begin, ends[i] - begin)
            for word, i in zip(stream.words[lo:hi], index[lo:hi], strict=True)
            if not punct[i] and word != BARRIER
        ])


def _label_counts(specifics: tuple[Specific, ...]) -> dict[str, int]:
    """How many specifics of each label, in the order labels first occur (as
    ``dict(Counter(...))`` gives them, without making a Counter for every paragraph)."""
    counts: dict[str, int] = {}
    for specific in specifics:
        counts[specific.label] = counts.get(specific.label, 0) + 1
    return counts


def _placed_back(analysis: ParagraphAnalysis, origin: list[int]) -> ParagraphAnalysis:
    """The analysis with its offsets moved from the tokenizer's copy to the user's text.

    Only for a paragraph that had invisible characters removed (tokenizer_input.py):
    ``origin[i]`` is where position ``i`` of the copy was. A range ends one past
    the place of its last character, so a removed character after it stays out.
    """

    def at(i: int) -> int:
        return origin[i]

    def upto(i: int) -> int:
        return origin[i - 1] + 1 if i > 0 else origin[0]

    def specific(s: Specific) -> Specific:
        return Specific(s.label, at(s.start), upto(s.end), s.text)

    return ParagraphAnalysis(
        text=analysis.text,
        matches=tuple(
            Match(m.rule, at(m.start), upto(m.end), tuple(map(specific, m.evidence)),
                  tuple(map(specific, m.pointed)), m.about_writer, m.heading, m.introduces)
            for m in analysis.matches
        ),
        words=analysis.words,
        sentences=tuple((at(a), upto(b)) for a, b in analysis.sentences),
        specifics=tuple(map(specific, analysis.specifics)),
        mentions=tuple(Mention(at(m.start), upto(m.end), m.text) for m in analysis.mentions),
        generic_references=tuple((at(a), upto(b)) for a, b in analysis.generic_references),
        canonical_words=tuple((w, at(a), upto(b)) for w, a, b in analysis.canonical_words),
        specific_counts=analysis.specific_counts,
    )
