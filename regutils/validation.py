"""Argument checks shared by every public function.

Each check raises ``TypeError`` (wrong kind of value) or ``ValueError`` (right kind, wrong value)
with a message that names the argument and says what is allowed, so a learner's typo is explained
where it happened rather than three library calls deeper.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Iterable, Mapping

import numpy as np

__all__ = [
    "validate_int",
    "validate_real",
    "validate_choice",
    "validate_array",
    "validate_same_length",
    "validate_mapping",
    "validate_bool",
    "validate_text",
    "validate_strings",
    "validate_limits",
    "validate_callable",
    "validate_axes",
    "validate_finite_result",
]


def validate_int(
    value: object, name: str, *, minimum: int | None = None, maximum: int | None = None
) -> int:
    """Return ``value`` as an ``int`` after checking its type and bounds (both inclusive).

    Examples
    --------
    >>> validate_int(10**9, "n_samples", maximum=10**7)
    Traceback (most recent call last):
    ...
    ValueError: n_samples must be an integer <= 10000000, got 1000000000.
    """
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be an integer, got {type(value).__name__} {value!r}.")
    value = int(value)
    if minimum is not None and value < minimum:
        raise ValueError(f"{name} must be an integer >= {minimum}, got {value}.")
    if maximum is not None and value > maximum:
        raise ValueError(f"{name} must be an integer <= {maximum}, got {value}.")
    return value


def validate_real(
    value: object,
    name: str,
    *,
    minimum: float | None = None,
    maximum: float | None = None,
    include_maximum: bool = True,
) -> float:
    """Return ``value`` as a finite ``float`` after checking its type and range."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a real number, got {type(value).__name__} {value!r}.")
    value = float(value)
    if not math.isfinite(value):
        raise ValueError(f"{name} must be a finite number, got {value}.")
    if minimum is not None and value < minimum:
        raise ValueError(f"{name} must be >= {minimum}, got {value}.")
    if maximum is not None and (value > maximum or (not include_maximum and value == maximum)):
        bound = "<=" if include_maximum else "<"
        raise ValueError(f"{name} must be {bound} {maximum}, got {value}.")
    return value


def validate_choice(value: object, name: str, allowed: Iterable[str]) -> str:
    """Check that ``value`` is one of the ``allowed`` strings."""
    allowed = list(allowed)
    if not isinstance(value, str) or value not in allowed:
        choices = ", ".join(repr(a) for a in allowed)
        raise ValueError(f"{name} must be one of {choices}; got {value!r}.")
    return value


def validate_array(value: object, name: str, *, ndim: int | tuple[int, ...] = 1) -> np.ndarray:
    """Convert ``value`` to a float array and check its dimensions and that it is finite.

    ``ndim`` may be a tuple of allowed dimensions, e.g. ``(1, 2)``.
    """
    allowed = (ndim,) if isinstance(ndim, int) else tuple(ndim)
    if isinstance(value, (str, bytes)) or value is None:
        raise TypeError(f"{name} must be array-like of numbers, got {type(value).__name__}.")
    try:
        array = np.asarray(value, dtype=float)
    except (TypeError, ValueError) as exc:
        raise TypeError(f"{name} must be array-like of numbers: {exc}") from None
    if array.ndim not in allowed:
        dims = " or ".join(f"{d}-D" for d in allowed)
        raise ValueError(f"{name} must be {dims}, got an array of shape {array.shape}.")
    if array.size == 0:
        raise ValueError(f"{name} must not be empty.")
    if not np.all(np.isfinite(array)):
        raise ValueError(f"{name} must contain only finite numbers (no NaN or inf).")
    return array


def validate_same_length(**arrays: np.ndarray) -> None:
    """Check that all arrays have the same number of rows (first axis)."""
    lengths = {name: len(a) for name, a in arrays.items()}
    if len(set(lengths.values())) > 1:
        detail = ", ".join(f"{name} has {n}" for name, n in lengths.items())
        raise ValueError(f"these arguments must have the same number of rows: {detail}.")


def validate_mapping(value: object, name: str, what: str) -> Mapping:
    """Check that ``value`` is a non-empty mapping; ``what`` says of what, e.g. ``"name -> model"``.

    Examples
    --------
    >>> validate_mapping({"a": 1}, "models", "panel title -> fitted estimator")
    {'a': 1}
    >>> validate_mapping([1], "models", "panel title -> fitted estimator")
    Traceback (most recent call last):
    ...
    TypeError: models must be a non-empty mapping of panel title -> fitted estimator, got list.
    """
    if not isinstance(value, Mapping):
        raise TypeError(
            f"{name} must be a non-empty mapping of {what}, got {type(value).__name__}."
        )
    if len(value) == 0:
        raise ValueError(f"{name} must be a non-empty mapping of {what}; it is empty.")
    return value


def validate_bool(value: object, name: str) -> bool:
    """Check that ``value`` is ``True`` or ``False`` (a NumPy bool too), not a truthy stand-in.

    Examples
    --------
    >>> validate_bool("yes", "mark_best")
    Traceback (most recent call last):
    ...
    TypeError: mark_best must be True or False, got str 'yes'.
    """
    if not isinstance(value, (bool, np.bool_)):
        raise TypeError(f"{name} must be True or False, got {type(value).__name__} {value!r}.")
    return bool(value)


