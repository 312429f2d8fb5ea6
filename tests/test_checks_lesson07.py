"""Lesson 07's exercise checks: right answers pass, known-wrong answers get their message.

Exercises 3 and 4 need no TensorFlow and run in the test process. Exercises 1 and 2 inspect and
build Keras models: those tests (``@pytest.mark.keras``) run in one fresh Python process started by
:func:`test_keras_tests_pass_in_a_fresh_process` (see tests/fresh_process.py for why).
"""

from __future__ import annotations

import numpy as np
import pytest
from fresh_process import run_keras_tests, solution_cases


def test_keras_tests_pass_in_a_fresh_process():
    run_keras_tests(__file__, *solution_cases(LESSON))


LESSON = "07"


# --------------------------------------------------------------------------- exercise 1


def network(hidden=None, output=None, *, units=(128, 64, 1), n_inputs=22, extra=(), **layer_kwargs):
    import keras

    hidden_args = dict(kernel_regularizer=hidden, **layer_kwargs)
    return keras.Sequential(
        [
            keras.Input(shape=(n_inputs,)),
            keras.layers.Dense(units[0], activation="relu", **hidden_args),
            *extra,
            keras.layers.Dense(units[1], activation="relu", **hidden_args),
            keras.layers.Dense(units[2], activation="sigmoid", kernel_regularizer=output),
        ]
    )


@pytest.mark.keras
def test_exercise_1_right_answers(ex):
    import keras

    right = keras.regularizers.L1L2(l1=0.0005, l2=0.005)
    assert ex.feedback("1", model=network(right)).startswith("Correct: exercise 1.")
    # The function form builds the same regularizer.
    assert ex.feedback(
        "1", model=network(keras.regularizers.l1_l2(l1=0.0005, l2=0.005))
    ).startswith("Correct")


@pytest.mark.keras
@pytest.mark.parametrize(
    "case, message",
    [
        ("no_arguments", "`l1_l2()` without arguments is no penalty in Keras 3"),
        ("swapped", "l1 and l2 are swapped"),
        ("l2_only", "has the L2 part only"),
        ("l1_only", "has the L1 part only"),
        ("other_values", "the exercise asks for l1=0.0005 and l2=0.005"),
        ("output_penalized", "the output layer has a kernel_regularizer too"),
        ("activity", "activity_regularizer, which penalizes the layer's outputs"),
        ("bias", "penalizes its bias"),
        ("none", "hidden layer 1 has no kernel_regularizer"),
        ("units", "the network is 128-64-1"),
        ("inputs", "keras.Input(shape=(22,))"),
        ("dropout", "also has"),
    ],
)
def test_exercise_1_mistakes(ex, case, message, assert_wrong):
    import keras

    right = keras.regularizers.L1L2(l1=0.0005, l2=0.005)
    models = {
        "no_arguments": lambda: network(keras.regularizers.l1_l2()),
        "swapped": lambda: network(keras.regularizers.L1L2(l1=0.005, l2=0.0005)),
        "l2_only": lambda: network(keras.regularizers.L2(0.005)),
        "l1_only": lambda: network(keras.regularizers.L1(0.0005)),
        "other_values": lambda: network(keras.regularizers.L1L2(l1=0.001, l2=0.01)),
        "output_penalized": lambda: network(right, right),
        "activity": lambda: network(None, activity_regularizer=right),
        "bias": lambda: network(None, bias_regularizer=right),
        "none": lambda: network(None),
        "units": lambda: network(right, units=(64, 32, 1)),
        "inputs": lambda: network(right, n_inputs=13),
        "dropout": lambda: network(right, extra=(keras.layers.Dropout(0.5),)),
    }
    assert_wrong(ex.feedback("1", model=models[case]()), "1", message)


def test_exercise_1_not_a_model(ex, assert_wrong):
    assert_wrong(ex.feedback("1", model="model"), "1", "should be a Keras model")
    assert ex.feedback("1", model=...).startswith("Exercise 1 is not answered yet")


# --------------------------------------------------------------------------- exercise 2


