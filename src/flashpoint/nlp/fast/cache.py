"""A bounded cache for answers computed per word form (or per form and tag).

The prefilter and the fast model stand-ins remember, per distinct word, what they worked out
once. Distinct words keep arriving in a long corpus, so each such cache starts over when it
holds ``limit`` entries: memory stays bounded, and the answers (pure functions of the key) do
not change.
"""

from __future__ import annotations

from typing import TypeVar

__all__ = ["MAX_CACHED_FORMS", "FormCache"]

# Entries a per-form cache holds before it starts over.
MAX_CACHED_FORMS = 200_000

K = TypeVar("K")
V = TypeVar("V")


class FormCache(dict[K, V]):
    """A dict whose :meth:`put` clears it first when it is full."""

    def __init__(self, limit: int = MAX_CACHED_FORMS):
        super().__init__()
        self.limit = limit

    def put(self, key: K, value: V) -> V:
        """Remember ``value`` for ``key`` and return it."""
        if len(self) >= self.limit:
            self.clear()
        self[key] = value
        return value
