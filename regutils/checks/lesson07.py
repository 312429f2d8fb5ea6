"""Checks and hints for ``notebooks/07_weight_penalties_exercises.ipynb``.

Each check recomputes the reference answer from the recipe the exercise gives (Keras is imported
inside the functions: the exercise notebook has imported it already), then compares; messages
name the mistakes learners make most often.
"""

from __future__ import annotations

import math
import re
from functools import cache

import numpy as np

from regutils.feedback import (
    ExerciseBook,
    Incorrect,
    expect_close,
    expect_keras_inputs,
    expect_keras_model,
    expect_number,
)

EXERCISES = ExerciseBook(notebook="07_weight_penalties_exercises.ipynb")

# --------------------------------------------------------------------------- exercise 1

L1_STRENGTH, L2_STRENGTH = 0.0005, 0.005


def _penalty_settings(layer) -> tuple[float, float] | None:
    """(l1, l2) of a layer's kernel_regularizer, or None without one."""
    import keras

    regularizer = getattr(layer, "kernel_regularizer", None)
    if regularizer is None:
        return None
    asked = "use keras.regularizers.L1L2(l1=0.0005, l2=0.005)"
    if not isinstance(regularizer, keras.regularizers.Regularizer):
        raise Incorrect(
            f"layer {layer.name!r} has a function as its kernel_regularizer (a lambda?); Keras "
            f"can neither show nor save its strengths, and the check cannot read them: {asked}."
        )
    if not isinstance(
        regularizer, (keras.regularizers.L1, keras.regularizers.L2, keras.regularizers.L1L2)
    ):
        raise Incorrect(
            f"layer {layer.name!r} has a {type(regularizer).__name__} as its kernel_regularizer; "
            f"the exercise asks for an L1 + L2 penalty: {asked}."
        )
    config = regularizer.get_config()
    return float(config.get("l1", 0.0)), float(config.get("l2", 0.0))


def _close(value: float, target: float) -> bool:
    return math.isclose(value, target, rel_tol=1e-5, abs_tol=1e-12)


@EXERCISES.exercise(
    "1",
    hints=(
        "A penalty on a layer's weights is that layer's `kernel_regularizer`; one regularizer "
        "object can hold an L1 and an L2 part at once, and the output layer gets none.",
        "Start from the lesson's `network()` function: keras.Sequential([keras.Input(shape=(22,)), "
        "Dense(128, relu), Dense(64, relu), Dense(1, sigmoid)]).",
        "Give both hidden Dense layers `kernel_regularizer=keras.regularizers.L1L2(l1=0.0005, "
        "l2=0.005)`, and leave the output layer without one.",
    ),
)
def _grade_1(model):
    expect_keras_model("model", model)
    import keras

    if not isinstance(model, keras.Sequential):
        raise Incorrect(
            "build `model` as a `keras.Sequential([...])` of layers, as the exercise asks."
        )
    others = [layer.name for layer in model.layers if not isinstance(layer, keras.layers.Dense)]
    if others:
        raise Incorrect(
            f"the exercise asks for three Dense layers only; `model` also has {', '.join(others)}."
        )
    dense = model.layers
    if [layer.units for layer in dense] != [128, 64, 1]:
        raise Incorrect(
            f"`model` has Dense layers of {[layer.units for layer in dense]} units; "
            "the network is 128-64-1."
        )
    activations = [layer.get_config()["activation"] for layer in dense]
    if activations != ["relu", "relu", "sigmoid"]:
        raise Incorrect(f"the activations are {activations}; use relu, relu and sigmoid.")
    expect_keras_inputs(model, 22, "22 columns after preprocessing")
    for k, layer in enumerate(dense[:2], start=1):
        settings = _penalty_settings(layer)
        if settings is None:
            if layer.activity_regularizer is not None:
                raise Incorrect(
                    f"hidden layer {k} has an activity_regularizer, which penalizes the "
                    "layer's outputs, not its weights: use kernel_regularizer."
                )
            if layer.bias_regularizer is not None:
                raise Incorrect(
                    f"hidden layer {k} penalizes its bias; the exercise asks for its "
                    "weights: kernel_regularizer."
                )
            raise Incorrect(f"hidden layer {k} has no kernel_regularizer.")
        l1, l2 = settings
        if l1 == 0.0 and l2 == 0.0:
            raise Incorrect(
                f"hidden layer {k}'s penalty is zero: `l1_l2()` without arguments is "
                "no penalty in Keras 3; pass l1=0.0005 and l2=0.005 explicitly."
            )
        if _close(l1, L2_STRENGTH) and _close(l2, L1_STRENGTH):
            raise Incorrect(f"hidden layer {k}: l1 and l2 are swapped (l1={l1:g}, l2={l2:g}).")
        if l1 == 0.0 and _close(l2, L2_STRENGTH):
            raise Incorrect(
                f"hidden layer {k} has the L2 part only; the exercise asks for L1 + L2."
            )
        if l2 == 0.0 and _close(l1, L1_STRENGTH):
            raise Incorrect(
                f"hidden layer {k} has the L1 part only; the exercise asks for L1 + L2."
            )
        if not (_close(l1, L1_STRENGTH) and _close(l2, L2_STRENGTH)):
            raise Incorrect(
                f"hidden layer {k}'s penalty is l1={l1:g}, l2={l2:g}; the exercise "
                "asks for l1=0.0005 and l2=0.005."
            )
        if layer.bias_regularizer is not None:
            raise Incorrect(f"hidden layer {k} also penalizes its bias; penalize the kernel only.")
    if _penalty_settings(dense[2]) is not None:
        raise Incorrect(
            "the output layer has a kernel_regularizer too; the exercise penalizes the "
            "hidden layers only."
        )
    return "Two penalty terms in model.losses, one per hidden layer."


