"""Lesson 06's exercise checks: equivalent answers pass, known mistakes get their own message.

That the solutions notebook's answers pass is tested for every lesson in test_checks_solutions.py.
"""

from __future__ import annotations

import pytest
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, OrdinalEncoder, StandardScaler

from regutils.checks import lesson06
from regutils.datasets import HEART_CATEGORICAL
from regutils.preprocessing import HEART_NUMERIC, heart_preprocessor

LESSON = "06"
NUMERIC, CATEGORICAL = list(HEART_NUMERIC), list(HEART_CATEGORICAL)


@pytest.fixture(scope="module")
def right(solution_answers):
    """The answers solutions/06_regularized_classification_exercises.ipynb computes."""
    return {exercise: solution_answers(LESSON, exercise) for exercise in "1234"}


def _model(numeric_steps, categorical_steps, C=1.0):
    preprocess = ColumnTransformer(
        [("numeric", numeric_steps, NUMERIC), ("categorical", categorical_steps, CATEGORICAL)]
    )
    return make_pipeline(preprocess, lesson06._logistic(C, 0.0))


def _one_hot():
    return make_pipeline(
        SimpleImputer(strategy="most_frequent"),
        OneHotEncoder(handle_unknown="ignore", sparse_output=False),
    )


def _scaled():
    return make_pipeline(SimpleImputer(strategy="median"), StandardScaler())


# --------------------------------------------------------------------------- exercise 1


def test_exercise_1_other_right_forms(ex):
    loss = lesson06._exercise_1()["right"]
    # The course's own preprocessor, and the categorical group listed first, are as good.
    for model in (
        make_pipeline(heart_preprocessor(), lesson06._logistic(1.0, 0.0)),
        make_pipeline(
            ColumnTransformer([("c", _one_hot(), CATEGORICAL), ("n", _scaled(), NUMERIC)]),
            lesson06._logistic(1.0, 0.0),
        ),
    ):
        text = ex.feedback("1", model=model, mean_log_loss=loss)
        assert text.startswith("Correct: exercise 1."), text


def test_exercise_1_mistakes(ex, right, assert_wrong):
    ref = lesson06._exercise_1()
    good = right["1"]["model"]
    cases = [
        ({"model": 3}, "should be a scikit-learn estimator"),
        (
            {"model": _model(StandardScaler(), _one_hot())},
            "fails on missing values",
        ),
        (
            {
                "model": _model(
                    _scaled(),
                    make_pipeline(
                        SimpleImputer(strategy="most_frequent"), OneHotEncoder(sparse_output=False)
                    ),
                )
            },
            "handle_unknown='ignore'",
        ),
        (
            {
                "model": _model(
                    _scaled(),
                    make_pipeline(
                        SimpleImputer(strategy="most_frequent"),
                        OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1),
                    ),
                )
            },
            "need one-hot encoding",
        ),
        (
            {"model": _model(SimpleImputer(strategy="median"), _one_hot())},
            "standardize the numeric columns",
        ),
        ({"model": _model(_scaled(), _one_hot(), C=0.1)}, "probabilities differ"),
        ({"model": good, "mean_log_loss": -ref["right"]}, "that is negative"),
        ({"model": good, "mean_log_loss": ref["leaky"]}, "fitted on all rows"),
        ({"model": good, "mean_log_loss": ref["accuracy"]}, "mean accuracy"),
        ({"model": good, "mean_log_loss": 0.5}, "is not what the exercise asks for"),
    ]
    for changes, message in cases:
        assert_wrong(ex.feedback("1", **{**right["1"], **changes}), "1", message)


# --------------------------------------------------------------------------- exercise 2


def test_exercise_2_mistakes(ex, right, assert_wrong):
    ref = lesson06._exercise_2()
    wrong = lesson06._exercise_2_mistakes()
    cases = [
        ({"nested_log_loss": ref["best_inner"]}, "the search's best inner score"),
        ({"nested_log_loss": wrong["tuned"]}, "scores the already-tuned model"),
        ({"nested_log_loss": wrong["by_accuracy"]}, "chose C on accuracy"),
        ({"nested_log_loss": -ref["nested"]}, "is negative"),
        ({"best_inner_log_loss": -ref["best_inner"]}, "is negative"),
        ({"best_inner_log_loss": ref["nested"]}, "that is the nested log-loss"),
        ({"best_C": 1.0}, "is not what the exercise asks for"),
        ({"nested_log_loss": 0.5}, "is not what the exercise asks for"),
    ]
    for changes, message in cases:
        assert_wrong(ex.feedback("2", **{**right["2"], **changes}), "2", message)


def test_exercise_2_mistakes_are_distinguishable():
    ref, wrong = lesson06._exercise_2(), lesson06._exercise_2_mistakes()
    values = [ref["nested"], ref["best_inner"], wrong["tuned"], wrong["by_accuracy"]]
    assert min(abs(a - b) for i, a in enumerate(values) for b in values[i + 1 :]) > 1e-4


# --------------------------------------------------------------------------- exercise 3


def test_exercise_3_any_order(ex, right):
    answers = {**right["3"], "kept": tuple(reversed(right["3"]["kept"]))}
    text = ex.feedback("3", **answers)
    assert text.startswith("Correct: exercise 3."), text


def test_exercise_3_mistakes(ex, right, assert_wrong):
    kept = list(right["3"]["kept"])
    best_kept = list(lesson06._kept(0.5))
    cases = [
        ({"chosen_C": 0.5}, "has the lowest mean log-loss"),
        ({"chosen_C": 1.0}, "the *smallest* C"),
        ({"chosen_C": 0.2}, "one-SE choice on accuracy"),
        ({"chosen_C": 0.1}, "is not the one-standard-error choice"),
        ({"chosen_C": 0.25}, "should be one of"),
        ({"kept": best_kept}, "features of the best-C model"),
        ({"kept": kept[:-1]}, "1 missing"),
        ({"kept": [*kept, "age"]}, "1 name(s) too many"),
        ({"kept": "ca, sex"}, "should be a list of feature names"),
        ({"loss_cost": -right["3"]["loss_cost"]}, "wrong sign"),
        ({"loss_cost": 0.1}, "is not what the exercise asks for"),
    ]
    for changes, message in cases:
        assert_wrong(ex.feedback("3", **{**right["3"], **changes}), "3", message)


# --------------------------------------------------------------------------- exercise 4


def test_exercise_4_mistakes(ex, right, assert_wrong):
    stratified = lesson06._exercise_4(stratify=True, part="test")
    training = lesson06._exercise_4(stratify=False, part="train")
    cases = [
        ({"acc_min": stratified["acc_min"]}, "stratified splits"),
        ({"loss_max": stratified["loss_max"]}, "stratified splits"),
        ({"acc_max": training["acc_max"]}, "*training* score"),
        ({"loss_min": training["loss_min"]}, "*training* score"),
        ({"acc_max": 0.99}, "is not what the exercise asks for"),
    ]
    for changes, message in cases:
        assert_wrong(ex.feedback("4", **{**right["4"], **changes}), "4", message)


@pytest.mark.parametrize(
    "exercise, names",
    [
        ("1", ("model", "mean_log_loss")),
        ("2", ("nested_log_loss", "best_inner_log_loss", "best_C")),
        ("3", ("chosen_C", "kept", "loss_cost")),
        ("4", ("acc_min", "acc_max", "loss_min", "loss_max")),
    ],
)
def test_unanswered(ex, exercise, names):
    text = ex.feedback(exercise, **dict.fromkeys(names, ...))
    assert text.startswith(f"Exercise {exercise} is not answered yet"), text
