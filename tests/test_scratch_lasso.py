"""regutils.scratch.lasso: soft-thresholding and coordinate descent, checked against scikit-learn.

Tolerance: coefficients and intercepts agree with ``sklearn.linear_model.Lasso`` to 1e-6 when
both solvers run with tight tolerances (ours ``tol=1e-10`` on the coefficient change,
scikit-learn's ``tol=1e-12`` on the duality gap).
"""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.datasets import load_diabetes
from sklearn.linear_model import Lasso, LinearRegression
from sklearn.preprocessing import StandardScaler

from regutils.datasets import make_correlated
from regutils.scratch.lasso import LassoResult, lasso_coordinate_descent, soft_threshold

TOL = 1e-6


# --------------------------------------------------------------------------- soft_threshold


def test_soft_threshold_zero_inside_and_shrinks_outside():
    z = np.linspace(-5, 5, 101)
    t = 1.5
    result = soft_threshold(z, t)
    inside = np.abs(z) <= t
    assert np.all(result[inside] == 0.0)
    np.testing.assert_allclose(result[~inside], z[~inside] - t * np.sign(z[~inside]))
    assert np.all(np.abs(result) <= np.abs(z))  # never moves away from 0
    assert np.all(result * z >= 0)  # never changes sign


def test_soft_threshold_is_odd_and_vectorized_over_any_shape():
    rng = np.random.default_rng(0)
    z = rng.normal(size=(4, 3, 2))
    result = soft_threshold(z, 0.7)
    assert result.shape == z.shape
    np.testing.assert_array_equal(soft_threshold(-z, 0.7), -result)
    np.testing.assert_array_equal(result.ravel(), soft_threshold(z.ravel(), 0.7))


def test_soft_threshold_scalars_and_edge_cases():
    assert soft_threshold(2.5, 1.0) == 1.5
    assert soft_threshold(-2.5, 1.0) == -1.5
    assert isinstance(soft_threshold(3, 1), float)
    assert soft_threshold(1.0, 1.0) == 0.0  # the boundary belongs to the dead zone
    assert str(soft_threshold(-0.5, 1.0)) == "0.0"  # no negative zero
    np.testing.assert_array_equal(soft_threshold([1.0, -2.0], 0.0), [1.0, -2.0])  # t = 0: identity


@pytest.mark.parametrize(
    "z, threshold, error, message",
    [
        ([1.0], -0.1, ValueError, "threshold must be >= 0.0"),
        ([1.0], float("nan"), ValueError, "threshold must be a finite number"),
        ([1.0], "1", TypeError, "threshold must be a real number"),
        ("abc", 1.0, TypeError, "z must be array-like of numbers"),
        ([1.0, np.nan], 1.0, ValueError, "z must contain only finite numbers"),
        ([], 1.0, ValueError, "z must not be empty"),
    ],
)
def test_soft_threshold_bad_inputs(z, threshold, error, message):
    with pytest.raises(error, match=message):
        soft_threshold(z, threshold)


# --------------------------------------------------------------------------- coordinate descent


def _diabetes():
    X, y = load_diabetes(return_X_y=True)  # the default: centred, scaled columns
    return X, y


def _diabetes_standardized():
    X, y = load_diabetes(return_X_y=True, scaled=False)
    return StandardScaler().fit_transform(X), y


def _correlated():
    data = make_correlated(
        n_samples=80,
        coef=(2.0, 2.0, 2.0, 0.0, 0.0, 1.0),
        groups=((0, 1, 2),),
        correlation=0.9,
        seed=3,
    )
    return data.X.to_numpy(), data.y.to_numpy()


def _wide():
    """More features than samples (n < p): the lasso still has a sparse solution."""
    rng = np.random.default_rng(1)
    X = rng.normal(size=(30, 60))
    y = X[:, :3] @ np.array([2.0, -1.0, 1.5]) + 0.5 * rng.normal(size=30) + 4.0
    return X, y


PROBLEMS = {
    "diabetes-default": (_diabetes, (0.005, 0.05, 0.5)),
    "diabetes-standardized": (_diabetes_standardized, (0.1, 1.0, 5.0)),
    "correlated": (_correlated, (0.01, 0.2, 1.0)),
    "wide": (_wide, (0.05, 0.3)),
}
CASES = [(name, alpha) for name, (_, alphas) in PROBLEMS.items() for alpha in alphas]


@pytest.mark.parametrize("name, alpha", CASES, ids=[f"{n}-{a}" for n, a in CASES])
def test_matches_sklearn_lasso(name, alpha):
    X, y = PROBLEMS[name][0]()
    ours = lasso_coordinate_descent(X, y, alpha, tol=1e-10, max_iter=100_000)
    reference = Lasso(alpha=alpha, tol=1e-12, max_iter=100_000).fit(X, y)
    np.testing.assert_allclose(ours.coef, reference.coef_, rtol=0, atol=TOL)
    assert abs(ours.intercept - reference.intercept_) < TOL
    # the same features are exactly zero
    np.testing.assert_array_equal(ours.coef == 0, reference.coef_ == 0)


