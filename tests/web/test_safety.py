"""Cross-cutting rules: the token, loopback binding, read-only access and the busy state,
request limits and no stack traces to clients."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
from fastapi.testclient import TestClient

from flashpoint.errors import FlashpointError
from flashpoint.web import check_bind, create_app
from flashpoint.web.app import is_loopback


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.5", "::1", "localhost"])
def test_loopback_needs_no_token(host):
    assert is_loopback(host)
    check_bind(host, None)


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.10", "::", "example.org"])
def test_other_addresses_need_a_token(host):
    with pytest.raises(FlashpointError, match="token"):
        check_bind(host, None)
    check_bind(host, "s3cret")


def test_token_required_on_every_request(web_db):
    with TestClient(create_app(web_db, token="s3cret"), raise_server_exceptions=False) as c:
        for url in ["/api/events", "/", "/static/style.css", "/vendor/plotly.min.js"]:
            assert c.get(url).status_code == 401, url
        assert c.get("/api/events", headers={"Authorization": "Bearer wrong"}).status_code == 401
        ok = c.get("/api/events", headers={"Authorization": "Bearer s3cret"})
        assert ok.status_code == 200
        # ?token= works and leaves a cookie, so a browser's next requests carry it
        first = c.get("/", params={"token": "s3cret"})
        assert first.status_code == 200
        assert "flashpoint_token" in first.headers.get("set-cookie", "")
        assert c.get("/events").status_code == 200


def _hold_write_lock(path: Path) -> subprocess.Popen:
    """A separate process holding the database open for writing, like a running ingest."""
    code = (
        "import duckdb, sys, time\n"
        f"c = duckdb.connect({str(path)!r})\n"
        "print('locked', flush=True)\n"
        "sys.stdin.readline()\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "locked"
    return proc


def test_busy_database_answers_503_then_recovers(web_db, tmp_path):
    with TestClient(create_app(web_db, idle_seconds=0.05), raise_server_exceptions=False) as c:
        assert c.get("/api/events").status_code == 200
        time.sleep(0.3)  # idle: the server lets go of the file
        writer = _hold_write_lock(web_db)
        try:
            # an answer cached before the writer came still stands: the files have not changed
            assert c.get("/api/events").status_code == 200
            api = c.get("/api/events", params={"limit": 7})
            assert api.status_code == 503
            assert int(api.headers["Retry-After"]) > 0
            assert "busy" in api.json()["detail"]
            page = c.get("/")
            assert page.status_code == 503
            assert "Database busy" in page.text and 'http-equiv="refresh"' in page.text
        finally:
            writer.communicate("\n", timeout=20)
        assert c.get("/api/events", params={"limit": 7}).status_code == 200


def test_server_does_not_keep_writers_out(web_db):
    with TestClient(create_app(web_db, idle_seconds=0.05), raise_server_exceptions=False) as c:
        for _ in range(5):
            assert c.get("/api/events").status_code == 200
        deadline = time.monotonic() + 5
        while c.app.state.pool.is_open and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not c.app.state.pool.is_open
        # a writer in another process can now open the file
        writer = _hold_write_lock(web_db)
        writer.communicate("\n", timeout=20)
        assert writer.returncode == 0


def test_database_is_opened_read_only(web_db):
    with TestClient(create_app(web_db), raise_server_exceptions=False) as c:
        assert c.get("/api/events").status_code == 200
        with c.app.state.pool.cursor() as cur, pytest.raises(duckdb.Error, match="read-only"):
            cur.execute("DELETE FROM events")


def test_missing_database_is_a_clear_503(tmp_path):
    with TestClient(create_app(tmp_path / "none.duckdb"), raise_server_exceptions=False) as c:
        response = c.get("/api/events")
        assert response.status_code == 503
        assert "does not exist" in response.json()["detail"]


def test_internal_errors_hide_the_trace(web_db):
    app = create_app(web_db)

    @app.get("/api/boom")
    def boom() -> None:
        raise RuntimeError("secret internal detail")

    with TestClient(app, raise_server_exceptions=False) as c:
        response = c.get("/api/boom")
        assert response.status_code == 500
        assert "secret" not in response.text and "Traceback" not in response.text
        page = c.get("/api/boom", headers={"Accept": "text/html"})
        assert "secret" not in page.text


def test_streamed_body_over_the_limit_is_413(web_db):
    with TestClient(create_app(web_db), raise_server_exceptions=False) as c:
        def chunks():
            for _ in range(30):
                yield b"x" * 10_000

        response = c.post("/api/code", content=chunks(),
                          headers={"Content-Type": "application/json"})
        assert response.status_code == 413


def test_answers_follow_a_new_ingest(web_db, tmp_path):
    """The response cache and the pooled connection never hide data written after them."""
    import shutil

    db = tmp_path / "copy.duckdb"
    shutil.copy(web_db, db)
    with TestClient(create_app(db, idle_seconds=0.05), raise_server_exceptions=False) as c:
        assert c.get("/api/articles").json()["total"] == 10
        deadline = time.monotonic() + 5
        while c.app.state.pool.is_open and time.monotonic() < deadline:
            time.sleep(0.05)
        code = (
            "import sys\n"
            "from flashpoint.records import Article, CodedArticle\n"
            "from flashpoint.store import Store\n"
            "with Store(sys.argv[1]) as s:\n"
            "    s.write([CodedArticle(article=Article(id='late', text='A late article.'))])\n"
        )
        subprocess.run([sys.executable, "-c", code, str(db)], check=True, timeout=60)
        assert c.get("/api/articles").json()["total"] == 11
