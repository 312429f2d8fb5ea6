"""Checks and hints for ``notebooks/09_batch_normalization_exercises.ipynb``.

Each check recomputes the reference answer in NumPy from the arrays the exercise defines (the
formulas of ``regutils.scratch.batchnorm``, which the tests match to Keras), then compares;
messages name the mistakes learners make most often: the unbiased variance, normalizing the
wrong axis, the momentum's two weights swapped, Keras' default momentum, a frozen-statistics
gradient, a moving-average simulation without its starting value. Keras is imported inside
the functions (the exercise notebook has imported it).
"""

from __future__ import annotations

from functools import cache

import numpy as np

from regutils.feedback import (
    ExerciseBook,
    Incorrect,
    expect_array,
    expect_choice,
    expect_close_array,
    expect_int,
    expect_keras_inputs,
    expect_keras_model,
)

EXERCISES = ExerciseBook(notebook="09_batch_normalization_exercises.ipynb")
EPS = 1e-3


# --------------------------------------------------------------------------- exercise 1

X1 = np.array([[1.0, 200.0, -3.0], [2.0, 180.0, -1.0], [4.0, 260.0, -2.0], [5.0, 240.0, 0.0]])
GAMMA1 = np.array([1.0, 2.0, 0.5])
BETA1 = np.array([0.0, 1.0, -1.0])


def _normalize(x: np.ndarray, axis: int = 0, ddof: int = 0, eps: float = EPS) -> np.ndarray:
    mean = x.mean(axis=axis, keepdims=True)
    var = x.var(axis=axis, ddof=ddof, keepdims=True)
    return (x - mean) / np.sqrt(var + eps)


@EXERCISES.exercise(
    "1",
    hints=(
        "Each column is one unit and each row one example: batch normalization standardizes "
        "every column over the examples of the batch (with the variance that divides by the "
        "batch size), then scales by gamma and shifts by beta. The moving averages of a new "
        "layer start at mean 0 and variance 1 and move 1 % of the way per step (momentum 0.99).",
        "`x.mean(axis=0)` and `x.var(axis=0)` give the batch statistics of every column.",
        "out = gamma * (x - mean) / np.sqrt(var + 1e-3) + beta. np.var divides by the batch size "
        "(ddof=0), like Keras; pandas' .var() would divide by size - 1.",
        "One step of the moving averages: `moving_mean = 0.99 * 0 + 0.01 * mean` and "
        "`moving_var = 0.99 * 1 + 0.01 * var`.",
    ),
)
def _grade_1(out, moving_mean, moving_var):
    mean, var = X1.mean(axis=0), X1.var(axis=0)
    expected = GAMMA1 * _normalize(X1) + BETA1
    expect_close_array(
        "out",
        expect_array("out", out, X1.shape),
        expected,
        tol=1e-6,
        mistakes=(
            (
                GAMMA1 * _normalize(X1, ddof=1) + BETA1,
                "that uses the unbiased variance (divide by n - 1); batch normalization, like Keras, "
                "divides by the batch size n (np.var's default, ddof=0).",
            ),
            (
                GAMMA1 * (X1 - mean) / np.sqrt(var) + BETA1,
                "epsilon is missing: divide by np.sqrt(var + 1e-3).",
            ),
            (_normalize(X1), "gamma and beta are missing: out = gamma * x_hat + beta."),
            (
                BETA1 * _normalize(X1) + GAMMA1,
                "gamma and beta are swapped: gamma scales, beta shifts.",
            ),
            (
                GAMMA1 * _normalize(X1, axis=1) + BETA1,
                "that normalizes each row (example); batch normalization normalizes each column (unit) "
                "over the examples of the batch: axis=0.",
            ),
        ),
    )
    expect_close_array(
        "moving_mean",
        expect_array("moving_mean", moving_mean, (3,)),
        0.01 * mean,
        tol=1e-9,
        mistakes=(
            (
                0.99 * mean,
                "the weights are swapped: moving = 0.99 * old + 0.01 * batch mean, and "
                "the old value of a new layer is 0.",
            ),
            (
                mean,
                "that is the batch mean itself; the moving average moves only 1 % of the way "
                "towards it per step (momentum 0.99).",
            ),
        ),
    )
    expect_close_array(
        "moving_var",
        expect_array("moving_var", moving_var, (3,)),
        0.99 + 0.01 * var,
        tol=1e-9,
        mistakes=(
            (
                0.99 + 0.01 * X1.var(axis=0, ddof=1),
                "use the biased batch variance (ddof=0) here too.",
            ),
            (
                0.01 * var,
                "a new layer's moving variance starts at 1, not 0: 0.99 * 1 + 0.01 * var.",
            ),
            (
                0.99 * var + 0.01,
                "the weights are swapped: 0.99 * old (= 1) + 0.01 * batch variance.",
            ),
        ),
    )
    return "The moving averages have barely moved after one step: that is why they need many."


