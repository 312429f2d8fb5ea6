"""Dropout from scratch (regutils.scratch.dropout), checked on its own and against Keras.

NumPy tests run in the test process. The comparisons with ``keras.layers.Dropout`` (marked
``@pytest.mark.keras``) run in one fresh Python process started by
:func:`test_keras_tests_pass_in_a_fresh_process` (see tests/fresh_process.py for why).

Tolerances: on an array of N = 1,000,000 entries the kept fraction has standard deviation
sqrt(rate (1 - rate) / N) <= 0.0005, so ``KEPT_TOLERANCE = 0.005`` is 10 standard deviations:
a failure means a wrong implementation, not bad luck.
"""

from __future__ import annotations

import numpy as np
import pytest
from fresh_process import run_keras_tests

from regutils.scratch.dropout import dropout_backward, dropout_forward

N = 1000 * 1000
KEPT_TOLERANCE = 0.005
RATES = [0.2, 0.5, 0.8]


def test_keras_tests_pass_in_a_fresh_process():
    run_keras_tests(__file__)


@pytest.fixture(scope="module")
def x():
    """Positive, varied activations: no entry is 0 before dropout, so 0 after means dropped."""
    return np.random.default_rng(0).uniform(0.5, 1.5, size=(1000, 1000))


# ------------------------------------------------------------------------ NumPy, on its own


@pytest.mark.parametrize("rate", RATES)
def test_kept_fraction_and_exact_scaling(x, rate):
    out, mask = dropout_forward(x, rate, training=True, rng=1)
    assert out.shape == x.shape and mask.shape == x.shape and mask.dtype == bool
    assert abs(mask.mean() - (1 - rate)) < KEPT_TOLERANCE
    np.testing.assert_array_equal(out != 0, mask)
    np.testing.assert_allclose(out[mask], x[mask] / (1 - rate), rtol=1e-15)
    assert np.all(out[~mask] == 0)


@pytest.mark.parametrize("rate", RATES)
def test_expectation_is_preserved(x, rate):
    # Averaged over 2000 masks, each entry of a small block is close to its input.
    block = x[:20, :20]
    rng = np.random.default_rng(2)
    mean = np.mean(
        [dropout_forward(block, rate, training=True, rng=rng)[0] for _ in range(2000)], axis=0
    )
    # sd of one mean: x * sqrt(rate / (1 - rate) / 2000) <= 1.5 * 0.045 = 0.07 at rate 0.8
    np.testing.assert_allclose(mean, block, atol=0.35)
    assert abs(mean.mean() - block.mean()) < 0.02
    # The whole array keeps its mean activation: standard error <= sqrt(1.1 * 4 / N) = 0.002.
    out, _ = dropout_forward(x, rate, training=True, rng=3)
    assert abs(out.mean() - x.mean()) < 0.01


def test_identity_at_inference_and_at_rate_zero(x):
    for out, mask in (
        dropout_forward(x, 0.5, training=False),
        dropout_forward(x, 0.0, training=True),
    ):
        np.testing.assert_array_equal(out, x)
        assert mask.all()
        assert out is not x  # a copy: changing it cannot change the input


def test_same_seed_same_mask_and_generator_moves_on():
    small = np.ones((4, 5))
    _, a = dropout_forward(small, 0.5, training=True, rng=7)
    _, b = dropout_forward(small, 0.5, training=True, rng=7)
    np.testing.assert_array_equal(a, b)
    rng = np.random.default_rng(7)
    _, c = dropout_forward(small, 0.5, training=True, rng=rng)
    _, d = dropout_forward(small, 0.5, training=True, rng=rng)
    np.testing.assert_array_equal(a, c)
    assert not np.array_equal(c, d)


@pytest.mark.parametrize("rate", [0.0, 0.3, 0.5])
def test_backward_is_the_mask_scaled_gradient_and_matches_numerical_gradient(rate):
    rng = np.random.default_rng(4)
    x = rng.normal(size=(6, 7))
    grad_out = rng.normal(size=(6, 7))

    def loss(values):
        # A scalar function of dropout's output; the same mask each call (same seed).
        return float(np.sum(grad_out * dropout_forward(values, rate, training=True, rng=5)[0]))

    _, mask = dropout_forward(x, rate, training=True, rng=5)
    grad = dropout_backward(grad_out, mask, rate)
    np.testing.assert_array_equal(grad, grad_out * mask / (1 - rate))
    eps = 1e-6
    numerical = np.zeros_like(x)
    for index in np.ndindex(x.shape):
        step = np.zeros_like(x)
        step[index] = eps
        numerical[index] = (loss(x + step) - loss(x - step)) / (2 * eps)
    np.testing.assert_allclose(grad, numerical, rtol=1e-6, atol=1e-8)
    assert np.all(grad[~mask] == 0)  # dropped units pass no gradient back


