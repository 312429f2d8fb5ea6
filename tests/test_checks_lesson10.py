"""Lesson 10's exercise checks: right answers pass, known-wrong answers get their message.

Exercises 1, 2 and 5 take numbers and run in the test process, as do exercises 4 and 6 on
synthetic history tables with their model tests switched off. Exercises 3, 4 and 6 train small
Keras networks on the heart data (once per module, shared by the tests), and the re-implemented
stopping rules are compared with Keras' ``EarlyStopping`` and our ``GeneralizationLoss``: those
tests (``@pytest.mark.keras``) run in one fresh Python process started by
:func:`test_keras_tests_pass_in_a_fresh_process` (see tests/fresh_process.py for why).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from fresh_process import run_keras_tests, solution_cases

from regutils.checks import lesson10

LOSSES = np.array(lesson10.VAL_LOSSES)


def test_keras_tests_pass_in_a_fresh_process():
    run_keras_tests(__file__, *solution_cases(LESSON))


LESSON = "10"


# --------------------------------------------------------------------------- the rules


def test_rules_on_the_exercise_losses():
    assert lesson10.gl_rule(LOSSES, 5.0) == (8, 7)
    assert lesson10.patience_rule(LOSSES, 2) == (6, 4)
    assert lesson10.patience_rule(LOSSES, 3) == (12, 9)
    assert lesson10.patience_rule(LOSSES, 20) == (12, 9)  # never fires: the last epoch
    assert lesson10.patience_rule([0.5, 0.6, 0.7], 0) == (2, 1)  # patience 0: never at epoch 1
    assert lesson10.gl_rule([0.5, 0.4, 0.3], 5.0) == (3, 3)  # never fires


class _FakeModel:
    def __init__(self):
        self.stop_training = False
        self.epoch = 0

    def get_weights(self):
        return [np.array([float(self.epoch)])]

    def set_weights(self, weights):
        self.epoch = int(weights[0][0])


def _drive(callback, losses):
    """Feed a callback one validation loss per epoch, as fit does; return (stop, restored)."""
    model = _FakeModel()
    callback.set_model(model)
    callback.on_train_begin()
    for epoch, loss in enumerate(losses):
        model.epoch = epoch + 1  # "weights" = the epoch they come from, counted from 1
        callback.on_epoch_end(epoch, {"loss": 1.0, "val_loss": float(loss)})
        if model.stop_training:
            break
    callback.on_train_end()
    return epoch + 1, model.epoch


@pytest.mark.keras
@pytest.mark.parametrize("patience", [0, 1, 2, 3, 5, 20])
def test_patience_rule_is_keras_early_stopping(patience):
    import keras

    rng = np.random.default_rng(patience)
    for losses in (LOSSES, 0.5 + 0.1 * rng.random(40), np.r_[np.linspace(1, 0.4, 10), 0.4, 0.41]):
        early = keras.callbacks.EarlyStopping(
            monitor="val_loss", patience=patience, restore_best_weights=True
        )
        assert _drive(early, losses) == lesson10.patience_rule(losses, patience), list(losses)


@pytest.mark.keras
@pytest.mark.parametrize("alpha", [1.0, 2.0, 5.0, 10.0])
def test_gl_rule_is_the_keras_callback(alpha):
    from regutils.callbacks import GeneralizationLoss

    rng = np.random.default_rng(int(alpha))
    for losses in (LOSSES, 0.5 + 0.1 * rng.random(40)):
        assert _drive(GeneralizationLoss(alpha=alpha), losses) == lesson10.gl_rule(losses, alpha)


# --------------------------------------------------------------------------- exercise 1


def _gl(losses=LOSSES):
    return 100 * (losses / np.minimum.accumulate(losses) - 1)


def test_1_right(ex):
    assert ex.feedback("1", gl=_gl(), stop_epoch=8, restored_epoch=7).startswith("Correct")
    assert ex.feedback("1", gl=list(_gl()), stop_epoch=8.0, restored_epoch=np.int64(7)).startswith(
        "Correct"
    )
    column = _gl()[:, None]  # a column (or a row) of 12 numbers is read as the 12 numbers
    assert ex.feedback("1", gl=column, stop_epoch=8, restored_epoch=7).startswith("Correct")


@pytest.mark.parametrize(
    "answers, message",
    [
        ({"gl": _gl() / 100}, "multiply by 100"),
        ({"gl": 100 * LOSSES / np.minimum.accumulate(LOSSES)}, "subtract 1"),
        ({"gl": 100 * (LOSSES / LOSSES.min() - 1)}, "best value *so far*"),
        ({"gl": np.zeros(12)}, "is not GL(t)"),
        ({"gl": _gl()[:11]}, "should have 12 numbers, one per epoch, got shape (11,)"),
        ({"gl": 5.0}, "should be a list or array of 12 numbers, one per epoch, got a float"),
        ({"gl": np.r_[_gl()[:11], np.nan]}, "contains NaN"),
        ({"stop_epoch": 7}, "counts epochs from 0"),
        ({"stop_epoch": 11}, "is not the first epoch with GL > 5"),
        ({"stop_epoch": 7.5}, "should be a whole number"),
        ({"restored_epoch": 8}, "is the last epoch run"),
        ({"restored_epoch": 9}, "can only restore an epoch it has seen"),
        ({"restored_epoch": 6}, "counts epochs from 0"),
        ({"restored_epoch": 2}, "is not the best epoch up to the stop"),
    ],
)
def test_1_wrong(ex, answers, message, assert_wrong):
    full = {"gl": _gl(), "stop_epoch": 8, "restored_epoch": 7}
    full.update(answers)
    assert_wrong(ex.feedback("1", **full), "1", message)


# --------------------------------------------------------------------------- exercise 2


def test_2_right(ex):
    text = ex.feedback("2", stop_epoch=6, restored_epoch=4, keras_stopped_epoch=5)
    assert text.startswith("Correct: exercise 2."), text


@pytest.mark.parametrize(
    "answers, message",
    [
        ({"stop_epoch": 5}, "Keras' `stopped_epoch`, counted from 0"),
        ({"stop_epoch": 7}, "one epoch late"),
        ({"stop_epoch": 12}, "is not where patience 2 stops"),
        ({"restored_epoch": 6}, "the default restore_best_weights=False would keep"),
        ({"restored_epoch": 3}, "counts epochs from 0"),
        ({"restored_epoch": 9}, "is not the best epoch up to the stop"),
        ({"keras_stopped_epoch": 6}, "Keras counts epochs from 0"),
        ({"keras_stopped_epoch": 3}, "is not what EarlyStopping.stopped_epoch holds"),
    ],
)
def test_2_wrong(ex, answers, message, assert_wrong):
    full = {"stop_epoch": 6, "restored_epoch": 4, "keras_stopped_epoch": 5}
    full.update(answers)
    assert_wrong(ex.feedback("2", **full), "2", message)


def test_2_unanswered(ex):
    text = ex.feedback("2", stop_epoch=..., restored_epoch=4, keras_stopped_epoch=...)
    assert "not answered yet" in text and "`stop_epoch`, `keras_stopped_epoch`" in text


# --------------------------------------------------------------------------- exercise 3


@pytest.fixture(scope="module")
def heart_run():
    """Exercise 3's recipe, trained once: (early_stopping, model, history)."""
    import keras

    from regutils.training import build_mlp, train

    Z_train, y_train, Z_val, y_val = lesson10._heart_split()
    keras.utils.set_random_seed(0)
    model = build_mlp(Z_train.shape[1], (64, 64))
    early = keras.callbacks.EarlyStopping(
        monitor="val_loss", patience=10, restore_best_weights=True
    )
    history = train(
        model, Z_train, y_train, validation_data=(Z_val, y_val), epochs=300, callbacks=[early]
    )
    return early, model, history


