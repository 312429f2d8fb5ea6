"""Unit tests of regutils.claims: the verdict, what a learner sees, strict mode, bad arguments."""

from __future__ import annotations

import math

import numpy as np
import pytest

import regutils
from regutils.claims import CLAIMS_VARIABLE, Claim, ClaimError, claim, evaluate_claim


@pytest.fixture
def lenient(monkeypatch: pytest.MonkeyPatch) -> None:
    """A learner's kernel: claims that do not hold are shown, not raised."""
    monkeypatch.delenv(CLAIMS_VARIABLE, raising=False)


@pytest.fixture
def strict(monkeypatch: pytest.MonkeyPatch) -> None:
    """The course's test runs: a claim that does not hold raises."""
    monkeypatch.setenv(CLAIMS_VARIABLE, "strict")


# ------------------------------------------------------------------------------------- verdicts


@pytest.mark.parametrize(
    "value, rule, holds",
    [
        (4.2, {"above": 3}, True),
        (3.0, {"above": 3}, False),
        (2.9, {"above": 3}, False),
        (0.1, {"below": 0.2}, True),
        (0.2, {"below": 0.2}, False),
        (3.0, {"at_least": 3}, True),
        (2.999, {"at_least": 3}, False),
        (3.0, {"at_most": 3}, True),
        (3.001, {"at_most": 3}, False),
        (5, {"above": 3, "below": 6}, True),
        (6, {"above": 3, "below": 6}, False),
        (2, {"above": 3, "below": 6}, False),
        (4, {"equals": 4}, True),
        (4.0000001, {"equals": 4}, False),
        (1.0 + 1e-9, {"equals": 1.0, "tol": 1e-8}, True),
        (1.0 + 1e-7, {"equals": 1.0, "tol": 1e-8}, False),
        ([-0.03, -0.02, -0.05], {"below": 0}, True),
        ([-0.03, 0.01, -0.05], {"below": 0}, False),
        ([1.0, -0.5, 2.0], {"above": 0, "on": "mean"}, True),
        ([1.0, -3.0], {"above": 0, "on": "mean"}, False),
        (np.array([[1, 2], [3, 4]]), {"at_least": 1}, True),
        (float("nan"), {"below": 1}, False),
        (float("nan"), {"above": 1}, False),
        ([1.0, float("nan")], {"above": 0}, False),
    ],
)
def test_verdict(value, rule, holds) -> None:
    assert evaluate_claim("statement", value, **rule).holds is holds


def test_a_measured_threshold() -> None:
    val_07, val_05 = 0.251, 0.209
    result = evaluate_claim("rate 0.7 validates worse than 0.5", val_07, above=val_05)
    assert result.holds and result.text() == (
        "✔ rate 0.7 validates worse than 0.5: 0.251 (claim: > 0.209)"
    )


# ------------------------------------------------------------------------------ what is shown


def test_text_of_a_claim_that_holds() -> None:
    result = evaluate_claim(
        "path search is faster than grid search", 4.213, above=3, unit="×", fmt=".1f"
    )
    assert result.text() == "✔ path search is faster than grid search: 4.2× (claim: > 3×)"
    assert str(result) == repr(result) == result.text()


def test_text_of_a_claim_that_fails_says_so() -> None:
    result = evaluate_claim("dropout lowers the loss on every subset", [-0.03, 0.01], below=0)
    assert result.text() == (
        "✘ dropout lowers the loss on every subset: -0.03, 0.01 (claim: "
        "each < 0) — does not hold in this run (1 of 2 values fail)"
    )


@pytest.mark.parametrize(
    "value, kwargs, shown",
    [
        ([1, 2, 3], {"on": "mean", "above": 0.5}, "mean 2 ± 1 (sd, n = 3) (claim: mean > 0.5)"),
        (list(range(20)), {"at_least": 0}, "20 values from 0 to 19 (claim: each ≥ 0)"),
        (1e-9, {"below": 1e-8, "fmt": ".1e"}, "1.0e-09 (claim: < 1.0e-08)"),
        (0.9512, {"equals": 0.95, "tol": 0.01, "fmt": ".3f"}, "0.951 (claim: = 0.950 ± 0.01)"),
        (0.42, {"at_least": 0.1, "at_most": 0.5, "fmt": ".0%"}, "42% (claim: ≥ 10% and ≤ 50%)"),
        (12.5, {"below": 60, "unit": " s", "fmt": ".1f"}, "12.5 s (claim: < 60 s)"),
        (0.0, {"equals": 0, "fmt": ".0%"}, "0% (claim: = 0%)"),
        (1234, {"above": 1000, "fmt": ",d"}, "1,234 (claim: > 1,000)"),
        ([3, 4.5], {"above": 2, "fmt": "d"}, "3, 4.5 (claim: each > 2)"),
        (0.2, {"above": 0.1, "below": 1, "fmt": ".0%"}, "20% (claim: > 10% and < 100%)"),
    ],
)
def test_how_values_and_rules_are_shown(value, kwargs, shown) -> None:
    assert evaluate_claim("s", value, **kwargs).text() == f"✔ s: {shown}"


