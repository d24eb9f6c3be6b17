"""The user's own settings: extra rule files and rules turned off.

They live in the user's config folder (``standout rules --where`` prints it,
``STANDOUT_CONFIG_DIR`` overrides it)::

    <config>/config.toml     disabled_rules = ["hedge.i-feel"], disabled_categories = ["buzzword"]
    <config>/rules/*.yaml    rule files in the same format as models/rules/
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from platformdirs import user_config_dir

from .documents import DocumentError, toml_document


class ConfigError(ValueError):
    """The user's config file is unreadable or malformed."""


def config_dir() -> Path:
    override = os.environ.get("STANDOUT_CONFIG_DIR")
    return Path(override) if override else Path(user_config_dir("standout", appauthor=False))


@dataclass(frozen=True)
class UserConfig:
    disabled_rules: frozenset[str] = field(default_factory=frozenset)
    disabled_categories: frozenset[str] = field(default_factory=frozenset)
    rule_dirs: tuple[Path, ...] = ()

    @classmethod
    def load(cls, directory: Path | None = None) -> UserConfig:
        directory = directory or config_dir()
        path = directory / "config.toml"
        data: dict = {}
        if path.is_file():
            try:
                data = toml_document(path.read_bytes())
            except OSError as exc:
                raise ConfigError(f"{path}: {exc.strerror or exc}") from None
            except DocumentError as exc:
                raise ConfigError(f"{path}: {exc}") from None
        for key in ("disabled_rules", "disabled_categories"):
            value = data.get(key, [])
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ConfigError(f"{path}: {key} must be a list of strings")
        rules = directory / "rules"
        return cls(
            disabled_rules=frozenset(data.get("disabled_rules", [])),
            disabled_categories=frozenset(data.get("disabled_categories", [])),
            rule_dirs=(rules,) if rules.is_dir() else (),
        )
