"""Checks and hints for ``notebooks/10_early_stopping_exercises.ipynb``.

Exercises 1, 2 and 5 apply the stopping rules by hand to a fixed list of validation losses; the
checks recompute the answers (``regutils.callbacks.generalization_loss`` and Keras'
``EarlyStopping`` rule with ``min_delta``, ``start_from_epoch`` and ``baseline``, re-implemented
below and checked against Keras in ``tests/test_checks_lesson10.py``). Exercise 3 inspects the
learner's trained Keras model and callback on the heart data; exercises 4 and 6 recompute the rules
from the learner's own training histories, after checking that each table is the record Keras
kept on the learner's trained network (so a made-up, edited or borrowed table does not pass). Messages name the usual mistakes: epochs counted from 0,
the best value *so far* against the overall best, a missing factor 100, ``restore_best_weights=False``,
an improvement smaller than ``min_delta`` taken for a new best, and a choice its own numbers do not
support.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import numpy as np

from regutils.feedback import (
    ExerciseBook,
    Incorrect,
    expect_array,
    expect_int,
    expect_keras_inputs,
    expect_keras_model,
    expect_sequence,
)

EXERCISES = ExerciseBook(notebook="10_early_stopping_exercises.ipynb")

#: The validation losses of exercises 1 and 2, one per epoch (epoch 1 first).
VAL_LOSSES = (0.92, 0.61, 0.50, 0.46, 0.47, 0.475, 0.45, 0.50, 0.44, 0.46, 0.49, 0.52)
ALPHA, PATIENCE = 5.0, 2


def patience_rule(
    val_loss,
    patience: int,
    *,
    min_delta: float = 0.0,
    start_from_epoch: int = 0,
    baseline: float | None = None,
) -> tuple[int, int]:
    """(stopping epoch, restored epoch), counted from 1, of ``keras.callbacks.EarlyStopping``.

    With ``monitor="val_loss"`` and ``restore_best_weights=True``, as Keras 3 implements it: the
    first ``start_from_epoch`` epochs are ignored; an epoch is a new best if its loss is lower than
    the best so far by more than ``min_delta``; the wait counter restarts at a new best that is also
    below ``baseline`` (if one is given); training stops at the end of an epoch that is not a new
    best once the counter has reached ``patience`` (never at the first epoch). A rule that never
    fires "stops" at the last epoch.

    Examples
    --------
    >>> patience_rule([0.5, 0.4, 0.45, 0.41, 0.3], 2)
    (4, 2)
    >>> patience_rule([0.5, 0.4, 0.39, 0.385, 0.38], 2, min_delta=0.02)
    (4, 2)
    >>> patience_rule([0.5, 0.4, 0.39, 0.385, 0.38], 2, baseline=0.3)
    (5, 5)
    """
    best, best_epoch, wait = np.inf, 0, 0
    for epoch, value in enumerate(val_loss, start=1):
        if epoch <= start_from_epoch:  # Keras' warm-up: epoch - 1 < start_from_epoch
            continue
        if best_epoch == 0:
            best_epoch = epoch  # the first epoch seen is the best so far
        wait += 1
        if value + abs(min_delta) < best:  # lower by more than min_delta
            best, best_epoch = value, epoch
            if baseline is None or value + abs(min_delta) < baseline:
                wait = 0
            continue  # a new best never stops training
        if wait >= patience and epoch > 1:
            return epoch, best_epoch
    return len(val_loss), best_epoch


def gl_rule(val_loss, alpha: float) -> tuple[int, int]:
    """(stopping epoch, best epoch so far), counted from 1, of ``GeneralizationLoss(alpha)``.

    Examples
    --------
    >>> gl_rule([0.5, 0.4, 0.41, 0.43, 0.3], 5.0)
    (4, 2)
    """
    from regutils.callbacks import generalization_loss

    values = np.asarray(val_loss, dtype=float)
    above = generalization_loss(values) > alpha
    stop = int(np.argmax(above)) + 1 if above.any() else len(values)
    return stop, int(np.argmin(values[:stop])) + 1


def _expect_epoch(
    name: str, value: object, expected: int, mistakes: list[tuple[int, str]], otherwise: str
) -> int:
    """An epoch answer (a whole number, counted from 1); the first matching mistake names it."""
    epoch = expect_int(name, value)
    if epoch != expected:
        message = next((text for wrong, text in mistakes if epoch == wrong), otherwise)
        raise Incorrect(f"`{name}` = {epoch} {message}")
    return epoch


FROM_0 = "counts epochs from 0; count from 1."


# --------------------------------------------------------------------------- exercise 1


@EXERCISES.exercise(
    "1",
    hints=(
        "GL(t) measures how far, in percent, epoch t's loss is above the best loss *so far*: "
        "the callback cannot know the future, so E_opt(t) is a running minimum.",
        "`np.minimum.accumulate(losses)` gives the best value so far, E_opt(t), for every epoch.",
        "gl = 100 * (losses / best_so_far - 1). The stopping epoch is the first t (counted from 1) "
        "with gl > 5: `int(np.argmax(gl > 5)) + 1`.",
        "The restored epoch is the one with the lowest loss among the epochs up to the stop.",
    ),
)
def _grade_1(gl, stop_epoch, restored_epoch):
    losses = np.array(VAL_LOSSES)
    expected = 100 * (losses / np.minimum.accumulate(losses) - 1)
    values = expect_array("gl", gl, losses.shape, unit="epoch")
    if not np.allclose(values, expected, atol=0.01):
        if np.allclose(values, expected / 100, atol=1e-4):
            raise Incorrect("`gl` is a fraction; GL is in percent: multiply by 100.")
        if np.allclose(values, 100 * losses / np.minimum.accumulate(losses), atol=0.01):
            raise Incorrect(
                "`gl` is 100 × E_va / E_opt; subtract 1 before multiplying by 100 "
                "(GL is 0 at a new minimum)."
            )
        if np.allclose(values, 100 * (losses / losses.min() - 1), atol=0.01):
            raise Incorrect(
                "`gl` compares every epoch with the lowest loss of the *whole* run; "
                "GL compares with the best value *so far* (np.minimum.accumulate): "
                "during training the future is unknown."
            )
        raise Incorrect("`gl` is not GL(t) = 100 (E_va(t) / E_opt(t) - 1) for these losses.")
    stop, best = gl_rule(losses, ALPHA)
    _expect_epoch(
        "stop_epoch",
        stop_epoch,
        stop,
        [
            (
                stop - 1,
                "counts epochs from 0; count them from 1, like the history table (the first "
                "epoch is epoch 1).",
            )
        ],
        "is not the first epoch with GL > 5.",
    )
    _expect_epoch(
        "restored_epoch",
        restored_epoch,
        best,
        [
            (
                stop,
                "is the last epoch run; with restore_best_weights=True the weights of the best "
                "epoch so far are put back.",
            ),
            (
                int(np.argmin(losses)) + 1,
                f"has the lowest loss of the list, but training stopped at epoch {stop}: the "
                "callback can only restore an epoch it has seen.",
            ),
            (best - 1, FROM_0),
        ],
        "is not the best epoch up to the stop.",
    )
    return "GL fired on the jump at epoch 8, not on the small rises before it."


# --------------------------------------------------------------------------- exercise 2


@EXERCISES.exercise(
    "2",
    hints=(
        "Walk through the epochs keeping the best loss so far and a counter of epochs since it; a "
        "new minimum (strictly lower) resets the counter to 0.",
        "Training stops at the end of the epoch where the counter reaches the patience, 2. Keras' "
        "`stopped_epoch` is that epoch counted from 0.",
        "As a loop: `for epoch, loss in enumerate(losses, start=1):` add 1 to `wait`; if `loss < "
        "best`, set `best, best_epoch, wait = loss, epoch, 0`; elif `wait >= 2`, break.",
    ),
)
def _grade_2(stop_epoch, restored_epoch, keras_stopped_epoch):
    stop, best = patience_rule(VAL_LOSSES, PATIENCE)
    _expect_epoch(
        "stop_epoch",
        stop_epoch,
        stop,
        [
            (
                stop - 1,
                "is Keras' `stopped_epoch`, counted from 0; count epochs from 1 here.",
            ),
            (
                stop + 1,
                "is one epoch late: training stops at the end of the epoch where the count of "
                "epochs without improvement *reaches* the patience.",
            ),
        ],
        "is not where patience 2 stops.",
    )
    _expect_epoch(
        "restored_epoch",
        restored_epoch,
        best,
        [
            (
                stop,
                "is the last epoch run: those are the weights the default "
                "restore_best_weights=False would keep.",
            ),
            (best - 1, FROM_0),
        ],
        "is not the best epoch up to the stop.",
    )
    _expect_epoch(
        "keras_stopped_epoch",
        keras_stopped_epoch,
        stop - 1,
        [
            (
                stop,
                "is the epoch number: Keras counts epochs from 0, so its stopped_epoch is one "
                "less.",
            )
        ],
        "is not what EarlyStopping.stopped_epoch holds after this run.",
    )
    return "Patience 2 stopped at the first small rise, two epochs before GL(5) did."


# --------------------------------------------------------------------------- exercise 3


@cache
def _heart_split():
    from sklearn.model_selection import train_test_split

    from regutils.datasets import load_heart
    from regutils.preprocessing import heart_preprocessor

    X, y = load_heart()
    X_train, X_val, y_train, y_val = train_test_split(
        X, y, test_size=0.25, stratify=y, random_state=0
    )
    preprocessor = heart_preprocessor().fit(X_train)
    return (
        preprocessor.transform(X_train).astype("float32"),
        y_train.to_numpy(),
        preprocessor.transform(X_val).astype("float32"),
        y_val.to_numpy(),
    )


def _validation_loss(name: str, model: Any) -> float:
    """``model``'s binary cross-entropy on exercise 3's validation split, or :class:`Incorrect`
    naming ``name`` if the model cannot score it."""
    _, _, Z_val, y_val = _heart_split()
    try:
        return _binary_cross_entropy(model, Z_val, y_val)
    except Exception as error:
        raise Incorrect(
            f"`{name}` could not score the validation set ({type(error).__name__}); it should "
            "take the 22 preprocessed columns and give one probability per patient."
        ) from None


def _binary_cross_entropy(model, Z, y) -> float:
    p = np.clip(np.asarray(model(Z, training=False), dtype=float).ravel(), 1e-7, 1 - 1e-7)
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))


@EXERCISES.exercise(
    "3",
    hints=(
        "The callback needs three decisions: what to watch (the loss on data it does not train "
        "on), how many epochs without improvement to wait, and which weights to keep at the end.",
        "Keras' default is restore_best_weights=False: without it the model keeps the last epoch's "
        "weights.",
        '`early_stopping = keras.callbacks.EarlyStopping(monitor="val_loss", patience=10, '
        "restore_best_weights=True)`, then `train(model, Z_train, y_train, validation_data=(Z_val, "
        "y_val), epochs=300, callbacks=[early_stopping])`.",
    ),
)
def _grade_3(early_stopping, model):
    import keras

    if not isinstance(early_stopping, keras.callbacks.EarlyStopping):
        raise Incorrect(
            f"`early_stopping` should be a keras.callbacks.EarlyStopping, got a "
            f"{type(early_stopping).__name__}."
        )
    if early_stopping.monitor != "val_loss":
        if early_stopping.monitor == "loss":
            raise Incorrect(
                "`early_stopping` monitors the *training* loss, which keeps falling "
                "as the network memorizes; monitor 'val_loss'."
            )
        raise Incorrect(
            f"`early_stopping` monitors {early_stopping.monitor!r}; the exercise "
            "asks for 'val_loss' (with 76 validation patients, accuracy moves in "
            "coarse steps; the loss is smoother)."
        )
    if early_stopping.patience != 10:
        raise Incorrect(f"`early_stopping` has patience {early_stopping.patience}; use 10.")
    if early_stopping.restore_best_weights is not True:
        raise Incorrect(
            "`early_stopping` has restore_best_weights=False (Keras' default): the "
            "model keeps the weights of the last epoch, 10 epochs past the best. "
            "Pass restore_best_weights=True."
        )
    if not isinstance(model, keras.Model):
        raise Incorrect(
            f"`model` should be the Keras model you trained, got a {type(model).__name__}."
        )
    best = getattr(early_stopping, "best", None)
    if best is None or not np.isfinite(best):
        raise Incorrect(
            "`early_stopping` has not seen a training run yet: pass it to train() "
            "in `callbacks=[early_stopping]`."
        )
    val_loss = _validation_loss("model", model)
    if abs(val_loss - float(best)) > 1e-4:
        raise Incorrect(
            f"`model`'s validation loss is {val_loss:.4f}, but the best epoch's was "
            f"{float(best):.4f}: the model does not hold the best weights. Train "
            "*this* model with *this* callback, and do not train it further."
        )
    # The epochs depend on the seed and the CPU; the message must not (it is a stored output).
    return "The model holds the weights of the best epoch, not those of the last one."


# --------------------------------------------------------------------------- exercise 4


def _expect_history(name: str, history: object, epochs: int, where: str = "") -> np.ndarray:
    """The validation losses of a history table train() returned, after checking its form.

    ``where`` names the item for a history inside a list (``"a history in `histories`"``).
    """
    import pandas as pd

    what = where or f"`{name}`"
    if isinstance(history, dict):
        raise Incorrect(
            f"{what} is a dict (Keras' History.history?); pass the DataFrame train() returns, "
            "one row per epoch."
        )
    if not isinstance(history, pd.DataFrame) or "val_loss" not in history.columns:
        raise Incorrect(
            f"{what} should be the DataFrame train() returns, with a 'val_loss' column: pass "
            "validation_data=(Z_val, y_val)."
        )
    if len(history) != epochs:
        raise Incorrect(
            f"{what} has {len(history)} epochs; train for {epochs} epochs without an "
            "early-stopping callback, then apply the rules to the full run."
        )
    try:
        losses = history["val_loss"].to_numpy(dtype=float)
    except (TypeError, ValueError):
        raise Incorrect(
            f"{what}'s 'val_loss' column holds something that is not a number."
        ) from None
    if not np.all(np.isfinite(losses)):
        raise Incorrect(
            f"{what}'s 'val_loss' contains NaN or infinite values: the run diverged, or the "
            "table was edited. Train the network as the exercise shows."
        )
    return losses


def _recorded_val_loss(model: object) -> np.ndarray | None:
    """The validation losses Keras recorded on ``model`` in its last ``fit``, or None."""
    recorded = getattr(getattr(model, "history", None), "history", None)
    if not isinstance(recorded, dict) or "val_loss" not in recorded:
        return None
    try:
        return np.asarray(recorded["val_loss"], dtype=float)
    except (TypeError, ValueError):
        return None


def _same_losses(a: np.ndarray | None, b: np.ndarray) -> bool:
    """True if two validation-loss curves are the same run's (to float32 rounding)."""
    return a is not None and a.shape == b.shape and np.allclose(a, b, rtol=0, atol=1e-7)


