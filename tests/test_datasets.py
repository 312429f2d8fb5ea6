"""Unit tests of regutils.datasets: the shipped heart data, its checksum, and the sine generator."""

from __future__ import annotations

import csv
import hashlib
import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import regutils
from regutils.datasets import (
    DATA_FILES,
    DataFileError,
    Dataset,
    data_dir,
    load_heart,
    make_sine,
    sine_curve,
    verify_data_file,
)

REPO_DATA = Path(__file__).resolve().parent.parent / "data"
HEART_CSV = REPO_DATA / "heart.csv"

UCI_FEATURES = [
    "age",
    "sex",
    "cp",
    "trestbps",
    "chol",
    "fbs",
    "restecg",
    "thalach",
    "exang",
    "oldpeak",
    "slope",
    "ca",
    "thal",
]


@pytest.fixture(autouse=True)
def _repo_data_dir(monkeypatch):
    """Every test reads the repository's data/ unless it points REGUTILS_DATA_DIR elsewhere."""
    monkeypatch.delenv("REGUTILS_DATA_DIR", raising=False)


@pytest.fixture(scope="module")
def heart():
    return load_heart()


@pytest.fixture(scope="module")
def raw_rows():
    """data/heart.csv read with the csv module only (independently of pandas and regutils)."""
    with HEART_CSV.open(newline="") as f:
        rows = list(csv.reader(f))
    return rows[0], rows[1:]


# ---------------------------------------------------------------------------------- data files


def test_data_dir_defaults_to_repository_data_folder():
    assert data_dir().resolve() == REPO_DATA.resolve()


def test_data_dir_honours_environment_variable(monkeypatch, tmp_path):
    monkeypatch.setenv("REGUTILS_DATA_DIR", str(tmp_path))
    assert data_dir() == tmp_path


def test_data_files_checksum_matches_the_committed_file():
    assert DATA_FILES["heart.csv"] == hashlib.sha256(HEART_CSV.read_bytes()).hexdigest()


def test_every_pinned_file_is_shipped():
    for name in DATA_FILES:
        assert (REPO_DATA / name).is_file(), name


def test_verify_data_file_returns_the_path():
    path = verify_data_file("heart.csv")
    assert path.resolve() == HEART_CSV.resolve()


@pytest.mark.parametrize("name", ["hart.csv", "heart", "HEART.CSV", "../data/heart.csv", ""])
def test_verify_data_file_unknown_name_lists_allowed_names(name):
    with pytest.raises(ValueError, match=r"^name must be one of 'heart\.csv'; got "):
        verify_data_file(name)


def test_verify_data_file_rejects_non_string_name():
    with pytest.raises(ValueError, match=r"^name must be one of 'heart\.csv'"):
        verify_data_file(None)


@pytest.fixture
def data_copy(tmp_path, monkeypatch):
    """A copy of data/ in tmp_path, used by regutils through REGUTILS_DATA_DIR."""
    copy = tmp_path / "data"
    shutil.copytree(REPO_DATA, copy)
    monkeypatch.setenv("REGUTILS_DATA_DIR", str(copy))
    return copy


def test_intact_copy_loads(data_copy):
    assert verify_data_file("heart.csv") == data_copy / "heart.csv"
    assert load_heart().X.shape == (303, 13)


def test_corrupted_file_raises_data_file_error(data_copy):
    path = data_copy / "heart.csv"
    content = bytearray(path.read_bytes())
    # Change one byte: the first row's age 63 becomes 64 (still a valid CSV, so only the
    # checksum can tell).
    index = content.index(b"\n63,") + 2
    content[index] = ord("4")
    path.write_bytes(bytes(content))
    for call in (lambda: verify_data_file("heart.csv"), load_heart):
        with pytest.raises(DataFileError) as info:
            call()
        message = str(info.value)
        assert "'heart.csv'" in message
        assert str(path) in message
        assert "corrupted" in message
        assert DATA_FILES["heart.csv"] in message  # the expected checksum
        assert hashlib.sha256(bytes(content)).hexdigest() in message  # the actual one
        assert "git checkout -- data/heart.csv" in message  # how to restore it


