"""Direct and partial quotes: a stretch in quotation marks becomes a quote (or is dropped as
scare quotes or a title), with the cue verb that attributes it or a signature after a dash."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from .common import (
    MIN_INDIRECT_TOKENS,
    Found,
    according,
    char_after,
    char_before,
    inside,
    is_cue,
    paragraph_of,
    tokens_from,
    tokens_in,
)
from .cues import Cues
from .marks import Marked

SENTENCE_END = ".?!…"
DASHES = "―—–-"
# Characters that may directly precede an opening mark of a quote that stands on its own.
STANDALONE_BEFORE = ".?!:;,—–-(["
MIN_FLOATING_WORDS = 3


def _own_clause_outside(cue: Token, mark: Marked) -> bool:
    """True when the cue introduces a content clause of its own outside the quote."""
    for child in cue.children:
        if child.dep_ == "ccomp" and not inside(child, mark) and child.i > cue.i:
            span = child.doc[child.left_edge.i : child.right_edge.i + 1]
            if not any(inside(t, mark) for t in span) and len(span) >= MIN_INDIRECT_TOKENS:
                return True
    return False


def _ancestor_cue(doc: Doc, mark: Marked, cues: Cues, paras: list[tuple[int, int]]) -> Token | None:
    """The nearest speech verb governing the quote in the parse (outside the quote).

    The parser may run a sentence across a paragraph break (a headline glued to the next
    paragraph); a cue outside the quote's paragraphs is no cue for it.
    """
    lo = paragraph_of(mark.start, paras)[0]
    hi = paragraph_of(max(mark.start, mark.end - 1), paras)[1]
    span = tokens_in(doc, mark.inner_start, mark.inner_end)
    for token in span:
        if inside(token.head, mark) or token.head.i == token.i:
            continue
        node = token.head
        for _ in range(6):
            if not lo <= node.idx < hi:
                break
            if not inside(node, mark) and (is_cue(node, cues) or according(node, cues)):
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
    after = tokens_from(doc, mark.end, min(hi, nxt))
    if after:
        sent_end = after[0].sent.end
        after = [t for t in after if t.i < sent_end]
        for t in after[:30]:
            if according(t, cues):
                return t
            if is_cue(t, cues) and not _own_clause_outside(t, mark):
                return t
    before_char = char_before(text, mark.start, lo)
    if before_char is not None and before_char not in ".?!":
        prev = marked[index - 1].end if index > 0 else lo
        before = tokens_from(doc, max(lo, prev), mark.start)
        if before:
            sent_start = before[-1].sent.start
            before = [t for t in before if t.i >= sent_start]
            for t in reversed(before):
                if according(t, cues) or is_cue(t, cues):
                    return t
    return None


def _dash_signature(doc: Doc, text: str, mark: Marked, para: tuple[int, int]) -> Span | None:
    """The name signing a quote with a dash right after it ("“...” ― Carla Sanchez")."""
    i = mark.end
    while i < para[1] and text[i] in " \t\u00a0":
        i += 1
    if i >= para[1] or text[i] not in DASHES:
        return None
    after = [t for t in tokens_from(doc, i + 1, para[1]) if not t.is_space]
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


def quote_from_marks(
    doc: Doc,
    text: str,
    mark: Marked,
    index: int,
    marked: list[Marked],
    paras: list[tuple[int, int]],
    cues: Cues,
) -> Found | None:
    """Turn one quoted stretch into a direct or partial quote, or drop it (scare quotes, titles)."""
    para = paragraph_of(mark.start, paras)
    inner = tokens_in(doc, mark.inner_start, mark.inner_end)
    before_char = char_before(text, mark.start, para[0])
    standalone = before_char is None or before_char in STANDALONE_BEFORE
    if _is_title(inner, verbs=not standalone):
        # "Face the Nation", "Screenwise Meter": a name in quotes, nobody speaking. Mid-sentence,
        # a title-case phrase is a title even with a verb in it (on CBS' "Face the Nation.").
        return None
    if not standalone:
        # Esper said "We will act." — a quote that is the object of its cue verb stands alone;
        # after a verb of naming (called it "a disaster") it is a partial quote.
        prev = tokens_from(doc, para[0], mark.start)
        standalone = (
            bool(prev) and is_cue(prev[-1], cues) and prev[-1].lemma_.lower() not in cues.naming
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
            after_char = char_after(text, mark.end, para[1])
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
