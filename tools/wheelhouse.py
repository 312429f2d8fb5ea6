"""Build a wheelhouse: every wheel the course installs, for offline installs in a room.

Used by ``make wheelhouse``; runs with any Python 3.11 that has pip (no course environment
needed, so it works before ``.venv`` exists)::

    python3.11 -m tools.wheelhouse                       # this machine -> wheelhouse/
    python3.11 -m tools.wheelhouse --platform win_amd64  # another one -> wheelhouse-win_amd64/

(from the repository root). ``--platform`` evaluates markers with the ``packaging`` library (in
``.venv``, or ``python3.11 -m pip install packaging``); this machine's build needs only pip.

What goes in: the requirements of ``pyproject.toml`` (runtime and ``test`` extras) and its build
requirements (setuptools, which ``pip install -e .`` needs), at the versions of
``requirements-lock.txt``. The folder also gets ``requirements.txt`` (what was asked for) and
``README.txt`` (how to install from it). Afterwards, with no index at all::

    pip install --no-index --find-links wheelhouse -c requirements-lock.txt -e ".[test]"

- This machine: ``pip wheel`` fetches every wheel (and would build a wheel from any package that
  ships only a source archive), so the folder holds wheels only. It is built in a temporary folder
  and moved into place when complete, so a half-built wheelhouse never exists.
- Another platform (``--platform manylinux_2_28_x86_64``, ``macosx_11_0_arm64``, ``win_amd64``,
  …): ``pip download --no-deps --only-binary=:all: --platform TAG --python-version 3.11`` of every
  pin of the lock whose marker holds on that platform. The lock is resolved for every supported
  platform and Python (``make lock``), so it already names what only some platforms need
  (Windows' ``colorama`` and ``pywinpty``, macOS's ``appnope``, ``tensorflow`` rather than Linux
  x86_64's ``tensorflow-cpu``); the tool evaluates the markers for the target itself, because pip
  would judge them by *this* machine. ``make test-wheelhouse`` run on that platform proves the
  folder complete.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import time
import tomllib
from pathlib import Path

from regutils.lockfile import parse_lock  # imports packaging only when it reads pins (--platform)

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "requirements-lock.txt"
PYPROJECT = ROOT / "pyproject.toml"
STAMP = ".complete"  # written last: the folder is whole

#: Markers may compare python_full_version: a target Python X.Y is taken as the late patch X.Y.9.
LATE_PATCH = ".9"

# Marker environments of the platforms a room usually has (for --platform; tools/lock.py's too).
TARGETS = {
    "manylinux_2_28_x86_64": {
        "sys_platform": "linux",
        "platform_system": "Linux",
        "platform_machine": "x86_64",
        "os_name": "posix",
    },
    "manylinux_2_28_aarch64": {
        "sys_platform": "linux",
        "platform_system": "Linux",
        "platform_machine": "aarch64",
        "os_name": "posix",
    },
    "macosx_11_0_arm64": {
        "sys_platform": "darwin",
        "platform_system": "Darwin",
        "platform_machine": "arm64",
        "os_name": "posix",
    },
    "macosx_10_15_x86_64": {
        "sys_platform": "darwin",
        "platform_system": "Darwin",
        "platform_machine": "x86_64",
        "os_name": "posix",
    },
    "win_amd64": {
        "sys_platform": "win32",
        "platform_system": "Windows",
        "platform_machine": "AMD64",
        "os_name": "nt",
    },
}


def requirements(pyproject_text: str) -> list[str]:
    """pyproject's build, runtime and test requirements, markers kept (for this machine)."""
    data = tomllib.loads(pyproject_text)
    return (
        list(data["build-system"]["requires"])
        + list(data["project"]["dependencies"])
        + list(data["project"]["optional-dependencies"]["test"])
    )


def pins_for(lock_text: str, environment: dict[str, str]) -> list[str]:
    """``name==version`` of every pin of the lock whose marker holds in ``environment``."""
    return [
        f"{pin.name}=={pin.version}" for pin in parse_lock(lock_text) if pin.applies(environment)
    ]


def target_environment(platform: str, python_version: str) -> dict[str, str]:
    """The marker environment of ``platform`` (a wheel platform tag) and ``python_version``."""
    try:
        from packaging.markers import default_environment
    except ImportError:
        raise SystemExit(
            "--platform evaluates markers with the packaging library: run this with "
            ".venv/bin/python, or first `python3.11 -m pip install packaging`"
        ) from None
    if platform not in TARGETS:
        print(f"note: {platform} is not in {sorted(TARGETS)}; markers use this machine's values")
    here = {key: str(value) for key, value in default_environment().items()}
    environment = here | TARGETS.get(platform, {})
    environment["python_version"] = python_version
    environment["python_full_version"] = python_version + LATE_PATCH
    return environment


def folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


