"""A progress line for cells that take more than a few seconds.

In a lesson::

    for seed in regutils.progress(range(8), "training runs"):
        ...

While the loop runs, one line shows how far it got (``training runs: 3 of 8``) and is replaced in
place; when it ends the line says ``training runs: 8 of 8 done``. That last line is what the
notebook stores: short and the same on every run (no times), so stored outputs stay stable.

Keep it out of ``# NBVAL_CHECK_OUTPUT`` cells: nbval compares the line's first display
("0 of 8"), not the updates (``tests/test_explorer.py`` checks this).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sized
from typing import Any, TypeVar

__all__ = ["progress"]

T = TypeVar("T")


class _Line:
    """One progress line: text, and an HTML bar for notebooks."""

    def __init__(self, label: str, done: int, total: int) -> None:
        self.label, self.done, self.total = label, done, total

    def __repr__(self) -> str:
        finished = " done" if self.done == self.total else ""
        return f"{self.label}: {self.done} of {self.total}{finished}"

    def _repr_html_(self) -> str:
        import html

        return (
            f'<progress value="{self.done}" max="{self.total}" style="width: 12em; '
            f'vertical-align: middle;"></progress> <span>{html.escape(repr(self))}</span>'
        )


def progress(items: Iterable[T], label: str, *, total: int | None = None) -> Iterator[T]:
    """Yield ``items`` while showing how many are done.

    Parameters
    ----------
    items : iterable
        What the loop goes over.
    label : str
        What one item is, in the plural: ``"training runs"``, ``"folds"``.
    total : int, optional
        The number of items, when ``items`` has no ``len()`` (a generator).

    Yields
    ------
    Each item of ``items``, in order.

    Raises
    ------
    TypeError
        If ``label`` is not a string, or ``items`` has no length and no ``total`` is given.
    ValueError
        If ``total`` is not a whole number ≥ 1 or ``label`` is empty.

    Examples
    --------
    >>> [x for x in progress([1, 2], "steps")]
    steps: 2 of 2 done
    [1, 2]
    """
    if not isinstance(label, str) or not label.strip():
        raise (TypeError if not isinstance(label, str) else ValueError)(
            f"label must be a non-empty string such as 'folds', got {label!r}."
        )
    if total is None:
        if not isinstance(items, Sized):
            raise TypeError("items has no length: pass total=, the number of items.")
        total = len(items)
    if isinstance(total, bool) or not isinstance(total, int) or total < 1:
        raise ValueError(f"total must be a whole number >= 1, got {total!r}.")
    handle = _display(_Line(label, 0, total))
    done = 0
    for item in items:
        yield item
        done += 1
        if handle is not None:
            handle.update(_Line(label, done, total))
    if handle is None:
        print(_Line(label, done, total))


def _display(line: _Line) -> Any:
    """A display handle in a notebook kernel, else ``None`` (a terminal gets the last line only)."""
    try:
        from IPython import get_ipython
        from IPython.display import display
    except ImportError:  # pragma: no cover
        return None
    if get_ipython() is None:
        return None
    return display(line, display_id=True)
