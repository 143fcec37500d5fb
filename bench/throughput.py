"""Throughput and memory: bare spaCy full parse vs flashpoint end to end, on the same texts.

    python bench/throughput.py ../shared/data/corpora/polnear_train.jsonl [--limit 200] \
        [--workers 1,2] [--repeat 2] [--modes paired,bare,records,records_full,duckdb] [--chunk 20]

Each measurement runs in its own subprocess (so peak RSS is that mode's own) on the same first
``--limit`` articles; model loading is not timed:

- ``bare``          ``nlp.pipe`` of the same spaCy model with every component, no flashpoint
- ``bare_blas``     the same with flashpoint's numpy-BLAS matrix products (:mod:`flashpoint.nlp.fast.blas`):
                    shows how much of flashpoint's lead is the BLAS library and how much the rest
- ``pipeline``      ``Pipeline().code`` on the texts (no ingest): parse + actors + quotes + events
- ``records``       flashpoint end to end (read JSONL, clean, parse, actors, quotes, events) to records
- ``records_full``  the same with ``prefilter=False`` (every sentence through the full model)
- ``duckdb``        the same as ``records``, written to a fresh DuckDB file (``flashpoint ingest``'s job)
- ``workers``       ``records`` with the processes engine at each worker count
- ``paired``        bare spaCy, bare spaCy with flashpoint's BLAS, and flashpoint end to end
                    (``records``) in *one* process, alternating over chunks of ``--chunk``
                    articles (ABC, CBA, ...): a shared machine's drift hits all three alike,
                    so this ratio is the steadiest; it is the headline figure
- ``process``       whole process, as a user runs it: ``flashpoint code ARTICLES.jsonl --format
                    jsonl > out`` (start-up, reading and output included, the command's default
                    engine) against a script doing ``spacy.load`` + ``nlp.pipe`` over the same
                    texts (its start-up included), each a fresh interpreter, alternating order
                    from round to round; the ratio is bare seconds / flashpoint seconds
                    (Python's bytecode cache on, as for installed packages: flashpoint's is
                    written by an untimed run on one article first)

Only ``process`` times start-up; the others load the model untimed. The machine may be shared,
so the modes run interleaved, ``--repeat`` rounds, and each mode's
ratio to bare is taken within its round (the median over rounds is printed): ratios, not
absolute numbers, are what compare. Prints articles/s, tokens/s (whitespace words), the ratio to
bare spaCy and peak RSS (MiB) per mode, and a JSON line. A benchmark, not a test.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import _common  # bench/ is on sys.path when a benchmark script runs


def _peak_rss_mib() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def _texts(corpus: Path) -> list[str]:
    with open(corpus, encoding="utf-8") as fh:
        return [json.loads(line)["text"] for line in fh if line.strip()]


def run_paired(corpus: Path, chunk: int) -> dict:
    """Bare spaCy, bare spaCy on BLAS and flashpoint end to end, alternating chunk by chunk."""
    from flashpoint.api import code_paths
    from flashpoint.nlp.fast.blas import use_blas
    from flashpoint.nlp.model import load_model
    from flashpoint.pipeline import cached_pipeline
    from flashpoint.settings import Settings

    settings = Settings.from_env()
    bare = load_model(settings.model)
    bare_blas = load_model(settings.model)
    use_blas(bare_blas)
    cached_pipeline(settings)  # flashpoint's model and knowledge: loading is not throughput
    lines = [line for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = [json.loads(line)["text"] for line in lines]
    for nlp in (bare, bare_blas):
        list(nlp.pipe(texts[:2]))  # warm-up, as flashpoint's pipeline is warmed up when built
    seconds = {"bare": 0.0, "bare_blas": 0.0, "flashpoint": 0.0}
    with tempfile.TemporaryDirectory() as tmp:
        for n, start in enumerate(range(0, len(texts), chunk)):
            part = Path(tmp) / f"chunk{n}.jsonl"
            part.write_text("\n".join(lines[start:start + chunk]) + "\n", encoding="utf-8")
            some = texts[start:start + chunk]
            arms = {
                "bare": lambda some=some: list(bare.pipe(some, batch_size=settings.batch_size)),
                "bare_blas": lambda some=some: list(bare_blas.pipe(some, batch_size=settings.batch_size)),
                "flashpoint": lambda part=part: list(code_paths([str(part)], settings)),
            }
            order = list(arms) if n % 2 == 0 else list(reversed(arms))
            for name in order:
                began = time.perf_counter()
                arms[name]()
                seconds[name] += time.perf_counter() - began
    n_words = sum(len(t.split()) for t in texts)
    return {
        "mode": "paired",
        "workers": 1,
        "articles": len(texts),
        "events": 0,
        "seconds": round(seconds["flashpoint"], 3),
        "articles_per_s": round(len(texts) / seconds["flashpoint"], 3),
        "tokens_per_s": round(n_words / seconds["flashpoint"], 1),
        "peak_rss_mib": round(_peak_rss_mib(), 1),
        "paired_seconds": {k: round(v, 2) for k, v in seconds.items()},
        "flashpoint_vs_bare": round(seconds["bare"] / seconds["flashpoint"], 3),
        "flashpoint_vs_bare_blas": round(seconds["bare_blas"] / seconds["flashpoint"], 3),
        "bare_blas_vs_bare": round(seconds["bare"] / seconds["bare_blas"], 3),
    }


BARE_SCRIPT = """
import json, sys
import spacy

