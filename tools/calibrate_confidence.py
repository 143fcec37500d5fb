#!/usr/bin/env python3
"""Measure the confidence factors of flashpoint's events and write events/data/confidence.yaml.

For each bucket (source kind, target kind; see flashpoint.events.confidence) it counts
the actual events flashpoint produces on the development sets in ../shared/data/gold/ and how many
of them are right: on articles_dev and cameo_gsr_dev by each set's definition (README, Quality);
on glocon_dev a protest (14) is right in a protest document and wrong elsewhere. (case2021_dev is
left out: only its fitting events can be judged, which would make every bucket look right.)
factor = (right + 1) / (events + 2) / overall precision. Re-run after changing rules:

    .venv/bin/python tools/calibrate_confidence.py [--shared ../shared/data] [--dry-run]

The factors are measured with calibration switched off (every factor 1), so a re-run does not
feed on its own output.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

from flashpoint.events import confidence  # noqa: E402

ALIAS = {"SUN": "RUS", "URS": "RUS"}


def _country(code: str | None) -> str:
    c = (code or "")[:3] or "-"
    return ALIAS.get(c, c)


def _actual(e) -> bool:
    return not e.negated and e.modality == "actual"


def _code(rows: list[dict], headline: bool):
    from flashpoint.evaluate.coding import code_rows
    from flashpoint.pipeline import Pipeline

    coded = code_rows(rows, Pipeline(), headline=headline)
    return {str(r["id"]): c for r, c in zip(rows, coded, strict=True) if c is not None}


def measure(shared: Path) -> tuple[dict[str, dict[str, list[int]]], list[int]]:
    """Right/total counts per bucket and overall, over both development sets."""
    counts: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    overall = [0, 0]

    def add(event, right: bool) -> None:
        for axis, key in (("source", confidence.source_kind(event.source)),
                          ("target", confidence.target_kind(event.target))):
            counts[axis][key][0] += right
            counts[axis][key][1] += 1
        overall[0] += right
        overall[1] += 1

    rows = [json.loads(line) for line in open(shared / "gold" / "articles_dev.jsonl", encoding="utf-8")]
    coded = _code(rows, headline=True)
    for row in rows:
        gold = {(e["code"][:2], _country(e.get("source")), _country(e.get("target"))) for e in row["events"]}
        for e in coded[row["id"]].events if row["id"] in coded else []:
            if _actual(e):
                add(e, (e.root[:2], _country((e.source or {}).get("code")),
                        _country((e.target or {}).get("code"))) in gold)
    rows = [json.loads(line) for line in open(shared / "gold" / "cameo_gsr_dev.jsonl", encoding="utf-8")]
    coded = _code(rows, headline=False)
    for row in rows:
        for e in coded[row["id"]].events if row["id"] in coded else []:
            if not _actual(e):
                continue
            sc, tc = _country((e.source or {}).get("code")), _country((e.target or {}).get("code"))
            add(e, any(e.root[:2] in g["roots"]
                       and (not g["source"] or sc in {_country(x) for x in g["source"]})
                       and (not g["target"] or tc in {_country(x) for x in g["target"]})
                       for g in row["events"]))
    rows = [json.loads(line) for line in open(shared / "gold" / "glocon_dev.jsonl", encoding="utf-8")]
    coded = _code(rows, headline=True)
    for row in rows:
        for e in coded[str(row["id"])].events if str(row["id"]) in coded else []:
            if _actual(e) and e.root[:2] == "14":
                add(e, str(row["label"]) in ("1", "2"))
    return counts, overall


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=HERE.parent.parent / "shared" / "data")
    parser.add_argument("--dry-run", action="store_true", help="print the factors, write nothing")
    args = parser.parse_args(argv)
    if not (args.shared / "gold" / "articles_dev.jsonl").exists():
        parser.error(f"no development sets under {args.shared}")
    confidence.factors.cache_clear()
    saved = confidence.DATA_PATH.read_text(encoding="utf-8") if confidence.DATA_PATH.exists() else None
    confidence.factors = lambda: {}  # measure uncalibrated
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
    elif saved is not None:
        confidence.DATA_PATH.write_text(saved, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
