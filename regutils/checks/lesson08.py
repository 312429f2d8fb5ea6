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

    if not isinstance(model, keras.Sequential):
        raise Incorrect(
            "build `model` as a `keras.Sequential([...])` of layers, as the exercise asks."
        )
    if not model.layers:
        raise Incorrect("`model` has no layers; list them in keras.Sequential([...]).")
    expect_keras_inputs(model, 64, "64 pixels per image")
    other_dropout = [
        type(layer).__name__
        for layer in model.layers
        if "Dropout" in type(layer).__name__ and not isinstance(layer, keras.layers.Dropout)
    ]
    if other_dropout:
        raise Incorrect(
            f"`model` uses {', '.join(other_dropout)}, a different kind of noise; the exercise "
            "asks for the ordinary `keras.layers.Dropout(rate)`."
        )
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

N_PASSES = 50  # the exercise's Monte Carlo passes
#: The setup cell's ``mc_model`` (40 epochs) scores about 0.94 with dropout off (seeds 0-1); the same
#: network after 10 epochs 0.90, after 3 epochs 0.78, after 1 epoch 0.4-0.5, untrained 0.05-0.13.
#: Below this the model is not the trained network of the setup cell.
MIN_TRAINED_ACCURACY = 0.85
#: Distance of the learner's passes from the model's: the mean over images of the L1 distance
#: between their average and the average of 200 fresh passes. Passes of the model itself give
#: 0.02-0.04 (50 against 400 passes, seeds 0-1, trained or not); passes of another network or of
#: the images in another order give far more (tests/test_checks_lesson08.py prints them).
MAX_PASS_DISTANCE = 0.08
TOL_ACCURACY_3 = 0.4 / 899  # the accuracy of the learner's own passes: exact to the image


def _validation_images() -> tuple[np.ndarray, np.ndarray]:
    return digits_validation_half()


def _expect_trained_model(model) -> np.ndarray:
    """Check that ``model`` is a trained 64-in, 10-out network; return its dropout-off outputs."""
    try:
        expect_keras_model("model", model)
    except Incorrect:
        raise Incorrect("pass the setup cell's network as `model=mc_model`.") from None
    expect_keras_inputs(model, 64, "64 pixels per image")
    X_val, y_val = _validation_images()
    probabilities = np.asarray(model(X_val, training=False), dtype=float)
    if probabilities.shape != (len(X_val), 10):
        raise Incorrect(
            f"`model` gives {probabilities.shape[1:]} outputs per image; the setup cell's "
            "`mc_model` gives 10 (one probability per digit): pass `model=mc_model`."
        )
    accuracy = float(np.mean(probabilities.argmax(axis=1) == y_val))
    if accuracy < MIN_TRAINED_ACCURACY:
        raise Incorrect(
            f"`model` gets only {accuracy:.0%} of the validation digits right with dropout "
            "off: it is not the trained network of the setup cell (an untrained or briefly "
            "trained model?). Pass `model=mc_model`, the network the setup cell trained, and "
            "compute your answers from it."
        )
    return probabilities


def _mc_statistics(samples: np.ndarray, y_val: np.ndarray) -> dict[str, float]:
    """Exercise 3's answers from a stack of passes, and the values typical mistakes give."""
    rows = np.arange(samples.shape[1])
    predicted = samples.mean(axis=0).argmax(axis=1)
    of_predicted = samples[:, rows, predicted]
    return {
        "accuracy": float(np.mean(predicted == y_val)),
        "first_pass": float(np.mean(samples[0].argmax(axis=1) == y_val)),
        "mean_of_pass_accuracies": float(np.mean(samples.argmax(axis=2) == y_val)),
        "spread": float(of_predicted.std(axis=0).mean()),
        "spread_ddof1": float(of_predicted.std(axis=0, ddof=1).mean()),
        "variance": float(of_predicted.var(axis=0).mean()),
        "over_images": float(of_predicted.std(axis=1).mean()),
        "all_digits": float(samples.std(axis=0).mean()),
        "top_probability": float(samples.max(axis=2).std(axis=0).mean()),
        "true_digit": float(samples[:, rows, y_val].std(axis=0).mean()),
    }


#: The last model's reference mean, keyed by the model and its weights: checking exercises 3 and 4
#: (or one exercise again) reuses it until the network is trained further or another is passed.
_REFERENCE_MEAN: dict[tuple[int, tuple[float, ...]], np.ndarray] = {}


