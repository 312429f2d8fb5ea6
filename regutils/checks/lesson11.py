"""Checks and hints for ``notebooks/11_data_and_targets_exercises.ipynb``.

Exercise 1 inspects the learner's Keras model (no training); exercises 2 and 3 recompute the
answers in NumPy from the fixed data the setup cell builds; exercise 4 checks each model's network
and that it was trained on the training images only (its validation accuracy lies between a
trained model's and a memorised one's), and recomputes its validation log-loss with one forward
pass (no training inside the check). Messages name
the usual mistakes: augmentation factors given in pixels or degrees instead of fractions, the
augmentation after the Dense layers, an unweighted ECE, the norm of rows instead of columns, every
column scaled to the cap, and the smoothed training loss reported as the log-loss.
"""

from __future__ import annotations

import math
import numbers
from functools import cache

import numpy as np

from regutils.checks import digits_validation_half
from regutils.feedback import (
    ExerciseBook,
    Incorrect,
    expect_array,
    expect_close,
    expect_close_array,
    expect_keras_inputs,
    expect_keras_model,
)

EXERCISES = ExerciseBook(notebook="11_data_and_targets_exercises.ipynb")

# --------------------------------------------------------------------------- exercise 1

SHIFT = 1 / 8  # one pixel of eight
TURN = 10 / 360  # ten degrees, as a fraction of a full turn


def _activation(layer) -> str:
    """A Dense layer's activation by name, without serializing the layer (a lambda regularizer
    or activation would make Keras warn)."""
    return str(getattr(layer.activation, "__name__", type(layer.activation).__name__))


def _symmetric(lower: float, upper: float, asked: float) -> bool:
    return math.isclose(lower, -asked, rel_tol=1e-3) and math.isclose(upper, asked, rel_tol=1e-3)


@EXERCISES.exercise(
    "1",
    hints=(
        "Augmentation layers are ordinary layers at the front of the model; they act in "
        "training only. They expect images, so reshape the 64 pixels to (8, 8, 1) first and "
        "flatten back before the Dense layers.",
        "`keras.layers.RandomTranslation(height_factor, width_factor)` takes fractions of the "
        "image's height and width; `keras.layers.RandomRotation(factor)` a fraction of a full "
        "turn (2π).",
        "One pixel of 8 is 1 / 8; 10 degrees is 10 / 360 of a turn: "
        "`RandomTranslation(1 / 8, 1 / 8)`, `RandomRotation(10 / 360)`, between "
        "`keras.layers.Reshape((8, 8, 1))` and `keras.layers.Flatten()`.",
    ),
)
def _grade_1(model):
    expect_keras_model("model", model)
    import keras

    expect_keras_inputs(model, 64, "64 pixels per image")
    layers = list(model.layers)
    kinds = [type(layer).__name__ for layer in layers]
    for needed in ("RandomTranslation", "RandomRotation"):
        if needed not in kinds:
            raise Incorrect(f"there is no {needed} layer; the exercise asks for shifts and turns.")
    dense = [i for i, layer in enumerate(layers) if isinstance(layer, keras.layers.Dense)]
    first_random = min(kinds.index("RandomTranslation"), kinds.index("RandomRotation"))
    if dense and dense[0] < first_random:
        raise Incorrect(
            "the augmentation comes after a Dense layer: it must transform the *images*, so put "
            "it at the front of the model, before the Dense layers."
        )
    if "Reshape" not in kinds[:first_random]:
        raise Incorrect(
            "the random image layers need images: put keras.layers.Reshape((8, 8, 1)) before them."
        )
    if "Flatten" not in kinds[first_random:] and "Reshape" not in kinds[first_random + 1 :]:
        raise Incorrect("flatten the images back (keras.layers.Flatten()) before the Dense layers.")
    shift = layers[kinds.index("RandomTranslation")]
    for name, lower, upper in (
        ("height_factor", shift.height_lower, shift.height_upper),
        ("width_factor", shift.width_lower, shift.width_upper),
    ):
        if _symmetric(lower, upper, SHIFT):
            continue
        if _symmetric(lower, upper, 1.0):
            raise Incorrect(
                f"RandomTranslation's {name} is a fraction of the image, not pixels: 1 would move "
                "it by its whole size; one pixel of 8 is 1 / 8."
            )
        raise Incorrect(
            f"RandomTranslation's {name} moves by up to {max(abs(lower), abs(upper)):g} of the "
            "image; one pixel of 8 is 1 / 8."
        )
    lower, upper = layers[kinds.index("RandomRotation")].factor
    if not _symmetric(lower, upper, TURN):
        if _symmetric(lower, upper, 10 / 180):
            raise Incorrect(
                "RandomRotation's factor is a fraction of a full turn (2π), not of π: "
                "10 degrees is 10 / 360."
            )
        raise Incorrect(
            f"RandomRotation turns by up to {max(abs(lower), abs(upper)) * 360:.3g} degrees; "
            "the exercise asks for 10 (factor 10 / 360)."
        )
    units = [(layers[i].units, _activation(layers[i])) for i in dense]
    if units != [(64, "relu"), (10, "softmax")]:
        raise Incorrect(
            f"the Dense layers are {units}; the exercise asks for (64, 'relu') then "
            "(10, 'softmax')."
        )
    return "In training each batch is shifted and turned anew; in inference the layers pass it on."


