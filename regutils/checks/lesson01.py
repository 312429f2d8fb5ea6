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
    expect_number,
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


def _sine(n_samples: int, noise: float, seed: int, *, even: bool = False):
    from regutils.datasets import make_sine

    return make_sine(
        n_samples=n_samples, noise=noise, spacing="even" if even else "random", seed=seed
    )


@cache
def _exercise_1(noise: float = 0.1) -> dict[str, Any]:
    """Exercise 1's errors by degree (training, validation, test) at the given noise level."""
    X_train, y_train = _sine(10, noise, 3, even=True)
    X_val, y_val = _sine(20, noise, 2)
    X_test, y_test = _sine(1000, noise, 1)
    models = [_polynomial(d).fit(X_train, y_train) for d in DEGREES]
    chosen = int(np.argmin([_rmse(m, X_val, y_val) for m in models]))
    X_both, y_both = np.vstack([X_train, X_val]), np.concatenate([y_train, y_val])
    refit = _polynomial(chosen).fit(X_both, y_both)
    return {
        "train": [_rmse(m, X_train, y_train) for m in models],
        "validation": [_rmse(m, X_val, y_val) for m in models],
        "test": [_rmse(m, X_test, y_test) for m in models],
        "chosen": chosen,
        "refit_test": _rmse(refit, np.asarray(X_test), y_test),
    }


#: Exercise 1's tolerance: the printed RMSEs are rounded to 3 decimals (an error of at most
#: 0.0005); the nearest wrong value, another degree's RMSE, is 0.0016 away.
_TOL_1 = 6e-4


def _other_degrees(errors: list[float], chosen: int, what: str) -> list[tuple[float, str]]:
    """The mistakes "that is another degree's RMSE" (an index or a variable from another fit)."""
    return [
        (
            error,
            f"that is the {what} of degree {degree}; report the one of the degree you chose.",
        )
        for degree, error in enumerate(errors)
        if degree != chosen
    ]


@EXERCISES.exercise(
    "1",
    hints=(
        "Three sets, three jobs (lesson section 9): fit every degree on the training points, "
        "compare the degrees on the validation points, and only then score the one you chose on "
        "the test points — once.",
        "`val_errors = {d: root_mean_squared_error(y_val, polynomial(d).fit(X_train, y_train)"
        ".predict(X_val)) for d in degrees}`; `min(val_errors, key=val_errors.get)` is the degree "
        "with the smallest validation RMSE.",
        "`final_rmse = root_mean_squared_error(y_test, polynomial(chosen_degree).fit(X_train, "
        "y_train).predict(X_test))` is the only line that touches the test set.",
    ),
)
def _grade_1(chosen_degree, val_rmse, final_rmse):
    reference = _exercise_1()
    expected = reference["chosen"]
    degree = expect_int("chosen_degree", chosen_degree)
    if degree != expected:
        if degree == int(np.argmin(reference["test"])):
            raise Incorrect(
                f"`chosen_degree` = {degree} has the lowest *test* RMSE: that is choosing on the "
                "test set, which makes the test score optimistic. Choose by the validation RMSE, "
                "then score the chosen degree on the test set once."
            )
        if degree == int(np.argmin(reference["train"])):
            raise Incorrect(
                f"`chosen_degree` = {degree} has the lowest *training* error; choose by the "
                "validation error."
            )
        if degree == _exercise_1(0.3)["chosen"]:
            raise Incorrect(
                f"`chosen_degree` = {degree} is the choice at noise 0.3; draw all three sets "
                "with noise=0.1."
            )
        raise Incorrect(
            f"`chosen_degree` = {degree} is not the degree with the lowest validation RMSE."
        )
    validation = reference["validation"][expected]
    # Degrees 3 to 7 have validation (and test) RMSEs within 0.02 of each other, the closest
    # 0.0016 from the chosen degree's: the tolerance accepts rounding to 3 decimals, not them.
    expect_close(
        "val_rmse",
        val_rmse,
        validation,
        tol=_TOL_1,
        mistakes=[
            (validation**2, "that is the mean *squared* error; RMSE is its square root."),
            (
                reference["test"][expected],
                "that is the *test* RMSE; the number that defends the choice is the "
                "validation RMSE.",
            ),
            (reference["train"][expected], "that is the *training* RMSE."),
            *_other_degrees(reference["validation"], expected, "validation RMSE"),
        ],
    )
    test = reference["test"][expected]
    expect_close(
        "final_rmse",
        final_rmse,
        test,
        tol=_TOL_1,
        mistakes=[
            (
                min(reference["test"]),
                "that is the lowest test RMSE of *all* degrees, i.e. a choice made on the test "
                "set; report the test RMSE of the degree the validation set chose.",
            ),
            (test**2, "that is the mean *squared* error; RMSE is its square root."),
            (
                reference["refit_test"],
                "that model was refitted on training + validation points — a sound practice "
                "(exercise 4 does it), but here score the model fitted on the training points.",
            ),
            (validation, "that is the validation RMSE; score the chosen model on the test set."),
            *_other_degrees(reference["test"], expected, "test RMSE"),
        ],
    )
    return (
        "Chosen on validation data, judged once on test data: the test RMSE is an honest "
        "estimate for the model you chose."
    )


