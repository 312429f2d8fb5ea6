"""Keras plumbing for the neural-network lessons: build a small MLP, train it quietly, run a grid.

The regularization itself stays visible: a lesson writes ``build_mlp(13, (128, 64), l2=0.01)`` or
``dropout=0.5`` and can print ``model.summary()``; these helpers only hide the repetitive parts
(layer bookkeeping, ``compile``/``fit`` with ``verbose=0``, turning the history into a table,
looping over configurations).

TensorFlow is imported inside the functions, never when this module is imported, so
``import regutils`` stays fast. Call ``regutils.setup_notebook(keras=True)`` first: it pins
TensorFlow's threads (results change in the last digits with the thread count) and seeds it.
The Examples below that need TensorFlow are skipped by the doctest run (importing it takes
seconds); ``tests/test_training.py`` runs the same calls.

- :func:`build_mlp` — a ``keras.Sequential`` multi-layer perceptron with optional L1/L2 weight
  penalties, dropout and batch normalization.
- :func:`train` — compile (if needed) and fit quietly; the history as a DataFrame by epoch.
- :func:`run_grid` — run one function per named configuration, one progress line each; a table.
- :func:`reset_model` — restore a compiled model's initial weights and optimizer state, to reuse
  it across cross-validation folds without paying Keras' tracing time again.
"""

from __future__ import annotations

import numbers
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from regutils.validation import (
    validate_array,
    validate_bool,
    validate_choice,
    validate_int,
    validate_mapping,
    validate_real,
    validate_same_length,
)

if TYPE_CHECKING:  # for editors and type checkers only: importing keras costs seconds
    import keras

__all__ = ["ACTIVATIONS", "BATCH_NORM_PLACEMENTS", "build_mlp", "reset_model", "run_grid", "train"]

#: Activation names :func:`build_mlp` accepts (all built into Keras).
ACTIVATIONS: tuple[str, ...] = (
    "relu",
    "elu",
    "gelu",
    "selu",
    "sigmoid",
    "softmax",
    "softplus",
    "swish",
    "tanh",
    "linear",
)

#: Where :func:`build_mlp` may put batch normalization, relative to the activation.
BATCH_NORM_PLACEMENTS: tuple[None, str, str] = (None, "before", "after")


def _check_rate(value: object, name: str) -> float:
    """A dropout rate: the fraction of units *dropped*, in [0, 1)."""
    rate = validate_real(value, name)
    if not 0.0 <= rate < 1.0:
        raise ValueError(
            f"{name} must be in [0, 1) (the fraction of units dropped; 1 would drop "
            f"everything), got {rate}."
        )
    return rate


def _check_hidden(hidden: object) -> tuple[int, ...]:
    if isinstance(hidden, np.ndarray) and hidden.ndim == 1:
        hidden = hidden.tolist()
    if isinstance(hidden, (str, bytes)) or not isinstance(hidden, Sequence):
        raise TypeError(
            "hidden must be a sequence of layer widths, e.g. (128, 64), got "
            f"{type(hidden).__name__} {hidden!r}."
        )
    if len(hidden) == 0:
        raise ValueError("hidden must name at least one hidden layer width, e.g. (64,).")
    return tuple(validate_int(units, "hidden layer width", minimum=1) for units in hidden)