nlp = spacy.load(sys.argv[1])
with open(sys.argv[2], encoding="utf-8") as fh:
    texts = [json.loads(line)["text"] for line in fh if line.strip()]
for doc in nlp.pipe(texts, batch_size=int(sys.argv[3])):
    pass
"""


def _run_timed(cmd: list[str], stdout, env: dict[str, str]) -> tuple[float, float]:
    """Wall-clock and CPU (user + system, children included) seconds of one command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    began = time.perf_counter()
    out = subprocess.run(cmd, stdout=stdout, stderr=subprocess.PIPE, text=True, env=env)
    wall = time.perf_counter() - began
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if out.returncode != 0:
        print(out.stderr[-2000:], file=sys.stderr)
        raise SystemExit(f"{cmd[:4]} failed with exit code {out.returncode}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def run_process(corpus: Path, round_no: int, out_dir: Path) -> dict:
    """``flashpoint code`` and the bare spaCy script, each a whole process, on the same texts."""
    from flashpoint.settings import Settings

    settings = Settings.from_env()
    texts = _texts(corpus)
    arms = {
        "bare": [sys.executable, "-c", BARE_SCRIPT, settings.model, str(corpus), str(settings.batch_size)],
        "flashpoint": [sys.executable, "-m", "flashpoint.cli", "code", str(corpus), "--format", "jsonl"],
    }
    env = dict(os.environ)
    # As installed packages run: with Python's bytecode cache (spaCy's was written at install),
    # flashpoint's written by an untimed first run on one article.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if round_no == 0:
        one = _common.subset(corpus, 1, out_dir / "one.jsonl")
        _run_timed([*arms["flashpoint"][:-3], str(one), "--format", "jsonl"], subprocess.DEVNULL, env)
    wall: dict[str, float] = {}
    cpu: dict[str, float] = {}
    order = list(arms) if round_no % 2 == 0 else list(reversed(arms))
    for name in order:
        with open(out_dir / f"{name}.out", "w", encoding="utf-8") as out:
            wall[name], cpu[name] = _run_timed(arms[name], out, env)
    n_events = 0
    with open(out_dir / "flashpoint.out", encoding="utf-8") as fh:
        for line in fh:
            n_events += len(json.loads(line).get("events") or [])
    n_words = sum(len(t.split()) for t in texts)
    return {
        "mode": "process",
        "workers": settings.workers if settings.engine != "local" else 1,
        "engine": settings.engine,
        "articles": len(texts),
        "events": n_events,
        "seconds": round(wall["flashpoint"], 3),
        "articles_per_s": round(len(texts) / wall["flashpoint"], 3),
        "tokens_per_s": round(n_words / wall["flashpoint"], 1),
        "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1),
        "process_seconds": {k: round(v, 2) for k, v in wall.items()},
        "process_cpu_seconds": {k: round(v, 2) for k, v in cpu.items()},
        "flashpoint_vs_bare": round(wall["bare"] / wall["flashpoint"], 3),
        "flashpoint_vs_bare_cpu": round(cpu["bare"] / cpu["flashpoint"], 3),
    }


def run_mode(mode: str, corpus: Path, workers: int) -> dict:
    """Run one measurement in this process and return its figures."""
    from flashpoint.settings import Settings

    settings = Settings.from_env()
    if mode == "records_full":
        settings = settings.replace(prefilter=False)
    texts = _texts(corpus)
    n_words = sum(len(t.split()) for t in texts)  # one token measure for every mode
    n_events = 0
    if mode in ("bare", "bare_blas"):
        from flashpoint.nlp.model import load_model

        nlp = load_model(settings.model)
        if mode == "bare_blas":
            from flashpoint.nlp.fast.blas import use_blas

            use_blas(nlp)
        start = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=settings.batch_size):
            pass
        elapsed = time.perf_counter() - start
    elif mode == "pipeline":
        from flashpoint.pipeline import Pipeline
        from flashpoint.records import Article

        pipe = Pipeline(settings)
        articles = [Article(id=str(i), text=t) for i, t in enumerate(texts)]
        start = time.perf_counter()
        n_events = sum(len(r.events) for r in pipe.code(articles))
        elapsed = time.perf_counter() - start
    elif mode in ("records", "records_full", "workers"):
        from flashpoint.api import code_paths
        from flashpoint.pipeline import cached_pipeline

        if mode == "workers":
            settings = settings.replace(engine="processes", workers=workers)
        else:
            from flashpoint.pipeline import Pipeline

            Pipeline(settings, cached_pipeline(settings))  # model load is not throughput
        start = time.perf_counter()
        for record in code_paths([str(corpus)], settings):
            n_events += len(getattr(record, "events", []))
        elapsed = time.perf_counter() - start
    elif mode == "duckdb":
        from flashpoint.job import run_ingest
        from flashpoint.pipeline import Pipeline, cached_pipeline

        Pipeline(settings, cached_pipeline(settings))
        with tempfile.TemporaryDirectory() as tmp:
            start = time.perf_counter()
            report = run_ingest([str(corpus)], Path(tmp) / "bench.duckdb", settings)
            elapsed = time.perf_counter() - start
        assert report.balanced
    else:
        raise SystemExit(f"unknown mode {mode}")
    return {
        "mode": mode,
        "workers": workers,
        "articles": len(texts),
        "events": n_events,
        "seconds": round(elapsed, 3),
        "articles_per_s": round(len(texts) / elapsed, 3),
        "tokens_per_s": round(n_words / elapsed, 1),
        "peak_rss_mib": round(_peak_rss_mib(), 1),
    }


