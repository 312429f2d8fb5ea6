"""Build hook: ship the course files regutils reads at run time inside every built wheel.

pyproject.toml holds the package's metadata; this file only adds one step to ``build_py``. A wheel
(``pip install .``, ``pip install git+https://…`` as in Colab) gets a copy of ``data/``,
``solutions/*.ipynb`` and ``requirements-lock.txt`` in ``regutils/_course/``, where
:mod:`regutils.course` finds them when no clone of the course is around. An editable install
(``make lab``, ``pip install -e .``) copies nothing: it reads the clone's own folders. The copies
are made at build time from the one source in the repository; MANIFEST.in puts the same files into
the source distribution so that a wheel built from it has them too.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
#: What regutils reads at run time (regutils/course.py), relative to the course folder.
COURSE_FILES = ("data/*", "solutions/*.ipynb", "requirements-lock.txt")


class BuildPyWithCourseFiles(build_py):
    """``build_py``, then copy :data:`COURSE_FILES` into ``regutils/_course/`` of the build."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        target = Path(self.build_lib) / "regutils" / "_course"
        for pattern in COURSE_FILES:
            sources = sorted(ROOT.glob(pattern))
            if not sources:
                raise FileNotFoundError(f"setup.py: no course file matches {pattern!r} in {ROOT}")
            for source in sources:
                destination = target / source.relative_to(ROOT)
                destination.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source, destination)


setup(cmdclass={"build_py": BuildPyWithCourseFiles})
