"""Checks and hints for ``notebooks/05_tuning_exercises.ipynb``.

Each check recomputes the reference answer from the same data the exercise describes, then
compares; messages name the mistakes learners make most often.
"""

from __future__ import annotations

from functools import cache

import numpy as np

from regutils.feedback import (
    ExerciseBook,
    Incorrect,
    expect_close,
    expect_number,
    expect_summary,
)

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
# Exercise 2: the ridge's grid; exercise 3: the lasso's grid. The folds of both are fixed on
# purpose (random_state 1 for the inner folds, 2 for the outer folds), as in the notebook.
RIDGE_ALPHAS = tuple(float(a) for a in np.logspace(-2, 3, 11))
LASSO_ALPHAS = tuple(float(a) for a in np.logspace(-1, 1.5, 21))
INNER_SEED, OUTER_SEED = 1, 2
TOLERATED_COST = 0.05  # exercise 3: the clinic accepts up to 5 % more RMSE


def _diabetes() -> tuple[np.ndarray, np.ndarray]:
    from sklearn.datasets import load_diabetes

    X, y = load_diabetes(return_X_y=True, scaled=False)
    return X, y


def _folds(seed: int):
    from sklearn.model_selection import KFold

    return KFold(n_splits=5, shuffle=True, random_state=seed)


# --------------------------------------------------------------------------- exercise 1


def _one_se(margin: str, simpler: str) -> float:
    from regutils.model_selection import one_standard_error_rule_from_folds

    return one_standard_error_rule_from_folds(
        ALPHAS, FOLD_RMSE, simpler=simpler, greater_is_better=False, margin=margin
    )


@EXERCISES.exercise(
    "1",
    hints=(
        "The rule has three steps: find the alpha with the lowest mean RMSE; draw a threshold at "
        "that mean plus *its* standard error; among the alphas at or under the threshold, take "
        "the simplest model — for alpha, the largest (the strongest penalty).",
        "Means and standard errors over the 5 folds (one row per alpha): "
        "`fold_rmse.mean(axis=1)` and `fold_rmse.std(axis=1, ddof=1) / np.sqrt(5)`; the best "
        "alpha is `alphas[np.argmin(mean_rmse)]`.",
        "`one_standard_error_rule(alphas, mean_rmse, standard_errors, simpler='higher', "
        "greater_is_better=False)` gives `one_se_alpha`.",
    ),
)
def _grade_1(best_alpha, one_se_alpha):
    for name, value in (("best_alpha", best_alpha), ("one_se_alpha", one_se_alpha)):
        expect_summary(name, value, "an array, not one alpha", "one of the six alphas, a float")
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


def _ridge_search(scoring: str = "neg_root_mean_squared_error"):
    from sklearn.linear_model import Ridge
    from sklearn.model_selection import GridSearchCV
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    return GridSearchCV(
        make_pipeline(StandardScaler(), Ridge()),
        {"ridge__alpha": list(RIDGE_ALPHAS)},
        cv=_folds(INNER_SEED),
        scoring=scoring,
    )


@cache
def _exercise_2() -> dict[str, float]:
    """The reference answers of exercise 2: nested RMSE, best inner RMSE, chosen alpha."""
    from sklearn.model_selection import cross_val_score

    X, y = _diabetes()
    rmse = "neg_root_mean_squared_error"
    nested = float(
        -cross_val_score(_ridge_search(), X, y, cv=_folds(OUTER_SEED), scoring=rmse).mean()
    )
    search = _ridge_search().fit(X, y)
    best_alpha = float(search.best_params_["ridge__alpha"])
    return {"nested": nested, "best_inner": float(-search.best_score_), "best_alpha": best_alpha}


@cache
def _exercise_2_mistakes() -> dict[str, float]:
    """What the typical mistakes of exercise 2 give; computed only for a wrong answer."""
    from sklearn.linear_model import Ridge
    from sklearn.model_selection import cross_val_score
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    X, y = _diabetes()
    rmse = "neg_root_mean_squared_error"
    best_alpha = _exercise_2()["best_alpha"]
    # Mistake: tune on all rows, then score the tuned model (alpha fixed) on the outer folds.
    tuned_then_scored = float(
        -cross_val_score(
            make_pipeline(StandardScaler(), Ridge(alpha=best_alpha)),
            X,
            y,
            cv=_folds(OUTER_SEED),
            scoring=rmse,
        ).mean()
    )
    # Mistake: the same procedure scored in MSE instead of RMSE.
    nested_mse = float(
        -cross_val_score(
            _ridge_search("neg_mean_squared_error"),
            X,
            y,
            cv=_folds(OUTER_SEED),
            scoring="neg_mean_squared_error",
        ).mean()
    )
    return {"tuned_then_scored": tuned_then_scored, "nested_mse": nested_mse}