def _reference_mean(model, passes: int = 200) -> np.ndarray:
    """The validation images' probabilities averaged over ``passes`` passes with dropout on."""
    key = (id(model), tuple(float(np.sum(w)) for w in model.get_weights()))
    if key not in _REFERENCE_MEAN:
        X_val, _ = _validation_images()
        _REFERENCE_MEAN.clear()
        _REFERENCE_MEAN[key] = np.mean(
            [np.asarray(model(X_val, training=True)) for _ in range(passes)], axis=0
        )
    return _REFERENCE_MEAN[key]


def _expect_passes(model, passes) -> np.ndarray:
    """Check that ``passes`` are the learner's own Monte Carlo passes of ``model``; return them."""
    X_val, _ = _validation_images()
    shape = (N_PASSES, len(X_val), 10)
    try:
        samples = expect_array("passes", passes, shape)
    except Incorrect as wrong:
        raise Incorrect(
            f"{wrong} Stack the {N_PASSES} passes over X_val: "
            f"`np.stack([...])` gives passes × images × digits, {shape}."
        ) from None
    if np.abs(samples.sum(axis=2) - 1).max() > 1e-3:
        raise Incorrect(
            "each pass in `passes` should hold the model's probabilities for each image (each "
            "row sums to 1): stack the model's outputs, not predicted digits or logits."
        )
    if np.ptp(samples, axis=0).max() < 1e-6:
        raise Incorrect(
            "all passes in `passes` are the same: dropout was off. Calling the model without "
            "`training=True` (or with `predict`) switches dropout off; call "
            "`mc_model(X_val, training=True)`."
        )
    distance = float(np.abs(samples.mean(axis=0) - _reference_mean(model)).sum(axis=1).mean())
    if distance > MAX_PASS_DISTANCE:
        raise Incorrect(
            "`passes` do not average to what `model` predicts for the validation images in "
            "their order: compute them from `mc_model(X_val, training=True)`, the model you pass "
            "to the check."
        )
    return samples


@EXERCISES.exercise(
    "3",
    hints=(
        "Monte Carlo dropout: call the model with dropout switched on (`training=True`) many "
        "times; each call is a different random sub-network, so the outputs differ. Average the "
        "probabilities over the passes first, then pick the digit.",
        "Stack 50 passes: `np.stack([np.asarray(mc_model(X_val, training=True)) for _ in range(50)])` "
        "has shape (50, images, 10); keep it in `passes`.",
        "`passes.mean(axis=0).argmax(axis=1)` is the MC prediction of each image; compare it with "
        "y_val for `mc_accuracy`.",
        "For `mean_spread`: `passes[:, np.arange(len(X_val)), predicted]` is the probability of "
        "each image's predicted digit in every pass; take its sd over the passes (axis=0), then "
        "the mean over images.",
    ),
)
def _grade_3(model, passes, mc_accuracy, mean_spread):
    probabilities = _expect_trained_model(model)
    _, y_val = _validation_images()
    samples = _expect_passes(model, passes)
    stats = _mc_statistics(samples, y_val)
    off_accuracy = float(np.mean(probabilities.argmax(axis=1) == y_val))
    expect_close(
        "mc_accuracy",
        mc_accuracy,
        stats["accuracy"],
        tol=TOL_ACCURACY_3,
        mistakes=[
            (1 - stats["accuracy"], "that is the error rate; the exercise asks for the accuracy."),
            (
                off_accuracy,
                "that is the accuracy with dropout off (one deterministic pass); average the "
                "probabilities of your 50 passes and take the digit with the highest average.",
            ),
            (
                stats["mean_of_pass_accuracies"],
                "that is the mean accuracy of the single passes; average the probabilities over "
                "the passes first, then take the argmax.",
            ),
            (
                stats["first_pass"],
                "that is the accuracy of one pass; average the probabilities of all 50.",
            ),
        ],
    )
    spread = expect_number("mean_spread", mean_spread)
    if abs(spread) < 1e-9:
        raise Incorrect(
            "`mean_spread` = 0: every pass gave the same output. With "
            "training=False (the default) dropout is off; call the model with "
            "training=True."
        )
    if not any(abs(spread - stats[k]) <= 1e-4 * stats[k] for k in ("spread", "spread_ddof1")):
        expect_close(
            "mean_spread",
            spread,
            stats["spread"],
            tol=1e-4 * stats["spread"],
            mistakes=[
                (
                    stats["variance"],
                    "that is a variance; the exercise asks for the standard deviation.",
                ),
                (
                    stats["over_images"],
                    "take the sd over the passes (axis=0) for each image, then the mean over images.",
                ),
                (
                    stats["top_probability"],
                    "that is the sd of each pass's *highest* probability, whatever digit it "
                    "belongs to; take the probability of the digit the averaged passes predict.",
                ),
                (
                    stats["all_digits"],
                    "that is the sd of all ten probabilities; take only the probability of each "
                    "image's predicted digit.",
                ),
                (
                    stats["true_digit"],
                    "that is the spread of the *true* digit's probability; take the digit the "
                    "averaged passes predict.",
                ),
            ],
        )
    return (
        "The averaged prediction is about as accurate as the network with dropout off; the "
        "spread is the extra information."
    )


