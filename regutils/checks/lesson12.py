"""Checks and hints for ``notebooks/12_choosing_and_combining_exercises.ipynb``.

Checks 1–3 recompute the reference answer from the same data the exercise describes (with
scikit-learn only, so checking stays fast), then compare. Exercise 4 trains Keras networks, whose
numbers depend on the CPU: its check recomputes every derived answer (the choice, the margin, its
standard error, the verdict) from the learner's own fold log-losses, then retrains the two settings
without dropout (in the learner's own kernel, so on the same CPU) and compares, then the two
dropout settings on every fold, by each loop the recipe allows (about five seconds in all).
Messages name the mistakes learners make most often.
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


#: Exercise 1's tolerance on the RMSE gap: deterministic float64 arithmetic, so only rounding to
#: three decimals needs room; the closest wrong recipe measured (LassoCV's default 100 alphas)
#: moves the gap by 0.009.
TOL_1 = 5e-4


@EXERCISES.exercise(
    "1",
    hints=(
        "Which penalty suits a truth where every coefficient is non-zero? Let the data answer: "
        "fit both models, each with its strength chosen by cross-validation, on the 60 rows, and "
        "compare them where it matters, on the 2,000 *test* rows (lesson 12, section 3).",
        "Fit `LassoCV(cv=5, alphas=20)` and `RidgeCV(alphas=np.logspace(-3, 3, 20))` on `X, y`, "
        "then compute each one's `root_mean_squared_error(y_test, model.predict(X_test))`.",
        "`choice` is the name of the model with the lower test RMSE, e.g. "
        '`min(rmse, key=rmse.get)` for a dict `rmse = {"lasso": ..., "ridge": ...}`; '
        '`rmse_gap = rmse["lasso"] - rmse["ridge"]` (positive when ridge is better).',
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
        tol=TOL_1,
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
        "This is section 2's experiment again, at correlation 0.99: 20 samples, one lasso fit "
        "per sample, and for each sample how many of the pair's two coefficients are exactly 0.",
        "Loop over `range(20)`: draw `make_correlated(50, coef=(1.0, 1.0, 0.0, 0.0, 0.0), "
        "correlation=0.99, seed=seed)`, fit `LassoCV(cv=5, alphas=20)` and count the zeros of "
        "`model.coef_[:2]` (x0 and x1).",
        "Keep one count of zeros per sample in an array `zeros`; then `n_drop_one = "
        "int((zeros == 1).sum())` and `n_both_kept = int((zeros == 0).sum())`.",
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


#: Exercise 3's tolerance: room for rounding to three decimals. One patient more or less right in
#: one fold moves the mean accuracy by 1/305 ≈ 0.0033; the closest wrong recipe measured (C = 1)
#: moves the sd by 0.0013.
TOL_3 = 5e-4


@EXERCISES.exercise(
    "3",
    hints=(
        "An honest score learns nothing from the held-out fold: the preprocessing (imputing, "
        "scaling, encoding) is part of the model and is refitted inside each fold, as in lesson "
        "06. Score with `cross_val_score` on the given folds; count the zeros on a fit to all "
        "patients.",
        "The model is the pipeline in the exercise's text; `scores = cross_val_score(model, X, "
        "y, cv=folds)` with `folds = StratifiedKFold(n_splits=5, shuffle=True, "
        "random_state=0)`; then `scores.mean()` and `scores.std()` (NumPy's default, ddof=0).",
        "Fit the same pipeline on all of X, y; `model[-1].coef_[0]` holds one coefficient per "
        "encoded feature: `int((model[-1].coef_[0] == 0).sum())`.",
    ),
)
def _grade_3(mean_accuracy, sd_accuracy, n_zero):
    ref = _exercise_3()
    expect_close(
        "mean_accuracy",
        mean_accuracy,
        ref["mean"],
        tol=TOL_3,
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
        tol=TOL_3,
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


#: Exercise 4's grid: (dropout after each hidden layer, L2 strength).
GRID_4: tuple[tuple[float, float], ...] = ((0.0, 0.0), (0.0, 1e-3), (0.5, 0.0), (0.5, 1e-3))


def _setting(key: object) -> tuple[float, float]:
    """A grid setting as a pair of floats, or Incorrect naming what is wrong."""
    try:
        values = [float(v) for v in key]  # type: ignore[attr-defined]
        if len(values) != 2:
            raise ValueError
        pair = (values[0], values[1])
    except (TypeError, ValueError):
        raise Incorrect(
            f"each key of `cv_loss` should be a pair (dropout, l2) such as (0.5, 0.001), got {key!r}."
        ) from None
    for setting in GRID_4:
        if np.allclose(pair, setting):
            return setting
    raise Incorrect(
        f"{key!r} is not a setting of the grid: dropout in (0.0, 0.5) and l2 in (0.0, 0.001)."
    )


def _cv_table(cv_loss: object) -> dict[tuple[float, float], np.ndarray]:
    if not isinstance(cv_loss, dict):
        raise Incorrect(
            "`cv_loss` should be a dict mapping each setting (dropout, l2) to its three fold "
            f"log-losses, got {type(cv_loss).__name__}."
        )
    table: dict[tuple[float, float], np.ndarray] = {}
    for key, losses in cv_loss.items():
        setting = _setting(key)
        try:
            values = (
                np.asarray(losses, dtype=float).ravel() if not isinstance(losses, str) else None
            )
        except (TypeError, ValueError):  # not numbers (a dict, strings, None inside a list)
            values = None
        if values is None or values.shape != (3,) or not np.all(np.isfinite(values)):
            raise Incorrect(
                f"`cv_loss[{key!r}]` should hold three numbers, one log-loss per fold, got "
                f"{losses!r:.80}."
            )
        if np.any(values <= 0):
            raise Incorrect(
                f"`cv_loss[{key!r}]` has a value ≤ 0: a log-loss is positive (did you store "
                "accuracies, or the negative of the loss?)."
            )
        table[setting] = values
    missing = [setting for setting in GRID_4 if setting not in table]
    if missing:
        raise Incorrect(f"`cv_loss` has no entry for {missing}: the grid has four settings.")
    if all(np.all(values <= 1.0) for values in table.values()) and all(
        np.all(values >= 0.5) for values in table.values()
    ):
        raise Incorrect(
            "these look like accuracies (all between 0.5 and 1): score each fold with the "
            "log-loss of the predicted probabilities."
        )
    if len({tuple(np.round(values, 10)) for values in table.values()}) < len(GRID_4):
        raise Incorrect(
            "two settings in `cv_loss` have exactly the same fold log-losses: train one network "
            "per setting and fold."
        )
    return table


#: Exercise 4's fixed seed (on purpose: the check retrains ten of the learner's networks).
SEED_4 = 0
#: Exercise 4's recipe: Adam's learning rate, epochs, batch size (all 200 training images at once).
LEARNING_RATE_4, EPOCHS_4, BATCH_SIZE_4 = 0.01, 40, 200
#: How close a retrained network's held-out log-loss must be (same kernel, same CPU and threads).
TOL_4 = 1e-3


@cache
def exercise_4_data() -> tuple[np.ndarray, np.ndarray, tuple[tuple[np.ndarray, np.ndarray], ...]]:
    """Exercise 4's 300 digits images (pixels in [0, 1]) and its three stratified folds."""
    from sklearn.datasets import load_digits
    from sklearn.model_selection import StratifiedKFold, train_test_split

    X_all, y_all = load_digits(return_X_y=True)
    X_small, _, y_small, _ = train_test_split(
        (X_all / 16.0).astype("float32"), y_all, train_size=300, stratify=y_all, random_state=0
    )
    folds = StratifiedKFold(n_splits=3, shuffle=True, random_state=0).split(X_small, y_small)
    return X_small, y_small, tuple(folds)


