"""A `flashpoint ingest` killed with SIGKILL mid-way and re-run ends with the rows of a clean run."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import duckdb
import pytest

TABLES = ("articles", "events", "actors", "quotes", "quantities")
PLACES = ["Kabul", "Baghdad", "Nairobi", "Caracas", "Kyiv", "Manila", "Khartoum", "Sanaa"]
ACTS = [
    "Police arrested {n} protesters outside the parliament in {p} on Monday.",
    "The army said rebels attacked a checkpoint near {p}, killing {n} soldiers.",
    "The foreign minister met the U.N. envoy in {p} and agreed to resume talks.",
    "Officials in {p} accused the opposition of planning violent protests.",
]


def _corpus(path, n: int = 48) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            place = PLACES[i % len(PLACES)]
            text = " ".join(
                ACTS[(i + k) % len(ACTS)].format(n=i + k + 2, p=place) for k in range(3)
            ) + f" The statement was number {i} of the week."
            fh.write(json.dumps({"id": f"story-{i:03d}", "text": text, "date": "2024-05-06"}) + "\n")


def _ingest(corpus, db) -> list[str]:
    return [
        sys.executable, "-m", "flashpoint.cli", "ingest", str(corpus), "--db", str(db),
        "--batch-size", "4",
    ]


def _snapshot(db) -> dict[str, list]:
    conn = duckdb.connect(str(db), read_only=True)
    try:
        snap = {t: sorted(map(str, conn.execute(f"SELECT * FROM {t}").fetchall())) for t in TABLES}
        snap["ingest_log"] = sorted(
            map(str, conn.execute("SELECT key, path, article_id, status FROM ingest_log").fetchall())
        )
    finally:
        conn.close()
    return snap


@pytest.mark.slow
def test_killed_ingest_resumes_to_the_clean_result(tmp_path):
    corpus = tmp_path / "wire.jsonl"
    _corpus(corpus)
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}

    clean_db = tmp_path / "clean.duckdb"
    subprocess.run(_ingest(corpus, clean_db), check=True, env=env, capture_output=True, timeout=600)
    clean = _snapshot(clean_db)
    assert len(clean["articles"]) == 48

    db = tmp_path / "killed.duckdb"
    wal = tmp_path / "killed.duckdb.wal"
    proc = subprocess.Popen(_ingest(corpus, db), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    # The schema is the first thing in the write-ahead log; committed batches make it grow.
    schema_size = 0
    while time.monotonic() < deadline and proc.poll() is None:
        size = wal.stat().st_size if wal.exists() else 0
        if size and not schema_size:
            time.sleep(1.0)  # let the migrations finish writing (the model is still loading)
            schema_size = wal.stat().st_size
        elif schema_size and size > schema_size:
            time.sleep(0.3)
            break
        time.sleep(0.02)
    assert proc.poll() is None, "ingest finished before it could be killed"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)

    partial = _snapshot(db)
    assert 0 < len(partial["articles"]) < 48, "the kill must land mid-run"

    subprocess.run(_ingest(corpus, db), check=True, env=env, capture_output=True, timeout=600)
    assert _snapshot(db) == clean
