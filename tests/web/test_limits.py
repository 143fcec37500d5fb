"""POST /api/code is bounded and the server answers only to its own names (issue 16, item 6)."""

from __future__ import annotations

import asyncio

import httpx
import pytest
from fastapi.testclient import TestClient

from flashpoint.web import create_app
from flashpoint.web.app import host_name, served_hosts

TEXT = ("BISHKEK (Reuters) - Kyrgyzstan accused Tajikistan on Monday of shelling border villages, "
        "and Tajik troops arrested 14 people near the frontier, officials said. ") * 40


def test_code_requests_beyond_the_queue_get_429_and_reads_stay_fast(web_db, pipeline):
    app = create_app(web_db)

    async def flood() -> tuple[list[httpx.Response], float]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            posts = [asyncio.create_task(client.post("/api/code", json={"text": TEXT}))
                     for _ in range(30)]
            await asyncio.sleep(0.05)
            read = await client.get("/api/events", params={"limit": 5})
            # The read is answered while the coding posts are still queued or running: reads
            # never wait for coding (latency itself is measured by bench/load_code.py).
            still_coding = sum(not p.done() for p in posts)
            assert read.status_code == 200
            return list(await asyncio.gather(*posts)), still_coding

    responses, still_coding = asyncio.run(flood())
    codes = [r.status_code for r in responses]
    assert set(codes) <= {200, 429}, codes
    assert codes.count(200) >= 1 and codes.count(429) >= 20, codes
    assert codes.count(200) <= 5, "at most one coding and four waiting"
    for r in responses:
        if r.status_code == 429:
            assert int(r.headers["Retry-After"]) > 0
    assert still_coding >= 1, "GET /api/events waited for every code post to finish"
    assert app.state.code_queue.admitted == 0


@pytest.mark.parametrize(("header", "ok"), [
    ("127.0.0.1:8000", True), ("localhost:8000", True), ("[::1]:8000", True), ("localhost", True),
    ("evil.example", False), ("evil.example:8000", False), ("127.0.0.1.nip.io:8000", False),
    ("", False),
])
def test_loopback_server_answers_only_to_loopback_names(web_db, header, ok):
    app = create_app(web_db, allowed_hosts=served_hosts("127.0.0.1"))
    with TestClient(app, raise_server_exceptions=False) as c:
        response = c.get("/api/overview", headers={"Host": header})
        assert (response.status_code == 200) is ok, (header, response.status_code)
        if not ok:
            assert response.status_code == 421


def test_host_rules():
    assert served_hosts("0.0.0.0") is None  # beyond loopback the token is the guard
    assert "localhost" in served_hosts("::1")
    assert host_name("[::1]:8000") == "::1" and host_name("LocalHost:80") == "localhost"
