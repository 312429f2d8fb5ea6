"""Explorers: a figure with sliders, that looks right before and after the notebook runs.

In a lesson::

    from ipywidgets import FloatSlider
    regutils.explore(show_ridge, log10_alpha=FloatSlider(value=1.0, min=-2.0, max=5.0, step=0.25))

``explore`` is ``ipywidgets.interactive`` with two differences a learner notices. Sliders redraw
when released (or on each arrow-key press), not at every value passed while dragging, so a slow
figure never falls behind the hand. And a notebook opened without running shows the figure at the
starting values (stored with the notebook) with one line saying how to get the sliders, instead of
the widget's raw ``interactive(children=(FloatSlider(...`` text.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

__all__ = ["WithFallback", "explore", "EXPLORER_FALLBACK"]

#: What a notebook opened without running shows in place of an explorer's controls.
EXPLORER_FALLBACK = (
    "(Explorer: run the lesson's cells, Run ▸ Run All Cells, to get its controls; "
    "the figure above shows the starting values.)"
)


class WithFallback:
    """Display ``widget`` as usual, with ``text`` as its plain-text form.

    The plain text is what JupyterLab, GitHub and nbviewer show for a stored widget when no
    kernel is running, and what a terminal prints.
    """

    def __init__(self, widget: Any, text: str) -> None:
        self.widget = widget
        self.text = text

    def __repr__(self) -> str:
        return self.text

    def _repr_mimebundle_(self, **kwargs: Any) -> dict[str, Any]:
        bundle = dict(self.widget._repr_mimebundle_(**kwargs) or {})
        bundle["text/plain"] = self.text
        return bundle


def _without_tight_bbox(function: Callable[..., Any]) -> Callable[..., Any]:
    """``function``, with the notebook's PNG figures saved without ``bbox_inches="tight"`` while it
    runs.

    Jupyter crops every figure to its "tight" bounding box, which draws it twice; the course's
    figures already fit (constrained layout), so an explorer skips that second pass: about a
    quarter of a redraw. Outside IPython ``function`` is returned unchanged.
    """
    try:
        from IPython import get_ipython
        from IPython.core.pylabtools import print_figure
    except ImportError:  # pragma: no cover - IPython comes with Jupyter
        return function
    shell = get_ipython()
    if shell is None:
        return function
    from matplotlib.figure import Figure

    formatter = shell.display_formatter.formatters["image/png"]

    @functools.wraps(function)
    def draw(*args: Any, **kwargs: Any) -> Any:
        previous = formatter.lookup_by_type(Figure) if Figure in formatter.type_printers else None
        formatter.for_type(Figure, lambda fig: print_figure(fig, "png", bbox_inches=None))
        try:
            return function(*args, **kwargs)
        finally:
            if previous is None:
                formatter.type_printers.pop(Figure, None)
            else:
                formatter.for_type(Figure, previous)

    return draw


def explore(function: Callable[..., Any], /, **controls: Any) -> Any:
    """Show ``function``'s figure with a control for each of its arguments.

    Parameters
    ----------
    function : callable
        Draws one figure from keyword arguments (and calls ``plt.show()``).
    **controls : ipywidgets widgets
        One per argument of ``function``, e.g. ``alpha=FloatSlider(...)``. Sliders and text
        boxes update on release / Enter (``continuous_update=False``).

    Returns
    -------
    ipywidgets.interactive
        The explorer, already displayed (keep it in ``_`` to show nothing more).

    Raises
    ------
    TypeError
        If ``function`` is not callable or a control is not an ipywidgets value widget.

    Examples
    --------
    >>> explore(print, x=3)
    Traceback (most recent call last):
    ...
    TypeError: control x must be an ipywidgets widget (e.g. FloatSlider(...)), got a int.
    """
    if not callable(function):
        raise TypeError(f"function must be callable, got a {type(function).__name__}.")
    if not controls:
        raise TypeError("explore needs at least one control, e.g. alpha=FloatSlider(...).")
    import ipywidgets as widgets

    for name, control in controls.items():
        if not isinstance(control, widgets.ValueWidget):
            raise TypeError(
                f"control {name} must be an ipywidgets widget (e.g. FloatSlider(...)), "
                f"got a {type(control).__name__}."
            )
        if hasattr(control, "continuous_update"):
            control.continuous_update = False
    explorer = widgets.interactive(_without_tight_bbox(function), **controls)
    from regutils.display import show

    show(WithFallback(explorer, EXPLORER_FALLBACK))
    return explorer
