"""Phrase matching of the actors' knowledge (``flashpoint.actors.phrases``)."""

from __future__ import annotations

from flashpoint.actors.knowledge import load_knowledge
from flashpoint.actors.phrases import pattern_keys


def test_pattern_keys_equal_the_tokenizer_on_each_phrase_alone(pipeline):
    """Phrases tokenized together, joined by line breaks, give each phrase's own tokens."""
    nlp = pipeline.nlp
    kb = load_knowledge()
    odd = ["", " padded", "two\nlines", "double  space", "no\u00a0break", "U.S.-backed", "can't",
           "St. Louis", "Côte d'Ivoire", "(Hamas)", "al-Shabaab's", "\t"]
    for table, attr in ((kb.names, "ORTH"), (kb.roles, "LOWER")):
        texts = list(table) + odd
        alone = [[t.orth if attr == "ORTH" else t.lower for t in nlp.tokenizer(text)] for text in texts]
        assert pattern_keys(nlp, texts, attr) == [keys for keys in alone if keys]
