"""Instant feedback on exercises: ``check``, ``hint`` and ``solution``, the same in every lesson.

In an exercise notebook::

    ex = regutils.exercises("01")                 # this lesson's exercises
    ...                                           # your answer, e.g. chosen_degree = 4
    ex.check("1", chosen_degree=chosen_degree, ...)  # "Correct: ..." or what to look at
    ex.hint("1")                                  # the next hint, one more per call
    ex.solution("1")                              # the worked solution

Each lesson's checks and hints live in one module, ``regutils/checks/lessonNN.py``; the solution
text is read from the lesson's solutions notebook, so there is only one copy of it. A check
verifies the learner's objects against a reference it computes itself (so it cannot drift from
the data), and a wrong answer gets a message about the likely mistake, not just "wrong".
"""

from __future__ import annotations

import inspect
import json
import math
import numbers
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import numpy.typing as npt

from regutils._lessons import lesson_module, lesson_numbers
from regutils.course import course_file
from regutils.display import Feedback, show

__all__ = [
    "Exercise",
    "ExerciseBook",
    "Feedback",
    "Incorrect",
    "exercises",
    "expect_array",
    "expect_close",
    "expect_close_array",
    "expect_int",
    "expect_keras_inputs",
    "expect_keras_model",
    "expect_number",
    "expect_choice",
    "expect_sequence",
    "expect_summary",
]

_BEGIN, _END = "### BEGIN SOLUTION", "### END SOLUTION"


class Incorrect(Exception):
    """Raised by a check with a message about what is wrong and where to look."""


# --------------------------------------------------------------------------- answer checks


def expect_number(name: str, value: object) -> float:
    """Return ``value`` as a float, or raise :class:`Incorrect` naming ``name``.

    Examples
    --------
    >>> expect_number("rmse", 0.25)
    0.25
    """
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        shape = getattr(value, "shape", None)
        what = f"of shape {tuple(shape)}" if shape is not None else _short_repr(value)
        raise Incorrect(f"`{name}` should be a number, but it is a {type(value).__name__}: {what}.")
    value = float(value)
    if not math.isfinite(value):
        raise Incorrect(f"`{name}` should be a finite number, got {value}.")
    return value


