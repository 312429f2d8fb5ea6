"""A fitted one-feature regression model over its data (lesson 01): one model with
:func:`plot_fit`, several side by side with :func:`plot_fits`.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping
from typing import Any, NamedTuple

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from numpy.typing import ArrayLike
from sklearn.metrics import root_mean_squared_error

from regutils.plots._style import (
    MODEL_COLOR,
    TRAINING_COLOR,
    TRUTH_COLOR,
    add_legend,
    new_axes,
    panel_grid,
)
from regutils.validation import (
    validate_array,
    validate_axes,
    validate_callable,
    validate_int,
    validate_limits,
    validate_mapping,
    validate_same_length,
    validate_text,
)

__all__ = ["plot_fit", "plot_fits"]


class _Points(NamedTuple):
    """Validated data of one feature: ``x`` and ``y`` 1-D, and the column label ``x`` came with."""

    x: np.ndarray
    y: np.ndarray
    column: Hashable | None


def _points(X: ArrayLike, y: ArrayLike, X_name: str, y_name: str) -> _Points:
    """Check one feature ``X`` and its targets ``y``; error messages name ``X_name`` and ``y_name``."""
    column = None
    if isinstance(X, pd.DataFrame):
        if X.shape[1] != 1:
            raise ValueError(f"{X_name} must have exactly one feature column, got {X.shape[1]}.")
        column = X.columns[0]  # kept as is: str(0) would look like a feature name to scikit-learn
    x = validate_array(X, X_name, ndim=(1, 2))
    if x.ndim == 2:
        if x.shape[1] != 1:
            raise ValueError(f"{X_name} must have exactly one feature column, got {x.shape[1]}.")
        x = x[:, 0]
    y = validate_array(y, y_name)
    validate_same_length(**{X_name: x, y_name: y})
    return _Points(x, y, column)


def _predict(model: Any, x: np.ndarray, column: Hashable | None) -> np.ndarray:
    """Predict at ``x``, shaped as the model was fitted: a one-column DataFrame or an (n, 1) array."""
    return model.predict(pd.DataFrame({column: x}) if column is not None else x[:, None])


def _rmse(model: Any, points: _Points, column: Hashable | None) -> float:
    return float(root_mean_squared_error(points.y, _predict(model, points.x, column)))


def _true_curve(true_function: object, grid: np.ndarray) -> np.ndarray:
    """``true_function`` at the grid, checked: one finite number per x value."""
    validate_callable(true_function, "true_function", "a function of x, e.g. regutils.sine_curve")
    try:
        values = np.asarray(true_function(grid), dtype=np.float64)  # type: ignore[operator]
    except (TypeError, ValueError) as exc:
        raise TypeError(
            f"true_function must take a 1-D array of x values and return numbers; calling it "
            f"failed: {exc}"
        ) from None
    if values.shape not in ((len(grid),), (len(grid), 1)):
        raise ValueError(
            f"true_function must return one value per x (shape ({len(grid)},) for "
            f"{len(grid)} x values), got shape {values.shape}."
        )
    if not np.all(np.isfinite(values)):
        raise ValueError(
            "true_function must return finite numbers (no NaN or inf) on the data range."
        )
    return values.ravel()


def plot_fit(
    model: object,
    X_train: ArrayLike,
    y_train: ArrayLike,
    *,
    X_test: ArrayLike | None = None,
    y_test: ArrayLike | None = None,
    true_function: Callable[[np.ndarray], np.ndarray] | None = None,
    ylim: tuple[float, float] | None = None,
    title: str | None = None,
    max_test_points: int = 200,
    ax: Axes | None = None,
) -> Axes:
    """Draw a fitted one-feature regression model over its training points.

    The title reports the training RMSE and, when test data are given, the test RMSE.

    Parameters
    ----------
    model : fitted estimator
        Anything with ``predict``, fitted on ``X_train`` (one feature).
    X_train, y_train : array-like
        Training data; ``X_train`` has one column (a DataFrame, an (n, 1) array or a 1-D array).
    X_test, y_test : array-like, optional
        Held-out data, drawn as hollow points; both or neither. The test RMSE uses all of them.
    true_function : callable, optional
        The noise-free curve, e.g. :func:`regutils.sine_curve`, drawn dashed: called with a 1-D
        array of x values, it must return one finite number per value.
    ylim : (float, float), optional
        Fixed y-limits ``(low, high)``, finite with ``low < high`` (useful in an explorer, so the
        axes do not jump).
    title : str, optional
        Text before the RMSE in the title.
    max_test_points : int, default=200
        Draw at most this many test points (the first ones), so a large test set stays legible;
        at least 0.
    ax : matplotlib Axes, optional
        Where to draw (one Axes); a new figure is made if omitted.

    Returns
    -------
    matplotlib.axes.Axes
        The points, the model's curve and, in the title, the RMSE.

    Raises
    ------
    TypeError, ValueError
        For a bad argument, naming it and what is allowed, before anything is drawn.

    Examples
    --------
    >>> from sklearn.linear_model import LinearRegression
    >>> from regutils import make_sine
    >>> X, y = make_sine(n_samples=10)
    >>> ax = plot_fit(LinearRegression().fit(X, y), X, y, title="degree 1")
    >>> ax.get_title()
    'degree 1 — train RMSE 0.56'
    >>> plot_fit(LinearRegression().fit(X, y), X, y, ylim=5)
    Traceback (most recent call last):
    ...
    TypeError: ylim must be a pair (low, high) of numbers, e.g. (-2, 2), got int 5.
    """
    if not hasattr(model, "predict"):
        raise TypeError(
            f"model must be a fitted estimator with predict(), got {type(model).__name__}."
        )
    train = _points(X_train, y_train, "X_train", "y_train")
    if (X_test is None) != (y_test is None):
        raise ValueError("X_test and y_test must be given together (both or neither).")
    max_test_points = validate_int(max_test_points, "max_test_points", minimum=0)
    test = None
    if X_test is not None and y_test is not None:
        test = _points(X_test, y_test, "X_test", "y_test")
    if ylim is not None:
        ylim = validate_limits(ylim, "ylim")
    validate_text(title, "title", optional=True)
    validate_axes(ax)
    x_all = train.x if test is None else np.concatenate([train.x, test.x])
    grid = np.linspace(x_all.min(), x_all.max(), 400)
    true_curve = None if true_function is None else _true_curve(true_function, grid)
    ax = new_axes(ax)

    if true_curve is not None:
        ax.plot(grid, true_curve, "--", color=TRUTH_COLOR, lw=1.5, label="true curve")
    if test is not None:
        ax.scatter(
            test.x[:max_test_points],
            test.y[:max_test_points],
            s=14,
            facecolors="none",
            edgecolors="tab:gray",
            alpha=0.7,
            label="test",
        )
    ax.scatter(train.x, train.y, s=36, color=TRAINING_COLOR, zorder=3, label="training")
    ax.plot(grid, _predict(model, grid, train.column), color=MODEL_COLOR, label="model")

    # The model sees every point in the shape it was fitted with (a 1-D X works like (n, 1)).
    rmse_text = f"train RMSE {_rmse(model, train, train.column):.2f}"
    if test is not None:
        rmse_text += f", test RMSE {_rmse(model, test, train.column):.2f}"
    ax.set_title(f"{title} — {rmse_text}" if title else rmse_text)
    ax.set_xlabel(str(train.column) if train.column is not None else "x")
    ax.set_ylabel("y")
    if ylim is not None:
        ax.set_ylim(*ylim)
    add_legend(ax)
    return ax


#: The keyword arguments :func:`plot_fits` passes on to every :func:`plot_fit` panel.
_PLOT_FITS_OPTIONS = ("X_test", "y_test", "true_function", "max_test_points")


def plot_fits(
    models: Mapping[str, object],
    X_train: ArrayLike,
    y_train: ArrayLike,
    *,
    ylim: tuple[float, float] | None = (-2.0, 2.0),
    ncols: int = 2,
    **kwargs: Any,
) -> Figure:
    """Draw several fitted models side by side, one :func:`plot_fit` panel each.

    Parameters
    ----------
    models : mapping of str to fitted estimator
        Panel title -> model, e.g. ``{"degree 3": model3, "degree 9": model9}``.
    X_train, y_train : array-like
        As in :func:`plot_fit`.
    ylim : (float, float) or None, default=(-2.0, 2.0)
        Shared y-limits ``(low, high)`` with ``low < high``, so the panels compare at a glance;
        ``None`` lets each panel choose.
    ncols : int, default=2
        Panels per row, at least 1.
    **kwargs
        Passed to :func:`plot_fit` for every panel; only ``X_test``, ``y_test``,
        ``true_function`` and ``max_test_points`` (the titles come from ``models``).

    Returns
    -------
    matplotlib.figure.Figure
        One panel per model, in the mapping's order; only the first has a legend.

    Examples
    --------
    >>> from sklearn.dummy import DummyRegressor
    >>> from sklearn.linear_model import LinearRegression
    >>> from regutils import make_sine, sine_curve
    >>> X, y = make_sine(n_samples=10, seed=1)
    >>> models = {"mean": DummyRegressor().fit(X, y), "line": LinearRegression().fit(X, y)}
    >>> fig = plot_fits(models, X, y, true_function=sine_curve)
    >>> [ax.get_title().split(" —")[0] for ax in fig.axes]
    ['mean', 'line']
    """
    validate_mapping(models, "models", "panel title -> fitted estimator")
    ncols = validate_int(ncols, "ncols", minimum=1)
    unknown = sorted(set(kwargs) - set(_PLOT_FITS_OPTIONS))
    if unknown:
        raise TypeError(
            f"plot_fits got unexpected keyword argument(s) {', '.join(map(repr, unknown))}; "
            f"it passes on only {', '.join(map(repr, _PLOT_FITS_OPTIONS))} "
            "(titles come from the keys of models)."
        )
    for name, model in models.items():
        if not hasattr(model, "predict"):
            raise TypeError(
                f"models[{name!r}] must be a fitted estimator with predict(), got "
                f"{type(model).__name__}."
            )
    if ylim is not None:
        ylim = validate_limits(ylim, "ylim")
    fig, axes = panel_grid(len(models), ncols, panel_size=(4.2, 3.2), sharex=True, sharey=True)
    try:
        for ax, (name, model) in zip(axes.flat, models.items()):
            plot_fit(model, X_train, y_train, ylim=ylim, title=str(name), ax=ax, **kwargs)
            ax.title.set_fontsize("medium")
            if ax is not axes.flat[0]:
                ax.get_legend().remove()  # one legend is enough
    except Exception:
        plt.close(fig)  # a bad argument leaves no half-drawn figure behind
        raise
    return fig
