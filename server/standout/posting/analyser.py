"""Reads a posting once: sections, asks, terms, ranking, role, company, about terms.

The result is cached by the posting's text, so a letter re-checked on every
keystroke against the same posting pays for the posting once.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence

from .clauses import clauses
from .cues import Cues, load_cues
from .echo import EchoIndex
from .header import read_company, read_role, short_company
from .keys import name_key
from .layout import Piece, pieces_of
from .lexicon import Lexicon, lexicon
from .model import Ask, PostingAnalysis, Section, Term
from .ranking import ask_weight, top_asks
from .terms import extract_terms
from .words import AnalysisLike, Word, names_of, sentences_of, words_in, words_of

# Where copying the posting counts as echo: not its benefits, process or
# equal-opportunities boilerplate ("we look forward to hearing from you").
ECHO_SECTIONS = {None, "about", "responsibilities", "requirements", "nice_to_have"}
ABOUT_ZIPF = 3.3  # rarer than this, an about-us word is distinctive ("berth", "oyster")
COMMON_NAME_ZIPF = 4.5  # a one-word name this common is an ordinary word ("Good", "Lakes")
ABOUT_TERM_WEIGHT = 0.5  # an about-us phrase at least this telling (see terms.word_value)
# Telling English from another language (see PostingAnalyser._is_english).
KNOWN_ZIPF = 3.0
PROSE_FUNCTION_SHARE = 0.2
LIST_KNOWN_SHARE = 0.7
MIN_FUNCTION_SHARE = 0.05
MIN_KNOWN_SHARE = 0.6


class PostingAnalyser:
    """Builds :class:`PostingAnalysis` objects; ``analyse`` is the engine's text analysis."""

    def __init__(self, analyse: Callable[[str], AnalysisLike], cache_size: int = 32) -> None:
        self._analyse = analyse
        self._cache: OrderedDict[str, PostingAnalysis] = OrderedDict()
        self._cache_size = cache_size
        self._lock = threading.Lock()
        self.cues: Cues = load_cues()
        self.lexicon: Lexicon = lexicon()
        self.hits = 0
        self.misses = 0

    def __call__(self, text: str) -> PostingAnalysis:
        with self._lock:
            cached = self._cache.get(text)
            if cached is not None:
                self._cache.move_to_end(text)
                self.hits += 1
                return cached
        result = self._read(text)
        with self._lock:
            self.misses += 1
            self._cache[text] = result
            while len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)
        return result

    def clear(self) -> None:
        with self._lock:
            self._cache.clear()

    def _read(self, text: str) -> PostingAnalysis:
        analysis = self._analyse(text)
        words = words_of(analysis, self.lexicon)
        starts = [w.start for w in words]
        notes: list[str] = []
        if words and not self._is_english(words):
            notes.append("not-english")
            return _empty(text, words, notes)
        pieces = pieces_of(text, self.cues, sentences_of(analysis))
        role = read_role(text, pieces)
        company = read_company(text, pieces)
        names = self._names(analysis)
        ignored = self._ignored(analysis, pieces, company)
        title = self._title_keys(" ".join(x for x in (role, company) if x))
        asks = self._asks(text, pieces, words, starts, ignored, title)
        if not asks:
            notes.append("no-asks")
        ask_stems = {s for ask in asks for t in ask.terms for s in t.stems}
        about_spans = [(p.start, p.end) for p in pieces if p.section == "about"]
        return PostingAnalysis(
            text=text,
            sections=_sections(pieces),
            asks=asks,
            top=top_asks(asks),
            role=role,
            company=company,
            company_short=short_company(company, self.lexicon.zipf) if company else None,
            about_terms=self._about_terms(text, analysis, pieces, words, starts, company,
                                          ask_stems, title),
            names=names,
            about_names=frozenset(n for n in ignored if n != (company or "").lower()),
            about_stems=frozenset(
                w.stem for a, b in about_spans for w in words_in(words, starts, a, b)
                if w.form not in self.lexicon.function_words),
            number_phrases=_number_phrases(words, self.lexicon),
            echo=EchoIndex.build(
                [[w.form for w in words_in(words, starts, p.start, p.end)] for p in pieces
                 if p.section in ECHO_SECTIONS],
                [[w.form for w in words_in(words, starts, a.start, a.end)] for a in asks],
                self.lexicon, self.cues.frame_words,
            ),
            notes=tuple(notes),
        )

    def _is_english(self, words: Sequence[Word]) -> bool:
        """English prose is a fifth function words; an English list is mostly known words.

        Another language shares some words with English ("in", "die", "profil") but has
        few of its function words and many words English does not know.
        """
        alphabetic = [w for w in words if w.form.isalpha()]
        if len(alphabetic) < 12:
            return True  # too short to tell: read it as English
        function = sum(1 for w in alphabetic if w.form in self.lexicon.function_words)
        known = sum(1 for w in alphabetic if self.lexicon.zipf(w.form) >= KNOWN_ZIPF)
        function_share, known_share = function / len(alphabetic), known / len(alphabetic)
        return function_share >= PROSE_FUNCTION_SHARE or known_share >= LIST_KNOWN_SHARE or (
            function_share >= MIN_FUNCTION_SHARE and known_share >= MIN_KNOWN_SHARE)

    def _title_keys(self, title: str) -> frozenset[str]:
        """Stems and forms of the role title's and company's words (not its notes).

        "Backend Software Engineer (Python)": "Python" is an ask, not the title.
        """
        out = set()
        title = re.sub(r"\([^()]*\)", " ", title)
        for raw in title.replace("-", " ").split():
            word = raw.strip("()[],.:;'’").lower()
            if word:
                out.update({word, self.lexicon.stem(word)})
        return frozenset(out)

    def _asks(
        self, text, pieces: Sequence[Piece], words, starts, ignored, title: frozenset[str]
    ) -> tuple[Ask, ...]:
        out: list[Ask] = []
        for piece in pieces:
            if piece.section not in self.cues.ask_sections or piece.kind == "heading":
                continue
            piece_words = words_in(words, starts, piece.start, piece.end)
            if piece.kind == "bullet":
                spans = [(piece.start, piece.end)]
            else:
                spans = clauses(text, piece.start, piece.end, piece_words, self.cues,
                                self.lexicon)
            pending: int | None = None
            for start, end in spans:
                clause_words = words_in(words, starts, start, end)
                terms = extract_terms(text, clause_words, self.cues, self.lexicon, ignored, title)
                if not terms:
                    pending = start if pending is None else pending
                    continue
                if pending is not None:
                    start = pending
                    terms = extract_terms(text, words_in(words, starts, start, end), self.cues,
                                          self.lexicon, ignored, title)
                    pending = None
                out.append(Ask(
                    text=text[start:end], start=start, end=end, section=piece.section,
                    terms=terms, weight=ask_weight(piece.section, terms),
                ))
        return tuple(out)

    @staticmethod
    def _names(analysis: AnalysisLike) -> frozenset[str]:
        return frozenset(name.lower() for _, _, name in names_of(analysis))

    def _ignored(self, analysis, pieces, company: str | None) -> frozenset[str]:
        """Names that are the employer's own (company, products, places in the about part)."""
        header = [p for p in pieces if p.section is None]
        about = [(p.start, p.end) for p in pieces if p.section == "about" or (
            p.section is None and p is not header[0])]  # the first line is the role
        out = set()
        for start, _, name in names_of(analysis):
            if any(a <= start < b for a, b in about):
                out.add(name.lower())
        if company:
            # The whole name, and its distinctive part ("Quaymark"), not "Software".
            out.add(company.lower())
            out.update(w.lower() for w in short_company(company, self.lexicon.zipf).split())
        return frozenset(out)

    def _about_terms(self, text, analysis, pieces, words, starts, company, ask_stems, title):
        """Distinctive things of the about part: its names, and its rare words.

        Names are compared whole and as names ("Threadmill Hire" needs both words,
        capitalized); the company's own name, the role's words, currencies and
        everyday words ("Good", "Year", "NHS") are not distinctive.
        """
        about = [p for p in pieces if p.section == "about"]
        company_keys = self._title_keys(company or "")
        terms: dict[tuple[str, ...], Term] = {}
        for name_start, name_end, name in names_of(analysis):
            if not any(p.start <= name_start < p.end for p in about):
                continue
            inside = words_in(words, starts, name_start, name_end)
            keys = tuple(name_key(w.form) for w in inside if w.form not in ("of", "the", "&"))
            plain_words = [w.form for w in inside]
            if not keys or all(
                w in company_keys or w in title or self.lexicon.stem(w) in title
                for w in plain_words
            ):
                continue
            if len(keys) == 1 and (len(plain_words[0]) <= 3 or self.lexicon.zipf(
                    plain_words[0]) >= COMMON_NAME_ZIPF):
                continue  # "Good", "Year"; "NHS", "GBP" are codes, not names
            terms.setdefault(keys, Term(name, keys, anchors=(keys,), weight=1.0, kind="name"))
        for piece in about:
            piece_words = words_in(words, starts, piece.start, piece.end)
            for term in extract_terms(text, piece_words, self.cues, self.lexicon, frozenset(),
                                      title):
                # "virtual ward", "heating engineers": the employer's own kind of work
                if term.kind == "thing" and len(term.stems) > 1 and not all(
                        k in ask_stems or k.lstrip("=") in company_keys for k in term.stems
                ) and term.weight >= ABOUT_TERM_WEIGHT:
                    terms.setdefault(term.stems, Term(term.text, term.stems,
                                                      anchors=(term.stems,), weight=0.7))
            for w in piece_words:
                surface = text[w.start : w.end]
                if (
                    surface.isalpha() and surface.islower() and len(surface) > 3
                    and w.stem not in ask_stems and w.form not in self.lexicon.function_words
                    and self.lexicon.zipf(surface) <= ABOUT_ZIPF
                ):
                    key = "~" + w.form  # compared as written: "takings" is not "take"
                    terms.setdefault((key,), Term(surface, (key,), anchors=((key,),), weight=0.5))
        return tuple(terms.values())


