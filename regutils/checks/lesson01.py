"""Checks and hints for ``notebooks/01_overfitting_exercises.ipynb``.

Each check recomputes the reference answer from the same data the exercise describes, then
compares; messages name the mistakes learners make most often. The exercises' data seeds, splits
and folds are fixed on purpose (they do not follow the lesson's ``SEED`` / ``REGUTILS_SEED``), so
that the reference answers are the same whatever seed a run uses.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import numpy as np

from regutils.feedback import (
    ExerciseBook,
    Incorrect,
    expect_choice,
    expect_close,
    expect_int,
    expect_sequence,
)

EXERCISES = ExerciseBook(notebook="01_overfitting_exercises.ipynb")
DEGREES = tuple(range(10))
SIZES = (10, 12, 15, 20, 30, 50, 100)


def _polynomial(degree: int):
    from sklearn.linear_model import LinearRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import PolynomialFeatures

    return make_pipeline(PolynomialFeatures(degree), LinearRegression(tol=0.0))


def _rmse(model, X, y) -> float:
    from sklearn.metrics import root_mean_squared_error

    return float(root_mean_squared_error(y, model.predict(X)))


@cache
def _test_errors_by_degree(noise: float) -> tuple[tuple[float, ...], tuple[float, ...]]:
    """(test RMSE, train RMSE) by degree for exercise 1's recipe at the given noise level."""
    from regutils.datasets import make_sine

    X_train, y_train = make_sine(n_samples=10, noise=noise, spacing="even", seed=3)
    X_test, y_test = make_sine(n_samples=1000, noise=noise, seed=1)
    models = [_polynomial(d).fit(X_train, y_train) for d in DEGREES]
    return (
        tuple(_rmse(m, X_test, y_test) for m in models),
        tuple(_rmse(m, X_train, y_train) for m in models),
    )


@EXERCISES.exercise(
    "1",
    hints=(
        "Draw both sets with noise=0.1, then loop over `degrees`: fit `polynomial(d)` on the training "
        "points and score it on the *test* points with `root_mean_squared_error`.",
        "Collect the test errors in a list; `np.argmin(errors)` is the position of the smallest one, "
        "and `degrees[np.argmin(errors)]` the degree. `best_rmse` is `min(errors)`.",
    ),
)
def _grade_1(best_degree, best_rmse):
    test_errors, train_errors = _test_errors_by_degree(0.1)
    degree = expect_int("best_degree", best_degree)
    expected = int(np.argmin(test_errors))
    if degree != expected:
        if degree == int(np.argmin(train_errors)):
            raise Incorrect(
                f"`best_degree` = {degree} has the lowest *training* error; score each "
                "degree on the test set instead."
            )
        if degree == int(np.argmin(_test_errors_by_degree(0.3)[0])):
            raise Incorrect(
                f"`best_degree` = {degree} is the answer for noise 0.3 (the lesson); "
                "draw both the training and the test data with noise=0.1."
            )
        raise Incorrect(f"`best_degree` = {degree} is not the degree with the lowest test RMSE.")
    best = test_errors[expected]
    expect_close(
        "best_rmse",
        best_rmse,
        best,
        tol=5e-3,
        mistakes=[
            (best**2, "that is the mean *squared* error; RMSE is its square root."),
            (
                train_errors[expected],
                "that is the *training* RMSE; the exercise asks for the test RMSE.",
            ),
        ],
    )
    return "Less noise lets a more flexible model win before it starts fitting noise."


@cache
def _medians(statistic: str) -> dict[int, float]:
    from regutils.datasets import make_sine

    X_test, y_test = make_sine(n_samples=1000, noise=0.3, seed=1)
    result = {}
    for n in SIZES:
        errors = []
        for seed in range(30):
            X, y = make_sine(n_samples=n, noise=0.3, spacing="even", seed=seed)
            errors.append(_rmse(_polynomial(9).fit(X, y), X_test, y_test))
        result[n] = float(np.median(errors) if statistic == "median" else np.mean(errors))
    return result


def _first_size_below(values: dict[int, float], threshold: float = 0.38) -> int | None:
    return next((n for n in SIZES if values[n] <= threshold), None)


@EXERCISES.exercise(
    "2",
    hints=(
        "Two loops: over the sizes, and inside it over `range(30)` seeds. For each sample fit "
        "`polynomial(9)` and compute its test RMSE.",
        "Keep the 30 errors of each size in a list and take `np.median` of it; then "
        "`min(n for n, m in medians.items() if m <= 0.38)`.",
    ),
)
def _grade_2(n_needed):
    n = expect_int("n_needed", n_needed)
    expect_choice("n_needed", n, SIZES)
    expected = _first_size_below(_medians("median"))
    assert expected is not None, "reference drifted: no size reaches the threshold"
    if n != expected:
        if n == _first_size_below(_medians("mean")):
            raise Incorrect(
                f"`n_needed` = {n} comes from the *mean* test RMSE; the exercise asks "
                "for the median."
            )
        if n < expected:
            raise Incorrect(f"at n = {n} the median test RMSE of degree 9 is still above 0.38.")
        raise Incorrect(f"a smaller size than {n} already has a median test RMSE of at most 0.38.")
    return "Roughly twice as many points as weights, and degree 9 behaves."


