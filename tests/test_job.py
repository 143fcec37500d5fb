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
    assert rerun.balanced and rerun.ingested + rerun.duplicates == 1 and len(rerun.rejected) == 1
