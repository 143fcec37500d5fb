"""Each reader on small real files: HTML, WARC, RSS, Atom, JSONL, text, gzip variants, stdin."""

from __future__ import annotations

import io
import os
import sys

import pytest
from tests.readers.pages import (
    PARAGRAPHS,
    atom_feed,
    gz,
    jsonl,
    news_page,
    rss_feed,
    story,
    write_warc,
)

from flashpoint.readers import count_inputs, ingest
from flashpoint.readers.dedup import Deduplicator
from flashpoint.readers.feed import html_to_text
from flashpoint.readers.html import extract_html
from flashpoint.readers.inputs import sniff_kind, walk
from flashpoint.records import Article, Duplicate, Rejection
from flashpoint.settings import Settings


def outcomes(*paths, dedup=None):
    return list(ingest([str(p) for p in paths], dedup=dedup))


def test_html_page(tmp_path):
    page = tmp_path / "ceasefire.html"
    page.write_text(news_page())
    (article,) = outcomes(page)
    assert isinstance(article, Article), article
    assert article.input_kind == "html"
    assert article.title == "Mali army and rebels agree ceasefire"
    assert article.byline == "Jane Doe"
    assert article.published == "2024-05-25" and article.date_source == "metadata"
    assert (article.dateline, article.agency) == ("BAMAKO", "Reuters")
    assert article.text.startswith("Government forces and rebels agreed")
    assert "Related stories" not in article.text and "Football" not in article.text
    assert "Copyright" not in article.text
    assert article.text.count("\n\n") == len(PARAGRAPHS) - 1


def test_html_date_falls_back_to_htmldate():
    html = news_page(published=None).replace(
        "<h1>", '<time datetime="2023-11-02">2 November 2023</time><h1>'
    )
    doc = extract_html(html)
    assert doc is not None and doc.date == "2023-11-02"


def test_page_without_article_text_is_rejected(tmp_path):
    page = tmp_path / "empty.html"
    page.write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    (rejection,) = outcomes(page)
    assert isinstance(rejection, Rejection)
    assert rejection.reason in {"no article text found in HTML"} or rejection.reason.startswith("no article text")


def test_warc_records_are_inputs(tmp_path):
    warc = tmp_path / "crawl.warc.gz"
    other = [p.replace("Kidal", "Gao").replace("Saturday", "Sunday") for p in PARAGRAPHS[:2]] + [
        "Separately, the president dissolved parliament and called elections for next March, "
        "a move the opposition denounced as an attempt to cling to power."
    ]
    write_warc(
        warc,
        [("https://example.org/1", news_page()), ("https://example.org/2", news_page("Elections called", other))],
    )
    results = outcomes(warc)
    assert [type(r) for r in results] == [Article, Article]
    assert results[0].source == f"{warc}#https://example.org/1"
    assert results[0].url == "https://example.org/1"
    assert {r.input_kind for r in results} == {"warc"}
    assert results[1].title == "Elections called"


def test_uncompressed_warc_is_sniffed_without_extension(tmp_path):
    warc = tmp_path / "crawl.bin"
    write_warc(warc, [("https://example.org/1", news_page())], compress=False)
    assert sniff_kind(warc.read_bytes()[:100]) == "warc"
    (article,) = outcomes(warc)
    assert isinstance(article, Article) and article.input_kind == "warc"


def _items():
    return [
        {
            "title": "Ceasefire agreed in Mali",
            "link": "https://example.org/mali",
            "date": "Sat, 25 May 2024 09:30:00 GMT",
            "summary": "<p>Short summary only.</p>",
            "content": "".join(f"<p>{p}</p>" for p in PARAGRAPHS),
        },
        {
            "title": "Parliament dissolved",
            "link": "https://example.org/parliament",
            "date": "Sun, 26 May 2024 08:00:00 GMT",
            "summary": "<p>The president dissolved parliament on Sunday and called early elections, "
            "a move the opposition said was an attempt to stay in power beyond his term.</p>",
        },
    ]


