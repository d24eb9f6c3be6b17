"""The local HTTP server: a Flask app the browser extension and local tools talk to.

Only this package knows HTTP; it reaches the engine through :class:`standout.Linter`
and knows nothing of spaCy. Build the app with :func:`create_app`; run it with
``standout serve`` (see :mod:`standout.web.serve`).
"""

from .app import create_app

__all__ = ["create_app"]
