"""One bad article never sinks a run (issue 16, item 2): it is rejected with a specific reason
and the articles around it are coded and stored; over-long text is truncated by a stated rule."""

from __future__ import annotations

import json

import spacy
from spacy.language import Language
from typer.testing import CliRunner

from flashpoint.cli import app
from flashpoint.errors import InputError
from flashpoint.events.time import resolve_expression
from flashpoint.guards import TruncatedArticle, scrub, truncate
from flashpoint.job import run_ingest
from flashpoint.pipeline import Pipeline
from flashpoint.records import Article, CodedArticle, Rejection
from flashpoint.settings import Settings

GOOD = ("Iran condemned the U.S. air strikes on Kataib Hezbollah on Sunday, the foreign ministry "
        "said in a statement.")
RECORDS = [
    {"id": "good1", "text": GOOD},
    {"id": "y", "date": "0001-01-01",
     "text": "Iran accused Iraq of attacking its border posts last week, the ministry said on Monday."},
    {"id": "z", "date": "9999-12-31",
     "text": "Iraq said it would close the border next week, the ministry said on Monday."},
    {"id": "d", "text": "WASHINGTON, Jan 1, 0001 (Reuters) - Syria accused Turkey of shelling "
                        "its villages last week, officials said on Monday."},
    {"id": "s", "text": "Iran attacked Iraq on Monday \udc9a near Basra, the minister said."},
    {"id": "h", "text": "Police arrested protesters on Monday. " * 3000},
    {"id": "good2", "text": "Egypt hosted talks between Israeli and Palestinian negotiators in "
                            "Cairo on Tuesday, officials said."},
]


def write_jsonl(path, records) -> str:
    # json.dumps keeps "\udc9a" as an escape, exactly as a scraper's dump would hold it.
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return str(path)


def test_calendar_edges_do_not_overflow():
    assert resolve_expression("last week", "0001-01-01") == (None, None)
    assert resolve_expression("next week", "9999-12-31") == (None, None)
    assert resolve_expression("last month", "0001-01-15") == (None, None)
    assert resolve_expression("on Sunday", "0001-01-01") == (None, None)  # 0001-01-01 is a Monday
    assert resolve_expression("last week", "2020-01-08")[0] == "2019-12-30"  # normal dates resolve


def test_surrogates_become_replacement_characters():
    text = "Iran attacked Iraq \udc9a near Basra."
    assert scrub(text) == "Iran attacked Iraq \ufffd near Basra."
    assert len(scrub(text)) == len(text)


def test_truncation_cuts_at_a_boundary_before_the_limit():
    text = "First paragraph is here.\n\n" + "A sentence. " * 20 + "\n\nLast paragraph."
    assert truncate(text, 1000) == text
    cut = truncate(text, 150)
    assert len(cut) <= 150 and text.startswith(cut) and cut.endswith(".")
    sentences = "One sentence here. " * 50
    assert truncate(sentences, 100).endswith("here.")
    assert len(truncate("x" * 500, 100)) == 100  # no boundary at all: cut at the limit


def test_ingest_goes_on_past_every_bad_article(tmp_path):
    db = tmp_path / "i.duckdb"
    settings = Settings(max_chars=20_000)
    report = run_ingest([write_jsonl(tmp_path / "in.jsonl", RECORDS)], db, settings)
    assert report.balanced and report.inputs == len(RECORDS)
    assert report.rejected == [], report.rejected
    assert report.ingested == len(RECORDS)
    assert report.truncated == [{"path": f"{tmp_path / 'in.jsonl'}#6",
                                 "note": report.truncated[0]["note"]}]
    assert report.truncated[0]["note"].startswith("text truncated to ")
    import duckdb

    conn = duckdb.connect(str(db), read_only=True)
    ids = {r[0] for r in conn.execute("SELECT id FROM articles").fetchall()}
    assert ids == {r["id"] for r in RECORDS}
    stored = conn.execute("SELECT text FROM articles WHERE id = 's'").fetchone()[0]
    assert "\ufffd" in stored
    long_len = conn.execute("SELECT length(text) FROM articles WHERE id = 'h'").fetchone()[0]
    assert 10_000 <= long_len <= 20_000
    reason = conn.execute("SELECT reason FROM ingest_log WHERE article_id = 'h'").fetchone()[0]
    assert reason.startswith("text truncated to")
    # The good article after the bad ones was coded as usual.
    assert conn.execute("SELECT count(*) FROM events WHERE article_id = 'good2'").fetchone()[0] > 0
    conn.close()


@Language.component("explode_on_boom")
def _explode_on_boom(doc):
    if "BOOM" in doc.text:
        raise RuntimeError("a component failed on this text")
    return doc


def test_a_failing_article_is_rejected_and_its_batch_goes_on():
    nlp = spacy.blank("en")
    nlp.add_pipe("explode_on_boom")
    pipe = Pipeline(Settings(prefilter=False, batch_size=4), nlp=nlp)
    articles = [Article(id=f"a{i}", text=f"Article {i} text.", source=f"in#{i}") for i in range(6)]
    articles[2].text = "This one goes BOOM."
    records = list(pipe.code_or_reject(articles))
    assert [type(r).__name__ for r in records] == ["CodedArticle"] * 2 + ["Rejection"] + [
        "CodedArticle"] * 3
    assert records[2] == Rejection("in#2", "coding failed: RuntimeError: a component failed on this text")
    assert [r.article.id for r in records if isinstance(r, CodedArticle)] == [
        "a0", "a1", "a3", "a4", "a5"]
    try:
        list(pipe.code(articles))
    except InputError as exc:
        assert "coding failed" in str(exc)
    else:
        raise AssertionError("Pipeline.code raises a clear InputError for a failed article")


def test_text_over_the_model_limit_is_rejected_not_crashing(pipeline):
    pipe = Pipeline(Settings(), nlp=pipeline.nlp)
    huge = Article(id="h", text="Police arrested protesters on Monday. " * 30_000, source="h#1")
    small = Article(id="g", text=GOOD, source="g#1")
    first, second = pipe.code_or_reject([huge, small])
    assert isinstance(first, Rejection) and first.reason.startswith("text too long to parse")
    assert isinstance(second, CodedArticle) and second.events


def test_code_text_survives_the_crash_inputs():
    import flashpoint

    for kwargs in ({"date": "0001-01-01"}, {"date": "9999-12-31"}):
        record = flashpoint.code_text(RECORDS[1]["text"].replace("last", "next"), **kwargs)
        assert record.article.published == kwargs["date"]
    record = flashpoint.code_text(RECORDS[4]["text"])
    assert "\ufffd" in record.article.text
    long = flashpoint.code_text(RECORDS[5]["text"], settings=Settings(max_chars=5_000))
    assert isinstance(long.article, TruncatedArticle) and len(long.article.text) <= 5_000


def test_code_and_ingest_commands_exit_0_on_the_crash_inputs(tmp_path):
    runner = CliRunner()
    path = write_jsonl(tmp_path / "in.jsonl", RECORDS[:5])
    result = runner.invoke(app, ["code", path, "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    assert len(result.stdout.splitlines()) == 5
    db = tmp_path / "c.duckdb"
    result = runner.invoke(app, ["ingest", path, "--db", str(db), "--report",
                                 str(tmp_path / "r.json")])
    assert result.exit_code == 0, result.output
    report = json.loads((tmp_path / "r.json").read_text())
    assert report["inputs"] == 5 and report["ingested"] == 5
