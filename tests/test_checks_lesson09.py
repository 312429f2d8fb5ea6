"""Lesson 09's exercise checks: right answers pass, known-wrong answers get their message.

Exercises 1, 2, 4 and 5 take NumPy arrays and run in the test process. Exercise 3 inspects a Keras
model: its tests (``@pytest.mark.keras``) run in one fresh Python process started by
:func:`test_keras_tests_pass_in_a_fresh_process` (see tests/fresh_process.py for why).
"""

from __future__ import annotations

import numpy as np
import pytest
from fresh_process import run_keras_tests, solution_cases

from regutils.checks import lesson09
from regutils.scratch.batchnorm import batchnorm_backward, batchnorm_forward


def test_keras_tests_pass_in_a_fresh_process():
    run_keras_tests(__file__, *solution_cases(LESSON))


LESSON = "09"


# --------------------------------------------------------------------------- exercise 1

X1, GAMMA1, BETA1 = lesson09.X1, lesson09.GAMMA1, lesson09.BETA1


def _answers_1(**changes):
    out, _, (mean, var) = batchnorm_forward(X1, GAMMA1, BETA1)
    answers = {"out": out, "moving_mean": mean, "moving_var": var}
    answers.update(changes)
    return answers


def _standardize(x, axis=0, ddof=0, eps=1e-3):
    return (x - x.mean(axis=axis, keepdims=True)) / np.sqrt(
        x.var(axis=axis, ddof=ddof, keepdims=True) + eps
    )


def test_1_right(ex):
    assert ex.feedback("1", **_answers_1()).startswith("Correct: exercise 1.")
    assert ex.feedback("1", **_answers_1(out=_answers_1()["out"].tolist())).startswith("Correct")


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"out": GAMMA1 * _standardize(X1, ddof=1) + BETA1}, "unbiased variance"),
        ({"out": GAMMA1 * (X1 - X1.mean(0)) / X1.std(0) + BETA1}, "epsilon is missing"),
        ({"out": _standardize(X1)}, "gamma and beta are missing"),
        ({"out": BETA1 * _standardize(X1) + GAMMA1}, "gamma and beta are swapped"),
        ({"out": GAMMA1 * _standardize(X1, axis=1) + BETA1}, "normalizes each row"),
        ({"out": np.zeros((4, 3))}, "`out` is not what the exercise asks for"),
        ({"out": np.zeros((3, 4))}, "`out` should have shape (4, 3), got (3, 4)"),
        ({"out": 1.0}, "`out` should be an array of shape (4, 3), got a float"),
        ({"out": "out"}, "`out` should be an array of shape (4, 3), got a str"),
        ({"moving_mean": 0.99 * X1.mean(0)}, "the weights are swapped"),
        ({"moving_mean": X1.mean(0)}, "that is the batch mean itself"),
        ({"moving_var": 0.99 + 0.01 * X1.var(0, ddof=1)}, "biased batch variance"),
        ({"moving_var": 0.01 * X1.var(0)}, "starts at 1, not 0"),
        ({"moving_var": 0.99 * X1.var(0) + 0.01}, "the weights are swapped"),
        ({"moving_var": np.array([1.0, np.nan, 1.0])}, "contains NaN"),
        # Odd answers: reshaped, flattened or transposed arrays, None, a scalar, inf, wrong length.
        ({"out": _answers_1()["out"].T}, "`out` should have shape (4, 3), got (3, 4)"),
        ({"out": _answers_1()["out"].reshape(3, 4)}, "`out` should have shape (4, 3), got (3, 4)"),
        ({"out": _answers_1()["out"].ravel()}, "`out` should have shape (4, 3), got (12,)"),
        ({"out": _answers_1()["out"].T.reshape(4, 3)}, "`out` is not what the exercise asks for"),
        ({"out": None}, "`out` should be an array of shape (4, 3), got a NoneType"),
        ({"moving_mean": 0.01 * X1.mean()}, "should be a list or array of 3 numbers"),
        ({"moving_mean": list(0.01 * X1.mean(0))[:2]}, "should have 3 numbers, got shape (2,)"),
        ({"moving_mean": np.array([np.inf, 0.0, 0.0])}, "contains NaN or infinite values"),
        ({"moving_var": "1.0"}, "should be a list or array of 3 numbers, got a str"),
    ],
)
def test_1_wrong(ex, changes, message, assert_wrong):
    assert_wrong(ex.feedback("1", **_answers_1(**changes)), "1", message)


