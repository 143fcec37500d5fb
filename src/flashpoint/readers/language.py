"""Language identification for ingest (py3langid), on a bounded sample of the text."""

from __future__ import annotations

from functools import lru_cache

# A few KB identify the language reliably; classifying a whole long text only costs time.
SAMPLE_CHARS = 1500


@lru_cache(maxsize=1)
def _identifier():
    # The model loads once per process (about a second); later calls are fast.
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str, sample_chars: int = SAMPLE_CHARS) -> tuple[str, float]:
    """``(ISO 639-1 code, probability)`` of the language of ``text``, judged on its first KBs."""
    sample = text[:sample_chars]
    lang, prob = _identifier().classify(sample)
    return str(lang), float(prob)


def unsupported_language(text: str, accepted: tuple[str, ...]) -> str | None:
    """The rejection reason ``unsupported language: xx`` when ``text`` is not in ``accepted``."""
    lang, _ = detect_language(text)
    return None if lang in accepted else f"unsupported language: {lang}"
