"""Fixed service specs for the golden-file tests (one per platform, with awkward paths)."""

from __future__ import annotations

from standout.service.spec import ServiceSpec

LINUX = ServiceSpec(
    python="/home/ada/.local/share/standout venv/bin/python3",
    host="127.0.0.1", port=8765,
    log_file="/home/ada/.local/state/standout/log/server.log",
    environment=(("STANDOUT_CONFIG_DIR", "/home/ada/My Settings/100% standout"),),
)
MACOS = ServiceSpec(
    python="/Users/ada/Library/Application Support/standout/venv/bin/python3",
    host="127.0.0.1", port=8765,
    log_file="/Users/ada/Library/Logs/standout/server.log",
)
WINDOWS = ServiceSpec(
    python="C:\\Users\\ada\\AppData\\Local\\Programs\\Standout\\venv\\Scripts\\pythonw.exe",
    host="127.0.0.1", port=8765,
    log_file="C:\\Users\\Ada Lovelace\\AppData\\Local\\standout\\Logs\\server.log",
)
WINDOWS_USER = "ADA-PC\\ada"
