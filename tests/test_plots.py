"""Unit tests of regutils.plots: return types, what is drawn, titles, and bad inputs."""

from __future__ import annotations

import warnings

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from matplotlib.axes import Axes
from matplotlib.collections import PathCollection, PolyCollection
from matplotlib.figure import Figure
from sklearn.linear_model import LinearRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import PolynomialFeatures

from regutils import make_sine, sine_curve
from regutils.plots import plot_error_curve, plot_fit, plot_fits, plot_learning_curve

pytestmark = pytest.mark.usefixtures("no_show_and_close")  # tests/conftest.py


@pytest.fixture(scope="module")
def sine():
    train = make_sine(n_samples=15, seed=0)
    test = make_sine(n_samples=40, seed=1)
    return train, test


def rmse(y, prediction):
    y, prediction = np.asarray(y, dtype=float), np.asarray(prediction, dtype=float)
    return float(np.sqrt(np.mean((y - prediction) ** 2)))


def poly(degree):
    return make_pipeline(PolynomialFeatures(degree), LinearRegression())


def scatter_sizes(ax):
    """Number of points of each scatter on ``ax``, by legend label."""
    return {
        c.get_label(): len(c.get_offsets()) for c in ax.collections if isinstance(c, PathCollection)
    }


def line(ax, label):
    matches = [ln for ln in ax.get_lines() if ln.get_label() == label]
    assert len(matches) == 1, [ln.get_label() for ln in ax.get_lines()]
    return matches[0]


# ------------------------------------------------------------------------------------ plot_fit


def test_plot_fit_returns_axes_with_labels_and_train_rmse(sine):
    (X, y), _ = sine
    model = poly(3).fit(X, y)
    ax = plot_fit(model, X, y)
    assert isinstance(ax, Axes)
    expected = rmse(y, model.predict(X))
    assert ax.get_title() == f"train RMSE {expected:.2f}"
    assert "test RMSE" not in ax.get_title()
    assert ax.get_xlabel() == "x"
    assert ax.get_ylabel() == "y"
    assert scatter_sizes(ax) == {"training": 15}
    assert ax.get_legend() is not None


def test_plot_fit_title_prefix_and_test_rmse(sine):
    (X, y), (X_test, y_test) = sine
    model = poly(9).fit(X, y)
    ax = plot_fit(model, X, y, X_test=X_test, y_test=y_test, title="degree 9")
    train, test = rmse(y, model.predict(X)), rmse(y_test, model.predict(X_test))
    assert f"{train:.2f}" != f"{test:.2f}"  # so the assertion below tells them apart
    assert ax.get_title() == f"degree 9 — train RMSE {train:.2f}, test RMSE {test:.2f}"
    assert scatter_sizes(ax) == {"training": 15, "test": 40}


def test_plot_fit_draws_model_curve_over_the_data_range(sine):
    (X, y), (X_test, y_test) = sine
    model = poly(3).fit(X, y)
    ax = plot_fit(model, X, y, X_test=X_test, y_test=y_test)
    curve = line(ax, "model")
    xs, ys = curve.get_xdata(), curve.get_ydata()
    all_x = np.concatenate([X["x"], X_test["x"]])
    assert xs.min() == pytest.approx(all_x.min())
    assert xs.max() == pytest.approx(all_x.max())
    np.testing.assert_allclose(ys, model.predict(pd.DataFrame({"x": xs})))


def test_plot_fit_true_function_ylim_and_given_axes(sine):
    (X, y), _ = sine
    model = poly(3).fit(X, y)
    fig, given = plt.subplots()
    ax = plot_fit(model, X, y, true_function=sine_curve, ylim=(-3.0, 3.0), ax=given)
    assert ax is given
    assert len(fig.axes) == 1
    assert ax.get_ylim() == (-3.0, 3.0)
    truth = line(ax, "true curve")
    assert truth.get_linestyle() == "--"
    np.testing.assert_allclose(truth.get_ydata(), np.sin(2 * np.pi * truth.get_xdata()))


def test_plot_fit_without_true_function_has_no_true_curve(sine):
    (X, y), _ = sine
    ax = plot_fit(poly(1).fit(X, y), X, y)
    assert [ln.get_label() for ln in ax.get_lines()] == ["model"]