# --------------------------------------------------------------------------- exercise 2

EX2_L1, EX2_L2 = 0.001, 0.01


@cache
def _exercise_2_weights() -> tuple[np.ndarray, ...]:
    """The weights of exercise 2's model: build_mlp(22, (16, 8), ...) with random weights."""
    from regutils.training import build_mlp

    model = build_mlp(22, (16, 8), l1=EX2_L1, l2=EX2_L2, seed=3)
    rng = np.random.default_rng(6)
    model.set_weights([rng.normal(0.0, 0.3, size=w.shape) for w in model.get_weights()])
    weights = tuple(np.asarray(w, dtype=np.float64) for w in model.get_weights())
    keras_penalty = float(sum(model.losses))
    return weights + (np.array(keras_penalty),)


def _terms(arrays, l1=EX2_L1, l2=EX2_L2, half=False) -> float:
    factor = 0.5 if half else 1.0
    return float(sum(l1 * np.abs(w).sum() + factor * l2 * np.square(w).sum() for w in arrays))


@EXERCISES.exercise(
    "2",
    hints=(
        "Keras adds l1 * sum(|w|) + l2 * sum(w**2) for each kernel that has a regularizer, summed "
        "over its entries: build_mlp puts one on the hidden layers' kernels only.",
        "`model.get_weights()` lists kernel, bias, kernel, bias, ... layer by layer; the penalized "
        "kernels are those of the two hidden layers: `weights[0]` and `weights[2]`.",
        "For each penalized kernel W: 0.001 * np.abs(W).sum() + 0.01 * (W ** 2).sum(); add the two. "
        "No factor ½, no mean: Keras sums.",
    ),
)
def _grade_2(penalty):
    *weights, keras_penalty = _exercise_2_weights()
    kernels = [weights[0], weights[2]]
    expected = _terms(kernels)
    assert math.isclose(expected, float(keras_penalty), rel_tol=1e-4), (
        "reference drifted from Keras"
    )
    expect_close(
        "penalty",
        penalty,
        expected,
        tol=1e-4 * expected,
        mistakes=[
            (
                _terms(kernels, l1=0.0),
                "that is the L2 part only; add the L1 part, 0.001 * sum(|w|).",
            ),
            (
                _terms(kernels, l2=0.0),
                "that is the L1 part only; add the L2 part, 0.01 * sum(w**2).",
            ),
            (_terms(kernels, half=True), "Keras' L2 penalty is l2 * sum(w**2), with no factor ½."),
            (
                _terms(kernels + [weights[4]]),
                "the output layer is not penalized: build_mlp puts the "
                "regularizer on the hidden layers only.",
            ),
            (
                _terms(weights[:4]),
                "biases are not penalized: kernel_regularizer applies to the "
                "kernels (weights[0] and weights[2]) only.",
            ),
            (
                _terms(weights),
                "only the hidden layers' kernels are penalized, not biases or the output layer.",
            ),
            (
                float(
                    sum(EX2_L1 * np.abs(w).mean() + EX2_L2 * np.square(w).mean() for w in kernels)
                ),
                "Keras *sums* over the weights; you took means.",
            ),
        ],
    )
    return "It matches sum(model.losses): that is what Keras adds to the loss."


