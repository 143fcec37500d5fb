"""Marked-up text without HTML in Python: a text cut into segments, each with the kinds of marks
(actor, trigger, quote) covering it.

Templates render every segment's text through Jinja's autoescape and wrap it in a ``<span>`` whose
classes are the segment's kinds, so article text can never inject markup, however it overlaps.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Mark:
    """A stretch ``[start, end)`` of the text to highlight as ``kind`` (with a tooltip)."""

    start: int
    end: int
    kind: str
    label: str = ""


@dataclass
class Segment:
    """A run of text covered by the same marks (``kinds`` empty for plain text)."""

    text: str
    kinds: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)

    @property
    def css(self) -> str:
        return " ".join(f"hl-{k}" for k in self.kinds)

    @property
    def title(self) -> str:
        return " · ".join(lb for lb in self.labels if lb)


def segments(text: str, marks: list[Mark]) -> list[Segment]:
    """Cut ``text`` at every mark boundary; overlapping marks give a segment several kinds."""
    n = len(text)
    valid = [m for m in marks if 0 <= m.start < m.end <= n]
    cuts = sorted({0, n, *(m.start for m in valid), *(m.end for m in valid)})
    out: list[Segment] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        if a >= b:
            continue
        covering = [m for m in valid if m.start <= a and b <= m.end]
        kinds = sorted({m.kind for m in covering})
        labels = list(dict.fromkeys(m.label for m in covering if m.label))
        if out and not kinds and not out[-1].kinds:
            out[-1].text += text[a:b]
        else:
            out.append(Segment(text[a:b], kinds, labels))
    return out


def trigger_span(
    text: str, trigger: str | None, span: tuple[int | None, int | None] | list[Any] | None
) -> tuple[int, int] | None:
    """Where an event's trigger sits in ``text``: inside the event's span when the span covers
    more than the trigger (the evidence sentence), else the span itself; ``None`` when absent."""
    start, end = (list(span or []) + [None, None])[:2]
    if start is None or end is None or not (0 <= start < end <= len(text)):
        start, end = 0, len(text)
    if not trigger:
        return None
    window = text[start:end]
    if window.lower() == trigger.lower():
        return start, end
    # Whole-word match first, so "attack" does not light up inside "attacked" by accident.
    found = re.search(rf"(?<!\w){re.escape(trigger)}(?!\w)", window, re.IGNORECASE)
    if found is None:
        idx = window.lower().find(trigger.lower())
        if idx < 0:
            return None
        return start + idx, start + idx + len(trigger)
    return start + found.start(), start + found.end()


def sentence_segments(sentence: str | None, trigger: str | None) -> list[Segment]:
    """An evidence sentence with its trigger marked."""
    sentence = sentence or ""
    hit = trigger_span(sentence, trigger, None)
    marks = [Mark(hit[0], hit[1], "trigger", "trigger")] if hit else []
    return segments(sentence, marks)


def article_marks(
    text: str,
    actors: list[dict[str, Any]],
    events: list[dict[str, Any]],
    quotes: list[dict[str, Any]],
) -> list[Mark]:
    """Marks for an article view: actor mentions, event triggers and quotations."""
    marks: list[Mark] = []
    for actor in actors:
        label = f"{actor.get('name')} ({actor.get('code') or '?'})"
        for mention in actor.get("mentions") or []:
            if isinstance(mention, (list, tuple)) and len(mention) == 2:
                marks.append(Mark(int(mention[0]), int(mention[1]), "actor", label))
    for event in events:
        span = [event.get("span_start"), event.get("span_end")]
        if isinstance(event.get("span"), list):
            span = event["span"]
        hit = trigger_span(text, event.get("trigger"), span)
        if hit:
            label = f"{event.get('code')} {event.get('name') or ''}".strip()
            marks.append(Mark(hit[0], hit[1], "trigger", label))
    for quote in quotes:
        span = [quote.get("span_start"), quote.get("span_end")]
        if isinstance(quote.get("span"), list):
            span = quote["span"]
        if span[0] is not None and span[1] is not None:
            speaker = quote.get("speaker_name") or (quote.get("speaker") or {}).get("name")
            marks.append(Mark(int(span[0]), int(span[1]), "quote", f"quote: {speaker or '?'}"))
    return marks