def _number_phrases(words: Sequence[Word], lexicon: Lexicon) -> frozenset[str]:
    """Each number or date of the posting with its neighbours: "news2", "band 5", "six figure"."""
    forms = [w.form for w in words if w.form not in ("+", "-", "%")]
    out = set()
    for i, form in enumerate(forms):
        if any(ch.isdigit() for ch in form) or form in lexicon.number_words or (
                form in lexicon.date_words):
            if any(ch.isalpha() for ch in form):
                out.add(form)
            if i:
                out.add(f"{forms[i - 1]} {form}")
            if i + 1 < len(forms):
                out.add(f"{form} {forms[i + 1]}")
    return frozenset(out)


def _sections(pieces: Sequence[Piece]) -> tuple[Section, ...]:
    out: list[Section] = []
    for piece in pieces:
        name = piece.section or "header"
        if out and out[-1].name == name:
            out[-1] = Section(name, out[-1].start, piece.end)
        else:
            out.append(Section(name, piece.start, piece.end))
    return tuple(out)


def _empty(text: str, words: Sequence[Word], notes: list[str]) -> PostingAnalysis:
    return PostingAnalysis(
        text=text, sections=(), asks=(), top=(), role=None, company=None, company_short=None,
        about_terms=(),
        names=frozenset(), about_names=frozenset(), about_stems=frozenset(),
        number_phrases=frozenset(),
        echo=EchoIndex(frozenset(), {}, (), frozenset()), notes=tuple(notes),
    )
