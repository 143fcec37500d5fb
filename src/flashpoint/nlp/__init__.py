"""The NLP layer: the spaCy model and what runs it faster, below the stages.

- :mod:`.model`      loading an installed spaCy pipeline, flashpoint's Doc extensions, the
                     paragraph component (``flashpoint_paragraphs``)
- :mod:`.prefilter`  the sentence prefilter: only sentences that can hold an event or a quote
                     (plus context) go through the full model
- :mod:`.vocabulary` the prefilter's trigger vocabulary and lemma guessing
- :mod:`.entities`   a per-Doc index of the named entities, shared by the quotes and events stages
- :mod:`.fast`       the exact fast stand-ins for spaCy machinery (entity recognizer, rule
                     components, BLAS matrix products, per-form caches)

Nothing here imports a stage (``actors``, ``quotes``, ``events``); :mod:`flashpoint.pipeline`,
above both, puts the model and the stages' components together. Importing this package imports
nothing else (``flashpoint --help`` must not load spaCy).
"""
