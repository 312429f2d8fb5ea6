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


def _fast_redraws(function: Callable[..., Any]) -> Callable[..., Any]:
    """``function``, with its later figures reusing the layout and crop of its first: redraws
    take about a third of the time.

    Constrained layout measures every tick label and title to place the axes, and Jupyter's crop
    to the figure's tight bounding box draws the figure once more to measure it; together most of
    the time a figure takes. An explorer redraws the same panels with new data. So its first
    figure is laid out and cropped as usual, and later ones (with as many axes) keep its axes
    positions and its crop: one draw each, and every image the same size. Outside IPython
    ``function`` is returned unchanged.
    """
    try:
        from IPython import get_ipython
        from IPython.core.pylabtools import print_figure
    except ImportError:  # pragma: no cover - IPython comes with Jupyter
        return function
    shell = get_ipython()
    if shell is None:
        return function
    import matplotlib as mpl
    from matplotlib.figure import Figure

    formatter = shell.display_formatter.formatters["image/png"]
    positions: list[Any] = []  # the axes positions of the first figure, once it is drawn
    crop: list[Any] = []  # and the box Jupyter cropped it to

    @functools.wraps(function)
    def draw(*args: Any, **kwargs: Any) -> Any:
        previous = formatter.type_printers.get(Figure)
        render = previous or functools.partial(print_figure, fmt="png")
        # Jupyter's printer (matplotlib-inline's) is print_figure with its settings bound; the
        # crop can be handed to it. Any other printer is used as it is.
        tight = (
            isinstance(render, functools.partial)
            and render.func is print_figure
            and render.keywords.get("bbox_inches", "tight") == "tight"
        )

        def png(fig: Figure) -> Any:
            if positions and len(positions) == len(fig.axes):
                # No layout engine at all ("none" leaves a placeholder, which still costs a
                # draw before the real one); None means the rc default, so switch that off.
                with mpl.rc_context(
                    {"figure.autolayout": False, "figure.constrained_layout.use": False}
                ):
                    fig.set_layout_engine(None)
                for ax, box in zip(fig.axes, positions):
                    ax.set_position(box)
                return render(fig, bbox_inches=crop[0]) if tight and crop else render(fig)
            data = render(fig)
            positions[:] = [ax.get_position() for ax in fig.axes]
            if tight:  # measured once, for the later figures
                pad = render.keywords.get("pad_inches")
                pad = mpl.rcParams["savefig.pad_inches"] if pad is None else pad
                if isinstance(pad, (int, float)):  # not "layout": the tight box, padded
                    crop[:] = [fig.get_tightbbox().padded(pad)]
            return data

        formatter.for_type(Figure, png)
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
    explorer = widgets.interactive(_fast_redraws(function), **controls)
    from regutils.display import show

    show(WithFallback(explorer, EXPLORER_FALLBACK))
    return explorer
