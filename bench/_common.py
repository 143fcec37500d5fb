"""Helpers shared by the benchmarks: corpus subsets and measurement subprocesses."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


def subset(corpus: Path, limit: int, dest: Path) -> Path:
    """Write the first ``limit`` lines of a JSONL corpus to ``dest``."""
    with open(corpus, encoding="utf-8") as src, open(dest, "w", encoding="utf-8") as dst:
        for i, line in enumerate(src):
            if i >= limit:
                break
            dst.write(line)
    return dest


def run_child(script: str, args: list[str], label: str, tries: int = 2) -> dict:
    """Run ``script --child ARGS`` in a fresh interpreter; its last stdout line is JSON figures.

    A shared machine may kill a child: report the failure and retry rather than lose the run.
    """
    for attempt in range(tries):
        out = subprocess.run(
            [sys.executable, script, "--child", *args], capture_output=True, text=True
        )
        if out.returncode == 0:
            return json.loads(out.stdout.strip().splitlines()[-1])
        print(f"{label} failed, attempt {attempt + 1}:\n{out.stderr[-2000:]}", file=sys.stderr)
    raise SystemExit(f"{label} failed {tries} times")


def serve_in_background(db: Path, port: int, ready_seconds: float,
                        cache_size: int | None = None) -> subprocess.Popen:
    """Start ``flashpoint.web.serve`` on loopback for ``db`` and wait until ``/api/events``
    answers. Raises ``RuntimeError`` (with the server stopped) when it does not within
    ``ready_seconds``."""
    import time

    import httpx

    options = "" if cache_size is None else f", cache_size={int(cache_size)}"
    server = subprocess.Popen([
        sys.executable, "-c",
        "import sys; from flashpoint.web import serve; "
        f"serve(sys.argv[1], port=int(sys.argv[2]), log_level='warning'{options})",
        str(db), str(port),
    ])
    base = f"http://127.0.0.1:{port}"
    ready = time.monotonic() + ready_seconds
    while True:
        try:
            if httpx.get(base + "/api/events?limit=1", timeout=2).status_code == 200:
                return server
        except httpx.HTTPError:
            pass
        if server.poll() is not None or time.monotonic() > ready:
            server.terminate()
            server.wait(timeout=15)
            raise RuntimeError("server did not start")
        time.sleep(0.2)


def p50_p99(ms: list[float]) -> tuple[float, float]:
    """Median and 99th percentile of sorted latencies (NaN when there are none)."""
    if not ms:
        return float("nan"), float("nan")
    import statistics

    return statistics.median(ms), ms[min(len(ms) - 1, int(len(ms) * 0.99))]