def _log_loss(model: object, X: np.ndarray, y: np.ndarray) -> float:
    """Mean log-loss of the true digit on X (held-out part or training part), clipped as hint 2 says."""
    p = np.asarray(model(X, training=False))  # type: ignore[operator]
    return float(-np.mean(np.log(np.clip(p[np.arange(len(y)), y], 1e-7, 1.0))))


def _build_4(setting: tuple[float, float]):
    """Exercise 4's network for ``setting`` = (dropout, l2), compiled as the recipe says."""
    import keras

    from regutils.training import build_mlp

    model = build_mlp(
        64,
        (128, 128),
        n_outputs=10,
        output_activation="softmax",
        dropout=setting[0],
        l2=setting[1],
        seed=SEED_4,
    )
    model.compile(
        optimizer=keras.optimizers.Adam(LEARNING_RATE_4), loss="sparse_categorical_crossentropy"
    )
    return model


def _fit_4(model, X: np.ndarray, y: np.ndarray) -> None:
    """Train as the recipe says: the global seed set right before ``train``."""
    import keras

    from regutils.training import train

    keras.utils.set_random_seed(SEED_4)
    train(model, X, y, epochs=EPOCHS_4, batch_size=BATCH_SIZE_4)


@cache
def _reference_4() -> dict[tuple[float, float], dict[str, list[float]]]:
    """The two settings without dropout, trained as the exercise says, in this kernel.

    Without dropout a network's result does not depend on the row order inside its one batch or
    on how the loop starts each fold afresh, so any faithful implementation (``train`` or
    ``model.fit``, one network reset per fold or a new one) gives the same numbers to many
    digits. Setting (0, 0) on all three folds and (0, 0.001) on the first: about two seconds.
    """
    from regutils.training import reset_model

    X_small, y_small, folds = exercise_4_data()
    reference: dict[tuple[float, float], dict[str, list[float]]] = {}
    for setting, n_folds in (((0.0, 0.0), 3), ((0.0, 1e-3), 1)):
        model = _build_4(setting)
        initial = model.get_weights()
        rows: dict[str, list[float]] = {"held_out": [], "training_part": [], "penalty": []}
        for train_index, held_out in folds[:n_folds]:
            reset_model(model, initial)
            _fit_4(model, X_small[train_index], y_small[train_index])
            rows["held_out"].append(_log_loss(model, X_small[held_out], y_small[held_out]))
            rows["training_part"].append(
                _log_loss(model, X_small[train_index], y_small[train_index])
            )
            rows["penalty"].append(float(sum(float(loss) for loss in model.losses)))
        reference[setting] = rows
    return reference


