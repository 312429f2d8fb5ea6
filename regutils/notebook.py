"""One call at the top of every lesson: reproducible, quiet and consistently styled."""

from __future__ import annotations

import logging
import os
import random
from typing import TYPE_CHECKING, Any

import numpy as np

from regutils import tfenv
from regutils.validation import validate_int

if TYPE_CHECKING:  # matplotlib is imported only when a lesson sets up its plots
    from matplotlib.typing import RcKeyType

__all__ = [
    "setup_notebook",
    "seed_in_force",
    "PLOT_STYLE",
    "LINE_COLORS",
    "LINE_STYLES",
    "SEED_VARIABLE",
    "THREADS_VARIABLE",
]

#: Environment variable that overrides every lesson's seed (``REGUTILS_SEED=1 make test-seeds``).
SEED_VARIABLE = "REGUTILS_SEED"

#: Environment variable that overrides every lesson's thread count. The Makefile sets it to 1 when
#: pytest runs two notebooks at once on two cores: two kernels with two threads each would
#: oversubscribe the cores, and OpenMP's waiting threads then slow some fits tenfold.
THREADS_VARIABLE = "REGUTILS_THREADS"

#: Matplotlib settings applied by :func:`setup_notebook`: readable, uncluttered figures.
PLOT_STYLE: dict[RcKeyType, Any] = {
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
    # Opaque white figures: readable in JupyterLab's dark theme too (no dark text on transparent).
    "figure.facecolor": "white",
    "savefig.facecolor": "white",
}

#: Line colours (the Okabe–Ito palette, safe for the common colour-vision deficiencies) paired with
#: line styles, so the lines of a figure differ without colour too (printed in grey, or for a
#: learner who cannot tell the colours apart).
LINE_COLORS = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#D55E00",
    "#CC79A7",
    "#56B4E9",
    "#000000",
    "#999999",
)
LINE_STYLES = (
    "-",
    "--",
    ":",
    "-.",
    (0, (5, 1, 1, 1, 1, 1)),
    (0, (1, 1)),
    (0, (8, 2)),
    (0, (3, 2, 1, 2)),
)


def setup_notebook(seed: int = 0, *, keras: bool = False, threads: int = 2) -> int:
    """Make a lesson reproducible and quiet; call it once, at the top, before other imports.

    It seeds Python's and NumPy's random generators, pins the number of threads used by
    NumPy/scikit-learn (BLAS, OpenMP) and by TensorFlow, silences TensorFlow's C++ and Python logs,
    shows scikit-learn estimators as text, and applies :data:`PLOT_STYLE` to Matplotlib. With
    ``keras=True`` it also makes TensorFlow use the same CPU kernels on every x86 machine (see
    :mod:`regutils.tfenv`). It prints nothing and returns the seed in force, which the lesson
    passes on to every random choice it makes (data, splits, initial weights, dropout masks).

    Parameters
    ----------
    seed : int, default=0
        The lesson's seed, for ``random``, ``numpy.random`` and (with ``keras=True``)
        Keras/TensorFlow. The environment variable ``REGUTILS_SEED``, when set, overrides it: that
        is how CI re-runs every lesson under other seeds, and how you can too.
    keras : bool, default=False
        Also import Keras (TensorFlow), seed it and pin its threads. Leave it ``False`` in
        lessons that do not use Keras: importing TensorFlow costs several seconds.
    threads : int, default=2
        Threads for linear algebra and TensorFlow. Results can change in the last digits with the
        thread count, so every learner gets the same count, whatever their machine. The
        environment variable ``REGUTILS_THREADS``, when set, overrides it (CI sets it to 1 when it
        runs two notebooks at once on two cores; the claims hold either way).

    Returns
    -------
    int
        The seed in force: ``seed``, or the value of ``REGUTILS_SEED`` if that is set.

    Raises
    ------
    ValueError
        If ``REGUTILS_SEED`` is set to something other than a whole number ≥ 0, or
        ``REGUTILS_THREADS`` to something other than a whole number ≥ 1.
    RuntimeError
        With ``keras=True``, if TensorFlow had already started its thread pools with other settings
        (restart the kernel and call ``setup_notebook`` first).

    Examples
    --------
    >>> SEED = setup_notebook(seed=42)  # 42, unless REGUTILS_SEED says otherwise
    >>> import numpy as np
    >>> float(np.random.rand()) == float(np.random.RandomState(SEED).rand())
    True
    """
    seed = validate_int(seed, "seed", minimum=0)
    threads = validate_int(threads, "threads", minimum=1)
    if not isinstance(keras, bool):
        raise TypeError(f"keras must be True or False, got {keras!r}.")
    seed = _seed_from_environment(seed)
    threads = _threads_from_environment(threads)

    # TensorFlow reads these when it is first imported, so set them before anything imports it.
    tfenv.configure(threads)

    global _seed_in_force
    _seed_in_force = seed
    random.seed(seed)
    np.random.seed(seed)

    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=threads)

    import sklearn

    sklearn.set_config(display="text")
    _apply_plot_style()
    if keras:
        _setup_keras(seed, threads)
    return seed


def seed_in_force() -> int | None:
    """The seed the last :func:`setup_notebook` call used (``None`` before any call)."""
    return _seed_in_force


def _from_environment(variable: str, value: int, minimum: int, what: str, default: str) -> int:
    """``value``, unless ``variable`` names a whole number >= ``minimum``; any other text raises an
    error saying what the variable overrides (``what``) and what unsetting it gives (``default``)."""
    text = os.environ.get(variable, "").strip()
    if not text:
        return value
    if not text.isdecimal() or int(text) < minimum:
        raise ValueError(
            f"{variable} must be a whole number >= {minimum} (it overrides the lesson's {what}), "
            f"got {text!r}; unset it to use the lesson's {default}."
        )
    return int(text)


def _seed_from_environment(seed: int) -> int:
    """``seed``, unless ``REGUTILS_SEED`` names another; a bad value raises a clear error."""
    return _from_environment(SEED_VARIABLE, seed, 0, "seed", f"seed {seed}")


def _threads_from_environment(threads: int) -> int:
    """``threads``, unless ``REGUTILS_THREADS`` names another count; a bad value raises a clear error."""
    return _from_environment(THREADS_VARIABLE, threads, 1, "thread count", str(threads))


_seed_in_force: int | None = None


def _apply_plot_style() -> None:
    import matplotlib as mpl

    # The first import of pyplot may build the font cache and log about it; keep that out of lessons.
    logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)
    import matplotlib.pyplot
    from cycler import cycler

    mpl.rcParams.update(PLOT_STYLE)
    mpl.rcParams["axes.prop_cycle"] = cycler(color=LINE_COLORS, linestyle=LINE_STYLES)


def _setup_keras(seed: int, threads: int) -> None:
    global _keras_threads
    tf, keras = tfenv.import_tensorflow()
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
