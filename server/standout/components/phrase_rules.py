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
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from ..canonical import Canonicalizer
from ..phrase_syntax import GAP, GROUP, JOINERS, Phrase, expand_variants
from ..resources import wordlist
from ..rulebook import Rule, RuleError
from . import keys
from .segments import token_segments_of
from .sentences import sentences_of
from .stream import BARRIER, Stream, stream_of

ANTI = -1
# How a match key's matches are read: (rule id, part number or ANTI, the chain's
# (rule id, pattern number) or None).
Read = tuple[str, int, tuple[str, int] | None]
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
        # match key -> how a match of it is read (_reads): made from keys and joints
        self.reads: dict[int, Read] = {}
        self.joints: dict[tuple[str, int], tuple[str, ...]] = {}  # (rule, pattern) -> joints
        self.max_gap: dict[str, int] = {}
        self.owner: dict[tuple[str, ...], str] = {}
        # word list -> its entries in canonical form, by first word, longest first
        self.slot_entries: dict[str, dict[str, list[tuple[str, ...]]]] = {}
        self.open_ends: set[tuple[str, int]] = set()  # patterns ending with a list slot
        # Optional adverbs that full-stream variants name: without one of them in a
        # paragraph, no full-stream variant can match and that matcher is not run.
        self.named_adverbs: set[str] = set()
        self.joiner_words: frozenset[str] = frozenset()
        # A pattern naming the barrier word itself could reach across paragraphs: then the
        # full stream is matched whole (_adverb_windows).
        self.barrier_in_patterns = False

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
        self.reads = self._reads()

    def _reads(self) -> dict[int, Read]:
        """Per match key, (rule id, part number or ANTI, the (rule id, pattern number) of
        its chain when its pattern has gaps or list slots, else None): the tests _read
        made for every match (a tuple built and looked up in the joints), made once."""
        reads: dict[int, Read] = {}
        for match_id, (rule_id, number, part) in self.keys.items():
            chained = part != ANTI and bool(self.joints[(rule_id, number)])
            reads[match_id] = (rule_id, part, (rule_id, number) if chained else None)
        return reads

    def _add_pattern(
        self, rule: Rule, number: int, pattern: str, canon: Canonicalizer, anti: bool
    ) -> None:
        for group in GROUP.findall(pattern):
            alternatives = group.split("|")
            if any(not alternative.strip() for alternative in alternatives):
                continue  # optional already
            for alternative in alternatives:
                if not self._canonical(alternative, canon):
                    raise RuleError(rule.source, rule.id, (
                        f"{alternative.strip()!r} in {pattern!r} is an insertable word, dropped"
                        " from text and patterns alike: it would make its group optional"))
        docs: dict[tuple[str, str], list[Doc]] = defaultdict(list)
        joint_sets = set()
        open_ends = set()
        for phrase in expand_variants(pattern):
            if anti:
                phrase = Phrase((" ".join(phrase.parts),))
            joint_sets.add(phrase.joints)
            open_ends.add(phrase.open_end)
            for name in phrase.joints:
                if name != GAP and name not in self.slot_entries:
                    self.slot_entries[name] = _entries(
                        self._canonical(entry, canon) for entry in wordlist(name)
                    )
            fixed = phrase.parts[:-1] if phrase.open_end else phrase.parts
            forms = [self._canonical(part, canon) for part in fixed]
            if not all(forms):
                raise RuleError(
                    rule.source, rule.id, f"{pattern!r} has a variant with nothing to match"
                )
            named = {w for words in forms for w in words if w in canon.optional}
            stream = FULL if named else LEAN
            self.named_adverbs |= named
            for part_number, (part, words) in enumerate(zip(fixed, forms, strict=True)):
                if not anti and len(phrase.parts) == 1:
                    owner = self.owner.setdefault(tuple(words), rule.id)
                    if owner != rule.id:
                        raise RuleError(
                            rule.source,
                            rule.id,
                            f"{part!r} is also matched by rule '{owner}'; keep it in one rule",
                        )
                key = f"{rule.id}|{'anti' if anti else number}|{part_number}"
                closed = self._closed(part, canon)
                for variant in (words, closed):
                    if variant is not None:
                        self.barrier_in_patterns |= BARRIER in variant
                        docs[(key, stream)] += [
                            Doc(self.vocab, words=form)
                            for form in _with_contractions(variant, canon("'s") or "'s")]
        if len(joint_sets) > 1 or len(open_ends) > 1:
            raise RuleError(rule.source, rule.id, f"{pattern!r}: alternatives must not change gaps")
        for (key, stream), pattern_docs in docs.items():
            match_id = self.vocab.strings.add(key)
            self.keys[match_id] = (rule.id, number, ANTI if anti else int(key.rsplit("|", 1)[1]))
            self.matchers[stream].add(key, pattern_docs)
        if not anti:
            self.joints[(rule.id, number)] = joint_sets.pop()
            if open_ends.pop():
                self.open_ends.add((rule.id, number))

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
        found: list[keys.Place] = []
        anti: dict[str, list[tuple[int, int]]] = defaultdict(list)
        if stream.words:
            lean_words, lean_index, lean_hashes = stream.lean()
            if stream.lean_words is not None and not self.named_adverbs.isdisjoint(
                    stream.words):
                self._match(doc, self.matchers[FULL], stream.words, stream.token_index,
                            stream.hashes, found, anti, self._adverb_windows(doc, stream))
            self._match(doc, self.matchers[LEAN], lean_words, lean_index, lean_hashes, found,
                        anti, [(0, len(lean_words))])
        doc.user_data[keys.ANTIPATTERNS] = dict(anti)
        set_rule_spans(doc, _unique(found))
        return doc

    def _adverb_windows(self, doc: Doc, stream: Stream) -> list[tuple[int, int]]:
        """The stretches of the full stream worth matching full-stream variants in: the
        paragraphs holding an adverb such a variant names (next ones joined).

        Each full-stream variant names one of those adverbs in a part of its own, and a
        match, or a chain of parts, lies in one sentence, so in one paragraph: nothing
        reaches across the barrier between paragraphs (segments.py). A chain's other
        parts found elsewhere could never complete it."""
        words, index, named = stream.words, stream.token_index, self.named_adverbs
        if self.barrier_in_patterns:
            return [(0, len(words))]
        windows: list[tuple[int, int]] = []
        joined = False  # whether the paragraph before held one
        for first, end in token_segments_of(doc):
            lo, hi = bisect_left(index, first), bisect_left(index, end)
            if named.isdisjoint(words[lo:hi]):
                joined = False
            elif joined:
                windows[-1] = (windows[-1][0], hi)
            else:
                windows.append((lo, hi))
                joined = True
        return windows

    def _match(self, doc, matcher, words, index, hashes, found, anti,
               windows: list[tuple[int, int]]) -> None:
        """Match ``matcher`` on the stream's ``windows`` (ranges of stream positions)."""
        if not len(matcher):
            return
        pieces: dict[tuple[str, int], dict[int, list[tuple[int, int]]]] = defaultdict(
            lambda: defaultdict(list)
        )
        for lo, hi in windows:
            # The same Doc as words=words, built faster from the hashes.
            stream_doc = Doc(self.vocab, words=hashes[lo:hi])
            self._read(matcher(stream_doc), lo, words, index, found, anti, pieces)
        for (rule_id, number), by_part in pieces.items():
            found.extend(self._chain(doc, rule_id, number, self.joints[(rule_id, number)],
                                     by_part, index, words))

    def _read(self, matches, lo: int, words, index, found, anti, pieces) -> None:
        """Sort the matches of a stream Doc that starts at stream position ``lo``."""
        reads = self.reads
        for match_id, first, last in matches:
            rule_id, part, chain = reads[match_id]
            if chain is not None:  # most matches: a part of a pattern with gaps or slots
                pieces[chain][part].append((first + lo, last + lo))
            elif part == ANTI:
                anti[rule_id].append((index[first + lo], index[last + lo - 1] + 1))
            else:
                found.append(_place(words, index, first + lo, last + lo, rule_id))

    def _chain(self, doc, rule_id, number, joints, by_part, index, words) -> list[keys.Place]:
        """Join the parts in order, across gaps and list slots, inside one sentence.

        Each part's places are sorted once and searched by bisection, so a paragraph of
        repeated pieces costs n log n, not n squared."""
        open_end = (rule_id, number) in self.open_ends
        fixed_joints = joints[:-1] if open_end else joints
        if any(part not in by_part for part in range(len(fixed_joints) + 1)):
            return []
        gap = self.max_gap[rule_id]
        spans = []
        ordered = [sorted(by_part[part]) for part in range(len(fixed_joints) + 1)]
        firsts = [[s for s, _ in places] for places in ordered]
        # Two tokens are in one sentence when as many sentence starts come before both.
        sentence_starts = sentences_of(doc)
        for start, end in ordered[0]:
            sentence = None  # its number, found once a next part is within reach: most never are
            last_end = end
            for part, joint in enumerate(fixed_joints, 1):
                # The first place of this part that may follow, within reach, in the sentence.
                reach = last_end + (gap if joint == GAP else LIST_MAX)
                places, k = ordered[part], bisect_left(firsts[part], last_end)
                while k < len(places) and places[k][0] <= reach:
                    if self._joined(joint, words, last_end, places[k][0], gap):
                        if sentence is None:
                            sentence = bisect_right(sentence_starts, index[start])
                        if bisect_right(sentence_starts, index[places[k][0]]) == sentence:
                            break
                    k += 1
                if k == len(places) or places[k][0] > reach:
                    break
                last_end = places[k][1]
            else:
                if open_end:
                    last_end = self._list_end(joints[-1], words, last_end)
                    if last_end is None:
                        continue
                spans.append(_place(words, index, start, last_end, rule_id))
        return spans

    def _list_end(self, joint: str, words: list[str], end: int) -> int | None:
        """Where a list slot that starts at ``end`` stops (after its last entry)."""
        ends = self._entry_ends(joint, words, end, min(len(words), end + LIST_MAX))
        return ends[-1] if ends else None

    def _joined(self, joint: str, words: list[str], end: int, start: int, gap: int) -> bool:
        """Whether stream words ``[end, start)`` may stand between two parts."""
        if joint == GAP:
            return end <= start <= end + gap
        if not end < start <= end + LIST_MAX:
            return False
        return start in self._entry_ends(joint, words, end, start)

    def _entry_ends(self, joint: str, words: list[str], start: int, stop: int) -> list[int]:
        """Positions just after each entry of a list read from ``start``: entries, joiners."""
        entries, joiners = self.slot_entries[joint], self.joiner_words
        ends: list[int] = []
        position = start
        while position < stop:
            word = words[position]
            entry = next((e for e in entries.get(word, ()) if
                          tuple(words[position : position + len(e)]) == e), None)
            if entry is not None and position + len(entry) <= stop:
                position += len(entry)
                ends.append(position)
            elif word in joiners and ends:
                position += 1
            else:
                break
        return ends


