"""The DuckDB store: schema and migrations, batch writes, idempotency, read-only access."""

from __future__ import annotations

import sys
from pathlib import Path

import duckdb
import pytest

sys.path.insert(0, str(Path(__file__).parent))

import synthetic  # noqa: E402

from flashpoint.errors import StoreError  # noqa: E402
from flashpoint.records import Duplicate, Location, Quantity, Rejection  # noqa: E402
from flashpoint.store import (  # noqa: E402
    BASE_TABLES,
    DERIVED_TABLES,
    MIGRATIONS,
    Store,
    applied_migrations,
    migrate,
    open_readonly,
)

ALL_TABLES = BASE_TABLES + DERIVED_TABLES


def snapshot(conn: duckdb.DuckDBPyConnection, exclude: dict[str, set[str]] | None = None) -> dict:
    """Every row of every table, sorted, so two databases compare as plain data."""
    exclude = exclude or {}
    out = {}
    for table in ALL_TABLES:
        cols = [r[0] for r in conn.execute(f"DESCRIBE {table}").fetchall()]
        keep = [c for c in cols if c not in exclude.get(table, set())]
        sel = ", ".join(f'"{c}"' for c in keep)
        out[table] = conn.execute(f"SELECT {sel} FROM {table} ORDER BY ALL").fetchall()
    return out


def write_all(store: Store, outcomes: list, size: int = 16) -> None:
    for i in range(0, len(outcomes), size):
        store.write(outcomes[i : i + size])


def test_new_database_has_schema_and_records_migrations():
    with Store(":memory:") as store:
        tables = {r[0] for r in store.conn.execute("SHOW TABLES").fetchall()}
        assert set(ALL_TABLES) | {"migrations", "meta"} <= tables
        assert applied_migrations(store.conn) == [name for name, _ in MIGRATIONS]


def test_opening_an_old_database_applies_missing_migrations(tmp_path):
    path = tmp_path / "old.duckdb"
    conn = duckdb.connect(str(path))
    assert migrate(conn, upto="001_base_tables") == ["001_base_tables"]
    conn.execute("INSERT INTO articles (id, text) VALUES ('old1', 'an article from before')")
    conn.close()
    with pytest.raises(StoreError, match="needs migrations 002_derived_tables"):
        open_readonly(path)
    with Store(path) as store:
        assert applied_migrations(store.conn) == [name for name, _ in MIGRATIONS]
        assert store.has_article("old1")
        assert store.conn.execute("SELECT count(*) FROM fused_events").fetchone()[0] == 0
    # Nothing left to apply the second time.
    conn = duckdb.connect(str(path))
    assert migrate(conn) == []
    conn.close()


def test_write_flattens_events_for_queries():
    ev = synthetic.event("x1", "195", "USA", "IRQ", date="2020-01-03",
                         location=Location(name="Baghdad", country="IRQ", lat=33.3, lon=44.4,
                                           precision="city"),
                         quantities=[Quantity(value=25, unit="people", text="25 killed")])
    undated = synthetic.event("x2", "112", "IRN", None, modality="threatened")
    coded = synthetic.article("art1", [ev, undated], published="2020-01-02",
                              url="https://www.example.com/news/1")
    with Store(":memory:") as store:
        store.write([coded])
        row = store.conn.execute(
            "SELECT source_country, source_code, source_key, target_key, root, base_code, "
            "quad_class, happened, CAST(day AS VARCHAR), location_country, lat, "
            "quantities->>'$[0].value' FROM events WHERE id = 'x1'"
        ).fetchone()
        assert row == ("USA", "USAGOV", "USA", "IRQ", "19", "195", 4, True, "2020-01-03", "IRQ",
                       33.3, "25")
        # No event date: counted on the publication day; threatened: not happened.
        day, happened, target = store.conn.execute(
            "SELECT CAST(day AS VARCHAR), happened, target_key FROM events WHERE id = 'x2'"
        ).fetchone()
        assert (day, happened, target) == ("2020-01-02", False, None)
        host = store.conn.execute("SELECT host FROM articles").fetchone()[0]
        assert host == "example.com"
        assert store.counts() == {"articles": 1, "actors": 1, "events": 2, "quotes": 1,
                                  "quantities": 1, "ingest_log": 1}


def test_writing_the_same_input_twice_changes_nothing():
    outcomes = synthetic.corpus(40)
    with Store(":memory:") as store:
        write_all(store, outcomes)
        store.finish_run()
        first = snapshot(store.conn)
        write_all(store, outcomes, size=7)  # different batching, same input
        store.finish_run()
        assert snapshot(store.conn) == first
    assert len(first["articles"]) == 40
    assert len(first["ingest_log"]) == 40 + 4 + 4  # ingested + duplicates + rejections


