"""Histograms of network weights, one panel per model (lesson 07: L2 narrows them, L1 piles them
at zero).

It takes plain weight arrays, not Keras models, so this module never imports TensorFlow.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
from matplotlib.figure import Figure
from numpy.typing import ArrayLike

from regutils.plots._style import LINE_COLORS, panel_grid
from regutils.validation import validate_array, validate_int, validate_mapping, validate_text

__all__ = ["plot_weight_histograms"]


def plot_weight_histograms(
    weights: Mapping[str, ArrayLike],
    *,
    bins: int = 50,
    title: str | None = None,
) -> Figure:
    """Histograms of weights, one panel per model, side by side on a shared x-axis.

    Each panel's title gives the standard deviation of its weights and the share with
    ``|w| < 0.01``, so an L2 penalty (narrower) and an L1 penalty (a spike at zero) are easy to
    tell apart.

    Parameters
    ----------
    weights : mapping of str to array-like
        Panel title -> weights of one model, any shape (flattened), e.g. the kernels of a Keras
        model: ``np.concatenate([w.ravel() for w in model.get_weights()[::2]])``.
    bins : int, default=50
        Number of bins, shared by all panels; from 1 to 10 000.
    title : str, optional
        Figure title; defaults to "Weight distributions".

    Returns
    -------
    matplotlib.figure.Figure
        One panel per model, all on the same bins.

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> fig = plot_weight_histograms({"no penalty": rng.normal(0, 0.3, 500),
    ...                               "L2": rng.normal(0, 0.1, 500)})
    >>> [ax.get_title().split(" (")[0] for ax in fig.axes]
    ['no penalty', 'L2']
    """
    validate_mapping(weights, "weights", "name -> weight array")
    bins = validate_int(bins, "bins", minimum=1, maximum=10_000)
    validate_text(title, "title", optional=True)
    arrays = {}
    for name, values in weights.items():
        try:
            array = validate_array(values, f"weights[{name!r}]", ndim=tuple(range(8)))
        except TypeError as exc:
            raise TypeError(
                f"{exc} Pass one array per model; a list of weight arrays of "
                "different shapes must be joined first: "
                "np.concatenate([w.ravel() for w in model.get_weights()[::2]])."
            ) from None
        arrays[str(name)] = array.ravel()
    lo = min(float(a.min()) for a in arrays.values())
    hi = max(float(a.max()) for a in arrays.values())
    if lo == hi:
        lo, hi = lo - 0.5, hi + 0.5
    edges = np.linspace(lo, hi, bins + 1)
    fig, axes = panel_grid(len(arrays), 4, panel_size=(3.4, 3.0), max_width=12.0, sharex=True)
    for ax, (name, array) in zip(axes.flat, arrays.items()):
        ax.hist(array, bins=edges, color=LINE_COLORS[0], alpha=0.8)
        near_zero = float(np.mean(np.abs(array) < 0.01))
        ax.set_title(f"{name} (sd {array.std():.3f}, {near_zero:.0%} near 0)", fontsize="medium")
        ax.set_xlabel("weight")
    for ax in axes[:, 0]:
        ax.set_ylabel("count")
    fig.suptitle(title if title is not None else "Weight distributions")
    return fig
