"""Preprocessing of the course's tabular data, as reusable scikit-learn transformers."""

from __future__ import annotations

from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

from regutils.datasets import HEART_CATEGORICAL, HEART_COLUMNS

__all__ = ["heart_preprocessor"]

#: Quantities (and the 0/1 flags) of the heart data: imputed if missing, then standardized.
HEART_NUMERIC = tuple(c for c in HEART_COLUMNS if c not in HEART_CATEGORICAL and c != "target")


def _code_name(feature: str, code: object) -> str:
    """``cp`` and code ``4.0`` -> ``cp_4`` (the imputer turns the integer codes into floats)."""
    if isinstance(code, float) and code.is_integer():
        return f"{feature}_{int(code)}"
    return f"{feature}_{code}"


def heart_preprocessor(*, scale_dummies: bool = False) -> ColumnTransformer:
    """The leak-free preprocessing of :func:`regutils.load_heart` data, unfitted.

    Numeric columns (and the 0/1 flags) get their missing values (``ca``) replaced by the median
    and are standardized; the category codes ``cp``, ``restecg``, ``slope`` and ``thal`` get
    missing values (``thal``) replaced by the most frequent code and are one-hot encoded. Put it
    *inside* a pipeline, so every cross-validation fold learns medians, codes and scales from its
    own training part only (lesson 06 builds it step by step).

    Parameters
    ----------
    scale_dummies : bool, default=False
        If True, the one-hot columns are standardized too (mean 0, sd 1 on the training rows).
        By default they stay 0/1, with standard deviations from about 0.1 (a rare code) to 0.5,
        so a penalty charges a rare code's weight more per unit of effect than a standardized
        numeric column's (lesson 06, "Scale what you penalize").

    Returns
    -------
    sklearn.compose.ColumnTransformer

    Raises
    ------
    TypeError
        If ``scale_dummies`` is not a bool.

    Examples
    --------
    >>> from regutils import load_heart
    >>> X, y = load_heart()
    >>> preprocessor = heart_preprocessor()
    >>> preprocessor.fit_transform(X).shape
    (303, 22)
    >>> [str(name) for name in preprocessor.get_feature_names_out()[-3:]]
    ['thal_3', 'thal_6', 'thal_7']

    With ``scale_dummies=True`` every column, one-hot columns included, has sd 1:

    >>> Z = heart_preprocessor(scale_dummies=True).fit_transform(X)
    >>> bool(abs(Z.std(axis=0) - 1).max() < 1e-9)
    True
    """
    if not isinstance(scale_dummies, bool):
        raise TypeError(f"scale_dummies must be True or False, got {scale_dummies!r}.")
    numeric = make_pipeline(SimpleImputer(strategy="median"), StandardScaler())
    categorical_steps = [
        SimpleImputer(strategy="most_frequent"),
        OneHotEncoder(
            handle_unknown="ignore", sparse_output=False, feature_name_combiner=_code_name
        ),
    ]
    if scale_dummies:
        categorical_steps.append(StandardScaler())
    categorical = make_pipeline(*categorical_steps)
    return ColumnTransformer(
        [
            ("numeric", numeric, list(HEART_NUMERIC)),
            ("categorical", categorical, list(HEART_CATEGORICAL)),
        ],
        verbose_feature_names_out=False,
    )