def _child(mode: str, corpus: Path, workers: int, chunk: int = 20) -> dict:
    label = f"{mode} (workers={workers})"
    return _common.run_child(
        __file__, [mode, "--workers", str(workers), "--chunk", str(chunk), str(corpus)], label
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path, help="JSONL corpus ({'id','text'} per line)")
    parser.add_argument("--limit", type=int, default=200, help="articles to use (first N)")
    parser.add_argument("--workers", default="1,2", help="worker counts for the scaling run ('' for none)")
    parser.add_argument("--modes", default="paired,bare,records,records_full,duckdb", help="modes to run")
    parser.add_argument("--repeat", type=int, default=1, help="interleaved rounds of all modes")
    parser.add_argument("--chunk", type=int, default=20, help="articles per alternation (paired mode)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.child:
        if args.child == "paired":
            print(json.dumps(run_paired(args.corpus, args.chunk)))
        else:
            print(json.dumps(run_mode(args.child, args.corpus, int(args.workers))))
        return

    if not args.corpus.exists():
        raise SystemExit(f"corpus not found: {args.corpus}")
    modes = [m for m in args.modes.split(",") if m]
    counts = [int(x) for x in args.workers.split(",") if x]
    rounds: list[list[dict]] = []
    with tempfile.TemporaryDirectory() as tmp:
        subset = _common.subset(args.corpus, args.limit, Path(tmp) / "subset.jsonl")
        for round_no in range(max(1, args.repeat)):
            results = [run_process(subset, round_no, Path(tmp)) if m == "process"
                       else _child(m, subset, 1, args.chunk) for m in modes]
            results += [_child("workers", subset, w) for w in counts]
            bare = next((r for r in results if r["mode"] == "bare"), None)
            for r in results:
                if r["mode"] == "process":  # its own bare run, start-up included
                    r["ratio_to_bare"] = r["flashpoint_vs_bare"]
                else:
                    r["ratio_to_bare"] = round(r["articles_per_s"] / bare["articles_per_s"], 3) if bare else None
            rounds.append(results)

    print(f"cores: {os.cpu_count()}  articles: {rounds[0][0]['articles']}  rounds: {len(rounds)}")
    print(f"{'mode':<14}{'workers':>8}{'art/s':>10}{'tok/s':>10}{'x bare':>9}{'peak MiB':>10}")
    summary = []
    for i, first in enumerate(rounds[0]):
        same = [rnd[i] for rnd in rounds]
        row = dict(first)
        for key in ("articles_per_s", "tokens_per_s", "peak_rss_mib", "seconds"):
            row[key] = round(statistics.median(r[key] for r in same), 3)
        ratios = [r["ratio_to_bare"] for r in same if r["ratio_to_bare"] is not None]
        row["ratio_to_bare"] = round(statistics.median(ratios), 3) if ratios else None
        row["ratios"] = ratios
        summary.append(row)
        ratio = f"{row['ratio_to_bare']:.2f}" if row["ratio_to_bare"] is not None else "n/a"
        print(f"{row['mode']:<14}{row['workers']:>8}{row['articles_per_s']:>10.2f}"
              f"{row['tokens_per_s']:>10.0f}{ratio:>9}{row['peak_rss_mib']:>10}")
    for row in summary:
        if row["mode"] == "paired":
            same = [rnd[i] for rnd in rounds for i, r in enumerate(rnd) if r["mode"] == "paired"]
            for key in ("flashpoint_vs_bare", "flashpoint_vs_bare_blas", "bare_blas_vs_bare"):
                row[key] = round(statistics.median(r[key] for r in same), 3)
            print(f"paired, one process, alternating chunks: flashpoint end to end "
                  f"{row['flashpoint_vs_bare']:.2f}x bare spaCy; {row['flashpoint_vs_bare_blas']:.2f}x "
                  f"bare spaCy on the same BLAS (which alone gives {row['bare_blas_vs_bare']:.2f}x)")
        if row["mode"] == "process":
            same = [r for rnd in rounds for r in rnd if r["mode"] == "process"]
            for key in ("flashpoint_vs_bare", "flashpoint_vs_bare_cpu"):
                row[key] = round(statistics.median(r[key] for r in same), 3)
            walls = " / ".join(f"{r['process_seconds']['flashpoint']:.1f} vs {r['process_seconds']['bare']:.1f} s"
                               for r in same)
            print(f"whole process, start-up and output included ({row['engine']} engine, "
                  f"{os.cpu_count()} cores): flashpoint code {row['flashpoint_vs_bare']:.2f}x the bare "
                  f"spaCy script (rounds {', '.join(f'{r:.2f}' for r in row['ratios'])}: {walls}); "
                  f"CPU time {row['flashpoint_vs_bare_cpu']:.2f}x")
    scaling = [r for r in summary if r["mode"] == "workers"]
    if len(scaling) >= 2:
        print(f"scaling {scaling[-1]['workers']} vs {scaling[0]['workers']} workers: "
              f"{scaling[-1]['articles_per_s'] / scaling[0]['articles_per_s']:.2f}x")
    print(json.dumps({"cores": os.cpu_count(), "results": summary, "rounds": rounds}))


if __name__ == "__main__":
    main()
