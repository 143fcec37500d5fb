"""Word tests the event rules share: a token's lemma (with the model's known lemmatization
slips repaired from ``data/lemmas.yaml``), and whether a token is one of a data file's words (by
lemma or as written in lower case)."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import yaml
from spacy.tokens import Token

from ..errors import KnowledgeError
from ..yamldata import load_yaml

__all__ = ["is_word", "lemma", "lemma_repairs", "names_any"]

LEMMAS_PATH = Path(__file__).with_name("data") / "lemmas.yaml"


@lru_cache(maxsize=1)
def lemma_repairs() -> dict[str, str]:
    """Word form (lower case) -> the lemma the model gets wrong for it."""
    try:
        forms = load_yaml(LEMMAS_PATH.read_text(encoding="utf-8"))["forms"]
        return {str(form).lower(): str(lem).lower() for form, lem in forms.items()}
    except (OSError, KeyError, TypeError, AttributeError, yaml.YAMLError) as exc:
        raise KnowledgeError(f"cannot read {LEMMAS_PATH}: {exc}") from exc


def lemma(tok: Token) -> str:
    """The lower-case lemma of ``tok``; "staged" is "stage" even where the model says "stag"."""
    return lemma_repairs().get(tok.lower_) or tok.lemma_.lower()


def is_word(tok: Token, words: frozenset[str]) -> bool:
    """Whether ``tok`` is one of ``words``, by its lemma or its lower-case form."""
    return lemma(tok) in words or tok.lower_ in words


def names_any(tokens: Iterable[Token], words: frozenset[str]) -> bool:
    """Whether any of ``tokens`` is one of ``words``."""
    return any(is_word(t, words) for t in tokens)