@pytest.mark.keras
def test_3_keras_right(ex, heart_run):
    early, model, history = heart_run
    text = ex.feedback("3", early_stopping=early, model=model)
    assert text.startswith("Correct: exercise 3."), text
    assert len(history) < 300  # it did stop early
    # The message is a stored notebook output: no seed- or CPU-dependent epochs in it.
    assert text == (
        "Correct: exercise 3. The model holds the weights of the best epoch, not "
        "those of the last one."
    ), text


@pytest.mark.keras
@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"restore_best_weights": False}, "restore_best_weights=False (Keras' default)"),
        ({"monitor": "loss"}, "monitors the *training* loss"),
        ({"monitor": "val_accuracy"}, "monitors 'val_accuracy'"),
        ({"patience": 5}, "has patience 5; use 10"),
        ({}, "has not seen a training run yet"),
    ],
)
def test_3_keras_wrong_callback(ex, heart_run, kwargs, message, assert_wrong):
    import keras

    settings = {"monitor": "val_loss", "patience": 10, "restore_best_weights": True}
    settings.update(kwargs)
    callback = keras.callbacks.EarlyStopping(**settings)
    callback.on_train_begin()  # as fit would; still no epoch seen
    assert_wrong(ex.feedback("3", early_stopping=callback, model=heart_run[1]), "3", message)


