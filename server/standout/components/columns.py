"""Token attributes that tokenization fixes, read out of a Doc once and shared.

``Doc.to_array`` costs about the same for each attribute, asked one at a time or
together, and most components read ORTH, LOWER or IS_SPACE for every token: each
of these lexical attributes is read once per Doc here (and kept in its
``user_data``), and every component after that gets the same lists. An attribute
a component sets (NORM by the stream, SENT_START by the sentences: 1 for a start,
-1 otherwise) is kept by that component as it sets it (:func:`keep_columns`), so
it is never read back. The lists are shared: nothing may change them.
"""

from __future__ import annotations

from spacy.tokens import Doc

from . import keys


def columns(doc: Doc, *attrs: int) -> list[list[int]]:
    """The values of each lexical attribute in ``attrs`` for every token of ``doc``."""
    read = doc.user_data.get(keys.COLUMNS)
    if read is None:
        read = doc.user_data[keys.COLUMNS] = {}
    missing = [attr for attr in attrs if attr not in read]
    if missing:
        rows = doc.to_array(missing).reshape(len(doc), len(missing))  # 1-D for one attribute
        for attr, values in zip(missing, rows.T.tolist(), strict=True):
            read[attr] = values
    return [read[attr] for attr in attrs]


def keep_columns(doc: Doc, values: dict[int, list[int]]) -> None:
    """Record columns known already (the spaCy pass has ORTH and SPACY from tokenizing, the
    stream NORM and the sentences SENT_START from setting them)."""
    doc.user_data.setdefault(keys.COLUMNS, {}).update(values)
