"""The start-up cache: the built engine kept on disk, so a new process starts in a blink.

Building a :class:`~standout.linter.Linter` reads and validates the rule files,
expands every phrase pattern into the PhraseMatcher, reads the lemma table and,
on the first check, reads every bundled sample: seconds of work that give the
same result every time for the same inputs. So the first process to build it
saves what it built (the rulebook, the pipeline's components through
:mod:`standout.pipeline_state`, the bundled samples as read, and the interview
readers and question bank of :mod:`standout.cached_parts`) in the user's cache
folder, and later processes load that instead.

The file is named by a fingerprint of everything the build reads: the rule
files (built-in and the user's), the word lists and samples (all of
``models/``), the package's own source (which holds its version), and the
versions of spaCy, spacy-lookups-data and Python. Editing a rule file,
upgrading anything or changing the code gives another fingerprint, hence a
fresh build. A file that
is corrupt, truncated, foreign or written by another user is ignored and
rebuilt over, never trusted; a folder that cannot be written only costs speed.
Files are written to a temporary name and renamed into place, so two processes
building at once each end with a whole file (the last rename wins; both are
the same). The few most recently used files are kept.

``STANDOUT_CACHE_DIR`` moves the folder (tests use their own);
``STANDOUT_NO_CACHE=1`` turns the cache off.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import pipeline_state
from .cached_parts import build_parts
from .pipeline import blank_language, build_pipeline
from .resources import models_dir
from .rulebook import RuleBook, load_rulebook

if TYPE_CHECKING:
    from spacy.language import Language

    from .samples.corpus import Sample

log = logging.getLogger("standout.cache")

FORMAT = 1  # bump when what is saved changes shape
MAGIC = b"standout engine cache\n"
DIR_ENV = "STANDOUT_CACHE_DIR"
OFF_ENV = "STANDOUT_NO_CACHE"
KEEP = 4  # cache files kept: the most recently used (a server, the CLI, tests' own rules)
SAMPLE_CHECK = "sample"  # the check whose bundled samples are read once and kept
_PACKAGE_DIR = Path(__file__).resolve().parent

Bundled = tuple[tuple["Sample", ...], tuple[tuple[tuple[str, ...], ...], ...]]


@dataclass(frozen=True)
class Engine:
    """What a Linter is built from. ``source`` says how it came: "cache" or "rules"."""

    rulebook: RuleBook
    nlp: Language
    bundled: Bundled | None  # the bundled samples and their words, when a rule uses them
    source: str
    parts: dict[str, Any] | None = None  # the interview readers and question bank (cached_parts)


def cache_dir() -> Path:
    override = os.environ.get(DIR_ENV)
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("standout", appauthor=False))


def cache_enabled() -> bool:
    return os.environ.get(OFF_ENV, "").strip().lower() in ("", "0", "false", "no")


def load_engine(rule_dirs: Sequence[Path] = (), *, cache: bool = True) -> Engine:
    """The engine for the built-in rules plus ``rule_dirs``: from the cache, or built
    (and then saved, so the next process finds it)."""
    if not (cache and cache_enabled()):
        return build_engine(rule_dirs, read_samples=False)
    key = fingerprint(rule_dirs)
    path = cache_path(key)
    engine = read_cached(path, key)
    if engine is None:
        engine = build_engine(rule_dirs, read_samples=True)
        write_cached(path, key, engine)
    return engine


def build_engine(rule_dirs: Sequence[Path] = (), *, read_samples: bool = True) -> Engine:
    """Build from the rule files (what the cache saves); ``read_samples`` reads the
    bundled samples and builds the other parts now rather than when first used."""
    rulebook = load_rulebook(rule_dirs)
    nlp = build_pipeline(rulebook)
    bundled = None
    if read_samples and any(rule.check == SAMPLE_CHECK for rule in rulebook):
        from .samples.corpus import SampleCorpusError
        from .samples.forms import SampleReader
        from .samples.matcher import read_bundled

        try:
            bundled = read_bundled(SampleReader(nlp))
        except SampleCorpusError:
            bundled = None  # the sample check reports it on the first check, as without a cache
    parts = build_parts(nlp) if read_samples else None
    return Engine(rulebook, nlp, bundled, "rules", parts)


def cache_path(key: str) -> Path:
    return cache_dir() / f"engine-{key[:32]}.pickle"


def cache_files(folder: Path | None = None) -> list[Path]:
    """The cache files in ``folder``, most recently used first."""
    folder = folder or cache_dir()
    try:
        found = [(entry.stat().st_mtime, Path(entry.path)) for entry in os.scandir(folder)
                 if entry.name.startswith("engine-") and entry.name.endswith(".pickle")]
    except OSError:
        return []
    return [path for _, path in sorted(found, reverse=True)]


# --- the fingerprint ---------------------------------------------------------------


def fingerprint(rule_dirs: Sequence[Path] = ()) -> str:
    """A hash of everything building the engine reads, and of the versions it ran with."""
    import spacy
    import spacy_lookups_data

    # Standout's own version is in the package source (__init__.py), hashed below.
    digest = hashlib.sha256()
    versions = (f"format {FORMAT}", f"spacy {spacy.__version__}",
                f"spacy-lookups-data {getattr(spacy_lookups_data, '__version__', '?')}",
                f"python {sys.version}")
    digest.update("\n".join(versions).encode())
    # Paths too: rules remember their file (for messages), so two installs keep two files.
    roots = [(f"package {_PACKAGE_DIR}", _PACKAGE_DIR, ".py"),
             (f"models {models_dir()}", models_dir(), None)]
    roots += [(f"rules {Path(d).resolve()}", Path(d), None) for d in rule_dirs]
    for label, root, suffix in roots:
        digest.update(f"\0{label}\0".encode())
        for name, path in _files(root, suffix):
            try:
                data = path.read_bytes()
            except OSError as exc:  # unreadable now: the build will say so
                data = f"unreadable: {exc}".encode()
            digest.update(f"{name}\0{len(data)}\0".encode())
            digest.update(data)
    return digest.hexdigest()


def _files(root: Path, suffix: str | None) -> list[tuple[str, Path]]:
    """Every file under ``root`` (ending in ``suffix`` if given), by relative name."""
    found = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if d != "__pycache__" and not d.startswith(".")]
        for name in files:
            if suffix is None or name.endswith(suffix):
                path = Path(folder, name)
                found.append((path.relative_to(root).as_posix(), path))
    return sorted(found)


# --- reading and writing -------------------------------------------------------------


def _header(key: str, payload_digest: str) -> bytes:
    return MAGIC + key.encode("ascii") + b"\n" + payload_digest.encode("ascii") + b"\n"


def read_cached(path: Path, key: str) -> Engine | None:
    """The engine saved at ``path`` under ``key``; ``None`` for anything not whole and ours."""
    try:
        with open(path, "rb") as file:
            if not _trusted(os.fstat(file.fileno())):
                log.debug("ignoring %s: not the user's own, or writable by others", path)
                return None
            data = file.read()
    except FileNotFoundError:
        return None
    except OSError as exc:
        log.debug("cannot read %s: %s", path, exc)
        return None
    view = memoryview(data)
    expected_start = MAGIC + key.encode("ascii") + b"\n"
    if not data.startswith(expected_start):
        log.debug("ignoring %s: another format or fingerprint", path)
        return None
    body = len(expected_start)
    end = data.find(b"\n", body)
    payload = view[end + 1 :] if end > 0 else view[:0]
    if end < 0 or hashlib.sha256(payload).hexdigest().encode("ascii") != data[body:end]:
        log.debug("ignoring %s: damaged", path)
        return None
    nlp = blank_language()
    try:
        saved = pipeline_state.loads(payload, nlp)
        rulebook, state, bundled = saved["rulebook"], saved["pipeline"], saved["bundled"]
        parts = saved["parts"]
        if not isinstance(rulebook, RuleBook) or not isinstance(
                state, pipeline_state.PipelineState) or not isinstance(parts, dict | None):
            raise TypeError("not an engine")
        pipeline_state.restore(state, nlp)
    except Exception as exc:  # a damaged or foreign file is rebuilt over, never fatal
        log.debug("ignoring %s: %s: %s", path, type(exc).__name__, exc)
        return None
    _touch(path)
    return Engine(rulebook, nlp, bundled, "cache", parts)


def write_cached(path: Path, key: str, engine: Engine) -> bool:
    """Save ``engine`` at ``path`` (atomically); ``False`` if it could not be."""
    try:
        payload = pipeline_state.dumps({
            "rulebook": engine.rulebook,
            "pipeline": pipeline_state.capture(engine.nlp),
            "bundled": engine.bundled,
            "parts": engine.parts,
        }, engine.nlp)
    except Exception as exc:  # something a component holds does not pickle: build each time
        log.warning("standout: the start-up cache is not written (%s: %s); every start"
                    " builds the rules", type(exc).__name__, exc)
        return False
    header = _header(key, hashlib.sha256(payload).hexdigest())
    folder = path.parent
    temporary = None
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        handle, temporary = tempfile.mkstemp(prefix=".engine-", suffix=".tmp", dir=folder)
        with os.fdopen(handle, "wb") as file:
            file.write(header)
            file.write(payload)
        os.replace(temporary, path)
        temporary = None
    except OSError as exc:
        log.debug("cannot write %s: %s", path, exc)
        return False
    finally:
        if temporary is not None:
            _remove(Path(temporary))
    _prune(folder, path)
    return True


def _trusted(stat: os.stat_result) -> bool:
    """Only files this user owns and nobody else may write (a pickle runs code)."""
    if not hasattr(os, "getuid"):
        return True  # Windows: the folder lives in the user's own profile
    return stat.st_uid == os.getuid() and not stat.st_mode & 0o022


def _touch(path: Path) -> None:
    with contextlib.suppress(OSError):
        os.utime(path)  # most recently used: the last to be pruned


def _prune(folder: Path, keep: Path) -> None:
    for path in [p for p in cache_files(folder) if p != keep][KEEP - 1 :]:
        _remove(path)
    for path in _stale_temporaries(folder):
        _remove(path)


def _stale_temporaries(folder: Path, age: float = 3600) -> Iterator[Path]:
    """Temporary files left by a writer that died (others may be writing right now)."""
    now = time.time()
    try:
        entries: Iterable[os.DirEntry] = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith(".engine-") and entry.name.endswith(".tmp"):
            try:
                if now - entry.stat().st_mtime > age:
                    yield Path(entry.path)
            except OSError:
                continue


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()
