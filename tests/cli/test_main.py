"""The command line: help texts, the JSON contract of `code`, ingest accounting, clear errors."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from flashpoint.cli import app

runner = CliRunner()

ARTICLE = """Ministers meet as border talks resume

KABUL, May 4 (AFP) - Afghanistan's foreign minister met his Pakistani counterpart in Kabul on
Sunday and the two governments agreed to reopen the Torkham crossing, officials said.

Share this article

Pakistan's army accused militants of attacking a border post last week, killing 3 soldiers.
"""


def test_help_lists_every_command():
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in ("ingest", "code", "eval", "stats", "dyad", "query", "export"):
        assert command in result.output


def test_code_prints_the_json_contract(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(app, ["code", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert set(record) == {"article", "actors", "events", "quotes", "quantities"}
    article = record["article"]
    assert article["title"] == "Ministers meet as border talks resume"
    assert article["dateline"] == "KABUL"
    assert article["agency"] == "AFP"
    assert "Share this article" not in article["text"]
    for event in record["events"]:
        start, end = event["span"]
        assert 0 <= start < end <= len(article["text"])
        assert isinstance(event["code"], str) and event["code"].startswith(event["root"])


def test_code_jsonl_gives_one_object_per_article(tmp_path):
    lines = [
        {"id": "a1", "text": "Russia and Ukraine exchanged prisoners on Friday, officials in Kyiv said."},
        {"id": "a2", "text": "Police in Nairobi arrested twelve protesters outside parliament on Tuesday."},
    ]
    path = tmp_path / "wire.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["code", str(path), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    ids = [json.loads(line)["article"]["id"] for line in result.stdout.splitlines() if line.strip()]
    assert ids == ["a1", "a2"]


def test_ingest_writes_a_balanced_report(tmp_path):
    good = tmp_path / "in" / "story.txt"
    good.parent.mkdir()
    good.write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "in" / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "in" / "junk.bin").write_bytes(bytes(range(256)) * 20)
    report = tmp_path / "report.json"
    result = runner.invoke(
        app, ["ingest", str(tmp_path / "in"), "--db", str(tmp_path / "x.duckdb"), "--report", str(report)]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(report.read_text())
    assert data["inputs"] == 3
    assert data["ingested"] + data["duplicates"] + len(data["rejected"]) == data["inputs"]
    assert {r["path"].rsplit("/", 1)[-1] for r in data["rejected"]} == {"empty.txt", "junk.bin"}


def test_missing_input_is_reported_not_a_traceback(tmp_path):
    result = runner.invoke(app, ["code", str(tmp_path / "nope.txt")])
    assert "Traceback" not in result.output
    assert result.exit_code == 2  # every path missing: an error, not an empty run


def test_unknown_format_is_a_clear_error(tmp_path):
    path = tmp_path / "s.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(app, ["code", str(path), "--format", "xml"])
    assert result.exit_code == 2
    assert "unknown format" in " ".join(result.output.split())


def test_eval_rejects_unknown_gold_format(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"foo": 1}\n', encoding="utf-8")
    result = runner.invoke(app, ["eval", str(gold)])
    assert result.exit_code == 2
    assert "unknown gold format" in " ".join(result.output.split())


MARKUP = "[/] [bold red]not markup[/bold red] [link=file:///etc/passwd]x[/link] [/"


def test_user_text_and_paths_holding_rich_markup_are_printed_as_they_are(tmp_path):
    # Issue 16 item 7: "[/]" in a path or an article made ingest, code -f table and query crash.
    folder = tmp_path / "in[" / "]x"
    folder.mkdir(parents=True)
    story = folder / "story.txt"  # its path holds "in[/]x"
    story.write_text(ARTICLE.replace("Share this article", f"Officials said {MARKUP} today."),
                     encoding="utf-8")
    (folder / "empty[b].txt").write_text("", encoding="utf-8")
    (tmp_path / "m[").mkdir()
    db = tmp_path / "m[" / "].duckdb"
    result = runner.invoke(app, ["ingest", str(tmp_path / "in["), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "in[/]x/empty[b].txt: empty file" in result.output.replace("\n", "")
    table = runner.invoke(app, ["code", str(story), "--format", "table"])
    assert table.exit_code == 0, table.output
    assert "Ministers meet as border talks resume" in table.output
    query = runner.invoke(app, ["query", "--db", str(db),
                                "SELECT '[/] [red]x[/red]' AS \"[/]\", count(*) AS n FROM articles"])
    assert query.exit_code == 0, query.output
    assert "[/] [red]x[/red]" in query.output
    text = runner.invoke(app, ["query", "--db", str(db), "SELECT text FROM articles"])
    assert text.exit_code == 0, text.output
    assert "[bold red]not markup[/bold red]" in "".join(text.output.split("\n"))
    missing = runner.invoke(app, ["stats", "--db", str(tmp_path / "in[" / "]pe.duckdb")])
    assert missing.exit_code == 2 and "Traceback" not in missing.output


def test_loose_values_are_refused_before_anything_is_written(tmp_path):
    # Issue 16 item 12.
    story = tmp_path / "s.txt"
    story.write_text(ARTICLE, encoding="utf-8")
    db = tmp_path / "x.duckdb"
    for flags, message in ((["--batch-size", "0"], "batch_size must be at least 1"),
                           (["--max-bytes", "-1"], "max_bytes must be at least 1"),
                           (["--workers", "0"], "workers must be at least 1"),
                           (["--engine", "bogus"], "unknown engine 'bogus'")):
        result = runner.invoke(app, ["ingest", str(story), "--db", str(db), *flags])
        assert result.exit_code == 2, (flags, result.output)
        assert message in " ".join(result.output.split())
        assert not db.exists(), f"{flags} created the database before failing"
    missing = runner.invoke(app, ["ingest", str(tmp_path / "nope.txt"), str(tmp_path / "no"),
                                  "--db", str(db)])
    assert missing.exit_code == 2 and "no such file or directory" in missing.output
    assert not db.exists()
    assert runner.invoke(app, ["code", str(tmp_path / "nope.txt")]).exit_code == 2
    # One path missing among good ones: a rejected input, the run goes on.
    some = runner.invoke(app, ["ingest", str(story), str(tmp_path / "nope.txt"), "--db", str(db)])
    assert some.exit_code == 0, some.output
    assert "nope.txt: cannot open" in " ".join(some.output.split())


def test_json_fields_of_the_wrong_type_are_named_in_the_rejection(tmp_path):
    from flashpoint.readers import ingest

    text = "Police in Nairobi arrested twelve protesters outside parliament on Tuesday."
    lines = [{"id": "t", "title": 42, "text": text}, {"id": ["list"], "text": text},
             {"id": 7, "text": text}, {"id": "u", "url": {"a": 1}, "text": text},
             {"id": "d", "date": [2020], "text": text}, {"id": True, "text": text}]
    path = tmp_path / "w.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    got = {o.path if hasattr(o, "reason") else o.source: o.reason if hasattr(o, "reason") else o.id
           for o in ingest([str(path)])}
    assert got == {
        f"{path}#1": 'malformed JSONL line 1: "title" is not a string (int)',
        f"{path}#2": 'malformed JSONL line 2: "id" is not a string or an integer (list)',
        f"{path}#3": "7",
        f"{path}#4": 'malformed JSONL line 4: "url" is not a string (dict)',
        f"{path}#5": 'malformed JSONL line 5: "date" is not a date (list)',
        f"{path}#6": 'malformed JSONL line 6: "id" is not a string or an integer (bool)',
    }


def test_min_confidence_leaves_out_weaker_events(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    every = json.loads(runner.invoke(app, ["code", str(path)]).stdout)["events"]
    assert every
    cut = max(e["confidence"] for e in every)
    kept = json.loads(runner.invoke(app, ["code", str(path), "--min-confidence", str(cut)]).stdout)["events"]
    assert [e["id"] for e in kept] == [e["id"] for e in every if e["confidence"] >= cut]
    bad = runner.invoke(app, ["code", str(path), "--min-confidence", "2"])
    assert bad.exit_code == 2 and "min_confidence" in bad.output