def test_rss_items_use_content_else_summary(tmp_path):
    feed = tmp_path / "world.rss"
    feed.write_text(rss_feed(_items()))
    first, second = outcomes(feed)
    assert first.input_kind == "feed" and first.title == "Ceasefire agreed in Mali"
    assert first.text.startswith("Government forces") and "Short summary" not in first.text
    assert "<p>" not in first.text and first.text.count("\n\n") == len(PARAGRAPHS) - 1
    assert (first.published, first.date_source) == ("2024-05-25", "metadata")
    assert first.source == f"{feed}#https://example.org/mali"
    assert second.text.startswith("The president dissolved parliament")
    assert second.published == "2024-05-26"


def test_atom_feed_sniffed_from_xml(tmp_path):
    feed = tmp_path / "wire"  # no extension: the content says it is a feed
    items = _items()
    for item in items:
        item["date"] = "2024-05-25T09:30:00Z"
    feed.write_text(atom_feed(items))
    # The first item has only a one-line summary in Atom: too little text to be an article.
    short, article = outcomes(feed)
    assert isinstance(short, Rejection) and short.reason.startswith("no article text after cleaning")
    assert short.path == f"{feed}#https://example.org/mali"
    assert article.input_kind == "feed" and article.title == "Parliament dissolved"


def test_jsonl_ids_and_metadata(tmp_path):
    dump = tmp_path / "dump.jsonl"
    dump.write_text(
        jsonl(
            [
                {"id": "mali-1", "text": story(), "title": "Ceasefire", "url": "https://x.org/1", "date": "2024-05-25"},
                "",
                {"id": 7, "text": "BAGHDAD — " + PARAGRAPHS[2] + " " + PARAGRAPHS[3]},
            ]
        )
    )
    first, second = outcomes(dump)
    assert (first.id, first.title, first.url, first.published) == ("mali-1", "Ceasefire", "https://x.org/1", "2024-05-25")
    assert first.source == f"{dump}#1"
    assert second.id == "7" and second.dateline == "BAGHDAD" and second.source == f"{dump}#3"


def test_text_article_id_is_made_from_text(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Ceasefire agreed\n\n" + story())
    (article,) = outcomes(path)
    assert article.id == Article.make_id(article.text)
    assert article.title == "Ceasefire agreed"


def test_gzip_variants_read_like_plain(tmp_path):
    (tmp_path / "a.txt.gz").write_bytes(gz(story()))
    (tmp_path / "b.html.gz").write_bytes(gz(news_page()))
    (tmp_path / "c.jsonl.gz").write_bytes(gz(jsonl([{"id": "c1", "text": story()}])))
    (tmp_path / "d.rss.gz").write_bytes(gz(rss_feed(_items()[:1])))
    (tmp_path / "e.gz").write_bytes(gz(news_page()))  # kind sniffed inside the gzip
    results = outcomes(tmp_path)
    assert [r.input_kind for r in results] == ["txt", "html", "jsonl", "feed", "html"]
    assert all(isinstance(r, Article) for r in results)


def test_directory_walk_is_recursive_sorted_and_counted(tmp_path):
    for name in ["b/z.txt", "b/a.txt", "a.txt", "c/d/e.txt"]:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(story())
    assert [p[len(str(tmp_path)) + 1 :] for p in walk([str(tmp_path)])] == ["a.txt", "b/a.txt", "b/z.txt", "c/d/e.txt"]
    (tmp_path / "x.jsonl").write_text(jsonl([{"id": "1", "text": "a"}, "", {"id": "2", "text": "b"}]))
    assert count_inputs([str(tmp_path)]) == 6
    (tmp_path / "f.rss").write_text(rss_feed(_items()))
    assert count_inputs([str(tmp_path)]) is None


def test_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(jsonl([{"id": "s1", "text": story()}]).encode())))
    (article,) = list(ingest(["-"]))
    assert article.id == "s1" and article.source == "<stdin>#1" and article.input_kind == "jsonl"


def test_duplicates_across_formats(tmp_path):
    (tmp_path / "1.txt").write_text(story())
    (tmp_path / "2.jsonl").write_text(jsonl([{"id": "again", "text": story() + "\n\nSubscribe to our newsletter"}]))
    first, second = outcomes(tmp_path, dedup=Deduplicator())
    assert isinstance(first, Article)
    assert isinstance(second, Duplicate) and second.duplicate_of == first.id and second.kind == "exact"


