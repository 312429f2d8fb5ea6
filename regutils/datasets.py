"""Datasets of the course: shipped files (checksummed) and small generators.

Every loader and generator returns a :class:`Dataset`, so lessons read data the same way::

    X, y = regutils.load_heart()          # unpacks into features and target
    data = regutils.make_sine(n_samples=10)
    data.frame.head()                     # features and target in one DataFrame

Nothing here downloads anything: shipped files live in the course's ``data/`` folder (in a clone,
or the copy inside an installed package: see :mod:`regutils.course`; or in the folder named by the
environment variable ``REGUTILS_DATA_DIR``) and are verified against the SHA-256 pinned in
:data:`DATA_FILES` before they are read.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from regutils.course import course_file
from regutils.validation import (
    validate_array,
    validate_choice,
    validate_finite_result,
    validate_int,
    validate_real,
)

__all__ = [
    "DATA_FILES",
    "DataFileError",
    "Dataset",
    "data_dir",
    "load_heart",
    "make_correlated",
    "make_sine",
    "sine_curve",
    "verify_data_file",
]

#: Files shipped in ``data/`` and their pinned SHA-256 (see ``data/README.md``).
DATA_FILES: dict[str, str] = {
    "heart.csv": "dee6cc4854aeda6daf444110de51698a4f24a778ae207f409732ea191ce3a6c7",
}

HEART_COLUMNS = (
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
    "target",
)
HEART_CATEGORICAL = ("cp", "restecg", "slope", "thal")

#: The largest ``n_samples`` the generators accept (more would only exhaust the memory).
MAX_SAMPLES = 10_000_000
#: The largest ``noise`` standard deviation (and ``|coef|``) the generators accept: far beyond
#: any teaching use (the sine's amplitude is 1), and far below where the numbers overflow.
MAX_SCALE = 1e6


class DataFileError(RuntimeError):
    """A shipped data file is missing or does not match its pinned checksum."""


@dataclass(frozen=True, eq=False)
class Dataset:
    """A table of features and a target, as returned by every loader in :mod:`regutils`.

    Attributes
    ----------
    X : pandas.DataFrame
        One row per sample, one column per feature.
    y : pandas.Series
        The target, aligned with ``X``.
    description : str
        Where the data come from and what the columns mean.
    categorical_features : tuple of str
        Columns of ``X`` that hold category codes rather than quantities.

    Examples
    --------
    >>> X, y = make_sine(n_samples=5)
    >>> X.shape, y.shape
    ((5, 1), (5,))
    """

    X: pd.DataFrame
    y: pd.Series
    description: str
    categorical_features: tuple[str, ...] = field(default=())

    def __iter__(self) -> Iterator[pd.DataFrame | pd.Series]:
        """Unpack as ``X, y = dataset``."""
        yield self.X
        yield self.y

    @property
    def feature_names(self) -> list[str]:
        """Names of the feature columns."""
        return list(self.X.columns)

    @property
    def target_name(self) -> str:
        """Name of the target column."""
        return str(self.y.name)

    @property
    def frame(self) -> pd.DataFrame:
        """Features and target in one DataFrame (a copy)."""
        return pd.concat([self.X, self.y], axis=1)

    def __repr__(self) -> str:
        first_line = self.description.strip().splitlines()[0] if self.description else ""
        return (
            f"Dataset({len(self.X)} samples, {self.X.shape[1]} features, "
            f"target {self.target_name!r}: {first_line})"
        )


def data_dir() -> Path:
    """Return the folder that holds the shipped data files.

    It is the course's ``data/`` folder (:func:`regutils.course.course_file`), unless the
    environment variable ``REGUTILS_DATA_DIR`` names another one.
    """
    override = os.environ.get("REGUTILS_DATA_DIR")
    if override:
        return Path(override)
    return course_file("data")


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def verify_data_file(name: str) -> Path:
    """Return the path of a shipped data file after checking its SHA-256.

    Parameters
    ----------
    name : str
        A key of :data:`DATA_FILES`, e.g. ``"heart.csv"``.

    Returns
    -------
    pathlib.Path

    Raises
    ------
    ValueError
        If ``name`` is not a shipped file.
    DataFileError
        If the file is missing or its content differs from the pinned checksum.

    Examples
    --------
    >>> verify_data_file("heart.csv").name
    'heart.csv'
    """
    validate_choice(name, "name", sorted(DATA_FILES))
    path = data_dir() / name
    restore = (
        f"Restore it from the repository with `git checkout -- data/{name}` "
        "(or download the course again), then run `python -m regutils doctor`."
    )
    if not path.is_file():
        raise DataFileError(f"data file {name!r} is missing: expected it at {path}. {restore}")
    actual = _sha256(path)
    if actual != DATA_FILES[name]:
        raise DataFileError(
            f"data file {name!r} at {path} is corrupted or was edited: its SHA-256 is {actual}, "
            f"expected {DATA_FILES[name]}. {restore}"
        )
    return path


def load_heart() -> Dataset:
    """Load the Cleveland heart-disease data (303 patients, 13 features, binary target).

    Columns use the UCI names and numeric codings (documented in ``data/README.md``).
    ``ca`` and ``thal`` have 6 missing values in all, kept as ``NaN``: impute them inside a
    cross-validated pipeline, not before.

    Returns
    -------
    Dataset
        ``X`` has 13 columns; ``y`` is ``target`` (1 = diameter narrowing > 50 %, 139 patients;
        0 = not, 164 patients). ``categorical_features`` names the multi-valued codes
        ``cp``, ``restecg``, ``slope`` and ``thal``.

    Raises
    ------
    DataFileError
        If ``heart.csv`` is missing or corrupted.

    Examples
    --------
    >>> X, y = load_heart()
    >>> X.shape, int(y.sum())
    ((303, 13), 139)
    """
    path = verify_data_file("heart.csv")
    frame = pd.read_csv(path)
    X = frame.drop(columns="target")
    y = frame["target"].astype(int)
    description = (
        "Cleveland heart-disease data (UCI; Detrano et al. 1989, Am J Cardiol 64:304-310; "
        "CC BY 4.0).\n303 patients; target 1 = coronary diameter narrowing > 50 %. "
        "Codings: data/README.md."
    )
    return Dataset(X=X, y=y, description=description, categorical_features=HEART_CATEGORICAL)


def sine_curve(x: object) -> np.ndarray:
    """The noise-free curve sin(2πx) behind :func:`make_sine`.

    Examples
    --------
    >>> float(sine_curve([0.25])[0])
    1.0
    """
    x = validate_array(x, "x", ndim=(1, 2))
    if x.ndim == 2 and x.shape[1] != 1:
        raise ValueError(
            f"x must be 1-D or have exactly one column, got an array of shape {x.shape}."
        )
    return np.sin(2 * np.pi * x).ravel() if x.ndim == 2 else np.sin(2 * np.pi * x)


def make_sine(
    n_samples: int = 10,
    *,
    noise: float = 0.3,
    spacing: str = "random",
    seed: int | None = 0,
) -> Dataset:
    """Noisy samples of sin(2πx) on [0, 1]: the classic curve-fitting data (Bishop, PRML §1.1).

    Parameters
    ----------
    n_samples : int, default=10
        Number of points, from 1 to :data:`MAX_SAMPLES` (10 000 000).
    noise : float, default=0.3
        Standard deviation of the Gaussian noise added to the curve, a finite number from 0 to
        :data:`MAX_SCALE` (1e6; the curve's amplitude is 1).
    spacing : {"random", "even"}, default="random"
        ``"random"`` draws x uniformly, in random order (not sorted: code that takes "the first
        k rows" must not silently get the smallest x); ``"even"`` spaces x evenly on [0, 1].
    seed : int or None, default=0
        Seed of the random generator; ``None`` gives different data on each call.

    Returns
    -------
    Dataset
        ``X`` has one column ``x``; ``y`` is ``y``.

    Examples
    --------
    >>> X, y = make_sine(n_samples=5, noise=0.0, spacing="even")
    >>> X["x"].tolist()
    [0.0, 0.25, 0.5, 0.75, 1.0]
    >>> bool(np.allclose(y, sine_curve(X)))  # noise=0: exactly the curve
    True
    >>> X, y = make_sine(n_samples=5, seed=0)  # the same seed gives the same data
    >>> y.round(2).tolist()
    [-0.65, 1.38, 0.54, -0.11, -1.3]
    >>> make_sine(noise=1e308)
    Traceback (most recent call last):
    ...
    ValueError: noise must be <= 1000000.0, got 1e+308.
    """
    n_samples = validate_int(n_samples, "n_samples", minimum=1, maximum=MAX_SAMPLES)
    noise = validate_real(noise, "noise", minimum=0.0, maximum=MAX_SCALE)
    spacing = validate_choice(spacing, "spacing", ["random", "even"])
    if seed is not None:
        seed = validate_int(seed, "seed", minimum=0)
    rng = np.random.default_rng(seed)
    if spacing == "even":
        x = np.linspace(0.0, 1.0, n_samples)
    else:
        x = rng.uniform(0.0, 1.0, n_samples)
    y = np.sin(2 * np.pi * x) + rng.normal(0.0, noise, n_samples)
    validate_finite_result(y, "y", "choose a smaller noise")
    description = (
        f"{n_samples} noisy samples of sin(2*pi*x) on [0, 1], Gaussian noise sd {noise} "
        f"({spacing} x, seed {seed})."
    )
    return Dataset(X=pd.DataFrame({"x": x}), y=pd.Series(y, name="y"), description=description)


def make_correlated(
    n_samples: int = 100,
    *,
    coef: object = (3.0, 3.0, 0.0, 0.0, 0.0),
    groups: object = ((0, 1),),
    correlation: float = 0.95,
    noise: float = 1.0,
    seed: int | None = 0,
) -> Dataset:
    """A linear regression problem with groups of correlated features.

    Every feature is standard normal. Features in the same group share a hidden factor, so any
    two of them have correlation ``correlation``; features in no group are independent. The
    target is ``X @ coef`` plus Gaussian noise. Use it to see how ridge, lasso and elastic net
    treat correlated and irrelevant features (lessons 02–04).

    Parameters
    ----------
    n_samples : int, default=100
        Number of rows, from 2 to :data:`MAX_SAMPLES` (10 000 000).
    coef : sequence of float, default=(3, 3, 0, 0, 0)
        True coefficients, finite, each of size at most :data:`MAX_SCALE` (1e6); its length is
        the number of features (at least 1). Zeros make irrelevant features.
    groups : sequence of sequences of int, default=((0, 1),)
        Disjoint groups of feature indices (each with at least 2 indices) that are correlated.
    correlation : float, default=0.95
        Correlation between two features of the same group, in [0, 1).
    noise : float, default=1.0
        Standard deviation of the noise added to the target, a finite number from 0 to
        :data:`MAX_SCALE` (1e6).
    seed : int or None, default=0
        Seed of the random generator.

    Returns
    -------
    Dataset
        ``X`` has columns ``x0, x1, ...``; ``y`` is ``y``.

    Raises
    ------
    TypeError, ValueError
        For a bad argument, naming it and what is allowed.

    Examples
    --------
    >>> X, y = make_correlated(n_samples=2000, coef=(1.0, 1.0, 0.0), correlation=0.9)
    >>> round(float(X["x0"].corr(X["x1"])), 1), round(float(X["x0"].corr(X["x2"])), 1)
    (0.9, 0.0)
    """
    n_samples = validate_int(n_samples, "n_samples", minimum=2, maximum=MAX_SAMPLES)
    coef = validate_array(coef, "coef")
    if np.any(np.abs(coef) > MAX_SCALE):
        raise ValueError(
            f"coef must have entries of size at most {MAX_SCALE:g}, got "
            f"{float(np.abs(coef).max()):g}."
        )
    correlation = validate_real(
        correlation, "correlation", minimum=0.0, maximum=1.0, include_maximum=False
    )
    noise = validate_real(noise, "noise", minimum=0.0, maximum=MAX_SCALE)
    if seed is not None:
        seed = validate_int(seed, "seed", minimum=0)
    n_features = len(coef)
    if isinstance(groups, (str, bytes)) or not hasattr(groups, "__iter__"):
        raise TypeError(
            "groups must be a sequence of sequences of feature indices, e.g. ((0, 1),)."
        )
    checked_groups: list[list[int]] = []
    seen: set[int] = set()
    for group in groups:
        if isinstance(group, (str, bytes)) or not hasattr(group, "__iter__"):
            raise TypeError(
                f"groups must be a sequence of groups, each a sequence of feature indices, "
                f"e.g. ((0, 1),) (one group needs the trailing comma); got an element {group!r}."
            )
        indices = [validate_int(i, "groups index", minimum=0) for i in group]
        if len(indices) < 2:
            raise ValueError(f"each group needs at least 2 feature indices, got {list(group)!r}.")
        if max(indices) >= n_features:
            raise ValueError(
                f"groups index must be < {n_features} (the length of coef), got {max(indices)}."
            )
        if seen & set(indices) or len(set(indices)) != len(indices):
            raise ValueError(f"groups must not share or repeat indices, got {list(groups)!r}.")
        seen |= set(indices)
        checked_groups.append(indices)

    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n_samples, n_features))
    for indices in checked_groups:
        factor = rng.normal(size=(n_samples, 1))
        X[:, indices] = np.sqrt(correlation) * factor + np.sqrt(1 - correlation) * X[:, indices]
    y = X @ coef + rng.normal(0.0, noise, n_samples)
    validate_finite_result(y, "y", "choose smaller coef or noise")
    columns = [f"x{j}" for j in range(n_features)]
    description = (
        f"{n_samples} samples, {n_features} standard-normal features; correlated groups "
        f"{checked_groups} (pairwise correlation {correlation}); y = X @ {coef.tolist()} + "
        f"N(0, {noise}^2) (seed {seed})."
    )
    return Dataset(
        X=pd.DataFrame(X, columns=columns), y=pd.Series(y, name="y"), description=description
    )