def build_mlp(
    n_inputs: int,
    hidden: Sequence[int] = (64,),
    *,
    n_outputs: int = 1,
    activation: str = "relu",
    output_activation: str = "sigmoid",
    l1: float = 0.0,
    l2: float = 0.0,
    dropout: float = 0.0,
    input_dropout: float = 0.0,
    batch_norm: str | None = None,
    bn_momentum: float = 0.99,
    seed: int | None = 0,
) -> keras.Sequential:
    """A multi-layer perceptron with optional weight penalties, dropout and batch normalization.

    Layers, in order (names in brackets)::

        Input(shape=(n_inputs,))
        [Dropout(input_dropout)]                               ("input_dropout", if > 0)
        for each hidden layer k = 1, 2, ...:
            Dense(units, activation)                           ("dense_k")
              or, with batch_norm="before":
            Dense(units) -> BatchNormalization -> Activation   ("dense_k", "batch_norm_k", "activation_k")
              or, with batch_norm="after":
            Dense(units) -> Activation -> BatchNormalization   ("dense_k", "activation_k", "batch_norm_k")
            [Dropout(dropout)]                                 ("dropout_k", if > 0)
        Dense(n_outputs, output_activation)                    ("output")

    Every hidden ``Dense`` layer gets ``kernel_regularizer=keras.regularizers.L1L2(l1=l1, l2=l2)``
    if ``l1`` or ``l2`` is positive, and no regularizer otherwise; biases and the output layer
    are never penalized. The Dense layers keep their bias even before batch normalization (where
    it is redundant), so parameter counts stay comparable across placements.

    Parameters
    ----------
    n_inputs : int
        Number of input features, at least 1.
    hidden : sequence of int, default=(64,)
        Width of each hidden layer; at least one layer, each at least 1 unit.
    n_outputs : int, default=1
        Output units: 1 for binary classification (with ``"sigmoid"``) or regression (with
        ``"linear"``), the number of classes (at least 2) with ``"softmax"``.
    activation : str, default="relu"
        Activation of the hidden layers; one of :data:`ACTIVATIONS`.
    output_activation : str, default="sigmoid"
        Activation of the output layer; one of :data:`ACTIVATIONS`.
    l1, l2 : float, default=0.0
        Strengths of the L1 penalty ``l1 * sum(|w|)`` and the L2 penalty ``l2 * sum(w**2)`` on
        each hidden layer's weights (Keras adds them to the training loss). At least 0.
    dropout : float, default=0.0
        Dropout rate after each hidden layer: the fraction of units **dropped** (Keras'
        convention; the dropout paper's *p* is the fraction kept). In [0, 1).
    input_dropout : float, default=0.0
        Dropout rate on the inputs, in [0, 1).
    batch_norm : {None, "before", "after"}, default=None
        Batch normalization in every hidden layer, before or after the activation.
    bn_momentum : float, default=0.99
        ``momentum`` of every ``BatchNormalization`` layer: each training step keeps this share of
        the moving mean and variance and moves them by ``1 - bn_momentum`` towards the batch's
        statistics. In [0, 1). The default is Keras' 0.99, which suits long runs (thousands of
        steps); on a small data set the moving averages then lag far behind the network (after
        *t* steps a share ``bn_momentum**t`` of their starting values is left), so pass 0.9 or
        less (lesson 09). Used only with ``batch_norm``.
    seed : int or None, default=0
        Seeds the weight initializers (``GlorotUniform(seed=seed + k)`` for layer k) and the
        dropout layers, so the same call builds the same model. ``None`` leaves them to Keras'
        global seed (``keras.utils.set_random_seed``).

    Returns
    -------
    keras.Sequential
        Not compiled: :func:`train` compiles it.

    Raises
    ------
    TypeError, ValueError
        For a bad argument, naming it and what is allowed; checked before TensorFlow is imported.

    Examples
    --------
    >>> model = build_mlp(13, (128, 64), l2=0.01, dropout=0.5)  # doctest: +SKIP
    >>> [layer.name for layer in model.layers]  # doctest: +SKIP
    ['dense_1', 'dropout_1', 'dense_2', 'dropout_2', 'output']
    >>> model = build_mlp(64, (100, 100), batch_norm="before", bn_momentum=0.9)  # doctest: +SKIP
    >>> [layer.momentum for layer in model.layers if "batch_norm" in layer.name]  # doctest: +SKIP
    [0.9, 0.9]
    >>> build_mlp(64, batch_norm="before", bn_momentum=1.0)
    Traceback (most recent call last):
    ...
    ValueError: bn_momentum must be in [0, 1) (the share of the moving averages kept at each step; 1 would never update them), got 1.0.
    >>> build_mlp(13, dropout=1.0)
    Traceback (most recent call last):
    ...
    ValueError: dropout must be in [0, 1) (the fraction of units dropped; 1 would drop everything), got 1.0.
    """
    n_inputs = validate_int(n_inputs, "n_inputs", minimum=1)
    hidden = _check_hidden(hidden)
    n_outputs = validate_int(n_outputs, "n_outputs", minimum=1)
    activation = validate_choice(activation, "activation", ACTIVATIONS)
    output_activation = validate_choice(output_activation, "output_activation", ACTIVATIONS)
    if output_activation == "softmax" and n_outputs < 2:
        raise ValueError(
            "output_activation='softmax' needs n_outputs >= 2 (one unit per class): a softmax "
            "over one unit always outputs 1. For two classes use n_outputs=1 with 'sigmoid', or "
            "n_outputs=2 with 'softmax'."
        )
    l1 = validate_real(l1, "l1", minimum=0.0)
    l2 = validate_real(l2, "l2", minimum=0.0)
    dropout = _check_rate(dropout, "dropout")
    input_dropout = _check_rate(input_dropout, "input_dropout")
    if batch_norm not in BATCH_NORM_PLACEMENTS:
        raise ValueError(f"batch_norm must be one of None, 'before', 'after'; got {batch_norm!r}.")
    bn_momentum = validate_real(bn_momentum, "bn_momentum")
    if not 0.0 <= bn_momentum < 1.0:
        raise ValueError(
            "bn_momentum must be in [0, 1) (the share of the moving averages kept at each step; "
            f"1 would never update them), got {bn_momentum}."
        )
    if seed is not None:
        seed = validate_int(seed, "seed", minimum=0)

    import keras

    def initializer(k: int) -> keras.initializers.Initializer:
        return keras.initializers.GlorotUniform(seed=None if seed is None else seed + k)

    def dropout_seed(k: int) -> int | None:
        return None if seed is None else seed + 1000 + k

    layers: list[keras.layers.Layer] = [keras.Input(shape=(n_inputs,), name="inputs")]
    if input_dropout > 0:
        layers.append(
            keras.layers.Dropout(input_dropout, seed=dropout_seed(0), name="input_dropout")
        )
    for k, units in enumerate(hidden, start=1):
        regularizer = keras.regularizers.L1L2(l1=l1, l2=l2) if (l1 > 0 or l2 > 0) else None
        dense_activation = activation if batch_norm is None else None
        layers.append(
            keras.layers.Dense(
                units,
                activation=dense_activation,
                kernel_initializer=initializer(k),
                kernel_regularizer=regularizer,
                name=f"dense_{k}",
            )
        )
        if batch_norm == "before":
            layers.append(
                keras.layers.BatchNormalization(momentum=bn_momentum, name=f"batch_norm_{k}")
            )
            layers.append(keras.layers.Activation(activation, name=f"activation_{k}"))
        elif batch_norm == "after":
            layers.append(keras.layers.Activation(activation, name=f"activation_{k}"))
            layers.append(
                keras.layers.BatchNormalization(momentum=bn_momentum, name=f"batch_norm_{k}")
            )
        if dropout > 0:
            layers.append(keras.layers.Dropout(dropout, seed=dropout_seed(k), name=f"dropout_{k}"))
    layers.append(
        keras.layers.Dense(
            n_outputs,
            activation=output_activation,
            kernel_initializer=initializer(len(hidden) + 1),
            name="output",
        )
    )
    return keras.Sequential(layers, name="mlp")


