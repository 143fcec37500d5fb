"""The prefilter's vocabulary: which words make a sentence worth parsing, and the lemmas a word
form could have before any tagger has run.

The trigger vocabulary is not a list of its own, and this layer does not read it: the stages
hand it in (:func:`flashpoint.pipeline.stage_vocabulary` collects the trigger lemmas of the
events component's patterns, its modality speech verbs and the quotes component's cues), so
whatever the coder learns, or is configured with, the prefilter keeps. Surface forms are
matched through the model's own lemmatizer tables (rules and exceptions), guessed for every part
of speech, so "struck" finds the lemma "strike".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

from spacy.language import Language

from .fast.cache import FormCache

__all__ = ["GUESS_POS", "LemmaGuesser", "TriggerVocabulary"]

# Parts of speech whose lemmatizer rules are tried when guessing a token's lemma.
GUESS_POS = ("verb", "noun", "adj")


class LemmaGuesser:
    """The lemmas a word form could have, from the model's rule-lemmatizer tables.

    Without a part-of-speech tag every part of speech is tried, so the guesses over-generate:
    that only keeps a sentence or two too many, never drops one the coder needs.
    """

    def __init__(self, rules: dict[str, list], exceptions: dict[str, dict[str, list[str]]]):
        self.rules = {pos: [(str(old), str(new)) for old, new in rules.get(pos, [])] for pos in GUESS_POS}
        self.exceptions = {pos: exceptions.get(pos, {}) for pos in GUESS_POS}
        self._cache: FormCache[str, frozenset[str]] = FormCache()

    @classmethod
    def from_nlp(cls, nlp: Language) -> LemmaGuesser | None:
        """The guesser for a pipeline's rule lemmatizer, or ``None`` when it has no such tables."""
        if "lemmatizer" not in nlp.component_names:
            return None
        lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
        if lookups is None or not lookups.has_table("lemma_rules"):
            return None
        rules_table = lookups.get_table("lemma_rules")
        exc_table = lookups.get_table("lemma_exc") if lookups.has_table("lemma_exc") else {}
        rules = {pos: rules_table.get(pos, []) for pos in GUESS_POS}
        exceptions = {pos: dict(exc_table.get(pos, {}) or {}) for pos in GUESS_POS}
        return cls(rules, exceptions)

    def __call__(self, lower: str) -> frozenset[str]:
        found = self._cache.get(lower)
        if found is not None:
            return found
        forms = {lower}
        for pos in GUESS_POS:
            forms.update(self.exceptions[pos].get(lower, ()))
            for old, new in self.rules[pos]:
                if old and lower.endswith(old) and len(lower) > len(old):
                    form = lower[: len(lower) - len(old)] + new
                    forms.add(form)
                    if len(form) > 2 and form[-1] == form[-2]:
                        forms.add(form[:-1])  # "stopped" -> "stopp" -> "stop"
        return self._cache.put(lower, frozenset(forms))


@dataclass(frozen=True)
class TriggerVocabulary:
    """What makes a sentence worth parsing.

    ``words``: event-trigger lemmas that make a sentence a candidate on their own.
    ``constrained``: trigger lemma → for each of its patterns the word sets its constraints need
    (every set must meet the sentence's words for that pattern to fire). ``cues``: speech and
    reporting cues ("said", "told", "statement", "according"), which make a sentence a candidate
    when they stand outside quotation marks (there they attribute speech; inside a quotation
    they are part of what was said).
    """

    words: frozenset[str]
    constrained: dict[str, tuple[tuple[frozenset[str], ...], ...]] = field(default_factory=dict)
    cues: frozenset[str] = frozenset()

    @classmethod
    def from_triggers(cls, triggers: Iterable[tuple[str, tuple[frozenset[str], ...]]],
                      cues: Iterable[str]) -> TriggerVocabulary:
        """Built from what the stages hand in: each trigger lemma with the word sets one of its
        patterns needs (none: the lemma alone makes a candidate), and the speech cues."""
        words: set[str] = set()
        constrained: dict[str, list[tuple[frozenset[str], ...]]] = {}
        for lemma, needs in triggers:
            if needs:
                constrained.setdefault(lemma, []).append(needs)
            else:
                words.add(lemma)
        return cls(
            words=frozenset(words),
            constrained={k: tuple(v) for k, v in constrained.items() if k not in words},
            cues=frozenset(cues),
        )

    @cached_property
    def relevant(self) -> frozenset[str]:
        """Every lemma that can change a decision: the only guesses worth keeping."""
        needed = {w for needs in self.constrained.values() for sets in needs for ws in sets for w in ws}
        return self.words | self.constrained.keys() | self.cues | needed

    def admits(self, lemmas: set[str]) -> bool:
        """True when a sentence with these (guessed) lemmas can hold an event trigger."""
        if not lemmas.isdisjoint(self.words):
            return True
        for lemma in lemmas & self.constrained.keys():
            for needs in self.constrained[lemma]:
                if all(not lemmas.isdisjoint(words) for words in needs):
                    return True
        return False
