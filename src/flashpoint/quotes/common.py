"""What the quote finders share: the :class:`Found` and :class:`Speaker` records, character and
token helpers over the Doc, and the tests for a speech cue.

Used by :mod:`.direct` (quotes in quotation marks), :mod:`.indirect` (reported speech) and
:mod:`.speakers` (who said it); :mod:`.finder` puts them together.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from .cues import Cues
from .marks import Marked

MIN_INDIRECT_TOKENS = 3


@dataclass
class Speaker:
    """A resolved speaker: display name, actor code, and whether it is a person."""

    name: str
    code: str | None
    person: bool

    def to_dict(self) -> dict[str, str | None]:
        return {"name": self.name, "code": self.code}


@dataclass
class Found:
    """A quotation before its speaker is resolved (resolution runs in text order)."""

    start: int
    end: int
    kind: str
    cue: Token | None = None
    speaker_token: Token | None = None
    floating: bool = False
    signature: Span | None = None  # the name signing the quote after a dash
    speaker: Speaker | None = None


def tokens_in(doc: Doc, start: int, end: int) -> Span:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span if span is not None else doc[0:0]


def tokens_from(doc: Doc, start: int, end: int) -> list[Token]:
    """Tokens that begin in the character range ``[start, end)``."""
    if end <= start:
        return []
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return []
    return [t for t in span if start <= t.idx < end]


def inside(token: Token, mark: Marked) -> bool:
    return mark.start <= token.idx < mark.end


def paragraph_of(pos: int, paras: list[tuple[int, int]]) -> tuple[int, int]:
    for lo, hi in paras:
        if lo <= pos < hi:
            return lo, hi
    return 0, 0


def char_before(text: str, pos: int, floor: int) -> str | None:
    i = pos - 1
    while i >= floor and text[i].isspace():
        i -= 1
    return text[i] if i >= floor else None


def char_after(text: str, pos: int, ceiling: int) -> str | None:
    i = pos
    while i < ceiling and text[i].isspace():
        i += 1
    return text[i] if i < ceiling else None


def is_cue(token: Token, cues: Cues) -> bool:
    """A verb of saying used as a verb ("so-called", "a long-awaited" are modifiers, not cues)."""
    if token.dep_ in ("amod", "compound") or (token.i > 0 and token.doc[token.i - 1].text == "-"):
        return False
    return (
        token.pos_ in ("VERB", "AUX")
        and cues.attributes(token.lemma_.lower())
        and not negated(token)
    )


def negated(verb: Token) -> bool:
    """A verb under negation ("has not said", "never called") reports no saying."""
    return any(c.dep_ == "neg" for c in verb.children)


def according(token: Token, cues: Cues) -> bool:
    """True for the first word of an "according to"-style source preposition."""
    lower = token.lower_
    for seq in cues.according:
        if seq and seq[0] == lower:
            words = [t.lower_ for t in token.doc[token.i : token.i + len(seq)]]
            if tuple(words) == seq:
                return True
    return False
