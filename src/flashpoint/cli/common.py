"""What every ``flashpoint`` command shares: the consoles, the error exit, the ``--db`` option and
opening a database for reading."""

from __future__ import annotations

import atexit
import gc
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape

from ..errors import FlashpointError

console = Console()
err_console = Console(stderr=True)

DbOpt = Annotated[
    Path, typer.Option("--db", help="DuckDB event database (written by `flashpoint ingest`).")
]


_exit_registered = False


def leave_memory_to_the_os() -> None:
    """At interpreter exit, skip collecting the loaded pipeline's objects: the process's memory
    goes back to the operating system whole.

    A command that loaded the spaCy pipeline holds a few hundred thousand objects in reference
    cycles, which Python's shutdown would collect and free one by one (about 0.8 s, more than
    coding a short article). ``gc.freeze`` at exit (atexit handlers run before that teardown)
    leaves them out of the shutdown's collections. Output is flushed as before, and the other
    atexit handlers still run; only freeing memory that the process is giving back is skipped.
    """
    global _exit_registered
    if not _exit_registered:
        atexit.register(_freeze_at_exit)
        _exit_registered = True


def _freeze_at_exit() -> None:
    if "duckdb" in sys.modules:
        # DuckDB's bindings (nanobind) print every object still alive at exit as a leak.
        return
    gc.freeze()


def fail(exc: Exception) -> None:
    """Print ``exc`` as an error and end the command with exit code 2."""
    err_console.print(f"[bold red]error:[/] {escape(str(exc))}")
    raise typer.Exit(code=2)


def open_db(db: Path, locked: bool = False) -> Any:
    """The database at ``db`` for reading (:class:`flashpoint.store.Database`), or exit 2 with
    the reason (missing file, old schema)."""
    from ..store import open as open_store

    try:
        return open_store(db, locked=locked)
    except FlashpointError as exc:
        fail(exc)
