"""Lesson 11's exercise checks: right answers pass, known-wrong answers get their message.

Exercises 2 and 3 need no TensorFlow and run in the test process. Exercises 1 and 4 inspect and
run Keras models: those tests (``@pytest.mark.keras``) run in one fresh Python process started by
:func:`test_keras_tests_pass_in_a_fresh_process` (see tests/fresh_process.py for why).
"""

from __future__ import annotations

import numpy as np
import pytest
from fresh_process import run_keras_tests


def test_keras_tests_pass_in_a_fresh_process():
    run_keras_tests(__file__)


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
