"""Plot helpers: one function, one figure. Each returns its Axes (or Figure) and never calls
``plt.show()``, so a lesson can add to the figure or save it. The models are fitted in the
notebook; these functions only draw them.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator
from sklearn.metrics import root_mean_squared_error

from regutils.validation import validate_array, validate_choice, validate_int, validate_same_length

__all__ = [
    "plot_coefficient_path",
    "plot_error_curve",
    "plot_fit",
    "plot_fits",
    "plot_history",
    "plot_learning_curve",
    "plot_weight_histograms",
]


def _one_feature(X: object, name: str) -> tuple[np.ndarray, object]:
    """Return a 1-D float array of a single feature, and its column label if ``X`` had one."""
    column = None
    if isinstance(X, pd.DataFrame):
        if X.shape[1] != 1:
            raise ValueError(f"{name} must have exactly one feature column, got {X.shape[1]}.")
        column = X.columns[0]  # kept as is: str(0) would look like a feature name to scikit-learn
    array = validate_array(X, name, ndim=(1, 2))
    if array.ndim == 2:
        if array.shape[1] != 1:
            raise ValueError(f"{name} must have exactly one feature column, got {array.shape[1]}.")
        array = array[:, 0]
    return array, column


def _as_model_input(x: np.ndarray, column: object) -> object:
    """Shape ``x`` the way the model was fitted: a one-column DataFrame or a 2-D array."""
    return pd.DataFrame({column: x}) if column is not None else x[:, None]


def plot_fit(
    model: object,
    X_train: object,
    y_train: object,
    *,
    X_test: object | None = None,
    y_test: object | None = None,
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
        The noise-free curve, e.g. :func:`regutils.sine_curve`, drawn dashed.
    ylim : (float, float), optional
        Fixed y-limits (useful in an explorer, so the axes do not jump).
    title : str, optional
        Text before the RMSE in the title.
    max_test_points : int, default=200
        Draw at most this many test points (the first ones), so a large test set stays legible.
    ax : matplotlib Axes, optional
        Where to draw; a new figure is made if omitted.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> from sklearn.linear_model import LinearRegression
    >>> from regutils import make_sine
    >>> X, y = make_sine(n_samples=10)
    >>> ax = plot_fit(LinearRegression().fit(X, y), X, y, title="degree 1")
    >>> ax.get_title()
    'degree 1 — train RMSE 0.56'
    """
    if not hasattr(model, "predict"):
        raise TypeError(
            f"model must be a fitted estimator with predict(), got {type(model).__name__}."
        )
    x_train, column = _one_feature(X_train, "X_train")
    y_train = validate_array(y_train, "y_train")
    validate_same_length(X_train=x_train, y_train=y_train)
    if (X_test is None) != (y_test is None):
        raise ValueError("X_test and y_test must be given together (both or neither).")
    max_test_points = validate_int(max_test_points, "max_test_points", minimum=0)
    lo, hi = float(x_train.min()), float(x_train.max())
    if X_test is not None:
        x_test, _ = _one_feature(X_test, "X_test")
        y_test = validate_array(y_test, "y_test")
        validate_same_length(X_test=x_test, y_test=y_test)
        lo, hi = min(lo, float(x_test.min())), max(hi, float(x_test.max()))
    if ax is None:  # only now: a bad argument must not leave an empty figure behind
        _, ax = plt.subplots()
    grid = np.linspace(lo, hi, 400)

    if true_function is not None:
        ax.plot(grid, true_function(grid), "--", color="tab:green", lw=1.5, label="true curve")
    if X_test is not None:
        ax.scatter(
            x_test[:max_test_points],
            y_test[:max_test_points],
            s=14,
            facecolors="none",
            edgecolors="tab:gray",
            alpha=0.7,
            label="test",
        )
    ax.scatter(x_train, y_train, s=36, color="tab:blue", zorder=3, label="training")
    ax.plot(grid, model.predict(_as_model_input(grid, column)), color="tab:red", label="model")

    # Predict on the same shape as the curve, so a 1-D X works like an (n, 1) array.
    train_pred = model.predict(_as_model_input(x_train, column))
    rmse_text = f"train RMSE {root_mean_squared_error(y_train, train_pred):.2f}"
    if X_test is not None:
        test_pred = model.predict(_as_model_input(x_test, column))
        rmse_text += f", test RMSE {root_mean_squared_error(y_test, test_pred):.2f}"
    ax.set_title(f"{title} — {rmse_text}" if title else rmse_text)
    ax.set_xlabel(str(column) if column is not None else "x")
    ax.set_ylabel("y")
    if ylim is not None:
        ax.set_ylim(*ylim)
    ax.legend(loc="best", fontsize="small")
    return ax


