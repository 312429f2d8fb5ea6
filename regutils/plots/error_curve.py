"""Training and validation error against what varies: model complexity or penalty strength
(:func:`plot_error_curve`, lessons 01 and 02) or the number of training samples
(:func:`plot_learning_curve`, lesson 01).
"""

from __future__ import annotations

import numpy as np
from matplotlib.axes import Axes
from numpy.typing import ArrayLike

from regutils.plots._style import (
    TRAINING_COLOR,
    VALIDATION_COLOR,
    add_legend,
    mark_x,
    new_axes,
)
from regutils.validation import validate_array, validate_choice, validate_same_length

__all__ = ["plot_error_curve", "plot_learning_curve"]


def plot_error_curve(
    values: ArrayLike,
    train_errors: ArrayLike,
    validation_errors: ArrayLike,
    *,
    xlabel: str,
    ylabel: str = "RMSE",
    xscale: str = "linear",
    labels: tuple[str, str] = ("training", "validation"),
    mark_best: bool = True,
    title: str | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Training and validation error against model complexity (degree, λ) or data size.

    Errors may be 1-D (one number per value) or 2-D (values × folds, e.g. from
    ``sklearn.model_selection.validation_curve``): 2-D errors are drawn as the mean with a band of
    ± one standard deviation across folds.

    Parameters
    ----------
    values : array-like, 1-D
        The x-axis: degrees, penalty strengths or training-set sizes.
    train_errors, validation_errors : array-like, 1-D or 2-D
        Errors with one row per value.
    xlabel : str
        Label of the x-axis (required: the reader must know what varies).
    ylabel : str, default="RMSE"
    xscale : {"linear", "log"}, default="linear"
        Use ``"log"`` for penalty strengths.
    labels : (str, str), default=("training", "validation")
        Legend entries of the two curves.
    mark_best : bool, default=True
        Mark the value with the lowest (mean) validation error.
    title : str, optional
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib.axes.Axes
        Both curves and, with ``mark_best``, a dotted line at the best value.

    Examples
    --------
    >>> ax = plot_error_curve([1, 2, 3], [0.5, 0.3, 0.1], [0.6, 0.4, 0.5], xlabel="degree")
    >>> ax.get_xlabel()
    'degree'
    """
    xscale = validate_choice(xscale, "xscale", ["linear", "log"])
    x, train, validation = _curves(
        values, train_errors, validation_errors, "values", positive=xscale == "log"
    )
    ax = new_axes(ax)
    _draw(ax, x, train, validation, labels)
    if mark_best:
        best = x[int(np.argmin(_mean(validation)))]
        mark_x(ax, best, f"lowest {labels[1]} error: {best:g}")
    title = title if title is not None else f"{ylabel} against {xlabel}"
    return _finish(ax, xscale=xscale, xlabel=xlabel, ylabel=ylabel, title=title)


def plot_learning_curve(
    train_sizes: ArrayLike,
    train_errors: ArrayLike,
    validation_errors: ArrayLike,
    *,
    ylabel: str = "RMSE",
    title: str = "Learning curve",
    ax: Axes | None = None,
) -> Axes:
    """Training and validation error against the number of training samples.

    The gap between the curves is the generalization gap; it narrows as data grow. Arguments as in
    :func:`plot_error_curve` (e.g. the output of ``sklearn.model_selection.learning_curve``, with
    scores turned into errors).

    Returns
    -------
    matplotlib.axes.Axes
        Both curves by training-set size.

    Examples
    --------
    >>> ax = plot_learning_curve([10, 20, 40], [0.1, 0.2, 0.25], [0.9, 0.5, 0.3])
    >>> ax.get_xlabel()
    'training set size'
    """
    x, train, validation = _curves(train_sizes, train_errors, validation_errors, "train_sizes")
    ax = new_axes(ax)
    _draw(ax, x, train, validation, ("training", "validation"))
    return _finish(ax, xscale="linear", xlabel="training set size", ylabel=ylabel, title=title)


def _curves(
    values: ArrayLike,
    train_errors: ArrayLike,
    validation_errors: ArrayLike,
    values_name: str,
    *,
    positive: bool = False,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The checked x-axis and errors; messages name the x-axis argument ``values_name``."""
    x = validate_array(values, values_name)
    if positive and np.any(x <= 0):
        raise ValueError(f"{values_name} must all be > 0 when xscale='log'.")
    train = validate_array(train_errors, "train_errors", ndim=(1, 2))
    validate_same_length(**{values_name: x, "train_errors": train})
    validation = validate_array(validation_errors, "validation_errors", ndim=(1, 2))
    validate_same_length(**{values_name: x, "validation_errors": validation})
    return x, train, validation


def _mean(errors: np.ndarray) -> np.ndarray:
    """One error per value: 2-D errors (values × folds) are averaged over the folds."""
    return errors.mean(axis=1) if errors.ndim == 2 else errors


def _draw(
    ax: Axes, x: np.ndarray, train: np.ndarray, validation: np.ndarray, labels: tuple[str, str]
) -> None:
    """Each curve as its mean, with a band of ± one standard deviation across folds if 2-D."""
    # Marker and line style as well as colour, so the two curves read in grey print too.
    for errors, label, color, style in zip(
        (train, validation), labels, (TRAINING_COLOR, VALIDATION_COLOR), ("o-", "s--")
    ):
        mean = _mean(errors)
        ax.plot(x, mean, style, color=color, ms=4, label=label)
        if errors.ndim == 2 and errors.shape[1] > 1:
            sd = errors.std(axis=1)
            ax.fill_between(x, mean - sd, mean + sd, color=color, alpha=0.2, lw=0)


def _finish(ax: Axes, *, xscale: str, xlabel: str, ylabel: str, title: str) -> Axes:
    """Scale, labels, title and legend: the last touches of both figures."""
    ax.set_xscale(xscale)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.set_title(title)
    add_legend(ax)
    return ax
