"""Token attributes that tokenization fixes, read out of a Doc once and shared.

``Doc.to_array`` costs about the same for each attribute, asked one at a time or
together, and most components read ORTH, LOWER or IS_SPACE for every token: each
of these lexical attributes is read once per Doc here (and kept in its
``user_data``), and every component after that gets the same lists. An attribute
a component sets (NORM by the stream, SENT_START by the sentences: 1 for a start,
-1 otherwise) is kept by that component as it sets it (:func:`keep_columns`), so
it is never read back. The lists are shared: nothing may change them.

Nothing in the pipeline but the token rules' spaCy Matcher reads NORM or SENT_START
from the Doc itself, and few token patterns name them: so those columns are written
into the Doc (``Doc.from_array``, about 20 µs each for a letter) only when a pattern
that reads one is about to run (:func:`write_pending`).
"""

from __future__ import annotations

from collections.abc import Collection

import numpy
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


def set_later(doc: Doc, attr: int, values: list[int], signed: bool = False) -> None:
    """Keep ``values`` as the column of ``attr`` (a token attribute the component sets)
    and write them into the Doc only when :func:`write_pending` is called; ``signed``
    for an attribute that holds negative values (SENT_START: -1)."""
    keep_columns(doc, {attr: values})
    doc.user_data.setdefault(keys.UNWRITTEN, []).append((attr, signed))


def write_pending(doc: Doc, attrs: Collection[int] | None = None) -> None:
    """Write the columns kept by :func:`set_later` into the Doc (each once): call it
    before anything that reads token attributes from the Doc itself (a spaCy Matcher),
    with the ``attrs`` it reads (``None``: any of them)."""
    pending = doc.user_data.get(keys.UNWRITTEN)
    if not pending:
        return
    read = doc.user_data[keys.COLUMNS]
    for attr, signed in list(pending):
        if attrs is None or attr in attrs:
            values = numpy.array(read[attr], dtype=numpy.int64 if signed else numpy.uint64)
            doc.from_array([attr], values.astype(numpy.uint64, copy=False).reshape(-1, 1))
            pending.remove((attr, signed))