def plot_fits(
    models: Mapping[str, object],
    X_train: object,
    y_train: object,
    *,
    X_test: object | None = None,
    y_test: object | None = None,
    true_function: Callable[[np.ndarray], np.ndarray] | None = None,
    ylim: tuple[float, float] | None = (-2.0, 2.0),
    max_test_points: int = 200,
    ncols: int = 2,
) -> Figure:
    """Draw several fitted models side by side, one panel each (see :func:`plot_fit`).

    Parameters
    ----------
    models : mapping of str to fitted estimator
        Panel title -> model, e.g. ``{"degree 3": model3, "degree 9": model9}``.
    X_train, y_train, X_test, y_test, true_function, ylim, max_test_points
        As in :func:`plot_fit`; the y-limits are shared so panels compare at a glance.
    ncols : int, default=2
        Panels per row.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> from sklearn.linear_model import LinearRegression
    >>> from regutils import make_sine
    >>> X, y = make_sine(n_samples=10)
    >>> fig = plot_fits({"a": LinearRegression().fit(X, y), "b": LinearRegression().fit(X, y)}, X, y)
    >>> len(fig.axes)
    2
    """
    if not isinstance(models, Mapping):
        raise TypeError(
            "models must be a non-empty mapping of panel title -> fitted estimator, "
            f"got {type(models).__name__}."
        )
    if len(models) == 0:
        raise ValueError("models must be a non-empty mapping of panel title -> fitted estimator.")
    ncols = validate_int(ncols, "ncols", minimum=1)
    ncols = min(ncols, len(models))
    nrows = math.ceil(len(models) / ncols)
    fig, axes = plt.subplots(
        nrows, ncols, figsize=(4.2 * ncols, 3.2 * nrows), squeeze=False, sharex=True, sharey=True
    )
    for ax, (name, model) in zip(axes.flat, models.items()):
        plot_fit(
            model,
            X_train,
            y_train,
            X_test=X_test,
            y_test=y_test,
            true_function=true_function,
            ylim=ylim,
            title=str(name),
            max_test_points=max_test_points,
            ax=ax,
        )
        ax.title.set_fontsize("medium")
    for ax in axes.flat[len(models) :]:
        ax.set_visible(False)
    for ax in axes.flat[1 : len(models)]:
        legend = ax.get_legend()
        if legend is not None:
            legend.remove()
    return fig


