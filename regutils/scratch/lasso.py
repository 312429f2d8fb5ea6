"""The lasso from scratch: soft-thresholding and cyclic coordinate descent in plain NumPy.

Both solve the same problem as :class:`sklearn.linear_model.Lasso`,

.. math::

    \\min_{w, b}\\; \\frac{1}{2n} \\lVert y - Xw - b \\rVert_2^2 + \\alpha \\lVert w \\rVert_1 ,

one coefficient at a time: with the others fixed, the best value of :math:`w_j` is the
least-squares value for :math:`w_j` alone, soft-thresholded by :math:`\\alpha` and divided by
:math:`\\lVert x_j \\rVert^2 / n` (Friedman, Hastie & Tibshirani 2010, *J. Stat. Softw.* 33(1)).
``tests/test_scratch_lasso.py`` checks the result against scikit-learn on several problems.
Lesson 03 uses them; import them explicitly::

    from regutils.scratch.lasso import lasso_coordinate_descent, soft_threshold
"""

from __future__ import annotations

import warnings
from typing import NamedTuple

import numpy as np
from numpy.typing import ArrayLike

from regutils.validation import validate_array, validate_int, validate_real, validate_same_length

__all__ = ["LassoResult", "lasso_coordinate_descent", "soft_threshold"]


def soft_threshold(z: ArrayLike, threshold: float) -> np.ndarray | float:
    """Shrink ``z`` toward 0 by ``threshold``, and set it to exactly 0 inside ``[-threshold, threshold]``.

    ``S(z, t) = sign(z) * max(|z| - t, 0)``: the solution of the one-dimensional lasso problem
    ``min_w (w - z)**2 / 2 + t * |w|``. It is where the lasso's exact zeros come from.

    Parameters
    ----------
    z : float or array-like of float
        Value(s) to shrink; applied element-wise.
    threshold : float
        The amount of shrinkage, at least 0.

    Returns
    -------
    float or numpy.ndarray
        A float for a scalar ``z``, otherwise an array of the same shape as ``z``.

    Raises
    ------
    TypeError
        If ``z`` is not numeric or ``threshold`` is not a real number.
    ValueError
        If ``threshold`` is negative or not finite, or ``z`` contains NaN or infinity.

    Examples
    --------
    >>> soft_threshold([-3.0, -0.5, 0.0, 0.5, 3.0], 1.0)
    array([-2.,  0.,  0.,  0.,  2.])
    >>> soft_threshold(2.5, 1.0)
    1.5
    """
    threshold = validate_real(threshold, "threshold", minimum=0.0)
    scalar = np.ndim(z) == 0 and not isinstance(z, (str, bytes))
    values = validate_array(
        np.atleast_1d(z) if scalar else z, "z", ndim=tuple(range(1, 33))
    )  # any ndim
    shrunk = np.sign(values) * np.maximum(np.abs(values) - threshold, 0.0)
    shrunk = shrunk + 0.0  # turn -0.0 into 0.0
    return float(shrunk[0]) if scalar else shrunk


class LassoResult(NamedTuple):
    """What :func:`lasso_coordinate_descent` returns."""

    coef: np.ndarray
    """The coefficients, shape (n_features,)."""
    intercept: float
    """The intercept (0.0 when ``fit_intercept=False``)."""
    n_iter: int
    """The number of full sweeps over the coefficients."""


