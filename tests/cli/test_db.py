"""The database commands (stats, dyad, query, export) through Typer, against a real DuckDB file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rich.console import Console
from tests.store import synthetic
from typer.testing import CliRunner

from flashpoint.cli.show import summary
from flashpoint.store import Store
from flashpoint.store import open as open_db

runner = CliRunner()


@pytest.fixture(scope="module")
def db_path(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "events.duckdb"
    with Store(path) as store:
        outcomes = synthetic.corpus(60)
        for i in range(0, len(outcomes), 20):
            store.write(outcomes[i : i + 20])
        store.finish_run()
    return path


def test_stats_json_matches_the_python_api(app, db_path):
    result = runner.invoke(app, ["stats", "--db", str(db_path), "--format", "json"])
    assert result.exit_code == 0, result.output
    printed = json.loads(result.stdout)
    with open_db(db_path) as db:
        assert printed == json.loads(json.dumps(db.stats()))
        assert printed["articles"] == 60 and printed["events"] == 180
        assert printed["ingest"] == {"ingested": 60, "duplicate": 6, "rejected": 6}
        top = db.top_dyads(1)
    assert printed["dyads"][0]["dyad"] == [top["source"][0], top["target"][0]]
    for alert in printed["alerts"]:
        assert set(alert) == {"dyad", "date", "rule", "score", "explanation", "events"}
        assert alert["events"], "every alert names the events behind it"


def test_stats_table_is_a_readable_summary(app, db_path):
    result = runner.invoke(app, ["stats", "--db", str(db_path)])
    assert result.exit_code == 0, result.output
    for heading in ("60 articles", "by QuadClass", "by CAMEO root", "Top dyads",
                    "Escalation alerts"):
        assert heading in result.stdout
    console = Console(record=True, width=100)
    console.print(summary(db_path))
    assert "6 rejected" in console.export_text()


def test_missing_database_is_a_clear_error(app, tmp_path):
    for args in (["stats"], ["dyad", "USA", "IRN"], ["query", "SELECT 1"],
                 ["export", str(tmp_path / "o.jsonl")]):
        result = runner.invoke(app, [*args, "--db", str(tmp_path / "missing.duckdb")])
        assert result.exit_code == 2
        assert "does not exist" in result.output
        assert "Traceback" not in result.output


def test_dyad_prints_a_timeline_and_draws_a_png(app, db_path, tmp_path):
    png = tmp_path / "usa-irn.png"
    result = runner.invoke(app, ["dyad", "USA", "IRN", "--db", str(db_path), "--png", str(png)])
    assert result.exit_code == 0, result.output
    assert "USA ↔ IRN by week" in result.stdout
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    as_json = runner.invoke(app, ["dyad", "USA", "IRN", "--db", str(db_path), "--freq", "day",
                                  "--format", "json"])
    rows = json.loads(as_json.stdout)
    with open_db(db_path) as db:
        assert sum(r["events"] for r in rows) == db.dyad("USA", "IRN", "day")["events"].sum()


def test_query_is_read_only_and_formats(app, db_path):
    result = runner.invoke(app, ["query", "--db", str(db_path), "--format", "json",
                                 "SELECT root, count(*) AS n FROM events GROUP BY root "
                                 "ORDER BY root LIMIT 2"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [r["root"] for r in rows] == ["01", "03"]
    csv = runner.invoke(app, ["query", "--db", str(db_path), "--format", "csv",
                              "SELECT count(*) AS n FROM articles"])
    assert csv.stdout.splitlines() == ["n", "60"]
    denied = runner.invoke(app, ["query", "--db", str(db_path), "DELETE FROM events"])
    assert denied.exit_code == 2 and "query failed" in denied.output
    with open_db(db_path) as db:
        assert len(db.events()) == 180


def test_export_command_writes_each_format(app, db_path, tmp_path):
    for fmt in ("jsonl", "csv", "parquet", "gdelt", "plover"):
        out = tmp_path / f"out.{fmt}"
        result = runner.invoke(app, ["export", str(out), "--db", str(db_path), "--format", fmt])
        assert result.exit_code == 0, result.output
        assert out.stat().st_size > 0
    bad = runner.invoke(app, ["export", str(tmp_path / "x"), "--db", str(db_path),
                              "--format", "xml"])
    assert bad.exit_code == 2


def test_the_package_level_open_is_the_database_api(db_path):
    import flashpoint

    with flashpoint.open(db_path) as db:
        assert db.stats()["articles"] == 60
        assert list(db.articles(limit=2).columns)[:2] == ["id", "source"]
        assert not db.fused_events().empty
        nodes, edges = db.network()
        assert edges["weight"].sum() == db.top_dyads(None)["events"].sum()
