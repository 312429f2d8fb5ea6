"""Lesson 08's exercise checks: right answers pass, known-wrong answers get their message.

Exercise 2 needs no TensorFlow and runs in the test process. Exercises 1 and 3 inspect and run
Keras models: those tests (``@pytest.mark.keras``) run in one fresh Python process started by
:func:`test_keras_tests_pass_in_a_fresh_process` (see tests/fresh_process.py for why).
"""

from __future__ import annotations

import numpy as np
import pytest
from fresh_process import run_keras_tests, solution_cases


def test_keras_tests_pass_in_a_fresh_process():
    run_keras_tests(__file__, *solution_cases(LESSON))


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


def _passes(model, X, n=50):
    return np.stack([np.asarray(model(X, training=True)) for _ in range(n)])


@pytest.mark.keras
def test_exercise_3(ex, assert_wrong, solution_answers):
    from regutils.checks.lesson08 import _mc_statistics, _validation_images

    right = solution_answers(LESSON, "3")  # the solutions notebook's own answers
    assert ex.feedback("3", **right).startswith("Correct: exercise 3."), right
    model, passes = right["model"], np.asarray(right["passes"])
    X_val, y_val = _validation_images()
    stats = _mc_statistics(passes, y_val)
    # The same answers in other forms: a list of passes, the sd with ddof=1, Python floats.
    other_forms = {
        **right,
        "passes": list(passes),
        "mc_accuracy": float(right["mc_accuracy"]),
        "mean_spread": stats["spread_ddof1"],
    }
    assert ex.feedback("3", **other_forms).startswith("Correct: exercise 3.")
    off_accuracy = float(np.mean(np.asarray(model(X_val, training=False)).argmax(axis=1) == y_val))
    accuracy = stats["accuracy"]
    cases = [
        ({"mean_spread": 0.0}, "every pass gave the same output. With training=False"),
        ({"mean_spread": stats["variance"]}, "that is a variance"),
        ({"mean_spread": stats["over_images"]}, "take the sd over the passes (axis=0)"),
        ({"mean_spread": stats["top_probability"]}, "each pass's *highest* probability"),
        ({"mean_spread": stats["all_digits"]}, "the sd of all ten probabilities"),
        ({"mean_spread": stats["true_digit"]}, "the *true* digit's probability"),
        ({"mean_spread": stats["spread"] * 1.05}, "is not what the exercise asks for"),
        ({"mean_spread": "small"}, "`mean_spread` should be a number"),
        ({"mc_accuracy": 1 - accuracy}, "that is the error rate"),
        ({"mc_accuracy": accuracy + 2 / 899}, "is not what the exercise asks for"),  # made up
        ({"mc_accuracy": np.array([accuracy])}, "`mc_accuracy` should be a number"),
        ({"mc_accuracy": None}, "`mc_accuracy` should be a number"),
        ({"mc_accuracy": float("nan")}, "should be a finite number"),
        ({"model": "mc_model"}, "pass the setup cell's network as `model=mc_model`"),
        ({"model": None}, "pass the setup cell's network as `model=mc_model`"),
        # The passes: transposed, reshaped, too few, predicted digits, NaN, not probabilities.
        ({"passes": passes.transpose(1, 0, 2)}, "should have shape (50, 899, 10)"),
        ({"passes": passes.reshape(50, -1)}, "should have shape (50, 899, 10)"),
        ({"passes": passes[:49]}, "should have shape (50, 899, 10)"),
        ({"passes": passes.argmax(axis=2)}, "should have shape (50, 899, 10)"),
        ({"passes": passes.mean(axis=0)}, "should have shape (50, 899, 10)"),
        ({"passes": np.where(passes > 0.99, np.nan, passes)}, "contains NaN"),
        ({"passes": passes * 2}, "each row sums to 1"),
        ({"passes": "passes"}, "should be an array of shape (50, 899, 10)"),
        ({"passes": None}, "should be an array of shape (50, 899, 10)"),
    ]
    # Dropout off: 50 copies of one deterministic pass.
    off = np.asarray(model(X_val, training=False))
    cases.append(({"passes": np.stack([off] * 50)}, "all passes in `passes` are the same"))
    # Passes over the images in another order.
    order = np.random.default_rng(0).permutation(len(X_val))
    shuffled = _passes(model, X_val[order])
    cases.append(({"passes": shuffled}, "`passes` do not average to what `model` predicts"))
    # Wrong quantities that give different numbers than the right one, when they do.
    for key, message in [
        ("mean_of_pass_accuracies", "the mean accuracy of the single passes"),
        ("first_pass", "that is the accuracy of one pass"),
    ]:
        if abs(stats[key] - accuracy) > 0.4 / 899:
            cases.append(({"mc_accuracy": stats[key]}, message))
    if abs(off_accuracy - accuracy) > 0.4 / 899:
        cases.append(({"mc_accuracy": off_accuracy}, "the accuracy with dropout off"))
    for changes, message in cases:
        assert_wrong(ex.feedback("3", **{**right, **changes}), "3", message)
    assert ex.feedback("3", **{**right, "mc_accuracy": ...}).startswith(
        "Exercise 3 is not answered yet"
    )


