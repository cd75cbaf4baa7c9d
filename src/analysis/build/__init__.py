"""Build: turn notebooks into the published book.

``runner``      jobs and table of contents, fingerprints and cache, papermill execution,
                Jupyter Book rendering, Chromium PDF, atomic publishing
``warmkernel``  pre-warmed kernels forked for each notebook

The top layer: it may import every other; nothing imports it except the CLI.
"""
