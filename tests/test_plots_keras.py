"""Unit tests of the neural-network plots in regutils.plots: plot_history, plot_weight_histograms.

They take tables and arrays (not Keras objects), so these tests need no TensorFlow.
"""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from matplotlib.axes import Axes
from matplotlib.figure import Figure

import regutils.plots
from regutils.plots import plot_history, plot_weight_histograms

pytestmark = pytest.mark.usefixtures("no_show_and_close")  # tests/conftest.py


@pytest.fixture
def history():
    """A history like regutils.training.train returns: indexed by epoch from 1."""
    return pd.DataFrame(
        {
            "loss": [0.9, 0.6, 0.4, 0.3],
            "accuracy": [0.6, 0.7, 0.8, 0.9],
            "val_loss": [1.0, 0.8, 0.7, 0.9],
            "val_accuracy": [0.5, 0.6, 0.7, 0.65],
        },
        index=pd.RangeIndex(1, 5, name="epoch"),
    )


def labels(ax):
    return [line.get_label() for line in ax.get_lines()]


def test_plot_history_draws_training_and_validation_loss(history):
    ax = plot_history(history)
    assert isinstance(ax, Axes)
    assert labels(ax) == ["training loss", "validation loss"]
    train_line, val_line = ax.get_lines()
    assert train_line.get_xdata().tolist() == [1, 2, 3, 4]
    assert val_line.get_ydata().tolist() == [1.0, 0.8, 0.7, 0.9]
    assert val_line.get_linestyle() == "--" and train_line.get_color() == val_line.get_color()
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("epoch", "loss")
    assert ax.get_title() == "Training and validation loss"
    assert [t.get_text() for t in ax.get_legend().get_texts()] == labels(ax)


def test_plot_history_several_metrics_marked_epoch_title_and_given_axes(history):
    _, given = plt.subplots()
    ax = plot_history(history, ("loss", "accuracy"), mark_epoch=3, title="My run", ax=given)
    assert ax is given
    assert labels(ax) == [
        "training loss",
        "validation loss",
        "training accuracy",
        "validation accuracy",
        "epoch 3",
    ]
    assert ax.get_lines()[-1].get_xdata()[0] == 3
    assert ax.get_ylabel() == "value" and ax.get_title() == "My run"


def test_plot_history_without_validation_columns(history):
    ax = plot_history(history[["loss"]])
    assert labels(ax) == ["training loss"]


@pytest.mark.parametrize(
    "kwargs, error, message",
    [
        ({"history": {"loss": [1.0]}}, TypeError, r"^history must be a pandas DataFrame"),
        (
            {"history": pd.DataFrame({"loss": []})},
            ValueError,
            r"^history must have at least one epoch",
        ),
        (
            {"metrics": ("acc",)},
            ValueError,
            r"^metrics: history has no column 'acc'; it has 'loss', 'accuracy', 'val_loss', 'val_accuracy'\.$",
        ),
        ({"metrics": "loss"}, TypeError, r"^metrics must be a non-empty sequence of column names"),
        ({"metrics": ()}, TypeError, r"^metrics must be a non-empty sequence"),
        ({"mark_epoch": 0}, ValueError, r"^mark_epoch must be an integer >= 1, got 0\.$"),
        (
            {"mark_epoch": 9},
            ValueError,
            r"^mark_epoch must be between 1 and 4 \(the epochs in history\), got 9\.$",
        ),
        ({"mark_epoch": 2.5}, TypeError, r"^mark_epoch must be an integer"),
        (
            {"metrics": (0,)},
            TypeError,
            r"^metrics must contain column names \(strings\), got int 0\.$",
        ),
        (
            {"metrics": ("loss", "loss")},
            ValueError,
            r"^metrics names 'loss' twice; name each column once\.$",
        ),
        (
            {"history": pd.DataFrame({"loss": ["low", "high"]}, index=[1, 2])},
            TypeError,
            r"^history column 'loss' must hold numbers \(one per epoch\), got dtype (object|str)\.$",
        ),
        ({"title": 3}, TypeError, r"^title must be a string or None, got int 3\.$"),
        ({"ax": "left"}, TypeError, r"^ax must be a matplotlib Axes .* or None, got str\.$"),
        (
            {"ax": np.empty(2, dtype=object)},
            TypeError,
            r"^ax must be a matplotlib Axes.*got ndarray \(an array of Axes: pick one",
        ),
    ],
)
def test_plot_history_rejects_bad_input(history, kwargs, error, message):
    arguments = {"history": history, **kwargs}
    before = plt.get_fignums()
    with pytest.raises(error, match=message):
        plot_history(**arguments)
    assert plt.get_fignums() == before  # no empty figure left behind