def test_missing_file_raises_data_file_error(data_copy):
    (data_copy / "heart.csv").unlink()
    with pytest.raises(DataFileError, match=r"data file 'heart\.csv' is missing") as info:
        load_heart()
    assert str(data_copy / "heart.csv") in str(info.value)
    assert "git checkout -- data/heart.csv" in str(info.value)


def test_data_file_error_is_a_runtime_error():
    assert issubclass(DataFileError, RuntimeError)
    assert regutils.DataFileError is DataFileError


# ---------------------------------------------------------------------------------- load_heart


def test_load_heart_returns_dataset(heart):
    assert isinstance(heart, Dataset)
    assert isinstance(heart.X, pd.DataFrame)
    assert isinstance(heart.y, pd.Series)


def test_load_heart_shape_and_column_order(heart):
    assert heart.X.shape == (303, 13)
    assert heart.y.shape == (303,)
    assert list(heart.X.columns) == UCI_FEATURES
    assert heart.feature_names == UCI_FEATURES
    assert heart.target_name == "target"


def test_load_heart_columns_match_the_file_header(raw_rows):
    header, rows = raw_rows
    assert header == UCI_FEATURES + ["target"]
    assert len(rows) == 303
    assert all(len(row) == 14 for row in rows)


def test_load_heart_dtypes(heart):
    floats = {"oldpeak", "ca", "thal"}  # oldpeak has decimals; ca and thal have NaN
    for column in UCI_FEATURES:
        dtype = heart.X[column].dtype
        if column in floats:
            assert pd.api.types.is_float_dtype(dtype), (column, dtype)
        else:
            assert pd.api.types.is_integer_dtype(dtype), (column, dtype)
    assert pd.api.types.is_integer_dtype(heart.y.dtype)


def test_load_heart_missing_values_match_the_file(heart, raw_rows):
    header, rows = raw_rows
    in_file = {name: sum(row[i] == "" for row in rows) for i, name in enumerate(header)}
    assert {k: v for k, v in in_file.items() if v} == {"ca": 4, "thal": 2}
    missing = heart.X.isna().sum()
    assert int(missing.sum()) == 6
    assert missing[missing > 0].to_dict() == {"ca": 4, "thal": 2}
    assert not heart.y.isna().any()


def test_load_heart_missing_rows_are_the_files_empty_fields(heart, raw_rows):
    header, rows = raw_rows
    for column in ("ca", "thal"):
        i = header.index(column)
        empty_rows = [r for r, row in enumerate(rows) if row[i] == ""]
        assert heart.X.index[heart.X[column].isna()].tolist() == empty_rows


def test_load_heart_target_counts(heart):
    assert heart.y.value_counts().sort_index().to_dict() == {0: 164, 1: 139}


@pytest.mark.parametrize(
    "column, codes",
    [
        ("sex", {0, 1}),
        ("cp", {1, 2, 3, 4}),
        ("fbs", {0, 1}),
        ("restecg", {0, 1, 2}),
        ("exang", {0, 1}),
        ("slope", {1, 2, 3}),
        ("thal", {3, 6, 7}),
        ("ca", {0, 1, 2, 3}),
    ],
)
def test_load_heart_codings(heart, column, codes):
    assert set(heart.X[column].dropna().astype(int)) == codes
    # Whole numbers only: a code like 6.5 would be a conversion error.
    values = heart.X[column].dropna()
    assert (values == values.round()).all()


def test_load_heart_first_row_is_the_uci_first_row(heart):
    expected = [63, 1, 1, 145, 233, 1, 2, 150, 0, 2.3, 3, 0, 6, 0]
    assert heart.frame.iloc[0].tolist() == pytest.approx(expected)
    assert heart.X.iloc[0].tolist() == pytest.approx(expected[:-1])
    assert heart.y.iloc[0] == 0


@pytest.mark.parametrize(
    "column, low, high",  # the ranges documented in data/README.md
    [
        ("age", 29, 77),
        ("trestbps", 94, 200),
        ("chol", 126, 564),
        ("thalach", 71, 202),
        ("oldpeak", 0.0, 6.2),
    ],
)
def test_load_heart_ranges(heart, column, low, high):
    assert (heart.X[column].min(), heart.X[column].max()) == (low, pytest.approx(high))


def test_heart_csv_is_plain_utf8_with_unix_line_endings():
    content = HEART_CSV.read_bytes()
    content.decode("utf-8")
    assert b"\r" not in content
    assert content.endswith(b"\n")
    assert b"?" not in content  # missing values are empty fields, not UCI's "?"


