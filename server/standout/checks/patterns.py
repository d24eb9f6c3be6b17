"""Phrase, token and regex rules: their matches come from the spaCy pipeline.

The components match every pattern rule while a paragraph is analysed (and
cached), with the facts about each match's sentence (match_context.py); this
detector places each match in the text and applies the steps that need the
whole text or the context:

- a rule ``about: writer`` is dropped when its sentence is about someone else,
  unless it names the candidate, who signed the letter or whom it introduces (a CV
  profile pasted in: "Sophie has a proven track record"; an agency's letter,
  writer_name.py);
- a claim rule ("I am detail-oriented") in a heading is dropped (it labels what
  follows); one whose sentence holds a specific (a number, a date, a name, a
  concrete action), or that points to a sentence holding one, or that is
  followed by its own list, drops to ``info`` with its backed message. The
  employer's own name is not evidence: the target company, and any employer the
  text says it is applying to ("the role at Acme", "join Acme");
- one point, one warning: rules that share an ``idea`` ("fit", "praise") give one
  warning per stretch of a sentence, the later findings dropping to ``info``; and
  a ``frame`` rule ("I am a ...", "I consider myself a ...") drops to ``info``
  when a claim rule names the quality right after it ("I consider myself a
  strong team player": the team player is the point);
- a ``concrete_backs`` claim ("what drew me to ...") is backed, too, when its
  sentence names two things no generic sentence of the bank names (the
  generic-sentence model's vocabulary): "its shockwave service and its links
  with running clubs are what drew me to this post" gives its reason;
- a ``lead_in`` rule (a plain opening: "I would like to apply for") drops to
  ``info`` when the sentence after it carries evidence and the text has
  LEAD_IN_MIN_WORDS words or more: the letter gets to its point at once, and
  the line is a small part of it;
- a ``result_backs`` rule (the stock half of a weakness answer: "and I'm working
  on that") drops to ``info`` with its backed message when the text, read as an
  interview answer, tells what the writer did and what came of it
  (interview/answers.py): the answer has already shown the work;
- a ``change_backs`` rule (a lesson claimed: "I learned a lot from that project")
  drops to ``info`` with its backed message when a later sentence of its paragraph
  tells what the writer has done differently since ("Since then I build the replay
  path first"): the lesson is given, in the writer's own terms.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..application_object import RECOMMENDING, names_application
from ..employer_names import repeats_context, same_company
from ..generic.model import generic_vocabulary
from ..interview.readers import answers_for
from ..rulebook import LEAD_IN_ADVERT, LEAD_IN_MESSAGE, POINTED_MESSAGE
from ..writer_name import about_named_writer
from .base import Candidate, Detector, EngineParts
from .not_the_writers import not_the_writers

if TYPE_CHECKING:
    from ..analysis import Analysis, PlacedParagraph, Specific
    from ..context import Context
    from ..rulebook import Rule

IDEA_DISTANCE = 30  # characters between two findings of one idea in one sentence
FRAME_DISTANCE = 15  # characters between a frame and the claim it introduces
# A plain opening line costs little in a letter; in a 40-word answer it is a third of it.
LEAD_IN_MIN_WORDS = 100
HEADINGS_PASSED = 1  # between an opening line and the sentence that backs it
# Characters after an opening in which it names what is applied for: the object of "I am
# writing to express my interest in" comes within a clause, and a sentence of stock
# phrases 100,000 characters long is not read again for each of them.
APPLICATION_REACH = 200
HEADING_MAX_WORDS = 8
HEADING_NOT_ENDS = frozenset(".!?,;:…\"'”’)")
_ADVERT = object()  # _after_advert's entry in a paragraph analysis's derived data
WORD = re.compile(r"[^\W\d_]+")
# The advert's date or reference number in an opening line (see _after_advert).
AD_REFERENCE = re.compile(
    r"\b(?:advertised|posted|listed|published|saw|seen)\b[^.!?\n]{0,40}?\bon\s+"
    r"(?:\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+|[A-Z][a-z]+\s+\d{1,2}\b)"
    r"|\b(?:[Rr]ef(?:erence)?|[Jj]ob (?:ID|id|number|no)|[Pp]osting|[Rr]eq(?:uisition)?|"
    r"[Vv]acancy (?:number|no))\.?(?:\s*(?:no\.?|number|#|:))?\s*[A-Z0-9][\w./-]*\d"
    r"|#\s?\d{3,}")
# What the writer has done differently since: "Since then I ...", "Now I ...", "I now ...".
CHANGE = re.compile(r"\b(?:(?:since then|ever since|from then on|these days|today|now),? I|"
                    r"I (?:now|have since|always now))\b", re.IGNORECASE)


class PatternMatches(Detector):
    check = "patterns"

    def __init__(self, rules: Sequence[Rule], parts: EngineParts) -> None:
        super().__init__(rules, parts)
        self._rules = {rule.id: rule for rule in self.rules}
        self._answers = answers_for(parts.nlp)

    def candidates(self, analysis: Analysis, context: Context) -> list[Candidate]:
        rules = self._rules
        writer = analysis.candidate
        # Not evidence: the employer's own name, nor the writer's ("Priya has a proven ...").
        not_evidence = _employers(analysis, context) + ((writer,) if writer else ())
        out = []
        for number, paragraph in enumerate(analysis.paragraphs):
            offset = paragraph.offset
            found = []
            for match in paragraph.local.matches:
                rule = rules[match.rule]
                if rule.about == "writer" and not match.about_writer and not (
                        (writer or analysis.reference) and about_named_writer(
                            paragraph.local.text, paragraph.local.sentences, match.start,
                            writer, analysis.reference)):
                    continue
                start, end = match.start + offset, match.end + offset
                if rule.lead_in and analysis.words >= LEAD_IN_MIN_WORDS and _leads_in(
                        rule, analysis, number, match, not_evidence, context):
                    found.append(Candidate(rule.id, "info", start, end, LEAD_IN_MESSAGE))
                elif (rule.result_backs and self._tells_result(analysis)) or (
                        rule.change_backs and _tells_change(paragraph.local, match.end)):
                    found.append(Candidate(rule.id, "info", start, end, rule.backed_message))
                elif not rule.claim:
                    found.append(Candidate(rule.id, rule.severity, start, end, rule.message))
                elif match.heading:
                    continue
                elif _backs(match.evidence, not_evidence) or (
                        rule.concrete_backs and _names_concrete_things(paragraph.local, match)):
                    found.append(Candidate(rule.id, "info", start, end, rule.backed_message))
                elif match.introduces or _backs(match.pointed, not_evidence):
                    found.append(Candidate(rule.id, "info", start, end, POINTED_MESSAGE))
                else:
                    found.append(Candidate(rule.id, rule.severity, start, end, rule.message))
            if any(c.severity == "warning" for c in found):
                found = _literal_at_most_info(found, paragraph, rules)
                found = _openings_without_application(found, paragraph, rules, context)
            out += _one_per_point(found, rules, paragraph) if len(found) > 1 else found
        return out

    def _tells_result(self, analysis: Analysis) -> bool:
        """Whether the text holds an action of the writer's and a result (read once a text,
        and only when a ``result_backs`` rule matched)."""
        shape = self._answers.read(analysis)
        return bool(shape.action and shape.result)


def _literal_at_most_info(found: list[Candidate], paragraph,
                          rules: dict[str, Rule]) -> list[Candidate]:
    """Warnings in a sentence about life outside work ("after Dad clipped the gatepost",
    "our hamster"; models/wordlists/everyday-life.txt), in one that says its words are
    meant "literally", in one another speaker says ("..., said the magician"), or in one
    holding a word of the rule's ``literal_words`` ("I tripped on the kerb and hit the
    ground running") drop to info: the stock words are most likely not the writer's
    claim there, and a letter rarely needs them."""
    local, offset = paragraph.local, paragraph.offset
    starts = [a for a, _ in local.sentences]
    read: dict[int, bool] = {}  # sentence -> about life outside work (each read once)
    words: dict[int, frozenset[str]] = {}  # sentence -> its lowercase words, when asked
    out = []
    for c in found:
        if c.severity == "warning":
            k = bisect_right(starts, c.start - offset) - 1
            if k >= 0 and k not in read:
                a, b = local.sentences[k]
                read[k] = not_the_writers(local.text[a:b])
            literal = rules[c.rule].literal_words
            if k >= 0 and (read[k] or (literal and not literal.isdisjoint(
                    _words_of(local, k, words)))):
                c = c._replace(severity="info")
        out.append(c)
    return out


def _words_of(local, k: int, read: dict[int, frozenset[str]]) -> frozenset[str]:
    """The lowercase words of sentence ``k`` of ``local``, read once (asked only for the few
    rules with ``literal_words``)."""
    found = read.get(k)
    if found is None:
        a, b = local.sentences[k]
        found = read[k] = frozenset(WORD.findall(local.text[a:b].lower()))
    return found


def _openings_without_application(found: list[Candidate], paragraph, rules: dict[str, Rule],
                                  context: Context) -> list[Candidate]:
    """Warnings of ``application_object`` openings ("I am writing to express my interest
    in", "To whom it may concern,") whose sentence goes on about something other than a
    job application ("... in why the boiler has not been mended") drop to info
    (application_object.py)."""
    if not any(c.severity == "warning" and rules[c.rule].application_object for c in found):
        return found
    local, offset = paragraph.local, paragraph.offset
    starts = [a for a, _ in local.sentences]
    known = _context_words(context)
    out = []
    for c in found:
        if c.severity == "warning" and rules[c.rule].application_object:
            k = bisect_right(starts, c.start - offset) - 1
            end = local.sentences[k][1] if k >= 0 else len(local.text)
            rest = local.text[c.end - offset:min(end, c.end - offset + APPLICATION_REACH)]
            matched = WORD.findall(local.text[c.start - offset:c.end - offset])
            recommending = bool(matched) and matched[-1].lower() in RECOMMENDING
            if not names_application(rest, known, recommending):
                c = c._replace(severity="info")
        out.append(c)
    return out


def _context_words(context: Context) -> frozenset[str]:
    """The lowercase words of the context's employer and role."""
    return frozenset(WORD.findall(f"{context.company or ''} {context.role or ''}".lower()))


def _tells_change(local, at: int) -> bool:
    """Whether a sentence of the paragraph after the one holding ``at`` tells what the
    writer has done differently since (CHANGE)."""
    k = bisect_right([a for a, _ in local.sentences], at)
    return any(CHANGE.search(local.text, a, b) for a, b in local.sentences[k:])


def _employers(analysis: Analysis, context: Context) -> tuple[str, ...]:
    """The employer the text is for: the context's company and the ones it says it applies to."""
    names = [mention.text for paragraph in analysis.paragraphs for mention in paragraph.mentions]
    if context.company:
        names.append(context.company)
    return tuple(names)


def _leads_in(rule: Rule, analysis: Analysis, number: int, match, not_evidence: tuple[str, ...],
              context: Context) -> bool:
    """Whether a ``lead_in`` opening line is followed by its evidence. A rule whose
    ``lead_in`` is "advert" ("Please accept my application for ...") leads in only when
    its sentence gives the advert's date or reference: templates write it bare."""
    local = analysis.paragraphs[number].local
    after = _after_advert(local, match.end)
    if rule.lead_in == LEAD_IN_ADVERT and after < 2:
        return False
    return _next_sentence_backs(analysis, number, match.start, not_evidence, context.role,
                                after)


def _next_sentence_backs(analysis: Analysis, number: int, start: int,
                         not_evidence: tuple[str, ...], role: str | None,
                         sentences: int = 1) -> bool:
    """Whether the sentence after the one at ``start`` (in paragraph ``number``) carries
    evidence: the next sentence of the paragraph, or the next paragraph's first when the
    opening line stands alone ("I am applying for the archivist post." + "Since 2021 I
    have catalogued ..."). A heading between them ("Why this role") is passed over: it
    labels the evidence, it is not the next thing said. The employer's name and the
    role's title are not evidence. With ``sentences`` 2, either of the next two will do."""
    for local, (begin, end) in _sentences_after(analysis, number, start, sentences):
        if _is_heading(local.text[begin:end]):
            continue
        lo = bisect_left(local.specifics, begin, key=_start)
        hi = bisect_left(local.specifics, end, key=_start)
        evidence = tuple(s for s in local.specifics[lo:hi]
                         if not repeats_context(s, None, role))
        if _backs(evidence, not_evidence):
            return True
        sentences -= 1
        if not sentences:
            return False
    return False


def _after_advert(local, at: int) -> int:
    """How many sentences after an opening line may back it: two when its sentence (the
    one holding ``at``) gives the advert's date or reference ("advertised on 12 February",
    "(ref. HEC-0417)"), which no template does, so the writer may state a skill and prove
    it at once ("I can find stories in public data. In October 2023 I ..."); else one.
    "As advertised on your website" is no reference. Each sentence is read once a paragraph,
    only when an opening line matched in it."""
    found = local.derived.get(_ADVERT)
    if found is None:
        found = local.derived[_ADVERT] = (
            [a for a, _ in local.sentences],
            [AD_REFERENCE.search(local.text, a, b) is not None for a, b in local.sentences])
    starts, cites = found
    k = bisect_right(starts, at) - 1
    return 2 if k >= 0 and cites[k] else 1


def _sentences_after(analysis: Analysis, number: int, start: int, sentences: int = 1):
    """The next few sentences after the one at ``start``, as (paragraph analysis, span):
    ``sentences`` of them, and as many headings as may stand between."""
    paragraphs = analysis.paragraphs
    local = paragraphs[number].local
    k = bisect_right([a for a, _ in local.sentences], start)
    seen = 0
    while seen < HEADINGS_PASSED + sentences:
        if k >= len(local.sentences):
            number += 1
            if number >= len(paragraphs):
                return
            local, k = paragraphs[number].local, 0
            continue
        yield local, local.sentences[k]
        k += 1
        seen += 1


def _is_heading(sentence: str) -> bool:
    """A short line with no sentence end: "Why this role", "Experience"."""
    line = sentence.strip()
    return (bool(line) and "\n" not in line and line[-1] not in HEADING_NOT_ENDS
            and len(line.split()) <= HEADING_MAX_WORDS)


CONCRETE_WORDS = 2  # words no generic sentence uses that make a claim's reason concrete
# Abstract nouns are what praise is made of ("its openness", "its commitment to diversity").
ABSTRACT_ENDINGS = ("ness", "ity", "ism", "ance", "ence", "tion", "sion", "ment", "ship")


def _names_concrete_things(local, match) -> bool:
    """Whether the match's sentence names things no generic sentence of the bank names
    ("its shockwave service and its links with running clubs are what drew me"):
    CONCRETE_WORDS such words, names and abstract nouns aside (a name is a specific, or
    the employer's; "openness" is praise)."""
    sentence = next(((a, b) for a, b in local.sentences if a <= match.start < b), None)
    if sentence is None:
        return False
    begin, end = sentence
    names = [(s.start, s.end) for s in local.specifics
             if s.label == "NAME" and begin <= s.start < end]
    vocabulary = generic_vocabulary()
    concrete = 0
    for form, a, _ in local.canonical_words:
        if begin <= a < end and form.isalpha() and form not in vocabulary and not (
                form.endswith(ABSTRACT_ENDINGS)) and not any(lo <= a < hi for lo, hi in names):
            concrete += 1
            if concrete >= CONCRETE_WORDS:
                return True
    return False


def _start(specific: Specific) -> int:
    return specific.start


def _backs(evidence: tuple[Specific, ...], not_evidence: tuple[str, ...]) -> bool:
    """Whether ``evidence`` holds a specific that is not one of the ``not_evidence`` names."""
    if not not_evidence:
        return bool(evidence)
    return any(
        e.label != "NAME" or not any(same_company(e.text, name) for name in not_evidence)
        for e in evidence
    )


def _one_per_point(found: list[Candidate], rules: dict[str, Rule],
                   paragraph: PlacedParagraph) -> list[Candidate]:
    """Findings that repeat a point already warned about nearby in the sentence drop to info."""
    if not any(rules[c.rule].idea or rules[c.rule].frame for c in found):
        return found
    sentences = paragraph.sentences
    ordered = sorted(found, key=lambda c: (c.start, c.end))
    where = [_sentence_of(sentences, c.start) for c in ordered]
    kept: list[Candidate] = []
    for i, candidate in enumerate(ordered):
        rule = rules[candidate.rule]
        if candidate.severity != "info" and (
            (rule.idea and _repeats_idea(candidate, i, ordered, kept, where, rules))
            or (rule.frame and _frames_a_claim(candidate, i, ordered, where, rules))
        ):
            candidate = candidate._replace(severity="info")
        kept.append(candidate)
    return kept


def _repeats_idea(candidate: Candidate, i: int, ordered: list[Candidate],
                  kept: list[Candidate], where: list[int], rules: dict[str, Rule]) -> bool:
    idea = rules[candidate.rule].idea
    return any(
        rules[other.rule].idea == idea and other.severity != "info"
        and other.rule != candidate.rule and where[j] == where[i]
        and candidate.start - other.end <= IDEA_DISTANCE
        for j, other in enumerate(kept)
    )


def _frames_a_claim(candidate: Candidate, i: int, ordered: list[Candidate], where: list[int],
                    rules: dict[str, Rule]) -> bool:
    return any(
        where[j] == where[i] and rules[other.rule].claim and not rules[other.rule].frame
        and other.start >= candidate.start and other.start - candidate.end <= FRAME_DISTANCE
        for j, other in enumerate(ordered) if j != i
    )


def _sentence_of(sentences: tuple[tuple[int, int], ...], position: int) -> int:
    for number, (start, end) in enumerate(sentences):
        if start <= position < end:
            return number
    return -1

