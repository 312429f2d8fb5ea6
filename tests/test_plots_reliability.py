"""Unit tests of regutils.plots.plot_reliability (lesson 11's reliability diagram).

It takes arrays, not Keras objects, so these tests need no TensorFlow.
"""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.axes import Axes

import regutils
from regutils.plots import plot_reliability

pytestmark = pytest.mark.usefixtures("no_show_and_close")  # tests/conftest.py


def toy(n=400, seed=0):
    """Probabilities of a 3-class classifier and labels drawn from them (so it is calibrated)."""
    rng = np.random.default_rng(seed)
    scores = rng.normal(size=(n, 3)) * 2
    p = np.exp(scores) / np.exp(scores).sum(axis=1, keepdims=True)
    labels = np.array([rng.choice(3, p=row) for row in p])
    return p, labels


def ece_by_hand(p, labels, n_bins):
    conf, correct = p.max(axis=1), p.argmax(axis=1) == labels
    b = np.minimum((conf * n_bins).astype(int), n_bins - 1)
    return sum(
        np.mean(b == i) * abs(correct[b == i].mean() - conf[b == i].mean())
        for i in range(n_bins)
        if np.any(b == i)
    )


def test_draws_bins_diagonal_and_shares():
    p, labels = toy()
    ax = plot_reliability(p, labels, n_bins=10, min_count=20, title="toy")
    assert isinstance(ax, Axes)
    assert ax.get_title() == f"toy: ECE {ece_by_hand(p, labels, 10):.3f}"
    diagonal, solid, hollow = ax.get_lines()
    assert diagonal.get_xdata().tolist() == [0, 1]
    conf = p.max(axis=1)
    counts = np.bincount(np.minimum((conf * 10).astype(int), 9), minlength=10)
    assert len(solid.get_xdata()) == np.sum(counts >= 20)
    assert len(hollow.get_xdata()) == np.sum((counts > 0) & (counts < 20))
    assert hollow.get_linestyle() == "None" and hollow.get_markerfacecolor() == "white"
    bars = ax.patches
    assert len(bars) == np.sum(counts > 0)
    assert sum(bar.get_height() for bar in bars) == pytest.approx(1.0)
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == [
        "calibrated",
        "bin: accuracy (≥ 20 images)",
        "bin with fewer",
        "share of images",
    ]
    assert ax.get_xlabel() == "confidence (top probability)"


def test_bins_follow_n_bins_and_given_axes():
    p, labels = toy()
    _, given = plt.subplots()
    ax = plot_reliability(p, labels, n_bins=5, min_count=0, ax=given)
    assert ax is given
    assert ax.get_title() == f"Reliability diagram: ECE {ece_by_hand(p, labels, 5):.3f}"
    assert len(ax.get_lines()[1].get_xdata()) == 4  # three classes: confidence >= 1/3
    assert all(bar.get_width() == pytest.approx(0.2) for bar in ax.patches)


def test_perfectly_confident_and_right_has_zero_ece():
    p = np.eye(4)[[0, 1, 2, 3, 1]]
    ax = plot_reliability(p, [0, 1, 2, 3, 1], min_count=1)
    assert ax.get_title().endswith("ECE 0.000")


def test_exported_from_regutils():
    assert regutils.plot_reliability is plot_reliability


@pytest.mark.parametrize(
    "args, kwargs, error, message",
    [
        (("p", [0]), {}, TypeError, r"^probabilities must be array-like"),
        (([0.5, 0.5], [0]), {}, ValueError, r"^probabilities must be 2-D"),
        (([[1.0], [1.0]], [0, 0]), {}, ValueError, r"one column per class"),
        (([[1.5, -0.5]], [0]), {}, ValueError, r"^probabilities must lie in \[0, 1\]"),
        (([[0.5, 0.5]], [0, 1]), {}, ValueError, r"^labels must have one entry per row"),
        (([[0.5, 0.5]], [2]), {}, ValueError, r"^labels must be whole numbers from 0 to 1"),
        (([[0.5, 0.5]], [0.5]), {}, ValueError, r"^labels must be whole numbers"),
        (([[0.5, 0.5]], [0]), {"n_bins": 0}, ValueError, r"^n_bins must be an integer >= 1"),
        (([[0.5, 0.5]], [0]), {"min_count": -1}, ValueError, r"^min_count must be"),
        (([[0.5, 0.5]], [0]), {"title": 3}, TypeError, r"^title must be a string"),
    ],
)
def test_validates_arguments(args, kwargs, error, message):
    with pytest.raises(error, match=message):
        plot_reliability(*args, **kwargs)
    assert plt.get_fignums() == []  # no empty figure left behind
