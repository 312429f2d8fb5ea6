"""The wheelhouse installs the course with every package index disabled.

The install tests run from ``make test-wheelhouse`` (which builds ``wheelhouse/`` first with
``make wheelhouse``); they are marked ``wheelhouse`` and so left out of plain ``pytest`` /
``make test``: they create a 2 GB virtual environment. The unit tests of ``tools/wheelhouse.py``
and of the Makefile's offline switch at the top are fast and run everywhere.

The install is made honest three ways: pip's configuration files are ignored
(``PIP_CONFIG_FILE=/dev/null``: this machine's ``/etc/pip.conf`` and ``~/.config/pip`` add local
indexes and find-links), every other ``PIP_*`` variable is dropped (``PIP_FIND_LINKS`` among them)
and ``PIP_NO_INDEX=1`` is set; and where the system allows it (root on Linux) pip runs in a new,
empty network namespace (``unshare --net``), so it could not reach a network if it tried.

The test writes its measurements to ``bench-results/wheelhouse.json`` and prints them.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from packaging.requirements import Requirement

from regutils.lockfile import parse_lock
from tools import wheelhouse as tool

ROOT = Path(__file__).resolve().parent.parent
WHEELHOUSE = Path(os.environ.get("WHEELHOUSE", ROOT / "wheelhouse")).resolve()
RESULTS = ROOT / "bench-results" / "wheelhouse.json"


# ------------------------------------------------------------------------- fast: tool and Makefile


@pytest.mark.parametrize(
    "platform, tensorflow, only_here",
    [
        ("manylinux_2_28_x86_64", "tensorflow-cpu", set()),
        ("manylinux_2_28_aarch64", "tensorflow", set()),
        ("macosx_11_0_arm64", "tensorflow", {"appnope"}),
        ("win_amd64", "tensorflow", {"colorama", "pywinpty"}),
    ],
)
def test_a_platforms_wheelhouse_gets_its_own_locked_packages(platform, tensorflow, only_here):
    """Another platform's wheelhouse takes the lock's pins whose markers hold there: its own
    TensorFlow and the packages only it needs, every version exact."""
    lock_text = (ROOT / "requirements-lock.txt").read_text()
    wanted = tool.pins_for(lock_text, tool.target_environment(platform, "3.12"))
    names = {Requirement(r).name for r in wanted}
    assert tensorflow in names and not ({"tensorflow", "tensorflow-cpu"} - {tensorflow}) & names
    platform_only = {"appnope", "colorama", "pywinpty"}
    assert names & platform_only == only_here
    assert {"numpy", "jupyterlab", "pytest", "playwright", "setuptools"} <= names
    assert all(str(Requirement(r).specifier).startswith("==") for r in wanted)
    assert len(names) == len(wanted)  # one version per package


def test_requirements_for_this_machine_keep_their_markers():
    wanted = tool.requirements((ROOT / "pyproject.toml").read_text())
    assert any(";" in r for r in wanted) and wanted[0].startswith("setuptools")


def make_dry_run(tmp_path: Path, wheelhouse: Path) -> str:
    """What `make` would run to (re)install .venv, without running it."""
    return subprocess.run(
        ["make", "-n", "-B", ".venv/.installed", f"WHEELHOUSE={wheelhouse}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_makefile_installs_offline_only_when_the_wheelhouse_has_wheels(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    full = tmp_path / "full"
    full.mkdir()
    (full / "numpy-2.0.0-cp311-cp311-manylinux_2_28_x86_64.whl").write_bytes(b"")
    online = make_dry_run(tmp_path, empty)
    assert "--no-index" not in online and "pip install" in online
    offline = make_dry_run(tmp_path, full)
    assert f'--no-index --find-links {full} -c requirements-lock.txt -e ".[test]"' in offline


# ---------------------------------------------------------------- slow: a real install, no index


def offline_env() -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("PIP_") and k not in ("PYTHONPATH", "VIRTUAL_ENV")
    }
    env.update(PIP_CONFIG_FILE=os.devnull, PIP_NO_INDEX="1", PIP_DISABLE_PIP_VERSION_CHECK="1")
    return env


def no_network_prefix() -> list[str]:
    """``unshare --net`` where it works here (it needs root or user namespaces), else nothing."""
    unshare = shutil.which("unshare")
    if unshare and subprocess.run([unshare, "--net", "true"], capture_output=True).returncode == 0:
        return [unshare, "--net"]
    return []


def size_of(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


@pytest.fixture(scope="module")
def offline_venv():
    """A new virtual environment with the course installed from the wheelhouse alone."""
    if not (WHEELHOUSE / ".complete").is_file():
        pytest.fail(f"{WHEELHOUSE} is missing or incomplete: run `make wheelhouse` first")
    workdir = Path(tempfile.mkdtemp(prefix="wheelhouse-test-"))
    try:
        venv = workdir / "venv"
        base_python = getattr(sys, "_base_executable", sys.executable)
        subprocess.run([base_python, "-m", "venv", str(venv)], check=True)
        python = venv / "bin" / "python"
        offline = no_network_prefix()
        command = offline + [
            str(python),
            "-m",
            "pip",
            "install",
            "--no-index",
            "--find-links",
            str(WHEELHOUSE),
            "-c",
            str(ROOT / "requirements-lock.txt"),
            # Not editable: a wheel is built (setuptools from the wheelhouse) and installed, as
            # `pip install git+https://…` does in Colab; the tests below run it outside the clone.
            f"{ROOT}[test]",
        ]
        start = time.monotonic()
        result = subprocess.run(
            command, env=offline_env(), cwd=workdir, capture_output=True, text=True
        )
        seconds = time.monotonic() - start
        assert result.returncode == 0, (
            f"offline install failed ({' '.join(command)}):\n{result.stdout[-4000:]}\n{result.stderr[-4000:]}"
        )
        measurements = {
            "install_seconds": round(seconds, 1),
            "network": "none (unshare --net)" if offline else "present, indexes disabled",
            "wheelhouse_mb": round(size_of(WHEELHOUSE) / 1e6),
            "wheels": len(list(WHEELHOUSE.glob("*.whl"))),
            "venv_mb": round(size_of(venv) / 1e6),
            "python": sys.version.split()[0],
            "date": time.strftime("%Y-%m-%d"),
        }
        RESULTS.parent.mkdir(exist_ok=True)
        RESULTS.write_text(json.dumps(measurements, indent=2) + "\n")
        print(f"\nwheelhouse install: {measurements}")
        yield python, result.stdout
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


@pytest.mark.wheelhouse
def test_install_took_every_package_from_the_wheelhouse(offline_venv):
    _, output = offline_venv
    assert "Successfully installed" in output
    assert "Looking in indexes" not in output  # pip names every index it asks
    for line in output.splitlines():  # and says "Downloading <url>" for anything fetched
        assert not line.lstrip().startswith("Downloading"), line


@pytest.mark.wheelhouse
def test_the_installed_versions_are_the_locked_ones(offline_venv):
    python, _ = offline_venv
    freeze = subprocess.run(
        [str(python), "-m", "pip", "freeze", "--all", "--exclude-editable"],
        env=offline_env(),
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    # pip freeze writes the lock's format; a `name @ url` line (not from a wheel) fails here,
    # except the course's own package, built from this clone.
    course, *others = sorted(
        freeze.splitlines(), key=lambda line: not line.startswith("regutils @")
    )
    assert course == f"regutils @ {ROOT.as_uri()}", course
    installed = {pin.name: pin.version for pin in parse_lock("\n".join(others))}
    for pin in parse_lock((ROOT / "requirements-lock.txt").read_text()):
        if pin.applies():  # tensorflow-cpu here; tensorflow is the other platforms' line
            assert installed.get(pin.name) == pin.version, (pin.name, installed.get(pin.name))


OUTSIDE_THE_CLONE = """
import sys
import regutils
print(regutils.__file__)
print(sys.prefix)
X, y = regutils.load_heart()
print(X.shape)
ex = regutils.exercises("01")
print(len(ex.solution_text("1")) > 0)
ex.check("1", chosen_degree=1, val_rmse=0.0, final_rmse=0.0)
"""


@pytest.mark.wheelhouse
def test_the_installed_package_works_outside_the_clone(offline_venv, tmp_path):
    """The wheel carries what regutils reads at run time (data, solutions, the lock: setup.py):
    from a folder with no clone in sight, data load, an exercise answers and the doctor passes."""
    python, _ = offline_venv
    env = offline_env() | {"PYTHONHASHSEED": "0", "MPLBACKEND": "Agg"}
    result = subprocess.run(
        [str(python), "-c", OUTSIDE_THE_CLONE],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    package, prefix, shape, has_solution, *feedback = result.stdout.splitlines()
    assert Path(package).is_relative_to(python.parent.parent)  # installed, not the clone
    assert not Path(package).is_relative_to(ROOT) and Path(prefix) == python.parent.parent
    assert shape == "(303, 13)" and has_solution == "True"
    assert feedback[0].startswith(
        "Not yet — exercise 1: `chosen_degree` = 1"
    )  # checked, not crashed
    doctor = subprocess.run(
        [str(python), "-m", "regutils", "doctor", "--skip-tensorflow"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
    )
    assert doctor.returncode == 0, doctor.stdout + doctor.stderr
    assert "OK    Course files: the copy shipped in the installed package" in doctor.stdout
    assert "SKIP  Notebooks" in doctor.stdout and "ready for the course" in doctor.stdout


@pytest.mark.wheelhouse
def test_tensorflow_from_the_wheelhouse_imports(offline_venv):
    python, _ = offline_venv
    env = offline_env() | {"TF_CPP_MIN_LOG_LEVEL": "3"}
    result = subprocess.run(
        [str(python), "-c", "import tensorflow as tf; print(tf.__version__)"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    locked = next(
        pin.version
        for pin in parse_lock((ROOT / "requirements-lock.txt").read_text())
        if pin.name == "tensorflow-cpu"
    )
    assert result.stdout.strip() == locked


@pytest.mark.wheelhouse
def test_binder_postbuild_and_start_work_on_the_locked_set(offline_venv, tmp_path):
    """binder/postBuild and binder/start run as repo2docker runs them (from the repository root,
    the environment's python first on PATH) on the locked set; only conda is not exercised."""
    python, _ = offline_venv
    prefix = python.parent.parent
    env = offline_env() | {
        "PATH": f"{python.parent}{os.pathsep}{os.environ['PATH']}",
        "PIP_FIND_LINKS": str(WHEELHOUSE),  # setuptools for the editable build
        "HOME": str(tmp_path),
        "MPLBACKEND": "Agg",
    }
    build = subprocess.run(
        [str(ROOT / "binder" / "postBuild")], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-3000:]
    assert "ready for the course" in build.stdout
    overrides = prefix / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    assert json.loads(overrides.read_text())["@jupyterlab/apputils-extension:notification"] == {
        "fetchNews": "false",
        "checkForUpdates": False,
    }
    start = subprocess.run(
        [
            str(ROOT / "binder" / "start"),
            "python",
            "-c",
            "import os; print(os.environ.get('PYTHONHASHSEED'), "
            "os.environ.get('TF_CPP_MIN_LOG_LEVEL'), os.environ.get('MPLBACKEND'))",
        ],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert start.stdout.split() == ["0", "3", "None"]
