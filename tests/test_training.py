"""Unit tests of regutils.training: build_mlp, train, reset_model and run_grid.

Argument checks and run_grid need no TensorFlow and run in the test process. The tests that
build and train Keras models (marked ``keras``) run in one fresh Python process started by
:func:`test_keras_tests_pass_in_a_fresh_process`: importing TensorFlow into the test process
would pin its threads for every later test and break ``tests/test_notebook_setup.py``'s checks
that nothing has imported it. In that process, ``regutils.setup_notebook(keras=True)`` runs
first, as in a lesson (tests/conftest.py, tests/fresh_process.py). The models are tiny; the whole file takes about 15 s.
"""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pandas as pd
import pytest
from fresh_process import run_keras_tests

from regutils.training import build_mlp, run_grid, train


def test_keras_tests_pass_in_a_fresh_process():
    run_keras_tests(__file__)


def toy_data(n=64, n_features=5, seed=0):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, n_features)).astype("float32")
    y = (X[:, 0] + 0.5 * X[:, 1] > 0).astype("float32")
    return X, y


def layer_summary(model):
    """(class name, name) of every layer, and the configs by name."""
    return (
        [(type(layer).__name__, layer.name) for layer in model.layers],
        {layer.name: layer.get_config() for layer in model.layers},
    )


# ------------------------------------------------------------------------ build_mlp: the layers


@pytest.mark.keras
def test_default_model_is_one_relu_layer_and_a_sigmoid_output():
    model = build_mlp(13)
    layers, configs = layer_summary(model)
    assert layers == [("Dense", "dense_1"), ("Dense", "output")]
    assert model.input_shape == (None, 13)
    assert configs["dense_1"]["units"] == 64 and configs["dense_1"]["activation"] == "relu"
    assert configs["output"]["units"] == 1 and configs["output"]["activation"] == "sigmoid"
    assert all(configs[name]["kernel_regularizer"] is None for name in ("dense_1", "output"))
    assert model.losses == []
    assert model.compiled is False


@pytest.mark.keras
@pytest.mark.parametrize("l1, l2", [(0.0, 0.01), (0.001, 0.0), (0.001, 0.01)])
def test_penalties_go_on_every_hidden_kernel_and_nowhere_else(l1, l2):
    model = build_mlp(13, (128, 64), l1=l1, l2=l2)
    layers, configs = layer_summary(model)
    assert layers == [("Dense", "dense_1"), ("Dense", "dense_2"), ("Dense", "output")]
    for name in ("dense_1", "dense_2"):
        regularizer = configs[name]["kernel_regularizer"]
        assert regularizer["class_name"] == "L1L2"
        assert regularizer["config"] == pytest.approx({"l1": l1, "l2": l2})
        assert configs[name]["bias_regularizer"] is None
    assert configs["output"]["kernel_regularizer"] is None
    # One penalty term per hidden layer, equal to the formula on its kernel.
    kernels = [layer.kernel.numpy() for layer in model.layers[:2]]
    expected = [l1 * np.abs(w).sum() + l2 * np.square(w).sum() for w in kernels]
    assert [float(loss) for loss in model.losses] == pytest.approx(expected, rel=1e-5)


@pytest.mark.keras
def test_dropout_layers_follow_inputs_and_each_hidden_layer():
    model = build_mlp(20, (32, 16), dropout=0.5, input_dropout=0.2)
    layers, configs = layer_summary(model)
    assert [name for _, name in layers] == [
        "input_dropout",
        "dense_1",
        "dropout_1",
        "dense_2",
        "dropout_2",
        "output",
    ]
    assert configs["input_dropout"]["rate"] == 0.2
    assert configs["dropout_1"]["rate"] == configs["dropout_2"]["rate"] == 0.5
    assert {type(layer).__name__ for layer in model.layers if "dropout" in layer.name} == {
        "Dropout"
    }


