"""Maintainer tools of the course, run from the repository root as ``python -m tools.NAME``.

The ``make`` targets run them (``make help`` lists the targets); the tests import them
(``from tools import lock``). Modules:

- :mod:`tools.notebook_runner` — shared by the notebook tools: find, read, write and run the course
  notebooks exactly as CI's nbval runs them (not a script).
- :mod:`tools.make_exercises` — generate ``notebooks/*_exercises.ipynb`` from ``solutions/``
  (``make exercises``; ``--check`` reports drift).
- :mod:`tools.execute_notebooks` — re-run notebooks and store their outputs (``make execute``).
- :mod:`tools.bench` — time every notebook, fail on one over its budget, write the README's table
  (``make bench``).
- :mod:`tools.browser_check` — run a lesson in JupyterLab in headless Chromium
  (``tests/test_browser.py``, ``make test-browser``).
- :mod:`tools.lock` — write ``requirements-lock.txt``, ``environment.yml`` and
  ``binder/environment.yml`` from ``pip freeze`` (``make lock``).
- :mod:`tools.wheelhouse` — fetch every locked wheel for offline installs (``make wheelhouse``).
- :mod:`tools.registry` — write the lesson lists from ``lessons.toml`` (``make registry``).
- :mod:`tools.text_forms` — write the lessons' text forms in ``text/`` (``make text``).
- :mod:`tools.convert_heart` — how ``data/heart.csv`` was made from the UCI file (run once).

The lock file is read by one function, :func:`regutils.lockfile.parse_lock`: the doctor needs it at
run time, and the tools import it from there.
"""
