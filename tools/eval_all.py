"""Score flashpoint on every dev gold set in one process, one compact summary line per set.

Run everything (from the project root)::

    .venv/bin/python tools/eval_all.py

Options: ``--only articles,gsr`` (names below), ``--limit N`` (first N rows of each set, for a
quick look), ``--json OUT`` (all scores as JSON), ``--shared DIR`` (default ``../shared/data``).
The pipeline is loaded once and every set is coded through it (the same code path as
``flashpoint eval``), so the figures equal ``flashpoint eval GOLD.jsonl`` run set by set.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SHARED = ROOT.parent / "shared" / "data"

# name -> gold file under gold/ (smallest and most watched first, so a run shows results early)
SETS = {
    "articles": "articles_dev.jsonl",
    "gsr": "cameo_gsr_dev.jsonl",
    "case": "case2021_dev.jsonl",
    "plover": "plover_dev.jsonl",
    "quotes_ggt": "quotes_ggt_dev.jsonl",
    "quotes_polnear": "quotes_polnear_dev.jsonl",
    "glocon": "glocon_dev.jsonl",
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="the shared data directory")
    parser.add_argument("--only", default="", help=f"comma-separated subset of: {', '.join(SETS)}")
    parser.add_argument("--limit", type=int, default=None, help="score only the first N rows of each set")
    parser.add_argument("--json", type=Path, default=None, help="write all scores as JSON here")
    args = parser.parse_args(argv)

    names = [n.strip() for n in args.only.split(",") if n.strip()] or list(SETS)
    unknown = [n for n in names if n not in SETS]
    if unknown:
        parser.error(f"unknown set(s) {', '.join(unknown)}; choose from {', '.join(SETS)}")
    gold_dir = args.shared / "gold"
    if not gold_dir.is_dir():
        print(f"no gold data at {gold_dir}", file=sys.stderr)
        return 2

    from flashpoint.evaluate.runner import detect_format, score_kind, summary_line
    from flashpoint.pipeline import Pipeline

    started = time.perf_counter()
    pipeline = Pipeline()
    print(f"{'(pipeline loaded)':<20} {time.perf_counter() - started:.1f}s", flush=True)
    results = {}
    for name in names:
        path = gold_dir / SETS[name]
        t0 = time.perf_counter()
        scores = score_kind(detect_format(path), path, pipeline, limit=args.limit)
        results[name] = scores
        print(f"{summary_line(name, scores)}  [{time.perf_counter() - t0:.0f}s]", flush=True)
    print(f"{'(total)':<20} {time.perf_counter() - started:.0f}s", flush=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
