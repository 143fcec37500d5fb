"""Phrase matching of the actors' knowledge: the spaCy PhraseMatcher built from the knowledge
tables (phrases tokenized a thousand at a time), the key a matched span is looked up by, and the
longest non-overlapping matches. Read by :mod:`.component`."""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Span

from .terms import Term
from .units import Match

__all__ = ["longest", "pattern_keys", "phrase_key", "phrase_matcher"]


def phrase_matcher(nlp: Language, table: dict[str, Term], attr: str) -> PhraseMatcher:
    matcher = PhraseMatcher(nlp.vocab, attr=attr)
    # Patterns need tokens, not tags: the tokenizer's token values (ORTH or LOWER) are enough.
    matcher.add("ACTOR", pattern_keys(nlp, list(table), attr))
    return matcher


_SEPARATOR = "\n"
_JOIN = 1000  # phrases tokenized together


def pattern_keys(nlp: Language, texts: list[str], attr: str) -> list[list[int]]:
    """Each text's token values of ``attr`` (``ORTH`` or ``LOWER``) as the tokenizer makes them,
    as a PhraseMatcher takes them instead of a Doc per text.

    Phrases are tokenized a thousand at a time, joined by line breaks: the tokenizer splits a text
    at whitespace and reads each piece alone, so a phrase's tokens do not depend on its
    neighbours, and one call instead of a Doc per phrase is 30 times faster (a few tenths of a
    second at every start). Phrases the join could change (empty, with a line break or
    surrounding whitespace) are tokenized alone, and so is a group whose line breaks do not
    come back as one token each.
    """
    keys: list[list[int]] = [[] for _ in texts]
    alone = [i for i, t in enumerate(texts) if not t or _SEPARATOR in t or t != t.strip()]
    skip = set(alone)
    joinable = [i for i in range(len(texts)) if i not in skip]
    for start in range(0, len(joinable), _JOIN):
        group = joinable[start:start + _JOIN]
        doc = nlp.tokenizer(_SEPARATOR.join(texts[i] for i in group))
        split: list[list[int]] = [[]]
        for token in doc:
            if token.text == _SEPARATOR:
                split.append([])
            else:
                split[-1].append(token.orth if attr == "ORTH" else token.lower)
        if len(split) == len(group) and all(split):
            for i, values in zip(group, split, strict=True):
                keys[i] = values
        else:
            alone += group
    for i in alone:
        keys[i] = [t.orth if attr == "ORTH" else t.lower for t in nlp.tokenizer(texts[i])]
    return [k for k in keys if k]


def phrase_key(span: Span, lower: bool) -> str:
    text = "".join(t.text_with_ws for t in span).strip()
    return " ".join(text.lower().split()) if lower else text


def longest(matches: list[Match]) -> list[Match]:
    """Non-overlapping matches, longest first, then leftmost."""
    out: list[Match] = []
    taken: set[int] = set()
    for m in sorted(matches, key=lambda m: (-(m.end - m.start), m.start)):
        if not any(i in taken for i in range(m.start, m.end)):
            out.append(m)
            taken.update(range(m.start, m.end))
    return sorted(out, key=lambda m: m.start)
