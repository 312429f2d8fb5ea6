"""Batch normalization from scratch (regutils.scratch.batchnorm), on its own and against Keras.

NumPy tests run in the test process. The comparisons with ``keras.layers.BatchNormalization``
(marked ``keras``) run in one fresh Python process started by
:func:`test_keras_tests_pass_in_a_fresh_process` (see tests/fresh_process.py for why).

Tolerances:

- Gradient check, float64: central differences with step ``H = 1e-5`` against
  :func:`batchnorm_backward`; the relative error ``||analytic - numeric|| / (||analytic|| +
  ||numeric||)`` (Euclidean norms over all entries) must be below ``GRAD_TOL = 1e-6``. The
  truncation error of central differences is O(H**2) ~ 1e-10 and rounding ~ 1e-16 / H ~ 1e-11,
  so a real mistake (a missing term is O(1)) cannot hide below it.
- Against Keras, float32: outputs, moving averages and gradients agree within
  ``KERAS_ATOL = KERAS_RTOL = 1e-5`` (float32 has ~7 significant digits; our values are O(1)).
"""

from __future__ import annotations

import inspect

import numpy as np
import pytest
from fresh_process import run_keras_tests

from regutils.scratch.batchnorm import BatchNormCache, batchnorm_backward, batchnorm_forward

H = 1e-5
GRAD_TOL = 1e-6
KERAS_ATOL = KERAS_RTOL = 1e-5


def test_keras_tests_pass_in_a_fresh_process():
    run_keras_tests(__file__)


def _batch(seed: int, n: int = 8, features: int = 5) -> np.ndarray:
    """Features with different means and scales, like a layer's pre-activations."""
    rng = np.random.default_rng(seed)
    return rng.normal(
        loc=np.linspace(-2, 3, features), scale=np.linspace(0.5, 4, features), size=(n, features)
    )


def _params(seed: int, features: int = 5) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    return rng.uniform(0.5, 2.0, features), rng.normal(size=features)


# ------------------------------------------------------------------------ NumPy, on its own


def test_training_mode_standardizes_each_feature_with_the_batch_statistics():
    x = _batch(0, n=64)
    out, cache, _ = batchnorm_forward(x, np.ones(5), np.zeros(5))
    np.testing.assert_allclose(out.mean(axis=0), 0.0, atol=1e-12)
    np.testing.assert_allclose(out.var(axis=0), x.var(axis=0) / (x.var(axis=0) + 1e-3), rtol=1e-12)
    assert isinstance(cache, BatchNormCache) and cache.training is True
    np.testing.assert_allclose(cache.x_hat, out)


def test_gamma_and_beta_scale_and_shift():
    x = _batch(1)
    gamma, beta = _params(2)
    plain = batchnorm_forward(x, np.ones(5), np.zeros(5))[0]
    out = batchnorm_forward(x, gamma, beta)[0]
    np.testing.assert_allclose(out, gamma * plain + beta, rtol=1e-12, atol=1e-12)


def test_running_averages_follow_the_momentum_rule():
    x = _batch(3)
    rm, rv = np.full(5, 0.3), np.full(5, 2.0)
    _, _, (new_mean, new_var) = batchnorm_forward(
        x, np.ones(5), np.zeros(5), running_mean=rm, running_var=rv, momentum=0.9
    )
    np.testing.assert_allclose(new_mean, 0.9 * rm + 0.1 * x.mean(axis=0), rtol=1e-12)
    np.testing.assert_allclose(new_var, 0.9 * rv + 0.1 * x.var(axis=0), rtol=1e-12)  # biased
    # From a new layer (zeros, ones), k steps on the same batch leave weight momentum**k on the
    # initial values: the running mean is (1 - 0.99**k) * batch mean.
    mean, var = None, None
    for _ in range(7):
        _, _, (mean, var) = batchnorm_forward(
            x, np.ones(5), np.zeros(5), running_mean=mean, running_var=var
        )
    np.testing.assert_allclose(mean, (1 - 0.99**7) * x.mean(axis=0), rtol=1e-12)
    np.testing.assert_allclose(var, 0.99**7 + (1 - 0.99**7) * x.var(axis=0), rtol=1e-12)


def test_inference_uses_the_running_averages_and_leaves_them_unchanged():
    x = _batch(4)
    gamma, beta = _params(5)
    rm, rv = np.linspace(-1, 1, 5), np.linspace(0.5, 3, 5)
    out, cache, (mean, var) = batchnorm_forward(
        x, gamma, beta, training=False, running_mean=rm, running_var=rv, eps=1e-5
    )
    np.testing.assert_allclose(out, gamma * (x - rm) / np.sqrt(rv + 1e-5) + beta, rtol=1e-12)
    np.testing.assert_array_equal(mean, rm)
    np.testing.assert_array_equal(var, rv)
    assert mean is not rm and var is not rv and cache.training is False
    # Each example's output depends on that example only.
    np.testing.assert_allclose(
        batchnorm_forward(
            x[:1], gamma, beta, training=False, running_mean=rm, running_var=rv, eps=1e-5
        )[0],
        out[:1],
        rtol=1e-12,
    )


