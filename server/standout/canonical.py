"""The canonical form that phrase patterns and text are compared in.

Two writings of one phrase ("I’m extremely passionate", "I am passionate") must
meet in one form. Each token's canonical form is its lowercase lemma with curly
apostrophes straightened, contractions expanded and British spelling made
American; a few insertable words (intensifiers, hyphens) have no canonical form
at all and are dropped from the stream that phrase patterns are matched against.
Optional adverbs ("instantly", "always") keep their form but are known here, for
the lean stream (components/stream.py).
"""

from __future__ import annotations

from collections.abc import Mapping

from spacy.lookups import load_lookups

from .resources import word_pairs, wordlist

APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'"})

# Tokenizer pieces of contractions ("I'm" -> "I" + "'m"), mapped to the lemma of
# the word they stand for. "'s" (is, has or a possessive) keeps its own form; "'d"
# is read as "would", which it is in nearly every letter ("I'd love", "I'd be").
CONTRACTIONS = {
    "'m": "be",
    "'re": "be",
    "'ve": "have",
    "'ll": "will",
    "'d": "would",
    "n't": "not",
    "ca": "can",
    "wo": "will",
    "sha": "shall",
}


class Canonicalizer:
    """Maps a token's lowercase text to its canonical form, or ``None`` to drop it."""

    def __init__(
        self,
        lemmas: Mapping[str, str],
        spelling: Mapping[str, str],
        insertable: set[str],
        optional: set[str] = frozenset(),
    ) -> None:
        self._lemmas = lemmas
        self._spelling = spelling
        self._insertable = insertable
        self._cache: dict[str, str | None] = {}
        # Canonical forms of the optional adverbs: left out of the lean stream only.
        self.optional = frozenset(filter(None, (self(word) for word in optional)))

    @classmethod
    def default(cls) -> Canonicalizer:
        table = load_lookups("en", ["lemma_lookup"]).get_table("lemma_lookup")
        # The lookup table is a Bloom-filtered hash table keyed by string hash;
        # copying it to a plain dict of the words we meet is done lazily below.
        return cls(_TableView(table), word_pairs("spelling"), set(wordlist("insertable")),
                   set(wordlist("adverbs")))

    def __call__(self, lower: str) -> str | None:
        try:
            return self._cache[lower]
        except KeyError:
            pass
        form = lower.translate(APOSTROPHES)
        form = self._spelling.get(form, form)
        result: str | None
        if form in self._insertable:
            result = None
        elif form in CONTRACTIONS:
            result = CONTRACTIONS[form]
        else:
            result = self._lemmas.get(form, form)
        if len(self._cache) < 200_000:
            self._cache[lower] = result
        return result


class _TableView(Mapping[str, str]):
    """Read-only string view of a spaCy lookups table (keys are stored hashed)."""

    def __init__(self, table) -> None:
        self._table = table

    def __getitem__(self, key: str) -> str:
        value = self._table.get(key)
        if value is None:
            raise KeyError(key)
        return value

    def get(self, key, default=None):
        value = self._table.get(key)
        return default if value is None else value

    def __iter__(self):
        return iter(())

    def __len__(self) -> int:
        return len(self._table)