def test_html_marks_the_verdict_in_words_and_colour_and_escapes() -> None:
    good = evaluate_claim("`Lasso` keeps <5 weights", 3, below=5)._repr_html_()
    assert "✔ holds:" in good and "<code>Lasso</code>" in good and "&lt;5" in good
    bad = evaluate_claim("x", 7, below=5)._repr_html_()
    assert "✘ does not hold:" in bad and "if you changed something above" in bad


def test_claim_prints_outside_jupyter_and_returns_the_claim(lenient, capsys) -> None:
    result = claim("two is more than one", 2, above=1)
    assert isinstance(result, Claim) and result.holds and result.values == (2.0,)
    assert capsys.readouterr().out == "✔ two is more than one: 2 (claim: > 1)\n"


def test_exported_from_package() -> None:
    assert regutils.claim is claim and regutils.ClaimError is ClaimError


# ---------------------------------------------------------------------------------- strict mode


def test_a_learner_sees_a_broken_claim_without_an_error(lenient, capsys) -> None:
    result = claim("gap narrows", 0.05, below=0)
    assert result.holds is False
    assert capsys.readouterr().out.startswith("✘ gap narrows: 0.05 (claim: < 0) — does not hold")


def test_strict_mode_raises_on_a_claim_that_does_not_hold(strict, capsys) -> None:
    with pytest.raises(ClaimError, match=r"^✘ gap narrows: 0\.05 \(claim: < 0\)") as info:
        claim("gap narrows", 0.05, below=0)
    assert isinstance(info.value, AssertionError)  # pytest shows it as a failed check
    assert "never just the threshold" in str(info.value)
    assert capsys.readouterr().out == ""  # nothing shown: the cell fails instead


def test_strict_mode_names_the_seed_in_force(strict, monkeypatch) -> None:
    monkeypatch.setattr("regutils.notebook._seed_in_force", 2)
    with pytest.raises(ClaimError, match=r"\[seed 2\]"):
        claim("gap narrows", 0.05, below=0)


def test_strict_mode_lets_a_claim_that_holds_through(strict, capsys) -> None:
    assert claim("gap narrows", -0.05, below=0).holds
    assert capsys.readouterr().out.startswith("✔")


@pytest.mark.parametrize("value", [float("nan"), [0.1, float("nan")]])
def test_strict_mode_raises_on_nan(strict, value) -> None:
    with pytest.raises(ClaimError, match="NaN"):
        claim("finite loss", value, below=1)


# -------------------------------------------------------------------------------- bad arguments


@pytest.mark.parametrize(
    "args, kwargs, error, message",
    [
        (("", 1), {"above": 0}, TypeError, r"^statement must be a non-empty string"),
        ((None, 1), {"above": 0}, TypeError, r"^statement must be a non-empty string"),
        (("s", "4.2"), {"above": 0}, TypeError, r"^value must be a number or an array of numbers"),
        (("s", None), {"above": 0}, TypeError, r"^value must be a number or an array of numbers"),
        (("s", {"a": 1}), {"above": 0}, TypeError, r"^value must be a number or an array"),
        (("s", []), {"above": 0}, ValueError, r"^value is empty"),
        (("s", 1), {}, ValueError, r"^say what is claimed: give at least one of above="),
        (("s", 1), {"above": "3"}, TypeError, r"^above must be a single number, got '3'"),
        (("s", 1), {"below": [1, 2]}, TypeError, r"^below must be a single number"),
        (("s", 1), {"at_least": True}, TypeError, r"^at_least must be a single number"),
        (("s", 1), {"at_most": math.nan}, ValueError, r"^at_most must be a number, not NaN"),
        (("s", 1), {"equals": 1, "above": 0}, ValueError, r"^give equals= on its own"),
        (("s", 1), {"tol": 0.1}, ValueError, r"^tol= goes with equals="),
        (("s", 1), {"equals": 1, "tol": -0.1}, ValueError, r"^tol must be >= 0"),
        (("s", 1), {"above": 0, "on": "all"}, ValueError, r"^on must be 'each' .* or 'mean'"),
        (("s", 1), {"above": 0, "fmt": "%.2f"}, ValueError, r"^fmt must be a number format"),
        (("s", 1), {"above": 0, "unit": 3}, TypeError, r"^unit must be a string"),
    ],
)
def test_bad_arguments_raise_a_clear_error_and_show_nothing(
    lenient, capsys, args, kwargs, error, message
) -> None:
    with pytest.raises(error, match=message):
        claim(*args, **kwargs)
    assert capsys.readouterr().out == ""


def test_bad_arguments_raise_in_strict_mode_too(strict) -> None:
    # A malformed claim is a bug in the lesson, not a claim that does not hold.
    with pytest.raises(ValueError, match="say what is claimed"):
        claim("s", 1)