def _check_xy(X: object, y: object, x_name: str, y_name: str) -> tuple[np.ndarray, np.ndarray]:
    features = validate_array(X, x_name, ndim=2)
    if np.any(np.abs(features) > np.finfo(np.float32).max):
        raise ValueError(
            f"{x_name} must hold numbers below {np.finfo(np.float32).max:.2g} in size: Keras "
            "computes in float32, where larger ones become inf. Standardize the features first."
        )
    features = features.astype("float32")
    target = validate_array(y, y_name, ndim=(1, 2))
    validate_same_length(**{x_name: features, y_name: target})
    return features, target


def train(
    model: keras.Model,
    X: object,
    y: object,
    *,
    validation_data: tuple[object, object] | None = None,
    epochs: int = 50,
    batch_size: int = 32,
    optimizer: object = "adam",
    learning_rate: float | None = None,
    loss: str = "binary_crossentropy",
    metrics: Sequence[str] = ("accuracy",),
    callbacks: Sequence[object] = (),
    shuffle: bool = True,
) -> pd.DataFrame:
    """Fit a Keras model quietly and return its training history as a table, one row per epoch.

    **Compiling.** If ``model`` is not compiled yet, it is compiled here with ``optimizer``
    (a name such as ``"adam"``, ``"sgd"``, ``"adamw"``, or an optimizer object), ``learning_rate``
    (if given; otherwise the optimizer's default), ``loss`` and ``metrics``. If it is already
    compiled — by you, or by an earlier call of ``train`` — it is used as it is, so a second call
    *continues* training with the same optimizer state; ``learning_rate`` must then be ``None``
    (set it on the optimizer instead), and ``optimizer``, ``loss`` and ``metrics`` are not used.

    **Randomness.** Weight initialization happens in :func:`build_mlp` (seeded there); the
    shuffling of batches and the dropout masks follow Keras' global seed. For a reproducible
    run, call ``keras.utils.set_random_seed(seed)`` before building and training.

    Parameters
    ----------
    model : keras.Model
        E.g. from :func:`build_mlp`.
    X : array-like, shape (n_samples, n_features)
        Training features (converted to float32).
    y : array-like, shape (n_samples,) or (n_samples, n_outputs)
        Training target.
    validation_data : (X_val, y_val), optional
        Scored after every epoch: the history then has ``val_`` columns.
    epochs : int, default=50
        At least 1.
    batch_size : int, default=32
        At least 1.
    optimizer : str or keras optimizer, default="adam"
        A name ``keras.optimizers.get`` knows (``"adam"``, ``"adamw"``, ``"sgd"``, ``"rmsprop"``,
        ...) or a ``keras.optimizers.Optimizer`` object.
    learning_rate : float, optional
        > 0; only when ``optimizer`` is a name and the model is not compiled yet.
    loss : str or keras loss, default="binary_crossentropy"
        A name ``keras.losses.get`` knows or a ``keras.losses`` object. It must fit ``y`` and the
        model's output layer (checked before anything is compiled or trained):
        ``"binary_crossentropy"`` needs ``y`` in [0, 1] (labels 0/1) and one output unit per
        column of ``y``; ``"sparse_categorical_crossentropy"`` needs whole-number labels
        0 … K−1 and a softmax output of K ≥ 2 units; ``"categorical_crossentropy"`` needs
        one-hot rows of K columns; regression losses (``"mse"``, ``"mae"``, ``"huber"``, ...)
        need one output unit per column of ``y``.
    metrics : sequence of str, default=("accuracy",)
        Names ``keras.metrics.get`` knows (``"accuracy"``, ``"auc"``, ``"mse"``, ...) or metric
        objects; not one string.
    callbacks : sequence of keras callbacks, default=()
        Callback objects (instances, not classes), e.g. ``[keras.callbacks.EarlyStopping(...)]``
        (a list, even for one): the history then has fewer rows than ``epochs``.
    shuffle : bool, default=True
        Shuffle the training data before each epoch.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``epoch`` (1, 2, ...), with columns ``loss`` and the metrics, then
        ``val_loss`` and ``val_`` metrics (with validation data), then anything else a callback
        logged. Both ``loss`` and ``val_loss`` include the weight penalties
        (``sum(model.losses)``), so they do not compare models with different penalties: compare
        accuracy, or the data loss computed from predictions. Prints nothing.

    Examples
    --------
    >>> history = train(build_mlp(13), X_train, y_train, epochs=5,  # doctest: +SKIP
    ...                 validation_data=(X_val, y_val))
    >>> list(history.columns)  # doctest: +SKIP
    ['loss', 'accuracy', 'val_loss', 'val_accuracy']

    Raises
    ------
    TypeError, ValueError
        For a bad argument, naming it and what is allowed. Every argument is checked before the
        model is compiled or trained, so after fixing the argument the same call works.
    """
    if not (hasattr(model, "fit") and hasattr(model, "compile")):
        raise TypeError(f"model must be a Keras model, got {type(model).__name__}.")
    X, y = _check_xy(X, y, "X", "y")
    if validation_data is not None:
        if not isinstance(validation_data, (tuple, list)) or len(validation_data) != 2:
            raise TypeError(
                "validation_data must be a pair (X_val, y_val), got "
                f"{type(validation_data).__name__}."
            )
        validation_data = _check_xy(*validation_data, "X_val", "y_val")
        if validation_data[0].shape[1] != X.shape[1]:
            raise ValueError(
                f"X_val must have the same {X.shape[1]} columns as X, got "
                f"{validation_data[0].shape[1]}."
            )
    epochs = validate_int(epochs, "epochs", minimum=1)
    batch_size = validate_int(batch_size, "batch_size", minimum=1)
    if learning_rate is not None:
        learning_rate = validate_real(learning_rate, "learning_rate")
        if learning_rate <= 0:
            raise ValueError(f"learning_rate must be > 0, got {learning_rate}.")
    if not (isinstance(loss, str) or callable(loss)):
        raise TypeError(
            "loss must be the name of a Keras loss such as 'binary_crossentropy', "
            "'sparse_categorical_crossentropy' or 'mse', or a keras.losses object; got "
            f"{type(loss).__name__} {loss!r}."
        )
    if isinstance(metrics, (str, bytes)) or not isinstance(metrics, Iterable):
        raise TypeError(
            f"metrics must be a sequence of names, e.g. ('accuracy',), got {metrics!r}."
        )
    metrics = list(metrics)
    for metric in metrics:
        if not (isinstance(metric, str) or callable(metric)):
            raise TypeError(
                "metrics must hold metric names such as 'accuracy' or keras.metrics objects, "
                f"got {type(metric).__name__} {metric!r}."
            )
    callbacks = _check_callbacks(callbacks)
    shuffle = validate_bool(shuffle, "shuffle")
    compiled = bool(getattr(model, "compiled", False))
    if compiled and learning_rate is not None:
        raise ValueError(
            "learning_rate only applies when train() compiles the model, but "
            "this model is already compiled; set the learning rate on its "
            "optimizer, or pass a freshly built model."
        )

    # Keras resolves names only when fit() starts, after compile() has marked the model
    # compiled: a typo would then stick to the model. Resolve them all first.
    import keras

    resolved_loss = _resolve_loss(keras, loss)
    if compiled:
        optimizer_object = None
        compiled_loss = getattr(model, "loss", None)
        loss_name = _loss_name(keras, compiled_loss) if compiled_loss is not None else None
    else:
        optimizer_object = _optimizer(optimizer, learning_rate)
        _check_metric_names(keras, metrics)
        loss_name = _loss_name(keras, resolved_loss)
    n_inputs, n_outputs = _width(model, "inputs"), _width(model, "outputs")
    if n_inputs is not None:
        for name, features in (
            ("X", X),
            ("X_val", None if validation_data is None else validation_data[0]),
        ):
            if features is not None and features.shape[1] != n_inputs:
                raise ValueError(
                    f"{name} has {features.shape[1]} columns, but the model takes {n_inputs} "
                    f"inputs (build_mlp(n_inputs={n_inputs}, ...)): pass data with {n_inputs} "
                    f"feature columns, or build the model with n_inputs={features.shape[1]}."
                )
    _check_targets(y, "y", loss_name, n_outputs)
    if validation_data is not None:
        _check_targets(validation_data[1], "y_val", loss_name, n_outputs)

    if not compiled:
        model.compile(optimizer=optimizer_object, loss=loss, metrics=metrics)
    batches, steps = _batches(X, y, batch_size, shuffle)
    try:
        fitted = model.fit(
            batches,
            steps_per_epoch=steps,
            epochs=epochs,
            validation_data=_validation_batches(validation_data),
            callbacks=callbacks,
            shuffle=False,
            verbose=0,
        )
    except Exception:
        if not compiled and int(getattr(model.optimizer, "iterations", 1)) == 0:
            model.compiled = False  # failed before its first step: the next call compiles afresh
        raise
    return _history_frame(fitted.history, [m for m in metrics if isinstance(m, str)])


