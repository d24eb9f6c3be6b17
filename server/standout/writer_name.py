"""Who the candidate is, and the sentences that speak of them in the third person.

Some applicants paste their CV profile into a letter: "A highly motivated events
professional, Sophie has a proven track record ... She is known for her attention
to detail." Those are the writer's own claims, though no "I" is in them, so the
self-description rules (``about: writer``) apply to them too. The candidate is
known by the name under the closing ("Kind regards," then "Sophie Turner", or
"Best wishes, Sophie") or, unsigned, by the name the profile opens with. A
letter from an agency or a referee is signed by someone else and says who the
candidate is: "I am delighted to introduce Sarah Lennox"; that name is the
candidate's. A sentence is about the candidate when it names them by their
first name, or opens with "She", "He" or "They" (or "Her", "His", "Their": "Her
positive attitude ...") right after one that is about them, in the same paragraph.

A reference is about its candidate from start to end, so in a letter that
introduces one ("I am delighted to recommend Sophie Marchetti", "... to recommend
[Candidate Name]", "... to recommend her for"), any sentence that speaks of a
"she" or "he" is about them, in any paragraph: "Throughout her time with us she
has proven herself a reliable and conscientious individual." So is a referee's
paragraph read on its own that opens with the candidate's time with the writer's
firm ("Sophie joined our Kingsgate branch in March 2020.").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from .components.specifics import NAME

CLOSINGS = ("regards", "sincerely", "faithfully", "wishes", "thanks", "thank you",
            "best", "cheers", "respectfully", "yours", "warmly", "truly")
NAME_WORD = re.compile(r"^[A-Z][a-z'’-]+$")
PRONOUNS = ("She ", "He ", "They ", "Her ", "His ", "Their ")
SIGNATURE_LINES = 5  # the closing and the name are among the text's last few lines
SIGNATURE_CHARS = 400  # ... and within its last few hundred characters


# "I am pleased to recommend Ms Sarah Lennox", "It is with great pleasure that I recommend
# Daniel Okafor": a full name (or a title and a name) after a presenting verb. One
# capitalised word alone ("introduce Salesforce") is not a person.
INTRODUCED = re.compile(
    r"\b(?:(?:to|I|[Ww]e|can|could|would|gladly|happily|highly|strongly|warmly)"
    r" (?:introduce|recommend|present|put forward|submit|endorse)"
    r"|(?:[Rr]eference|[Rr]eferee|[Tt]estimonial|[Rr]ecommendation) (?:for|on behalf of"
    r"|in support of))\s+(?:(?:Ms|Mr|Mrs|Miss|Mx|Dr)\.?\s+"
    r"(?P<titled>[A-Z][a-z'’-]+)|(?P<first>[A-Z][a-z'’-]+)\s+[A-Z][a-z'’-]+"
    r"|(?P<placeholder>\[[^\[\]\n]{1,40}\])|(?P<pronoun>her|him)\b)")
# A referee's paragraph read on its own opens with the candidate's time with the writer's
# firm: "Sophie joined our Kingsgate branch in 2020", "Daniel worked under my supervision",
# "Marcus reported to me at the Alder Inn",
# "Tomasz has been registered with Northway Recruitment since 2019", "I have known Ms Patel
# for six years", "I have supervised Devon Park at our Main Branch since 2021", "I taught
# Amira A-level Biology at ..." (after the salutation, if there is one).
REFEREE_OPENING = re.compile(
    r"^(?:(?P<first>[A-Z][a-z'’-]+)(?: [A-Z][a-z'’-]+)? (?:joined (?:us|our)\b"
    r"|(?:has|had) (?:worked|been) (?:with|for|at) (?:us|our)\b"
    r"|(?:has|had) been (?:registered|employed) (?:with|by)\b"
    r"|worked (?:for|with|under|alongside) (?:us|me|my|our)\b"
    r"|(?:has |had )?reported (?:directly )?to (?:me|us)\b)"
    r"|I (?:have (?:known|supervised|line[- ]managed|mentored|taught|coached)"
    r"|(?:supervised|line[- ]managed|mentored|taught|coached)) "
    r"(?:(?:Ms|Mr|Mrs|Miss|Mx|Dr)\.? )?(?P<known>[A-Z][a-z'’-]+)"
    r"(?: [A-Z][\w'’-]+){0,3} (?:for|since|at|in|as|during|over|from)\b)")
# A letter's salutation line before its first paragraph: "To the search committee,".
SALUTATION = re.compile(r"[^\n]{1,60}[,:]\s*\n\s*")
# A paragraph of a reference read on its own may not say how the writer knows the candidate
# ("In 2021 Sophie also took over ordering. She takes everything in her stride."): with no
# "I", "me" or "my" in it and a "she" or "he" twice, it speaks of someone else throughout.
FIRST_PERSON = re.compile(r"\b(?:I|[Mm]e|[Mm]y|[Mm]ine|[Mm]yself)\b")
THIRD_SUBJECT = re.compile(r"\b(?:[Ss]he|[Hh]e)\b")
# A name as the subject of a referee's sentence: "Priya has ...", "Priya consistently ...".
SUBJECT_NAME = re.compile(
    r"\b([A-Z][a-z'’-]+) (?:has|is|was|always|consistently|can|will|would|brings|works"
    r"|worked|showed|shows|took|joined|completed|remains|quickly|never)\b")
# A sentence's first word, and whether it goes on as a name's sentence does ("Sophie is").
SENTENCE_OPENING = re.compile(
    r"(?:^|(?<=[.!?])\s+|\n)[\"“]?([A-Z][a-z'’-]*)\b"
    r"( (?:has|is|was|always|consistently|can|will|would|brings|works|worked|showed|shows"
    r"|took|joined|completed|remains|quickly|never|communicates|handles|approaches"
    r"|understands|takes|builds|holds|led|leads|managed|manages)\b)?")
SPOKEN_OF_MIN = 4  # sentences about the candidate, for a text to be about them
NOT_NAMES = frozenset({"She", "He", "They", "It", "This", "That", "There", "Here", "The",
                       "Our", "We", "Who", "What", "Everyone", "Nobody", "Nothing", "Which",
                       "Everything", "Each", "Work", "Time", "Feedback", "Attendance"})
# Every INTRODUCED match holds one of these, in the text's first INTRODUCTION_CHARS (a
# presenting verb after its space, or a reference's noun and the space after it): a text
# holding none is not searched (the regex is tried at every position, about 15 µs).
INTRODUCED_WORDS = (" introduce", " recommend", " present", " put forward", " submit",
                    " endorse", "reference ", "referee ", "testimonial ", "Reference ",
                    "Referee ", "Testimonial ", "Recommendation ")
THIRD_PERSON = re.compile(r"\b(?:she|he|her|him|his|herself|himself)\b", re.IGNORECASE)
INTRODUCTION_CHARS = 600  # the introduction is the letter's first lines
# A CV profile's first line: "A highly motivated events professional, Sophie has ...".
PROFILE = re.compile(
    r"(?:^|\n)(?:An?|As an?) [^.,;:\n]{3,90}, (?P<name>[A-Z][a-z'’-]+)"
    r"(?: [A-Z][a-z'’-]+)? (?:has|is|brings|offers|combines|possesses|thrives)\b")


def candidate_first_name(text: str) -> str | None:
    """The name the text speaks of its candidate by: the one an agency or referee letter
    introduces at its start, else the one most of its sentences are about (a reference
    that introduces no one by a phrase: "We believe Sophie Harland is the perfect match
    ... Sophie is ... She has ..."), else the name signed under the closing, else the one
    a CV profile opens with (or ``None``)."""
    introduced = _introduction(text)
    if introduced and not introduced.group("pronoun"):
        return (introduced.group("first") or introduced.group("titled")
                or introduced.group("placeholder"))
    opening = _referee_opening(text)
    if opening:
        return opening.group("first") or opening.group("known")
    spoken_of = _spoken_of(text)
    if spoken_of:
        return spoken_of
    signed = signed_first_name(text)
    if signed:
        return signed
    # A profile line opens the text or a line with "A": else there is none to search for.
    if text.startswith("A") or "\nA" in text[:INTRODUCTION_CHARS]:
        profile = PROFILE.search(text, 0, INTRODUCTION_CHARS)
        if profile:
            return profile.group("name")
    return _reference_subject(text)


def _reference_subject(text: str) -> str | None:
    """In a referee's paragraph read on its own (no "I", a "she" or "he" twice: see
    :func:`introduces_candidate`), the name that is the subject of its sentences: "During
    that time Priya has completed ... Priya is ..."."""
    if FIRST_PERSON.search(text) is not None or len(THIRD_SUBJECT.findall(text)) < 2:
        return None
    for found in SUBJECT_NAME.finditer(text):
        if found.group(1) not in NOT_NAMES:
            return found.group(1)
    return None


