"""Checks and hints for ``notebooks/04_elastic_net_exercises.ipynb``.

Each check recomputes the reference answer from the same data the exercise describes, then
compares; messages name the mistakes learners make most often (λ1 alone for alpha, the L2 share for
l1_ratio, the factor n between Ridge and ElasticNet, zeros counted instead of non-zeros, the lasso's
count, no StandardScaler, unpaired standard errors, one seed or seeds 1 … 50 for the fresh training
sets). Tolerances sit well inside the gap to the closest wrong recipe; odd answers (arrays where a
number goes, text, None, NaN) get a sentence saying what is expected.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import numpy as np

from regutils.feedback import ExerciseBook, Incorrect, expect_close, expect_int, expect_number

EXERCISES = ExerciseBook(notebook="04_elastic_net_exercises.ipynb")

LAMBDA_1, LAMBDA_2 = 0.2, 0.6
RIDGE_ALPHA = 30.0
L1_RATIOS = (0.1, 0.5, 0.9, 1.0)
SOURCE_3 = {
    "coef": (1, 1, 1, 0, 0, 0, 0, 0),
    "groups": [(0, 1, 2)],
    "correlation": 0.95,
    "noise": 2.0,
}
DRAWS_3 = 50
#: Exercise 3's tolerance: a rounding to 3 decimals passes; the closest wrong recipe (seeds 1 … 50
#: instead of 0 … 49) is 0.006 off in `lasso_spread` (0.002 in `enet_spread`).
TOL_3 = 1e-3


@cache
def _lesson_data() -> tuple[np.ndarray, np.ndarray]:
    from regutils.datasets import make_correlated

    X, y = make_correlated(
        n_samples=100,
        coef=(1.0,) * 4 + (0.0,) * 6,
        groups=[(0, 1, 2, 3)],
        correlation=0.9,
        noise=3.0,
        seed=0,
    )
    return X.to_numpy(), y.to_numpy()


@cache
def _n_nonzero(alpha: float, l1_ratio: float) -> int:
    from sklearn.linear_model import ElasticNet

    X, y = _lesson_data()
    return int(np.sum(ElasticNet(alpha=alpha, l1_ratio=l1_ratio).fit(X, y).coef_ != 0))


@EXERCISES.exercise(
    "1",
    hints=(
        "Match the two penalties term by term: alpha * l1_ratio must be λ1 = 0.2 and "
        "alpha * (1 - l1_ratio) must be λ2 = 0.6. Add the two equations.",
        "So alpha = λ1 + λ2 and l1_ratio = λ1 / (λ1 + λ2). For the second part, multiply the "
        "elastic-net objective by 2n and compare it with Ridge's ‖y - Xw‖² + alpha_ridge ‖w‖².",
        "Ridge(alpha=a * n) equals ElasticNet(alpha=a, l1_ratio=0): here n = len(y) = 100.",
    ),
)
def _grade_1(alpha, l1_ratio, n_nonzero, enet_alpha):
    total = LAMBDA_1 + LAMBDA_2
    expect_close(
        "alpha",
        alpha,
        total,
        tol=1e-6,
        mistakes=[
            (LAMBDA_1, "that is λ1 alone; alpha is the total strength, λ1 + λ2."),
            (
                LAMBDA_1 + LAMBDA_2 / 2,
                "the 1/2 belongs to the objective, not to λ2: "
                "λ2 = alpha * (1 - l1_ratio), so alpha = λ1 + λ2.",
            ),
        ],
    )
    expect_close(
        "l1_ratio",
        l1_ratio,
        LAMBDA_1 / total,
        tol=1e-6,
        mistakes=[
            (
                LAMBDA_2 / total,
                "that is the share of the L2 part; l1_ratio is the L1 share, λ1 / (λ1 + λ2).",
            ),
            (LAMBDA_1 / LAMBDA_2, "l1_ratio is λ1 / (λ1 + λ2), not λ1 / λ2."),
        ],
    )
    count = expect_int("n_nonzero", n_nonzero)
    expected = _n_nonzero(total, LAMBDA_1 / total)
    if count != expected:
        if count == _n_nonzero(total, LAMBDA_2 / total):
            raise Incorrect(
                f"`n_nonzero` = {count} is the count for l1_ratio = 0.75; fit with l1_ratio = 0.25."
            )
        if count == len(_lesson_data()[0][0]) - expected:
            raise Incorrect(
                f"`n_nonzero` = {count} is the number of coefficients that are *zero*; "
                "count the non-zero ones."
            )
        if count == _n_nonzero(LAMBDA_1, 1.0):
            raise Incorrect(
                f"`n_nonzero` = {count} is what Lasso(alpha=0.2), the L1 part alone, keeps; "
                "fit ElasticNet(alpha=alpha, l1_ratio=l1_ratio), with its L2 part."
            )
        raise Incorrect(
            f"`n_nonzero` = {count} is not the number of non-zero coefficients of "
            "ElasticNet(alpha=alpha, l1_ratio=l1_ratio) fitted on X, y."
        )
    n = len(_lesson_data()[1])
    expect_close(
        "enet_alpha",
        enet_alpha,
        RIDGE_ALPHA / n,
        tol=1e-9,
        mistakes=[
            (
                RIDGE_ALPHA,
                "Ridge does not divide the squared error by 2n, ElasticNet does: the "
                "alphas differ by a factor n = 100.",
            ),
            (
                RIDGE_ALPHA * n,
                "the factor n goes the other way: Ridge(alpha=a * n) equals "
                "ElasticNet(alpha=a, l1_ratio=0).",
            ),
            (
                RIDGE_ALPHA / (2 * n),
                "the 1/2 in front of λ2 cancels the 2 of 2n: divide by n only.",
            ),
        ],
    )
    return "alpha is λ1 + λ2, l1_ratio the L1 share, and Ridge's alpha is n times ElasticNet's."


@cache
def _exercise_2(scaled: bool, standardize: bool) -> tuple[float, float, int]:
    search = _search_2(scaled, standardize)
    return float(search.alpha_), float(search.l1_ratio_), int(np.sum(search.coef_ != 0))


@cache
def _search_2(scaled: bool, standardize: bool) -> Any:
    from sklearn.datasets import load_diabetes
    from sklearn.linear_model import ElasticNetCV
    from sklearn.model_selection import KFold
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    X, y = load_diabetes(return_X_y=True, as_frame=True, scaled=scaled)
    cv = KFold(n_splits=5, shuffle=True, random_state=0)
    steps = [StandardScaler()] if standardize else []
    model = make_pipeline(*steps, ElasticNetCV(l1_ratio=list(L1_RATIOS), alphas=50, cv=cv))
    return model.fit(X, y)[-1]


@cache
def _gap_2() -> dict[str, float]:
    search = _search_2(scaled=False, standardize=True)
    folds = search.mse_path_  # (l1_ratio, alpha, fold)
    mean_mse = folds.mean(axis=2)
    i, j = np.unravel_index(np.argmin(mean_mse), mean_mse.shape)
    ridge_like = folds[0, np.argmin(mean_mse[0])]
    differences = ridge_like - folds[i, j]
    n = len(differences)
    return {
        "gap_01": float(differences.mean()),
        "gap_se": float(differences.std(ddof=1) / np.sqrt(n)),
        "gap_se_unpaired": float(folds[i, j].std(ddof=1) / np.sqrt(n)),
        "gap_se_ddof0": float(differences.std() / np.sqrt(n)),
        "gap_se_no_sqrt": float(differences.std(ddof=1)),
        "gap_rmse": float(np.sqrt(mean_mse[0].min()) - np.sqrt(mean_mse[i, j])),
    }


@EXERCISES.exercise(
    "2",
    hints=(
        "Put the StandardScaler and the ElasticNetCV in one pipeline, so every fold is scaled "
        "with its own training rows. To compare two settings on the same folds, compare them fold "
        "by fold: the folds' own difficulty cancels in the paired differences.",
        "Fit the whole pipeline on X_d, y_d; the fitted ElasticNetCV is its last step, "
        "`pipeline[-1]`. Its chosen values are `alpha_` and `l1_ratio_`; count the non-zero "
        "`coef_` with `np.sum(coef_ != 0)`.",
        "`search.mse_path_` has shape (l1_ratio, alpha, fold). With `mean_mse = "
        "search.mse_path_.mean(axis=2)` and `i, j` the position of its minimum: "
        "`differences = search.mse_path_[0, np.argmin(mean_mse[0])] - search.mse_path_[i, j]`.",
    ),
)
def _grade_2(best_alpha, best_l1_ratio, n_nonzero_d, gap_01, gap_se):
    alpha, ratio, count = _exercise_2(scaled=False, standardize=True)
    raw_alpha = _exercise_2(scaled=False, standardize=False)[0]
    default_alpha = _exercise_2(scaled=True, standardize=False)[0]
    expect_close(
        "best_alpha",
        best_alpha,
        alpha,
        tol=alpha * 1e-4,
        mistakes=[
            (
                raw_alpha,
                "that is the choice without the StandardScaler: put it first in the "
                "pipeline, so every feature is penalized on the same scale.",
            ),
            (
                default_alpha,
                "that comes from load_diabetes' default scaled=True data without a "
                "StandardScaler; load it with scaled=False and standardize in the "
                "pipeline.",
            ),
        ],
    )
    expect_close("best_l1_ratio", best_l1_ratio, ratio, tol=1e-9)
    got = expect_int("n_nonzero_d", n_nonzero_d)
    if got != count:
        raise Incorrect(
            f"`n_nonzero_d` = {got} is not the number of non-zero coefficients of "
            "the fitted ElasticNetCV (`pipeline[-1].coef_`)."
        )
    ref = _gap_2()
    expect_close(
        "gap_01",
        gap_01,
        ref["gap_01"],
        tol=0.05,
        mistakes=[
            (-ref["gap_01"], "the sign is flipped: l1_ratio 0.1 minus the chosen model."),
            (ref["gap_rmse"], "that is a difference of RMSEs; the CV errors here are MSEs."),
        ],
    )
    expect_close(
        "gap_se",
        gap_se,
        ref["gap_se"],
        tol=0.05,
        mistakes=[
            (
                ref["gap_se_unpaired"],
                "that is the standard error of one model's fold errors; take the "
                "differences fold by fold (paired) and their standard error.",
            ),
            (ref["gap_se_ddof0"], "use the sample standard deviation, ddof=1."),
            (ref["gap_se_no_sqrt"], "divide the standard deviation by the square root of 5."),
        ],
    )
    return (
        f"The ridge-like mix is worse by {ref['gap_01']:.0f} ± {ref['gap_se']:.0f} (paired SE): "
        f"about {ref['gap_01'] / ref['gap_se']:.1f} standard errors, not clearly worse; CV does "
        "not settle the mix here."
    )


def _fit_3(seeds: list[int]) -> dict[str, np.ndarray]:
    from sklearn.linear_model import ElasticNet, Lasso

    from regutils.datasets import make_correlated

    sets = [make_correlated(n_samples=80, seed=k, **SOURCE_3) for k in seeds]  # type: ignore[arg-type]
    return {
        name: np.array([model.fit(X.to_numpy(), y.to_numpy()).coef_.copy() for X, y in sets])
        for name, model in (
            ("lasso", Lasso(alpha=0.3)),
            ("enet", ElasticNet(alpha=0.6, l1_ratio=0.5)),
        )
    }


@cache
def _exercise_3() -> dict[str, float]:
    result: dict[str, float] = {}
    for tag, seeds in (
        ("", list(range(DRAWS_3))),
        ("_one_seed", [0] * DRAWS_3),
        ("_from_1", list(range(1, DRAWS_3 + 1))),
    ):
        for name, coefs in _fit_3(seeds).items():
            group = coefs[:, :3]
            result[f"{name}_kept{tag}"] = float((group != 0).sum(axis=1).mean())
            result[f"{name}_spread{tag}"] = float(group.std(axis=1).mean())
            if not tag:
                result[f"{name}_kept_all"] = float((coefs != 0).sum(axis=1).mean())
                result[f"{name}_spread_ddof1"] = float(group.std(axis=1, ddof=1).mean())
                result[f"{name}_across"] = float(group.std(axis=0).mean())
    return result


@EXERCISES.exercise(
    "3",
    hints=(
        "A claim about the method needs new samples: each training set gets its own seed "
        "(k = 0 … 49). Per fit you need only the group's three weights; 'spread within a fit' is "
        "the standard deviation across those three.",
        "Loop over k: `X_k, y_k = regutils.make_correlated(n_samples=80, seed=k, **source)`, fit "
        "each model on `X_k.to_numpy(), y_k.to_numpy()` and keep `coef_[:3]`. Stack them into a "
        "(50, 3) array per model.",
        "Kept: `(weights != 0).sum(axis=1).mean()`. Spread: `weights.std(axis=1).mean()` — axis=1 "
        "is the spread *within* a resample.",
    ),
)
def _grade_3(lasso_kept, enet_kept, lasso_spread, enet_spread):
    ref = _exercise_3()
    names = ("lasso_kept", "enet_kept", "lasso_spread", "enet_spread")
    values = (lasso_kept, enet_kept, lasso_spread, enet_spread)
    answer = tuple(expect_number(name, value) for name, value in zip(names, values))
    right = tuple(ref[name] for name in names)
    if not np.allclose(answer, right, rtol=0, atol=TOL_3):
        if np.allclose(answer[::2], [ref[f"{n}_one_seed"] for n in names[::2]], rtol=0, atol=TOL_3):
            raise Incorrect(
                "every training set was drawn with the same seed, so all 50 fits are the same; "
                "draw the k-th set with seed=k."
            )
        if np.allclose(answer, [ref[f"{n}_from_1"] for n in names], rtol=0, atol=TOL_3):
            raise Incorrect(
                "those are the values for seeds 1 … 50; draw the k-th set with seed=k for "
                "k = 0, 1, …, 49 (`range(50)`)."
            )
    for name, value in (("lasso", lasso_kept), ("enet", enet_kept)):
        expect_close(
            f"{name}_kept",
            value,
            ref[f"{name}_kept"],
            tol=TOL_3,
            mistakes=[
                (
                    ref[f"{name}_kept_all"],
                    "that counts all eight weights; count only the group, x0-x2 (`coef_[:3]`).",
                ),
                (
                    ref[f"{'enet' if name == 'lasso' else 'lasso'}_kept"],
                    "that is the other model's value: check which model is which.",
                ),
            ],
        )
    for name, value in (("lasso", lasso_spread), ("enet", enet_spread)):
        other = "enet" if name == "lasso" else "lasso"
        expect_close(
            f"{name}_spread",
            value,
            ref[f"{name}_spread"],
            tol=TOL_3,
            mistakes=[
                (
                    ref[f"{name}_spread_ddof1"],
                    "use NumPy's default std (ddof=0), as the exercise says.",
                ),
                (
                    ref[f"{name}_across"],
                    "that is the spread *across* resamples (axis=0); the "
                    "exercise asks for the spread within each resample "
                    "(axis=1), averaged.",
                ),
                (
                    ref[f"{other}_spread"],
                    "that is the other model's value: check which model is which.",
                ),
            ],
        )
    return (
        "Same λ1, plus an L2 part: on every fresh training set the whole group stays, with far "
        "more even weights — a property of the method, not of one sample."
    )