#: The loops that follow exercise 4's recipe. With dropout their numbers differ (by up to 0.09 in
#: log-loss on a fold, measured): the dropout masks depend on whether a fold starts from a reset
#: network, whose dropout layers' random streams go on, or from a new one. Each is exact on its own.
#: (``model.fit`` instead of ``train`` orders the rows, and so their masks, differently again; the
#: recipe says ``train``.)
DROPOUT_LOOPS_4 = ("reset", "new")


@cache
def _dropout_reference_4(setting: tuple[float, float], loop: str) -> tuple[float, ...]:
    """Held-out log-losses of a dropout ``setting`` on the three folds, trained in this kernel by
    one of :data:`DROPOUT_LOOPS_4` (about 1.5 s)."""
    from regutils.training import reset_model

    X_small, y_small, folds = exercise_4_data()
    model = _build_4(setting)
    initial = model.get_weights()
    losses = []
    for train_index, held_out in folds:
        if loop == "reset":
            reset_model(model, initial)
        else:
            model = _build_4(setting)
        _fit_4(model, X_small[train_index], y_small[train_index])
        losses.append(_log_loss(model, X_small[held_out], y_small[held_out]))
    return tuple(losses)


def _check_dropout_4(table: dict[tuple[float, float], np.ndarray]) -> None:
    """Each dropout setting's three log-losses are those of a faithful loop, retrained here."""
    for setting in ((0.5, 0.0), (0.5, 1e-3)):
        yours = table[setting]
        references = []
        for loop in DROPOUT_LOOPS_4:
            references.append(_dropout_reference_4(setting, loop))
            if np.allclose(yours, references[-1], atol=TOL_4):
                break
        else:
            first = references[0][0]  # the same for every loop: each fold 1 starts afresh
            if abs(yours[0] - first) <= TOL_4:
                raise Incorrect(
                    f"your first fold for {setting} matches a network retrained here, but folds 2 "
                    f"and 3 ({yours[1]:.4f}, {yours[2]:.4f}) do not: start each fold from fresh "
                    "weights and optimizer state (a new network, or `reset_model(model, "
                    "initial_weights)`), then `keras.utils.set_random_seed(0)` right before "
                    "each `train(...)`."
                )
            raise Incorrect(
                f"your log-losses for {setting} differ from a network with dropout retrained "
                f"here the way the exercise describes (first fold: yours {yours[0]:.4f}, "
                f"retrained {first:.4f}). Check the recipe: `dropout={setting[0]}`, "
                f"`l2={setting[1]:g}`, `seed=0`, `keras.utils.set_random_seed(0)` right before "
                "each `train(model, X, y, epochs=40, batch_size=200)` (`model.fit` feeds the "
                "rows, and so the dropout masks, in another order), and the log-loss of the "
                "held-out part."
            )


