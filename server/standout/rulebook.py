"""Rule files: loading, validation and the parsed :class:`Rule` records.

A rule file is YAML holding one category of rules (see ``docs/rules.md``). Files
are validated against :mod:`standout.rule_schema` when loaded; every error names
the file and the rule it is about, because the person reading it is usually the
one who just wrote the rule.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .documents import DocumentError, yaml_document
from .phrase_syntax import (
    GAP,
    check_phrase_syntax,
    expand_phrase,
    expand_variants,
    expansion_count,
)
from .resources import models_dir
from .rule_schema import RULE, RULE_FILE

__all__ = [
    "Category", "Example", "Rule", "RuleBook", "RuleError", "check_phrase_syntax", "expand_phrase",
    "expand_variants", "expansion_count", "load_rule_file", "load_rulebook",
]

SEVERITY_RANK = {"error": 3, "warning": 2, "info": 1}
DEFAULT_BACKED_MESSAGE = (
    "Something concrete in this sentence backs this up, which is good; the phrase itself "
    "still sounds like every other letter, and the evidence can stand without it."
)
LEAD_IN_ADVERT = "advert"  # lead_in: "advert", see Rule.lead_in
LEAD_IN_MESSAGE = (
    "A plain opening line, and the next sentence gets to the point, so this costs little; "
    "opening with that point instead would make your first line count."
)
POINTED_MESSAGE = (
    "What follows backs this up, which is what counts; the phrase itself still sounds like every "
    "other letter, and the evidence can stand without it."
)


class RuleError(ValueError):
    """A rule file is malformed. The message names the file and the rule."""

    def __init__(self, source: Path | str, rule_id: str | None, problem: str) -> None:
        where = f"{source}: rule '{rule_id}'" if rule_id else str(source)
        super().__init__(f"{where}: {problem}")
        self.source = str(source)
        self.rule_id = rule_id
        self.problem = problem


@dataclass(frozen=True)
class Example:
    text: str
    context: dict[str, str] = field(default_factory=dict)
    backed: bool = False


@dataclass(frozen=True)
class Rule:
    id: str
    category: str
    title: str
    severity: str
    message: str
    advice: str
    kind: str  # "phrases", "tokens", "regex" or "check"
    patterns: tuple[Any, ...]
    source: str
    claim: bool = False
    backed_message: str = DEFAULT_BACKED_MESSAGE
    antipatterns: tuple[str, ...] = ()
    max_gap: int = 6
    check: str | None = None
    # "writer": only when the sentence is about the writer (docs/rules.md, "Who a rule is about")
    about: str = "anyone"
    idea: str | None = None  # rules sharing an idea give one warning per sentence
    frame: bool = False  # "I am a ...": gives way to the claim rule that names the quality
    # an opening line: info when the sentence after it has evidence ("advert": only when
    # its own sentence gives the advert's date or reference)
    lead_in: bool | str = False
    # an opening line: at most info when the rest of its sentence names no application
    application_object: bool = False
    # words that, in its sentence, show an idiom meant literally ("tripped" for "hit the
    # ground running"): the finding is at most info there
    literal_words: frozenset[str] = frozenset()
    concrete_backs: bool = False  # a claim backed by words no generic sentence uses
    result_backs: bool = False  # info when the answer tells what changed (its result)
    change_backs: bool = False  # info when the paragraph goes on to what the writer now does
    params: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)
    flag_examples: tuple[Example, ...] = ()
    pass_examples: tuple[Example, ...] = ()


@dataclass(frozen=True)
class Category:
    id: str
    title: str
    description: str = ""


@dataclass
class RuleBook:
    rules: dict[str, Rule] = field(default_factory=dict)
    categories: dict[str, Category] = field(default_factory=dict)

    def __iter__(self) -> Iterator[Rule]:
        return iter(self.rules.values())

    def __len__(self) -> int:
        return len(self.rules)

    def __getitem__(self, rule_id: str) -> Rule:
        return self.rules[rule_id]

    def of_kind(self, kind: str) -> list[Rule]:
        return [rule for rule in self.rules.values() if rule.kind == kind]

    def add_file(self, path: Path) -> None:
        category, rules = load_rule_file(path)
        known = self.categories.get(category.id)
        if known is None:
            self.categories[category.id] = category
        for rule in rules:
            if rule.id in self.rules:
                raise RuleError(
                    path, rule.id, f"the id is already used in {self.rules[rule.id].source}"
                )
            self.rules[rule.id] = rule

    def phrase_family_count(self) -> int:
        """Phrase families: each written pattern (before its variants are expanded)."""
        return sum(len(rule.patterns) for rule in self.rules.values() if rule.kind != "check")


def builtin_rule_files() -> list[Path]:
    return sorted((models_dir() / "rules").glob("*.yaml"))


def load_rulebook(extra_dirs: Iterable[Path] = ()) -> RuleBook:
    """Load the built-in rules, then every ``*.yaml`` in ``extra_dirs``."""
    book = RuleBook()
    for path in builtin_rule_files():
        book.add_file(path)
    for directory in extra_dirs:
        for path in sorted(Path(directory).glob("*.yaml")):
            book.add_file(path)
    return book


def load_rule_file(path: Path) -> tuple[Category, list[Rule]]:
    try:
        raw = yaml_document(Path(path).read_bytes())
    except DocumentError as exc:
        raise RuleError(path, None, str(exc)) from None
    except OSError as exc:
        raise RuleError(path, None, exc.strerror or str(exc)) from None
    _validate(raw, RULE_FILE, path, None)
    category = Category(raw["category"], raw["title"], raw.get("description", ""))
    defaults = raw.get("defaults", {})
    rules = []
    for index, entry in enumerate(raw["rules"]):
        rule_id = entry.get("id") if isinstance(entry, dict) else None
        _validate(entry, RULE, path, rule_id or f"#{index + 1}")
        rules.append(_build_rule(entry, category.id, defaults, path))
    return category, rules


def _build_rule(entry: dict[str, Any], category: str, defaults: dict[str, Any], path: Path) -> Rule:
    rule_id = entry["id"]
    prefix = rule_id.split(".", 1)[0]
    if prefix != category:
        raise RuleError(path, rule_id, f"the id must start with the file's category '{category}.'")
    kind = next(k for k in ("phrases", "tokens", "regex", "check") if k in entry)
    patterns: tuple[Any, ...] = ()
    if kind == "phrases":
        patterns = tuple(entry["phrases"])
        for pattern in patterns:
            check_phrase_syntax(pattern, lambda problem: RuleError(path, rule_id, problem))
    elif kind == "tokens":
        patterns = tuple(entry["tokens"])
    elif kind == "regex":
        for pattern in entry["regex"]:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise RuleError(path, rule_id, f"bad regex {pattern!r}: {exc}") from None
            except (OverflowError, RecursionError):  # a{99999999999}, 10,000 nested groups
                raise RuleError(path, rule_id, "bad regex: too large or nested too deeply"
                                ) from None
        patterns = tuple(entry["regex"])
    for pattern in entry.get("antipatterns", ()):
        check_phrase_syntax(pattern, lambda problem: RuleError(path, rule_id, problem))
        if GAP in pattern.split():
            raise RuleError(path, rule_id, f"antipattern {pattern!r}: an antipattern is a plain "
                            "phrase; '..' (a gap) is for phrases only")

    def examples(key: str) -> tuple[Example, ...]:
        out = []
        for item in entry["examples"][key]:
            if isinstance(item, str):
                out.append(Example(item))
            else:
                context, backed = item.get("context", {}), item.get("backed", False)
                out.append(Example(item["text"], context, backed))
        return tuple(out)

    return Rule(
        id=rule_id,
        category=category,
        title=entry["title"],
        severity=entry.get("severity", defaults.get("severity", "warning")),
        message=entry["message"].strip(),
        advice=entry["advice"].strip(),
        kind=kind,
        patterns=patterns,
        source=str(path),
        claim=entry.get("claim", defaults.get("claim", False)),
        backed_message=entry.get(
            "backed_message", defaults.get("backed_message", DEFAULT_BACKED_MESSAGE)
        ).strip(),
        antipatterns=tuple(entry.get("antipatterns", ())),
        max_gap=entry.get("max_gap", 6),
        about=entry.get("about", defaults.get("about", "anyone")),
        idea=entry.get("idea"),
        frame=entry.get("frame", False),
        lead_in=entry.get("lead_in", False),
        application_object=entry.get("application_object", False),
        literal_words=frozenset(w.lower() for w in entry.get("literal_words", ())),
        concrete_backs=entry.get("concrete_backs", False),
        result_backs=entry.get("result_backs", False),
        change_backs=entry.get("change_backs", False),
        check=entry.get("check"),
        params=entry.get("params", {}),
        flag_examples=examples("flag"),
        pass_examples=examples("pass"),
    )


def _validate(instance: Any, schema: dict, path: Path, rule_id: str | None) -> None:
    import jsonschema  # here, not at the top: a start from the cache validates nothing

    validator = jsonschema.Draft202012Validator(schema)
    try:
        error = jsonschema.exceptions.best_match(validator.iter_errors(instance))
    except RecursionError:
        raise RuleError(path, rule_id, "nested too deeply") from None
    if error is None:
        return
    location = "/".join(str(part) for part in error.absolute_path)
    where = f" at '{location}'" if location else ""
    raise RuleError(path, rule_id, f"{error.message}{where}")


