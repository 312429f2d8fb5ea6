"""Lesson 06's exercise checks: equivalent answers pass, known mistakes get their own message.

That the solutions notebook's answers pass is tested for every lesson in test_checks_solutions.py.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
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


def test_exercise_4_accepts_arrays_and_a_column(ex, right):
    accuracies, losses = np.array(right["4"]["accuracies"]), pd.Series(right["4"]["losses"])
    for answers in (
        {"accuracies": accuracies, "losses": losses},
        {"accuracies": accuracies.reshape(-1, 1), "losses": list(losses)},
    ):
        text = ex.feedback("4", **answers)
        assert text.startswith("Correct: exercise 4."), text


def test_exercise_4_mistakes(ex, right, assert_wrong):
    stratified = lesson06._exercise_4(stratify=True, part="test")
    training = lesson06._exercise_4(stratify=False, part="train")
    l1 = lesson06._exercise_4(stratify=False, part="test", model="L1")
    accuracies, losses = list(right["4"]["accuracies"]), list(right["4"]["losses"])
    cases = [
        ({"accuracies": stratified["accuracies"]}, "stratified splits"),
        ({"losses": stratified["losses"]}, "stratified splits"),
        ({"accuracies": training["accuracies"]}, "*training* scores"),
        ({"losses": training["losses"]}, "*training* scores"),
        ({"losses": l1["losses"]}, "from the L1 model"),
        ({"accuracies": sorted(accuracies)}, "in another order"),
        ({"losses": losses[:19]}, "20"),
        ({"losses": np.reshape(losses, (4, 5))}, "20"),
        ({"losses": [*losses[:19], float("nan")]}, "NaN"),
        ({"losses": min(losses)}, "20"),
        ({"losses": "0.33"}, "20"),
        ({"accuracies": None}, "20"),
        ({"losses": [-v for v in losses]}, "negated"),
        ({"accuracies": [100 * v for v in accuracies]}, "between 0 and 1"),
        # A made-up list whose range matches the answer's: the check compares every split.
        ({"losses": [min(losses)] * 10 + [max(losses)] * 10}, "differ from the scores"),
    ]
    for changes, message in cases:
        assert_wrong(ex.feedback("4", **{**right["4"], **changes}), "4", message)


def test_exercise_4_l1_and_l2_are_told_apart():
    """Issue 13: the L1 model's largest log-loss was within 1e-4 of L2's; per split they differ
    by far more than the check's tolerance (1e-6), and accuracies are multiples of 1/61."""
    right = lesson06._exercise_4(stratify=False, part="test")
    l1 = lesson06._exercise_4(stratify=False, part="test", model="L1")
    gap = np.max(np.abs(np.subtract(right["losses"], l1["losses"])))
    assert gap > 100 * 1e-6, gap
    assert abs(max(right["losses"]) - max(l1["losses"])) < 1e-4  # why min/max could not


# --------------------------------------------------------------------------- odd answers


ODD = [np.array([0.5]), pd.Series([0.5, 0.6]), "0.5", None, float("nan"), [0.5, 0.6]]


@pytest.mark.parametrize("value", ODD, ids=lambda v: type(v).__name__ + repr(v)[:12])
def test_odd_answers_get_a_sentence(ex, right, assert_wrong, value):
    cases = [
        ("1", {**right["1"], "mean_log_loss": value}, "`mean_log_loss`"),
        ("2", {**right["2"], "nested_log_loss": value}, "`nested_log_loss`"),
        ("2", {**right["2"], "best_C": value}, "`best_C`"),
        ("3", {**right["3"], "chosen_C": value}, "`chosen_C`"),
        ("3", {**right["3"], "loss_cost": value}, "`loss_cost`"),
    ]
    for exercise, answers, message in cases:
        assert_wrong(ex.feedback(exercise, **answers), exercise, message)


def test_odd_models_and_feature_lists(ex, right, assert_wrong):
    from sklearn.linear_model import LogisticRegression

    kept = list(right["3"]["kept"])
    mask = np.isin(lesson06._all_feature_names(), kept)
    cases = [
        ("1", {"model": LogisticRegression}, "with its parentheses"),
        ("1", {"model": LogisticRegression()}, "fails on missing values"),
        ("1", {"model": "pipeline"}, "should be a scikit-learn estimator"),
        ("1", {"mean_log_loss": np.full(5, 0.4)}, "holds 5 values"),
        ("3", {"kept": mask}, "feature *names*"),
        ("3", {"kept": [*kept[:-1], "cp_9"]}, "not features of the preprocessed data"),
        ("3", {"kept": None}, "should be a list of feature names"),
    ]
    for exercise, changes, message in cases:
        answers = {**right[exercise], **changes}
        assert_wrong(ex.feedback(exercise, **answers), exercise, message)


@pytest.mark.parametrize(
    "exercise, names",
    [
        ("1", ("model", "mean_log_loss")),
        ("2", ("nested_log_loss", "best_inner_log_loss", "best_C")),
        ("3", ("chosen_C", "kept", "loss_cost")),
        ("4", ("accuracies", "losses")),
    ],
)
def test_unanswered(ex, exercise, names):
    text = ex.feedback(exercise, **dict.fromkeys(names, ...))
    assert text.startswith(f"Exercise {exercise} is not answered yet"), text
