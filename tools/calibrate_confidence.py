#!/usr/bin/env python3
"""Measure the confidence factors of flashpoint's events and write events/data/confidence.yaml.

For each bucket (source kind, target kind; see flashpoint.events.confidence) it counts
the actual events flashpoint produces on the development sets in ../shared/data/gold/ and how many
of them are right: on articles_dev and cameo_gsr_dev by each set's definition (README, Quality);
on glocon_dev a protest (14) is right in a protest document and wrong elsewhere. (case2021_dev is
left out: only its fitting events can be judged, which would make every bucket look right.)
factor = (right + 1) / (events + 2) / overall precision. Re-run after changing rules:

    .venv/bin/python tools/calibrate_confidence.py [--shared ../shared/data] [--dry-run]

Which events are produced, and so the counts, does not depend on the confidence values (events
are only filtered by the min_confidence setting, 0 here): a re-run does not feed on its output.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

from flashpoint.evaluate.articles import gold_triples, predicted_triple  # noqa: E402
from flashpoint.evaluate.coding import actual_events, code_rows, event_root, read_rows  # noqa: E402
from flashpoint.evaluate.gsr import event_fits  # noqa: E402
from flashpoint.events import confidence  # noqa: E402
from flashpoint.pipeline import Pipeline  # noqa: E402


def measure(shared: Path) -> tuple[dict[str, dict[str, list[int]]], list[int]]:
    """Right/total counts per bucket and overall, over the development sets, each event judged
    by its set's own scorer (flashpoint.evaluate)."""
    counts: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    overall = [0, 0]
    pipeline = Pipeline()

    def add(event, right: bool) -> None:
        for axis, key in (("source", confidence.source_kind(event.source)),
                          ("target", confidence.target_kind(event.target))):
            counts[axis][key][0] += right
            counts[axis][key][1] += 1
        overall[0] += right
        overall[1] += 1

    def coded(name: str, headline: bool):
        rows = read_rows(shared / "gold" / name, name)
        return zip(rows, code_rows(rows, pipeline, headline=headline), strict=True)

    for row, doc in coded("articles_dev.jsonl", headline=True):
        gold = set(gold_triples(row))
        for e in actual_events(doc):
            add(e, predicted_triple(e) in gold)
    for row, doc in coded("cameo_gsr_dev.jsonl", headline=False):
        for e in actual_events(doc):
            add(e, any(event_fits(e, g) for g in row["events"]))
    for row, doc in coded("glocon_dev.jsonl", headline=True):
        for e in actual_events(doc):
            if event_root(e) == "14":
                add(e, str(row["label"]) in ("1", "2"))
    return counts, overall


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=HERE.parent.parent / "shared" / "data")
    parser.add_argument("--dry-run", action="store_true", help="print the factors, write nothing")
    args = parser.parse_args(argv)
    if not (args.shared / "gold" / "articles_dev.jsonl").exists():
        parser.error(f"no development sets under {args.shared}")
    counts, overall = measure(args.shared)
    base = overall[0] / overall[1]
    lines = [
        "# Confidence factors per bucket, written by tools/calibrate_confidence.py (do not edit by hand).",
        "# factor = (right + 1) / (events + 2) / overall precision, over the actual events flashpoint",
        f"# produces on the development sets (articles, gsr, glocon): {overall[1]} events judged, "
        f"{overall[0]} right (overall precision {base:.3f}).",
        "# Buckets: see flashpoint.events.confidence (source_kind, target_kind).",
    ]
    for axis in ("source", "target"):
        lines.append(f"{axis}:")
        for key, (right, n) in sorted(counts[axis].items()):
            lines.append(f"  {key}: {round((right + 1) / (n + 2) / base, 3)}  # {right}/{n}")
    text = "\n".join(lines) + "\n"
    print(text)
    if not args.dry_run:
        confidence.DATA_PATH.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