@pytest.mark.keras
def test_exercise_2_right_answer_and_mistakes(ex, assert_wrong):
    from regutils.checks.lesson07 import _exercise_2_weights

    *weights, keras_penalty = _exercise_2_weights()
    k1, b1, k2, b2, k3, _ = weights

    def terms(*arrays, l1=0.001, l2=0.01, half=False):
        return sum(
            l1 * np.abs(w).sum() + (0.5 if half else 1.0) * l2 * (w**2).sum() for w in arrays
        )

    assert ex.feedback("2", penalty=float(keras_penalty)).startswith("Correct: exercise 2.")
    assert ex.feedback("2", penalty=terms(k1, k2)).startswith("Correct")
    for wrong, message in [
        (terms(k1, k2, l1=0.0), "L2 part only"),
        (terms(k1, k2, l2=0.0), "L1 part only"),
        (terms(k1, k2, half=True), "no factor ½"),
        (terms(k1, k2, k3), "the output layer is not penalized"),
        (terms(k1, b1, k2, b2), "biases are not penalized"),
        (terms(k1, k2) * 1.5, "is not what the exercise asks for"),
    ]:
        assert_wrong(ex.feedback("2", penalty=wrong), "2", message)


def test_exercise_2_not_answered_and_not_a_number(ex):
    assert ex.feedback("2", penalty=...).startswith("Exercise 2 is not answered yet")


# --------------------------------------------------------------------------- exercise 3


def test_exercise_3(ex, assert_wrong):
    assert ex.feedback("3", best_l2=0.03, chosen_l2=0.1).startswith("Correct: exercise 3.")
    cases = [
        ({"best_l2": 0.0, "chosen_l2": 0.1}, "*lowest* mean accuracy"),
        ({"best_l2": 0.1, "chosen_l2": 0.1}, "not the strength with the highest mean"),
        ({"best_l2": 0.03, "chosen_l2": 0.3}, "one standard *deviation*"),
        ({"best_l2": 0.03, "chosen_l2": 0.03}, "the rule picks the *strongest* penalty"),
        ({"best_l2": 0.03, "chosen_l2": 0.001}, "is not the largest strength"),
        ({"best_l2": "0.03", "chosen_l2": 0.1}, "should be a number"),
    ]
    for answers, message in cases:
        assert_wrong(ex.feedback("3", **answers), "3", message)
    assert ex.feedback("3", best_l2=0.03, chosen_l2=...).startswith(
        "Exercise 3 is not answered yet"
    )


def test_exercise_3_uses_lesson_05s_rule_and_convention(ex, assert_wrong):
    """The reference is regutils' one-standard-error rule with ddof=1; 0.01, the weakest strength
    within one standard error, gets the message that the rule picks the strongest."""
    from regutils.checks.lesson07 import EX3_ACCURACY, EX3_STRENGTHS, _one_se_choice
    from regutils.model_selection import one_standard_error_rule

    accuracy = np.array(EX3_ACCURACY)
    standard_errors = accuracy.std(axis=1, ddof=1) / np.sqrt(accuracy.shape[1])
    rule = one_standard_error_rule(
        EX3_STRENGTHS, accuracy.mean(axis=1), standard_errors, simpler="higher"
    )
    assert _one_se_choice() == rule == 0.1
    assert _one_se_choice(strongest=False) == 0.01
    assert_wrong(
        ex.feedback("3", best_l2=0.03, chosen_l2=0.01),
        "3",
        "the rule picks the *strongest* penalty",
    )


def test_exercise_3_does_not_hinge_on_the_tables_rounding(ex, monkeypatch):
    """The table is rounded to 3 decimals: any table within ±0.0005 of it (the unrounded run,
    or a learner's typo in the last digit) gives the same answers and the same messages."""
    import regutils.checks.lesson07 as lesson07

    table = np.array(lesson07.EX3_ACCURACY)
    rng = np.random.default_rng(0)
    perturbations = [rng.uniform(-0.0005, 0.0005, size=table.shape) for _ in range(200)]
    signs = np.where(np.arange(table.shape[0])[:, None] == 4, -1.0, 1.0)  # best row down,
    perturbations += [0.0005 * signs, -0.0005 * signs]  # the others up, and back
    cases = [
        ({"best_l2": 0.03, "chosen_l2": 0.1}, "Correct: exercise 3."),
        ({"best_l2": 0.0, "chosen_l2": 0.1}, "*lowest* mean accuracy"),
        ({"best_l2": 0.03, "chosen_l2": 0.3}, "one standard *deviation*"),
        ({"best_l2": 0.03, "chosen_l2": 0.03}, "the rule picks the *strongest* penalty"),
        ({"best_l2": 0.03, "chosen_l2": 0.01}, "the rule picks the *strongest* penalty"),
        ({"best_l2": 0.03, "chosen_l2": 0.001}, "is not the largest strength"),
    ]
    for delta in perturbations:
        monkeypatch.setattr(lesson07, "EX3_ACCURACY", tuple(map(tuple, table + delta)))
        for answers, message in cases:
            assert message in ex.feedback("3", **answers), (delta, answers)


