"""Find direct, partial and indirect quotations in a parsed Doc and resolve who said them.

Direct and partial quotes come from quotation marks (``marks.py``); indirect speech from the
dependency parse (a speech verb with a content clause, "according to X"). A quote's speaker is
the subject of its cue verb, resolved through the actors stage when it knows the mention, else
by the fullest form of the name in the article; pronouns and unattributed ("floating") quotes
take the most recent fitting speaker before them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..actors import actor_for_span
from ..entities import entities, entity_at, entity_index
from ..records import Quote
from .cues import Cues
from .marks import Marked, find_marked, paragraphs

SUBJECT_DEPS = ("nsubj", "nsubjpass")
NAME_DEPS = ("compound", "amod", "det", "poss", "nummod", "nmod", "case", "flat")
PERSON = "PERSON"
PERSON_LABELS = frozenset({PERSON})
NAMED = ("PERSON", "ORG", "GPE", "NORP", "FAC")
SENTENCE_END = ".?!…"
DASHES = "―—–-"
# Characters that may directly precede an opening mark of a quote that stands on its own.
STANDALONE_BEFORE = ".?!:;,—–-(["
MIN_INDIRECT_TOKENS = 3
MIN_FLOATING_WORDS = 3
_WORD = re.compile(r"[^\W_]+")


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


def find_quotes(doc: Doc, cues: Cues) -> list[Quote]:
    """All quotations in ``doc`` as :class:`~flashpoint.records.Quote` records, in text order."""
    text = doc.text
    marked = find_marked(text)
    paras = paragraphs(text)
    found: list[Found] = []
    for index, mark in enumerate(marked):
        item = _from_marks(doc, text, mark, index, marked, paras, cues)
        if item is not None:
            found.append(item)
    quoted = frozenset(t.i for m in marked for t in _tokens_from(doc, m.start, m.end))
    found.extend(_indirect(doc, marked, cues, paras, quoted))
    found.sort(key=lambda f: (f.start, -f.end))
    aside = _aside_paragraphs(text, paras, cues)
    found = [f for f in found if _paragraph_of(f.start, paras) not in aside]
    _resolve_speakers(doc, found, cues, paras, quoted)
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
    inner = [t for t in _tokens_from(cue.doc, found.start, found.end) if not t.is_punct]
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


# --- quotes in quotation marks -------------------------------------------------------------


def _tokens_in(doc: Doc, start: int, end: int) -> Span:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span if span is not None else doc[0:0]


def _tokens_from(doc: Doc, start: int, end: int) -> list[Token]:
    """Tokens that begin in the character range ``[start, end)``."""
    if end <= start:
        return []
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return []
    return [t for t in span if start <= t.idx < end]


def _inside(token: Token, mark: Marked) -> bool:
    return mark.start <= token.idx < mark.end


def _in_any(token: Token, marked: list[Marked]) -> bool:
    return any(_inside(token, m) for m in marked)


def _paragraph_of(pos: int, paras: list[tuple[int, int]]) -> tuple[int, int]:
    for lo, hi in paras:
        if lo <= pos < hi:
            return lo, hi
    return 0, 0


def _char_before(text: str, pos: int, floor: int) -> str | None:
    i = pos - 1
    while i >= floor and text[i].isspace():
        i -= 1
    return text[i] if i >= floor else None


def _char_after(text: str, pos: int, ceiling: int) -> str | None:
    i = pos
    while i < ceiling and text[i].isspace():
        i += 1
    return text[i] if i < ceiling else None


def _is_cue(token: Token, cues: Cues) -> bool:
    """A verb of saying used as a verb ("so-called", "a long-awaited" are modifiers, not cues)."""
    if token.dep_ in ("amod", "compound") or (token.i > 0 and token.doc[token.i - 1].text == "-"):
        return False
    return (
        token.pos_ in ("VERB", "AUX")
        and cues.attributes(token.lemma_.lower())
        and not _negated(token)
    )


def _negated(verb: Token) -> bool:
    """A verb under negation ("has not said", "never called") reports no saying."""
    return any(c.dep_ == "neg" for c in verb.children)


def _according(token: Token, cues: Cues) -> bool:
    """True for the first word of an "according to"-style source preposition."""
    lower = token.lower_
    for seq in cues.according:
        if seq and seq[0] == lower:
            words = [t.lower_ for t in token.doc[token.i : token.i + len(seq)]]
            if tuple(words) == seq:
                return True
    return False


def _own_clause_outside(cue: Token, mark: Marked) -> bool:
    """True when the cue introduces a content clause of its own outside the quote."""
    for child in cue.children:
        if child.dep_ == "ccomp" and not _inside(child, mark) and child.i > cue.i:
            span = child.doc[child.left_edge.i : child.right_edge.i + 1]
            if not any(_inside(t, mark) for t in span) and len(span) >= MIN_INDIRECT_TOKENS:
                return True
    return False


def _ancestor_cue(doc: Doc, mark: Marked, cues: Cues, paras: list[tuple[int, int]]) -> Token | None:
    """The nearest speech verb governing the quote in the parse (outside the quote).

    The parser may run a sentence across a paragraph break (a headline glued to the next
    paragraph); a cue outside the quote's paragraphs is no cue for it.
    """
    lo = _paragraph_of(mark.start, paras)[0]
    hi = _paragraph_of(max(mark.start, mark.end - 1), paras)[1]
    span = _tokens_in(doc, mark.inner_start, mark.inner_end)
    for token in span:
        if _inside(token.head, mark) or token.head.i == token.i:
            continue
        node = token.head
        for _ in range(6):
            if not lo <= node.idx < hi:
                break
            if not _inside(node, mark) and (_is_cue(node, cues) or _according(node, cues)):
                return node
            if node.head.i == node.i:
                break
            node = node.head
    return None


def _region_cue(
    doc: Doc,
    text: str,
    mark: Marked,
    index: int,
    marked: list[Marked],
    para: tuple[int, int],
    cues: Cues,
) -> Token | None:
    """A cue in the attribution clause right after the quote, or else right before it."""
    lo, hi = para
    nxt = marked[index + 1].start if index + 1 < len(marked) else len(text)
    after = _tokens_from(doc, mark.end, min(hi, nxt))
    if after:
        sent_end = after[0].sent.end
        after = [t for t in after if t.i < sent_end]
        for t in after[:30]:
            if _according(t, cues):
                return t
            if _is_cue(t, cues) and not _own_clause_outside(t, mark):
                return t
    before_char = _char_before(text, mark.start, lo)
    if before_char is not None and before_char not in ".?!":
        prev = marked[index - 1].end if index > 0 else lo
        before = _tokens_from(doc, max(lo, prev), mark.start)
        if before:
            sent_start = before[-1].sent.start
            before = [t for t in before if t.i >= sent_start]
            for t in reversed(before):
                if _according(t, cues) or _is_cue(t, cues):
                    return t
    return None


def _dash_signature(doc: Doc, text: str, mark: Marked, para: tuple[int, int]) -> Span | None:
    """The name signing a quote with a dash right after it ("“...” ― Carla Sanchez")."""
    i = mark.end
    while i < para[1] and text[i] in " \t\u00a0":
        i += 1
    if i >= para[1] or text[i] not in DASHES:
        return None
    after = [t for t in _tokens_from(doc, i + 1, para[1]) if not t.is_space]
    # Capitalised words, not tags: the signature line may be left unparsed by the prefilter.
    if not after or not _capitalised(after[0]):
        return None
    run = after[0]
    for t in after[1:4]:
        if not _capitalised(t):
            break
        run = t
    return doc[after[0].i : run.i + 1]


def _capitalised(token: Token) -> bool:
    return token.is_alpha and token.text[0].isupper()


def _is_title(inner: Span, verbs: bool = False) -> bool:
    """A short quoted phrase in title case (without a verb, or opening with one when
    ``verbs``): a title or a name, not speech."""
    words = [t for t in inner if t.is_alpha]
    if not words or len(words) > 6:
        return False
    if any(t.pos_ in ("VERB", "AUX") for t in inner):
        # Only imperative titles ("Face the Nation", "Meet the Press") carry a verb; a phrase
        # with a subject ("It's Our Time") is a sung or shouted line.
        if not verbs or len(words) < 2 or words[0].pos_ != "VERB":
            return False
    small = {"the", "a", "an", "of", "and", "or", "in", "on", "for", "to", "at", "with"}
    capital = [t for t in words if t.lower_ not in small]
    return (
        bool(capital) and all(t.text[0].isupper() for t in capital) and words[0].text[0].isupper()
    )


def _word_count(span: Span) -> int:
    return sum(1 for t in span if t.is_alpha or t.like_num)


def _from_marks(
    doc: Doc,
    text: str,
    mark: Marked,
    index: int,
    marked: list[Marked],
    paras: list[tuple[int, int]],
    cues: Cues,
) -> Found | None:
    """Turn one quoted stretch into a direct or partial quote, or drop it (scare quotes, titles)."""
    para = _paragraph_of(mark.start, paras)
    inner = _tokens_in(doc, mark.inner_start, mark.inner_end)
    before_char = _char_before(text, mark.start, para[0])
    standalone = before_char is None or before_char in STANDALONE_BEFORE
    if _is_title(inner, verbs=not standalone):
        # "Face the Nation", "Screenwise Meter": a name in quotes, nobody speaking. Mid-sentence,
        # a title-case phrase is a title even with a verb in it (on CBS' "Face the Nation.").
        return None
    if not standalone:
        # Esper said "We will act." — a quote that is the object of its cue verb stands alone;
        # after a verb of naming (called it "a disaster") it is a partial quote.
        prev = _tokens_from(doc, para[0], mark.start)
        standalone = (
            bool(prev) and _is_cue(prev[-1], cues) and prev[-1].lemma_.lower() not in cues.naming
        )
    cue = _ancestor_cue(doc, mark, cues, paras) or _region_cue(
        doc, text, mark, index, marked, para, cues
    )
    signed = _dash_signature(doc, text, mark, para)
    if standalone and signed is not None:
        return Found(mark.start, mark.end, "direct", signature=signed)
    if standalone:
        if cue is None:
            # Floating: only a sentence-like quote that ends its sentence continues a speaker.
            after_char = _char_after(text, mark.end, para[1])
            ends = text[mark.inner_end - 1] in SENTENCE_END + ",\"'’”" or after_char in (
                None,
                ".",
                ")",
                "]",
                ";",
                "…",
            )
            if _word_count(inner) < MIN_FLOATING_WORDS or not ends:
                return None
            return Found(mark.start, mark.end, "direct", floating=True)
        return Found(mark.start, mark.end, "direct", cue=cue)
    if cue is None:
        return None  # scare quotes, titles, nicknames: nobody is being quoted
    if _labels(cue, cues):
        return None
    return Found(mark.start, mark.end, "partial", cue=cue)


def _labels(cue: Token, cues: Cues) -> bool:
    """True for a naming verb whose object is a free relative ("what the party calls ...",
    "what it described as ..."): the quoted phrase is a label the writer keeps at a distance."""
    return cue.lemma_.lower() in cues.labelling and any(
        c.lower_ in cues.label_objects for c in cue.children
    )


# --- indirect speech -----------------------------------------------------------------------


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


def _indirect(
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
            and not _negated(token)
        ):
            clauses = [c for c in token.children if c.dep_ == "ccomp"]
            if clauses and clauses[0].left_edge.lower_ not in cues.not_reported:
                content = _content_clause(token, clauses[0], quoted, paras, cues)
        elif _according(token, cues) and token.head.i != token.i:
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
    lo, hi = _paragraph_of(cue.idx, paras)

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


# --- speakers ------------------------------------------------------------------------------


def _cue_text(cue: Token) -> str:
    if cue.lower_ == "according":
        return "according to"
    return cue.text


def _speaker_token(cue: Token, found: Found, para: tuple[int, int]) -> Token | None:
    """The token naming who speaks through ``cue`` (its subject, climbing participles).

    Only tokens in the cue's paragraph count: the parser sometimes glues a headline or a
    boilerplate line onto the next paragraph's sentence, giving the verb two "subjects".
    """
    lo, hi = para
    if cue.lower_ == "according":
        for child in cue.children:
            if child.lower_ == "to":
                objs = [c for c in child.children if c.dep_ == "pobj"]
                if objs:
                    return objs[0]
        nxt = cue.doc[cue.i + 1 : cue.i + 3]
        return nxt[-1] if len(nxt) == 2 else None
    node = cue
    for _ in range(6):
        if not lo <= node.idx < hi:
            break
        subjects = [
            c
            for c in node.children
            if c.dep_ in SUBJECT_DEPS
            and not (found.start <= c.idx < found.end)
            and lo <= c.idx < hi
        ]
        if subjects:
            return min(subjects, key=lambda c: abs(c.i - node.i))
        if node.dep_ == "relcl":
            return node.head
        if node.head.i == node.i:
            break
        node = node.head
    # "..., said Esper" parsed with the name as an object
    for child in cue.rights:
        if child.dep_ in ("dobj", "attr", "npadvmod", "appos") and (
            child.pos_ == "PROPN" or child.ent_type_ == PERSON
        ):
            return child
    # A misparsed subject ("During the briefing, Chairman Mark Milley said", a headline glued
    # on) is still the noun right before the verb, or before the verb it is coordinated with.
    for verb in (cue, cue.head) if cue.dep_ == "conj" else (cue,):
        t = _noun_before(verb, found, lo)
        if t is not None:
            return t
    return None


def _noun_before(verb: Token, found: Found, lo: int) -> Token | None:
    """The noun or pronoun directly before ``verb`` (adverbs and auxiliaries skipped)."""
    i = verb.i - 1
    while i >= 0:
        t = verb.doc[i]
        if found.start <= t.idx < found.end or t.idx < lo:
            return None
        if t.pos_ in ("ADV", "AUX", "PART") or t.is_space:
            i -= 1
            continue
        if t.pos_ in ("NOUN", "PROPN", "PRON"):
            return t
        return None
    return None


def _noun_phrase(token: Token) -> Span:
    """The speaker's name phrase: its entity, or the head with its name modifiers."""
    ent = entity_at(token)
    if ent is not None and ent.label_ in NAMED:
        return ent
    if token.ent_type_ != PERSON:
        for child in token.children:
            if child.dep_ == "appos" and child.ent_type_ == PERSON:
                return entity_at(child) or token.doc[child.i : child.i + 1]
    start = token.i
    for child in reversed(list(token.lefts)):
        if (
            child.dep_ in NAME_DEPS
            and child.i == start - 1
            or (child.dep_ in NAME_DEPS and child.right_edge.i == start - 1)
        ):
            start = child.left_edge.i
        else:
            break
    return token.doc[start : token.i + 1]


