"""Checks and hints for ``notebooks/06_regularized_classification_exercises.ipynb``.

Each check recomputes the reference answer from the same data, folds and models the exercise
describes, then compares; messages name the mistakes learners make most often.
"""

from __future__ import annotations

import warnings
from functools import cache
from typing import Any

import numpy as np

from regutils.feedback import (
    ExerciseBook,
    Incorrect,
    expect_array,
    expect_choice,
    expect_close,
    expect_close_array,
    expect_number,
    expect_summary,
)

EXERCISES = ExerciseBook(notebook="06_regularized_classification_exercises.ipynb")

GRID_C = (0.03, 0.1, 0.3, 1.0)
EXERCISE_3_C = (0.1, 0.2, 0.3, 0.5, 1.0)
N_SPLITS_4 = 20


def _logistic(C: float, l1_ratio: float) -> Any:
    """The exercise notebook's ``logistic(C, l1_ratio)``: lbfgs for L2, saga for L1."""
    from sklearn.linear_model import LogisticRegression

    if l1_ratio == 0.0:
        return LogisticRegression(C=C, l1_ratio=0.0, solver="lbfgs", max_iter=1000)
    return LogisticRegression(C=C, l1_ratio=l1_ratio, solver="saga", max_iter=2000, random_state=0)


def _pipeline(C: float, l1_ratio: float) -> Any:
    from sklearn.pipeline import make_pipeline

    from regutils.preprocessing import heart_preprocessor

    return make_pipeline(heart_preprocessor(), _logistic(C, l1_ratio))


def _heart() -> Any:
    from regutils.datasets import load_heart

    return load_heart()


def _folds(random_state: int = 0) -> Any:
    from sklearn.model_selection import StratifiedKFold

    return StratifiedKFold(n_splits=5, shuffle=True, random_state=random_state)


def _cv_log_losses(model: Any, X: Any = None, cv: Any = None) -> np.ndarray:
    """Log-loss (positive) of ``model`` on each fold of ``cv`` (default: the exercises' folds)."""
    from sklearn.model_selection import cross_val_score

    heart_X, y = _heart()
    return -cross_val_score(
        model,
        heart_X if X is None else X,
        y,
        cv=_folds() if cv is None else cv,
        scoring="neg_log_loss",
    )


# --------------------------------------------------------------------------- exercise 1


@cache
def _exercise_1() -> dict[str, float]:
    from sklearn.model_selection import cross_val_score

    from regutils.preprocessing import heart_preprocessor

    X, y = _heart()
    right = float(_cv_log_losses(_pipeline(1.0, 0.0)).mean())
    # The leak: preprocessing fitted on all rows, only the model cross-validated.
    leaky = float(_cv_log_losses(_logistic(1.0, 0.0), heart_preprocessor().fit_transform(X)).mean())
    accuracy = float(cross_val_score(_pipeline(1.0, 0.0), X, y, cv=_folds()).mean())
    return {"right": right, "leaky": leaky, "accuracy": accuracy}


def _first_fold() -> tuple[Any, Any, Any, Any]:
    X, y = _heart()
    train, test = next(_folds().split(X, y))
    return X.iloc[train], X.iloc[test], y.iloc[train], y.iloc[test]


def _probe_unknown_code(model: Any) -> None:
    """Fit without the rare code ``restecg`` = 1 (4 patients), then predict those patients."""
    from sklearn.base import clone

    X, y = _heart()
    rare = (X["restecg"] == 1).to_numpy()
    try:
        clone(model).fit(X[~rare], y[~rare]).predict_proba(X[rare])
    except Exception as error:
        if "unknown categor" in str(error).lower():
            raise Incorrect(
                "a training part that lacks a rare code (restecg = 1: 4 patients) makes the "
                "encoder fail on that code later: use OneHotEncoder(handle_unknown='ignore')."
            ) from None
        raise Incorrect(
            f"fitting `model` without the rare code fails: {str(error)[:200]}"
        ) from None


