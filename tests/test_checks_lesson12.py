"""Lesson 12's exercise checks: equivalent answers pass, known mistakes get their own message.

That the solutions notebook's answers pass is tested for every lesson in test_checks_solutions.py.
Exercise 4's check retrains small networks to confirm the learner's numbers: the tests that reach
that step (``@pytest.mark.keras``) run in one fresh Python process started by
:func:`test_keras_tests_pass_in_a_fresh_process` (see tests/fresh_process.py for why).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from fresh_process import run_keras_tests, solution_cases

from regutils.checks import lesson12

LESSON = "12"


def test_keras_tests_pass_in_a_fresh_process():
    run_keras_tests(__file__, *solution_cases(LESSON))


ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def right(solution_answers):
    """The answers solutions/12_choosing_and_combining_exercises.ipynb computes."""
    return {exercise: solution_answers(LESSON, exercise) for exercise in "123"}


def test_the_lessons_count_in_exercise_2s_message_is_the_lessons_stored_output():
    """Exercise 2's check names the lesson's count at correlation 0.95: the one lesson 12 printed."""
    cells = json.loads(
        (ROOT / "notebooks" / "12_choosing_and_combining.ipynb").read_text(encoding="utf-8")
    )["cells"]
    printed = "".join(
        "".join(output.get("text", ""))
        for cell in cells
        if cell["cell_type"] == "code"
        for output in cell["outputs"]
    )
    match = re.search(
        r"the lasso keeps both of the pair in \d+ of 20 samples, exactly one in (\d+)", printed
    )
    assert match, "lesson 12 no longer prints its count at correlation 0.95"
    assert lesson12._pair_counts(0.95)[0] == int(match.group(1))


def test_reference_answers_do_not_depend_on_the_global_seed():
    """The exercises fix their seeds on purpose: another global seed changes no reference answer."""
    references = (lesson12._exercise_1, lesson12._pair_counts, lesson12._exercise_3)
    before = (lesson12._exercise_1(), lesson12._pair_counts(0.99), lesson12._exercise_3())
    np.random.seed(3)  # what setup_notebook does under REGUTILS_SEED=3
    for reference in references:
        reference.cache_clear()
    after = (lesson12._exercise_1(), lesson12._pair_counts(0.99), lesson12._exercise_3())
    assert after == before


def test_exercise_1_truth_is_dense():
    coef = lesson12.exercise_1_coef()
    assert len(coef) == 30 and all(c != 0 for c in coef)


def test_choice_is_case_and_space_insensitive(ex, right):
    assert ex.feedback("1", **{**right["1"], "choice": " Ridge "}).startswith("Correct")


def _wrong(right):
    ref1 = lesson12._exercise_1()
    ref3 = lesson12._exercise_3()
    drop_one, keep_both = lesson12._pair_counts(0.99)
    lesson_drop_one = lesson12._pair_counts(0.95)[0]

    def one(**changes):
        return {**right["1"], **changes}

    def two(**changes):
        return {**right["2"], **changes}

    def three(**changes):
        return {**right["3"], **changes}

    return [
        ("1", one(choice="lasso"), "the *other* penalty suits"),
        ("1", one(rmse_gap=ref1["ridge"] - ref1["lasso"]), "the sign is flipped"),
        ("1", one(rmse_gap=ref1["lasso_train"] - ref1["ridge_train"]), "*training* sample"),
        ("1", one(choice="elastic net"), "choice"),
        ("1", one(choice=1), "must be the string"),
        ("2", two(n_drop_one=keep_both), "swap the two answers"),
        ("2", two(n_drop_one=lesson_drop_one), "correlation 0.95"),
        ("2", two(n_drop_one=19), "is not the number of samples"),
        ("2", two(n_both_kept=20 - keep_both), "drop at least one feature"),
        (
            "2",
            two(n_both_kept=drop_one + 1 if drop_one + 1 != 20 - keep_both else 0),
            "is not the number of samples",
        ),
        ("3", three(mean_accuracy=ref3["l2_mean"]), "`l1_ratio=1.0` is the L1 penalty"),
        ("3", three(sd_accuracy=ref3["sd_ddof1"]), "ddof=0"),
        ("3", three(n_zero=ref3["n_kept"]), "*non-zero* coefficients"),
        ("3", three(n_zero=0), "is not the number of zero coefficients"),
    ]


@pytest.mark.parametrize("case", range(14))
def test_wrong_answers_get_the_intended_message(ex, right, case):
    exercise, answers, message = _wrong(right)[case]
    text = ex.feedback(exercise, **answers)
    assert not text.startswith("Correct"), text
    assert message in text, text


@pytest.mark.parametrize(
    "exercise, names",
    [
        ("1", ("choice", "rmse_gap")),
        ("2", ("n_drop_one", "n_both_kept")),
        ("3", ("mean_accuracy", "sd_accuracy", "n_zero")),
        ("4", ("cv_loss", "choice", "margin", "margin_se", "distinguishable")),
    ],
)
def test_unanswered_says_not_answered_yet(ex, exercise, names):
    text = ex.feedback(exercise, **dict.fromkeys(names, ...))
    assert "not answered yet" in text, text


def test_hints_exist_for_every_exercise(ex):
    assert ex.ids == ["1", "2", "3", "4"]
    for exercise in ex.ids:
        assert len(ex.get(exercise).hints) >= 2


# --------------------------------------------------------------------------- exercise 4
# The derived answers (choice, margin, its standard error, the verdict) are checked first, from the
# learner's own table: those mistakes are tested here on a table shaped like the solution's. Then
# the check retrains the two settings without dropout and compares: tested in the Keras process with
# the solutions notebook's own answers and with answers made by each known mistake.

CV_LOSS = {
    (0.0, 0.0): [0.43, 0.21, 0.62],
    (0.0, 0.001): [0.31, 0.19, 0.42],
    (0.5, 0.0): [0.20, 0.14, 0.17],
    (0.5, 0.001): [0.21, 0.13, 0.20],
}


def _derive_4(cv_loss):
    """The answers that follow from a table of fold log-losses, as the solution derives them."""
    means = {setting: float(np.mean(losses)) for setting, losses in cv_loss.items()}
    choice, runner_up = sorted(means, key=lambda setting: means[setting])[:2]
    margin = means[runner_up] - means[choice]
    se = float(np.std(np.subtract(cv_loss[runner_up], cv_loss[choice]), ddof=1) / np.sqrt(3))
    answers = {
        "cv_loss": cv_loss,
        "choice": choice,
        "margin": margin,
        "margin_se": se,
        "distinguishable": bool(margin > 2 * se),
    }
    return answers


def _wrong_4():
    means = {setting: float(np.mean(losses)) for setting, losses in CV_LOSS.items()}
    best, runner_up = (0.5, 0.0), (0.5, 0.001)
    differences = np.subtract(CV_LOSS[runner_up], CV_LOSS[best])
    return [
        ({"choice": (0.0, 0.0)}, "*highest* mean log-loss"),
        ({"choice": (0.0, 0.001)}, "does not have the lowest mean"),
        ({"choice": (0.3, 0.0)}, "is not a setting of the grid"),
        ({"choice": "dropout"}, "should be a pair"),
        ({"margin": -(means[runner_up] - means[best])}, "the sign is flipped"),
        ({"margin": means[(0.0, 0.0)] - means[best]}, "*worst* setting"),
        ({"margin": 0.5}, "margin"),
        ({"margin_se": float(np.std(differences, ddof=1))}, "divides it by √3"),
        ({"margin_se": float(np.std(differences) / np.sqrt(3))}, "ddof=1"),
        ({"margin_se": float(np.std(CV_LOSS[best], ddof=1) / np.sqrt(3))}, "fold-by-fold"),
        ({"distinguishable": True}, "does not follow from your numbers"),
        ({"distinguishable": "no"}, "should be True or False"),
        ({"cv_loss": [0.2, 0.3]}, "should be a dict"),
        ({"cv_loss": {k: v for k, v in CV_LOSS.items() if k != (0.0, 0.0)}}, "no entry for"),
        ({"cv_loss": {**CV_LOSS, (0.0, 0.0): [0.4, 0.2]}}, "should hold three numbers"),
        ({"cv_loss": {**CV_LOSS, (0.0, 0.0): [-0.4, 0.2, 0.6]}}, "a log-loss is positive"),
        (
            {"cv_loss": {k: [0.9, 0.8, 0.85 + i / 100] for i, k in enumerate(CV_LOSS)}},
            "look like accuracies",
        ),
        ({"cv_loss": dict.fromkeys(CV_LOSS, [0.3, 0.2, 0.4])}, "exactly the same fold"),
    ]


@pytest.mark.parametrize("case", range(18))
def test_4_wrong_derived_answers_get_the_intended_message(ex, case):
    changes, message = _wrong_4()[case]
    text = ex.feedback("4", **{**_derive_4(CV_LOSS), **changes})
    assert not text.startswith("Correct"), text
    assert message in text, text


@pytest.fixture(scope="module")
def right_4(solution_answers):
    return solution_answers(LESSON, "4")


@pytest.fixture(scope="module")
def mistakes_4():
    """Fold log-losses of the settings without dropout, computed the ways learners get it wrong."""
    import keras

    from regutils.training import build_mlp, reset_model, train

    X, y, folds = lesson12.exercise_4_data()
    out: dict[str, list[float]] = {"training part": [], "not reset": [], "evaluate": []}

    def network(l2):
        model = build_mlp(64, (128, 128), n_outputs=10, output_activation="softmax", l2=l2, seed=0)
        model.compile(optimizer=keras.optimizers.Adam(0.01), loss="sparse_categorical_crossentropy")
        return model

    model, kept = network(0.0), network(0.0)
    initial = model.get_weights()
    for train_index, held_out in folds:
        reset_model(model, initial)
        keras.utils.set_random_seed(0)
        train(model, X[train_index], y[train_index], epochs=40, batch_size=200)
        out["training part"].append(lesson12._log_loss(model, X[train_index], y[train_index]))
        keras.utils.set_random_seed(0)  # one network carried on from fold to fold: no reset
        train(kept, X[train_index], y[train_index], epochs=40, batch_size=200)
        out["not reset"].append(lesson12._log_loss(kept, X[held_out], y[held_out]))
    penalized = network(1e-3)
    train_index, held_out = folds[0]
    keras.utils.set_random_seed(0)
    train(penalized, X[train_index], y[train_index], epochs=40, batch_size=200)
    out["evaluate"] = [float(penalized.evaluate(X[held_out], y[held_out], verbose=0))]
    return out


@pytest.mark.keras
def test_4_the_solutions_answers_pass_also_as_arrays_and_integer_keys(ex, right_4):
    assert ex.feedback("4", **right_4).startswith("Correct")
    table = {(int(rate * 2) / 2, l2): np.array(v) for (rate, l2), v in right_4["cv_loss"].items()}
    choice = [float(c) for c in right_4["choice"]]
    text = ex.feedback("4", **{**right_4, "cv_loss": table, "choice": choice})
    assert text.startswith("Correct"), text


@pytest.mark.keras
@pytest.mark.parametrize(
    "mistake, message",
    [
        ("training part", "*training* part"),
        ("not reset", "Start each fold from fresh weights"),
        ("evaluate", "`model.evaluate`"),
        ("made up", "differ from a network retrained here"),
    ],
)
def test_4_numbers_from_a_wrong_procedure_get_their_message(
    ex, right_4, mistakes_4, mistake, message
):
    table = {setting: list(losses) for setting, losses in right_4["cv_loss"].items()}
    if mistake == "evaluate":
        table[(0.0, 0.001)][0] = mistakes_4["evaluate"][0]
    elif mistake == "made up":
        table[(0.0, 0.0)] = [0.4, 0.3, 0.5]
    else:
        table[(0.0, 0.0)] = mistakes_4[mistake]
    text = ex.feedback("4", **_derive_4(table))
    assert not text.startswith("Correct"), text
    assert message in text, text


# --------------------------------------------------------------------------- odd answers (issue 13)
# Every odd kind of answer gets the check's own message, never the generic "could not use".

ODD_NUMBERS = [
    (np.array([0.1, 0.2]), "should be a number, but it is a ndarray"),
    (pd.Series([0.1]), "should be a number, but it is a Series"),
    ("0.1", "should be a number, but it is a str"),
    (None, "should be a number, but it is a NoneType"),
    (float("nan"), "should be a finite number"),
    (float("inf"), "should be a finite number"),
]


@pytest.mark.parametrize(
    "exercise, name",
    [
        ("1", "rmse_gap"),
        ("2", "n_drop_one"),
        ("2", "n_both_kept"),
        ("3", "mean_accuracy"),
        ("3", "sd_accuracy"),
        ("3", "n_zero"),
    ],
)
@pytest.mark.parametrize("value, message", ODD_NUMBERS)
def test_odd_numbers_get_a_sentence(ex, assert_wrong, right, exercise, name, value, message):
    assert_wrong(ex.feedback(exercise, **{**right[exercise], name: value}), exercise, message)


def test_odd_choices_and_counts(ex, assert_wrong, right):
    cases = [
        ("1", {"choice": None}, "must be the string 'lasso' or 'ridge'"),
        ("1", {"choice": ["ridge"]}, "must be the string 'lasso' or 'ridge'"),
        ("2", {"n_drop_one": 3.5}, "should be a whole number"),
        ("3", {"n_zero": 2.5}, "should be a whole number"),
    ]
    for exercise, changes, message in cases:
        assert_wrong(ex.feedback(exercise, **{**right[exercise], **changes}), exercise, message)


def test_exercise_1_other_recipes_are_told_apart(ex, assert_wrong, right):
    """The closest wrong recipe measured, LassoCV's default 100 alphas, moves the RMSE gap by
    about 0.009: well outside the tolerance (5e-4, room for rounding to three decimals only)."""
    from sklearn.linear_model import LassoCV
    from sklearn.metrics import root_mean_squared_error

    from regutils.datasets import make_correlated

    coef = lesson12.exercise_1_coef()
    X, y = make_correlated(60, coef=coef, groups=(), noise=2.0, seed=0)
    X_test, y_test = make_correlated(2000, coef=coef, groups=(), noise=2.0, seed=999)
    ref = lesson12._exercise_1()
    default_alphas = root_mean_squared_error(y_test, LassoCV(cv=5).fit(X, y).predict(X_test))
    wrong_gap = default_alphas - ref["ridge"]
    assert abs(wrong_gap - (ref["lasso"] - ref["ridge"])) > 10 * lesson12.TOL_1
    text = ex.feedback("1", **{**right["1"], "rmse_gap": wrong_gap})
    assert_wrong(text, "1", "is not what the exercise asks for")
    rounded = round(right["1"]["rmse_gap"], 3)  # a learner who types the printed number
    assert ex.feedback("1", **{**right["1"], "rmse_gap": rounded}).startswith("Correct")


def test_exercise_3_other_recipes_are_told_apart(ex, assert_wrong, right):
    """Unshuffled folds move the mean accuracy by about 0.0065 and C = 1 the sd by about 0.0013;
    the tolerance (5e-4) is inside both. (Scaling outside the folds gives the *same* numbers on
    this data: no answer of this exercise can tell that leak apart.)"""
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold, cross_val_score
    from sklearn.pipeline import make_pipeline

    from regutils.datasets import load_heart
    from regutils.preprocessing import heart_preprocessor

    X, y = load_heart()

    def scores(folds, C=0.1):
        model = make_pipeline(
            heart_preprocessor(),
            LogisticRegression(C=C, l1_ratio=1.0, solver="liblinear", random_state=0),
        )
        return cross_val_score(model, X, y, cv=folds)

    ref = lesson12._exercise_3()
    unshuffled = scores(StratifiedKFold(n_splits=5))
    c_one = scores(StratifiedKFold(n_splits=5, shuffle=True, random_state=0), C=1.0)
    assert abs(unshuffled.mean() - ref["mean"]) > 5 * lesson12.TOL_3
    assert abs(c_one.std() - ref["sd"]) > 2 * lesson12.TOL_3
    text = ex.feedback("3", **{**right["3"], "mean_accuracy": unshuffled.mean()})
    assert_wrong(text, "3", "is not what the exercise asks for")
    text = ex.feedback("3", **{**right["3"], "sd_accuracy": c_one.std()})
    assert_wrong(text, "3", "is not what the exercise asks for")


def test_4_odd_tables_and_answers(ex, assert_wrong):
    cases = [
        ({"cv_loss": {k: {"a": 1} for k in CV_LOSS}}, "should hold three numbers"),
        ({"cv_loss": {k: ["a", "b", "c"] for k in CV_LOSS}}, "should hold three numbers"),
        ({"cv_loss": dict.fromkeys(CV_LOSS)}, "should hold three numbers"),
        ({"cv_loss": {**CV_LOSS, (0.0, 0.0): [0.4, np.nan, 0.5]}}, "should hold three numbers"),
        ({"cv_loss": {"abc": [0.1, 0.2, 0.3]}}, "should be a pair (dropout, l2)"),
        ({"cv_loss": {None: [0.1, 0.2, 0.3]}}, "should be a pair (dropout, l2)"),
        ({"cv_loss": pd.DataFrame(CV_LOSS)}, "should be a dict"),
        ({"choice": None}, "should be a pair (dropout, l2)"),
        ({"margin": np.array([0.01])}, "`margin` should be a number"),
        ({"margin": float("nan")}, "`margin` should be a finite number"),
        ({"margin_se": None}, "`margin_se` should be a number"),
        ({"distinguishable": None}, "should be True or False"),
    ]
    for changes, message in cases:
        assert_wrong(ex.feedback("4", **{**_derive_4(CV_LOSS), **changes}), "4", message)


@pytest.mark.keras
@pytest.mark.parametrize(
    "setting, change, message",
    [
        ((0.5, 0.0), lambda v: [0.05, 0.06, 0.04], "a network with dropout retrained here"),
        ((0.5, 0.001), lambda v: [0.9, 0.8, 0.85], "a network with dropout retrained here"),
        # Only slightly off: every fold of every dropout setting is retrained, not one in a band.
        ((0.5, 0.0), lambda v: [v[0], v[1] + 0.01, v[2]], "folds 2 and 3"),
        ((0.5, 0.001), lambda v: [v[0], v[1], v[2] - 0.005], "folds 2 and 3"),
        ((0.5, 0.001), lambda v: [v[0] * 1.02, v[1], v[2]], "a network with dropout retrained"),
    ],
)
def test_4_made_up_dropout_numbers_are_caught(ex, assert_wrong, right_4, setting, change, message):
    """The check retrains both dropout settings on every fold: made-up numbers, even close ones,
    were not made by the recipe."""
    table = {s: list(losses) for s, losses in right_4["cv_loss"].items()}
    table[setting] = change(table[setting])
    assert_wrong(ex.feedback("4", **_derive_4(table)), "4", message)


@pytest.mark.keras
def test_4_a_new_network_per_fold_is_as_right_as_a_reset_one(ex, right_4):
    """The solution resets one network per setting; a learner who builds a new network for each
    fold gets other dropout numbers (the dropout layers' random streams start afresh) and is
    right too. Written here independently of the check's own loop."""
    import keras

    from regutils.training import build_mlp, train

    X, y, folds = lesson12.exercise_4_data()
    table = {s: list(losses) for s, losses in right_4["cv_loss"].items()}
    for rate, l2 in ((0.5, 0.0), (0.5, 1e-3)):
        table[(rate, l2)] = []
        for train_index, held_out in folds:
            model = build_mlp(
                64, (128, 128), n_outputs=10, output_activation="softmax", dropout=rate, l2=l2
            )
            model.compile(
                optimizer=keras.optimizers.Adam(0.01), loss="sparse_categorical_crossentropy"
            )
            keras.utils.set_random_seed(0)
            train(model, X[train_index], y[train_index], epochs=40, batch_size=200)
            table[(rate, l2)].append(lesson12._log_loss(model, X[held_out], y[held_out]))
    # The two loops differ on folds 2-3 (measured: by 0.01-0.05), so this is a second answer.
    assert not np.allclose(table[(0.5, 0.0)], right_4["cv_loss"][(0.5, 0.0)], atol=1e-3)
    text = ex.feedback("4", **_derive_4(table))
    assert text.startswith("Correct"), text
