"""Load test of the JSON API: many concurrent requests to /api/events on loopback.

Starts ``flashpoint.web.serve`` (uvicorn, one worker) in a subprocess over a database — a given
one, one ingested from samples/ (``--samples``), or a synthetic one (default: fictional records
written through the store API) — fires a fixed number of requests with bounded concurrency and
a hard time limit, then prints requests/s, p50/p99 latency and the error count.

    .venv/bin/python bench/load_api.py                 # synthetic database, 4000 requests, 16 at a time
    .venv/bin/python bench/load_api.py --samples       # ingest samples/ first (~20 s)
    .venv/bin/python bench/load_api.py --db events.duckdb --requests 2000 --concurrency 16

Targets: >= 200 requests/s, p99 < 250 ms, 0 errors (exit status 1 when missed). It also prints
the server's CPU time per request, which does not depend on what else the machine is running.
``--no-cache`` turns the server's response cache off, so every request runs its queries.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import sys
import tempfile
import time
from pathlib import Path

import httpx

from _common import p50_p99, serve_in_background  # bench/ is on sys.path when a benchmark runs

ROOT = Path(__file__).resolve().parents[1]
COUNTRIES = ["KGZ", "TJK", "COL", "VEN", "USA", "IRN", "IRQ", "UKR", "RUS", "CHN"]
CODES = [("036", "03", 1, 4.0), ("112", "11", 3, -2.0), ("138", "13", 3, -7.0),
         ("173", "17", 4, -5.0), ("190", "19", 4, -10.0), ("057", "05", 1, 8.0)]


def synthetic_db(path: Path, articles: int = 2000, per_article: int = 5) -> Path:
    """A database of fictional events written through the store API (reproducible: seed 7)."""
    from datetime import date, timedelta

    from flashpoint.records import ActorRef, Article, CodedArticle, Event
    from flashpoint.store import Store

    rng = random.Random(7)
    batch = []
    for i in range(articles):
        day = (date(2025, 1, 1) + timedelta(days=rng.randrange(120))).isoformat()
        a, b = rng.sample(COUNTRIES, 2)
        sentence = f"{a} officials said forces from {b} crossed the line near post {i}."
        events = []
        for j in range(per_article):
            code, root, quad, gold = rng.choice(CODES)
            side = ActorRef(text=a, name=a, code=a, country=a, agent=None)
            other = ActorRef(text=b, name=b, code=b, country=b, agent=None)
            events.append(Event(
                id=f"ev{i}-{j}", code=code, root=root, name=f"code {code}", quad_class=quad,
                goldstein=gold, plover=None, source=side, target=other, sentence=sentence,
                span=[0, len(sentence)], trigger="crossed", rule="bench", confidence=0.5,
                modality=rng.choice(["actual"] * 8 + ["threatened", "planned"]), date=day,
            ))
        article = Article(id=f"art{i}", text=sentence, source=f"bench/{i}.txt",
                          title=f"Bench article {i}", published=day)
        batch.append(CodedArticle(article=article, events=events))
    with Store(path) as store:
        store.write(batch)
        store.finish_run()
    return path


def samples_db(path: Path) -> Path:
    from flashpoint.job import run_ingest

    run_ingest([str(ROOT / "samples")], path)
    return path


def cpu_seconds(pid: int) -> float:
    """User + system CPU time a process has used (Linux /proc), to report the server's cost per
    request independently of what else the machine is running."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return float("nan")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def request_urls(n: int, seed: int = 11) -> list[str]:
    """A mix of /api/events queries: plain pages, actor, dyad, root, date range, text search."""
    rng = random.Random(seed)
    urls = []
    for _ in range(n):
        a, b = rng.sample(COUNTRIES, 2)
        kind = rng.randrange(7)
        if kind == 0:
            urls.append(f"/api/events?limit=50&offset={rng.randrange(0, 500, 50)}")
        elif kind == 1:
            urls.append(f"/api/events?actor={a}&limit=20")
        elif kind == 2:
            urls.append(f"/api/events?dyad={a}-{b}&limit=20")
        elif kind == 3:
            urls.append(f"/api/events?root={rng.choice(CODES)[1]}&quad_class=4&limit=20")
        elif kind == 4:
            urls.append("/api/events?start=2025-02-01&end=2025-02-28&limit=20")
        elif kind == 5:
            urls.append(f"/api/events?country={a}&modality=actual&limit=20")
        else:
            urls.append("/api/events?q=crossed&limit=10")
    return urls