def test_plot_fit_dataframe_does_not_warn(sine):
    (X, y), (X_test, y_test) = sine
    X = X.rename(columns={"x": "hours"})
    X_test = X_test.rename(columns={"x": "hours"})
    model = poly(3).fit(X, y)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # e.g. sklearn's "X does not have valid feature names"
        ax = plot_fit(model, X, y, X_test=X_test, y_test=y_test)
    assert ax.get_xlabel() == "hours"
    assert f"train RMSE {rmse(y, model.predict(X)):.2f}" in ax.get_title()


def test_plot_fit_dataframe_with_non_string_column_does_not_warn(sine):
    (X, y), _ = sine
    X = pd.DataFrame({0: X["x"]})  # scikit-learn records no feature names for int columns
    model = LinearRegression().fit(X, y)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        ax = plot_fit(model, X, y)
    assert ax.get_xlabel() == "0"


@pytest.mark.parametrize("shape", ["column", "flat"])
def test_plot_fit_numpy_arrays(sine, shape):
    (X, y), (X_test, y_test) = sine
    x, x_test = X["x"].to_numpy(), X_test["x"].to_numpy()
    model = poly(3).fit(x[:, None], y.to_numpy())
    if shape == "column":
        x, x_test = x[:, None], x_test[:, None]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        ax = plot_fit(model, x, y.to_numpy(), X_test=x_test, y_test=list(y_test))
    train = rmse(y, model.predict(X["x"].to_numpy()[:, None]))
    test = rmse(y_test, model.predict(X_test["x"].to_numpy()[:, None]))
    assert ax.get_title() == f"train RMSE {train:.2f}, test RMSE {test:.2f}"
    assert ax.get_xlabel() == "x"


class NoPredict:
    def fit(self, X, y):
        return self


@pytest.mark.parametrize("model", [NoPredict(), None, "LinearRegression"])
def test_plot_fit_rejects_model_without_predict(sine, model):
    (X, y), _ = sine
    with pytest.raises(
        TypeError, match=r"^model must be a fitted estimator with predict\(\), got "
    ):
        plot_fit(model, X, y)
    assert plt.get_fignums() == []  # no empty figure left behind


@pytest.mark.parametrize(
    "X_bad", [np.zeros((15, 2)), pd.DataFrame({"a": range(15), "b": range(15)})]
)
def test_plot_fit_rejects_two_columns(sine, X_bad):
    (X, y), _ = sine
    model = poly(1).fit(X, y)
    with pytest.raises(
        ValueError, match=r"^X_train must have exactly one feature column, got 2\.$"
    ):
        plot_fit(model, X_bad, y)


def test_plot_fit_rejects_two_test_columns(sine):
    (X, y), _ = sine
    model = poly(1).fit(X, y)
    with pytest.raises(ValueError, match=r"^X_test must have exactly one feature column, got 2\.$"):
        plot_fit(model, X, y, X_test=np.zeros((4, 2)), y_test=np.zeros(4))
    assert plt.get_fignums() == []


def test_plot_fit_rejects_mismatched_lengths(sine):
    (X, y), (X_test, y_test) = sine
    model = poly(1).fit(X, y)
    with pytest.raises(ValueError, match=r"same number of rows: X_train has 15, y_train has 14\.$"):
        plot_fit(model, X, y[:-1])
    with pytest.raises(ValueError, match=r"same number of rows: X_test has 40, y_test has 39\.$"):
        plot_fit(model, X, y, X_test=X_test, y_test=y_test[:-1])


@pytest.mark.parametrize("which", ["X_test", "y_test"])
def test_plot_fit_requires_test_data_together(sine, which):
    (X, y), (X_test, y_test) = sine
    model = poly(1).fit(X, y)
    kwargs = {"X_test": X_test} if which == "X_test" else {"y_test": y_test}
    with pytest.raises(
        ValueError, match=r"^X_test and y_test must be given together \(both or neither\)"
    ):
        plot_fit(model, X, y, **kwargs)


def test_plot_fit_rejects_nan_target(sine):
    (X, y), _ = sine
    model = poly(1).fit(X, y)
    y_bad = y.copy()
    y_bad.iloc[3] = np.nan
    with pytest.raises(ValueError, match=r"^y_train must contain only finite numbers"):
        plot_fit(model, X, y_bad)


