"""The user's own samples: a JSON file in their data folder.

``<data>/samples.json`` (``standout samples where`` prints it; ``STANDOUT_DATA_DIR``
overrides the folder, platformdirs' ``user_data_dir("standout")`` is the default)::

    {"format": "standout-samples", "version": 1, "next_id": 3,
     "samples": [{"id": "user-1", "title": "...", "text": "...", "added": "2025-..."}]}

Writes go to a temporary file in the same folder, are flushed to disk, then
renamed over the store, so a crash leaves the old store or the new one, never
half of one. A store that cannot be read is reported, with its path, and is
never overwritten: the person may have edited it by hand and wants it back.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import tempfile
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from platformdirs import user_data_dir

from ..config import ConfigError

try:  # POSIX advisory locks serialise the CLI and the server writing at once.
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

DATA_DIR_ENV = "STANDOUT_DATA_DIR"
STORE_NAME = "samples.json"
FORMAT = "standout-samples"
VERSION = 1
MIN_WORDS = 20
MAX_CHARS = 50_000
MAX_TITLE = 120
MAX_SAMPLES = 10_000
_ID = re.compile(r"^user-[1-9][0-9]*$")
_WORD = re.compile(r"\w+")


class SampleStoreError(ConfigError):
    """The store cannot be read or written; the message names the file."""


class SampleInputError(ValueError):
    """A sample or title that cannot be saved (too short, too long, a duplicate)."""


class SampleNotFound(KeyError):
    def __str__(self) -> str:
        return f"no saved sample with id '{self.args[0]}' (see 'standout samples list')"


@dataclass(frozen=True)
class StoredSample:
    id: str
    title: str
    text: str
    added: str

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "words": len(_WORD.findall(self.text))}


def data_dir() -> Path:
    override = os.environ.get(DATA_DIR_ENV)
    return Path(override) if override else Path(user_data_dir("standout", appauthor=False))


class SampleStore:
    """Reads and writes ``samples.json`` in ``directory`` (default: :func:`data_dir`)."""

    def __init__(self, directory: Path | str | None = None) -> None:
        self.directory = Path(directory) if directory is not None else data_dir()

    @property
    def path(self) -> Path:
        return self.directory / STORE_NAME

    # --- reading ----------------------------------------------------------

    def signature(self) -> tuple[int, int, int] | None:
        """Changes whenever the store file is replaced; ``None`` when there is none."""
        try:
            stat = os.stat(self.path)
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise SampleStoreError(f"{self.path}: {exc.strerror or exc}") from None
        return stat.st_ino, stat.st_mtime_ns, stat.st_size

    def load(self) -> list[StoredSample]:
        return self._read()[1]

    def _read(self) -> tuple[int, list[StoredSample]]:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return 1, []
        except OSError as exc:
            raise SampleStoreError(f"{self.path}: {exc.strerror or exc}") from None
        try:
            data = json.loads(raw.decode("utf-8"))
        except UnicodeDecodeError:
            raise self._corrupt("not UTF-8") from None
        except json.JSONDecodeError as exc:
            raise self._corrupt(f"not valid JSON (line {exc.lineno}, column {exc.colno})") from None
        return self._parse(data)

    def _parse(self, data: Any) -> tuple[int, list[StoredSample]]:
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise self._corrupt(f"not a Standout sample store (no \"format\": \"{FORMAT}\")")
        if data.get("version") != VERSION:
            raise self._corrupt(
                f"store version {data.get('version')!r} is not supported (this Standout reads"
                f" version {VERSION})"
            )
        items = data.get("samples")
        if not isinstance(items, list):
            raise self._corrupt('"samples" must be a list')
        samples: list[StoredSample] = []
        seen: set[str] = set()
        for number, item in enumerate(items, 1):
            if not isinstance(item, dict):
                raise self._corrupt(f"sample #{number} is not an object")
            fields = {}
            for key in ("id", "title", "text", "added"):
                value = item.get(key)
                if not isinstance(value, str):
                    raise self._corrupt(f"sample #{number}: \"{key}\" must be a string")
                fields[key] = value
            if not _ID.match(fields["id"]) or fields["id"] in seen:
                raise self._corrupt(f"sample #{number}: bad or repeated id {fields['id']!r}")
            seen.add(fields["id"])
            samples.append(StoredSample(**fields))
        next_id = data.get("next_id", 1)
        if not isinstance(next_id, int) or next_id < 1:
            raise self._corrupt('"next_id" must be a positive integer')
        highest = max((int(s.id.split("-")[1]) for s in samples), default=0)
        return max(next_id, highest + 1), samples

    def _corrupt(self, problem: str) -> SampleStoreError:
        return SampleStoreError(
            f"{self.path}: {problem}. Fix the file or move it away; Standout will not change"
            " it until it can read it."
        )

    # --- writing ----------------------------------------------------------

    def add(self, text: str, title: str | None = None) -> StoredSample:
        """Save ``text`` as a new sample and return it (with its new id)."""
        text = clean_text(text)
        title = clean_title(title, text)
        with self._locked():
            next_id, samples = self._read()
            key = _comparable(text)
            for sample in samples:
                if _comparable(sample.text) == key:
                    raise SampleInputError(
                        f"this text is already saved as '{sample.title}'"
                    )
            if len(samples) >= MAX_SAMPLES:
                raise SampleInputError(
                    f"the store already holds {MAX_SAMPLES} samples; remove some first"
                )
            added = datetime.now(UTC).replace(microsecond=0).isoformat()
            sample = StoredSample(f"user-{next_id}", title, text, added)
            self._write(next_id + 1, [*samples, sample])
            return sample

    def remove(self, sample_id: str) -> StoredSample:
        with self._locked():
            next_id, samples = self._read()
            for sample in samples:
                if sample.id == sample_id:
                    self._write(next_id, [s for s in samples if s.id != sample_id])
                    return sample
        raise SampleNotFound(sample_id)

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        try:
            self.directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError as exc:
            raise SampleStoreError(f"{self.directory}: {exc.strerror or exc}") from None
        if fcntl is None:  # pragma: no cover
            yield
            return
        try:
            handle = open(self.directory / ".samples.lock", "a")  # noqa: SIM115
        except OSError as exc:
            raise SampleStoreError(f"{self.directory}: {exc.strerror or exc}") from None
        with handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def _write(self, next_id: int, samples: list[StoredSample]) -> None:
        payload = {
            "format": FORMAT,
            "version": VERSION,
            "next_id": next_id,
            "samples": [asdict(s) for s in samples],
        }
        data = json.dumps(payload, ensure_ascii=False, indent=2).encode("utf-8") + b"\n"
        try:
            fd, temp = tempfile.mkstemp(dir=self.directory, prefix=".samples-", suffix=".tmp")
        except OSError as exc:
            raise SampleStoreError(f"{self.directory}: {exc.strerror or exc}") from None
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temp, self.path)
        except OSError as exc:
            with contextlib.suppress(OSError):
                os.unlink(temp)
            raise SampleStoreError(f"{self.path}: {exc.strerror or exc}") from None
        _sync_directory(self.directory)


def clean_text(text: str) -> str:
    if not isinstance(text, str):
        raise SampleInputError("the sample text must be a string")
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "").strip()
    if len(text) > MAX_CHARS:
        raise SampleInputError(
            f"the sample is too long ({len(text):,} characters; at most {MAX_CHARS:,})"
        )
    words = len(_WORD.findall(text))
    if words < MIN_WORDS:
        raise SampleInputError(
            f"the sample has {words} words; it needs at least {MIN_WORDS} to be matched reliably"
        )
    return text


def clean_title(title: str | None, text: str) -> str:
    if title is not None and not isinstance(title, str):
        raise SampleInputError("the title must be a string")
    title = " ".join((title or "").split())
    if not title:
        words = text.split()
        title = " ".join(words[:8]) + ("…" if len(words) > 8 else "")
    if len(title) > MAX_TITLE:
        raise SampleInputError(f"the title is too long ({len(title)} characters; at most "
                               f"{MAX_TITLE})")
    return title


def _comparable(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold()))


def _sync_directory(directory: Path) -> None:
    """Make the rename itself durable (POSIX); harmless to skip where unsupported."""
    if os.name != "posix":  # pragma: no cover
        return
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
