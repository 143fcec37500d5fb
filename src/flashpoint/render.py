"""Rich terminal rendering of a coded article (``flashpoint code --format table``).

Everything taken from the article is escaped: text like ``[/]`` is printed, not read as markup.
"""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from .records import ActorRef, CodedArticle


def render_coded(record: CodedArticle, console: Console) -> None:
    """Print the article's metadata, actors, events and quotes as tables."""
    a = record.article
    console.rule(f"[bold]{escape(a.title or a.id)}")
    meta = [
        ("id", a.id),
        ("source", a.source),
        ("byline", a.byline),
        ("dateline", a.dateline),
        ("agency", a.agency),
        ("published", f"{a.published} ({a.date_source})" if a.published else None),
        ("captions", " | ".join(a.captions) if a.captions else None),
    ]
    for key, value in meta:
        if value:
            console.print(f"[dim]{key:>10}[/] {escape(value)}")

    if record.actors:
        table = Table(title="Actors", show_lines=False)
        for col in ("name", "code", "country", "agent", "titles", "mentions"):
            table.add_column(col)
        for actor in record.actors:
            table.add_row(*map(escape, (
                actor.name,
                actor.code or "",
                actor.country or "",
                actor.agent or "",
                ", ".join(actor.titles),
                str(len(actor.mentions)),
            )))
        console.print(table)

    if record.events:
        table = Table(title="Events", show_lines=True)
        for col in ("code", "name", "source", "target", "modality", "date", "where", "evidence"):
            table.add_column(col, overflow="fold")
        for e in record.events:
            modality = ("NOT " if e.negated else "") + e.modality
            table.add_row(
                escape(e.code),
                escape(e.name),
                _actor(e.source),
                _actor(e.target),
                modality,
                escape(e.date or ""),
                escape((e.location.name if e.location else None) or ""),
                f"[bold]{escape(e.trigger)}[/]: {escape(e.sentence[:160])}",
            )
        console.print(table)

    if record.quotes:
        table = Table(title="Quotes", show_lines=True)
        for col in ("speaker", "kind", "quote"):
            table.add_column(col, overflow="fold")
        for q in record.quotes:
            speaker = (q.speaker or {}).get("name") or "?"
            table.add_row(escape(speaker), escape(q.kind), escape(q.text[:200]))
        console.print(table)


def _actor(arg: ActorRef | None) -> str:
    if arg is None:
        return ""
    code = arg.code or arg.country or ""
    return f"{escape(str(arg.name or arg.text))} [dim]{escape(code)}[/]"
