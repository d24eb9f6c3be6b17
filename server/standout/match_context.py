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
- **what it points to**: a claim whose sentence ends in a colon, or in a
  promise of what follows ("... and I can show it.", forward_pointers.py),
  points at the next sentence; one followed by a colon and a list in its own sentence ("I
  wore many hats: support, QA and billing") lists its evidence; a next sentence
  that starts "For example" or "This was demonstrated" (models/wordlists/
  evidence-pointers.txt) is the evidence; "passionate about that mission" and a
  sentence opening "These experiences ..." point back at the sentence before,
  and so does a wish that dates from it ("I've wanted to work in housing since.",
  "Since then I have ...").
  Only these explicit pointers count: letting any neighbouring sentence back a
  claim would excuse most bare claims, because real letters have names and
  numbers nearly everywhere.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import cache
from typing import NamedTuple

from spacy.attrs import LOWER, ORTH
from spacy.strings import StringStore, hash_string
from spacy.tokens import Doc

from .application_object import application_words
from .components import MAX_CACHED_WORDS
from .components.columns import columns
from .forward_pointers import PROOF_WORDS, last_words, points_on
from .named_tuples import make
from .resources import wordlist

FIRST_PERSON = ("i", "me", "my", "myself", "mine")
COPULAS = ("is", "are", "was", "were")
BULLETS = {"-", "*", "•", "–", "—", "·", "‣", "▪", "►", "✓", "+"}
SENTENCE_ENDS = {".", "!", "?", "…", "...", ";", ","}
QUESTION_WORDS = {"why", "what", "how"}
DEMONSTRATIVES = {"this", "that", "these", "those"}
REFERENCES = DEMONSTRATIVES | {"such"}  # what a sentence opening by pointing back opens with
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
LABEL_MAX_BEFORE = 2  # describing words before a label that opens a CV fragment
DESCRIBING_ENDINGS = ("ed", "ing", "ive", "ful", "ous", "ic", "al", "able", "ible", "ent", "ant")
DESCRIBING_WORDS = frozenset({"strong", "hard", "good", "great", "true", "real", "proven",
                              "friendly", "honest", "keen", "quick", "fast", "natural"})
AGENT_ENDINGS = ("er", "or", "ist")  # "learner", "player", "self-starter", "go-getter"
# Words that carry a CV fragment on after its label: "Team player who ...", "Hard worker with".
FRAGMENT_LINKS = frozenset({
    "who", "whose", "with", "and", "or", "but", "that", "since", "for", "in", "at", "from",
    "of", "to", "by", "on", "always", "eager", "keen", "looking", "seeking", "able", "ready",
    "willing", "passionate", "committed", "dedicated", "known", "experienced", "skilled",
    "offering", "bringing", "having", "used", "focused", "motivated", "driven", "too",
})
# "our spaniel thrives", "the team works well": a determiner and a noun before a verb.
THIRD_PARTY_DETERMINERS = frozenset({"my", "our", "the", "a", "an", "his", "her", "their",
                                     "this", "that", "every", "each", "your"})
# Determiners that open a sentence on a thing or someone else ("These wall plugs are ...").
THING_DETERMINERS = (THIRD_PARTY_DETERMINERS - {"my", "our", "your"}) | {"these", "those", "its"}
# The verbs self-description matches open on, in the third person ("thrives in a
# fast-paced ..."): a plural noun in their place ("skills align") is not one of them.
THIRD_PERSON_VERBS = frozenset({
    "thrives", "excels", "flourishes", "succeeds", "works", "performs", "does", "goes",
    "takes", "brings", "loves", "enjoys", "puts", "reaches", "remains", "stays", "keeps",
    "handles", "adapts", "learns", "pays", "hits", "gives", "shows", "strives", "prides",
    "communicates", "gets", "rises", "steps", "wears", "thinks", "aligns"})
SELF_NOUNS = frozenset({"self"})  # "my true self thrives ..." is the writer
# The same verbs in the past tense, where "I" and a thing share the form ("A second coat
# of varnish took the old table to the next level"): read only after a thing's subject.
PAST_VERBS = frozenset({
    "thrived", "excelled", "flourished", "succeeded", "worked", "performed", "did", "went",
    "took", "brought", "loved", "enjoyed", "put", "reached", "remained", "stayed", "kept",
    "handled", "adapted", "learned", "learnt", "paid", "hit", "gave", "showed", "strove",
    "prided", "communicated", "got", "rose", "stepped", "wore", "thought", "aligned"})
SUBJECT_MAX_WORDS = 6  # words of a thing's noun phrase after its determiner
COMPLEMENT_MAX_WORDS = 3  # words between its copula and the match ("are not a good fit")
# Where the clause of a match ends: what comes after may be the writer's own.
CLAUSE_BREAKS = frozenset({",", ";", ":", "and", "but", "so", "because", "before", "after",
                           "when", "while", "which", "until", "as", "since", "then", "—"})
# "my" and the words of its noun before "is" ("my new kitchen scales are"), or read for an
# aspect of the writer after it ("my long-term career")
MY_THING_WORDS = 4
GROWTH_OBJECT_WORDS = 6  # words after a growth verb searched for a skill or quality
LIST_MIN_WORDS = 3  # words after a colon that make a list


class MatchFacts(NamedTuple):
    about_writer: bool
    heading: bool
    introduces: bool  # followed by its evidence: a list after a colon, or the next paragraph
    pointed: tuple[int, int] | None  # token range of the sentence it points to
    grows: bool  # "I developed strong skills at Tesco": names and dates are only the setting


@cache
def _pointers() -> dict[str, tuple[tuple[str, ...], ...]]:
    """The evidence pointers, by their first word."""
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for line in wordlist("evidence-pointers"):
        words = tuple(line.lower().split())
        by_first.setdefault(words[0], []).append(words)
    return {word: tuple(found) for word, found in by_first.items()}


class _Sentence(NamedTuple):
    first: int
    end: int
    words: list[int]  # token indices of its words (no punctuation or spaces)
    last_text: str  # its last token
    first_person: bool
    copula: bool
    heading: bool
    colons: list[tuple[int, int]]  # (token index of a colon, words after it)
    opening: tuple[str, ...]  # its first words, lowercase
    grows: bool  # a growth verb with a skill or quality after it
    promises: bool = False  # ends "... and I can show it." (forward_pointers.py)


class SentenceReader:
    """Facts about matches in one Doc, from token arrays read once (sentences cached)."""

    def __init__(self, doc: Doc, sentence_starts: list[int], punct: list[int],
                 space: list[int]) -> None:
        self.doc = doc
        self.starts = sentence_starts
        self.punct = punct
        self.space = space
        self.strings = doc.vocab.strings
        self.decoded = _decoded(self.strings)  # hash -> string, kept between Docs
        self.orth, self.lower = columns(doc, ORTH, LOWER)
        # Tokens are told apart by their hashes here, not by their strings: one lookup less.
        # (A string's hash is the same in every vocabulary: the sets are made once.)
        hashes = _hashes()
        self.first_person = hashes.first_person
        self.plainly_first_person = hashes.plainly_first_person  # "I", "me", "mine"
        self.third_person_verbs = hashes.third_person_verbs
        self.copulas = hashes.copulas
        self.colon = hashes.colon
        self.bullets = hashes.bullets
        self.growth, self.qualities = _growth_words()
        self.pointer_ends = _pointer_ends()  # the hashes of last_words()
        self.following = hashes.following
        self.proof = hashes.proof  # "the clearest proof is"
        self.since, self.then, self.ever = hashes.since, hashes.then, hashes.ever
        self.demonstratives, self.not_a_noun = hashes.demonstratives, hashes.not_a_noun
        self._sentences: dict[tuple[int, int], _Sentence] = {}
        self._fragments: set[tuple[int, int]] = set()  # sentences that open with a label

    def _text(self, i: int) -> str:
        return self.decoded[self.orth[i]]

    def _span_text(self, first: int, end: int) -> str:
        return self.doc[first:end].text

    def _sentence(self, k: int, paragraph_end: int) -> _Sentence:
        found = self._sentences.get((k, paragraph_end))
        if found is not None:
            return found
        starts = self.starts
        first = starts[k]
        end = min(starts[k + 1] if k + 1 < len(starts) else paragraph_end, paragraph_end)
        punct, space = self.punct, self.space
        words = [i for i in range(first, end) if not (punct[i] or space[i])]
        last = end - 1
        while last > first and space[last]:
            last -= 1
        last_text = self._text(last)
        orth, lower, colon = self.orth, self.lower, self.colon
        colons = []
        if colon in orth[first:end]:  # most sentences have none
            colons = [(i, len(words) - bisect_right(words, i))  # (colon, words after it)
                      for i in range(first, end) if punct[i] and orth[i] == colon]
        decoded, bullets = self.decoded, self.bullets
        opening = tuple([decoded[lower[i]] for i in range(first, min(end, first + 10))
                         if not space[i] and orth[i] not in bullets][:6])
        lowers = lower[first:end]
        promises = bool(last_text != ":" and words and (
                lower[words[-1]] in self.pointer_ends
                or self.following in lowers or not self.proof.isdisjoint(lowers)) and points_on(
                    self._span_text(first, last + 1)))
        sentence = make(_Sentence, (
            first, end, words, last_text, self._first_person(lowers),
            not self.copulas.isdisjoint(lowers),
            self._heading(words, last_text, opening, end, last, paragraph_end),
            colons, opening, self._grows(lowers), promises,
        ))
        self._sentences[(k, paragraph_end)] = sentence
        return sentence

    def _opens(self, words: list[int], start: int) -> bool:
        """The match opens the sentence, after at most a few describing words
        ("Hard-working team player ...", "Strong team player ..."), not "Every team player"."""
        if words[0] == start:
            return True
        before = [self._text(i).lower() for i in words[:LABEL_MAX_BEFORE + 1] if i < start]
        return len(before) <= LABEL_MAX_BEFORE and len(before) == sum(
            1 for i in words if i < start) and all(map(_describes, before))

    def _modifies_a_noun(self, stop: int, end: int) -> bool:
        """ "Fast learner mode skips the tutorial": a label ending in an agent noun, then a
        plain word, names a thing; a CV fragment goes on "Fast learner with ...", "..., who"."""
        if stop >= end or self.space[stop] or self.punct[stop]:
            return False
        last = self._text(stop - 1).lower()
        after = self._text(stop)
        return (last.endswith(AGENT_ENDINGS) and after.isalpha() and after.islower()
                and after not in FRAGMENT_LINKS)

    def _first_person(self, lower: list[int]) -> bool:
        """The writer speaks of themselves: "I", "me", or a "my" that is not "my daughter"
        nor the subject of a thing ("My new kitchen scales are detail-oriented")."""
        if self.first_person.isdisjoint(lower):
            return False
        if not self.plainly_first_person.isdisjoint(lower):
            return True  # only a "my" needs its next words read
        my, others = _my_and_others()
        return any(word in self.first_person and (
            word != my or i + 1 >= len(lower) or (
                lower[i + 1] not in others and not self._my_thing(lower, i)))
            for i, word in enumerate(lower))

    def _my_thing(self, lower: list[int], i: int) -> bool:
        """Whether the "my" at ``i`` names a thing, not an aspect of the writer
        (models/wordlists/self-aspects.txt): as the subject of a copula ("My sourdough
        starter is a real self-starter" is about the starter; "My attention to detail is"
        the writer), or after a subject that is a thing ("The new racquet gave my backhand
        an opportunity to grow"; "The course gave my career a lift" is the writer's)."""
        aspects = _self_aspects()
        for j in range(i + 2, min(len(lower), i + 1 + MY_THING_WORDS)):
            if lower[j] in self.copulas:
                return all(w not in aspects for w in lower[i + 1 : j])
        return bool(i) and lower[0] in _thing_openers() and all(
            w not in aspects for w in lower[i + 1 : i + 1 + MY_THING_WORDS])

    def _someone_elses_verb(self, words: list[int], start: int, stop: int) -> bool:
        """ "Our spaniel thrives in a fast-paced ...": the match opens on a verb in the
        third person ("-s") right after a noun with its determiner, and has no "I" or
        "my" of its own, so its subject is someone or something else, whatever "I" the
        sentence holds elsewhere. "I am someone who thrives ..." (a relative "who") and
        "The post aligns with my goals" (the writer's own goals) stay the writer's."""
        if self.lower[start] not in self.third_person_verbs:
            return False  # "my technical skills align with": a noun, not a verb
        if not self.first_person.isdisjoint(self.lower[start:stop]):
            return False
        k = bisect_left(words, start)
        if k < 2 or words[k] != start:
            return False
        determiner, noun = self._text(words[k - 2]).lower(), self._text(words[k - 1])
        return (determiner in THIRD_PARTY_DETERMINERS and noun.isalpha() and noun.islower()
                and noun not in SELF_NOUNS)

    def _things_clause(self, words: list[int], start: int, stop: int, end: int) -> bool:
        """ "These wall plugs are not a good fit for the shelf brackets, so I need ...", "The
        kite was a real self-starter and ...": the sentence opens on a thing (a determiner
        and a few words, none the writer's, none an application's: "This role is the
        perfect fit" stays a fit claim), then a copula or a verb the match opens on, and
        the match's clause holds no "I" or "my": its claim is the thing's, whatever "I" the
        sentence holds after it."""
        lower = self.lower
        if not words or lower[words[0]] not in _thing_determiners():
            return False  # most sentences open on "I", a name or a verb
        k = bisect_left(words, start)
        if k < 2 or k >= len(words) or words[k] != start or (
                k > 1 + SUBJECT_MAX_WORDS + 1 + COMPLEMENT_MAX_WORDS):
            return False
        if not self.first_person.isdisjoint(lower[words[0]:start]):
            return False
        before = [self._text(i).lower() for i in words[:k]]
        if any(self.punct[i] for i in range(words[0], start)):
            return False  # "The truth is, I am a team player": a clause of its own before
        copulas = [j for j, word in enumerate(before) if word in COPULAS]
        if copulas:
            subject = before[1:copulas[0]]
            if k - copulas[0] - 1 > COMPLEMENT_MAX_WORDS:
                return False
        elif self._text(start).lower() in PAST_VERBS or self.lower[start] in (
                self.third_person_verbs):
            subject = before[1:]
        else:
            return False
        if not 1 <= len(subject) <= SUBJECT_MAX_WORDS or not application_words().isdisjoint(
                subject):
            return False
        first_person, breaks = self.first_person, _clause_breaks()
        for i in range(start, end):
            if i >= stop and lower[i] in breaks:
                return True
            if lower[i] in first_person:
                return False
        return True

    def _grows(self, lower: list[int]) -> bool:
        """A growth verb with a skill or quality in the words after it."""
        growth, qualities = self.growth, self.qualities
        if growth.isdisjoint(lower):
            return False
        return any(word in growth and not qualities.isdisjoint(
            lower[i + 1 : i + 1 + GROWTH_OBJECT_WORDS]) for i, word in enumerate(lower))

    def facts(self, k: int, start: int, stop: int, paragraph: tuple[int, int]) -> MatchFacts:
        """Facts for a match at tokens ``[start, stop)`` in sentence ``k`` of ``paragraph``."""
        paragraph_start, paragraph_end = paragraph
        starts = self.starts
        sentence = self._sentence(k, paragraph_end)
        words = sentence.words
        # A CV fragment opens with a label ("Detail-oriented team player who ships"):
        # every label in it is the writer's. Matches come in order of their start.
        if not sentence.first_person and words and self._opens(words, start) and (
                not sentence.copula and not self._modifies_a_noun(stop, sentence.end)):
            self._fragments.add((k, paragraph_end))
        about = (sentence.first_person or (k, paragraph_end) in self._fragments) and not (
            self._someone_elses_verb(words, start, stop)
            or self._things_clause(words, start, stop, sentence.end))
        following = k + 1 < len(starts) and starts[k + 1] < paragraph_end
        points_on_next = sentence.last_text == ":" or sentence.promises
        lists_after = bool(sentence.colons) and next(
            (n for i, n in sentence.colons if i >= stop), 0) >= LIST_MIN_WORDS
        introduces = lists_after or (points_on_next and not following)
        pointed = None
        if following:
            after = self._sentence(k + 1, paragraph_end)
            if points_on_next or _starts_with_pointer(after.opening):
                pointed = (after.first, after.end)
        if pointed is None and k > 0 and starts[k - 1] >= paragraph_start and (
                self._points_back(stop, sentence.end)
                or _opens_with_reference(sentence.opening, words, start)
                or self._dates_from_before(sentence)):
            pointed = (starts[k - 1], sentence.first)
        return make(MatchFacts, (about, sentence.heading, introduces, pointed, sentence.grows))

    def _heading(self, words: list[int], last_text: str, opening: tuple[str, ...], end: int,
                 last: int, paragraph_end: int) -> bool:
        """Whether the sentence (its words, last token, opening, end) is a heading."""
        if not words or len(words) > HEADING_MAX_WORDS or last_text in SENTENCE_ENDS:
            return False
        if self._text(words[0]) in BULLETS or (words[0] and self._text(words[0] - 1) in BULLETS):
            return False
        at_line_end = end >= paragraph_end or (
            last + 1 < len(self.orth) and "\n" in self._text(last + 1))
        if not at_line_end:
            return False
        if last_text == ":" or opening[:1] in (("why",), ("what",), ("how",)):
            return True
        long_words = [w for w in map(self._text, words) if len(w) >= 4]
        capitals = sum(1 for w in long_words if w[:1].isupper())
        return len(words) >= 2 and bool(long_words) and capitals * 2 > len(long_words)

    def _dates_from_before(self, sentence: _Sentence) -> bool:
        """ "I've wanted to work in housing since." / "Since then I have ...": the wish dates
        from what the sentence before tells, so that sentence is its evidence."""
        words, lower = sentence.words, self.lower
        if len(words) < 2:
            return False
        since, then = self.since, self.then
        last, before = lower[words[-1]], lower[words[-2]]
        if last == since or (last == then and before == since):
            return True
        return len(words) > 2 and (lower[words[0]], lower[words[1]]) in (
            (since, then), (self.ever, since)) and self._text(words[2]).lower() in (
            "i", "i've", "i’ve")

    def _points_back(self, stop: int, end: int) -> bool:
        """ "passionate about that mission": a demonstrative and a noun right after the match
        (told apart by the words' lowercase hashes, not their strings)."""
        lower, space = self.lower, self.space
        nearby = [lower[i] for i in range(stop, min(end, stop + 4)) if not space[i]]
        demonstratives = self.demonstratives
        for j, word in enumerate(nearby[:2]):
            if word in demonstratives and j + 1 < len(nearby):
                return nearby[j + 1] not in self.not_a_noun
        return False


class _Hashes(NamedTuple):
    """The string hashes of the words the reader tells tokens apart by."""

    first_person: frozenset[int]
    plainly_first_person: frozenset[int]
    third_person_verbs: frozenset[int]
    copulas: frozenset[int]
    colon: int
    bullets: frozenset[int]
    following: int
    proof: frozenset[int]
    since: int
    then: int
    ever: int
    demonstratives: frozenset[int]
    not_a_noun: frozenset[int]


@cache
def _hashes() -> _Hashes:
    first_person = frozenset(map(hash_string, FIRST_PERSON))
    return _Hashes(
        first_person, first_person - {hash_string("my")},
        frozenset(map(hash_string, THIRD_PERSON_VERBS)), frozenset(map(hash_string, COPULAS)),
        hash_string(":"), frozenset(map(hash_string, BULLETS)), hash_string("following"),
        frozenset(map(hash_string, PROOF_WORDS)),
        *map(hash_string, ("since", "then", "ever")),
        frozenset(map(hash_string, DEMONSTRATIVES)), frozenset(map(hash_string, NOT_A_NOUN)))


class _Decoded(dict[int, str]):
    """Strings by their hash, each read out of the StringStore once (a hash names the same
    string in every vocabulary); emptied when it reaches MAX_CACHED_WORDS entries."""

    def __init__(self, strings: StringStore) -> None:
        super().__init__()
        self.strings = strings

    def __missing__(self, key: int) -> str:
        if len(self) >= MAX_CACHED_WORDS:
            self.clear()
        value = self[key] = self.strings[key]
        return value


# By the id of the StringStore each reads (it holds the store, so the id is not reused
# while it is here): a process has one pipeline, tests a few; all go when there are more.
_DECODED: dict[int, _Decoded] = {}
DECODED_STORES = 4


def _decoded(strings: StringStore) -> _Decoded:
    found = _DECODED.get(id(strings))
    if found is None:
        if len(_DECODED) >= DECODED_STORES:
            _DECODED.clear()
        found = _DECODED[id(strings)] = _Decoded(strings)
    return found


@cache
def _pointer_ends() -> frozenset[int]:
    """The hashes of the (lowercase) words a forward pointer ends on."""
    return frozenset(map(hash_string, last_words()))


@cache
def _growth_words() -> tuple[frozenset[int], frozenset[int]]:
    """The growth verbs and the quality nouns, as the hashes of their lowercase forms."""
    return (frozenset(map(hash_string, wordlist("growth-verbs"))),
            frozenset(map(hash_string, wordlist("quality-nouns"))))


def _describes(word: str) -> bool:
    return "-" in word or word in DESCRIBING_WORDS or (
        word.isalpha() and word.endswith(DESCRIBING_ENDINGS))


@cache
def _self_aspects() -> frozenset[int]:
    return frozenset(map(hash_string, wordlist("self-aspects")))


@cache
def _thing_determiners() -> frozenset[int]:
    """The hashes of THING_DETERMINERS (lowercase)."""
    return frozenset(map(hash_string, THING_DETERMINERS))


@cache
def _clause_breaks() -> frozenset[int]:
    """The hashes of CLAUSE_BREAKS (lowercase)."""
    return frozenset(map(hash_string, CLAUSE_BREAKS))


@cache
def _thing_openers() -> frozenset[int]:
    """Determiners that open a sentence on someone or something other than the writer."""
    return frozenset(map(hash_string, THIRD_PARTY_DETERMINERS - {"my", "our", "your"}))


@cache
def _my_and_others() -> tuple[int, frozenset[int]]:
    return hash_string("my"), frozenset(map(hash_string, wordlist("other-people")))


def _starts_with_pointer(opening: tuple[str, ...]) -> bool:
    found = _pointers().get(opening[0]) if opening else None  # most openings have none
    return found is not None and any(opening[: len(p)] == p for p in found)


def _opens_with_reference(opening: tuple[str, ...], words: list[int], start: int) -> bool:
    """ "These experiences make me a good fit": the sentence opens by pointing back."""
    if REFERENCES.isdisjoint(opening):
        return False  # its first word after the skipped ones is one of its opening's
    words_open = [w for w in opening if w not in (",", ".", ":", ";")][:4]
    while words_open and words_open[0] in ("all", "both", "of", "and", "so"):
        words_open.pop(0)
    return (len(words_open) >= 2 and words_open[0] in REFERENCES
            and words_open[1] not in NOT_A_NOUN and bool(words) and start > words[0])
