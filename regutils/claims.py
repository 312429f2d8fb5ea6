"""State what a lesson's numbers show, and check it: ``claim("...", value, above=3)``.

A lesson's prose says things like "path search is more than 3× faster than grid search" or
"dropout lowers the validation loss on every training subset". The cell after such a sentence
computes the number and states the sentence as a **claim**::

    claim("path search is faster than grid search", speedup, above=3, unit="×", fmt=".1f")

which shows, at a glance::

    ✔ path search is faster than grid search: 4.2× (claim: > 3×)

- In a lesson run by the course's tests (``REGUTILS_CLAIMS=strict``, set by the test
  configuration) a claim that does not hold raises :class:`ClaimError`, so the cell fails whatever
  digits the stored notebook shows. The tests re-run every lesson under other seeds
  (``REGUTILS_SEED``) and a simulated other CPU: a claim must hold under all of them.
- In your own run it shows ✘ and says plainly that the claim does not hold *for this run*. That is
  allowed: if you changed a parameter above, the ✘ tells you what your change did.

The threshold of a claim comes from the variation measured across seeds, folds and machines
(the lesson says how much), never from the one stored run.
"""

from __future__ import annotations

import html
import math
import os
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np

__all__ = ["Claim", "ClaimError", "claim", "evaluate_claim", "CLAIMS_VARIABLE"]

#: Environment variable: ``strict`` makes a claim that does not hold raise :class:`ClaimError`.
CLAIMS_VARIABLE = "REGUTILS_CLAIMS"

_RULES: dict[str, tuple[str, Any]] = {
    "above": (">", lambda v, t: v > t),
    "below": ("<", lambda v, t: v < t),
    "at_least": ("≥", lambda v, t: v >= t),
    "at_most": ("≤", lambda v, t: v <= t),
}

_MAX_SHOWN = 8  # values listed one by one; more are summarised as min … max


class ClaimError(AssertionError):
    """A lesson's claim does not hold (raised only in strict mode, i.e. under the course's tests)."""


@dataclass(frozen=True)
class Claim:
    """A checked statement: what was claimed, the measured value(s), the rule and the verdict.

    Created by :func:`evaluate_claim` (which :func:`claim` calls); shown as text in a terminal and
    as a coloured line in Jupyter.
    """

    statement: str
    values: tuple[float, ...]
    rule: str
    holds: bool
    value_text: str
    reasons: tuple[str, ...] = field(default=())

    @property
    def mark(self) -> str:
        """``✔`` if the claim holds, else ``✘``."""
        return "✔" if self.holds else "✘"

    def text(self) -> str:
        """One line: mark, statement, measured value(s), rule."""
        line = f"{self.mark} {self.statement}: {self.value_text} (claim: {self.rule})"
        if not self.holds:
            line += " — does not hold in this run"
            if self.reasons:
                line += f" ({'; '.join(self.reasons)})"
        return line

    def __str__(self) -> str:
        return self.text()

    def __repr__(self) -> str:
        return self.text()

    def _repr_html_(self) -> str:
        colour, verdict = ("#1a7f37", "holds") if self.holds else ("#cf222e", "does not hold")
        statement = _inline_code(html.escape(self.statement))
        line = (
            f'<span style="color:{colour};font-weight:bold">{self.mark} {verdict}:</span> '
            f"{statement}: <code>{html.escape(self.value_text)}</code> "
            f'<span style="opacity:0.75">(claim: {html.escape(self.rule)})</span>'
        )
        if not self.holds:
            why = f" ({html.escape('; '.join(self.reasons))})" if self.reasons else ""
            line += (
                f"<br><span style='opacity:0.85'>Not true in this run{why}. The lesson's text "
                "describes the stored run; if you changed something above, this is what your "
                "change did.</span>"
            )
        return f'<div class="regutils-claim">{line}</div>'

    def _ipython_display_(self) -> None:
        # claim() has shown it already; a claim left as a cell's last value is not shown twice.
        if not getattr(self, "_shown", False):
            _show(self)


