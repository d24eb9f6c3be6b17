"""Named tuples made in C: ``make(cls, fields)`` is ``cls(*fields)`` without its
Python-level ``__new__``.

``collections.namedtuple`` gives each class a ``__new__`` written in Python, so
``Specific(label, start, end, text)`` runs a Python frame (about 3,100 instructions);
``tuple.__new__(Specific, (label, start, end, text))`` makes the same object, of the same
class, in about 1,800. A cold check makes a few hundred of them (each specific, match and
its facts, each sentence's view and judgement): the hot places use ``make``, every field
given (defaults are not filled in), the rest keep the plain call. A test holds the two
equal for each class made this way.
"""

from __future__ import annotations

make = tuple.__new__
