"""The doctor's look at the application history: readable, sound, and who may use it."""

from __future__ import annotations

import stat

from ..history.database import HistoryStoreError
from ..history.pairing import Pairings
from ..history.store import HistoryStore
from .model import Context, Result


def check_history(_: Context) -> Result:
    store = HistoryStore()
    details: dict = {"path": str(store.path)}
    if not store.exists():
        return Result("ok", f"history is off: nothing marked as sent yet (it would be kept in"
                            f" {store.path})", details=details)
    try:
        count = store.count()
        sound = store.quick_check()
    except HistoryStoreError as exc:
        return Result("fail", f"the history store cannot be read: {exc}",
                      f"move {store.path} away (or export what you can and run 'standout"
                      " history clear') to start a new history", details)
    details["applications"] = count
    if sound != "ok":
        return Result("fail", f"the history store is damaged ({sound})",
                      f"export what you can ('standout history export'), then move {store.path}"
                      " away", details)
    token = Pairings().token_path
    details["paired"] = token.exists()
    if token.exists() and stat.S_IMODE(token.stat().st_mode) & 0o077:
        return Result("warn", f"{token} can be read by other users",
                      f"run 'chmod 600 {token}', or 'standout history unpair' and pair again",
                      details)
    paired = "an extension is paired" if details["paired"] else "no extension is paired"
    noun = "application" if count == 1 else "applications"
    return Result("ok", f"{count} {noun} readable ({store.path}); {paired}",
                  details=details)