def _diagnose_preprocessing(model: Any, X_train: Any) -> None:
    """Raise a message naming a missing step, if the learner's preprocessing shows one."""
    steps = getattr(model, "steps", None)
    if not steps or len(steps) < 2:
        return
    from sklearn.base import clone

    try:
        Z = np.asarray(clone(model)[:-1].fit_transform(X_train), dtype=float)
    except Exception:  # the learner's pipeline may fail in many ways: no diagnosis then
        return
    if Z.ndim != 2:
        return
    if Z.shape[1] == X_train.shape[1]:
        raise Incorrect(
            f"its preprocessing gives {Z.shape[1]} columns, one per original column: the "
            "category codes need one-hot encoding (one 0/1 column per code), not just imputing."
        )
    sd = Z.std(axis=0)
    if sd.max() > 2.0:
        raise Incorrect(
            "some of its columns are not on one scale (a standard deviation far above 1): "
            "standardize the numeric columns with StandardScaler after imputing them."
        )


@EXERCISES.exercise(
    "1",
    hints=(
        "Two groups of columns need different steps. A ColumnTransformer sends each group to its "
        "own steps and puts the results side by side; a make_pipeline(...) chains the steps of "
        "one group. The whole model is make_pipeline(preprocessing, logistic(1.0, 0.0)).",
        "numeric_steps = make_pipeline(SimpleImputer(strategy='median'), StandardScaler()); "
        "categorical_steps = make_pipeline(SimpleImputer(strategy='most_frequent'), "
        "OneHotEncoder(handle_unknown='ignore', sparse_output=False)); then "
        "ColumnTransformer([('numeric', numeric_steps, numeric), ('categorical', "
        "categorical_steps, categorical)]).",
        "Score the *unfitted* pipeline with cross_val_score(model, X, y, cv=folds, "
        "scoring='neg_log_loss'): it refits every step on each training part. The scores are "
        "negated log-losses; take minus their mean.",
    ),
)
def _grade_1(model: Any, mean_log_loss: Any) -> str:
    # A wrong model (unscaled columns, say) may warn while the check fits it; the message says
    # what is wrong, so its warnings are not shown.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return _check_1(model, mean_log_loss)


def _check_1(model: Any, mean_log_loss: Any) -> str:
    if isinstance(model, type) or not (hasattr(model, "fit") and hasattr(model, "predict_proba")):
        raise Incorrect(
            "`model` should be a scikit-learn estimator that takes the raw table X and predicts "
            "probabilities: make_pipeline(<your ColumnTransformer>, logistic(1.0, 0.0)) — an "
            "instance, with its parentheses."
        )
    expect_summary("mean_log_loss", mean_log_loss, "one per fold?", "minus the mean of the scores")
    from sklearn.base import clone

    X_train, X_test, y_train, _ = _first_fold()
    try:
        fitted = clone(model).fit(X_train, y_train)
        p = np.asarray(fitted.predict_proba(X_test), dtype=float)[:, 1]
    except ValueError as error:
        text = str(error)
        if "NaN" in text or "missing" in text.lower():
            raise Incorrect(
                "fitting `model` fails on missing values: `ca` and `thal` have some. Put a "
                "SimpleImputer first in each group's steps."
            ) from None
        if "unknown categor" in text.lower():
            raise Incorrect(
                "a training part lacks a rare code, and the encoder fails on it in the test "
                "part: use OneHotEncoder(handle_unknown='ignore')."
            ) from None
        raise Incorrect(f"fitting `model` on a training part fails: {text[:200]}") from None
    except Exception as error:  # a model of another kind: say what failed, in one sentence
        raise Incorrect(
            f"fitting `model` on a training part of X fails ({type(error).__name__}: "
            f"{str(error)[:150]}); it should be an unfitted scikit-learn pipeline that takes "
            "the raw table X."
        ) from None
    if p.shape != (len(X_test),):
        raise Incorrect(
            "`model.predict_proba` should give one row per patient and one column per class."
        )
    _probe_unknown_code(model)
    reference = _pipeline(1.0, 0.0).fit(X_train, y_train).predict_proba(X_test)[:, 1]
    if p.shape != reference.shape or np.abs(p - reference).max() > 1e-4:
        _diagnose_preprocessing(model, X_train)
        raise Incorrect(
            "`model`'s probabilities differ from those of the recipe (impute and standardize the "
            "numeric columns, impute and one-hot encode the codes, then logistic(1.0, 0.0)). "
            "Check each step and the final model."
        )
    ref = _exercise_1()
    expect_close(
        "mean_log_loss",
        mean_log_loss,
        ref["right"],
        tol=1e-5,
        mistakes=[
            (
                -ref["right"],
                "that is negative: scikit-learn's 'neg_log_loss' score is minus the "
                "log-loss. Take minus the mean of the scores.",
            ),
            (
                ref["leaky"],
                "that comes from preprocessing fitted on all rows before cross-validation (a "
                "leak). Give cross_val_score the whole unfitted pipeline and the raw X.",
            ),
            (
                ref["accuracy"],
                "that is the mean accuracy, cross_val_score's default; ask for "
                "scoring='neg_log_loss'.",
            ),
        ],
    )
    return "Every step is refitted on each training part: the score is leak-free."