# --------------------------------------------------------------------------- exercise 4


def test_exercise_4(ex, assert_wrong):
    from regutils.checks.lesson07 import _exercise_4

    ref = _exercise_4()
    right = {
        "shrink_l2_small": ref["l2 0.1"],
        "shrink_l2_unit": ref["l2 1.0"],
        "shrink_decay_small": ref["decay"],
    }
    assert ex.feedback("4", **right).startswith("Correct: exercise 4.")
    assert ex.feedback("4", **{k: round(v, 3) for k, v in right.items()}).startswith("Correct")
    assert round(right["shrink_l2_small"], 3) == 0.669
    cases = [
        ({"shrink_l2_small": ref["l2 a 0.1"]}, "that is weight a's factor"),
        ({"shrink_l2_small": ref["raw l2 0.1"]}, "that is b's final value"),
        ({"shrink_l2_small": ref["decay"]}, "that is AdamW's factor"),
        ({"shrink_l2_unit": ref["raw l2 1.0"]}, "that is b's final value"),
        ({"shrink_decay_small": ref["l2 0.1"]}, "that is Adam + L2's factor"),
        ({"shrink_decay_small": 0.5}, "is not what the exercise asks for"),
    ]
    for changes, message in cases:
        assert_wrong(ex.feedback("4", **{**right, **changes}), "4", message)
    assert ex.feedback("4", **{**right, "shrink_l2_unit": ...}).startswith(
        "Exercise 4 is not answered yet"
    )


@pytest.mark.keras
@pytest.mark.parametrize(
    "kwargs", [{}, {"l2": 0.01}, {"weight_decay": 0.02}, {"l2": 0.01, "gradient_b": 0.1}]
)
def test_exercise_4_numpy_reference_matches_keras(kwargs):
    """The check's NumPy Adam/AdamW gives what Keras' optimizers give (float32: 1e-4)."""
    import keras

    from regutils.checks.lesson07 import adam_reference

    l2, decay, gradient_b = (
        kwargs.get("l2", 0.0),
        kwargs.get("weight_decay", 0.0),
        kwargs.get("gradient_b", 0.0),
    )
    optimizer = (
        keras.optimizers.AdamW(learning_rate=0.02, weight_decay=decay)
        if decay
        else keras.optimizers.Adam(learning_rate=0.02)
    )
    w = keras.Variable(np.ones(2, dtype="float32"))
    for t in range(100):
        sign = 1.0 if t % 2 == 0 else -1.0
        gradient = np.array([10.0 * sign, gradient_b * sign], dtype="float32")
        optimizer.apply_gradients([(gradient + 2 * l2 * w.numpy(), w)])
    np.testing.assert_allclose(w.numpy(), adam_reference(**kwargs), atol=1e-4)


# --------------------------------------------------------------------------- exercise 5

EX5_RIGHT = {
    "steps": 800,
    "factor_default": (1 - 0.001 * 0.004) ** 800,
    "weight_decay": 1.5,
    "exclude": ["bias"],
}


@pytest.mark.keras
def test_exercise_5_right_answers(ex):
    import math

    assert ex.feedback("5", **EX5_RIGHT).startswith("Correct: exercise 5.")
    # e^(-lr * wd * steps) for the factor; the normalization parameters excluded as well.
    other_forms = {
        **EX5_RIGHT,
        "factor_default": math.exp(-0.001 * 0.004 * 800),
        "exclude": ("bias", "gamma", "beta"),
    }
    assert ex.feedback("5", **other_forms).startswith("Correct: exercise 5.")