def test_inference_default_running_stats_are_a_new_layers():
    x = _batch(6)
    out = batchnorm_forward(x, np.ones(5), np.zeros(5), training=False)[0]
    np.testing.assert_allclose(out, x / np.sqrt(1 + 1e-3), rtol=1e-12)


def test_a_constant_feature_gives_beta_and_finite_gradients():
    x = _batch(7)
    x[:, 2] = 4.0
    gamma, beta = _params(8)
    out, cache, _ = batchnorm_forward(x, gamma, beta)
    np.testing.assert_allclose(out[:, 2], beta[2])
    grads = batchnorm_backward(np.ones_like(x), cache)
    assert all(np.all(np.isfinite(g)) for g in grads)


def test_a_batch_of_two_normalizes_to_plus_and_minus_one():
    # The extreme small batch: whatever the two values, they become about -1 and +1.
    x = np.array([[0.3, -7.0], [5.0, 9.0]])
    out = batchnorm_forward(x, np.ones(2), np.zeros(2))[0]
    np.testing.assert_allclose(np.abs(out), 1.0, atol=1e-3)


def _numerical_gradients(x, gamma, beta, weights, **kwargs):
    """Central differences of loss = sum(weights * out) with respect to x, gamma and beta."""

    def loss(x_, gamma_, beta_):
        return float(np.sum(weights * batchnorm_forward(x_, gamma_, beta_, **kwargs)[0]))

    grads = []
    for which, array in enumerate((x, gamma, beta)):
        grad = np.zeros_like(array)
        for index in np.ndindex(array.shape):
            args = [x.copy(), gamma.copy(), beta.copy()]
            args[which][index] += H
            up = loss(*args)
            args[which][index] -= 2 * H
            down = loss(*args)
            grad[index] = (up - down) / (2 * H)
        grads.append(grad)
    return grads


def _relative_error(analytic: np.ndarray, numeric: np.ndarray) -> float:
    return float(
        np.linalg.norm(analytic - numeric) / (np.linalg.norm(analytic) + np.linalg.norm(numeric))
    )


@pytest.mark.parametrize("training", [True, False])
def test_backward_matches_numerical_gradients(training):
    x = _batch(9, n=6, features=4)
    gamma, beta = _params(10, features=4)
    weights = np.random.default_rng(11).normal(size=x.shape)
    kwargs = dict(training=training, running_mean=np.full(4, 0.5), running_var=np.full(4, 2.0))
    _, cache, _ = batchnorm_forward(x, gamma, beta, **kwargs)
    analytic = batchnorm_backward(weights, cache)
    numeric = _numerical_gradients(x, gamma, beta, weights, **kwargs)
    for name, a, n in zip(("dx", "dgamma", "dbeta"), analytic, numeric):
        assert a.shape == n.shape, name
        error = _relative_error(a, n)
        assert error < GRAD_TOL, f"{name}: relative error {error:.2e} >= {GRAD_TOL}"


def test_training_mode_dx_sums_to_zero_over_the_batch():
    # Shifting every example of a feature by the same amount changes nothing (the batch mean
    # absorbs it), so the gradient with respect to x sums to zero over the batch.
    x = _batch(12)
    _, cache, _ = batchnorm_forward(x, *_params(13))
    dx = batchnorm_backward(np.random.default_rng(14).normal(size=x.shape), cache)[0]
    np.testing.assert_allclose(dx.sum(axis=0), 0.0, atol=1e-12)


@pytest.mark.parametrize(
    "kwargs, error, message",
    [
        (dict(x=[1.0, 2.0]), ValueError, "x must be 2-D, got an array of shape (2,)"),
        (dict(x="abc"), TypeError, "x must be array-like of numbers"),
        (dict(x=[[1.0, np.nan]]), ValueError, "x must contain only finite numbers"),
        (
            dict(gamma=np.ones(3)),
            ValueError,
            "gamma must have one value per feature (column of x): shape (2,), got (3,)",
        ),
        (dict(beta=[[0.0, 0.0]]), ValueError, "beta must be 1-D"),
        (dict(eps=0.0), ValueError, "eps must be > 0"),
        (dict(eps="small"), TypeError, "eps must be a real number"),
        (dict(training=1), TypeError, "training must be True or False, got 1"),
        (dict(momentum=1.5), ValueError, "momentum must be <= 1.0, got 1.5"),
        (dict(momentum=-0.1), ValueError, "momentum must be >= 0.0, got -0.1"),
        (
            dict(running_mean=np.zeros(3)),
            ValueError,
            "running_mean must have one value per feature",
        ),
        (dict(running_var=[1.0, -1.0]), ValueError, "running_var must be >= 0"),
    ],
)
def test_forward_rejects_bad_arguments(kwargs, error, message):
    arguments = dict(x=[[1.0, 2.0], [3.0, 5.0]], gamma=np.ones(2), beta=np.zeros(2))
    arguments.update(kwargs)
    x, gamma, beta = arguments.pop("x"), arguments.pop("gamma"), arguments.pop("beta")
    with pytest.raises(error) as info:
        batchnorm_forward(x, gamma, beta, **arguments)
    assert message in str(info.value)


