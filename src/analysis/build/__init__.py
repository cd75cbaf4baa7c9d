"""Build: turn notebooks into the published book (``python -m analysis build``).

``jobs``        the book's sources (:class:`~analysis.build.jobs.Book`), its notebooks as jobs
                (parameterised parts from ``book/structure.yml``), the generated ``_toc.yml``,
                ``BuildError``
``cache``       fingerprints of each job's inputs, per-dataset and per-province data hashes,
                ``*.inputs.json``, the validation stamp
``execute``     papermill execution in a worker pool, the hidden hook cell that connects a
                notebook to the runner, normalised (reproducible) executed notebooks, kernels
``warmkernel``  pre-warmed kernels forked for each notebook
``render``      staging the Sphinx source tree, Jupyter Book, pruning, the Chromium PDF
``publish``     the build lock, the failed-page gate, the atomic publish, tidying up
``runner``      :func:`~analysis.build.runner.build`: the steps in order, ``BuildReport``

The top layer: it may import every other; nothing imports it except the CLI.
"""
