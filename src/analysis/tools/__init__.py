"""Tools for researchers who rerun, inspect and reuse the analysis with their own tools.

``papermill_myst``  papermill reads the MyST text notebooks (``notebooks/*.md``) through jupytext
``parameters``      a notebook's parameters checked in its first cell (type, valid values)
``rerun``           the "rerun this chapter" line at the end of every chapter
``datapackage``     a Frictionless Data Package of ``data/`` (``datapackage.json`` and one zip)
"""
