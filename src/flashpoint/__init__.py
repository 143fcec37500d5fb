"""flashpoint: political event data from raw news — who did what to whom, when, where, how much,
and who said so. Open, offline and explainable: every record points at its evidence.

>>> import flashpoint
>>> record = flashpoint.code_text("Iran condemned the U.S. air strikes on Sunday.")
>>> [e.code for e in record.events]  # doctest: +SKIP
"""

from __future__ import annotations

from typing import Any

from .api import code_file, code_paths, code_text
from .errors import FlashpointError, InputError
from .records import (
    Actor,
    ActorRef,
    Article,
    CodedArticle,
    Duplicate,
    Event,
    Location,
    Quantity,
    Quote,
    Rejection,
)
from .settings import Settings

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "ActorRef",
    "Article",
    "CodedArticle",
    "Duplicate",
    "Event",
    "FlashpointError",
    "InputError",
    "Location",
    "Pipeline",
    "Quantity",
    "Quote",
    "Rejection",
    "Settings",
    "code_file",
    "code_paths",
    "code_text",
    "ingest",
    "open",
]


def __getattr__(name: str) -> Any:
    # Lazy: importing flashpoint must not import spaCy (the CLI's --help, stats, query, export and
    # serve never need it); the pipeline's module is loaded on first use of the name.
    if name == "Pipeline":
        from .pipeline import Pipeline

        return Pipeline
    raise AttributeError(f"module 'flashpoint' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


def ingest(paths, db, settings: Settings | None = None):
    """Ingest files into a DuckDB database; returns the accounting report (see ``flashpoint.job``)."""
    from .job import run_ingest

    return run_ingest(paths, db, settings)


def open(db: str, **kwargs: Any):  # noqa: A001 - mirrors duckdb.connect/sqlite_utils naming
    """Open an event database for analysis (see ``flashpoint.store.reader``)."""
    from .store import open as _open

    return _open(db, **kwargs)
