"""The ``flashpoint`` command line (entry point ``flashpoint.cli:app``).

``main`` holds the app and the commands that read news (``ingest``, ``code``, ``eval``), ``db``
the database commands (``stats``, ``dyad``, ``query``, ``events``, ``export``), ``serve`` the web
server, ``show`` the terminal rendering of results and ``common`` what they share.
"""

from __future__ import annotations

from .main import app, main

__all__ = ["app", "main"]