@pytest.mark.keras
def test_exercise_3_untrained_or_other_models(ex, assert_wrong, solution_answers):
    """An untrained network with statistics computed from it passed before: the check now
    requires the trained network, and passes that come from it."""
    import keras

    from regutils.checks.lesson08 import (
        MAX_PASS_DISTANCE,
        _mc_statistics,
        _reference_mean,
        _validation_images,
    )
    from regutils.training import build_mlp, train

    X_val, y_val = _validation_images()

    def consistent(model):  # answers computed correctly, from `model`
        passes = _passes(model, X_val)
        stats = _mc_statistics(passes, y_val)
        return {
            "model": model,
            "passes": passes,
            "mc_accuracy": stats["accuracy"],
            "mean_spread": stats["spread"],
        }

    untrained = build_mlp(64, (128,), n_outputs=10, output_activation="softmax", dropout=0.3)
    assert_wrong(ex.feedback("3", **consistent(untrained)), "3", "not the trained network")
    narrow = build_mlp(8, (16,), n_outputs=10, output_activation="softmax", dropout=0.3)
    assert_wrong(
        ex.feedback("3", **{**consistent(untrained), "model": narrow}),
        "3",
        "keras.Input(shape=(64,))",
    )
    binary = build_mlp(64, (16,), n_outputs=1, output_activation="sigmoid", dropout=0.3)
    assert_wrong(
        ex.feedback("3", **{**consistent(untrained), "model": binary}), "3", "gives (1,) outputs"
    )
    # Passes of another trained network, checked against the setup cell's model.
    right = solution_answers(LESSON, "3")
    keras.utils.set_random_seed(5)
    other = build_mlp(64, (128,), n_outputs=10, output_activation="softmax", dropout=0.3, seed=5)
    X_train, y_train = X_val[:300], y_val[:300]  # any other training set
    _ = train(
        other,
        X_train,
        y_train,
        epochs=15,
        batch_size=64,
        learning_rate=0.003,
        loss="sparse_categorical_crossentropy",
    )
    theirs = consistent(other)
    reference = _reference_mean(right["model"])
    distances = {
        "own passes": np.abs(np.asarray(right["passes"]).mean(0) - reference).sum(1).mean(),
        "another network": np.abs(theirs["passes"].mean(0) - reference).sum(1).mean(),
    }
    print(distances, MAX_PASS_DISTANCE)
    assert (
        distances["own passes"]
        < MAX_PASS_DISTANCE / 2
        < 2 * MAX_PASS_DISTANCE
        < distances["another network"]
    )
    assert_wrong(
        ex.feedback("3", **{**theirs, "model": right["model"]}),
        "3",
        "`passes` do not average to what `model` predicts",
    )


