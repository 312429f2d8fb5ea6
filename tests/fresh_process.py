"""Run a test file's Keras tests in one fresh Python process.

``regutils.setup_notebook(keras=True)`` pins TensorFlow's threads once per process, and importing
TensorFlow into the main test process would break tests that check it is *not* imported (and pin
its threads for every later test). So a test file marks its Keras tests ``@pytest.mark.keras``
(or ``pytestmark = pytest.mark.keras`` for a whole file); tests/conftest.py skips them in the test
process. The file has one test that calls :func:`run_keras_tests`, which runs the file's Keras
tests, and only those (``-m keras``), in a fresh interpreter with ``REGUTILS_KERAS_TESTS=1``:
there tests/conftest.py makes the lessons' setup call first, and every Keras test runs once.
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


def solution_cases(lesson: str) -> list[str]:
    """The cases of tests/test_checks_solutions.py for ``lesson``, as pytest node ids.

    A Keras lesson's checks file runs them in its own fresh process (``run_keras_tests(__file__,
    *solution_cases(LESSON))``), where the solutions notebook's set-up cells have already run
    for its other tests: one set-up per lesson instead of two.
    """
    import regutils

    return [
        f"tests/test_checks_solutions.py::test_the_solutions_notebooks_answers_are_correct[{lesson}-{id}]"
        for id in regutils.exercises(lesson).ids
    ]


def run_keras_tests(test_file: str, *also: str) -> None:
    """Run the Keras tests of ``test_file`` (and of the node ids ``also``) in a fresh process;
    fail with its output if one fails."""
    if IN_KERAS_PROCESS:
        pytest.skip("this is the fresh process")
    # Unit tests use their own seeds: a REGUTILS_SEED meant for the notebooks must not reach them.
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in (*TF_VARS, "REGUTILS_SEED", "REGUTILS_THREADS")
    }
    env.update(REGUTILS_KERAS_TESTS="1", PYTHONHASHSEED="0")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            test_file,
            *also,
            "-m",
            "keras",
            "-q",
            "-p",
            "no:cacheprovider",
            "-p",
            "no:xdist",
            "--no-header",
            "-rfEs",
            "-W",
            "error::FutureWarning",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    output = result.stdout[-6000:] + result.stderr[-3000:]
    assert result.returncode == 0, output
    assert " passed" in result.stdout and "error" not in result.stdout.lower(), output
    assert " skipped" not in result.stdout, output  # a Keras test must run, not skip
