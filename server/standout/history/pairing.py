"""The history token, and pairing: how the browser extension obtains it, once.

History endpoints answer only requests that carry the per-install token, a
random 256-bit value in ``<config>/history-token`` (user-only permissions). The
extension obtains it by pairing, which the user completes in a terminal:

1. The extension (its popup, through its worker) asks the server to start a
   pairing (``POST /v1/history/pairing``; only an extension origin may). The
   server answers with a pairing id, a secret kept by the extension, and a
   short code the popup shows ("K7QF-3MZD").
2. The user runs ``standout history pair K7QF-3MZD``. The command shows which
   extension asked and marks that pairing approved. Only someone who can run
   commands as this user can do that, which is what the token then stands for.
3. The extension asks again with its pairing id and receives the token once.

Waiting pairings live in ``<config>/history-pairing.json`` (hashes of the id
and code, the origin, an expiry ten minutes out), locked while read and
written, since the server and the command share it. ``standout history
unpair`` deletes the token: every paired extension has to pair again.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import secrets
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from ..config import ConfigError, config_dir

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

TOKEN_FILE = "history-token"
PENDING_FILE = "history-pairing.json"
LOCK_FILE = ".history-pairing.lock"
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L
CODE_LENGTH = 8
PAIRING_SECONDS = 600
MAX_WAITING = 5


class PairingError(ConfigError):
    """A pairing that cannot go on: unknown, expired, or the files cannot be used."""


def _digest(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()


def normalize_code(code: str) -> str:
    """What the user typed, as the code was made: capitals, no dash or spaces."""
    return "".join(ch for ch in code.upper() if ch.isalnum())


def format_code(code: str) -> str:
    return f"{code[:4]}-{code[4:]}"


class Pairings:
    """The token and the waiting pairings in ``directory`` (default: the config folder)."""

    def __init__(self, directory: Path | str | None = None,
                 clock: Callable[[], float] = time.time) -> None:
        self.directory = Path(directory) if directory is not None else config_dir()
        self.clock = clock

    @property
    def token_path(self) -> Path:
        return self.directory / TOKEN_FILE

    # --- the token -----------------------------------------------------------

    def token(self) -> str | None:
        try:
            value = self.token_path.read_text(encoding="ascii").strip()
        except FileNotFoundError:
            return None
        except (OSError, UnicodeDecodeError) as exc:
            raise PairingError(f"{self.token_path}: {getattr(exc, 'strerror', None) or exc}"
                               ) from None
        return value or None

    def accepts(self, presented: str | None) -> bool:
        """Whether ``presented`` is the token (compared in constant time)."""
        if not presented:
            return False
        try:
            token = self.token()
        except PairingError:
            return False
        return token is not None and hmac.compare_digest(presented.encode(), token.encode())

    def ensure_token(self) -> str:
        token = self.token()
        if token is not None:
            return token
        token = secrets.token_urlsafe(32)
        self._write(self.token_path, token + "\n")
        return token

    def revoke(self) -> bool:
        try:
            self.token_path.unlink()
        except FileNotFoundError:
            return False
        except OSError as exc:
            raise PairingError(f"{self.token_path}: {exc.strerror or exc}") from None
        return True

    # --- pairing -------------------------------------------------------------

    def start(self, origin: str) -> dict[str, Any]:
        """A new waiting pairing: ``{"pairing", "code", "expires_in"}`` for the extension."""
        pairing = secrets.token_urlsafe(24)
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        with self._waiting() as waiting:
            waiting[:] = waiting[-(MAX_WAITING - 1):]
            waiting.append({"pairing": _digest(pairing), "code": _digest(code),
                            "origin": origin, "expires": self.clock() + PAIRING_SECONDS,
                            "approved": False})
        return {"pairing": pairing, "code": format_code(code), "expires_in": PAIRING_SECONDS}

    def waiting_for(self, code: str) -> str | None:
        """The origin of the pairing waiting for ``code``, if one is."""
        key = _digest(normalize_code(code))
        with self._waiting() as waiting:
            for entry in waiting:
                if hmac.compare_digest(entry["code"], key):
                    return entry["origin"]
        return None

    def approve(self, code: str) -> str:
        """Approve the pairing waiting for ``code`` (the user's command); returns its origin."""
        key = _digest(normalize_code(code))
        with self._waiting() as waiting:
            for entry in waiting:
                if hmac.compare_digest(entry["code"], key):
                    entry["approved"] = True
                    return entry["origin"]
        raise PairingError(
            f"no pairing is waiting for the code {code!r} (codes last {PAIRING_SECONDS // 60}"
            " minutes; start again from the extension's popup)"
        )

    def collect(self, pairing: str) -> str | None:
        """The token once the pairing ``pairing`` is approved (then it is gone); else ``None``."""
        key = _digest(pairing)
        with self._waiting() as waiting:
            for number, entry in enumerate(waiting):
                if hmac.compare_digest(entry["pairing"], key):
                    if not entry["approved"]:
                        return None
                    del waiting[number]
                    return self.ensure_token()
        raise PairingError("this pairing is unknown or has expired; start again")

    @contextlib.contextmanager
    def _waiting(self) -> Iterator[list[dict[str, Any]]]:
        """The waiting pairings (expired ones dropped), written back when changed."""
        path = self.directory / PENDING_FILE
        with self._locked():
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
                entries = data if isinstance(data, list) else []
            except FileNotFoundError:
                entries = []
            except (OSError, ValueError):
                entries = []  # a damaged file of waiting pairings only delays a pairing
            now = self.clock()
            entries = [e for e in entries if isinstance(e, dict) and _valid(e, now)]
            before = json.dumps(entries)
            yield entries
            if json.dumps(entries) != before or not path.exists():
                if entries:
                    self._write(path, json.dumps(entries))
                else:
                    with contextlib.suppress(FileNotFoundError):
                        path.unlink()

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        self._folder()
        if fcntl is None:  # pragma: no cover
            yield
            return
        try:
            handle = open(self.directory / LOCK_FILE, "a")  # noqa: SIM115
        except OSError as exc:
            raise PairingError(f"{self.directory}: {exc.strerror or exc}") from None
        with handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def _folder(self) -> None:
        try:
            self.directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError as exc:
            raise PairingError(f"{self.directory}: {exc.strerror or exc}") from None

    def _write(self, path: Path, text: str) -> None:
        """Private (0600) from the start, then renamed into place."""
        self._folder()
        try:
            fd, temp = tempfile.mkstemp(dir=self.directory, prefix=".history-", suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temp, path)
        except OSError as exc:
            with contextlib.suppress(OSError, UnboundLocalError):
                os.unlink(temp)
            raise PairingError(f"{path}: {exc.strerror or exc}") from None


def _valid(entry: dict[str, Any], now: float) -> bool:
    return (
        isinstance(entry.get("pairing"), str) and isinstance(entry.get("code"), str)
        and isinstance(entry.get("origin"), str) and isinstance(entry.get("approved"), bool)
        and isinstance(entry.get("expires"), (int, float)) and entry["expires"] > now
    )
