"""Word tests the event rules share: is a token one of a data file's words (by lemma or as
written in lower case)."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

__all__ = ["is_word", "names_any"]


def is_word(tok: Token, words: frozenset[str]) -> bool:
    """Whether ``tok`` is one of ``words``, by its lemma or its lower-case form."""
    return tok.lemma_.lower() in words or tok.lower_ in words


def names_any(tokens: Iterable[Token], words: frozenset[str]) -> bool:
    """Whether any of ``tokens`` is one of ``words``."""
    return any(is_word(t, words) for t in tokens)
