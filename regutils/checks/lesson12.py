"""Checks and hints for ``notebooks/12_choosing_and_combining_exercises.ipynb``.

Each check recomputes the reference answer from the same data the exercise describes (with
scikit-learn only, so checking stays fast), then compares; messages name the mistakes learners
make most often.
"""

from __future__ import annotations

from functools import cache

import numpy as np

from regutils.feedback import ExerciseBook, Incorrect, expect_choice, expect_close, expect_int

EXERCISES = ExerciseBook(notebook="12_choosing_and_combining_exercises.ipynb")
RIDGE_ALPHAS = np.logspace(-3, 3, 20)


def exercise_1_coef() -> tuple[float, ...]:
    """The dense truth of exercise 1: 30 coefficients drawn from N(0, 1), rounded to 2 decimals.

    Examples
    --------
    >>> coef = exercise_1_coef()
    >>> len(coef), all(c != 0 for c in coef)
    (30, True)
    """
    return tuple(float(c) for c in np.random.default_rng(1).normal(0.0, 1.0, 30).round(2))


@cache
def _exercise_1() -> dict[str, float]:
    from sklearn.linear_model import LassoCV, RidgeCV
    from sklearn.metrics import root_mean_squared_error

    from regutils.datasets import make_correlated

    coef = exercise_1_coef()
    X, y = make_correlated(60, coef=coef, groups=(), noise=2.0, seed=0)
    X_test, y_test = make_correlated(2000, coef=coef, groups=(), noise=2.0, seed=999)
    lasso = LassoCV(cv=5, alphas=20).fit(X, y)
    ridge = RidgeCV(alphas=RIDGE_ALPHAS).fit(X, y)
    return {
        "lasso": float(root_mean_squared_error(y_test, lasso.predict(X_test))),
        "ridge": float(root_mean_squared_error(y_test, ridge.predict(X_test))),
        "lasso_train": float(root_mean_squared_error(y, lasso.predict(X))),
        "ridge_train": float(root_mean_squared_error(y, ridge.predict(X))),
    }


@EXERCISES.exercise(
    "1",
    hints=(
        "Draw the training sample with `make_correlated(60, coef=coef, groups=(), noise=2.0, seed=0)` "
        "and the test sample with the same arguments but 2000 rows and seed=999.",
        "Fit `LassoCV(cv=5, alphas=20)` and `RidgeCV(alphas=np.logspace(-3, 3, 20))` on the training "
        "sample and compute each one's `root_mean_squared_error` on the *test* sample.",
        "`choice` is the name of the model with the lower test RMSE; `rmse_gap` is lasso's test RMSE "
        "minus ridge's (positive when ridge is better).",
    ),
)
def _grade_1(choice, rmse_gap):
    ref = _exercise_1()
    expected = "ridge" if ref["ridge"] < ref["lasso"] else "lasso"
    if not isinstance(choice, str):
        raise Incorrect(f"`choice` must be the string 'lasso' or 'ridge', got {choice!r}.")
    picked = expect_choice("choice", choice.strip().lower(), ("lasso", "ridge"))
    gap = ref["lasso"] - ref["ridge"]
    expect_close(
        "rmse_gap",
        rmse_gap,
        gap,
        tol=5e-3,
        mistakes=[
            (-gap, "the sign is flipped: the exercise asks for lasso's RMSE minus ridge's."),
            (
                ref["lasso_train"] - ref["ridge_train"],
                "that gap is on the *training* sample; compare the models on the test sample.",
            ),
        ],
    )
    if picked != expected:
        raise Incorrect(
            f"with {picked} the test RMSE is higher: the truth here is dense (every "
            "coefficient is non-zero), which is the case the *other* penalty suits."
        )
    return "Many small effects: the dense truth favours ridge, as in the lesson's section 3."


@cache
def _pair_counts(correlation: float) -> tuple[int, int]:
    """(samples where the lasso drops exactly one of the pair, samples where it keeps both)."""
    from sklearn.linear_model import LassoCV

    from regutils.datasets import make_correlated

    drop_one = keep_both = 0
    for seed in range(20):
        X, y = make_correlated(
            50, coef=(1.0, 1.0, 0.0, 0.0, 0.0), correlation=correlation, seed=seed
        )
        zeros = int((LassoCV(cv=5, alphas=20).fit(X, y).coef_[:2] == 0).sum())
        drop_one += zeros == 1
        keep_both += zeros == 0
    return drop_one, keep_both