def test_html_to_text_keeps_blocks_apart():
    assert html_to_text("<p>One.</p><p>Two <b>bold</b>.</p><script>x()</script>").split() == ["One.", "Two", "bold."]
    assert "\n" in html_to_text("<p>One.</p><p>Two.</p>").strip()


def test_jsonl_oversize_line_is_one_rejection(tmp_path):
    dump = tmp_path / "big.jsonl"
    dump.write_text(jsonl([{"id": "big", "text": "word " * 3000}, {"id": "ok", "text": story()}]))
    big, ok = ingest([str(dump)], Settings(max_bytes=5000))
    assert isinstance(big, Rejection) and big.path == f"{dump}#1"
    assert big.reason == f"over size limit: {len(jsonl([{'id': 'big', 'text': 'word ' * 3000}]).splitlines()[0]) + 1} bytes > 5000"
    assert isinstance(ok, Article) and ok.id == "ok"


def test_warc_non_article_responses_are_rejected_with_reason(tmp_path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "mixed.warc.gz"
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for url, status, ctype, body in [
            ("https://example.org/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n\x00\x00"),
            ("https://example.org/gone", "404 Not Found", "text/html", b"<html><body>Not found</body></html>"),
            ("https://example.org/story", "200 OK", "text/html", news_page().encode()),
        ]:
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers))
    png, gone, story_ = ingest([str(path)])
    assert png.reason == "unsupported WARC content type: image/png"
    assert gone.reason == "HTTP status 404"
    assert isinstance(story_, Article) and story_.url == "https://example.org/story"


def test_not_a_feed_is_one_rejection(tmp_path):
    path = tmp_path / "sitemap.xml"
    path.write_text('<?xml version="1.0"?><urlset><url><loc>https://example.org/</loc></url></urlset>')
    (rejection,) = ingest([str(path)])
    assert rejection.path == str(path)
    assert rejection.reason.startswith(("malformed feed", "feed has no items"))


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any directory")
def test_unreadable_directory_is_rejected(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "a.txt").write_text(story())
    locked.chmod(0)
    try:
        (rejection,) = ingest([str(tmp_path)])
    finally:
        locked.chmod(0o755)
    assert rejection.reason == "cannot read directory: Permission denied"


def test_json_documents_object_and_array(tmp_path):
    import json

    single = tmp_path / "one.json"
    single.write_text(json.dumps({"id": "solo", "text": story(), "title": "Ceasefire"}, indent=2))
    many = tmp_path / "export"  # no extension: a pretty-printed array is sniffed as JSON
    many.write_text(json.dumps([{"id": "a1", "text": PARAGRAPHS[0]}, {"title": "no text"}, {"id": "a3", "text": PARAGRAPHS[3]}], indent=1))
    broken = tmp_path / "z.json"
    broken.write_text('{"id": "x", "text": ')
    a1, no_text, a3, solo, bad = ingest([str(many), str(single), str(broken)])
    assert (a1.id, a1.input_kind, a1.source) == ("a1", "json", f"{many}#1")
    assert no_text.reason == 'malformed JSON item 2: no "text" string'
    assert a3.id == "a3" and a3.source == f"{many}#3"
    assert (solo.id, solo.title, solo.source) == ("solo", "Ceasefire", str(single))
    assert bad.path == str(broken) and bad.reason.startswith("malformed JSON: Expecting value")


def test_documentation_and_hidden_files_in_a_walk_are_skipped_with_reason(tmp_path):
    (tmp_path / "README.md").write_text("# My corpus\n\nThese are the files I collected for the project.")
    (tmp_path / ".notes.txt").write_text(story())
    (tmp_path / "story.txt").write_text(story())
    hidden, readme, article = ingest([str(tmp_path)])
    assert hidden.reason == "skipped: hidden file (.notes.txt)"
    assert readme.reason == "skipped: documentation file, not an article (README.md)"
    assert isinstance(article, Article)
    # Named explicitly, a file skipped in a walk is read like any other.
    (explicit,) = ingest([str(tmp_path / ".notes.txt")])
    assert isinstance(explicit, Article)