README = """\
Wheelhouse for the course "Regularization in Practice"
======================================================

Built {built} for {platform}, Python {python}, from requirements-lock.txt (sha256 {lock_hash}).
{count} packages, {size_mb:.0f} MB. Install with no network at all, from the course folder:

    make lab                       (uses ./wheelhouse automatically when it holds wheels)

or, without make (Windows: .venv\\Scripts\\python instead of .venv/bin/python):

    python3.11 -m venv .venv
    .venv/bin/python -m pip install --no-index --find-links wheelhouse -c requirements-lock.txt -e ".[test]"
"""


def build(dest: Path, platform: str | None, python_version: str) -> None:
    dest = dest.resolve()
    tmp = Path(tempfile.mkdtemp(prefix=f".{dest.name}-", dir=dest.parent))
    try:
        if platform is None:
            reqs = requirements(PYPROJECT.read_text())
            command = [
                sys.executable,
                "-m",
                "pip",
                "wheel",
                "--disable-pip-version-check",
                "--wheel-dir",
                str(tmp),
            ]
        else:
            # Every locked package the target installs, exactly: nothing left for pip to resolve.
            reqs = pins_for(LOCK.read_text(), target_environment(platform, python_version))
            command = [
                sys.executable,
                "-m",
                "pip",
                "download",
                "--no-deps",
                "--disable-pip-version-check",
                "--dest",
                str(tmp),
                "--only-binary=:all:",
                "--platform",
                platform,
                "--python-version",
                python_version,
                "--implementation",
                "cp",
            ]
        requirements_file = tmp / "requirements.txt"
        requirements_file.write_text("\n".join(reqs) + "\n")
        command += ["-r", str(requirements_file)]
        if platform is None:
            command += ["-c", str(LOCK)]
        print("+ " + " ".join(command), flush=True)
        start = time.monotonic()
        subprocess.run(command, check=True, cwd=ROOT)
        wheels = sorted(tmp.glob("*.whl"))
        others = [
            p.name
            for p in tmp.iterdir()
            if p.is_file() and p.suffix != ".whl" and p.name != "requirements.txt"
        ]
        if others:
            raise SystemExit(f"not wheels (build them with pip wheel): {others}")
        size = folder_size(tmp)
        (tmp / "README.txt").write_text(
            README.format(
                built=time.strftime("%Y-%m-%d"),
                platform=platform or sysconfig.get_platform(),
                python=python_version,
                lock_hash=hashlib.sha256(LOCK.read_bytes()).hexdigest()[:16],
                count=len(wheels),
                size_mb=size / 1e6,
            )
        )
        (tmp / STAMP).write_text(f"{len(wheels)} wheels, {size} bytes\n")
        if dest.exists():
            shutil.rmtree(dest)
        tmp.rename(dest)
        print(
            f"{dest.relative_to(ROOT) if dest.is_relative_to(ROOT) else dest}: {len(wheels)} wheels, "
            f"{size / 1e6:.0f} MB, in {time.monotonic() - start:.0f} s"
        )
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def other_platforms_help(dest_name: str) -> str:
    tags = ", ".join(TARGETS)
    return f"""
For learners on other systems, build one folder per platform (here or on any machine):
    python3.11 -m tools.wheelhouse --platform TAG [--python-version 3.13]   # TAG: {tags}
  which runs: pip download --no-deps --only-binary=:all: --platform TAG --python-version X.Y \\
              --implementation cp -r <the lock's pins for TAG>
  The lock is resolved for every supported platform and Python, so it names what only TAG needs
  (Linux x86_64 gets tensorflow-cpu, every other platform tensorflow; Windows colorama and
  pywinpty; macOS appnope). Try the folder on a machine of that platform before the day
  (`make test-wheelhouse` there).
Hand it out (USB stick, a shared folder), rename it to {dest_name}/ inside the course folder, and
`make lab` installs from it offline; without make:
    python -m pip install --no-index --find-links {dest_name} -c requirements-lock.txt -e ".[test]"
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--dest",
        type=Path,
        help="folder to create (default: wheelhouse, or wheelhouse-TAG with --platform)",
    )
    parser.add_argument("--platform", help="a wheel platform tag such as win_amd64")
    parser.add_argument("--python-version", default="3.11")
    args = parser.parse_args(argv)
    if (
        args.platform is None
        and f"{sys.version_info[0]}.{sys.version_info[1]}" != args.python_version
    ):
        parser.error(f"this Python is {sys.version.split()[0]}; use --platform for another version")
    dest = args.dest or ROOT / (
        "wheelhouse" if args.platform is None else f"wheelhouse-{args.platform}"
    )
    os.chdir(ROOT)
    build(dest, args.platform, args.python_version)
    if args.platform is None:
        print(other_platforms_help(dest.name))
    return 0


if __name__ == "__main__":
    sys.exit(main())