@pytest.mark.keras
def test_3_keras_not_the_best_weights(ex, heart_run, assert_wrong):
    import keras

    from regutils.training import build_mlp

    early, model, _ = heart_run
    other = build_mlp(22, (64, 64), seed=5)  # untrained: far from the best validation loss
    assert_wrong(
        ex.feedback("3", early_stopping=early, model=other), "3", "does not hold the best weights"
    )
    assert_wrong(
        ex.feedback("3", early_stopping=early, model="model"),
        "3",
        "should be the Keras model you trained",
    )
    assert_wrong(
        ex.feedback("3", early_stopping=keras.callbacks.ModelCheckpoint("x.keras"), model=model),
        "3",
        "should be a keras.callbacks.EarlyStopping",
    )
    wrong_inputs = build_mlp(13, (8,))
    assert_wrong(
        ex.feedback("3", early_stopping=early, model=wrong_inputs), "3", "22 preprocessed columns"
    )


# --------------------------------------------------------------------------- exercise 4


def _history(losses):
    return pd.DataFrame(
        {"loss": np.linspace(1, 0.1, len(losses)), "val_loss": losses},
        index=pd.RangeIndex(1, len(losses) + 1, name="epoch"),
    )


@pytest.fixture(scope="module")
def long_history():
    """A jumpy 100-epoch validation curve where GL(5) fires before patience 10."""
    rng = np.random.default_rng(3)
    losses = (
        0.3
        + 0.4 * np.exp(-np.arange(100) / 8)
        + 0.002 * np.arange(100)
        + 0.012 * rng.standard_normal(100)
    )
    history = _history(losses)
    stop_p, _ = lesson10.patience_rule(losses, 10)
    stop_g, _ = lesson10.gl_rule(losses, 5.0)
    assert stop_g != stop_p and stop_g < 100 and stop_p < 100  # a useful test case
    return history, stop_p, stop_g


@pytest.fixture
def rules_only(monkeypatch):
    """Exercise 4's check without its model test, to feed the rules synthetic histories."""
    monkeypatch.setattr(lesson10, "_expect_trained_on", lambda *args: None)


def test_4_right(ex, long_history, rules_only):
    history, stop_p, stop_g = long_history
    text = ex.feedback("4", history=history, model=None, stop_patience=stop_p, stop_gl=stop_g)
    assert text.startswith("Correct: exercise 4."), text


def test_4_message_does_not_depend_on_the_run(ex, long_history, rules_only):
    """The message is a stored output: the same whichever rule fires first."""
    history, stop_p, stop_g = long_history
    first = ex.feedback("4", history=history, model=None, stop_patience=stop_p, stop_gl=stop_g)
    flat = np.r_[np.linspace(0.7, 0.4, 20), 0.4 + 0.001 * np.arange(1, 81)]  # small rises only
    stop_p2, _ = lesson10.patience_rule(flat, 10)
    stop_g2, _ = lesson10.gl_rule(flat, 5.0)
    assert stop_p2 < stop_g2  # here patience 10 fires first
    second = ex.feedback(
        "4", history=_history(flat), model=None, stop_patience=stop_p2, stop_gl=stop_g2
    )
    assert (
        first
        == second
        == ("Correct: exercise 4. Both stopping epochs read off one run, without training twice.")
    )


