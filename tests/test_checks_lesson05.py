"""Lesson 05's exercise checks: right answers pass, known mistakes get their own message."""

from __future__ import annotations

import pytest

import regutils
from regutils.checks import lesson05

KEPT_AT_0_1 = ["ca", "cp_4", "exang", "oldpeak", "sex", "thal_3", "thal_7", "thalach", "trestbps"]


@pytest.fixture(scope="module")
def ex05():
    return regutils.exercises("05")


def _ex2(**changes):
    ref = lesson05._exercise_2()
    answers = {
        "nested_score": ref["nested"],
        "best_inner_score": ref["best_inner"],
        "best_C": ref["best_C"],
    }
    answers.update(changes)
    return answers


def _ex4(**changes):
    low, high = lesson05._exercise_4(stratify=False, part="test")
    answers = {"acc_min": low, "acc_max": high}
    answers.update(changes)
    return answers


def test_reference_values_match_the_solutions_notebook():
    ref = lesson05._exercise_2()
    assert (round(ref["nested"], 3), round(ref["best_inner"], 3), ref["best_C"]) == (
        0.825,
        0.842,
        1.0,
    )
    assert list(lesson05._kept_by_C()[0.1]) == KEPT_AT_0_1
    low, high = lesson05._exercise_4(stratify=False, part="test")
    assert (round(low, 3), round(high, 3)) == (0.770, 0.869)


@pytest.mark.parametrize(
    "exercise, answers",
    [
        ("1", {"best_alpha": 0.3, "one_se_alpha": 1.0}),
        ("3", {"strongest_C": 0.1, "kept": KEPT_AT_0_1}),
        ("3", {"strongest_C": 0.1, "kept": tuple(reversed(KEPT_AT_0_1))}),  # any order
        ("2", None),
        ("4", None),
    ],
)
def test_right_answers_are_correct(ex05, exercise, answers):
    answers = answers or {"2": _ex2, "4": _ex4}[exercise]()
    text = ex05.feedback(exercise, **answers)
    assert text.startswith(f"Correct: exercise {exercise}."), text


WRONG = [
    ("1", {"best_alpha": 10.0, "one_se_alpha": 1.0}, "*largest* mean RMSE"),
    ("1", {"best_alpha": 0.1, "one_se_alpha": 1.0}, "is not what the exercise asks for"),
    ("1", {"best_alpha": 0.3, "one_se_alpha": 3.0}, "standard *deviation*"),
    ("1", {"best_alpha": 0.3, "one_se_alpha": 0.1}, "the *larger* alpha"),
    ("1", {"best_alpha": 0.3, "one_se_alpha": 0.3}, "that is the best alpha itself"),
    ("1", {"best_alpha": 0.3, "one_se_alpha": 10.0}, "is not what the exercise asks for"),
    (
        "3",
        {"strongest_C": 1.0, "kept": KEPT_AT_0_1},
        "C is the inverse of the regularization strength",
    ),
    ("3", {"strongest_C": 0.05, "kept": KEPT_AT_0_1}, "keeps only 7 features"),
    ("3", {"strongest_C": 0.3, "kept": KEPT_AT_0_1}, "should be one of"),
    ("3", {"strongest_C": 0.1, "kept": KEPT_AT_0_1[:-1]}, "1 missing"),
    ("3", {"strongest_C": 0.1, "kept": KEPT_AT_0_1 + ["age"]}, "1 name(s) too many"),
    ("3", {"strongest_C": 0.1, "kept": "ca, sex"}, "should be a list of feature names"),
]


@pytest.mark.parametrize(
    "exercise, answers, message", WRONG, ids=[f"{e}-{m[:24]}" for e, _, m in WRONG]
)
def test_wrong_answers_get_the_intended_message(ex05, exercise, answers, message):
    text = ex05.feedback(exercise, **answers)
    assert text.startswith(f"Not yet — exercise {exercise}:"), text
    assert message in text, text


def test_exercise_3_l2_mistake(ex05):
    every_feature = list(lesson05._kept_by_C(0.0)[0.1])
    assert len(every_feature) == 22
    text = ex05.feedback("3", strongest_C=0.1, kept=every_feature)
    assert "l1_ratio=1.0" in text, text


def test_exercise_2_mistakes(ex05):
    ref = lesson05._exercise_2()
    cases = [
        (_ex2(nested_score=ref["best_inner"]), "`best_score_` of the search fitted on all data"),
        (_ex2(nested_score=lesson05._tuned_outer_score()), "scores the already-tuned model"),
        (_ex2(best_inner_score=ref["nested"]), "that is the nested score"),
        (_ex2(best_C=0.1), "is not what the exercise asks for"),
        (_ex2(nested_score=0.5), "is not what the exercise asks for"),
    ]
    for answers, message in cases:
        text = ex05.feedback("2", **answers)
        assert text.startswith("Not yet — exercise 2:") and message in text, text


def test_exercise_4_mistakes(ex05):
    strat_low, strat_high = lesson05._exercise_4(stratify=True, part="test")
    train_low, train_high = lesson05._exercise_4(stratify=False, part="train")
    cases = [
        (_ex4(acc_min=strat_low), "stratified splits"),
        (_ex4(acc_max=strat_high), "stratified splits"),
        (_ex4(acc_min=train_low), "*training* accuracy"),
        (_ex4(acc_max=train_high), "*training* accuracy"),
        (_ex4(acc_max=0.99), "is not what the exercise asks for"),
    ]
    for answers, message in cases:
        text = ex05.feedback("4", **answers)
        assert text.startswith("Not yet — exercise 4:") and message in text, text


@pytest.mark.parametrize(
    "exercise, names",
    [
        ("1", ("best_alpha", "one_se_alpha")),
        ("2", ("nested_score", "best_inner_score", "best_C")),
        ("3", ("strongest_C", "kept")),
        ("4", ("acc_min", "acc_max")),
    ],
)
def test_unanswered(ex05, exercise, names):
    text = ex05.feedback(exercise, **dict.fromkeys(names, ...))
    assert text.startswith(f"Exercise {exercise} is not answered yet"), text
