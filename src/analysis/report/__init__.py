"""Report: what each chapter shows (tables, figures, glued values), formatted only.

One module per chapter: ``intro`` (introduction and methods), ``national``,
``provinces_compared``, ``clusters``, ``loans``, ``khuzestan``, ``kaleh``,
``province_chapter`` (the parameterised chapter run for each province), ``appendix``;
``display`` (number formats, HTML tables, escaping) and ``figures`` (style, Vazirmatn).

Numbers come from :mod:`analysis.metrics`, words from :mod:`analysis.core.text`.
"""
