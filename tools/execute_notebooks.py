"""Re-run notebooks top to bottom in a fresh kernel and store their outputs.

Run from the repository root (``make execute`` runs it on every notebook)::

    python -m tools.execute_notebooks notebooks/01_overfitting.ipynb solutions/*.ipynb

Each notebook runs the way CI's nbval runs it (see ``tools/notebook_runner.py``): a kernel on the
current interpreter, in the notebook's folder, with ``PYTHONHASHSEED=0`` and no ``MPLBACKEND``,
300 s per cell, so the stored outputs are the ones the tests reproduce. The notebook is then
written like Jupyter writes it (JSON indent 1, cell ids kept) with stable metadata: the standard
``python3`` kernelspec, ``language_info`` reduced to the language and Python's major.minor
version, no widget state, no timing metadata.

A notebook is *not* written, and the exit code is 1, if a cell raised, or if a cell wrote to
stderr (warnings and logs must not leak into lessons), or if native code wrote to the kernel's
stderr while a cell ran (TensorFlow's C++ log: nbval cannot see it, JupyterLab shows it;
``--allow-native-stderr`` only reports those). The offending text is printed with the notebook
and the cell. One line per notebook reports the seconds taken.
"""

from __future__ import annotations

import argparse
import sys
import traceback
from pathlib import Path

from tools import notebook_runner as runner


def execute(path: Path, *, allow_native_stderr: bool = False) -> bool:
    """Run one notebook and store its outputs if it ran cleanly; True on success."""
    name = runner.display_path(path)
    try:
        result = runner.execute_notebook(path)
    except Exception:  # a broken kernel or tool: report it, go on with the other notebooks
        print(f"{name}: FAILED to run:\n{traceback.format_exc()}", file=sys.stderr, flush=True)
        return False
    blocking = [
        problem
        for problem in result.problems
        if not (allow_native_stderr and problem.kind == "native stderr")
    ]
    status = "FAILED" if blocking else "ok"
    print(f"{name}: {result.seconds:.1f} s, {status}", flush=True)
    if result.problems:
        print(runner.format_problems(result.problems, result.nb, name), file=sys.stderr)
    if blocking:
        print(f"{name}: not written (fix the cells above, then run again).", file=sys.stderr)
        return False
    runner.write_notebook(result.nb, path)
    return True


def main(argv: list[str] | None = None) -> int:
    """Execute each notebook given on the command line; returns the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="notebooks to run")
    parser.add_argument(
        "--allow-native-stderr",
        action="store_true",
        help="report, but do not fail on, native-library output to stderr",
    )
    args = parser.parse_args(argv)
    missing = [str(p) for p in args.paths if not p.is_file() or p.suffix != ".ipynb"]
    if missing:
        parser.error("not a notebook file: " + ", ".join(missing))
    results = [execute(path, allow_native_stderr=args.allow_native_stderr) for path in args.paths]
    failed = results.count(False)
    if failed:
        print(f"{failed} of {len(results)} notebook(s) failed.", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
