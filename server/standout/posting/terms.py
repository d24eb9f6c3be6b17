"""An ask reduced to its key terms, without a tagger.

"3+ years of professional experience building backend systems in Python" ->
"backend systems", "Python". The words of an ask are walked once:

- function words, numbers and the frame of an ask ("experience", "ability",
  "strong", models/posting/cues.yaml ``frame_words``) end a term;
- so do verbs where a verb goes: at the start of a clause, after "to", "will",
  a frame word, or in a list of verbs ("Design, build and maintain the ...");
  a verb's object makes an *action* term ("motivate ... team") when the object
  alone is too common to name the ask;
- punctuation between two words ends a term; hyphens and slashes do not
  ("remote-first", "CI/CD");
- what is left are runs of words, cut where an adjective follows a noun and
  trimmed to end on a noun: the *thing* terms, kept whole ("stakeholder
  management", "relational databases").

Each word's commonness comes from wordfreq (:mod:`.lexicon`): a term of
everyday words only ("team", "people") is dropped, and a rare word can name the
ask on its own (an *anchor*).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .cues import Cues
from .keys import is_proper, joined, key, thing_term, word_value
from .lexicon import Lexicon
from .model import Term
from .words import Word

AFTER_VERB_SLOT = {"to", "will", "can", "must", "should", "could", "would", "you", "please",
                   "and", "or", "be", "not"}
DETERMINERS = {"the", "a", "an", "our", "your", "their", "its", "this", "these", "those", "my",
               "his", "her", "each", "every", "any", "all", "some", "such", "that"}
PREPOSITIONS = {"of", "in", "with", "for", "on", "at", "by", "from", "about", "into", "across",
                "around", "between", "through", "without", "behind", "beside", "alongside",
                "among", "amongst", "beyond", "despite", "except", "inside", "outside", "near",
                "onto", "past", "versus", "via", "within", "like", "unlike", "throughout",
                "against", "toward", "towards", "upon", "over", "under", "after", "before"}
# Words that end a term although the function-word list does not have them.
BREAKS = PREPOSITIONS | {"including", "such", "ideally", "especially", "etc", "e.g", "i.e",
                         "whether", "plus", "eg", "ie", "who", "which", "that", "whose"}
NUMBER_CHARS = set("0123456789.,+%-–/£$€")
BREAK_GAP = set(",;:()[]{}.!?\"“”|") | {"–", "—"}
MAX_TERM_WORDS = 4
RARE_ADJECTIVE = 3.5  # an adjective alone is a term only when this rare ("numerate")


def _gap_breaks(gap: str) -> bool:
    return any(ch in BREAK_GAP for ch in gap) or " - " in gap or "\n" in gap


def extract_terms(
    text: str, words: Sequence[Word], cues: Cues, lexicon: Lexicon,
    ignored: frozenset[str] = frozenset(), title_stems: frozenset[str] = frozenset(),
) -> tuple[Term, ...]:
    """The key terms of the ask whose words are ``words`` (in ``text``).

    ``ignored`` holds lowercase names (the company, its products) that are not
    skills even when an ask names them ("the Python services behind BerthBook").
    ``title_stems`` are the role title's words: every letter for the job uses
    them ("warehouse", "graphic"), so none of them names an ask on its own.
    """
    kinds = _classify(text, words, cues, lexicon)
    runs = _runs(text, words, kinds, lexicon)
    runs += _distributed(text, words, runs)
    terms: list[Term] = []
    seen: set[tuple[str, ...]] = set()
    for run in runs:
        surface = text[words[run[0]].start : words[run[-1]].end]
        if surface.lower() in ignored:
            continue
        # "the Python services behind BerthBook": the employer's own names are not skills
        run = [i for i in run if text[words[i].start : words[i].end].lower() not in ignored]
        if not run:
            continue
        term = thing_term(text, words, run, lexicon, title_stems)
        if term is not None and term.stems not in seen:
            seen.add(term.stems)
            terms.append(term)
    for verb, obj in _actions(words, kinds, runs):
        stems = (key(text, words[verb]), key(text, words[obj]))
        if stems in seen or any((stems[1],) in t.anchors for t in terms):
            continue
        seen.add(stems)
        value = word_value(lexicon.zipf(words[verb].form)) + word_value(
            lexicon.zipf(words[obj].form))
        terms.append(Term(
            text=f"{text[words[verb].start : words[verb].end].lower()} "
                 f"{text[words[obj].start : words[obj].end]}",
            stems=stems, anchors=(), weight=round(value * 0.8, 3), kind="action",
        ))
    return tuple(terms)


STOP, VERB, WORD = "stop", "verb", "word"
COORDINATION = re.compile(r"^\s*(?:,\s*(?:or\s+|and\s+)?|or\s+|and\s+|/\s*)$")


def _distributed(text: str, words: Sequence[Word], runs: list[list[int]]) -> list[list[int]]:
    """ "transport or logistics software": "transport software" is a term too.

    A lone lowercase word joined by "or", "and" or a comma to a run of two or more
    words shares that run's head noun (names are never split this way: "Excel or
    Google Sheets" is not "Excel Sheets").
    """
    extra: list[list[int]] = []
    for k, run in enumerate(runs):
        if len(run) != 1 or text[words[run[0]].start : words[run[0]].end][:1].isupper():
            continue
        for j in range(k + 1, len(runs)):
            gap = text[words[runs[j - 1][-1]].end : words[runs[j][0]].start]
            if not COORDINATION.match(gap):
                break
            last = runs[j]
            if len(last) >= 2:
                head = text[words[last[-1]].start : words[last[-1]].end]
                if head[:1].islower():
                    extra.append([run[0], last[-1]])
                break
            if text[words[last[0]].start : words[last[0]].end][:1].isupper():
                break
    return extra


def _classify(text: str, words: Sequence[Word], cues: Cues, lexicon: Lexicon) -> list[str]:
    kinds: list[str] = []
    for i, word in enumerate(words):
        form = word.form
        gap = text[words[i - 1].end : word.start] if i else ""
        written = text[word.start : word.end]
        surface = written.lower()
        in_compound = joined(text, words, i)
        if (not in_compound and (
            form in lexicon.function_words or form in cues.frame_words
            or surface in cues.frame_words or form in BREAKS or form in DETERMINERS
            or form in lexicon.number_words or form in lexicon.date_words
        )) or all(ch in NUMBER_CHARS for ch in form) or not any(ch.isalnum() for ch in form):
            if form in cues.frame_heads and kinds and kinds[-1] == WORD and not _gap_breaks(gap):
                kinds.append(WORD)  # "subject knowledge"
                continue
            kinds.append(STOP)
            continue
        base_or_ing = surface == form or surface.endswith("ing")
        proper = (i > 0 and written[:1].isupper()) or (len(written) > 1 and written.isupper())
        if proper or in_compound:
            kinds.append(WORD)  # "Advanced Excel", "on-call": never a verb
            continue
        if lexicon.can_be_verb(form) and base_or_ing and _verb_slot(
            text, words, kinds, i, gap, lexicon, cues
        ):
            kinds.append(VERB)
            continue
        if lexicon.only_verb(form) and surface == form:
            kinds.append(VERB)
            continue
        if lexicon.only_adverb(form) and (surface.endswith("ly") or form in lexicon.function_words):
            kinds.append(STOP)  # "calmly", "clearly"; but "the outdoors", "work nights"
            continue
        kinds.append(WORD)
    return kinds


def _verb_slot(text, words, kinds, i, gap, lexicon, cues) -> bool:
    """Whether word ``i`` stands where a verb goes."""
    if i == 0:
        return True
    previous = words[i - 1].form
    if _gap_breaks(gap) or previous in ("and", "or"):
        # In a list: a verb if the list is one of verbs ("Design, build and maintain"),
        # or if nothing but frame words came before ("Strong SQL, including").
        for j in range(i - 1, -1, -1):
            if kinds[j] == VERB:
                return True
            if kinds[j] == WORD:
                return False
        return True
    if previous in DETERMINERS:
        return False
    if previous == "to":
        return text[words[i].start : words[i].end].lower() == words[i].form  # not "to safeguarding"
    if previous in AFTER_VERB_SLOT:
        return True
    if previous in cues.frame_words:
        # "experience building ...", "comfortable writing ...", but "strong subject knowledge"
        return text[words[i].start : words[i].end].lower().endswith("ing")
    if previous in PREPOSITIONS:
        # "experience of running a repair counter" (a verb: an object follows), but
        # "experience with forecasting or time-series analysis" (the skill itself).
        surface = text[words[i].start : words[i].end].lower()
        if not surface.endswith("ing") or i + 1 >= len(words):
            return False
        following = words[i + 1]
        return following.form not in ("and", "or") and not _gap_breaks(
            text[words[i].end : following.start])
    return False


def _runs(text: str, words: Sequence[Word], kinds: list[str], lexicon: Lexicon) -> list[list[int]]:
    """Runs of term words, cut at punctuation and where an adjective follows a noun."""
    runs: list[list[int]] = []
    current: list[int] = []
    for i, kind in enumerate(kinds):
        gap = text[words[i - 1].end : words[i].start] if i else ""
        if kind != WORD or (current and _gap_breaks(gap)) or (
            current and not joined(text, words, i) and lexicon.only_adjective(words[i].form)
            and lexicon.can_be_noun(words[current[-1]].form)
            and not lexicon.only_adjective(words[current[-1]].form)
        ):
            if current:
                runs.append(current)
            current = [i] if kind == WORD else []
            continue
        current.append(i)
    if current:
        runs.append(current)
    out = []
    for run in runs:
        trimmed = run
        while trimmed and not (
            lexicon.can_be_noun(words[trimmed[-1]].form) or joined(text, words, trimmed[-1])
            or is_proper(text, words, trimmed[-1])
        ):
            trimmed = trimmed[:-1]
        if not trimmed and len(run) == 1 and lexicon.zipf(words[run[0]].form) <= RARE_ADJECTIVE:
            trimmed = run  # a rare adjective is a term on its own: "supervisory", "numerate"
        if trimmed:
            out.append(trimmed[-MAX_TERM_WORDS:])
    return out


def _actions(words: Sequence[Word], kinds: list[str], runs: list[list[int]]):
    """(verb, object head) pairs: each verb of a chain with the head of the next run."""
    starts = {run[0]: run for run in runs}
    chain: list[int] = []
    for i, kind in enumerate(kinds):
        if kind == VERB:
            chain.append(i)
        elif kind == WORD:
            run = starts.get(i)
            if chain and run is not None:
                for verb in chain:
                    yield verb, run[-1]
            chain = []