def test_1_unanswered(ex):
    assert "not answered yet" in ex.feedback("1", out=..., moving_mean=..., moving_var=...)


# --------------------------------------------------------------------------- exercise 2


def _keras_like_2(momentum=0.9, steps=10):
    """What the Keras layer gives, computed with the course's NumPy layer (matched in tests)."""
    x = lesson09._batch2().astype(float)
    mean = var = None
    for _ in range(steps):
        _, _, (mean, var) = batchnorm_forward(
            x, np.ones(4), np.zeros(4), running_mean=mean, running_var=var, momentum=momentum
        )
    if steps == 0:
        mean, var = np.zeros(4), np.ones(4)
    out = batchnorm_forward(
        x, np.ones(4), np.zeros(4), training=False, running_mean=mean, running_var=var
    )[0]
    return {"moving_mean": mean, "inference_out": out}


def test_2_right(ex):
    assert ex.feedback("2", **_keras_like_2()).startswith("Correct: exercise 2.")


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"momentum": 0.99}, "default momentum 0.99"),
        ({"steps": 0}, "has not moved"),
        ({"steps": 1}, "after *one* call"),
        ({"steps": 11}, "after 11 training calls"),
    ],
)
def test_2_wrong_moving_mean(ex, kwargs, message, assert_wrong):
    assert_wrong(ex.feedback("2", **_keras_like_2(**kwargs)), "2", message)


def test_2_other_mistakes(ex, assert_wrong):
    x = lesson09._batch2().astype(float)
    right = _keras_like_2()
    assert_wrong(
        ex.feedback("2", moving_mean=x.mean(0), inference_out=right["inference_out"]),
        "2",
        "that is the batch mean itself",
    )
    assert_wrong(
        ex.feedback("2", moving_mean=0.9**10 * x.mean(0), inference_out=right["inference_out"]),
        "2",
        "(1 - 0.9**10)",
    )
    assert_wrong(
        ex.feedback("2", moving_mean=right["moving_mean"], inference_out=_standardize(x)),
        "2",
        "training-mode output",
    )
    assert_wrong(
        ex.feedback("2", moving_mean=right["moving_mean"], inference_out=x),
        "2",
        "`inference_out` is not what the exercise asks for",
    )
    odd = [
        ({"inference_out": right["inference_out"].T}, "should have shape (32, 4)"),
        ({"inference_out": None}, "should be an array of shape (32, 4)"),
        ({"moving_mean": float(right["moving_mean"][0])}, "should be a list or array of 4"),
        ({"moving_mean": right["moving_mean"][:3]}, "should have 4 numbers"),
        ({"moving_mean": np.full(4, np.nan)}, "contains NaN"),
    ]
    for changes, message in odd:
        answers = dict(right)
        answers.update(changes)
        assert_wrong(ex.feedback("2", **answers), "2", message)


@pytest.mark.keras
def test_2_keras_answer_is_right(ex):
    from keras import layers

    x = lesson09._batch2()
    bn = layers.BatchNormalization(momentum=0.9)
    for _ in range(10):
        bn(x, training=True)
    text = ex.feedback("2", moving_mean=bn.moving_mean, inference_out=bn(x, training=False))
    assert text.startswith("Correct: exercise 2."), text


# --------------------------------------------------------------------------- exercise 3


def _model_3(placement="after", momentum=0.9, input_layer=True, n_hidden=3):
    import keras
    from keras import layers

    stack = [keras.Input(shape=(64,))] if input_layer else []
    for _ in range(n_hidden):
        if placement == "after":
            stack += [
                layers.Dense(100, activation="sigmoid"),
                layers.BatchNormalization(momentum=momentum),
            ]
        else:
            stack += [
                layers.Dense(100),
                layers.BatchNormalization(momentum=momentum),
                layers.Activation("sigmoid"),
            ]
    stack.append(layers.Dense(10, activation="softmax"))
    return keras.Sequential(stack)


@pytest.mark.keras
def test_3_keras_right(ex):
    assert ex.feedback("3", model=_model_3(), n_non_trainable=600).startswith("Correct")


