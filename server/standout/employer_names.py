"""Comparing employer names: "Acme", "ACME Inc." and "Acme Corporation" are one employer.

People name an employer by its distinctive core: "Tidewater" for Tidewater
Analytics, "the Herald" for the Portland Herald, "Home Depot" for The Home Depot,
"Fieldnote's newsletter" for Fieldnote Coffee Roasters. So a company given as
context stands for several written forms:

- the whole name, without a leading "The", legal suffixes ("Inc.", "Ltd") or a
  possessive, in any case ("ACME");
- its leading words, written with capitals ("Tidewater", "Tidewater's", "Tarn
  Valley" for Tarn Valley Drinks); one word alone only when the rest describes
  the employer ("Analytics", "Bank", "Coffee Roasters":
  models/wordlists/company-descriptors.txt), and never a word capitalized by
  convention ("Senior");
- "the" and its last word, with a capital ("the Herald", "the Council", "the
  Ledger's" for The Northern Ledger);
- any word of it that is distinctive, with a capital: not a common English word
  (wordfreq's Zipf frequency under 3: "Eastbrook" for Eastbrook Citizens Advice,
  "Kestrel" for Bank of Kestrel, but never "Royal" or "Valley" alone);
- its initials when they are three letters or more, in capitals ("RBC"), those of
  the words before its trailing descriptors ("KUH" for Kingsmere University
  Hospitals NHS Trust), and
  a two-name firm's initials around its ampersand ("M&D" for Marrick & Dunne);
- the short forms the user gives with it: "Portland Herald (the Herald)",
  "Royal Bank of Canada; RBC".
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from .analysis import Specific
from .resources import wordlist

_LEGAL_WORDS = (
    r"(?:inc|incorporated|llc|l\.l\.c|ltd|limited|corp|corporation|co|company|plc|gmbh|ag|sa|"
    r"group|holdings|llp|lp|pty|bv|nv|oy|ab|as|srl|spa|sas)\.?"
)
_LEGAL = re.compile(r"[\s,]+" + _LEGAL_WORDS + "$", re.IGNORECASE)
_LEGAL_WORD = re.compile(_LEGAL_WORDS, re.IGNORECASE)
_THE = re.compile(r"^the\s+", re.IGNORECASE)
_ALIASES = re.compile(r"[();]")
_SMALL_WORDS = {"of", "and", "&", "for", "the", "de", "du", "la", "le", "von", "van", "und"}
DISTINCTIVE_ZIPF = 3.0  # rarer than this, a word of the name stands for it alone
DISTINCTIVE_MIN_LETTERS = 4
LEAD_ZIPF = 4.0  # a shared lead word this rare joins two names that differ in descriptors


@cache
def _descriptors() -> frozenset[str]:
    return frozenset(word.casefold() for word in wordlist("company-descriptors"))


def _core_name(name: str) -> str:
    name = name.strip().strip(".,;:!?'\"“”’")
    name = re.sub(r"['’]s$", "", name)
    previous = None
    while previous != name:
        previous = name
        name = _THE.sub("", _LEGAL.sub("", name).strip()).strip()
        name = re.sub(r"(?:\s+(?:&|and|of|-))+$", "", name)
    return name


def _given_names(company: str) -> list[tuple[str, str]]:
    """The company as given and the short forms given with it: (as given, its core)."""
    given = [part.strip() for part in _ALIASES.split(company) if part.strip()]
    # "City of Fairmont, Department of Housing": the body and its unit each name it too.
    given += [piece.strip() for part in given if ", " in part for piece in part.split(", ")]
    return [(part, core) for part in dict.fromkeys(given) if (core := _core_name(part))]


def _names(company: str) -> list[str]:
    """The company as given and the short forms given with it, each as its core."""
    return [core for _, core in _given_names(company)]


def _initials(words: list[str]) -> str:
    return "".join(
        w[0] for w in words if w.casefold() not in _SMALL_WORDS and w[0].isalpha()).upper()


@cache
def _conventional() -> frozenset[str]:
    return frozenset(wordlist("generic-capitalized")) | _descriptors()


def _initials_with_group(given: str) -> str | None:
    """The initials of a name that ends in "Group", "Holdings", "Company" or "Corporation"
    before its legal suffix, that word included: firms are known as "BCG" and "ABC", not
    "BC" and "AB"."""
    name = re.sub(r"[\s,]+(?:inc|llc|ltd|limited|plc|llp|lp)\.?$", "", _THE.sub("", given),
                  flags=re.I)
    words = name.split()
    if len(words) < 2 or words[-1].casefold() not in (
            "group", "holdings", "company", "corporation"):
        return None
    initials = _initials(words)
    return initials if len(initials) >= 3 else None


def _shorter_initials(words: list[str]) -> list[str]:
    """The initials of the name without each of its trailing descriptors and acronyms in
    turn, three letters or more: "KUHN" and "KUH" for Kingsmere University Hospitals NHS
    Trust."""
    out = []
    end = len(words)
    while end > 3 and (words[end - 1].casefold() in _descriptors() or (
            len(words[end - 1]) >= 2 and words[end - 1].isupper())):
        end -= 1
        initials = _initials(words[:end])
        if len(initials) >= 3:
            out.append(initials)
    return out


def _prefixes(core: str) -> list[str]:
    """The name's leading words that can stand for it ("Tidewater" for Tidewater Analytics).

    One word alone stands for the name only when the rest describes it ("Analytics",
    "Coffee Roasters"): "Royal" is not the Royal Bank of Canada, "Royal Bank" is.
    """
    words = core.split()
    descriptive = _descriptors() | _SMALL_WORDS
    out = []
    for n in range(len(words) - 1, 0, -1):
        last = words[n - 1].casefold()
        if last in _SMALL_WORDS:
            continue
        if n == 1 and (last in _conventional() or len(last) < 3 or any(
                w.casefold() not in descriptive for w in words[1:])):
            continue
        out.append(" ".join(words[:n]))
    return out


def _titled_last(words: list[str]) -> bool:
    """Whether a name's last word, after "the", can stand for it: "the Ledger" for The
    Northern Ledger, as "the Herald" does. A capitalised word of four letters or more
    that is not a convention ("Senior") or a small word."""
    last = re.sub(r"['’]s$", "", words[-1])
    return (len(last) >= DISTINCTIVE_MIN_LETTERS and last.isalpha() and last[:1].isupper()
            and last.casefold() not in _conventional() and last.casefold() not in _SMALL_WORDS)


def _rare(word: str, below: float = LEAD_ZIPF) -> bool:
    """Whether ``word`` is rarer in English than Zipf frequency ``below``: by default, as
    rare as a shared lead word must be ("Marlowe", "HB"; not "Marks", "IT")."""
    from wordfreq import zipf_frequency  # here: only a check given a company needs it

    return zipf_frequency(word, "en") < below


def _distinctive(word: str) -> bool:
    """A word of a name that names it alone: capitalized, not a convention ("Senior",
    "Bank") and rare in English ("Eastbrook", not "Royal")."""
    word = re.sub(r"['’]s$", "", word)
    return (len(word) >= DISTINCTIVE_MIN_LETTERS and word.isalpha() and word[:1].isupper()
            and word.casefold() not in _conventional() and word.casefold() not in _SMALL_WORDS
            and _rare(word, DISTINCTIVE_ZIPF))


@lru_cache(maxsize=256)
def company_forms(company: str) -> tuple[tuple[str, bool], ...]:
    """Every form of ``company`` to look for: (the form, whether it needs a capital)."""
    forms: list[tuple[str, bool]] = []
    for number, (given, core) in enumerate(_given_names(company)):
        forms.append((core, number > 0))
        words = core.split()
        forms += [(prefix, True) for prefix in _prefixes(core)]
        if len(words) > 1:
            forms += [(word, True) for word in words if _distinctive(word)]
        if len(words) > 1 and (words[-1].casefold() in _descriptors() or _titled_last(words)):
            forms.append(("the " + words[-1], True))
        initials = _initials(words)
        if len(initials) >= 3 or (len(initials) == 2 and _rare(initials)):
            forms.append((initials, True))  # "HB's" for Harlow Bioscience, written in capitals
        if len(words) >= 3 and words[1] in ("&", "and") and _rare(words[0]) and (
                len(words[0]) >= DISTINCTIVE_MIN_LETTERS and words[0][:1].isupper()):
            forms.append((words[0], True))  # "Marlowe's" for Marlowe & Finch Restaurants
        forms += [(short, True) for short in _shorter_initials(words)]
        grouped = _initials_with_group(given)
        if grouped:
            forms.append((grouped, True))  # "BCG" for Brennock Construction Group Ltd
        if len(words) >= 3 and words[1] in ("&", "and") and words[0][0].isalpha() and (
                words[2][0].isalpha()) and all(w.casefold() in _descriptors() for w in words[3:]):
            forms.append((f"{words[0][0]}&{words[2][0]}".upper(), True))  # "M&D", "M&S"
    return tuple(dict.fromkeys(forms))


@lru_cache(maxsize=256)
def company_pattern(company: str) -> re.Pattern[str] | None:
    """Any written form of ``company`` in a text, or ``None`` when nothing is left of its name."""
    forms = company_forms(company)
    if not forms:
        return None
    alternatives = []
    for form, _ in forms:
        words = [re.escape(w) for w in form.split()]
        alternatives.append(r"[\s-]*".join(words))
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE)


def names_company_in(text: str, company: str) -> bool:
    """Whether ``text`` names ``company`` in any of its forms."""
    pattern = company_pattern(company)
    if pattern is None:
        return False
    forms = company_forms(company)
    for match in pattern.finditer(text):
        found = " ".join(match.group().split()).casefold()
        for form, needs_capital in forms:
            if found.replace("-", " ") != form.casefold().replace("-", " "):
                continue
            first = match.group().split()[-1] if form.lower().startswith("the ") else match.group()
            if form.isupper() and first != form:
                continue  # initials count in capitals only: "HB", not "hb"
            if not needs_capital or first[:1].isupper():
                return True
    return False


@lru_cache(maxsize=1024)
def same_company(mention: str, company: str) -> bool:
    """Whether a name found in the text (``mention``) is ``company`` in one of its forms."""
    a = _core_name(mention).casefold().split()
    if not a or _LEGAL_WORD.fullmatch(mention.strip()):
        return True  # nothing left, or only "Co" of "Rowan & Co" after a sentence start
    for core in _names(company):
        b = core.casefold().split()
        shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
        if longer[: len(shorter)] == shorter:
            return True
        if len(a) < len(b) and _contains(b, a):
            return True  # "Lane" for Brook Lane Primary, when the sentence start hid "Brook"
        if len(a) == 1 and len(b) > 1 and a[0] == b[-1] and a[0] in _descriptors():
            return True  # "the Herald" for the Portland Herald
        if _same_lead(a, b):
            return True  # "Rowan House" for The Rowan Trust: one of its sites or services
    initials = [form for form, _ in company_forms(company) if form.isupper() and " " not in form]
    return " ".join(a).upper() in initials


def _same_lead(a: list[str], b: list[str]) -> bool:
    """Whether two names share a lead word and differ only in what describes them.

    "Rowan House" and "The Rowan Trust", "Harbourview Clinic" and "Harbourview
    Veterinary Group": an employer's homes, branches and services carry its lead
    word with another descriptor. The lead must not be a common English word
    (Zipf frequency under LEAD_ZIPF), so the Northern Trust is not the Northern Bank.
    """
    lead = a[0]
    if (len(a) < 2 or len(b) < 2 or lead != b[0] or not lead.isalpha()
            or lead in _conventional()):
        return False
    if not _rare(lead):
        return False
    descriptive = _descriptors() | _SMALL_WORDS
    return all(w in descriptive for w in a[1:]) and all(w in descriptive for w in b[1:])


def _contains(words: list[str], part: list[str]) -> bool:
    n = len(part)
    return any(words[i : i + n] == part for i in range(len(words) - n + 1))


def names_company(specific: Specific, company: str | None) -> bool:
    return bool(company) and specific.label == "NAME" and same_company(specific.text, company)


def repeats_context(specific: Specific, company: str | None, role: str | None) -> bool:
    """Whether a specific only repeats what the context says: the employer's own name, or
    words of the role's title ("Transport Planner", the "3" of "Year 3 Teacher").

    Neither is evidence of anything (every letter to that employer names it), so
    neither backs a generic sentence nor counts towards the score.
    """
    if not (company or role) or specific.label not in ("NAME", "NUMBER"):
        return False  # a concrete action or a date is the writer's own
    return _repeats(specific.text, specific.label, company or "", role or "")


@lru_cache(maxsize=4096)
def _repeats(text: str, label: str, company: str, role: str) -> bool:
    if company and label == "NAME" and same_company(text, company):
        return True
    return bool(role) and f" {_words(text)} " in f" {_words(role)} "


def _words(text: str) -> str:
    """Lowercase words only: "Administrative Officer (Housing Services)" has "housing"."""
    return " ".join(re.findall(r"\w+", text.casefold()))


# "seven years with Halden Kerr Contractors", "I worked at Globex", "my placement at Initech",
# "a Saturday job at Kemp's":
# words that make the name after them a place the writer has worked.
# Not after "to": "I would love to work at Globex" is where the writer wants to go.
_WORKED = (r"(?<!\bto )(?:work|works|(?:worked|spent)\b[^.!?\n]{0,40}?|working|been|employed|"
           r"years|months|apprenticeship|internship|placement|traineeship|secondment|career|"
           r"shifts?|(?:saturday|sunday|summer|weekend|holiday|evening|student|part-time|first|"
           r"previous|former|old|last|current)\s+(?:jobs?|roles?|posts?|positions?))")
# ... or a sentence that opens on the place and goes on with what the writer did there:
# "At Calder I've spent most of my time on two sites."
_AT_START = r"(?:^|(?<=[.!?:])\s+|\n)At\s+(?:the\s+)?"
_WORKED_AT = r"\b" + _WORKED + r"\s+(?:at|with|for|by|in)\s+(?:the\s+)?"


def writers_employer(text: str, name: str) -> bool:
    """Whether ``text`` says the writer works or worked at ``name`` ("I have spent seven
    years with Halden Kerr Contractors"): then "Halden Kerr's work" later in the letter is
    about the writer's own job, not a leftover from a letter to Halden Kerr."""
    pattern = _worked_at(name)
    return pattern is not None and pattern.search(text) is not None


@lru_cache(maxsize=256)
def _worked_at(name: str) -> re.Pattern[str] | None:
    core = _core_name(name)
    if not core:
        return None
    name = r"[\s-]*".join(re.escape(w) for w in core.split())
    return re.compile(
        _WORKED_AT + name + r"(?!\w)|" + _AT_START + r"(?-i:" + name
        + r"(?:['’]s)?(?:\s+[A-Z][\w&'’-]*){0,3}),?\s+(?:I|we)\b", re.IGNORECASE)
