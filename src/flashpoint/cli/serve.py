"""``flashpoint serve``: the dashboard and JSON API (a thin wrapper over flashpoint.web.serve)."""

from __future__ import annotations

from typing import Annotated

import typer

from ..errors import FlashpointError


def serve_cli(
    db: Annotated[str, typer.Option("--db", help="Event database (DuckDB file), opened read-only.")],
    host: Annotated[
        str, typer.Option("--host", help="Address to bind; anything but loopback needs --token.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="TCP port.")] = 8000,
    token: Annotated[
        str | None,
        typer.Option(
            "--token", envvar="FLASHPOINT_TOKEN",
            help="Require this token on every request (Authorization: Bearer T or ?token=T).",
        ),
    ] = None,
) -> None:
    """Serve the dashboard and JSON API for an event database (API reference at /api)."""
    from ..settings import Settings
    from ..web import serve

    try:
        serve(db, host=host, port=port, token=token, settings=Settings.from_env())
    except FlashpointError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc


def register(app: typer.Typer) -> None:
    """Add the ``serve`` command to the flashpoint CLI."""
    app.command("serve")(serve_cli)
