"""``python -m regutils doctor``: check that this machine is ready for the course.

Learners run it before a workshop. Each check prints one line, ``OK``, ``FAIL`` (with one concrete
fix) or ``SKIP``, then a summary; the exit code is 0 if nothing failed, 1 otherwise::

    OK    Python: 3.11.7 (the course supports Python 3.11–3.13)
    FAIL  Data heart.csv: data file 'heart.csv' is missing: ... — fix: Restore it ...

It reads ``requirements-lock.txt`` with :mod:`regutils.lockfile`, the one reader of it.

Importing this module imports only the standard library: not TensorFlow (only
:func:`diagnose_tensorflow` does), not Matplotlib, and not ``packaging`` (only the functions that
read pins do), so the doctor still reports when one of them is broken.
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Literal

from regutils.course import CourseFilesNotFound, course_dir, course_file
from regutils.lockfile import describe_pythons, lock_python, parse_lock, supported_pythons

__all__ = [
    "Finding",
    "diagnose_course",
    "diagnose_python",
    "diagnose_packages",
    "diagnose_data",
    "diagnose_tensorflow",
    "diagnose_widgets",
    "diagnose_notebooks",
    "diagnose_all",
    "format_finding",
    "main",
]

SETUP_FIX = (
    'run `make lab` (or `pip install -c requirements-lock.txt -e ".[test]"` in the course folder)'
)
CLONE_FIX = (
    "run the doctor from a full clone of the course repository (`git clone` it, then `make doctor`)"
)
RESTORE_LOCK_FIX = "restore it with `git checkout -- requirements-lock.txt`"
MAX_NAMED = 8  # mismatched packages named on the Packages line; the rest are counted


@dataclass(frozen=True)
class Finding:
    """The outcome of one check: ``name`` (what was checked), ``status`` (``"OK"``, ``"FAIL"`` or
    ``"SKIP"``), ``detail`` (what was found, or why the check was skipped) and, for a failure,
    ``fix`` (one concrete action that repairs it).

    Examples
    --------
    >>> Finding("Python", "OK", "3.11.7").status
    'OK'
    """

    name: str
    status: Literal["OK", "FAIL", "SKIP"]
    detail: str
    fix: str = ""


def format_finding(result: Finding) -> str:
    """Return the one-line report of a check.

    Examples
    --------
    >>> format_finding(Finding("Notebooks", "FAIL", "notebooks/ is missing", "clone the repo"))
    'FAIL  Notebooks: notebooks/ is missing — fix: clone the repo'
    >>> format_finding(Finding("TensorFlow", "SKIP", "--skip-tensorflow was given"))
    'SKIP  TensorFlow: --skip-tensorflow was given'
    """
    line = f"{result.status:<5} {result.name}: {result.detail}"
    return f"{line} — fix: {result.fix}" if result.status == "FAIL" and result.fix else line


def _missing_lock(name: str, lock_path: Path) -> Finding:
    return Finding(name, "FAIL", f"requirements-lock.txt not found at {lock_path}", CLONE_FIX)


def diagnose_python(lock_path: Path | None = None) -> Finding:
    """Check the running Python against the versions the lock was resolved for (its header).

    Examples
    --------
    >>> diagnose_python().name
    'Python'
    """
    running = ".".join(map(str, sys.version_info[:3]))
    lock_path = lock_path or course_file("requirements-lock.txt")
    if not lock_path.is_file():
        return _missing_lock("Python", lock_path)
    recorded = lock_python(lock_path.read_text(encoding="utf-8"))
    if recorded is None:
        return Finding(
            "Python",
            "FAIL",
            f"{lock_path} does not record which Python versions it supports",
            RESTORE_LOCK_FIX,
        )
    supported = supported_pythons(recorded)
    span = describe_pythons(supported)
    if f"{sys.version_info.major}.{sys.version_info.minor}" in supported:
        return Finding("Python", "OK", f"{running} (the course supports Python {span})")
    return Finding(
        "Python",
        "FAIL",
        f"running {running} ({sys.executable}); the course supports Python {span}",
        f"install Python {supported[-1]} (or another of {span}) and run `make lab`",
    )


def diagnose_packages(lock_path: Path | None = None) -> Finding:
    """Check that every pin of ``lock_path`` whose marker applies here is installed exactly.

    ``lock_path`` is a pip constraints file (see :func:`parse_lock`).

    Examples
    --------
    >>> diagnose_packages().name
    'Packages'
    """
    lock_path = lock_path or course_file("requirements-lock.txt")
    if not lock_path.is_file():
        return _missing_lock("Packages", lock_path)
    try:
        from packaging.version import InvalidVersion, Version

        pins = [pin for pin in parse_lock(lock_path.read_text(encoding="utf-8")) if pin.applies()]
    except ImportError as exc:  # the doctor reports a broken environment rather than crash in it
        return Finding("Packages", "FAIL", f"cannot read the lock: {exc}", SETUP_FIX)
    except ValueError as exc:
        return Finding(
            "Packages",
            "FAIL",
            f"{lock_path} {str(exc).removeprefix('text: ')}",
            RESTORE_LOCK_FIX,
        )
    problems: list[str] = []
    for pin in pins:
        try:
            installed = metadata.version(pin.name)
        except metadata.PackageNotFoundError:
            problems.append(f"{pin.name} missing")
            continue
        try:
            same = Version(installed) == Version(pin.version)
        except InvalidVersion:
            same = installed == pin.version
        if not same:
            problems.append(f"{pin.name} {installed} (lock: =={pin.version})")
    checked = len(pins)
    if not problems:
        return Finding("Packages", "OK", f"{checked} packages match requirements-lock.txt")
    more = f" and {len(problems) - MAX_NAMED} more" if len(problems) > MAX_NAMED else ""
    return Finding(
        "Packages",
        "FAIL",
        f"{len(problems)} of {checked} differ from requirements-lock.txt: "
        f"{', '.join(problems[:MAX_NAMED])}{more}",
        SETUP_FIX,
    )


def diagnose_data() -> list[Finding]:
    """Verify every file of :data:`regutils.DATA_FILES` against its SHA-256; one result each."""
    from regutils.datasets import DATA_FILES, DataFileError, verify_data_file

    results = []
    for name, sha256 in DATA_FILES.items():
        try:
            verify_data_file(name)
        except DataFileError as exc:
            # The message ends with what to do ("Restore it ..."): report that part as the fix.
            problem, sep, action = str(exc).partition(" Restore ")
            fix = (
                f"Restore {action}"
                if sep
                else f"restore data/{name} (`git checkout -- data/{name}`)"
            )
            results.append(Finding(f"Data {name}", "FAIL", problem, fix))
        else:
            results.append(Finding(f"Data {name}", "OK", f"sha256 {sha256[:12]} verified"))
    return results


def diagnose_tensorflow() -> Finding:
    """Import TensorFlow and Keras quietly, then train a tiny model for two epochs."""
    start = time.perf_counter()
    try:
        from regutils import tfenv

        tfenv.configure()  # the lessons' settings: same CPU kernels everywhere, quiet start-up
        tf, keras = tfenv.import_tensorflow()
        import numpy as np

        rng = np.random.default_rng(0)
        X, y = rng.normal(size=(32, 4)), rng.normal(size=(32, 1))
        model = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(1)])
        model.compile(optimizer="adam", loss="mse")
        loss = float(model.fit(X, y, epochs=2, verbose=0).history["loss"][-1])
        if not math.isfinite(loss):
            raise FloatingPointError(f"the training loss of a tiny model is {loss}")
    except Exception as exc:
        return Finding("TensorFlow", "FAIL", f"{type(exc).__name__}: {exc}", SETUP_FIX)
    seconds = time.perf_counter() - start
    return Finding(
        "TensorFlow",
        "OK",
        f"TensorFlow {tf.__version__}, Keras {keras.__version__} "
        f"(import and a tiny fit took {seconds:.1f} s)",
    )


def diagnose_widgets(labextension_dirs: list[Path] | None = None) -> Finding:
    """Check that ipywidgets imports and JupyterLab's widget extension is installed.

    ``labextension_dirs`` defaults to ``jupyter_core.paths.jupyter_path("labextensions")``.
    """
    try:
        import ipywidgets
    except Exception as exc:
        return Finding(
            "Widgets", "FAIL", f"cannot import ipywidgets: {type(exc).__name__}: {exc}", SETUP_FIX
        )
    if labextension_dirs is None:
        from jupyter_core.paths import jupyter_path

        labextension_dirs = [Path(p) for p in jupyter_path("labextensions")]
    manifest = Path("@jupyter-widgets", "jupyterlab-manager", "package.json")
    if any((folder / manifest).is_file() for folder in labextension_dirs):
        return Finding(
            "Widgets", "OK", f"ipywidgets {ipywidgets.__version__} and its JupyterLab extension"
        )
    searched = ", ".join(map(str, labextension_dirs)) or "no folders"
    return Finding(
        "Widgets",
        "FAIL",
        f"ipywidgets {ipywidgets.__version__} is installed but JupyterLab's "
        f"widget extension is not (searched {searched})",
        SETUP_FIX,
    )


def diagnose_notebooks(notebooks_dir: Path | None = None) -> Finding:
    """Check that the course's notebooks, starting with ``00_start_here.ipynb``, are present.

    ``notebooks_dir`` defaults to the course folder's ``notebooks/``. With no course folder
    (regutils installed as a package, e.g. in Colab, where each lesson is opened on its own) the
    check is skipped: the notebooks are not part of the package.
    """
    if notebooks_dir is None:
        root = course_dir()
        if root is None:
            return Finding(
                "Notebooks",
                "SKIP",
                "regutils is installed as a package, without a clone of the course: open the "
                "lessons from a clone or from their Colab links",
            )
        notebooks_dir = root / "notebooks"
    start_here = notebooks_dir / "00_start_here.ipynb"
    if not start_here.is_file():
        return Finding("Notebooks", "FAIL", f"{start_here} not found", CLONE_FIX)
    count = len(list(notebooks_dir.glob("*.ipynb")))
    return Finding(
        "Notebooks", "OK", f"{count} notebooks in notebooks/, starting with {start_here.name}"
    )


def diagnose_course() -> Finding:
    """Say where regutils finds the course's files: a clone, or the copy inside the package.

    Examples
    --------
    >>> diagnose_course().status
    'OK'
    """
    try:
        root = course_dir()
        files = course_file("data").parent
    except CourseFilesNotFound as exc:
        return Finding("Course files", "FAIL", exc.detail, exc.fix)
    if root is None:
        return Finding("Course files", "OK", f"the copy shipped in the installed package ({files})")
    return Finding("Course files", "OK", f"the course folder {root}")


def _iter_diagnoses(skip_tensorflow: bool) -> Iterator[Finding]:
    """Yield each result as soon as its check is done (the TensorFlow one takes seconds)."""
    course = diagnose_course()
    yield course
    if course.status == "OK":
        yield diagnose_python()
        yield diagnose_packages()
        yield from diagnose_data()
    if skip_tensorflow:
        yield Finding("TensorFlow", "SKIP", "--skip-tensorflow was given")
    else:
        yield diagnose_tensorflow()
    yield diagnose_widgets()
    if course.status == "OK":
        yield diagnose_notebooks()


def diagnose_all(skip_tensorflow: bool = False) -> list[Finding]:
    """Run every check, in order; ``skip_tensorflow=True`` reports TensorFlow as ``SKIP``.

    Examples
    --------
    >>> [r.name for r in diagnose_all(skip_tensorflow=True)][:3]
    ['Course files', 'Python', 'Packages']
    """
    return list(_iter_diagnoses(skip_tensorflow))


def main(argv: list[str] | None = None) -> int:
    """Run ``doctor`` from the command line; return 0 if no check failed, 1 otherwise."""
    parser = argparse.ArgumentParser(
        prog="python -m regutils", description="Check that this machine is ready for the course."
    )
    parser.add_argument(
        "command",
        nargs="?",
        default="doctor",
        choices=["doctor"],
        help="what to run: only 'doctor' (the default)",
    )
    parser.add_argument(
        "--skip-tensorflow",
        action="store_true",
        help="skip the TensorFlow check, which takes several seconds",
    )
    args = parser.parse_args(argv)
    print("Checking that this machine is ready for Regularization in Practice ...", flush=True)
    results = []
    for result in _iter_diagnoses(args.skip_tensorflow):
        results.append(result)
        print(format_finding(result), flush=True)
    failed = sum(r.status == "FAIL" for r in results)
    skipped = sum(r.status == "SKIP" for r in results)
    counts = ", ".join(
        f"{n} {status}"
        for n, status in [
            (len(results) - failed - skipped, "OK"),
            (failed, "FAIL"),
            (skipped, "SKIP"),
        ]
        if n
    )
    if failed:
        print(
            f"{counts}: not ready yet. Apply each fix above, top to bottom, then run the doctor again."
        )
        return 1
    print(f"{counts}: ready for the course.")
    return 0
