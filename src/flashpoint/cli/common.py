"""What every ``flashpoint`` command shares: the consoles, the error exit, the ``--db`` option and
opening a database for reading."""

from __future__ import annotations

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