@pytest.mark.keras
@pytest.mark.parametrize(
    "kwargs, count, message",
    [
        ({"placement": "before"}, 600, "*before* the activation"),
        ({"momentum": 0.99}, 600, "default momentum 0.99"),
        ({"momentum": 0.5}, 600, "momentum [0.5]; use 0.9"),
        ({"input_layer": False}, 600, "keras.Input(shape=(64,))"),
        ({"n_hidden": 2}, 400, "the layers are"),
        ({}, 1200, "counts gamma and beta too"),
        ({}, 300, "a moving mean *and* a moving variance"),
        ({}, 28310, "is not the number of non-trainable"),
    ],
)
def test_3_keras_wrong(ex, kwargs, count, message, assert_wrong):
    assert_wrong(ex.feedback("3", model=_model_3(**kwargs), n_non_trainable=count), "3", message)


@pytest.mark.keras
def test_3_keras_odd_answers(ex, assert_wrong):
    import keras
    from keras import layers

    wide = keras.Sequential(
        [keras.Input(shape=(32,))]
        + [layers.Dense(100, activation="sigmoid"), layers.BatchNormalization(momentum=0.9)] * 1
        + [layers.Dense(10, activation="softmax")]
    )
    assert_wrong(ex.feedback("3", model=wide, n_non_trainable=600), "3", "keras.Input(shape=(64,))")
    with_lambda = keras.Sequential(
        [keras.Input(shape=(64,))]
        + [
            layer
            for _ in range(3)
            for layer in (
                layers.Dense(
                    100,
                    activation="sigmoid",
                    kernel_regularizer=lambda w: 0.01 * keras.ops.sum(w**2),
                ),
                layers.BatchNormalization(momentum=0.9),
            )
        ]
        + [layers.Dense(10, activation="softmax")]
    )
    # A lambda regularizer breaks get_config; the check reads the layers without it.
    assert ex.feedback("3", model=with_lambda, n_non_trainable=600).startswith("Correct")
    model = _model_3()
    for count, message in [
        (np.array([600]), "`n_non_trainable` should be a number"),
        (None, "`n_non_trainable` should be a number"),
        ("600", "`n_non_trainable` should be a number"),
        (600.5, "should be a whole number"),
        (float("nan"), "should be a finite number"),
    ]:
        assert_wrong(ex.feedback("3", model=model, n_non_trainable=count), "3", message)


def test_3_not_a_model(ex, assert_wrong):
    assert_wrong(
        ex.feedback("3", model="model", n_non_trainable=600), "3", "should be a Keras model"
    )


# --------------------------------------------------------------------------- exercise 4


def _answers_4(**changes):
    x, gamma, beta, grad_out = lesson09._data4()
    _, cache, _ = batchnorm_forward(x, gamma, beta)
    dx, dgamma, _ = batchnorm_backward(grad_out, cache)
    answers = {"dx": dx, "dgamma": dgamma, "dx_frozen": grad_out * gamma * cache.inv_std}
    answers.update(changes)
    return answers


def test_4_right(ex):
    assert ex.feedback("4", **_answers_4()).startswith("Correct: exercise 4.")


def test_4_wrong(ex, assert_wrong):
    x, gamma, _, grad_out = lesson09._data4()
    right = _answers_4()
    inv_std = 1 / np.sqrt(x.var(0) + 1e-3)
    x_hat = (x - x.mean(0)) * inv_std
    g = grad_out * gamma
    cases = [
        ({"dx": right["dx_frozen"]}, "treats the batch mean and variance as constants"),
        ({"dx": inv_std / 6 * (6 * g - g.sum(0))}, "not the batch variance"),
        (
            {
                "dx": inv_std
                / 6
                * (6 * grad_out - grad_out.sum(0) - x_hat * (grad_out * x_hat).sum(0))
            },
            "gamma is missing",
        ),
        ({"dgamma": grad_out.sum(0)}, "that is dbeta"),
        ({"dgamma": (grad_out * x_hat).mean(0)}, "not the mean"),
        ({"dgamma": (grad_out * x).sum(0)}, "not the raw x"),
        ({"dx_frozen": right["dx"]}, "that is the full training-mode gradient"),
        ({"dx": np.ones((6, 3))}, "`dx` is not what the exercise asks for"),
        ({"dx": right["dx"].T}, "`dx` should have shape (6, 3), got (3, 6)"),
        ({"dx": right["dx"].reshape(3, 6)}, "`dx` should have shape (6, 3), got (3, 6)"),
        ({"dgamma": float(right["dgamma"].sum())}, "should be a list or array of 3 numbers"),
        ({"dgamma": None}, "should be a list or array of 3 numbers"),
        ({"dx_frozen": np.full((6, 3), np.inf)}, "contains NaN or infinite values"),
    ]
    for changes, message in cases:
        assert_wrong(ex.feedback("4", **_answers_4(**changes)), "4", message)