# --------------------------------------------------------------------------- exercise 4

N_CHECKED = 45


def _flag_reference(probabilities: np.ndarray, samples: np.ndarray) -> dict[str, float]:
    """Exercise 4's counts from the dropout-off outputs and the learner's own passes, and the
    counts typical mistakes give."""
    _, y_val = _validation_images()
    rows = np.arange(len(y_val))
    predicted = probabilities.argmax(axis=1)  # one pass, dropout off
    wrong = predicted != y_val
    spread = samples[:, rows, predicted].std(axis=0)
    averaged = samples.mean(axis=0).argmax(axis=1)  # exercise 3's digit: the averaged passes'
    spread_of_averaged = samples[:, rows, averaged].std(axis=0)
    confidence = probabilities.max(axis=1)
    largest, lowest = np.argsort(spread)[-N_CHECKED:], np.argsort(confidence)[:N_CHECKED]
    return {
        "spread": float(wrong[largest].sum()),
        "lowest_spread": float(wrong[np.argsort(spread)[:N_CHECKED]].sum()),
        "spread_of_averaged_digit": float(wrong[np.argsort(spread_of_averaged)[-N_CHECKED:]].sum()),
        "spread_averaged_wrong": float((averaged != y_val)[largest].sum()),
        "confidence": float(wrong[lowest].sum()),
        "highest_confidence": float(wrong[np.argsort(confidence)[-N_CHECKED:]].sum()),
    }


@EXERCISES.exercise(
    "4",
    hints=(
        "A flag is judged by what it catches: for each way of picking 45 images, count how many "
        "of them the model (dropout off) gets wrong. The images to find are those where "
        "`mc_model(X_val, training=False).argmax(axis=1) != y_val`.",
        "Confidence: the top probability of each image with dropout off, `.max(axis=1)`; the 45 "
        "lowest are `np.argsort(confidence)[:45]`. Spread: 50 passes with dropout on (keep them "
        "in `passes_on`), the sd over the passes of the probability of the digit predicted with "
        "dropout off; the 45 largest are `np.argsort(spread)[-45:]`.",
        "Count with `wrong[picked].sum()`, then "
        '`choice = "spread" if caught_spread > caught_confidence else "confidence"`.',
    ),
)
def _grade_4(model, passes, caught_spread, caught_confidence, choice):
    probabilities = _expect_trained_model(model)
    ref = _flag_reference(probabilities, _expect_passes(model, passes))
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
    # Exact: the count is recomputed from the learner's own passes.
    caught_spread = expect_close(
        "caught_spread",
        caught_spread,
        ref["spread"],
        tol=0,
        mistakes=[
            (
                ref["lowest_spread"],
                "you picked the 45 images with the *smallest* spread; the ones to check vary "
                "most over the passes.",
            ),
            (
                ref["spread_of_averaged_digit"],
                "that is the spread of the digit the *averaged* passes predict (exercise 3's); "
                "the colleague checks the prediction with dropout off, so take the spread of "
                "`mc_model(X_val, training=False).argmax(axis=1)`.",
            ),
            (
                ref["spread_averaged_wrong"],
                "you counted the images the *averaged* passes get wrong; count those the model "
                "gets wrong with dropout off.",
            ),
            (N_CHECKED - ref["spread"], counted_right),
        ],
    )
    expect_choice("choice", choice, ["spread", "confidence"])
    better = "spread" if caught_spread > caught_confidence else "confidence"
    if choice != better:
        raise Incorrect(
            f"your own counts say {better!r}: by spread {caught_spread:g}, by confidence "
            f"{caught_confidence:g} (on a tie, confidence: one pass instead of 50)."
        )
    return "The decision rests on what each flag catches, counted on the validation digits."
