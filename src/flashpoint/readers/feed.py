"""Reader for RSS and Atom feeds (feedparser): each item is one input and one article."""

from __future__ import annotations

import time
from collections.abc import Iterator

from ..errors import InputError
from ..records import Rejection
from ..settings import Settings
from .inputs import Draft, Opened, read_limited

# Elements after which a line break belongs when flattening an item's HTML to text.
_BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section", "article", "figcaption"}


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment, one block element a line (scripts and styles dropped)."""
    if "<" not in fragment:
        return fragment
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except Exception:  # noqa: BLE001 - unparsable markup: keep its text rather than lose the item
        return fragment
    for bad in root.xpath(".//script|.//style"):
        bad.drop_tree()
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.lower() in _BLOCKS:
            el.tail = "\n" + (el.tail or "")
    return root.text_content()


def _iso(struct: time.struct_time | None) -> str | None:
    return time.strftime("%Y-%m-%d", struct) if struct else None


def read_feed(opened: Opened, settings: Settings) -> Iterator[Draft | Rejection]:
    """One draft per feed item: full ``content`` when present, else ``summary``, HTML stripped."""
    import feedparser

    data = read_limited(opened.stream, settings.max_bytes)
    parsed = feedparser.parse(data)
    if not parsed.entries:
        problem = parsed.get("bozo_exception")
        raise InputError(f"malformed feed: {problem}" if problem else "feed has no items")
    for index, entry in enumerate(parsed.entries):
        link = entry.get("link")
        source = f"{opened.source}#{link or index}"
        contents = entry.get("content") or []
        body = max((c.get("value", "") for c in contents), key=len, default="") or entry.get("summary", "")
        if not body.strip():
            yield Rejection(source, "feed item has no content or summary")
            continue
        if len(body.encode("utf-8")) > settings.max_bytes:
            yield Rejection(source, f"over size limit: {len(body.encode('utf-8'))} bytes > {settings.max_bytes}")
            continue
        author = entry.get("author")
        yield Draft(
            source=source,
            input_kind="feed",
            text=html_to_text(body),
            title=entry.get("title") or None,
            byline=author or None,
            date=_iso(entry.get("published_parsed") or entry.get("updated_parsed")),
            url=link,
            extracted=True,  # html_to_text puts one block a line
        )
