"""Checks and hints for ``notebooks/08_dropout_exercises.ipynb``.

Each check recomputes the reference answer from the recipe the exercise gives (Keras is imported
inside the functions: the exercise notebook has imported it already), then compares; messages
name the mistakes learners make most often — above all reading Keras' ``rate`` as the fraction
kept.
"""

from __future__ import annotations

import math
from functools import cache

import numpy as np

from regutils.checks import digits_validation_half
from regutils.feedback import (
    ExerciseBook,
    Incorrect,
    expect_array,
    expect_choice,
    expect_close,
    expect_close_array,
    expect_keras_inputs,
    expect_keras_model,
    expect_number,
)

EXERCISES = ExerciseBook(notebook="08_dropout_exercises.ipynb")

# --------------------------------------------------------------------------- exercise 1

_RATE_MESSAGE = (
    "`rate` is the fraction dropped, not kept: Dropout({wrong:g}) drops "
    "{wrong:.0%} of its inputs; to drop {asked:.0%}, write Dropout({asked:g})."
)


@EXERCISES.exercise(
    "1",
    hints=(
        "Read the rate right: Keras' `rate` is the fraction of units *dropped* (the dropout "
        "paper's p is the fraction kept). Dropout on the pixels goes before the first Dense layer, "
        "dropout on the hidden units right after the hidden layer.",
        "The layers, in order: keras.Input(shape=(64,)), Dropout, Dense(128, relu), Dropout, "
        "Dense(10, softmax).",
        "Dropping 20 % of the pixels is `keras.layers.Dropout(0.2)`, dropping 30 % of the hidden "
        "units is `keras.layers.Dropout(0.3)`.",
    ),
)
def _grade_1(model):
    expect_keras_model("model", model)
    import keras

    expect_keras_inputs(model, 64, "64 pixels per image")
    kinds = [
        "Dropout"
        if isinstance(layer, keras.layers.Dropout)
        else "Dense"
        if isinstance(layer, keras.layers.Dense)
        else type(layer).__name__
        for layer in model.layers
    ]
    if kinds and kinds[-1] == "Dropout":
        raise Incorrect(
            "there is a Dropout layer after the output layer: never drop the "
            "outputs (the predicted probabilities); drop inputs and hidden units."
        )
    if kinds[:1] != ["Dropout"]:
        raise Incorrect(
            "the inputs are not dropped: put a Dropout layer before the first Dense "
            "layer (right after keras.Input)."
        )
    if kinds != ["Dropout", "Dense", "Dropout", "Dense"]:
        raise Incorrect(
            f"the layers are {kinds}; the exercise asks for Dropout, Dense(128), "
            "Dropout, Dense(10)."
        )
    input_drop, hidden, hidden_drop, output = model.layers
    if hidden.units != 128 or output.units != 10:
        raise Incorrect(
            f"the Dense layers have {hidden.units} and {output.units} units; the "
            "exercise asks for 128 and 10 (one per digit)."
        )
    if (hidden.get_config()["activation"], output.get_config()["activation"]) != (
        "relu",
        "softmax",
    ):
        raise Incorrect("use relu in the hidden layer and softmax in the output layer.")
    for layer, asked, where in ((input_drop, 0.2, "input"), (hidden_drop, 0.3, "hidden")):
        rate = float(layer.rate)
        if math.isclose(rate, asked):
            continue
        if math.isclose(rate, 1 - asked):
            raise Incorrect(
                f"the {where} dropout: " + _RATE_MESSAGE.format(wrong=rate, asked=asked)
            )
        other = 0.3 if asked == 0.2 else 0.2
        if math.isclose(rate, other):
            raise Incorrect(
                "the two rates are swapped: 20 % on the inputs, 30 % after the hidden layer."
            )
        raise Incorrect(
            f"the {where} dropout rate is {rate:g}; the exercise asks to drop "
            f"{asked:.0%}: Dropout({asked:g})."
        )
    return "Dropout(0.2) keeps 80 % of the pixels: the paper's p = 0.8."


# --------------------------------------------------------------------------- exercise 2

EX2_RATE = 0.25
TOL_2 = 1e-5  # float32 answers pass; every mistake differs by at least 0.25


@cache
def _exercise_2() -> dict[str, np.ndarray]:
    x = np.arange(1.0, 9.0).reshape(2, 4)
    u = np.random.default_rng(4).random(x.shape)
    keep = u >= EX2_RATE
    scale = 1 / (1 - EX2_RATE)
    return {
        "x": x,
        "keep": keep,
        "out": x * keep * scale,
        "grad": keep * scale,
        "unscaled": x * keep,
        "times_keep": x * keep * (1 - EX2_RATE),
        "reversed": x * (~keep) * scale,
        "reversed_unscaled": x * (~keep),
        "reversed_rate_as_keep": x * (u < 1 - EX2_RATE) / EX2_RATE,
    }


