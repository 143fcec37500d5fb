"""Load the event patterns (``data/patterns.yaml``): CAMEO codes for verb and noun triggers.

Patterns are data so a user can extend them without editing Python; this module only turns the
YAML into frozen records and indexes them by lemma for the coder.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from ..errors import KnowledgeError
from ..yamldata import load_yaml

PATTERNS_PATH = Path(__file__).with_name("data") / "patterns.yaml"

# Constraint keys: each one a pattern carries makes it more specific than a bare lemma match.
CONSTRAINTS = ("prt", "prep", "obj", "xcomp", "prep_obj", "instrument", "acomp", "mod", "subject")

__all__ = ["Pattern", "PatternSet", "load_patterns", "patterns"]


@dataclass(frozen=True)
class Pattern:
    """One trigger pattern: lemmas, optional dependent constraints, the CAMEO code it codes."""

    id: str
    kind: str  # verb | noun
    lemmas: frozenset[str]
    code: str
    target: tuple[str, ...]
    confidence: float = 0.6
    prt: frozenset[str] = frozenset()
    prep: frozenset[str] = frozenset()
    obj: frozenset[str] = frozenset()
    xcomp: frozenset[str] = frozenset()
    prep_obj: frozenset[str] = frozenset()
    instrument: frozenset[str] = frozenset()
    acomp: frozenset[str] = frozenset()
    mod: frozenset[str] = frozenset()
    subject: frozenset[str] = frozenset()
    negate_xcomp: bool = False
    refine: bool = False
    # A noun pattern whose trigger names who acts: "striking miners" are on strike.
    self_source: bool = False
    # Dependency labels the trigger must not have: "called the issue a red line" (oprd) is no call.
    not_deps: frozenset[str] = frozenset()
    # The trigger must have an object (or a passive subject): "returned the land to Syria", not
    # "returned to Washington".
    transitive: bool = False
    # The trigger's object is given a name (a quotation or a second noun phrase after it): "called
    # the sale 'the swindle of the century'", "calling Obama an ignorant baboon" is no call.
    not_naming: bool = False
    # Words that, as the trigger's object, prepositional object, particle or modifier, make it
    # no event of this pattern: "demand for gas", "returned their ballot papers".
    not_with: frozenset[str] = frozenset()
    # Words that govern the trigger as its verb or preposition and make it an idiom, not an
    # event of this pattern: "took charge of", "put in charge".
    not_governed_by: frozenset[str] = frozenset()
    # Nouns anywhere in the trigger's sentence that make it no event of this pattern: a rally in
    # a sentence about shares or currencies is a market's ("the greenback rallied to $1.35").
    not_in_sentence: frozenset[str] = frozenset()
    # Words of the subject that make it no event of this pattern: the police blocking a road
    # keep people out, they do not protest.
    not_subject: frozenset[str] = frozenset()
    # The event is between two parties: without a target (or coordinated sources, which act on
    # each other) it is no event - "a Fed meeting", "the cabinet met on Sunday". "any": any
    # target but a venue; "actor": a target that is an actor ("Republicans support
    # deportation" praises no one); "place": a place one travels to ("went to the polls" is no
    # visit). Empty: no requirement.
    needs_target: str = ""

    @property
    def specificity(self) -> int:
        """How many dependent constraints the pattern carries (more wins)."""
        return sum(1 for name in CONSTRAINTS if getattr(self, name))


@dataclass(frozen=True)
class PatternSet:
    """All patterns, indexed by trigger lemma for each kind."""

    verbs: dict[str, tuple[Pattern, ...]]
    nouns: dict[str, tuple[Pattern, ...]]
    noun_target_preps: frozenset[str]
    intent: dict[str, str]
    verb_target: tuple[str, ...] = ()
    rejection: dict[str, str] | None = None

    def for_verb(self, lemma: str) -> tuple[Pattern, ...]:
        return self.verbs.get(lemma, ())

    def for_noun(self, lemma: str) -> tuple[Pattern, ...]:
        return self.nouns.get(lemma, ())

    def intent_code(self, code: str) -> str | None:
        """The CAMEO code for stating an intent to do ``code`` (longest matching prefix)."""
        return _by_prefix(self.intent, code)

    def rejection_code(self, code: str) -> str | None:
        """The CAMEO code for refusing to do ``code`` (longest matching prefix)."""
        return _by_prefix(self.rejection or {}, code)

    def __len__(self) -> int:
        return len({p.id for ps in (*self.verbs.values(), *self.nouns.values()) for p in ps})

    def triggers(self) -> Iterator[tuple[str, tuple[frozenset[str], ...]]]:
        """Every pattern's trigger lemma with the word sets its constraints need (none for a
        bare lemma), verbs first: what the sentence prefilter looks for (handed to it by
        :func:`flashpoint.pipeline.stage_vocabulary`)."""
        for index in (self.verbs, self.nouns):
            for lemma, pats in index.items():
                for p in pats:
                    yield lemma, tuple(getattr(p, name) for name in CONSTRAINTS if getattr(p, name))


def _by_prefix(table: dict[str, str], code: str) -> str | None:
    for size in range(len(code), 1, -1):
        found = table.get(code[:size])
        if found is not None:
            return found
    return None


def _words(value) -> frozenset[str]:
    if value is None:
        return frozenset()
    if isinstance(value, str):
        value = [value]
    if any(isinstance(v, bool) for v in value):
        # YAML reads bare on/off/yes/no as booleans: the word was meant.
        raise KnowledgeError(f"quote on/off/yes/no in event patterns: {value!r}")
    return frozenset(str(v).lower() for v in value)


def _needs_target(value) -> str:
    if value in (None, False, ""):
        return ""
    if value is True or value == "any":
        return "any"
    if value in ("actor", "place"):
        return str(value)
    raise KnowledgeError(f"needs_target must be true, any, actor or place, not {value!r}")


def _pattern(entry: dict, kind: str, default_target: tuple[str, ...]) -> Pattern:
    try:
        code = str(entry["code"])
        lemmas = _words(entry["lemma"])
        pid = str(entry["id"])
    except KeyError as exc:
        raise KnowledgeError(f"event pattern {entry!r} lacks the field {exc}") from exc
    target = tuple(str(t) for t in entry.get("target") or default_target)
    return Pattern(
        id=pid,
        kind=kind,
        lemmas=lemmas,
        code=code,
        target=target,
        confidence=float(entry.get("confidence", 0.6)),
        negate_xcomp=bool(entry.get("negate_xcomp", False)),
        refine=bool(entry.get("refine", False)),
        self_source=bool(entry.get("self_source", False)),
        not_deps=_words(entry.get("not_deps")),
        transitive=bool(entry.get("transitive", False)),
        not_naming=bool(entry.get("not_naming", False)),
        not_with=_words(entry.get("not_with")),
        not_governed_by=_words(entry.get("not_governed_by")),
        not_in_sentence=_words(entry.get("not_in_sentence")),
        not_subject=_words(entry.get("not_subject")),
        needs_target=_needs_target(entry.get("needs_target")),
        **{name: _words(entry.get(name)) for name in CONSTRAINTS},
    )


def load_patterns(path: Path | str = PATTERNS_PATH) -> PatternSet:
    """Read a patterns file; codes are checked against the CAMEO ontology when it is present."""
    path = Path(path)
    try:
        data = load_yaml(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise KnowledgeError(f"cannot read event patterns {path}: {exc}") from exc
    defaults = data.get("defaults") or {}
    verb_target = tuple(defaults.get("verb_target") or ("dobj", "nsubjpass"))
    noun_preps = tuple(defaults.get("noun_target") or ("against", "on", "with"))
    noun_target = tuple(f"pobj:{p}" for p in noun_preps)
    known = _known_codes()
    verbs: dict[str, list[Pattern]] = {}
    nouns: dict[str, list[Pattern]] = {}
    seen: set[str] = set()
    for kind, entries, index, default_target in (
        ("verb", data.get("verbs") or [], verbs, verb_target),
        ("noun", data.get("nouns") or [], nouns, noun_target),
    ):
        for entry in entries:
            pattern = _pattern(entry, kind, default_target)
            if pattern.id in seen:
                raise KnowledgeError(f"event pattern id {pattern.id!r} is used twice in {path}")
            seen.add(pattern.id)
            if known is not None and pattern.code not in known:
                raise KnowledgeError(
                    f"event pattern {pattern.id!r} in {path} has unknown CAMEO code {pattern.code!r}"
                )
            for lemma in pattern.lemmas:
                index.setdefault(lemma, []).append(pattern)
    return PatternSet(
        verbs={k: tuple(v) for k, v in verbs.items()},
        nouns={k: tuple(v) for k, v in nouns.items()},
        noun_target_preps=frozenset(noun_preps),
        verb_target=verb_target,
        rejection={str(k): str(v) for k, v in (data.get("rejection") or {}).items()},
        intent={str(k): str(v) for k, v in (data.get("intent") or {}).items()},
    )


def _known_codes() -> set[str] | None:
    try:
        from ..ontology import all_codes
    except ImportError:  # the ontology package is optional while it is being written
        return None
    try:
        return {c.code for c in all_codes()}
    except KnowledgeError:
        return None


@lru_cache(maxsize=1)
def patterns() -> PatternSet:
    """The shipped patterns, loaded once per process."""
    return load_patterns()