# ----------------------------------------------------------------------------------- plot_fits


def test_plot_fits_panels_hidden_axes_and_titles(sine):
    (X, y), (X_test, y_test) = sine
    models = {f"degree {d}": poly(d).fit(X, y) for d in (1, 3, 9)}
    fig = plot_fits(models, X, y, X_test=X_test, y_test=y_test, true_function=sine_curve, ncols=2)
    assert isinstance(fig, Figure)
    assert len(fig.axes) == 4  # 2 x 2 grid
    visible = [ax for ax in fig.axes if ax.get_visible()]
    hidden = [ax for ax in fig.axes if not ax.get_visible()]
    assert len(visible) == 3 and len(hidden) == 1
    assert hidden[0] is fig.axes[3]
    for ax, (name, model) in zip(visible, models.items()):
        assert ax.get_title().startswith(f"{name} — train RMSE {rmse(y, model.predict(X)):.2f}")
        assert "test RMSE" in ax.get_title()
        assert ax.get_ylim() == (-2.0, 2.0)
    # One legend is enough: only the first panel keeps it.
    assert [ax.get_legend() is not None for ax in visible] == [True, False, False]


@pytest.mark.parametrize(
    "n_models, ncols, n_axes", [(1, 2, 1), (2, 5, 2), (3, 1, 3), (4, 2, 4), (5, 3, 6)]
)
def test_plot_fits_grid_size(sine, n_models, ncols, n_axes):
    (X, y), _ = sine
    model = poly(1).fit(X, y)
    fig = plot_fits({str(i): model for i in range(n_models)}, X, y, ncols=ncols)
    assert len(fig.axes) == n_axes
    assert sum(ax.get_visible() for ax in fig.axes) == n_models


def test_plot_fits_rejects_empty_mapping(sine):
    (X, y), _ = sine
    with pytest.raises(ValueError, match=r"^models must be a non-empty mapping"):
        plot_fits({}, X, y)


def test_plot_fits_rejects_non_mapping(sine):
    (X, y), _ = sine
    with pytest.raises(TypeError, match=r"^models must be a non-empty mapping of panel title"):
        plot_fits([poly(1).fit(X, y)], X, y)


@pytest.mark.parametrize(
    "ncols, error, message",
    [
        (0, ValueError, r"^ncols must be an integer >= 1, got 0\.$"),
        (-2, ValueError, r"^ncols must be an integer >= 1, got -2\.$"),
        (1.5, TypeError, r"^ncols must be an integer, got float 1\.5\.$"),
    ],
)
def test_plot_fits_rejects_bad_ncols(sine, ncols, error, message):
    (X, y), _ = sine
    with pytest.raises(error, match=message):
        plot_fits({"a": poly(1).fit(X, y)}, X, y, ncols=ncols)


def test_plot_fits_rejects_model_without_predict(sine):
    (X, y), _ = sine
    with pytest.raises(
        TypeError,
        match=r"^models\['b'\] must be a fitted estimator with predict\(\), got NoPredict",
    ):
        plot_fits({"a": poly(1).fit(X, y), "b": NoPredict()}, X, y)
    assert plt.get_fignums() == []  # checked before the panels are made


@pytest.mark.parametrize(
    "kwargs, error, message",
    [
        (
            {"title": "mine"},
            TypeError,
            r"^plot_fits got unexpected keyword argument\(s\) 'title'; it passes on only "
            r"'X_test', 'y_test', 'true_function', 'max_test_points' \(titles come from the keys "
            r"of models\)\.$",
        ),
        ({"ax": None, "colour": "red"}, TypeError, r"argument\(s\) 'ax', 'colour'; it passes"),
        ({"ylim": 5}, TypeError, r"^ylim must be a pair \(low, high\) of numbers"),
        ({"ylim": (2, -2)}, ValueError, r"^ylim must be \(low, high\) with low < high"),
        ({"true_function": "sin"}, TypeError, r"^true_function must be a function of x"),
    ],
)
def test_plot_fits_rejects_bad_options_before_drawing(sine, kwargs, error, message):
    (X, y), _ = sine
    with pytest.raises(error, match=message):
        plot_fits({"a": poly(1).fit(X, y), "b": poly(2).fit(X, y)}, X, y, **kwargs)
    assert plt.get_fignums() == []