#: Loss names (as ``keras.losses.get`` resolves them) whose targets are probabilities of one
#: or more independent yes/no outcomes, class labels, or one-hot rows; the rest of the names
#: in ``_REGRESSION_LOSSES`` need only one output unit per column of ``y``.
_BINARY_LOSSES = ("binary_crossentropy", "binary_focal_crossentropy")
_SPARSE_LOSSES = ("sparse_categorical_crossentropy",)
_ONE_HOT_LOSSES = ("categorical_crossentropy", "categorical_focal_crossentropy")
_REGRESSION_LOSSES = (
    "mean_squared_error",
    "mean_absolute_error",
    "mean_absolute_percentage_error",
    "mean_squared_logarithmic_error",
    "huber",
    "log_cosh",
)
_SOFTMAX_HINT = "build_mlp(..., n_outputs={k}, output_activation='softmax')"


def _check_callbacks(callbacks: object) -> list[object]:
    """A list of callback objects, checked without importing Keras."""
    if callbacks is None:
        return []
    if hasattr(callbacks, "set_model") and not isinstance(callbacks, type):
        raise TypeError(
            f"callbacks must be a list of callbacks; got one {type(callbacks).__name__}: "
            "write callbacks=[...] around it."
        )
    if isinstance(callbacks, (str, bytes)) or not isinstance(callbacks, Iterable):
        raise TypeError(
            "callbacks must be a list of Keras callbacks, e.g. "
            f"[keras.callbacks.EarlyStopping(patience=5)], got {type(callbacks).__name__}."
        )
    checked = list(callbacks)
    for k, callback in enumerate(checked):
        if isinstance(callback, type):
            raise TypeError(
                f"callbacks[{k}] is the class {callback.__name__}, not a callback object: "
                f"create one, e.g. {callback.__name__}(...)."
            )
        if not all(hasattr(callback, m) for m in ("set_model", "set_params", "on_epoch_end")):
            raise TypeError(
                f"callbacks[{k}] must be a Keras callback (a keras.callbacks.Callback object "
                f"such as EarlyStopping(...)), got {type(callback).__name__}."
            )
    return checked


