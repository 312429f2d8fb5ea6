"""Every exercise check accepts the answers its solutions notebook computes.

The answers come from running the notebook's own code now (tests/conftest.py,
``solution_answers``), not from the check's reference: a wrong reference, or a solution that no
longer gives the right answer, fails here, in seconds rather than in the notebook run. The lessons
that train Keras models run in the fresh process of the lesson's own checks file (``keras`` marker,
tests/fresh_process.py), where its solutions notebook's set-up has already run.
"""

from __future__ import annotations

import pytest
from fresh_process import ROOT, solution_cases

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


def test_each_keras_lessons_cases_run_in_that_lessons_fresh_process():
    """The Keras cases below run in the fresh process of the lesson's own checks file
    (tests/fresh_process.py, ``solution_cases``): that file must ask for them."""
    for lesson in sorted({case.values[0] for case in CASES if case.marks}):
        source = (ROOT / "tests" / f"test_checks_lesson{lesson}.py").read_text(encoding="utf-8")
        assert f'LESSON = "{lesson}"' in source, lesson
        assert "run_keras_tests(__file__, *solution_cases(LESSON))" in source, lesson
        assert len(solution_cases(lesson)) == len(regutils.exercises(lesson).ids) > 0


def test_every_lesson_is_covered_and_some_need_no_keras():
    lessons = {case.values[0] for case in CASES}
    assert lessons == set(available_lessons()) and len(lessons) >= 10
    assert {case.values[0] for case in CASES if not case.marks} >= {"01", "02", "05"}


@pytest.mark.parametrize("lesson, exercise", CASES)
def test_the_solutions_notebooks_answers_are_correct(solution_answers, lesson, exercise):
    answers = solution_answers(lesson, exercise)
    text = regutils.exercises(lesson).feedback(exercise, **answers)
    assert text.startswith(f"Correct: exercise {exercise}."), text
