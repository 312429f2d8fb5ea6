"""Unit tests of regutils.validation: every check accepts good values and rejects bad ones with a
message that names the argument and says what is allowed."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from regutils.validation import (
    validate_array,
    validate_axes,
    validate_bool,
    validate_callable,
    validate_choice,
    validate_finite_result,
    validate_int,
    validate_limits,
    validate_real,
    validate_same_length,
    validate_strings,
    validate_text,
)

# --------------------------------------------------------------------------------------- validate_int


@pytest.mark.parametrize("value", [0, 1, 7, 10**12, np.int64(5), np.int32(3), np.uint8(2)])
def test_check_int_accepts_integers_and_returns_plain_int(value):
    result = validate_int(value, "n")
    assert result == int(value)
    assert type(result) is int


def test_check_int_minimum_is_inclusive():
    assert validate_int(1, "n_samples", minimum=1) == 1


@pytest.mark.parametrize("value", [True, False, np.bool_(True)])
def test_check_int_rejects_bools(value):
    with pytest.raises(TypeError, match=r"^n must be an integer, got (bool|bool_)"):
        validate_int(value, "n")


@pytest.mark.parametrize(
    "value, kind",
    [
        (2.5, "float"),
        (2.0, "float"),
        ("3", "str"),
        (None, "NoneType"),
        ([1], "list"),
        (float("nan"), "float"),
        (np.float64(1.0), "float64"),
    ],
)
def test_check_int_rejects_non_integers(value, kind):
    with pytest.raises(TypeError, match=rf"^n_samples must be an integer, got {kind}\b"):
        validate_int(value, "n_samples", minimum=1)


@pytest.mark.parametrize("value, minimum", [(0, 1), (-1, 0), (-1, 1), (4, 5)])
def test_check_int_rejects_values_below_minimum(value, minimum):
    with pytest.raises(ValueError, match=rf"^seed must be an integer >= {minimum}, got {value}\.$"):
        validate_int(value, "seed", minimum=minimum)


def test_check_int_without_minimum_accepts_negatives():
    assert validate_int(-5, "offset") == -5


def test_check_int_maximum_is_inclusive_and_named():
    assert validate_int(10, "bins", maximum=10) == 10
    with pytest.raises(ValueError, match=r"^bins must be an integer <= 10, got 11\.$"):
        validate_int(11, "bins", minimum=1, maximum=10)


# -------------------------------------------------------------------------------------- validate_real


@pytest.mark.parametrize("value", [0, 0.0, 0.3, 3, np.float64(0.25), np.float32(0.5), np.int64(2)])
def test_check_real_accepts_reals_and_returns_float(value):
    result = validate_real(value, "noise", minimum=0.0)
    assert result == pytest.approx(float(value))
    assert type(result) is float


@pytest.mark.parametrize("value", [True, False, np.bool_(False)])
def test_check_real_rejects_bools(value):
    with pytest.raises(TypeError, match=r"^alpha must be a real number, got (bool|bool_)"):
        validate_real(value, "alpha")


@pytest.mark.parametrize(
    "value, kind",
    [("a", "str"), ("0.3", "str"), (None, "NoneType"), ([0.3], "list"), (1j, "complex")],
)
def test_check_real_rejects_non_numbers(value, kind):
    with pytest.raises(TypeError, match=rf"^noise must be a real number, got {kind}\b"):
        validate_real(value, "noise")


@pytest.mark.parametrize("value", [math.inf, -math.inf, math.nan, np.nan, np.float64("inf")])
def test_check_real_rejects_non_finite(value):
    with pytest.raises(ValueError, match=r"^noise must be a finite number, got"):
        validate_real(value, "noise", minimum=0.0)


@pytest.mark.parametrize("value", [-0.1, -1, -1e-12])
def test_check_real_rejects_values_below_minimum(value):
    with pytest.raises(ValueError, match=r"^noise must be >= 0\.0, got -"):
        validate_real(value, "noise", minimum=0.0)


def test_check_real_maximum_inclusive_by_default():
    assert validate_real(1.0, "l1_ratio", minimum=0.0, maximum=1.0) == 1.0
    with pytest.raises(ValueError, match=r"^l1_ratio must be <= 1\.0, got 1\.5\.$"):
        validate_real(1.5, "l1_ratio", minimum=0.0, maximum=1.0)


def test_check_real_exclusive_maximum():
    assert validate_real(0.999, "rate", maximum=1.0, include_maximum=False) == 0.999
    with pytest.raises(ValueError, match=r"^rate must be < 1\.0, got 1\.0\.$"):
        validate_real(1.0, "rate", maximum=1.0, include_maximum=False)


# ------------------------------------------------------------------------------------ validate_choice


@pytest.mark.parametrize("value", ["random", "even"])
def test_check_choice_accepts_allowed(value):
    assert validate_choice(value, "spacing", ["random", "even"]) == value


def test_check_choice_accepts_any_iterable_of_allowed_values():
    assert validate_choice("log", "xscale", (s for s in ("linear", "log"))) == "log"


@pytest.mark.parametrize("value", ["grid", "Even", "", " even", None, 1, ["even"]])
def test_check_choice_rejects_others_and_lists_allowed(value):
    with pytest.raises(ValueError, match=r"^spacing must be one of 'random', 'even'; got "):
        validate_choice(value, "spacing", ["random", "even"])


def test_check_choice_message_shows_the_bad_value():
    with pytest.raises(ValueError, match=r"got 'grid'\.$"):
        validate_choice("grid", "spacing", ["random", "even"])


# ------------------------------------------------------------------------------------- validate_array


@pytest.mark.parametrize(
    "value",
    [[1, 2, 3], (1.5, 2.5), np.arange(4), pd.Series([1.0, 2.0]), np.array([1], dtype=np.int8)],
)
def test_check_array_accepts_1d_and_returns_float_array(value):
    array = validate_array(value, "x")
    assert isinstance(array, np.ndarray)
    assert array.dtype == np.float64
    assert array.ndim == 1
    np.testing.assert_array_equal(array, np.asarray(value, dtype=float))


def test_check_array_accepts_any_of_several_ndims():
    assert validate_array([[1.0], [2.0]], "X", ndim=(1, 2)).shape == (2, 1)
    assert validate_array(pd.DataFrame({"a": [1, 2]}), "X", ndim=(1, 2)).shape == (2, 1)
    assert validate_array([1.0, 2.0], "X", ndim=(1, 2)).shape == (2,)


@pytest.mark.parametrize(
    "value, ndim, expected",
    [
        ([[1.0, 2.0]], 1, r"^x must be 1-D, got an array of shape \(1, 2\)\.$"),
        (3.0, 1, r"^x must be 1-D, got an array of shape \(\)\.$"),
        (
            np.zeros((2, 2, 2)),
            (1, 2),
            r"^x must be 1-D or 2-D, got an array of shape \(2, 2, 2\)\.$",
        ),
        ([1.0, 2.0], 2, r"^x must be 2-D, got an array of shape \(2,\)\.$"),
    ],
)
def test_check_array_rejects_wrong_ndim(value, ndim, expected):
    with pytest.raises(ValueError, match=expected):
        validate_array(value, "x", ndim=ndim)


@pytest.mark.parametrize("value", [[], np.array([]), np.zeros((0, 1))])
def test_check_array_rejects_empty(value):
    with pytest.raises(ValueError, match=r"^y must not be empty\.$"):
        validate_array(value, "y", ndim=(1, 2))


@pytest.mark.parametrize(
    "value", [[1.0, np.nan], [np.inf, 1.0], [[1.0], [-np.inf]], pd.Series([1.0, None])]
)
def test_check_array_rejects_nan_and_inf(value):
    with pytest.raises(
        ValueError, match=r"^y must contain only finite numbers \(no NaN or inf\)\.$"
    ):
        validate_array(value, "y", ndim=(1, 2))


@pytest.mark.parametrize("value, kind", [("abc", "str"), (b"abc", "bytes"), (None, "NoneType")])
def test_check_array_rejects_strings_and_none(value, kind):
    with pytest.raises(TypeError, match=rf"^values must be array-like of numbers, got {kind}\.$"):
        validate_array(value, "values")


@pytest.mark.parametrize("value", [["a", "b"], [1.0, "two"], [[1.0], [2.0, 3.0]], {"a": 1}])
def test_check_array_rejects_non_numeric_or_ragged(value):
    with pytest.raises(TypeError, match=r"^values must be array-like of numbers"):
        validate_array(value, "values")


# ------------------------------------------------------------------------------- validate_same_length


def test_check_same_length_accepts_equal_lengths():
    assert validate_same_length(X=np.zeros((3, 1)), y=[1, 2, 3], w=pd.Series([0, 0, 0])) is None


def test_check_same_length_message_lists_every_argument_and_its_length():
    with pytest.raises(
        ValueError,
        match=r"^these arguments must have the same number of rows: "
        r"X_train has 3, y_train has 2, weights has 3\.$",
    ):
        validate_same_length(X_train=np.zeros((3, 1)), y_train=[1, 2], weights=[1, 1, 1])


def test_check_same_length_single_argument_is_fine():
    assert validate_same_length(values=[1, 2]) is None


def test_validate_mapping_names_the_argument_and_what_it_maps() -> None:
    from regutils.validation import validate_mapping

    assert validate_mapping({"a": 1}, "models", "title -> model") == {"a": 1}
    with pytest.raises(
        TypeError, match=r"^models must be a non-empty mapping of title -> model, got list\.$"
    ):
        validate_mapping([("a", 1)], "models", "title -> model")
    with pytest.raises(
        ValueError, match=r"^models must be a non-empty mapping of title -> model; it is empty\.$"
    ):
        validate_mapping({}, "models", "title -> model")


# ------------------------------------------------------------------- validate_bool, _text, _strings


@pytest.mark.parametrize("value", [True, False, np.bool_(True)])
def test_validate_bool_accepts_bools(value):
    assert validate_bool(value, "shuffle") is bool(value)


@pytest.mark.parametrize("value, kind", [(1, "int"), ("yes", "str"), (None, "NoneType")])
def test_validate_bool_rejects_truthy_stand_ins(value, kind):
    with pytest.raises(TypeError, match=rf"^shuffle must be True or False, got {kind} "):
        validate_bool(value, "shuffle")


def test_validate_text():
    assert validate_text("RMSE", "ylabel") == "RMSE"
    assert validate_text(None, "title", optional=True) is None
    assert validate_text("", "title") == ""
    with pytest.raises(TypeError, match=r"^title must be a string, got NoneType None\.$"):
        validate_text(None, "title")
    with pytest.raises(TypeError, match=r"^title must be a string or None, got int 3\.$"):
        validate_text(3, "title", optional=True)
    with pytest.raises(ValueError, match=r"^xlabel must not be empty: say what it shows\.$"):
        validate_text("  ", "xlabel", allow_empty=False)


def test_validate_strings():
    assert validate_strings(["a", "b"], "labels", length=2) == ("a", "b")
    assert validate_strings(pd.Index(["x0", "x1"]), "names") == ("x0", "x1")
    with pytest.raises(ValueError, match=r"^labels must have exactly 2 strings.*got 1: \('a',\)"):
        validate_strings(("a",), "labels", length=2)
    with pytest.raises(TypeError, match=r"^labels must be a sequence of 2 strings"):
        validate_strings("ab", "labels", length=2)
    with pytest.raises(TypeError, match=r"^labels must contain only strings, got float 1\.0\.$"):
        validate_strings(["a", 1.0], "labels")


# ------------------------------------------------------------------------------ validate_limits


@pytest.mark.parametrize("value", [(-2, 2), [0.0, 1.5], np.array([-1.0, 1.0])])
def test_validate_limits_accepts_increasing_pairs(value):
    low, high = validate_limits(value, "ylim")
    assert low < high and type(low) is float


@pytest.mark.parametrize(
    "value, error, message",
    [
        (
            5,
            TypeError,
            r"^ylim must be a pair \(low, high\) of numbers, e\.g\. \(-2, 2\), got int 5\.$",
        ),
        ("02", TypeError, r"^ylim must be a pair"),
        ((1,), ValueError, r"^ylim must be a pair .* got 1 values: \(1,\)\.$"),
        ((2, 1), ValueError, r"^ylim must be \(low, high\) with low < high, got \(2, 1\)\.$"),
        ((1, 1), ValueError, r"with low < high, got \(1, 1\)"),
        ((0, math.inf), ValueError, r"^ylim\[1\] \(high\) must be a finite number, got inf\.$"),
        ((None, 1), TypeError, r"^ylim\[0\] \(low\) must be a real number, got NoneType"),
    ],
)
def test_validate_limits_rejects(value, error, message):
    with pytest.raises(error, match=message):
        validate_limits(value, "ylim")


# ------------------------------------------------------------ validate_callable, _axes, _finite_result


def test_validate_callable():
    assert validate_callable(np.sin, "f", "a function") is np.sin
    with pytest.raises(TypeError, match=r"^f must be a function of x, got list \[1\]\.$"):
        validate_callable([1], "f", "a function of x")


def test_validate_axes():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(1, 2)
    try:
        assert validate_axes(axes[0]) is axes[0]
        assert validate_axes(None) is None
        with pytest.raises(TypeError, match=r"^ax must be a matplotlib Axes .*got ndarray \(an "):
            validate_axes(axes)
        with pytest.raises(TypeError, match=r"^ax must be a matplotlib Axes .*got Figure\.$"):
            validate_axes(fig)
    finally:
        plt.close(fig)


def test_validate_finite_result():
    values = np.array([1.0, 2.0])
    assert validate_finite_result(values, "y", "lower noise") is values
    with pytest.raises(
        ValueError, match=r"^y is not finite \(the numbers overflowed\): lower noise\.$"
    ):
        validate_finite_result(np.array([1.0, -np.inf]), "y", "lower noise")