CLAUSE_PUNCTUATION = {".", ",", ";", ":", "!", "?", "…", "..."}


# "That's a great question" is "that is a great question": "'s" keeps its own canonical
# form (it may be a possessive), so a pattern's "is" or "has" after one of these words
# also matches it written "'s". After a noun it stays unexpanded ("the client's file").
CONTRACTING = frozenset({"that", "it", "what", "there", "here", "he", "she", "who", "this",
                         "where", "everyone", "everything", "nothing", "something"})
CONTRACTED = frozenset({"be", "have"})


def _with_contractions(words: list[str], contracted_form: str) -> list[list[str]]:
    """``words`` and, where an "is" or "has" follows a CONTRACTING word, the form of
    those words with it written "'s" (``contracted_form``: the canonical form of "'s")."""
    spots = {i for i in range(1, len(words))
             if words[i] in CONTRACTED and words[i - 1] in CONTRACTING}
    contracted = [contracted_form if i in spots else w for i, w in enumerate(words)]
    return [words, contracted] if contracted != words else [words]


def _place(words: list[str], index: list[int], start: int, end: int,
           rule_id: str) -> keys.Place:
    """Stream words ``[start, end)`` as a token range of the Doc, without the punctuation a
    pattern may name as context ("apply ." ends at "apply")."""
    while end - start > 1 and words[end - 1] in CLAUSE_PUNCTUATION:
        end -= 1
    while end - start > 1 and words[start] in CLAUSE_PUNCTUATION:
        start += 1
    return (index[start], index[end - 1] + 1, rule_id)


def _entries(forms) -> dict[str, list[tuple[str, ...]]]:
    by_first: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for words in forms:
        if words:
            by_first[words[0]].append(tuple(words))
    return {word: sorted(set(found), key=len, reverse=True) for word, found in by_first.items()}


def _unique(places: list[keys.Place]) -> list[keys.Place]:
    """Matches found on both streams, or by two variants of one pattern, once each."""
    return list(dict.fromkeys(places))


def set_rule_spans(doc: Doc, places: list[keys.Place]) -> None:
    """Add rule matches to ``doc.user_data[keys.RULE_MATCHES]`` (labels are rule ids)."""
    doc.user_data.setdefault(keys.RULE_MATCHES, []).extend(places)


@Language.factory("standout_phrase_rules")
def make_phrase_rules(nlp: Language, name: str) -> PhraseRules:
    return PhraseRules(nlp, name)
