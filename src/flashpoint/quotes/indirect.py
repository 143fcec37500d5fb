"""Indirect (reported) speech from the dependency parse: a speech verb with a content clause
("X said that ...", "..., X said") and "according to X"."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from .common import MIN_INDIRECT_TOKENS, Found, according, negated, paragraph_of
from .cues import Cues
from .marks import Marked


def _trim_span(span: Span) -> Span:
    start, end = span.start, span.end
    while start < end and (span.doc[start].is_punct or span.doc[start].is_space):
        start += 1
    while end > start and (span.doc[end - 1].is_punct or span.doc[end - 1].is_space):
        # keep a closing quotation mark that belongs to a quote ending the clause
        if span.doc[end - 1].is_quote and end - 1 > start:
            break
        end -= 1
    return span.doc[start:end]


def _quoted_share(span: Span, marked: list[Marked]) -> float:
    if not len(span):
        return 0.0
    start, end = span.start_char, span.end_char
    covered = sum(max(0, min(end, m.end) - max(start, m.start)) for m in marked)
    return covered / max(1, end - start)


def _has_verb(span: Span) -> bool:
    return any(t.pos_ in ("VERB", "AUX") for t in span)


def indirect_quotes(
    doc: Doc, marked: list[Marked], cues: Cues, paras: list[tuple[int, int]], quoted: frozenset[int]
) -> list[Found]:
    """Reported speech from the parse: speech verb + content clause, and "according to X"."""
    found: list[Found] = []
    for token in doc:
        if token.i in quoted:
            continue
        content: Span | None = None
        if (
            token.pos_ in ("VERB", "AUX")
            and token.lemma_.lower() in cues.speech
            # "has not said he would veto": a denied saying reports nothing
            and not negated(token)
        ):
            clauses = [c for c in token.children if c.dep_ == "ccomp"]
            if clauses and clauses[0].left_edge.lower_ not in cues.not_reported:
                content = _content_clause(token, clauses[0], quoted, paras, cues)
        elif according(token, cues) and token.head.i != token.i:
            content = _according_content(token)
        if content is None:
            continue
        content = _trim_span(content)
        if len(content) < MIN_INDIRECT_TOKENS or not _has_verb(content):
            continue
        if _quoted_share(content, marked) >= 0.5:
            continue  # the clause is a direct quote; the marks already attribute it
        start, end = content.start_char, content.end_char
        for m in marked:
            # a quote mark half inside the clause belongs to it ("would be 'released soon.'")
            if m.start < end and start < m.end:
                start, end = min(start, m.start), max(end, m.end)
        found.append(Found(start, end, "indirect", cue=token))
    # A cue inside another quote's reported clause is speech reported second-hand; the
    # outer quotation already covers it.
    return [
        f
        for f in found
        if not any(
            g is not f and g.start <= f.cue.idx < g.end and g.start <= f.start for g in found
        )
    ]


def _content_clause(
    cue: Token, clause: Token, quoted: frozenset[int], paras: list[tuple[int, int]], cues: Cues
) -> Span:
    """The reported clause of ``cue``: its content clause, stretched to the sentence's end
    (after "X said ...") or start (before "..., X said"), since news writing reports the whole
    remainder of the sentence; it never crosses a paragraph or another cue."""
    doc = cue.doc
    sent = cue.sent
    lo, hi = paragraph_of(cue.idx, paras)

    def in_para(i: int) -> bool:
        return lo <= doc[i].idx < hi

    if clause.i > cue.i:
        start = max(clause.left_edge.i, cue.i + 1)
        start = min(start, _content_start(cue, start, cues))
        end = clause.right_edge.i + 1
        while end > start and not in_para(end - 1):
            end -= 1
        stop: Token | None = None
        while end < sent.end:
            t = doc[end]
            if not in_para(end) or t.i in quoted:
                break
            if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in cues.speech:
                stop = t
                break
            end += 1
        if stop is not None:
            # "..., but he added" — the next cue's subject and conjunction are not content
            while end > start and (
                doc[end - 1].head.i == stop.i or doc[end - 1].is_punct or doc[end - 1].dep_ == "cc"
            ):
                end -= 1
        return doc[start:end]
    end = min(clause.right_edge.i + 1, cue.i)
    start = clause.left_edge.i
    while start < end and not in_para(start):
        start += 1
    while start > sent.start and in_para(start - 1) and (start - 1) not in quoted:
        start -= 1
    return doc[start:end]


# Modifiers of the cue that sit between it and what was said ("said on Monday that").
LEAD_IN_DEPS = ("advmod", "prep", "dative", "agent", "punct", "cc")


def _content_start(cue: Token, clause_start: int, cues: Cues) -> int:
    """Where the reported words begin after ``cue``: right after its time and place modifiers.

    The parser often hangs the start of a long reported clause on the cue itself ("said
    smaller brewers who ... are likely to suffer", "said Thursday one of the suggestions ...
    could save money"): a verb that never takes a listener as object has no object of its own
    there, so those words belong to the clause.
    """
    doc = cue.doc
    for i in range(cue.i + 1, clause_start):
        t = doc[i]
        if t.is_punct or t.is_space or t.ent_type_ in ("DATE", "TIME"):
            continue
        child = t
        while child.head.i != cue.i and child.head.i != child.i:
            child = child.head
        if child.head.i != cue.i or child.dep_ in LEAD_IN_DEPS:
            continue
        if child.dep_ == "npadvmod" or (
            child.dep_ == "dobj" and cue.lemma_.lower() in cues.clause_only
        ):
            return i
        return clause_start
    return clause_start


def _according_content(token: Token) -> Span | None:
    """The clause an "according to X" phrase attributes: its head clause minus the phrase."""
    head = token.head
    while head.dep_ not in ("ROOT",) and head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    clause = set(range(head.left_edge.i, head.right_edge.i + 1))
    phrase = set(range(token.left_edge.i, token.right_edge.i + 1))
    keep = sorted(clause - phrase)
    if not keep:
        return None
    # the longest contiguous run: the phrase sits at the start, the end or in the middle
    runs: list[list[int]] = [[keep[0]]]
    for i in keep[1:]:
        if i == runs[-1][-1] + 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    best = max(runs, key=len)
    return token.doc[best[0] : best[-1] + 1]
