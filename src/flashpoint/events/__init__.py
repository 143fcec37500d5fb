"""Events stage: CAMEO events from the dependency parse (component ``flashpoint_events``)."""

from __future__ import annotations

from .coder import EventCoder, code_doc, make_event_coder
from .patterns import Pattern, PatternSet, load_patterns, patterns

__all__ = [
    "EventCoder",
    "make_event_coder",
    "code_doc",
    "Pattern",
    "PatternSet",
    "load_patterns",
    "patterns",
]
