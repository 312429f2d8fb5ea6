"""Training and validation curves of a Keras training history, by epoch (lessons 07–10).

It takes the history as a table, not a Keras object, so this module never imports TensorFlow.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.ticker import MaxNLocator

from regutils.plots._style import LINE_COLORS, add_legend, mark_x, new_axes
from regutils.validation import validate_array, validate_axes, validate_int, validate_text

__all__ = ["plot_history"]

#: One colour per metric; its training curve is solid, its validation curve dashed.
_METRIC_COLORS = tuple(LINE_COLORS[i] for i in (0, 3, 2, 4, 1))  # blue, vermillion, green, …


def plot_history(
    history: pd.DataFrame,
    metrics: Sequence[str] = ("loss",),
    *,
    mark_epoch: int | None = None,
    title: str | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Training and validation curves of a Keras training history, by epoch.

    Each metric is drawn as a solid training curve and, if the history has a ``val_`` column for
    it, a dashed validation curve in the same colour. The distance between the two is the
    generalization gap.

    Parameters
    ----------
    history : pandas.DataFrame
        One row per epoch, indexed by epoch number, e.g. the table
        :func:`regutils.training.train` returns (or ``pd.DataFrame(fit.history)``).
    metrics : sequence of str, default=("loss",)
        Training columns to draw, e.g. ``("loss",)`` or ``("accuracy",)``; each a numeric column
        of ``history``, named once. Their ``val_`` columns are added automatically.
    mark_epoch : int, optional
        Draw a vertical line at this epoch (e.g. where early stopping stopped, or the best one);
        between the first and last epoch of ``history``.
    title : str, optional
        Defaults to "Training and validation <metric>".
    ax : matplotlib Axes, optional
        One Axes to draw in; a new figure if omitted.

    Returns
    -------
    matplotlib.axes.Axes
        Per metric, a solid training line and a dashed validation line (if there is one).

    Raises
    ------
    TypeError, ValueError
        For a bad argument, naming it and what is allowed, before anything is drawn.

    Examples
    --------
    >>> history = pd.DataFrame({"loss": [0.9, 0.6, 0.4], "val_loss": [1.0, 0.8, 0.9]},
    ...                        index=pd.RangeIndex(1, 4, name="epoch"))
    >>> ax = plot_history(history, mark_epoch=2)
    >>> [line.get_label() for line in ax.get_lines()]
    ['training loss', 'validation loss', 'epoch 2']
    """
    if not isinstance(history, pd.DataFrame):
        raise TypeError(
            "history must be a pandas DataFrame with one row per epoch (e.g. from "
            f"regutils.training.train), got {type(history).__name__}."
        )
    if len(history) == 0:
        raise ValueError("history must have at least one epoch (row).")
    if isinstance(metrics, str) or not isinstance(metrics, Sequence) or len(metrics) == 0:
        raise TypeError(
            f"metrics must be a non-empty sequence of column names, e.g. ('loss',); "
            f"got {metrics!r}."
        )
    columns = [str(c) for c in history.columns]
    for metric in metrics:
        if not isinstance(metric, str):
            raise TypeError(
                f"metrics must contain column names (strings), got {type(metric).__name__} "
                f"{metric!r}."
            )
        if list(metrics).count(metric) > 1:
            raise ValueError(f"metrics names {metric!r} twice; name each column once.")
        if metric not in columns:
            raise ValueError(
                f"metrics: history has no column {metric!r}; it has "
                f"{', '.join(map(repr, columns))}."
            )
    epochs = validate_array(history.index.to_numpy(), "history.index")
    if mark_epoch is not None:
        mark_epoch = validate_int(mark_epoch, "mark_epoch", minimum=1)
        if not epochs.min() <= mark_epoch <= epochs.max():
            raise ValueError(
                f"mark_epoch must be between {epochs.min():g} and {epochs.max():g} "
                f"(the epochs in history), got {mark_epoch}."
            )
    curves: dict[str, np.ndarray] = {}
    for column in (*metrics, *(f"val_{m}" for m in metrics if f"val_{m}" in columns)):
        try:
            curves[column] = history[column].to_numpy(dtype=float)
        except (TypeError, ValueError):
            raise TypeError(
                f"history column {column!r} must hold numbers (one per epoch), got dtype "
                f"{history[column].dtype}."
            ) from None
    validate_text(title, "title", optional=True)
    validate_axes(ax)
    ax = new_axes(ax)

    for i, metric in enumerate(metrics):
        color = _METRIC_COLORS[i % len(_METRIC_COLORS)]
        ax.plot(epochs, curves[metric], color=color, label=f"training {metric}")
        if f"val_{metric}" in columns:
            ax.plot(
                epochs,
                curves[f"val_{metric}"],
                "--",
                color=color,
                label=f"validation {metric}",
            )
    if mark_epoch is not None:
        mark_x(ax, mark_epoch, f"epoch {mark_epoch}")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))  # whole epochs only
    ax.set_xlabel("epoch")
    ax.set_ylabel(metrics[0] if len(metrics) == 1 else "value")
    ax.set_title(title if title is not None else f"Training and validation {', '.join(metrics)}")
    add_legend(ax)
    return ax
