"""Regenerate ``src/flashpoint/ontology/data/cameo.tsv`` from the published CAMEO/PLOVER tables.

Run once when the reference copies change (the package never reads them at run time)::

    .venv/bin/python tools/build_ontology.py [--shared ../shared/data/ontology]

Inputs: ``CAMEO.eventcodes.txt`` (codes and names), ``CAMEO.goldsteinscale.txt`` (Goldstein
weights), ``CAMEO2PLOVER-2021.txt`` (CAMEO -> PLOVER) and flashpoint's own
``ontology/data/plover_supplement.yaml`` (PLOVER types for CAMEO 01/02, which the 2021 table
leaves out). Output columns: code, name, root, goldstein, quad_class, plover, plover_source.
"""

from __future__ import annotations

import argparse
import csv
import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "flashpoint" / "ontology" / "data"
DEFAULT_SHARED = ROOT.parent / "shared" / "data" / "ontology"

# QuadClass by root, as defined by the CAMEO/GDELT documentation.
QUAD_CLASS_BOUNDS = ((4, 1), (8, 2), (13, 3), (20, 4))

PLOVER_LINE = re.compile(r"^(\d{2,4}):\s*([A-Z]+)")
# A code written inside a name ("...engagement106:[-5.0] Demand withdrawal"): two lines run together.
EMBEDDED_CODE = re.compile(r"\d{2,4}:")


def quad_class(root: str) -> int:
    n = int(root)
    for upper, quad in QUAD_CLASS_BOUNDS:
        if n <= upper:
            return quad
    raise ValueError(f"not a CAMEO root: {root}")


def read_table(path: Path) -> list[list[str]]:
    rows = [line.rstrip("\n").split("\t") for line in path.read_text(encoding="utf-8").splitlines()]
    return [r for r in rows[1:] if r and r[0].strip()]


def read_plover(path: Path) -> dict[str, str]:
    """First PLOVER type given for each code (root 08 is listed twice: CONCEDE, then RETREAT)."""
    mapping: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = PLOVER_LINE.match(line.strip())
        if m:
            mapping.setdefault(m.group(1), m.group(2))
    return mapping


def goldstein_weight(weights: dict[str, str], code: str) -> str:
    """The code's Goldstein weight, else its nearest listed ancestor's (the published table
    leaves out 106 "Demand withdrawal"; the CAMEO manual gives it its root's -5.0)."""
    for key in (code, code[:3], code[:2]):
        if key in weights:
            if key != code:
                print(f"CAMEO {code}: no Goldstein weight listed, using {key}'s {weights[key]}")
            return weights[key]
    raise SystemExit(f"no Goldstein weight for CAMEO {code} or its parents")


def display_name(code: str, name: str) -> str:
    name = " ".join(name.split())
    # Root names are upper case in the reference; sentence case reads like the other codes.
    return name.capitalize() if len(code) == 2 else name


def build(shared: Path) -> list[dict[str, str]]:
    names = read_table(shared / "CAMEO.eventcodes.txt")
    goldstein = {
        r[0].strip(): r[1].strip() for r in read_table(shared / "CAMEO.goldsteinscale.txt")
    }
    published = read_plover(shared / "CAMEO2PLOVER-2021.txt")
    supplement = yaml.safe_load((DATA / "plover_supplement.yaml").read_text())["mappings"]
    rows = []
    for code, name in ((r[0].strip(), r[1]) for r in names):
        root = code[:2]
        if EMBEDDED_CODE.search(name):
            raise SystemExit(f"CAMEO {code}: name runs into another code: {name!r}")
        # Most specific mapping first: the code, its 3-digit parent, then its root.
        plover, source = None, None
        for key, how in ((code, "cameo2plover-2021"), (code[:3], "parent"), (root, "root")):
            if key in published:
                plover, source = published[key], how
                break
        if plover is None:
            for key in (code, code[:3], root):
                if key in supplement:
                    plover, source = supplement[key], "flashpoint"
                    break
        if plover is None:
            raise SystemExit(f"no PLOVER type for CAMEO {code}")
        rows.append(
            {
                "code": code,
                "name": display_name(code, name),
                "root": root,
                "goldstein": goldstein_weight(goldstein, code),
                "quad_class": str(quad_class(root)),
                "plover": plover,
                "plover_source": source,
            }
        )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--out", type=Path, default=DATA / "cameo.tsv")
    args = parser.parse_args()
    rows = build(args.shared)
    with args.out.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]), delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {len(rows)} CAMEO codes to {args.out}")


if __name__ == "__main__":
    main()
