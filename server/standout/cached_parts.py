"""The engine's other parts built from ``models/`` that the start-up cache keeps.

Besides the rulebook and the pipeline, building an engine reads the interview
cue files and compiles their phrases through the pipeline (about 0.5 s of CPU:
a spaCy pass over every expansion), and the first check reads the question
bank (PyYAML's pure-Python loader and jsonschema, about 0.2 s with their
imports). Both depend only on files under ``models/`` and on the package
source, which the cache's fingerprint covers, so they are built once with the
engine, saved beside it, and put back where the checks look for them.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language

log = logging.getLogger("standout.cache")


def build_parts(nlp: Language) -> dict[str, Any]:
    """The parts to save; a part whose file is malformed is left out (its check then
    reports the error when it is built, as it does without the cache)."""
    from .interview.answers import AnswerReader
    from .interview.asks import AskReader
    from .interview.bank import BankError, question_bank
    from .interview.cues import CueError

    parts: dict[str, Any] = {}
    makers = {"answers": lambda: AnswerReader(nlp), "asks": lambda: AskReader(nlp),
              "bank": question_bank}
    for name, make in makers.items():
        try:
            parts[name] = make()
        except (BankError, CueError, KeyError, TypeError) as exc:
            log.debug("not cached: %s (%s: %s)", name, type(exc).__name__, exc)
    return parts


def install_parts(nlp: Language, parts: dict[str, Any]) -> None:
    """Make the saved parts the ones the checks of ``nlp`` use."""
    from .interview.answers import AnswerReader
    from .interview.asks import AskReader
    from .interview.bank import QuestionBank, use_bank
    from .interview.readers import preset_readers

    answers, asks = parts.get("answers"), parts.get("asks")
    preset_readers(nlp, answers if isinstance(answers, AnswerReader) else None,
                   asks if isinstance(asks, AskReader) else None)
    bank = parts.get("bank")
    if isinstance(bank, QuestionBank):
        use_bank(bank)
