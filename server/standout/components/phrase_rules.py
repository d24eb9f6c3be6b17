"""Phrase rules: the rulebook's phrase patterns, matched in canonical form.

Every pattern is expanded (``{a|b}``, ``@list``), tokenized with the same
tokenizer as the text, put in canonical form and added to one PhraseMatcher,
which is nearly free at any size. Patterns with gaps (``weakness .. perfectionist``)
are matched part by part and chained here, inside one sentence.
"""

from __future__ import annotations

import itertools
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from ..canonical import Canonicalizer
from ..rulebook import Rule, RuleError, expand_phrase
from . import keys
from .sentences import sentence_bounds
from .stream import stream_of

ANTI = -1


class PhraseRules:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.nlp = nlp
        self.vocab = nlp.vocab
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        # match key -> (rule id, pattern number, part number or ANTI)
        self.keys: dict[int, tuple[str, int, int]] = {}
        self.parts: dict[tuple[str, int], int] = {}  # (rule, pattern) -> number of parts
        self.max_gap: dict[str, int] = {}
        self.owner: dict[tuple[str, ...], str] = {}

    def add_rules(self, rules: Iterable[Rule], canon: Canonicalizer) -> None:
        """Add phrase rules' patterns, and every rule's antipatterns."""
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
        docs: dict[str, list[Doc]] = defaultdict(list)
        part_counts = set()
        for parts in expand_phrase(pattern):
            if anti:
                parts = [" ".join(parts)]
            part_counts.add(len(parts))
            for part_number, part in enumerate(parts):
                words = self._canonical(part, canon)
                if not words:
                    raise RuleError(
                        rule.source, rule.id, f"{pattern!r} has a variant with nothing to match"
                    )
                if not anti and len(parts) == 1:
                    owner = self.owner.setdefault(tuple(words), rule.id)
                    if owner != rule.id:
                        raise RuleError(
                            rule.source,
                            rule.id,
                            f"{part!r} is also matched by rule '{owner}'; keep it in one rule",
                        )
                key = f"{rule.id}|{'anti' if anti else number}|{part_number}"
                docs[key].append(Doc(self.vocab, words=words))
        if len(part_counts) > 1:
            raise RuleError(rule.source, rule.id, f"{pattern!r}: alternatives must not change gaps")
        for key, pattern_docs in docs.items():
            match_id = self.vocab.strings.add(key)
            self.keys[match_id] = (rule.id, number, ANTI if anti else int(key.rsplit("|", 1)[1]))
            self.matcher.add(key, pattern_docs)
        if not anti:
            self.parts[(rule.id, number)] = part_counts.pop()

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
        if not stream.words:
            doc.user_data[keys.ANTIPATTERNS] = {}
            set_rule_spans(doc, [])
            return doc
        stream_doc = Doc(self.vocab, words=stream.words)
        index = stream.token_index
        found: list[Span] = []
        anti: dict[str, list[tuple[int, int]]] = defaultdict(list)
        pieces: dict[tuple[str, int], dict[int, list[tuple[int, int]]]] = defaultdict(
            lambda: defaultdict(list)
        )
        for match_id, start, end in self.matcher(stream_doc):
            rule_id, number, part = self.keys[match_id]
            if part == ANTI:
                anti[rule_id].append((index[start], index[end - 1] + 1))
            elif self.parts[(rule_id, number)] == 1:
                found.append(Span(doc, index[start], index[end - 1] + 1, label=rule_id))
            else:
                pieces[(rule_id, number)][part].append((start, end))
        for (rule_id, number), by_part in pieces.items():
            found.extend(self._chain(doc, rule_id, self.parts[(rule_id, number)], by_part, index))
        doc.user_data[keys.ANTIPATTERNS] = dict(anti)
        set_rule_spans(doc, found)
        return doc

    def _chain(self, doc, rule_id, n_parts, by_part, index) -> list[Span]:
        """Join gapped parts in order, each within ``max_gap`` words, in one sentence."""
        if any(part not in by_part for part in range(n_parts)):
            return []
        gap = self.max_gap[rule_id]
        spans = []
        ordered = [sorted(by_part[part]) for part in range(n_parts)]
        firsts = [[s for s, _ in places] for places in ordered]  # for a binary search
        for start, end in ordered[0]:
            sentence = sentence_bounds(doc, index[start])
            last_end = end
            for part in range(1, n_parts):
                # The first place of this part starting within the gap, in the sentence.
                places, k = ordered[part], bisect_left(firsts[part], last_end)
                while (k < len(places) and places[k][0] <= last_end + gap
                       and sentence_bounds(doc, index[places[k][0]]) != sentence):
                    k += 1
                if k == len(places) or places[k][0] > last_end + gap:
                    break
                last_end = places[k][1]
            else:
                spans.append(Span(doc, index[start], index[last_end - 1] + 1, label=rule_id))
        return spans


def set_rule_spans(doc: Doc, spans: list[Span]) -> None:
    """Add rule matches to ``doc.spans[keys.RULE_MATCHES]`` (labels are rule ids)."""
    if keys.RULE_MATCHES in doc.spans:
        doc.spans[keys.RULE_MATCHES].extend(spans)
    else:
        doc.spans[keys.RULE_MATCHES] = spans


class Antipatterns:
    """Drops any rule match that overlaps one of that rule's antipatterns.

    Runs after every matching component, so antipatterns work for phrase,
    token and regex rules alike ("outside the box office" is not a cliché).
    """

    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        anti = doc.user_data.get(keys.ANTIPATTERNS)
        if anti and keys.RULE_MATCHES in doc.spans:
            places = {rule: _Places(found) for rule, found in anti.items()}
            kept = [
                span for span in doc.spans[keys.RULE_MATCHES]
                if span.label_ not in places or not places[span.label_].overlap(span.start,
                                                                                 span.end)
            ]
            doc.spans[keys.RULE_MATCHES] = kept
        return doc


class _Places:
    """Token ranges, asked whether any overlaps ``[start, end)`` in O(log n)."""

    def __init__(self, ranges: list[tuple[int, int]]) -> None:
        ranges = sorted(ranges)
        self.starts = [s for s, _ in ranges]
        # the furthest end among the ranges up to each one (they may nest or overlap)
        self.reach = list(itertools.accumulate((e for _, e in ranges), max))

    def overlap(self, start: int, end: int) -> bool:
        i = bisect_left(self.starts, end)  # the ranges starting before ``end``
        return i > 0 and self.reach[i - 1] > start


@Language.factory("standout_antipatterns")
def make_antipatterns(nlp: Language, name: str) -> Antipatterns:
    return Antipatterns(name)


@Language.factory("standout_phrase_rules")
def make_phrase_rules(nlp: Language, name: str) -> PhraseRules:
    return PhraseRules(nlp, name)
