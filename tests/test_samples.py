"""Sanity checks on the bundled sample corpus (`samples/`) that `make demo` ingests.

Only the standard library, warcio and feedparser: these tests say the samples are well-formed in
their own formats and still show what the demo needs (duplicates, a foreign-language article,
eight weeks of dates), independently of whether flashpoint's readers work.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from html.parser import HTMLParser
from pathlib import Path

import feedparser
import pytest
from warcio.archiveiterator import ArchiveIterator

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
GENERATOR = ROOT / "tools" / "make_samples_warc.py"
WARC = SAMPLES / "archive.warc.gz"
FEED = SAMPLES / "feeds" / "wire.rss"
JSONL = SAMPLES / "wire.jsonl"
DUPLICATE_HTML = SAMPLES / "html" / "2025-04-14_ceasefire-talks.html"
NEAR_DUPLICATES = (
    SAMPLES / "text" / "2025-04-07_batken-shelling.txt",
    SAMPLES / "text" / "2025-04-07_batken-shelling-republished.txt",
)
FRENCH = SAMPLES / "text" / "2025-04-08_frontiere-kirghize-tadjike.txt"

# A wire dateline opening the body: "BISHKEK, March 3 (Reuters) -", "BISHKEK (Reuters) -".
DATELINE = re.compile(
    r"^[A-ZÀ-Ý][A-ZÀ-Ý .'-]+(?:, [\w. ]+?)? \((?:Reuters|AP|AFP)\) [-–—]",
    re.MULTILINE,
)


def sample_files(suffix: str) -> list[Path]:
    return sorted(p for p in SAMPLES.rglob(f"*{suffix}") if p.is_file())


class PageMeta(HTMLParser):
    """Collects what the demo relies on in a news page: title, author, publication time, and
    the paragraphs inside <article>."""

    def __init__(self) -> None:
        super().__init__()
        self.meta: dict[str, str] = {}
        self.title = ""
        self.paragraphs: list[str] = []
        self._in_title = False
        self._article_depth = 0
        self._paragraph: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "meta":
            key = attributes.get("name") or attributes.get("property")
            if key and attributes.get("content"):
                self.meta[key] = attributes["content"] or ""
        elif tag == "title":
            self._in_title = True
        elif tag == "article":
            self._article_depth += 1
        elif tag == "p" and self._article_depth:
            self._paragraph = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag == "article":
            self._article_depth -= 1
        elif tag == "p" and self._paragraph is not None:
            self.paragraphs.append("".join(self._paragraph).strip())
            self._paragraph = None

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        if self._paragraph is not None:
            self._paragraph.append(data)


def parse_page(html: str) -> PageMeta:
    page = PageMeta()
    page.feed(html)
    page.close()
    return page


def warc_records(path: Path) -> list[tuple[str, str | None, bytes]]:
    """(type, target URI, HTTP payload) of every record in a WARC file."""
    with path.open("rb") as stream:
        return [
            (
                record.rec_type,
                record.rec_headers.get_header("WARC-Target-URI"),
                record.content_stream().read(),
            )
            for record in ArchiveIterator(stream)
        ]


def load_generator():
    spec = importlib.util.spec_from_file_location("make_samples_warc", GENERATOR)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    # dataclasses resolve string annotations through sys.modules, so register before running
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def shingles(text: str, size: int = 4) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i : i + size]) for i in range(len(words) - size + 1)}


def body_paragraphs(path: Path) -> str:
    """The story paragraphs of a scraped text: long lines from the dateline on (boilerplate
    lines are short, so this compares the stories, not the sites)."""
    text = path.read_text(encoding="utf-8")
    start = DATELINE.search(text)
    assert start, f"{path.name}: no dateline"
    return "\n".join(line for line in text[start.start() :].splitlines() if len(line) > 80)


# --- each format parses ---------------------------------------------------------------


def test_every_format_is_present() -> None:
    assert len(sample_files(".txt")) >= 8
    assert len(sample_files(".html")) == 5
    assert FEED.is_file() and JSONL.is_file() and WARC.is_file()


@pytest.mark.parametrize("path", sample_files(".txt"), ids=lambda p: p.name)
def test_scraped_text_has_headline_dateline_and_a_2025_date(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip()]
    assert len(lines[0]) < 120 and not lines[0].endswith("."), "first line is a headline"
    assert DATELINE.search(text), "body opens with a wire dateline"
    assert re.search(r"2025", text), "an explicit date with the year is in the text"
    assert len(text.split()) > 120


@pytest.mark.parametrize("path", sample_files(".html"), ids=lambda p: p.name)
def test_html_page_has_metadata_and_article(path: Path) -> None:
    page = parse_page(path.read_text(encoding="utf-8"))
    assert page.title.strip()
    assert page.meta.get("author")
    published = datetime.fromisoformat(page.meta["article:published_time"])
    assert published.year == 2025
    story = [p for p in page.paragraphs if len(p) > 80]
    assert len(story) >= 5
    assert any(DATELINE.search(p) for p in story[:2]), "the story opens with a dateline"


def test_feed_has_four_dated_items_some_with_full_text() -> None:
    feed = feedparser.parse(FEED.read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert len(feed.entries) == 4
    assert all(entry.get("published_parsed") for entry in feed.entries)
    with_content = [entry for entry in feed.entries if entry.get("content")]
    assert len(with_content) == 2, "two items carry content:encoded, two only a description"
    for entry in feed.entries:
        text = entry.content[0].value if entry.get("content") else entry.summary
        assert DATELINE.search(re.sub(r"<[^>]+>", "", text).strip())


def test_jsonl_lines_are_articles() -> None:
    lines = JSONL.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 4
    rows = [json.loads(line) for line in lines]
    assert all(set(row) == {"id", "title", "url", "date", "text"} for row in rows)
    assert len({row["id"] for row in rows}) == 4
    for row in rows:
        date.fromisoformat(row["date"])
        assert DATELINE.search(row["text"])


def test_warc_holds_three_html_responses() -> None:
    records = warc_records(WARC)
    kinds = [kind for kind, _, _ in records]
    assert kinds.count("response") == 3
    assert kinds.count("request") == 3
    assert kinds.count("warcinfo") == 1
    for kind, uri, payload in records:
        if kind == "response":
            assert uri and uri.startswith("https://")
            page = parse_page(payload.decode("utf-8"))
            assert page.meta.get("article:published_time", "").startswith("2025-")


def test_generator_reproduces_the_committed_warc(tmp_path: Path) -> None:
    generator = load_generator()
    rebuilt = generator.write_warc(tmp_path / WARC.name)
    assert rebuilt.read_bytes() == WARC.read_bytes()
    assert warc_records(rebuilt) == warc_records(WARC)


# --- what the demo must show -----------------------------------------------------------


def test_exact_duplicate_across_formats() -> None:
    payloads = [payload for kind, _, payload in warc_records(WARC) if kind == "response"]
    assert DUPLICATE_HTML.read_bytes() in payloads


def test_near_duplicate_is_near_but_not_exact() -> None:
    first, second = (shingles(body_paragraphs(path)) for path in NEAR_DUPLICATES)
    jaccard = len(first & second) / len(first | second)
    assert 0.8 <= jaccard < 1.0, jaccard


def test_one_article_is_french() -> None:
    words = re.findall(r"\w+", FRENCH.read_text(encoding="utf-8").lower())
    french = sum(word in {"le", "la", "les", "des", "du", "et", "a", "de"} for word in words)
    english = sum(word in {"the", "and", "of", "said", "to"} for word in words)
    assert french > 10 * max(english, 1)


def collected_dates() -> list[date]:
    """Every publication date the metadata of the samples gives (not the text files, whose
    dates live in the text)."""
    dates = [datetime.fromisoformat(row["date"]).date() for row in map(json.loads, JSONL.open())]
    dates += [
        parsedate_to_datetime(item.published).date()
        for item in feedparser.parse(FEED.read_bytes()).entries
    ]
    pages = [p.read_text(encoding="utf-8") for p in sample_files(".html")]
    pages += [payload.decode() for kind, _, payload in warc_records(WARC) if kind == "response"]
    for html in pages:
        dates.append(datetime.fromisoformat(parse_page(html).meta["article:published_time"]).date())
    return dates


def test_dates_span_about_eight_weeks_of_2025() -> None:
    dates = collected_dates()
    assert {d.year for d in dates} == {2025}
    assert 35 <= (max(dates) - min(dates)).days <= 63
    assert len({d.isocalendar().week for d in dates}) >= 6, "spread over the weeks, not bunched"


def test_corpus_shows_the_event_vocabulary_and_hedges() -> None:
    corpus = "\n".join(
        p.read_text(encoding="utf-8")
        for suffix in (".txt", ".html", ".rss", ".jsonl")
        for p in sample_files(suffix)
    )
    corpus += "\n".join(
        payload.decode() for kind, _, payload in warc_records(WARC) if kind == "response"
    )
    for phrase in (
        "met",
        "held talks",
        "agreed",
        "signed",
        "accused",
        "condemned",
        "threatened",
        "warned",
        "urged",
        "rejected",
        "deployed",
        "shelled",
        "attacked",
        "killed",
        "arrested",
        "imposed sanctions",
        "expelled",
        "protested",
        "delivered",
        "released",
        "denied attacking",
        "did not rule out",
        "could send",
        "killing 12 people",
        "2,000 troops",
        "about 40 rockets",
    ):
        assert re.search(rf"\b{re.escape(phrase)}\b", corpus), phrase
