"""Checks and hints for ``notebooks/05_tuning_exercises.ipynb``.

Each check recomputes the reference answer from the same data the exercise describes, then
compares; messages name the mistakes learners make most often.
"""

from __future__ import annotations

from functools import cache

import numpy as np

from regutils.feedback import ExerciseBook, Incorrect, expect_choice, expect_close, expect_number

EXERCISES = ExerciseBook(notebook="05_tuning_exercises.ipynb")

ALPHAS = (0.01, 0.1, 0.3, 1.0, 3.0, 10.0)
FOLD_RMSE = (
    (4.95, 5.05, 5.10, 5.15, 5.25),
    (5.06, 4.82, 5.18, 4.94, 5.00),
    (4.95, 5.19, 4.87, 4.71, 5.03),
    (4.95, 5.09, 4.81, 5.02, 5.23),
    (5.25, 5.10, 5.15, 4.95, 5.05),
    (5.70, 6.00, 6.30, 6.10, 5.90),
)
GRID_C = (0.01, 0.1, 1.0)
EXERCISE_3_C = (0.02, 0.05, 0.1, 0.5, 1.0)
MIN_FEATURES = 8


def _logistic(C: float, l1_ratio: float):
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(
        C=C,
        l1_ratio=l1_ratio,
        solver="liblinear",
        intercept_scaling=1000,
        tol=1e-6,
        max_iter=10_000,
        random_state=0,
    )


def _pipeline(C: float, l1_ratio: float):
    from sklearn.pipeline import make_pipeline

    from regutils.preprocessing import heart_preprocessor

    return make_pipeline(heart_preprocessor(), _logistic(C, l1_ratio))


def _heart():
    from regutils.datasets import load_heart

    return load_heart()


# --------------------------------------------------------------------------- exercise 1


def _one_se(margin: str, simpler: str) -> float:
    from regutils.model_selection import one_standard_error_rule_from_folds

    return one_standard_error_rule_from_folds(
        ALPHAS, FOLD_RMSE, simpler=simpler, greater_is_better=False, margin=margin
    )


@EXERCISES.exercise(
    "1",
    hints=(
        "Average each row over the folds (axis=1); the best alpha has the smallest mean RMSE.",
        "Standard errors: `fold_rmse.std(axis=1, ddof=1) / np.sqrt(5)`. The threshold is the best "
        "mean plus the standard error *of the best alpha*.",
        "Among the alphas whose mean RMSE is at most the threshold, take the simplest model: the "
        "largest alpha (the strongest penalty). Or call one_standard_error_rule(alphas, mean_rmse, "
        "standard_errors, simpler='higher', greater_is_better=False).",
    ),
)
def _grade_1(best_alpha, one_se_alpha):
    means = np.array(FOLD_RMSE).mean(axis=1)
    best = ALPHAS[int(np.argmin(means))]
    worst = ALPHAS[int(np.argmax(means))]
    expect_close(
        "best_alpha",
        best_alpha,
        best,
        tol=1e-9,
        mistakes=[
            (worst, "that alpha has the *largest* mean RMSE; RMSE is an error, lower is better."),
        ],
    )
    expect_close(
        "one_se_alpha",
        one_se_alpha,
        _one_se("se", "higher"),
        tol=1e-9,
        mistakes=[
            (
                _one_se("sd", "higher"),
                "that margin is the standard *deviation*; the rule uses the "
                "standard error, sd / sqrt(5).",
            ),
            (
                _one_se("se", "lower"),
                "for alpha, the simpler model is the *larger* alpha (a stronger "
                "penalty): take the largest alpha within one standard error.",
            ),
            (
                best,
                "that is the best alpha itself; the rule moves to the simplest alpha whose mean "
                "RMSE is within one standard error of the best.",
            ),
        ],
    )
    return "The one-SE choice trades a little mean error, within the noise, for a simpler model."


# --------------------------------------------------------------------------- exercise 2


def _all_close(answers: dict[str, object], reference: dict[str, float], tol: float) -> bool:
    """True if every answer is a number within ``tol`` of its reference (checks types too)."""
    return all(
        abs(expect_number(name, value) - reference[name]) <= tol for name, value in answers.items()
    )