# --------------------------------------------------------------------------- exercise 2

TOL_2 = 1e-6


@cache
def _exercise_2() -> tuple[np.ndarray, np.ndarray]:
    """(probabilities, labels) as the setup cell builds them."""
    rng = np.random.default_rng(11)
    labels = rng.integers(0, 10, 1000)
    scores = rng.normal(size=(1000, 10)) * rng.uniform(0.3, 3.0, size=(1000, 1))
    scores[np.arange(1000), labels] += 2.5
    probabilities = np.exp(scores) / np.exp(scores).sum(axis=1, keepdims=True)
    return probabilities, labels


def calibration(p: np.ndarray, labels: np.ndarray, n_bins: int = 10) -> dict[str, float]:
    """Mean confidence, accuracy, ECE and the usual wrong ECEs of predicted probabilities ``p``.

    Examples
    --------
    >>> p = np.array([[0.9, 0.1], [0.6, 0.4], [0.3, 0.7]])
    >>> round(calibration(p, np.array([0, 1, 1]))["ece"], 3)  # bins of one: (0.1 + 0.6 + 0.3) / 3
    0.333
    """
    top = p.max(axis=1)
    correct = p.argmax(axis=1) == labels
    bin_of = np.minimum((top * n_bins).astype(int), n_bins - 1)
    used = [b for b in range(n_bins) if np.any(bin_of == b)]
    gaps = np.array([abs(correct[bin_of == b].mean() - top[bin_of == b].mean()) for b in used])
    shares = np.array([np.mean(bin_of == b) for b in used])
    true_class = p[np.arange(len(labels)), labels]
    true_gaps = [abs(correct[bin_of == b].mean() - true_class[bin_of == b].mean()) for b in used]
    return {
        "confidence": float(top.mean()),
        "accuracy": float(correct.mean()),
        "ece": float(np.sum(shares * gaps)),
        "unweighted": float(np.mean(gaps)),
        "overall": float(abs(correct.mean() - top.mean())),
        "true_class": float(np.sum(shares * np.array(true_gaps))),
        "mean_true_class": float(true_class.mean()),
    }


@EXERCISES.exercise(
    "2",
    hints=(
        "Calibration compares how sure a model is with how often it is right. The confidence of "
        "one prediction is its top probability; the ECE does the comparison bin by bin.",
        "Top probability: `probs_demo.max(axis=1)`; right or wrong: "
        "`probs_demo.argmax(axis=1) == labels_demo`. The bin of each image: "
        "`np.minimum((top * 10).astype(int), 9)`.",
        "For each bin b that has images: share = np.mean(bin_of == b), gap = |mean of correct − "
        "mean of top| over the images in the bin; the ECE is the sum of share × gap.",
    ),
)
def _grade_2(confidence, accuracy, ece):
    ref = calibration(*_exercise_2())
    expect_close(
        "confidence",
        confidence,
        ref["confidence"],
        tol=TOL_2,
        mistakes=[
            (
                ref["mean_true_class"],
                "that is the mean probability of the *true* digit; the confidence is the top "
                "probability, whatever the digit.",
            )
        ],
    )
    expect_close(
        "accuracy",
        accuracy,
        ref["accuracy"],
        tol=TOL_2,
        mistakes=[(1 - ref["accuracy"], "that is the error rate.")],
    )
    expect_close(
        "ece",
        ece,
        ref["ece"],
        tol=TOL_2,
        mistakes=[
            (
                ref["unweighted"],
                "each bin's gap must be weighted by its share of the images, not averaged "
                "over the bins.",
            ),
            (
                ref["overall"],
                "that is |accuracy − confidence| over all images at once; the ECE takes the gap "
                "in each of the 10 bins, so gaps of opposite sign do not cancel.",
            ),
            (
                ref["true_class"],
                "use the top probability (the confidence) in the gaps, not the probability of "
                "the true digit.",
            ),
        ],
    )
    return "Calibrated on average, not bin by bin: the ECE sees what the overall gap hides."


