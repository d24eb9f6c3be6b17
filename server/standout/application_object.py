"""Whether an opening line names a job application (models/wordlists/application-objects.txt).

"I am writing to express my interest in", "To whom it may concern," and "I would like
to be considered for" open letters of every kind: a complaint about a boiler, a notice
about a lost cat, a bid for the last slice of cake. An opening rule marked
``application_object`` holds as written only when the rest of its sentence is about an
application:

- nothing but punctuation or pointing words follows ("I am writing to apply.", "... for
  this"): the line stands for the letter it opens;
- a word of the application follows ("the nursing vacancy", "joining your team", "my
  CV"), or a word of the employer's name or the role the context gives; "recommend"
  only with someone after it ("I recommend her", "recommend Daniel", not "I recommend
  the fish soup");
- a name follows at once ("to Globex", "as a Care Assistant"): a capitalised word among
  the first few after the match, not a month or a weekday.

Otherwise the line is about something else and its finding is at most info.
"""

from __future__ import annotations

import re
from functools import cache

from .resources import wordlist

WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
# The first words after a match in which a name stands for what is applied to.
NAME_WINDOW = 4
# Words that point back or fill, not name: "for this", "to you today", "herewith".
_POINTING = """
a an the this that these those it them you your yours my our here there herewith hereby
above following today now please and or to for in of with at as on by about within
myself me i
"""
POINTING = frozenset(_POINTING.split())
_CALENDAR = """
january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday
"""
CALENDAR = frozenset(_CALENDAR.split())
# Capitalised words that name no one: months, weekdays, and the rest of a salutation
# ("Dear Sir or Madam, the hedge ...").
NOT_NAMES = CALENDAR | {"sir", "sirs", "madam", "madame"}
# "recommend" opens a reference only with someone after it ("I recommend her", "my
# recommendation for Ryan"), not "I recommend the fish soup".
RECOMMENDING = frozenset({"recommend", "recommends", "recommending", "recommendation",
                          "recommendations", "endorse", "endorses", "endorsing"})
SOMEONE = frozenset({"him", "her", "them", "my", "our"})
SOMEONE_WINDOW = 2  # words after "recommend" in which the someone comes
# Application words that are also verbs: their "-s" form is a verb of another subject ("...
# provided the bilge pump actually works"), not a plural, so it is not added.
VERBS = frozenset({"work", "join", "contribute", "apply", "hire", "support", "introduce",
                   "recommend", "interview"})


@cache
def application_words() -> frozenset[str]:
    """The application words and their plurals ("vacancies", "roles")."""
    words = set(wordlist("application-objects"))
    for word in list(words - VERBS):
        words.add(word + "s")
        if word.endswith("y") and word[-2:-1] not in "aeiou":
            words.add(word[:-1] + "ies")
    return frozenset(words)


def names_application(rest: str, context_words: frozenset[str] = frozenset(),
                      recommending: bool = False) -> bool:
    """Whether ``rest``, the words of a sentence after an opening line's match, leave the
    line about a job application (see the module's docstring). ``context_words`` are the
    lowercase words of the employer's name and the role, when the context gives them;
    ``recommending``: the match ends on "recommend" ("I have no hesitation in
    recommending"), so someone at once after it ("her", "Daniel") is what it is about."""
    words = WORD.findall(rest)
    lower = [w.lower() for w in words]
    if recommending and _someone(words[:SOMEONE_WINDOW]):
        return True
    if all(w in POINTING for w in lower):
        return True
    known = application_words()
    for i, w in enumerate(lower):
        if w in RECOMMENDING:
            if _someone(words[i + 1:i + 1 + SOMEONE_WINDOW]):
                return True
        elif w in known or w in context_words:
            return True
    return any(map(_is_name, words[:NAME_WINDOW]))


def _is_name(word: str) -> bool:
    """A capitalised word that names someone or something: not "I", a month or "Madam"."""
    return word[0].isupper() and word.lower() not in NOT_NAMES and word != "I"


def _someone(words: list[str]) -> bool:
    """A person among ``words``: a pronoun or "my"/"our", or a name (capitalised)."""
    return any(w.lower() in SOMEONE or _is_name(w) for w in words)