def evaluate_claim(
    statement: str,
    value: Any,
    *,
    above: float | None = None,
    below: float | None = None,
    at_least: float | None = None,
    at_most: float | None = None,
    equals: float | None = None,
    tol: float | None = None,
    on: Literal["each", "mean"] = "each",
    unit: str = "",
    fmt: str = ".3g",
) -> Claim:
    """Evaluate a claim without showing it or raising; :func:`claim` documents the arguments."""
    if not isinstance(statement, str) or not statement.strip():
        raise TypeError(
            f"statement must be a non-empty string saying what is claimed, got {statement!r}."
        )
    values = _as_values(value)
    if on not in ("each", "mean"):
        raise ValueError(
            f"on must be 'each' (every value must satisfy the rule) or 'mean' (their "
            f"mean must), got {on!r}."
        )
    if not isinstance(unit, str):
        raise TypeError(f"unit must be a string such as '×' or ' s', got {unit!r}.")
    try:
        _format(1.5, fmt)
    except (AttributeError, TypeError, ValueError):  # AttributeError: fmt is not a string
        raise ValueError(
            f"fmt must be a number format such as '.3f', '.2%' or '.3g', got {fmt!r}."
        ) from None
    bounds = {
        name: bound
        for name, bound in (
            ("above", above),
            ("below", below),
            ("at_least", at_least),
            ("at_most", at_most),
        )
        if bound is not None
    }
    for name, bound in bounds.items():
        _as_threshold(bound, name)
    if equals is not None:
        if bounds:
            raise ValueError(
                "give equals= on its own (with tol=), or bounds (above=, below=, "
                "at_least=, at_most=), not both."
            )
        _as_threshold(equals, "equals")
        if tol is not None and not (_as_threshold(tol, "tol") >= 0):
            raise ValueError(f"tol must be >= 0, got {tol!r}.")
    elif tol is not None:
        raise ValueError("tol= goes with equals= (|value - equals| <= tol).")
    elif not bounds:
        raise ValueError(
            "say what is claimed: give at least one of above=, below=, at_least=, "
            "at_most=, or equals= (with tol=)."
        )

    def show(number: float) -> str:
        return f"{_format(number, fmt)}{unit}"

    def show_threshold(number: float) -> str:  # a round threshold reads as written: > 3, not > 3.0
        if number.is_integer() and abs(number) < 1e6 and not fmt.endswith(("%", "d")):
            return f"{int(number)}{unit}"
        return show(number)

    tested = (float(np.mean(values)),) if on == "mean" else values
    reasons: list[str] = []
    if equals is not None:
        tolerance = 0.0 if tol is None else float(tol)
        rule = f"= {show_threshold(float(equals))}" + (f" ± {tolerance:g}{unit}" if tol else "")
        ok = [abs(v - float(equals)) <= tolerance for v in tested]
    else:
        parts = [
            f"{_RULES[name][0]} {show_threshold(float(bound))}" for name, bound in bounds.items()
        ]
        rule = " and ".join(parts)
        ok = [
            all(_RULES[name][1](v, float(bound)) for name, bound in bounds.items()) for v in tested
        ]
    if any(math.isnan(v) for v in tested):
        reasons.append("a value is NaN")
    if on == "mean":
        rule = f"mean {rule}"
    elif len(values) > 1:
        rule = f"each {rule}"
        failed = ok.count(False)
        if failed:
            reasons.append(f"{failed} of {len(values)} values fail")
    return Claim(
        statement=statement.strip(),
        values=values,
        rule=rule,
        holds=all(ok),
        value_text=_value_text(values, on, show, fmt, unit),
        reasons=tuple(reasons),
    )