def test_recoding_an_article_replaces_its_rows():
    a = synthetic.article("a1", [synthetic.event("a1-e0", "190", "USA", "IRN"),
                                 synthetic.event("a1-e1", "112", "IRN", "USA")])
    with Store(":memory:") as store:
        store.write([a])
        a.events = a.events[:1]
        a.events[0].code = "195"
        store.write([a])
        rows = store.conn.execute("SELECT id, code FROM events").fetchall()
        assert rows == [("a1-e0", "195")]
        assert store.conn.execute("SELECT n_events FROM articles").fetchone()[0] == 1


def test_an_article_without_events_can_be_written_again():
    empty = synthetic.article("quiet", [])
    with Store(":memory:") as store:
        store.write([empty])
        store.write([empty])
        store.finish_run()
        assert store.counts()["articles"] == 1 and store.counts()["events"] == 0


def test_already_stored_is_not_a_new_outcome_and_each_path_logs_once():
    from flashpoint.records import ALREADY_STORED

    a = synthetic.article("a1", [synthetic.event("a1-e0", "190", "USA", "IRN")],
                          source="/in/a1.txt")
    with Store(":memory:") as store:
        store.write([a])
        store.write([Duplicate(path="/in/a1.txt", article_id="a1", duplicate_of="a1",
                               kind=ALREADY_STORED)])
        # The same text under another path is a real duplicate and is accounted for.
        store.write([Duplicate(path="/in/copy.txt", article_id="a1", duplicate_of="a1",
                               kind=ALREADY_STORED)])
        log = store.conn.execute("SELECT path, status FROM ingest_log ORDER BY path").fetchall()
        assert log == [("/in/a1.txt", "ingested"), ("/in/copy.txt", "duplicate")]
        # An input whose outcome changes (here: now rejected) keeps one row: the new outcome.
        store.write([Rejection("/in/copy.txt", "empty file"), Rejection("/in/copy.txt", "empty file")])
        store.write([Rejection("/in/copy.txt", "empty file")])
        log = store.conn.execute("SELECT path, status, reason FROM ingest_log ORDER BY path").fetchall()
        assert log == [("/in/a1.txt", "ingested", None), ("/in/copy.txt", "rejected", "empty file")]


def test_a_failing_batch_leaves_nothing_behind():
    good = synthetic.article("good", [synthetic.event("g-e0", "190", "USA", "IRN")])
    bad_event = synthetic.event("b-e0", "190", "USA", "IRN")
    bad_event.quad_class = "not a number"  # type: ignore[assignment]
    bad = synthetic.article("bad", [bad_event])
    other = synthetic.article("other", [synthetic.event("o-e0", "112", "IRN", "USA")])
    with Store(":memory:") as store:
        store.write([good])
        with pytest.raises(StoreError, match="writing a batch"):
            store.write([other, bad])
        assert store.counts()["articles"] == 1
        assert not store.has_article("other")
        assert store.conn.execute("SELECT count(*) FROM ingest_log").fetchone()[0] == 1


def test_article_texts_feed_deduplication():
    with Store(":memory:") as store:
        write_all(store, synthetic.corpus(5))
        texts = list(store.article_texts())
    assert [i for i, _ in texts] == [f"a{i:05d}" for i in range(5)]
    assert all(t.startswith("Synthetic article") for _, t in texts)


def test_readonly_connection_refuses_writes_and_missing_file_is_clear(tmp_path):
    path = tmp_path / "db.duckdb"
    with Store(path) as store:
        write_all(store, synthetic.corpus(3))
    conn = open_readonly(path)
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 3
    with pytest.raises(duckdb.Error):
        conn.execute("DELETE FROM articles")
    conn.close()
    with pytest.raises(StoreError, match="does not exist"):
        open_readonly(tmp_path / "missing.duckdb")


def test_a_run_that_never_refreshed_is_still_readable(tmp_path):
    from flashpoint.store import open as open_db

    path = tmp_path / "stale.duckdb"
    with Store(path) as store:
        write_all(store, synthetic.corpus(30))  # killed before finish_run
    with open_db(path) as db:
        assert db.stale
        fused = db.fused_events()
        assert fused["num_mentions"].sum() == len(db.events(happened=True))
        assert db.stats()["fused_events"] == len(fused)
    with Store(path) as store:
        store.finish_run()
    with open_db(path) as db:
        assert not db.stale
        assert len(db.fused_events()) == len(fused)


def test_writer_waits_for_a_reader_to_let_go(tmp_path):
    import subprocess
    import sys
    import time

    db = tmp_path / "locked.duckdb"
    Store(db).close()
    holder = subprocess.Popen(
        [sys.executable, "-c",
         f"import duckdb, time; c = duckdb.connect({str(db)!r}, read_only=True); "
         "print('held', flush=True); time.sleep(1.5); c.close()"],
        stdout=subprocess.PIPE, text=True,
    )
    assert holder.stdout.readline().strip() == "held"
    start = time.monotonic()
    with Store(db) as store:  # would raise a lock error without the wait
        assert store.counts()["articles"] == 0
    assert time.monotonic() - start > 0.2
    holder.wait(timeout=10)