# --------------------------------------------------------------------------- exercise 3

#: Validation accuracy of the 128-64-1 network on 5 folds (columns) by L2 strength (rows), recorded
#: once from a run of the lesson's protocol with other fold shuffles (StratifiedKFold(5,
#: shuffle=True, random_state=1), 20 epochs, batch 64, Adam 0.003, AVX2 CPU), rounded to 3
#: decimals. Fixed on purpose: the exercise gives this table to the learner as data and is about
#: the one-standard-error rule, so every learner, whatever the seed (REGUTILS_SEED) or CPU, gets
#: the same answer. The check derives its reference answers from the table with the rule (nothing
#: else is hard-coded), and tests/test_checks_lesson07.py shows that they do not hinge on the
#: rounding: any table within ±0.0005 of this one gives the same answers and the same messages.
EX3_STRENGTHS = (0.0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3)
EX3_ACCURACY = (
    (0.770, 0.803, 0.852, 0.800, 0.817),
    (0.770, 0.836, 0.852, 0.783, 0.833),
    (0.803, 0.836, 0.869, 0.783, 0.817),
    (0.836, 0.836, 0.869, 0.800, 0.833),
    (0.852, 0.852, 0.918, 0.783, 0.867),
    (0.803, 0.852, 0.902, 0.783, 0.867),
    (0.885, 0.787, 0.869, 0.750, 0.833),
)


def _one_se_choice(margin: str = "se", strongest: bool = True) -> float:
    """The strength the one-standard-error rule (lesson 05's, ddof=1) picks from the table."""
    from regutils.model_selection import one_standard_error_rule_from_folds

    return one_standard_error_rule_from_folds(
        EX3_STRENGTHS,
        EX3_ACCURACY,
        simpler="higher" if strongest else "lower",
        margin=margin,
    )


def _is_position(value: float, strength: float) -> bool:
    """Whether ``value`` is the row number of ``strength`` in the table (0-based or 1-based)."""
    row = EX3_STRENGTHS.index(strength)
    return value in (row, row + 1) and value not in EX3_STRENGTHS


@EXERCISES.exercise(
    "3",
    hints=(
        "The one-standard-error rule (lesson 05): find the best mean accuracy, accept every "
        "strength whose mean is within one standard error of it, and among those take the "
        "simplest model.",
        "Put the table in a DataFrame with one row per strength; `.mean(axis=1)` gives the mean "
        "accuracy of each strength, and `.idxmax()` the best one.",
        "The standard error of the best strength is the standard deviation of its 5 accuracies "
        "(ddof=1, as in lesson 05) / sqrt(5). Keep every strength whose mean is at least (best mean "
        "- that standard error).",
        "Among those, the one-standard-error rule takes the *simplest* model: for a penalty, the "
        "strongest one (the largest l2).",
    ),
)
def _grade_3(best_l2, chosen_l2):
    means = np.array(EX3_ACCURACY).mean(axis=1)
    best = EX3_STRENGTHS[int(np.argmax(means))]
    worst = EX3_STRENGTHS[int(np.argmin(means))]
    value = expect_number("best_l2", best_l2)
    if not _close(value, best) and _is_position(value, best):
        raise Incorrect(
            f"`best_l2` = {value:g} is the *position* of the best row; give the strength itself "
            "(the row's label in the index, e.g. what `.idxmax()` returns)."
        )
    if not _close(value, best):
        if _close(value, worst):
            raise Incorrect(
                f"`best_l2` = {value:g} has the *lowest* mean accuracy; take the "
                "highest (argmax, not argmin)."
            )
        raise Incorrect(
            f"`best_l2` = {value:g} is not the strength with the highest mean accuracy."
        )
    chosen = expect_number("chosen_l2", chosen_l2)
    expected = _one_se_choice()
    if not _close(chosen, expected) and _is_position(chosen, expected):
        raise Incorrect(
            f"`chosen_l2` = {chosen:g} is the *position* of a row; give the strength itself."
        )
    if _close(chosen, expected):
        return (
            "The rule trades a point of mean accuracy that is within the noise for a simpler, "
            "more strongly penalized network."
        )
    if _close(chosen, _one_se_choice(margin="sd")):
        raise Incorrect(
            f"`chosen_l2` = {chosen:g} comes from one standard *deviation*; the rule "
            "uses the standard error, sd / sqrt(5)."
        )
    if _close(chosen, _one_se_choice(strongest=False)) or _close(chosen, best):
        raise Incorrect(
            f"`chosen_l2` = {chosen:g}: the rule picks the *strongest* penalty whose "
            "mean is within one standard error of the best (the simplest model), not "
            "the weakest or the best."
        )
    raise Incorrect(
        f"`chosen_l2` = {chosen:g} is not the largest strength whose mean accuracy is "
        "within one standard error of the best."
    )


