"""Metrics: every measure the book reports, defined once.

``planactual``  achievement ratios (actual / plan), national ratio of sums, ranks, categories
``indicators``  the per-province plan/actual indicators (``indicators.yml``) as frames
``clusters``    business-cluster before/after changes
``loans``       loan-scheme leverage, attainment, cost per job
``prices``      inflation, deflating nominal rials, real growth
``rates``       per-unit ratios (jobs per unit), shares, growth

Depends on :mod:`analysis.core` and :mod:`analysis.sources`. Chapters call these; they do not
recompute a ratio themselves.
"""
