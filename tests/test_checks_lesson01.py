"""Lesson 01's exercise checks: the exercises' answers pass, known mistakes get their message.

The right answers are the numbers solutions/01_overfitting_exercises.ipynb prints, rounded; that
the notebook's own answers pass is tested for every lesson in test_checks_solutions.py.
"""

from __future__ import annotations

import pytest

LESSON = "01"


RIGHT = {
    "1": {"best_degree": 6, "best_rmse": 0.15},
    "2": {"n_needed": 20},
    "3": {
        "chosen_degree": 3,
        "final_rmse": 0.29,
        "chosen_by_split": [6, 3, 5, 9, 3, 4, 3, 3, 6, 9],
    },
    "4": {"best_alpha": 1e-4, "best_cv_rmse": 0.26},
}

WRONG = [
    ("1", {"best_degree": 9, "best_rmse": 0.15}, "lowest *training* error"),
    ("1", {"best_degree": 3, "best_rmse": 0.15}, "answer for noise 0.3"),
    ("1", {"best_degree": 4, "best_rmse": 0.15}, "not the degree with the lowest test RMSE"),
    ("1", {"best_degree": 6, "best_rmse": 0.0225}, "mean *squared* error"),
    ("1", {"best_degree": 6, "best_rmse": 0.5}, "is not what the exercise asks for"),
    ("1", {"best_degree": "6", "best_rmse": 0.15}, "should be a number"),
    ("2", {"n_needed": 15}, "still above 0.38"),
    ("2", {"n_needed": 50}, "smaller size than 50"),
    ("2", {"n_needed": 11}, "should be one of"),
    (
        "3",
        {"chosen_degree": 9, "final_rmse": 0.29, "chosen_by_split": [0] * 10},
        "lowest *training* error",
    ),
    (
        "3",
        {"chosen_degree": 5, "final_rmse": 0.29, "chosen_by_split": [0] * 10},
        "not the degree with the lowest validation",
    ),
    (
        "3",
        {"chosen_degree": 3, "final_rmse": 0.9, "chosen_by_split": [0] * 10},
        "is not what the exercise asks for",
    ),
    (
        "3",
        {"chosen_degree": 3, "final_rmse": 0.29, "chosen_by_split": [3] * 9},
        "should have 10 items",
    ),
    ("3", {"chosen_degree": 3, "final_rmse": 0.29, "chosen_by_split": [3] * 10}, "in that order"),
    ("4", {"best_alpha": 1e-10, "best_cv_rmse": 0.26}, "*largest* validation RMSE"),
    ("4", {"best_alpha": 10.0, "best_cv_rmse": 0.26}, "is not what the exercise asks for"),
    ("4", {"best_alpha": 1e-4, "best_cv_rmse": -0.26}, "negated RMSE"),
]


@pytest.mark.parametrize("exercise", sorted(RIGHT))
def test_the_printed_rounded_answers_are_correct(ex, exercise):
    assert ex.feedback(exercise, **RIGHT[exercise]).startswith("Correct")


@pytest.mark.parametrize(
    "exercise, answers, message",
    WRONG,
    ids=[f"{e}-{m[:24]}" for e, _, m in WRONG],
)
def test_wrong_answers_get_the_intended_message(ex, assert_wrong, exercise, answers, message):
    assert_wrong(ex.feedback(exercise, **answers), exercise, message)


def test_has_a_refit_mistake_check(ex):
    # The model fitted on the training part only (not refit on the development set).
    from regutils.checks.lesson01 import _exercise_3

    text = ex.feedback(
        "3", chosen_degree=3, final_rmse=_exercise_3()["final_not_refit"], chosen_by_split=[0] * 10
    )
    assert "refit the chosen degree" in text
