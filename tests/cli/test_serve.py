"""``flashpoint serve``: registered on a Typer app, refuses unsafe or impossible starts."""

from __future__ import annotations

import typer
from typer.testing import CliRunner

from flashpoint.cli.serve import register
from flashpoint.store import Store


def _app() -> typer.Typer:
    app = typer.Typer()
    register(app)

    @app.command("version")
    def version() -> None:  # a second command, so Typer keeps "serve" as a subcommand
        """Unused."""

    return app


def test_serve_is_registered_with_its_options():
    result = CliRunner().invoke(_app(), ["serve", "--help"])
    assert result.exit_code == 0
    for option in ("--db", "--host", "--port", "--token"):
        assert option in result.output


def test_serve_refuses_open_address_without_token(tmp_path, monkeypatch):
    web_db = tmp_path / "events.duckdb"
    Store(web_db).close()
    monkeypatch.delenv("FLASHPOINT_TOKEN", raising=False)
    result = CliRunner().invoke(_app(), ["serve", "--db", str(web_db), "--host", "0.0.0.0"])
    assert result.exit_code == 2
    assert "without a token" in result.output


def test_serve_refuses_missing_database(tmp_path):
    result = CliRunner().invoke(_app(), ["serve", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2
    assert "does not exist" in result.output