def _check_provenance_4(table: dict[tuple[float, float], np.ndarray]) -> None:
    """Compare the learner's no-dropout fold log-losses with networks retrained here."""
    reference = _reference_4()
    plain, yours = reference[(0.0, 0.0)], table[(0.0, 0.0)]
    if np.allclose(yours, plain["held_out"], atol=TOL_4):
        pass
    elif np.allclose(yours, plain["training_part"], atol=TOL_4) or np.all(
        yours < 0.25 * np.asarray(plain["held_out"])
    ):
        raise Incorrect(
            f"your log-losses for (0.0, 0.0) ({', '.join(f'{v:.4f}' for v in yours)}) are far "
            "below what these networks score on images they did not train on: did you score each "
            "fold's *training* part? Score the held-out part (the second index array of each fold)."
        )
    elif abs(yours[0] - plain["held_out"][0]) <= TOL_4 and np.all(
        yours[1:] < np.asarray(plain["held_out"][1:]) - TOL_4
    ):
        raise Incorrect(
            "your first fold matches, but folds 2 and 3 are lower than a fresh network scores: "
            "the network kept training from where the previous fold left it, and had already seen "
            "those held-out images. Start each fold from fresh weights (build a new network, or "
            "`reset_model(model, initial_weights)`)."
        )
    else:
        raise Incorrect(
            "your log-losses for (0.0, 0.0) differ from a network retrained here the way the "
            f"exercise describes (first fold: yours {yours[0]:.4f}, retrained "
            f"{plain['held_out'][0]:.4f}). Check the recipe: `build_mlp(..., seed=0)`, Adam with "
            "learning rate 0.01, `keras.utils.set_random_seed(0)` before each fit, 40 epochs, "
            "batch size 200, log-loss of the held-out part."
        )
    _check_dropout_4(table)
    penalized, first = reference[(0.0, 1e-3)], table[(0.0, 1e-3)][0]
    if abs(first - penalized["held_out"][0]) <= TOL_4:
        return
    if abs(first - penalized["held_out"][0] - penalized["penalty"][0]) <= 0.02:
        raise Incorrect(
            f"your first-fold log-loss for (0.0, 0.001) is {first:.4f}, about the held-out "
            f"log-loss plus the L2 penalty ({penalized['penalty'][0]:.3f}): `model.evaluate` "
            "reports the training objective, penalty included. Compute the log-loss from the "
            "predicted probabilities, `model(X_part, training=False)`."
        )
    raise Incorrect(
        f"your first-fold log-loss for (0.0, 0.001) is {first:.4f}; a network retrained here the "
        f"way the exercise describes scores {penalized['held_out'][0]:.4f}. Check `l2=0.001` and "
        "the recipe."
    )


