"""Reading JSON, TOML and YAML that a person or a client wrote: every failure is one error.

Parsers fail in more ways than their own error class: a 5,000-digit integer
raises ``ValueError`` (Python's limit on converting long digit strings), a
structure nested 100,000 deep raises ``RecursionError``, and a byte-order mark
at the start of a file saved by Notepad is "invalid syntax" to ``json`` and
``tomllib``. Each reader here turns all of that into :class:`DocumentError`
with a one-line reason, and drops a UTF-8 byte-order mark. JSON errors give a
line and column and never quote the content (a request body is the user's
text); YAML and TOML errors show the place in the file, as their parsers say
it. What is not UTF-8 (UTF-16 with its mark included) is refused, as the API
documents.

The callers say what the document was: a request body (400), the saved
samples (409, checks carry on without them), a config or rule file (a one-line
error and exit status 2).
"""

from __future__ import annotations

import json
import tomllib
from typing import Any

UTF8_BOM = b"\xef\xbb\xbf"


class DocumentError(ValueError):
    """A document that cannot be read; ``str()`` is one line naming the problem."""


def decode(raw: bytes) -> str:
    """``raw`` as UTF-8 text, without a leading byte-order mark."""
    if raw.startswith(UTF8_BOM):
        raw = raw[len(UTF8_BOM):]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DocumentError(f"not UTF-8 (byte {exc.start})") from None


def json_document(raw: bytes | str) -> Any:
    """Parse JSON from UTF-8 bytes (or text); :class:`DocumentError` on any failure."""
    text = decode(raw) if isinstance(raw, bytes) else raw.removeprefix("\ufeff")
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise DocumentError(f"not valid JSON (line {exc.lineno}, column {exc.colno})") from None
    except RecursionError:
        raise DocumentError("nested too deeply") from None
    except ValueError:  # int('1' * 5000): Python's limit on integer digits
        raise DocumentError("holds a number too long to read") from None


def toml_document(raw: bytes) -> dict[str, Any]:
    """Parse TOML from UTF-8 bytes; :class:`DocumentError` on any failure."""
    text = decode(raw)
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise DocumentError(f"not valid TOML: {_one_line(exc)}") from None
    except RecursionError:
        raise DocumentError("nested too deeply") from None
    except ValueError:
        raise DocumentError("holds a number too long to read") from None


def yaml_document(raw: bytes) -> Any:
    """Parse YAML (safe loader) from UTF-8 bytes; :class:`DocumentError` on any failure."""
    import yaml  # here, not at the top: a start from the start-up cache reads no YAML

    text = decode(raw)
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise DocumentError(f"not valid YAML: {_one_line(exc)}") from None
    except RecursionError:
        raise DocumentError("nested too deeply") from None
    except ValueError:
        raise DocumentError("holds a number too long to read") from None


def _one_line(exc: Exception) -> str:
    return " ".join(str(exc).split())