@pytest.mark.keras
@pytest.mark.parametrize(
    "exclude, message",
    [
        ([], "the biases still decay"),
        (["gamma", "beta"], "the biases still decay"),
        (["dense"], "the kernels are not decayed either"),  # matches the path: whole layers
        (["kernel", "bias"], "the kernels are not decayed either"),
        ([""], "the kernels are not decayed either"),
        (["["], "not a valid one"),
    ],
)
def test_exercise_5_exclude_mistakes(ex, assert_wrong, exclude, message):
    assert_wrong(ex.feedback("5", **{**EX5_RIGHT, "exclude": exclude}), "5", message)


def test_exercise_5_mistakes(ex, assert_wrong):
    cases = [
        ({"steps": 700}, "the smaller last one included"),
        ({"steps": 756.25}, "the smaller last one included"),
        ({"steps": 756}, "steps are whole mini-batches"),
        ({"steps": 100}, "is the number of epochs"),
        ({"steps": 8}, "is not the number of optimizer steps"),
        ({"steps": "800"}, "should be a number"),
        ({"factor_default": 0.0032}, "the share it keeps"),
        ({"factor_default": (1 - 0.003 * 0.004) ** 800}, "the lesson's learning rate"),
        ({"factor_default": (1 - 0.001 * 0.004) ** 700}, "is not what the exercise asks for"),
        ({"weight_decay": 1.0}, "the lesson's weight_decay"),
        ({"weight_decay": 1 / 3}, "a *larger* weight_decay"),
        ({"weight_decay": 0.004}, "the default the exercise asks you to replace"),
        ({"weight_decay": 1.2}, "is not what the exercise asks for"),
        ({"exclude": "bias"}, "should be a list of strings"),
        ({"exclude": [1]}, "should hold strings only"),
    ]
    for changes, message in cases:
        assert_wrong(ex.feedback("5", **{**EX5_RIGHT, **changes}), "5", message)
    assert ex.feedback("5", **{**EX5_RIGHT, "exclude": ...}).startswith(
        "Exercise 5 is not answered yet"
    )


# --------------------------------------------------------------------------- odd answers


@pytest.mark.keras
@pytest.mark.parametrize(
    "case, message",
    [
        ("lambda", "has a function as its kernel_regularizer (a lambda?)"),
        ("orthogonal", "has a OrthogonalRegularizer as its kernel_regularizer"),
        ("functional", "build `model` as a `keras.Sequential([...])`"),
        ("no_input", "keras.Input(shape=(22,))"),
        ("empty", "the network is 128-64-1"),
    ],
)
def test_exercise_1_odd_models(ex, case, message, assert_wrong):
    import keras

    right = keras.regularizers.L1L2(l1=0.0005, l2=0.005)

    def functional():
        inputs = keras.Input(shape=(22,))
        hidden = keras.layers.Dense(128, activation="relu", kernel_regularizer=right)(inputs)
        hidden = keras.layers.Dense(64, activation="relu", kernel_regularizer=right)(hidden)
        return keras.Model(inputs, keras.layers.Dense(1, activation="sigmoid")(hidden))

    models = {
        "lambda": lambda: network(lambda w: 0.005 * keras.ops.sum(w**2)),
        "orthogonal": lambda: network(keras.regularizers.OrthogonalRegularizer(0.01)),
        "functional": functional,
        "no_input": lambda: keras.Sequential(
            [
                keras.layers.Dense(128, activation="relu", kernel_regularizer=right),
                keras.layers.Dense(64, activation="relu", kernel_regularizer=right),
                keras.layers.Dense(1, activation="sigmoid"),
            ]
        ),
        "empty": lambda: keras.Sequential([keras.Input(shape=(22,))]),
    }
    assert_wrong(ex.feedback("1", model=models[case]()), "1", message)


@pytest.mark.parametrize(
    "odd, message",
    [
        (None, "should be a Keras model"),
        (np.zeros((3, 22)), "should be a Keras model"),
        ({"layers": []}, "should be a Keras model"),
    ],
)
def test_exercise_1_odd_answers(ex, assert_wrong, odd, message):
    assert_wrong(ex.feedback("1", model=odd), "1", message)