# --------------------------------------------------------------------------- exercise 2


def _all_close(answers: dict[str, object], reference: dict[str, float], tol: float) -> bool:
    """True if every answer is a number within ``tol`` of its reference (checks types too)."""
    return all(
        abs(expect_number(name, value) - reference[name]) <= tol for name, value in answers.items()
    )


def _search(scoring: str) -> Any:
    from sklearn.model_selection import GridSearchCV

    return GridSearchCV(
        _pipeline(1.0, 0.0),
        {"logisticregression__C": list(GRID_C)},
        cv=_folds(1),
        scoring=scoring,
    )


@cache
def _exercise_2() -> dict[str, float]:
    X, y = _heart()
    nested = float(_cv_log_losses(_search("neg_log_loss"), cv=_folds(2)).mean())
    search = _search("neg_log_loss").fit(X, y)
    return {
        "nested": nested,
        "best_inner": float(-search.best_score_),
        "best_C": float(search.best_params_["logisticregression__C"]),
    }


@cache
def _exercise_2_mistakes() -> dict[str, float]:
    """What the typical mistakes of exercise 2 give."""
    tuned = float(_cv_log_losses(_pipeline(_exercise_2()["best_C"], 0.0), cv=_folds(2)).mean())
    by_accuracy = float(_cv_log_losses(_search("accuracy"), cv=_folds(2)).mean())
    return {"tuned": tuned, "by_accuracy": by_accuracy}