# ---------------------------------------------------------------------------- plot_fit: arguments


@pytest.mark.parametrize(
    "kwargs, error, message",
    [
        (
            {"ylim": 5},
            TypeError,
            r"^ylim must be a pair \(low, high\) of numbers, e\.g\. \(-2, 2\), got int 5\.$",
        ),
        (
            {"ylim": (-2, 0, 2)},
            ValueError,
            r"^ylim must be a pair \(low, high\) of numbers, e\.g\. \(-2, 2\), got 3 values",
        ),
        (
            {"ylim": (2, -2)},
            ValueError,
            r"^ylim must be \(low, high\) with low < high, got \(2, -2\)\.$",
        ),
        ({"ylim": (-2, np.nan)}, ValueError, r"^ylim\[1\] \(high\) must be a finite number"),
        ({"ylim": ("-2", 2)}, TypeError, r"^ylim\[0\] \(low\) must be a real number"),
        ({"ylim": "-2,2"}, TypeError, r"^ylim must be a pair"),
        ({"title": 3}, TypeError, r"^title must be a string or None, got int 3\.$"),
        ({"ax": "left"}, TypeError, r"^ax must be a matplotlib Axes"),
        (
            {"true_function": np.sin(1.0)},
            TypeError,
            r"^true_function must be a function of x, e\.g\. regutils\.sine_curve, got float",
        ),
        (
            {"true_function": lambda x: x[:5]},
            ValueError,
            r"^true_function must return one value per x \(shape \(400,\) for 400 x values\), "
            r"got shape \(5,\)\.$",
        ),
        (
            {"true_function": lambda x: np.log(x - 10)},
            ValueError,
            r"^true_function must return finite numbers \(no NaN or inf\) on the data range\.$",
        ),
        (
            {"true_function": lambda: 0.0},
            TypeError,
            r"^true_function must take a 1-D array of x values and return numbers; calling it "
            r"failed",
        ),
    ],
)
def test_plot_fit_rejects_bad_options_before_drawing(sine, kwargs, error, message):
    (X, y), _ = sine
    with np.errstate(invalid="ignore"), pytest.raises(error, match=message):
        plot_fit(poly(1).fit(X, y), X, y, **kwargs)
    assert plt.get_fignums() == []  # no empty figure left behind


def test_plot_fit_accepts_a_list_as_ylim(sine):
    (X, y), _ = sine
    assert plot_fit(poly(1).fit(X, y), X, y, ylim=[-3, 3]).get_ylim() == (-3.0, 3.0)


# ---------------------------------------------------------------------------- plot_error_curve


def test_plot_error_curve_1d():
    values = [1, 2, 3, 4]
    train, val = [0.5, 0.3, 0.2, 0.1], [0.6, 0.4, 0.45, 0.7]
    ax = plot_error_curve(values, train, val, xlabel="degree")
    assert isinstance(ax, Axes)
    np.testing.assert_array_equal(line(ax, "training").get_ydata(), train)
    np.testing.assert_array_equal(line(ax, "validation").get_ydata(), val)
    np.testing.assert_array_equal(line(ax, "training").get_xdata(), values)
    assert not any(isinstance(c, PolyCollection) for c in ax.collections)
    assert ax.get_xlabel() == "degree"
    assert ax.get_ylabel() == "RMSE"
    assert ax.get_title() == "RMSE against degree"
    assert ax.get_xscale() == "linear"
    best = line(ax, "lowest validation error: 2")
    assert list(best.get_xdata()) == [2, 2]


