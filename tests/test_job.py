"""The ingest job accounts for every input, and re-running it changes nothing."""

from __future__ import annotations

import duckdb

from flashpoint.job import run_ingest

TABLES = ("articles", "events", "actors", "quotes", "quantities")


def _snapshot(db) -> dict[str, list[tuple]]:
    conn = duckdb.connect(str(db), read_only=True)
    try:
        snap = {t: sorted(map(str, conn.execute(f"SELECT * FROM {t}").fetchall())) for t in TABLES}
        snap["ingest_log"] = sorted(
            conn.execute(
                "SELECT path, article_id, status, reason, duplicate_of FROM ingest_log"
            ).fetchall(),
            key=str,
        )
    finally:
        conn.close()
    return snap


def test_samples_are_all_accounted_for_and_rerun_is_idempotent(samples_dir, tmp_path):
    db = tmp_path / "fp.duckdb"
    paths = [str(samples_dir / p) for p in ("text", "html", "feeds", "archive.warc.gz", "wire.jsonl")]
    first = run_ingest(paths, db)
    assert first.balanced
    assert first.inputs >= 20
    assert first.ingested >= 15
    assert first.duplicates >= 2  # the sample corpus holds an exact and a near duplicate
    assert any(r["reason"].startswith("unsupported language") for r in first.rejected)
    before = _snapshot(db)
    assert len(before["articles"]) == first.ingested
    assert len(before["ingest_log"]) == first.inputs

    second = run_ingest(paths, db)
    assert second.balanced and second.inputs == first.inputs
    assert _snapshot(db) == before


def test_a_second_text_under_a_known_id_is_rejected_never_lost(tmp_path):
    # Issue 16 item 3: the second line used to overwrite the first silently.
    import json

    first = ("Police in the capital fired tear gas at thousands of protesters who marched on "
             "parliament on Tuesday, witnesses said.")
    second = ("The foreign ministers of both countries signed an agreement on Monday to reopen "
              "their shared border crossing, officials said.")
    path = tmp_path / "dup.jsonl"
    path.write_text(json.dumps({"id": "same", "text": first}) + "\n"
                    + json.dumps({"id": "same", "text": second}) + "\n")
    db = tmp_path / "d.duckdb"
    report = run_ingest([str(path)], db)
    assert (report.inputs, report.ingested, report.duplicates) == (2, 1, 0)
    assert report.rejected == [{"path": f"{path}#2", "reason": "duplicate id with different "
                                "text: 'same' already names another article"}]
    before = _snapshot(db)
    assert [r[0] for r in before["ingest_log"] if r[2] == "ingested"] == [f"{path}#1"]
    conn = duckdb.connect(str(db), read_only=True)
    assert conn.execute("SELECT text FROM articles").fetchall() == [(first,)]
    conn.close()
    # A later run with yet another text under the id: rejected too; the stored text stays.
    later = tmp_path / "later.jsonl"
    later.write_text(json.dumps({"id": "same", "text": second + " More."}) + "\n")
    again = run_ingest([str(later)], db)
    assert again.rejected[0]["reason"].startswith("duplicate id with different text")
    rerun = run_ingest([str(path)], db)
    assert rerun.balanced and rerun.already_stored == 1 and len(rerun.rejected) == 1


def _log_and_stats(db) -> tuple[int, int, dict[str, int]]:
    from flashpoint.store import open as open_db

    with open_db(db) as database:
        rows = len(database.ingest_log())
        paths = database.query("SELECT count(DISTINCT path) AS n FROM ingest_log")["n"][0]
        return rows, int(paths), database.stats()["ingest"]


def test_reruns_and_resumed_runs_count_each_input_once(tmp_path):
    # Issue 16 item 9: re-runs grew ingest_log past the inputs, and reported stored articles
    # as duplicates.
    import random

    from tests.readers.test_hostile import build_corpus

    from flashpoint.settings import Settings

    corpus = tmp_path / "c"
    build_corpus(corpus, random.Random(7))
    late = corpus / "late.txt"
    late.write_text("")  # still being written by a scraper: empty on the first run
    settings = Settings(max_bytes=20_000)
    db = tmp_path / "h.duckdb"
    # A "killed" first run that got through one folder only, then the full run resumes it.
    partial = run_ingest([str(corpus / "nested")], db, settings)
    assert partial.ingested == 1 and partial.duplicates == 2
    first = run_ingest([str(corpus)], db, settings)
    assert first.balanced
    assert first.already_stored == 1, "the article the partial run stored"
    late.write_text("Police in the capital fired tear gas at thousands of protesters who "
                    "marched on parliament on Tuesday, officials said on Wednesday.")
    second = run_ingest([str(corpus)], db, settings)
    assert second.balanced and second.inputs == first.inputs
    assert second.ingested == 1, "only the file that changed"
    assert second.already_stored == first.ingested + first.already_stored
    assert second.duplicates == first.duplicates
    assert len(second.rejected) == len(first.rejected) - 1
    rows, paths, stats = _log_and_stats(db)
    assert rows == paths == first.inputs
    assert sum(stats.values()) == first.inputs
    assert stats["rejected"] == len(second.rejected)
    third = run_ingest([str(corpus)], db, settings)
    assert third.already_stored == second.already_stored + 1 and third.ingested == 0
    assert _log_and_stats(db) == (rows, paths, stats)


def test_old_logs_are_rekeyed_one_row_per_input(tmp_path):
    from datetime import datetime

    from flashpoint.store import Store, migrate

    db = tmp_path / "old.duckdb"
    conn = duckdb.connect(str(db))
    migrate(conn, upto="003_query_helpers")
    for key, status, t in (("k1", "rejected", 1), ("k2", "ingested", 2), ("k3", "rejected", 3)):
        conn.execute("INSERT INTO ingest_log (key, path, status, time) VALUES (?, ?, ?, ?)",
                     [key, "/in/a.txt" if key != "k3" else "/in/b.txt", status,
                      datetime(2024, 1, t)])
    conn.close()
    with Store(db) as store:
        rows = store.conn.execute("SELECT path, status FROM ingest_log ORDER BY path").fetchall()
    assert rows == [("/in/a.txt", "ingested"), ("/in/b.txt", "rejected")]
