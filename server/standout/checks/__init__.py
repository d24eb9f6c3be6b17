"""Checks: each ``check:`` name a rule can use, and the class that implements it.

:mod:`.registry` names them all; :mod:`.base` says what a detector is. The
recipe for adding one is in docs/architecture.md.
"""
