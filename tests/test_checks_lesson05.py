"""Lesson 05's exercise checks: equivalent answers pass, known mistakes get their own message.

That the solutions notebook's answers pass is tested for every lesson in test_checks_solutions.py.
"""

from __future__ import annotations

import pytest

from regutils.checks import lesson05

KEPT_AT_0_1 = ["ca", "cp_4", "exang", "oldpeak", "sex", "thal_3", "thal_7", "thalach", "trestbps"]


LESSON = "05"


@pytest.fixture(scope="module")
def right(solution_answers):
    """The answers solutions/05_tuning_exercises.ipynb computes."""
    return {exercise: solution_answers(LESSON, exercise) for exercise in "1234"}


@pytest.mark.parametrize(
    "exercise, answers",
    [
        ("1", {"best_alpha": 0.3, "one_se_alpha": 1.0}),
        ("3", {"strongest_C": 0.1, "kept": KEPT_AT_0_1}),
        ("3", {"strongest_C": 0.1, "kept": tuple(reversed(KEPT_AT_0_1))}),  # any order
    ],
)
def test_the_exercises_answers_in_other_forms_are_correct(ex, exercise, answers):
    text = ex.feedback(exercise, **answers)
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
def test_wrong_answers_get_the_intended_message(ex, assert_wrong, exercise, answers, message):
    assert_wrong(ex.feedback(exercise, **answers), exercise, message)


def test_exercise_3_l2_mistake(ex):
    every_feature = list(lesson05._kept_by_C(0.0)[0.1])
    assert len(every_feature) == 22
    text = ex.feedback("3", strongest_C=0.1, kept=every_feature)
    assert "l1_ratio=1.0" in text, text


def test_exercise_2_mistakes(ex, right, assert_wrong):
    ref = lesson05._exercise_2()
    cases = [
        ({"nested_score": ref["best_inner"]}, "`best_score_` of the search fitted on all data"),
        ({"nested_score": lesson05._tuned_outer_score()}, "scores the already-tuned model"),
        ({"best_inner_score": ref["nested"]}, "that is the nested score"),
        ({"best_C": 0.1}, "is not what the exercise asks for"),
        ({"nested_score": 0.5}, "is not what the exercise asks for"),
    ]
    for changes, message in cases:
        assert_wrong(ex.feedback("2", **{**right["2"], **changes}), "2", message)


def test_exercise_4_mistakes(ex, right, assert_wrong):
    strat_low, strat_high = lesson05._exercise_4(stratify=True, part="test")
    train_low, train_high = lesson05._exercise_4(stratify=False, part="train")
    cases = [
        ({"acc_min": strat_low}, "stratified splits"),
        ({"acc_max": strat_high}, "stratified splits"),
        ({"acc_min": train_low}, "*training* accuracy"),
        ({"acc_max": train_high}, "*training* accuracy"),
        ({"acc_max": 0.99}, "is not what the exercise asks for"),
    ]
    for changes, message in cases:
        assert_wrong(ex.feedback("4", **{**right["4"], **changes}), "4", message)


@pytest.mark.parametrize(
    "exercise, names",
    [
        ("1", ("best_alpha", "one_se_alpha")),
        ("2", ("nested_score", "best_inner_score", "best_C")),
        ("3", ("strongest_C", "kept")),
        ("4", ("acc_min", "acc_max")),
    ],
)
def test_unanswered(ex, exercise, names):
    text = ex.feedback(exercise, **dict.fromkeys(names, ...))
    assert text.startswith(f"Exercise {exercise} is not answered yet"), text
