"""Unit tests of regutils.setup_notebook.

In-process tests cover seeding, environment variables, scikit-learn and Matplotlib settings and bad
arguments (and restore every global they touch). TensorFlow is only ever imported in fresh
subprocesses: the two Keras runs start together (module fixture), so the whole file pays for one
TensorFlow import in wall time.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import textwrap

import matplotlib as mpl
import numpy as np
import pytest
import sklearn
from threadpoolctl import threadpool_info, threadpool_limits

import regutils
from regutils.notebook import PLOT_STYLE, setup_notebook

TF_VARS = (
    "TF_CPP_MIN_LOG_LEVEL",
    "TF_NUM_INTRAOP_THREADS",
    "TF_NUM_INTEROP_THREADS",
    "KERAS_BACKEND",
    "TF_ENABLE_ONEDNN_OPTS",
    "ONEDNN_MAX_CPU_ISA",
)


@pytest.fixture
def restore_globals(monkeypatch):
    """Undo what setup_notebook changes: env vars, seeds, thread limits, sklearn config, rcParams."""
    for var in (*TF_VARS, "REGUTILS_SEED", "REGUTILS_THREADS"):
        monkeypatch.setenv(var, "placeholder")  # recorded as absent (or its old value) ...
        monkeypatch.delenv(var)  # ... so whatever setup_notebook sets is undone afterwards
    python_state, numpy_state = random.getstate(), np.random.get_state()
    thread_limits = threadpool_info()
    with mpl.rc_context(), sklearn.config_context():
        yield
    random.setstate(python_state)
    np.random.set_state(numpy_state)
    threadpool_limits(limits=thread_limits)


# ------------------------------------------------------------------------------ in this process


def draws():
    return random.random(), np.random.rand(3).tolist(), np.random.randint(0, 10**9)


def test_same_seed_gives_the_same_draws(restore_globals):
    setup_notebook(seed=123)
    first = draws()
    draws()  # move the generators on, so only re-seeding can repeat the first draws
    setup_notebook(seed=123)
    assert draws() == first


def test_seed_is_the_one_requested(restore_globals):
    setup_notebook(seed=7)
    python_draw, numpy_draws, _ = draws()
    assert python_draw == random.Random(7).random()
    assert numpy_draws == np.random.RandomState(7).rand(3).tolist()


def test_default_seed_is_zero_and_other_seeds_differ(restore_globals):
    setup_notebook()
    zero = draws()
    setup_notebook(seed=1)
    assert draws() != zero
    setup_notebook(seed=0)
    assert draws() == zero


@pytest.mark.parametrize("threads", [1, 3])
def test_sets_tensorflow_environment_variables(restore_globals, threads):
    os.environ["TF_NUM_INTRAOP_THREADS"] = "99"  # a stale value is replaced
    setup_notebook(threads=threads)
    assert os.environ["TF_NUM_INTRAOP_THREADS"] == str(threads)
    assert os.environ["TF_NUM_INTEROP_THREADS"] == "1"
    assert int(os.environ["TF_CPP_MIN_LOG_LEVEL"]) >= 2  # no INFO or WARNING lines from C++
    assert os.environ["KERAS_BACKEND"] == "tensorflow"


def test_limits_blas_and_openmp_threads(restore_globals):
    setup_notebook(threads=1)
    pools = threadpool_info()
    assert pools, "numpy/scikit-learn should have loaded a BLAS or OpenMP library"
    assert {pool["num_threads"] for pool in pools} == {1}


def test_sklearn_display_is_text(restore_globals):
    sklearn.set_config(display="diagram")
    setup_notebook()
    assert sklearn.get_config()["display"] == "text"


def test_applies_plot_style(restore_globals):
    mpl.rcdefaults()
    assert mpl.rcParams["axes.grid"] is False  # so the check below can fail
    setup_notebook()
    for key, value in PLOT_STYLE.items():
        actual = mpl.rcParams[key]
        if isinstance(value, tuple):
            assert tuple(actual) == value, key
        else:
            assert actual == value, key


def test_prints_nothing(restore_globals, capfd):
    setup_notebook(seed=3, threads=1)
    out, err = capfd.readouterr()
    assert (out, err) == ("", "")


def test_returns_the_seed_in_force(restore_globals):
    assert setup_notebook() == 0
    assert setup_notebook(seed=5) == 5
    assert regutils.seed_in_force() == 5


@pytest.mark.parametrize("text, seed", [("1", 1), (" 2 ", 2), ("0", 0), ("", 7)])
def test_regutils_seed_overrides_the_lesson_seed(restore_globals, text, seed):
    os.environ["REGUTILS_SEED"] = text
    assert setup_notebook(seed=7) == seed
    assert np.random.rand() == np.random.RandomState(seed).rand()


@pytest.mark.parametrize("text", ["x", "-1", "1.5", "one"])
def test_bad_regutils_seed_is_a_clear_error_before_changing_anything(restore_globals, text):
    os.environ["REGUTILS_SEED"] = text
    with pytest.raises(
        ValueError,
        match=rf"^REGUTILS_SEED must be a whole number >= 0 .* got "
        rf"'{text}'; unset it to use the lesson's seed 3\.$",
    ):
        setup_notebook(seed=3)
    assert not any(var in os.environ for var in TF_VARS)


@pytest.mark.parametrize("text, threads", [("1", 1), (" 3 ", 3), ("", 2)])
def test_regutils_threads_overrides_the_lesson_thread_count(restore_globals, text, threads):
    os.environ["REGUTILS_THREADS"] = text
    setup_notebook()
    assert os.environ["TF_NUM_INTRAOP_THREADS"] == str(threads)
    assert {pool["num_threads"] for pool in threadpool_info()} <= {threads}


@pytest.mark.parametrize("text", ["0", "x", "-1", "1.5"])
def test_bad_regutils_threads_is_a_clear_error_before_changing_anything(restore_globals, text):
    os.environ["REGUTILS_THREADS"] = text
    with pytest.raises(
        ValueError,
        match=rf"^REGUTILS_THREADS must be a whole number >= 1 .* got '{text}'; "
        rf"unset it to use the lesson's 2\.$",
    ):
        setup_notebook()
    assert not any(var in os.environ for var in TF_VARS)


def test_same_cpu_kernels_on_every_x86_machine_unless_chosen(restore_globals, monkeypatch):
    monkeypatch.setattr("platform.machine", lambda: "x86_64")
    setup_notebook()
    assert os.environ["TF_ENABLE_ONEDNN_OPTS"] == "0"
    assert os.environ["ONEDNN_MAX_CPU_ISA"] == "AVX2"
    # A learner or a test that chose other kernels keeps them.
    os.environ["TF_ENABLE_ONEDNN_OPTS"], os.environ["ONEDNN_MAX_CPU_ISA"] = "1", "SSE41"
    setup_notebook()
    assert (os.environ["TF_ENABLE_ONEDNN_OPTS"], os.environ["ONEDNN_MAX_CPU_ISA"]) == ("1", "SSE41")


def test_no_x86_instruction_set_on_other_processors(restore_globals, monkeypatch):
    monkeypatch.setattr("platform.machine", lambda: "arm64")
    setup_notebook()
    assert os.environ["TF_ENABLE_ONEDNN_OPTS"] == "0"
    assert "ONEDNN_MAX_CPU_ISA" not in os.environ


def test_exported_from_package():
    assert regutils.setup_notebook is setup_notebook


@pytest.mark.parametrize(
    "kwargs, error, message",
    [
        ({"seed": -1}, ValueError, r"^seed must be an integer >= 0, got -1\.$"),
        ({"seed": 1.5}, TypeError, r"^seed must be an integer, got float 1\.5\.$"),
        ({"seed": True}, TypeError, r"^seed must be an integer, got bool True\.$"),
        ({"seed": "0"}, TypeError, r"^seed must be an integer, got str '0'\.$"),
        ({"seed": None}, TypeError, r"^seed must be an integer, got NoneType None\.$"),
        ({"threads": 0}, ValueError, r"^threads must be an integer >= 1, got 0\.$"),
        ({"threads": -2}, ValueError, r"^threads must be an integer >= 1, got -2\.$"),
        ({"threads": 2.0}, TypeError, r"^threads must be an integer, got float 2\.0\.$"),
        ({"threads": False}, TypeError, r"^threads must be an integer, got bool False\.$"),
        ({"keras": "yes"}, TypeError, r"^keras must be True or False, got 'yes'\.$"),
        ({"keras": 1}, TypeError, r"^keras must be True or False, got 1\.$"),
        ({"keras": None}, TypeError, r"^keras must be True or False, got None\.$"),
    ],
)
def test_rejects_bad_arguments_before_changing_anything(restore_globals, kwargs, error, message):
    tensorflow_loaded = "tensorflow" in sys.modules  # another test file in this process may have
    with pytest.raises(error, match=message):
        setup_notebook(**kwargs)
    assert not any(var in os.environ for var in TF_VARS)
    assert ("tensorflow" in sys.modules) == tensorflow_loaded  # bad arguments never import it


# ------------------------------------------------------------------------------- subprocesses


def clean_env(**extra):
    """The test runner's environment without anything that setup_notebook should set itself."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in TF_VARS
        and k not in ("MPLBACKEND", "PYTHONWARNINGS", "REGUTILS_SEED", "REGUTILS_THREADS")
    }
    env["PYTHONHASHSEED"] = "0"
    return env | extra


