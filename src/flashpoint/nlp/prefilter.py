"""Prefilter: send only the sentences that can hold an event or a quote through the full spaCy model.

A cheap pass (tokenizer + a rule-based sentence splitter) picks *candidate* sentences: those with
an event trigger whose pattern constraints could be met by the sentence's words, a reporting cue
outside quotation marks, or part of a quotation — plus a little context before those that may
lean on it (pronoun antecedents, speakers of floating quotes and of "the minister said"); an
event sentence that names its own actors gets none. Candidate runs are parsed in batches, with
exact fast stand-ins for the model's rule components (:mod:`flashpoint.nlp.fast.rules`) and its entity
recognizer decoded a batch at a time (:mod:`flashpoint.nlp.fast.ner`) unless
``settings.fast_components`` is off; the other
sentences keep their tokens with a trivial tree (first token ROOT, the rest attached to it), so ``doc.sents`` stays right and
flashpoint's components simply find nothing there. The parts are joined back with
``Doc.from_docs`` into one Doc whose text is exactly the article's text, so every character
offset the components write indexes ``article.text``.

The trigger vocabulary and the lemma guessing are in :mod:`flashpoint.nlp.vocabulary`. What the
stages know (their trigger vocabulary, where a text's quotations stand) is handed in by
:mod:`flashpoint.pipeline`: nothing here imports a stage.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from .fast.cache import FormCache
from .fast.ner import BatchEntityRecognizer
from .fast.rules import BulkLemmatizer, IndexedAttributeRuler
from .vocabulary import LemmaGuesser, TriggerVocabulary

__all__ = [
    "Candidates",
    "Pieces",
    "LemmaGuesser",
    "Prefilter",
    "QuotationFinder",
    "TriggerVocabulary",
    "join_parts",
    "prefilter_for",
    "sentence_bounds",
    "stand_ins",
]

# Tokens that end a sentence, and marks that stay with the sentence they close.
SENTENCE_END_CHARS = frozenset(".!?…")
CLOSING_MARKS = frozenset({'"', "”", "’", "'", ")", "]", "»"})
# Pronouns whose person is named in an earlier sentence (outside quotation marks).
ANTECEDENT_PRONOUNS = frozenset(
    {"he", "him", "his", "she", "her", "hers", "they", "them", "their", "it", "its", "we", "us", "our"}
)
# What a form that matters to no decision tells the selection.
_NOTHING: tuple[frozenset[str], bool, bool] = (frozenset(), False, False)
# The dependency label given to tokens of sentences that are not parsed.
UNPARSED_DEP = "dep"

QuotationFinder = Callable[[str], list[tuple[int, int]]]
"""Where a text's quotations stand: ``(start, end)`` character spans, marks included, in order
(the quotes stage's :func:`~flashpoint.quotes.marks.quotation_spans`, handed in)."""


# -- sentences ---------------------------------------------------------------------------------

# Token kinds for sentence splitting, by form.
_OTHER, _SPACE, _BREAK, _END, _CLOSING = range(5)
_KINDS: FormCache[str, int] = FormCache()


def _kind(text: str) -> int:
    found = _KINDS.get(text)
    if found is None:
        if text.isspace():
            found = _BREAK if "\n" in text else _SPACE
        elif text and all(c in SENTENCE_END_CHARS for c in text):
            found = _END
        elif text in CLOSING_MARKS:
            found = _CLOSING
        else:
            found = _OTHER
        _KINDS.put(text, found)
    return found


def sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """Token ``(start, end)`` of each sentence, by punctuation and line breaks (no model).

    A sentence ends after ``.``/``!``/``?`` (with the closing marks glued to it) or at a line
    break; the whitespace after it belongs to it, so the bounds tile the Doc without gaps.
    """
    from spacy.attrs import ORTH, SPACY

    strings = doc.vocab.strings
    rows = doc.to_array([ORTH, SPACY]).tolist()
    kinds = [_kind(strings[orth]) for orth, _ in rows]
    bounds: list[tuple[int, int]] = []
    n = len(doc)
    start = 0
    i = 0
    while i < n:
        kind = kinds[i]
        end: int | None = None
        if kind == _BREAK:
            end = i + 1
        elif kind == _END:
            end = i + 1
            while end < n and kinds[end] == _CLOSING and not rows[end - 1][1]:
                end += 1
        if end is None:
            i += 1
            continue
        while end < n and kinds[end] in (_SPACE, _BREAK):
            end += 1  # trailing whitespace (paragraph breaks) stays with the sentence it ends
        bounds.append((start, end))
        start = i = end
    if start < n:
        bounds.append((start, n))
    return bounds


# -- selection -----------------------------------------------------------------------------------

@dataclass
class Candidates:
    """The outcome of the cheap pass over one Doc: its sentences and which of them to parse."""

    sentences: list[tuple[int, int]]
    keep: list[bool]

    def runs(self) -> list[tuple[int, int, bool]]:
        """Maximal token runs of consecutive sentences with the same decision, in order."""
        out: list[tuple[int, int, bool]] = []
        for (start, end), keep in zip(self.sentences, self.keep, strict=True):
            if out and out[-1][2] == keep:
                out[-1] = (out[-1][0], end, keep)
            else:
                out.append((start, end, keep))
        return out

    @property
    def share(self) -> float:
        """Share of tokens in kept sentences."""
        total = sum(e - s for s, e in self.sentences)
        kept = sum(e - s for (s, e), k in zip(self.sentences, self.keep, strict=True) if k)
        return kept / total if total else 0.0


class Prefilter:
    """Chooses candidate sentences and rebuilds a full Doc from parsed and unparsed parts."""

    def __init__(self, nlp: Language, guesser: LemmaGuesser, vocabulary: TriggerVocabulary,
                 quotations: QuotationFinder, context: int = 2, fast_components: bool = True):
        self.nlp = nlp
        self.guess = guesser
        self.vocabulary = vocabulary
        self.quotations = quotations
        self.context = context
        self.fast_components = fast_components
        self._words: FormCache[int, tuple[frozenset[str], bool, bool]] = FormCache()  # by LOWER hash
        # Stand-ins for model components, by component name (none: spaCy's own components run).
        self.replacements: dict[str, Callable[[Doc], Doc]] = stand_ins(nlp) if fast_components else {}

    # -- the cheap pass ------------------------------------------------------------------------
    def candidates(self, doc: Doc) -> Candidates:
        """Sentences of a tokenized (unparsed) Doc, and whether each needs the full model.

        A sentence is a candidate when its words admit an event trigger (inside quotation
        marks too: events in quotes are coded and attributed), when a speech cue stands outside
        quotation marks, or when it holds part of a quotation. The ``context`` sentences before
        a candidate are parsed too when the candidate may lean on them: a pronoun outside
        quotation marks, a quotation or a speech cue ("he said", "the minister said", a floating
        quote) — their person is often named in the sentences before. An event sentence that
        names its own actors needs no context.
        """
        from spacy.attrs import IDX, LOWER

        sentences = sentence_bounds(doc)
        quoted = self.quotations(doc.text)
        rows = doc.to_array([LOWER, IDX]).tolist()
        strings = doc.vocab.strings
        keep: list[bool] = []
        leans: list[bool] = []
        q = 0  # first quotation that may reach the current sentence (both lists are in order)
        for start, end in sentences:
            first = rows[start][1]
            last = rows[end][1] if end < len(rows) else len(doc.text)
            while q < len(quoted) and quoted[q][1] <= first:
                q += 1
            spans = []
            for qs, qe in quoted[q:]:
                if qs >= last:
                    break
                spans.append((qs, qe))
            lemmas: set[str] = set()
            cue = pronoun = False
            for lower, idx in rows[start:end]:
                word = self._words.get(lower)
                if word is None:
                    word = self._words.put(lower, self._word(strings[lower]))
                if word is _NOTHING:
                    continue
                relevant, is_cue, is_pronoun = word
                lemmas |= relevant
                if (is_cue or is_pronoun) and not any(qs <= idx < qe for qs, qe in spans):
                    cue = cue or is_cue
                    pronoun = pronoun or is_pronoun
            keep.append(bool(spans) or cue or self.vocabulary.admits(lemmas))
            leans.append(pronoun or bool(spans) or cue)
        if self.context:
            for i in [i for i, k in enumerate(keep) if k and leans[i]]:
                for j in range(max(0, i - self.context), i):
                    keep[j] = True
        return Candidates(sentences, keep)

    def _word(self, lower: str) -> tuple[frozenset[str], bool, bool]:
        """What a lower-case form tells the selection: its guessed lemmas that matter, whether
        it is a speech cue, whether it is a pronoun that needs an antecedent."""
        if not (lower.isalpha() or "-" in lower):
            return _NOTHING
        guesses = self.guess(lower)
        found = (
            guesses & self.vocabulary.relevant,
            not guesses.isdisjoint(self.vocabulary.cues),
            lower in ANTECEDENT_PRONOUNS,
        )
        return found if (found[0] or found[1] or found[2]) else _NOTHING


class Pieces:
    """Cuts a tokenized Doc into new Docs of consecutive tokens, reading its arrays once.

    ``Span.as_doc`` re-reads every attribute of the whole Doc for each span it copies; the model
    needs only the forms, the spaces and the tokenizer's norms (special cases such as "gonna"),
    so those are read once and every piece is built from them.
    """

    def __init__(self, doc: Doc):
        from spacy.attrs import NORM, ORTH, SPACY

        self.vocab = doc.vocab
        rows = doc.to_array([ORTH, SPACY, NORM])
        strings = doc.vocab.strings
        self.words = [strings[orth] for orth in rows[:, 0].tolist()]
        self.spaces = [bool(space) for space in rows[:, 1].tolist()]
        self.norms = rows[:, 2:3]

    def piece(self, start: int, end: int, sentences: list[tuple[int, int]] | None = None) -> Doc:
        """Tokens ``[start, end)`` as a new Doc; with ``sentences``, a trivial tree per sentence
        (first token ROOT, the rest attached to it) for a part the model does not see."""
        from spacy.attrs import NORM

        heads: list[int] | None = None
        deps: list[str] | None = None
        if sentences is not None:
            heads, deps = [], []
            for s, e in sentences:
                if e <= start or s >= end:
                    continue
                root = s - start
                for i in range(s, e):
                    heads.append(root)
                    deps.append("ROOT" if i == s else UNPARSED_DEP)
        piece = Doc(self.vocab, words=self.words[start:end], spaces=self.spaces[start:end],
                    heads=heads, deps=deps)
        piece.from_array([NORM], self.norms[start:end])
        return piece


def run_model(nlp: Language, docs: Iterable[Doc], batch_size: int,
              replacements: dict[str, Callable[[Doc], Doc]] | None = None) -> list[Doc]:
    """The components of :func:`model_pipes` over ``docs``, in order, batched."""
    stream: Iterable[Doc] = iter(docs)
    wanted = set(model_pipes(nlp))
    for name, proc in nlp.pipeline:
        if name not in wanted:
            continue
        if replacements and name in replacements:
            stand_in = replacements[name]
            pipe = getattr(stand_in, "pipe", None)
            stream = pipe(stream, batch_size=batch_size) if pipe else map(stand_in, stream)
        elif hasattr(proc, "pipe"):
            stream = proc.pipe(stream, batch_size=batch_size)
        else:
            stream = map(proc, stream)
    return list(stream)


def join_parts(parts: list[Doc]) -> Doc:
    """One Doc from consecutive parts; its text is the parts' texts concatenated, unchanged."""
    return Doc.from_docs(parts, ensure_whitespace=False, exclude=["tensor", "user_data"])


def stand_ins(nlp: Language) -> dict[str, Callable[[Doc], Doc]]:
    """The exact fast stand-ins for ``nlp``'s model components, by component name: the rule
    components applied through lookups, the entity recognizer decoded a batch at a time. A
    component the stand-ins cannot reproduce is left out (spaCy's own runs; a warning is logged)."""
    return {
        name: found
        for name, found in (("attribute_ruler", IndexedAttributeRuler.from_nlp(nlp)),
                            ("lemmatizer", BulkLemmatizer.from_nlp(nlp)),
                            ("ner", BatchEntityRecognizer.from_nlp(nlp)))
        if found is not None
    }


# The prefilter of each pipeline, with what it was built from (see prefilter_for).
_PREFILTERS: weakref.WeakKeyDictionary[Language, tuple[tuple, Prefilter | None]] = weakref.WeakKeyDictionary()


def prefilter_for(nlp: Language, vocabulary_of: Callable[[Language], TriggerVocabulary],
                  quotations: QuotationFinder, context: int = 2,
                  fast_components: bool = True) -> Prefilter | None:
    """The prefilter for a pipeline (built once per pipeline), or ``None`` when the model has no
    rule-lemmatizer tables to guess lemmas with (the caller then parses everything).
    ``vocabulary_of(nlp)`` gives the stages' trigger vocabulary (called when the prefilter is
    built) and ``quotations`` finds a text's quotations. With ``fast_components`` the model runs
    through :func:`stand_ins`, else through spaCy's components."""
    key = (vocabulary_of, quotations, context, fast_components)
    if nlp in _PREFILTERS:
        built_for, found = _PREFILTERS[nlp]
        if found is None or built_for == key:
            return found
    guesser = LemmaGuesser.from_nlp(nlp)
    found = (Prefilter(nlp, guesser, vocabulary_of(nlp), quotations, context, fast_components)
             if guesser else None)
    _PREFILTERS[nlp] = (key, found)
    return found


def model_pipes(nlp: Language) -> list[str]:
    """Names of the components that prepare the parse: the model's own and any flashpoint
    component placed among them (e.g. paragraph sentence starts before the parser)."""
    names = list(nlp.pipe_names)
    last = max((i for i, n in enumerate(names) if not n.startswith("flashpoint_")), default=-1)
    return names[: last + 1]


def own_pipes(nlp: Language) -> list[str]:
    """Names of flashpoint's components after the model (actors, quotes, events), in order."""
    return list(nlp.pipe_names)[len(model_pipes(nlp)):]


def parse_batch(nlp: Language, prefilter: Prefilter, texts: Iterable[str],
                batch_size: int) -> Iterator[Doc]:
    """Docs for ``texts`` with the model run on candidate sentences only (flashpoint's own
    components not yet run), in input order."""
    plans = []
    todo: list[Doc] = []
    for text in texts:
        doc = nlp.make_doc(text)
        cands = prefilter.candidates(doc)
        pieces = Pieces(doc)
        plan = []
        for start, end, keep in cands.runs():
            if keep:
                plan.append(len(todo))
                todo.append(pieces.piece(start, end))
            else:
                plan.append(pieces.piece(start, end, cands.sentences))
        plans.append((doc, plan))
    parsed = run_model(nlp, todo, batch_size, prefilter.replacements) if todo else []
    for doc, plan in plans:
        parts = [parsed[p] if isinstance(p, int) else p for p in plan]
        if not parts:
            yield doc
            continue
        yield join_parts(parts)
