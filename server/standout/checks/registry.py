"""Every check in one place: a check name, and the class that implements it.

A rule's check is its ``check:`` name; phrase, token and regex rules are all
served by ``patterns`` (their matches come from the spaCy pipeline). Classes
are named as strings: :mod:`.loader` imports a module only when a rule file
uses its check. Adding a check is a module, a line here and a rule entry with
examples (see docs/architecture.md). This module imports nothing, so the rule
schema can read the names.
"""

from __future__ import annotations

PATTERNS = "patterns"

DETECTORS: dict[str, str] = {
    PATTERNS: "standout.checks.patterns:PatternMatches",
    "employer-missing": "standout.checks.employer:EmployerMissing",
    "employer-other": "standout.checks.employer:EmployerOther",
    "sample": "standout.checks.sample:SampleCheck",
    "answer-structure": "standout.checks.answer:AnswerStructure",
    "answer-voice": "standout.checks.answer:AnswerVoice",
    "ask-generic": "standout.checks.asks:AskGeneric",
    "ask-none": "standout.checks.asks:AskNone",
    "posting-echo": "standout.checks.posting:PostingEcho",
    "posting-about": "standout.checks.posting:NothingAboutThem",
    "employer-other-role": "standout.checks.posting:OtherRole",
    "generic-sentence": "standout.checks.generic_sentence:GenericSentences",
}

# What a rule file's ``check:`` may say (rule_schema.py).
CHECK_NAMES = tuple(sorted(name for name in DETECTORS if name != PATTERNS))
