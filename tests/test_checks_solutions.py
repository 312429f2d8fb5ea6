"""Every exercise check accepts the answers its solutions notebook computes.

The answers come from running the notebook's own code now (tests/conftest.py,
``solution_answers``), not from the check's reference: a wrong reference, or a solution that no
longer gives the right answer, fails here, in seconds rather than in the notebook run. The lessons
that train Keras models run in one fresh process (``keras`` marker, tests/fresh_process.py).
"""

from __future__ import annotations

import pytest
from fresh_process import ROOT, run_keras_tests

import regutils
from regutils.feedback import available_lessons


def _uses_keras(lesson: str) -> bool:
    """True if the lesson's solutions notebook asks for Keras (its setup cell's keras=True)."""
    notebook = ROOT / "solutions" / regutils.exercises(lesson).notebook
    return "keras=True" in notebook.read_text(encoding="utf-8")


CASES = [
    pytest.param(lesson, id, marks=[pytest.mark.keras] if _uses_keras(lesson) else [])
    for lesson in available_lessons()
    for id in regutils.exercises(lesson).ids
]


def test_keras_tests_pass_in_a_fresh_process():
    run_keras_tests(__file__)


def test_every_lesson_is_covered_and_some_need_no_keras():
    lessons = {case.values[0] for case in CASES}
    assert lessons == set(available_lessons()) and len(lessons) >= 10
    assert {case.values[0] for case in CASES if not case.marks} >= {"01", "02", "05"}


@pytest.mark.parametrize("lesson, exercise", CASES)
def test_the_solutions_notebooks_answers_are_correct(solution_answers, lesson, exercise):
    answers = solution_answers(lesson, exercise)
    text = regutils.exercises(lesson).feedback(exercise, **answers)
    assert text.startswith(f"Correct: exercise {exercise}."), text
