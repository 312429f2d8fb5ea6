"""regutils — the helper package of the course *Regularization in Practice*.

It keeps plumbing and plotting out of the learner's way; the regularization itself (the ``Ridge``
call, the ``Dropout`` layer) always stays visible in the notebooks.

- :func:`setup_notebook` — the one call at the top of every lesson (seeds, threads, quiet logs, style);
  it returns the seed in force (``REGUTILS_SEED`` overrides the lesson's).
- :func:`claim` — states a lesson's claim with its measured value and threshold, shows ✔ or ✘.
- Datasets — :func:`load_heart`, :func:`make_sine`, :func:`sine_curve`, :func:`make_correlated`; every loader returns a
  :class:`Dataset`; :func:`heart_preprocessor` prepares the heart data.
- Plots — :func:`plot_fit`, :func:`plot_fits`, :func:`plot_error_curve`, :func:`plot_learning_curve`,
  :func:`plot_coefficient_path`, :func:`plot_history`, :func:`plot_weight_histograms`.
- Keras — :func:`build_mlp`, :func:`train`, :func:`run_grid`, :func:`reset_model` (TensorFlow is
  imported only when they are called).
- :func:`exercises` — ``check``, ``hint`` and ``solution`` for a lesson's exercises;
  :func:`quiz` — the lesson's concept questions (``ask``, ``answer``).
- :func:`explore` — a figure with sliders (redrawn on release); :func:`progress` — a progress
  line for a long loop.
- ``python -m regutils doctor`` — checks that this machine is ready for the course.

Names are imported on first use, so ``import regutils`` is fast, never imports TensorFlow, and
``python -m regutils doctor`` still runs (and reports) when a library such as Matplotlib is broken.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# Public name -> module that defines it.
_EXPORTS: dict[str, str] = {
    "DATA_FILES": "regutils.datasets",
    "DataFileError": "regutils.datasets",
    "Dataset": "regutils.datasets",
    "data_dir": "regutils.datasets",
    "load_heart": "regutils.datasets",
    "make_correlated": "regutils.datasets",
    "make_sine": "regutils.datasets",
    "sine_curve": "regutils.datasets",
    "verify_data_file": "regutils.datasets",
    "exercises": "regutils.feedback",
    "explore": "regutils.explorer",
    "progress": "regutils.progressbar",
    "quiz": "regutils.quizzes",
    "claim": "regutils.claims",
    "ClaimError": "regutils.claims",
    "GeneralizationLoss": "regutils.callbacks",
    "generalization_loss": "regutils.callbacks",
    "heart_preprocessor": "regutils.preprocessing",
    "setup_notebook": "regutils.notebook",
    "seed_in_force": "regutils.notebook",
    "one_standard_error_rule": "regutils.model_selection",
    "one_standard_error_rule_from_folds": "regutils.model_selection",
    "build_mlp": "regutils.training",
    "reset_model": "regutils.training",
    "run_grid": "regutils.training",
    "train": "regutils.training",
    "plot_history": "regutils.plots.history",
    "plot_weight_histograms": "regutils.plots.weight_histograms",
    "plot_coefficient_path": "regutils.plots.coefficient_path",
    "plot_error_curve": "regutils.plots.error_curve",
    "plot_fit": "regutils.plots.fit",
    "plot_fits": "regutils.plots.fit",
    "plot_learning_curve": "regutils.plots.error_curve",
    "plot_reliability": "regutils.plots.reliability",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'regutils' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS))


if TYPE_CHECKING:  # for editors and type checkers only
    from regutils.callbacks import GeneralizationLoss, generalization_loss
    from regutils.claims import ClaimError, claim
    from regutils.datasets import (
        DATA_FILES,
        DataFileError,
        Dataset,
        data_dir,
        load_heart,
        make_correlated,
        make_sine,
        sine_curve,
        verify_data_file,
    )
    from regutils.explorer import explore
    from regutils.feedback import exercises
    from regutils.model_selection import one_standard_error_rule, one_standard_error_rule_from_folds
    from regutils.notebook import seed_in_force, setup_notebook
    from regutils.plots import (
        plot_coefficient_path,
        plot_error_curve,
        plot_fit,
        plot_fits,
        plot_history,
        plot_learning_curve,
        plot_reliability,
        plot_weight_histograms,
    )
    from regutils.preprocessing import heart_preprocessor
    from regutils.progressbar import progress
    from regutils.quizzes import quiz
    from regutils.training import build_mlp, reset_model, run_grid, train
