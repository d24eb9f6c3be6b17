"""Every check ``standout doctor`` runs, in the order it shows them."""

from __future__ import annotations

from .browsers import check_browsers
from .cache_check import check_cache
from .history_check import check_history
from .local_checks import check_config, check_folders, check_python, check_rules, check_samples
from .model import Check
from .server_checks import check_server, check_service

CHECKS: tuple[Check, ...] = (
    Check("python", "Python", check_python),
    Check("config", "config.toml", check_config),
    Check("rules", "Custom rules", check_rules),
    Check("folders", "Folders", check_folders),
    Check("samples", "Samples store", check_samples),
    Check("history", "History store", check_history),
    Check("cache", "Start-up cache", check_cache, required=False),
    Check("service", "Login service", check_service),
    Check("server", "Server", check_server),
    Check("browsers", "Browsers", check_browsers, required=False),
)
