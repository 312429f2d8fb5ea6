"""Batch normalization from scratch in NumPy: the forward pass (training and inference) and the
backward pass.

For a batch ``x`` of shape (batch, features), in **training** mode each feature is standardized
with the statistics of the batch itself, then scaled and shifted by learned parameters::

    mean = x.mean(axis=0)            var = x.var(axis=0)      # biased (divide by batch size)
    x_hat = (x - mean) / sqrt(var + eps)
    out = gamma * x_hat + beta

and running ("moving") averages of ``mean`` and ``var`` are updated for later use::

    running_mean = momentum * running_mean + (1 - momentum) * mean
    running_var  = momentum * running_var  + (1 - momentum) * var

In **inference** mode the running averages replace the batch statistics, so each example's output
depends on that example alone. These are the formulas of ``keras.layers.BatchNormalization``
(Keras 3), including its defaults ``epsilon=1e-3`` and ``momentum=0.99`` and its biased batch
variance; ``tests/test_scratch_batchnorm.py`` checks both passes against Keras (float32, within
1e-5) and the backward pass against numerical gradients (float64, relative error below 1e-6).
Ioffe & Szegedy (2015) introduced the method.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from regutils.validation import validate_array, validate_real

__all__ = ["BatchNormCache", "batchnorm_backward", "batchnorm_forward"]


class BatchNormCache(NamedTuple):
    """What :func:`batchnorm_backward` needs from the forward pass."""

    x_hat: np.ndarray
    """The standardized input, shape (batch, features)."""
    gamma: np.ndarray
    """The scale, shape (features,)."""
    inv_std: np.ndarray
    """``1 / sqrt(var + eps)`` of the statistics used, shape (features,)."""
    training: bool
    """Whether the statistics were the batch's own (and so depend on ``x``)."""


def _check_features(value: object, name: str, n_features: int) -> np.ndarray:
    array = validate_array(value, name, ndim=1)
    if array.shape != (n_features,):
        raise ValueError(
            f"{name} must have one value per feature (column of x): shape "
            f"({n_features},), got {array.shape}."
        )
    return array


def batchnorm_forward(
    x: object,
    gamma: object,
    beta: object,
    *,
    eps: float = 1e-3,
    training: bool = True,
    running_mean: object | None = None,
    running_var: object | None = None,
    momentum: float = 0.99,
) -> tuple[np.ndarray, BatchNormCache, tuple[np.ndarray, np.ndarray]]:
    """Batch normalization of a batch ``x``, in training or inference mode.

    Parameters
    ----------
    x : array-like, shape (batch, features)
        Pre-activations (or activations) of one layer for one batch of examples.
    gamma, beta : array-like, shape (features,)
        Learned scale and shift (Keras' ``gamma`` and ``beta``; a new layer has ones and zeros).
    eps : float, default=1e-3
        Added to the variance before the square root (Keras' ``epsilon``, same default). > 0.
    training : bool, default=True
        ``True``: normalize with the batch's mean and (biased) variance and update the running
        averages. ``False``: normalize with ``running_mean`` and ``running_var``; they are
        returned unchanged.
    running_mean, running_var : array-like, shape (features,), optional
        The running averages before this batch (Keras' ``moving_mean`` and
        ``moving_variance``). ``None`` means the values of a new layer: zeros and ones.
        ``running_var`` must be >= 0.
    momentum : float in [0, 1], default=0.99
        Weight of the old running average in each update (Keras' ``momentum``, same default).

    Returns
    -------
    out : numpy.ndarray, shape (batch, features)
        ``gamma * x_hat + beta``.
    cache : BatchNormCache
        Keep it for :func:`batchnorm_backward`.
    running_stats : (numpy.ndarray, numpy.ndarray)
        The new ``(running_mean, running_var)``: updated in training mode, copies in inference.

    Raises
    ------
    TypeError, ValueError
        For a bad argument, naming it and what is allowed.

    Examples
    --------
    >>> x = np.array([[1.0, 10.0], [3.0, 30.0]])
    >>> out, cache, (mean, var) = batchnorm_forward(x, np.ones(2), np.zeros(2))
    >>> out.round(3)  # each column standardized with its own batch mean and variance
    array([[-1., -1.],
           [ 1.,  1.]])
    >>> mean, var  # 0.99 * (0, 1) + 0.01 * batch statistics (2, 20) and (1, 100)
    (array([0.02, 0.2 ]), array([1.  , 1.99]))
    >>> inference = batchnorm_forward(x, np.ones(2), np.zeros(2), training=False)[0]
    >>> np.allclose(inference, x / np.sqrt(1 + 1e-3))  # a new layer: running mean 0, variance 1
    True
    """
    x = validate_array(x, "x", ndim=2)
    n_features = x.shape[1]
    gamma = _check_features(gamma, "gamma", n_features)
    beta = _check_features(beta, "beta", n_features)
    eps = validate_real(eps, "eps")
    if eps <= 0:
        raise ValueError(
            f"eps must be > 0 (it keeps the division finite when a feature is constant), got {eps}."
        )
    if not isinstance(training, bool):
        raise TypeError(f"training must be True or False, got {training!r}.")
    momentum = validate_real(momentum, "momentum", minimum=0.0, maximum=1.0)
    running_mean = (
        np.zeros(n_features)
        if running_mean is None
        else _check_features(running_mean, "running_mean", n_features)
    )
    running_var = (
        np.ones(n_features)
        if running_var is None
        else _check_features(running_var, "running_var", n_features)
    )
    if np.any(running_var < 0):
        raise ValueError("running_var must be >= 0: it is an average of variances.")

    if training:
        mean = x.mean(axis=0)
        var = x.var(axis=0)  # biased, as in Keras
        new_mean = momentum * running_mean + (1.0 - momentum) * mean
        new_var = momentum * running_var + (1.0 - momentum) * var
    else:
        mean, var = running_mean, running_var
        new_mean, new_var = running_mean.copy(), running_var.copy()
    inv_std = 1.0 / np.sqrt(var + eps)
    x_hat = (x - mean) * inv_std
    out = gamma * x_hat + beta
    return out, BatchNormCache(x_hat, gamma, inv_std, training), (new_mean, new_var)


