"""Running `standout serve` in a subprocess for tests (see the live_server fixture)."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
from collections.abc import Mapping


class ServerStartError(RuntimeError):
    """``standout serve`` printed no address in time; it has been killed and reaped."""


class LiveServer:
    """``standout serve`` in a subprocess; ``url`` ends in a slash, ``log`` is its stderr.

    A server that exits before serving (a port in use, a refused ``--host``) is reaped
    and ``url`` stays None, so a test can look at its exit code and log. One that
    prints no address within ``timeout`` seconds is killed, its pipe closed, and
    ``ServerStartError`` raised with its log: nothing is left running or open.
    ``env`` entries are added to the environment (``STANDOUT_DATA_DIR``, say);
    ``python`` is the interpreter to run (another installation's, for a bench).
    """

    def __init__(self, *args: str, timeout: float = 60,
                 env: Mapping[str, str] | None = None, python: str = sys.executable) -> None:
        self.lines: list[str] = []
        self._ready = threading.Event()
        self.url: str | None = None
        self.proc = subprocess.Popen(
            [python, "-m", "standout", "serve", *args],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, encoding="utf-8",
            env=None if env is None else {**os.environ, **env},
        )
        self._reader = threading.Thread(target=self._read, daemon=True)
        try:
            self._reader.start()
            self._ready.wait(timeout)
            if self.url is None and self._reader.is_alive():
                raise ServerStartError(
                    f"standout serve printed no address within {timeout:g} s and was stopped."
                    f" Its log:\n{self.log}"
                )
            if self.url is None:  # it exited (or closed stderr) without serving
                self._finish(wait=10)
        except BaseException:
            self._kill()
            raise

    def _read(self) -> None:
        for line in self.proc.stderr:
            self.lines.append(line)
            found = re.search(r"serving on (http://\S+/)", line)
            if found and self.url is None:
                self.url = found.group(1)
                self._ready.set()
        self._ready.set()

    def _finish(self, wait: float) -> int:
        """Waits for the process to end, then for the reader, then closes the pipe."""
        code = self.proc.wait(timeout=wait)
        self._reader.join(timeout=5)
        self.proc.stderr.close()
        return code

    def _kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self._finish(wait=30)

    @property
    def log(self) -> str:
        return "".join(self.lines)

    def stop(self, sig=None) -> int:
        """Stops the server (SIGINT unless told) and returns its exit code."""
        if self.proc.poll() is None:
            self.proc.send_signal(sig or signal.SIGINT)
        try:
            return self._finish(wait=30)
        except subprocess.TimeoutExpired:
            self._kill()
            raise
