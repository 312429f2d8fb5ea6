"""Lesson 08's exercise checks: right answers pass, known-wrong answers get their message.

Exercise 2 needs no TensorFlow and runs in the test process. Exercises 1 and 3 inspect and run
Keras models: those tests (``@pytest.mark.keras``) run in one fresh Python process started by
:func:`test_keras_tests_pass_in_a_fresh_process` (see tests/fresh_process.py for why).
"""

from __future__ import annotations

import numpy as np
import pytest
from fresh_process import run_keras_tests


def test_keras_tests_pass_in_a_fresh_process():
    run_keras_tests(__file__)


LESSON = "08"


# --------------------------------------------------------------------------- exercise 1


def sequential(*layers, n_inputs=64):
    import keras

    return keras.Sequential([keras.Input(shape=(n_inputs,)), *layers])


@pytest.mark.keras
def test_exercise_1_right_answers(ex):
    import keras

    from regutils.training import build_mlp

    L = keras.layers
    right = sequential(
        L.Dropout(0.2),
        L.Dense(128, activation="relu"),
        L.Dropout(0.3),
        L.Dense(10, activation="softmax"),
    )
    assert ex.feedback("1", model=right).startswith("Correct: exercise 1.")
    shorthand = build_mlp(
        64, (128,), n_outputs=10, output_activation="softmax", input_dropout=0.2, dropout=0.3
    )
    assert ex.feedback("1", model=shorthand).startswith("Correct")


@pytest.mark.keras
@pytest.mark.parametrize(
    "case, message",
    [
        (
            "input_kept",
            "`rate` is the fraction dropped, not kept: Dropout(0.8) drops 80% of its "
            "inputs; to drop 20%, write Dropout(0.2).",
        ),
        ("hidden_kept", "`rate` is the fraction dropped, not kept: Dropout(0.7)"),
        ("swapped", "the two rates are swapped"),
        ("other_rate", "the input dropout rate is 0.5"),
        ("no_input_dropout", "the inputs are not dropped"),
        ("output_dropout", "Dropout layer after the output layer"),
        ("units", "the exercise asks for 128 and 10"),
        ("activation", "use relu in the hidden layer and softmax"),
        ("extra_layer", "the layers are"),
        ("inputs", "keras.Input(shape=(64,))"),
    ],
)
def test_exercise_1_mistakes(ex, case, message, assert_wrong):
    import keras

    L = keras.layers

    def net(input_rate=0.2, hidden_rate=0.3, units=128, hidden_activation="relu", **kwargs):
        return sequential(
            L.Dropout(input_rate),
            L.Dense(units, activation=hidden_activation),
            L.Dropout(hidden_rate),
            L.Dense(10, activation="softmax"),
            **kwargs,
        )

    models = {
        "input_kept": lambda: net(input_rate=0.8),
        "hidden_kept": lambda: net(hidden_rate=0.7),
        "swapped": lambda: net(0.3, 0.2),
        "other_rate": lambda: net(input_rate=0.5),
        "no_input_dropout": lambda: sequential(
            L.Dense(128, activation="relu"), L.Dropout(0.3), L.Dense(10, activation="softmax")
        ),
        "output_dropout": lambda: sequential(
            L.Dropout(0.2),
            L.Dense(128, activation="relu"),
            L.Dense(10, activation="softmax"),
            L.Dropout(0.3),
        ),
        "units": lambda: net(units=64),
        "activation": lambda: net(hidden_activation="tanh"),
        "extra_layer": lambda: sequential(
            L.Dropout(0.2),
            L.Dense(128, activation="relu"),
            L.Dropout(0.3),
            L.Dense(64, activation="relu"),
            L.Dense(10, activation="softmax"),
        ),
        "inputs": lambda: net(n_inputs=8),
    }
    assert_wrong(ex.feedback("1", model=models[case]()), "1", message)


def test_exercise_1_not_a_model_and_not_answered(ex, assert_wrong):
    assert_wrong(ex.feedback("1", model=[1, 2]), "1", "should be a Keras model")
    assert ex.feedback("1", model=...).startswith("Exercise 1 is not answered yet")


# --------------------------------------------------------------------------- exercise 2