def batchnorm_backward(
    grad_out: object, cache: BatchNormCache
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Gradients of the loss with respect to ``x``, ``gamma`` and ``beta``.

    In training mode the batch mean and variance depend on every example, so the gradient with
    respect to one example collects terms from the whole batch::

        dx_hat = grad_out * gamma
        dx = inv_std / N * (N * dx_hat - dx_hat.sum(0) - x_hat * (dx_hat * x_hat).sum(0))

    In inference mode the statistics are constants and ``dx = grad_out * gamma * inv_std``.

    Parameters
    ----------
    grad_out : array-like, shape (batch, features)
        Gradient of the loss with respect to the forward pass's ``out``.
    cache : BatchNormCache
        The cache :func:`batchnorm_forward` returned.

    Returns
    -------
    dx : numpy.ndarray, shape (batch, features)
    dgamma, dbeta : numpy.ndarray, shape (features,)

    Examples
    --------
    >>> x = np.array([[1.0], [3.0]])
    >>> _, cache, _ = batchnorm_forward(x, np.ones(1), np.zeros(1))
    >>> dx, dgamma, dbeta = batchnorm_backward(np.array([[1.0], [1.0]]), cache)
    >>> dx.ravel(), dgamma, dbeta  # shifting every output equally cannot be done through x
    (array([0., 0.]), array([0.]), array([2.]))
    """
    if not isinstance(cache, BatchNormCache):
        raise TypeError(
            "cache must be the BatchNormCache that batchnorm_forward returned, got "
            f"{type(cache).__name__}."
        )
    grad_out = validate_array(grad_out, "grad_out", ndim=2)
    if grad_out.shape != cache.x_hat.shape:
        raise ValueError(
            f"grad_out must have the shape of the forward pass's output, "
            f"{cache.x_hat.shape}, got {grad_out.shape}."
        )
    x_hat, gamma, inv_std, training = cache
    dbeta = grad_out.sum(axis=0)
    dgamma = (grad_out * x_hat).sum(axis=0)
    dx_hat = grad_out * gamma
    if not training:
        return dx_hat * inv_std, dgamma, dbeta
    n = grad_out.shape[0]
    dx = inv_std / n * (n * dx_hat - dx_hat.sum(axis=0) - x_hat * (dx_hat * x_hat).sum(axis=0))
    return dx, dgamma, dbeta
