"""Checks and hints for ``notebooks/03_lasso_exercises.ipynb``.

Each check recomputes the reference answer from the data the exercise describes (the diabetes
data with raw features, ``regutils.make_correlated``), then compares; messages name the mistakes
learners make most often: unstandardized features, counting zeros instead of non-zeros, a mask
instead of names, forgetting the 1/n in α_max or computing it on the wrong rows, hard instead of
soft thresholding (or NaN from dividing by |z|), percentages instead of shares, one seed for every
"fresh" training set, unpaired instead of paired standard errors. Odd answers (arrays where a number
goes, text, None, NaN, a reshaped array) get a sentence saying what shape of answer is expected.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

import numpy as np

from regutils.feedback import (
    ExerciseBook,
    Incorrect,
    expect_array,
    expect_close,
    expect_int,
    expect_sequence,
)

EXERCISES = ExerciseBook(notebook="03_lasso_exercises.ipynb")

ALPHA_1 = 2.0
ALPHA_4 = 0.3
DRAWS_4 = 150
SOURCE_4 = {"coef": (1.0, 1.0, 1.0, 0.0, 0.0, 0.0), "groups": ((0, 1, 2),), "correlation": 0.98}
ALPHAS_5 = tuple(float(a) for a in np.geomspace(0.05, 20, 30))
MAX_FEATURES_5 = 4


def _diabetes():
    from sklearn.datasets import load_diabetes

    return load_diabetes(return_X_y=True, as_frame=True, scaled=False)


def _names(name: str, value: object, allowed: list[str]) -> list[str]:
    """``value`` as a list of feature names, each one of ``allowed``."""
    if isinstance(value, str) or not hasattr(value, "__iter__"):
        raise Incorrect(
            f"`{name}` should be a list of feature names such as ['bmi', 's5'], got "
            f"a {type(value).__name__}."
        )
    raw = list(value)
    if raw and all(isinstance(item, (bool, np.bool_)) for item in raw):
        raise Incorrect(
            f"`{name}` is a True/False mask; use it to pick the names, e.g. "
            "`X.columns[coef != 0].tolist()`."
        )
    items = [str(item) for item in raw]
    unknown = sorted(set(items) - set(allowed))
    if unknown:
        raise Incorrect(
            f"`{name}` contains {unknown}, which are not feature names; the features are {allowed}."
        )
    return items


# --------------------------------------------------------------------------- exercise 1


def _kept(coef: np.ndarray, names: list[str]) -> list[str]:
    return [name for name, w in zip(names, coef) if w != 0]


@cache
def _exercise_1() -> dict[str, Any]:
    from sklearn.datasets import load_diabetes
    from sklearn.linear_model import Lasso
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    X, y = _diabetes()
    names = X.columns.tolist()
    model = make_pipeline(StandardScaler(), Lasso(alpha=ALPHA_1)).fit(X, y)
    raw = Lasso(alpha=ALPHA_1, max_iter=100_000).fit(X, y)
    X_default, y_default = load_diabetes(return_X_y=True, as_frame=True)
    default = Lasso(alpha=ALPHA_1).fit(X_default, y_default)
    selected = _kept(model[-1].coef_, names)
    return {
        "names": names,
        "selected": selected,
        "dropped": [name for name in names if name not in selected],
        "raw": _kept(raw.coef_, names),
        "default": _kept(default.coef_, names),
    }


@EXERCISES.exercise(
    "1",
    hints=(
        "The lasso penalizes every coefficient by the same α, so the features must be on the same "
        "scale first: a StandardScaler step before the Lasso step of one pipeline. A feature is kept "
        "when its coefficient is exactly non-zero.",
        "Build the pipeline with `make_pipeline`, a `StandardScaler()` step and a `Lasso(alpha=2.0)` "
        "step, and fit it on `X, y`; the lasso is the pipeline's last step, so its coefficients are "
        "`model[-1].coef_`.",
        "`np.sum(coef != 0)` counts the features kept; `X.columns[coef != 0]` names them.",
    ),
)
def _grade_1(n_nonzero, selected):
    reference = _exercise_1()
    expected = reference["selected"]
    count = expect_int("n_nonzero", n_nonzero)
    if count != len(expected):
        if count == len(reference["dropped"]):
            raise Incorrect(
                f"`n_nonzero` = {count} is the number of coefficients that are *zero*; "
                "count the non-zero ones."
            )
        if count == len(reference["raw"]):
            raise Incorrect(
                f"`n_nonzero` = {count} is what the lasso keeps on *raw* features; "
                "standardize them first (StandardScaler in the pipeline)."
            )
        if count == len(reference["default"]):
            raise Incorrect(
                f"`n_nonzero` = {count}: load the data with scaled=False and "
                "standardize it; the default columns have sum of squares 1, which "
                "makes α = 2 far stronger."
            )
        raise Incorrect(
            f"`n_nonzero` = {count} is not the number of features the lasso keeps at α = 2."
        )
    names = _names("selected", selected, reference["names"])
    if len(set(names)) != len(names):
        raise Incorrect("`selected` names a feature more than once; list each kept feature once.")
    if sorted(names) != sorted(expected):
        if sorted(names) == sorted(reference["dropped"]):
            raise Incorrect(
                "`selected` lists the features the lasso *dropped*; list those with "
                "coefficient != 0."
            )
        raise Incorrect("`selected` is not the set of features with non-zero coefficients.")
    return f"At α = 2 the lasso drops {', '.join(reference['dropped'])}."


# --------------------------------------------------------------------------- exercise 2


def _alpha_max(X: Any, y: Any) -> float:
    """α_max of the standardized features of ``X`` and the centred ``y``."""
    from sklearn.preprocessing import StandardScaler

    Z = StandardScaler().fit_transform(X)
    y_c = np.asarray(y, dtype=float) - np.mean(y)
    return float(np.max(np.abs(Z.T @ y_c)) / len(y_c))


@cache
def _exercise_2() -> dict[str, Any]:
    from sklearn.linear_model import LinearRegression, lasso_path
    from sklearn.model_selection import train_test_split
    from sklearn.preprocessing import StandardScaler

    X, y = _diabetes()
    names = X.columns.to_numpy()
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=1)
    Z = StandardScaler().fit_transform(X_train)
    y_c = (y_train - y_train.mean()).to_numpy()
    n = len(y_c)
    alpha_max = float(np.max(np.abs(Z.T @ y_c)) / n)
    alphas, coefs, _ = lasso_path(Z, y_c, alphas=np.geomspace(alpha_max, alpha_max / 1000, 200))
    entry = {name: alphas[np.flatnonzero(c)[0]] for name, c in zip(names, coefs)}
    order = sorted(entry, key=lambda name: entry[name], reverse=True)
    raw = X_train.to_numpy()
    ols = LinearRegression().fit(Z, y_c).coef_
    return {
        "names": names.tolist(),
        "alpha_max": alpha_max,
        "alpha_max_times_n": alpha_max * n,
        "alpha_max_half": alpha_max / 2,
        "alpha_max_raw": float(np.max(np.abs((raw - raw.mean(axis=0)).T @ y_c)) / n),
        "alpha_max_ddof1": float(np.max(np.abs(Z.T @ y_c)) / n * np.sqrt((n - 1) / n)),
        "alpha_max_all_rows": _alpha_max(X, y),
        "alpha_max_test": _alpha_max(X_test, y_test),
        "first_three": order[:3],
        "ols_order": names[np.argsort(-np.abs(ols))][:3].tolist(),
    }


@EXERCISES.exercise(
    "2",
    hints=(
        "α_max is where the lasso's optimality (KKT) condition holds with every weight at zero: then "
        "the residual is the centred y, and a zero weight needs |x_j @ r| / n <= α for every "
        "feature j. The first feature to enter is the one that breaks this first.",
        "Standardize the training features (`Z = StandardScaler().fit_transform(X_train)`) and centre "
        "y (`y_c = y_train - y_train.mean()`); then `alpha_max = np.max(np.abs(Z.T @ y_c)) / n`.",
        "`alphas, coefs, _ = lasso_path(Z, y_c, alphas=np.geomspace(alpha_max, alpha_max / 1000, 200))`; "
        "`coefs` has one row per feature. A feature enters at the largest α where its row is non-zero: "
        "`alphas[np.flatnonzero(row)[0]]`.",
        "Sort the features by their entry α, largest first, and keep the first three names.",
    ),
)
def _grade_2(alpha_max, first_three):
    reference = _exercise_2()
    expect_close(
        "alpha_max",
        alpha_max,
        reference["alpha_max"],
        tol=0.01,
        mistakes=[
            (
                reference["alpha_max_times_n"],
                "divide by n: Lasso's error term is averaged over the samples.",
            ),
            (
                reference["alpha_max_half"],
                "the derivative of (1/2n)·||r||² is −Xᵀr/n: divide by n, not 2n.",
            ),
            (reference["alpha_max_raw"], "that uses raw features; standardize them first."),
            (
                reference["alpha_max_ddof1"],
                "the features were scaled with the sample standard deviation (ddof=1); "
                "standardize them as StandardScaler does (ddof=0).",
            ),
            (
                reference["alpha_max_all_rows"],
                "that uses all 442 patients; the exercise works on the training split only.",
            ),
            (
                reference["alpha_max_test"],
                "that uses the test split; compute it on the training split (X_train, y_train).",
            ),
        ],
    )
    names = _names(
        "first_three", expect_sequence("first_three", first_three, 3), reference["names"]
    )
    expected = reference["first_three"]
    if names != expected:
        if sorted(names) == sorted(expected):
            raise Incorrect(
                "`first_three` has the right features in the wrong order; list them "
                "in the order they enter as α *decreases* from alpha_max."
            )
        if names == reference["ols_order"]:
            raise Incorrect(
                "`first_three` ranks the features by their least-squares "
                "coefficients; the exercise asks for the order on the lasso path."
            )
        raise Incorrect("`first_three` are not the first three features to enter the lasso path.")
    return "The first feature to enter is always the one most correlated with y."


# --------------------------------------------------------------------------- exercise 3

_Z_3 = np.array([-3.0, -1.5, -1.0, -0.2, 0.0, 0.7, 1.0, 2.5])


def _soft(z: np.ndarray, t: float) -> np.ndarray:
    return np.sign(z) * np.maximum(np.abs(z) - t, 0.0)


_WRONG_3: list[tuple[Callable[[np.ndarray, float], np.ndarray], str]] = [
    (
        lambda z, t: np.where(np.abs(z) > t, z, 0.0),
        "that is *hard* thresholding: values outside [−t, t] must also move toward 0 by t.",
    ),
    (lambda z, t: np.maximum(np.abs(z) - t, 0.0), "the sign is lost: multiply by np.sign(z)."),
    (
        lambda z, t: z - t * np.sign(z),
        "values inside [−t, t] must become exactly 0, not cross over: clip with np.maximum(..., 0).",
    ),
    (
        lambda z, t: np.maximum(z - t, 0.0),
        "negative values must shrink toward 0 too: use np.sign(z) * np.maximum(np.abs(z) - t, 0).",
    ),
    (lambda z, t: z / (1 + t), "that is ridge's shrinkage z / (1 + t); the lasso thresholds."),
]


@EXERCISES.exercise(
    "3",
    hints=(
        "Minimize (w − z)²/2 + t·|w| by cases: for w > 0 the minimum is at z − t (if that is > 0), "
        "for w < 0 at z + t (if that is < 0); otherwise w = 0.",
        "Three cases: z > t gives z − t, z < −t gives z + t, anything in between gives 0.",
        "Without `if` (so it works on whole arrays): `np.sign(z) * np.maximum(np.abs(z) - t, 0)`.",
    ),
)
def _grade_3(soft):
    if not callable(soft):
        raise Incorrect(f"`soft` should be a function soft(z, t), got a {type(soft).__name__}.")
    for t in (1.0, 0.5):
        try:
            result = soft(_Z_3.copy(), t)
        except ValueError as error:
            if "truth value of an array" in str(error):
                raise Incorrect(
                    "soft(z, t) fails on an array: an `if` on an array is ambiguous. "
                    "Use np.sign, np.abs and np.maximum, which work element-wise."
                ) from None
            raise Incorrect(
                f"calling soft(z, {t}) on an array raised ValueError: {error}"
            ) from None
        except Exception as error:  # the learner's code: report whatever it raised
            raise Incorrect(
                f"calling soft(z, {t}) on an array raised {type(error).__name__}: {error}"
            ) from None
        try:
            values = np.asarray(result, dtype=float)
        except (TypeError, ValueError):
            raise Incorrect(
                f"soft(z, {t}) should return an array of numbers, got {type(result).__name__}."
            ) from None
        if values.shape != _Z_3.shape:
            raise Incorrect(
                f"soft(z, {t}) should return one value per element of z (shape "
                f"{_Z_3.shape}), got shape {values.shape}."
            )
        if not np.all(np.isfinite(values)):
            where = _Z_3[~np.isfinite(values)].tolist()
            why = (
                ": dividing by |z| fails at 0; take the sign with np.sign(z), which is 0 at 0"
                if where == [0.0]
                else "; it should return finite numbers everywhere"
            )
            raise Incorrect(f"soft(z, {t}) gives NaN or inf at z = {where}{why}.")
        if not np.allclose(values, _soft(_Z_3, t)):
            for wrong, message in _WRONG_3:
                if np.allclose(values, wrong(_Z_3, t)):
                    raise Incorrect(f"soft(z, {t}): {message}")
            raise Incorrect(
                f"soft(z, {t}) gives {np.round(values, 3).tolist()} for "
                f"z = {_Z_3.tolist()}; check the three cases."
            )
    return "This one line is where every exact zero of the lasso comes from."


# --------------------------------------------------------------------------- exercise 4


def _kept_4(seeds: list[int]) -> np.ndarray:
    from sklearn.linear_model import Lasso

    from regutils.datasets import make_correlated

    rows = []
    for seed in seeds:
        data = make_correlated(n_samples=60, seed=seed, **SOURCE_4)  # type: ignore[arg-type]
        rows.append(Lasso(alpha=ALPHA_4).fit(data.X.to_numpy(), data.y.to_numpy()).coef_ != 0)
    return np.array(rows)


@cache
def _exercise_4() -> tuple[np.ndarray, int, int]:
    nonzero = _kept_4(list(range(DRAWS_4)))
    return (
        nonzero.mean(axis=0),
        len({tuple(row) for row in nonzero}),
        len({tuple(row[:3]) for row in nonzero}),
    )


@cache
def _exercise_4_one_seed() -> np.ndarray:
    """The shares when every "fresh" training set is drawn with the same seed (0)."""
    return _kept_4([0]).mean(axis=0)


@EXERCISES.exercise(
    "4",
    hints=(
        "Each training set is a new sample from the source: a different seed for each one "
        "(k = 0 … 149). What you record per fit is which of the six coefficients are non-zero.",
        "`data = regutils.make_correlated(n_samples=60, seed=k, **source)`, then "
        "`Lasso(alpha=0.3).fit(data.X.to_numpy(), data.y.to_numpy()).coef_ != 0` (six booleans).",
        "Stack the 150 boolean rows into an array; its column means are the shares.",
        "For the subsets, turn each row into a tuple and count the distinct ones: "
        "`len({tuple(row) for row in kept})`.",
    ),
)
def _grade_4(keep_freq, n_subsets):
    shares, subsets, group_subsets = _exercise_4()
    values = expect_array("keep_freq", keep_freq, (6,), unit="feature")
    if not np.allclose(values, shares, atol=1e-9):
        if np.allclose(values, 100 * shares):
            raise Incorrect("`keep_freq` looks like percentages; give shares between 0 and 1.")
        if np.allclose(values, DRAWS_4 * shares):
            raise Incorrect("`keep_freq` holds counts; divide by the 150 training sets.")
        if np.allclose(values, 1 - shares):
            raise Incorrect(
                "`keep_freq` is the share of resamples where each coefficient is "
                "*zero*; the exercise asks how often it is kept (non-zero)."
            )
        if np.allclose(values, _exercise_4_one_seed()):
            raise Incorrect(
                "every training set was drawn with the same seed, so all 150 fits are the "
                "same; draw the k-th set with seed=k."
            )
        raise Incorrect(
            "`keep_freq` does not match the share of the 150 training sets in which each "
            "coefficient is non-zero (the k-th set drawn with seed=k)."
        )
    count = expect_int("n_subsets", n_subsets)
    if count != subsets:
        if count == group_subsets:
            raise Incorrect(
                f"`n_subsets` = {count} counts subsets of x0–x2 only; count the "
                "distinct sets of non-zero coefficients among all six features."
            )
        raise Incorrect(f"`n_subsets` = {count} is not the number of distinct selected sets.")
    return (
        f"{subsets} different selected sets in {DRAWS_4} training sets, and no member of the group "
        "is preferred: which one the lasso keeps says nothing about which one matters."
    )


# --------------------------------------------------------------------------- exercise 5


@cache
def _exercise_5() -> dict[str, float]:
    from sklearn.linear_model import Lasso
    from sklearn.model_selection import KFold, cross_val_score
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    X, y = _diabetes()
    cv = KFold(n_splits=5, shuffle=True, random_state=0)
    rmse, mse, kept = [], [], []
    for alpha in ALPHAS_5:
        model = make_pipeline(StandardScaler(), Lasso(alpha=alpha))
        scores = cross_val_score(model, X, y, cv=cv, scoring="neg_root_mean_squared_error")
        rmse.append(-scores)
        mse.append(scores**2)
        kept.append(int(np.sum(model.fit(X, y)[-1].coef_ != 0)))
    fold_rmse, fold_mse, n_kept = np.array(rmse), np.array(mse), np.array(kept)
    mean_rmse = fold_rmse.mean(axis=1)
    best = int(np.argmin(mean_rmse))
    four = int(np.argmin(np.where(n_kept <= MAX_FEATURES_5, mean_rmse, np.inf)))
    three = int(np.argmin(np.where(n_kept < MAX_FEATURES_5, mean_rmse, np.inf)))
    differences = fold_rmse[four] - fold_rmse[best]
    n = len(differences)
    return {
        "alpha_4": ALPHAS_5[four],
        "alpha_best": ALPHAS_5[best],
        "alpha_3": ALPHAS_5[three],
        "cost": float(differences.mean()),
        "cost_mse": float((fold_mse[four] - fold_mse[best]).mean()),
        "cost_se": float(differences.std(ddof=1) / np.sqrt(n)),
        "cost_se_ddof0": float(differences.std() / np.sqrt(n)),
        "cost_se_unpaired": float(fold_rmse[best].std(ddof=1) / np.sqrt(n)),
        "cost_se_no_sqrt": float(differences.std(ddof=1)),
        "n_kept_best": int(n_kept[best]),
    }


@EXERCISES.exercise(
    "5",
    hints=(
        "Two models scored on the same five folds: compare them fold by fold (paired), since the "
        "folds' own difficulty is shared by both. The restriction 'at most four features' is about "
        "the model fitted on all rows.",
        '`-cross_val_score(model, X, y, cv=cv, scoring="neg_root_mean_squared_error")` gives the '
        "five fold RMSEs of one α; stack them into a (30, 5) array, and count "
        "`np.sum(model.fit(X, y)[-1].coef_ != 0)` for each α.",
        "`differences = fold_rmse[four] - fold_rmse[best]`; `cost = differences.mean()`, "
        "`cost_se = differences.std(ddof=1) / np.sqrt(5)`.",
    ),
)
def _grade_5(alpha_4, cost, cost_se):
    ref = _exercise_5()
    expect_close(
        "alpha_4",
        alpha_4,
        ref["alpha_4"],
        tol=ref["alpha_4"] * 1e-6,
        mistakes=[
            (
                ref["alpha_best"],
                f"that is the best α overall, which keeps {ref['n_kept_best']} features; pick "
                "the best among the α that keep at most four.",
            ),
            (ref["alpha_3"], "that α keeps fewer than four features; at most four are allowed."),
        ],
    )
    expect_close(
        "cost",
        cost,
        ref["cost"],
        tol=1e-3,
        mistakes=[
            (-ref["cost"], "the sign is flipped: RMSE at alpha_4 minus RMSE at the best α."),
            (ref["cost_mse"], "that is a difference of MSEs; compare the RMSEs."),
        ],
    )
    expect_close(
        "cost_se",
        cost_se,
        ref["cost_se"],
        tol=1e-4,
        mistakes=[
            (
                ref["cost_se_unpaired"],
                "that is the standard error of one model's fold RMSEs; take the paired "
                "differences fold by fold and their standard error.",
            ),
            (ref["cost_se_ddof0"], "use the sample standard deviation, ddof=1."),
            (ref["cost_se_no_sqrt"], "divide the standard deviation by the square root of 5."),
        ],
    )
    return (
        f"Four features cost {ref['cost']:.2f} ± {ref['cost_se']:.2f} RMSE units (paired): a real "
        "but small loss, and now a decision made on a number."
    )
