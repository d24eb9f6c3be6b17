"""A spaCy component that lets a test hold a check inside the engine's spaCy pass.

``gated_linter()`` builds a Linter whose pipeline starts with it. Each pass over a
Doc whose text holds ``MARKER`` calls the ``hook`` set on the returned ``Gate``
(and counts it): the test decides what "in flight" means and when it ends, by
events rather than by time.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc

from standout import Linter
from standout.components import keys
from standout.config import UserConfig

MARKER = "Zyzzogate"


class Gate:
    def __init__(self) -> None:
        self.hook: Callable[[], None] | None = None
        self.passes = 0
        self._lock = threading.Lock()

    def __call__(self, doc: Doc) -> Doc:
        text = doc.user_data.get(keys.TEXT) or doc.text
        if MARKER in text:
            with self._lock:
                self.passes += 1
            if self.hook is not None:
                self.hook()
        return doc


GATES: dict[str, Gate] = {}


@Language.factory("standout_test_gate")
def make_gate(nlp: Language, name: str) -> Gate:
    return GATES.setdefault(name, Gate())


def gated_linter(name: str) -> tuple[Linter, Gate]:
    linter = Linter(config=UserConfig())
    linter.nlp.add_pipe("standout_test_gate", name=name, first=True)
    return linter, GATES[name]