def _expect_trained_on(name: str, model: object, losses: np.ndarray, history_name: str) -> None:
    """``model`` is the Keras model whose training run produced ``losses``, on exercise 3's split.

    Used by exercise 4 (one run) and exercise 6 (each of three runs). Keras keeps the last ``fit``'s History on the model: its validation losses must be the
    history's, and the model (trained without callbacks, so holding the last epoch's weights) must
    score the last of them on the validation set. A made-up or edited table, one from another run,
    or an untrained model all fail here.
    """
    expect_keras_model(name, model)
    try:
        expect_keras_inputs(model, 22, "the 22 preprocessed columns of the heart data")
    except Incorrect as error:
        raise Incorrect(f"`{name}` has the wrong inputs: {error}") from None
    recorded_losses = _recorded_val_loss(model)
    if recorded_losses is None:
        raise Incorrect(
            f"`{name}` has not been trained with validation data: train it with "
            "`train(model, Z_train, y_train, validation_data=(Z_val, y_val), epochs=100)`."
        )
    if not _same_losses(recorded_losses, losses):
        raise Incorrect(
            f"`{history_name}` is not the history of `{name}`'s last training run: keep the table "
            f"train() returned when it trained `{name}` (not a made-up or edited one, nor one "
            "from another network)."
        )
    val_loss = _validation_loss(name, model)
    if abs(val_loss - losses[-1]) > 1e-4:
        raise Incorrect(
            f"`{name}` was not trained on exercise 3's split, or was changed after training: "
            f"its validation loss is {val_loss:.4f}, the history's last epoch {losses[-1]:.4f}."
        )