@pytest.mark.parametrize("name", sorted(PROBLEMS))
def test_large_alpha_zeroes_every_coefficient(name):
    X, y = PROBLEMS[name][0]()
    n = len(y)
    alpha_max = np.abs((X - X.mean(axis=0)).T @ (y - y.mean())).max() / n
    result = lasso_coordinate_descent(X, y, alpha_max * 1.0001)
    assert np.all(result.coef == 0.0)
    assert result.intercept == pytest.approx(y.mean())
    assert result.n_iter == 1
    just_below = lasso_coordinate_descent(X, y, alpha_max * 0.99, tol=1e-10)
    assert np.count_nonzero(just_below.coef) == 1  # the first feature enters


def test_alpha_zero_is_least_squares_on_a_well_conditioned_problem():
    rng = np.random.default_rng(2)
    X = rng.normal(size=(200, 5))
    y = X @ np.array([1.0, 2.0, 3.0, 0.0, -1.0]) + rng.normal(size=200) + 10.0
    ours = lasso_coordinate_descent(X, y, 0.0, tol=1e-12)
    reference = LinearRegression().fit(X, y)
    np.testing.assert_allclose(ours.coef, reference.coef_, rtol=0, atol=TOL)
    assert abs(ours.intercept - reference.intercept_) < TOL


def test_without_intercept_matches_sklearn():
    X, y = _correlated()
    ours = lasso_coordinate_descent(X, y + 3.0, 0.1, fit_intercept=False, tol=1e-10)
    reference = Lasso(alpha=0.1, fit_intercept=False, tol=1e-12, max_iter=100_000).fit(X, y + 3.0)
    np.testing.assert_allclose(ours.coef, reference.coef_, rtol=0, atol=TOL)
    assert ours.intercept == 0.0


def test_result_fields_and_constant_column():
    X, y = _correlated()
    X = np.column_stack([X, np.full(len(y), 7.0)])  # a constant column stays at 0
    result = lasso_coordinate_descent(X, y, 0.1)
    assert isinstance(result, LassoResult)
    assert result.coef.shape == (X.shape[1],)
    assert result.coef[-1] == 0.0
    assert isinstance(result.intercept, float) and result.n_iter >= 1
    coef, intercept, n_iter = result  # unpacks like a tuple
    assert n_iter == result.n_iter


def test_accepts_lists_and_dataframes():
    data = make_correlated(n_samples=40, seed=0)
    from_frame = lasso_coordinate_descent(data.X, data.y, 0.1)
    from_lists = lasso_coordinate_descent(data.X.to_numpy().tolist(), data.y.tolist(), 0.1)
    np.testing.assert_allclose(from_frame.coef, from_lists.coef, rtol=0, atol=1e-12)
    assert not np.signbit(from_frame.coef[from_frame.coef == 0]).any()  # zeros print as 0, not -0


def test_warns_when_it_does_not_converge():
    X, y = _correlated()
    with pytest.warns(RuntimeWarning, match=r"did not converge in max_iter=2 sweeps"):
        result = lasso_coordinate_descent(X, y, 0.01, max_iter=2, tol=1e-12)
    assert result.n_iter == 2


@pytest.mark.parametrize(
    "kwargs, error, message",
    [
        ({"alpha": -1.0}, ValueError, "alpha must be >= 0.0"),
        ({"alpha": "0.1"}, TypeError, "alpha must be a real number"),
        ({"max_iter": 0}, ValueError, "max_iter must be an integer >= 1"),
        ({"max_iter": 10.5}, TypeError, "max_iter must be an integer"),
        ({"tol": 0.0}, ValueError, "tol must be > 0"),
        ({"fit_intercept": "yes"}, TypeError, "fit_intercept must be True or False"),
    ],
)
def test_bad_arguments(kwargs, error, message):
    X, y = _correlated()
    arguments = {"alpha": 0.1, **kwargs}
    with pytest.raises(error, match=message):
        lasso_coordinate_descent(X, y, **arguments)


@pytest.mark.parametrize(
    "X, y, error, message",
    [
        (np.ones(5), np.ones(5), ValueError, r"X must be 2-D, got an array of shape \(5,\)"),
        (
            np.ones((5, 2)),
            np.ones((5, 1)),
            ValueError,
            r"y must be 1-D, got an array of shape \(5, 1\)",
        ),
        (np.ones((5, 2)), np.ones(4), ValueError, "same number of rows: X has 5, y has 4"),
        (np.array([[1.0, np.inf]]), np.ones(1), ValueError, "X must contain only finite numbers"),
        ("data", np.ones(2), TypeError, "X must be array-like of numbers"),
    ],
)
def test_bad_shapes(X, y, error, message):
    with pytest.raises(error, match=message):
        lasso_coordinate_descent(X, y, 0.1)