@cache
def _exercise_2() -> dict[float, dict[str, np.ndarray]]:
    """Per noise level, the paired gains of degree 5 over degree 3 on 50 fresh training sets.

    Every training set has the same evenly spaced x, so one fit per degree with one column of
    targets per set gives the same models as 50 separate fits.
    """
    result = {}
    for noise in (0.1, 0.3):
        X_test, y_test = _sine(1000, noise, 1)
        samples = [_sine(10, noise, s, even=True) for s in range(50)]
        X = samples[0].X
        Y = np.column_stack([sample.y for sample in samples])
        y_true = np.asarray(y_test)[:, None]
        errors = {}
        for degree in (3, 5):
            squared = (y_true - _polynomial(degree).fit(X, Y).predict(X_test)) ** 2
            errors[degree] = squared.mean(axis=0)
        result[noise] = {
            "rmse": np.sqrt(errors[3]) - np.sqrt(errors[5]),
            "mse": errors[3] - errors[5],
        }
    return result


def _check_share(name: str, value: object, gains: np.ndarray) -> None:
    share = expect_number(name, value)
    if share > 1:
        raise Incorrect(
            f"`{name}` = {share:g} is a count or a percentage; give the share between 0 and 1."
        )
    expect_close(
        name,
        share,
        float((gains > 0).mean()),
        tol=1e-3,
        mistakes=[
            (
                float((gains < 0).mean()),
                "that is the share of samples degree *3* wins; count those with a positive gain.",
            ),
        ],
    )


@EXERCISES.exercise(
    "2",
    hints=(
        "A claim about a method needs many samples, and a comparison is sharpest when both models "
        "see the same sample: compute the difference of their errors sample by sample (a "
        "*paired* difference), then summarise the differences.",
        "Loop over the noise levels and, inside, over `range(50)`: draw the training set, fit "
        "`polynomial(3)` and `polynomial(5)` on it, and append `rmse_3 - rmse_5` to a list.",
        "With `gains = np.array(differences)`: `gains.mean()` is the mean gain and "
        "`(gains > 0).mean()` the share of samples on which degree 5 wins.",
    ),
)
def _grade_2(gain_low, gain_high, wins_low, wins_high):
    reference = _exercise_2()
    for name, value, noise, other in (
        ("gain_low", gain_low, 0.1, 0.3),
        ("gain_high", gain_high, 0.3, 0.1),
    ):
        gains = reference[noise]["rmse"]
        # printed to 3 decimals (error <= 0.0005); scoring on the test set drawn with seed 0
        # instead of 1 moves the mean gain by 0.0012, and 49 samples instead of 50 by 0.0003
        # (their shares of wins then miss by 0.002 or more: the share checks catch those).
        expect_close(
            name,
            value,
            float(gains.mean()),
            tol=6e-4,
            mistakes=[
                (
                    -float(gains.mean()),
                    "the sign is flipped: the gain is degree 3's test RMSE minus degree 5's.",
                ),
                (
                    float(np.median(gains)),
                    "that is the *median* gain; the exercise asks for the mean.",
                ),
                (
                    float(reference[noise]["mse"].mean()),
                    "that is a difference of mean *squared* errors; compare RMSEs.",
                ),
                (
                    float(reference[other]["rmse"].mean()),
                    f"that is the mean gain at noise {other}: are the two noise levels swapped?",
                ),
            ],
        )
    _check_share("wins_low", wins_low, reference[0.1]["rmse"])
    _check_share("wins_high", wins_high, reference[0.3]["rmse"])
    return (
        "At noise 0.1 degree 5 wins on most samples and on average; at noise 0.3 it loses on "
        "average: less noise does let the more flexible model win."
    )


