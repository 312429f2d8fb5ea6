"""Inverted dropout from scratch in NumPy: the forward pass with its mask, and the backward pass.

``rate`` is the fraction of units **dropped**, as in ``keras.layers.Dropout(rate)``. (Srivastava
et al. 2014 write *p* for the fraction *kept*: their p = 0.8 is Keras' rate = 0.2.)

During training each unit is kept with probability ``1 - rate`` and the kept ones are scaled by
``1 / (1 - rate)``, so every unit's expected output equals its input; at inference the layer is
the identity. Scaling during training ("inverted" dropout) is what Keras does; the original
paper scaled the weights by *p* at test time instead, which gives the same expectations.
``tests/test_scratch_dropout.py`` checks both functions against ``keras.layers.Dropout`` and
checks the backward pass with a numerical gradient.
"""

from __future__ import annotations

import numpy as np

from regutils.validation import validate_array, validate_real

__all__ = ["dropout_backward", "dropout_forward"]


def _check_rate(rate: object) -> float:
    rate = validate_real(rate, "rate")
    if not 0.0 <= rate < 1.0:
        raise ValueError(f"rate must be in [0, 1) (the fraction of units dropped), got {rate}.")
    return rate


def dropout_forward(
    x: object,
    rate: float,
    *,
    training: bool,
    rng: np.random.Generator | int | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Inverted dropout: drop each entry with probability ``rate`` and scale the rest.

    Parameters
    ----------
    x : array-like of numbers, any shape
        Activations, e.g. (batch, units).
    rate : float in [0, 1)
        Fraction of entries dropped (Keras' convention).
    training : bool
        ``True``: drop and scale. ``False`` (inference): return ``x`` unchanged.
    rng : numpy Generator, int or None, default=None
        Source of the random mask; an int (>= 0) seeds a new generator, ``None`` takes fresh
        entropy. Checked in every mode, even where no mask is drawn.

    Returns
    -------
    output : numpy.ndarray
        ``x * mask / (1 - rate)`` when training, else a copy of ``x``.
    mask : numpy.ndarray of bool
        ``True`` where the entry was kept (all ``True`` at inference). Keep it for
        :func:`dropout_backward`.

    Examples
    --------
    >>> out, mask = dropout_forward(np.ones((2, 4)), 0.5, training=True, rng=0)
    >>> out
    array([[2., 0., 0., 0.],
           [2., 2., 2., 2.]])
    >>> mask.dtype
    dtype('bool')
    >>> dropout_forward([1.0, 2.0], 0.5, training=False)[0]
    array([1., 2.])
    """
    x = validate_array(x, "x", ndim=tuple(range(8)))
    rate = _check_rate(rate)
    if not isinstance(training, bool):
        raise TypeError(f"training must be True or False, got {training!r}.")
    if rng is not None and not isinstance(rng, np.random.Generator):
        if isinstance(rng, bool) or not isinstance(rng, (int, np.integer)):
            raise TypeError(
                f"rng must be a numpy Generator, an int seed or None, got {type(rng).__name__}."
            )
        if rng < 0:
            raise ValueError(f"rng must be a seed >= 0 (or a numpy Generator), got {int(rng)}.")
    if not training or rate == 0.0:
        return x.copy(), np.ones(x.shape, dtype=bool)
    generator = rng if isinstance(rng, np.random.Generator) else np.random.default_rng(rng)
    mask = generator.random(x.shape) >= rate  # kept with probability 1 - rate
    return x * mask / (1.0 - rate), mask


def dropout_backward(grad_out: object, mask: object, rate: float) -> np.ndarray:
    """Gradient of the loss with respect to dropout's input, given the gradient of its output.

    The forward pass multiplies each entry by ``mask / (1 - rate)``, so the backward pass does
    the same to the incoming gradient: dropped units pass no gradient back.

    Parameters
    ----------
    grad_out : array-like
        Gradient with respect to the dropout output, same shape as ``mask``.
    mask : array-like of bool
        The mask :func:`dropout_forward` returned.
    rate : float in [0, 1)
        The rate used in the forward pass.

    Returns
    -------
    numpy.ndarray

    Examples
    --------
    >>> dropout_backward(np.ones(3), np.array([True, False, True]), 0.5)
    array([2., 0., 2.])
    """
    grad_out = validate_array(grad_out, "grad_out", ndim=tuple(range(8)))
    rate = _check_rate(rate)
    mask = np.asarray(mask)
    if mask.dtype != bool:
        raise TypeError(
            f"mask must be the boolean mask from dropout_forward, got dtype {mask.dtype}."
        )
    if mask.shape != grad_out.shape:
        raise ValueError(
            f"mask and grad_out must have the same shape, got {mask.shape} and {grad_out.shape}."
        )
    return grad_out * mask / (1.0 - rate)
