"""Fixtures of the database command tests."""

from __future__ import annotations

import pytest
import typer

from flashpoint.cli_store import register


@pytest.fixture(scope="module")
def app() -> typer.Typer:
    """A Typer app holding only the database commands (stats, dyad, query, export)."""
    app = typer.Typer()

    @app.callback()
    def main() -> None:
        """flashpoint (test app)."""

    register(app)
    return app
