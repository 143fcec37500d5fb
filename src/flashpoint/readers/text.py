"""Reader for plain-text articles (``.txt``, scraped text still holding site boilerplate)."""

from __future__ import annotations

from collections.abc import Iterator

from ..records import Rejection
from ..settings import Settings
from .inputs import Draft, Opened, decode, read_limited


def read_text(opened: Opened, settings: Settings) -> Iterator[Draft | Rejection]:
    """One draft: the decoded file. Raises ``InputError`` for over-size, truncated or undecodable input."""
    data = read_limited(opened.stream, settings.max_bytes)
    yield Draft(source=opened.source, input_kind="txt", text=decode(data))
