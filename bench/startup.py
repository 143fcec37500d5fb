"""Start-up: ``flashpoint code`` on one article against loading the bare spaCy model, whole process.

    python bench/startup.py [ARTICLE] [--repeat 5]

Times, as a user runs them and in fresh interpreters, interleaved ``--repeat`` rounds (median):

- ``bare``   ``python -c "import spacy; nlp = spacy.load(MODEL); nlp(text)"`` on the article
- ``code``   ``python -m flashpoint.cli code ARTICLE --format jsonl > /dev/null``
- ``help``   ``python -m flashpoint.cli --help > /dev/null``

each once untimed first (the file cache is warm, and flashpoint's bytecode cache written, for
every round alike: ``PYTHONDONTWRITEBYTECODE`` is dropped, as spaCy's modules are compiled too)

and reports ``code`` minus ``bare`` (the median of each round's difference), wall-clock and CPU
(user + system; steadier than wall-clock on a shared machine): flashpoint's own start-up
(imports, knowledge tables, its components, warm-up) plus its coding of one article. Target (issue 15): within 1.5 s of the bare
model, and ``--help`` under 0.5 s. ARTICLE defaults to the seed article in ``../shared`` (else the
first bundled sample text). A benchmark, not a test: exit status 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "data" / "seed" / "000_afea424f09279a13.txt"
CODE_BUDGET = 1.5  # seconds over the bare model
HELP_BUDGET = 0.5

BARE = (
    "import sys, spacy\n"
    "nlp = spacy.load(sys.argv[1])\n"
    "nlp(open(sys.argv[2], encoding='utf-8').read())\n"
)


def _default_article() -> Path:
    if SEED.exists():
        return SEED
    return sorted((ROOT / "samples" / "text").glob("*.txt"))[0]


def _timed(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall-clock and CPU (user + system) seconds of one run of ``cmd``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    began = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, env=env)
    wall = time.perf_counter() - began
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("article", type=Path, nargs="?", default=None, help="one article (.txt)")
    parser.add_argument("--repeat", type=int, default=5, help="interleaved rounds")
    parser.add_argument("--model", default=None, help="spaCy model package [FLASHPOINT_MODEL]")
    args = parser.parse_args()

    from flashpoint.settings import Settings

    model = args.model or Settings.from_env().model
    article = args.article or _default_article()
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT / "src"), env.get("PYTHONPATH")) if p)
    # As installed packages run: with Python's bytecode cache (spaCy's was written at install;
    # flashpoint's is written by the untimed first run below), not compiled from source each time.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    py = sys.executable
    arms = {
        "bare": [py, "-c", BARE, model, str(article)],
        "code": [py, "-m", "flashpoint.cli", "code", str(article), "--format", "jsonl",
                 *(["--model", args.model] if args.model else [])],
        "help": [py, "-m", "flashpoint.cli", "--help"],
    }
    for cmd in arms.values():  # once untimed (see the module docstring)
        _timed(cmd, env)
    seconds: dict[str, list[float]] = {name: [] for name in arms}
    cpu: dict[str, list[float]] = {name: [] for name in arms}
    for n in range(max(1, args.repeat)):
        order = list(arms) if n % 2 == 0 else list(reversed(arms))
        for name in order:
            wall, used = _timed(arms[name], env)
            seconds[name].append(wall)
            cpu[name].append(used)
    med = {name: statistics.median(values) for name, values in seconds.items()}
    med_cpu = {name: statistics.median(values) for name, values in cpu.items()}
    # Each round's difference, then the median: a busy minute hits both arms of a round alike.
    extra = statistics.median(c - b for c, b in zip(seconds["code"], seconds["bare"], strict=True))
    extra_cpu = statistics.median(c - b for c, b in zip(cpu["code"], cpu["bare"], strict=True))
    print(f"cores: {os.cpu_count()}  article: {article.name}  rounds: {len(seconds['code'])}")
    for name, values in seconds.items():
        print(f"{name:<6}{med[name]:7.2f} s wall {med_cpu[name]:7.2f} s CPU   "
              f"(wall by round {' / '.join(f'{v:.2f}' for v in values)})")
    print(f"flashpoint code minus bare model: {extra:.2f} s wall, {extra_cpu:.2f} s CPU "
          f"(target <= {CODE_BUDGET} s); --help {med['help']:.2f} s (target < {HELP_BUDGET} s)")
    print(json.dumps({"cores": os.cpu_count(), "article": str(article), "median_s": med,
                      "median_cpu_s": med_cpu, "rounds_s": seconds, "rounds_cpu_s": cpu,
                      "code_minus_bare_s": round(extra, 3),
                      "code_minus_bare_cpu_s": round(extra_cpu, 3)}))
    return 0 if extra <= CODE_BUDGET and med["help"] < HELP_BUDGET else 1


if __name__ == "__main__":
    sys.exit(main())
