"""Fixtures and helpers shared by the test files in tests/.

- Keras: tests that build or train Keras models are marked ``@pytest.mark.keras`` (or a whole file
  ``pytestmark = pytest.mark.keras``). The test process skips them; each such file has one test
  that calls :func:`fresh_process.run_keras_tests`, which runs them (``-m keras``) in one fresh
  Python process (see tests/fresh_process.py for why). There, ``_keras_setup`` makes the lessons'
  setup call once per file, before anything imports TensorFlow.
- Exercise checks: a test file of a lesson's checks sets ``LESSON = "07"``; the fixture ``ex`` is
  that lesson's :class:`~regutils.feedback.ExerciseBook`, ``assert_wrong`` checks a "Not yet"
  message, and ``solution_answers(lesson, exercise)`` runs the solutions notebook's code for one
  exercise and returns the answers its ``ex.check(...)`` call passes (so a right-answer test is
  pinned to the notebook, not to the check's own reference).
- Figures: ``no_show_and_close`` fails a test that calls ``plt.show()`` and closes its figures.
"""

from __future__ import annotations

import contextlib
import io
import json
import random
import re
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from fresh_process import IN_KERAS_PROCESS

import regutils

ROOT = Path(__file__).resolve().parent.parent


# --------------------------------------------------------------------------- Keras


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """In the test process, skip the Keras tests: they run in a fresh process."""
    if IN_KERAS_PROCESS:
        return
    skip = pytest.mark.skip(reason="Keras: runs in a fresh process (tests/fresh_process.py)")
    for item in items:
        if item.get_closest_marker("keras") is not None:
            item.add_marker(skip)


@pytest.fixture(scope="module", autouse=True)
def _keras_setup() -> Iterator[None]:
    """In the fresh Keras process: the lessons' setup call, once per file, before TensorFlow."""
    if IN_KERAS_PROCESS:
        regutils.setup_notebook(seed=0, keras=True)
    yield


# --------------------------------------------------------------------------- exercise checks


@pytest.fixture(scope="module")
def ex(request: pytest.FixtureRequest) -> regutils.feedback.ExerciseBook:
    """The exercises of the lesson the test file names in ``LESSON`` (e.g. ``"06"``)."""
    return regutils.exercises(request.module.LESSON)


def _assert_wrong(text: str, exercise: str, message: str) -> None:
    """``text`` is the "Not yet" feedback of ``exercise`` and contains ``message``.

    The check's own message, not the safety net that turns an unexpected error in a check into a
    sentence (regutils.feedback): an answer a test feeds must be recognised by the check.
    """
    assert text.startswith(f"Not yet — exercise {exercise}:"), text
    assert CHECK_CRASHED not in text, f"the check of exercise {exercise} crashed: {text}"
    assert message in text, text


#: The start of the sentence a learner sees when a check raised something other than Incorrect.
CHECK_CRASHED = "the check could not use your answers"


@pytest.fixture(scope="session")
def assert_wrong() -> Callable[[str, str, str], None]:
    """``assert_wrong(text, exercise, message)``: a "Not yet" feedback naming ``message``."""
    return _assert_wrong


class _RecordAnswers:
    """Stands in for a notebook's ``ex``: ``ex.check(id, **answers)`` records the answers."""

    def __init__(self) -> None:
        self.answers: dict[str, dict[str, Any]] = {}

    def check(self, id: str, **answers: Any) -> None:
        self.answers[id] = answers


def _code_cells(notebook: Path) -> list[tuple[list[str], str]]:
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    return [
        (c.get("metadata", {}).get("tags", []), "".join(c["source"]))
        for c in cells
        if c["cell_type"] == "code"
    ]


def _solutions_notebook(lesson: str) -> Path:
    return ROOT / "solutions" / regutils.exercises(lesson).notebook


@contextlib.contextmanager
def _as_in_a_notebook() -> Iterator[None]:
    """Run notebook code quietly, without changing this process's global state for good.

    Outside the Keras process ``regutils.setup_notebook`` only returns the seed (its real work,
    threads, plot style, TensorFlow settings, belongs to a kernel); random states are restored and
    figures closed afterwards.
    """
    import matplotlib.pyplot as plt

    states = random.getstate(), np.random.get_state()
    with contextlib.ExitStack() as stack:
        if not IN_KERAS_PROCESS:
            patch = stack.enter_context(pytest.MonkeyPatch.context())
            patch.setattr(regutils, "setup_notebook", lambda seed=0, **_: seed, raising=False)
        stack.enter_context(contextlib.redirect_stdout(io.StringIO()))
        try:
            yield
        finally:
            plt.close("all")
            random.setstate(states[0])
            np.random.set_state(states[1])


@cache
def _setup_namespace(lesson: str) -> dict[str, Any]:
    """The namespace after the solutions notebook's setup cells (the code before exercise 1)."""
    namespace: dict[str, Any] = {"__name__": f"solutions_{lesson}"}
    with _as_in_a_notebook():
        for tags, source in _code_cells(_solutions_notebook(lesson)):
            if any(tag.startswith("exercise-") for tag in tags):
                break
            exec(compile(source, f"solutions/{lesson} setup", "exec"), namespace)
    return namespace


@cache
def _solution_answers(lesson: str, exercise: str) -> dict[str, Any]:
    """The answers the solutions notebook of ``lesson`` computes for ``exercise``.

    Runs the notebook's setup cells, then the solution cell tagged ``exercise-<exercise>``, then
    its ``ex.check(...)`` cell with ``ex`` recording the answers instead of checking them: the
    answers are the notebook's, computed now, not the check's own reference. Cached per process.
    """
    cells = _code_cells(_solutions_notebook(lesson))
    index = next(i for i, (tags, _) in enumerate(cells) if f"exercise-{exercise}" in tags)
    check = next(
        source
        for _, source in cells[index + 1 :]
        if re.search(rf'\bex\.check\("{exercise}"', source)
    )
    namespace = dict(_setup_namespace(lesson))
    recorder = _RecordAnswers()
    with _as_in_a_notebook():
        exec(compile(cells[index][1], f"solutions/{lesson} exercise {exercise}", "exec"), namespace)
        namespace["ex"] = recorder
        exec(compile(check, f"solutions/{lesson} check {exercise}", "exec"), namespace)
    return recorder.answers[exercise]


@pytest.fixture(scope="session")
def solution_answers() -> Callable[[str, str], dict[str, Any]]:
    """``solution_answers(lesson, exercise)``: the answers the solutions notebook computes."""
    return _solution_answers


# --------------------------------------------------------------------------- figures


@pytest.fixture
def no_show_and_close(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Fail if anything calls ``plt.show()``; close every figure after the test."""
    import matplotlib.pyplot as plt
    from matplotlib.figure import Figure

    def forbidden(*args: object, **kwargs: object) -> None:
        raise AssertionError("regutils.plots must never call plt.show()")

    monkeypatch.setattr(plt, "show", forbidden)
    monkeypatch.setattr(Figure, "show", forbidden)
    yield
    plt.close("all")