@EXERCISES.exercise(
    "4",
    hints=(
        "Cross-validation scores each setting on images its network did not train on: for every "
        "setting and fold, start a *fresh* network, train it on the fold's training part and score "
        "the log-loss (lesson 06's proper score) on the held-out part. Compare settings on the "
        "mean over the folds; judge the winner's margin against the standard error of the "
        "fold-by-fold differences, as lesson 12's section 6 does.",
        "Build each network with `build_mlp(64, (128, 128), n_outputs=10, "
        "output_activation='softmax', dropout=rate, l2=l2, seed=0)`, compile it with "
        "`optimizer=keras.optimizers.Adam(0.01), loss='sparse_categorical_crossentropy'`, then "
        "`keras.utils.set_random_seed(0)` and `train(model, X_small[train_index], "
        "y_small[train_index], epochs=40, batch_size=200)`. The held-out log-loss: `p = "
        "np.asarray(model(X_part, training=False))`, then `-np.mean(np.log(np.clip(p[np.arange("
        "len(y_part)), y_part], 1e-7, 1.0)))` (the clip keeps one confident mistake from giving "
        "an infinite loss).",
        "`mean_loss = {s: np.mean(v) for s, v in cv_loss.items()}`, `choice, runner_up = "
        "sorted(mean_loss, key=mean_loss.get)[:2]`, `margin = mean_loss[runner_up] - "
        "mean_loss[choice]`, `margin_se = np.std(np.subtract(cv_loss[runner_up], "
        "cv_loss[choice]), ddof=1) / np.sqrt(3)` and `distinguishable = margin > 2 * margin_se`.",
    ),
)
def _grade_4(cv_loss, choice, margin, margin_se, distinguishable):
    table = _cv_table(cv_loss)
    means = {setting: float(values.mean()) for setting, values in table.items()}
    order = sorted(means, key=lambda setting: means[setting])
    best, runner_up, worst = order[0], order[1], order[-1]
    picked = _setting(choice)
    if picked != best:
        if picked == worst:
            raise Incorrect(
                f"{picked} has the *highest* mean log-loss in your `cv_loss`; a lower log-loss "
                "is better."
            )
        raise Incorrect(
            f"{picked} does not have the lowest mean log-loss over the three folds in your "
            "`cv_loss`: compare the settings on their means, not on one fold."
        )
    expected = means[runner_up] - means[best]
    expect_close(
        "margin",
        margin,
        expected,
        tol=1e-6,
        mistakes=[
            (-expected, "the sign is flipped: the runner-up's mean minus the choice's."),
            (
                means[worst] - means[best],
                "that is the margin over the *worst* setting; compare with the runner-up, the "
                "setting you would pick instead.",
            ),
        ],
    )
    differences = table[runner_up] - table[best]
    standard_error = float(np.std(differences, ddof=1) / np.sqrt(len(differences)))
    expect_close(
        "margin_se",
        margin_se,
        standard_error,
        tol=1e-6,
        mistakes=[
            (
                float(np.std(differences, ddof=1)),
                "that is the standard deviation of the fold-by-fold differences; the standard "
                "error of their mean divides it by √3 (three folds).",
            ),
            (
                float(np.std(differences) / np.sqrt(3)),
                "use the sample standard deviation, `ddof=1`.",
            ),
            (
                float(np.std(table[best], ddof=1) / np.sqrt(3)),
                "that is the spread of the choice's own fold log-losses; take the fold-by-fold "
                "*differences* (runner-up − choice), which is what decides.",
            ),
        ],
    )
    if not isinstance(distinguishable, (bool, np.bool_)):
        raise Incorrect(f"`distinguishable` should be True or False, got {distinguishable!r}.")
    if bool(distinguishable) != (expected > 2 * standard_error):
        raise Incorrect(
            "`distinguishable` does not follow from your numbers: it is True when the margin is "
            "more than two standard errors (`margin > 2 * margin_se`)."
        )
    _check_provenance_4(table)
    # The numbers depend on the CPU; the message must not.
    return (
        "Your numbers match networks retrained here, and your choice and its margin follow from "
        "them; with three folds, two standard errors is a rough yardstick, not a proof."
    )
