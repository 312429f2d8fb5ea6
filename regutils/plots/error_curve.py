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
from regutils.validation import (
    validate_array,
    validate_axes,
    validate_bool,
    validate_choice,
    validate_same_length,
    validate_strings,
    validate_text,
)

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
        Label of the x-axis, not empty (required: the reader must know what varies).
    ylabel : str, default="RMSE"
    xscale : {"linear", "log"}, default="linear"
        Use ``"log"`` for penalty strengths (then every value must be > 0).
    labels : (str, str), default=("training", "validation")
        Legend entries of the two curves: exactly two strings, training first.
    mark_best : bool, default=True
        Mark the value with the lowest (mean) validation error.
    title : str, optional
    ax : matplotlib Axes, optional
        One Axes to draw in; a new figure if omitted.

    Returns
    -------
    matplotlib.axes.Axes
        Both curves and, with ``mark_best``, a dotted line at the best value.

    Raises
    ------
    TypeError, ValueError
        For a bad argument, naming it and what is allowed, before anything is drawn.

    Examples
    --------
    >>> ax = plot_error_curve([1, 2, 3], [0.5, 0.3, 0.1], [0.6, 0.4, 0.5], xlabel="degree")
    >>> ax.get_xlabel()
    'degree'
    >>> plot_error_curve([1, 2], [0.5, 0.3], [0.6, 0.4], xlabel="degree", labels=("a",))
    Traceback (most recent call last):
    ...
    ValueError: labels must have exactly 2 strings (one per curve), got 1: ('a',).
    """
    xscale = validate_choice(xscale, "xscale", ["linear", "log"])
    x, train, validation = _curves(
        values, train_errors, validation_errors, "values", positive=xscale == "log"
    )
    validate_text(xlabel, "xlabel", allow_empty=False)
    validate_text(ylabel, "ylabel")
    training_label, validation_label = validate_strings(labels, "labels", length=2)
    labels = (training_label, validation_label)
    mark_best = validate_bool(mark_best, "mark_best")
    validate_text(title, "title", optional=True)
    validate_axes(ax)
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
    scores turned into errors). ``train_sizes`` must all be > 0; ``ylabel`` and ``title`` are
    strings; ``ax`` is one matplotlib Axes or None.

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
    x, train, validation = _curves(
        train_sizes, train_errors, validation_errors, "train_sizes", positive=True
    )
    validate_text(ylabel, "ylabel")
    validate_text(title, "title")
    validate_axes(ax)
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
        why = (
            " (numbers of training samples)"
            if values_name == "train_sizes"
            else " when xscale='log'"
        )
        raise ValueError(f"{values_name} must all be > 0{why}.")
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