@EXERCISES.exercise(
    "2",
    hints=(
        "Nested cross-validation (lesson 05): the search is the estimator being scored. Each "
        "outer training part runs its own search on inner folds; the outer test part scores it. "
        "Choose C on log-loss, and score on log-loss.",
        "search = GridSearchCV(model, grid, cv=inner, scoring='neg_log_loss'); then "
        "-cross_val_score(search, X, y, cv=outer, scoring='neg_log_loss').mean().",
        "Then search.fit(X, y): -search.best_score_ is the best inner log-loss and "
        "search.best_params_['logisticregression__C'] the chosen C.",
    ),
)
def _grade_2(nested_log_loss: Any, best_inner_log_loss: Any, best_C: Any) -> str:
    expect_summary(
        "nested_log_loss", nested_log_loss, "one per outer fold?", "minus the mean of the scores"
    )
    expect_summary("best_inner_log_loss", best_inner_log_loss, "", "`-search.best_score_`")
    expect_summary("best_C", best_C, "not one C", "`search.best_params_['logisticregression__C']`")
    ref = _exercise_2()
    remark = "Report the nested log-loss; use the search fitted on all rows as the model."
    answers = {
        "nested_log_loss": nested_log_loss,
        "best_inner_log_loss": best_inner_log_loss,
        "best_C": best_C,
    }
    reference = {
        "nested_log_loss": ref["nested"],
        "best_inner_log_loss": ref["best_inner"],
        "best_C": ref["best_C"],
    }
    if _all_close(answers, reference, tol=5e-5):
        return remark
    for name in ("nested_log_loss", "best_inner_log_loss"):
        if expect_number(name, answers[name]) < 0:
            raise Incorrect(
                f"`{name}` is negative: 'neg_log_loss' scores are minus the log-loss; store the "
                "log-loss itself (a positive number)."
            )
    mistakes = _exercise_2_mistakes()
    expect_close(
        "nested_log_loss",
        nested_log_loss,
        ref["nested"],
        tol=5e-5,
        mistakes=[
            (
                ref["best_inner"],
                "that is the search's best inner score after fitting on all rows: the same folds "
                "chose C and scored it. Pass the unfitted search to cross_val_score with the "
                "outer folds.",
            ),
            (
                mistakes["tuned"],
                "that scores the already-tuned model (C fixed at the search's choice) on the "
                "outer folds; the tuning must run inside each outer training part.",
            ),
            (
                mistakes["by_accuracy"],
                "that search chose C on accuracy; choose it on log-loss too "
                "(GridSearchCV(..., scoring='neg_log_loss')).",
            ),
        ],
    )
    expect_close(
        "best_inner_log_loss",
        best_inner_log_loss,
        ref["best_inner"],
        tol=5e-5,
        mistakes=[
            (
                ref["nested"],
                "that is the nested log-loss; `best_inner_log_loss` is -search.best_score_ "
                "after search.fit(X, y).",
            ),
        ],
    )
    expect_close("best_C", best_C, ref["best_C"], tol=1e-9)
    return remark


# --------------------------------------------------------------------------- exercise 3


