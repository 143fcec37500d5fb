"""Cleaning scraped article text: boilerplate out; headline, byline, captions, dateline apart.

The rules (patterns live in ``boilerplate.yaml``; extend that file, not this module):

1. **Paragraphs.** Blank lines separate blocks. A block of long lines that mostly do not end a
   sentence is hard-wrapped prose and is joined into one paragraph; otherwise each line is a
   paragraph. The body keeps paragraph breaks as ``"\\n\\n"``.
2. **Boilerplate.** A short line (at most ``max_words`` words) is dropped wherever it sits, also
   mid-article, when it starts like site furniture (comment forms, share/follow/sign-up buttons,
   "read more", related links, cookie and copyright notices) or contains a furniture keyword
   (subscribe, newsletter, eblast, advertisement, ...), one typo allowed in longer keywords, because
   scraped sites misspell them too ("Subcribe").
3. **Headline.** The first paragraph, when short (at most 30 words) and not ending in a period,
   and not itself a caption, byline or dateline.
4. **Captions.** Short paragraphs carrying a photo credit (``REUTERS/Name``, ``AGENCY/Name``,
   ``(Photo: ...)``, ``Photo by ...``, ``File photo``) are moved to ``captions``.
5. **Date stamp.** A short line near the top that is only a date ("Monday, April 7, 2025",
   "Posted on 2025-04-11") leaves the body and dates the article.
6. **Byline.** Near the top: ``By Name [and Name]`` or a bare line of 2-4 capitalised name tokens.
7. **Dateline and agency.** The lead's ``PLACE[, Month D] (Agency) -`` prefix (or ``PLACE -``
   without an agency) is parsed and removed from the body: ``WASHINGTON (Reuters) -``,
   ``BEIRUT, Jan 3 (AP) -``, ``BAGHDAD -``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from ..records import Article
from ..yamldata import load_yaml
from .wrapped import unwrap

_HEADLINE_MAX_WORDS = 30
_HEADLINE_MAX_CHARS = 300
_TERMINAL = (".", "!", "?", "…", '"', "”", "’", "'", ":", ";")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|[-'’])*")


@dataclass(frozen=True)
class Rules:
    """The compiled cleaning patterns of ``boilerplate.yaml``."""

    max_words: int
    keywords: frozenset[str]
    line_patterns: re.Pattern[str]
    caption_max_words: int
    captions: tuple[re.Pattern[str], ...]
    by_line: re.Pattern[str]
    name_line: re.Pattern[str]
    byline_paragraphs: int
    dateline: re.Pattern[str]
    agencies: frozenset[str]
    not_places: frozenset[str]
    dateline_paragraphs: int
    stamp_words: frozenset[str] = frozenset()
    stamp_max_words: int = 12
    stamp_paragraphs: int = 5


def load_rules(data: dict[str, Any] | None = None) -> Rules:
    """Compile cleaning rules from a mapping shaped like ``boilerplate.yaml`` (default: that file)."""
    if data is None:
        text = resources.files(__package__).joinpath("boilerplate.yaml").read_text(encoding="utf-8")
        data = load_yaml(text)
    bp, cap, by, dl = data["boilerplate"], data["captions"], data["byline"], data["dateline"]
    stamp = data.get("date_stamp", {})
    token = by["name_token"]
    particles = "|".join(re.escape(p) for p in by["name_particles"])
    one_name = rf"{token}(?:\s+(?:(?:{particles})\s+){{0,2}}{token}){{1,3}}"
    name_line = rf"^(?P<name>{one_name}(?:\s*(?:,|and|&)\s*{one_name})?)(?:\s*[,|/–—-]\s*(?P<org>[A-Z][\w .&]{{1,40}}))?\s*$"
    return Rules(
        max_words=int(bp["max_words"]),
        keywords=frozenset(k.lower() for k in bp["keywords"]),
        line_patterns=re.compile("|".join(f"(?:{p})" for p in bp["line_patterns"]), re.IGNORECASE),
        caption_max_words=int(cap["max_words"]),
        captions=tuple(re.compile(p) for p in cap["credit_patterns"]),
        by_line=re.compile(by["by_pattern"]),
        name_line=re.compile(name_line),
        byline_paragraphs=int(by["search_paragraphs"]),
        dateline=re.compile(dl["pattern"], re.VERBOSE),
        agencies=frozenset(dl["agencies"]),
        not_places=frozenset(p.upper() for p in dl.get("not_places", [])),
        dateline_paragraphs=int(dl["search_paragraphs"]),
        stamp_words=frozenset(w.lower() for w in stamp.get("words", [])),
        stamp_max_words=int(stamp.get("max_words", 12)),
        stamp_paragraphs=int(stamp.get("search_paragraphs", 5)),
    )


@lru_cache(maxsize=1)
def default_rules() -> Rules:
    """The shipped rules, compiled once per process."""
    return load_rules()


@dataclass
class Cleaned:
    """What cleaning found: the body and the pieces taken out of it."""

    text: str
    title: str | None = None
    byline: str | None = None
    dateline: str | None = None
    agency: str | None = None
    dateline_date: str | None = None  # as written in the dateline, e.g. "Jan 3"
    date_stamp: str | None = None  # ISO date of a date-stamp line near the top
    captions: list[str] = field(default_factory=list)
    boilerplate: list[str] = field(default_factory=list)


def normalise_line(line: str) -> str:
    """One line with invisible characters removed and runs of spaces collapsed."""
    return _SPACES.sub(" ", line.translate(_INVISIBLE)).strip()


def _within_one_edit(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ by at most one insertion, deletion, substitution or swap."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la == lb:
        diff = [i for i in range(la) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    if la > lb:
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1 :]


def _has_keyword(words: list[str], keywords: frozenset[str]) -> bool:
    for word in words:
        if word in keywords:
            return True
        if len(word) >= 6 and any(
            len(k) >= 6 and abs(len(k) - len(word)) <= 1 and _within_one_edit(word, k) for k in keywords
        ):
            return True
    return False


def is_boilerplate(line: str, rules: Rules | None = None) -> bool:
    """True when a line is site furniture (see the module docstring), not article text."""
    rules = rules or default_rules()
    if len(line) > rules.max_words * 30 or len(line.split()) > rules.max_words:
        return False
    words = [w.lower() for w in _WORD.findall(line)]
    if not words:
        # Lines of symbols only ("***", "|", "•") carry nothing.
        return not any(ch.isdigit() for ch in line)
    return bool(rules.line_patterns.match(line)) or _has_keyword(words, rules.keywords)


def is_caption(paragraph: str, rules: Rules | None = None) -> bool:
    """True when a short paragraph carries a photo credit."""
    rules = rules or default_rules()
    if len(paragraph.split()) > rules.caption_max_words:
        return False
    return any(p.search(paragraph) for p in rules.captions)


def parse_byline(paragraph: str, rules: Rules | None = None, bare_names: bool = True) -> str | None:
    """The author name(s) when ``paragraph`` is a byline (``By X`` or a bare name line), else None.

    ``bare_names=False`` accepts only ``By X``: in extracted HTML a short title-case line is more
    often a subheading than an author.
    """
    rules = rules or default_rules()
    if len(paragraph) > 120 or any(ch.isdigit() for ch in paragraph):
        return None
    m = rules.by_line.match(paragraph) or (rules.name_line.match(paragraph) if bare_names else None)
    return m.group("name").strip(" ,") if m else None


_STAMP_TOKEN = re.compile(r"[\w.]+")


def parse_date_stamp(paragraph: str, rules: Rules | None = None) -> str | None:
    """The ISO date when ``paragraph`` is only a date stamp ("Posted on 2025-04-11"), else None."""
    from .dates import explicit_dates, strip_dates

    rules = rules or default_rules()
    if len(paragraph.split()) > rules.stamp_max_words:
        return None
    found = explicit_dates(paragraph)
    if not found:
        return None
    rest = _STAMP_TOKEN.findall(strip_dates(paragraph))
    # Left: only stamp words and clock times ("10:22", "9.30").
    if all(t.lower() in rules.stamp_words or re.fullmatch(r"\d{1,2}([:.]\d\d)?", t) for t in rest):
        return found[0].isoformat()
    return None


@dataclass(frozen=True)
class Dateline:
    """A parsed dateline: place, optional agency and date as written, and where the lead starts."""

    place: str
    agency: str | None
    date: str | None
    end: int


def parse_dateline(paragraph: str, rules: Rules | None = None) -> Dateline | None:
    """The dateline at the head of ``paragraph`` (see the module docstring), or None."""
    rules = rules or default_rules()
    m = rules.dateline.match(paragraph)
    if not m:
        return None
    place, agency, dash = m.group("place"), m.group("agency"), m.group("dash")
    if agency is not None:
        agency = agency.strip()
    if not (agency or dash) or place.upper() in rules.not_places:
        return None
    caps = not any(ch.islower() for ch in place) and sum(ch.isalpha() for ch in place) >= 2
    if not caps and agency not in rules.agencies:
        return None
    if agency and not caps and not agency[0].isalpha():
        return None
    region = m.group("region")
    return Dateline(
        place=f"{place}, {region}" if region else place,
        agency=agency,
        date=m.group("date"),
        end=m.end(),
    )


def _same_words(a: str, b: str) -> bool:
    return [w.lower() for w in _WORD.findall(a)] == [w.lower() for w in _WORD.findall(b)]


def _looks_hard_wrapped(lines: list[str]) -> bool:
    """A block of long lines that mostly stop mid-sentence was wrapped by a tool, not by an author."""
    body = lines[:-1]
    if not body or any(len(line) < 40 for line in body):
        return False
    open_ended = sum(1 for line in body if not line.endswith(_TERMINAL))
    return open_ended * 2 >= len(body)


def split_paragraphs(
    text: str, rules: Rules | None = None, lines_are_paragraphs: bool = False
) -> tuple[list[str], list[str]]:
    """``(paragraphs, boilerplate_lines)``: text split into paragraphs with furniture lines removed."""
    rules = rules or default_rules()
    paragraphs: list[str] = []
    dropped: list[str] = []
    block: list[str] = []

    def flush() -> None:
        if not block:
            return
        if not lines_are_paragraphs and _looks_hard_wrapped(block):
            # Judge wrapped prose as a whole: one of its lines may be short and say "subscribe".
            joined = " ".join(block)
            (dropped if is_boilerplate(joined, rules) else paragraphs).append(joined)
        else:
            for line in block:
                (dropped if is_boilerplate(line, rules) else paragraphs).append(line)
        block.clear()

    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = normalise_line(raw)
        if line:
            block.append(line)
        else:
            flush()
    flush()
    return paragraphs, dropped


def clean(
    text: str,
    *,
    headline: bool = True,
    byline: bool = True,
    lines_are_paragraphs: bool = False,
    title: str | None = None,
    rules: Rules | None = None,
) -> Cleaned:
    """Clean scraped text (rules in the module docstring).

    ``headline=False`` when the title is known from metadata (HTML, feeds); ``byline=False`` keeps
    byline lines in the text; ``lines_are_paragraphs`` for extractor output that puts one paragraph a line;
    ``title``, when known, is removed from the head of the text where the extractor repeated it.
    """
    rules = rules or default_rules()
    if not lines_are_paragraphs:
        text = unwrap(text)  # hard-wrapped paragraphs become one line each (wrapped.py)
    paragraphs, dropped = split_paragraphs(text, rules, lines_are_paragraphs)
    out = Cleaned(text="", boilerplate=dropped)

    # Extractors often repeat the page's known title as the first line of the text.
    if title and paragraphs and _same_words(paragraphs[0], title):
        paragraphs = paragraphs[1:]

    if headline and paragraphs:
        first = paragraphs[0]
        if (
            len(first.split()) <= _HEADLINE_MAX_WORDS
            and len(first) <= _HEADLINE_MAX_CHARS
            and len(first.split()) >= 2
            and not first.endswith(".")
            and not is_caption(first, rules)
            and not rules.by_line.match(first)
            and parse_dateline(first, rules) is None
        ):
            out.title = first
            paragraphs = paragraphs[1:]

    body: list[str] = []
    for paragraph in paragraphs:
        if is_caption(paragraph, rules):
            out.captions.append(paragraph)
        else:
            body.append(paragraph)

    for i, paragraph in enumerate(body[: rules.stamp_paragraphs]):
        stamp = parse_date_stamp(paragraph, rules)
        if stamp:
            out.date_stamp = stamp
            del body[i]
            break

    # The byline sits above the lead: look only at the first few paragraphs, before a dateline.
    if byline:
        for i, paragraph in enumerate(body[: rules.byline_paragraphs]):
            if parse_dateline(paragraph, rules) is not None:
                break
            name = parse_byline(paragraph, rules, bare_names=not lines_are_paragraphs)
            if name:
                out.byline = name
                del body[i]
                break

    for i, paragraph in enumerate(body[: rules.dateline_paragraphs]):
        found = parse_dateline(paragraph, rules)
        if found is None:
            continue
        out.dateline, out.agency, out.dateline_date = found.place, found.agency, found.date
        rest = paragraph[found.end :].strip()
        if rest:
            body[i] = rest
        else:
            del body[i]
        break

    out.text = "\n\n".join(body)
    return out


def clean_text(text: str, source: str = "", **options: Any) -> Article:
    """Clean scraped text into an Article (id left empty for the caller), dated from the text.

    ``options`` are passed to :func:`clean`. The publication date comes from the dateline,
    captions or text (see :mod:`flashpoint.readers.dates`).
    """
    from .dates import publication_date

    cleaned = clean(text, **options)
    published, date_source = publication_date(
        metadata=None,
        dateline_date=cleaned.dateline_date,
        captions=cleaned.captions,
        text=cleaned.text,
        stamp=cleaned.date_stamp,
    )
    return Article(
        id="",
        text=cleaned.text,
        source=source,
        title=cleaned.title,
        byline=cleaned.byline,
        dateline=cleaned.dateline,
        agency=cleaned.agency,
        published=published,
        date_source=date_source,
        captions=cleaned.captions,
    )