def _short_repr(value: object, limit: int = 60) -> str:
    """``repr(value)``, cut to ``limit`` characters."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def expect_summary(name: str, value: object, what: str, how: str) -> float:
    """Return ``value`` as a float; a list or array (e.g. per-fold values) gets its own message.

    ``what`` says what the values probably are, ``how`` how to get the one number asked for.

    Examples
    --------
    >>> expect_summary("rmse", [1.0, 2.0], "one per fold", "their mean")
    Traceback (most recent call last):
    ...
    regutils.feedback.Incorrect: `rmse` holds 2 values (one per fold); the exercise asks for one number: their mean.
    """
    if not isinstance(value, (str, bytes, dict)) and hasattr(value, "__len__"):
        try:
            size = len(value)
        except TypeError:  # a 0-d NumPy array
            size = -1
        if size >= 1:
            raise Incorrect(
                f"`{name}` holds {size} value{'s' if size != 1 else ''} ({what}); the exercise "
                f"asks for one number: {how}."
            )
    return expect_number(name, value)


def expect_int(name: str, value: object) -> int:
    """Return ``value`` as an int, or raise :class:`Incorrect` naming ``name``.

    Whole floats (``6.0``) and NumPy integers are accepted.

    Examples
    --------
    >>> expect_int("degree", 6.0)
    6
    """
    number = expect_number(name, value)
    if number != int(number):
        raise Incorrect(f"`{name}` should be a whole number, got {value!r}.")
    return int(number)


def expect_close(
    name: str,
    value: object,
    expected: float,
    *,
    tol: float,
    mistakes: Iterable[tuple[float, str]] = (),
) -> float:
    """Check that ``value`` is within ``tol`` of ``expected``.

    ``mistakes`` pairs values that a typical mistake produces with the message to show when the
    answer matches one of them (within ``tol``). Otherwise the message says the answer is off,
    without giving the expected value away.

    Examples
    --------
    >>> expect_close("rmse", 0.301, 0.3, tol=0.005)
    0.301
    """
    number = expect_number(name, value)
    if abs(number - expected) <= tol:
        return number
    for wrong, message in mistakes:
        if abs(number - wrong) <= tol:
            raise Incorrect(f"`{name}` = {number:.4g}: {message}")
    raise Incorrect(f"`{name}` = {number:.4g} is not what the exercise asks for.")


def expect_choice(name: str, value: object, allowed: Sequence[object]) -> object:
    """Check that ``value`` is one of ``allowed`` (e.g. the sizes the exercise lists).

    Examples
    --------
    >>> expect_choice("n_needed", 20, [10, 20, 50])
    20
    """
    if value not in list(allowed):
        raise Incorrect(f"`{name}` should be one of {list(allowed)}, got {value!r}.")
    return value


def expect_sequence(name: str, value: object, length: int) -> list[object]:
    """Return ``value`` as a list after checking it is a sequence of ``length`` items.

    Examples
    --------
    >>> expect_sequence("chosen", (3, 4), 2)
    [3, 4]
    """
    if (
        isinstance(value, (str, bytes))
        or not hasattr(value, "__len__")
        or not hasattr(value, "__iter__")
        or getattr(value, "ndim", None) == 0  # a 0-d NumPy array has __len__, but no length
    ):
        raise Incorrect(
            f"`{name}` should be a list of {length} items, got a {type(value).__name__}."
        )
    items = list(value)
    if len(items) != length:
        raise Incorrect(f"`{name}` should have {length} items, it has {len(items)}.")
    return items


def expect_keras_model(name: str, value: object) -> object:
    """Check that ``value`` is a Keras model; return it.

    Anything without ``layers`` and ``fit`` is rejected before Keras is imported, so a wrong
    answer type never costs the seconds of importing TensorFlow.

    Examples
    --------
    >>> expect_keras_model("model", 3)
    Traceback (most recent call last):
    ...
    regutils.feedback.Incorrect: `model` should be a Keras model (keras.Sequential), got a int.
    """
    message = f"`{name}` should be a Keras model (keras.Sequential), got a {type(value).__name__}."
    if not (hasattr(value, "layers") and hasattr(value, "fit")):
        raise Incorrect(message)
    import keras

    if not isinstance(value, keras.Model):
        raise Incorrect(message)
    return value


def expect_keras_inputs(model: object, n_inputs: int, what: str) -> None:
    """Check that a Keras ``model`` starts with ``keras.Input(shape=(n_inputs,))``.

    ``what`` says what the inputs are (e.g. ``"64 pixels per image"``); the message names it and
    the old Keras 2 style (``input_shape=`` on a layer) that usually causes the mistake.

    Examples
    --------
    >>> expect_keras_inputs(object(), 64, "64 pixels per image")
    Traceback (most recent call last):
    ...
    regutils.feedback.Incorrect: start the Sequential with `keras.Input(shape=(64,))` (64 pixels per image); `input_shape=` on a layer is the old Keras 2 style.
    """
    try:
        input_shape = tuple(model.input_shape)  # type: ignore[attr-defined]
    except (AttributeError, ValueError, TypeError):
        input_shape = None
    if input_shape != (None, n_inputs):
        raise Incorrect(
            f"start the Sequential with `keras.Input(shape=({n_inputs},))` ({what}); "
            "`input_shape=` on a layer is the old Keras 2 style."
        )


def expect_array(
    name: str,
    value: object,
    shape: tuple[int, ...],
    *,
    unit: str | None = None,
    like: str | None = None,
) -> np.ndarray:
    """Return ``value`` as a float array of ``shape``, or raise :class:`Incorrect` naming ``name``.

    Lists, NumPy arrays, pandas objects and TensorFlow tensors or Keras variables are accepted. For
    a vector (a 1-D ``shape``), a single row or column of the right length is flattened. NaN or
    infinite entries are rejected.

    Parameters
    ----------
    name : str
        The answer's name, as the learner wrote it.
    value : object
        The learner's answer.
    shape : tuple of int
        The shape the exercise asks for.
    unit : str, optional
        For a vector: what each number stands for, e.g. ``"feature"`` ("one per feature").
    like : str, optional
        The name of the exercise's array with the same shape, e.g. ``"x"`` ("the shape of x").

    Returns
    -------
    numpy.ndarray
        ``value`` as a float array of ``shape``.

    Examples
    --------
    >>> expect_array("coef", [[1.0], [2.0]], (2,))
    array([1., 2.])
    >>> expect_array("gl", 5.0, (12,), unit="epoch")
    Traceback (most recent call last):
    ...
    regutils.feedback.Incorrect: `gl` should be a list or array of 12 numbers, one per epoch, got a float.
    """
    vector = len(shape) == 1
    per = f", one per {unit}" if vector and unit else ""
    of_like = f" (the shape of {like})" if like else ""
    wanted = (
        f"a list or array of {shape[0]} numbers{per}"
        if vector
        else f"an array of shape {shape}{of_like}"
    )
    numpy_method = getattr(value, "numpy", None)
    if callable(numpy_method):  # a TensorFlow tensor or a Keras variable
        value = numpy_method()
    if (
        value is None
        or isinstance(value, (str, bytes))
        or np.isscalar(value)
        or not hasattr(value, "__len__")
    ):
        raise Incorrect(f"`{name}` should be {wanted}, got a {type(value).__name__}.")
    try:
        array = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise Incorrect(
            f"`{name}` should be {wanted}; it holds something that is not a number."
        ) from None
    if vector and array.ndim == 2 and 1 in array.shape:
        array = array.ravel()
    if array.shape != shape:
        if vector:
            raise Incorrect(
                f"`{name}` should have {shape[0]} numbers{per}, got shape {array.shape}."
            )
        raise Incorrect(f"`{name}` should have shape {shape}{of_like}, got {array.shape}.")
    if not np.all(np.isfinite(array)):
        raise Incorrect(f"`{name}` contains NaN or infinite values.")
    return array


def expect_close_array(
    name: str,
    value: np.ndarray,
    expected: npt.ArrayLike,
    *,
    tol: float,
    mistakes: Iterable[tuple[npt.ArrayLike, str]] = (),
    otherwise: str | None = None,
) -> np.ndarray:
    """Check that every entry of ``value`` is within ``tol`` of ``expected``: :func:`expect_close`
    for arrays.

    ``value`` is an array already checked by :func:`expect_array`. ``mistakes`` pairs arrays that
    a typical mistake produces with the message to show when the answer matches one of them (all
    entries within ``tol``). Otherwise the message is ``otherwise`` (after the name), or says the
    answer is off by its largest difference, without giving the expected values away.

    Examples
    --------
    >>> expect_close_array("out", np.array([1.0, 2.0]), [1.0, 2.0], tol=1e-9)
    array([1., 2.])
    >>> expect_close_array("out", np.array([2.0, 4.0]), [1.0, 2.0], tol=1e-9,
    ...                    mistakes=[([2.0, 4.0], "you doubled it.")])
    Traceback (most recent call last):
    ...
    regutils.feedback.Incorrect: `out`: you doubled it.
    """

    def distance(other: npt.ArrayLike) -> float:
        other = np.asarray(other, dtype=float)
        return float(np.max(np.abs(value - other))) if other.shape == value.shape else np.inf

    if distance(expected) <= tol:
        return value
    for wrong, message in mistakes:
        if distance(wrong) <= tol:
            raise Incorrect(f"`{name}`: {message}")
    if otherwise is not None:
        raise Incorrect(f"`{name}` {otherwise}")
    raise Incorrect(
        f"`{name}` is not what the exercise asks for (largest difference {distance(expected):.3g})."
    )


# --------------------------------------------------------------------------- exercises


@dataclass(frozen=True)
class Exercise:
    """One exercise: its id, the names of its answers, its check and its hints."""

    id: str
    answers: tuple[str, ...]
    check: Callable[..., str | None]
    hints: tuple[str, ...]


@dataclass
class ExerciseBook:
    """The exercises of one lesson, as registered by its ``regutils/checks/lessonNN.py``.

    Parameters
    ----------
    notebook : str
        File name of the lesson's exercise notebook (the same name in ``solutions/``).
    """

    notebook: str
    _exercises: dict[str, Exercise] = field(default_factory=dict)
    _hints_shown: dict[str, int] = field(default_factory=dict)

    def exercise(
        self, id: str, *, hints: Sequence[str]
    ) -> Callable[[Callable[..., str | None]], Callable[..., str | None]]:
        """Register a check function; its parameter names are the names of the answers.

        The function raises :class:`Incorrect` for a wrong answer and may return a short remark
        to print after "Correct".
        """
        if not hints:
            raise ValueError(f"exercise {id!r} needs at least one hint.")

        def register(check: Callable[..., str | None]) -> Callable[..., str | None]:
            if id in self._exercises:
                raise ValueError(f"exercise {id!r} is registered twice.")
            answers = tuple(inspect.signature(check).parameters)
            self._exercises[id] = Exercise(id, answers, check, tuple(hints))
            return check

        return register

    @property
    def ids(self) -> list[str]:
        """The exercise ids, in order."""
        return list(self._exercises)

    def get(self, id: str) -> Exercise:
        """The exercise ``id``, or a ``ValueError`` listing the ids there are."""
        if not isinstance(id, str) or id not in self._exercises:
            raise ValueError(
                f"exercise must be one of {', '.join(map(repr, self._exercises))}; got {id!r}."
            )
        return self._exercises[id]

    def _unknown(self, id: object, call: str) -> Feedback | None:
        """Usage feedback when ``id`` is not one of this lesson's exercises, else ``None``."""
        if isinstance(id, str) and id in self._exercises:
            return None
        ids = ", ".join(repr(i) for i in self._exercises)
        return Feedback(
            "usage",
            f"There is no exercise {id!r} here; the exercises are {ids}: e.g. ex.{call}('1').",
            heading=f"ex.{call}(…)",
            message=f"There is no exercise {id!r} here; the exercises are {ids}: "
            f"e.g. `ex.{call}('1')`.",
        )

    def feedback(self, id: str, **answers: object) -> Feedback:
        """The feedback :meth:`check` shows: correct, not yet (and why), or not answered yet.

        Any answer gets a sentence, never a traceback: answers given under other names, a missing
        answer, or a value the check cannot use at all (a string where an array goes) each get a
        message saying what the check expects.
        """
        unknown = self._unknown(id, "check")
        if unknown is not None:
            return unknown
        exercise = self.get(id)
        wanted = ", ".join(f"{name}={name}" for name in exercise.answers)
        missing = [name for name in exercise.answers if name not in answers]
        extra = [name for name in answers if name not in exercise.answers]
        if missing or extra:
            problems = []
            if missing:
                problems.append("it is missing " + ", ".join(f"`{n}`" for n in missing))
            if extra:
                problems.append("it does not take " + ", ".join(f"`{n}`" for n in extra))
            message = (
                f"Exercise {id}'s check takes the answers `{wanted}`; {' and '.join(problems)}. "
                f"Copy the check line from the exercise: `ex.check({id!r}, {wanted})`."
            )
            return Feedback("usage", message, heading=f"exercise {id}", message=message)
        unanswered = [name for name in exercise.answers if answers[name] is Ellipsis]
        if unanswered:
            names = ", ".join(f"`{name}`" for name in unanswered)
            message = (
                f"replace the `...` in {names} with your answer. For a nudge: `ex.hint({id!r})`"
            )
            return Feedback(
                "not-answered",
                f"Exercise {id} is not answered yet: {message}",
                heading=f"exercise {id}",
                message=message,
            )
        try:
            remark = exercise.check(**answers)
        except Incorrect as wrong:
            message = f"{wrong}\nFor a nudge: `ex.hint({id!r})`"
            return Feedback(
                "not-yet",
                f"Not yet — exercise {id}: {message}",
                heading=f"exercise {id}",
                message=message,
            )
        except Exception as error:  # an answer of a shape the check cannot use at all
            message = (
                f"the check could not use your answers ({type(error).__name__}: "
                f"{_first_line(error)}). Make each of {', '.join(f'`{n}`' for n in exercise.answers)} "
                f"what the exercise's text asks for (a number, a list, a model, …). "
                f"For a nudge: `ex.hint({id!r})`"
            )
            return Feedback(
                "not-yet",
                f"Not yet — exercise {id}: {message}",
                heading=f"exercise {id}",
                message=message,
            )
        return Feedback(
            "correct",
            f"Correct: exercise {id}." + (f" {remark}" if remark else ""),
            heading=f"exercise {id}",
            message=remark or "",
        )

    def check(self, id: str, **answers: object) -> None:
        """Check the answers of exercise ``id`` (given by name) and show the verdict."""
        show(self.feedback(id, **answers))

    def hint_feedback(self, id: str) -> Feedback:
        """The next hint of exercise ``id`` (each call one more), or that there are no more."""
        unknown = self._unknown(id, "hint")
        if unknown is not None:
            return unknown
        hints = self.get(id).hints
        shown = self._hints_shown.get(id, 0)
        self._hints_shown[id] = shown + 1
        n = len(hints)
        if shown >= n:
            message = (
                f"You have seen all {n} hint{'s' if n > 1 else ''} of exercise {id}. The worked "
                f"solution: `ex.solution({id!r})`. The last hint was: {hints[-1]}"
            )
            return Feedback(
                "hint", message, heading=f"no more hints · exercise {id}", message=message
            )
        message = hints[shown]
        if shown == n - 1:
            message += f"\n(That was the last hint. The worked solution: `ex.solution({id!r})`.)"
        return Feedback(
            "hint",
            f"Hint {shown + 1} of {n} for exercise {id}: {message}",
            heading=f"{shown + 1} of {n} · exercise {id}",
            message=message,
        )

    def hint(self, id: str) -> None:
        """Show the next hint of exercise ``id``; each call reveals one more."""
        show(self.hint_feedback(id))

    def solution_text(self, id: str) -> str:
        """The worked solution of exercise ``id``, read from the solutions notebook."""
        self.get(id)
        return solution_from_notebook(course_file(f"solutions/{self.notebook}"), id)

    def solution_feedback(self, id: str) -> Feedback:
        """The worked solution of exercise ``id``, as highlighted code."""
        unknown = self._unknown(id, "solution")
        if unknown is not None:
            return unknown
        code = self.solution_text(id)
        where = f"solutions/{self.notebook}"
        return Feedback(
            "solution",
            f"# Solution of exercise {id} (from {where})\n{code}",
            heading=f"exercise {id}",
            message=f"From `{where}`; run it in the exercise's cell, then its check.",
            code=code,
        )

    def solution(self, id: str) -> None:
        """Show the worked solution of exercise ``id``."""
        show(self.solution_feedback(id))


