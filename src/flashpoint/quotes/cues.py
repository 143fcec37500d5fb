"""Load the quotation cue lexicon (``data/cues.yaml`` or a user file with the same keys)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from ..errors import KnowledgeError
from ..yamldata import load_yaml

DEFAULT_CUES = Path(__file__).parent / "data" / "cues.yaml"


@dataclass(frozen=True)
class Cues:
    """The words the quotes stage treats as attribution cues."""

    speech: frozenset[str]
    direct_only: frozenset[str]
    according: tuple[tuple[str, ...], ...]
    person_pronouns: frozenset[str]
    other_pronouns: frozenset[str]
    reporting_nouns: frozenset[str] = frozenset()
    relative_pronouns: frozenset[str] = frozenset()
    not_reported: frozenset[str] = frozenset()
    not_speakers: frozenset[str] = frozenset()
    naming: frozenset[str] = frozenset()
    label_objects: frozenset[str] = frozenset()
    caption_credits: tuple[re.Pattern[str], ...] = ()
    teasers: tuple[str, ...] = ()
    clause_only: frozenset[str] = frozenset()
    labelling: frozenset[str] = frozenset()

    def is_caption(self, paragraph: str) -> bool:
        """True when a paragraph ends with a photo credit (a caption left in the body)."""
        return any(p.search(paragraph) for p in self.caption_credits)

    def is_teaser(self, paragraph: str) -> bool:
        """True when a paragraph opens with a link label ("READ MORE:", "WATCH:")."""
        head = paragraph.lstrip().upper()
        return any(
            head.startswith(label) and head[len(label) :].lstrip().startswith(":")
            for label in self.teasers
        )

    def attributes(self, lemma: str) -> bool:
        """True when a verb with this lemma can attribute a direct quotation next to it."""
        return lemma in self.speech or lemma in self.direct_only

    @property
    def pronouns(self) -> frozenset[str]:
        return self.person_pronouns | self.other_pronouns

    def attribution_words(self) -> frozenset[str]:
        """The words that attribute speech when they stand outside quotation marks (speech
        verbs, reporting nouns, the first word of "according to"): what the sentence prefilter
        keeps a sentence for."""
        words = self.speech | self.direct_only | self.reporting_nouns
        return words | {seq[0] for seq in self.according if seq}


@lru_cache(maxsize=8)
def load_cues(path: str | None = None) -> Cues:
    """Read a cue file (the packaged one by default); raises KnowledgeError when malformed."""
    source = Path(path) if path else DEFAULT_CUES
    try:
        data = load_yaml(source.read_text(encoding="utf-8")) or {}
        pronouns = data.get("pronouns") or {}
        return Cues(
            speech=frozenset(w.lower() for w in data.get("speech") or []),
            direct_only=frozenset(w.lower() for w in data.get("direct_only") or []),
            according=tuple(tuple(w.lower() for w in seq) for seq in data.get("according") or []),
            person_pronouns=frozenset(w.lower() for w in pronouns.get("person") or []),
            other_pronouns=frozenset(w.lower() for w in pronouns.get("other") or []),
            reporting_nouns=frozenset(w.lower() for w in data.get("reporting_nouns") or []),
            relative_pronouns=frozenset(w.lower() for w in data.get("relative_pronouns") or []),
            not_reported=frozenset(w.lower() for w in data.get("not_reported") or []),
            not_speakers=frozenset(w.lower() for w in data.get("not_speakers") or []),
            naming=frozenset(w.lower() for w in data.get("naming") or []),
            label_objects=frozenset(w.lower() for w in data.get("label_objects") or []),
            caption_credits=tuple(re.compile(p) for p in data.get("caption_credits") or []),
            teasers=tuple(w.upper() for w in data.get("teasers") or []),
            labelling=frozenset(w.lower() for w in data.get("labelling") or []),
            clause_only=frozenset(w.lower() for w in data.get("clause_only") or []),
        )
    except (OSError, yaml.YAMLError, AttributeError, TypeError, re.error) as exc:
        raise KnowledgeError(f"cannot read quote cue file {source}: {exc}") from exc