# --------------------------------------------------------------------------- exercise 2

STEPS2, MOMENTUM2 = 10, 0.9


@cache
def _batch2() -> np.ndarray:
    return np.random.default_rng(42).normal(loc=2.0, scale=3.0, size=(32, 4)).astype("float32")


def _moving2(momentum: float, steps: int) -> tuple[np.ndarray, np.ndarray]:
    x = _batch2().astype(float)
    left = momentum**steps
    return (1 - left) * x.mean(axis=0), left + (1 - left) * x.var(axis=0)


@EXERCISES.exercise(
    "2",
    hints=(
        "Each training-mode call moves the moving mean a fraction 1 - momentum of the remaining "
        "way towards the batch mean; an inference-mode call only reads the moving averages.",
        "So after t training calls from 0, the moving mean is (1 - 0.9**t) times the batch mean: "
        "a way to predict what Keras should give you.",
        "`bn = keras.layers.BatchNormalization(momentum=0.9)`, then a loop: "
        "`for _ in range(10): bn(X_batch, training=True)`.",
        "`np.asarray(bn.moving_mean)` reads the moving mean; `np.asarray(bn(X_batch, "
        "training=False))` is the inference-mode output.",
    ),
)
def _grade_2(moving_mean, inference_out):
    x = _batch2().astype(float)
    mean_ref, var_ref = _moving2(MOMENTUM2, STEPS2)
    value = expect_array("moving_mean", moving_mean, (4,))
    expect_close_array(
        "moving_mean",
        value,
        mean_ref,
        tol=1e-4,
        mistakes=(
            (
                _moving2(0.99, STEPS2)[0],
                "that is Keras' default momentum 0.99; the exercise asks "
                "for BatchNormalization(momentum=0.9).",
            ),
            (
                np.zeros(4),
                "the moving mean has not moved: only calls with training=True update it.",
            ),
            (
                _moving2(MOMENTUM2, 1)[0],
                "that is the moving mean after *one* call; call the layer "
                "10 times in training mode.",
            ),
            (
                _moving2(MOMENTUM2, 11)[0],
                "that is the moving mean after 11 training calls; the "
                "exercise asks for 10 (the inference call does not count).",
            ),
            (
                x.mean(axis=0),
                "that is the batch mean itself; the moving average approaches it step "
                "by step, a fraction 1 - 0.9 = 0.1 of the remaining way per call.",
            ),
            (
                MOMENTUM2**STEPS2 * x.mean(axis=0),
                "that is 0.9**10 times the batch mean: the share "
                "of the *starting* value left is 0.9**10, so the "
                "moving mean is (1 - 0.9**10) times the batch mean.",
            ),
        ),
    )
    expected = (x - mean_ref) / np.sqrt(var_ref + EPS)
    expect_close_array(
        "inference_out",
        expect_array("inference_out", inference_out, x.shape),
        expected,
        tol=1e-4,
        mistakes=(
            (
                _normalize(x),
                "that is the training-mode output (the batch's own statistics); call "
                "the layer with training=False.",
            ),
        ),
    )
    return (
        "After 10 steps 35 % of the starting values is still in the moving averages, so "
        "inference-mode outputs are far from standardized."
    )