def _first_line(error: BaseException) -> str:
    """The first line of an error's message, at most 120 characters."""
    lines = str(error).strip().splitlines()
    line = lines[0] if lines else "no message"
    return line if len(line) <= 120 else line[:117] + "..."


def solution_from_notebook(path: Path, id: str) -> str:
    """The code between the solution markers of the cell tagged ``exercise-<id>`` in ``path``.

    Lines used only by the course's tooling (``# NBVAL_...`` markers, ``# stub:`` lines) are left
    out, so what is printed is what a learner would type.
    """
    if not path.is_file():
        raise FileNotFoundError(
            f"the solutions notebook {path} is missing; the worked solutions "
            "come with the course repository (solutions/)."
        )
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    tag = f"exercise-{id}"
    sources = [
        "".join(c["source"])
        for c in cells
        if tag in c.get("metadata", {}).get("tags", []) and c["cell_type"] == "code"
    ]
    if len(sources) != 1:
        raise LookupError(
            f"{path.name} should have exactly one code cell tagged {tag!r}, found {len(sources)}."
        )
    lines = sources[0].splitlines()
    if _BEGIN not in [line.strip() for line in lines]:
        raise LookupError(f"the cell tagged {tag!r} in {path.name} has no {_BEGIN!r} marker.")
    inside, kept = False, []
    for line in lines:
        stripped = line.strip()
        if stripped in (_BEGIN, _END):
            inside = stripped == _BEGIN
        elif inside and not re.match(r"#\s*(NBVAL_\w+|stub:)", stripped):
            kept.append(line)
    return "\n".join(kept).strip("\n")


def exercises(lesson: str) -> ExerciseBook:
    """The exercises of a lesson, with ``check``, ``hint`` and ``solution``.

    Parameters
    ----------
    lesson : str
        The lesson number, e.g. ``"01"``.

    Returns
    -------
    ExerciseBook

    Examples
    --------
    >>> ex = exercises("01")
    >>> ex.ids
    ['1', '2', '3', '4', '5']
    """
    module = lesson_module("checks", lesson, "exercises")
    book = module.EXERCISES
    return ExerciseBook(book.notebook, dict(book._exercises))  # fresh hint counters


def available_lessons() -> list[str]:
    """Lesson numbers that have exercise checks."""
    return lesson_numbers("checks")
