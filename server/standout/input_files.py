"""Reading the files a user asks to check or save: UTF-8, a clear one-line error otherwise."""

from __future__ import annotations

import sys
from pathlib import Path


class InputError(Exception):
    """A file that cannot be read; the message is one line for the user."""


def read_text(path: str) -> str:
    """Read a file (or stdin for ``-``) as UTF-8; a BOM is dropped, line ends are kept.

    A NUL character is refused, as the HTTP API refuses it (``invalid_text``).
    """
    try:
        data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{path}: {exc.strerror or exc}") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{path}: not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start});"
            " save it as UTF-8 and try again"
        ) from None
    if "\x00" in text:  # as the HTTP API does: a NUL means this is not a text file
        raise InputError(
            f"{path}: contains a NUL character (at character {text.index(chr(0))});"
            " is it a text file?"
        )
    return text
