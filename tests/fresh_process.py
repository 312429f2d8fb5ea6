"""Run a test file's Keras tests in one fresh Python process.

``regutils.setup_notebook(keras=True)`` pins TensorFlow's threads once per process, and importing
TensorFlow into the main test process would break tests that check it is *not* imported. So a test
file marks its Keras tests ``@needs_keras`` (skipped in the main process) and has one test that
calls :func:`run_keras_tests`, which re-runs the whole file in a fresh interpreter with
``REGUTILS_KERAS_TESTS=1``, where they run and the rest is skipped.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TF_VARS = (
    "TF_CPP_MIN_LOG_LEVEL",
    "TF_NUM_INTRAOP_THREADS",
    "TF_NUM_INTEROP_THREADS",
    "KERAS_BACKEND",
)
IN_KERAS_PROCESS = os.environ.get("REGUTILS_KERAS_TESTS") == "1"
needs_keras = pytest.mark.skipif(
    not IN_KERAS_PROCESS,
    reason="runs in a fresh process (see test_keras_tests_pass_in_a_fresh_process)",
)


def run_keras_tests(test_file: str, *pytest_args: str) -> None:
    """Run ``test_file`` in a fresh process (Keras tests enabled); fail with its output if it fails."""
    if IN_KERAS_PROCESS:
        pytest.skip("this is the fresh process")
    # Unit tests use their own seeds: a REGUTILS_SEED meant for the notebooks must not reach them.
    env = {k: v for k, v in os.environ.items() if k not in (*TF_VARS, "REGUTILS_SEED")}
    env.update(REGUTILS_KERAS_TESTS="1", PYTHONHASHSEED="0")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            test_file,
            "-q",
            "-p",
            "no:cacheprovider",
            "-p",
            "no:xdist",
            "--no-header",
            "-rfEs",
            "-W",
            "error::FutureWarning",
            *pytest_args,
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-3000:]
    assert " passed" in result.stdout