@EXERCISES.exercise(
    "2",
    hints=(
        "Think of the tuning as part of the model: the thing to score is 'search over alpha, then "
        "fit'. Which object does that, and which function scores an object on the outer folds?",
        "A `GridSearchCV(model, {'ridge__alpha': alphas}, cv=inner, "
        "scoring='neg_root_mean_squared_error')` is itself an estimator: give it, *unfitted*, to "
        "`cross_val_score(search, X, y, cv=outer, scoring='neg_root_mean_squared_error')`. "
        "Scores come back negated.",
        "Then `search.fit(X, y)`: `-search.best_score_` is the best inner RMSE and "
        "`search.best_params_['ridge__alpha']` the chosen alpha.",
    ),
)
def _grade_2(nested_rmse, best_inner_rmse, best_alpha):
    ref = _exercise_2()
    tol = 1e-3
    how = "their mean, e.g. `outer_rmse.mean()`"
    nested = expect_summary("nested_rmse", nested_rmse, "one per outer fold?", how)
    expect_summary("best_inner_rmse", best_inner_rmse, "one per fold?", "`-search.best_score_`")
    expect_summary(
        "best_alpha", best_alpha, "not one alpha", "`search.best_params_['ridge__alpha']`"
    )
    if nested < 0 or expect_number("best_inner_rmse", best_inner_rmse) < 0:
        raise Incorrect(
            "an RMSE is positive: scikit-learn's 'neg_root_mean_squared_error' scores are "
            "negated (higher is better), so put a minus sign in front of them."
        )
    if abs(nested - ref["nested"]) > tol:  # only now compute what the typical mistakes give
        wrong = _exercise_2_mistakes()
        expect_close(
            "nested_rmse",
            nested,
            ref["nested"],
            tol=tol,
            mistakes=[
                (
                    ref["best_inner"],
                    "that is the best inner score: alpha was tuned and scored on the same "
                    "folds. Score the search itself on the outer folds.",
                ),
                (
                    wrong["tuned_then_scored"],
                    "that scores the already-tuned model (alpha fixed at the choice made on "
                    "all rows) on the outer folds, so the outer test parts helped choose "
                    "alpha. Pass the unfitted GridSearchCV to cross_val_score: each outer "
                    "training part must tune on its own.",
                ),
                (
                    wrong["nested_mse"],
                    "that is a mean squared error; the exercise asks for the RMSE "
                    "(scoring='neg_root_mean_squared_error').",
                ),
                (
                    float(np.sqrt(wrong["nested_mse"])),
                    "that is the square root of the mean MSE over the outer folds; the exercise "
                    "asks for the mean of the five outer RMSEs "
                    "(scoring='neg_root_mean_squared_error').",
                ),
            ],
        )
    expect_close(
        "best_inner_rmse",
        best_inner_rmse,
        ref["best_inner"],
        tol=tol,
        mistakes=[
            (
                ref["nested"],
                "that is the nested score; `best_inner_rmse` is `-search.best_score_` after "
                "`search.fit(X, y)`.",
            ),
        ],
    )
    expect_close(
        "best_alpha",
        best_alpha,
        ref["best_alpha"],
        tol=0.01 * ref["best_alpha"],  # the grid's neighbours are 3.16× away
    )
    return (
        "Report the nested RMSE (with its spread): the best inner RMSE was chosen on the folds "
        "that scored it."
    )


# --------------------------------------------------------------------------- exercise 3


@cache
def _exercise_3() -> dict[str, tuple[float, ...]]:
    """Per outer fold: test RMSE and features kept of both rules; and the non-nested costs."""
    from sklearn.linear_model import Lasso
    from sklearn.metrics import root_mean_squared_error
    from sklearn.model_selection import validation_curve
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    from regutils.model_selection import one_standard_error_rule_from_folds

    X, y = _diabetes()
    alphas = np.array(LASSO_ALPHAS)

    def curve(X_part, y_part, folds):
        _, scores = validation_curve(
            make_pipeline(StandardScaler(), Lasso()),
            X_part,
            y_part,
            param_name="lasso__alpha",
            param_range=alphas,
            cv=folds,
            scoring="neg_root_mean_squared_error",
        )
        return -scores

    def choices(fold_rmse):
        best = float(alphas[np.argmin(fold_rmse.mean(axis=1))])
        one_se = one_standard_error_rule_from_folds(
            alphas, fold_rmse, simpler="higher", greater_is_better=False
        )
        return best, one_se

    result: dict[str, list[float]] = {"best": [], "one_se": [], "kept_best": [], "kept_one_se": []}
    for train, test in _folds(OUTER_SEED).split(X):
        for key, alpha in zip(
            ("best", "one_se"), choices(curve(X[train], y[train], _folds(INNER_SEED)))
        ):
            fitted = make_pipeline(StandardScaler(), Lasso(alpha=alpha)).fit(X[train], y[train])
            result[key].append(root_mean_squared_error(y[test], fitted.predict(X[test])))
            result[f"kept_{key}"].append(float(np.sum(fitted[-1].coef_ != 0)))
    # Mistake: no nesting; both choices read off one validation curve on all rows (outer folds).
    whole = curve(X, y, _folds(OUTER_SEED))
    best, one_se = choices(whole)
    index = {float(a): i for i, a in enumerate(alphas)}
    result["flat"] = list(whole[index[one_se]] - whole[index[best]])
    return {key: tuple(values) for key, values in result.items()}


