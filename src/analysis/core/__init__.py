"""Core: what every layer needs and nothing domain-specific.

``paths``      every path the project uses, defined once (repository, data, seeds, build)
``digits``     Persian/Arabic digits and number tokens on a seed line
``provinces``  the registry of the 31 provinces (``provinces.yml``: keys, Persian names, ISO codes)
``jalali``     Jalali dates and years
``text``       reader-visible words, one file per language under ``text/<lang>/``

Nothing here imports from the other layers.
"""