def test_4_wrong(ex, long_history, rules_only, assert_wrong):
    history, stop_p, stop_g = long_history
    losses = history["val_loss"].to_numpy()
    overall = int(np.argmax(100 * (losses / losses.min() - 1) > 5.0)) + 1
    assert overall != stop_g
    with_nan = history.copy()
    with_nan.iloc[40, with_nan.columns.get_loc("val_loss")] = np.nan
    cases = [
        ({"stop_patience": stop_p - 1}, "counts epochs from 0"),
        ({"stop_patience": stop_p + 1}, "one epoch late"),
        ({"stop_patience": stop_p + 5}, "is not where EarlyStopping(patience=10)"),
        ({"stop_patience": np.array([stop_p])}, "`stop_patience` should be a number"),
        ({"stop_patience": float("nan")}, "should be a finite number"),
        ({"stop_gl": stop_g - 1}, "counts epochs from 0"),
        ({"stop_gl": overall}, "best value *so far*"),
        ({"stop_gl": 100}, "is not the first epoch with GL > 5"),
        ({"stop_gl": str(stop_g)}, "`stop_gl` should be a number"),
        ({"stop_gl": None}, "`stop_gl` should be a number"),
        ({"history": history.iloc[:60]}, "has 60 epochs"),
        ({"history": history.drop(columns="val_loss")}, "with a 'val_loss' column"),
        ({"history": history["val_loss"]}, "should be the DataFrame train() returns"),
        ({"history": history.to_dict("list")}, "is a dict"),
        ({"history": with_nan}, "contains NaN or infinite values"),
        ({"history": "history"}, "should be the DataFrame train() returns"),
    ]
    for changes, message in cases:
        answers = {"history": history, "model": None, "stop_patience": stop_p, "stop_gl": stop_g}
        answers.update(changes)
        assert_wrong(ex.feedback("4", **answers), "4", message)


@pytest.fixture(scope="module")
def run_4():
    """Exercise 4's recipe, trained once: (model, history, stop_patience, stop_gl)."""
    import keras

    from regutils.training import build_mlp, train

    Z_train, y_train, Z_val, y_val = lesson10._heart_split()
    keras.utils.set_random_seed(1)
    model = build_mlp(Z_train.shape[1], (64, 64), seed=1)
    history = train(model, Z_train, y_train, validation_data=(Z_val, y_val), epochs=100)
    losses = history["val_loss"].to_numpy()
    return model, history, lesson10.patience_rule(losses, 10)[0], lesson10.gl_rule(losses, 5.0)[0]


@pytest.mark.keras
def test_4_keras_right(ex, run_4):
    model, history, stop_p, stop_g = run_4
    text = ex.feedback("4", history=history, model=model, stop_patience=stop_p, stop_gl=stop_g)
    assert (
        text
        == "Correct: exercise 4. Both stopping epochs read off one run, without training twice."
    )


@pytest.mark.keras
def test_4_keras_made_up_or_mismatched_histories(ex, run_4, long_history, assert_wrong):
    """A made-up, edited or borrowed history never passes, even with its own right epochs."""
    from regutils.training import build_mlp

    model, history, stop_p, stop_g = run_4
    made_up, made_up_p, made_up_g = long_history  # a plausible curve, with its own right answers
    edited = history.copy()
    edited.iloc[-1, edited.columns.get_loc("val_loss")] += 0.01
    cases = [
        (
            {"history": made_up, "stop_patience": made_up_p, "stop_gl": made_up_g},
            "is not the history of `model`",
        ),
        ({"history": edited}, "is not the history of `model`"),
        ({"model": build_mlp(22, (64, 64), seed=3)}, "has not been trained with validation data"),
        ({"model": build_mlp(13, (64, 64), seed=3)}, "keras.Input(shape=(22,))"),
        ({"model": "model"}, "should be a Keras model"),
        ({"model": None}, "should be a Keras model"),
    ]
    for changes, message in cases:
        answers = {"history": history, "model": model, "stop_patience": stop_p, "stop_gl": stop_g}
        answers.update(changes)
        assert_wrong(ex.feedback("4", **answers), "4", message)