@pytest.mark.keras
@pytest.mark.parametrize(
    "placement, order",
    [
        ("before", ["dense_1", "batch_norm_1", "activation_1", "dropout_1", "output"]),
        ("after", ["dense_1", "activation_1", "batch_norm_1", "dropout_1", "output"]),
    ],
)
def test_batch_norm_placement(placement, order):
    model = build_mlp(8, (16,), batch_norm=placement, dropout=0.3, activation="tanh")
    layers, configs = layer_summary(model)
    assert [name for _, name in layers] == order
    assert configs["dense_1"]["activation"] == "linear"  # the Activation layer applies tanh
    assert configs["activation_1"]["activation"] == "tanh"
    assert dict(layers)["BatchNormalization"] == "batch_norm_1"


@pytest.mark.keras
@pytest.mark.parametrize("placement", ["before", "after"])
def test_batch_norm_momentum_reaches_every_batch_norm_layer(placement):
    default = build_mlp(8, (16, 16), batch_norm=placement)
    assert [layer.momentum for layer in default.layers if "batch_norm" in layer.name] == [
        pytest.approx(0.99)
    ] * 2  # Keras' default, unless bn_momentum says otherwise
    model = build_mlp(8, (16, 16), batch_norm=placement, bn_momentum=0.9)
    layers = [layer for layer in model.layers if "batch_norm" in layer.name]
    assert [layer.momentum for layer in layers] == [pytest.approx(0.9)] * 2
    # One training-mode call moves the moving mean by 1 - 0.9 of the way to the batch mean.
    x = np.random.default_rng(0).normal(loc=3.0, size=(32, 16)).astype("float32")
    layers[0](x, training=True)
    np.testing.assert_allclose(np.asarray(layers[0].moving_mean), 0.1 * x.mean(axis=0), rtol=1e-5)


@pytest.mark.keras
def test_bn_momentum_zero_is_allowed_and_ignored_without_batch_norm():
    assert build_mlp(8, (16,), batch_norm="before", bn_momentum=0).layers[1].momentum == 0.0
    names = [layer.name for layer in build_mlp(8, (16,), bn_momentum=0.5).layers]
    assert names == ["dense_1", "output"]


@pytest.mark.keras
def test_softmax_output_and_seeded_initialization():
    model = build_mlp(64, (32,), n_outputs=10, output_activation="softmax", seed=3)
    assert model.output_shape == (None, 10)
    assert model.layers[-1].get_config()["activation"] == "softmax"
    seeds = [layer.get_config()["kernel_initializer"]["config"]["seed"] for layer in model.layers]
    assert seeds == [4, 5]  # seed + k for layer k: the layers differ from each other
    same = build_mlp(64, (32,), n_outputs=10, output_activation="softmax", seed=3)
    other = build_mlp(64, (32,), n_outputs=10, output_activation="softmax", seed=4)
    for a, b in zip(model.get_weights(), same.get_weights()):
        np.testing.assert_array_equal(a, b)
    assert not np.array_equal(model.get_weights()[0], other.get_weights()[0])


# ------------------------------------------------------------------------ build_mlp: bad input