def test_backward_rejects_bad_arguments():
    _, cache, _ = batchnorm_forward(_batch(15), *_params(16))
    with pytest.raises(TypeError, match="cache must be the BatchNormCache that batchnorm_forward"):
        batchnorm_backward(np.ones((8, 5)), (1, 2, 3, 4))
    with pytest.raises(
        ValueError,
        match=r"grad_out must have the shape of the forward pass's "
        r"output, \(8, 5\), got \(8, 4\)",
    ):
        batchnorm_backward(np.ones((8, 4)), cache)
    with pytest.raises(ValueError, match="grad_out must be 2-D"):
        batchnorm_backward(np.ones(5), cache)


# ------------------------------------------------------------------------ against Keras


def _keras_layer(gamma, beta, **kwargs):
    import keras

    layer = keras.layers.BatchNormalization(**kwargs)
    layer.build((None, len(gamma)))
    layer.gamma.assign(gamma.astype("float32"))
    layer.beta.assign(beta.astype("float32"))
    return layer


@pytest.mark.keras
def test_keras_defaults_are_ours():
    import keras

    layer = keras.layers.BatchNormalization()
    defaults = inspect.signature(batchnorm_forward).parameters
    assert layer.epsilon == defaults["eps"].default == 1e-3
    assert layer.momentum == defaults["momentum"].default == 0.99


@pytest.mark.keras
@pytest.mark.parametrize("kwargs", [{}, {"momentum": 0.9, "epsilon": 1e-5}])
def test_matches_keras_over_training_steps_then_in_inference(kwargs):
    ours = {"momentum": kwargs.get("momentum", 0.99), "eps": kwargs.get("epsilon", 1e-3)}
    gamma, beta = _params(20)
    layer = _keras_layer(gamma, beta, **kwargs)
    mean, var = None, None
    for step in range(5):  # a few training steps on different batches
        x = _batch(30 + step, n=16).astype("float32")
        expected = np.asarray(layer(x, training=True))
        out, _, (mean, var) = batchnorm_forward(
            x, gamma, beta, training=True, running_mean=mean, running_var=var, **ours
        )
        np.testing.assert_allclose(out, expected, atol=KERAS_ATOL, rtol=KERAS_RTOL)
        np.testing.assert_allclose(
            mean, np.asarray(layer.moving_mean), atol=KERAS_ATOL, rtol=KERAS_RTOL
        )
        np.testing.assert_allclose(
            var, np.asarray(layer.moving_variance), atol=KERAS_ATOL, rtol=KERAS_RTOL
        )
    x = _batch(40, n=16).astype("float32")
    expected = np.asarray(layer(x, training=False))
    out, _, (same_mean, same_var) = batchnorm_forward(
        x, gamma, beta, training=False, running_mean=mean, running_var=var, **ours
    )
    np.testing.assert_allclose(out, expected, atol=KERAS_ATOL, rtol=KERAS_RTOL)
    np.testing.assert_allclose(
        np.asarray(layer.moving_mean), same_mean, atol=KERAS_ATOL, rtol=KERAS_RTOL
    )  # inference leaves Keras' averages alone too


@pytest.mark.keras
@pytest.mark.parametrize("training", [True, False])
def test_gradients_match_keras(training):
    import tensorflow as tf

    gamma, beta = _params(50)
    layer = _keras_layer(gamma, beta)
    layer.moving_mean.assign(np.linspace(-1, 1, 5).astype("float32"))
    layer.moving_variance.assign(np.linspace(0.5, 3, 5).astype("float32"))
    stats = dict(running_mean=np.linspace(-1, 1, 5), running_var=np.linspace(0.5, 3, 5))
    x = tf.constant(_batch(51, n=16).astype("float32"))
    weights = np.random.default_rng(52).normal(size=(16, 5)).astype("float32")
    with tf.GradientTape() as tape:
        tape.watch(x)
        loss = tf.reduce_sum(weights * layer(x, training=training))
    expected = tape.gradient(loss, [x, layer.gamma, layer.beta])
    _, cache, _ = batchnorm_forward(np.asarray(x), gamma, beta, training=training, **stats)
    for name, ours, theirs in zip(
        ("dx", "dgamma", "dbeta"), batchnorm_backward(weights, cache), expected
    ):
        np.testing.assert_allclose(
            ours, np.asarray(theirs), atol=KERAS_ATOL, rtol=KERAS_RTOL, err_msg=name
        )