def _grade_4_epochs(losses: np.ndarray, stop_patience: object, stop_gl: object) -> None:
    """The two stopping epochs read off ``losses`` (a checked history's validation losses)."""
    stop_p, _ = patience_rule(losses, 10)
    stop_g, _ = gl_rule(losses, ALPHA)
    _expect_epoch(
        "stop_patience",
        stop_patience,
        stop_p,
        [
            (stop_p - 1, FROM_0),
            (
                stop_p + 1,
                "is one epoch late: stop when the count of epochs without improvement "
                "*reaches* 10.",
            ),
        ],
        "is not where EarlyStopping(patience=10) would stop on this history.",
    )
    overall = 100 * (losses / losses.min() - 1) > ALPHA
    _expect_epoch(
        "stop_gl",
        stop_gl,
        stop_g,
        [
            (stop_g - 1, FROM_0),
            (
                int(np.argmax(overall)) + 1 if overall.any() else -1,
                "compares with the lowest loss of the whole run; GL uses the best value *so far*.",
            ),
        ],
        "is not the first epoch with GL > 5 on this history.",
    )


@EXERCISES.exercise(
    "4",
    hints=(
        "A run with a stopping callback is the run without it, cut short: apply each rule to the "
        "full history's validation losses and read off where it would have fired.",
        "Keep both the network and the table `train` returns: `history` has one row per epoch, "
        "epoch 1 first, and its 'val_loss' column is what the rules read. The check compares "
        "the table with the network's own record of its training run.",
        "Patience: walk through the losses with a best-so-far and a counter, as in exercise 2. GL: "
        "`generalization_loss(val_loss)` and the first epoch (from 1) where it exceeds 5.",
        'In code: `val_loss = history["val_loss"].to_numpy()`; `above = '
        "generalization_loss(val_loss) > 5`; `stop_gl = int(np.argmax(above)) + 1 if above.any() "
        "else 100`.",
    ),
)
def _grade_4(history, model, stop_patience, stop_gl):
    losses = _expect_history("history", history, 100)
    _expect_trained_on("model", model, losses, "history")
    _grade_4_epochs(losses, stop_patience, stop_gl)
    # Which rule fires first depends on the run (seed, CPU); the message must not.
    return "Both stopping epochs read off one run, without training twice."


