"""Tests of regutils.model_selection."""

from __future__ import annotations

import numpy as np
import pytest

from regutils.model_selection import one_standard_error_rule, one_standard_error_rule_from_folds

VALUES = [0.01, 0.1, 1.0, 10.0]


def test_lower_is_simpler_picks_the_smallest_value_within_one_se():
    chosen = one_standard_error_rule(VALUES, [0.83, 0.84, 0.80, 0.70], [0.02] * 4, simpler="lower")
    assert chosen == 0.01


def test_higher_is_simpler_picks_the_largest_value_within_one_se():
    chosen = one_standard_error_rule(
        VALUES, [0.70, 0.84, 0.83, 0.825], [0.02] * 4, simpler="higher"
    )
    assert chosen == 10.0


def test_uses_the_standard_error_of_the_best_value_only():
    # The last candidate has a huge standard error of its own; only the best one's counts.
    chosen = one_standard_error_rule(
        VALUES, [0.70, 0.84, 0.83, 0.60], [0.0, 0.02, 0.02, 5.0], simpler="higher"
    )
    assert chosen == 1.0


def test_zero_standard_error_returns_the_best_value():
    assert (
        one_standard_error_rule(VALUES, [0.70, 0.84, 0.83, 0.60], [0.0] * 4, simpler="lower") == 0.1
    )


def test_errors_instead_of_scores():
    chosen = one_standard_error_rule(
        [0.1, 1.0, 10.0, 100.0],
        [5.0, 4.0, 4.5, 9.0],
        [0.3, 0.6, 0.3, 0.1],
        simpler="higher",
        greater_is_better=False,
    )
    assert chosen == 10.0
    # The same numbers read as scores (higher is better) choose differently.
    assert (
        one_standard_error_rule(
            [0.1, 1.0, 10.0, 100.0], [5.0, 4.0, 4.5, 9.0], [0.3, 0.6, 0.3, 0.1], simpler="higher"
        )
        == 100.0
    )


def test_order_of_candidates_does_not_matter():
    order = [2, 0, 3, 1]
    values = np.array(VALUES)[order]
    scores = np.array([0.83, 0.84, 0.80, 0.70])[order]
    assert one_standard_error_rule(values, scores, [0.02] * 4, simpler="lower") == 0.01


def test_accepts_integers_and_numpy_bool():
    assert (
        one_standard_error_rule(
            [1, 2, 3], [1, 2, 2], [0, 1, 0], simpler="higher", greater_is_better=np.True_
        )
        == 3.0
    )


def test_returns_a_python_float():
    chosen = one_standard_error_rule(np.array([1, 2]), [0.5, 0.4], [0.2, 0.2], simpler="higher")
    assert type(chosen) is float and chosen == 2.0


@pytest.mark.parametrize(
    "kwargs, error, message",
    [
        ({"param_values": "abc"}, TypeError, "param_values must be array-like of numbers"),
        ({"mean_scores": [[0.8, 0.7, 0.6, 0.5]]}, ValueError, "mean_scores must be 1-D"),
        ({"std_errors": [0.1, 0.1]}, ValueError, "same number of rows: param_values has 4"),
        (
            {"mean_scores": [0.8, np.nan, 0.6, 0.5]},
            ValueError,
            "mean_scores must contain only finite",
        ),
        ({"std_errors": [0.1, -0.1, 0.1, 0.1]}, ValueError, "std_errors must all be >= 0"),
        ({"param_values": [1.0, 1.0, 2.0, 3.0]}, ValueError, "must not repeat a value"),
        (
            {"simpler": "smaller"},
            ValueError,
            "simpler must be one of 'higher', 'lower'; got 'smaller'",
        ),
        ({"simpler": None}, ValueError, "simpler must be one of"),
        ({"greater_is_better": "yes"}, TypeError, "greater_is_better must be True or False"),
        ({"param_values": []}, ValueError, "param_values must not be empty"),
    ],
)
def test_bad_arguments_name_the_argument(kwargs, error, message):
    arguments = {
        "param_values": VALUES,
        "mean_scores": [0.8, 0.7, 0.6, 0.5],
        "std_errors": [0.1] * 4,
        "simpler": "lower",
    }
    arguments.update(kwargs)
    with pytest.raises(error, match=message):
        one_standard_error_rule(**arguments)


def test_simpler_is_required():
    with pytest.raises(TypeError, match="simpler"):
        one_standard_error_rule(VALUES, [0.8, 0.7, 0.6, 0.5], [0.1] * 4)  # type: ignore[call-arg]


# --------------------------------------------------------------------------- from fold scores

FOLDS = [[0.80, 0.84, 0.82], [0.85, 0.89, 0.87], [0.84, 0.87, 0.86], [0.70, 0.75, 0.72]]


def test_from_folds_uses_the_standard_error_with_ddof_1():
    """Best mean 0.87 (at 0.1), sd over its folds (ddof=1) 0.02, standard error 0.0115: 1.0, with
    mean 0.857, is outside one standard error but inside one sd."""
    scores = np.array(FOLDS)
    se = scores.std(axis=1, ddof=1) / np.sqrt(3)
    by_hand = one_standard_error_rule(VALUES, scores.mean(axis=1), se, simpler="higher")
    chosen = one_standard_error_rule_from_folds(VALUES, FOLDS, simpler="higher")
    assert chosen == by_hand == 0.1
    assert one_standard_error_rule_from_folds(VALUES, FOLDS, simpler="higher", margin="sd") == 1.0


def test_from_folds_ddof_changes_the_choice_here():
    # sd of the best row [1.0, 0.9] is 0.0707 (ddof=1) or 0.05 (ddof=0); se 0.05 or 0.035. The
    # other mean, 0.91, is within 0.05 of 0.95 but not within 0.035: only ddof=1 keeps it.
    folds = [[1.0, 0.9], [0.92, 0.90]]
    assert one_standard_error_rule_from_folds([1.0, 2.0], folds, simpler="higher") == 2.0


def test_from_folds_errors_as_scores():
    rmse = [[5.0, 5.1, 4.9], [4.0, 4.1, 3.9], [4.05, 4.1, 4.0]]
    chosen = one_standard_error_rule_from_folds(
        [0.1, 1.0, 10.0], rmse, simpler="higher", greater_is_better=False
    )
    assert chosen == 10.0


@pytest.mark.parametrize(
    "kwargs, error, message",
    [
        ({"fold_scores": [0.8, 0.7, 0.6, 0.5]}, ValueError, "fold_scores must be 2-D"),
        ({"fold_scores": [[0.8]] * 4}, ValueError, "at least two folds"),
        ({"fold_scores": FOLDS[:3]}, ValueError, "param_values has 4, fold_scores has 3"),
        ({"fold_scores": "abc"}, TypeError, "fold_scores must be array-like of numbers"),
        ({"margin": "var"}, ValueError, "margin must be one of 'se', 'sd'"),
        ({"simpler": "up"}, ValueError, "simpler must be one of"),
    ],
)
def test_from_folds_bad_arguments_name_the_argument(kwargs, error, message):
    arguments = {"param_values": VALUES, "fold_scores": FOLDS, "simpler": "higher", **kwargs}
    with pytest.raises(error, match=message):
        one_standard_error_rule_from_folds(**arguments)