def plot_error_curve(
    values: object,
    train_errors: object,
    validation_errors: object,
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

    Examples
    --------
    >>> ax = plot_error_curve([1, 2, 3], [0.5, 0.3, 0.1], [0.6, 0.4, 0.5], xlabel="degree")
    >>> ax.get_xlabel()
    'degree'
    """
    return _error_curve(
        values,
        train_errors,
        validation_errors,
        values_name="values",
        xlabel=xlabel,
        ylabel=ylabel,
        xscale=xscale,
        labels=labels,
        mark_best=mark_best,
        title=title,
        ax=ax,
    )


def _error_curve(
    values: object,
    train_errors: object,
    validation_errors: object,
    *,
    values_name: str,
    xlabel: str,
    ylabel: str,
    xscale: str,
    labels: tuple[str, str],
    mark_best: bool,
    title: str | None,
    ax: Axes | None,
) -> Axes:
    """:func:`plot_error_curve`, with error messages naming the x-axis argument ``values_name``."""
    values = validate_array(values, values_name)
    xscale = validate_choice(xscale, "xscale", ["linear", "log"])
    if xscale == "log" and np.any(values <= 0):
        raise ValueError(f"{values_name} must all be > 0 when xscale='log'.")
    curves = {}
    for name, errors in (("train_errors", train_errors), ("validation_errors", validation_errors)):
        errors = validate_array(errors, name, ndim=(1, 2))
        validate_same_length(**{values_name: values, name: errors})
        curves[name] = errors
    if ax is None:
        _, ax = plt.subplots()

    for errors, label, color in zip(curves.values(), labels, ("tab:blue", "tab:orange")):
        mean = errors.mean(axis=1) if errors.ndim == 2 else errors
        ax.plot(values, mean, "o-", color=color, ms=4, label=label)
        if errors.ndim == 2 and errors.shape[1] > 1:
            sd = errors.std(axis=1)
            ax.fill_between(values, mean - sd, mean + sd, color=color, alpha=0.2, lw=0)
    if mark_best:
        val = curves["validation_errors"]
        val_mean = val.mean(axis=1) if val.ndim == 2 else val
        best = int(np.argmin(val_mean))
        ax.axvline(
            values[best],
            color="gray",
            ls=":",
            lw=1.5,
            label=f"lowest {labels[1]} error: {values[best]:g}",
        )
    ax.set_xscale(xscale)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.set_title(title if title is not None else f"{ylabel} against {xlabel}")
    ax.legend(loc="best", fontsize="small")
    return ax


def plot_learning_curve(
    train_sizes: object,
    train_errors: object,
    validation_errors: object,
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

    Examples
    --------
    >>> ax = plot_learning_curve([10, 20, 40], [0.1, 0.2, 0.25], [0.9, 0.5, 0.3])
    >>> ax.get_xlabel()
    'training set size'
    """
    return _error_curve(
        train_sizes,
        train_errors,
        validation_errors,
        values_name="train_sizes",
        xlabel="training set size",
        ylabel=ylabel,
        xscale="linear",
        labels=("training", "validation"),
        mark_best=False,
        title=title,
        ax=ax,
    )


def plot_coefficient_path(
    alphas: object,
    coefs: object,
    *,
    feature_names: object | None = None,
    xlabel: str = "penalty strength λ (alpha)",
    title: str = "Coefficient path",
    ax: Axes | None = None,
) -> Axes:
    """Each coefficient of a penalized linear model against the penalty strength.

    Parameters
    ----------
    alphas : array-like, 1-D, all > 0
        Penalty strengths (drawn on a log scale).
    coefs : array-like, shape (n_alphas, n_features)
        One row of coefficients per strength, e.g. ``[Ridge(alpha=a).fit(X, y).coef_ for a in
        alphas]``. scikit-learn's ``lasso_path`` returns (n_features, n_alphas): pass ``coefs.T``.
    feature_names : sequence of str, optional
        Legend labels; ``x0, x1, ...`` if omitted.
    xlabel, title : str
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> ax = plot_coefficient_path([0.1, 1, 10], [[2, -1], [1, -0.5], [0.2, 0]])
    >>> [text.get_text() for text in ax.get_legend().get_texts()]
    ['x0', 'x1']
    """
    alphas = validate_array(alphas, "alphas")
    if np.any(alphas <= 0):
        raise ValueError("alphas must all be > 0 (they are drawn on a log scale).")
    coefs = validate_array(coefs, "coefs", ndim=2)
    if coefs.shape[0] != len(alphas):
        hint = (
            " (lasso_path returns (n_features, n_alphas): pass coefs.T)"
            if coefs.shape[1] == len(alphas)
            else ""
        )
        raise ValueError(
            f"coefs must have one row per alpha: shape ({len(alphas)}, n_features), "
            f"got {coefs.shape}{hint}."
        )
    if feature_names is None:
        names = [f"x{j}" for j in range(coefs.shape[1])]
    else:
        names = [str(n) for n in feature_names]
        if len(names) != coefs.shape[1]:
            raise ValueError(
                f"feature_names must have {coefs.shape[1]} names (one per column of "
                f"coefs), got {len(names)}."
            )
    if ax is None:
        _, ax = plt.subplots()
    order = np.argsort(alphas)
    for j, name in enumerate(names):
        ax.plot(alphas[order], coefs[order, j], label=name)
    ax.axhline(0.0, color="black", lw=0.8)
    ax.set_xscale("log")
    ax.set_xlabel(xlabel)
    ax.set_ylabel("coefficient")
    ax.set_title(title)
    ax.legend(
        loc="center left",
        bbox_to_anchor=(1.0, 0.5),
        fontsize="small",
        ncols=1 if len(names) <= 12 else 2,
    )
    return ax


# --------------------------------------------------------------------------- neural networks
# Both functions take plain tables and arrays (a training history, weight arrays), not Keras
# objects, so this module never imports TensorFlow.

_METRIC_COLORS = ("tab:blue", "tab:red", "tab:green", "tab:purple", "tab:brown")


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
        Training columns to draw, e.g. ``("loss",)`` or ``("accuracy",)``; their ``val_``
        columns are added automatically.
    mark_epoch : int, optional
        Draw a vertical line at this epoch (e.g. where early stopping stopped, or the best one).
    title : str, optional
        Defaults to "Training and validation <metric>".
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib.axes.Axes

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
    if ax is None:
        _, ax = plt.subplots()

    for i, metric in enumerate(metrics):
        color = _METRIC_COLORS[i % len(_METRIC_COLORS)]
        ax.plot(
            epochs, history[metric].to_numpy(dtype=float), color=color, label=f"training {metric}"
        )
        if f"val_{metric}" in columns:
            ax.plot(
                epochs,
                history[f"val_{metric}"].to_numpy(dtype=float),
                "--",
                color=color,
                label=f"validation {metric}",
            )
    if mark_epoch is not None:
        ax.axvline(mark_epoch, color="gray", ls=":", lw=1.5, label=f"epoch {mark_epoch}")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))  # whole epochs only
    ax.set_xlabel("epoch")
    ax.set_ylabel(metrics[0] if len(metrics) == 1 else "value")
    ax.set_title(title if title is not None else f"Training and validation {', '.join(metrics)}")
    ax.legend(loc="best", fontsize="small")
    return ax


