"""regutils.callbacks: Prechelt's generalization-loss rule, as a function and as a Keras callback.

:func:`generalization_loss` and the import of the module need no TensorFlow and run in the test
process. The callback subclasses ``keras.callbacks.Callback``, so its tests (marked
``@pytest.mark.keras``) run in one fresh Python process started by
:func:`test_keras_tests_pass_in_a_fresh_process` (see tests/fresh_process.py for why). Most of
them drive the rule with synthetic logs and a fake model (no training); one tiny real fit checks
it inside ``model.fit``.
"""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from fresh_process import TF_VARS, run_keras_tests

from regutils.callbacks import generalization_loss

ROOT = Path(__file__).resolve().parent.parent


def test_keras_tests_pass_in_a_fresh_process():
    run_keras_tests(__file__)


# ------------------------------------------------------------------------ without TensorFlow


def test_importing_the_module_does_not_import_tensorflow():
    code = (
        "import json, sys, regutils.callbacks as c\n"
        "print(json.dumps([m in sys.modules for m in ('tensorflow', 'keras')]))"
    )
    env = {k: v for k, v in os.environ.items() if k not in TF_VARS}
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [False, False]


def test_generalization_loss_is_zero_at_each_new_minimum_and_in_percent_above_it():
    errors = [0.5, 0.4, 0.42, 0.5, 0.38, 0.399]
    expected = [0.0, 0.0, 5.0, 25.0, 0.0, 5.0]
    np.testing.assert_allclose(generalization_loss(errors), expected, atol=1e-9)
    np.testing.assert_allclose(generalization_loss(np.array(errors)[::-1])[:1], [0.0])


@pytest.mark.parametrize(
    "errors, error, message",
    [
        ([0.5, 0.0, 0.3], ValueError, "errors must be positive"),
        ([0.5, -0.1], ValueError, "errors must be positive"),
        ([[0.5, 0.4]], ValueError, "errors must be 1-D"),
        ([], ValueError, "errors must not be empty"),
        ([0.5, np.nan], ValueError, "errors must contain only finite numbers"),
        ("0.5", TypeError, "errors must be array-like of numbers"),
    ],
)
def test_generalization_loss_rejects_bad_errors(errors, error, message):
    with pytest.raises(error, match=message):
        generalization_loss(errors)


def test_unknown_attribute():
    import regutils.callbacks

    with pytest.raises(AttributeError, match="has no attribute 'EarlyStopping'"):
        regutils.callbacks.EarlyStopping  # noqa: B018


# ------------------------------------------------------------------------ the callback, fake model


class FakeModel:
    """What the callback uses of a Keras model: get/set_weights and stop_training."""

    def __init__(self) -> None:
        self.weights = [np.zeros(3), np.zeros(1)]
        self.stop_training = False

    def get_weights(self) -> list[np.ndarray]:
        return [w.copy() for w in self.weights]

    def set_weights(self, weights: list[np.ndarray]) -> None:
        self.weights = [np.array(w) for w in weights]


def _drive(callback, losses, *, monitor="val_loss"):
    """Run the callback over one synthetic 'fit': the weights after epoch t are all equal to t.

    Stops like model.fit does when the callback sets stop_training. Returns the fake model and
    the logs of every epoch run.
    """
    model = FakeModel()
    callback.set_model(model)
    callback.on_train_begin()
    all_logs = []
    for epoch, loss in enumerate(losses):  # Keras passes 0-based epochs
        model.weights = [np.full(3, epoch + 1.0), np.full(1, epoch + 1.0)]
        logs = {"loss": 0.1, monitor: loss}
        callback.on_epoch_end(epoch, logs)
        all_logs.append(logs)
        if model.stop_training:
            break
    callback.on_train_end()
    return model, all_logs


