"""Write `samples/archive.warc.gz`, the bundled web-archive sample for `make demo`.

The archive holds what a crawler would have saved on three news pages: one `warcinfo` record,
then a `request` and a `response` record per page. One page is the byte-identical copy of
`samples/html/2025-04-14_ceasefire-talks.html`, so the demo shows an exact duplicate arriving
through two formats; the other two pages exist only here.

The output is deterministic: record ids are UUIDv5 of the URL, dates are fixed, and warcio's
gzip members carry no timestamp, so re-running the script rewrites the same bytes.

    .venv/bin/python tools/make_samples_warc.py [OUTPUT]
"""

from __future__ import annotations

import sys
import uuid
from dataclasses import dataclass
from html import escape
from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "samples" / "archive.warc.gz"
DUPLICATE_PAGE = ROOT / "samples" / "html" / "2025-04-14_ceasefire-talks.html"
CRAWLER = "flashpoint-samples/1.0 (+https://example.org/flashpoint)"


@dataclass(frozen=True)
class Story:
    """A news story rendered into a site page (everything a page template needs)."""

    site: str
    url: str
    title: str
    author: str
    published: str  # ISO 8601 with offset, as sites put it in article:published_time
    caption: str
    paragraphs: tuple[str, ...]
    related: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Capture:
    """One crawled page: where it came from, when it was fetched, and the bytes served."""

    url: str
    fetched: str  # WARC-Date
    html: bytes


COLOMBIA_VENEZUELA = Story(
    site="Hemisphere Wire",
    url="https://hemispherewire.example/americas/2025/04/03/colombia-accuses-venezuela-eln",
    title="Colombia accuses Venezuela of sheltering ELN commanders",
    author="Daniel Moreno",
    published="2025-04-03T20:15:00-05:00",
    caption="Colombian soldiers patrol a road near the Venezuelan border in Arauca, "
    "April 2, 2025. REUTERS/Julio Carrizosa",
    paragraphs=(
        "BOGOTA, April 3 (Reuters) - Colombia accused Venezuela on Thursday of allowing "
        "commanders of the National Liberation Army to live and train on its territory, and "
        "said the rebels had planned last month's attacks on police stations in Arauca from "
        "camps across the border.",
        "Colombian Foreign Minister Laura Sarmiento said the government had given Caracas the "
        'coordinates of four ELN camps in Apure state. "Venezuela knows where they are. We '
        'ask it to act," Sarmiento told reporters.',
        "Venezuela rejected the accusation. Venezuelan Foreign Minister Rafael Bastidas said "
        "his country did not shelter any armed group and accused Bogota of blaming its "
        "neighbours for its own security failures.",
        "Sarmiento said Colombia could ask the Organization of American States to send "
        "observers to the border, and she did not rule out closing some crossings if Caracas "
        "refused to cooperate.",
        "The Colombian army said on Wednesday it had killed four ELN fighters in a clash near "
        "the town of Tame. The ELN denied that any of its commanders lived in Venezuela.",
        "The two governments restored diplomatic relations in 2022 after a three-year break, "
        "and trade across the border has grown since then.",
    ),
    related=(
        (
            "/americas/2025/03/26/colombia-suspends-contacts-eln",
            "Colombia suspends contacts with ELN after attacks on police stations",
        ),
        (
            "/americas/2025/03/12/police-arrest-eln-members-cucuta",
            "Police arrest 15 suspected ELN members in Cucuta",
        ),
    ),
)

VORUKH_DRONE = Story(
    site="Eurasia Daily Brief",
    url="https://eurasiadailybrief.example/news/2025-04-18/tajikistan-accuses-kyrgyzstan-drone",
    title="Tajikistan accuses Kyrgyzstan of drone strike near Vorukh before new talks",
    author="Nurlan Abdykadyrov",
    published="2025-04-18T14:30:00+05:00",
    caption="A Tajik border post near the Vorukh enclave, April 17, 2025. (Photo: AFP)",
    paragraphs=(
        "DUSHANBE, April 18 (AFP) - Tajikistan accused Kyrgyzstan on Friday of using a drone "
        "to attack a Tajik border post near the Vorukh enclave, wounding three soldiers, three "
        "days before a second round of ceasefire talks.",
        "The Tajik border service said the drone dropped two grenades on the post late on "
        'Thursday. "This is a provocation meant to wreck the talks," Tajik Defence Ministry '
        "spokesman Rustam Qodirov said.",
        "Kyrgyzstan denied attacking the post. Kyrgyz Defence Ministry spokesman Daniyar "
        "Toktogulov said no Kyrgyz drone had crossed the border and accused Dushanbe of "
        "inventing incidents to delay an agreement.",
        "EU special representative Pieter Van Damme urged both sides to avoid any action that "
        "could endanger the negotiations and said the talks in Almaty would go ahead on Monday "
        "as planned.",
        "Tajikistan said it had reinforced its positions around Vorukh with 300 more troops but "
        "would not respond militarily while the talks continued.",
    ),
    related=(
        (
            "/news/2025-04-14/kyrgyz-tajik-talks-almaty",
            "Kyrgyz and Tajik delegations hold talks in Almaty",
        ),
        ("/news/2025-04-07/batken-shelling", "Twelve killed as shells hit Kyrgyz villages"),
    ),
)