@pytest.mark.parametrize(
    "kwargs, error, message",
    [
        (
            {"dropout": 1.0},
            ValueError,
            r"^dropout must be in \[0, 1\) \(the fraction of units dropped",
        ),
        ({"dropout": -0.1}, ValueError, r"^dropout must be in \[0, 1\).*got -0\.1\.$"),
        ({"input_dropout": 1.0}, ValueError, r"^input_dropout must be in \[0, 1\)"),
        ({"dropout": "0.5"}, TypeError, r"^dropout must be a real number, got str '0\.5'\.$"),
        ({"l1": -0.01}, ValueError, r"^l1 must be >= 0\.0, got -0\.01\.$"),
        ({"l2": None}, TypeError, r"^l2 must be a real number, got NoneType None\.$"),
        ({"hidden": ()}, ValueError, r"^hidden must name at least one hidden layer width"),
        (
            {"hidden": 64},
            TypeError,
            r"^hidden must be a sequence of layer widths, e.g\. \(128, 64\)",
        ),
        ({"hidden": "64"}, TypeError, r"^hidden must be a sequence of layer widths"),
        ({"hidden": (64, 0)}, ValueError, r"^hidden layer width must be an integer >= 1, got 0\.$"),
        (
            {"hidden": (64.5,)},
            TypeError,
            r"^hidden layer width must be an integer, got float 64\.5\.$",
        ),
        (
            {"batch_norm": "middle"},
            ValueError,
            r"^batch_norm must be one of None, 'before', 'after'; got 'middle'\.$",
        ),
        ({"batch_norm": True}, ValueError, r"^batch_norm must be one of None"),
        (
            {"batch_norm": "before", "bn_momentum": 1.0},
            ValueError,
            r"^bn_momentum must be in \[0, 1\) \(the share of the moving averages kept at each "
            r"step; 1 would never update them\), got 1\.0\.$",
        ),
        ({"bn_momentum": -0.1}, ValueError, r"^bn_momentum must be in \[0, 1\).*got -0\.1\.$"),
        ({"bn_momentum": 99}, ValueError, r"^bn_momentum must be in \[0, 1\).*got 99\.0\.$"),
        ({"bn_momentum": "0.9"}, TypeError, r"^bn_momentum must be a real number, got str"),
        ({"bn_momentum": True}, TypeError, r"^bn_momentum must be a real number, got bool"),
        ({"bn_momentum": float("nan")}, ValueError, r"^bn_momentum must be a finite number"),
        (
            {"activation": "ReLU"},
            ValueError,
            r"^activation must be one of 'relu', .*; got 'ReLU'\.$",
        ),
        ({"output_activation": "soft_max"}, ValueError, r"^output_activation must be one of"),
        ({"n_outputs": 0}, ValueError, r"^n_outputs must be an integer >= 1, got 0\.$"),
        ({"seed": -1}, ValueError, r"^seed must be an integer >= 0, got -1\.$"),
        (
            {"output_activation": "softmax"},
            ValueError,
            r"^output_activation='softmax' needs n_outputs >= 2 \(one unit per class\)",
        ),
    ],
)
def test_build_mlp_rejects_bad_arguments(kwargs, error, message):
    with pytest.raises(error, match=message):
        build_mlp(13, **kwargs)


@pytest.mark.parametrize("n_inputs, error", [(0, ValueError), (2.0, TypeError), (None, TypeError)])
def test_build_mlp_rejects_bad_n_inputs(n_inputs, error):
    with pytest.raises(error, match=r"^n_inputs must be an integer"):
        build_mlp(n_inputs)