# --------------------------------------------------------------------------- exercise 4


@pytest.mark.keras
def test_exercise_4(ex, assert_wrong, solution_answers):
    import keras

    from regutils.checks.lesson08 import N_CHECKED, _flag_reference, _validation_images

    solution = solution_answers(LESSON, "4")  # the solutions notebook's own answers
    assert ex.feedback("4", **solution).startswith("Correct: exercise 4."), solution
    model = solution["model"]
    X_val = _validation_images()[0]
    probabilities = np.asarray(model(X_val, training=False))
    # Passes on which the spread of the averaged passes' digit (exercise 3's) gives another count
    # than the dropout-off digit's (on some pass sets the two counts agree, and then that method
    # is not wrong in its result): the check must tell them apart, recounting from these passes.
    for seed in range(20):
        keras.utils.set_random_seed(seed)
        passes = np.stack([np.asarray(model(X_val, training=True)) for _ in range(50)])
        ref = _flag_reference(probabilities, passes)
        if ref["spread_of_averaged_digit"] != ref["spread"]:
            break
    else:
        pytest.fail("the two digits' spreads catch as many wrong images on 20 pass sets")
    print(seed, ref)
    spread, confidence = ref["spread"], ref["confidence"]
    right = {
        "model": model,
        "passes": passes,
        "caught_spread": spread,
        "caught_confidence": confidence,
        "choice": "spread" if spread > confidence else "confidence",
    }
    assert ex.feedback("4", **right).startswith("Correct: exercise 4."), right
    other = "spread" if right["choice"] == "confidence" else "confidence"
    off_by_one = confidence + 1 if N_CHECKED - confidence != confidence + 1 else confidence - 1
    # A count no known mistake gives: "not what the exercise asks for".
    known = {*ref.values(), N_CHECKED - spread}
    spread_off = next(spread + k for k in (1, -1, 2, -2, 3, -3) if spread + k not in known)
    cases = [
        ({"caught_confidence": ref["highest_confidence"]}, "the 45 most confident images"),
        ({"caught_confidence": N_CHECKED - confidence}, "you counted the correct predictions"),
        ({"caught_confidence": off_by_one}, "is not what the exercise asks for"),
        ({"caught_spread": ref["lowest_spread"]}, "the *smallest* spread"),
        ({"caught_spread": ref["spread_of_averaged_digit"]}, "the digit the *averaged* passes"),
        ({"caught_spread": N_CHECKED - spread}, "you counted the correct predictions"),
        ({"caught_spread": spread_off}, "is not what the exercise asks for"),
        ({"caught_spread": "many"}, "`caught_spread` should be a number"),
        ({"choice": other}, "your own counts say"),
        ({"choice": "both"}, "`choice` should be one of ['spread', 'confidence']"),
        ({"model": "mc_model"}, "pass the setup cell's network as `model=mc_model`"),
        ({"caught_spread": np.array([spread, 1])}, "`caught_spread` should be a number"),
        ({"caught_confidence": None}, "`caught_confidence` should be a number"),
        ({"caught_confidence": float("nan")}, "should be a finite number"),
        ({"choice": None}, "`choice` should be one of ['spread', 'confidence']"),
        ({"passes": passes[:10]}, "Stack the 50 passes over X_val"),
        ({"passes": np.repeat(passes[:1], 50, axis=0)}, "all passes in `passes` are the same"),
        ({"passes": passes[:, ::-1]}, "`passes` do not average to what `model` predicts"),
    ]
    if ref["spread_averaged_wrong"] not in (spread, ref["spread_of_averaged_digit"]):
        cases.append(({"caught_spread": ref["spread_averaged_wrong"]}, "the *averaged* passes get"))
    for changes, message in cases:
        assert_wrong(ex.feedback("4", **{**right, **changes}), "4", message)
    # An untrained network with passes and counts computed from it.
    from regutils.training import build_mlp

    untrained = build_mlp(64, (128,), n_outputs=10, output_activation="softmax", dropout=0.3)
    its_passes = np.stack([np.asarray(untrained(X_val, training=True)) for _ in range(50)])
    made_up = _flag_reference(np.asarray(untrained(X_val, training=False)), its_passes)
    answers = {
        "model": untrained,
        "passes": its_passes,
        "caught_spread": made_up["spread"],
        "caught_confidence": made_up["confidence"],
        "choice": "spread" if made_up["spread"] > made_up["confidence"] else "confidence",
    }
    assert_wrong(ex.feedback("4", **answers), "4", "not the trained network")
    # A tie goes to the one-pass method: "spread" on equal counts is wrong (and where the counts
    # differ, a spread count made equal to the confidence count is itself wrong).
    tie = {**right, "caught_spread": confidence, "choice": "spread"}
    expected = "your own counts say 'confidence'" if spread == confidence else "`caught_spread`"
    assert_wrong(ex.feedback("4", **tie), "4", expected)
    assert ex.feedback("4", **{**right, "choice": ...}).startswith("Exercise 4 is not answered yet")


