"""Phrase rules: the rulebook's phrase patterns, matched in canonical form.

Every pattern is expanded (``{a|b}``, ``@list``), tokenized with the same
tokenizer as the text, put in canonical form and added to a PhraseMatcher,
which is nearly free at any size. A variant that names no optional adverb goes
to the matcher run on the lean stream (adverbs left out, so they may be inserted
anywhere), the others to the matcher run on the full stream (components/stream.py).
A hyphenated word also matches written closed ("teamplayer" for "team-player").
Patterns with gaps (``weakness .. perfectionist``) or list slots (``strong
@skill-areas+ skills``) are matched part by part and chained here, inside one
sentence.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from ..canonical import Canonicalizer
from ..phrase_syntax import GAP, JOINERS, Phrase, expand_variants
from ..resources import wordlist
from ..rulebook import Rule, RuleError
from . import keys
from .sentences import sentence_bounds
from .stream import stream_of

ANTI = -1
FULL, LEAN = "full", "lean"
LIST_MAX = 10  # words a list slot may hold, joiners included
_HYPHENATED = re.compile(r"^[^\W\d_]+(?:-[^\W\d_]+)+$").match


class PhraseRules:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.nlp = nlp
        self.vocab = nlp.vocab
        self.matchers = {FULL: PhraseMatcher(nlp.vocab, attr="ORTH"),
                         LEAN: PhraseMatcher(nlp.vocab, attr="ORTH")}
        # match key -> (rule id, pattern number, part number or ANTI)
        self.keys: dict[int, tuple[str, int, int]] = {}
        self.joints: dict[tuple[str, int], tuple[str, ...]] = {}  # (rule, pattern) -> joints
        self.max_gap: dict[str, int] = {}
        self.owner: dict[tuple[str, ...], str] = {}
        self.slot_words: dict[str, frozenset[str]] = {}  # word list -> its canonical words
        self.joiner_words: frozenset[str] = frozenset()

    def add_rules(self, rules: Iterable[Rule], canon: Canonicalizer) -> None:
        """Add phrase rules' patterns, and every rule's antipatterns."""
        self.joiner_words = frozenset(
            word for joiner in JOINERS for word in self._canonical(joiner, canon)
        )
        for rule in rules:
            self.max_gap[rule.id] = rule.max_gap
            if rule.kind == "phrases":
                for number, pattern in enumerate(rule.patterns):
                    self._add_pattern(rule, number, pattern, canon, anti=False)
            for pattern in rule.antipatterns:
                self._add_pattern(rule, -1, pattern, canon, anti=True)

    def _add_pattern(
        self, rule: Rule, number: int, pattern: str, canon: Canonicalizer, anti: bool
    ) -> None:
        docs: dict[tuple[str, str], list[Doc]] = defaultdict(list)
        joint_sets = set()
        for phrase in expand_variants(pattern):
            if anti:
                phrase = Phrase((" ".join(phrase.parts),))
            joint_sets.add(phrase.joints)
            for name in phrase.joints:
                if name != GAP and name not in self.slot_words:
                    self.slot_words[name] = frozenset(
                        word for entry in wordlist(name) for word in self._canonical(entry, canon)
                    )
            forms = [self._canonical(part, canon) for part in phrase.parts]
            if not all(forms):
                raise RuleError(
                    rule.source, rule.id, f"{pattern!r} has a variant with nothing to match"
                )
            stream = FULL if any(w in canon.optional for words in forms for w in words) else LEAN
            for part_number, (part, words) in enumerate(zip(phrase.parts, forms, strict=True)):
                if not anti and len(forms) == 1:
                    owner = self.owner.setdefault(tuple(words), rule.id)
                    if owner != rule.id:
                        raise RuleError(
                            rule.source,
                            rule.id,
                            f"{part!r} is also matched by rule '{owner}'; keep it in one rule",
                        )
                key = f"{rule.id}|{'anti' if anti else number}|{part_number}"
                docs[(key, stream)].append(Doc(self.vocab, words=words))
                closed = self._closed(part, canon)
                if closed is not None:
                    docs[(key, stream)].append(Doc(self.vocab, words=closed))
        if len(joint_sets) > 1:
            raise RuleError(rule.source, rule.id, f"{pattern!r}: alternatives must not change gaps")
        for (key, stream), pattern_docs in docs.items():
            match_id = self.vocab.strings.add(key)
            self.keys[match_id] = (rule.id, number, ANTI if anti else int(key.rsplit("|", 1)[1]))
            self.matchers[stream].add(key, pattern_docs)
        if not anti:
            self.joints[(rule.id, number)] = joint_sets.pop()

    def _closed(self, part: str, canon: Canonicalizer) -> list[str] | None:
        """The part with its hyphenated words written closed ("teamplayer"), if it has one."""
        chunks = part.split()
        if not any(_HYPHENATED(chunk) for chunk in chunks):
            return None
        words: list[str] = []
        for chunk in chunks:
            if _HYPHENATED(chunk):
                words += self._canonical(chunk.replace("-", ""), canon)
            else:
                words += self._canonical(chunk, canon)
        return words or None

    def _canonical(self, text: str, canon: Canonicalizer) -> list[str]:
        words = []
        for token in self.nlp.make_doc(text):
            if token.is_space:
                continue
            form = canon(token.lower_)
            if form is not None:
                words.append(form)
        return words

    def __call__(self, doc: Doc) -> Doc:
        stream = stream_of(doc)
        found: list[Span] = []
        anti: dict[str, list[tuple[int, int]]] = defaultdict(list)
        if stream.words:
            lean_words, lean_index = stream.lean()
            for name, words, index in ((FULL, stream.words, stream.token_index),
                                       (LEAN, lean_words, lean_index)):
                self._match(doc, self.matchers[name], words, index, found, anti)
        doc.user_data[keys.ANTIPATTERNS] = dict(anti)
        set_rule_spans(doc, _unique(found))
        return doc

    def _match(self, doc, matcher, words, index, found, anti) -> None:
        if not len(matcher):
            return
        stream_doc = Doc(self.vocab, words=words)
        pieces: dict[tuple[str, int], dict[int, list[tuple[int, int]]]] = defaultdict(
            lambda: defaultdict(list)
        )
        for match_id, start, end in matcher(stream_doc):
            rule_id, number, part = self.keys[match_id]
            if part == ANTI:
                anti[rule_id].append((index[start], index[end - 1] + 1))
            elif not self.joints[(rule_id, number)]:
                found.append(Span(doc, index[start], index[end - 1] + 1, label=rule_id))
            else:
                pieces[(rule_id, number)][part].append((start, end))
        for (rule_id, number), by_part in pieces.items():
            found.extend(self._chain(doc, rule_id, self.joints[(rule_id, number)], by_part,
                                     index, words))

    def _chain(self, doc, rule_id, joints, by_part, index, words) -> list[Span]:
        """Join the parts in order, across gaps and list slots, inside one sentence."""
        if any(part not in by_part for part in range(len(joints) + 1)):
            return []
        gap = self.max_gap[rule_id]
        spans = []
        for start, end in sorted(by_part[0]):
            sentence = sentence_bounds(doc, index[start])
            last_end = end
            for part, joint in enumerate(joints, 1):
                candidates = [
                    (s, e) for s, e in sorted(by_part[part])
                    if self._joined(joint, words, last_end, s, gap)
                    and sentence_bounds(doc, index[s]) == sentence
                ]
                if not candidates:
                    break
                last_end = candidates[0][1]
            else:
                spans.append(Span(doc, index[start], index[last_end - 1] + 1, label=rule_id))
        return spans

    def _joined(self, joint: str, words: list[str], end: int, start: int, gap: int) -> bool:
        """Whether stream words ``[end, start)`` may stand between two parts."""
        if joint == GAP:
            return end <= start <= end + gap
        if not end < start <= end + LIST_MAX:
            return False
        allowed, joiners = self.slot_words[joint], self.joiner_words
        between = words[end:start]
        return (all(w in allowed or w in joiners for w in between)
                and any(w in allowed for w in between))


def _unique(spans: list[Span]) -> list[Span]:
    """Matches found on both streams, or by two variants of one pattern, once each."""
    seen: set[tuple[int, int, int]] = set()
    out = []
    for span in spans:
        place = (span.label, span.start, span.end)
        if place not in seen:
            seen.add(place)
            out.append(span)
    return out


def set_rule_spans(doc: Doc, spans: list[Span]) -> None:
    """Add rule matches to ``doc.spans[keys.RULE_MATCHES]`` (labels are rule ids)."""
    if keys.RULE_MATCHES in doc.spans:
        doc.spans[keys.RULE_MATCHES].extend(spans)
    else:
        doc.spans[keys.RULE_MATCHES] = spans


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

    def __call__(self, doc: Doc) -> Doc:
        if keys.RULE_MATCHES not in doc.spans:
            return doc
        anti = doc.user_data.get(keys.ANTIPATTERNS) or {}
        spans = doc.spans[keys.RULE_MATCHES]
        kept = [
            span for span in spans
            if not any(s < span.end and span.start < e for s, e in anti.get(span.label_, ()))
            and not _inside_hyphenated(doc, span.start, span.end)
            and not _quoted(doc, span.start, span.end)
            and not _in_a_name(doc, span.start, span.end)
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


@Language.factory("standout_phrase_rules")
def make_phrase_rules(nlp: Language, name: str) -> PhraseRules:
    return PhraseRules(nlp, name)
