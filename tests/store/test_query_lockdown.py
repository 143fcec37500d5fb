"""`flashpoint query` and the web server's connections cannot write, attach, copy, export,
install, load, configure or read files outside the database (issue 16, item 1)."""

from __future__ import annotations

import sys
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

sys.path.insert(0, str(Path(__file__).parent))

import synthetic  # noqa: E402

from flashpoint.store import Store  # noqa: E402
from flashpoint.store import open as open_db  # noqa: E402
from flashpoint.store.readonly import ReadOnlyViolation, check_read_only_sql  # noqa: E402

runner = CliRunner()


@pytest.fixture()
def db_path(tmp_path) -> Path:
    path = tmp_path / "q.duckdb"
    with Store(path) as store:
        store.write(synthetic.corpus(10))
        store.finish_run()
    return path


def _events(path: Path) -> int:
    with open_db(path) as db:
        return len(db.events())


def attacks(tmp_path: Path, db_path: Path) -> list[str]:
    """The statements of the issue: each wrote, read or fetched something before the fix."""
    return [
        f"ATTACH '{tmp_path / 'n.duckdb'}' AS n (READ_WRITE); USE n; DETACH q; "
        f"ATTACH '{db_path}' AS me (READ_WRITE); DROP TABLE me.events CASCADE",
        f"ATTACH '{db_path}' AS me (READ_WRITE)",
        f"COPY events TO '{tmp_path / 'copied.csv'}'",
        f"COPY (SELECT * FROM events) TO '{tmp_path / 'copied2.csv'}'",
        f"EXPORT DATABASE '{tmp_path / 'exported'}'",
        "SELECT * FROM read_csv('/etc/passwd')",
        "SELECT * FROM read_text('/etc/hostname')",
        "SELECT * FROM glob('/etc/*')",
        "INSTALL httpfs",
        "LOAD httpfs",
        "SET enable_external_access = true",
        "PRAGMA enable_profiling",
        "CREATE TABLE x AS SELECT 1",
        "DELETE FROM events",
    ]


def test_query_command_refuses_every_escape(app, db_path, tmp_path):
    before = _events(db_path)
    assert before > 0
    for sql in attacks(tmp_path, db_path):
        result = runner.invoke(app, ["query", "--db", str(db_path), "--format", "csv", sql])
        assert result.exit_code == 2, (sql, result.output)
        assert "query failed" in result.output
        assert "root:" not in result.output  # nothing of /etc/passwd
        assert "Traceback" not in result.output
    assert _events(db_path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["q.duckdb"], "no file was written"


def test_reads_still_work(app, db_path):
    for sql in ("SELECT count(*) AS n FROM events", "EXPLAIN SELECT * FROM articles",
                "DESCRIBE events", "SHOW TABLES",
                "WITH t AS (SELECT root FROM events) SELECT count(*) FROM t"):
        result = runner.invoke(app, ["query", "--db", str(db_path), "--format", "csv", sql])
        assert result.exit_code == 0, (sql, result.output)


def test_statement_check_goes_by_parsed_type_not_text():
    check_read_only_sql("SELECT 'ATTACH COPY INSTALL' AS words")  # words in a string are fine
    for sql in ("SELECT 1; ATTACH 'x.duckdb'", "select 1;\n  copy events to 'x'",
                "CALL pragma_version()", "DETACH q", "USE memory", "CHECKPOINT"):
        with pytest.raises(ReadOnlyViolation):
            check_read_only_sql(sql)


def test_locked_connection_refuses_file_access_even_without_the_check(db_path, tmp_path):
    with open_db(db_path, locked=True) as db:
        for sql in (f"COPY events TO '{tmp_path / 'c.csv'}'",
                    "SELECT * FROM read_csv('/etc/passwd')",
                    f"ATTACH '{tmp_path / 'n.duckdb'}' AS n",
                    "SET enable_external_access = true",
                    "INSTALL httpfs"):
            with pytest.raises(duckdb.Error):
                db.conn.execute(sql)
    assert not (tmp_path / "c.csv").exists() and not (tmp_path / "n.duckdb").exists()


def test_web_read_connections_are_locked(db_path, tmp_path):
    from fastapi.testclient import TestClient

    from flashpoint.web import create_app

    with TestClient(create_app(db_path), raise_server_exceptions=False) as c:
        assert c.get("/api/events").status_code == 200
        for sql in (f"ATTACH '{db_path}' AS me (READ_WRITE)",
                    f"COPY events TO '{tmp_path / 'w.csv'}'",
                    "SELECT * FROM glob('/etc/*')",
                    "SELECT * FROM read_csv('/etc/passwd')",
                    "LOAD httpfs"):
            with c.app.state.pool.cursor() as cur, pytest.raises(duckdb.Error):
                cur.execute(sql)
    assert _events(db_path) > 0
    assert not (tmp_path / "w.csv").exists()
