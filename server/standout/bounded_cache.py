"""A least-recently-used cache bounded by the bytes its entries hold, thread-safe.

Counting entries is not enough when entries differ in size by a thousand times:
a 20,000-character paragraph's analysis holds about half a megabyte, a letter's
paragraph about ten kilobytes. Each entry is given a size when it is put (an
estimate by the caller, see ``analysis_cache.paragraph_bytes``), and the oldest
entries go until the total is under ``max_bytes``. An entry larger than a
quarter of the cache is not kept at all: it would push out everything else for
a text nobody is likely to send twice.

The lock guards the dictionary only; what is cached is computed by the caller
outside it, so a long computation never holds up other threads' lookups.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable
from typing import Generic, TypeVar

V = TypeVar("V")
MIB = 1024 * 1024


class BoundedCache(Generic[V]):
    """At most ``max_bytes`` (by the sizes given to :meth:`put`) and ``max_entries``."""

    def __init__(self, max_bytes: int, max_entries: int | None = None) -> None:
        self.max_bytes = max_bytes
        self.max_entries = max_entries
        self.bytes = 0
        self._entries: OrderedDict[Hashable, tuple[V, int]] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, key: Hashable) -> V | None:
        with self._lock:
            found = self._entries.get(key)
            if found is None:
                return None
            self._entries.move_to_end(key)
            return found[0]

    def put(self, key: Hashable, value: V, size: int) -> None:
        if self.max_bytes <= 0 or size > self.max_bytes // 4 or self.max_entries == 0:
            return
        with self._lock:
            old = self._entries.pop(key, None)
            if old is not None:
                self.bytes -= old[1]
            self._entries[key] = (value, size)
            self.bytes += size
            entries = self._entries
            while self.bytes > self.max_bytes or (
                self.max_entries is not None and len(entries) > self.max_entries
            ):
                _, (_, freed) = entries.popitem(last=False)
                self.bytes -= freed

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self.bytes = 0
