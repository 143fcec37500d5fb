"""A busy dashboard does not starve an ingest (issue 16, item 5): readers yield to a waiting
writer. The server runs here (TestClient, its real ReadPool on a real DuckDB file); the ingest
is a real `flashpoint ingest` subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections import Counter

import pytest
from fastapi.testclient import TestClient

from flashpoint.store import Store, writerwait
from flashpoint.web import create_app


@pytest.mark.slow
def test_ingest_completes_while_a_client_polls_ten_times_a_second(web_db, samples_dir, tmp_path):
    db = tmp_path / "busy.duckdb"
    db.write_bytes(web_db.read_bytes())
    statuses: Counter[int] = Counter()
    stop = threading.Event()
    with TestClient(create_app(db), raise_server_exceptions=False) as client:

        def poll() -> None:
            n = 0
            while not stop.is_set():
                n += 1  # a new URL each time: the response cache cannot answer it
                statuses[client.get("/api/events", params={"offset": n % 50}).status_code] += 1
                statuses[client.get("/api/alerts", params={"limit": 1 + n % 40}).status_code] += 1
                time.sleep(0.1)

        poller = threading.Thread(target=poll, daemon=True)
        poller.start()
        time.sleep(1.0)
        assert client.app.state.pool.is_open, "the poller keeps the read connection open"
        ingest = subprocess.run(
            [sys.executable, "-m", "flashpoint.cli", "ingest", str(samples_dir), "--db", str(db)],
            capture_output=True, text=True, timeout=300,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        time.sleep(0.5)
        after = client.get("/api/overview")
        stop.set()
        poller.join(timeout=10)
    assert ingest.returncode == 0, ingest.stderr[-2000:]
    assert set(statuses) <= {200, 503}, statuses  # busy while the ingest writes, never an error
    assert statuses[200] > 10
    assert after.status_code == 200
    assert not writerwait.marker(db).exists()
    with Store(db) as store:
        assert store.counts()["articles"] > 10


def test_pool_lets_go_of_the_file_while_a_writer_waits(web_db, tmp_path):
    db = tmp_path / "w.duckdb"
    db.write_bytes(web_db.read_bytes())
    with TestClient(create_app(db, idle_seconds=60), raise_server_exceptions=False) as c:
        assert c.get("/api/alerts").status_code == 200
        assert c.app.state.pool.is_open  # a long idle period: it would stay open a minute
        with writerwait.waiting(db):
            busy = c.get("/api/alerts", params={"limit": 3})
            assert busy.status_code == 503 and int(busy.headers["Retry-After"]) > 0
            assert not c.app.state.pool.is_open
            with Store(db) as store:  # the writer gets in at once
                assert store.counts()["articles"] > 0
        assert c.get("/api/alerts", params={"limit": 4}).status_code == 200
    stale = writerwait.marker(db)
    stale.write_text("1")
    os.utime(stale, (time.time() - 600, time.time() - 600))
    assert not writerwait.writer_waiting(db), "a marker left by a dead writer is ignored"
