"""Checks of this machine's Python, folders and files (no server, no network)."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from .. import __version__
from ..config import ConfigError, UserConfig, config_dir
from ..rulebook import RuleError, load_rulebook
from ..samples.store import SampleStore, SampleStoreError, data_dir
from ..service.paths import state_dir
from .model import Context, Result

MIN_PYTHON = (3, 11)


def check_python(_: Context) -> Result:
    version = ".".join(map(str, sys.version_info[:3]))
    details = {"version": version, "executable": sys.executable, "standout": __version__}
    if sys.version_info[:2] < MIN_PYTHON:
        return Result("fail", f"Python {version} is older than Standout needs",
                      f"install Python {'.'.join(map(str, MIN_PYTHON))} or newer and reinstall"
                      " Standout with it", details)
    return Result("ok", f"Python {version}, Standout {__version__} ({sys.executable})",
                  details=details)


def writable(label: str, folder: Path) -> tuple[bool, str]:
    if folder.exists():
        if not folder.is_dir():
            return False, f"{label} {folder} is a file, not a folder"
        try:
            with tempfile.TemporaryFile(dir=folder):
                pass
        except OSError as exc:
            return False, f"{label} {folder} is not writable ({exc.strerror or exc})"
        return True, f"{label} {folder}"
    parent = folder.parent
    while not parent.exists() and parent != parent.parent:
        parent = parent.parent
    if parent.is_dir() and os.access(parent, os.W_OK | os.X_OK):
        return True, f"{label} {folder} (created when first needed)"
    return False, f"{label} {folder} cannot be created ({parent} is not writable)"


def check_folders(_: Context) -> Result:
    folders = {"config": config_dir(), "data": data_dir(), "state": state_dir()}
    answers = {label: writable(label, folder) for label, folder in folders.items()}
    bad = [text for ok, text in answers.values() if not ok]
    details = {label: str(folder) for label, folder in folders.items()}
    if bad:
        return Result("fail", "; ".join(bad),
                      "give yourself write access to those folders (or point STANDOUT_CONFIG_DIR,"
                      " STANDOUT_DATA_DIR, STANDOUT_STATE_DIR at folders you own)", details)
    return Result("ok", "writable: " + ", ".join(text for _, text in answers.values()),
                  details=details)


def check_config(_: Context) -> Result:
    path = config_dir() / "config.toml"
    try:
        config = UserConfig.load()
    except ConfigError as exc:
        return Result("fail", f"config.toml is not valid: {exc}",
                      f"edit {path} (TOML; see the README, 'Your own rules and settings')",
                      {"path": str(path)})
    if not path.is_file():
        return Result("ok", f"no config.toml ({path}); the defaults apply",
                      details={"path": str(path)})
    off = len(config.disabled_rules) + len(config.disabled_categories)
    return Result("ok", f"{path} is valid ({off} rules or categories turned off)",
                  details={"path": str(path)})


def check_rules(_: Context) -> Result:
    folder = config_dir() / "rules"
    present = folder.is_dir()
    files = sorted(folder.glob("*.yaml")) if present else []
    ignored = sorted(p for p in folder.iterdir() if p.suffix == ".yml") if present else []
    try:
        book = load_rulebook([folder] if present else [])
    except RuleError as exc:
        return Result("fail", f"a custom rule file is not valid: {exc}",
                      "fix that rule (the format is in docs/rules.md) or move the file out of"
                      f" {folder}", {"folder": str(folder)})
    details = {"folder": str(folder), "files": [str(f) for f in files], "rules": len(book)}
    if ignored:
        names = ", ".join(p.name for p in ignored)
        return Result("warn", f"{names} in {folder} will not load: only *.yaml files do",
                      "rename them to end in .yaml", details)
    if not files:
        return Result("ok", f"no custom rule files ({folder}); {len(book)} built-in rules load",
                      details=details)
    return Result("ok", f"{len(files)} custom rule files valid; {len(book)} rules in all",
                  details=details)


def check_samples(_: Context) -> Result:
    store = SampleStore()
    try:
        saved = store.load()
    except SampleStoreError as exc:
        return Result("fail", f"the samples store cannot be read: {exc}",
                      f"repair {store.path} or move it away ('standout samples' starts a new one)",
                      {"path": str(store.path)})
    if not store.path.exists():
        return Result("ok", f"no samples saved yet ({store.path})",
                      details={"path": str(store.path)})
    return Result("ok", f"{len(saved)} saved samples readable ({store.path})",
                  details={"path": str(store.path), "samples": len(saved)})