def test_load_heart_categorical_features(heart):
    assert heart.categorical_features == ("cp", "restecg", "slope", "thal")
    assert set(heart.categorical_features) <= set(heart.X.columns)


def test_load_heart_frame_equals_the_file(heart):
    frame = heart.frame
    assert list(frame.columns) == UCI_FEATURES + ["target"]
    expected = pd.read_csv(HEART_CSV)
    pd.testing.assert_frame_equal(frame, expected, check_dtype=False)


def test_load_heart_description_and_repr(heart):
    assert "Cleveland" in heart.description
    text = repr(heart)
    assert text.startswith("Dataset(303 samples, 13 features, target 'target': Cleveland")
    assert "\n" not in text


# ------------------------------------------------------------------------------------- Dataset


def test_dataset_unpacks_into_X_and_y(heart):
    X, y = heart
    assert X is heart.X
    assert y is heart.y
    with pytest.raises(ValueError):
        X, y, extra = heart


def test_dataset_frame_is_a_copy(heart):
    frame = heart.frame
    frame.iloc[0, 0] = -1
    assert heart.X.iloc[0, 0] == 63


def test_dataset_is_frozen(heart):
    with pytest.raises(AttributeError):
        heart.description = "changed"


def test_dataset_repr_with_empty_description():
    data = Dataset(X=pd.DataFrame({"a": [1, 2]}), y=pd.Series([0, 1], name="t"), description="")
    assert repr(data) == "Dataset(2 samples, 1 features, target 't': )"
    assert data.categorical_features == ()


# ----------------------------------------------------------------------------------- make_sine


def test_make_sine_shapes_and_names():
    data = make_sine(n_samples=25)
    X, y = data
    assert X.shape == (25, 1)
    assert y.shape == (25,)
    assert data.feature_names == ["x"]
    assert data.target_name == "y"
    assert data.frame.shape == (25, 2)
    assert repr(data).startswith("Dataset(25 samples, 1 features, target 'y': 25 noisy samples")


def test_make_sine_defaults():
    X, y = make_sine()
    assert len(X) == 10


def test_make_sine_same_seed_same_data():
    a, b = make_sine(n_samples=30, seed=7), make_sine(n_samples=30, seed=7)
    pd.testing.assert_frame_equal(a.frame, b.frame)


def test_make_sine_different_seeds_different_data():
    a, b = make_sine(n_samples=30, seed=7), make_sine(n_samples=30, seed=8)
    assert not np.allclose(a.X["x"], b.X["x"])
    assert not np.allclose(a.y, b.y)


def test_make_sine_default_seed_is_zero():
    pd.testing.assert_frame_equal(
        make_sine(n_samples=12).frame, make_sine(n_samples=12, seed=0).frame
    )


def test_make_sine_seed_none_gives_fresh_data():
    a, b = make_sine(n_samples=50, seed=None), make_sine(n_samples=50, seed=None)
    assert a.X.shape == (50, 1)
    assert not np.allclose(a.y, b.y)


def test_make_sine_even_spacing():
    X, _ = make_sine(n_samples=11, spacing="even")
    np.testing.assert_allclose(X["x"], np.linspace(0, 1, 11))


def test_make_sine_random_spacing_is_unsorted_in_unit_interval_and_uneven():
    X, _ = make_sine(n_samples=200, spacing="random")
    x = X["x"].to_numpy()
    assert not np.all(np.diff(x) >= 0)  # random order: prefixes are not the smallest x
    assert x.min() >= 0.0 and x.max() <= 1.0
    assert np.ptp(np.diff(x)) > 1e-3  # not a grid


def test_make_sine_without_noise_is_exactly_the_curve():
    for spacing in ("even", "random"):
        X, y = make_sine(n_samples=40, noise=0.0, spacing=spacing)
        np.testing.assert_array_equal(y.to_numpy(), np.sin(2 * np.pi * X["x"].to_numpy()))


@pytest.mark.parametrize("noise", [0.3, 1.5])
def test_make_sine_noise_standard_deviation(noise):
    X, y = make_sine(n_samples=20_000, noise=noise, seed=1)
    residual = y.to_numpy() - np.sin(2 * np.pi * X["x"].to_numpy())
    assert residual.std() == pytest.approx(noise, rel=0.02)
    assert abs(residual.mean()) < 0.05 * noise