@cache
def _exercise_3() -> dict[str, Any]:
    from sklearn.model_selection import train_test_split

    from regutils.datasets import make_sine

    X_all, y_all = make_sine(n_samples=100, noise=0.3, seed=4)
    X_dev, X_final, y_dev, y_final = train_test_split(X_all, y_all, test_size=0.2, random_state=0)

    def choose(random_state: int, by: str = "validation") -> int:
        X_tr, X_val, y_tr, y_val = train_test_split(
            X_dev, y_dev, test_size=0.25, random_state=random_state
        )
        models = [_polynomial(d).fit(X_tr, y_tr) for d in DEGREES]
        errors = (
            [_rmse(m, X_val, y_val) for m in models]
            if by == "validation"
            else [_rmse(m, X_tr, y_tr) for m in models]
        )
        return int(np.argmin(errors))

    chosen = choose(1)
    X_tr, _, y_tr, _ = train_test_split(X_dev, y_dev, test_size=0.25, random_state=1)
    return {
        "chosen": chosen,
        "by_training": choose(1, by="training"),
        "final": _rmse(_polynomial(chosen).fit(X_dev, y_dev), X_final, y_final),
        "final_not_refit": _rmse(_polynomial(chosen).fit(X_tr, y_tr), X_final, y_final),
        "by_split": [choose(rs) for rs in range(10)],
    }


@EXERCISES.exercise(
    "3",
    hints=(
        "`train_test_split(X_dev, y_dev, test_size=0.25, random_state=1)` gives X_tr, X_val, y_tr, "
        "y_val. Fit each degree on X_tr and score it on X_val.",
        "Refit the chosen degree on *all* of X_dev, y_dev before scoring on X_final, y_final — the "
        "validation points are training data again once the choice is made.",
        "Wrap the choice in a function of `random_state` and call it for `range(10)`.",
    ),
)
def _grade_3(chosen_degree, final_rmse, chosen_by_split):
    reference = _exercise_3()
    degree = expect_int("chosen_degree", chosen_degree)
    if degree != reference["chosen"]:
        if degree == reference["by_training"]:
            raise Incorrect(
                f"`chosen_degree` = {degree} has the lowest *training* error; choose "
                "by the validation error."
            )
        raise Incorrect(
            f"`chosen_degree` = {degree} is not the degree with the lowest validation "
            "RMSE for random_state=1."
        )
    expect_close(
        "final_rmse",
        final_rmse,
        reference["final"],
        tol=5e-3,
        mistakes=[
            (
                reference["final_not_refit"],
                "that model was fitted on the training part only; refit "
                "the chosen degree on the whole development set first.",
            ),
        ],
    )
    by_split = [
        expect_int("chosen_by_split[i]", d)
        for d in expect_sequence("chosen_by_split", chosen_by_split, 10)
    ]
    if by_split != reference["by_split"]:
        raise Incorrect(
            "`chosen_by_split` differs from the degrees chosen with random_state 0 "
            "to 9, in that order."
        )
    return "One validation split is a noisy judge: that is why cross-validation averages several."


@cache
def _exercise_4() -> tuple[np.ndarray, np.ndarray]:
    from sklearn.linear_model import Ridge
    from sklearn.model_selection import KFold, validation_curve
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import PolynomialFeatures

    from regutils.datasets import make_sine

    X, y = make_sine(n_samples=15, noise=0.3, seed=5)
    alphas = np.logspace(-10, 1, 12)
    _, val_scores = validation_curve(
        make_pipeline(PolynomialFeatures(9), Ridge()),
        X,
        y,
        param_name="ridge__alpha",
        param_range=alphas,
        cv=KFold(n_splits=5, shuffle=True, random_state=0),
        scoring="neg_root_mean_squared_error",
    )
    return alphas, -val_scores.mean(axis=1)


@EXERCISES.exercise(
    "4",
    hints=(
        "`validation_curve(model, X_small, y_small, param_name='ridge__alpha', param_range=alphas, "
        "cv=cv, scoring='neg_root_mean_squared_error')` returns training and validation scores, one "
        "row per λ and one column per fold.",
        "The scores are *negated* RMSE: flip the sign, average over folds (axis=1), then take the λ "
        "with the smallest mean RMSE.",
    ),
)
def _grade_4(best_alpha, best_cv_rmse):
    alphas, mean_rmse = _exercise_4()
    best = int(np.argmin(mean_rmse))
    worst = int(np.argmax(mean_rmse))
    alpha = expect_close(
        "best_alpha",
        best_alpha,
        alphas[best],
        tol=alphas[best] * 1e-6,
        mistakes=[
            (
                alphas[worst],
                "that λ has the *largest* validation RMSE: use argmin of the RMSE "
                "(or argmax of the negated scores).",
            ),
        ],
    )
    del alpha
    expect_close(
        "best_cv_rmse",
        best_cv_rmse,
        mean_rmse[best],
        tol=5e-3,
        mistakes=[
            (-mean_rmse[best], "scikit-learn's scores are negated RMSE: flip the sign."),
        ],
    )
    return "A penalty chosen by cross-validation beats the unpenalized fit by a wide margin."
