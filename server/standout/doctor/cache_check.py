"""The start-up cache: where it is, whether it can be written, whether it has the current rules."""

from __future__ import annotations

from .. import engine_cache
from ..config import ConfigError, UserConfig
from .local_checks import writable
from .model import Context, Result

SLOW = "every start builds the rules (a few seconds) instead of loading them"


def check_cache(_: Context) -> Result:
    folder = engine_cache.cache_dir()
    details = {"folder": str(folder),
               "files": [str(path) for path in engine_cache.cache_files(folder)]}
    if not engine_cache.cache_enabled():
        return Result("info", f"turned off ({engine_cache.OFF_ENV} is set): {SLOW}",
                      f"unset {engine_cache.OFF_ENV}", details)
    ok, where = writable("cache", folder)
    if not ok:
        return Result("warn", f"{where}: {SLOW}",
                      "give yourself write access to that folder, or point"
                      f" {engine_cache.DIR_ENV} at a folder you own", details)
    try:
        rule_dirs = UserConfig.load().rule_dirs
    except ConfigError:  # the config check says what is wrong with it
        return Result("ok", f"{where}; the rules are built once, then loaded", details=details)
    current = engine_cache.cache_path(engine_cache.fingerprint(rule_dirs))
    details["current"] = str(current)
    if current.is_file():
        size = current.stat().st_size / 1e6
        return Result("ok", f"{current} holds the current rules ({size:.1f} MB); starts load it",
                      details=details)
    return Result("ok", f"{where}: nothing for the current rules yet; the next start builds"
                  " them and saves them there", details=details)
