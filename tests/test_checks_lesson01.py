"""Lesson 01's exercise checks: the exercises' answers pass, known mistakes get their message.

The right answers are the numbers solutions/01_overfitting_exercises.ipynb prints, rounded; that
the notebook's own answers pass is tested for every lesson in test_checks_solutions.py.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import pytest

from regutils.checks import lesson01

LESSON = "01"

EX1: dict[str, Any] = {"chosen_degree": 4, "val_rmse": 0.148, "final_rmse": 0.159}
EX2: dict[str, Any] = {"gain_low": 0.017, "gain_high": -0.011, "wins_low": 0.9, "wins_high": 0.5}
EX4: dict[str, Any] = {
    "chosen_degree": 3,
    "final_rmse": 0.2874,
    "chosen_by_split": [6, 3, 5, 9, 3, 4, 3, 3, 6, 9],
}

RIGHT = {
    "1": EX1,
    "2": EX2,
    "3": {"n_needed": 20},
    "4": EX4,
    "5": {"best_alpha": 1e-4, "best_cv_rmse": 0.265},
}

WRONG: list[tuple[str, dict[str, Any], str]] = [
    # exercise 1: the degree
    ("1", {**EX1, "chosen_degree": 6}, "choosing on the test set"),
    ("1", {**EX1, "chosen_degree": 9}, "lowest *training* error"),
    ("1", {**EX1, "chosen_degree": 3}, "choice at noise 0.3"),
    ("1", {**EX1, "chosen_degree": 5}, "not the degree with the lowest validation RMSE"),
    ("1", {**EX1, "chosen_degree": "4"}, "should be a number"),
    # exercise 1: the numbers
    ("1", {**EX1, "val_rmse": 0.148**2}, "mean *squared* error"),
    ("1", {**EX1, "val_rmse": 0.159}, "the number that defends the choice"),
    ("1", {**EX1, "val_rmse": 0.5}, "is not what the exercise asks for"),
    ("1", {**EX1, "final_rmse": 0.1535}, "a choice made on the test set"),
    ("1", {**EX1, "final_rmse": 0.1357}, "refitted on training + validation"),
    ("1", {**EX1, "final_rmse": 0.148}, "that is the validation RMSE"),
    ("1", {**EX1, "final_rmse": 0.159**2}, "mean *squared* error"),
    # exercise 2
    ("2", {**EX2, "gain_low": -0.017}, "sign is flipped"),
    ("2", {**EX2, "gain_low": 0.0208}, "*median* gain"),
    ("2", {**EX2, "gain_low": 0.0045}, "mean *squared* errors"),
    ("2", {**EX2, "gain_low": -0.011, "gain_high": 0.017}, "swapped"),
    ("2", {**EX2, "gain_high": 0.0004}, "*median* gain"),
    ("2", {**EX2, "wins_low": 45}, "give the share between 0 and 1"),
    ("2", {**EX2, "wins_low": 90}, "give the share between 0 and 1"),
    ("2", {**EX2, "wins_low": 0.1}, "degree *3* wins"),
    ("2", {**EX2, "wins_high": 0.3}, "is not what the exercise asks for"),
    # exercise 3
    ("3", {"n_needed": 15}, "still above 0.38"),
    ("3", {"n_needed": 50}, "smaller size than 50"),
    ("3", {"n_needed": 11}, "should be one of"),
    # exercise 4
    ("4", {**EX4, "chosen_degree": 9, "chosen_by_split": [0] * 10}, "lowest *training* error"),
    (
        "4",
        {**EX4, "chosen_degree": 5, "chosen_by_split": [0] * 10},
        "not the degree with the lowest validation",
    ),
    ("4", {**EX4, "final_rmse": 0.9}, "is not what the exercise asks for"),
    ("4", {**EX4, "chosen_by_split": [3] * 9}, "should have 10 items"),
    ("4", {**EX4, "chosen_by_split": [3] * 10}, "in that order"),
    # exercise 5
    ("5", {"best_alpha": 1e-10, "best_cv_rmse": 0.26}, "*largest* validation RMSE"),
    ("5", {"best_alpha": 10.0, "best_cv_rmse": 0.26}, "is not what the exercise asks for"),
    ("5", {"best_alpha": 1e-4, "best_cv_rmse": -0.265}, "negated RMSE"),
    # odd answers: each gets a sentence of its own, never the "could not use your answers" net
    ("1", {**EX1, "chosen_degree": np.array([4])}, "should be a number"),
    ("1", {**EX1, "chosen_degree": None}, "should be a number"),
    ("1", {**EX1, "chosen_degree": 4.5}, "should be a whole number"),
    ("1", {**EX1, "val_rmse": pd.Series([0.148])}, "should be a number"),
    ("1", {**EX1, "val_rmse": [0.148, 0.149]}, "should be a number"),
    ("1", {**EX1, "final_rmse": float("nan")}, "should be a finite number"),
    ("1", {**EX1, "final_rmse": float("inf")}, "should be a finite number"),
    ("2", {**EX2, "gain_low": np.full(50, 0.017)}, "should be a number"),
    ("2", {**EX2, "gain_high": "-0.011"}, "should be a number"),
    ("2", {**EX2, "wins_low": float("nan")}, "should be a finite number"),
    ("2", {**EX2, "wins_high": None}, "should be a number"),
    ("3", {"n_needed": np.array([20])}, "should be a number"),
    ("3", {"n_needed": "20"}, "should be a number"),
    ("3", {"n_needed": None}, "should be a number"),
    ("4", {**EX4, "final_rmse": np.array(0.2874)}, "should be a number"),
    ("4", {**EX4, "chosen_by_split": np.array(3)}, "got a single number in a 0-d array"),
    ("4", {**EX4, "chosen_by_split": 3}, "should be a list of 10 items"),
    ("4", {**EX4, "chosen_by_split": "6359343369"}, "should be a list of 10 items"),
    ("4", {**EX4, "chosen_by_split": np.reshape(EX4["chosen_by_split"], (2, 5))}, "10 items"),
    ("4", {**EX4, "chosen_by_split": [6, 3, 5, 9, 3, 4, 3, 3, 6, np.nan]}, "finite number"),
    ("4", {**EX4, "chosen_by_split": [str(d) for d in EX4["chosen_by_split"]]}, "a number"),
    ("4", {**EX4, "chosen_by_split": EX4["chosen_by_split"][::-1]}, "in that order"),
    ("5", {"best_alpha": np.array([1e-4]), "best_cv_rmse": 0.265}, "should be a number"),
    ("5", {"best_alpha": 1e-4, "best_cv_rmse": None}, "should be a number"),
    ("5", {"best_alpha": 1e-4, "best_cv_rmse": float("inf")}, "finite number"),
]


def _computed_wrong() -> list[tuple[str, dict[str, Any], str]]:
    """Wrong answers computed from the checks' references: right-looking numbers from the wrong
    quantity, each within the old tolerance of the right one (so they passed before)."""
    one, four, five = lesson01._exercise_1(), lesson01._exercise_4(), lesson01._exercise_5()
    chosen = one["chosen"]
    best = int(np.argmin(five["mean_rmse"]))
    # another degree's validation / test RMSE: 0.0016 from the chosen degree's (old tol 0.002)
    near_val = min(
        (d for d in range(10) if d != chosen),
        key=lambda d: abs(one["validation"][d] - one["validation"][chosen]),
    )
    near_test = min(
        (d for d in range(10) if d != chosen and one["test"][d] > min(one["test"])),
        key=lambda d: abs(one["test"][d] - one["test"][chosen]),
    )
    # the final test RMSE of another degree refitted: degree 9 is 0.0009 away (old tol 0.005)
    near_refit = min(
        (d for d in range(10) if d != four["chosen"]),
        key=lambda d: abs(four["refit_by_degree"][d] - four["final"]),
    )
    ex5 = {"best_alpha": float(five["alphas"][best])}
    return [
        (
            "1",
            {**EX1, "val_rmse": one["validation"][near_val]},
            f"validation RMSE of degree {near_val}",
        ),
        ("1", {**EX1, "final_rmse": one["test"][near_test]}, f"test RMSE of degree {near_test}"),
        (
            "4",
            {**EX4, "final_rmse": four["refit_by_degree"][near_refit]},
            f"degree {near_refit} refitted",
        ),
        ("5", {**ex5, "best_cv_rmse": five["root_mean_mse"][best]}, "mean *squared* error"),
        ("5", {**ex5, "best_cv_rmse": five["median_rmse"][best]}, "*median* over the folds"),
        ("5", {**ex5, "best_cv_rmse": five["train_rmse"][best]}, "*training* RMSE"),
        (
            "5",
            {
                "best_alpha": float(five["alphas"][np.argmin(five["unshuffled_rmse"])]),
                "best_cv_rmse": float(five["unshuffled_rmse"].min()),
            },
            "unshuffled folds",
        ),
        # exercise 2 scored on the test set drawn with seed 0: its mean gain is 0.0012 off
        ("2", {**EX2, "gain_low": 0.01588}, "is not what the exercise asks for"),
    ]


COMPUTED = _computed_wrong()


@pytest.mark.parametrize(
    "exercise, answers, message", COMPUTED, ids=[f"{e}-{m[:24]}" for e, _, m in COMPUTED]
)
def test_wrong_quantities_within_the_old_tolerances_do_not_pass(
    ex, assert_wrong, exercise, answers, message
):
    assert_wrong(ex.feedback(exercise, **answers), exercise, message)


def test_tolerances_sit_well_inside_the_gaps_they_must_tell_apart():
    one, four, five = lesson01._exercise_1(), lesson01._exercise_4(), lesson01._exercise_5()
    chosen, best = one["chosen"], int(np.argmin(five["mean_rmse"]))
    gaps = {
        "validation": min(
            abs(v - one["validation"][chosen])
            for d, v in enumerate(one["validation"])
            if d != chosen
        ),
        "refit": min(
            abs(v - four["final"])
            for d, v in enumerate(four["refit_by_degree"])
            if d != four["chosen"]
        ),
        "cv": min(
            abs(five[k][best] - five["mean_rmse"][best])
            for k in ("root_mean_mse", "median_rmse", "train_rmse")
        ),
    }
    assert gaps["validation"] > 2 * lesson01._TOL_1
    assert gaps["refit"] > 2 * 3e-4
    assert gaps["cv"] > 2 * 6e-4


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


def test_choosing_on_the_test_set_never_passes(ex):
    # The degree and the RMSE a learner gets by choosing on the test set, computed, not copied.
    from regutils.checks.lesson01 import _exercise_1

    reference = _exercise_1()
    on_test = min(range(10), key=lambda d: reference["test"][d])
    assert on_test != reference["chosen"]
    text = ex.feedback(
        "1",
        chosen_degree=on_test,
        val_rmse=reference["validation"][on_test],
        final_rmse=reference["test"][on_test],
    )
    assert "choosing on the test set" in text


def test_has_a_refit_mistake_check(ex):
    # The model fitted on the training part only (not refit on the development set).
    from regutils.checks.lesson01 import _exercise_4

    text = ex.feedback("4", **{**EX4, "final_rmse": _exercise_4()["final_not_refit"]})
    assert "refit the chosen degree" in text
