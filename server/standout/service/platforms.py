"""The service manager of the platform Standout runs on."""

from __future__ import annotations

import sys

from .manager import ServiceManager


def current_manager(platform: str | None = None) -> ServiceManager:
    platform = platform or sys.platform
    if platform == "darwin":
        from .macos import Launchd

        return Launchd()
    if platform == "win32":
        from .windows import TaskScheduler

        return TaskScheduler()
    from .linux import Systemd

    return Systemd()
