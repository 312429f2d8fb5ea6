"""What every figure in :mod:`regutils.plots` shares: colours, a fresh Axes, a grid of panels,
the legend and the marker line. Private: lessons call the ``plot_*`` functions.
"""

from __future__ import annotations

import math

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from regutils.notebook import LINE_COLORS

#: The colour-blind-safe palette of every figure (Okabe–Ito, as in setup_notebook's line cycle):
#: training data and curves are blue, validation curves orange, a fitted model vermillion and
#: the true curve bluish green; each also differs by line style or marker, never by colour alone.
TRAINING_COLOR, VALIDATION_COLOR, TRUTH_COLOR, MODEL_COLOR = (LINE_COLORS[i] for i in (0, 1, 2, 3))


def new_axes(ax: Axes | None) -> Axes:
    """``ax``, or the Axes of a new figure.

    Call it only once every argument has been checked, so a bad argument never leaves an empty
    figure behind.
    """
    if ax is None:
        _, ax = plt.subplots()
    return ax


def panel_grid(
    n_panels: int,
    ncols: int,
    *,
    panel_size: tuple[float, float],
    max_width: float = math.inf,
    sharex: bool = False,
    sharey: bool = False,
) -> tuple[Figure, np.ndarray]:
    """A new figure of ``n_panels`` panels, at most ``ncols`` per row; cells left over are hidden.

    Returns the figure and its Axes as a 2-D array (rows × columns), in reading order.
    """
    ncols = min(ncols, n_panels)
    nrows = math.ceil(n_panels / ncols)
    width, height = panel_size
    fig, axes = plt.subplots(
        nrows,
        ncols,
        figsize=(min(max_width, width * ncols), height * nrows),
        squeeze=False,
        sharex=sharex,
        sharey=sharey,
    )
    for ax in axes.flat[n_panels:]:
        ax.set_visible(False)
    return fig, axes


def mark_x(ax: Axes, x: float, label: str) -> None:
    """Draw a dotted vertical line at ``x`` (the best value, the chosen epoch), with a legend entry."""
    ax.axvline(x, color="gray", ls=":", lw=1.5, label=label)


def add_legend(ax: Axes) -> None:
    """The legend every single-panel figure uses: small, wherever it covers the least."""
    ax.legend(loc="best", fontsize="small")
