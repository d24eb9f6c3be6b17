"""Checks implemented in code as detector classes, keyed by a rule's ``check:`` name.

A detector is built once per linter, ``Detector(rule, linter)``, and asked for
findings on every check: ``detector.findings(analysis, context)``, where
``analysis`` is the text's cached paragraph analyses (:class:`standout.linter.Analysis`).
Modules are imported only when a rule file uses their check.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from .linter import Analysis, Linter
    from .report import Context, Finding
    from .rulebook import Rule

REGISTRY = {
    "sample": "standout.samples.detector:SampleDetector",
}


class Detector(Protocol):
    def findings(self, analysis: Analysis, context: Context) -> list[Finding]: ...


def load_detector(rule: Rule, linter: Linter) -> Any:
    module_name, _, attr = REGISTRY[rule.check].partition(":")
    cls = getattr(importlib.import_module(module_name), attr)
    return cls(rule, linter)
