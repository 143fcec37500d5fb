"""Peak memory as the corpus grows: flashpoint end to end on N vs 4N articles.

    python bench/memory.py ../shared/data/corpora/polnear_train.jsonl [--sizes 200,800] \
        [--engines local,processes] [--workers 2]

Each run is its own subprocess that streams the first N articles through ``code_paths`` (records
are counted, not kept, as a real run writing to a store would) and reports peak RSS: the
process itself for the ``local`` engine; for ``processes`` the parent and the largest worker
(each worker loads the model once). Memory per worker should stay under 1.5 GiB and flat: the
N and 4N figures should be about the same. Peak memory follows the longest batch, so real
articles 201-800 (longer on average than 1-200 in PolNeAR) raise it; ``--cycle`` repeats the
first N articles to make 4N, which isolates growth with corpus *length*. A benchmark, not a test.
"""

from __future__ import annotations

import argparse
import json
import resource
import tempfile
import time
from pathlib import Path

import _common  # bench/ is on sys.path when a benchmark script runs

GIB = 1024.0


def run_child(corpus: Path, engine: str, workers: int) -> dict:
    """Code every article of ``corpus`` with the engine; return peak RSS figures (MiB)."""
    from flashpoint.api import code_paths
    from flashpoint.settings import Settings

    settings = Settings.from_env().replace(engine=engine, workers=workers)
    start = time.perf_counter()
    n = events = 0
    for record in code_paths([str(corpus)], settings):
        n += 1
        events += len(getattr(record, "events", []))
    elapsed = time.perf_counter() - start
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {
        "engine": engine,
        "workers": workers if engine != "local" else 1,
        "articles": n,
        "events": events,
        "seconds": round(elapsed, 1),
        "peak_rss_mib": round(own, 1),
        "worker_peak_rss_mib": round(children if engine != "local" else own, 1),
    }


def _cycled(corpus: Path, base: int, size: int, dest: Path) -> Path:
    """``size`` articles: the first ``base`` of ``corpus`` over and over, each copy a new id."""
    with open(corpus, encoding="utf-8") as fh:
        rows = [json.loads(line) for _, line in zip(range(base), fh, strict=False)]
    with open(dest, "w", encoding="utf-8") as out:
        for i in range(size):
            row = dict(rows[i % len(rows)])
            row["id"] = f"{row.get('id', 'a')}-copy{i // len(rows)}"
            out.write(json.dumps(row) + "\n")
    return dest


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path, help="JSONL corpus ({'id','text'} per line)")
    parser.add_argument("--sizes", default="200,800", help="article counts to compare")
    parser.add_argument("--engines", default="local,processes", help="engines to measure")
    parser.add_argument("--workers", type=int, default=2, help="workers for the processes engine")
    parser.add_argument("--cycle", action="store_true",
                        help="build every size from the first (smallest) size's articles repeated, "
                             "so the sizes differ in length only, not in what the articles hold")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.child:
        print(json.dumps(run_child(args.corpus, args.child, args.workers)))
        return
    if not args.corpus.exists():
        raise SystemExit(f"corpus not found: {args.corpus}")
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        sizes = [int(s) for s in args.sizes.split(",") if s]
        for size in sizes:
            subset = _common.subset(args.corpus, size, Path(tmp) / f"subset_{size}.jsonl")
            if args.cycle:
                subset = _cycled(args.corpus, min(sizes), size, Path(tmp) / f"cycled_{size}.jsonl")
            for engine in [e for e in args.engines.split(",") if e]:
                results.append(_common.run_child(
                    __file__, [engine, "--workers", str(args.workers), str(subset)], engine
                ))
    print(f"{'engine':<11}{'workers':>8}{'articles':>10}{'seconds':>9}{'peak MiB':>10}{'worker MiB':>12}")
    for r in results:
        print(f"{r['engine']:<11}{r['workers']:>8}{r['articles']:>10}{r['seconds']:>9}"
              f"{r['peak_rss_mib']:>10}{r['worker_peak_rss_mib']:>12}")
    for engine in {r["engine"] for r in results}:
        rows = sorted((r for r in results if r["engine"] == engine), key=lambda r: r["articles"])
        if len(rows) >= 2:
            growth = rows[-1]["worker_peak_rss_mib"] / rows[0]["worker_peak_rss_mib"]
            ok = rows[-1]["worker_peak_rss_mib"] <= 1.5 * GIB
            print(f"{engine}: worker peak x{growth:.2f} from {rows[0]['articles']} to "
                  f"{rows[-1]['articles']} articles; under 1.5 GiB: {ok}")
    print(json.dumps({"results": results}))


if __name__ == "__main__":
    main()
