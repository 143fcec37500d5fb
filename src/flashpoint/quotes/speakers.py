"""Who said a quote: the subject of its cue verb, resolved through the actors stage when it
knows the mention, else by the fullest form of the name in the article; pronouns and floating
quotes take the most recent fitting speaker before them (resolution runs in text order)."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from ..actors import actor_or_none
from ..nlp.entities import entities, entity_at, entity_index
from .common import Found, Speaker, paragraph_of, tokens_from
from .cues import Cues

SUBJECT_DEPS = ("nsubj", "nsubjpass")
NAME_DEPS = ("compound", "amod", "det", "poss", "nummod", "nmod", "case", "flat")
PERSON = "PERSON"
PERSON_LABELS = frozenset({PERSON})
NAMED = ("PERSON", "ORG", "GPE", "NORP", "FAC")
_WORD = re.compile(r"[^\W_]+")


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


def _name_speaker(doc: Doc, token: Token, span: Span | None = None) -> Speaker:
    span = span if span is not None else _noun_phrase(token)
    actor = actor_or_none(doc, span)
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


def resolve_speakers(
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
            tok = _speaker_token(f.cue, f, paragraph_of(f.cue.idx, paras))
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
    before = [t for t in tokens_from(doc, max(0, pos - 400), pos) if not t.is_space]
    if not before:
        return None
    sent = before[-1].sent
    if sent.end_char > pos:  # the quote starts inside this sentence: look at its start only
        return _person_subject_in(doc, sent.start, before[-1].i + 1, quoted)
    return _person_subject_in(doc, sent.start, sent.end, quoted)
