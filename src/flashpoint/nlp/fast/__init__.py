"""Exact fast stand-ins for spaCy machinery: same rules, tables and weights, same annotations
(checked against spaCy's own components in the tests).

- :mod:`.ner`    the entity recognizer with its greedy decoding run in NumPy for whole batches
- :mod:`.rules`  the attribute ruler and the rule lemmatizer applied through lookups
- :mod:`.blas`   thinc ops whose matrix products use numpy's BLAS
- :mod:`.cache`  a bounded per-word-form cache (:class:`~.cache.FormCache`)
"""