@cache
def _exercise_2() -> dict[str, float]:
    from sklearn.model_selection import GridSearchCV, StratifiedKFold, cross_val_score

    X, y = _heart()
    inner = StratifiedKFold(n_splits=5, shuffle=True, random_state=1)
    outer = StratifiedKFold(n_splits=5, shuffle=True, random_state=2)
    search = GridSearchCV(_pipeline(1.0, 0.0), {"logisticregression__C": list(GRID_C)}, cv=inner)
    nested = float(cross_val_score(search, X, y, cv=outer).mean())
    search.fit(X, y)
    return {
        "nested": nested,
        "best_inner": float(search.best_score_),
        "best_C": float(search.best_params_["logisticregression__C"]),
    }


@cache
def _tuned_outer_score() -> float:
    """The typical mistake of exercise 2: the tuned model (C fixed) scored on the outer folds."""
    from sklearn.model_selection import StratifiedKFold, cross_val_score

    X, y = _heart()
    outer = StratifiedKFold(n_splits=5, shuffle=True, random_state=2)
    return float(cross_val_score(_pipeline(_exercise_2()["best_C"], 0.0), X, y, cv=outer).mean())


@EXERCISES.exercise(
    "2",
    hints=(
        "Make the search with `GridSearchCV(model, grid, cv=inner)` and give the *unfitted* search "
        "to `cross_val_score(search, X, y, cv=outer)`: each outer training part runs its own search.",
        "Then `search.fit(X, y)`; `search.best_score_` and `search.best_params_` hold the inner "
        "result. The grid's key is 'logisticregression__C'.",
    ),
)
def _grade_2(nested_score, best_inner_score, best_C):
    ref = _exercise_2()
    answers = {"nested_score": nested_score, "best_inner_score": best_inner_score, "best_C": best_C}
    if _all_close(
        answers,
        {
            "nested_score": ref["nested"],
            "best_inner_score": ref["best_inner"],
            "best_C": ref["best_C"],
        },
        tol=5e-4,
    ):
        return "The inner best score is optimistic; report the nested one."
    expect_close(
        "nested_score",
        nested_score,
        ref["nested"],
        tol=5e-4,
        mistakes=[
            (
                ref["best_inner"],
                "that is `best_score_` of the search fitted on all data: the same "
                "folds chose C and scored it. Pass the search itself to "
                "cross_val_score with the outer folds.",
            ),
            (
                _tuned_outer_score(),
                "that scores the already-tuned model (C fixed at the search's "
                "choice) on the outer folds; the tuning must run inside each "
                "outer training part — pass the unfitted GridSearchCV to "
                "cross_val_score.",
            ),
        ],
    )
    expect_close(
        "best_inner_score",
        best_inner_score,
        ref["best_inner"],
        tol=5e-4,
        mistakes=[
            (
                ref["nested"],
                "that is the nested score; `best_inner_score` is `search.best_score_` "
                "after `search.fit(X, y)`.",
            ),
        ],
    )
    expect_close("best_C", best_C, ref["best_C"], tol=1e-9)
    return "The inner best score is optimistic; report the nested one."


# --------------------------------------------------------------------------- exercise 3


@cache
def _kept_by_C(l1_ratio: float = 1.0) -> dict[float, tuple[str, ...]]:
    X, y = _heart()
    result = {}
    for C in EXERCISE_3_C:
        model = _pipeline(C, l1_ratio).fit(X, y)
        names = model[:-1].get_feature_names_out()
        result[C] = tuple(sorted(str(name) for name in names[model[-1].coef_[0] != 0]))
    return result