# --------------------------------------------------------------------------- exercise 3

CAP = 1.5
TOL_3 = 1e-5


@cache
def _exercise_3() -> np.ndarray:
    rng = np.random.default_rng(3)
    return (rng.normal(size=(64, 16)) * rng.uniform(0.05, 0.35, size=16)).astype("float32")


@EXERCISES.exercise(
    "3",
    hints=(
        "A Dense kernel has shape (inputs, units): the weights coming into one unit are a "
        "column. Max-norm looks at each column's length.",
        "The lengths: `np.linalg.norm(W, axis=0)` — one number per unit.",
        "Scale each column by min(1, 1.5 / its norm): `W * np.minimum(1.0, 1.5 / norms)`; "
        "columns shorter than 1.5 stay as they are.",
    ),
)
def _grade_3(norms, W_capped):
    W = _exercise_3().astype(float)
    right = np.linalg.norm(W, axis=0)
    try:
        value = np.asarray(norms, dtype=float) if hasattr(norms, "__len__") else None
    except (TypeError, ValueError):  # not numbers: expect_array says what it should be
        value = None
    if value is not None and value.shape == (64,):
        raise Incorrect(
            "`norms` has 64 numbers, one per input (row); a unit's incoming weights are a "
            "column of the kernel: take the norm over axis 0."
        )
    norms = expect_array("norms", norms, (16,), unit="unit")
    expect_close_array(
        "norms",
        norms,
        right,
        tol=TOL_3,
        mistakes=[(right**2, "those are squared norms; take the square root.")],
    )
    capped = W * np.minimum(1.0, CAP / right)
    W_capped = expect_array("W_capped", W_capped, W.shape, like="W")
    expect_close_array(
        "W_capped",
        W_capped,
        capped,
        tol=TOL_3,
        mistakes=[
            (
                W * CAP / right,
                "every column was scaled to length 1.5; max-norm only shortens the columns "
                "longer than the cap and leaves the others alone.",
            ),
            (
                W,
                "it equals W: no column was shortened. Take the length of each unit's weights "
                "(a column, axis 0) and shorten those above 1.5 — capping rows or single weights "
                "changes nothing here.",
            ),
        ],
        otherwise="is not W with each column longer than 1.5 scaled back to length 1.5.",
    )
    return f"{int(np.sum(right > CAP))} of 16 units were capped; Keras' MaxNorm does the same."


# --------------------------------------------------------------------------- exercise 4

EPSILONS = (0.0, 0.05, 0.1, 0.2)
TOL_4 = 1e-3
#: Validation accuracy a trained model clearly reaches (0.94–0.96 at seed 0, for every ε) and the
#: accuracy only a model that saw the validation images reaches.
TRAINED, MEMORISED = 0.85, 0.99


def _expect_architecture(name: str, model) -> None:
    import keras

    expect_keras_inputs(model, 64, "64 pixels per image")
    dense = [layer for layer in model.layers if isinstance(layer, keras.layers.Dense)]
    units = [(layer.units, _activation(layer)) for layer in dense]
    if units != [(128, "relu"), (10, "softmax")]:
        raise Incorrect(
            f"{name} has the Dense layers {units}; the exercise asks for (128, 'relu') then "
            "(10, 'softmax'), the same network for every ε."
        )


def _validation_images() -> tuple[np.ndarray, np.ndarray]:
    return digits_validation_half()