# --------------------------------------------------------------------------- exercise 4


def adam_reference(
    l2: float = 0.0,
    weight_decay: float = 0.0,
    gradient_b: float = 0.0,
    steps: int = 100,
    learning_rate: float = 0.02,
) -> np.ndarray:
    """Exercise 4's experiment in NumPy, with Keras' Adam/AdamW update rules (defaults).

    Weights [a, b] start at 1; their data gradients alternate +-10 and +-gradient_b; ``l2`` adds
    the penalty's gradient 2 * l2 * w; ``weight_decay`` shrinks w by learning_rate *
    weight_decay * w before each Adam step (as ``keras.optimizers.AdamW`` does). Independent of
    Keras, so the check does not repeat the learner's runs; tests compare it with Keras.
    """
    beta_1, beta_2, epsilon = 0.9, 0.999, 1e-7
    w = np.ones(2)
    m = np.zeros(2)
    v = np.zeros(2)
    for t in range(steps):
        sign = 1.0 if t % 2 == 0 else -1.0
        gradient = np.array([10.0 * sign, gradient_b * sign]) + 2 * l2 * w
        w = w - learning_rate * weight_decay * w
        m = beta_1 * m + (1 - beta_1) * gradient
        v = beta_2 * v + (1 - beta_2) * gradient**2
        alpha = learning_rate * np.sqrt(1 - beta_2 ** (t + 1)) / (1 - beta_1 ** (t + 1))
        w = w - alpha * m / (np.sqrt(v) + epsilon)
    return w


@cache
def _exercise_4() -> dict[str, float]:
    result = {}
    for gradient_b in (0.1, 1.0):
        plain = adam_reference(gradient_b=gradient_b)
        l2 = adam_reference(l2=0.01, gradient_b=gradient_b)
        result[f"l2 {gradient_b}"] = float(l2[1] / plain[1])
        result[f"l2 a {gradient_b}"] = float(l2[0] / plain[0])
        result[f"raw l2 {gradient_b}"] = float(l2[1])
    decay = adam_reference(weight_decay=0.02, gradient_b=0.1)
    result["decay"] = float(decay[1] / adam_reference(gradient_b=0.1)[1])
    return result


def _expect_factor(name: str, value: object) -> float:
    """A shrinkage factor as a number; a message for the [a, b] arrays optimize() returns."""
    if isinstance(value, (list, tuple, np.ndarray)) and np.size(value) == 2:
        raise Incorrect(
            f"`{name}` holds two numbers, the factors of weights a and b; the exercise asks "
            "about b, the second entry (`[1]`) of what `optimize(...)` returns."
        )
    return expect_number(name, value)


