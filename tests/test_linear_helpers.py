"""make_correlated and plot_coefficient_path: behaviour and bad inputs."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pytest

from regutils import make_correlated, plot_coefficient_path


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def test_make_correlated_structure():
    X, y = make_correlated(
        n_samples=20_000,
        coef=(2.0, 0.0, 0.0, 1.0, 1.0),
        groups=((0, 1, 2), (3, 4)),
        correlation=0.8,
        noise=0.5,
        seed=1,
    )
    corr = np.corrcoef(X.to_numpy(), rowvar=False)
    assert list(X.columns) == ["x0", "x1", "x2", "x3", "x4"]
    for i, j in [(0, 1), (0, 2), (1, 2), (3, 4)]:
        assert corr[i, j] == pytest.approx(0.8, abs=0.02)
    for i, j in [(0, 3), (2, 4)]:
        assert abs(corr[i, j]) < 0.03
    assert np.allclose(X.std(), 1.0, atol=0.03)
    residual = y - X.to_numpy() @ np.array([2.0, 0.0, 0.0, 1.0, 1.0])
    assert residual.std() == pytest.approx(0.5, rel=0.03)


def test_make_correlated_is_seeded():
    a, b = make_correlated(seed=3), make_correlated(seed=3)
    assert np.array_equal(a.X, b.X) and np.array_equal(a.y, b.y)
    assert not np.array_equal(make_correlated(seed=4).X, a.X)


@pytest.mark.parametrize(
    "kwargs, error, message",
    [
        ({"n_samples": 1}, ValueError, "n_samples must be an integer >= 2"),
        ({"correlation": 1.0}, ValueError, "correlation must be < 1.0"),
        ({"correlation": -0.1}, ValueError, "correlation must be >= 0.0"),
        ({"noise": -1.0}, ValueError, "noise must be >= 0.0"),
        ({"coef": []}, ValueError, "coef must not be empty"),
        ({"groups": ((0,),)}, ValueError, "at least 2 feature indices"),
        ({"groups": ((0, 7),)}, ValueError, "groups index must be < 5"),
        ({"groups": ((0, 1), (1, 2))}, ValueError, "must not share or repeat"),
        ({"groups": "01"}, TypeError, "groups must be a sequence"),
        (
            {"groups": (0, 1)},
            TypeError,
            r"^groups must be a sequence of groups, each a sequence of feature indices, e\.g\. "
            r"\(\(0, 1\),\) \(one group needs the trailing comma\); got an element 0\.$",
        ),
        (
            {"n_samples": 10**9},
            ValueError,
            r"^n_samples must be an integer <= 10000000, got 1000000000\.$",
        ),
        (
            {"coef": (1e300, 1.0)},
            ValueError,
            r"^coef must have entries of size at most 1e\+06, got 1e\+300\.$",
        ),
        ({"coef": (1.0, np.nan)}, ValueError, r"^coef must contain only finite numbers"),
        ({"noise": 1e308}, ValueError, r"^noise must be <= 1000000\.0, got 1e\+308\.$"),
        ({"noise": float("inf")}, ValueError, r"^noise must be a finite number, got inf\.$"),
    ],
)
def test_make_correlated_bad_arguments(kwargs, error, message):
    with pytest.raises(error, match=message):
        make_correlated(**kwargs)


def test_plot_coefficient_path_draws_one_line_per_feature_in_alpha_order():
    alphas = [10.0, 0.1, 1.0]
    coefs = [[0.2, 0.0], [2.0, -1.0], [1.0, -0.5]]
    ax = plot_coefficient_path(alphas, coefs, feature_names=["age", "bmi"])
    lines = [line for line in ax.get_lines() if line.get_label() in ("age", "bmi")]
    assert [line.get_label() for line in lines] == ["age", "bmi"]
    assert list(lines[0].get_xdata()) == [0.1, 1.0, 10.0]
    assert list(lines[0].get_ydata()) == [2.0, 1.0, 0.2]
    assert ax.get_xscale() == "log" and ax.get_title() == "Coefficient path"


@pytest.mark.parametrize(
    "alphas, coefs, names, message",
    [
        ([0.0, 1.0], [[1, 2], [3, 4]], None, "alphas must all be > 0"),
        ([1.0, 2.0, 3.0], [[1, 2, 3], [4, 5, 6]], None, r"pass coefs.T"),
        ([1.0, 2.0], [[1, 2], [3, 4]], ["a"], "feature_names must have 2 names"),
        ([1.0, 2.0], [1, 2], None, "coefs must be 2-D"),
    ],
)
def test_plot_coefficient_path_bad_arguments(alphas, coefs, names, message):
    with pytest.raises(ValueError, match=message):
        plot_coefficient_path(alphas, coefs, feature_names=names)


@pytest.mark.parametrize(
    "kwargs, message",
    [
        (
            {"feature_names": "ab"},
            r"^feature_names must be a sequence of names, one per column of coefs \(e\.g\. "
            r"X\.columns\), got str 'ab'\.$",
        ),
        ({"feature_names": 2}, r"^feature_names must be a sequence of names"),
        ({"title": None}, r"^title must be a string, got NoneType None\.$"),
        ({"xlabel": 1.0}, r"^xlabel must be a string, got float 1\.0\.$"),
        ({"ax": plt}, r"^ax must be a matplotlib Axes"),
    ],
)
def test_plot_coefficient_path_wrong_types(kwargs, message):
    before = plt.get_fignums()
    with pytest.raises(TypeError, match=message):
        plot_coefficient_path([1.0, 2.0], [[1, 2], [3, 4]], **kwargs)
    assert plt.get_fignums() == before  # nothing drawn


def test_heart_preprocessor_is_leak_free_and_complete():
    from regutils import heart_preprocessor, load_heart

    X, _ = load_heart()
    names = list(heart_preprocessor().fit(X).get_feature_names_out())
    assert len(names) == 22
    assert names[:9] == [
        "age",
        "sex",
        "trestbps",
        "chol",
        "fbs",
        "thalach",
        "exang",
        "oldpeak",
        "ca",
    ]
    assert {"cp_1", "cp_4", "restecg_2", "slope_3", "thal_7"} <= set(names)
    # Imputation and scaling are learned from the training rows only.
    train, test = X.iloc[:200], X.iloc[200:]
    Z = heart_preprocessor().fit(train).transform(test)
    assert np.isfinite(Z).all()
    age = train["age"]
    assert Z[0, 0] == pytest.approx((test["age"].iloc[0] - age.mean()) / age.std(ddof=0))


def test_heart_preprocessor_scale_dummies():
    from regutils import heart_preprocessor, load_heart

    X, _ = load_heart()
    plain = heart_preprocessor().fit_transform(X)
    scaled = heart_preprocessor(scale_dummies=True).fit_transform(X)
    # The default leaves the one-hot columns 0/1 (sd 0.11 to 0.5); the option standardizes them.
    assert set(np.unique(plain[:, 9:])) == {0.0, 1.0}
    assert plain[:, 9:].std(axis=0).min() == pytest.approx(0.114, abs=0.001)
    assert np.allclose(scaled.std(axis=0), 1.0)
    assert np.allclose(scaled.mean(axis=0), 0.0)
    assert np.array_equal(scaled[:, :9], plain[:, :9])  # numeric columns unchanged
    assert list(heart_preprocessor(scale_dummies=True).fit(X).get_feature_names_out()) == list(
        heart_preprocessor().fit(X).get_feature_names_out()
    )
    # Still leak-free: the dummies' means and sds come from the training rows only.
    train, test = X.iloc[:200], X.iloc[200:]
    Z = heart_preprocessor(scale_dummies=True).fit(train).transform(test)
    cp_4 = (train["cp"] == 4).astype(float)
    expected = ((test["cp"].iloc[0] == 4) - cp_4.mean()) / cp_4.std(ddof=0)
    names = list(heart_preprocessor().fit(X).get_feature_names_out())
    assert Z[0, names.index("cp_4")] == pytest.approx(expected)


@pytest.mark.parametrize("value", [1, "yes", None])
def test_heart_preprocessor_scale_dummies_must_be_bool(value):
    from regutils import heart_preprocessor

    with pytest.raises(TypeError, match="scale_dummies must be True or False"):
        heart_preprocessor(scale_dummies=value)
