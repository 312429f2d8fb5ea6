"""Lesson 05's exercise checks: equivalent answers pass, known mistakes get their own message.

That the solutions notebook's answers pass is tested for every lesson in test_checks_solutions.py.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from regutils.checks import lesson05

LESSON = "05"


@pytest.fixture(scope="module")
def right(solution_answers):
    """The answers solutions/05_tuning_exercises.ipynb computes."""
    return {exercise: solution_answers(LESSON, exercise) for exercise in "123"}


@pytest.mark.parametrize(
    "exercise, answers",
    [
        ("1", {"best_alpha": 0.3, "one_se_alpha": 1.0}),
        ("1", {"best_alpha": np.float64(0.3), "one_se_alpha": np.float64(1.0)}),
    ],
)
def test_the_exercises_answers_in_other_forms_are_correct(ex, exercise, answers):
    text = ex.feedback(exercise, **answers)
    assert text.startswith(f"Correct: exercise {exercise}."), text


def test_exercise_2_and_3_accept_rounded_answers(ex, right):
    rounded = {name: round(float(value), 4) for name, value in right["2"].items()}
    assert ex.feedback("2", **rounded).startswith("Correct: exercise 2."), rounded
    answers = {**right["3"], "cost": round(float(right["3"]["cost"]), 4)}
    assert ex.feedback("3", **answers).startswith("Correct: exercise 3."), answers


WRONG = [
    ("1", {"best_alpha": 10.0, "one_se_alpha": 1.0}, "*largest* mean RMSE"),
    ("1", {"best_alpha": 0.1, "one_se_alpha": 1.0}, "is not what the exercise asks for"),
    ("1", {"best_alpha": 0.3, "one_se_alpha": 3.0}, "standard *deviation*"),
    ("1", {"best_alpha": 0.3, "one_se_alpha": 0.1}, "the *larger* alpha"),
    ("1", {"best_alpha": 0.3, "one_se_alpha": 0.3}, "that is the best alpha itself"),
    ("1", {"best_alpha": 0.3, "one_se_alpha": 10.0}, "is not what the exercise asks for"),
]


@pytest.mark.parametrize(
    "exercise, answers, message", WRONG, ids=[f"{e}-{m[:24]}" for e, _, m in WRONG]
)
def test_wrong_answers_get_the_intended_message(ex, assert_wrong, exercise, answers, message):
    assert_wrong(ex.feedback(exercise, **answers), exercise, message)


def test_exercise_2_mistakes(ex, right, assert_wrong):
    ref = lesson05._exercise_2()
    mistakes = lesson05._exercise_2_mistakes()
    cases = [
        ({"nested_rmse": ref["best_inner"]}, "tuned and scored on the same folds"),
        ({"nested_rmse": mistakes["tuned_then_scored"]}, "scores the already-tuned model"),
        ({"nested_rmse": mistakes["nested_mse"]}, "mean squared error"),
        ({"nested_rmse": np.sqrt(mistakes["nested_mse"])}, "square root of the mean MSE"),
        ({"nested_rmse": -ref["nested"]}, "negated"),
        ({"best_inner_rmse": -ref["best_inner"]}, "negated"),
        ({"best_inner_rmse": ref["nested"]}, "that is the nested score"),
        ({"best_alpha": 1.0}, "is not what the exercise asks for"),
        ({"nested_rmse": 50.0}, "is not what the exercise asks for"),
    ]
    for changes, message in cases:
        assert_wrong(ex.feedback("2", **{**right["2"], **changes}), "2", message)


def test_exercise_2_mistakes_are_distinct_from_the_answer():
    ref = lesson05._exercise_2()
    for value in lesson05._exercise_2_mistakes().values():
        assert abs(value - ref["nested"]) > 0.01
    assert abs(ref["best_inner"] - ref["nested"]) > 0.01
    # The square root of the mean MSE is close to the mean RMSE: 8e-3 away, the tolerance is 1e-3.
    root_of_mean = np.sqrt(lesson05._exercise_2_mistakes()["nested_mse"])
    assert abs(root_of_mean - ref["nested"]) > 5e-3


def test_exercise_3_mistakes(ex, right, assert_wrong):
    ref = lesson05._exercise_3()
    differences = np.subtract(ref["one_se"], ref["best"])
    sd = differences.std(ddof=1)
    unpaired = np.hypot(np.std(ref["one_se"], ddof=1), np.std(ref["best"], ddof=1)) / np.sqrt(5)
    flat = np.array(ref["flat"])
    saved = np.mean(ref["kept_best"]) - np.mean(ref["kept_one_se"])
    cases = [
        ({"cost": -differences.mean()}, "the sign is reversed"),
        ({"cost": flat.mean()}, "one validation curve on all rows"),
        ({"cost_se": sd}, "standard deviation of the differences"),
        ({"cost_se": unpaired}, "treats the two rules' RMSEs as independent"),
        ({"features_saved": -saved}, "the sign is reversed"),
        ({"features_saved": np.mean(ref["kept_one_se"])}, "how many features the one-SE"),
        ({"rule": "lowest mean"}, "inside the clinic's 5 %"),
        ({"rule": "one-se"}, 'should be "lowest mean" or "one-SE"'),
        ({"cost": 3.0}, "is not what the exercise asks for"),
    ]
    for changes, message in cases:
        assert_wrong(ex.feedback("3", **{**right["3"], **changes}), "3", message)


def test_exercise_3_reference_is_a_real_trade():
    """The recommendation is not forced by construction: the one-SE rule costs something."""
    ref = lesson05._exercise_3()
    differences = np.subtract(ref["one_se"], ref["best"])
    se = differences.std(ddof=1) / np.sqrt(5)
    assert differences.mean() > 2 * se
    assert differences.mean() / np.mean(ref["best"]) < lesson05.TOLERATED_COST
    assert np.mean(ref["kept_best"]) - np.mean(ref["kept_one_se"]) >= 2


@pytest.mark.parametrize(
    "exercise, names",
    [
        ("1", ("best_alpha", "one_se_alpha")),
        ("2", ("nested_rmse", "best_inner_rmse", "best_alpha")),
        ("3", ("cost", "cost_se", "features_saved", "rule")),
    ],
)
def test_unanswered(ex, exercise, names):
    text = ex.feedback(exercise, **dict.fromkeys(names, ...))
    assert text.startswith(f"Exercise {exercise} is not answered yet"), text


# --------------------------------------------------------------------------- odd answers

ODD = [
    np.array([0.3]),
    np.array([0.3, 1.0]),
    pd.Series([0.3]),
    "0.3",
    None,
    float("nan"),
    float("inf"),
    [0.3, 1.0],
]


@pytest.mark.parametrize("value", ODD, ids=lambda v: type(v).__name__ + repr(v)[:12])
def test_odd_answers_get_a_sentence(ex, right, assert_wrong, value):
    """Arrays, Series, strings, None, NaN and lists where a number goes: a specific message."""
    cases = [
        ("1", {"best_alpha": value, "one_se_alpha": 1.0}, "`best_alpha`"),
        ("1", {"best_alpha": 0.3, "one_se_alpha": value}, "`one_se_alpha`"),
        ("2", {**right["2"], "nested_rmse": value}, "`nested_rmse`"),
        ("2", {**right["2"], "best_alpha": value}, "`best_alpha`"),
        ("3", {**right["3"], "cost": value}, "`cost`"),
        ("3", {**right["3"], "features_saved": value}, "`features_saved`"),
    ]
    for exercise, answers, message in cases:
        assert_wrong(ex.feedback(exercise, **answers), exercise, message)


def test_per_fold_arrays_are_named(ex, right, assert_wrong):
    """The classic slip: the five outer folds' values instead of their mean."""
    ref = lesson05._exercise_3()
    differences = np.subtract(ref["one_se"], ref["best"])
    outer = np.full(5, right["2"]["nested_rmse"])
    assert_wrong(ex.feedback("2", **{**right["2"], "nested_rmse": outer}), "2", "holds 5 values")
    assert_wrong(ex.feedback("3", **{**right["3"], "cost": differences}), "3", "holds 5 values")
    assert_wrong(ex.feedback("3", **{**right["3"], "rule": None}), "3", "`rule` should be")


def test_wrong_method_values_are_told_apart(ex, right, assert_wrong):
    """Close-but-wrong values: each gap is far wider than the check's tolerance."""
    ref = lesson05._exercise_3()
    differences = np.subtract(ref["one_se"], ref["best"])
    ddof0 = differences.std(ddof=0) / np.sqrt(5)
    se = differences.std(ddof=1) / np.sqrt(5)
    assert abs(ddof0 - se) > 10 * 1e-3  # the check's tolerance is 1e-3
    assert_wrong(ex.feedback("3", **{**right["3"], "cost_se": ddof0}), "3", "`ddof=0`")
