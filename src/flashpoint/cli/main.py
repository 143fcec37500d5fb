"""The ``flashpoint`` command line: the app, and the commands that read news (``ingest``,
``code``, ``eval``); the database commands are in :mod:`.db`, ``serve`` in :mod:`.serve`. Each
command is a thin wrapper over a library function; nothing heavy (spaCy, pandas, DuckDB) is
imported before a command runs, so ``flashpoint --help`` starts fast."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from ..errors import FlashpointError
from ..settings import Settings
from . import db, serve
from .common import console, err_console, leave_memory_to_the_os
from .common import fail as _fail

app = typer.Typer(
    name="flashpoint",
    help=(
        "Political event data from raw news: who did what to whom, when, where, how much, "
        "and who said so. Reads txt, HTML, WARC, RSS/Atom and JSONL (optionally .gz); "
        "works offline."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

PathsArg = Annotated[
    list[str],
    typer.Argument(
        help="Files or directories (walked recursively); '-' reads standard input.",
        show_default=False,
    ),
]
ModelOpt = Annotated[
    str | None,
    typer.Option("--model", help="Installed spaCy model package to use [env FLASHPOINT_MODEL]."),
]
ActorsOpt = Annotated[
    list[str] | None,
    typer.Option("--actors", help="Extra actor knowledge file (YAML/JSON); repeatable."),
]
DictOpt = Annotated[
    list[str] | None,
    typer.Option("--dictionary", help="PETRARCH/Phoenix .actors/.agents dictionary; repeatable."),
]


MinConfOpt = Annotated[
    float | None,
    typer.Option("--min-confidence", help="Leave out events below this calibrated confidence "
                 "(0-1; 0 keeps all; higher trades recall for precision, see the README)."),
]


def _settings(
    model: str | None = None,
    actors: list[str] | None = None,
    dictionary: list[str] | None = None,
    **changes,
) -> Settings:
    """The one bridge from CLI flags to Settings (flags override env, env overrides defaults).

    Invalid values (``--batch-size 0``, ``--engine bogus``) end the command with exit code 2
    before anything is read or written.
    """
    try:
        return Settings.from_env().replace(
            model=model,
            actors_files=tuple(actors) if actors else None,
            dictionaries=tuple(dictionary) if dictionary else None,
            **changes,
        )
    except FlashpointError as exc:
        _fail(exc)
        raise  # unreachable: _fail exits


def _check_paths(paths: list[str]) -> None:
    """Exit with code 2 when not one of ``paths`` exists (a typo, not a run with no inputs);
    when some exist, the missing ones are rejected inputs like any other."""
    missing = [p for p in paths if p != "-" and not os.path.lexists(p)]
    if missing and len(missing) == len(paths):
        _fail(FlashpointError(f"no such file or directory: {', '.join(missing)}"))


@app.command()
def ingest(
    paths: PathsArg,
    db: Annotated[Path, typer.Option("--db", help="DuckDB file to write (created if missing).")] = Path(
        "flashpoint.duckdb"
    ),
    report: Annotated[
        Path | None,
        typer.Option("--report", help="Write the accounting report (JSON) here."),
    ] = None,
    engine: Annotated[
        str | None, typer.Option("--engine", help="local | processes | ray [default: local].")
    ] = None,
    workers: Annotated[
        int | None, typer.Option("--workers", help="Worker processes for processes/ray engines.")
    ] = None,
    ray_address: Annotated[
        str | None, typer.Option("--ray-address", help="Ray cluster address (ray engine).")
    ] = None,
    batch_size: Annotated[
        int | None, typer.Option("--batch-size", help="Articles per batch and per transaction.")
    ] = None,
    max_bytes: Annotated[
        int | None, typer.Option("--max-bytes", help="Reject inputs larger than this many bytes.")
    ] = None,
    min_confidence: MinConfOpt = None,
    model: ModelOpt = None,
    actors: ActorsOpt = None,
    dictionary: DictOpt = None,
) -> None:
    """Read news inputs, code them, and store articles, actors, events and quotes in DuckDB.

    Every input is accounted for: ingested, duplicate (of which article), or rejected (why).
    Re-running on the same inputs changes nothing; a killed run resumes where it stopped.
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from ..job import IngestReport, run_ingest

    _check_paths(paths)
    settings = _settings(
        model,
        actors,
        dictionary,
        engine=engine,
        workers=workers,
        ray_address=ray_address,
        batch_size=batch_size,
        max_bytes=max_bytes,
        min_confidence=min_confidence,
    )
    try:
        with Progress(
            TextColumn("[bold]ingest"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[status]}"),
            TimeElapsedColumn(),
            console=err_console,
            transient=False,
        ) as bar:
            task = bar.add_task("ingest", total=None, status="")
            live = IngestReport()

            def tick(outcome) -> None:
                live.count(outcome)
                bar.update(task, advance=1, status=live.summary())

            result = run_ingest(paths, db, settings, progress=tick)
    except FlashpointError as exc:
        _fail(exc)
        return
    if report:
        result.write(report)
    stored = f"[blue]{result.already_stored} already stored[/], " if result.already_stored else ""
    console.print(
        f"[bold]{result.inputs}[/] inputs: [green]{result.ingested} ingested[/], "
        f"[yellow]{result.duplicates} duplicates[/], {stored}"
        f"[red]{len(result.rejected)} rejected[/]; {result.events} events → {escape(str(db))}"
    )
    for note in result.truncated[:20]:
        console.print(f"  [yellow]truncated[/] {escape(note['path'])}: {escape(note['note'])}")
    # Paths and reasons are user data: escaped, so "[/]" in a file name prints as it is.
    for rejection in result.rejected[:20]:
        console.print(f"  [red]rejected[/] {escape(rejection['path'])}: {escape(rejection['reason'])}")
    if len(result.rejected) > 20:
        console.print(f"  … and {len(result.rejected) - 20} more (see --report)")


