"""Regex rules, for text whose shape matters more than its words.

Unfilled template placeholders (``[Company Name]``, ``{company}``, ``<Name>``)
are best seen in the raw characters; the match is widened to whole tokens.

Most paragraphs contain none of these shapes, so each regex is given a cheap
prefilter when it is compiled: the literal strings one of which every match
must start with (``[``, ``${``, ``Company``...), read from the regex's own parse
tree. A paragraph holding none of them is not scanned.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from spacy.language import Language
from spacy.tokens import Doc

from ..rulebook import Rule
from . import keys
from .literal_search import LiteralSearch
from .phrase_rules import set_rule_spans
from .segments import segments_of

try:  # the parser behind `re`; private, so the prefilter is optional
    from re import _constants as sre
    from re import _parser as sre_parse
except ImportError:  # pragma: no cover - other Python versions
    sre = sre_parse = None

class RegexRules:
    def __init__(self, name: str) -> None:
        self.name = name
        # (rule id, regex, literal prefixes or None, whether to compare lowercased)
        self.patterns: list[tuple[str, re.Pattern[str], tuple[str, ...] | None, bool]] = []
        self.prefixes: dict[bool, tuple[str, ...]] = {False: (), True: ()}
        self._written = LiteralSearch(())  # the case-sensitive prefixes, in one scan

    def add_rules(self, rules: Iterable[Rule]) -> None:
        for rule in rules:
            for source in rule.patterns:
                regex = re.compile(source)
                folded = bool(regex.flags & re.IGNORECASE)
                prefixes = literal_prefixes(source)
                if prefixes is not None and folded:
                    prefixes = tuple({p.lower() for p in prefixes})
                self.patterns.append((rule.id, regex, prefixes, folded))
        # Every prefix, each once, looked for once per paragraph (in the lowercased text
        # for the regexes that ignore case): many regexes share prefixes ("[", "Company").
        self.prefixes = {folded: tuple(sorted({prefix for _, _, prefixes, f in self.patterns
                                               if f is folded for prefix in prefixes or ()}))
                         for folded in (False, True)}
        self._written = LiteralSearch(self.prefixes[False])

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        # The spaCy pass stores the text: rebuilding it from tokens (doc.text) walks every
        # token, which costs more than all the regexes together.
        whole = doc.user_data.get(keys.TEXT) or doc.text
        segments = segments_of(doc, whole)
        # A paragraph holds only prefixes the whole text holds: in a Doc of many, the
        # case-sensitive prefixes are looked for once in the whole, then only those found.
        written = self.prefixes[False]
        if len(segments) > 1:
            found = self._written.found(whole)
            written = tuple([prefix for prefix in written if prefix in found])
        for begin, end in segments:
            text = whole[begin:end] if (begin, end) != (0, len(whole)) else whole
            present = self._present(text, written)
            for rule_id, pattern, prefixes, folded in self.patterns:
                if prefixes is not None and present[folded].isdisjoint(prefixes):
                    continue
                for match in pattern.finditer(text):
                    if match.end() == match.start():
                        continue
                    span = doc.char_span(begin + match.start(), begin + match.end(),
                                         label=rule_id, alignment_mode="expand")
                    if span is not None:
                        spans.append((span.start, span.end, rule_id))
        set_rule_spans(doc, spans)
        return doc

    def _present(self, text: str, written: tuple[str, ...]) -> dict[bool, set[str]]:
        """The prefixes found in ``text``: of ``written`` (the case-sensitive prefixes
        that may be there) as written, and (for the regexes that ignore case) in the
        lowercased text."""
        lowered = text.lower() if self.prefixes[True] else text
        return {False: {prefix for prefix in written if prefix in text},
                True: {prefix for prefix in self.prefixes[True] if prefix in lowered}}


def literal_prefixes(source: str) -> tuple[str, ...] | None:
    """Literal strings one of which starts every match of ``source``, or ``None``.

    ``None`` means no such set could be read (the regex may start with any
    character), and the regex then always runs.
    """
    if sre_parse is None:
        return None
    try:
        parsed = sre_parse.parse(source)
    except (re.error, RecursionError):
        return None
    found = _prefixes(list(parsed))
    if not found or any(not prefix for prefix in found):
        return None
    return tuple(sorted(found))


def _prefixes(items: Sequence) -> set[str] | None:
    prefix = ""
    for op, av in items:
        if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            if prefix:
                break
            continue
        if op is sre.LITERAL:
            prefix += chr(av)
            continue
        if prefix:
            break
        if op is sre.IN:
            if not all(kind is sre.LITERAL for kind, _ in av):
                return None
            return {chr(value) for _, value in av}
        if op is sre.BRANCH:
            union: set[str] = set()
            for branch in av[1]:
                found = _prefixes(list(branch))
                if not found:
                    return None
                union |= found
            return union
        if op is sre.SUBPATTERN:
            _group, add_flags, _del_flags, inner = av
            if add_flags & re.IGNORECASE:
                return None
            return _prefixes(list(inner))
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            low, _high, inner = av
            inner = list(inner)
            if low >= 1 and len(inner) == 1 and inner[0][0] is sre.LITERAL:
                return {chr(inner[0][1]) * min(low, 8)}  # "_{3,}" needs "___"
            return _prefixes(inner) if low >= 1 else None
        return None
    return {prefix} if prefix else None


@Language.factory("standout_regex_rules")
def make_regex_rules(nlp: Language, name: str) -> RegexRules:
    return RegexRules(name)
