"""Exact, faster stand-ins for the model's rule components (attribute ruler, lemmatizer).

spaCy's ``attribute_ruler`` runs a ``Matcher`` over every token for every rule, and its rule
lemmatizer walks the Doc token by token in Python. The classes here apply the *same* rules and
tables, in the same order and with the same precedence, through lookups keyed by the token's
attributes and whole-array reads and writes. The tests check them against the real components
on real text; :func:`flashpoint.nlp.prefilter.run_model` uses them on the parsed sentences.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable

from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

from .cache import FormCache

__all__ = ["BulkLemmatizer", "IndexedAttributeRuler", "warn_fallback"]

log = logging.getLogger("flashpoint")
_WARNED: set[str] = set()


def warn_fallback(component: str, reason: str) -> None:
    """Log, once per process and reason, that a fast stand-in hands work to spaCy's real
    ``component`` (slower, same annotations): not once per document."""
    key = f"{component}: {reason}"
    if key in _WARNED:
        return
    _WARNED.add(key)
    log.warning("fast %s stand-in falls back to spaCy's component: %s "
                "(logged once per process)", component, reason)


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
        self._regex_hits: FormCache[int, tuple] = FormCache()
        self._combos: FormCache[tuple[int, int, int, bool], tuple] = FormCache()
        self._bulk: dict[int, tuple[tuple[int, int], ...] | None] = {}
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

    def _entries(self, doc: Doc, key: tuple[int, int, int, bool]) -> tuple:
        """The rules whose first token pattern may match a token with these (tag, lower, dep,
        is_space) values, in bucket order; cached per combination."""
        found = self._combos.get(key)
        if found is None:
            tag, lower, dep, space = key
            regex = self._regex_hits.get(lower)
            if regex is None:
                text = doc.vocab.strings[lower]
                regex = self._regex_hits.put(lower, tuple(e for rx, e in self.by_regex if rx.search(text)))
            found = self._combos.put(key, (
                *self.by_tag.get(tag, ()), *self.by_lower.get(lower, ()), *self.by_dep.get(dep, ()),
                *(self.on_space if space else ()), *regex, *self.generic,
            ))
        return found

    def _writes(self, rule_id: int) -> tuple[tuple[int, int], ...] | None:
        """(column, value) pairs a rule writes into the bulk array, or ``None`` when it sets
        attributes outside it (then it is applied token by token)."""
        if rule_id not in self._bulk:
            attrs = self.ruler.attrs[rule_id]
            self._bulk[rule_id] = (
                tuple((col, attrs[attr]) for col, attr in enumerate(BULK_ATTRS) if attr in attrs)
                if attrs.keys() <= BULK_SET else None
            )
        return self._bulk[rule_id]

    def __call__(self, doc: Doc) -> Doc:
        import numpy as np
        from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
        from spacy.tokens._retokenize import set_token_attrs

        hits: set[tuple[int, int, int]] = set()
        n = len(doc)
        keys = doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist()
        for i, (tag, lower, dep, space) in enumerate(keys):
            for rule_id, size, tests in self._entries(doc, (tag, lower, dep, bool(space))):
                if tests is None:
                    hits.add((rule_id, i, i + 1))
                elif i + size <= n and all(test(doc[i + k]) for k, test in enumerate(tests)):
                    hits.add((rule_id, i, i + size))
        # As the real component: every match is found first, then applied in rule order. The
        # common attributes are gathered per token and written in one array; others one by one.
        rows = doc.to_array(BULK_ATTRS).tolist()
        dirty: set[int] = set()
        indices = self.ruler.indices
        for rule_id, start, end in sorted(hits):
            offset = indices[rule_id]
            i = start + offset if offset >= 0 else end + offset
            writes = self._writes(rule_id)
            if writes is not None:
                row = rows[i]
                for col, value in writes:
                    row[col] = value
                dirty.add(i)
            else:
                # A rule setting other attributes: bring this token up to date, apply the rule
                # to it, and read its values back.
                tok = doc[i]
                if i in dirty:
                    set_token_attrs(tok, dict(zip(BULK_ATTRS, rows[i], strict=True)))
                set_token_attrs(tok, self.ruler.attrs[rule_id])
                rows[i] = [tok.tag, tok.pos, tok.morph.key, tok.lemma]
                dirty.add(i)
        if dirty:
            doc.from_array(BULK_ATTRS, np.array(rows, dtype="uint64"))
        return doc

    @classmethod
    def from_nlp(cls, nlp: Language) -> IndexedAttributeRuler | None:
        """The indexed ruler for the pipeline's ``attribute_ruler``, or ``None`` when it has none
        or uses pattern features this class does not handle."""
        if "attribute_ruler" not in nlp.pipe_names:
            return None
        found = cls(nlp.get_pipe("attribute_ruler"))
        if not found.ok:
            warn_fallback("attribute_ruler", "its patterns use features the stand-in does not handle")
            return None
        return found


class BulkLemmatizer:
    """The model's rule ``lemmatizer``, applied through whole-array reads and writes.

    Every token without a lemma gets the first form of spaCy's rule lemmatization, as in the
    real component, but the answer is remembered per (form, part of speech, morphology), the
    inputs the rule lemmatizer reads, so each distinct word is lemmatized once per process. The
    rule walk itself is spaCy's, with the word index held as a set: spaCy keeps it as a list of
    tens of thousands of words and scans it for every candidate form.
    """

    def __init__(self, lemmatizer):
        self.lemmatizer = lemmatizer
        self._cache: FormCache[tuple[int, int, int], str] = FormCache()
        lookups = lemmatizer.lookups
        self._index_table = lookups.get_table("lemma_index", {})
        self._exc = lookups.get_table("lemma_exc", {})
        self._rules = lookups.get_table("lemma_rules", {})
        self._index: dict[str, frozenset[str]] = {}  # part of speech -> its word index, as a set

    def lemma(self, token) -> str:
        """The rule lemmatizer's first lemma for ``token`` (spaCy's ``rule_lemmatize`` walk)."""
        string = token.text
        univ_pos = token.pos_.lower()
        if univ_pos in ("", "eol", "space"):
            return self.lemmatizer.lemmatize(token)[0]  # spaCy's own answer (and warning)
        if self.lemmatizer.is_base_form(token):
            return string.lower()
        index = self._index.get(univ_pos)
        if index is None:
            index = self._index[univ_pos] = frozenset(self._index_table.get(univ_pos, ()) or ())
        exceptions = self._exc.get(univ_pos)
        rules = self._rules.get(univ_pos)
        if not (index or exceptions or rules):
            return string if univ_pos == "propn" else string.lower()
        index = index or frozenset()
        lower = string.lower()
        forms: list[str] = []
        oov_forms: list[str] = []
        for old, new in rules or []:
            if lower.endswith(old):
                form = lower[: len(lower) - len(old)] + new
                if not form:
                    pass
                elif form in index:
                    forms.insert(0, form)
                elif not form.isalpha():
                    forms.append(form)
                else:
                    oov_forms.append(form)
        forms = list(dict.fromkeys(forms))
        for form in (exceptions or {}).get(lower, []):
            if form not in forms:
                forms.insert(0, form)
        if not forms:
            forms.extend(oov_forms)
        return forms[0] if forms else string

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
                found = cache.put(key, self.lemma(doc[i]))
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
            warn_fallback("lemmatizer", "not a rule lemmatizer that keeps preset lemmas")
            return None
        if type(lemmatizer).rule_lemmatize is not Lemmatizer.rule_lemmatize:
            # a language with its own rule walk: not reproduced here
            warn_fallback("lemmatizer", f"{type(lemmatizer).__name__} has its own rule walk")
            return None
        return cls(lemmatizer)
