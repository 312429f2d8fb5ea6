"""Checks and hints for ``notebooks/02_ridge_exercises.ipynb``.

Each check recomputes the reference answer from the data the exercise describes (the diabetes
data with raw features, ``regutils.make_correlated``), then compares; messages name the mistakes
learners make most often: scikit-learn's λ scaling, unstandardized features, a penalized
intercept, training instead of test error, squared instead of plain errors, a bootstrap of one
sample where the question is about the method, a difference taken the wrong way round, and a
choice its own numbers contradict.
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
GRID_5 = tuple(np.logspace(-2, 5, 29))
TRUE_COEF_3 = (1.0, 1.0, 0.5)


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
        "The closed form works on centred data: standardize with a scaler fitted on the training "
        "rows, subtract the column means and the mean of y, and put λ on the diagonal of ZᵀZ.",
        "`Z = StandardScaler().fit(X_train).transform(X_train)`; centre: `Z_c = Z - Z.mean(axis=0)`, "
        "`y_c = y_train - y_train.mean()`.",
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
    from sklearn.linear_model import LinearRegression, RidgeCV
    from sklearn.metrics import r2_score, root_mean_squared_error
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    X_train, X_test, y_train, y_test = _split(0.3, 2)
    grid = np.array(GRID_2)
    model = make_pipeline(StandardScaler(), RidgeCV(alphas=grid)).fit(X_train, y_train)
    raw = RidgeCV(alphas=grid).fit(X_train, y_train)
    # the leak: a scaler fitted on all 442 rows (it chooses the same λ here)
    X_all, _ = _diabetes()
    scaler_all = StandardScaler().fit(X_all)
    leaky = RidgeCV(alphas=grid).fit(scaler_all.transform(X_train), y_train)
    leaky_prediction = leaky.predict(scaler_all.transform(X_test))
    ols_prediction = LinearRegression().fit(X_train, y_train).predict(X_test)
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
        "leaky_test_rmse": float(root_mean_squared_error(y_test, leaky_prediction)),
        "leaky_test_r2": float(r2_score(y_test, leaky_prediction)),
        "ols_test_rmse": float(root_mean_squared_error(y_test, ols_prediction)),
        "ols_test_r2": float(r2_score(y_test, ols_prediction)),
    }


@EXERCISES.exercise(
    "2",
    hints=(
        "RidgeCV does efficient leave-one-out by default; put the scaler and RidgeCV in one pipeline "
        "so the scaler learns from the training rows only. A fitted estimator's chosen λ is an "
        "attribute whose name ends in an underscore.",
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
    # Printed to 2 decimals (error <= 0.005). The nearest wrong values: a scaler fitted on all
    # 442 rows (the leak; 0.034 away) and ridge at a neighbouring λ of the grid (0.036).
    expect_close(
        "test_rmse",
        test_rmse,
        reference["test_rmse"],
        tol=0.006,
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
            (
                reference["leaky_test_rmse"],
                "that scaler was fitted on all 442 rows, test rows included (a leak): fit it "
                "on the training rows, inside the pipeline.",
            ),
            (
                reference["ols_test_rmse"],
                "that is least squares' test RMSE; score the fitted RidgeCV pipeline.",
            ),
        ],
    )
    # Printed to 4 decimals; ridge at a neighbouring λ of the grid is 0.0007 away.
    expect_close(
        "test_r2",
        test_r2,
        reference["test_r2"],
        tol=2e-4,
        mistakes=[
            (reference["train_r2"], "that is the *training* R²; score X_test, y_test."),
            (
                reference["leaky_test_r2"],
                "that scaler was fitted on all 442 rows, test rows included (a leak): fit it "
                "on the training rows, inside the pipeline.",
            ),
            (
                reference["ols_test_r2"],
                "that is least squares' test R²; score the fitted RidgeCV pipeline.",
            ),
        ],
    )
    return f"λ = {reference['alpha']:.3g}; on the test set ridge explains about half the variance."


# --------------------------------------------------------------------------- exercise 3


def _fits_3(samples: list[tuple[np.ndarray, np.ndarray]]) -> dict[str, np.ndarray]:
    from sklearn.linear_model import LinearRegression, Ridge

    ols = np.array([LinearRegression().fit(X, y).coef_ for X, y in samples])
    ridge = np.array([Ridge(alpha=5.0).fit(X, y).coef_ for X, y in samples])
    return {
        "sd_ols": np.std(ols, axis=0, ddof=1),
        "sd_ridge": np.std(ridge, axis=0, ddof=1),
        "mean_ridge": ridge.mean(axis=0),
        "mean_ols": ols.mean(axis=0),
    }


def _sample_3(seed: int) -> tuple[np.ndarray, np.ndarray]:
    from regutils.datasets import make_correlated

    data = make_correlated(
        n_samples=40, coef=TRUE_COEF_3, groups=((0, 1),), correlation=0.98, seed=seed
    )
    return data.X.to_numpy(), data.y.to_numpy()


@cache
def _exercise_3() -> dict[str, np.ndarray]:
    fresh = _fits_3([_sample_3(seed) for seed in range(300)])
    # The first edition's recipe: 300 bootstrap resamples of the one sample drawn with seed 4.
    X, y = _sample_3(4)
    rng = np.random.default_rng(1)
    resamples = [rng.integers(0, len(y), size=len(y)) for _ in range(300)]
    bootstrap = _fits_3([(X[rows], y[rows]) for rows in resamples])
    return {**fresh, **{f"boot_{key}": value for key, value in bootstrap.items()}}


def _close_vector(answer: np.ndarray, expected: np.ndarray) -> bool:
    # 2 % relative: recognises a mistake's numbers (a bootstrap, swapped models)
    return bool(np.allclose(answer, expected, rtol=0.02, atol=0.0))


#: Exercise 3 accepts an answer within this of the reference (printed to 3 decimals, an error of
#: at most 0.0005). The nearest wrong answers, from the same recipe with other seeds (range(1, 301)
#: or range(299)), are 0.0012 or more away in sd_ols; ridge with λ = 4 or 6 is 0.013 away.
_TOL_3 = 6e-4


def _matches_3(answer: np.ndarray, expected: np.ndarray) -> bool:
    return bool(np.max(np.abs(answer - expected)) <= _TOL_3)


@EXERCISES.exercise(
    "3",
    hints=(
        "A question about a method needs fresh samples: draw a new data set for each seed, fit "
        "both models to it, and look at how the coefficients vary *across* the 300 samples.",
        "Inside the loop over `range(300)`: `X_s, y_s = data.X.to_numpy(), data.y.to_numpy()`, then "
        "append `LinearRegression().fit(X_s, y_s).coef_` and `Ridge(alpha=5.0).fit(X_s, y_s).coef_` "
        "to two lists.",
        "Turn each list into a (300, 3) array; `np.std(..., axis=0, ddof=1)` gives one standard "
        "deviation per coefficient and `np.mean(..., axis=0)` ridge's mean coefficients.",
    ),
)
def _grade_3(sd_ols, sd_ridge, mean_ridge):
    reference = _exercise_3()
    answers = {
        "sd_ols": expect_array("sd_ols", sd_ols, (3,), unit="coefficient"),
        "sd_ridge": expect_array("sd_ridge", sd_ridge, (3,), unit="coefficient"),
        "mean_ridge": expect_array("mean_ridge", mean_ridge, (3,), unit="coefficient"),
    }
    other = {"sd_ols": "sd_ridge", "sd_ridge": "sd_ols", "mean_ridge": "mean_ols"}
    for name, answer in answers.items():
        expected = reference[name]
        if _matches_3(answer, expected):
            continue
        if name != "mean_ridge" and _matches_3(answer, expected * np.sqrt(299 / 300)):
            continue  # ddof=0 instead of 1 is fine
        if _close_vector(answer, reference[f"boot_{name}"]):
            raise Incorrect(
                f"`{name}` comes from bootstrap resamples of one sample. The question is about "
                "the method: draw a fresh sample for each seed in range(300). (A bootstrap "
                "centres on its one sample's estimate, not on the truth.)"
            )
        if _close_vector(answer, reference[other[name]]):
            raise Incorrect(
                f"`{name}` holds least squares' numbers where ridge's belong (or the other way "
                "round): the two models are swapped."
            )
        if name != "mean_ridge" and _close_vector(answer, expected**2):
            raise Incorrect(
                f"`{name}` looks like variances; take the standard deviation (np.std), not np.var."
            )
        if name == "mean_ridge" and np.allclose(answer, TRUE_COEF_3, atol=1e-9):
            raise Incorrect(
                "`mean_ridge` holds the true coefficients; average ridge's fitted `coef_` over "
                "the 300 samples."
            )
        if _close_vector(answer, expected):
            raise Incorrect(
                f"`{name}` is close but not what the 300 samples of the recipe give (largest "
                f"difference {np.max(np.abs(answer - expected)):.2g}): use exactly the seeds "
                "range(300), n_samples=40, correlation=0.98, and `Ridge(alpha=5.0)` on the "
                "features as they come."
            )
        raise Incorrect(
            f"`{name}` does not match the 300 fresh samples; fit both models to "
            "make_correlated(..., seed=seed) for each seed in range(300)."
        )
    ratio = reference["sd_ols"][0] / reference["sd_ridge"][0]
    shortfall = TRUE_COEF_3[0] - reference["mean_ridge"][0]
    return (
        f"Over fresh samples ridge cuts the spread of the correlated pair about {ratio:.0f}-fold, "
        f"barely changes that of the independent x2, and pays with a bias: its mean x0 "
        f"coefficient falls short of 1 by about {shortfall:.2f}."
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
    Z_all = StandardScaler().fit(_diabetes()[0]).transform(X_train)  # scaler fitted on all rows
    d_all = np.linalg.svd(Z_all - Z_all.mean(axis=0), compute_uv=False)
    X_1 = _split(0.25, 1)[0]  # exercise 1's split instead of exercise 2's
    Z_1 = StandardScaler().fit(X_1).transform(X_1)
    d_1 = np.linalg.svd(Z_1 - Z_1.mean(axis=0), compute_uv=False)

    def df(lam: float, values: np.ndarray = d) -> float:
        return float(np.sum(values**2 / (values**2 + lam)))

    grid = np.array(GRID_4)
    first = int(np.argmax([df(lam) <= 5 for lam in grid]))
    return {
        "df": df(LAMBDA_4),
        "df_raw": df(LAMBDA_4, d_raw),
        "df_scaler_on_all": df(LAMBDA_4, d_all),
        "df_split_1": df(LAMBDA_4, d_1),
        "df_not_squared": float(np.sum(d / (d + LAMBDA_4))),
        "lam": float(grid[first]),
        "lam_before": float(grid[first - 1]),
    }


@EXERCISES.exercise(
    "4",
    hints=(
        "df depends only on the features, not on y: it is the sum of the shrinkage factors "
        "d²/(d² + λ) of the singular values d of the centred, standardized training features.",
        "Standardize the training features of exercise 2, centre them, and take their singular "
        "values: `d = np.linalg.svd(Z_c, compute_uv=False)`.",
        "`df = np.sum(d**2 / (d**2 + lam))` — the singular values are squared. For the second part, "
        "compute df for each λ of the grid and take the first λ where df <= 5.",
    ),
)
def _grade_4(df_30, lam_df5):
    reference = _exercise_4()
    # Printed to 2 decimals (error <= 0.005); the nearest wrong value, a scaler fitted on all rows,
    # is 0.027 away, and λ = 29 or 31 0.035.
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
            (
                reference["df_scaler_on_all"],
                "that scaler was fitted on all 442 rows; fit it on exercise 2's training rows.",
            ),
            (
                reference["df_split_1"],
                "that is exercise 1's split (test_size=0.25, random_state=1); use exercise 2's "
                "(test_size=0.3, random_state=2).",
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


# --------------------------------------------------------------------------- exercise 5


@cache
def _exercise_5() -> dict[str, Any]:
    from sklearn.linear_model import LinearRegression, RidgeCV
    from sklearn.model_selection import RepeatedKFold, cross_validate
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import PolynomialFeatures, StandardScaler

    X, y = _diabetes()
    splits = RepeatedKFold(n_splits=5, n_repeats=2, random_state=3)
    grid = np.array(GRID_5)

    def per_split(*steps: Any) -> dict[str, np.ndarray]:
        model = make_pipeline(PolynomialFeatures(2, include_bias=False), *steps)
        scores = cross_validate(
            model, X, y, cv=splits, scoring="neg_root_mean_squared_error", return_train_score=True
        )
        return {"test": -scores["test_score"], "train": -scores["train_score"]}

    ols = per_split(StandardScaler(), LinearRegression())
    ridge = per_split(StandardScaler(), RidgeCV(alphas=grid))
    raw_ridge = per_split(RidgeCV(alphas=grid))
    return {
        "gain": ols["test"] - ridge["test"],
        "train_gain": ols["train"] - ridge["train"],
        "raw_gain": ols["test"] - raw_ridge["test"],
    }


@EXERCISES.exercise(
    "5",
    hints=(
        "Two models meet the same splits, so compare them split by split: the per-split "
        "differences are paired, and their mean, spread and sign count are the evidence.",
        "Build each model as `make_pipeline(PolynomialFeatures(2, include_bias=False), "
        "StandardScaler(), regressor)` with `LinearRegression()` or `RidgeCV(alphas=alphas)`, and "
        "score it with `cross_validate(model, X, y, cv=splits, "
        "scoring='neg_root_mean_squared_error')`.",
        "The scores are negated RMSEs: `rmse = -scores['test_score']`. Then "
        "`gain = rmse_least_squares - rmse_ridge`, and choose the model the gains favour: look at "
        "`gain.mean()`, `gain.std(ddof=1)` and `np.sum(gain > 0)`.",
    ),
)
def _grade_5(gain, choice):
    reference = _exercise_5()
    answer = expect_array("gain", gain, (10,), unit="split")
    expected = reference["gain"]
    if not np.allclose(answer, expected, rtol=1e-3, atol=0.01):
        if np.allclose(answer, -expected, rtol=1e-3, atol=0.01):
            raise Incorrect(
                "`gain` has the sign reversed: take least squares' RMSE minus ridge's, so that a "
                "positive gain means ridge did better."
            )
        if np.allclose(np.sort(answer), np.sort(expected), rtol=1e-3, atol=0.01):
            raise Incorrect(
                "`gain` has the right numbers in another order: keep the order of the splits."
            )
        if np.allclose(answer, reference["train_gain"], rtol=1e-3, atol=0.01):
            raise Incorrect(
                "`gain` compares *training* errors; use each split's test part (`test_score`)."
            )
        if np.allclose(answer, reference["raw_gain"], rtol=1e-3, atol=0.01):
            raise Incorrect(
                "ridge was fitted on unstandardized features: put StandardScaler() between "
                "PolynomialFeatures and RidgeCV."
            )
        raise Incorrect(
            "`gain` does not match the per-split test RMSE differences (least squares − ridge) "
            "on the splits given."
        )
    if not isinstance(choice, str) or choice.strip().lower() not in ("ridge", "least squares"):
        raise Incorrect(f'`choice` should be "ridge" or "least squares", got {choice!r}.')
    wins, mean, sd = int(np.sum(expected > 0)), float(expected.mean()), float(expected.std(ddof=1))
    best = "ridge" if mean > 0 else "least squares"
    if choice.strip().lower() != best:
        raise Incorrect(
            f"`choice` = {choice!r}, but your own gains favour {best}: ridge was better on {wins} "
            f"of {len(expected)} splits, by {mean:.1f} ± {sd:.1f} (sd) RMSE on average."
        )
    return (
        f"{best.capitalize()}: ridge was better on {wins} of {len(expected)} splits, by "
        f"{mean:.1f} ± {sd:.1f} (sd) RMSE on average. Those numbers defend the choice."
    )