def _resolve_loss(keras: object, loss: object) -> object:
    """``keras.losses.get(loss)``, with Keras' error turned into one sentence naming ``loss``."""
    try:
        return keras.losses.get(loss)  # type: ignore[attr-defined]
    except (ValueError, TypeError):
        raise ValueError(
            f"loss must be the name of a Keras loss such as 'binary_crossentropy', "
            f"'sparse_categorical_crossentropy', 'categorical_crossentropy' or 'mse' "
            f"(Keras does not know {loss!r}), or a keras.losses object."
        ) from None


def _loss_name(keras: object, loss: object) -> str | None:
    """The canonical name of a loss (a name, function or Loss object), or None if unknown."""
    if isinstance(loss, str):
        try:
            loss = keras.losses.get(loss)  # type: ignore[attr-defined]
        except (ValueError, TypeError):
            return None
    for candidate in (getattr(loss, "fn", None), loss):
        name = getattr(candidate, "__name__", None)
        if name in (*_BINARY_LOSSES, *_SPARSE_LOSSES, *_ONE_HOT_LOSSES, *_REGRESSION_LOSSES):
            return name
    name = getattr(loss, "name", None)
    return name if isinstance(name, str) else None


def _check_metric_names(keras: object, metrics: Sequence[object]) -> None:
    for metric in metrics:
        if not isinstance(metric, str) or metric in ("accuracy", "acc", "crossentropy", "ce"):
            continue  # Keras picks the right accuracy or crossentropy for the loss itself
        try:
            keras.metrics.get(metric)  # type: ignore[attr-defined]
        except (ValueError, TypeError):
            raise ValueError(
                f"metrics must hold names of Keras metrics such as 'accuracy', 'auc' or 'mse' "
                f"(Keras does not know {metric!r}), or keras.metrics objects."
            ) from None