async def _get(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, host: str,
               url: str) -> tuple[int, bytes]:
    # A minimal HTTP/1.1 keep-alive GET: the load generator must cost far less than the server
    # it measures, and a full client library (httpx) costs more CPU per request than the API.
    writer.write(f"GET {url} HTTP/1.1\r\nHost: {host}\r\nAccept: application/json\r\n\r\n"
                 .encode())
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    length = 0
    for line in lines[1:]:
        name, _, value = line.partition(":")
        if name.lower() == "content-length":
            length = int(value)
    body = await reader.readexactly(length)
    return status, body


async def fire(base: str, urls: list[str], concurrency: int, deadline: float) -> tuple[list[float], int, float]:
    """Send ``urls`` over ``concurrency`` keep-alive connections; latencies, errors, seconds."""
    latencies: list[float] = []
    errors = 0
    queue = list(reversed(urls))
    host, port = base.removeprefix("http://").split(":")

    async def worker() -> None:
        nonlocal errors
        reader, writer = await asyncio.open_connection(host, int(port))
        try:
            while queue and time.monotonic() < deadline:
                url = queue.pop()
                t0 = time.perf_counter()
                try:
                    status, body = await asyncio.wait_for(_get(reader, writer, host, url), 10)
                    ok = status == 200 and body.startswith(b'{"total"')
                except (TimeoutError, OSError, asyncio.IncompleteReadError, ValueError):
                    ok = False
                    writer.close()
                    reader, writer = await asyncio.open_connection(host, int(port))
                latencies.append(time.perf_counter() - t0)
                errors += not ok
        finally:
            writer.close()

    start = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    elapsed = time.perf_counter() - start
    errors += len(queue)  # requests not sent before the deadline count as failures
    return latencies, errors, elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", help="existing database to serve")
    parser.add_argument("--samples", action="store_true", help="ingest samples/ into a temp db")
    parser.add_argument("--requests", type=int, default=4000)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--no-cache", action="store_true",
                        help="turn the server's response cache off (every request queries)")
    parser.add_argument("--time-limit", type=float, default=30.0, help="hard stop, seconds")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        if args.db:
            db = Path(args.db)
        elif args.samples:
            db = samples_db(Path(tmp) / "samples.duckdb")
        else:
            db = synthetic_db(Path(tmp) / "bench.duckdb")
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        try:
            server = serve_in_background(db, port, 30, cache_size=0 if args.no_cache else 512)
        except RuntimeError as exc:
            print(exc, file=sys.stderr)
            return 2
        try:
            total = httpx.get(base + "/api/events?limit=1").json()["total"]
            urls = request_urls(args.requests)
            deadline = time.monotonic() + args.time_limit
            cpu0, load0 = cpu_seconds(server.pid), os.getloadavg()[0]
            client0 = time.process_time()
            latencies, errors, elapsed = asyncio.run(
                fire(base, urls, args.concurrency, deadline)
            )
            client_cpu = time.process_time() - client0
            server_cpu = cpu_seconds(server.pid) - cpu0
        finally:
            server.terminate()
            server.wait(timeout=15)

    done = len(latencies)
    ms = sorted(x * 1000 for x in latencies)
    p50, p99 = p50_p99(ms)
    rps = done / elapsed if elapsed else 0.0
    print(f"database: {db.name} ({total} events)")
    print(f"response cache: {'off' if args.no_cache else 'on'}")
    print(f"requests: {done} of {args.requests}, concurrency {args.concurrency}, "
          f"{elapsed:.1f} s")
    print(f"throughput: {rps:.0f} requests/s")
    print(f"latency: p50 {p50:.1f} ms, p99 {p99:.1f} ms, max {ms[-1] if ms else float('nan'):.1f} ms")
    print(f"errors: {errors}")
    per_request = server_cpu / done * 1000 if done else float("nan")
    print(f"server CPU: {per_request:.2f} ms per request "
          f"(~{1000 / per_request:.0f} requests/s per free core); "
          f"load average before the run {load0:.1f} on {os.cpu_count()} cores")
    print(f"client CPU: {client_cpu / done * 1000 if done else float('nan'):.2f} ms per request")
    met = rps >= 200 and p99 < 250 and errors == 0
    print(f"target (>=200 req/s, p99 < 250 ms, 0 errors): {'met' if met else 'MISSED'}")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
