"""Reads stay responsive while ``POST /api/code`` is flooded (issue 16, item 6).

Starts ``flashpoint.web.serve`` in a subprocess over a synthetic database (as
``bench/load_api.py``), keeps ``--posts`` ``POST /api/code`` requests of 10,000 characters in
flight for ``--seconds`` (each client re-posting as soon as it is answered, after the
Retry-After wait when told 429), and meanwhile times ``GET /api/events`` (a new URL each time, so the
response cache cannot answer) from ``--readers`` clients. Prints the reads' p50/p99 latency, how
the posts were answered (200 coded, 429 queue full) and the server's peak resident memory.

    .venv/bin/python bench/load_code.py                 # 50 posts in flight, 20 s

Target: GET /api/events p99 < 1 s, no answer but 200/429, server RSS < 1 GB (exit 1 if missed).
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import p50_p99, serve_in_background  # noqa: E402
from load_api import free_port, synthetic_db  # noqa: E402

TEXT = ("BISHKEK (Reuters) - Kyrgyzstan accused Tajikistan on Monday of shelling border villages, "
        "and Tajik troops arrested 14 people near the frontier, officials said. ")
BODY = (TEXT * (10_000 // len(TEXT) + 1))[:10_000]


def rss_mb(pid: int) -> float:
    """Resident memory of ``pid`` and its child processes (the coding worker), in MB."""
    total = 0.0
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(line.split(":", 1) for line in status.read_text().splitlines()
                          if ":" in line)
        except OSError:
            continue
        if status.parent.name == str(pid) or fields.get("PPid", "").strip() == str(pid):
            total += int(fields.get("VmRSS", "0 kB").split()[0]) / 1024
    return total


async def run(base: str, posts: int, readers: int, seconds: float, pid: int):
    statuses: Counter[int] = Counter()
    reads: list[float] = []
    read_errors = 0
    peak = 0.0
    stop = time.monotonic() + seconds
    limits = httpx.Limits(max_connections=posts + readers + 4)
    async with httpx.AsyncClient(base_url=base, timeout=120, limits=limits) as client:

        async def poster() -> None:
            while time.monotonic() < stop:
                try:
                    r = await client.post("/api/code", json={"text": BODY})
                    statuses[r.status_code] += 1
                    if r.status_code == 429:  # a well-behaved client waits as told
                        await asyncio.sleep(float(r.headers.get("Retry-After", "1")))
                except httpx.HTTPError:
                    statuses[0] += 1

        async def reader(k: int) -> None:
            nonlocal read_errors
            n = 0
            while time.monotonic() < stop:
                n += 1
                started = time.monotonic()
                r = await client.get("/api/events", params={"limit": 20, "offset": (n * 7 + k) % 400})
                reads.append(time.monotonic() - started)
                read_errors += r.status_code != 200
                await asyncio.sleep(0.02)

        async def watch() -> None:
            nonlocal peak
            while time.monotonic() < stop:
                peak = max(peak, rss_mb(pid))
                await asyncio.sleep(0.2)

        await asyncio.gather(*(poster() for _ in range(posts)),
                             *(reader(k) for k in range(readers)), watch())
    return statuses, reads, read_errors, peak


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, default=50, help="POST /api/code kept in flight")
    parser.add_argument("--readers", type=int, default=4, help="concurrent GET clients")
    parser.add_argument("--seconds", type=float, default=20.0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = synthetic_db(Path(tmp) / "bench.duckdb")
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        try:
            server = serve_in_background(db, port, 60)
        except RuntimeError as exc:
            print(exc, file=sys.stderr)
            return 2
        try:
            # The model loads on the first text; time the steady state, not the load.
            httpx.post(base + "/api/code", json={"text": BODY}, timeout=120)
            statuses, reads, read_errors, peak = asyncio.run(
                run(base, args.posts, args.readers, args.seconds, server.pid))
        finally:
            server.terminate()
            server.wait(timeout=15)
    ms = sorted(x * 1000 for x in reads)
    p50, p99 = p50_p99(ms)
    print(f"POST /api/code in flight: {args.posts} for {args.seconds:.0f} s; answers: "
          + ", ".join(f"{code}: {n}" for code, n in sorted(statuses.items())))
    print(f"GET /api/events: {len(ms)} reads, p50 {p50:.1f} ms, p99 {p99:.1f} ms, "
          f"max {ms[-1] if ms else float('nan'):.1f} ms, {read_errors} not 200")
    print(f"server peak RSS (with its coding worker): {peak:.0f} MB")
    met = p99 < 1000 and read_errors == 0 and set(statuses) <= {200, 429} and peak < 1024
    print(f"target (p99 < 1 s, reads all 200, posts 200/429, RSS < 1 GB): "
          f"{'met' if met else 'MISSED'}")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
