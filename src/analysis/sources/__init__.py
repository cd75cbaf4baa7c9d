"""Sources: from the seed texts to validated, catalogued data.

``datasets``     the data catalogue (``data/catalog.yml``), schemas and the one validating loader :func:`load`
``provenance``   checks that every number stands on the seed line its row cites
``extract/``     the transcription: one module per seed and topic, writing ``data/processed/*.csv``
``audit/``       the audit of the sources' own arithmetic (totals, percentages), by seed and topic

Depends on :mod:`analysis.core` only.
"""
from analysis.sources.datasets import DataError, catalog, dataset, load  # noqa: F401  (the public entry points)