def test_bad_arguments_are_caught_before_tensorflow_is_imported(tmp_path):
    code = (
        "import sys\nfrom regutils.training import build_mlp, train\n"
        "for kwargs in ({'dropout': 1.0}, {'l2': -1.0}, {'batch_norm': 'x'}, {'bn_momentum': 1}):\n"
        "    try:\n        build_mlp(4, **kwargs)\n    except ValueError:\n        pass\n"
        "try:\n    train(object(), [[1.0]], [1.0])\nexcept TypeError:\n    pass\n"
        "print('tensorflow' in sys.modules, 'keras' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == "False False\n"


# ------------------------------------------------------------------------ train


@pytest.mark.keras
def test_train_returns_the_history_by_epoch_and_prints_nothing(capfd):
    import keras

    X, y = toy_data()
    keras.utils.set_random_seed(0)
    history = train(
        build_mlp(5, (8,)),
        X[:48],
        y[:48],
        validation_data=(X[48:], y[48:]),
        epochs=3,
        batch_size=16,
    )
    assert capfd.readouterr() == ("", "")
    assert isinstance(history, pd.DataFrame)
    assert list(history.columns) == ["loss", "accuracy", "val_loss", "val_accuracy"]
    assert history.index.name == "epoch" and history.index.tolist() == [1, 2, 3]
    assert history.notna().all().all() and history.dtypes.eq(float).all()


@pytest.mark.keras
def test_train_without_validation_and_with_other_metrics():
    X, y = toy_data()
    history = train(build_mlp(5, (8,)), X, y, epochs=2, metrics=("accuracy", "auc"))
    assert list(history.columns) == ["loss", "accuracy", "auc"]
    regression = train(
        build_mlp(5, (8,), output_activation="linear"), X, X[:, 0], epochs=2, loss="mse", metrics=()
    )
    assert list(regression.columns) == ["loss"]


@pytest.mark.keras
def test_same_seed_gives_identical_histories():
    import keras

    X, y = toy_data()

    def run():
        keras.utils.set_random_seed(7)
        return train(
            build_mlp(5, (16,), dropout=0.3, seed=None),
            X[:48],
            y[:48],
            validation_data=(X[48:], y[48:]),
            epochs=4,
            batch_size=8,
        )

    first, second = run(), run()
    pd.testing.assert_frame_equal(first, second, check_exact=True)
    keras.utils.set_random_seed(8)
    third = train(
        build_mlp(5, (16,), dropout=0.3, seed=None), X[:48], y[:48], epochs=4, batch_size=8
    )
    assert not np.allclose(first["loss"], third["loss"])


@pytest.mark.keras
def test_reported_loss_is_data_loss_plus_the_penalties():
    import keras

    X, y = toy_data()
    model = build_mlp(5, (8,), l2=0.1)
    train(model, X, y, epochs=2)
    data_loss = float(keras.losses.binary_crossentropy(y, model(X, training=False)[:, 0]))
    penalty = float(sum(model.losses))
    assert penalty > 0
    evaluated = model.evaluate(X, y, batch_size=len(X), verbose=0, return_dict=True)["loss"]
    assert evaluated == pytest.approx(data_loss + penalty, rel=1e-5)


@pytest.mark.keras
def test_learning_rate_optimizer_objects_and_continued_training():
    import keras

    X, y = toy_data()
    model = build_mlp(5, (8,))
    train(model, X, y, epochs=1, learning_rate=0.05, optimizer="sgd")
    assert type(model.optimizer).__name__ == "SGD"
    assert float(model.optimizer.learning_rate) == pytest.approx(0.05)
    iterations = int(model.optimizer.iterations)
    train(model, X, y, epochs=1, batch_size=64)  # already compiled: continues, same optimizer
    assert int(model.optimizer.iterations) == iterations + 1
    with pytest.raises(ValueError, match="already compiled"):
        train(model, X, y, epochs=1, learning_rate=0.1)
    adamw = keras.optimizers.AdamW(weight_decay=0.01)
    other = build_mlp(5, (8,))
    train(other, X, y, epochs=1, optimizer=adamw)
    assert other.optimizer is adamw
    with pytest.raises(ValueError, match="only applies to an optimizer given by name"):
        train(build_mlp(5, (8,)), X, y, optimizer=keras.optimizers.Adam(), learning_rate=0.1)
    with pytest.raises(ValueError, match=r"optimizer must be the name of a Keras optimizer"):
        train(build_mlp(5, (8,)), X, y, optimizer="adamm")


@pytest.mark.keras
def test_early_stopping_callback_shortens_the_history():
    import keras

    X, y = toy_data()
    stop = keras.callbacks.EarlyStopping(monitor="loss", patience=0, min_delta=10.0)
    history = train(build_mlp(5, (8,)), X, y, epochs=20, callbacks=[stop])
    assert history.index.tolist() == [1, 2]  # epoch 1 sets the reference, epoch 2 fails it


class _FakeCallback:
    """What train() checks of a callback, without Keras."""

    def set_model(self, model):
        pass

    def set_params(self, params):
        pass

    def on_epoch_end(self, epoch, logs=None):
        pass


class _FakeModel:
    def fit(self, *args, **kwargs):
        raise AssertionError("fit must not be reached with bad arguments")

    def compile(self, *args, **kwargs):
        raise AssertionError("compile must not be reached with bad arguments")


@pytest.mark.parametrize(
    "kwargs, error, message",
    [
        ({"X": [1.0, 2.0]}, ValueError, r"^X must be 2-D, got an array of shape \(2,\)\.$"),
        ({"y": [1.0, 0.0, 1.0]}, ValueError, r"same number of rows: X has 2, y has 3"),
        ({"epochs": 0}, ValueError, r"^epochs must be an integer >= 1, got 0\.$"),
        ({"batch_size": 2.5}, TypeError, r"^batch_size must be an integer"),
        ({"learning_rate": 0.0}, ValueError, r"^learning_rate must be > 0, got 0\.0\.$"),
        ({"validation_data": [[1.0, 2.0]]}, TypeError, r"^validation_data must be a pair"),
        ({"validation_data": ([[1.0]], [1.0])}, ValueError, r"^X_val must have the same 2 columns"),
        ({"validation_data": ([[1.0, 2.0]], [1.0, 0.0])}, ValueError, r"X_val has 1, y_val has 2"),
        ({"loss": None}, TypeError, r"^loss must be the name of a Keras loss"),
        ({"metrics": "accuracy"}, TypeError, r"^metrics must be a sequence of names"),
        ({"shuffle": "yes"}, TypeError, r"^shuffle must be True or False"),
        ({"shuffle": 1}, TypeError, r"^shuffle must be True or False, got int 1\.$"),
        ({"loss": 3}, TypeError, r"^loss must be the name of a Keras loss such as"),
        ({"metrics": 5}, TypeError, r"^metrics must be a sequence of names"),
        ({"metrics": ["accuracy", 1]}, TypeError, r"^metrics must hold metric names .*got int 1"),
        (
            {"callbacks": _FakeCallback()},
            TypeError,
            r"^callbacks must be a list of callbacks; got one _FakeCallback: write "
            r"callbacks=\[\.\.\.\] around it\.$",
        ),
        (
            {"callbacks": [_FakeCallback, 3]},
            TypeError,
            r"^callbacks\[0\] is the class _FakeCallback, not a callback object: create one, "
            r"e\.g\. _FakeCallback\(\.\.\.\)\.$",
        ),
        (
            {"callbacks": [_FakeCallback(), "early"]},
            TypeError,
            r"^callbacks\[1\] must be a Keras callback \(a keras\.callbacks\.Callback object "
            r"such as EarlyStopping\(\.\.\.\)\), got str\.$",
        ),
        ({"callbacks": "early"}, TypeError, r"^callbacks must be a list of Keras callbacks"),
        ({"X": [[1.0, 2.0], [np.nan, 4.0]]}, ValueError, r"^X must contain only finite numbers"),
        ({"X": [[1.0, 2.0], [1e39, 4.0]]}, ValueError, r"^X must hold numbers below 3\.4e\+38"),
        ({"y": [1.0, np.inf]}, ValueError, r"^y must contain only finite numbers"),
        ({"validation_data": ([[1.0, 2.0]], [np.nan])}, ValueError, r"^y_val must contain only"),
    ],
)
def test_train_rejects_bad_arguments(kwargs, error, message):
    arguments = {"X": [[1.0, 2.0], [3.0, 4.0]], "y": [1.0, 0.0], **kwargs}
    X, y = arguments.pop("X"), arguments.pop("y")
    with pytest.raises(error, match=message):
        train(_FakeModel(), X, y, **arguments)


@pytest.mark.keras
def test_a_loss_typo_does_not_stick_to_the_model():
    """The issue's sequence: a typo in loss raised, then the corrected call kept failing."""
    X, y = toy_data()
    model = build_mlp(5, (8,), output_activation="linear")
    with pytest.raises(
        ValueError,
        match=r"^loss must be the name of a Keras loss such as 'binary_crossentropy', "
        r"'sparse_categorical_crossentropy', 'categorical_crossentropy' or 'mse' \(Keras does "
        r"not know 'mse_typo'\), or a keras\.losses object\.$",
    ):
        train(model, X, y, loss="mse_typo", metrics=(), epochs=1)
    assert model.compiled is False
    history = train(model, X, y, loss="mse", metrics=(), epochs=1)
    assert list(history.columns) == ["loss"] and model.loss == "mse"


@pytest.mark.keras
def test_bad_metric_optimizer_and_callbacks_leave_the_model_untouched():
    import keras

    X, y = toy_data()
    model = build_mlp(5, (8,))
    weights = model.get_weights()
    for kwargs, message in [
        ({"metrics": ("acuracy",)}, r"^metrics must hold names of Keras metrics .*'acuracy'"),
        ({"optimizer": "adamm"}, r"^optimizer must be the name of a Keras optimizer"),
        ({"callbacks": [keras.callbacks.EarlyStopping]}, r"^callbacks\[0\] is the class"),
        ({"callbacks": keras.callbacks.EarlyStopping()}, r"^callbacks must be a list of"),
    ]:
        with pytest.raises((TypeError, ValueError), match=message):
            train(model, X, y, epochs=1, **kwargs)
        assert model.compiled is False
        assert all(np.array_equal(a, b) for a, b in zip(weights, model.get_weights()))
    history = train(model, X, y, epochs=1, metrics=("accuracy",))
    assert list(history.columns) == ["loss", "accuracy"]


@pytest.mark.keras
def test_labels_that_do_not_fit_binary_crossentropy_are_refused():
    X, _ = toy_data()
    labels = np.arange(len(X)) % 5  # 0-4: binary cross-entropy would report negative losses
    model = build_mlp(5, (8,))
    with pytest.raises(
        ValueError,
        match=r"^y has labels 0 to 4, but loss='binary_crossentropy' needs labels 0/1 \(or "
        r"probabilities in \[0, 1\]\); with other labels it reports negative losses\. Pass "
        r"labels 0/1, or for 5 classes use loss='sparse_categorical_crossentropy' with a units=5 "
        r"softmax output \(build_mlp\(\.\.\., n_outputs=5, output_activation='softmax'\)\)\.$",
    ):
        train(model, X, labels, epochs=1)
    assert model.compiled is False
    with pytest.raises(ValueError, match=r"^y must lie in \[0, 1\] .* from -0\.5 to 1"):
        train(model, X, np.linspace(-0.5, 1, len(X)), epochs=1)
    five = build_mlp(5, (8,), n_outputs=5, output_activation="softmax")
    history = train(five, X, labels, epochs=1, loss="sparse_categorical_crossentropy")
    assert np.all(history["loss"] > 0)


@pytest.mark.keras
@pytest.mark.parametrize(
    "build, data, kwargs, message",
    [
        (
            {},
            "X3",
            {},
            r"^X has 3 columns, but the model takes 5 inputs \(build_mlp\(n_inputs=5, \.\.\.\)\): "
            r"pass data with 5 feature columns, or build the model with n_inputs=3\.$",
        ),
        ({}, "val3", {}, r"^X_val must have the same 5 columns as X, got 3\.$"),
        (
            {},
            "labels5",
            {"loss": "sparse_categorical_crossentropy"},
            r"^loss='sparse_categorical_crossentropy' needs a softmax output with one unit per "
            r"class, but the model has 1 output unit: use build_mlp\(\.\.\., n_outputs=5, ",
        ),
        (
            {"n_outputs": 3, "output_activation": "softmax"},
            "labels5",
            {"loss": "sparse_categorical_crossentropy"},
            r"^y has labels up to 4, but the model has 3 output units \(classes 0 … 2\)",
        ),
        (
            {"n_outputs": 3, "output_activation": "softmax"},
            "halves",
            {"loss": "sparse_categorical_crossentropy"},
            r"^y must hold whole-number class labels 0, 1, … for loss=",
        ),
        (
            {"n_outputs": 5, "output_activation": "softmax"},
            "labels5",
            {"loss": "categorical_crossentropy"},
            r"^y holds one value per row, but loss='categorical_crossentropy' needs one-hot rows "
            r"\(one column per class\): pass keras\.utils\.to_categorical\(y, n_classes\)",
        ),
        (
            {"n_outputs": 3, "output_activation": "softmax"},
            "onehot5",
            {"loss": "categorical_crossentropy"},
            r"^y has 5 columns, but the model has 3 output units",
        ),
        (
            {"output_activation": "linear"},
            "two_targets",
            {"loss": "mse", "metrics": ()},
            r"^y has 2 column\(s\), but the model has 1 output units: loss='mean_squared_error' "
            r"compares one output unit with each column of y\.$",
        ),
        (
            {"n_outputs": 5, "output_activation": "sigmoid"},
            "binary",
            {},
            r"^y has 1 column\(s\), but the model has 5 output units: "
            r"loss='binary_crossentropy' needs one output unit per column of y",
        ),
        ({}, "bad_val_labels", {}, r"^y_val has labels 0 to 4, but loss='binary_crossentropy'"),
    ],
)
def test_data_that_do_not_fit_the_model_or_loss_are_refused_before_compiling(
    build, data, kwargs, message
):
    X, y = toy_data()
    labels = np.arange(len(X)) % 5
    arguments = {
        "X3": (X[:, :3], y, None),
        "val3": (X, y, (X[:8, :3], y[:8])),
        "labels5": (X, labels, None),
        "halves": (X, labels / 2, None),
        "onehot5": (X, np.eye(5)[labels], None),
        "two_targets": (X, X[:, :2], None),
        "binary": (X, y, None),
        "bad_val_labels": (X, y, (X[:8], labels[:8])),
    }[data]
    model = build_mlp(5, (8,), **build)
    with pytest.raises(ValueError, match=message):
        train(model, arguments[0], arguments[1], validation_data=arguments[2], epochs=1, **kwargs)
    assert model.compiled is False


@pytest.mark.keras
def test_a_model_compiled_by_the_learner_is_checked_against_its_own_loss():
    import keras

    X, _ = toy_data()
    labels = np.arange(len(X)) % 3
    model = build_mlp(5, (8,), n_outputs=3, output_activation="softmax")
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
    # loss= keeps its default (binary cross-entropy) but is not used: the compiled loss is.
    assert len(train(model, X, labels, epochs=1)) == 1
    smoothed = build_mlp(5, (8,), n_outputs=3, output_activation="softmax")
    smoothed.compile(loss=keras.losses.CategoricalCrossentropy(label_smoothing=0.1))
    assert len(train(smoothed, X, keras.utils.to_categorical(labels, 3), epochs=1)) == 1
    with pytest.raises(ValueError, match=r"^y holds one value per row, but loss='categorical_"):
        train(smoothed, X, labels, epochs=1)


@pytest.mark.keras
def test_a_fit_that_fails_before_its_first_step_leaves_the_model_uncompiled():
    import keras

    class Broken(keras.callbacks.Callback):
        def on_train_begin(self, logs=None):
            raise RuntimeError("broken callback")

    X, y = toy_data()
    model = build_mlp(5, (8,))
    with pytest.raises(RuntimeError, match="broken callback"):
        train(model, X, y, epochs=1, optimizer="sgd", callbacks=[Broken()])
    assert model.compiled is False
    train(model, X, y, epochs=1, optimizer="adam")
    assert type(model.optimizer).__name__ == "Adam"  # compiled afresh with the new arguments


def test_train_rejects_what_is_not_a_model():
    with pytest.raises(TypeError, match=r"^model must be a Keras model, got str\.$"):
        train("model", [[1.0]], [1.0])


# ------------------------------------------------------------------------ reset_model


@pytest.mark.keras
def test_reset_model_gives_the_same_run_as_a_fresh_model():
    import keras

    from regutils.training import reset_model

    X, y = toy_data()

    def fresh():
        keras.utils.set_random_seed(0)
        model = build_mlp(5, (8,), l2=0.01)
        return model, train(model, X, y, epochs=3, batch_size=16, validation_data=(X, y))

    model, first = fresh()
    _, second = fresh()
    reset_model(model, build_mlp(5, (8,), l2=0.01).get_weights())
    keras.utils.set_random_seed(0)
    reused = train(model, X, y, epochs=3, batch_size=16, validation_data=(X, y))
    pd.testing.assert_frame_equal(first, second, check_exact=True)
    pd.testing.assert_frame_equal(first, reused, check_exact=True)
    assert float(model.optimizer.learning_rate) == pytest.approx(0.001)  # kept
    with pytest.raises(ValueError, match="weights do not fit this model"):
        reset_model(model, build_mlp(5, (9,)).get_weights())
    with pytest.raises(TypeError, match="weights must be the list returned by"):
        reset_model(model, np.zeros(3))


def test_reset_model_rejects_what_is_not_a_model():
    from regutils.training import reset_model

    with pytest.raises(TypeError, match=r"^model must be a Keras model, got list\.$"):
        reset_model([], [])


# ------------------------------------------------------------------------ run_grid


def test_run_grid_prints_one_stable_line_per_configuration(capsys):
    calls = []

    def run(l2, epochs=5):
        calls.append((l2, epochs))
        return {"val_accuracy": 0.8 + l2, "val_loss": 1.0 / (1.0 + l2)}

    configurations = {
        "l2=0": {"l2": 0.0},
        "l2=0.01": {"l2": 0.01},
        "l2=0.1": {"l2": 0.1, "epochs": 9},
    }
    table = run_grid(configurations, run)
    assert capsys.readouterr().out == (
        "[1/3] l2=0: val_accuracy 0.8, val_loss 1\n"
        "[2/3] l2=0.01: val_accuracy 0.81, val_loss 0.99\n"
        "[3/3] l2=0.1: val_accuracy 0.9, val_loss 0.909\n"
    )
    assert calls == [(0.0, 5), (0.01, 5), (0.1, 9)]
    assert table.index.name == "configuration"
    assert table.index.tolist() == ["l2=0", "l2=0.01", "l2=0.1"]
    assert list(table.columns) == ["val_accuracy", "val_loss", "seconds"]
    assert table["val_accuracy"].tolist() == pytest.approx([0.8, 0.81, 0.9])
    assert (table["seconds"] >= 0).all()


def test_run_grid_quiet_and_with_numpy_numbers(capsys):
    table = run_grid(
        {"a": {}}, lambda: {"score": np.float32(0.5), "n": np.int64(3)}, progress=False
    )
    assert capsys.readouterr().out == ""
    assert table.loc["a", "score"] == 0.5 and table.loc["a", "n"] == 3.0


@pytest.mark.parametrize(
    "configurations, run, error, message",
    [
        (
            [("a", {})],
            lambda: {"x": 1},
            TypeError,
            r"^configurations must be a non-empty mapping of name -> keyword arguments, got list\.$",
        ),
        (
            {},
            lambda: {"x": 1},
            ValueError,
            r"^configurations must be a non-empty mapping of name -> keyword arguments; it is empty\.$",
        ),
        ({1: {}}, lambda: {"x": 1}, TypeError, r"^configuration names must be strings, got 1\.$"),
        ({"a": 0.1}, lambda: {"x": 1}, TypeError, r"^configuration 'a' must be a mapping"),
        ({"a": {}}, "run", TypeError, r"^run must be callable, got str\.$"),
        (
            {"a": {}},
            lambda: 0.8,
            TypeError,
            r"^run must return a non-empty mapping.*configuration 'a' it returned float 0\.8\.$",
        ),
        ({"a": {}}, dict, TypeError, r"^run must return a non-empty mapping"),
        (
            {"a": {}},
            lambda: {"x": "high"},
            TypeError,
            r"^metric 'x' of configuration 'a' must be a number",
        ),
        (
            {"a": {}},
            lambda: {"x": True},
            TypeError,
            r"^metric 'x' of configuration 'a' must be a number",
        ),
        (
            {"a": {}},
            lambda: {"seconds": 1.0},
            ValueError,
            r"^'seconds' is the column run_grid adds",
        ),
    ],
)
def test_run_grid_rejects_bad_input(configurations, run, error, message):
    with pytest.raises(error, match=message):
        run_grid(configurations, run, progress=False)


def test_run_grid_progress_must_be_a_bool():
    with pytest.raises(TypeError, match=r"^progress must be True or False, got 1\.$"):
        run_grid({"a": {}}, lambda: {"x": 1.0}, progress=1)
