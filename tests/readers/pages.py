"""Small real input files for the ingest tests, written by the tests themselves (invented news)."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

PARAGRAPHS = [
    "Government forces and rebels agreed to a ceasefire on Saturday after three days of heavy "
    "fighting around the northern city of Kidal, mediators from the regional bloc said.",
    "The truce will be monitored by observers from the African Union, who are expected to arrive "
    "next week, according to a statement read on state television.",
    "Aid agencies said thousands of families had fled the fighting and urgently needed food, water "
    "and shelter, and called on both sides to open safe corridors.",
    "The rebels said they would withdraw from two villages they had captured, while the army said "
    "it would halt air strikes and release prisoners taken during the clashes.",
]


def story(paragraphs: list[str] = PARAGRAPHS) -> str:
    return "\n\n".join(paragraphs)


def news_page(
    title: str = "Mali army and rebels agree ceasefire",
    paragraphs: list[str] = PARAGRAPHS,
    published: str | None = "2024-05-25T09:30:00Z",
    author: str | None = "Jane Doe",
    lead_prefix: str = "BAMAKO (Reuters) - ",
) -> str:
    """A news page the way sites serve it: navigation, article, related links, comments, footer."""
    meta = [f'<meta property="og:title" content="{title}">']
    if published:
        meta.append(f'<meta property="article:published_time" content="{published}">')
    if author:
        meta.append(f'<meta name="author" content="{author}">')
    body = "\n".join(
        f"<p>{lead_prefix + p if i == 0 else p}</p>" for i, p in enumerate(paragraphs)
    )
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title} | The Example Times</title>
{chr(10).join(meta)}
</head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/sport">Sport</a></li></ul></nav></header>
<main><article>
<h1>{title}</h1>
<div class="byline">By {author or "Staff"}</div>
{body}
</article>
<aside class="related"><h2>Related stories</h2><ul>
<li><a href="/a">Floods displace thousands in Niger</a></li>
<li><a href="/b">Football: Mali beat Ghana 2-1</a></li></ul></aside>
</main>
<footer><p>Copyright 2024 The Example Times. All rights reserved.</p>
<a href="/privacy">Privacy</a> <a href="/cookies">Cookies</a></footer>
</body></html>"""


def write_warc(path: Path, pages: list[tuple[str, str]], compress: bool = True) -> bytes:
    """A real WARC (warcio's writer): a warcinfo record, then request + response per page."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=compress)
    writer.write_record(writer.create_warcinfo_record(path.name, {"software": "flashpoint-tests"}))
    for url, html in pages:
        request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.org")], is_http_request=True)
        writer.write_record(writer.create_warc_record(url, "request", http_headers=request))
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
        )
        writer.write_record(
            writer.create_warc_record(url, "response", payload=io.BytesIO(html.encode()), http_headers=headers)
        )
    data = buffer.getvalue()
    path.write_bytes(data)
    return data


def rss_feed(items: list[dict[str, str]]) -> str:
    entries = "\n".join(
        f"""<item><title>{i['title']}</title><link>{i['link']}</link>
<pubDate>{i['date']}</pubDate><description><![CDATA[{i['summary']}]]></description>
{f"<content:encoded><![CDATA[{i['content']}]]></content:encoded>" if i.get('content') else ''}
</item>"""
        for i in items
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Example World News</title><link>https://example.org/</link>
<description>World news</description>
{entries}
</channel></rss>"""


def atom_feed(items: list[dict[str, str]]) -> str:
    entries = "\n".join(
        f"""<entry><title>{i['title']}</title><link href="{i['link']}"/><id>{i['link']}</id>
<updated>{i['date']}</updated><summary type="html"><![CDATA[{i['summary']}]]></summary></entry>"""
        for i in items
    )
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Example Wire</title>
<id>urn:example:wire</id><updated>2024-05-25T10:00:00Z</updated>
{entries}
</feed>"""


def jsonl(records: list[dict | str]) -> str:
    return "\n".join(r if isinstance(r, str) else json.dumps(r) for r in records) + "\n"


def gz(data: str | bytes) -> bytes:
    return gzip.compress(data.encode() if isinstance(data, str) else data)