@EXERCISES.exercise(
    "3",
    hints=(
        "Loop over the five values of C; after fitting, `model[-1].coef_[0] != 0` marks the kept "
        "weights and `model[:-1].get_feature_names_out()` gives their names.",
        "C is the inverse of the regularization strength: the strongest penalty is the *smallest* C. "
        "Take the smallest C whose model keeps at least 8 features.",
    ),
)
def _grade_3(strongest_C, kept):
    kept_by_C = _kept_by_C()
    eligible = [C for C in EXERCISE_3_C if len(kept_by_C[C]) >= MIN_FEATURES]
    expected_C = min(eligible)
    C = expect_number("strongest_C", strongest_C)
    expect_choice("strongest_C", C, EXERCISE_3_C)
    if C != expected_C:
        if len(kept_by_C[C]) < MIN_FEATURES:
            raise Incorrect(
                f"at C = {C} the L1 model keeps only {len(kept_by_C[C])} features, "
                f"fewer than {MIN_FEATURES}."
            )
        raise Incorrect(
            f"C = {C} keeps enough features, but C is the inverse of the "
            "regularization strength: a smaller C is a stronger penalty. Find the "
            "smallest C that still keeps at least 8."
        )
    if isinstance(kept, (str, bytes)) or not hasattr(kept, "__iter__"):
        raise Incorrect("`kept` should be a list of feature names, e.g. ['ca', 'sex', ...].")
    names = sorted(str(name) for name in kept)
    if names == sorted(_kept_by_C(0.0)[expected_C]):
        raise Incorrect(
            "that is every feature: an L2 model (l1_ratio=0.0) keeps them all; fit "
            "with l1_ratio=1.0."
        )
    if names != list(kept_by_C[expected_C]):
        extra = sorted(set(names) - set(kept_by_C[expected_C]))
        missing = sorted(set(kept_by_C[expected_C]) - set(names))
        detail = []
        if extra:
            detail.append(f"{len(extra)} name(s) too many")
        if missing:
            detail.append(f"{len(missing)} missing")
        raise Incorrect(
            f"`kept` differs from the features with non-zero weight at C = "
            f"{expected_C}: {' and '.join(detail)}. Take the names from the fitted "
            "pipeline's preprocessing step, `model[:-1].get_feature_names_out()`."
        )
    return (
        "Nine of 22 features remain at C = 0.1; the fluoroscopy count and the exercise-test "
        "results survive the strongest penalties."
    )


# --------------------------------------------------------------------------- exercise 4


@cache
def _exercise_4(stratify: bool, part: str) -> tuple[float, float]:
    from sklearn.model_selection import train_test_split

    X, y = _heart()
    scores = []
    for seed in range(20):
        X_train, X_test, y_train, y_test = train_test_split(
            X, y, test_size=0.2, random_state=seed, stratify=y if stratify else None
        )
        model = _pipeline(1.0, 0.0).fit(X_train, y_train)
        scores.append(
            model.score(X_test, y_test) if part == "test" else model.score(X_train, y_train)
        )
    return float(min(scores)), float(max(scores))


@EXERCISES.exercise(
    "4",
    hints=(
        "For each seed: `X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, "
        "random_state=seed)`, fit a fresh pipeline on the training part, `score` it on the test part.",
        "Collect the 20 test accuracies in a list; `min` and `max` of it are the answers.",
    ),
)
def _grade_4(acc_min, acc_max):
    low, high = _exercise_4(stratify=False, part="test")
    if _all_close(
        {"acc_min": acc_min, "acc_max": acc_max}, {"acc_min": low, "acc_max": high}, tol=1e-3
    ):
        return "One model, one dataset: the split alone moves the accuracy by about ten points."
    # Wrong: only now compute what the typical mistakes give.
    strat_low, strat_high = _exercise_4(stratify=True, part="test")
    train_low, train_high = _exercise_4(stratify=False, part="train")
    for name, value, expected, stratified, training in (
        ("acc_min", acc_min, low, strat_low, train_low),
        ("acc_max", acc_max, high, strat_high, train_high),
    ):
        expect_close(
            name,
            value,
            expected,
            tol=1e-3,
            mistakes=[
                (
                    stratified,
                    "that comes from stratified splits; the exercise asks for plain "
                    "train_test_split without `stratify`.",
                ),
                (training, "that is a *training* accuracy; score each model on its test part."),
            ],
        )
    return "One model, one dataset: the split alone moves the accuracy by about ten points."
