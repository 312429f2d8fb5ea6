"""Lesson 04's exercise checks: equivalent answers pass, known mistakes get their own message.

That the solutions notebook's answers pass is tested for every lesson in test_checks_solutions.py.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import pytest

from regutils.checks import lesson04

LESSON = "04"
EX1_RIGHT = {"alpha": 0.8, "l1_ratio": 0.25, "n_nonzero": 8, "enet_alpha": 0.3}


@pytest.fixture(scope="module")
def right(solution_answers):
    """The answers solutions/04_elastic_net_exercises.ipynb computes (tests/conftest.py)."""
    return {exercise: solution_answers(LESSON, exercise) for exercise in "123"}


def test_the_solution_is_the_exercises_arithmetic(ex, right):
    assert right["1"] == pytest.approx(EX1_RIGHT)
    text = ex.feedback("1", **{**EX1_RIGHT, "alpha": 0.8000000001, "n_nonzero": 8.0})
    assert text.startswith("Correct: exercise 1."), text


WRONG = [
    ("1", {**EX1_RIGHT, "alpha": 0.2}, "that is λ1 alone"),
    ("1", {**EX1_RIGHT, "alpha": 0.5}, "the 1/2 belongs to the objective"),
    ("1", {**EX1_RIGHT, "alpha": 1.0}, "is not what the exercise asks for"),
    ("1", {**EX1_RIGHT, "l1_ratio": 0.75}, "share of the L2 part"),
    ("1", {**EX1_RIGHT, "l1_ratio": 1 / 3}, "not λ1 / λ2"),
    ("1", {**EX1_RIGHT, "n_nonzero": 4}, "count for l1_ratio = 0.75"),
    ("1", {**EX1_RIGHT, "n_nonzero": 10}, "is not the number of non-zero coefficients"),
    ("1", {**EX1_RIGHT, "n_nonzero": 8.5}, "should be a whole number"),
    ("1", {**EX1_RIGHT, "enet_alpha": 30}, "the alphas differ by a factor n"),
    ("1", {**EX1_RIGHT, "enet_alpha": 3000}, "the factor n goes the other way"),
    ("1", {**EX1_RIGHT, "enet_alpha": 0.15}, "divide by n only"),
    ("1", {**EX1_RIGHT, "alpha": "0.8"}, "should be a number"),
    ("1", {**EX1_RIGHT, "n_nonzero": 2}, "coefficients that are *zero*"),
    ("1", {**EX1_RIGHT, "n_nonzero": 6}, "the L1 part alone"),
    # odd answers: an array or Series where a number goes, None, NaN, inf, text
    ("1", {**EX1_RIGHT, "alpha": np.array([0.8])}, "should be a number"),
    ("1", {**EX1_RIGHT, "l1_ratio": pd.Series([0.25])}, "should be a number"),
    ("1", {**EX1_RIGHT, "n_nonzero": np.array([8])}, "should be a number"),
    ("1", {**EX1_RIGHT, "n_nonzero": None}, "should be a number"),
    ("1", {**EX1_RIGHT, "enet_alpha": float("nan")}, "finite number"),
    ("1", {**EX1_RIGHT, "enet_alpha": float("inf")}, "finite number"),
    ("1", {**EX1_RIGHT, "l1_ratio": [0.25, 0.75]}, "should be a number"),
]


@pytest.mark.parametrize(
    "exercise, answers, message", WRONG, ids=[f"{e}-{m[:24]}" for e, _, m in WRONG]
)
def test_wrong_answers_get_the_intended_message(ex, assert_wrong, exercise, answers, message):
    assert_wrong(ex.feedback(exercise, **answers), exercise, message)


def test_exercise_2_mistakes(ex, right, assert_wrong):
    raw = lesson04._exercise_2(scaled=False, standardize=False)[0]
    default = lesson04._exercise_2(scaled=True, standardize=False)[0]
    gap = lesson04._gap_2()
    cases: list[tuple[dict[str, Any], str]] = [
        ({"best_alpha": raw}, "without the StandardScaler"),
        ({"best_alpha": default}, "default scaled=True"),
        ({"best_alpha": 5.0}, "is not what the exercise asks"),
        ({"best_l1_ratio": 0.5}, "is not what the exercise asks"),
        ({"n_nonzero_d": 10}, "non-zero coefficients of the fitted"),
        ({"gap_01": -right["2"]["gap_01"]}, "the sign is flipped"),
        ({"gap_01": gap["gap_rmse"]}, "difference of RMSEs"),
        ({"gap_01": 50.0}, "is not what the exercise asks for"),
        ({"gap_se": gap["gap_se_unpaired"]}, "(paired)"),
        ({"gap_se": gap["gap_se_ddof0"]}, "ddof=1"),
        ({"gap_se": gap["gap_se_no_sqrt"]}, "square root of 5"),
        # odd answers
        ({"best_alpha": np.array([right["2"]["best_alpha"]])}, "should be a number"),
        ({"best_l1_ratio": "1.0"}, "should be a number"),
        ({"best_l1_ratio": None}, "should be a number"),
        ({"n_nonzero_d": pd.Series([right["2"]["n_nonzero_d"]])}, "should be a number"),
        ({"n_nonzero_d": 7.5}, "whole number"),
        ({"gap_01": float("nan")}, "finite number"),
        ({"gap_01": np.full(5, right["2"]["gap_01"])}, "should be a number"),
        ({"gap_se": float("inf")}, "finite number"),
    ]
    for changes, message in cases:
        assert_wrong(ex.feedback("2", **{**right["2"], **changes}), "2", message)


def test_exercise_3_mistakes(ex, right, assert_wrong):
    ref = lesson04._exercise_3()
    cases = [
        ({"lasso_kept": ref["lasso_kept_all"]}, "counts all eight weights"),
        ({"lasso_kept": ref["enet_kept"], "enet_kept": ref["lasso_kept"]}, "other model's value"),
        ({"lasso_spread": ref["lasso_spread_ddof1"]}, "ddof=0"),
        ({"enet_spread": ref["enet_across"]}, "*across* resamples"),
        (
            {"lasso_spread": ref["enet_spread"], "enet_spread": ref["lasso_spread"]},
            "other model's value",
        ),
        ({"enet_spread": 1.0}, "is not what the exercise asks for"),
        (
            {
                "lasso_kept": ref["lasso_kept_one_seed"],
                "lasso_spread": ref["lasso_spread_one_seed"],
            },
            "drawn with the same seed",
        ),
        # seeds 1 … 50 instead of 0 … 49: lasso_spread 0.006 off, enet_spread 0.002, kept equal
        (
            {name: ref[f"{name}_from_1"] for name in right["3"]},
            "values for seeds 1 … 50",
        ),
        ({"enet_spread": ref["enet_spread_from_1"]}, "is not what the exercise asks for"),
        # odd answers: the per-fit arrays instead of their mean, a Series, None, NaN, text
        ({"lasso_kept": np.ones(50)}, "should be a number"),
        ({"enet_spread": pd.Series([ref["enet_spread"]])}, "should be a number"),
        ({"enet_kept": None}, "should be a number"),
        ({"lasso_spread": float("nan")}, "finite number"),
        ({"enet_kept": "3"}, "should be a number"),
    ]
    for changes, message in cases:
        assert_wrong(ex.feedback("3", **{**right["3"], **changes}), "3", message)


@pytest.mark.parametrize(
    "exercise, names",
    [
        ("1", ("alpha", "l1_ratio", "n_nonzero", "enet_alpha")),
        ("2", ("best_alpha", "best_l1_ratio", "n_nonzero_d", "gap_01", "gap_se")),
        ("3", ("lasso_kept", "enet_kept", "lasso_spread", "enet_spread")),
    ],
)
def test_unanswered(ex, exercise, names):
    text = ex.feedback(exercise, **dict.fromkeys(names, ...))
    assert text.startswith(f"Exercise {exercise} is not answered yet"), text


def test_exercise_answers_accept_rounding(ex, right):
    rounded = {name: round(float(value), 1) for name, value in right["2"].items()}
    rounded["best_alpha"] = right["2"]["best_alpha"]
    assert ex.feedback("2", **rounded).startswith("Correct"), ex.feedback("2", **rounded)
    three = {name: round(float(value), 3) for name, value in right["3"].items()}
    assert ex.feedback("3", **three).startswith("Correct")


def test_exercise_3_tolerance_tells_the_closest_wrong_recipe_apart():
    ref = lesson04._exercise_3()
    # the closest wrong recipe, seeds 1 … 50: its spreads differ by 0.006 (lasso) and 0.002
    # (elastic net); the tolerance must be well inside the larger one, and let 3-decimal
    # rounding pass (exercise_answers_accept_rounding)
    gaps = [abs(ref[f"{m}_spread_from_1"] - ref[f"{m}_spread"]) for m in ("lasso", "enet")]
    assert max(gaps) > 5 * lesson04.TOL_3 and min(gaps) > lesson04.TOL_3, gaps
    assert lesson04.TOL_3 >= 5e-4
