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
]


def validate_int(value: object, name: str, *, minimum: int | None = None) -> int:
    """Return ``value`` as an ``int`` after checking its type and lower bound."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be an integer, got {type(value).__name__} {value!r}.")
    value = int(value)
    if minimum is not None and value < minimum:
        raise ValueError(f"{name} must be an integer >= {minimum}, got {value}.")
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