@EXERCISES.exercise(
    "2",
    hints=(
        "Loop over `range(20)`: draw `make_correlated(50, coef=(1.0, 1.0, 0.0, 0.0, 0.0), "
        "correlation=0.99, seed=seed)` and fit `LassoCV(cv=5, alphas=20)`.",
        "Look at `model.coef_[:2]` (x0 and x1): count the samples where exactly one of the two is "
        "0 and those where neither is.",
    ),
)
def _grade_2(n_drop_one, n_both_kept):
    drop_one, keep_both = _pair_counts(0.99)
    lesson_drop_one, _ = _pair_counts(0.95)
    n = expect_int("n_drop_one", n_drop_one)
    if n != drop_one:
        if n == keep_both:
            raise Incorrect(
                "`n_drop_one` is the number of samples that keep *both* features: "
                "did you swap the two answers?"
            )
        if n == lesson_drop_one:
            raise Incorrect(
                f"{n} is the count at correlation 0.95 (the lesson's); the exercise "
                "uses correlation=0.99."
            )
        raise Incorrect(
            f"`n_drop_one` = {n} is not the number of samples in which exactly one of "
            "x0, x1 has a zero lasso coefficient."
        )
    both = expect_int("n_both_kept", n_both_kept)
    if both != keep_both:
        if both == 20 - keep_both:
            raise Incorrect(
                "that counts the samples that drop at least one feature; "
                "`n_both_kept` counts those that keep both."
            )
        raise Incorrect(
            f"`n_both_kept` = {both} is not the number of samples in which both "
            "x0 and x1 have non-zero lasso coefficients."
        )
    return (
        f"Higher correlation, more arbitrary picks: {drop_one} of 20 samples at 0.99 against "
        f"{lesson_drop_one} at 0.95."
    )


@cache
def _exercise_3() -> dict[str, float]:
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold, cross_val_score
    from sklearn.pipeline import make_pipeline

    from regutils.datasets import load_heart
    from regutils.preprocessing import heart_preprocessor

    X, y = load_heart()

    def logistic(l1_ratio=1.0):
        return LogisticRegression(C=0.1, l1_ratio=l1_ratio, solver="liblinear", random_state=0)

    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
    scores = cross_val_score(make_pipeline(heart_preprocessor(), logistic()), X, y, cv=folds)
    ridge_like = cross_val_score(make_pipeline(heart_preprocessor(), logistic(0.0)), X, y, cv=folds)
    final = make_pipeline(heart_preprocessor(), logistic()).fit(X, y)
    coef = final[-1].coef_[0]
    return {
        "mean": float(scores.mean()),
        "sd": float(scores.std()),
        "sd_ddof1": float(scores.std(ddof=1)),
        "l2_mean": float(ridge_like.mean()),
        "n_zero": int((coef == 0).sum()),
        "n_kept": int((coef != 0).sum()),
    }


@EXERCISES.exercise(
    "3",
    hints=(
        "Put the preprocessing inside the model: `make_pipeline(regutils.heart_preprocessor(), "
        "LogisticRegression(C=0.1, l1_ratio=1.0, solver='liblinear', random_state=0))`, then "
        "`cross_val_score(model, X, y, cv=folds)`.",
        "`scores.mean()` and `scores.std()` (NumPy's default, ddof=0) are the two numbers.",
        "Fit the same pipeline on all of X, y; `model[-1].coef_[0]` holds one coefficient per "
        "encoded feature: count the exact zeros.",
    ),
)
def _grade_3(mean_accuracy, sd_accuracy, n_zero):
    ref = _exercise_3()
    expect_close(
        "mean_accuracy",
        mean_accuracy,
        ref["mean"],
        tol=1e-3,
        mistakes=[
            (
                ref["l2_mean"],
                "that is the L2 model's score: `l1_ratio=1.0` is the L1 penalty (0.0 is L2).",
            ),
        ],
    )
    expect_close(
        "sd_accuracy",
        sd_accuracy,
        ref["sd"],
        tol=1e-3,
        mistakes=[
            (ref["sd_ddof1"], "use NumPy's default `scores.std()` (ddof=0), as the lesson does."),
        ],
    )
    zeros = expect_int("n_zero", n_zero)
    if zeros != ref["n_zero"]:
        if zeros == ref["n_kept"]:
            raise Incorrect(f"{zeros} is the number of *non-zero* coefficients; count the zeros.")
        raise Incorrect(
            f"`n_zero` = {zeros} is not the number of zero coefficients of the "
            "model fitted on all patients."
        )
    return (
        f"With C = 0.1 the L1 penalty drops {ref['n_zero']} of "
        f"{ref['n_zero'] + ref['n_kept']} encoded features; compare its accuracy with the "
        "lesson's default setting (C = 1, L2) in section 6."
    )