@EXERCISES.exercise(
    "4",
    hints=(
        "Each shrinkage factor needs two runs with the same `gradient_b`: one with the penalty (or "
        "the decay) and one with plain Adam; divide b's final value by b's final value without it.",
        "`optimize(...)` returns [a, b]: b is the second entry, `[1]`. Use a fresh optimizer object "
        "for every run (optimizers keep state).",
        "plain = optimize(keras.optimizers.Adam(learning_rate=0.02), gradient_b=0.1)[1]; then "
        "optimize(keras.optimizers.Adam(learning_rate=0.02), l2=0.01, gradient_b=0.1)[1] / plain, "
        "and the same with gradient_b=1.0, and with AdamW(learning_rate=0.02, weight_decay=0.02).",
    ),
)
def _grade_4(shrink_l2_small, shrink_l2_unit, shrink_decay_small):
    shrink_l2_small, shrink_l2_unit, shrink_decay_small = (
        _expect_factor(name, value)
        for name, value in (
            ("shrink_l2_small", shrink_l2_small),
            ("shrink_l2_unit", shrink_l2_unit),
            ("shrink_decay_small", shrink_decay_small),
        )
    )
    ref = _exercise_4()
    tol = 0.005
    for name, value, key in (
        ("shrink_l2_small", shrink_l2_small, "l2 0.1"),
        ("shrink_l2_unit", shrink_l2_unit, "l2 1.0"),
    ):
        gradient_b = key.split()[-1]
        expect_close(
            name,
            value,
            ref[key],
            tol=tol,
            mistakes=[
                (
                    ref[f"l2 a {gradient_b}"],
                    "that is weight a's factor; the exercise asks about b, the second entry.",
                ),
                (
                    ref[f"raw l2 {gradient_b}"],
                    "that is b's final value; divide it by b's final value under plain Adam.",
                ),
                (
                    ref["decay"],
                    "that is AdamW's factor; this one asks for Adam with the L2 penalty.",
                ),
            ],
        )
    expect_close(
        "shrink_decay_small",
        shrink_decay_small,
        ref["decay"],
        tol=tol,
        mistakes=[
            (ref["l2 0.1"], "that is Adam + L2's factor; this one asks for AdamW."),
        ],
    )
    return "Adam + L2 shrinks a weight more the smaller its gradients; AdamW's decay does not care."


# --------------------------------------------------------------------------- exercise 5

#: Exercise 5's schedule (the colleague's run) and the lesson's long run it is matched to.
EX5_PATIENTS, EX5_BATCH_SIZE, EX5_EPOCHS = 242, 32, 100
EX5_LEARNING_RATE, EX5_DEFAULT_DECAY = 0.001, 0.004
LESSON_LEARNING_RATE, LESSON_DECAY, LESSON_STEPS = 0.003, 1.0, 400


def decay_factor(learning_rate: float, weight_decay: float, steps: float) -> float:
    """The share of its size a weight keeps after ``steps`` steps of decoupled decay alone."""
    return float((1 - learning_rate * weight_decay) ** steps)


def _steps(batches_per_epoch: float) -> float:
    return batches_per_epoch * EX5_EPOCHS


def _decayed_variables(var_names: list[str]) -> dict[str, bool]:
    """Which variables of the lesson's network AdamW decays with these ``var_names`` excluded.

    One step with zero gradients: Adam's own step is then zero, so a variable changes only if it
    is decayed (the same test as the lesson's).
    """
    import keras

    model = keras.Sequential(
        [
            keras.Input(shape=(22,)),
            keras.layers.Dense(128, activation="relu"),
            keras.layers.Dense(64, activation="relu"),
            keras.layers.Dense(1, activation="sigmoid"),
        ]
    )
    model.set_weights([np.ones(w.shape, dtype="float32") for w in model.get_weights()])
    optimizer = keras.optimizers.AdamW(learning_rate=0.01, weight_decay=1.0)
    optimizer.exclude_from_weight_decay(var_names=var_names)
    optimizer.apply_gradients(
        [(np.zeros(v.shape, dtype="float32"), v) for v in model.trainable_variables]
    )
    return {
        f"{layer.name}/{v.name}": bool(np.any(v.numpy() != 1.0))
        for layer in model.layers
        for v in layer.trainable_variables
    }


def _grade_exclude(exclude: object) -> None:
    if isinstance(exclude, (str, bytes)) or not isinstance(exclude, (list, tuple)):
        raise Incorrect(
            f"`exclude` should be a list of strings, the `var_names` for "
            f"exclude_from_weight_decay, e.g. ['...']; got {exclude!r}."
        )
    if not all(isinstance(name, str) for name in exclude):
        raise Incorrect(
            f"`exclude` should hold strings only (parts of variable names): {exclude!r}."
        )
    try:
        decayed = _decayed_variables(list(exclude))
    except re.error:
        raise Incorrect(
            f"Keras reads the strings in `exclude` as regular expressions, and {exclude!r} is "
            "not a valid one; use plain parts of variable names."
        ) from None
    kernels = [name for name in decayed if name.endswith("/kernel")]
    biases = [name for name in decayed if name.endswith("/bias")]
    if not all(decayed[name] for name in kernels):
        raise Incorrect(
            f"with `exclude` = {exclude!r} the kernels are not decayed either: they are the "
            "weights weight decay is for. Keras searches each string in the variable's path "
            "(e.g. 'sequential/dense/kernel'): exclude the biases only."
        )
    if any(decayed[name] for name in biases):
        raise Incorrect(
            f"with `exclude` = {exclude!r} the biases still decay: Keras decays every variable "
            "whose path (e.g. 'sequential/dense/bias') contains none of the strings."
        )