def validate_text(
    value: object, name: str, *, optional: bool = False, allow_empty: bool = True
) -> str | None:
    """Check that ``value`` is a string (or ``None`` when ``optional``); with ``allow_empty=False``
    it must also contain something other than spaces.

    Examples
    --------
    >>> validate_text(None, "title", optional=True) is None
    True
    >>> validate_text(5, "xlabel")
    Traceback (most recent call last):
    ...
    TypeError: xlabel must be a string, got int 5.
    """
    if value is None and optional:
        return None
    if not isinstance(value, str):
        kind = "a string or None" if optional else "a string"
        raise TypeError(f"{name} must be {kind}, got {type(value).__name__} {value!r}.")
    if not allow_empty and not value.strip():
        raise ValueError(f"{name} must not be empty: say what it shows.")
    return value


def validate_strings(value: object, name: str, *, length: int | None = None) -> tuple[str, ...]:
    """Check that ``value`` is a sequence of strings (not one string), of ``length`` if given.

    Examples
    --------
    >>> validate_strings(["training", "validation"], "labels", length=2)
    ('training', 'validation')
    >>> validate_strings(("a",), "labels", length=2)
    Traceback (most recent call last):
    ...
    ValueError: labels must have exactly 2 strings (one per curve), got 1: ('a',).
    """
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        what = f"{length} strings" if length is not None else "strings"
        raise TypeError(
            f"{name} must be a sequence of {what}, e.g. ('a', 'b'), got "
            f"{type(value).__name__} {value!r}."
        )
    items = tuple(value)
    for item in items:
        if not isinstance(item, str):
            raise TypeError(
                f"{name} must contain only strings, got {type(item).__name__} {item!r}."
            )
    if length is not None and len(items) != length:
        raise ValueError(
            f"{name} must have exactly {length} strings (one per curve), got {len(items)}: "
            f"{items!r}."
        )
    return items


def validate_limits(value: object, name: str) -> tuple[float, float]:
    """Check that ``value`` is a pair ``(low, high)`` of finite numbers with ``low < high``.

    Examples
    --------
    >>> validate_limits([-2, 2], "ylim")
    (-2.0, 2.0)
    >>> validate_limits(5, "ylim")
    Traceback (most recent call last):
    ...
    TypeError: ylim must be a pair (low, high) of numbers, e.g. (-2, 2), got int 5.
    """
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        raise TypeError(
            f"{name} must be a pair (low, high) of numbers, e.g. (-2, 2), got "
            f"{type(value).__name__} {value!r}."
        )
    items = tuple(value)
    if len(items) != 2:
        raise ValueError(
            f"{name} must be a pair (low, high) of numbers, e.g. (-2, 2), got {len(items)} "
            f"values: {items!r}."
        )
    low = validate_real(items[0], f"{name}[0] (low)")
    high = validate_real(items[1], f"{name}[1] (high)")
    if not low < high:
        raise ValueError(f"{name} must be (low, high) with low < high, got ({low:g}, {high:g}).")
    return low, high


def validate_callable(value: object, name: str, what: str) -> object:
    """Check that ``value`` can be called; ``what`` says what it should be, e.g. ``"a function of x"``.

    Examples
    --------
    >>> validate_callable(3, "true_function", "a function of x, e.g. regutils.sine_curve")
    Traceback (most recent call last):
    ...
    TypeError: true_function must be a function of x, e.g. regutils.sine_curve, got int 3.
    """
    if not callable(value):
        raise TypeError(f"{name} must be {what}, got {type(value).__name__} {value!r}.")
    return value


def validate_axes(value: object, name: str = "ax") -> object:
    """Check that ``value`` is ``None`` or one matplotlib ``Axes`` (not a Figure or an array of them).

    Examples
    --------
    >>> validate_axes(None) is None
    True
    >>> validate_axes("left")
    Traceback (most recent call last):
    ...
    TypeError: ax must be a matplotlib Axes (e.g. one of plt.subplots(1, 2)[1]) or None, got str.
    """
    if value is None:
        return None
    from matplotlib.axes import Axes  # plotting modules import it already; validation need not

    if not isinstance(value, Axes):
        hint = (
            " (an array of Axes: pick one, e.g. axes[0])" if isinstance(value, np.ndarray) else ""
        )
        raise TypeError(
            f"{name} must be a matplotlib Axes (e.g. one of plt.subplots(1, 2)[1]) or None, "
            f"got {type(value).__name__}{hint}."
        )
    return value


def validate_finite_result(values: np.ndarray, what: str, advice: str) -> np.ndarray:
    """Check that a computed result is finite; otherwise say which inputs made it overflow.

    Examples
    --------
    >>> validate_finite_result(np.array([1.0, np.inf]), "y", "lower noise")
    Traceback (most recent call last):
    ...
    ValueError: y is not finite (the numbers overflowed): lower noise.
    """
    if not np.all(np.isfinite(values)):
        raise ValueError(f"{what} is not finite (the numbers overflowed): {advice}.")
    return values