# --------------------------------------------------------------------------- exercise 3


def _activation_name(layer) -> str:
    """The name of a layer's activation, without get_config (which fails on a lambda regularizer)."""
    activation = getattr(layer, "activation", None)
    return str(getattr(activation, "__name__", activation))


def _layer_kind(layer, keras) -> str:
    if isinstance(layer, keras.layers.Dense):
        return f"Dense({layer.units}, {_activation_name(layer)})"
    if isinstance(layer, keras.layers.BatchNormalization):
        return "BatchNormalization"
    if isinstance(layer, keras.layers.Activation):
        return f"Activation({_activation_name(layer)})"
    return type(layer).__name__


@EXERCISES.exercise(
    "3",
    hints=(
        "Only the order inside each hidden layer changes: the sigmoid now belongs to the Dense "
        "layer, and the normalization comes after it. The lesson lowers the momentum from "
        "Keras' 0.99 to 0.9 for this small data set (section 4).",
        'Each hidden layer is `layers.Dense(100, activation="sigmoid")` followed by '
        "`layers.BatchNormalization(momentum=0.9)`; start with `keras.Input(shape=(64,))` and end "
        'with `layers.Dense(10, activation="softmax")`.',
        "`model.non_trainable_weights` lists the moving means and variances; add up their sizes "
        "with `np.prod(w.shape)`.",
    ),
)
def _grade_3(model, n_non_trainable):
    expect_keras_model("model", model)
    import keras

    expect_keras_inputs(model, 64, "64 pixels per image")
    kinds = [_layer_kind(layer, keras) for layer in model.layers]
    after = ["Dense(100, sigmoid)", "BatchNormalization"] * 3 + ["Dense(10, softmax)"]
    before = ["Dense(100, linear)", "BatchNormalization", "Activation(sigmoid)"] * 3 + [
        "Dense(10, softmax)"
    ]
    if kinds == before:
        raise Incorrect(
            "that is batch normalization *before* the activation (the lesson's "
            "network); here each BatchNormalization comes after Dense(100, "
            "activation='sigmoid')."
        )
    if kinds != after:
        raise Incorrect(
            f"the layers are {kinds}; the exercise asks for 3 × [Dense(100, "
            "sigmoid), BatchNormalization], then Dense(10, softmax)."
        )
    momenta = sorted(
        {
            float(layer.momentum)
            for layer in model.layers
            if isinstance(layer, keras.layers.BatchNormalization)
        }
    )
    if momenta != [0.9]:
        if momenta == [0.99]:
            raise Incorrect(
                "the BatchNormalization layers use Keras' default momentum 0.99; "
                "the exercise asks for momentum=0.9 (section 4 of the lesson)."
            )
        raise Incorrect(f"the BatchNormalization layers have momentum {momenta}; use 0.9.")
    count = expect_int("n_non_trainable", n_non_trainable)
    if count != 600:
        if count == 1200:
            raise Incorrect(
                "`n_non_trainable` = 1200 counts gamma and beta too; they are "
                "trained by gradient descent. Only the moving mean and variance "
                "are non-trainable."
            )
        if count == 300:
            raise Incorrect(
                "`n_non_trainable` = 300: each of the 100 units of each layer has "
                "a moving mean *and* a moving variance."
            )
        raise Incorrect(
            f"`n_non_trainable` = {count} is not the number of non-trainable "
            "parameters of this model."
        )
    return "Two moving statistics per unit, 100 units, 3 layers: 600 numbers no gradient touches."


# --------------------------------------------------------------------------- exercise 4


