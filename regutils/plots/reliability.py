"""The reliability diagram of a classifier's predicted probabilities (lesson 11: label smoothing
and calibration).

It takes plain arrays (probabilities and labels), not Keras models, so this module never imports
TensorFlow.
"""

from __future__ import annotations

import numpy as np
from matplotlib.axes import Axes
from matplotlib.lines import Line2D
from numpy.typing import ArrayLike

from regutils.plots._style import new_axes
from regutils.validation import validate_array, validate_axes, validate_int, validate_text

__all__ = ["plot_reliability"]


def plot_reliability(
    probabilities: ArrayLike,
    labels: ArrayLike,
    *,
    n_bins: int = 10,
    min_count: int = 20,
    title: str | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Accuracy against confidence in equal-width confidence bins, with each bin's share of images.

    The confidence of a prediction is its top probability. The images are sorted into ``n_bins``
    equal-width bins [0, 1/n), …, [(n-1)/n, 1]; each bin is drawn at its mean confidence and its
    accuracy (black circles, joined), over a gray bar of the share of images it holds. A
    calibrated classifier lies on the dotted diagonal; below it is over-confident, above it
    under-confident. Bins with fewer than ``min_count`` images are drawn as hollow circles and not
    joined: their accuracy is too noisy to read. The title ends with the expected calibration
    error (ECE): the bins' |accuracy − mean confidence| weighted by their share of images.

    Parameters
    ----------
    probabilities : array-like, shape (n_samples, n_classes)
        Predicted probabilities in [0, 1], one row per image, at least two columns; each row
        sums to 1 (within 0.01: float32 softmax outputs are fine).
    labels : array-like of int, shape (n_samples,)
        The true classes, 0 … n_classes − 1.
    n_bins : int, default=10
        Number of equal-width confidence bins, from 1 to 1000.
    min_count : int, default=20
        Bins with fewer images are drawn hollow; at least 0.
    title : str, optional
        Start of the title; defaults to "Reliability diagram". ": ECE 0.xxx" is appended.
    ax : matplotlib Axes, optional
        Where to draw (one Axes); a new figure if omitted.

    Returns
    -------
    matplotlib.axes.Axes

    Raises
    ------
    TypeError, ValueError
        For a bad argument, naming it and what is allowed, before anything is drawn.

    Examples
    --------
    >>> p = np.array([[0.9, 0.1], [0.8, 0.2], [0.3, 0.7], [0.6, 0.4]])
    >>> ax = plot_reliability(p, [0, 0, 1, 1], n_bins=5, min_count=1, title="toy")
    >>> ax.get_title()
    'toy: ECE 0.150'
    """
    p = validate_array(probabilities, "probabilities", ndim=2)
    if p.shape[1] < 2:
        raise ValueError(
            f"probabilities must have one column per class (at least two); got shape {p.shape}."
        )
    if np.any(p < 0) or np.any(p > 1):
        raise ValueError("probabilities must lie in [0, 1].")
    row_sums = p.sum(axis=1)
    if np.any(np.abs(row_sums - 1.0) > 0.01):
        worst = float(row_sums[np.argmax(np.abs(row_sums - 1.0))])
        raise ValueError(
            "probabilities must have rows that sum to 1 (one probability per class, e.g. a "
            f"softmax output); a row sums to {worst:.3g}. For a binary sigmoid output p, pass "
            "np.column_stack([1 - p, p])."
        )
    y = validate_array(labels, "labels", ndim=1)
    if y.shape[0] != p.shape[0]:
        raise ValueError(
            f"labels must have one entry per row of probabilities ({p.shape[0]}); got {y.shape[0]}."
        )
    if not np.all(np.equal(np.mod(y, 1), 0)) or y.min() < 0 or y.max() >= p.shape[1]:
        raise ValueError(f"labels must be whole numbers from 0 to {p.shape[1] - 1}.")
    n_bins = validate_int(n_bins, "n_bins", minimum=1, maximum=1000)
    min_count = validate_int(min_count, "min_count", minimum=0)
    validate_text(title, "title", optional=True)
    validate_axes(ax)

    confidence = p.max(axis=1)
    correct = p.argmax(axis=1) == y.astype(int)
    bin_of = np.minimum((confidence * n_bins).astype(int), n_bins - 1)
    counts = np.bincount(bin_of, minlength=n_bins)
    used = np.flatnonzero(counts)
    mean_conf = np.array([confidence[bin_of == b].mean() for b in used])
    accuracy = np.array([correct[bin_of == b].mean() for b in used])
    share = counts[used] / len(y)
    ece = float(np.sum(share * np.abs(accuracy - mean_conf)))

    ax = new_axes(ax)
    width = 1 / n_bins
    ax.bar(used * width, share, width=width, align="edge", color="0.85", edgecolor="0.6")
    ax.plot([0, 1], [0, 1], ":", color="gray")
    solid = counts[used] >= min_count
    ax.plot(mean_conf[solid], accuracy[solid], "o-", color="black", clip_on=False)
    ax.plot(mean_conf[~solid], accuracy[~solid], "o", color="black", mfc="white", clip_on=False)
    handles = [
        Line2D([], [], ls=":", color="gray", label="calibrated"),
        Line2D([], [], marker="o", color="black", label=f"bin: accuracy (≥ {min_count} images)"),
        Line2D([], [], marker="o", ls="", color="black", mfc="white", label="bin with fewer"),
        Line2D([], [], marker="s", ls="", ms=9, mfc="0.85", mec="0.6", label="share of images"),
    ]
    ax.legend(handles=handles, loc="upper left", fontsize="small")
    ax.set(
        xlim=(0, 1),
        ylim=(0, 1.02),
        xlabel="confidence (top probability)",
        ylabel="accuracy; share of images",
        title=f"{title if title is not None else 'Reliability diagram'}: ECE {ece:.3f}",
    )
    return ax
