"""Lesson 11's exercise checks: right answers pass, known-wrong answers get their message.

Exercises 2 and 3 need no TensorFlow and run in the test process. Exercises 1 and 4 inspect and
run Keras models: those tests (``@pytest.mark.keras``) run in one fresh Python process started by
:func:`test_keras_tests_pass_in_a_fresh_process` (see tests/fresh_process.py for why).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from fresh_process import run_keras_tests, solution_cases


def test_keras_tests_pass_in_a_fresh_process():
    run_keras_tests(__file__, *solution_cases(LESSON))


LESSON = "11"


# --------------------------------------------------------------------------- exercise 1


def augmenting(shift=1 / 8, turn=10 / 360, *, order="front", units=64, n_inputs=64):
    import keras

    L = keras.layers
    front = [
        L.Reshape((8, 8, 1)),
        L.RandomTranslation(shift, shift),
        L.RandomRotation(turn),
        L.Flatten(),
    ]
    dense = [L.Dense(units, activation="relu"), L.Dense(10, activation="softmax")]
    if order == "front":
        layers = front + dense
        if n_inputs != 64:  # images as inputs: no reshape
            layers = layers[1:]
    elif order == "no_reshape":
        layers = front[1:3] + [L.Flatten()] + dense
    else:  # after the first Dense layer
        layers = [L.Dense(64, activation="relu"), L.Reshape((8, 8, 1)), *front[1:], dense[1]]
    shape = n_inputs if isinstance(n_inputs, tuple) else (n_inputs,)
    return keras.Sequential([keras.Input(shape=shape), *layers])


@pytest.mark.keras
def test_exercise_1_right_answers(ex, solution_answers):
    right = solution_answers(LESSON, "1")
    assert ex.feedback("1", **right).startswith("Correct: exercise 1."), right
    assert ex.feedback("1", model=augmenting()).startswith("Correct")
    import keras

    L = keras.layers
    symmetric = keras.Sequential(
        [
            keras.Input(shape=(64,)),
            L.Reshape((8, 8, 1)),
            L.RandomRotation((-10 / 360, 10 / 360)),
            L.RandomTranslation((-0.125, 0.125), (-0.125, 0.125)),
            L.Flatten(),
            L.Dense(64, activation="relu"),
            L.Dense(10, activation="softmax"),
        ]
    )
    assert ex.feedback("1", model=symmetric).startswith("Correct")


@pytest.mark.keras
@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"shift": 1.0}, "a fraction of the image, not pixels"),
        ({"shift": 0.25}, "moves by up to 0.25 of the image"),
        ({"turn": 10 / 180}, "not of π"),
        ({"turn": 0.1}, "turns by up to 36 degrees"),
        ({"order": "after"}, "the augmentation comes after a Dense layer"),
        ({"order": "no_reshape"}, "the random image layers need images"),
        ({"units": 32}, "the Dense layers are [(32, 'relu')"),
        ({"n_inputs": (8, 8, 1)}, "keras.Input(shape=(64,))"),
    ],
)
def test_exercise_1_mistakes(ex, assert_wrong, kwargs, message):
    assert_wrong(ex.feedback("1", model=augmenting(**kwargs)), "1", message)


@pytest.mark.keras
def test_exercise_1_missing_layers(ex, assert_wrong):
    import keras

    L = keras.layers
    only_shift = keras.Sequential(
        [
            keras.Input(shape=(64,)),
            L.Reshape((8, 8, 1)),
            L.RandomTranslation(0.125, 0.125),
            L.Flatten(),
            L.Dense(64, activation="relu"),
            L.Dense(10, activation="softmax"),
        ]
    )
    assert_wrong(ex.feedback("1", model=only_shift), "1", "there is no RandomRotation layer")
    assert_wrong(ex.feedback("1", model=[1]), "1", "should be a Keras model")
    assert ex.feedback("1", model=...).startswith("Exercise 1 is not answered yet")


# --------------------------------------------------------------------------- exercise 2


def test_exercise_2(ex, assert_wrong, solution_answers):
    from regutils.checks.lesson11 import _exercise_2, calibration

    right = solution_answers(LESSON, "2")
    assert ex.feedback("2", **right).startswith("Correct: exercise 2."), right
    ref = calibration(*_exercise_2())
    assert ref["ece"] > ref["overall"] + 0.1  # the data makes the mistakes distinguishable
    cases = [
        ({"ece": ref["unweighted"]}, "weighted by its share of the images"),
        ({"ece": ref["overall"]}, "gaps of opposite sign do not cancel"),
        ({"ece": ref["true_class"]}, "not the probability of the true digit"),
        ({"ece": 0.5}, "is not what the exercise asks for"),
        ({"confidence": ref["mean_true_class"]}, "the mean probability of the *true* digit"),
        ({"accuracy": 1 - ref["accuracy"]}, "that is the error rate"),
        ({"accuracy": "high"}, "`accuracy` should be a number"),
    ]
    for changes, message in cases:
        assert_wrong(ex.feedback("2", **{**right, **changes}), "2", message)
    assert ex.feedback("2", **{**right, "ece": ...}).startswith("Exercise 2 is not answered yet")


# --------------------------------------------------------------------------- exercise 3


def test_exercise_3(ex, assert_wrong, solution_answers):
    from regutils.checks.lesson11 import CAP, _exercise_3

    right = solution_answers(LESSON, "3")
    assert ex.feedback("3", **right).startswith("Correct: exercise 3."), right
    W = _exercise_3().astype(float)
    norms = np.linalg.norm(W, axis=0)
    assert 0 < np.sum(norms > CAP) < 16  # some columns capped, some not
    exact = {"norms": norms, "W_capped": W * np.minimum(1.0, CAP / norms)}
    assert ex.feedback("3", **exact).startswith("Correct")
    rows = np.linalg.norm(W, axis=1, keepdims=True)
    cases = [
        ({"norms": np.linalg.norm(W, axis=1)}, "one per input (row)"),
        ({"norms": norms**2}, "squared norms"),
        ({"norms": norms[:8]}, "`norms` should have 16 numbers, one per unit"),
        ({"W_capped": W * CAP / norms}, "every column was scaled to length 1.5"),
        ({"W_capped": W * np.minimum(1.0, CAP / rows)}, "no column was shortened"),
        ({"W_capped": np.clip(W, -CAP, CAP)}, "no column was shortened"),
        ({"W_capped": W * 0.9}, "is not W with each column longer than 1.5"),
        ({"W_capped": W.T}, "`W_capped` should have shape (64, 16)"),
    ]
    for changes, message in cases:
        assert_wrong(ex.feedback("3", **{**exact, **changes}), "3", message)


# --------------------------------------------------------------------------- exercise 4


@pytest.mark.keras
def test_exercise_4(ex, assert_wrong, solution_answers):
    from regutils.checks.lesson11 import EPSILONS, _scores

    right = solution_answers(LESSON, "4")  # the solutions notebook's own answers
    assert ex.feedback("4", **right).startswith("Correct: exercise 4."), right
    models, losses = right["models"], right["val_log_loss"]
    refs = {eps: _scores(models[eps], eps) for eps in EPSILONS}
    worst = max(EPSILONS, key=lambda eps: losses[eps])
    smoothed = {eps: refs[eps]["smoothed"] for eps in EPSILONS}
    accuracy = {eps: refs[eps]["accuracy"] for eps in EPSILONS}
    same_model = dict.fromkeys(EPSILONS, models[0.0])
    cases = [
        ({"choice": worst}, "your own numbers say"),
        ({"choice": "0.0"}, "`choice` should be one of"),
        ({"val_log_loss": smoothed}, "against the *smoothed* targets"),
        ({"val_log_loss": accuracy}, "that is the accuracy"),
        ({"val_log_loss": [losses[eps] for eps in EPSILONS]}, "should be a dict keyed by ε"),
        ({"val_log_loss": {0.0: 0.2, 0.1: 0.3}}, "should have the keys 0.0, 0.05, 0.1 and 0.2"),
        ({"models": same_model}, "was compiled with label_smoothing=0"),
        ({"models": {**models, 0.1: "net"}}, "`models[0.1]` should be a Keras model"),
    ]
    for changes, message in cases:
        assert_wrong(ex.feedback("4", **{**right, **changes}), "4", message)
    assert ex.feedback("4", **{**right, "choice": ...}).startswith("Exercise 4 is not answered yet")


def compiled(layers, eps=0.0):
    import keras

    model = keras.Sequential([keras.Input(shape=(64,)), *layers])
    model.compile(
        optimizer=keras.optimizers.Adam(0.003),
        loss=keras.losses.CategoricalCrossentropy(label_smoothing=eps),
    )
    return model


@pytest.mark.keras
def test_exercise_4_untrained_wrong_network_or_trained_on_validation(ex, assert_wrong):
    import keras

    from regutils.checks.lesson11 import EPSILONS, _validation_images

    L = keras.layers
    keras.utils.set_random_seed(0)
    # The reviewer's case: untrained single-layer networks with the right label smoothing.
    single = {eps: compiled([L.Dense(10, activation="softmax")], eps) for eps in EPSILONS}
    losses = dict.fromkeys(EPSILONS, 1.0)
    answer = {"models": single, "val_log_loss": losses, "choice": 0.0}
    assert_wrong(ex.feedback("4", **answer), "4", "has the Dense layers [(10, 'softmax')]")
    wide = {
        eps: compiled([L.Dense(64, activation="relu"), L.Dense(10, activation="softmax")], eps)
        for eps in EPSILONS
    }
    assert_wrong(ex.feedback("4", **{**answer, "models": wide}), "4", "asks for (128, 'relu')")
    untrained = {
        eps: compiled([L.Dense(128, activation="relu"), L.Dense(10, activation="softmax")], eps)
        for eps in EPSILONS
    }
    assert_wrong(ex.feedback("4", **{**answer, "models": untrained}), "4", "was it trained?")
    # Trained on the validation images: too good to be true.
    X_val, y_val = _validation_images()
    cheat = untrained[0.0]
    cheat.fit(X_val, keras.utils.to_categorical(y_val, 10), epochs=150, batch_size=100, verbose=0)
    assert_wrong(
        ex.feedback("4", **{**answer, "models": {**untrained, 0.0: cheat}}),
        "4",
        "was it trained on the validation images?",
    )


# --------------------------------------------------------------------------- odd answers (issue 13)
# Every odd kind of answer gets the check's own message, never the generic "could not use".

ODD_NUMBERS = [
    (np.array([0.1, 0.2]), "should be a number, but it is a ndarray"),
    (pd.Series([0.1]), "should be a number, but it is a Series"),
    ("0.1", "should be a number, but it is a str"),
    (None, "should be a number, but it is a NoneType"),
    (float("nan"), "should be a finite number"),
    (float("inf"), "should be a finite number"),
]


@pytest.mark.parametrize("name", ["confidence", "accuracy", "ece"])
@pytest.mark.parametrize("value, message", ODD_NUMBERS)
def test_exercise_2_odd_answers(ex, assert_wrong, solution_answers, name, value, message):
    right = solution_answers(LESSON, "2")
    assert_wrong(ex.feedback("2", **{**right, name: value}), "2", message)


def _ece(top, correct, bin_of):
    return sum(
        np.mean(bin_of == b) * abs(correct[bin_of == b].mean() - top[bin_of == b].mean())
        for b in np.unique(bin_of)
    )


def test_exercise_2_other_binnings_are_told_apart(ex, assert_wrong, solution_answers):
    """Other bin counts and equal-count bins are not the ECE the exercise defines; the tolerance
    (1e-6) is far inside their distance from it (the closest measured, equal-count bins: 7.5e-4)."""
    from regutils.checks.lesson11 import TOL_2, _exercise_2, calibration

    p, labels = _exercise_2()
    ref = calibration(p, labels)["ece"]
    top, correct = p.max(axis=1), p.argmax(axis=1) == labels
    rank = np.argsort(np.argsort(top))
    wrong = {
        "15 bins": _ece(top, correct, np.minimum((top * 15).astype(int), 14)),
        "5 bins": _ece(top, correct, np.minimum((top * 5).astype(int), 4)),
        "equal-count bins": _ece(top, correct, rank * 10 // len(top)),
    }
    right = solution_answers(LESSON, "2")
    for method, value in wrong.items():
        assert abs(value - ref) > 100 * TOL_2, method
        assert_wrong(ex.feedback("2", **{**right, "ece": value}), "2", "is not what the exercise")


def test_exercise_3_odd_answers(ex, assert_wrong):
    from regutils.checks.lesson11 import CAP, _exercise_3

    W = _exercise_3().astype(float)
    norms = np.linalg.norm(W, axis=0)
    exact = {"norms": norms, "W_capped": W * np.minimum(1.0, CAP / norms)}
    cases = [
        (
            {"norms": "abc"},
            "`norms` should be a list or array of 16 numbers, one per unit, got a str",
        ),
        ({"norms": {"a": 1}}, "`norms` should be a list or array of 16 numbers"),
        ({"norms": ["a", "b"]}, "holds something that is not a number"),
        ({"norms": None}, "got a NoneType"),
        ({"norms": 1.5}, "got a float"),
        ({"norms": list(norms[:15])}, "should have 16 numbers, one per unit"),
        ({"norms": np.where(np.arange(16) == 3, np.nan, norms)}, "NaN or infinite"),
        ({"norms": pd.Series(norms**2)}, "squared norms"),
        ({"norms": np.minimum(norms, CAP)}, "is not what the exercise asks for"),  # of W_capped
        ({"W_capped": exact["W_capped"].T.reshape(64, 16)}, "is not W with each column"),
        ({"W_capped": exact["W_capped"].ravel()}, "should have shape (64, 16)"),
        ({"W_capped": np.full((64, 16), np.inf)}, "NaN or infinite"),
        ({"W_capped": "W"}, "`W_capped` should be an array of shape (64, 16)"),
    ]
    for changes, message in cases:
        assert_wrong(ex.feedback("3", **{**exact, **changes}), "3", message)


@pytest.mark.keras
def test_exercise_3_keras_maxnorm_is_right(ex):
    import keras

    from regutils.checks.lesson11 import _exercise_3

    W = _exercise_3()
    keras_capped = np.asarray(keras.constraints.MaxNorm(1.5)(W))
    norms = np.linalg.norm(W, axis=0)
    assert ex.feedback("3", norms=norms, W_capped=keras_capped).startswith("Correct")


@pytest.mark.keras
def test_exercise_1_odd_answers(ex, assert_wrong):
    import warnings

    import keras

    L = keras.layers
    cases = [
        (None, "should be a Keras model"),
        ("model", "should be a Keras model"),
        (np.zeros(64), "should be a Keras model"),
        (L.Dense(10), "should be a Keras model (keras.Sequential), got a Dense"),
        (keras.Sequential([L.Dense(64, activation="relu")]), "keras.Input(shape=(64,))"),
        (augmenting(n_inputs=32), "keras.Input(shape=(64,))"),
    ]
    for model, message in cases:
        assert_wrong(ex.feedback("1", model=model), "1", message)
    # A layer with a lambda regularizer is no reason to fail, nor to warn.
    with_lambda = keras.Sequential(
        [
            keras.Input(shape=(64,)),
            *augmenting().layers[:4],
            L.Dense(64, activation="relu", kernel_regularizer=lambda w: 1e-3 * keras.ops.sum(w**2)),
            L.Dense(10, activation="softmax"),
        ]
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert ex.feedback("1", model=with_lambda).startswith("Correct")


@pytest.mark.keras
def test_exercise_4_odd_answers(ex, assert_wrong, solution_answers):
    import keras

    from regutils.checks.lesson11 import EPSILONS

    right = solution_answers(LESSON, "4")
    losses = right["val_log_loss"]
    L = keras.layers
    lam = keras.Sequential(
        [
            keras.Input(shape=(64,)),
            L.Dense(128, activation="relu", kernel_regularizer=lambda w: 0.0 * keras.ops.sum(w)),
            L.Dense(10, activation="softmax"),
        ]
    )
    lam.compile(optimizer="adam", loss=keras.losses.CategoricalCrossentropy(label_smoothing=0.0))
    narrow = keras.Sequential(
        [
            keras.Input(shape=(32,)),
            L.Dense(128, activation="relu"),
            L.Dense(10, activation="softmax"),
        ]
    )
    cases = [
        (
            {"val_log_loss": {str(k): v for k, v in zip("abcd", losses.values())}},
            "keyed by the numbers",
        ),
        ({"val_log_loss": {None: 0.1}}, "keyed by the numbers"),
        ({"val_log_loss": {**losses, 0.05: float("nan")}}, "should be a finite number"),
        (
            {"val_log_loss": {**losses, 0.05: np.array([0.2])}},
            "should be a number, but it is a ndarray",
        ),
        ({"val_log_loss": {**losses, 0.05: None}}, "should be a number, but it is a NoneType"),
        ({"models": {**right["models"], 0.0: lam}}, "was it trained?"),
        ({"models": {**right["models"], 0.0: narrow}}, "keras.Input(shape=(64,))"),
        ({"models": {**right["models"], 0.0: None}}, "should be a Keras model"),
        ({"choice": None}, "`choice` should be one of"),
        ({"choice": np.array([0.0])}, "`choice` should be one of"),
        ({"choice": float("nan")}, "your own numbers say"),
    ]
    for changes, message in cases:
        assert_wrong(ex.feedback("4", **{**right, **changes}), "4", message)
    best = min(EPSILONS, key=losses.get)
    assert ex.feedback("4", **{**right, "choice": np.float32(best)}).startswith("Correct")