@cache
def _data4() -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    rng = np.random.default_rng(8)
    x = rng.normal(loc=1.0, scale=2.0, size=(6, 3))
    gamma = np.array([1.5, 0.5, 2.0])
    beta = np.array([0.1, -0.2, 0.3])
    grad_out = rng.normal(size=(6, 3))
    return x, gamma, beta, grad_out


@EXERCISES.exercise(
    "4",
    hints=(
        "In training mode each output depends on every input of its column, through the batch "
        "mean and variance: the gradient has a direct term and terms that flow through the two "
        "statistics (the lesson's formula in section 5). Treating them as constants gives "
        "dx_frozen.",
        "First the forward quantities: mean, var (ddof=0), inv_std = 1 / np.sqrt(var + 1e-3) and "
        "x_hat = (x - mean) * inv_std.",
        "The frozen version treats mean and var as constants: dx_frozen = grad_out * gamma * "
        "inv_std; and dgamma = (grad_out * x_hat).sum(axis=0).",
        "The full dx, with g = grad_out * gamma and m = 6: "
        "dx = inv_std / m * (m * g - g.sum(axis=0) - x_hat * (g * x_hat).sum(axis=0)).",
    ),
)
def _grade_4(dx, dgamma, dx_frozen):
    x, gamma, _beta, grad_out = _data4()
    m = len(x)
    inv_std = 1 / np.sqrt(x.var(axis=0) + EPS)
    x_hat = (x - x.mean(axis=0)) * inv_std
    g = grad_out * gamma
    frozen = g * inv_std
    expected_dx = inv_std / m * (m * g - g.sum(axis=0) - x_hat * (g * x_hat).sum(axis=0))
    expect_close_array(
        "dx",
        expect_array("dx", dx, x.shape),
        expected_dx,
        tol=1e-8,
        mistakes=(
            (
                frozen,
                "that treats the batch mean and variance as constants (inference mode); in "
                "training mode they depend on every example of the batch.",
            ),
            (
                inv_std / m * (m * g - g.sum(axis=0)),
                "that accounts for the batch mean but not the batch variance: the term "
                "- x_hat * (g * x_hat).sum(axis=0) is missing.",
            ),
            (
                inv_std
                / m
                * (m * grad_out - grad_out.sum(axis=0) - x_hat * (grad_out * x_hat).sum(axis=0)),
                "gamma is missing: the gradient reaching x_hat is grad_out * gamma.",
            ),
        ),
    )
    expect_close_array(
        "dgamma",
        expect_array("dgamma", dgamma, (3,)),
        (grad_out * x_hat).sum(axis=0),
        tol=1e-8,
        mistakes=(
            (grad_out.sum(axis=0), "that is dbeta; dgamma weights each gradient by x_hat."),
            ((grad_out * x_hat).mean(axis=0), "sum over the batch, not the mean."),
            ((grad_out * x).sum(axis=0), "use the normalized x_hat, not the raw x."),
        ),
    )
    expect_close_array(
        "dx_frozen",
        expect_array("dx_frozen", dx_frozen, x.shape),
        frozen,
        tol=1e-8,
        mistakes=(
            (
                expected_dx,
                "that is the full training-mode gradient; the frozen "
                "one is grad_out * gamma * inv_std.",
            ),
        ),
    )
    return "The two differ: the batch couples the examples, and the gradient knows it."


# --------------------------------------------------------------------------- exercise 5

CANDIDATES5 = (0.5, 0.8, 0.9, 0.95, 0.99)
STEPS5, BATCH5, MEAN5, SD5 = 20, 32, 2.0, 3.0
# A simulation of 2,000 runs is within about 1.6 % (one sd) of the exact error; 6 % tells apart
# 19 or 21 steps (up to 9 % off at momentum 0.9) and still passes an honest simulation.
RTOL5 = 0.06