# --------------------------------------------------------------------------- exercise 5

#: Exercise 5's three callbacks: their keyword arguments beside monitor="val_loss" and
#: restore_best_weights=True.
SETTINGS_5: dict[str, dict[str, Any]] = {
    "min_delta": {"patience": 3, "min_delta": 0.02},
    "start": {"patience": 2, "start_from_epoch": 6},
    "baseline": {"patience": 2, "baseline": 0.45},
}


@EXERCISES.exercise(
    "5",
    hints=(
        "Each argument changes one step of the patience rule: `min_delta` what counts as an "
        "improvement, `start_from_epoch` which epochs the callback looks at, `baseline` when an "
        "improvement restarts the wait.",
        "min_delta=0.02: a loss is a new best only if it is more than 0.02 below the best so far; "
        "a smaller drop is not recorded as best, so its weights are not the ones restored. "
        "start_from_epoch=6: epochs 1–6 are not looked at at all.",
        "baseline=0.45: a new best restarts the wait only if it is also below 0.45; a new best "
        "never stops training itself. Walk through the epochs as in exercise 2, with these changes.",
    ),
)
def _grade_5(
    stop_min_delta, restored_min_delta, stop_start, restored_start, stop_baseline, restored_baseline
):
    md_stop, md_best = patience_rule(VAL_LOSSES, **SETTINGS_5["min_delta"])
    plain3 = patience_rule(VAL_LOSSES, 3)
    _expect_epoch(
        "stop_min_delta",
        stop_min_delta,
        md_stop,
        [
            (
                plain3[0],
                "is where patience 3 stops without min_delta; a drop of 0.02 or less is "
                "not an improvement.",
            ),
            (md_stop - 1, FROM_0),
        ],
        "is not where patience 3 with min_delta=0.02 stops.",
    )
    lowest_seen = int(np.argmin(VAL_LOSSES[:md_stop])) + 1
    _expect_epoch(
        "restored_min_delta",
        restored_min_delta,
        md_best,
        [
            (
                lowest_seen,
                "has the lowest loss seen, but it was only 0.01 below the best so far: "
                "with min_delta=0.02 it never became the best, so its weights were not kept.",
            ),
            (md_best - 1, FROM_0),
        ],
        "is not the epoch whose weights the callback kept.",
    )
    start_stop, start_best = patience_rule(VAL_LOSSES, **SETTINGS_5["start"])
    plain2 = patience_rule(VAL_LOSSES, 2)
    _expect_epoch(
        "stop_start",
        stop_start,
        start_stop,
        [
            (
                plain2[0],
                "is where patience 2 stops without start_from_epoch; the first 6 epochs "
                "are not looked at.",
            ),
            (start_stop - 1, FROM_0),
        ],
        "is not where patience 2 with start_from_epoch=6 stops.",
    )
    _expect_epoch(
        "restored_start",
        restored_start,
        start_best,
        [
            (
                plain2[1],
                "is inside the warm-up: the callback never looked at epochs 1–6, so it "
                "cannot restore them.",
            ),
            (start_best - 1, FROM_0),
        ],
        "is not the best epoch the callback has seen.",
    )
    base_stop, base_best = patience_rule(VAL_LOSSES, **SETTINGS_5["baseline"])
    _expect_epoch(
        "stop_baseline",
        stop_baseline,
        base_stop,
        [
            (
                plain2[0],
                "ignores the baseline: no loss reached 0.45, so the wait was never "
                "restarted and the first epoch without a new best ends training.",
            ),
            (
                2,
                "is when the wait first reaches 2, but that epoch was a new best, and a new best "
                "never stops training: the rule fires at the first epoch without one.",
            ),
            (base_stop - 1, FROM_0),
        ],
        "is not where patience 2 with baseline=0.45 stops.",
    )
    _expect_epoch(
        "restored_baseline",
        restored_baseline,
        base_best,
        [
            (
                base_stop,
                "is the last epoch run; the weights of the best epoch are restored even "
                "if it did not beat the baseline.",
            ),
            (base_best - 1, FROM_0),
        ],
        "is not the best epoch up to the stop.",
    )
    return (
        "min_delta stopped early and kept an epoch that was not the lowest; start_from_epoch "
        "skipped the warm-up; the baseline cut a run that never reached it."
    )


