"""Where the course's files are: the clone you work in, or the copy inside the installed package.

``regutils`` reads three kinds of course files while a lesson runs: the data (``data/heart.csv``),
the worked solutions (``solutions/*.ipynb``, which ``ex.solution`` shows) and the lock
(``requirements-lock.txt``, which the doctor compares with the installed packages). It finds them,
in this order:

1. in the folder named by the environment variable ``REGUTILS_COURSE_DIR``, if it is set;
2. in the clone the package was installed from in editable mode (``make lab`` and
   ``pip install -e .`` install it that way): the folder above ``regutils/``, which holds
   ``lessons.toml``;
3. in the copy shipped inside the package (``regutils/_course/``), which ``setup.py`` writes into
   every built wheel, so that ``pip install git+https://…`` (as in Colab) works from any folder.

The notebooks are not shipped in the package: :func:`course_dir` is ``None`` when there is no clone,
and the doctor then says so instead of failing.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["COURSE_DIR_VARIABLE", "CourseFilesNotFound", "course_dir", "course_file"]

#: Environment variable naming the course folder explicitly (the one with ``lessons.toml``).
COURSE_DIR_VARIABLE = "REGUTILS_COURSE_DIR"

_PACKAGE = Path(__file__).resolve().parent
_MARKER = "lessons.toml"  # only the course's own folder has it


class CourseFilesNotFound(FileNotFoundError):
    """Raised when neither a course folder nor the package's shipped copy can be found.

    ``detail`` says what was looked for and not found, ``fix`` what to do; the message is both.
    """

    def __init__(self, detail: str, fix: str) -> None:
        super().__init__(f"{detail}: {fix}")
        self.detail, self.fix = detail, fix


def course_dir() -> Path | None:
    """Return the course folder in use, or ``None`` when regutils runs from an installed wheel.

    Raises
    ------
    CourseFilesNotFound
        If ``REGUTILS_COURSE_DIR`` is set to a folder without ``lessons.toml``.

    Examples
    --------
    >>> (course_dir() / "lessons.toml").is_file()  # run from a clone
    True
    """
    named = os.environ.get(COURSE_DIR_VARIABLE, "").strip()
    if named:
        folder = Path(named).expanduser().resolve()
        if not (folder / _MARKER).is_file():
            raise CourseFilesNotFound(
                f"{COURSE_DIR_VARIABLE} is {named!r}, but {folder} has no {_MARKER}",
                "set it to the course folder (the one with lessons.toml, data/ and solutions/), "
                "or unset it.",
            )
        return folder
    source = _PACKAGE.parent
    return source if (source / _MARKER).is_file() else None


def course_file(relative: str) -> Path:
    """Return the path of a course file, e.g. ``"data"``, ``"solutions/01_overfitting_exercises.ipynb"``.

    The path is in the course folder (:func:`course_dir`) if there is one, else in the copy
    shipped inside the package. It is returned whether or not the file exists, so that the caller
    can say which file is missing and how to restore it.

    Parameters
    ----------
    relative : str
        The file's path relative to the course folder, with ``/`` separators.

    Raises
    ------
    TypeError
        If ``relative`` is not a str.
    ValueError
        If ``relative`` is absolute or leaves the course folder (``..``).
    CourseFilesNotFound
        If there is no course folder and the package has no shipped copy (an install built
        without ``setup.py``'s hook): the message says how to point regutils at a clone.

    Examples
    --------
    >>> course_file("data/heart.csv").name
    'heart.csv'
    """
    if not isinstance(relative, str):
        raise TypeError(f"relative must be a str path such as 'data', got {relative!r}.")
    parts = Path(relative).parts
    if not parts or Path(relative).is_absolute() or ".." in parts:
        raise ValueError(
            f"relative must be a path inside the course folder, such as 'data/heart.csv', "
            f"got {relative!r}."
        )
    root = course_dir()
    if root is not None:
        return root.joinpath(*parts)
    shipped = _PACKAGE / "_course"
    if not shipped.is_dir():
        raise CourseFilesNotFound(
            f"regutils cannot find the course's files ({relative}): it is not installed from a "
            f"clone of the course, and this installation has no shipped copy ({shipped})",
            f"clone the course and set {COURSE_DIR_VARIABLE} to its folder, or reinstall "
            "regutils from the course repository.",
        )
    return shipped.joinpath(*parts)