def introduces_candidate(text: str) -> bool:
    """Whether the text is a reference or an agency's letter: its first lines introduce
    or recommend someone (by name, by a template's placeholder, or as "her"/"him"), it
    opens with the candidate's time with the writer's firm (REFEREE_OPENING), or it speaks of a
    "she" or "he" and never of the writer (FIRST_PERSON)."""
    return (_introduction(text) is not None
            or _referee_opening(text) is not None
            or (FIRST_PERSON.search(text) is None and len(THIRD_SUBJECT.findall(text)) >= 2)
            or _spoken_of(text) is not None)


def _spoken_of(text: str) -> str | None:
    """The candidate of a text most of whose sentences are about one named person: at
    least SPOKEN_OF_MIN sentences open with "She"/"He" or with the name, at least twice
    with the name, and they are twice as many as the sentences opening with "I" or "We"
    (a cover letter speaks of its writer; a reference, an agency's letter or a profile
    speaks of the candidate throughout, whatever its first line says)."""
    if text.count("He ") + text.count("She ") < 2:  # most letters: not read further
        return None
    third, first = 0, 0
    names: dict[str, int] = {}
    for opening in SENTENCE_OPENING.finditer(text):
        word = opening.group(1)
        if word in ("He", "She"):
            third += 1
        elif word in ("I", "We", "My", "Our"):
            first += 1
        elif opening.group(2) and word not in NOT_NAMES:
            names[word] = names.get(word, 0) + 1
    if not names:
        return None
    name, times = max(names.items(), key=lambda item: item[1])
    if times < 2 or third + times < SPOKEN_OF_MIN or third + times < 2 * first:
        return None
    return name


