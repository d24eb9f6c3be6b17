"""What the posting reader knows about English words, from maintained packages.

- **How common a word is**: ``wordfreq`` (Zipf scale: 7 for "the", 3 for
  "stakeholder", 0 for words it has never seen). A term made only of everyday
  words ("team", "work") says little about a job; a rare one ("PostgreSQL",
  "safeguarding") says a lot. A hand-made list of "common words" would be short,
  biased to one field and never finished; wordfreq's list is built from many
  large corpora (subtitles, books, news, web text) and covers every word a
  posting uses. Its data was frozen by its author in 2024, which suits a measure
  of everyday English.
- **Close variants**: the Snowball English stemmer (``snowballstemmer``, the one
  Sphinx and many search engines use) after the engine's own lemma, so that
  "negotiate", "negotiated" and "negotiation" meet.
- **Which words can be verbs or nouns**: the WordNet-derived word index that
  ``spacy-lookups-data`` already ships (``lemma_index``), so that "Design, build
  and maintain the Python services" is read as three verbs and one thing.
- **Function words**: the engine's list (models/samples/function-words.txt).
"""

from __future__ import annotations

import threading
from functools import cache

import snowballstemmer
from spacy.lookups import load_lookups
from wordfreq import zipf_frequency

from ..resources import models_dir, wordlist

# Zipf frequency at or below which a word is distinctive on its own: "rota" (2.7),
# "PostgreSQL", "safeguarding" (3.2), "licence" (4.0), "retail" (4.4); not
# "communication" (4.7) or "patients" (4.9), which name an ask only with a neighbour.
ANCHOR_ZIPF = 4.5
# At or above this a word is too common to be a term alone ("team", "work", "data").
COMMON_ZIPF = 5.4


class Lexicon:
    def __init__(self) -> None:
        index = load_lookups("en", ["lemma_index"]).get_table("lemma_index")
        self.verbs = frozenset(index.get("verb") or ())
        self.nouns = frozenset(index.get("noun") or ())
        self.adjectives = frozenset(index.get("adj") or ())
        self.adverbs = frozenset(index.get("adv") or ())
        self.function_words = _function_words()
        self.number_words = frozenset(wordlist("number-words")) | {"one"}
        self.date_words = frozenset(wordlist("dates"))
        self._stemmer = snowballstemmer.stemmer("english")
        self._lock = threading.Lock()
        self._zipf: dict[str, float] = {}
        self._stems: dict[str, str] = {}

    def zipf(self, word: str) -> float:
        value = self._zipf.get(word)
        if value is None:
            value = zipf_frequency(word, "en") if word.isascii() or word.isalpha() else 0.0
            if len(self._zipf) < 100_000:
                self._zipf[word] = value
        return value

    def stem(self, form: str) -> str:
        value = self._stems.get(form)
        if value is None:
            with self._lock:  # the stemmer object is not thread-safe
                value = self._stemmer.stemWord(form)
            if value.endswith("ori") and len(value) > 5:
                value = value[:-1]  # "supervisory" meets "supervisor", "advisory" "advisor"
            if len(self._stems) < 100_000:
                self._stems[form] = value
        return value

    def can_be_verb(self, form: str) -> bool:
        return form in self.verbs

    def only_verb(self, form: str) -> bool:
        return form in self.verbs and form not in self.nouns

    def can_be_noun(self, form: str) -> bool:
        # Words the index does not know (product names, acronyms) are things.
        return form in self.nouns or not (form in self.verbs or form in self.adjectives)

    def only_adverb(self, form: str) -> bool:
        return form in self.adverbs and not (
            form in self.nouns or form in self.verbs or form in self.adjectives)

    def only_adjective(self, form: str) -> bool:
        return form in self.adjectives and form not in self.nouns and form not in self.verbs


def _function_words() -> frozenset[str]:
    path = models_dir() / "samples" / "function-words.txt"
    words = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            words.add(line)
    return frozenset(words)


@cache
def lexicon() -> Lexicon:
    return Lexicon()
