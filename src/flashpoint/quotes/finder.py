"""Find direct, partial and indirect quotations in a parsed Doc and resolve who said them.

Direct and partial quotes come from quotation marks (``marks.py``); indirect speech from the
dependency parse (a speech verb with a content clause, "according to X"). A quote's speaker is
the subject of its cue verb, resolved through the actors stage when it knows the mention, else
by the fullest form of the name in the article; pronouns and unattributed ("floating") quotes
take the most recent fitting speaker before them.

This module puts the steps together; the work is in :mod:`.direct` (quotation marks),
:mod:`.indirect` (reported speech), :mod:`.speakers` (who said it) and :mod:`.common` (the
records and Doc helpers they share).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..records import Quote
from .common import Found, Speaker, paragraph_of, tokens_from
from .cues import Cues
from .direct import quote_from_marks
from .indirect import indirect_quotes
from .marks import find_marked, paragraphs
from .speakers import name_words, resolve_speakers

__all__ = ["Found", "Speaker", "find_quotes", "name_words"]


def find_quotes(doc: Doc, cues: Cues) -> list[Quote]:
    """All quotations in ``doc`` as :class:`~flashpoint.records.Quote` records, in text order."""
    text = doc.text
    marked = find_marked(text)
    paras = paragraphs(text)
    found: list[Found] = []
    for index, mark in enumerate(marked):
        item = quote_from_marks(doc, text, mark, index, marked, paras, cues)
        if item is not None:
            found.append(item)
    quoted = frozenset(t.i for m in marked for t in tokens_from(doc, m.start, m.end))
    found.extend(indirect_quotes(doc, marked, cues, paras, quoted))
    found.sort(key=lambda f: (f.start, -f.end))
    aside = _aside_paragraphs(text, paras, cues)
    found = [f for f in found if paragraph_of(f.start, paras) not in aside]
    resolve_speakers(doc, found, cues, paras, quoted)
    found = [f for f in found if _sourced(f, cues) and not _names_the_speaker(f)]
    quotes = []
    for f in found:
        cue = _cue_text(f.cue) if f.cue is not None else None
        quotes.append(
            Quote(
                text=text[f.start : f.end],
                kind=f.kind,
                span=[f.start, f.end],
                speaker=f.speaker.to_dict() if f.speaker else None,
                cue=cue,
            )
        )
    return quotes


def _sourced(found: Found, cues: Cues) -> bool:
    """Reported speech and partial quotes need someone who speaks: without a resolved speaker,
    or with a data source ("according to the latest figures"), they are no quotation."""
    if found.kind == "direct":
        return True
    if found.speaker is None:
        return False
    tok = found.speaker_token
    return tok is None or tok.lemma_.lower() not in cues.not_speakers


def _aside_paragraphs(
    text: str, paras: list[tuple[int, int]], cues: Cues
) -> frozenset[tuple[int, int]]:
    """Paragraphs that are not the article's reporting: photo captions left in the body (they
    end with a credit) and link lines to other stories ("READ MORE: ...", "WATCH: ...")."""
    return frozenset(
        (lo, hi)
        for lo, hi in paras
        if cues.is_caption(text[lo:hi]) or cues.is_teaser(text[lo:hi])
    )


def _names_the_speaker(found: Found) -> bool:
    """A partial quote inside the phrase naming its own speaker is a term in that phrase
    ("Critics of what is known as a "backstop" argue ..."), not something they said: going up
    the parse from the quote reaches the speaker before the cue."""
    tok, cue = found.speaker_token, found.cue
    if found.kind != "partial" or tok is None or cue is None:
        return False
    inner = [t for t in tokens_from(cue.doc, found.start, found.end) if not t.is_punct]
    if not inner:
        return False
    node = inner[0]
    for _ in range(12):
        if node.i == cue.i:
            return False
        if node.i == tok.i:
            return True
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def _cue_text(cue: Token) -> str:
    if cue.lower_ == "according":
        return "according to"
    return cue.text