def test_plot_error_curve_2d_draws_mean_and_band_and_marks_best_mean():
    values = np.array([1.0, 2.0, 3.0, 4.0])
    train = np.array([[0.9, 0.7], [0.5, 0.3], [0.3, 0.2], [0.1, 0.1]])
    # Fold minimum at value 2 (0.1) and first fold minimum at value 2, but the lowest MEAN is at 3.
    val = np.array([[0.5, 0.5], [0.1, 0.9], [0.3, 0.31], [0.6, 0.6]])
    ax = plot_error_curve(values, train, val, xlabel="lambda", ylabel="MSE", title="CV")
    np.testing.assert_allclose(line(ax, "training").get_ydata(), train.mean(axis=1))
    np.testing.assert_allclose(line(ax, "validation").get_ydata(), val.mean(axis=1))
    bands = [c for c in ax.collections if isinstance(c, PolyCollection)]
    assert len(bands) == 2
    # The validation band spans mean ± sd across folds.
    vertices = bands[1].get_paths()[0].vertices
    sd = val.std(axis=1)
    assert vertices[:, 1].max() == pytest.approx((val.mean(axis=1) + sd).max())
    assert vertices[:, 1].min() == pytest.approx((val.mean(axis=1) - sd).min())
    best = line(ax, "lowest validation error: 3")
    assert list(best.get_xdata()) == [3.0, 3.0]
    assert ax.get_title() == "CV"
    assert ax.get_ylabel() == "MSE"


def test_plot_error_curve_2d_single_fold_has_no_band():
    ax = plot_error_curve([1, 2], [[0.2], [0.1]], [[0.3], [0.4]], xlabel="degree")
    assert not any(isinstance(c, PolyCollection) for c in ax.collections)


def test_plot_error_curve_log_scale_and_custom_labels():
    alphas = np.logspace(-3, 2, 6)
    train = np.linspace(0.1, 0.6, 6)
    val = np.array([0.9, 0.6, 0.4, 0.35, 0.5, 0.7])
    fig, given = plt.subplots()
    ax = plot_error_curve(
        alphas, train, val, xlabel="alpha", xscale="log", labels=("train", "CV"), ax=given
    )
    assert ax is given
    assert ax.get_xscale() == "log"
    best = line(ax, f"lowest CV error: {alphas[3]:g}")
    assert best.get_xdata()[0] == pytest.approx(alphas[3])
    legend_texts = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend_texts[:2] == ["train", "CV"]


def test_plot_error_curve_mark_best_false():
    ax = plot_error_curve(
        [1, 2, 3], [0.3, 0.2, 0.1], [0.5, 0.2, 0.4], xlabel="degree", mark_best=False
    )
    assert [ln.get_label() for ln in ax.get_lines()] == ["training", "validation"]


def test_plot_error_curve_rejects_unknown_xscale():
    with pytest.raises(ValueError, match=r"^xscale must be one of 'linear', 'log'; got 'loggy'\.$"):
        plot_error_curve([1, 2], [0.1, 0.2], [0.2, 0.3], xlabel="alpha", xscale="loggy")


@pytest.mark.parametrize("values", [[0.0, 1.0, 10.0], [-1.0, 1.0, 10.0]])
def test_plot_error_curve_log_scale_needs_positive_values(values):
    with pytest.raises(ValueError, match=r"^values must all be > 0 when xscale='log'\.$"):
        plot_error_curve(values, [0.1, 0.2, 0.3], [0.2, 0.3, 0.4], xlabel="alpha", xscale="log")
    assert plt.get_fignums() == []


def test_plot_error_curve_rejects_mismatched_lengths():
    with pytest.raises(
        ValueError, match=r"same number of rows: values has 3, train_errors has 2\.$"
    ):
        plot_error_curve([1, 2, 3], [0.1, 0.2], [0.1, 0.2, 0.3], xlabel="degree")
    with pytest.raises(
        ValueError, match=r"same number of rows: values has 3, validation_errors has 4\.$"
    ):
        plot_error_curve([1, 2, 3], [0.1, 0.2, 0.3], np.zeros((4, 5)), xlabel="degree")


@pytest.mark.parametrize(
    "args, error, message",
    [
        (
            ([[1, 2]], [0.1], [0.1]),
            ValueError,
            r"^values must be 1-D, got an array of shape \(1, 2\)",
        ),
        (
            ([1, 2], np.zeros((2, 2, 2)), [0.1, 0.2]),
            ValueError,
            r"^train_errors must be 1-D or 2-D",
        ),
        (
            ([1, 2], [0.1, 0.2], [0.1, np.nan]),
            ValueError,
            r"^validation_errors must contain only finite",
        ),
        (([], [], []), ValueError, r"^values must not be empty"),
        (("abc", [0.1], [0.1]), TypeError, r"^values must be array-like of numbers"),
    ],
)
def test_plot_error_curve_rejects_bad_arrays(args, error, message):
    with pytest.raises(error, match=message):
        plot_error_curve(*args, xlabel="degree")