def _scores(model, eps: float) -> dict[str, float]:
    X_val, y_val = _validation_images()
    p = np.clip(np.asarray(model(X_val, training=False), dtype=float), 1e-7, 1.0)
    target = np.full(p.shape, eps / 10)
    target[np.arange(len(y_val)), y_val] += 1 - eps
    return {
        "log_loss": float(-np.mean(np.log(p[np.arange(len(y_val)), y_val]))),
        "smoothed": float(-np.mean(np.sum(target * np.log(p), axis=1))),
        "accuracy": float(np.mean(p.argmax(axis=1) == y_val)),
    }


def _keyed(name: str, value: object) -> dict[float, object]:
    if not isinstance(value, dict):
        raise Incorrect(
            f"`{name}` should be a dict keyed by ε (0.0, 0.05, 0.1, 0.2), got a "
            f"{type(value).__name__}."
        )
    try:
        keys = sorted(float(k) for k in value)
    except (TypeError, ValueError):
        raise Incorrect(
            f"`{name}` should be keyed by the numbers ε = 0.0, 0.05, 0.1 and 0.2, got the keys "
            f"{list(value)!r:.80}."
        ) from None
    if len(keys) != len(EPSILONS) or not np.allclose(keys, EPSILONS):
        raise Incorrect(f"`{name}` should have the keys 0.0, 0.05, 0.1 and 0.2, got {keys}.")
    return {
        eps: next(v for k, v in value.items() if math.isclose(float(k), eps)) for eps in EPSILONS
    }


@EXERCISES.exercise(
    "4",
    hints=(
        "Label smoothing is a setting of the loss; choose it like any regularization strength, "
        "on validation data and with a proper score of the probabilities: the log-loss of the "
        "true digit.",
        "Per ε: `loss=keras.losses.CategoricalCrossentropy(label_smoothing=eps)`, one-hot "
        "labels (`keras.utils.to_categorical(y_train, 10)`), the same starting weights "
        "(`set_weights`) for every ε.",
        "Score with the probabilities, not with `evaluate()` (which uses the smoothed targets): "
        "`p = np.asarray(net(X_val))`, then "
        "`-np.mean(np.log(p[np.arange(len(y_val)), y_val]))`; "
        "`choice = min(val_log_loss, key=val_log_loss.get)`.",
    ),
)
def _grade_4(models, val_log_loss, choice):
    models = _keyed("models", models)
    losses = _keyed("val_log_loss", val_log_loss)
    checked: dict[float, float] = {}
    for eps in EPSILONS:
        model = expect_keras_model(f"models[{eps}]", models[eps])
        smoothing = float(getattr(getattr(model, "loss", None), "label_smoothing", 0.0) or 0.0)
        if not math.isclose(smoothing, eps, abs_tol=1e-9):
            raise Incorrect(
                f"models[{eps}] was compiled with label_smoothing={smoothing:g}; train each "
                "model with its own ε (CategoricalCrossentropy(label_smoothing=eps))."
            )
        _expect_architecture(f"models[{eps}]", model)
        ref = _scores(model, eps)
        if ref["accuracy"] < TRAINED:
            raise Incorrect(
                f"models[{eps}] gets only {ref['accuracy']:.0%} of the validation images right: "
                "was it trained? Train each model on X_train (100 epochs) before scoring it."
            )
        if ref["accuracy"] >= MEMORISED:
            raise Incorrect(
                f"models[{eps}] gets {ref['accuracy']:.1%} of the validation images right: was "
                "it trained on the validation images? Train on X_train only; X_val is for "
                "choosing ε."
            )
        checked[eps] = expect_close(
            f"val_log_loss[{eps}]",
            losses[eps],
            ref["log_loss"],
            tol=TOL_4,
            mistakes=[
                (
                    ref["smoothed"],
                    "that is the loss against the *smoothed* targets (what evaluate() reports); "
                    "the log-loss scores the true digit only.",
                ),
                (ref["accuracy"], "that is the accuracy; the exercise asks for the log-loss."),
            ],
        )
    best = min(EPSILONS, key=checked.__getitem__)
    if not isinstance(choice, numbers.Real) or isinstance(choice, bool):
        raise Incorrect(f"`choice` should be one of {list(EPSILONS)}, got {choice!r}.")
    if not math.isclose(float(choice), best, abs_tol=1e-9):
        raise Incorrect(
            f"your own numbers say ε = {best:g}: it has the lowest validation log-loss "
            f"({checked[best]:.3f})."
        )
    return f"ε = {best:g}, chosen on a proper score of the validation probabilities."