def lasso_coordinate_descent(
    X: ArrayLike,
    y: ArrayLike,
    alpha: float,
    *,
    max_iter: int = 1000,
    tol: float = 1e-4,
    fit_intercept: bool = True,
) -> LassoResult:
    """Fit the lasso by cyclic coordinate descent, the algorithm behind scikit-learn's ``Lasso``.

    Minimizes ``(1 / (2 n)) * ||y - X w - b||**2 + alpha * ||w||_1`` (the intercept ``b`` is not
    penalized). With ``fit_intercept=True``, ``X`` and ``y`` are centred first and ``b`` is
    recovered from the means at the end. Each sweep visits every coefficient once and sets it to
    its best value given the others,

    ``w_j = soft_threshold(x_j @ r_j / n, alpha) / (x_j @ x_j / n)``,

    where ``r_j`` is the residual without feature ``j``'s contribution. Sweeps stop when no
    coefficient moved by more than ``tol`` during a sweep.

    Parameters
    ----------
    X : array-like, shape (n_samples, n_features)
        Features. Standardize them first: the penalty treats every coefficient alike.
    y : array-like, shape (n_samples,)
        Target.
    alpha : float
        Penalty strength, at least 0 (scikit-learn's ``Lasso(alpha=...)``). With ``alpha=0`` this
        is plain least squares by coordinate descent (slow if features are strongly correlated).
    max_iter : int, default=1000
        Maximum number of sweeps, at least 1.
    tol : float, default=1e-4
        Stopping tolerance on the largest coefficient change in a sweep, greater than 0.
    fit_intercept : bool, default=True
        Fit an unpenalized intercept.

    Returns
    -------
    LassoResult
        ``coef`` (n_features,), ``intercept`` and ``n_iter``, the number of sweeps.

    Raises
    ------
    TypeError
        If an argument has the wrong type (e.g. ``fit_intercept`` not a bool).
    ValueError
        If ``X`` is not 2-D, ``y`` not 1-D, their lengths differ, they contain NaN/inf, ``alpha``
        is negative, ``max_iter`` < 1 or ``tol`` <= 0.

    Warns
    -----
    RuntimeWarning
        If the tolerance was not reached within ``max_iter`` sweeps.

    Examples
    --------
    >>> X = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0], [2.0, 1.0]])
    >>> y = np.array([1.0, 0.5, 1.4, 2.6])
    >>> result = lasso_coordinate_descent(X, y, alpha=0.1, tol=1e-10)
    >>> np.round(result.coef, 4), round(result.intercept, 4)
    (array([0.85, 0.  ]), 0.525)
    """
    X = validate_array(X, "X", ndim=2)
    y = validate_array(y, "y", ndim=1)
    validate_same_length(X=X, y=y)
    alpha = validate_real(alpha, "alpha", minimum=0.0)
    max_iter = validate_int(max_iter, "max_iter", minimum=1)
    tol = validate_real(tol, "tol")
    if tol <= 0:
        raise ValueError(f"tol must be > 0, got {tol}.")
    if not isinstance(fit_intercept, (bool, np.bool_)):
        raise TypeError(f"fit_intercept must be True or False, got {fit_intercept!r}.")

    n_samples, n_features = X.shape
    # Centre the data; without an intercept the means are taken as 0 and nothing moves.
    X_mean = X.mean(axis=0) if fit_intercept else np.zeros(n_features)
    y_mean = float(y.mean()) if fit_intercept else 0.0
    X, y = X - X_mean, y - y_mean

    curvature = (X**2).sum(axis=0) / n_samples  # x_j @ x_j / n: the 1-D problem's curvature
    coef = np.zeros(n_features)
    residual = y.copy()  # y - X @ coef, kept up to date
    n_iter = 0
    converged = False
    while n_iter < max_iter:
        n_iter += 1
        largest_change = 0.0
        for j in range(n_features):
            if curvature[j] == 0.0:  # a constant column: its coefficient stays 0
                continue
            old = coef[j]
            z = X[:, j] @ residual / n_samples + curvature[j] * old  # x_j @ r_j / n
            new = (
                np.sign(z) * max(abs(z) - alpha, 0.0) / curvature[j] + 0.0
            )  # soft_threshold(z, alpha)
            if new != old:
                residual -= X[:, j] * (new - old)
                coef[j] = new
                largest_change = max(largest_change, abs(new - old))
        if largest_change <= tol:
            converged = True
            break
    if not converged:
        warnings.warn(
            f"lasso_coordinate_descent did not converge in max_iter={max_iter} sweeps "
            f"(tol={tol}); raise max_iter or tol.",
            RuntimeWarning,
            stacklevel=2,
        )
    intercept = float(y_mean - X_mean @ coef) if fit_intercept else 0.0
    return LassoResult(coef=coef, intercept=intercept, n_iter=n_iter)