@pytest.mark.keras
def test_stops_at_the_first_epoch_with_gl_above_alpha_and_restores_the_best():
    from regutils.callbacks import GeneralizationLoss

    losses = [1.0, 0.8, 0.7, 0.72, 0.74, 0.76, 0.5]  # GL: 0, 0, 0, 2.9, 5.7 (stop), ...
    stopper = GeneralizationLoss(alpha=5.0)
    model, logs = _drive(stopper, losses)
    assert stopper.stopped_epoch == 5 and len(logs) == 5
    assert stopper.best_epoch == 3 and stopper.best == 0.7
    np.testing.assert_allclose(stopper.gl_history, generalization_loss(losses[:5]), atol=1e-12)
    np.testing.assert_allclose([entry["generalization_loss"] for entry in logs], stopper.gl_history)
    assert model.stop_training
    assert [w.tolist() for w in model.weights] == [[3.0] * 3, [3.0]]  # epoch 3's weights


@pytest.mark.keras
def test_it_does_not_stop_while_gl_stays_at_or_below_alpha():
    from regutils.callbacks import GeneralizationLoss

    # 0.5 -> 0.625 is exactly 25 % above the best (exact in binary): not *more* than alpha.
    stopper = GeneralizationLoss(alpha=25.0)
    model, logs = _drive(stopper, [1.0, 0.5, 0.625, 0.55, 0.45, 0.5])
    assert stopper.stopped_epoch == 0 and len(logs) == 6 and not model.stop_training
    assert stopper.best_epoch == 5
    assert [w.tolist() for w in model.weights] == [[5.0] * 3, [5.0]]  # restored even so


@pytest.mark.keras
def test_without_restoring_the_last_weights_stay():
    from regutils.callbacks import GeneralizationLoss

    stopper = GeneralizationLoss(alpha=1.0, restore_best_weights=False)
    model, _ = _drive(stopper, [0.5, 0.4, 0.41, 0.3])
    assert stopper.stopped_epoch == 3 and stopper.best_epoch == 2
    assert stopper.best_weights is None
    assert [w.tolist() for w in model.weights] == [[3.0] * 3, [3.0]]


@pytest.mark.keras
def test_a_diverged_loss_stops_training():
    from regutils.callbacks import GeneralizationLoss

    stopper = GeneralizationLoss()
    model, _ = _drive(stopper, [0.5, 0.4, float("nan"), 0.1])
    assert stopper.stopped_epoch == 3 and stopper.gl_history[-1] == math.inf
    assert stopper.best_epoch == 2
    assert [w.tolist() for w in model.weights] == [[2.0] * 3, [2.0]]


@pytest.mark.keras
def test_another_monitor_and_reuse_across_fits():
    from regutils.callbacks import GeneralizationLoss

    stopper = GeneralizationLoss(alpha=10.0, monitor="val_mse")
    _drive(stopper, [2.0, 1.0, 1.2], monitor="val_mse")
    assert (stopper.stopped_epoch, stopper.best_epoch) == (3, 2)
    _drive(stopper, [3.0, 2.0, 1.0], monitor="val_mse")  # a second fit starts afresh
    assert (stopper.stopped_epoch, stopper.best_epoch, stopper.best) == (0, 3, 1.0)
    assert len(stopper.gl_history) == 3


@pytest.mark.keras
def test_missing_or_non_positive_monitor_is_an_error():
    from regutils.callbacks import GeneralizationLoss

    stopper = GeneralizationLoss()
    with pytest.raises(
        ValueError,
        match=r"monitors 'val_loss', but the epoch's logs have only "
        r"loss, val_los; pass validation_data to fit\(\)",
    ):
        _drive(stopper, [0.5], monitor="val_los")
    with pytest.raises(
        ValueError,
        match=r"needs a positive error, but val_loss = 0.0 after "
        r"epoch 2",
    ):
        _drive(stopper, [0.5, 0.0])