def plot_weight_histograms(
    weights: Mapping[str, object],
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
        Number of bins, shared by all panels.
    title : str, optional
        Figure title; defaults to "Weight distributions".

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> fig = plot_weight_histograms({"no penalty": rng.normal(0, 0.3, 500),
    ...                               "L2": rng.normal(0, 0.1, 500)})
    >>> [ax.get_title().split(" (")[0] for ax in fig.axes]
    ['no penalty', 'L2']
    """
    if not isinstance(weights, Mapping) or len(weights) == 0:
        raise TypeError(
            "weights must be a non-empty mapping of name -> weight array, got "
            f"{type(weights).__name__}."
        )
    bins = validate_int(bins, "bins", minimum=1)
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
    ncols = min(len(arrays), 4)
    nrows = math.ceil(len(arrays) / ncols)
    fig, axes = plt.subplots(
        nrows, ncols, figsize=(min(12.0, 3.4 * ncols), 3.0 * nrows), squeeze=False, sharex=True
    )
    for ax, (name, array) in zip(axes.flat, arrays.items()):
        ax.hist(array, bins=edges, color="tab:blue", alpha=0.8)
        near_zero = float(np.mean(np.abs(array) < 0.01))
        ax.set_title(f"{name} (sd {array.std():.3f}, {near_zero:.0%} near 0)", fontsize="medium")
        ax.set_xlabel("weight")
    for ax in axes[:, 0]:
        ax.set_ylabel("count")
    for ax in axes.flat[len(arrays) :]:
        ax.set_visible(False)
    fig.suptitle(title if title is not None else "Weight distributions")
    return fig