@pytest.mark.parametrize(
    "odd, message",
    [
        (np.array([0.5, 0.6]), "should be a number, but it is a ndarray"),
        ("0.58", "should be a number, but it is a str"),
        (None, "should be a number, but it is a NoneType"),
        (float("nan"), "should be a finite number"),
        (float("inf"), "should be a finite number"),
        ([0.58], "should be a number, but it is a list"),
    ],
)
def test_exercise_2_odd_answers(ex, assert_wrong, odd, message):
    assert_wrong(ex.feedback("2", penalty=odd), "2", message)


def test_exercise_2_series_is_not_a_number(ex, assert_wrong):
    import pandas as pd

    series = pd.Series([0.1, 0.2])
    assert_wrong(ex.feedback("2", penalty=series), "2", "should be a number, but it is a Series")


def test_exercise_3_odd_answers(ex, assert_wrong):
    import pandas as pd

    right = {"best_l2": 0.03, "chosen_l2": 0.1}
    cases = [
        ({"best_l2": 4}, "is the *position* of the best row"),  # row 4 of the table
        ({"best_l2": 5}, "is the *position* of the best row"),  # counted from 1
        ({"chosen_l2": 5}, "is the *position* of a row"),
        ({"best_l2": 0.8544}, "not the strength with the highest mean"),  # its mean accuracy
        ({"best_l2": np.array([0.03])}, "should be a number, but it is a ndarray"),
        ({"best_l2": pd.Series([0.03])}, "should be a number, but it is a Series"),
        ({"chosen_l2": None}, "should be a number, but it is a NoneType"),
        ({"chosen_l2": float("nan")}, "should be a finite number"),
        ({"chosen_l2": [0.1, 0.3]}, "should be a number, but it is a list"),
    ]
    for changes, message in cases:
        assert_wrong(ex.feedback("3", **{**right, **changes}), "3", message)


def test_exercise_4_odd_answers(ex, assert_wrong):
    from regutils.checks.lesson07 import _exercise_4

    ref = _exercise_4()
    right = {
        "shrink_l2_small": ref["l2 0.1"],
        "shrink_l2_unit": ref["l2 1.0"],
        "shrink_decay_small": ref["decay"],
    }
    both = np.array([ref["l2 a 0.1"], ref["l2 0.1"]])  # optimize(...) / optimize(...): [a, b]
    cases = [
        ({"shrink_l2_small": both}, "holds two numbers, the factors of weights a and b"),
        ({"shrink_decay_small": list(both)}, "holds two numbers"),
        ({"shrink_l2_unit": "0.96"}, "should be a number, but it is a str"),
        ({"shrink_l2_unit": None}, "should be a number, but it is a NoneType"),
        ({"shrink_l2_small": float("nan")}, "should be a finite number"),
        ({"shrink_l2_small": np.array([0.1, 0.2, 0.3])}, "should be a number, but it is a ndarray"),
        # Wrong settings: lambda doubled, or the lesson's run without b's gradients.
        ({"shrink_l2_small": 0.45}, "is not what the exercise asks for"),
        ({"shrink_l2_small": -0.0078}, "is not what the exercise asks for"),
    ]
    for changes, message in cases:
        assert_wrong(ex.feedback("4", **{**right, **changes}), "4", message)


def test_exercise_5_odd_answers(ex, assert_wrong):
    cases = [
        ({"steps": np.array([800])}, "should be a number, but it is a ndarray"),
        ({"steps": None}, "should be a number, but it is a NoneType"),
        ({"steps": float("nan")}, "should be a finite number"),
        ({"factor_default": float("inf")}, "should be a finite number"),
        ({"factor_default": [0.9968]}, "should be a number, but it is a list"),
        ({"weight_decay": "1.5"}, "should be a number, but it is a str"),
        ({"exclude": None}, "should be a list of strings"),
        ({"exclude": np.array(["bias"])}, "should be a list of strings"),
    ]
    for changes, message in cases:
        assert_wrong(ex.feedback("5", **{**EX5_RIGHT, **changes}), "5", message)
