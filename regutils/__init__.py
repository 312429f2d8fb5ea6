"""regutils — the helper package of the course *Regularization in Practice*.

It keeps plumbing and plotting out of the learner's way; the regularization itself (the ``Ridge``
call, the ``Dropout`` layer) always stays visible in the notebooks.

- :func:`setup_notebook` — the one call at the top of every lesson (seeds, threads, quiet logs, style).
- Datasets — :func:`load_heart`, :func:`make_sine`, :func:`sine_curve`; every loader returns a
  :class:`Dataset`.
- Plots — :func:`plot_fit`, :func:`plot_fits`, :func:`plot_error_curve`, :func:`plot_learning_curve`.
- ``python -m regutils doctor`` — checks that this machine is ready for the course.

Importing :mod:`regutils` does not import TensorFlow.
"""

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
from regutils.notebook import setup_notebook
from regutils.plots import plot_error_curve, plot_fit, plot_fits, plot_learning_curve

__version__ = "0.1.0"

__all__ = [
    "DATA_FILES",
    "DataFileError",
    "Dataset",
    "data_dir",
    "load_heart",
    "make_sine",
    "plot_error_curve",
    "plot_fit",
    "plot_fits",
    "plot_learning_curve",
    "setup_notebook",
    "sine_curve",
    "verify_data_file",
]
