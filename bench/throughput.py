"""Throughput and memory: bare spaCy full parse vs flashpoint end to end, on the same texts.

    python bench/throughput.py ../shared/data/corpora/polnear_train.jsonl [--limit 200] [--workers 1,2]

Each measurement runs in its own subprocess (so peak RSS is that mode's own) on the same first
``--limit`` articles:

- ``bare``     ``nlp.pipe`` of the same spaCy model with every component, no flashpoint
- ``records``  flashpoint end to end (read JSONL, clean, dedup, parse, actors, quotes, events) to records
- ``duckdb``   the same, written to a fresh DuckDB file (``flashpoint ingest``'s job)
- ``workers``  ``records`` with the processes engine at each worker count

Prints articles/s, tokens/s, the ratio to bare spaCy and peak RSS (MiB) per mode, and a JSON line.
This is a benchmark, not a test: numbers depend on the machine (its core count is printed).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _peak_rss_mib() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def _texts(corpus: Path) -> list[str]:
    with open(corpus, encoding="utf-8") as fh:
        return [json.loads(line)["text"] for line in fh if line.strip()]


def run_mode(mode: str, corpus: Path, workers: int) -> dict:
    """Run one measurement in this process and return its figures."""
    from flashpoint.settings import Settings

    settings = Settings.from_env()
    texts = _texts(corpus)
    n_tokens = 0
    if mode == "bare":
        from flashpoint.nlp import load_model

        nlp = load_model(settings.model)
        start = time.perf_counter()
        for doc in nlp.pipe(texts, batch_size=settings.batch_size):
            n_tokens += len(doc)
        elapsed = time.perf_counter() - start
    elif mode in ("records", "workers"):
        from flashpoint.api import code_paths
        from flashpoint.nlp import cached_pipeline

        if workers > 1 or mode == "workers":
            settings = settings.replace(engine="processes", workers=workers)
        else:
            cached_pipeline(settings)  # model load is not throughput
        start = time.perf_counter()
        n_events = 0
        for record in code_paths([str(corpus)], settings):
            n_events += len(getattr(record, "events", []))
            n_tokens += len(getattr(getattr(record, "article", None), "text", "").split())
        elapsed = time.perf_counter() - start
    elif mode == "duckdb":
        from flashpoint.job import run_ingest
        from flashpoint.nlp import cached_pipeline

        cached_pipeline(settings)
        with tempfile.TemporaryDirectory() as tmp:
            start = time.perf_counter()
            report = run_ingest([str(corpus)], Path(tmp) / "bench.duckdb", settings)
            elapsed = time.perf_counter() - start
        n_tokens = sum(len(t.split()) for t in texts)
        assert report.balanced
    else:
        raise SystemExit(f"unknown mode {mode}")
    if mode == "bare":
        n_tokens = sum(len(t.split()) for t in texts)  # same token measure as the other modes
    return {
        "mode": mode,
        "workers": workers,
        "articles": len(texts),
        "seconds": round(elapsed, 3),
        "articles_per_s": round(len(texts) / elapsed, 2),
        "tokens_per_s": round(n_tokens / elapsed, 1),
        "peak_rss_mib": round(_peak_rss_mib(), 1),
    }


def _subprocess(mode: str, corpus: Path, workers: int) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--child", mode, "--workers", str(workers), str(corpus)],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path, help="JSONL corpus ({'id','text'} per line)")
    parser.add_argument("--limit", type=int, default=200, help="articles to use (first N)")
    parser.add_argument("--workers", default="1,2", help="worker counts for the scaling run")
    parser.add_argument("--modes", default="bare,records,duckdb", help="modes to run")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.child:
        workers = int(args.workers)
        print(json.dumps(run_mode(args.child, args.corpus, workers)))
        return

    if not args.corpus.exists():
        raise SystemExit(f"corpus not found: {args.corpus}")
    with tempfile.TemporaryDirectory() as tmp:
        subset = Path(tmp) / "subset.jsonl"
        with open(args.corpus, encoding="utf-8") as src, open(subset, "w", encoding="utf-8") as dst:
            for i, line in enumerate(src):
                if i >= args.limit:
                    break
                dst.write(line)
        results = [_subprocess(m, subset, 1) for m in args.modes.split(",") if m]
        for w in [int(x) for x in args.workers.split(",") if x]:
            results.append(_subprocess("workers", subset, w))

    bare = next((r for r in results if r["mode"] == "bare"), None)
    print(f"cores: {os.cpu_count()}  articles: {results[0]['articles']}")
    print(f"{'mode':<10}{'workers':>8}{'art/s':>10}{'tok/s':>12}{'x bare':>9}{'peak MiB':>10}")
    for r in results:
        ratio = r["articles_per_s"] / bare["articles_per_s"] if bare else float("nan")
        r["ratio_to_bare"] = round(ratio, 2)
        print(
            f"{r['mode']:<10}{r['workers']:>8}{r['articles_per_s']:>10}{r['tokens_per_s']:>12}"
            f"{ratio:>9.2f}{r['peak_rss_mib']:>10}"
        )
    scaling = [r for r in results if r["mode"] == "workers"]
    if len(scaling) >= 2:
        print(f"scaling {scaling[-1]['workers']} vs {scaling[0]['workers']} workers: "
              f"{scaling[-1]['articles_per_s'] / scaling[0]['articles_per_s']:.2f}x")
    print(json.dumps({"cores": os.cpu_count(), "results": results}))


if __name__ == "__main__":
    main()