@pytest.mark.parametrize(
    "call, error, message",
    [
        (
            lambda: dropout_forward([1.0], 1.0, training=True),
            ValueError,
            r"^rate must be in \[0, 1\) \(the fraction of units dropped\), got 1\.0\.$",
        ),
        (
            lambda: dropout_forward([1.0], -0.1, training=True),
            ValueError,
            r"^rate must be in \[0, 1\)",
        ),
        (
            lambda: dropout_forward([1.0], "0.5", training=True),
            TypeError,
            r"^rate must be a real number",
        ),
        (
            lambda: dropout_forward([1.0], 0.5, training="yes"),
            TypeError,
            r"^training must be True or False, got 'yes'\.$",
        ),
        (
            lambda: dropout_forward([1.0], 0.5, training=True, rng=-1),
            ValueError,
            r"^rng must be a seed >= 0 \(or a numpy Generator\), got -1\.$",
        ),
        (
            lambda: dropout_forward([1.0], 0.5, training=False, rng="seed"),
            TypeError,
            r"^rng must be a numpy Generator, an int seed or None, got str\.$",
        ),
        (
            lambda: dropout_forward([1.0], 0.5, training=True, rng="seed"),
            TypeError,
            r"^rng must be a numpy Generator, an int seed or None, got str\.$",
        ),
        (lambda: dropout_forward("x", 0.5, training=True), TypeError, r"^x must be array-like"),
        (
            lambda: dropout_forward([np.nan], 0.5, training=True),
            ValueError,
            r"^x must contain only finite",
        ),
        (
            lambda: dropout_backward([1.0, 2.0], np.array([1.0, 0.0]), 0.5),
            TypeError,
            r"^mask must be the boolean mask from dropout_forward, got dtype float64\.$",
        ),
        (
            lambda: dropout_backward([1.0, 2.0], np.array([True]), 0.5),
            ValueError,
            r"^mask and grad_out must have the same shape, got \(1,\) and \(2,\)\.$",
        ),
        (
            lambda: dropout_backward([1.0], np.array([True]), 1.0),
            ValueError,
            r"^rate must be in \[0, 1\)",
        ),
    ],
)
def test_bad_arguments(call, error, message):
    with pytest.raises(error, match=message):
        call()


# ------------------------------------------------------------------------ against Keras


@pytest.mark.keras
@pytest.mark.parametrize("rate", RATES)
def test_keras_dropout_has_the_same_statistics(x, rate):
    import keras

    layer = keras.layers.Dropout(rate, seed=0)
    keras_out = np.asarray(layer(x.astype("float32"), training=True), dtype=float)
    keras_kept = keras_out != 0
    ours, mask = dropout_forward(x, rate, training=True, rng=11)  # not 0: x used seed 0
    # Same fraction kept (different random streams, so not the same entries) ...
    assert abs(keras_kept.mean() - (1 - rate)) < KEPT_TOLERANCE
    assert abs(keras_kept.mean() - mask.mean()) < 2 * KEPT_TOLERANCE
    # ... and the same formula: Keras' output is x * mask / (1 - rate) with its own mask
    # (float32 in Keras, hence rtol 1e-6).
    np.testing.assert_allclose(keras_out, x * keras_kept / (1 - rate), rtol=1e-6)
    np.testing.assert_allclose(ours, x * mask / (1 - rate), rtol=1e-15)
    # Both keep the mean activation (standard error <= 0.002, see above).
    assert abs(keras_out.mean() - x.mean()) < 0.01 and abs(ours.mean() - x.mean()) < 0.01


@pytest.mark.keras
def test_keras_dropout_is_the_identity_at_inference(x):
    import keras

    layer = keras.layers.Dropout(0.5, seed=0)
    inputs = x[:50].astype("float32")
    np.testing.assert_array_equal(np.asarray(layer(inputs, training=False)), inputs)
    np.testing.assert_array_equal(np.asarray(layer(inputs)), inputs)  # default: inference
    np.testing.assert_array_equal(dropout_forward(inputs, 0.5, training=False)[0], inputs)


@pytest.mark.keras
@pytest.mark.parametrize("rate", [0.2, 0.5])
def test_keras_gradient_is_our_backward_pass(rate):
    import keras
    import tensorflow as tf

    rng = np.random.default_rng(6)
    x = tf.constant(rng.uniform(0.5, 1.5, size=(40, 30)).astype("float32"))
    grad_out = rng.normal(size=(40, 30)).astype("float32")
    layer = keras.layers.Dropout(rate, seed=1)
    with tf.GradientTape() as tape:
        tape.watch(x)
        out = layer(x, training=True)
        loss = tf.reduce_sum(grad_out * out)
    keras_grad = tape.gradient(loss, x).numpy()
    mask = out.numpy() != 0  # the entries Keras kept
    np.testing.assert_allclose(
        keras_grad, dropout_backward(grad_out.astype(float), mask, rate), rtol=1e-6, atol=1e-7
    )