@pytest.mark.keras
def test_4_keras_a_model_changed_after_training(ex, run_4, assert_wrong):
    """The history is the model's record, but the model's weights were replaced afterwards."""
    from regutils.training import build_mlp

    model, history, stop_p, stop_g = run_4
    trained = model.get_weights()
    model.set_weights(build_mlp(22, (64, 64), seed=7).get_weights())
    try:
        text = ex.feedback("4", history=history, model=model, stop_patience=stop_p, stop_gl=stop_g)
    finally:
        model.set_weights(trained)
    assert_wrong(text, "4", "was not trained on exercise 3's split, or was changed after training")


# --------------------------------------------------------------------------- exercise 5


@pytest.mark.keras
@pytest.mark.parametrize(
    "settings",
    [
        {"patience": 3, "min_delta": 0.02},
        {"patience": 2, "start_from_epoch": 6},
        {"patience": 2, "baseline": 0.45},
        {"patience": 0, "baseline": 0.3},
        {"patience": 5, "min_delta": 0.01, "start_from_epoch": 4, "baseline": 0.55},
        {"patience": 1, "start_from_epoch": 30},  # never looks at any epoch
    ],
)
def test_patience_rule_with_arguments_is_keras_early_stopping(settings):
    import keras

    rng = np.random.default_rng(len(settings))
    curves = (LOSSES, 0.5 + 0.1 * rng.random(40), np.r_[np.linspace(1, 0.4, 10), 0.4, 0.41])
    for losses in curves:
        early = keras.callbacks.EarlyStopping(
            monitor="val_loss", restore_best_weights=True, **settings
        )
        stop, restored = _drive(early, losses)
        expected = lesson10.patience_rule(losses, **settings)
        if expected[1] == 0:  # no epoch seen: nothing restored, the model keeps the last weights
            expected = (expected[0], len(losses))
        assert (stop, restored) == expected, (settings, list(losses))


def test_rules_with_arguments_on_the_exercise_losses():
    rule = lesson10.patience_rule
    assert rule(LOSSES, 3, min_delta=0.02) == (7, 4)
    assert rule(LOSSES, 2, start_from_epoch=6) == (11, 9)
    assert rule(LOSSES, 2, baseline=0.45) == (5, 4)
    assert rule(LOSSES, 2, baseline=0.5) == (6, 4)  # 0.46 is below 0.5: as without a baseline


RIGHT_5 = {
    "stop_min_delta": 7,
    "restored_min_delta": 4,
    "stop_start": 11,
    "restored_start": 9,
    "stop_baseline": 5,
    "restored_baseline": 4,
}


def test_5_right(ex, solution_answers):
    assert ex.feedback("5", **RIGHT_5).startswith("Correct: exercise 5.")
    assert solution_answers("10", "5") == RIGHT_5


@pytest.mark.parametrize(
    "answers, message",
    [
        ({"stop_min_delta": 12}, "without min_delta"),
        ({"stop_min_delta": 9}, "is not where patience 3 with min_delta=0.02 stops"),
        ({"restored_min_delta": 7}, "it never became the best"),
        ({"restored_min_delta": 3}, "counts epochs from 0"),
        ({"stop_start": 6}, "the first 6 epochs are not looked at"),
        ({"stop_start": 10}, "counts epochs from 0"),
        ({"restored_start": 4}, "inside the warm-up"),
        ({"restored_start": 7}, "is not the best epoch the callback has seen"),
        ({"stop_baseline": 6}, "ignores the baseline"),
        ({"stop_baseline": 2}, "a new best never stops training"),
        ({"restored_baseline": 5}, "restored even if it did not beat the baseline"),
        ({"stop_baseline": 5.5}, "should be a whole number"),
    ],
)
def test_5_wrong(ex, answers, message, assert_wrong):
    full = dict(RIGHT_5)
    full.update(answers)
    assert_wrong(ex.feedback("5", **full), "5", message)