@app.command()
def code(
    paths: PathsArg,
    format: Annotated[
        str, typer.Option("--format", "-f", help="json | jsonl | table")
    ] = "json",
    min_confidence: MinConfOpt = None,
    model: ModelOpt = None,
    actors: ActorsOpt = None,
    dictionary: DictOpt = None,
) -> None:
    """Code articles and print the JSON contract (article, actors, events, quotes, quantities).

    `json` prints one object for one article and a list for several; `jsonl` one object a line;
    `table` a readable terminal rendering. Rejected inputs are reported on stderr.
    """
    from ..api import code_paths
    from ..records import Rejection
    from ..render import render_coded

    if format not in {"json", "jsonl", "table"}:
        _fail(FlashpointError(f"unknown format '{format}': choose json, jsonl or table"))
    _check_paths(paths)
    settings = _settings(model, actors, dictionary, min_confidence=min_confidence)
    leave_memory_to_the_os()
    records = []
    try:
        for outcome in code_paths(paths, settings):
            if isinstance(outcome, Rejection):
                err_console.print(f"[red]rejected[/] {escape(outcome.path)}: {escape(outcome.reason)}")
                continue
            if format == "jsonl":
                sys.stdout.write(json.dumps(outcome.to_dict(), ensure_ascii=False) + "\n")
            elif format == "table":
                render_coded(outcome, console)
            else:
                records.append(outcome.to_dict())
    except FlashpointError as exc:
        _fail(exc)
    if format == "json":
        payload = records[0] if len(records) == 1 else records
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")


@app.command("eval")
def evaluate(
    gold: Annotated[
        Path,
        typer.Argument(
            help="Gold JSONL file: PLOVER events, quotes, whole articles, CAMEO GSR sentences, "
            "CASE snippets or GLOCON documents (the kind is detected)."
        ),
    ],
    output: Annotated[
        Path | None, typer.Option("--json", help="Also write the scores as JSON here.")
    ] = None,
    limit: Annotated[int | None, typer.Option("--limit", help="Score only the first N rows.")] = None,
    model: ModelOpt = None,
) -> None:
    """Score flashpoint against gold data and print precision/recall/F1 (overall and per type)."""
    from ..evaluate.runner import evaluate_file, render_scores

    leave_memory_to_the_os()
    try:
        scores = evaluate_file(gold, _settings(model), limit=limit)
    except FlashpointError as exc:
        _fail(exc)
        return
    render_scores(scores, console)
    if output:
        output.write_text(json.dumps(scores, indent=2) + "\n")


db.register(app)
serve.register(app)


def main() -> None:  # pragma: no cover - console entry point
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