@EXERCISES.exercise(
    "2",
    hints=(
        "Inverted dropout: in training, the kept entries are scaled up so that each entry's "
        "expected output equals its input; at inference the layer does nothing. The backward pass "
        "multiplies by the same constants as the forward pass.",
        "The mask: `keep = u >= rate` with `u = np.random.default_rng(4).random(x.shape)` — each "
        "entry is kept with probability 1 - rate.",
        "Training output: `x * keep / (1 - rate)`. At inference inverted dropout does nothing: "
        "the output is x itself.",
        "Backward: the output is x times a constant per entry (0 or 1 / (1 - rate)), so the gradient "
        "is `grad_out * keep / (1 - rate)`.",
    ),
)
def _grade_2(out, out_inference, grad_x):
    ref = _exercise_2()
    x, scale = ref["x"], 1 / (1 - EX2_RATE)
    expect_close_array(
        "out",
        expect_array("out", out, x.shape, like="x"),
        ref["out"],
        tol=TOL_2,
        mistakes=[
            (
                ref["unscaled"],
                "the kept entries must be scaled up by 1 / (1 - rate) = 1.333..., so "
                "that the expected output equals the input (inverted dropout).",
            ),
            (
                ref["times_keep"],
                "scale by 1 / (1 - rate), not by (1 - rate): inverted dropout scales "
                "the kept entries *up* in training.",
            ),
            (
                ref["reversed"],
                "the mask is reversed: `rate` is the fraction dropped, so keep the "
                "entries with u >= rate (probability 1 - rate).",
            ),
            (
                ref["reversed_unscaled"],
                "the mask is reversed (keep u >= rate) and the kept entries "
                "are not scaled by 1 / (1 - rate).",
            ),
            (
                ref["reversed_rate_as_keep"],
                "`rate` is the fraction dropped, not kept: keep u >= rate "
                "and scale by 1 / (1 - rate).",
            ),
        ],
        otherwise="is not x * keep / (1 - rate) with the mask from u >= rate.",
    )
    identity = (
        "with inverted dropout the scaling happens in training; at inference the layer is "
        "the identity (x itself)."
    )
    expect_close_array(
        "out_inference",
        expect_array("out_inference", out_inference, x.shape, like="x"),
        x,
        tol=TOL_2,
        mistakes=[
            (x / scale, identity),
            (x * scale, identity),
            (
                ref["out"],
                "that is the training output: at inference nothing is dropped, the layer "
                "returns x.",
            ),
        ],
        otherwise="should be x itself.",
    )
    expect_close_array(
        "grad_x",
        expect_array("grad_x", grad_x, x.shape, like="x"),
        ref["grad"],
        tol=TOL_2,
        mistakes=[
            (
                ref["keep"],
                "the backward pass scales like the forward pass: grad_out * keep / (1 - rate).",
            ),
            (np.ones(x.shape), "dropped entries pass no gradient back; multiply by the mask."),
        ],
        otherwise="should be grad_out * keep / (1 - rate).",
    )
    return "Forward and backward use the same mask and the same scale."


# --------------------------------------------------------------------------- exercise 3


def _validation_images() -> tuple[np.ndarray, np.ndarray]:
    return digits_validation_half()


def _mc_reference(model, passes: int = 50) -> dict[str, float]:
    X_val, y_val = _validation_images()
    samples = np.stack([np.asarray(model(X_val, training=True)) for _ in range(passes)])
    mean = samples.mean(axis=0)
    predicted = mean.argmax(axis=1)
    spread = samples[:, np.arange(len(X_val)), predicted].std(axis=0)
    deterministic = np.asarray(model(X_val, training=False))
    return {
        "accuracy": float(np.mean(predicted == y_val)),
        "spread": float(spread.mean()),
        "deterministic_accuracy": float(np.mean(deterministic.argmax(axis=1) == y_val)),
        "spread_over_images": float(
            samples[:, np.arange(len(X_val)), predicted].std(axis=1).mean()
        ),
    }