def run_python(code, tmp_path, *args):
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code), *map(str, args)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=clean_env(),
        timeout=120,
    )


def test_import_and_plain_setup_do_not_import_tensorflow(tmp_path):
    result = run_python(
        """
        import json, sys
        heavy = ("tensorflow", "keras")
        import regutils
        after_import = [m for m in heavy if m in sys.modules]
        regutils.setup_notebook()
        after_setup = [m for m in heavy if m in sys.modules]
        print(json.dumps({"after_import": after_import, "after_setup": after_setup}))
        """,
        tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {"after_import": [], "after_setup": []}
    assert result.stderr == ""


KERAS_SCRIPT = """
import json, os, sys
import regutils

regutils.setup_notebook(seed=0, keras=True, threads=1)
import numpy as np
import tensorflow as tf
import keras

report = {
    "tf_imported": "tensorflow" in sys.modules,
    "intra": tf.config.threading.get_intra_op_parallelism_threads(),
    "inter": tf.config.threading.get_inter_op_parallelism_threads(),
    "env_intra": os.environ.get("TF_NUM_INTRAOP_THREADS"),
}
float(tf.reduce_sum(tf.ones((3, 3))))  # TensorFlow's runtime and thread pools now exist
regutils.setup_notebook(seed=0, keras=True, threads=1)  # a second call, e.g. re-running the cell
report["second_call_ok"] = True

rng = np.random.default_rng(1)
X = rng.normal(size=(64, 3)).astype("float32")
y = (X @ np.array([1.0, -2.0, 0.5]) + 0.1 * rng.normal(size=64)).astype("float32")
model = keras.Sequential([
    keras.Input((3,)),
    keras.layers.Dense(8, activation="relu"),
    keras.layers.Dropout(0.2),
    keras.layers.Dense(1),
])
model.compile(optimizer="adam", loss="mse")
model.fit(X, y, epochs=3, batch_size=16, verbose=0)
report["weights"] = [np.round(w, 6).ravel().tolist() for w in model.get_weights()]

try:
    regutils.setup_notebook(seed=0, keras=True, threads=2)  # too late to change the threads
except RuntimeError as exc:
    report["late_change"] = str(exc)
with open(sys.argv[1], "w") as f:
    json.dump(report, f)
"""


#: What an AVX-512 machine does by default (oneDNN on, its AVX-512 kernels), forced on any CPU.
AVX512_PATH = {"TF_ENABLE_ONEDNN_OPTS": "1", "ONEDNN_MAX_CPU_ISA": "AVX512_CORE"}


@pytest.fixture(scope="module")
def keras_runs(tmp_path_factory):
    """Run KERAS_SCRIPT in two fresh processes at the same time, plus (at the same time) one on the
    AVX-512 path with a plain ``import tensorflow`` beside it as a control; return outputs."""
    folder = tmp_path_factory.mktemp("keras")
    processes = []
    for i in range(2):
        report = folder / f"report{i}.json"
        process = subprocess.Popen(
            [sys.executable, "-c", KERAS_SCRIPT, str(report)],
            cwd=folder,
            env=clean_env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        processes.append((process, report))
    extra = {}
    for name, code in (
        ("avx512_setup", "import regutils; regutils.setup_notebook(keras=True)"),
        ("avx512_plain_import", "import tensorflow"),
    ):
        extra[name] = subprocess.Popen(
            [sys.executable, "-c", code],
            cwd=folder,
            env=clean_env(**AVX512_PATH),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
    runs = []
    for process, report in processes:
        try:
            stdout, stderr = process.communicate(timeout=180)
        except subprocess.TimeoutExpired:
            process.kill()
            stdout, stderr = process.communicate()
        assert process.returncode == 0, stderr
        runs.append({"stdout": stdout, "stderr": stderr, "report": json.loads(report.read_text())})
    for name, process in extra.items():
        stdout, stderr = process.communicate(timeout=180)
        assert process.returncode == 0, stderr
        runs.append({"name": name, "stdout": stdout, "stderr": stderr})
    return runs


def by_name(runs, name):
    return next(run for run in runs if run.get("name") == name)


def test_keras_setup_prints_nothing(keras_runs):
    # Without setup_notebook, importing TensorFlow writes absl/cpu_feature_guard lines to stderr.
    for run in keras_runs[:2]:
        assert run["stdout"] == ""
        assert run["stderr"] == ""


def test_keras_setup_prints_nothing_on_the_avx512_path(keras_runs):
    # The control shows what a learner on such a CPU would otherwise get, so the test can fail.
    plain = by_name(keras_runs, "avx512_plain_import")["stderr"]
    assert "oneDNN custom operations are on" in plain
    quiet = by_name(keras_runs, "avx512_setup")
    assert (quiet["stdout"], quiet["stderr"]) == ("", "")


def test_keras_setup_imports_tensorflow_and_pins_threads(keras_runs):
    report = keras_runs[0]["report"]
    assert report["tf_imported"] is True
    assert report["intra"] == 1
    assert report["inter"] == 1
    assert report["env_intra"] == "1"


def test_keras_setup_can_be_called_twice_but_not_change_threads_late(keras_runs):
    report = keras_runs[0]["report"]
    assert report["second_call_ok"] is True
    assert "late_change" in report, "changing threads after TensorFlow started must raise"
    assert "pin its threads to 2" in report["late_change"]
    assert "restart the kernel" in report["late_change"]


def test_keras_training_is_identical_across_processes(keras_runs):
    first, second = (run["report"]["weights"] for run in keras_runs[:2])
    assert [len(w) for w in first] == [3 * 8, 8, 8 * 1, 1]
    assert any(abs(v) > 1e-3 for v in first[1])  # biases moved away from their zero init
    assert first == second
