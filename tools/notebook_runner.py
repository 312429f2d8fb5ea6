"""Shared helpers of the notebook tools: find, read, write and run the course notebooks.

Not a script: :mod:`tools.make_exercises`, :mod:`tools.execute_notebooks`, :mod:`tools.bench` and
``tests/test_notebooks.py`` import it (``from tools import notebook_runner``).

Notebooks run exactly the way CI's nbval runs them (``pytest --nbval-lax --nbval-current-env``),
so the outputs stored by ``make execute`` are the outputs the tests reproduce:

- the kernel is ``sys.executable -m ipykernel_launcher -f {connection_file}``, the current
  interpreter, as nbval builds it from ``ipykernel.kernelspec.get_kernel_dict()``;
- the working directory is the notebook's folder;
- the environment is this process's, with ``PYTHONHASHSEED=0`` and without ``MPLBACKEND``
  (as the Makefile and the root ``conftest.py`` set it);
- low-level (file-descriptor) output is *not* captured into the notebook: ipykernel turns that
  capture off when it sees ``PYTEST_CURRENT_TEST`` in its environment, which is always the case
  under nbval, so we pass ``--IPKernelApp.capture_fd_output=False``. What native libraries write to
  the kernel's stderr (TensorFlow's C++ log, for instance) is collected separately, cell by cell,
  because JupyterLab *does* show it to learners.
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from jupyter_client.kernelspec import KernelSpec, KernelSpecManager
from jupyter_client.manager import AsyncKernelManager
from nbclient import NotebookClient
from nbclient.exceptions import CellControlSignal, DeadKernelError
from traitlets import default

#: The repository root (this file lives in ``<root>/tools/``).
REPO_ROOT: Path = Path(__file__).resolve().parent.parent

#: Folders holding the course notebooks, relative to the repository root.
NOTEBOOK_DIRS: tuple[str, ...] = ("notebooks", "solutions")

#: Seconds a single cell may run before the notebook fails (the same as ``--nbval-cell-timeout``).
CELL_TIMEOUT_S: int = 300

#: Seconds to wait for a fresh kernel (nbval's default ``--nbval-kernel-startup-timeout``).
STARTUP_TIMEOUT_S: int = 60

#: The kernelspec stored in every notebook (what JupyterLab writes for the default kernel).
KERNELSPEC: dict[str, str] = {
    "name": "python3",
    "display_name": "Python 3 (ipykernel)",
    "language": "python",
}

#: Name under which :class:`CurrentEnvKernelSpecManager` serves the current interpreter.
CURRENT_ENV_KERNEL: str = "current-env-python"

#: Notebook metadata key under which Jupyter stores widget state.
WIDGET_STATE_KEY: str = "widgets"


# --------------------------------------------------------------------------- finding and naming


def course_notebooks(root: Path = REPO_ROOT) -> list[Path]:
    """Every course notebook: ``notebooks/*.ipynb`` then ``solutions/*.ipynb``, each sorted."""
    return [path for folder in NOTEBOOK_DIRS for path in sorted((root / folder).glob("*.ipynb"))]


def display_path(path: Path, root: Path = REPO_ROOT) -> str:
    """``path`` relative to ``root`` in POSIX form (``notebooks/01_x.ipynb``), else as given."""
    try:
        return Path(path).resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


def cell_label(nb: nbformat.NotebookNode, index: int) -> str:
    """Name a cell so it can be found both in JupyterLab and in nbval's report.

    ``index`` counts all cells from 0; nbval's ``Cell N`` counts code cells only.
    """
    cell = nb.cells[index]
    parts = [f"cell {index}"]
    if cell.cell_type == "code":
        code_index = sum(1 for c in nb.cells[:index] if c.cell_type == "code")
        parts.append(f"nbval 'Cell {code_index}'")
    else:
        parts.append(cell.cell_type)
    if cell.get("id"):
        parts.append(f"id {cell.id}")
    return f"{parts[0]} ({', '.join(parts[1:])})"


# --------------------------------------------------------------------------- reading and writing


def read_notebook(path: Path) -> nbformat.NotebookNode:
    """Read a notebook as nbformat v4 (without nbformat's warnings about missing cell ids)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)  # MissingIDFieldWarning, DuplicateCellId
        return nbformat.read(str(path), as_version=4)


def notebook_text(nb: nbformat.NotebookNode) -> str:
    """The file content Jupyter would write: JSON, indent 1, sorted keys, final newline."""
    text = nbformat.writes(nb)
    return text if text.endswith("\n") else text + "\n"


def write_notebook(nb: nbformat.NotebookNode, path: Path) -> None:
    """Write ``nb`` like Jupyter does, keeping its cell ids."""
    Path(path).write_text(notebook_text(nb), encoding="utf-8")


def clear_outputs(nb: nbformat.NotebookNode) -> None:
    """Remove every code cell's outputs and execution count, in place."""
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None


def normalize_metadata(nb: nbformat.NotebookNode) -> None:
    """Give ``nb`` the stable notebook metadata the course stores, in place.

    The kernelspec becomes :data:`KERNELSPEC`; ``language_info`` keeps only the language name and
    the Python major.minor version (so a patch upgrade does not change every notebook); stored
    widget state is dropped.
    """
    nb.metadata["kernelspec"] = nbformat.from_dict(dict(KERNELSPEC))
    nb.metadata["language_info"] = nbformat.from_dict(
        {"name": "python", "version": f"{sys.version_info.major}.{sys.version_info.minor}"}
    )
    nb.metadata.pop(WIDGET_STATE_KEY, None)


#: MIME type of an output that displays an ipywidget.
WIDGET_VIEW_MIME: str = "application/vnd.jupyter.widget-view+json"


def stabilize_widget_views(nb: nbformat.NotebookNode) -> None:
    """Give widget-view outputs model ids derived from the cell id, in place.

    The kernel names each widget model with a random UUID. The model itself is not stored (no
    widget state), so the stored id refers to nothing either way; a stable id just keeps
    re-runs from changing the file. nbval does not compare widget views.
    """
    for cell in nb.cells:
        for number, output in enumerate(cell.get("outputs", [])):
            view = output.get("data", {}).get(WIDGET_VIEW_MIME)
            if isinstance(view, dict) and "model_id" in view:
                seed = f"{cell.get('id', '')}:{number}".encode()
                view["model_id"] = hashlib.sha1(seed).hexdigest()[:32]


# --------------------------------------------------------------------------- outputs


def output_text(output: nbformat.NotebookNode) -> str:
    """The human-readable text of one output (stream text, text data, or an error's summary)."""
    kind = output.get("output_type")
    if kind == "stream":
        return str(output.get("text", ""))
    if kind == "error":
        return f"{output.get('ename', '')}: {output.get('evalue', '')}"
    data = output.get("data", {})
    texts = [
        data[mime]
        for mime in ("text/plain", "text/html", "text/latex", "text/markdown")
        if mime in data
    ]
    return "\n".join(t if isinstance(t, str) else "".join(t) for t in texts)


@dataclass(frozen=True)
class CellProblem:
    """Something a cell must not do: raise, write to stderr, or leak native-library logs."""

    index: int
    kind: str  # "error", "stderr" or "native stderr"
    text: str

    def describe(self, nb: nbformat.NotebookNode, name: str) -> str:
        """A message naming the notebook and the cell, followed by the offending text."""
        body = "\n".join("    " + line for line in self.text.rstrip().splitlines())
        return f"{name}, {cell_label(nb, self.index)}: {self.kind}:\n{body}"


def output_problems(nb: nbformat.NotebookNode) -> list[CellProblem]:
    """Error outputs and stderr stream outputs stored in ``nb``, cell by cell."""
    problems = []
    for index, cell in enumerate(nb.cells):
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                traceback = "\n".join(output.get("traceback", [])) or output_text(output)
                problems.append(CellProblem(index, "error", strip_ansi(traceback)))
            elif output.get("output_type") == "stream" and output.get("name") == "stderr":
                problems.append(CellProblem(index, "stderr", str(output.get("text", ""))))
    return problems


def strip_ansi(text: str) -> str:
    """Remove terminal colour codes (IPython colours its tracebacks)."""
    return re.sub(r"\x1b\[[0-9;]*[A-Za-z]", "", text)


# --------------------------------------------------------------------------- the kernel


def kernel_argv() -> list[str]:
    """The command nbval's ``--nbval-current-env`` runs, plus nbval's (implicit) fd setting."""
    return [
        sys.executable,
        "-m",
        "ipykernel_launcher",
        "-f",
        "{connection_file}",
        "--IPKernelApp.capture_fd_output=False",
    ]


def kernel_env(base: dict[str, str] | None = None) -> dict[str, str]:
    """The kernel's environment: ``base`` (default: ours) with ``PYTHONHASHSEED=0``, no
    ``MPLBACKEND``, strict claims (a claim that does not hold fails its cell) and no
    ``REGUTILS_SEED`` or ``REGUTILS_THREADS``: stored outputs are always those of the lesson's own
    seed and thread count."""
    env = dict(os.environ if base is None else base)
    env["PYTHONHASHSEED"] = "0"
    env["REGUTILS_CLAIMS"] = "strict"
    env.pop("MPLBACKEND", None)
    env.pop("REGUTILS_SEED", None)
    env.pop("REGUTILS_THREADS", None)
    return env


class CurrentEnvKernelSpecManager(KernelSpecManager):
    """Serves :data:`CURRENT_ENV_KERNEL`: an ipykernel running the current interpreter."""

    def get_kernel_spec(self, kernel_name: str) -> KernelSpec:
        """The current-interpreter spec for :data:`CURRENT_ENV_KERNEL`, else the installed spec."""
        if kernel_name == CURRENT_ENV_KERNEL:
            return KernelSpec(
                argv=kernel_argv(),
                display_name=KERNELSPEC["display_name"],
                language="python",
                metadata={},
            )
        return super().get_kernel_spec(kernel_name)


class CurrentEnvKernelManager(AsyncKernelManager):
    """An :class:`AsyncKernelManager` that knows :data:`CURRENT_ENV_KERNEL`."""

    @default("kernel_spec_manager")
    def _default_kernel_spec_manager(self) -> KernelSpecManager:
        return CurrentEnvKernelSpecManager(data_dir=self.data_dir)


def notebook_client(nb: nbformat.NotebookNode, cwd: Path) -> NotebookClient:
    """An nbclient client that runs ``nb`` in a fresh current-interpreter kernel in ``cwd``."""
    client = NotebookClient(
        nb,
        kernel_name=CURRENT_ENV_KERNEL,
        kernel_manager_class=CurrentEnvKernelManager,
        timeout=CELL_TIMEOUT_S,
        startup_timeout=STARTUP_TIMEOUT_S,
        resources={"metadata": {"path": str(cwd)}},
        record_timing=False,
        store_widget_state=False,
        coalesce_streams=True,  # one stdout and one stderr output per cell, like nbval compares
        allow_errors=False,
    )
    # nbclient imitates a frontend's ipywidgets Output widget (it diverts what the widget
    # captures into widget state); nbval does not, so that text is ordinary cell output in CI.
    # Switching the imitation off keeps the stored outputs equal to nbval's, and avoids an
    # nbclient 0.11 crash (KeyError in output_widget.py) when widget state is not stored.
    client.widget_registry = {}
    return client


# --------------------------------------------------------------------------- running


@dataclass
class RunResult:
    """A notebook after one fresh top-to-bottom run."""

    nb: nbformat.NotebookNode
    seconds: float  # from starting the kernel to the end of the last cell that ran
    problems: list[CellProblem] = field(default_factory=list)
    completed: bool = True  # False if a cell failed and the run stopped there

    @property
    def errors(self) -> list[CellProblem]:
        """The problems that stopped or broke the run (exceptions, timeouts, dead kernel)."""
        return [p for p in self.problems if p.kind == "error"]


class _NewText:
    """Reads what has been appended to a file since the last call (a context manager)."""

    def __init__(self, path: Path) -> None:
        self._file = open(path, "rb")
        self._file.seek(0, os.SEEK_END)

    def __call__(self) -> str:
        return self._file.read().decode("utf-8", errors="replace")

    def __enter__(self) -> _NewText:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._file.close()


def _execute_cells(
    client: NotebookClient, nb: nbformat.NotebookNode, native_text: _NewText
) -> tuple[list[CellProblem], CellProblem | None]:
    """Run the cells in order; returns native-stderr problems and the failure that stopped it."""
    native: list[CellProblem] = []
    for index, cell in enumerate(nb.cells):
        try:
            client.execute_cell(cell, index, execution_count=client.code_cells_executed + 1)
        except (CellControlSignal, DeadKernelError) as exc:
            return native, CellProblem(index, "error", strip_ansi(str(exc)))
        finally:
            text = native_text()
            if text.strip():
                native.append(CellProblem(index, "native stderr", text))
    return native, None


def execute_notebook(path: Path) -> RunResult:
    """Run the notebook at ``path`` top to bottom in a fresh kernel; never writes the file.

    Stops at the first cell that raises (or times out). The returned notebook has fresh outputs,
    execution counts 1, 2, 3, ... on its non-empty code cells, normalized metadata and stable
    widget-view ids.
    """
    path = Path(path).resolve()
    nb = read_notebook(path)
    clear_outputs(nb)
    client = notebook_client(nb, cwd=path.parent)
    with tempfile.TemporaryDirectory(prefix="nbrun-") as tmp:
        stderr_path = Path(tmp) / "kernel-stderr.txt"
        # Append mode: the kernel always writes at the end, whatever our reader does.
        with open(stderr_path, "ab") as kernel_stderr:
            start = time.perf_counter()
            with client.setup_kernel(
                env=kernel_env(), stderr=kernel_stderr, stdout=subprocess.DEVNULL
            ):
                with _NewText(stderr_path) as native_text:  # skips the start-up chatter
                    native, failure = _execute_cells(client, nb, native_text)
                seconds = time.perf_counter() - start
    normalize_metadata(nb)
    stabilize_widget_views(nb)
    problems = output_problems(nb) + native
    if failure and not any(p.index == failure.index and p.kind == "error" for p in problems):
        problems.append(failure)  # a timeout or a dead kernel leaves no error output
    problems.sort(key=lambda p: p.index)
    return RunResult(nb=nb, seconds=seconds, problems=problems, completed=failure is None)


def format_problems(problems: Iterable[CellProblem], nb: nbformat.NotebookNode, name: str) -> str:
    """All problems of one notebook, one paragraph each."""
    return "\n".join(problem.describe(nb, name) for problem in problems)