@cache
def _exercise_3_folds() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Mean log-loss, its standard error and mean accuracy of each C of exercise 3."""
    from sklearn.model_selection import cross_validate

    X, y = _heart()
    means, errors, accuracy = [], [], []
    for C in EXERCISE_3_C:
        scores = cross_validate(
            _pipeline(C, 1.0), X, y, cv=_folds(), scoring=("neg_log_loss", "accuracy")
        )
        loss = -scores["test_neg_log_loss"]
        means.append(loss.mean())
        errors.append(loss.std(ddof=1) / np.sqrt(len(loss)))
        accuracy.append(scores["test_accuracy"])
    return np.array(means), np.array(errors), np.array(accuracy)


def _one_se(simpler: str, on: str = "log-loss") -> float:
    from regutils.model_selection import (
        one_standard_error_rule,
        one_standard_error_rule_from_folds,
    )

    means, errors, accuracy = _exercise_3_folds()
    if on == "accuracy":
        return one_standard_error_rule_from_folds(EXERCISE_3_C, accuracy, simpler=simpler)
    return one_standard_error_rule(
        EXERCISE_3_C, means, errors, simpler=simpler, greater_is_better=False
    )


@cache
def _all_feature_names() -> tuple[str, ...]:
    from regutils.preprocessing import heart_preprocessor

    X, _ = _heart()
    return tuple(str(name) for name in heart_preprocessor().fit(X).get_feature_names_out())


@cache
def _kept(C: float) -> tuple[str, ...]:
    X, y = _heart()
    model = _pipeline(C, 1.0).fit(X, y)
    names = model[:-1].get_feature_names_out()
    return tuple(sorted(str(name) for name in names[model[-1].coef_[0] != 0]))


@EXERCISES.exercise(
    "3",
    hints=(
        "The one-standard-error rule (lesson 05): among the candidates whose mean log-loss is at "
        "most the best mean plus *its* standard error, take the simplest model. For C, the "
        "inverse of the strength, the simplest is the smallest C.",
        "For each C: losses = -cross_val_score(make_pipeline(regutils.heart_preprocessor(), "
        "logistic(C, 1.0)), X, y, cv=folds, scoring='neg_log_loss'); keep losses.mean() and "
        "losses.std(ddof=1) / np.sqrt(5).",
        "one_standard_error_rule(Cs, mean_loss, standard_errors, simpler='lower', "
        "greater_is_better=False) gives chosen_C. Fit that pipeline on X, y; its kept names are "
        "model[:-1].get_feature_names_out()[model[-1].coef_[0] != 0].",
    ),
)
def _grade_3(chosen_C: Any, kept: Any, loss_cost: Any) -> str:
    expect_summary("chosen_C", chosen_C, "not one C", "one of the five Cs, a float")
    expect_summary("loss_cost", loss_cost, "one per C?", "the chosen C's mean minus the best mean")
    means, _, _ = _exercise_3_folds()
    expected = _one_se("lower")
    best = EXERCISE_3_C[int(np.argmin(means))]
    C = expect_number("chosen_C", chosen_C)
    expect_choice("chosen_C", C, EXERCISE_3_C)
    if C != expected:
        if C == best:
            raise Incorrect(
                f"C = {C:g} has the lowest mean log-loss; the one-standard-error rule moves to "
                "the simplest model whose mean is within one standard error of it."
            )
        if C == _one_se("higher"):
            raise Incorrect(
                f"C = {C:g} is the weakest penalty within one standard error; C is the inverse "
                "of the strength, so the simplest model is the *smallest* C within it."
            )
        if C == _one_se("lower", on="accuracy"):
            raise Incorrect(
                f"C = {C:g} is the one-SE choice on accuracy; the exercise asks for log-loss, "
                "the proper scoring rule (and lower is better)."
            )
        raise Incorrect(f"C = {C:g} is not the one-standard-error choice on log-loss.")
    if isinstance(kept, (str, bytes)) or not hasattr(kept, "__iter__"):
        raise Incorrect("`kept` should be a list of feature names, e.g. ['ca', 'sex', ...].")
    if not all(isinstance(name, str) for name in kept):
        raise Incorrect(
            "`kept` should hold feature *names* (strings such as 'ca' or 'cp_4'), not "
            f"{type(next(n for n in kept if not isinstance(n, str))).__name__} values: index "
            "model[:-1].get_feature_names_out() with the mask `coef_[0] != 0`."
        )
    names = sorted(str(name) for name in kept)
    right = list(_kept(expected))
    unknown = sorted(set(names) - set(_all_feature_names()))
    if unknown:
        raise Incorrect(
            f"`kept` holds names that are not features of the preprocessed data "
            f"({', '.join(unknown[:3])}): take them from model[:-1].get_feature_names_out()."
        )
    if names != right:
        if names == list(_kept(best)):
            raise Incorrect(
                "`kept` lists the features of the best-C model; fit the model at chosen_C."
            )
        extra = sorted(set(names) - set(right))
        missing = sorted(set(right) - set(names))
        detail = []
        if extra:
            detail.append(f"{len(extra)} name(s) too many")
        if missing:
            detail.append(f"{len(missing)} missing")
        raise Incorrect(
            f"`kept` differs from the features with non-zero weight at C = {expected:g}: "
            f"{' and '.join(detail) or 'a repeated name'}. Fit the L1 pipeline on all of X, y "
            "and take the names from model[:-1].get_feature_names_out()."
        )
    index = EXERCISE_3_C.index(expected)
    cost = float(means[index] - means.min())
    expect_close(
        "loss_cost",
        loss_cost,
        cost,
        tol=1e-5,
        mistakes=[
            (-cost, "that has the wrong sign: the chosen C's mean log-loss minus the best mean."),
        ],
    )
    return (
        f"{len(right)} features instead of {len(_kept(best))}, for less extra log-loss than one "
        "standard error: a difference the folds cannot detect."
    )


# --------------------------------------------------------------------------- exercise 4


@cache
def _exercise_4(stratify: bool, part: str, model: str = "L2") -> dict[str, tuple[float, ...]]:
    """Accuracy and log-loss of each of the 20 splits, in seed order (and typical mistakes)."""
    from sklearn.metrics import log_loss
    from sklearn.model_selection import train_test_split

    X, y = _heart()
    accuracies, losses = [], []
    for seed in range(N_SPLITS_4):
        X_train, X_test, y_train, y_test = train_test_split(
            X, y, test_size=0.2, random_state=seed, stratify=y if stratify else None
        )
        fitted = _pipeline(1.0, 1.0 if model == "L1" else 0.0).fit(X_train, y_train)
        X_part, y_part = (X_test, y_test) if part == "test" else (X_train, y_train)
        accuracies.append(float(fitted.score(X_part, y_part)))
        losses.append(float(log_loss(y_part, fitted.predict_proba(X_part)[:, 1])))
    return {"accuracies": tuple(accuracies), "losses": tuple(losses)}


@EXERCISES.exercise(
    "4",
    hints=(
        "How much does one split's score vary? Repeat the same experiment — split, fit a fresh "
        "pipeline on the training part, score the test part — once per seed, and keep every "
        "score: accuracy (the share of right labels) and log-loss (of the probabilities).",
        "In a loop `for seed in range(20):`, `train_test_split(X, y, test_size=0.2, "
        "random_state=seed)` (no `stratify`), then `fitted.score(X_test, y_test)` for the "
        "accuracy and `log_loss(y_test, fitted.predict_proba(X_test)[:, 1])` for the log-loss.",
        "Append them to two lists, `accuracies` and `losses`, in seed order (do not sort them); "
        "`min(accuracies), max(accuracies)` then give the range.",
    ),
)
def _grade_4(accuracies: Any, losses: Any) -> str:
    right = _exercise_4(stratify=False, part="test")
    acc = expect_array("accuracies", accuracies, (N_SPLITS_4,), unit="seed, in seed order")
    loss = expect_array("losses", losses, (N_SPLITS_4,), unit="seed, in seed order")
    if np.any((acc < 0) | (acc > 1)):
        raise Incorrect("`accuracies` should be shares between 0 and 1 (model.score gives them).")
    if np.any(loss < 0):
        raise Incorrect(
            "`losses` should be log-losses, positive numbers: 'neg_log_loss' scores are negated."
        )
    # An accuracy on 61 test patients is a multiple of 1/61, and the log-losses of L1 and L2
    # models or of other splits differ by far more than 1e-6 (tests/test_checks_lesson06.py).
    for name, value, tol in (("accuracies", acc, 1e-9), ("losses", loss, 1e-6)):
        if np.max(np.abs(value - right[name])) <= tol:
            continue
        if np.max(np.abs(np.sort(value) - np.sort(right[name]))) <= tol:
            raise Incorrect(
                f"`{name}` holds the right values in another order: keep them in seed order, "
                "0 to 19 (do not sort them)."
            )
        wrong = {
            "stratified": _exercise_4(stratify=True, part="test"),
            "training": _exercise_4(stratify=False, part="train"),
            "L1": _exercise_4(stratify=False, part="test", model="L1"),
        }
        expect_close_array(
            name,
            value,
            right[name],
            tol=tol,
            mistakes=[
                (
                    wrong["stratified"][name],
                    "these come from stratified splits; the exercise asks for plain "
                    "train_test_split without `stratify`.",
                ),
                (
                    wrong["training"][name],
                    "these are *training* scores; score each model on its test part.",
                ),
                (
                    wrong["L1"][name],
                    "these come from the L1 model; the exercise scores the L2 model "
                    "`logistic(1.0, 0.0)`.",
                ),
            ],
            otherwise="differ from the scores of the exercise's 20 splits (seeds 0 to 19, "
            "test_size=0.2, the L2 pipeline refitted on each training part).",
        )
    return (
        f"One model, one dataset: accuracy from {min(acc):.3f} to {max(acc):.3f} and log-loss "
        f"from {min(loss):.3f} to {max(loss):.3f}, from the split alone."
    )