@pytest.mark.keras
@pytest.mark.parametrize(
    "kwargs, error, message",
    [
        ({"alpha": 0}, ValueError, "alpha must be > 0"),
        ({"alpha": -2.0}, ValueError, "alpha must be > 0"),
        ({"alpha": "5"}, TypeError, "alpha must be a real number"),
        ({"alpha": float("inf")}, ValueError, "alpha must be a finite number"),
        ({"monitor": ""}, TypeError, "monitor must be the name of a logged quantity"),
        ({"monitor": 3}, TypeError, "monitor must be the name of a logged quantity"),
        (
            {"monitor": "val_accuracy"},
            ValueError,
            r"^monitor must be a logged error that is lower-is-better and positive: 'val_loss' "
            r"or 'loss', any name ending in 'loss' or 'error', or a Keras error metric \(mse, "
            r"mae, .*\); 'val_accuracy' is not one \(accuracy, AUC, precision and recall are "
            r"higher-is-better\)\.$",
        ),
        (
            {"monitor": "val_precision"},
            ValueError,
            r"^monitor must be a logged error.*'val_precision' is not one",
        ),
        (
            {"monitor": "recall"},
            ValueError,
            r"^monitor must be a logged error.*'recall' is not one",
        ),
        (
            {"monitor": "val_auc"},
            ValueError,
            r"^monitor must be a logged error.*'val_auc' is not one",
        ),
        ({"restore_best_weights": "yes"}, TypeError, "restore_best_weights must be True or False"),
    ],
)
def test_bad_arguments(kwargs, error, message):
    from regutils.callbacks import GeneralizationLoss

    with pytest.raises(error, match=message):
        GeneralizationLoss(**kwargs)


@pytest.mark.keras
@pytest.mark.parametrize(
    "monitor",
    ["val_loss", "loss", "val_mse", "mae", "val_mean_squared_error", "val_log_loss", "val_error"],
)
def test_monitors_that_are_errors_are_accepted(monitor):
    from regutils.callbacks import GeneralizationLoss

    assert GeneralizationLoss(monitor=monitor).monitor == monitor


@pytest.mark.keras
def test_is_a_keras_callback_and_its_doctest_passes():
    import doctest

    import keras

    import regutils.callbacks
    from regutils.callbacks import GeneralizationLoss

    assert issubclass(GeneralizationLoss, keras.callbacks.Callback)
    assert GeneralizationLoss.__module__ == "regutils.callbacks"
    assert GeneralizationLoss.__qualname__ == "GeneralizationLoss"
    assert regutils.callbacks.GeneralizationLoss is GeneralizationLoss
    finder = doctest.DocTestFinder()
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    tests = finder.find(
        GeneralizationLoss, "GeneralizationLoss", globs={"GeneralizationLoss": GeneralizationLoss}
    )
    assert tests and tests[0].examples
    for test in tests:
        runner.run(test)
    assert runner.summarize(verbose=False).failed == 0


# ------------------------------------------------------------------------ one real fit


@pytest.mark.keras
def test_in_a_real_fit_it_stops_and_restores_the_best_weights():
    import keras

    from regutils.callbacks import GeneralizationLoss
    from regutils.training import train

    # The validation targets are the opposite of the training targets: the better the model
    # fits the training data, the worse it does on validation, so the rule must fire early.
    rng = np.random.default_rng(0)
    X = rng.normal(size=(64, 3)).astype("float32")
    y = (X[:, 0] > 0).astype("float32")
    keras.utils.set_random_seed(0)
    model = keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(1, activation="sigmoid")])
    stopper = GeneralizationLoss(alpha=5.0)
    history = train(
        model,
        X,
        y,
        validation_data=(X, 1 - y),
        epochs=50,
        batch_size=16,
        learning_rate=0.05,
        callbacks=[stopper],
    )
    assert 1 < stopper.stopped_epoch < 50
    assert len(history) == stopper.stopped_epoch
    np.testing.assert_allclose(history["generalization_loss"], stopper.gl_history, rtol=1e-6)
    assert history["generalization_loss"].iloc[-1] > 5.0
    assert (history["generalization_loss"].iloc[:-1] <= 5.0).all()
    assert stopper.best_epoch == int(history["val_loss"].idxmin())
    restored = model.evaluate(X, 1 - y, verbose=0, return_dict=True)["loss"]
    np.testing.assert_allclose(restored, history["val_loss"].min(), rtol=1e-5)