def render_page(story: Story) -> bytes:
    """A full news page for `story`: navigation, cookie banner, sidebar and footer included,
    so the HTML reader has real boilerplate to strip."""
    body = "\n".join(f"        <p>{escape(p, quote=False)}</p>" for p in story.paragraphs)
    related = "\n".join(
        f'          <li><a href="{escape(href)}">{escape(text)}</a></li>'
        for href, text in story.related
    )
    day = story.published[:10]
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>{escape(story.title)} | {escape(story.site)}</title>
  <meta name="author" content="{escape(story.author)}">
  <meta property="og:type" content="article">
  <meta property="og:title" content="{escape(story.title)}">
  <meta property="og:site_name" content="{escape(story.site)}">
  <meta property="og:url" content="{escape(story.url)}">
  <meta property="article:published_time" content="{story.published}">
  <link rel="canonical" href="{escape(story.url)}">
</head>
<body>
  <div class="cookie-consent">This site uses cookies for analytics and advertising.
    <button>Accept</button> <a href="/cookies">Settings</a></div>
  <header>
    <a class="brand" href="/">{escape(story.site)}</a>
    <nav><a href="/">Home</a> <a href="/news">News</a> <a href="/world">World</a>
      <a href="/analysis">Analysis</a> <a href="/newsletter">Newsletter</a></nav>
  </header>
  <main>
    <article>
      <h1>{escape(story.title)}</h1>
      <p class="byline">By {escape(story.author)} &middot; <time datetime="{story.published}">{day}</time></p>
      <figure><img src="/images/lead.jpg" alt="">
        <figcaption>{escape(story.caption)}</figcaption></figure>
      <div class="article-body">
{body}
      </div>
      <div class="share">Share this article: <a href="#">Facebook</a> <a href="#">X</a></div>
    </article>
    <aside class="related">
      <h2>Related stories</h2>
      <ul>
{related}
      </ul>
      <p class="ad">Advertisement</p>
    </aside>
  </main>
  <footer><a href="/about">About</a> | <a href="/privacy">Privacy</a> | &copy; 2025 {escape(story.site)}</footer>
</body>
</html>
""".encode()


def captures() -> list[Capture]:
    """The three pages, in crawl order (by fetch time)."""
    return [
        Capture(COLOMBIA_VENEZUELA.url, "2025-04-04T02:11:09Z", render_page(COLOMBIA_VENEZUELA)),
        Capture(
            "https://centralasiamonitor.example/world/2025/04/14/kyrgyz-tajik-ceasefire-talks-almaty",
            "2025-04-14T18:02:41Z",
            DUPLICATE_PAGE.read_bytes(),
        ),
        Capture(VORUKH_DRONE.url, "2025-04-18T11:47:30Z", render_page(VORUKH_DRONE)),
    ]


def record_id(*parts: str) -> str:
    """A stable WARC-Record-ID, so the archive is byte-for-byte reproducible."""
    return f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, '#'.join(parts))}>"


def write_warc(output: Path = OUTPUT) -> Path:
    """Write the sample archive to `output` and return its path."""
    buffer = BytesIO()
    writer = WARCWriter(buffer, gzip=True, warc_version="1.0")

    info = b"software: flashpoint tools/make_samples_warc.py\r\nformat: WARC File Format 1.0\r\n"
    info_headers = StatusAndHeaders(
        "",
        [
            ("WARC-Type", "warcinfo"),
            ("WARC-Record-ID", record_id("warcinfo", output.name)),
            ("WARC-Filename", output.name),
            ("WARC-Date", "2025-04-04T02:11:00Z"),
        ],
        protocol="WARC/1.0",
    )
    writer.write_record(
        writer.create_warc_record(
            "", "warcinfo", payload=BytesIO(info), length=len(info), warc_headers=info_headers
        )
    )

    for capture in captures():
        response_id = record_id("response", capture.url)
        host = capture.url.split("/")[2]
        path = "/" + capture.url.split("/", 3)[3]
        request_headers = StatusAndHeaders(
            f"GET {path} HTTP/1.1",
            [("Host", host), ("User-Agent", CRAWLER), ("Accept", "text/html")],
            is_http_request=True,
        )
        writer.write_record(
            writer.create_warc_record(
                capture.url,
                "request",
                http_headers=request_headers,
                warc_headers_dict={
                    "WARC-Record-ID": record_id("request", capture.url),
                    "WARC-Date": capture.fetched,
                    "WARC-Concurrent-To": response_id,
                },
            )
        )
        response_headers = StatusAndHeaders(
            "200 OK",
            [
                ("Content-Type", "text/html; charset=utf-8"),
                ("Content-Length", str(len(capture.html))),
            ],
            protocol="HTTP/1.1",
        )
        writer.write_record(
            writer.create_warc_record(
                capture.url,
                "response",
                payload=BytesIO(capture.html),
                length=len(capture.html),
                http_headers=response_headers,
                warc_headers_dict={"WARC-Record-ID": response_id, "WARC-Date": capture.fetched},
            )
        )

    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_bytes(buffer.getvalue())
    return output


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else OUTPUT
    print(write_warc(target))