def test_exercise_2(ex, assert_wrong):
    from regutils.checks.lesson08 import _exercise_2

    ref = _exercise_2()
    x, keep = ref["x"], ref["keep"]
    right = {"out": x * keep / 0.75, "out_inference": x, "grad_x": keep / 0.75}
    assert ex.feedback("2", **right).startswith("Correct: exercise 2.")
    assert ex.feedback("2", **{k: v.tolist() for k, v in right.items()}).startswith("Correct")
    # The same answer from the tested from-scratch implementation.
    from regutils.scratch.dropout import dropout_backward, dropout_forward

    out, mask = dropout_forward(x, 0.25, training=True, rng=4)
    assert ex.feedback(
        "2",
        out=out,
        out_inference=dropout_forward(x, 0.25, training=False)[0],
        grad_x=dropout_backward(np.ones_like(x), mask, 0.25),
    ).startswith("Correct")

    u = np.random.default_rng(4).random(x.shape)
    cases = [
        ({"out": x * keep}, "must be scaled up by 1 / (1 - rate)"),
        ({"out": x * keep * 0.75}, "scale by 1 / (1 - rate), not by (1 - rate)"),
        ({"out": x * (u < 0.25) / 0.75}, "the mask is reversed"),
        ({"out": x * (u < 0.25)}, "the mask is reversed (keep u >= rate) and the kept entries"),
        ({"out": x * (u < 0.75) / 0.25}, "`rate` is the fraction dropped, not kept"),
        ({"out": x * 2.0}, "is not x * keep / (1 - rate)"),
        ({"out_inference": x * 0.75}, "at inference the layer is the identity"),
        ({"out_inference": x / 0.75}, "at inference the layer is the identity"),
        ({"out_inference": right["out"]}, "is the training output"),
        ({"out_inference": x + 1}, "should be x itself"),
        ({"grad_x": keep.astype(float)}, "the backward pass scales like the forward pass"),
        ({"grad_x": np.ones_like(x)}, "dropped entries pass no gradient back"),
        ({"grad_x": keep * 2.0}, "should be grad_out * keep / (1 - rate)"),
        ({"out": x[:1]}, "`out` should have shape (2, 4) (the shape of x), got (1, 4)."),
        (
            {"grad_x": "keep"},
            "`grad_x` should be an array of shape (2, 4) (the shape of x), got a str",
        ),
        ({"grad_x": [["a"] * 4] * 2}, "it holds something that is not a number"),
        ({"out_inference": x * np.nan}, "`out_inference` contains NaN"),
    ]
    for changes, message in cases:
        assert_wrong(ex.feedback("2", **{**right, **changes}), "2", message)
    assert ex.feedback("2", **{**right, "grad_x": ...}).startswith("Exercise 2 is not answered yet")


# --------------------------------------------------------------------------- exercise 3


@pytest.mark.keras
def test_exercise_3(ex, assert_wrong):
    from regutils.checks.lesson08 import _validation_images
    from regutils.training import build_mlp

    model = build_mlp(64, (32,), n_outputs=10, output_activation="softmax", dropout=0.3, seed=1)
    X_val, y_val = _validation_images()
    passes = np.stack([np.asarray(model(X_val, training=True)) for _ in range(50)])
    predicted = passes.mean(axis=0).argmax(axis=1)
    accuracy = float(np.mean(predicted == y_val))
    spread = float(passes[:, np.arange(len(X_val)), predicted].std(axis=0).mean())
    assert ex.feedback("3", model=model, mc_accuracy=accuracy, mean_spread=spread).startswith(
        "Correct: exercise 3."
    )
    cases = [
        ({"mean_spread": 0.0}, "every pass gave the same output. With training=False"),
        ({"mean_spread": spread**2}, "that is a variance"),
        (
            {"mean_spread": float(passes[:, np.arange(len(X_val)), predicted].std(axis=1).mean())},
            "take the sd over the passes (axis=0)",
        ),
        ({"mean_spread": spread * 3}, "is not what the exercise asks for"),
        ({"mc_accuracy": 1 - accuracy}, "that is the error rate"),
        ({"model": "mc_model"}, "pass the setup cell's network as `model=mc_model`"),
    ]
    for changes, message in cases:
        answers = {"model": model, "mc_accuracy": accuracy, "mean_spread": spread, **changes}
        assert_wrong(ex.feedback("3", **answers), "3", message)
    assert ex.feedback("3", model=model, mc_accuracy=..., mean_spread=spread).startswith(
        "Exercise 3 is not answered yet"
    )


# --------------------------------------------------------------------------- exercise 4


@pytest.mark.keras
def test_exercise_4(ex, assert_wrong, solution_answers):
    from regutils.checks.lesson08 import N_CHECKED, _flag_reference

    right = solution_answers(LESSON, "4")  # the solutions notebook's own answers
    assert ex.feedback("4", **right).startswith("Correct: exercise 4."), right
    model = right["model"]
    ref = _flag_reference(model)
    spread, confidence = right["caught_spread"], right["caught_confidence"]
    other = "spread" if right["choice"] == "confidence" else "confidence"
    off_by_one = confidence + 1 if N_CHECKED - confidence != confidence + 1 else confidence - 1
    cases = [
        ({"caught_confidence": ref["highest_confidence"]}, "the 45 most confident images"),
        ({"caught_confidence": N_CHECKED - confidence}, "you counted the correct predictions"),
        ({"caught_confidence": off_by_one}, "is not what the exercise asks for"),
        ({"caught_spread": ref["lowest_spread"]}, "the *smallest* spread"),
        ({"caught_spread": N_CHECKED - spread}, "you counted the correct predictions"),
        ({"caught_spread": "many"}, "`caught_spread` should be a number"),
        ({"choice": other}, "your own counts say"),
        ({"choice": "both"}, "`choice` should be one of ['spread', 'confidence']"),
        ({"model": "mc_model"}, "pass the setup cell's network as `model=mc_model`"),
    ]
    for changes, message in cases:
        assert_wrong(ex.feedback("4", **{**right, **changes}), "4", message)
    # A tie goes to the one-pass method.
    tie = {**right, "caught_spread": confidence, "choice": "spread"}
    if abs(confidence - ref["spread"]) <= 7:
        assert_wrong(ex.feedback("4", **tie), "4", "your own counts say 'confidence'")
    assert ex.feedback("4", **{**right, "choice": ...}).startswith("Exercise 4 is not answered yet")
