"""``standout doctor``: checks what Standout needs and says how to fix what is wrong.

Each check is a small function from a :class:`~.model.Context` to a
:class:`~.model.Result`; :data:`~.checks.CHECKS` lists them in the order they
are shown. Adding a check (say, "the history store is readable") is one
function and one entry in that list.
"""