# --------------------------------------------------------------------------- odd answers


@pytest.mark.keras
def test_exercise_1_odd_models(ex, assert_wrong):
    import keras

    L = keras.layers
    inputs = keras.Input(shape=(64,))
    hidden = L.Dropout(0.3)(L.Dense(128, activation="relu")(L.Dropout(0.2)(inputs)))
    functional = keras.Model(inputs, L.Dense(10, activation="softmax")(hidden))
    cases = [
        (functional, "build `model` as a `keras.Sequential([...])`"),
        (sequential(), "`model` has no layers"),
        (
            sequential(
                L.GaussianDropout(0.2),
                L.Dense(128, activation="relu"),
                L.Dropout(0.3),
                L.Dense(10, activation="softmax"),
            ),
            "uses GaussianDropout, a different kind of noise",
        ),
        (
            keras.Sequential(
                [L.Dropout(0.2), L.Dense(128, activation="relu"), L.Dropout(0.3), L.Dense(10)]
            ),
            "keras.Input(shape=(64,))",
        ),
    ]
    for model, message in cases:
        assert_wrong(ex.feedback("1", model=model), "1", message)


@pytest.mark.parametrize("odd", [None, np.zeros((2, 64)), "Sequential"])
def test_exercise_1_odd_answers(ex, assert_wrong, odd):
    assert_wrong(ex.feedback("1", model=odd), "1", "should be a Keras model")


def test_exercise_2_odd_answers(ex, assert_wrong):
    import pandas as pd

    from regutils.checks.lesson08 import _exercise_2

    ref = _exercise_2()
    x, keep = ref["x"], ref["keep"]
    right = {"out": x * keep / 0.75, "out_inference": x, "grad_x": keep / 0.75}
    cases = [
        ({"out": right["out"].T}, "`out` should have shape (2, 4) (the shape of x), got (4, 2)."),
        ({"out": right["out"].reshape(4, 2)}, "got (4, 2)"),
        ({"out": right["out"].ravel()}, "got (8,)"),
        ({"grad_x": None}, "`grad_x` should be an array of shape (2, 4)"),
        (
            {"grad_x": 1.333},
            "`grad_x` should be an array of shape (2, 4) (the shape of x), got a float",
        ),
        ({"out_inference": [1.0, 2.0, 3.0]}, "got (3,)"),
        ({"out_inference": pd.Series(x.ravel())}, "got (8,)"),
        ({"out": np.where(keep, np.inf, 0.0)}, "contains NaN or infinite values"),
        # Another random draw: the right method, but not the exercise's mask.
        (
            {"out": x * (np.random.default_rng(5).random(x.shape) >= 0.25) / 0.75},
            "is not x * keep / (1 - rate)",
        ),
    ]
    for changes, message in cases:
        assert_wrong(ex.feedback("2", **{**right, **changes}), "2", message)
