"""Settings a check reads from its rule's ``params``: a frozen dataclass of thresholds."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self


class FromParams:
    """Mixed into a settings dataclass: :meth:`from_params` takes the keys it declares and
    leaves the others (a rule's params also hold what other settings read)."""

    __slots__ = ()

    @classmethod
    def from_params(cls, params: Mapping[str, Any]) -> Self:
        return cls(**{k: params[k] for k in cls.__dataclass_fields__ if k in params})
