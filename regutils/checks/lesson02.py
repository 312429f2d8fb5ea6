"""Checks and hints for ``notebooks/02_ridge_exercises.ipynb``.

Each check recomputes the reference answer from the data the exercise describes (the diabetes
data with raw features, ``regutils.make_correlated``), then compares; messages name the mistakes
learners make most often: scikit-learn's λ scaling, unstandardized features, a penalized
intercept, training instead of test error, squared instead of plain errors.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import numpy as np

from regutils.feedback import (
    ExerciseBook,
    Incorrect,
    expect_array,
    expect_close,
    expect_close_array,
    expect_number,
)

EXERCISES = ExerciseBook(notebook="02_ridge_exercises.ipynb")

LAMBDA_1 = 50.0
GRID_2 = tuple(np.logspace(-3, 3, 61))
LAMBDA_4 = 30.0
GRID_4 = tuple(np.logspace(-3, 4, 71))


def _diabetes():
    from sklearn.datasets import load_diabetes

    return load_diabetes(return_X_y=True, as_frame=True, scaled=False)


def _split(test_size: float, random_state: int):
    from sklearn.model_selection import train_test_split

    X, y = _diabetes()
    return train_test_split(X, y, test_size=test_size, random_state=random_state)


def _closed_form(Z: np.ndarray, y: np.ndarray, lam: float) -> tuple[np.ndarray, float]:
    Z_c = Z - Z.mean(axis=0)
    y_c = y - y.mean()
    w = np.linalg.solve(Z_c.T @ Z_c + lam * np.eye(Z.shape[1]), Z_c.T @ y_c)
    return w, float(y.mean() - Z.mean(axis=0) @ w)


# --------------------------------------------------------------------------- exercise 1


@cache
def _exercise_1() -> dict[str, Any]:
    from sklearn.preprocessing import StandardScaler

    X, _ = _diabetes()
    X_train, _, y_train, _ = _split(0.25, 1)
    y = y_train.to_numpy()
    n = len(y)
    Z = StandardScaler().fit(X_train).transform(X_train)
    coef, intercept = _closed_form(Z, y, LAMBDA_1)
    return {
        "coef": coef,
        "intercept": intercept,
        "n": n,
        "lambda_times_n": _closed_form(Z, y, LAMBDA_1 * n)[0],
        "lambda_over_n": _closed_form(Z, y, LAMBDA_1 / n)[0],
        "least_squares": _closed_form(Z, y, 0.0)[0],
        "raw": _closed_form(X_train.to_numpy(), y, LAMBDA_1)[0],
        "scaler_on_all": _closed_form(StandardScaler().fit(X).transform(X_train), y, LAMBDA_1)[0],
        "penalized_intercept": n * float(y.mean()) / (n + LAMBDA_1),
        "raw_means_intercept": float(y.mean() - X_train.to_numpy().mean(axis=0) @ coef),
    }


@EXERCISES.exercise(
    "1",
    hints=(
        "Standardize with `scaler = StandardScaler().fit(X_train)` and `Z = scaler.transform(X_train)`. "
        "Centre: `Z_c = Z - Z.mean(axis=0)`, `y_c = y_train - y_train.mean()`.",
        "`coef = np.linalg.solve(Z_c.T @ Z_c + 50 * np.eye(10), Z_c.T @ y_c)` — λ multiplies the "
        "identity, and Ridge's λ is on the *sum* of squared errors (no division by n).",
        "The intercept is not penalized: `intercept = y_train.mean() - Z.mean(axis=0) @ coef`. Compare "
        "both with `Ridge(alpha=50).fit(Z, y_train)`.",
    ),
)
def _grade_1(coef, intercept):
    reference = _exercise_1()
    expect_close_array(
        "coef",
        expect_array("coef", coef, (10,), unit="feature"),
        reference["coef"],
        tol=1e-6,
        mistakes=[
            (
                reference["lambda_times_n"],
                "this is the solution for λ = 50·n: Ridge's alpha multiplies the "
                "*sum* of squared errors, use λ = 50 as it is.",
            ),
            (
                reference["lambda_over_n"],
                "this is the solution for λ = 50/n: Ridge's alpha is on the *sum* "
                "of squared errors, not the mean (that is Lasso's convention).",
            ),
            (
                reference["least_squares"],
                "these are the least-squares coefficients: add λ·I (λ = 50) to "
                "Z_cᵀZ_c before solving.",
            ),
            (
                reference["raw"],
                "these come from the raw features: standardize them first (StandardScaler "
                "fitted on the training rows).",
            ),
            (
                reference["scaler_on_all"],
                "the scaler was fitted on all 442 rows: fit it on the training rows only.",
            ),
        ],
        otherwise="does not match the closed-form ridge solution for λ = 50 on the "
        "standardized, centred training data.",
    )
    expect_close(
        "intercept",
        intercept,
        reference["intercept"],
        tol=1e-6,
        mistakes=[
            (
                0.0,
                "the model needs an intercept: b = ȳ − x̄ᵀw (the mean of the standardized features "
                "is 0, so b is the mean of y_train).",
            ),
            (
                reference["penalized_intercept"],
                "the intercept was penalized (a column of ones "
                "inside the penalty); leave it out of the penalty.",
            ),
            (
                reference["raw_means_intercept"],
                "use the means of the *standardized* features (all 0), not of the raw ones.",
            ),
        ],
    )
    return "Your NumPy ridge is scikit-learn's Ridge(alpha=50)."


# --------------------------------------------------------------------------- exercise 2


@cache
def _exercise_2() -> dict[str, float]:
    from sklearn.linear_model import RidgeCV
    from sklearn.metrics import r2_score, root_mean_squared_error
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    X_train, X_test, y_train, y_test = _split(0.3, 2)
    grid = np.array(GRID_2)
    model = make_pipeline(StandardScaler(), RidgeCV(alphas=grid)).fit(X_train, y_train)
    raw = RidgeCV(alphas=grid).fit(X_train, y_train)
    test_prediction, train_prediction = model.predict(X_test), model.predict(X_train)
    return {
        "alpha": float(model[-1].alpha_),
        "raw_alpha": float(raw.alpha_),
        "test_rmse": float(root_mean_squared_error(y_test, test_prediction)),
        "train_rmse": float(root_mean_squared_error(y_train, train_prediction)),
        "loo_rmse": float(np.sqrt(-model[-1].best_score_)),
        "loo_mse": float(-model[-1].best_score_),
        "raw_test_rmse": float(root_mean_squared_error(y_test, raw.predict(X_test))),
        "test_r2": float(r2_score(y_test, test_prediction)),
        "train_r2": float(r2_score(y_train, train_prediction)),
    }


@EXERCISES.exercise(
    "2",
    hints=(
        "`model = make_pipeline(StandardScaler(), RidgeCV(alphas=alphas)).fit(X_train, y_train)`; the "
        "fitted RidgeCV is `model[-1]`, and its chosen λ is `model[-1].alpha_`.",
        "Score the *test* rows: `root_mean_squared_error(y_test, model.predict(X_test))` and "
        "`r2_score(y_test, model.predict(X_test))`.",
    ),
)
def _grade_2(best_alpha, test_rmse, test_r2):
    reference = _exercise_2()
    alpha = expect_number("best_alpha", best_alpha)
    if not np.isclose(alpha, reference["alpha"], rtol=1e-3):
        if np.isclose(alpha, reference["raw_alpha"], rtol=1e-3):
            raise Incorrect(
                f"`best_alpha` = {alpha:.4g} is what RidgeCV chooses on *raw* features; "
                "put StandardScaler() before RidgeCV in the pipeline."
            )
        if not np.any(np.isclose(alpha, GRID_2, rtol=1e-3)):
            raise Incorrect(
                f"`best_alpha` = {alpha:.4g} is not on the grid np.logspace(-3, 3, 61); "
                "read it from the fitted RidgeCV's `alpha_`."
            )
        raise Incorrect(f"`best_alpha` = {alpha:.4g} is not the λ RidgeCV chooses on this split.")
    expect_close(
        "test_rmse",
        test_rmse,
        reference["test_rmse"],
        tol=0.05,
        mistakes=[
            (reference["train_rmse"], "that is the *training* RMSE; predict X_test."),
            (
                reference["test_rmse"] ** 2,
                "that is the mean *squared* error; RMSE is its square root.",
            ),
            (
                reference["loo_rmse"],
                "that is the leave-one-out RMSE on the training data "
                "(from best_score_); the exercise asks for the test set.",
            ),
            (
                reference["loo_mse"],
                "that is RidgeCV's leave-one-out MSE on the training data; score the test set.",
            ),
            (
                reference["raw_test_rmse"],
                "that model uses raw features; standardize in the pipeline.",
            ),
        ],
    )
    expect_close(
        "test_r2",
        test_r2,
        reference["test_r2"],
        tol=0.002,
        mistakes=[
            (reference["train_r2"], "that is the *training* R²; score X_test, y_test."),
        ],
    )
    return f"λ = {reference['alpha']:.3g}; on the test set ridge explains about half the variance."


# --------------------------------------------------------------------------- exercise 3


@cache
def _exercise_3() -> tuple[np.ndarray, np.ndarray]:
    from sklearn.linear_model import LinearRegression, Ridge

    from regutils.datasets import make_correlated

    data = make_correlated(
        n_samples=40, coef=(1.0, 1.0, 0.5), groups=((0, 1),), correlation=0.98, seed=4
    )
    X, y = data.X.to_numpy(), data.y.to_numpy()
    rng = np.random.default_rng(1)
    ols, ridge = [], []
    for _ in range(300):
        rows = rng.integers(0, len(y), size=len(y))
        ols.append(LinearRegression().fit(X[rows], y[rows]).coef_)
        ridge.append(Ridge(alpha=5.0).fit(X[rows], y[rows]).coef_)
    return np.std(ols, axis=0, ddof=1), np.std(ridge, axis=0, ddof=1)


def _close_vector(answer: np.ndarray, expected: np.ndarray) -> bool:
    # 2 % relative: accepts ddof=0 or 1 (they differ by 0.2 % with 300 resamples)
    return bool(np.allclose(answer, expected, rtol=0.02, atol=0.0))


@EXERCISES.exercise(
    "3",
    hints=(
        "Create the generator once, `rng = np.random.default_rng(1)`, then loop 300 times: "
        "`rows = rng.integers(0, 40, size=40)` and fit both models on `X[rows], y[rows]`.",
        "Collect each model's `coef_` in a list, turn it into a (300, 3) array and take "
        "`np.std(..., axis=0, ddof=1)`: one standard deviation per coefficient.",
    ),
)
def _grade_3(sd_ols, sd_ridge):
    ols, ridge = _exercise_3()
    answer_ols = expect_array("sd_ols", sd_ols, (3,), unit="coefficient")
    answer_ridge = expect_array("sd_ridge", sd_ridge, (3,), unit="coefficient")
    for name, answer, expected, other in (
        ("sd_ols", answer_ols, ols, ridge),
        ("sd_ridge", answer_ridge, ridge, ols),
    ):
        if _close_vector(answer, expected):
            continue
        if _close_vector(answer, other):
            raise Incorrect(
                f"`{name}` holds the other model's spreads: least squares and ridge are swapped."
            )
        if _close_vector(answer, expected**2):
            raise Incorrect(
                f"`{name}` looks like variances; take the standard deviation (np.std), not np.var."
            )
        raise Incorrect(
            f"`{name}` does not match the standard deviations over the 300 "
            "resamples; draw the rows with rng.integers(0, 40, size=40) from "
            "np.random.default_rng(1), created once before the loop."
        )
    ratio = ols[0] / ridge[0]
    return (
        f"Ridge cuts the spread of the correlated pair about {ratio:.0f}-fold and barely "
        "changes that of the independent x2."
    )


# --------------------------------------------------------------------------- exercise 4


@cache
def _exercise_4() -> dict[str, float]:
    from sklearn.preprocessing import StandardScaler

    X_train, _, _, _ = _split(0.3, 2)
    Z = StandardScaler().fit(X_train).transform(X_train)
    d = np.linalg.svd(Z - Z.mean(axis=0), compute_uv=False)
    raw = X_train.to_numpy()
    d_raw = np.linalg.svd(raw - raw.mean(axis=0), compute_uv=False)

    def df(lam: float, values: np.ndarray = d) -> float:
        return float(np.sum(values**2 / (values**2 + lam)))

    grid = np.array(GRID_4)
    first = int(np.argmax([df(lam) <= 5 for lam in grid]))
    return {
        "df": df(LAMBDA_4),
        "df_raw": df(LAMBDA_4, d_raw),
        "df_not_squared": float(np.sum(d / (d + LAMBDA_4))),
        "lam": float(grid[first]),
        "lam_before": float(grid[first - 1]),
    }


@EXERCISES.exercise(
    "4",
    hints=(
        "Standardize the training features of exercise 2, centre them, and take their singular "
        "values: `d = np.linalg.svd(Z_c, compute_uv=False)`.",
        "`df = np.sum(d**2 / (d**2 + lam))` — the singular values are squared. For the second part, "
        "compute df for each λ of the grid and take the first λ where df <= 5.",
    ),
)
def _grade_4(df_30, lam_df5):
    reference = _exercise_4()
    expect_close(
        "df_30",
        df_30,
        reference["df"],
        tol=0.005,
        mistakes=[
            (10 - reference["df"], "that is 10 − df: df itself is Σ d²/(d² + λ)."),
            (reference["df_not_squared"], "square the singular values: Σ d²/(d² + λ)."),
            (
                reference["df_raw"],
                "that uses the raw features; standardize them first (ridge is "
                "fitted on standardized features).",
            ),
        ],
    )
    lam = expect_number("lam_df5", lam_df5)
    if not np.isclose(lam, reference["lam"], rtol=1e-3):
        if np.isclose(lam, reference["lam_before"], rtol=1e-3):
            raise Incorrect(
                f"`lam_df5` = {lam:.4g} still has df above 5; df falls as λ grows — "
                "take the first λ where df <= 5."
            )
        raise Incorrect(f"`lam_df5` = {lam:.4g} is not the smallest λ of the grid with df <= 5.")
    ratio = reference["lam"] / _exercise_2()["alpha"]
    return (
        f"On this grid df is at most 5 from λ ≈ {reference['lam']:.3g} on, about {ratio:.0f} "
        "times the λ RidgeCV chose in exercise 2."
    )
