"""Running `standout serve` in a subprocess for tests (see the live_server fixture)."""

from __future__ import annotations

import re
import signal
import subprocess
import sys
import threading
import time


class LiveServer:
    """``standout serve`` in a subprocess; ``url`` ends in a slash, ``log`` is its stderr."""

    def __init__(self, *args: str, timeout: float = 60) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "standout", "serve", *args],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, encoding="utf-8",
        )
        self.lines: list[str] = []
        self._ready = threading.Event()
        self.url: str | None = None

        def read() -> None:
            for line in self.proc.stderr:
                self.lines.append(line)
                found = re.search(r"serving on (http://\S+/)", line)
                if found and self.url is None:
                    self.url = found.group(1)
                    self._ready.set()
            self._ready.set()

        self._reader = threading.Thread(target=read, daemon=True)
        self._reader.start()
        deadline = time.monotonic() + timeout
        while not self._ready.wait(0.05) and time.monotonic() < deadline:
            pass

    @property
    def log(self) -> str:
        return "".join(self.lines)

    def stop(self, sig=None) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(sig or signal.SIGINT)
        code = self.proc.wait(timeout=30)
        self._reader.join(timeout=5)
        self.proc.stderr.close()
        return code
