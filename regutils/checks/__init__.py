"""Checks and hints of each lesson's exercises: ``lessonNN.py`` per lesson (see regutils.feedback)."""

from __future__ import annotations

from functools import cache

import numpy as np


@cache
def digits_validation_half() -> tuple[np.ndarray, np.ndarray]:
    """The fixed validation half of scikit-learn's digits (pixels scaled to [0, 1]) that the
    exercises of lessons 08 and 11 score models on: the same images for every learner and seed."""
    from sklearn.datasets import load_digits
    from sklearn.model_selection import train_test_split

    digits = load_digits()
    X = (digits.data / 16.0).astype("float32")
    _, X_val, _, y_val = train_test_split(
        X, digits.target, test_size=0.5, stratify=digits.target, random_state=0
    )
    return X_val, y_val