@EXERCISES.exercise(
    "5",
    hints=(
        "Each optimizer step multiplies a decayed weight by (1 - learning_rate * weight_decay); "
        "a run takes one step per mini-batch, the smaller last one included. The same total decay "
        "means the same learning_rate * weight_decay * steps.",
        "`exclude_from_weight_decay(var_names=[...])` skips every variable whose path contains one "
        "of the strings: a Dense layer's are like 'sequential/dense/kernel' and "
        "'sequential/dense/bias'.",
        "steps = math.ceil(242 / 32) * 100; factor_default = (1 - 0.001 * 0.004) ** steps; "
        "weight_decay = 0.003 * 1.0 * 400 / (0.001 * steps); exclude = ['bias'].",
    ),
)
def _grade_5(steps, factor_default, weight_decay, exclude):
    per_epoch = math.ceil(EX5_PATIENTS / EX5_BATCH_SIZE)
    right_steps = _steps(per_epoch)
    value = expect_number("steps", steps)
    if value != right_steps:
        if value in (_steps(EX5_PATIENTS // EX5_BATCH_SIZE), _steps(EX5_PATIENTS / EX5_BATCH_SIZE)):
            raise Incorrect(
                f"`steps` = {value:g}: each epoch takes one step per mini-batch, the smaller last "
                f"one included: math.ceil({EX5_PATIENTS} / {EX5_BATCH_SIZE}) per epoch."
            )
        if round(value) == round(_steps(EX5_PATIENTS / EX5_BATCH_SIZE)):
            raise Incorrect(
                f"`steps` = {value:g}: steps are whole mini-batches, the smaller last one "
                f"included: math.ceil({EX5_PATIENTS} / {EX5_BATCH_SIZE}) per epoch."
            )
        if value == EX5_EPOCHS:
            raise Incorrect(
                "`steps` = 100 is the number of epochs; each epoch takes one step per mini-batch."
            )
        raise Incorrect(f"`steps` = {value:g} is not the number of optimizer steps of the run.")
    product = EX5_LEARNING_RATE * EX5_DEFAULT_DECAY * right_steps
    expect_close(
        "factor_default",
        factor_default,
        decay_factor(EX5_LEARNING_RATE, EX5_DEFAULT_DECAY, right_steps),
        tol=2e-5,
        mistakes=[
            (
                product,
                "that is learning_rate * weight_decay * steps, about the share a weight *loses*; "
                "the factor is the share it keeps, (1 - learning_rate * weight_decay) ** steps.",
            ),
            (
                decay_factor(LESSON_LEARNING_RATE, EX5_DEFAULT_DECAY, right_steps),
                "that uses the lesson's learning rate; the colleague's is 0.001.",
            ),
        ],
    )
    target = LESSON_LEARNING_RATE * LESSON_DECAY * LESSON_STEPS
    expect_close(
        "weight_decay",
        weight_decay,
        target / (EX5_LEARNING_RATE * right_steps),
        tol=0.01,
        mistakes=[
            (
                LESSON_DECAY,
                "that is the lesson's weight_decay; the decay per step is learning_rate * "
                "weight_decay, and the colleague's learning rate is a third of the lesson's.",
            ),
            (
                LESSON_DECAY * EX5_LEARNING_RATE / LESSON_LEARNING_RATE,
                "a smaller learning rate needs a *larger* weight_decay for the same decay per step.",
            ),
            (EX5_DEFAULT_DECAY, "that is the default the exercise asks you to replace."),
        ],
    )
    _grade_exclude(exclude)
    return (
        f"The default keeps {decay_factor(EX5_LEARNING_RATE, EX5_DEFAULT_DECAY, right_steps):.4f} "
        "of a weight over the whole run: it does nothing you could measure. weight_decay=1.5 "
        "decays the kernels as much as the lesson's long run did, and leaves the biases alone."
    )