def _referee_opening(text: str) -> re.Match[str] | None:
    """The REFEREE_OPENING match at the start of the text or of the line after its
    salutation, if any."""
    body = text.lstrip()
    opening = REFEREE_OPENING.match(body)
    if opening is None and body.startswith(("Dear ", "To ", "Hello", "Hi ")):
        salutation = SALUTATION.match(body)
        if salutation:
            opening = REFEREE_OPENING.match(body[salutation.end():])
    return opening


def _introduction(text: str) -> re.Match[str] | None:
    """The INTRODUCED match in the text's first lines, if any."""
    head = text[:INTRODUCTION_CHARS]
    if not any(word in head for word in INTRODUCED_WORDS):
        return None
    return INTRODUCED.search(text, 0, INTRODUCTION_CHARS)


def signed_first_name(text: str) -> str | None:
    """The first name under the text's closing, or ``None``."""
    # Only the end of the text is read: this runs on every check, warm ones too.
    tail = text[-SIGNATURE_CHARS:]
    lines = [line.strip() for line in tail.splitlines() if line.strip()][-SIGNATURE_LINES:]
    for i, line in enumerate(lines):
        closing, _, rest = line.partition(",")
        if not closing.lower().strip().endswith(CLOSINGS):
            continue
        name = rest.strip() or (lines[i + 1] if i + 1 < len(lines) else "")
        words = name.rstrip(".").split()
        if 1 <= len(words) <= 4 and all(NAME_WORD.match(w) for w in words):
            return words[0]
    return None


def about_named_writer(text: str, sentences: Sequence[tuple[int, int]], at: int,
                       name: str | None, reference: bool = False) -> bool:
    """Whether the sentence of ``text`` holding ``at`` speaks of the writer called ``name``
    (in a ``reference``, of the candidate it introduces: any "she" or "he" is them)."""
    starts = [a for a, _ in sentences]
    k = bisect_right(starts, at) - 1
    if k < 0:
        return False
    if reference and THIRD_PERSON.search(text, *sentences[k]):
        return True
    if not name:
        return False
    named = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)")
    # Back over the sentences that open with a pronoun to the one that names someone.
    while True:
        begin, end = sentences[k]
        if named.search(text, begin, end):
            return True
        if k == 0 or not text.startswith(PRONOUNS, begin):
            return False
        k -= 1


def names_candidate(specific, candidate: str | None) -> bool:
    """Whether a specific is the candidate's own name ("Femi Adeyemi" for Femi): it is in
    every letter about them, so it is no evidence and the score does not count it."""
    return bool(candidate) and specific.label == NAME and (
        specific.text.split(maxsplit=1)[0] == candidate)