def claim(
    statement: str,
    value: Any,
    *,
    above: float | None = None,
    below: float | None = None,
    at_least: float | None = None,
    at_most: float | None = None,
    equals: float | None = None,
    tol: float | None = None,
    on: Literal["each", "mean"] = "each",
    unit: str = "",
    fmt: str = ".3g",
) -> Claim:
    """State a claim about a measured value, show ✔ or ✘ with the numbers, and return it.

    Parameters
    ----------
    statement : str
        What the lesson claims, in words (``"dropout narrows the loss gap on every subset"``).
    value : number or array-like of numbers
        The measurement. Several values (one per seed, fold or subset) must *each* satisfy the
        rule, unless ``on="mean"``.
    above, below, at_least, at_most : number, optional
        The rule: value > above, < below, ≥ at_least, ≤ at_most (combine them for a range). A
        threshold may itself be measured (``above=other_score``).
    equals, tol : number, optional
        The rule |value − equals| ≤ tol (``tol`` defaults to 0: exactly equal), e.g. a count or an
        identity checked to a tolerance. Not combined with the bounds.
    on : {"each", "mean"}, default="each"
        With several values, whether each of them or their mean must satisfy the rule; the mean is
        shown with its standard deviation.
    unit : str, default=""
        Appended to every number shown: ``"×"``, ``"%"``, ``" s"``.
    fmt : str, default=".3g"
        Format of every number shown (``".3f"``, ``".1%"``, ``".2e"``, ``"d"`` for counts).

    Returns
    -------
    Claim
        With ``holds`` (bool), ``values`` and the line shown.

    Raises
    ------
    ClaimError
        If the claim does not hold and ``REGUTILS_CLAIMS=strict`` (the course's test runs).
    TypeError, ValueError
        If an argument is not of the kind described above (nothing is shown then).

    Examples
    --------
    >>> c = claim("path search is faster than grid search", 4.213, above=3, unit="×", fmt=".1f")
    ✔ path search is faster than grid search: 4.2× (claim: > 3×)
    >>> c = claim("dropout lowers the validation loss on every subset", [-0.03, -0.029, -0.054],
    ...           below=0)
    ✔ dropout lowers the validation loss on every subset: -0.03, -0.029, -0.054 (claim: each < 0)
    """
    result = evaluate_claim(
        statement,
        value,
        above=above,
        below=below,
        at_least=at_least,
        at_most=at_most,
        equals=equals,
        tol=tol,
        on=on,
        unit=unit,
        fmt=fmt,
    )
    if not result.holds and strict_mode():
        seed = _seed_note()
        raise ClaimError(
            f"{result.text()}{seed}. A claim a lesson makes must hold under every "
            "seed and CPU the course is tested on: fix the experiment or the claim "
            "(see CONTRIBUTING.md), never just the threshold."
        )
    _show(result)
    object.__setattr__(result, "_shown", True)
    return result


def strict_mode() -> bool:
    """True when ``REGUTILS_CLAIMS=strict`` (set by the course's test configuration)."""
    return os.environ.get(CLAIMS_VARIABLE, "").strip().lower() == "strict"


# --------------------------------------------------------------------------- helpers


def _show(result: Claim) -> None:
    """Display in Jupyter (text and HTML), print elsewhere."""
    shell = sys.modules.get("IPython")
    get_ipython = getattr(shell, "get_ipython", None) if shell else None
    if get_ipython is not None and get_ipython() is not None:
        from IPython.display import publish_display_data

        publish_display_data({"text/plain": result.text(), "text/html": result._repr_html_()})
    else:
        print(result.text())


def _as_values(value: Any) -> tuple[float, ...]:
    if isinstance(value, (str, bytes)) or value is None:
        raise TypeError(f"value must be a number or an array of numbers, got {value!r}.")
    try:
        array = np.asarray(value, dtype=float).ravel()
    except (TypeError, ValueError):
        raise TypeError(
            f"value must be a number or an array of numbers, got "
            f"{type(value).__name__} {value!r:.80}."
        ) from None
    if array.size == 0:
        raise ValueError("value is empty: a claim needs at least one measured number.")
    return tuple(float(v) for v in array)


def _as_threshold(bound: Any, name: str) -> float:
    if isinstance(bound, (bool, str, bytes)) or not np.ndim(bound) == 0:
        raise TypeError(f"{name} must be a single number, got {bound!r:.80}.")
    try:
        number = float(bound)
    except (TypeError, ValueError):
        raise TypeError(f"{name} must be a single number, got {bound!r:.80}.") from None
    if math.isnan(number):
        raise ValueError(f"{name} must be a number, not NaN.")
    return number


def _value_text(values: Sequence[float], on: str, show: Any, fmt: str, unit: str) -> str:
    if len(values) == 1:
        return show(values[0])
    if on == "mean":
        sd = float(np.std(values, ddof=1))
        return f"mean {show(float(np.mean(values)))} ± {_format(sd, fmt)}{unit} (sd, n = {len(values)})"
    if len(values) <= _MAX_SHOWN:
        return ", ".join(show(v) for v in values)
    return f"{len(values)} values from {show(min(values))} to {show(max(values))}"


def _format(number: float, fmt: str) -> str:
    """``format(number, fmt)``; an integer format (``"d"``, ``",d"``) shows whole numbers as such and
    anything else with ``g``, so counts can use ``fmt="d"``."""
    if fmt.endswith("d"):
        if math.isfinite(number) and number.is_integer():
            return format(int(number), fmt)
        return format(number, fmt[:-1] + "g")
    return format(number, fmt)


def _inline_code(escaped: str) -> str:
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", escaped)


def _seed_note() -> str:
    from regutils.notebook import seed_in_force

    seed = seed_in_force()
    return "" if seed is None else f" [seed {seed}]"
