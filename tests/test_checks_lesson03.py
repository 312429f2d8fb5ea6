"""Lesson 03's exercise checks: equivalent answers pass, known mistakes get their intended message.

That the solutions notebook's answers pass is tested for every lesson in test_checks_solutions.py.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from regutils.checks import lesson03

LESSON = "03"


@pytest.fixture(scope="module")
def right(solution_answers):
    """The answers solutions/03_lasso_exercises.ipynb computes (tests/conftest.py)."""
    return {exercise: solution_answers(LESSON, exercise) for exercise in "12345"}


def test_equivalent_answers_are_accepted(ex, right):
    # a set or an Index of names in another order; a rounded alpha_max; a tuple of names
    assert ex.feedback("1", n_nonzero=7.0, selected=set(right["1"]["selected"])).startswith(
        "Correct"
    )
    assert ex.feedback("2", alpha_max=48.93, first_three=("bmi", "s5", "bp")).startswith("Correct")
    # soft-thresholding written with np.where, or np.clip
    assert ex.feedback(
        "3", soft=lambda z, t: np.where(z > t, z - t, np.where(z < -t, z + t, 0.0))
    ).startswith("Correct")
    assert ex.feedback("3", soft=lambda z, t: z - np.clip(z, -t, t)).startswith("Correct")
    assert ex.feedback(
        "4", keep_freq=list(right["4"]["keep_freq"]), n_subsets=np.int64(right["4"]["n_subsets"])
    ).startswith("Correct")
    # exercise 5 rounded as a learner might print them
    assert ex.feedback(
        "5",
        alpha_4=np.float64(right["5"]["alpha_4"]),
        cost=round(right["5"]["cost"], 4),
        cost_se=round(right["5"]["cost_se"], 5),
    ).startswith("Correct")


@pytest.mark.parametrize("exercise", ["1", "2", "3", "4", "5"])
def test_unanswered(ex, right, exercise):
    answers = dict.fromkeys(right[exercise], ...)
    assert "is not answered yet" in ex.feedback(exercise, **answers)


def _not_vectorized(z, t):
    if abs(z) <= t:
        return 0.0
    return z - t * np.sign(z)


def _raises(z, t):
    raise KeyError("oops")


def _wrong_1():
    one = lesson03._exercise_1()
    good = {"n_nonzero": len(one["selected"]), "selected": one["selected"]}
    return [
        ({**good, "n_nonzero": len(one["dropped"])}, "number of coefficients that are *zero*"),
        ({**good, "n_nonzero": len(one["raw"])}, "on *raw* features"),
        ({**good, "n_nonzero": len(one["default"])}, "load the data with scaled=False"),
        ({**good, "n_nonzero": 9}, "is not the number of features the lasso keeps"),
        ({**good, "n_nonzero": 6.5}, "whole number"),
        ({**good, "selected": one["dropped"]}, "lists the features the lasso *dropped*"),
        ({**good, "selected": one["selected"][:-1]}, "is not the set of features"),
        ({**good, "selected": ["BMI"]}, "which are not feature names"),
        ({**good, "selected": "bmi"}, "should be a list of feature names"),
        # odd answers: arrays, Series, text, None, NaN where a count goes; a mask, duplicates
        ({**good, "n_nonzero": np.array([len(one["selected"])])}, "should be a number"),
        ({**good, "n_nonzero": pd.Series([len(one["selected"])])}, "should be a number"),
        ({**good, "n_nonzero": "7"}, "should be a number"),
        ({**good, "n_nonzero": None}, "should be a number"),
        ({**good, "n_nonzero": float("nan")}, "finite number"),
        ({**good, "selected": None}, "should be a list of feature names"),
        ({**good, "selected": np.array([True] * 7 + [False] * 3)}, "True/False mask"),
        ({**good, "selected": [0, 2, 3]}, "which are not feature names"),
        ({**good, "selected": one["selected"] + one["selected"][:1]}, "more than once"),
    ]


def _wrong_2():
    two = lesson03._exercise_2()
    good = {"alpha_max": two["alpha_max"], "first_three": two["first_three"]}
    return [
        ({**good, "alpha_max": two["alpha_max_times_n"]}, "divide by n"),
        ({**good, "alpha_max": two["alpha_max_half"]}, "not 2n"),
        ({**good, "alpha_max": two["alpha_max_raw"]}, "uses raw features"),
        ({**good, "alpha_max": 45.0}, "is not what the exercise asks for"),
        ({**good, "first_three": two["first_three"][::-1]}, "right features in the wrong order"),
        ({**good, "first_three": two["ols_order"]}, "least-squares coefficients"),
        ({**good, "first_three": ["bmi", "s5", "s3"]}, "are not the first three features"),
        ({**good, "first_three": ["bmi", "s5"]}, "should have 3 items"),
        # the right formula on the wrong rows or with the sample sd: within 0.1 of the answer
        ({**good, "alpha_max": two["alpha_max_ddof1"]}, "sample standard deviation (ddof=1)"),
        ({**good, "alpha_max": two["alpha_max_all_rows"]}, "uses all 442 patients"),
        ({**good, "alpha_max": two["alpha_max_test"]}, "uses the test split"),
        # odd answers
        ({**good, "alpha_max": np.array([two["alpha_max"]])}, "should be a number"),
        ({**good, "alpha_max": pd.Series([two["alpha_max"]])}, "should be a number"),
        ({**good, "alpha_max": None}, "should be a number"),
        ({**good, "alpha_max": float("inf")}, "finite number"),
        ({**good, "first_three": "bmi s5 bp"}, "should be a list of 3 items"),
        ({**good, "first_three": None}, "should be a list of 3 items"),
        ({**good, "first_three": np.array([2, 8, 3])}, "which are not feature names"),
    ]


def _wrong_3():
    return [
        ({"soft": lambda z, t: np.where(np.abs(z) > t, z, 0.0)}, "*hard* thresholding"),
        ({"soft": lambda z, t: np.maximum(np.abs(z) - t, 0.0)}, "the sign is lost"),
        ({"soft": lambda z, t: z - t * np.sign(z)}, "must become exactly 0"),
        ({"soft": lambda z, t: np.maximum(z - t, 0.0)}, "negative values must shrink"),
        ({"soft": lambda z, t: z / (1 + t)}, "ridge's shrinkage"),
        ({"soft": lambda z, t: z * 0.3}, "check the three cases"),
        ({"soft": _not_vectorized}, "an `if` on an array is ambiguous"),
        ({"soft": _raises}, "raised KeyError"),
        ({"soft": lambda z, t: float(np.sum(z))}, "should return one value per element"),
        ({"soft": lambda z, t: "x"}, "should return an array of numbers"),
        ({"soft": 3.0}, "should be a function"),
        ({"soft": None}, "should be a function"),
        ({"soft": _divides_by_abs}, "NaN or inf at z"),
        ({"soft": lambda z: z}, "raised TypeError"),
        (
            {"soft": lambda z, t: np.where(z > 2, np.inf, _soft_ok(z, t))},
            "finite numbers everywhere",
        ),
        (
            {"soft": lambda z, t: np.sign(z) * np.maximum(np.abs(z) - t, 0.0)[:-1]},
            "raised ValueError",
        ),
        ({"soft": lambda z, t: _soft_transposed(z, t)}, "should return one value per element"),
    ]


def _soft_ok(z, t):
    return np.sign(z) * np.maximum(np.abs(z) - t, 0.0)


def _divides_by_abs(z, t):
    with np.errstate(invalid="ignore"):  # 0 / 0 at z = 0: the mistake the check names
        return np.maximum(np.abs(z) - t, 0.0) * z / np.abs(z)


def _soft_transposed(z, t):
    return (np.sign(z) * np.maximum(np.abs(z) - t, 0.0)).reshape(2, -1)


def _wrong_4():
    shares, subsets, group_subsets = lesson03._exercise_4()
    good = {"keep_freq": shares, "n_subsets": subsets}
    return [
        ({**good, "keep_freq": 100 * shares}, "looks like percentages"),
        ({**good, "keep_freq": 150 * shares}, "holds counts"),
        ({**good, "keep_freq": 1 - shares}, "*zero*"),
        ({**good, "keep_freq": shares + 0.01}, "does not match the share"),
        ({**good, "keep_freq": lesson03._exercise_4_one_seed()}, "drawn with the same seed"),
        ({**good, "keep_freq": shares[:3]}, "should have 6 numbers"),
        ({**good, "n_subsets": group_subsets}, "counts subsets of x0–x2 only"),
        ({**good, "n_subsets": 150}, "is not the number of distinct selected sets"),
        # odd answers: text, None, NaN, the whole (150, 6) table, a reshaped array
        ({**good, "keep_freq": ["a"] * 6}, "not a number"),
        ({**good, "keep_freq": None}, "one per feature, got a NoneType"),
        ({**good, "keep_freq": shares * np.nan}, "NaN or infinite"),
        ({**good, "keep_freq": np.zeros((150, 6))}, "got shape (150, 6)"),
        ({**good, "keep_freq": shares.reshape(2, 3)}, "got shape (2, 3)"),
        ({**good, "keep_freq": 0.5}, "one per feature, got a float"),
        ({**good, "n_subsets": pd.Series([subsets])}, "should be a number"),
        ({**good, "n_subsets": "11"}, "should be a number"),
        ({**good, "n_subsets": float("nan")}, "finite number"),
    ]


def _wrong_5():
    ref = lesson03._exercise_5()
    good = {"alpha_4": ref["alpha_4"], "cost": ref["cost"], "cost_se": ref["cost_se"]}
    return [
        ({**good, "alpha_4": ref["alpha_best"]}, "best α overall"),
        ({**good, "alpha_4": ref["alpha_3"]}, "fewer than four features"),
        ({**good, "alpha_4": 1.0}, "is not what the exercise asks for"),
        ({**good, "cost": -ref["cost"]}, "the sign is flipped"),
        ({**good, "cost": ref["cost_mse"]}, "difference of MSEs"),
        ({**good, "cost": ref["cost"] + 0.5}, "is not what the exercise asks for"),
        ({**good, "cost_se": ref["cost_se_unpaired"]}, "take the paired differences"),
        ({**good, "cost_se": ref["cost_se_ddof0"]}, "ddof=1"),
        ({**good, "cost_se": ref["cost_se_no_sqrt"]}, "square root of 5"),
        ({**good, "cost_se": "0.6"}, "should be a number"),
        # the paired cost from unshuffled folds is 0.3 off; odd answers
        ({**good, "cost": ref["cost"] - 0.03}, "is not what the exercise asks for"),
        ({**good, "alpha_4": np.array([ref["alpha_4"]])}, "should be a number"),
        ({**good, "cost": pd.Series([ref["cost"]])}, "should be a number"),
        ({**good, "cost": None}, "should be a number"),
        ({**good, "cost_se": float("inf")}, "finite number"),
        ({**good, "cost_se": np.full(5, ref["cost_se"])}, "should be a number"),
    ]


MAKERS = {"1": _wrong_1, "2": _wrong_2, "3": _wrong_3, "4": _wrong_4, "5": _wrong_5}
COUNTS = {"1": 18, "2": 18, "3": 17, "4": 17, "5": 16}
WRONG = [(e, i) for e in "12345" for i in range(COUNTS[e])]


@pytest.mark.parametrize("exercise, index", WRONG, ids=[f"{e}-{i}" for e, i in WRONG])
def test_wrong_answers_get_the_intended_message(ex, assert_wrong, exercise, index):
    answers, message = MAKERS[exercise]()[index]
    assert_wrong(ex.feedback(exercise, **answers), exercise, message)


def test_every_mistake_list_is_fully_parametrized():
    assert {e: len(MAKERS[e]()) for e in "12345"} == COUNTS


def test_references_do_not_depend_on_the_global_seed():
    # The exercises fix their own splits and seeds on purpose (not the notebook's SEED), so that
    # REGUTILS_SEED, which CI uses to re-run every notebook, cannot change what counts as correct.
    np.random.seed(1)
    shares, subsets, group_subsets = lesson03._exercise_4.__wrapped__()
    np.random.seed(2)
    again = lesson03._exercise_4.__wrapped__()
    np.testing.assert_array_equal(shares, again[0])
    assert (subsets, group_subsets) == again[1:]
    assert lesson03._exercise_2.__wrapped__() == lesson03._exercise_2()
    np.random.seed(3)
    assert lesson03._exercise_5.__wrapped__() == lesson03._exercise_5()


def test_tolerances_are_well_inside_the_closest_wrong_answers():
    # exercise 2: the closest wrong alpha_max (features scaled with ddof=1) is 0.07 away; tol 0.01
    two = lesson03._exercise_2()
    gap = min(
        abs(two[key] - two["alpha_max"])
        for key in ("alpha_max_ddof1", "alpha_max_all_rows", "alpha_max_test", "alpha_max_half")
    )
    assert gap > 5 * 0.01, gap
    # exercise 5: cost tol 1e-3; its closest wrong recipe measured, a difference of pooled RMSEs
    # (sqrt of the mean fold MSE), is 0.030 away. cost_se tol 1e-4; ddof=0 is 0.067 away.
    ref = lesson03._exercise_5()
    assert abs(ref["cost_se_ddof0"] - ref["cost_se"]) > 10 * 1e-4
