"""Exact, faster stand-ins for the model's rule components (attribute ruler, lemmatizer).

spaCy's ``attribute_ruler`` runs a ``Matcher`` over every token for every rule, and its rule
lemmatizer walks the Doc token by token in Python. The classes here apply the *same* rules and
tables, in the same order and with the same precedence, through lookups keyed by the token's
attributes and whole-array reads and writes. The tests check them against the real components
on real text; :func:`flashpoint.prefilter.run_model` uses them on the parsed sentences.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["BulkLemmatizer", "IndexedAttributeRuler"]


# Token attributes the ruler's patterns may test, and how to read them from a Token.
_TOKEN_VALUES: dict[str, Callable] = {
    "TAG": lambda t: t.tag_,
    "LOWER": lambda t: t.lower_,
    "ORTH": lambda t: t.text,
    "DEP": lambda t: t.dep_,
    "POS": lambda t: t.pos_,
    "IS_SPACE": lambda t: t.is_space,
}


def _spec_test(spec: dict) -> Callable | None:
    """A predicate for one token pattern, or ``None`` when it uses something not handled here."""
    checks = []
    for key, value in spec.items():
        read = _TOKEN_VALUES.get(key)
        if read is None:
            return None
        if isinstance(value, dict):
            for op, arg in value.items():
                if op == "IN":
                    checks.append(lambda t, r=read, a=frozenset(arg): r(t) in a)
                elif op == "NOT_IN":
                    checks.append(lambda t, r=read, a=frozenset(arg): r(t) not in a)
                elif op == "REGEX":
                    checks.append(lambda t, r=read, rx=re.compile(arg): bool(rx.search(r(t))))
                else:
                    return None
        else:
            checks.append(lambda t, r=read, v=value: r(t) == v)
    return lambda t: all(check(t) for check in checks)


def _bulk_attrs() -> tuple[list[int], frozenset[int]]:
    from spacy.attrs import LEMMA, MORPH, POS, TAG

    return [TAG, POS, MORPH, LEMMA], frozenset({TAG, POS, MORPH, LEMMA})


BULK_ATTRS, BULK_SET = _bulk_attrs()


class IndexedAttributeRuler:
    """The model's ``attribute_ruler`` (tag map and exceptions: POS, lemma and morph rules),
    applied through a lookup by tag and lower-case form instead of a ``Matcher`` run over every
    token for every rule. Same rules, same precedence (later rules win), same values — checked
    against the real component in the tests; it takes a fraction of its time.
    """

    def __init__(self, ruler):
        self.ruler = ruler
        strings = ruler.vocab.strings
        # Buckets keyed by the string hash of the first token's LOWER or TAG; an entry is
        # (rule id, pattern length, tests), tests ``None`` when the bucket key is the whole test.
        self.by_lower: dict[int, list] = {}
        self.by_tag: dict[int, list] = {}
        self.by_dep: dict[int, list] = {}
        self.on_space: list = []
        self.by_regex: list = []
        self.generic: list = []
        self._regex_hits: dict[int, tuple] = {}
        self.ok = True
        for rule_id, rule in enumerate(ruler.patterns):
            for pattern in rule["patterns"]:
                if not pattern or any("OP" in spec for spec in pattern):
                    self.ok = False
                    return
                tests = [_spec_test(spec) for spec in pattern]
                if any(t is None for t in tests):
                    self.ok = False
                    return
                first = pattern[0]
                entry = (rule_id, len(pattern), tests)
                lower, tag = first.get("LOWER"), first.get("TAG")
                if len(pattern) == 1 and set(first) == {"TAG"} and isinstance(tag, str):
                    # The plain tag map: the bucket key is the whole test.
                    self.by_tag.setdefault(strings.add(tag), []).append((rule_id, 1, None))
                elif isinstance(lower, str):
                    self.by_lower.setdefault(strings.add(lower), []).append(entry)
                elif isinstance(lower, dict) and set(lower) == {"IN"}:
                    for word in lower["IN"]:
                        self.by_lower.setdefault(strings.add(word), []).append(entry)
                elif isinstance(tag, str):
                    self.by_tag.setdefault(strings.add(tag), []).append(entry)
                elif isinstance(tag, dict) and set(tag) == {"IN"}:
                    for name in tag["IN"]:
                        self.by_tag.setdefault(strings.add(name), []).append(entry)
                elif isinstance(first.get("DEP"), str):
                    self.by_dep.setdefault(strings.add(first["DEP"]), []).append(entry)
                elif isinstance(first.get("DEP"), dict) and set(first["DEP"]) == {"IN"}:
                    for name in first["DEP"]["IN"]:
                        self.by_dep.setdefault(strings.add(name), []).append(entry)
                elif first.get("IS_SPACE") is True:
                    self.on_space.append(entry)
                elif isinstance(lower, dict) and set(lower) == {"REGEX"}:
                    self.by_regex.append((re.compile(lower["REGEX"]), entry))
                else:
                    self.generic.append(entry)

    def __call__(self, doc: Doc) -> Doc:
        from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
        from spacy.tokens._retokenize import set_token_attrs

        hits: set[tuple[int, int, int]] = set()
        n = len(doc)
        keys = doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist()
        empty: tuple = ()
        for i, (tag, lower, dep, space) in enumerate(keys):
            regex = self._regex_hits.get(lower)
            if regex is None:
                text = doc.vocab.strings[lower]
                regex = self._regex_hits[lower] = tuple(e for rx, e in self.by_regex if rx.search(text))
            for bucket in (self.by_tag.get(tag, empty), self.by_lower.get(lower, empty),
                           self.by_dep.get(dep, empty), self.on_space if space else empty, regex,
                           self.generic):
                for rule_id, size, tests in bucket:
                    if tests is None:
                        hits.add((rule_id, i, i + 1))
                    elif i + size <= n and all(test(doc[i + k]) for k, test in enumerate(tests)):
                        hits.add((rule_id, i, i + size))
        # As the real component: every match is found first, then applied in rule order. The
        # common attributes are gathered per token and written in one array; others one by one.
        values = doc.to_array(BULK_ATTRS)
        touched = False
        for rule_id, start, end in sorted(hits):
            attrs = self.ruler.attrs[rule_id]
            i = start + self.ruler.indices[rule_id] if self.ruler.indices[rule_id] >= 0 else end + self.ruler.indices[rule_id]
            if attrs.keys() <= BULK_SET:
                for col, attr in enumerate(BULK_ATTRS):
                    if attr in attrs:
                        values[i, col] = attrs[attr]
                touched = True
            else:
                if touched:
                    doc.from_array(BULK_ATTRS, values)
                    touched = False
                set_token_attrs(doc[i], attrs)
                values = doc.to_array(BULK_ATTRS)
        if touched:
            doc.from_array(BULK_ATTRS, values)
        return doc

    @classmethod
    def from_nlp(cls, nlp: Language) -> IndexedAttributeRuler | None:
        """The indexed ruler for the pipeline's ``attribute_ruler``, or ``None`` when it has none
        or uses pattern features this class does not handle."""
        if "attribute_ruler" not in nlp.pipe_names:
            return None
        found = cls(nlp.get_pipe("attribute_ruler"))
        return found if found.ok else None


class BulkLemmatizer:
    """The model's rule ``lemmatizer``, applied through whole-array reads and writes.

    Every token without a lemma gets ``lemmatizer.lemmatize(token)[0]``, as in the real
    component, but the answer is remembered per (form, part of speech, morphology), the inputs
    the rule lemmatizer reads, so each distinct word is lemmatized once per process.
    """

    def __init__(self, lemmatizer):
        self.lemmatizer = lemmatizer
        self._cache: dict[tuple[int, int, int], str] = {}

    def __call__(self, doc: Doc) -> Doc:
        from spacy.attrs import LEMMA, MORPH, ORTH, POS

        if not len(doc):
            return doc
        values = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = values[:, 3]
        strings = doc.vocab.strings
        cache = self._cache
        for i, (orth, pos, morph, lemma) in enumerate(values.tolist()):
            if lemma:
                continue
            key = (orth, pos, morph)
            found = cache.get(key)
            if found is None:
                found = cache[key] = self.lemmatizer.lemmatize(doc[i])[0]
            lemmas[i] = strings.add(found)  # strings.add: the string may have left a memory zone
        doc.from_array([LEMMA], lemmas.reshape(-1, 1))
        return doc

    @classmethod
    def from_nlp(cls, nlp: Language) -> BulkLemmatizer | None:
        """The bulk lemmatizer for the pipeline's rule ``lemmatizer``, or ``None`` when it has
        none, uses another mode, or overwrites lemmas set before it."""
        if "lemmatizer" not in nlp.pipe_names:
            return None
        lemmatizer = nlp.get_pipe("lemmatizer")
        if getattr(lemmatizer, "mode", None) != "rule" or getattr(lemmatizer, "overwrite", True):
            return None
        return cls(lemmatizer)