def name_words(text: str) -> list[str]:
    """Lower-case words of a name, for comparing a resolver's name with the text's."""
    return [w for w in _WORD.findall(text.lower()) if len(w) > 1]


def _clean_name(text: str) -> str:
    text = text.strip().strip(",;:")
    for suffix in ("'s", "’s"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    return text.strip()


def _fullest_person(doc: Doc, name: str) -> str:
    """The longest PERSON name in the doc sharing this name's last word (surname → full name)."""
    words = name.split()
    if not words:
        return name
    surname = words[-1].lower()
    best = name
    for _, _, label, _, _, text in entity_index(doc):
        if label != PERSON:
            continue
        cand = _clean_name(text)
        cwords = cand.split()
        if cwords and cwords[-1].lower() == surname and len(cwords) > len(best.split()):
            best = cand
    return best


def _actor_for(doc: Doc, span: Span):
    try:
        return actor_for_span(doc, span)
    except Exception:  # noqa: BLE001 - a failing resolver must not lose the quote
        return None


def _name_speaker(doc: Doc, token: Token, span: Span | None = None) -> Speaker:
    span = span if span is not None else _noun_phrase(token)
    actor = _actor_for(doc, span)
    is_person = span.label_ == PERSON if span.label_ else token.ent_type_ == PERSON
    if actor is not None and set(name_words(actor.name)) & set(name_words(span.text)):
        person = is_person or actor.kind == "person"
        name = _clean_name(actor.name)
        if person:
            name = _fullest_person(doc, name)
        return Speaker(name, actor.code, person)
    name = _clean_name(span.text)
    if is_person or all(t.pos_ == "PROPN" for t in span):
        full = _fullest_person(doc, name)
        # a proper name the tagger missed as a person is one when the article names that person
        is_person = is_person or full != name or _is_person_name(doc, name) or _looks_personal(span)
        name = full
    return Speaker(name, None, is_person)


def _looks_personal(span: Span) -> bool:
    """A short proper name the model tagged as nothing or as ORG: small models often tag
    surnames that way, so it may stand for a person when a pronoun later refers back."""
    return (
        len(span) <= 3
        and all(t.pos_ == "PROPN" for t in span)
        and span[-1].ent_type_ in ("", "ORG")
    )


def _is_person_name(doc: Doc, name: str) -> bool:
    return any(row[2] == PERSON and _clean_name(row[5]) == name for row in entity_index(doc))


def _recent_person(doc: Doc, before: int) -> Speaker | None:
    """The person named last before ``before`` within a few sentences, subjects first."""
    floor_sent = None
    sents = [s for s in doc.sents if s.start_char < before]
    if sents:
        floor_sent = sents[max(0, len(sents) - 4)].start_char
    persons = [
        e
        for e in entities(doc, PERSON_LABELS)
        if e.end_char <= before
        and (floor_sent is None or e.start_char >= floor_sent)
    ]
    if not persons:
        return None
    subjects = [e for e in persons if e.root.dep_ in SUBJECT_DEPS]
    ent = (subjects or persons)[-1]
    return _name_speaker(doc, ent.root)


def _issuer(token: Token, cues: Cues) -> Token:
    """The one a speaking token stands for: the noun a relative pronoun modifies, the issuer
    of a statement or release when named ("a statement from the union", "her statement")."""
    if token.lower_ in cues.relative_pronouns and token.head.dep_ == "relcl":
        token = token.head.head
    if token.lemma_.lower() in cues.reporting_nouns:
        for child in token.children:
            if child.dep_ == "poss":
                return child
            if child.dep_ == "prep" and child.lower_ in ("from", "by", "of"):
                objs = [c for c in child.children if c.dep_ == "pobj"]
                if objs:
                    return objs[0]
    return token


def _resolve_speakers(
    doc: Doc, found: list[Found], cues: Cues, paras: list[tuple[int, int]], quoted: frozenset[int]
) -> None:
    """Fill ``speaker`` on every quote in text order, so pronouns and floating quotes look back."""
    last: Speaker | None = None
    last_person: Speaker | None = None
    last_end = -1
    last_person_end = -1
    for f in found:
        speaker: Speaker | None = None
        if f.signature is not None:
            speaker = _name_speaker(doc, f.signature.root, f.signature)
        elif f.cue is not None:
            tok = _speaker_token(f.cue, f, _paragraph_of(f.cue.idx, paras))
            if tok is not None:
                tok = _issuer(tok, cues)
            f.speaker_token = tok
            if tok is not None:
                if tok.lower_ in cues.pronouns:
                    recent_person = (
                        last_person
                        if last_person is not None
                        and _paragraph_gap(paras, last_person_end, f.start) <= 3
                        else None
                    )
                    speaker = _resolve_pronoun(doc, tok, cues, last, recent_person, quoted)
                else:
                    speaker = _name_speaker(doc, tok)
        elif f.floating:
            # A person made the subject of the sentence just before takes the floor ("Durning
            # did not need much coaxing. “I’m thankful ...”"); otherwise the quote continues
            # the last speaker.
            near = last is not None and _paragraph_gap(paras, last_end, f.start) <= 2
            speaker = _previous_subject(doc, f.start, quoted)
            if speaker is None:
                speaker = last if near else (_recent_person(doc, f.start) or last)
        f.speaker = speaker
        if speaker is not None:
            last, last_end = speaker, f.end
            if speaker.person:
                last_person, last_person_end = speaker, f.end


def _paragraph_gap(paras: list[tuple[int, int]], a: int, b: int) -> int:
    """How many paragraph breaks lie between offsets ``a`` and ``b``."""
    return sum(1 for lo, _ in paras if a < lo <= b)


def _resolve_pronoun(
    doc: Doc,
    token: Token,
    cues: Cues,
    last: Speaker | None,
    last_person: Speaker | None,
    quoted: frozenset[int],
) -> Speaker | None:
    """Who "he"/"she"/"they" is: a person just named as a subject, else the person being quoted."""
    if token.lower_ in cues.person_pronouns:
        subject = _subject_person(doc, token, quoted)
        if subject is not None:
            return subject
        found = last_person or _recent_person(doc, token.idx)
        if found is None and last is not None and last.name[:1].isupper():
            # the last named speaker (whom the tagger did not know as a person); never a
            # description like "a spokesman" — a wrong name is worse than none
            found = last
        return found
    return last


def _subject_person(doc: Doc, token: Token, quoted: frozenset[int]) -> Speaker | None:
    """A person who is the subject earlier in this sentence or in the sentence before."""
    sent = token.sent
    start = sent.start
    if start > 0:
        start = doc[start - 1].sent.start
    return _person_subject_in(doc, start, token.i, quoted)


def _person_subject_in(doc: Doc, start: int, end: int, quoted: frozenset[int]) -> Speaker | None:
    """The person named as a subject last between tokens ``start`` and ``end``.

    A PERSON entity, or a proper-noun subject the tagger did not label as a place or a
    nationality (small models often tag surnames as ORG).
    """
    for t in reversed(doc[start:end]):
        if t.dep_ not in SUBJECT_DEPS or t.pos_ != "PROPN" or t.i in quoted:
            continue
        ent = entity_at(t)
        if t.ent_type_ == PERSON or (t.ent_type_ in ("", "ORG") and (ent is None or len(ent) <= 2)):
            return _name_speaker(doc, t)
    return None


def _previous_subject(doc: Doc, pos: int, quoted: frozenset[int]) -> Speaker | None:
    """A person who is the subject of the sentence ending right before offset ``pos``."""
    before = [t for t in _tokens_from(doc, max(0, pos - 400), pos) if not t.is_space]
    if not before:
        return None
    sent = before[-1].sent
    if sent.end_char > pos:  # the quote starts inside this sentence: look at its start only
        return _person_subject_in(doc, sent.start, before[-1].i + 1, quoted)
    return _person_subject_in(doc, sent.start, sent.end, quoted)
