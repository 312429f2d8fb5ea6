"""Prechelt's generalization-loss stopping rule, as a function and as a Keras callback.

Early stopping watches the validation error :math:`E_{va}(t)` after every epoch *t*. Prechelt
(1998, "Early stopping — but when?") measures how far it has risen above the best value so far,
:math:`E_{opt}(t) = \\min_{t' \\le t} E_{va}(t')`, in percent:

.. math:: GL(t) = 100 \\cdot \\left( \\frac{E_{va}(t)}{E_{opt}(t)} - 1 \\right)

and stops at the first epoch with :math:`GL(t) > \\alpha` (his class GL\\ :sub:`α`). Unlike a
patience rule, which waits a fixed number of epochs without improvement, GL stops as soon as the
validation error is *far enough* above its minimum, however quickly or slowly it got there.

- :func:`generalization_loss` — GL(t) for a whole sequence of validation errors (NumPy only).
- :class:`GeneralizationLoss` — the rule as a ``keras.callbacks.Callback``, with
  ``restore_best_weights`` like ``keras.callbacks.EarlyStopping``.

Epochs are counted from 1 here, like the rows of :func:`regutils.training.train`'s history
(Keras' own ``EarlyStopping.stopped_epoch`` and ``best_epoch`` count from 0).

Importing this module does not import TensorFlow: the callback class is created on first use
(``from regutils.callbacks import GeneralizationLoss``), because a Keras callback must subclass
``keras.callbacks.Callback``. Call ``regutils.setup_notebook(keras=True)`` before that, as in
every Keras lesson, so TensorFlow's threads are pinned and its logs silenced.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

import numpy as np

from regutils.validation import validate_array, validate_real

__all__ = ["ERROR_METRICS", "GeneralizationLoss", "generalization_loss"]

#: Logged quantities that are errors (lower is better) besides any name ending in ``loss`` or
#: ``error``: Keras' error metrics, by their short and long names. :class:`GeneralizationLoss`
#: accepts each of them, with or without the ``val_`` prefix.
ERROR_METRICS: tuple[str, ...] = (
    "mse",
    "mae",
    "mape",
    "msle",
    "rmse",
    "mean_squared_error",
    "mean_absolute_error",
    "mean_absolute_percentage_error",
    "mean_squared_logarithmic_error",
    "root_mean_squared_error",
    "binary_crossentropy",
    "categorical_crossentropy",
    "sparse_categorical_crossentropy",
    "kl_divergence",
    "poisson",
    "hinge",
    "squared_hinge",
    "categorical_hinge",
    "log_cosh",
)

if TYPE_CHECKING:  # for editors and type checkers only: importing keras costs seconds
    pass


def _check_alpha(alpha: object) -> float:
    alpha = validate_real(alpha, "alpha")
    if alpha <= 0:
        raise ValueError(
            f"alpha must be > 0 (the generalization loss, in percent, above which "
            f"training stops; Prechelt used 1 to 5), got {alpha}."
        )
    return alpha


def _check_monitor(monitor: object) -> str:
    """A logged error: lower is better (a loss), so that GL, a ratio to the minimum, means something."""
    if not isinstance(monitor, str) or not monitor:
        raise TypeError(
            f"monitor must be the name of a logged quantity such as 'val_loss', got {monitor!r}."
        )
    base = monitor.removeprefix("val_")
    if base.endswith(("loss", "error")) or base in ERROR_METRICS:
        return monitor
    raise ValueError(
        f"monitor must be a logged error that is lower-is-better and positive: 'val_loss' or "
        f"'loss', any name ending in 'loss' or 'error', or a Keras error metric "
        f"({', '.join(ERROR_METRICS[:5])}, ...; with or without 'val_'); {monitor!r} is not "
        f"one (accuracy, AUC, precision and recall are higher-is-better)."
    )


def generalization_loss(errors: object) -> np.ndarray:
    """GL(t) = 100 · (E(t) / min(E(1), ..., E(t)) − 1) for each epoch t of a validation history.

    Parameters
    ----------
    errors : array-like of positive numbers, shape (n_epochs,)
        The validation error after each epoch, e.g. ``history["val_loss"]``.

    Returns
    -------
    numpy.ndarray, shape (n_epochs,)
        The generalization loss in percent: 0 at every new minimum, positive above it.

    Raises
    ------
    TypeError, ValueError
        If ``errors`` is not a 1-D sequence of finite positive numbers.

    Examples
    --------
    >>> generalization_loss([0.5, 0.4, 0.42, 0.5, 0.38]).round(1)
    array([ 0.,  0.,  5., 25.,  0.])
    >>> int(np.argmax(generalization_loss([0.5, 0.4, 0.42, 0.5]) > 5.0)) + 1  # first epoch with GL > 5
    4
    """
    errors = validate_array(errors, "errors", ndim=1)
    if np.any(errors <= 0):
        raise ValueError(
            "errors must be positive (a loss or an error rate): the generalization "
            "loss divides by the smallest error so far."
        )
    return 100.0 * (errors / np.minimum.accumulate(errors) - 1.0)


def _define_generalization_loss() -> type:
    """Create the :class:`GeneralizationLoss` class (this imports Keras)."""
    import keras

    class GeneralizationLoss(keras.callbacks.Callback):
        """Stop training when the validation error rises more than ``alpha`` percent above its best.

        After each epoch *t* the callback reads ``logs[monitor]`` (the validation error
        :math:`E_{va}(t)`), updates the best value so far :math:`E_{opt}(t)` and computes
        ``GL(t) = 100 * (E_va(t) / E_opt(t) - 1)`` (Prechelt 1998). If ``GL(t) > alpha`` it sets
        ``model.stop_training = True``. A non-finite monitored value (a diverged loss) counts as an
        infinite generalization loss and stops training too. GL(t) is also written into the epoch's
        logs as ``"generalization_loss"``, so it appears as a column of the training history.

        Parameters
        ----------
        alpha : float, default=5.0
            Stop at the first epoch whose generalization loss exceeds ``alpha`` percent. > 0.
        monitor : str, default="val_loss"
            The logged quantity to watch: an error that is positive and lower-is-better (a loss).
            Allowed: ``"val_loss"``, ``"loss"``, any name ending in ``loss`` or ``error``, and the
            Keras error metrics in :data:`ERROR_METRICS` (``"val_mse"``, ``"val_mae"``, ...);
            not an accuracy, AUC, precision or recall. Training needs ``validation_data`` for
            the default.
        restore_best_weights : bool, default=True
            At the end of training (stopped or not), put back the weights of the epoch with the
            lowest monitored value. ``False`` keeps the weights of the last epoch, which are
            ``alpha`` percent worse by construction when the rule fired.

        Attributes
        ----------
        stopped_epoch : int
            The epoch (counted from 1) at which the rule stopped training; 0 if it never fired.
        best_epoch : int
            The epoch (counted from 1) with the lowest monitored value.
        best : float
            That lowest monitored value, :math:`E_{opt}`.
        gl_history : list of float
            GL(t) for every epoch run, in order.

        Raises
        ------
        TypeError, ValueError
            For a bad argument (at construction), or during training if ``monitor`` is not logged
            or is not positive.

        Examples
        --------
        >>> stopper = GeneralizationLoss(alpha=5.0)
        >>> stopper.alpha, stopper.monitor, stopper.restore_best_weights
        (5.0, 'val_loss', True)
        >>> GeneralizationLoss(alpha=0)
        Traceback (most recent call last):
        ...
        ValueError: alpha must be > 0 (the generalization loss, in percent, above which training stops; Prechelt used 1 to 5), got 0.0.
        >>> GeneralizationLoss(monitor="val_precision")
        Traceback (most recent call last):
        ...
        ValueError: monitor must be a logged error that is lower-is-better and positive: 'val_loss' or 'loss', any name ending in 'loss' or 'error', or a Keras error metric (mse, mae, mape, msle, rmse, ...; with or without 'val_'); 'val_precision' is not one (accuracy, AUC, precision and recall are higher-is-better).
        """

        def __init__(
            self, alpha: float = 5.0, monitor: str = "val_loss", restore_best_weights: bool = True
        ) -> None:
            alpha = _check_alpha(alpha)  # every argument checked before the callback is set up
            monitor = _check_monitor(monitor)
            if not isinstance(restore_best_weights, bool):
                raise TypeError(
                    f"restore_best_weights must be True or False, got {restore_best_weights!r}."
                )
            super().__init__()
            self.alpha = alpha
            self.monitor = monitor
            self.restore_best_weights = restore_best_weights
            self._reset()

        def _reset(self) -> None:
            self.best = math.inf
            self.best_epoch = 0
            self.stopped_epoch = 0
            self.best_weights: list[np.ndarray] | None = None
            self.gl_history: list[float] = []

        def on_train_begin(self, logs: dict | None = None) -> None:
            self._reset()  # the same callback can serve several fits

        def on_epoch_end(self, epoch: int, logs: dict | None = None) -> None:
            logs = logs if logs is not None else {}
            if self.monitor not in logs:
                available = ", ".join(sorted(logs)) or "nothing"
                raise ValueError(
                    f"GeneralizationLoss monitors {self.monitor!r}, but the epoch's "
                    f"logs have only {available}; pass validation_data to fit(), or "
                    f"choose another monitor."
                )
            value = float(logs[self.monitor])
            if not math.isfinite(value):
                gl = math.inf
            else:
                if value <= 0:
                    raise ValueError(
                        f"GeneralizationLoss needs a positive error, but {self.monitor} "
                        f"= {value} after epoch {epoch + 1}."
                    )
                if value < self.best:
                    self.best = value
                    self.best_epoch = epoch + 1
                    if self.restore_best_weights:
                        self.best_weights = self.model.get_weights()
                gl = 100.0 * (value / self.best - 1.0)
            self.gl_history.append(gl)
            logs["generalization_loss"] = gl
            if gl > self.alpha:
                self.stopped_epoch = epoch + 1
                self.model.stop_training = True

        def on_train_end(self, logs: dict | None = None) -> None:
            if self.restore_best_weights and self.best_weights is not None:
                self.model.set_weights(self.best_weights)

    GeneralizationLoss.__module__ = __name__
    GeneralizationLoss.__qualname__ = "GeneralizationLoss"
    return GeneralizationLoss


def __getattr__(name: str) -> Any:
    # The Keras callback is defined on first access, so that `import regutils.callbacks`
    # (and the doctest run over regutils/) never imports TensorFlow. (No module __dir__ lists
    # it: pytest's collection calls getattr on every name dir() gives.)
    if name == "GeneralizationLoss":
        cls = _define_generalization_loss()
        globals()[name] = cls  # later look-ups skip this function
        return cls
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
