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