@EXERCISES.exercise(
    "3",
    hints=(
        "Monte Carlo dropout: call the model with dropout switched on (`training=True`) many "
        "times; each call is a different random sub-network, so the outputs differ.",
        "Stack 50 passes: `np.stack([np.asarray(mc_model(X_val, training=True)) for _ in range(50)])` "
        "has shape (50, images, 10).",
        "Average over the passes (axis=0) and take argmax per image: that is the MC prediction; "
        "compare it with y_val for `mc_accuracy`.",
        "For `mean_spread`: for each image, the sd over the 50 passes of the probability of its "
        "predicted class; then the mean over images.",
    ),
)
def _grade_3(model, mc_accuracy, mean_spread):
    try:
        expect_keras_model("model", model)
    except Incorrect:
        raise Incorrect("pass the setup cell's network as `model=mc_model`.") from None
    ref = _mc_reference(model)
    expect_close(
        "mc_accuracy",
        mc_accuracy,
        ref["accuracy"],
        tol=0.015,
        mistakes=[
            (1 - ref["accuracy"], "that is the error rate; the exercise asks for the accuracy."),
        ],
    )
    if abs(expect_number("mean_spread", mean_spread)) < 1e-9:
        raise Incorrect(
            "`mean_spread` = 0: every pass gave the same output. With "
            "training=False (the default) dropout is off; call the model with "
            "training=True."
        )
    spread = expect_close(
        "mean_spread",
        mean_spread,
        ref["spread"],
        tol=0.1 * ref["spread"],
        mistakes=[
            (
                ref["spread"] ** 2,
                "that is a variance; the exercise asks for the standard deviation.",
            ),
            (
                ref["spread_over_images"],
                "take the sd over the passes (axis=0) for each image, then the mean over images.",
            ),
        ],
    )
    del spread
    return (
        "The averaged prediction is about as accurate as the network with dropout off; the "
        "spread is the extra information."
    )


# --------------------------------------------------------------------------- exercise 4

N_CHECKED = 45
TOL_SPREAD_4 = 7  # 50-pass counts vary by up to ~8 between pass sets; the check uses 400 passes


def _flag_reference(model) -> dict[str, float]:
    X_val, y_val = _validation_images()
    rows = np.arange(len(X_val))
    probabilities = np.asarray(model(X_val, training=False))
    predicted = probabilities.argmax(axis=1)
    wrong = predicted != y_val
    passes = np.stack([np.asarray(model(X_val, training=True)) for _ in range(400)])
    spread = passes[:, rows, predicted].std(axis=0)
    confidence = probabilities.max(axis=1)
    return {
        "spread": float(wrong[np.argsort(spread)[-N_CHECKED:]].sum()),
        "lowest_spread": float(wrong[np.argsort(spread)[:N_CHECKED]].sum()),
        "confidence": float(wrong[np.argsort(confidence)[:N_CHECKED]].sum()),
        "highest_confidence": float(wrong[np.argsort(confidence)[-N_CHECKED:]].sum()),
    }


@EXERCISES.exercise(
    "4",
    hints=(
        "A flag is judged by what it catches: for each way of picking 45 images, count how many "
        "of them the model (dropout off) gets wrong. The images to find are those where "
        "`mc_model(X_val, training=False).argmax(axis=1) != y_val`.",
        "Confidence: the top probability of each image with dropout off, `.max(axis=1)`; the 45 "
        "lowest are `np.argsort(confidence)[:45]`. Spread: as in exercise 3, but for the digit "
        "predicted with dropout off; the 45 largest are `np.argsort(spread)[-45:]`.",
        "Count with `wrong[picked].sum()`, then "
        '`choice = "spread" if caught_spread > caught_confidence else "confidence"`.',
    ),
)
def _grade_4(model, caught_spread, caught_confidence, choice):
    try:
        expect_keras_model("model", model)
    except Incorrect:
        raise Incorrect("pass the setup cell's network as `model=mc_model`.") from None
    ref = _flag_reference(model)
    counted_right = "you counted the correct predictions among the 45; count the wrong ones."
    caught_confidence = expect_close(
        "caught_confidence",
        caught_confidence,
        ref["confidence"],
        tol=0,
        mistakes=[
            (
                ref["highest_confidence"],
                "you picked the 45 most confident images; the ones to check have the *lowest* "
                "top probability.",
            ),
            (N_CHECKED - ref["confidence"], counted_right),
        ],
    )
    if (
        abs(expect_number("caught_spread", caught_spread) - ref["lowest_spread"]) <= 1
        and abs(caught_spread - ref["spread"]) > TOL_SPREAD_4
    ):
        raise Incorrect(
            f"`caught_spread` = {caught_spread:g}: you picked the 45 images with the *smallest* "
            "spread; the ones to check vary most over the passes."
        )
    caught_spread = expect_close(
        "caught_spread",
        caught_spread,
        ref["spread"],
        tol=TOL_SPREAD_4,
        mistakes=[(N_CHECKED - ref["spread"], counted_right)],
    )
    expect_choice("choice", choice, ["spread", "confidence"])
    better = "spread" if caught_spread > caught_confidence else "confidence"
    if choice != better:
        raise Incorrect(
            f"your own counts say {better!r}: by spread {caught_spread:g}, by confidence "
            f"{caught_confidence:g} (on a tie, confidence: one pass instead of 50)."
        )
    return "The decision rests on what each flag catches, counted on the validation digits."