def test_plot_error_curve_requires_xlabel():
    with pytest.raises(TypeError, match="xlabel"):
        plot_error_curve([1, 2], [0.1, 0.2], [0.2, 0.3])


@pytest.mark.parametrize(
    "kwargs, error, message",
    [
        (
            {"labels": ("a",)},
            ValueError,
            r"^labels must have exactly 2 strings \(one per curve\), got 1: \('a',\)\.$",
        ),
        ({"labels": ("a", "b", "c")}, ValueError, r"^labels must have exactly 2 strings"),
        ({"labels": "ab"}, TypeError, r"^labels must be a sequence of 2 strings, e\.g\."),
        ({"labels": ("a", 2)}, TypeError, r"^labels must contain only strings, got int 2\.$"),
        ({"xlabel": ""}, ValueError, r"^xlabel must not be empty: say what it shows\.$"),
        ({"xlabel": 3}, TypeError, r"^xlabel must be a string, got int 3\.$"),
        ({"ylabel": None}, TypeError, r"^ylabel must be a string, got NoneType None\.$"),
        ({"mark_best": "no"}, TypeError, r"^mark_best must be True or False, got str 'no'\.$"),
        ({"title": ["t"]}, TypeError, r"^title must be a string or None, got list"),
        ({"ax": plt.figure}, TypeError, r"^ax must be a matplotlib Axes"),
    ],
)
def test_plot_error_curve_rejects_bad_options_before_drawing(kwargs, error, message):
    arguments = {"xlabel": "degree", **kwargs}
    with pytest.raises(error, match=message):
        plot_error_curve([1, 2], [0.1, 0.2], [0.2, 0.3], **arguments)
    assert plt.get_fignums() == []  # the silently dropped curve is now an error, not a figure


# ------------------------------------------------------------------------- plot_learning_curve


def test_plot_learning_curve():
    sizes = [10, 20, 40, 80]
    train = np.array([[0.1, 0.12], [0.2, 0.18], [0.25, 0.24], [0.27, 0.28]])
    val = np.array([[0.9, 0.8], [0.5, 0.6], [0.35, 0.3], [0.3, 0.29]])
    ax = plot_learning_curve(sizes, train, val)
    assert isinstance(ax, Axes)
    assert ax.get_xlabel() == "training set size"
    assert ax.get_ylabel() == "RMSE"
    assert ax.get_title() == "Learning curve"
    assert ax.get_xscale() == "linear"
    assert [ln.get_label() for ln in ax.get_lines()] == ["training", "validation"]  # no best marker
    np.testing.assert_allclose(line(ax, "validation").get_ydata(), val.mean(axis=1))
    assert sum(isinstance(c, PolyCollection) for c in ax.collections) == 2


def test_plot_learning_curve_options_and_bad_input():
    fig, given = plt.subplots()
    ax = plot_learning_curve(
        [10, 20], [0.1, 0.2], [0.5, 0.3], ylabel="log loss", title="LC", ax=given
    )
    assert ax is given
    assert (ax.get_ylabel(), ax.get_title()) == ("log loss", "LC")
    # Messages name plot_learning_curve's own arguments.
    with pytest.raises(ValueError, match=r"rows: train_sizes has 2, validation_errors has 3\.$"):
        plot_learning_curve([10, 20], [0.1, 0.2], [0.5, 0.3, 0.2])
    with pytest.raises(
        ValueError, match=r"^train_sizes must be 1-D, got an array of shape \(2, 1\)"
    ):
        plot_learning_curve([[10], [20]], [0.1, 0.2], [0.5, 0.3])
    with pytest.raises(
        ValueError, match=r"^train_sizes must all be > 0 \(numbers of training samples\)\.$"
    ):
        plot_learning_curve([0, 20], [0.1, 0.2], [0.5, 0.3])
    with pytest.raises(TypeError, match=r"^title must be a string, got NoneType"):
        plot_learning_curve([10, 20], [0.1, 0.2], [0.5, 0.3], title=None)
    with pytest.raises(TypeError, match=r"^ax must be a matplotlib Axes .*got Figure\.$"):
        plot_learning_curve([10, 20], [0.1, 0.2], [0.5, 0.3], ax=fig)
