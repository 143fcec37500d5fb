"""A hostile-input corpus, generated here: every input must be accounted for with a specific reason."""

from __future__ import annotations

import gzip
import os
import random
from collections import Counter

from tests.readers.pages import gz, jsonl, news_page, write_warc

from flashpoint.readers import ingest
from flashpoint.readers.dedup import Deduplicator
from flashpoint.records import Article, Duplicate, Rejection
from flashpoint.settings import Settings

STORIES = [
    "Police in the capital fired tear gas at thousands of protesters who marched on parliament on "
    "Tuesday to demand the resignation of the prime minister over rising fuel prices, witnesses said.",
    "The foreign ministers of both countries signed an agreement on Monday to reopen their shared "
    "border crossing, which has been closed for two years, and to resume direct flights next month.",
    "Lawmakers voted by a large majority to extend the state of emergency in the eastern provinces "
    "for another ninety days, despite objections from human rights groups and opposition parties.",
    "A court sentenced a former defence minister to twelve years in prison for corruption on Wednesday, "
    "ruling that he had accepted bribes from arms suppliers while in office between 2015 and 2019.",
    "The navy said it had intercepted a vessel carrying weapons bound for rebel groups in the south "
    "and arrested its crew of fourteen, the first such seizure in the gulf this year.",
    "Talks between the government and striking doctors collapsed late on Friday, leaving public "
    "hospitals across the country short of staff for a third consecutive week, union leaders said.",
    "The central bank raised its main interest rate by half a point on Thursday, its fourth increase "
    "this year, as it tried to rein in inflation that has climbed to its highest level in decades.",
    "Election officials began counting ballots on Sunday after a presidential vote marred by low "
    "turnout and scattered violence in the north, where two polling stations were set on fire.",
]
FRENCH = (
    "Le gouvernement a annoncé mardi une série de mesures pour soutenir les agriculteurs touchés par "
    "la sécheresse, dont une aide d'urgence de deux cents millions d'euros et un report des impôts."
)