@cache
def _size_errors() -> dict[int, np.ndarray]:
    """Exercise 3: degree 9's test RMSE on 30 training sets of each size.

    The training x are evenly spaced, the same for every seed, so one fit with one column of
    targets per seed gives the same 30 models as 30 separate fits.
    """
    X_test, y_test = _sine(1000, 0.3, 1)
    result = {}
    for n in SIZES:
        samples = [_sine(n, 0.3, seed, even=True) for seed in range(30)]
        Y = np.column_stack([sample.y for sample in samples])
        predictions = _polynomial(9).fit(samples[0].X, Y).predict(X_test)
        squared = (np.asarray(y_test)[:, None] - predictions) ** 2
        result[n] = np.sqrt(squared.mean(axis=0))
    return result


def _medians(statistic: str) -> dict[int, float]:
    summary = np.median if statistic == "median" else np.mean
    return {n: float(summary(errors)) for n, errors in _size_errors().items()}


def _first_size_below(values: dict[int, float], threshold: float = 0.38) -> int | None:
    return next((n for n in SIZES if values[n] <= threshold), None)


@EXERCISES.exercise(
    "3",
    hints=(
        "One sample per size would be a noisy answer: the median over 30 samples says what is "
        "typical at each size.",
        "Two loops: over the sizes, and inside it over `range(30)` seeds. For each sample fit "
        "`polynomial(9)` and compute its test RMSE.",
        "Keep the 30 errors of each size in a list and take `np.median` of it; then "
        "`min(n for n, m in medians.items() if m <= 0.38)`.",
    ),
)
def _grade_3(n_needed):
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
def _exercise_4() -> dict[str, Any]:
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
        "refit_by_degree": [
            _rmse(_polynomial(d).fit(X_dev, y_dev), X_final, y_final) for d in DEGREES
        ],
        "by_split": [choose(rs) for rs in range(10)],
    }


