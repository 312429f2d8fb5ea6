"""One call at the top of every lesson: reproducible, quiet and consistently styled."""

from __future__ import annotations

import logging
import os
import random
import sys
import warnings

import numpy as np

from regutils.validation import check_int

__all__ = ["setup_notebook", "PLOT_STYLE"]

#: Matplotlib settings applied by :func:`setup_notebook`: readable, uncluttered figures.
PLOT_STYLE: dict[str, object] = {
    "figure.figsize": (6.4, 4.0),
    "figure.dpi": 100,
    "figure.constrained_layout.use": True,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.titlesize": 12,
    "axes.labelsize": 11,
    "legend.frameon": False,
    "lines.linewidth": 2.0,
    "image.cmap": "viridis",
}


def setup_notebook(seed: int = 0, *, keras: bool = False, threads: int = 2) -> None:
    """Make a lesson reproducible and quiet; call it once, at the top, before other imports.

    It seeds Python's and NumPy's random generators, pins the number of threads used by
    NumPy/scikit-learn (BLAS, OpenMP) and by TensorFlow, silences TensorFlow's C++ and Python logs,
    shows scikit-learn estimators as text, and applies :data:`PLOT_STYLE` to Matplotlib.
    It prints nothing.

    Parameters
    ----------
    seed : int, default=0
        Seed for ``random``, ``numpy.random`` and (with ``keras=True``) Keras/TensorFlow.
    keras : bool, default=False
        Also import Keras (TensorFlow), seed it and pin its threads. Leave it ``False`` in
        lessons that do not use Keras: importing TensorFlow costs several seconds.
    threads : int, default=2
        Threads for linear algebra and TensorFlow. Results can change in the last digits with the
        thread count, so every learner gets the same count, whatever their machine.

    Raises
    ------
    RuntimeError
        With ``keras=True``, if TensorFlow had already started its thread pools with other settings
        (restart the kernel and call ``setup_notebook`` first).

    Examples
    --------
    >>> setup_notebook(seed=42)
    >>> import numpy as np
    >>> float(np.random.rand()) == float(np.random.RandomState(42).rand())
    True
    """
    seed = check_int(seed, "seed", minimum=0)
    threads = check_int(threads, "threads", minimum=1)
    if not isinstance(keras, bool):
        raise TypeError(f"keras must be True or False, got {keras!r}.")

    # TensorFlow reads these when it is first imported, so set them before anything imports it.
    os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"  # no C++ banners in lessons, whatever the shell set
    os.environ["TF_NUM_INTRAOP_THREADS"] = str(threads)
    os.environ["TF_NUM_INTEROP_THREADS"] = "1"
    os.environ.setdefault("KERAS_BACKEND", "tensorflow")

    random.seed(seed)
    np.random.seed(seed)

    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=threads)

    import sklearn

    sklearn.set_config(display="text")
    _apply_plot_style()
    if keras:
        _setup_keras(seed, threads)


def _apply_plot_style() -> None:
    import matplotlib as mpl

    # The first import of pyplot may build the font cache and log about it; keep that out of lessons.
    logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)
    import matplotlib.pyplot  # noqa: F401  (builds the font cache now, quietly)

    mpl.rcParams.update(PLOT_STYLE)


def _setup_keras(seed: int, threads: int) -> None:
    global _keras_threads
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # import-time chatter only; later warnings still show
        import tensorflow as tf
        import keras
    logging.getLogger("tensorflow").setLevel(logging.ERROR)
    import absl.logging  # ships with TensorFlow

    absl.logging.set_verbosity(absl.logging.ERROR)
    try:
        tf.config.threading.set_intra_op_parallelism_threads(threads)
        tf.config.threading.set_inter_op_parallelism_threads(1)
    except RuntimeError:
        # TensorFlow's thread pools exist already: fine if an earlier call set the same count.
        if _keras_threads != threads:
            raise RuntimeError(
                "TensorFlow started before setup_notebook(keras=True) could pin its threads "
                f"to {threads}; restart the kernel and call regutils.setup_notebook first."
            ) from None
    _keras_threads = threads
    keras.utils.set_random_seed(seed)


_keras_threads: int | None = None
