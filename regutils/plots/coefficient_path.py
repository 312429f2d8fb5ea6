"""Each coefficient of a penalized linear model against the penalty strength (lessons 02–04:
ridge, lasso, elastic net).
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
from matplotlib.axes import Axes
from numpy.typing import ArrayLike

from regutils.plots._style import new_axes
from regutils.validation import validate_array, validate_axes, validate_text

__all__ = ["plot_coefficient_path"]


def plot_coefficient_path(
    alphas: ArrayLike,
    coefs: ArrayLike,
    *,
    feature_names: Iterable[object] | None = None,
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
        Legend labels, one per column of ``coefs`` (e.g. ``X.columns``; not one string);
        ``x0, x1, ...`` if omitted.
    xlabel, title : str
    ax : matplotlib Axes, optional
        One Axes to draw in; a new figure if omitted.

    Returns
    -------
    matplotlib.axes.Axes
        One line per coefficient, with the legend outside, on the right.

    Raises
    ------
    TypeError, ValueError
        For a bad argument, naming it and what is allowed, before anything is drawn.

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
        if isinstance(feature_names, (str, bytes)) or not hasattr(feature_names, "__iter__"):
            raise TypeError(
                f"feature_names must be a sequence of names, one per column of coefs (e.g. "
                f"X.columns), got {type(feature_names).__name__} {feature_names!r}."
            )
        names = [str(n) for n in feature_names]
        if len(names) != coefs.shape[1]:
            raise ValueError(
                f"feature_names must have {coefs.shape[1]} names (one per column of "
                f"coefs), got {len(names)}."
            )
    validate_text(xlabel, "xlabel")
    validate_text(title, "title")
    validate_axes(ax)
    ax = new_axes(ax)
    order = np.argsort(alphas)
    # Line styles cycle with the colours, so paths can be told apart without colour.
    styles = ("-", "--", "-.", ":")
    for j, name in enumerate(names):
        ax.plot(alphas[order], coefs[order, j], styles[j % len(styles)], label=name)
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
