"""Lesson 03's exercise checks: equivalent answers pass, known mistakes get their intended message.

That the solutions notebook's answers pass is tested for every lesson in test_checks_solutions.py.
"""

from __future__ import annotations

import numpy as np
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
    ]


def _wrong_2():
    two = lesson03._exercise_2()
    good = {"alpha_max": two["alpha_max"], "first_three": two["first_three"]}
    return [
        ({**good, "alpha_max": two["alpha_max_times_n"]}, "divide by n"),
        ({**good, "alpha_max": two["alpha_max_half"]}, "not 2n"),
        ({**good, "alpha_max": two["alpha_max_raw"]}, "uses raw features"),
        ({**good, "alpha_max": 45.16}, "is not what the exercise asks for"),
        ({**good, "first_three": two["first_three"][::-1]}, "right features in the wrong order"),
        ({**good, "first_three": two["ols_order"]}, "least-squares coefficients"),
        ({**good, "first_three": ["bmi", "s5", "s3"]}, "are not the first three features"),
        ({**good, "first_three": ["bmi", "s5"]}, "should have 3 items"),
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
    ]


def _wrong_4():
    shares, subsets, group_subsets = lesson03._exercise_4()
    good = {"keep_freq": shares, "n_subsets": subsets}
    return [
        ({**good, "keep_freq": 100 * shares}, "looks like percentages"),
        ({**good, "keep_freq": 150 * shares}, "holds counts"),
        ({**good, "keep_freq": 1 - shares}, "*zero*"),
        ({**good, "keep_freq": shares + 0.01}, "does not match the share"),
        ({**good, "keep_freq": lesson03._exercise_4_one_seed()}, "drawn with the same seed"),
        ({**good, "keep_freq": shares[:3]}, "should have 6 items"),
        ({**good, "n_subsets": group_subsets}, "counts subsets of x0–x2 only"),
        ({**good, "n_subsets": 150}, "is not the number of distinct selected sets"),
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
    ]


MAKERS = {"1": _wrong_1, "2": _wrong_2, "3": _wrong_3, "4": _wrong_4, "5": _wrong_5}
COUNTS = {"1": 9, "2": 8, "3": 11, "4": 8, "5": 10}
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
