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