# --------------------------------------------------------------------------- exercise 6


def _runs_6():
    """Three jumpy 100-epoch validation curves (seeded), as three history tables."""
    histories = []
    for seed in (11, 12, 13):
        rng = np.random.default_rng(seed)
        losses = (
            0.35
            + 0.3 * np.exp(-np.arange(100) / 10)
            + 0.0015 * np.arange(100)
            + 0.015 * rng.standard_normal(100)
        )
        histories.append(_history(losses))
    return histories


def _answers_6(histories, models=None):
    """Exercise 6's right answers for these histories (``models``: three stand-ins by default)."""
    extra, gain = [], []
    for history in histories:
        losses = history["val_loss"].to_numpy()
        (stop5, best5), (stop20, best20) = (lesson10.patience_rule(losses, p) for p in (5, 20))
        extra.append(stop20 - stop5)
        gain.append(losses[best5 - 1] - losses[best20 - 1])
    choice = "patience 20" if np.mean(gain) >= 0.01 else "patience 5"
    return {
        "histories": histories,
        "models": [object(), object(), object()] if models is None else models,
        "extra_epochs": np.array(extra),
        "loss_gain": np.array(gain),
        "choice": choice,
    }


@pytest.fixture
def rules_only_6(monkeypatch):
    """Exercise 6's check without its model tests, to feed the rules synthetic histories."""
    monkeypatch.setattr(lesson10, "_expect_runs_6", lambda *args: None)


def test_6_right_and_the_message_does_not_depend_on_the_choice(ex, rules_only_6):
    right = _answers_6(_runs_6())
    first = ex.feedback("6", **right)
    assert first.startswith("Correct: exercise 6."), first
    # Flat curves after a fast drop: patience 20 gains nothing, the other choice is right.
    flat = [
        _history(np.r_[np.linspace(0.8, 0.4, 10), 0.4 + 0.001 * (k + 1) * np.arange(1, 91)])
        for k in range(3)
    ]
    other = _answers_6(flat)
    assert other["choice"] != right["choice"] or other["choice"] == "patience 5"
    assert ex.feedback("6", **other) == first


def test_6_wrong(ex, rules_only_6, assert_wrong):
    right = _answers_6(_runs_6())
    other_choice = "patience 5" if right["choice"] == "patience 20" else "patience 20"
    histories = right["histories"]
    last = []
    for history in histories:
        losses = history["val_loss"].to_numpy()
        stops = [lesson10.patience_rule(losses, p)[0] for p in (5, 20)]
        last.append(losses[stops[0] - 1] - losses[stops[1] - 1])
    with_inf = [h.copy() for h in histories]
    with_inf[1].iloc[30, with_inf[1].columns.get_loc("val_loss")] = np.inf
    cases = [
        ({"choice": other_choice}, "but your own numbers say"),
        ({"choice": "20"}, "`choice` should be 'patience 5' or 'patience 20'"),
        ({"extra_epochs": -right["extra_epochs"]}, "sign reversed"),
        ({"extra_epochs": right["extra_epochs"] + 1}, "is not, run by run"),
        ({"loss_gain": -right["loss_gain"]}, "sign reversed"),
        ({"loss_gain": np.array(last)}, "the *stopping* epochs"),
        ({"loss_gain": right["loss_gain"][:2]}, "should have 3 numbers"),
        ({"histories": histories[:2]}, "should have 3 items"),
        ({"histories": [histories[0]] * 3}, "the same run"),
        ({"histories": [histories[0], histories[1], histories[0].copy()]}, "the same run"),
        ({"histories": [h.iloc[:50] for h in histories]}, "`histories[0]` has 50 epochs"),
        ({"histories": [h["val_loss"] for h in histories]}, "with a 'val_loss' column"),
        ({"histories": [h.to_dict("list") for h in histories]}, "`histories[0]` is a dict"),
        ({"histories": with_inf}, "`histories[1]`'s 'val_loss' contains NaN or infinite"),
        ({"models": None}, "`models` should be a list of 3 items, got a NoneType"),
        ({"models": right["models"][:2]}, "`models` should have 3 items, it has 2"),
        ({"models": "models"}, "`models` should be a list of 3 items, got a str"),
    ]
    assert not np.allclose(last, right["loss_gain"])
    for changes, message in cases:
        answers = dict(right)
        answers.update(changes)
        assert_wrong(ex.feedback("6", **answers), "6", message)