def _width(model: object, which: str) -> int | None:
    """The width of a model's single input or output layer, or None if it is not known yet."""
    try:
        tensors = getattr(model, which)
        if tensors is None or len(tensors) != 1:
            return None
        shape = tuple(tensors[0].shape)
    except Exception:  # an unbuilt model has no inputs yet; then Keras checks at fit()
        return None
    if len(shape) != 2 or shape[-1] is None:
        return None
    return int(shape[-1])


def _check_targets(y: np.ndarray, name: str, loss: str | None, n_outputs: int | None) -> None:
    """Check that targets fit the loss and the output layer; ``loss`` is its canonical name."""
    columns = 1 if y.ndim == 1 else y.shape[1]
    whole = bool(np.all(np.equal(np.mod(y, 1), 0)))
    low, high = float(y.min()), float(y.max())
    if loss in _BINARY_LOSSES:
        if low < 0 or high > 1:
            if whole and low >= 0 and columns == 1:
                k = int(high) + 1
                raise ValueError(
                    f"{name} has labels {low:g} to {high:g}, but loss={loss!r} needs labels 0/1 "
                    f"(or probabilities in [0, 1]); with other labels it reports negative losses. "
                    f"Pass labels 0/1, or for {k} classes use "
                    f"loss='sparse_categorical_crossentropy' with a units={k} softmax output "
                    f"({_SOFTMAX_HINT.format(k=k)})."
                )
            raise ValueError(
                f"{name} must lie in [0, 1] (labels 0/1 or probabilities) for loss={loss!r}; "
                f"it has values from {low:g} to {high:g}."
            )
        if n_outputs is not None and columns != n_outputs:
            raise ValueError(
                f"{name} has {columns} column(s), but the model has {n_outputs} output units: "
                f"loss={loss!r} needs one output unit per column of {name} (for class labels "
                f"0 … {n_outputs - 1} use loss='sparse_categorical_crossentropy')."
            )
    elif loss in _SPARSE_LOSSES:
        if columns != 1:
            raise ValueError(
                f"{name} must hold one class label per row for loss={loss!r}, got {columns} "
                f"columns; for one-hot rows use loss='categorical_crossentropy'."
            )
        if not whole or low < 0:
            raise ValueError(
                f"{name} must hold whole-number class labels 0, 1, … for loss={loss!r}; it has "
                f"values from {low:g} to {high:g}."
            )
        if n_outputs is not None:
            k = max(int(high) + 1, 2)
            if n_outputs < 2:
                raise ValueError(
                    f"loss={loss!r} needs a softmax output with one unit per class, but the "
                    f"model has 1 output unit: use {_SOFTMAX_HINT.format(k=k)}, or for labels "
                    f"0/1 loss='binary_crossentropy' with the sigmoid output."
                )
            if high >= n_outputs:
                raise ValueError(
                    f"{name} has labels up to {high:g}, but the model has {n_outputs} output "
                    f"units (classes 0 … {n_outputs - 1}); use {_SOFTMAX_HINT.format(k=k)}."
                )
    elif loss in _ONE_HOT_LOSSES:
        if columns == 1:
            raise ValueError(
                f"{name} holds one value per row, but loss={loss!r} needs one-hot rows (one "
                f"column per class): pass keras.utils.to_categorical({name}, n_classes), or use "
                f"loss='sparse_categorical_crossentropy' with the labels."
            )
        if low < 0 or high > 1:
            raise ValueError(
                f"{name} must hold one-hot (or probability) rows in [0, 1] for loss={loss!r}; "
                f"it has values from {low:g} to {high:g}."
            )
        if n_outputs is not None and columns != n_outputs:
            raise ValueError(
                f"{name} has {columns} columns, but the model has {n_outputs} output units: "
                f"loss={loss!r} needs one column per class, as many as output units."
            )
    elif loss in _REGRESSION_LOSSES:
        if n_outputs is not None and columns != n_outputs:
            raise ValueError(
                f"{name} has {columns} column(s), but the model has {n_outputs} output units: "
                f"loss={loss!r} compares one output unit with each column of {name}."
            )


