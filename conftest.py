"""Pytest configuration for the whole repository: tests/, notebooks/ and solutions/.

Loaded by every ``pytest`` run from the repository root (``make test``, ``make test-fast``, CI).

- At import time it sets ``PYTHONHASHSEED=0``, ``REGUTILS_CLAIMS=strict`` and removes
  ``MPLBACKEND`` from the environment, so the kernels nbval starts (which inherit it) print sets in
  a fixed order, fail a cell whose claim does not hold, and show figures, even when pytest is run
  without the Makefile. ``REGUTILS_SEED`` and the TensorFlow CPU variables pass through, which is
  how ``make test-seeds`` and ``make test-cpu`` run the lessons under other seeds and kernels.
- ``--claims-only`` turns nbval's output comparison off: every cell must run and every claim
  hold, but stored digits are not compared (for runs against newer libraries).
- nbval fails a cell only when it raises. Here a notebook cell also fails if it wrote anything to
  stderr (warnings, deprecation warnings, TensorFlow's Python logs): learners would see that
  text, and it usually announces a break in the next library release. The failure names the
  notebook and the cell and shows the text.

Native-library output (TensorFlow's C++ log) never reaches nbval: under pytest the kernel does not
capture file-descriptor output, and nbval sends the kernel's stderr to /dev/null.
``tools/execute_notebooks.py`` catches that kind instead.
"""

from __future__ import annotations

import os
from collections.abc import Generator, Iterable
from typing import Any

import pytest

# text/ holds the lessons as scripts (make text); importing one would run the lesson.
collect_ignore = ["text"]

os.environ["PYTHONHASHSEED"] = "0"
os.environ.pop("MPLBACKEND", None)
# Claims in notebooks raise when they do not hold (regutils.claims); kernels inherit this.
os.environ["REGUTILS_CLAIMS"] = "strict"

try:  # nbval is a test dependency; without it there are no notebook cells to check.
    from nbval.plugin import IPyNbCell, NbCellError
except ImportError:  # pragma: no cover
    IPyNbCell = NbCellError = None


def stderr_text(outputs: Iterable[Any]) -> str:
    """Everything a cell wrote to stderr, from nbval's record of its outputs."""
    return "".join(
        str(output.get("text", ""))
        for output in outputs
        if output.get("output_type") == "stream" and output.get("name") == "stderr"
    )


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--claims-only",
        action="store_true",
        help="run notebook cells and their claims without comparing stored outputs",
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """With ``--claims-only``, no notebook cell's output is compared with the stored one."""
    if IPyNbCell is not None and config.getoption("--claims-only"):
        for item in items:
            if isinstance(item, IPyNbCell):
                item.options["check"] = False


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Generator[None, object, object]:
    """Fail an nbval notebook cell that ran cleanly but wrote to stderr."""
    result = yield  # nbval runs the cell; item.test_outputs then holds what it printed
    if IPyNbCell is not None and isinstance(item, IPyNbCell):
        text = stderr_text(item.test_outputs or [])
        if text.strip():
            notebook = (
                item.path.relative_to(item.config.rootpath)
                if item.path.is_relative_to(item.config.rootpath)
                else item.path
            )
            raise NbCellError(
                item.cell_num,
                f"{notebook}: the cell wrote to stderr. Warnings and logs must not reach "
                "learners: fix their cause (or, for library chatter, silence it in the setup "
                "cell), then run `make execute`.\n--- stderr ---\n" + text.rstrip(),
                item.cell.source,
            )
    return result
