"""Builds the detectors a rulebook needs, importing each one's module on first use."""

from __future__ import annotations

import importlib

from ..rulebook import Rule, RuleBook
from .base import Detector, EngineParts
from .registry import DETECTORS, PATTERNS


def check_of(rule: Rule) -> str:
    """The check that serves ``rule``: its ``check:`` name, or ``patterns``."""
    return rule.check or PATTERNS


def detector_class(check: str) -> type[Detector]:
    module_name, _, attr = DETECTORS[check].partition(":")
    cls = getattr(importlib.import_module(module_name), attr)
    if cls.check != check:
        raise TypeError(f"{DETECTORS[check]} implements '{cls.check}', registered as '{check}'")
    return cls


def load_detectors(rulebook: RuleBook, parts: EngineParts) -> list[Detector]:
    """One detector per check the rulebook uses, given every rule that uses it, in rule order."""
    rules_of: dict[str, list[Rule]] = {}
    for rule in rulebook:
        rules_of.setdefault(check_of(rule), []).append(rule)
    return [detector_class(check)(rules, parts) for check, rules in rules_of.items()]