@EXERCISES.exercise(
    "4",
    hints=(
        "Validation points must not be used for fitting: split the development set, fit each "
        "degree on one part, score it on the other, and keep the degree with the smallest "
        "validation error.",
        "Once the choice is made, the validation points are training data again: refit the "
        "chosen degree on the whole development set before the one final test. For the list, "
        "repeat only the *choice* with another split each time.",
        "`train_test_split(X_dev, y_dev, test_size=0.25, random_state=1)` gives X_tr, X_val, y_tr, "
        "y_val. Fit each degree on X_tr and score it on X_val; then "
        "`polynomial(chosen_degree).fit(X_dev, y_dev)` is scored on X_final, y_final.",
        "Wrap the choice in a function, `def choose_degree(random_state): ...` returning "
        "`int(degrees[np.argmin(val_rmse)])`, and collect "
        "`[choose_degree(rs) for rs in range(10)]`.",
    ),
)
def _grade_4(chosen_degree, final_rmse, chosen_by_split):
    reference = _exercise_4()
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
    # Printed to 4 decimals (error <= 0.00005): degree 9 refitted on the development set scores
    # within 0.0009 of the chosen degree 3, so the tolerance must be well below that.
    expect_close(
        "final_rmse",
        final_rmse,
        reference["final"],
        tol=3e-4,
        mistakes=[
            (
                reference["final_not_refit"],
                "that model was fitted on the training part only; refit "
                "the chosen degree on the whole development set first.",
            ),
            *(
                (
                    error,
                    f"that is the final test RMSE of degree {d} refitted; score the degree "
                    "you chose (did a variable from another fit stay behind?).",
                )
                for d, error in enumerate(reference["refit_by_degree"])
                if d != degree
            ),
        ],
    )
    if isinstance(chosen_by_split, np.ndarray) and chosen_by_split.ndim == 0:
        # (regutils.feedback.expect_sequence cannot take the len() of a 0-d array)
        raise Incorrect(
            "`chosen_by_split` should be a list of 10 degrees, one per random_state, got a "
            "single number in a 0-d array."
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
def _exercise_5() -> dict[str, Any]:
    """Exercise 5: the grid, the mean validation RMSE per λ, and what common slips compute."""
    from sklearn.linear_model import Ridge
    from sklearn.model_selection import KFold, validation_curve
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import PolynomialFeatures

    from regutils.datasets import make_sine

    X, y = make_sine(n_samples=15, noise=0.3, seed=5)
    alphas = np.logspace(-10, 1, 12)

    def scores(scoring: str, cv: Any) -> tuple[np.ndarray, np.ndarray]:
        train, validation = validation_curve(
            make_pipeline(PolynomialFeatures(9), Ridge()),
            X,
            y,
            param_name="ridge__alpha",
            param_range=alphas,
            cv=cv,
            scoring=scoring,
        )
        return -train, -validation

    folds = KFold(n_splits=5, shuffle=True, random_state=0)
    train_rmse, val_rmse = scores("neg_root_mean_squared_error", folds)
    _, val_mse = scores("neg_mean_squared_error", folds)
    return {
        "alphas": alphas,
        "mean_rmse": val_rmse.mean(axis=1),
        "root_mean_mse": np.sqrt(val_mse.mean(axis=1)),
        "median_rmse": np.median(val_rmse, axis=1),
        "train_rmse": train_rmse.mean(axis=1),
        "unshuffled_rmse": scores("neg_root_mean_squared_error", 5)[1].mean(axis=1),
    }


@EXERCISES.exercise(
    "5",
    hints=(
        "Cross-validation scores each λ on every fold and averages the scores; scikit-learn's "
        "`validation_curve` does this for one hyperparameter of a pipeline (here the `alpha` of "
        "its `ridge` step).",
        "`validation_curve(model, X_small, y_small, param_name='ridge__alpha', param_range=alphas, "
        "cv=cv, scoring='neg_root_mean_squared_error')` returns training and validation scores, one "
        "row per λ and one column per fold.",
        "The scores are *negated* RMSE, one column per fold: `mean_val = -val_scores.mean(axis=1)`, "
        "then `best_alpha = alphas[np.argmin(mean_val)]` and `best_cv_rmse = mean_val.min()`.",
    ),
)
def _grade_5(best_alpha, best_cv_rmse):
    reference = _exercise_5()
    alphas, mean_rmse = reference["alphas"], reference["mean_rmse"]
    best = int(np.argmin(mean_rmse))
    worst = int(np.argmax(mean_rmse))
    expect_close(
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
            (
                alphas[int(np.argmin(reference["unshuffled_rmse"]))],
                "that is the λ chosen with `cv=5`, unshuffled folds; use the exercise's "
                "`cv = KFold(n_splits=5, shuffle=True, random_state=0)`.",
            ),
        ],
    )
    # Printed to 3 decimals (error <= 0.0005); the nearest wrong values, the square root of the
    # mean MSE and the median over the folds, are 0.007 and 0.008 away.
    expect_close(
        "best_cv_rmse",
        best_cv_rmse,
        mean_rmse[best],
        tol=6e-4,
        mistakes=[
            (-mean_rmse[best], "scikit-learn's scores are negated RMSE: flip the sign."),
            (
                reference["root_mean_mse"][best],
                "that is the square root of the mean *squared* error over the folds; the "
                "exercise asks for the mean of the folds' RMSEs (`neg_root_mean_squared_error`).",
            ),
            (
                reference["median_rmse"][best],
                "that is the *median* over the folds; average them (`.mean(axis=1)`).",
            ),
            (
                reference["train_rmse"][best],
                "that is the mean *training* RMSE (the first array `validation_curve` returns); "
                "use the validation scores.",
            ),
            (
                reference["unshuffled_rmse"][best],
                "that comes from unshuffled folds (`cv=5`); use the exercise's shuffled KFold.",
            ),
        ],
    )
    return (
        "On these 15 points the cross-validated penalty cuts the mean validation RMSE to about a "
        "third of the smallest λ's: penalize."
    )