def _summary(differences: tuple[float, ...]) -> tuple[float, float, float]:
    d = np.array(differences)
    sd = float(d.std(ddof=1))
    return float(d.mean()), sd / np.sqrt(len(d)), sd


@EXERCISES.exercise(
    "3",
    hints=(
        "Nested CV scores a *procedure*. Here there are two procedures — 'tune by the lowest mean' "
        "and 'tune by the one-SE rule' — and both must make their choice on the outer training "
        "part only, then be scored on the same outer test part. Paired differences on the same "
        "test parts remove the fold-to-fold variation both share.",
        "Loop `for train, test in outer.split(X):`; inside, `validation_curve(..., X[train], "
        "y[train], param_name='lasso__alpha', param_range=alphas, cv=inner, "
        "scoring='neg_root_mean_squared_error')` gives (negated) fold RMSEs; the means and "
        "standard errors over its columns give both choices "
        "(`one_standard_error_rule(..., simpler='higher', greater_is_better=False)`).",
        "Refit each choice with `make_pipeline(StandardScaler(), Lasso(alpha=...))` on "
        "`X[train], y[train]`, score `root_mean_squared_error(y[test], model.predict(X[test]))`, "
        "count `np.sum(model[-1].coef_ != 0)`. Then `d = one_se - lowest` per fold, "
        "`cost = d.mean()`, `cost_se = d.std(ddof=1) / np.sqrt(5)`; compare `cost` with 5 % of "
        "the lowest-mean rule's mean RMSE.",
    ),
)
def _grade_3(cost, cost_se, features_saved, rule):
    expect_summary("cost", cost, "one per outer fold?", "the mean of the paired differences")
    expect_summary(
        "cost_se", cost_se, "one per outer fold?", "the standard error of their mean, one number"
    )
    expect_summary(
        "features_saved", features_saved, "one per outer fold?", "their mean over the folds"
    )
    ref = _exercise_3()
    differences = tuple(a - b for a, b in zip(ref["one_se"], ref["best"]))
    mean, se, sd = _summary(differences)
    tol = 1e-3
    flat_mean, flat_se, _ = _summary(ref["flat"])
    expect_close(
        "cost",
        cost,
        mean,
        tol=tol,
        mistakes=[
            (
                -mean,
                "the sign is reversed: the cost is one-SE minus lowest mean (positive if "
                "the simpler model is worse).",
            ),
            (
                flat_mean,
                "that reads both choices off one validation curve on all rows: the folds that "
                "chose alpha also scored it. Choose inside each outer training part (inner "
                "folds), score on the outer test part.",
            ),
        ],
    )
    unpaired = float(
        np.hypot(np.std(ref["one_se"], ddof=1), np.std(ref["best"], ddof=1)) / np.sqrt(5)
    )
    expect_close(
        "cost_se",
        cost_se,
        se,
        tol=tol,
        mistakes=[
            (sd, "that is the standard deviation of the differences; divide by sqrt(5)."),
            (
                sd * np.sqrt(4 / 5) / np.sqrt(5),
                "that standard deviation uses `ddof=0`; the exercise asks for `ddof=1` (the "
                "sample standard deviation of five differences).",
            ),
            (
                unpaired,
                "that treats the two rules' RMSEs as independent. They were scored on the same "
                "outer test parts: take the standard error of the five paired differences.",
            ),
            (
                flat_se,
                "that comes from one validation curve on all rows, not from the outer folds.",
            ),
        ],
    )
    saved = float(np.mean(ref["kept_best"]) - np.mean(ref["kept_one_se"]))
    expect_close(
        "features_saved",
        features_saved,
        saved,
        tol=1e-9,
        mistakes=[
            (-saved, "the sign is reversed: how many *fewer* features the one-SE choice keeps."),
            (
                float(np.mean(ref["kept_one_se"])),
                "that is how many features the one-SE choice keeps; the exercise asks how many "
                "fewer than the lowest-mean choice.",
            ),
        ],
    )
    if not isinstance(rule, str) or rule not in ("lowest mean", "one-SE"):
        raise Incorrect(f'`rule` should be "lowest mean" or "one-SE", got {rule!r}.')
    relative = mean / float(np.mean(ref["best"]))
    expected = "one-SE" if relative < TOLERATED_COST else "lowest mean"
    if rule != expected:
        if expected == "one-SE":
            raise Incorrect(
                f"the one-SE rule costs {relative:.1%} of the lowest-mean rule's RMSE — inside "
                f"the clinic's 5 % — and saves {saved:.1f} measurements on average. Your own "
                "numbers favour it."
            )
        raise Incorrect(
            f"the one-SE rule costs {relative:.1%} of the RMSE, more than the clinic's 5 %."
        )
    return (
        f"The one-SE rule saves {saved:.1f} measurements for {mean:.2f} ± {se:.2f} RMSE "
        f"({relative:.1%}): a real but small cost, inside the clinic's tolerance."
    )
