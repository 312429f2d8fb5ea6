"""Lesson 04's exercise checks: right answers pass, known mistakes get their own message."""

from __future__ import annotations

import pytest

import regutils
from regutils.checks import lesson04


@pytest.fixture(scope="module")
def ex04():
    return regutils.exercises("04")


def _ex3(**changes):
    ref = lesson04._exercise_3()
    answers = {
        "lasso_kept": ref["lasso_kept"],
        "enet_kept": ref["enet_kept"],
        "lasso_spread": ref["lasso_spread"],
        "enet_spread": ref["enet_spread"],
    }
    answers.update(changes)
    return answers


def _ex2(**changes):
    alpha, ratio, count = lesson04._exercise_2(scaled=False, standardize=True)
    answers = {"best_alpha": alpha, "best_l1_ratio": ratio, "n_nonzero_d": count}
    answers.update(changes)
    return answers


EX1_RIGHT = {"alpha": 0.8, "l1_ratio": 0.25, "n_nonzero": 8, "enet_alpha": 0.3}


def test_reference_values_match_the_solutions_notebook():
    assert lesson04._n_nonzero(0.8, 0.25) == 8
    alpha, ratio, count = lesson04._exercise_2(scaled=False, standardize=True)
    assert (round(alpha, 3), ratio, count) == (0.757, 1.0, 8)
    ref = lesson04._exercise_3()
    assert (round(ref["lasso_kept"], 2), ref["enet_kept"]) == (2.62, 3.0)
    assert (round(ref["lasso_spread"], 2), round(ref["enet_spread"], 2)) == (0.65, 0.10)


@pytest.mark.parametrize(
    "exercise, answers",
    [
        ("1", EX1_RIGHT),
        ("1", {**EX1_RIGHT, "alpha": 0.8000000001, "n_nonzero": 8.0}),
        ("2", None),
        ("3", None),
    ],
)
def test_right_answers_are_correct(ex04, exercise, answers):
    answers = answers or {"2": _ex2, "3": _ex3}[exercise]()
    text = ex04.feedback(exercise, **answers)
    assert text.startswith(f"Correct: exercise {exercise}."), text


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
]


@pytest.mark.parametrize(
    "exercise, answers, message", WRONG, ids=[f"{e}-{m[:24]}" for e, _, m in WRONG]
)
def test_wrong_answers_get_the_intended_message(ex04, exercise, answers, message):
    text = ex04.feedback(exercise, **answers)
    assert text.startswith(f"Not yet — exercise {exercise}:"), text
    assert message in text, text


def test_exercise_2_mistakes(ex04):
    raw = lesson04._exercise_2(scaled=False, standardize=False)[0]
    default = lesson04._exercise_2(scaled=True, standardize=False)[0]
    assert "without the StandardScaler" in ex04.feedback("2", **_ex2(best_alpha=raw))
    assert "default scaled=True" in ex04.feedback("2", **_ex2(best_alpha=default))
    assert "is not what the exercise asks" in ex04.feedback("2", **_ex2(best_alpha=5.0))
    assert "is not what the exercise asks" in ex04.feedback("2", **_ex2(best_l1_ratio=0.5))
    assert "non-zero coefficients of the fitted" in ex04.feedback("2", **_ex2(n_nonzero_d=10))


def test_exercise_3_mistakes(ex04):
    ref = lesson04._exercise_3()
    cases = [
        (_ex3(lasso_kept=ref["lasso_kept_all"]), "counts all eight weights"),
        (_ex3(lasso_kept=ref["enet_kept"], enet_kept=ref["lasso_kept"]), "other model's value"),
        (_ex3(lasso_spread=ref["lasso_spread_ddof1"]), "ddof=0"),
        (_ex3(enet_spread=ref["enet_across"]), "*across* resamples"),
        (
            _ex3(lasso_spread=ref["enet_spread"], enet_spread=ref["lasso_spread"]),
            "other model's value",
        ),
        (_ex3(enet_spread=1.0), "is not what the exercise asks for"),
    ]
    for answers, message in cases:
        text = ex04.feedback("3", **answers)
        assert text.startswith("Not yet — exercise 3:") and message in text, text


@pytest.mark.parametrize(
    "exercise, names",
    [
        ("1", ("alpha", "l1_ratio", "n_nonzero", "enet_alpha")),
        ("2", ("best_alpha", "best_l1_ratio", "n_nonzero_d")),
        ("3", ("lasso_kept", "enet_kept", "lasso_spread", "enet_spread")),
    ],
)
def test_unanswered(ex04, exercise, names):
    text = ex04.feedback(exercise, **dict.fromkeys(names, ...))
    assert text.startswith(f"Exercise {exercise} is not answered yet"), text