def test_make_sine_largest_noise_is_still_finite():
    _, y = make_sine(n_samples=1000, noise=1e6, seed=0)
    assert np.all(np.isfinite(y))


def test_make_sine_single_sample():
    X, y = make_sine(n_samples=1, spacing="even")
    assert X.shape == (1, 1)


@pytest.mark.parametrize(
    "kwargs, error, message",
    [
        ({"n_samples": 0}, ValueError, r"^n_samples must be an integer >= 1, got 0\.$"),
        ({"n_samples": -1}, ValueError, r"^n_samples must be an integer >= 1, got -1\.$"),
        ({"n_samples": 2.5}, TypeError, r"^n_samples must be an integer, got float 2\.5\.$"),
        ({"n_samples": True}, TypeError, r"^n_samples must be an integer, got bool True\.$"),
        ({"n_samples": "10"}, TypeError, r"^n_samples must be an integer, got str '10'\.$"),
        ({"noise": -0.1}, ValueError, r"^noise must be >= 0\.0, got -0\.1\.$"),
        ({"noise": float("inf")}, ValueError, r"^noise must be a finite number, got inf\.$"),
        ({"noise": float("nan")}, ValueError, r"^noise must be a finite number, got nan\.$"),
        ({"noise": "a"}, TypeError, r"^noise must be a real number, got str 'a'\.$"),
        ({"noise": True}, TypeError, r"^noise must be a real number, got bool True\.$"),
        (
            {"spacing": "grid"},
            ValueError,
            r"^spacing must be one of 'random', 'even'; got 'grid'\.$",
        ),
        ({"seed": -1}, ValueError, r"^seed must be an integer >= 0, got -1\.$"),
        ({"seed": 1.5}, TypeError, r"^seed must be an integer, got float 1\.5\.$"),
        ({"seed": True}, TypeError, r"^seed must be an integer, got bool True\.$"),
        # noise=1e308 used to return -inf: absurd scales are refused, with the bound named.
        ({"noise": 1e308}, ValueError, r"^noise must be <= 1000000\.0, got 1e\+308\.$"),
        ({"noise": 1e7}, ValueError, r"^noise must be <= 1000000\.0, got 10000000\.0\.$"),
        (
            {"n_samples": 10**10},
            ValueError,
            r"^n_samples must be an integer <= 10000000, got 10000000000\.$",
        ),
    ],
)
def test_make_sine_rejects_bad_arguments(kwargs, error, message):
    with pytest.raises(error, match=message):
        make_sine(**kwargs)


# ---------------------------------------------------------------------------------- sine_curve


def test_sine_curve_1d():
    x = np.array([0.0, 0.25, 0.5, 0.75])
    result = sine_curve(x)
    assert result.shape == (4,)
    np.testing.assert_allclose(result, [0.0, 1.0, 0.0, -1.0], atol=1e-12)


def test_sine_curve_column_input_is_flattened():
    x = np.array([[0.0], [0.25], [0.75]])
    result = sine_curve(x)
    assert result.shape == (3,)
    np.testing.assert_allclose(result, [0.0, 1.0, -1.0], atol=1e-12)


def test_sine_curve_accepts_lists_and_dataframes():
    np.testing.assert_allclose(sine_curve([0.25]), [1.0])
    X, _ = make_sine(n_samples=7)
    np.testing.assert_allclose(sine_curve(X), np.sin(2 * np.pi * X["x"].to_numpy()))


@pytest.mark.parametrize(
    "x, error, message",
    [
        ("abc", TypeError, r"^x must be array-like of numbers"),
        (np.zeros((2, 2, 2)), ValueError, r"^x must be 1-D or 2-D"),
        (
            np.zeros((3, 2)),
            ValueError,
            r"^x must be 1-D or have exactly one column, got an array "
            r"of shape \(3, 2\)\.$",
        ),
        ([], ValueError, r"^x must not be empty"),
        ([0.1, np.nan], ValueError, r"^x must contain only finite numbers"),
    ],
)
def test_sine_curve_rejects_bad_input(x, error, message):
    with pytest.raises(error, match=message):
        sine_curve(x)