@pytest.fixture(scope="module")
def runs_6(run_4):
    """Exercise 6's recipe for seeds 1, 2, 3 (seed 1 is exercise 4's run, reused): the answers."""
    import keras

    from regutils.training import build_mlp, train

    Z_train, y_train, Z_val, y_val = lesson10._heart_split()
    models, histories = [run_4[0]], [run_4[1]]
    for seed in (2, 3):
        keras.utils.set_random_seed(seed)
        model = build_mlp(Z_train.shape[1], (64, 64), seed=seed)
        histories.append(train(model, Z_train, y_train, validation_data=(Z_val, y_val), epochs=100))
        models.append(model)
    return _answers_6(histories, models)


@pytest.mark.keras
def test_6_keras_right(ex, runs_6):
    text = ex.feedback("6", **runs_6)
    assert text == (
        "Correct: exercise 6. Your choice follows from your own numbers: epochs paid against "
        "validation loss gained."
    ), text


@pytest.mark.keras
def test_6_keras_made_up_mismatched_or_repeated_runs(ex, runs_6, heart_run, assert_wrong):
    """Made-up, edited or borrowed tables, and untrained, wrong or repeated networks, never pass.

    Each case comes with its own right epochs and gains, so only the runs are wrong.
    """
    from regutils.training import build_mlp

    models, histories = runs_6["models"], runs_6["histories"]
    m0, m1, m2 = models
    h0, h1, h2 = histories
    edited = h1.copy()
    edited.iloc[50, edited.columns.get_loc("val_loss")] += 0.005
    cases = [
        # made-up tables with plausible curves, next to the real networks
        ({"histories": _runs_6()}, "`histories[0]` is not the history of `models[0]`"),
        ({"histories": [h0, h1, _runs_6()[2]]}, "`histories[2]` is not the history of `models[2]`"),
        # an edited table: one epoch's loss changed
        ({"histories": [h0, edited, h2]}, "`histories[1]` is not the history of `models[1]`"),
        # networks that did not make these runs
        ({"models": [m0, m1, build_mlp(22, (64, 64), seed=3)]}, "`models[2]` has not been trained"),
        (
            {"models": [build_mlp(13, (64, 64), seed=3), m1, m2]},
            "`models[0]` has the wrong inputs: start the Sequential with `keras.Input(shape=(22,))`",
        ),
        ({"models": [m0, m1, heart_run[1]]}, "`histories[2]` is not the history of `models[2]`"),
        ({"models": [m1, m0, m2]}, "`histories[0]` is the history of `models[1]`, not of"),
        ({"models": [m0, "model", m2]}, "`models[1]` should be a Keras model"),
        ({"models": m0}, "`models` should be a list of 3 items, got a Sequential"),
        # the same run more than once
        ({"models": [m0, m0, m2]}, "`models` holds the same network more than once"),
        ({"models": [m0, m0, m2], "histories": [h0, h0, h2]}, "are the same run"),
    ]
    for changes, message in cases:
        answers = _answers_6(changes.get("histories", histories), changes.get("models", models))
        assert_wrong(ex.feedback("6", **answers), "6", message)


@pytest.mark.keras
def test_6_keras_a_model_changed_after_training(ex, runs_6, assert_wrong):
    from regutils.training import build_mlp

    model = runs_6["models"][2]
    trained = model.get_weights()
    model.set_weights(build_mlp(22, (64, 64), seed=7).get_weights())
    try:
        text = ex.feedback("6", **runs_6)
    finally:
        model.set_weights(trained)
    assert_wrong(
        text,
        "6",
        "`models[2]` was not trained on exercise 3's split, or was changed after training",
    )