# --------------------------------------------------------------------------- exercise 6

#: Exercise 6: the two patiences compared, and the smallest mean gain in validation loss (on 76
#: patients) the exercise counts as worth the extra epochs.
PATIENCES_6, WORTH_6 = (5, 20), 0.01


def _patience_table(histories) -> tuple[np.ndarray, np.ndarray]:
    """(extra epochs of patience 20, restored val_loss of patience 5 − of patience 20), per run."""
    extra, gain = [], []
    for history in histories:
        losses = history["val_loss"].to_numpy(dtype=float)
        (stop5, best5), (stop20, best20) = (patience_rule(losses, p) for p in PATIENCES_6)
        extra.append(stop20 - stop5)
        gain.append(losses[best5 - 1] - losses[best20 - 1])
    return np.array(extra, dtype=float), np.array(gain)


def _expect_runs_6(runs: list[Any], networks: list[Any]) -> None:
    """Three distinct runs, each table the record of the network at the same position."""
    for k, net in enumerate(networks):
        expect_keras_model(f"models[{k}]", net)
        if any(net is other for other in networks[:k]):
            raise Incorrect(
                "`models` holds the same network more than once: train one network per seed "
                "(SEED, SEED + 1, SEED + 2) and keep each one."
            )
    losses = [history["val_loss"].to_numpy(dtype=float) for history in runs]
    recorded = [_recorded_val_loss(net) for net in networks]
    for k in range(3):
        if _same_losses(recorded[k], losses[k]):
            continue
        other = next((j for j in range(3) if j != k and _same_losses(recorded[j], losses[k])), None)
        if other is not None:
            raise Incorrect(
                f"`histories[{k}]` is the history of `models[{other}]`, not of `models[{k}]`: keep "
                "each seed's table and network at the same position in the two lists."
            )
    for k in range(3):
        _expect_trained_on(f"models[{k}]", networks[k], losses[k], f"histories[{k}]")