def _batches(X: np.ndarray, y: np.ndarray, batch_size: int, shuffle: bool) -> tuple[object, int]:
    """A repeating tf.data pipeline of shuffled mini-batches and the steps in one pass.

    Same batches as ``model.fit(X, y, batch_size=..., shuffle=...)`` gives (a fresh order each
    epoch, a smaller last batch), but the pipeline is built once instead of once per epoch,
    which makes short runs on small data several times faster.
    """
    import tensorflow as tf

    data = tf.data.Dataset.from_tensor_slices((X, y))
    if shuffle:
        data = data.shuffle(len(X), reshuffle_each_iteration=True)
    steps = -(-len(X) // batch_size)
    return data.batch(batch_size).repeat(), steps


def _validation_batches(validation_data: tuple[np.ndarray, np.ndarray] | None) -> object:
    """The validation set as one batch (the small data sets of the course fit in memory)."""
    if validation_data is None:
        return None
    import tensorflow as tf

    return tf.data.Dataset.from_tensor_slices(validation_data).batch(len(validation_data[0]))


def reset_model(model: keras.Model, weights: Sequence[np.ndarray]) -> None:
    """Put a compiled model back to a fresh start: ``weights`` restored, optimizer state zeroed.

    A freshly built and compiled model would start from the same place, but Keras spends about
    a second tracing each new model's training step; reusing one model per configuration across
    cross-validation folds saves that. The optimizer's step counter and moment estimates
    (Adam's momentum and velocity) are set to zero; its learning rate is kept. The random
    streams of dropout layers are not rewound (seed with ``keras.utils.set_random_seed`` for
    reproducible runs).

    Parameters
    ----------
    model : keras.Model
        A built model; compiled or not.
    weights : list of numpy arrays
        What ``model.get_weights()`` returned before training.

    Examples
    --------
    >>> model = build_mlp(13)  # doctest: +SKIP
    >>> initial = model.get_weights()  # doctest: +SKIP
    >>> for train_index, val_index in folds:  # doctest: +SKIP
    ...     reset_model(model, initial)
    ...     history = train(model, X[train_index], y[train_index], epochs=20)
    """
    if not (hasattr(model, "set_weights") and hasattr(model, "get_weights")):
        raise TypeError(f"model must be a Keras model, got {type(model).__name__}.")
    if isinstance(weights, np.ndarray) or not isinstance(weights, Sequence):
        raise TypeError(
            "weights must be the list returned by model.get_weights(), got "
            f"{type(weights).__name__}."
        )
    current = model.get_weights()
    if len(weights) != len(current) or any(
        np.shape(w) != c.shape for w, c in zip(weights, current)
    ):
        raise ValueError(
            "weights do not fit this model: pass the list model.get_weights() "
            "returned for this same model."
        )
    model.set_weights(weights)
    optimizer = getattr(model, "optimizer", None) if getattr(model, "compiled", False) else None
    if optimizer is None:
        return
    for variable in optimizer.variables:
        if not variable.path.endswith("learning_rate"):
            variable.assign(np.zeros(variable.shape, dtype=variable.dtype))


def _optimizer(optimizer: object, learning_rate: float | None) -> object:
    import keras

    if isinstance(optimizer, str):
        try:
            instance = keras.optimizers.get(optimizer)
        except ValueError:
            raise ValueError(
                f"optimizer must be the name of a Keras optimizer such as 'adam', "
                f"'adamw' or 'sgd', or an optimizer object; got {optimizer!r}."
            ) from None
        if learning_rate is not None:
            instance = type(instance)(learning_rate=learning_rate)
        return instance
    if not isinstance(optimizer, keras.optimizers.Optimizer):
        raise TypeError(
            "optimizer must be a name such as 'adam' or a keras.optimizers object, got "
            f"{type(optimizer).__name__}."
        )
    if learning_rate is not None:
        raise ValueError(
            "learning_rate only applies to an optimizer given by name; set it on "
            "the optimizer object instead."
        )
    return optimizer


def _history_frame(history: Mapping[str, list[float]], metrics: Sequence[str]) -> pd.DataFrame:
    """Keras' history dict -> DataFrame by epoch: loss, metrics, val_loss, val_ metrics, others."""
    first = ["loss", *metrics]
    order = [c for c in (*first, *(f"val_{c}" for c in first)) if c in history]
    order += sorted(c for c in history if c not in order)
    frame = pd.DataFrame({c: np.asarray(history[c], dtype=float) for c in order})
    frame.index = pd.RangeIndex(1, len(frame) + 1, name="epoch")
    return frame


def run_grid(
    configurations: Mapping[str, Mapping[str, object]],
    run: Callable[..., Mapping[str, float]],
    *,
    progress: bool = True,
) -> pd.DataFrame:
    """Call ``run(**configuration)`` for each named configuration, in order; collect the results.

    Each call returns a mapping of metric name -> number (e.g. ``{"val_accuracy": 0.84}``).
    With ``progress=True`` one line per configuration is printed as it finishes, e.g.
    ``[2/6] l2=0.01: val_accuracy 0.84`` (each metric to 3 significant digits, no timings), so
    the printed text is the same on every run and every machine.

    Parameters
    ----------
    configurations : mapping of str to mapping
        Name -> keyword arguments of ``run``, e.g. ``{"l2=0.01": {"l2": 0.01}}``.
    run : callable
        Trains and scores one configuration; returns a mapping of str to real numbers. Seed
        inside it (``keras.utils.set_random_seed``) for runs that do not depend on their order.
    progress : bool, default=True
        Print one line per configuration.

    Returns
    -------
    pandas.DataFrame
        One row per configuration (index ``configuration``, in the given order), one column per
        metric, and a last column ``seconds`` with each run's wall-clock time. The seconds differ
        between runs and machines: never print them in a claim-check cell (drop the column, or
        print them in an unchecked cell).

    Examples
    --------
    >>> table = run_grid({"a=1": {"a": 1}, "a=2": {"a": 2}}, lambda a: {"double": 2 * a})
    [1/2] a=1: double 2
    [2/2] a=2: double 4
    >>> list(table.columns), table["double"].tolist()
    (['double', 'seconds'], [2.0, 4.0])
    """
    validate_mapping(configurations, "configurations", "name -> keyword arguments")
    for name, config in configurations.items():
        if not isinstance(name, str):
            raise TypeError(f"configuration names must be strings, got {name!r}.")
        if not isinstance(config, Mapping):
            raise TypeError(
                f"configuration {name!r} must be a mapping of keyword arguments, got "
                f"{type(config).__name__}."
            )
    if not callable(run):
        raise TypeError(f"run must be callable, got {type(run).__name__}.")
    if not isinstance(progress, bool):
        raise TypeError(f"progress must be True or False, got {progress!r}.")

    rows: dict[str, dict[str, float]] = {}
    total = len(configurations)
    for i, (name, config) in enumerate(configurations.items(), start=1):
        start = time.perf_counter()
        result = run(**config)
        seconds = time.perf_counter() - start
        rows[name] = _check_result(result, name)
        rows[name]["seconds"] = seconds
        if progress:
            shown = ", ".join(
                f"{metric} {value:.3g}"
                for metric, value in rows[name].items()
                if metric != "seconds"
            )
            print(f"[{i}/{total}] {name}: {shown}", flush=True)
    frame = pd.DataFrame.from_dict(rows, orient="index")
    frame = frame[[c for c in frame.columns if c != "seconds"] + ["seconds"]]
    frame.index.name = "configuration"
    return frame


def _check_result(result: object, name: str) -> dict[str, float]:
    if not isinstance(result, Mapping) or len(result) == 0:
        raise TypeError(
            f"run must return a non-empty mapping of metric name -> number; for "
            f"configuration {name!r} it returned {type(result).__name__} {result!r}."
        )
    checked: dict[str, float] = {}
    for metric, value in result.items():
        if not isinstance(metric, str):
            raise TypeError(
                f"metric names must be strings; configuration {name!r} returned {metric!r}."
            )
        if metric == "seconds":
            raise ValueError(
                "'seconds' is the column run_grid adds itself; configuration "
                f"{name!r} returned a metric of that name: rename it."
            )
        if isinstance(value, bool) or not isinstance(value, (numbers.Real, np.floating)):
            raise TypeError(
                f"metric {metric!r} of configuration {name!r} must be a number, got "
                f"{type(value).__name__} {value!r}."
            )
        checked[metric] = float(value)
    return checked