def _rmse5(
    momenta, start: float = 0.0, noise: bool = True, bias: bool = True, steps: int = STEPS5
) -> np.ndarray:
    """Exact RMSE of the moving mean after ``steps`` updates, from ``start``: bias and noise."""
    m = np.asarray(momenta, dtype=float)
    bias_term = m**steps * (start - MEAN5) if bias else 0.0
    noise_var = SD5**2 / BATCH5 * (1 - m) ** 2 * (1 - m ** (2 * steps)) / (1 - m**2)
    return np.sqrt(bias_term**2 + (noise_var if noise else 0.0))


def _rel_close(value: np.ndarray, reference: np.ndarray) -> bool:
    return bool(np.all(np.abs(value - reference) <= RTOL5 * reference))


@EXERCISES.exercise(
    "5",
    hints=(
        "Two errors add up at the end of training: what is left of the starting value "
        "(a share momentum**steps of it) and the noise of averaging only the last "
        "1 / (1 - momentum) or so batches. Simulating the update rule measures both.",
        "Draw all batch means at once: `batch_means = rng.normal(2.0, 3.0, size=(2000, 20, "
        "32)).mean(axis=2)`; then, for each momentum m, start `moving = np.zeros(2000)` and "
        "update it 20 times: `moving = m * moving + (1 - m) * batch_means[:, t]`.",
        "rmse for one m: `np.sqrt(np.mean((moving - 2.0) ** 2))`. Choose the candidate with "
        "the smallest: `candidates[int(np.argmin(rmse))]`.",
    ),
)
def _grade_5(rmse, momentum):
    values = expect_array("rmse", rmse, (len(CANDIDATES5),), unit="candidate momentum")
    expected = _rmse5(CANDIDATES5)
    if not _rel_close(values, expected):
        for steps in (STEPS5 - 1, STEPS5 + 1):
            if _rel_close(values, _rmse5(CANDIDATES5, steps=steps)):
                raise Incorrect(
                    f"`rmse` looks like {steps} updates of the moving mean; the exercise asks for "
                    f"{STEPS5} (one per training step, starting from 0)."
                )
        if _rel_close(values, _rmse5(CANDIDATES5, bias=False)):
            raise Incorrect(
                "`rmse` leaves out the starting value: a new layer's moving mean starts at 0, "
                "and after 20 steps a share momentum**20 of that start is still in it. Measure "
                "the error against the true mean 2 (not the spread around the runs' average)."
            )
        if _rel_close(values, _rmse5([1 - m for m in CANDIDATES5])):
            raise Incorrect(
                "`rmse`: the update's weights are swapped. Keras keeps a share `momentum` of the "
                "old value: moving = momentum * moving + (1 - momentum) * batch mean."
            )
        if _rel_close(values, _rmse5(CANDIDATES5)[::-1]):
            raise Incorrect("`rmse` is in reverse order: list the errors as 0.5, 0.8, ..., 0.99.")
        raise Incorrect(
            "`rmse` is not what the simulation gives (off by more than 6 % for some "
            "momentum). Check the 20 steps, the batches of 32, and the root of the mean "
            "squared error against 2."
        )
    expect_choice("momentum", momentum, CANDIDATES5)
    choice = CANDIDATES5[CANDIDATES5.index(momentum)]  # one of the listed floats
    best = CANDIDATES5[int(np.argmin(expected))]
    if choice != best:
        messages = {
            0.99: "Keras' default keeps 82 % of the starting 0 after 20 steps; its error is the "
            "largest of all. It suits long runs, not this one.",
            0.5: "0.5 forgets the start at once, but averages only the last two batches or so: "
            "its noise makes its error larger than that of a momentum in the middle.",
            0.9: "0.9 is the lesson's choice for 136 steps; with only 20, a share 0.9**20 = 12 % "
            "of the start is left, and its error here is not the smallest.",
        }
        reason = messages.get(choice, "its error is not the smallest of the five.")
        raise Incorrect(f"`momentum` = {choice}: {reason} Choose by your `rmse`.")
    return (
        f"Momentum {best} balances the two errors here; with many more steps a larger momentum "
        "wins, because its start is forgotten anyway and it averages more batches."
    )
