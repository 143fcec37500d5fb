"""The model's entity recognizer with its greedy decoding loop run in NumPy, for whole batches.

spaCy's ``ner`` component scores one transition per token (Begin/In/Last/Unit of a label, or
Out) and, before taking the best, asks every one of its 74 transitions whether it is valid in
the current state. That check runs in compiled code, yet on the wheels installed here it costs
most of the component's time (``py-spy --native``: 80% of the decoding loop, much of it in
pthread lock calls under the state accessors; the loop is two thirds of the component).

:class:`BatchEntityRecognizer` keeps the model — the same weights, the same token vectors and the
same precomputed feature layer — and decodes with the same rules: the invalid transitions of the
BILUO scheme are masked (no entity across a sentence start, none starting on whitespace, In/Last
only inside an entity of their label) and the best valid one is taken, first in transition order
on ties, as spaCy does. Outside an entity the state features are the next token and two
paddings, so those decisions are taken for every token of a batch at once; only the steps inside
an entity are scored one at a time. The tests compare its entities with the real component's on
real articles.

It handles the plain case: documents without preset entity annotations, greedy decoding, the
three state features of spaCy's entity model. Anything else (preset entities, a beam, another
model architecture) goes through the real component.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import numpy as np
from spacy.attrs import ENT_IOB, IS_SPACE, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import minibatch

from .rules import warn_fallback

__all__ = ["BatchEntityRecognizer"]

# Transition kinds, by the first letter of spaCy's class names ("B-ORG", "U-", "O").
_BEGIN, _IN, _LAST, _UNIT, _OUT = range(5)
_KINDS = {"B": _BEGIN, "I": _IN, "L": _LAST, "U": _UNIT, "O": _OUT}
# The model's state features, in spaCy's order: next token, entity start, token before next.
_FEATURES = 3


class BatchEntityRecognizer:
    """Runs a spaCy ``EntityRecognizer`` with batch-vectorized greedy decoding."""

    def __init__(self, ner, kinds: np.ndarray, labels: np.ndarray, names: list[str]):
        self.ner = ner
        self.kinds = kinds      # transition -> kind
        self.labels = labels    # transition -> label index (0: no label)
        self.names = names      # label index -> label name
        tok2vec, lower, upper = ner.model.layers
        self.tok2vec, self.lower, self.upper = tok2vec, lower, upper
        unseen = sorted(ner.model.attrs.get("unseen_classes", ()))
        self.unseen = np.array(unseen, dtype=np.int64)
        self.begin = np.flatnonzero(kinds == _BEGIN)
        self.unit = np.flatnonzero((kinds == _UNIT) & (labels != 0))
        self.out = np.flatnonzero(kinds == _OUT)
        # label index -> its In and Last transitions
        self.inside_of = {int(labels[i]): int(i) for i in np.flatnonzero(kinds == _IN)}
        self.last_of = {int(labels[i]): int(i) for i in np.flatnonzero(kinds == _LAST)}

    @classmethod
    def from_nlp(cls, nlp: Language, name: str = "ner") -> BatchEntityRecognizer | None:
        """The stand-in for ``nlp``'s entity recognizer, or ``None`` when there is none or it is
        not the greedy three-feature model this class decodes."""
        if name not in nlp.pipe_names:
            return None
        ner = nlp.get_pipe(name)
        model = getattr(ner, "model", None)
        try:
            if ner.cfg.get("beam_width", 1) != 1 or not model.attrs.get("has_upper"):
                warn_fallback(name, "beam search or a model without an upper layer")
                return None
            _, lower, upper = model.layers
            if lower.get_dim("nF") != _FEATURES or type(ner.moves).__name__ != "BiluoPushDown":
                warn_fallback(name, "not the three-feature BILUO entity model")
                return None
        except (AttributeError, KeyError, ValueError, TypeError) as exc:
            warn_fallback(name, f"unexpected model layout ({type(exc).__name__})")
            return None
        names = [""]
        kinds, labels = [], []
        for i in range(ner.moves.n_moves):
            move = ner.moves.get_class_name(i)
            kind = _KINDS.get(move[:1])
            if kind is None:
                warn_fallback(name, f"unknown transition class {move!r}")
                return None
            label = move[2:] if kind != _OUT else ""
            if label and label not in names:
                names.append(label)
            kinds.append(kind)
            labels.append(names.index(label) if label else 0)
        if upper.get_dim("nO") != len(kinds):
            warn_fallback(name, "output size differs from the transitions")
            return None
        return cls(ner, np.array(kinds), np.array(labels), names)

    # -- spaCy component protocol ------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 256) -> Iterator[Doc]:
        """Annotate entities on ``docs``, batched like spaCy's ``pipe`` (by length within a batch)."""
        for batch in minibatch(docs, size=batch_size):
            in_order = list(batch)
            by_length = sorted(in_order, key=len)
            for sub in minibatch(by_length, size=max(batch_size // 4, 2)):
                self._annotate(list(sub))
            yield from in_order

    # -- decoding ------------------------------------------------------------------------------
    def _annotate(self, docs: list[Doc]) -> None:
        if not any(len(doc) for doc in docs):
            for doc in docs:
                doc.set_ents([], default="outside")
            return
        columns = [doc.to_array([ENT_IOB, IS_SPACE, SENT_START]) for doc in docs if len(doc)]
        rows = np.concatenate(columns)
        if rows[:, 0].any() or self.unseen.size:
            # Preset entity annotations, or classes the model never saw (spaCy scores those
            # with the minimum of the whole step): the real component handles them.
            warn_fallback("ner", "documents with preset entities" if rows[:, 0].any()
                          else "classes the model never saw")
            self.ner.set_annotations(docs, self.ner.predict(docs))
            return
        found = self.decode(docs, rows[:, 1].astype(bool), rows[:, 2] == 1)
        for doc, ents in zip(docs, found, strict=True):
            doc.set_ents([Span(doc, s, e, label=self.names[lab]) for s, e, lab in ents],
                         default="outside")

    def decode(self, docs: list[Doc], space: np.ndarray,
               sent_start: np.ndarray) -> list[list[tuple[int, int, int]]]:
        """Greedy BILUO decoding of ``docs`` (with tokens): entities per Doc as
        ``(start, end, label index)``. ``space`` and ``sent_start`` are per token of the batch.

        Outside an entity the model's state features are the next token and two paddings, so
        the decision there depends on the token alone and is taken for every token at once.
        Inside an entity (after a Begin) the features are the next token, the entity's first
        token and the token before; those steps are scored one by one, and only they are.
        """
        tokvecs = self.tok2vec.predict(docs)
        cached = self.lower.predict(tokvecs)          # (tokens + 1, features, hidden, pieces)
        bias = self.lower.get_param("b")
        weights = np.ascontiguousarray(self.upper.get_param("W").T)
        upper_bias = self.upper.get_param("b")
        lengths = [len(doc) for doc in docs]
        # Where each token stands in its doc: tokens left, and whether the next starts a sentence.
        remaining = np.concatenate([np.arange(n, 0, -1) for n in lengths])
        two = remaining >= 2
        crosses = two & np.append(sent_start[1:], False)
        # Decisions outside an entity, for every token (row 0 of ``cached`` is the padding).
        unmaxed = cached[1:, 0] + cached[0, 1] + cached[0, 2]
        scores = (unmaxed + bias).max(axis=2) @ weights + upper_bias
        valid = np.zeros(scores.shape, dtype=bool)
        valid[:, self.begin] = (two & ~crosses & ~space)[:, None]
        valid[:, self.unit] = ~space[:, None]
        valid[:, self.out] = True
        closed = np.where(valid, scores, -np.inf).argmax(axis=1)
        kinds, labels = self.kinds[closed], self.labels[closed]
        found: list[list[tuple[int, int, int]]] = []
        offset = 0
        for n in lengths:
            doc_kinds = kinds[offset:offset + n]
            spans: list[tuple[int, int, int]] = []
            covered = np.zeros(n, dtype=bool)
            for start in np.flatnonzero(doc_kinds == _BEGIN).tolist():
                if covered[start]:
                    continue  # the token is inside the entity opened before it
                label = int(labels[offset + start])
                end = self._entity_end(cached, bias, weights, upper_bias, offset, start, label,
                                       two, crosses)
                spans.append((start, end, label))
                covered[start:end] = True
            units = [(i, i + 1, int(labels[offset + i]))
                     for i in np.flatnonzero((doc_kinds == _UNIT) & ~covered).tolist()]
            found.append(sorted(spans + units))
            offset += n
        return found

    def _entity_end(self, cached: np.ndarray, bias: np.ndarray, weights: np.ndarray,
                    upper_bias: np.ndarray, offset: int, start: int, label: int,
                    two: np.ndarray, crosses: np.ndarray) -> int:
        """Where the entity opened at ``start`` ends: In steps until Last (In comes first in
        transition order, so it wins a tie; it is valid only before the doc's last token and
        not across a sentence start)."""
        inside, last = self.inside_of[label], self.last_of[label]
        first = cached[offset + start + 1, 1]
        t = start + 1
        while True:
            g = offset + t
            hidden = (cached[g + 1, 0] + first + cached[g, 2] + bias).max(axis=1)
            scores = hidden @ weights + upper_bias
            if not (two[g] and not crosses[g] and scores[inside] >= scores[last]):
                return t + 1
            t += 1