def test_plot_weight_histograms_one_panel_per_model_on_shared_bins():
    rng = np.random.default_rng(0)
    wide = rng.normal(0.0, 0.3, size=(20, 30))  # any shape: flattened
    narrow = rng.normal(0.0, 0.05, 600)
    sparse = np.where(rng.random(600) < 0.7, 0.0, rng.normal(0.0, 0.2, 600))
    fig = plot_weight_histograms(
        {"no penalty": wide, "L2": narrow, "L1": sparse}, bins=30, title="Kernels"
    )
    assert isinstance(fig, Figure)
    assert len(fig.axes) == 3
    assert fig._suptitle.get_text() == "Kernels"
    titles = [ax.get_title() for ax in fig.axes]
    assert titles[0].startswith("no penalty (sd 0.")
    assert titles[2].endswith(f"{np.mean(np.abs(sparse) < 0.01):.0%} near 0)")
    assert f"sd {narrow.std():.3f}" in titles[1]
    # Shared bins: every panel's bars have the same edges; counts add up to the weights.
    edges = [tuple(np.round([p.get_x() for p in ax.patches], 12)) for ax in fig.axes]
    assert len(set(edges)) == 1 and len(edges[0]) == 30
    assert [sum(p.get_height() for p in ax.patches) for ax in fig.axes] == [600, 600, 600]
    assert all(ax.get_xlabel() == "weight" for ax in fig.axes)
    assert fig.axes[0].get_ylabel() == "count"
    width, height = fig.get_size_inches()
    assert width <= 12 and height <= 4


def test_plot_weight_histograms_default_title_and_constant_weights():
    fig = plot_weight_histograms({"zeros": np.zeros(10)})
    assert fig._suptitle.get_text() == "Weight distributions"
    assert "100% near 0" in fig.axes[0].get_title()


@pytest.mark.parametrize(
    "weights, kwargs, error, message",
    [
        (
            {},
            {},
            ValueError,
            r"^weights must be a non-empty mapping of name -> weight array; it is empty",
        ),
        ([np.zeros(3)], {}, TypeError, r"^weights must be a non-empty mapping"),
        (
            {"m": [np.zeros((2, 3)), np.zeros(3)]},
            {},
            TypeError,
            r"^weights\['m'\] must be array-like of numbers.*np\.concatenate",
        ),
        ({"m": [1.0, np.nan]}, {}, ValueError, r"^weights\['m'\] must contain only finite numbers"),
        ({"m": np.zeros(3)}, {"bins": 0}, ValueError, r"^bins must be an integer >= 1, got 0\.$"),
        (
            {"m": np.zeros(3)},
            {"bins": 10**9},
            ValueError,
            r"^bins must be an integer <= 10000, got 1000000000\.$",
        ),
        ({"m": np.zeros(3)}, {"title": 1}, TypeError, r"^title must be a string or None"),
    ],
)
def test_plot_weight_histograms_rejects_bad_input(weights, kwargs, error, message):
    before = plt.get_fignums()
    with pytest.raises(error, match=message):
        plot_weight_histograms(weights, **kwargs)
    assert plt.get_fignums() == before


# ---------------------------------------------------------------------------- plot_reliability


@pytest.mark.parametrize(
    "args, kwargs, error, message",
    [
        (
            ([[0.5, 0.4], [0.2, 0.8]], [0, 1]),
            {},
            ValueError,
            r"^probabilities must have rows that sum to 1 .*a row sums to 0\.9\. For a binary "
            r"sigmoid output p, pass np\.column_stack\(\[1 - p, p\]\)\.$",
        ),
        (
            ([[0.5, 0.5]], [0]),
            {"n_bins": 10**6},
            ValueError,
            r"^n_bins must be an integer <= 1000, got 1000000\.$",
        ),
        (([[0.5, 0.5]], [0]), {"ax": "axes"}, TypeError, r"^ax must be a matplotlib Axes"),
    ],
)
def test_plot_reliability_rejects_bad_input(args, kwargs, error, message):
    from regutils.plots import plot_reliability

    before = plt.get_fignums()
    with pytest.raises(error, match=message):
        plot_reliability(*args, **kwargs)
    assert plt.get_fignums() == before


def test_plot_reliability_accepts_float32_softmax_rows():
    from regutils.plots import plot_reliability

    rng = np.random.default_rng(0)
    logits = rng.normal(size=(50, 3)).astype("float32")
    p = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    assert isinstance(plot_reliability(p, rng.integers(0, 3, 50)), Axes)


def test_new_plots_are_exported():
    assert {"plot_history", "plot_weight_histograms"} <= set(regutils.plots.__all__)