@EXERCISES.exercise(
    "6",
    hints=(
        "A larger patience can only find a lower validation loss (it sees every epoch the smaller "
        "one saw, and more); the question is whether the gain is larger than the noise, and what "
        "it costs in epochs. Compare the two patiences on the same runs, run by run.",
        "Train each seed's network once for 100 epochs without a callback, and keep both the "
        "network and its table, in seed order (`models.append(model)`, `histories.append(...)`): "
        "the check compares each table with its network's own record, as in exercise 4. Apply "
        "the patience rule to each `val_loss` for patience 5 and 20: the stopping epoch and the "
        "restored (best-so-far) epoch.",
        "Per run: `extra_epochs = stop_20 - stop_5` and "
        "`loss_gain = val_loss[best_5 - 1] - val_loss[best_20 - 1]` (epochs counted from 1). "
        'Then `choice = "patience 20" if loss_gain.mean() >= 0.01 else "patience 5"`.',
    ),
)
def _grade_6(histories, models, extra_epochs, loss_gain, choice):
    import pandas as pd

    runs: list[Any] = expect_sequence("histories", histories, 3)
    for k, history in enumerate(runs):
        if not isinstance(history, (pd.DataFrame, dict)):
            raise Incorrect(
                "`histories` should hold the three DataFrames train() returns, each with a "
                "'val_loss' column: pass validation_data=(Z_val, y_val)."
            )
        _expect_history("histories", history, 100, where=f"`histories[{k}]`")
    curves = [h["val_loss"].to_numpy(dtype=float) for h in runs]
    if any(_same_losses(curves[j], curves[k]) for k in range(3) for j in range(k)):
        raise Incorrect(
            "two histories in `histories` are the same run: train one network per seed "
            "(SEED, SEED + 1, SEED + 2)."
        )
    networks: list[Any] = expect_sequence("models", models, 3)
    _expect_runs_6(runs, networks)
    extra, gain = _patience_table(runs)
    extra_answer = expect_array("extra_epochs", extra_epochs, (3,), unit="run")
    if not np.allclose(extra_answer, extra):
        if np.allclose(extra_answer, -extra):
            raise Incorrect("`extra_epochs` has the sign reversed: patience 20's epochs minus 5's.")
        raise Incorrect(
            "`extra_epochs` is not, run by run, the epoch where patience 20 stops minus the epoch "
            "where patience 5 stops."
        )
    gain_answer = expect_array("loss_gain", loss_gain, (3,), unit="run")
    if not np.allclose(gain_answer, gain, atol=1e-5):
        if np.allclose(gain_answer, -gain, atol=1e-5):
            raise Incorrect(
                "`loss_gain` has the sign reversed: patience 5's restored validation loss minus "
                "patience 20's (a gain is positive)."
            )
        last = []
        for history in runs:
            losses = history["val_loss"].to_numpy(dtype=float)
            stops = [patience_rule(losses, p)[0] for p in PATIENCES_6]
            last.append(losses[stops[0] - 1] - losses[stops[1] - 1])
        if np.allclose(gain_answer, last, atol=1e-5):
            raise Incorrect(
                "`loss_gain` compares the losses at the *stopping* epochs; with "
                "restore_best_weights=True each patience keeps its best epoch so far."
            )
        raise Incorrect(
            "`loss_gain` is not, run by run, patience 5's restored validation loss minus "
            "patience 20's."
        )
    allowed = [f"patience {p}" for p in PATIENCES_6]
    if not isinstance(choice, str) or choice.strip().lower() not in allowed:
        raise Incorrect(f"`choice` should be {allowed[0]!r} or {allowed[1]!r}, got {choice!r}.")
    worth = gain.mean() >= WORTH_6
    expected = allowed[1] if worth else allowed[0]
    if choice.strip().lower() != expected:
        raise Incorrect(
            f"`choice` = {choice!r}, but your own numbers say {expected}: patience 20 trained "
            f"{extra.mean():.0f} more epochs on average for a mean gain of {gain.mean():.4f} in "
            f"validation loss ({'at least' if worth else 'less than'} {WORTH_6})."
        )
    # The numbers and the choice depend on the seed and the CPU; the message must not.
    return "Your choice follows from your own numbers: epochs paid against validation loss gained."
