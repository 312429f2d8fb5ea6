"""Finding a lesson's module in ``regutils.checks`` or ``regutils.quizzes`` (``lessonNN.py``)."""

from __future__ import annotations

import importlib
import re
from pathlib import Path
from types import ModuleType


def lesson_numbers(package: str) -> list[str]:
    """The lesson numbers with a ``lessonNN.py`` module in ``regutils.<package>``."""
    folder = Path(__file__).resolve().parent / package
    return sorted(p.stem.removeprefix("lesson") for p in folder.glob("lesson[0-9][0-9].py"))


def lesson_module(package: str, lesson: object, what: str) -> ModuleType:
    """``regutils.<package>.lesson<lesson>``, or a ValueError saying which lessons have ``what``.

    Examples
    --------
    >>> lesson_module("quizzes", "98", "a quiz")
    Traceback (most recent call last):
    ...
    ValueError: lesson '98' has no quiz; lessons with a quiz: 01, 02, 03, 04, 05, 06, 07, 08, 09, 10, 11, 12.
    """
    if not isinstance(lesson, str) or not re.fullmatch(r"\d\d", lesson):
        raise ValueError(f"lesson must be a two-digit lesson number such as '01', got {lesson!r}.")
    try:
        return importlib.import_module(f"regutils.{package}.lesson{lesson}")
    except ModuleNotFoundError:
        bare = what.removeprefix("a ").removeprefix("an ")
        raise ValueError(
            f"lesson {lesson!r} has no {bare}; lessons with {what}: "
            f"{', '.join(lesson_numbers(package))}."
        ) from None