def test_4_unanswered(ex):
    assert "not answered yet" in ex.feedback("4", dx=..., dgamma=1, dx_frozen=1)


# --------------------------------------------------------------------------- exercise 5


def test_5_right(ex, solution_answers):
    answers = solution_answers(LESSON, "5")
    assert answers["momentum"] == 0.8
    assert ex.feedback("5", **answers).startswith("Correct: exercise 5."), answers
    # The exact errors pass too, as a list or an array.
    exact = lesson09._rmse5(lesson09.CANDIDATES5)
    assert ex.feedback("5", rmse=list(exact), momentum=0.8).startswith("Correct")


def _simulated_5(update="keras", start=0.0, runs=2000, steps=20):
    """The simulation as a learner might write it, with a mistake in the update or the start."""
    rng = np.random.default_rng(5)
    batch_means = rng.normal(2.0, 3.0, size=(runs, steps, 32)).mean(axis=2)
    errors = []
    for m in lesson09.CANDIDATES5:
        moving = np.full(runs, start)
        for t in range(steps):
            if update == "keras":
                moving = m * moving + (1 - m) * batch_means[:, t]
            else:  # the weights swapped
                moving = (1 - m) * moving + m * batch_means[:, t]
        errors.append(float(np.sqrt(np.mean((moving - 2.0) ** 2))))
    return errors


def test_5_a_simulation_with_other_draws_is_right(ex):
    assert ex.feedback("5", rmse=_simulated_5(runs=3000), momentum=0.8).startswith("Correct")


@pytest.mark.parametrize(
    "rmse, momentum, message",
    [
        (lambda: _simulated_5(update="swapped"), 0.8, "the update's weights are swapped"),
        (lambda: _simulated_5(start=2.0), 0.8, "leaves out the starting value"),
        (
            lambda: lesson09._rmse5(lesson09.CANDIDATES5, bias=False),
            0.8,
            "leaves out the starting value",
        ),
        (lambda: lesson09._rmse5(lesson09.CANDIDATES5)[::-1], 0.8, "reverse order"),
        (lambda: 2 * lesson09._rmse5(lesson09.CANDIDATES5), 0.8, "off by more than 6 %"),
        (lambda: _simulated_5(steps=21), 0.8, "looks like 21 updates"),
        (lambda: _simulated_5(steps=19), 0.8, "looks like 19 updates"),
        (lambda: lesson09._rmse5(lesson09.CANDIDATES5, steps=21), 0.8, "looks like 21 updates"),
        (lambda: np.r_[_simulated_5()[:4], np.nan], 0.8, "contains NaN"),
        (lambda: None, 0.8, "should be a list or array of 5 numbers"),
        (lambda: "rmse", 0.8, "should be a list or array of 5 numbers"),
        (lambda: _simulated_5(), None, "should be one of"),
        (lambda: _simulated_5()[:4], 0.8, "should have 5 numbers, one per candidate momentum"),
        (lambda: 0.17, 0.8, "should be a list or array of 5 numbers"),
        (lambda: _simulated_5(), 0.99, "Keras' default keeps 82 %"),
        (lambda: _simulated_5(), 0.5, "averages only the last two batches"),
        (lambda: _simulated_5(), 0.9, "0.9 is the lesson's choice for 136 steps"),
        (lambda: _simulated_5(), 0.95, "its error is not the smallest of the five"),
        (lambda: _simulated_5(), 0.85, "should be one of [0.5, 0.8, 0.9, 0.95, 0.99]"),
        (lambda: _simulated_5(), "0.8", "should be one of"),
    ],
)
def test_5_wrong(ex, rmse, momentum, message, assert_wrong):
    assert_wrong(ex.feedback("5", rmse=rmse(), momentum=momentum), "5", message)


def test_5_unanswered(ex):
    assert "not answered yet" in ex.feedback("5", rmse=..., momentum=...)