def build_corpus(root, rng: random.Random) -> dict[str, str]:
    """Write the corpus under ``root``; returns the expected outcome per input source.

    Values: ``"article"``, ``"duplicate"``, or the exact rejection reason.
    """
    expect: dict[str, str] = {}

    def put(name: str, data: bytes | str, outcome: str) -> str:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode() if isinstance(data, str) else data)
        expect[str(path)] = outcome
        return str(path)

    put("junk.bin", bytes(rng.randrange(256) for _ in range(4096)), "binary file (not text)")
    put("junk.txt", b"\x00\x01\x02PK\x03\x04" + bytes(rng.randrange(256) for _ in range(2048)), "binary file (not text)")
    put("empty.txt", b"", "empty file")
    put("blank.html", b"   \n\n  ", "empty file")
    put("latin1.txt", ("Café talks\n\n" + STORIES[0].replace("protesters", "protesters (\u00e9tudiants)")).encode("latin-1"), "article")
    put("cp1252.txt", ("\u201cWe will not back down,\u201d " + STORIES[1]).encode("cp1252"), "article")
    put("truncated.txt.gz", gz(STORIES[2] * 50)[:-30], "truncated gzip stream")
    put("oversize.txt", ("x" * 80 + "\n") * 400, "over size limit: 32400 bytes > 20000")
    put("french.txt", FRENCH, "unsupported language: fr")
    put("short.txt", "Breaking news\n\nMore soon.", "no article text after cleaning (10 chars < 40)")
    put("nested/story.txt", STORIES[3], "article")
    put("nested/deeper/exact-copy.txt", "  " + STORIES[3].upper() + "\n", "duplicate")
    put("nested/deeper/republished.txt", "Court jails ex-minister\n\n" + STORIES[3] + "\n\nSubscribe to our newsletter\n\nShare this article", "duplicate")
    wire = STORIES[4] + "\n\nThe weapons included rockets, rifles and ammunition hidden under sacks of rice, officials said, and the ship had sailed from a port across the gulf."
    near = wire + " The coast guard said the crew would be questioned."
    put("wire.txt", wire, "article")
    put("zz-near.txt", near, "duplicate")

    # JSONL with malformed lines among good ones.
    lines = jsonl(
        [
            {"id": "j1", "text": STORIES[5]},
            "{not json",
            '{"id": "j3"}',
            "[1, 2, 3]",
            {"id": "j5", "text": STORIES[6]},
            '{"id": "j6", "text": "unterminated',
        ]
    )
    dump = put("dump.jsonl", lines, "")
    del expect[dump]
    expect[f"{dump}#1"] = "article"
    expect[f"{dump}#2"] = "malformed JSONL line 2: Expecting property name enclosed in double quotes"
    expect[f"{dump}#3"] = 'malformed JSONL line 3: no "text" string'
    expect[f"{dump}#4"] = "malformed JSONL line 4: not a JSON object"
    expect[f"{dump}#5"] = "article"
    expect[f"{dump}#6"] = "malformed JSONL line 6: Unterminated string starting at"

    # A gzipped JSONL cut short: a complete gzip member of two lines, then a member cut in half.
    head = gzip.compress(jsonl([{"id": "t1", "text": STORIES[7]}, {"id": "t2", "text": STORIES[0] + " " + STORIES[7]}]).encode())
    tail = gzip.compress(jsonl([{"id": "t3", "text": " ".join(STORIES) * 20}]).encode())
    cut = put("cut.jsonl.gz", head + tail[: len(tail) // 2], "")
    del expect[cut]
    expect[f"{cut}#1"] = "article"
    expect[f"{cut}#2"] = "article"
    expect[f"{cut}#truncated"] = "truncated gzip stream"

    # WARCs: a good one, one whose gzip is cut inside the last record, an uncompressed one cut short.
    pages = [
        (f"https://example.org/{i}", news_page(f"Story {i}", [STORIES[i], STORIES[i + 1]], lead_prefix=""))
        for i in (0, 2, 5)
    ]
    good = root / "crawl" / "a-good.warc.gz"
    good.parent.mkdir()
    data = write_warc(good, pages)
    for url, _ in pages:
        expect[f"{good}#{url}"] = "article"
    bad = root / "crawl" / "cut.warc.gz"
    bad.write_bytes(data[: len(data) - 200])
    bad_plain = root / "crawl" / "cut.warc"
    plain = write_warc(bad_plain, pages, compress=False)
    bad_plain.write_bytes(plain[: len(plain) - 300])
    for path, reason in ((bad, "truncated gzip stream"), (bad_plain, "truncated WARC record")):
        # The same pages as good.warc.gz: the complete records are duplicates of it.
        expect[f"{path}#{pages[0][0]}"] = "duplicate"
        expect[f"{path}#{pages[1][0]}"] = "duplicate"
        expect[f"{path}#{pages[2][0]}"] = reason
    return expect


def test_every_hostile_input_is_accounted_for(tmp_path):
    expect = build_corpus(tmp_path, random.Random(7))
    missing = str(tmp_path / "does-not-exist.txt")
    expect[missing] = "cannot open: No such file or directory"
    settings = Settings(max_bytes=20_000)

    results = list(ingest([str(tmp_path), missing], settings, dedup=Deduplicator(settings)))

    articles = [r for r in results if isinstance(r, Article)]
    duplicates = [r for r in results if isinstance(r, Duplicate)]
    rejected = [r for r in results if isinstance(r, Rejection)]
    assert len(articles) + len(duplicates) + len(rejected) == len(results) == len(expect)

    got: dict[str, str] = {}
    for r in results:
        key = r.source if isinstance(r, Article) else r.path
        assert key not in got, f"two outcomes for {key}"
        got[key] = "article" if isinstance(r, Article) else "duplicate" if isinstance(r, Duplicate) else r.reason
    assert set(got) == set(expect)
    for key, outcome in expect.items():
        assert got[key].startswith(outcome), (key, got[key], outcome)

    counts = Counter(v if v in ("article", "duplicate") else "rejected" for v in got.values())
    assert counts == Counter(article=11, duplicate=7, rejected=len(expect) - 18)


def test_encodings_are_decoded_not_mangled(tmp_path):
    build_corpus(tmp_path, random.Random(1))
    by_name = {os.path.basename(a.source): a for a in ingest([str(tmp_path)]) if isinstance(a, Article)}
    assert by_name["latin1.txt"].title == "Café talks"
    assert "(étudiants)" in by_name["latin1.txt"].text
    assert by_name["cp1252.txt"].text.startswith("\u201cWe will not back down,\u201d")


def test_duplicates_name_the_article_they_copy(tmp_path):
    build_corpus(tmp_path, random.Random(2))
    results = list(ingest([str(tmp_path)], dedup=Deduplicator()))
    ids = {os.path.relpath(r.source, tmp_path): r.id for r in results if isinstance(r, Article)}
    dups = {os.path.relpath(r.path, tmp_path): r for r in results if isinstance(r, Duplicate)}
    assert dups["nested/deeper/exact-copy.txt"].duplicate_of == ids["nested/story.txt"]
    assert dups["nested/deeper/exact-copy.txt"].kind == "exact"
    assert dups["nested/deeper/republished.txt"].kind == "exact"  # boilerplate and headline are cleaned off
    assert dups["zz-near.txt"].duplicate_of == ids["wire.txt"] and dups["zz-near.txt"].kind == "near"


def test_rerun_with_seeded_store_sees_only_duplicates(tmp_path):
    (tmp_path / "a.txt").write_text(STORIES[0])
    (tmp_path / "b.jsonl").write_text(jsonl([{"id": "b1", "text": STORIES[1]}]))
    first = [r for r in ingest([str(tmp_path)], dedup=Deduplicator()) if isinstance(r, Article)]
    dedup = Deduplicator()
    dedup.seed((a.id, a.text) for a in first)
    again = list(ingest([str(tmp_path)], dedup=dedup))
    assert all(isinstance(r, Duplicate) for r in again) and len(again) == 2
    assert {r.duplicate_of for r in again} == {a.id for a in first}


def add_issue16_cases(root) -> dict[str, str]:
    """The inputs that broke runs or accounting (issue 16); expected outcome per input."""
    import json

    expect: dict[str, str] = {}
    edge = root / "edge.jsonl"
    records = [
        {"id": "y", "date": "0001-01-01", "text": "Iran accused Iraq of attacking its border posts "
                                                  "last week, the ministry said on Monday."},
        {"id": "z", "date": "9999-12-31", "text": "Iraq said it would close the border next "
                                                  "week, officials said on Monday."},
        {"id": "s", "text": "Iran attacked Iraq on Monday \udc9a near Basra, the minister said."},
        {"id": "same", "text": "Rebels seized two towns in the north on Friday after days of "
                               "fighting with government troops, residents said."},
        {"id": "same", "text": "The president pardoned forty political prisoners on Saturday "
                               "ahead of talks with the opposition, his office said."},
        {"id": "t", "title": 42, "text": STORIES[7]},
        {"id": ["list"], "text": STORIES[7]},
        {"id": "salad", "text": " ".join(random.Random(4).choice(" ".join(STORIES).split())
                                         for _ in range(3000))},
        {"id": "long", "text": "Police arrested protesters on Monday. " * 500},
    ]
    edge.write_text("".join(json.dumps(r) + "\n" for r in records))
    for n, outcome in enumerate(["article", "article", "article", "article",
                                 "duplicate id with different text", 'malformed JSONL line 6: "title"',
                                 'malformed JSONL line 7: "id"', "not prose", "article"], start=1):
        expect[f"{edge}#{n}"] = outcome
    os.mkfifo(root / "pipe.txt")
    expect[str(root / "pipe.txt")] = "skipped: not a regular file (named pipe)"
    marked = root / "in[" / "]x"
    marked.mkdir(parents=True)
    (marked / "story.txt").write_text(STORIES[2] + " [/] [bold]x[/bold]")
    expect[str(marked / "story.txt")] = "article"
    bomb = root / "bomb.txt.gz"
    bomb.write_bytes(gzip.compress(b"a" * (64 << 20)))
    expect[str(bomb)] = "over size limit: more than 20000 bytes"
    return expect


def test_one_ingest_over_every_hostile_input_exits_0_and_accounts_for_all(tmp_path):
    import json

    import duckdb
    from typer.testing import CliRunner

    from flashpoint.cli import app

    corpus = tmp_path / "c"
    expect = build_corpus(corpus, random.Random(7))
    expect.update(add_issue16_cases(corpus))
    db, report = tmp_path / "h.duckdb", tmp_path / "r.json"
    result = CliRunner().invoke(app, ["ingest", str(corpus), "--db", str(db), "--report",
                                      str(report), "--max-bytes", "20000"],
                                 env={"FLASHPOINT_MAX_CHARS": "5000"})
    assert result.exit_code == 0, result.output
    data = json.loads(report.read_text())
    outcomes = {r["path"]: r["reason"] for r in data["rejected"]}
    outcomes.update({d["path"]: "duplicate" for d in data["duplicate_of"]})
    conn = duckdb.connect(str(db), read_only=True)
    stored = dict(conn.execute("SELECT source, id FROM articles").fetchall())
    logged = conn.execute("SELECT count(*), count(DISTINCT path) FROM ingest_log").fetchone()
    conn.close()
    outcomes.update({source: "article" for source in stored})
    assert data["inputs"] == len(expect) == logged[0] == logged[1]
    assert data["ingested"] + data["duplicates"] + len(data["rejected"]) == data["inputs"]
    for source, outcome in expect.items():
        assert outcomes[source].startswith(outcome), (source, outcomes[source], outcome)
    assert [t["path"] for t in data["truncated"]] == [f"{corpus / 'edge.jsonl'}#9"]
