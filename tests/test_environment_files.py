"""Drift tests: pyproject.toml, requirements-lock.txt and environment.yml must agree, and
environment.yml must be exactly what tools/lock.py writes from the other two.

The lock is read with :func:`regutils.lockfile.parse_lock` (the one reader; its own tests are in
tests/test_doctor.py) and environment.yml with the YAML library of the lock.
"""

from __future__ import annotations

import itertools
import tomllib
from pathlib import Path

import pytest
import yaml
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

from regutils.lockfile import Pin, lock_python, parse_lock, supported_pythons
from tools import lock

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = ROOT / "pyproject.toml"
LOCK = ROOT / "requirements-lock.txt"
ENVIRONMENT = ROOT / "environment.yml"


def pyproject_requirements() -> list[Requirement]:
    return [Requirement(r) for r in lock.project_requirements(PYPROJECT.read_text())]


def pins() -> list[Pin]:
    return parse_lock(LOCK.read_text())


def pythons_of_the_lock() -> str:
    requires = lock_python(LOCK.read_text())
    assert requires, f"{LOCK.name} does not say which Pythons it was resolved for"
    return requires


def environment() -> dict:
    data = yaml.safe_load(ENVIRONMENT.read_text())
    (pip,) = [d["pip"] for d in data["dependencies"] if isinstance(d, dict)]
    conda = [d for d in data["dependencies"] if isinstance(d, str)]
    return {"name": data["name"], "channels": data["channels"], "conda": conda, "pip": pip}


# ------------------------------------------------------------------------------ the three files


def test_environment_names_the_same_packages_as_pyproject():
    wanted = [canonicalize_name(r.name) for r in pyproject_requirements()]
    in_environment = [canonicalize_name(Requirement(spec).name) for spec in environment()["pip"]]
    assert in_environment == wanted  # same packages, same order, no duplicates
    assert len(set(wanted)) == len(wanted)


def test_environment_markers_select_what_pyproject_selects():
    wanted = {canonicalize_name(r.name): r.marker for r in pyproject_requirements()}
    for spec in environment()["pip"]:
        requirement = Requirement(spec)
        declared = wanted[canonicalize_name(requirement.name)]
        assert lock.same_selection(requirement.marker, declared, pythons_of_the_lock()), spec


def test_environment_pins_equal_the_lock():
    locked = {pin.name: pin.version for pin in pins()}
    for spec in environment()["pip"]:
        requirement = Requirement(spec)
        specifiers = list(requirement.specifier)
        assert len(specifiers) == 1 and specifiers[0].operator == "==", spec
        assert specifiers[0].version == locked[canonicalize_name(requirement.name)], spec


def test_environment_header():
    env = environment()
    assert env["name"] == "regularization-in-practice"
    assert env["channels"] == ["conda-forge"]
    oldest = supported_pythons(pythons_of_the_lock())[0]
    assert env["conda"] == [f"python={oldest}", "pip"]


def test_the_lock_is_resolved_for_pyprojects_pythons():
    requires = tomllib.loads(PYPROJECT.read_text())["project"]["requires-python"]
    assert pythons_of_the_lock() == requires
    assert supported_pythons(requires) == ["3.11", "3.12", "3.13"]


@pytest.mark.parametrize("platform", sorted(lock.PLATFORMS))
@pytest.mark.parametrize("python", ["3.11", "3.12", "3.13"])
def test_the_lock_serves_every_platform_and_python(platform, python):
    """On each supported platform and Python, exactly one version of every package applies,
    including one TensorFlow, and what only that platform needs is pinned."""
    env = lock.marker_environment(platform, python)
    applying = [pin for pin in pins() if pin.applies(env)]
    names = [pin.name for pin in applying]
    assert len(names) == len(set(names)), sorted(n for n in names if names.count(n) > 1)
    tensorflow = {"tensorflow", "tensorflow-cpu"} & set(names)
    assert tensorflow == ({"tensorflow-cpu"} if platform == "Linux x86_64" else {"tensorflow"})
    own = {"Windows x86_64": {"colorama", "pywinpty"}, "macOS arm64": {"appnope"}}.get(platform)
    assert own is None or own <= set(names), platform


def test_every_pyproject_requirement_is_pinned_in_the_lock_within_its_bounds():
    versions: dict[str, set[str]] = {}
    for pin in pins():
        versions.setdefault(pin.name, set()).add(pin.version)
    for requirement in pyproject_requirements():
        name = canonicalize_name(requirement.name)
        assert name in versions, f"{name} is required by pyproject.toml but not pinned in the lock"
        (version,) = versions[name]
        assert requirement.specifier.contains(version, prereleases=True), (
            str(requirement),
            version,
        )


def test_lock_pins_are_canonical_unique_and_exclude_the_course_package():
    keys = [(pin.name, pin.marker) for pin in pins()]
    assert len(keys) == len(set(keys))
    for pin in pins():
        assert Requirement(pin.line).name == pin.name, f"lock names are PEP 503 normalized: {pin}"
        Version(pin.version)  # a valid version
    assert "regutils" not in {pin.name for pin in pins()}


PLATFORMS = [
    {"sys_platform": system, "platform_machine": machine}
    for system, machine in itertools.product(
        ["linux", "darwin", "win32"], ["x86_64", "aarch64", "arm64", "AMD64"]
    )
]


def test_lock_has_both_tensorflow_lines_with_complementary_markers():
    tf = {pin.name: pin for pin in pins() if pin.name in ("tensorflow", "tensorflow-cpu")}
    assert set(tf) == {"tensorflow", "tensorflow-cpu"}
    cpu, full = tf["tensorflow-cpu"], tf["tensorflow"]
    assert cpu.version == full.version
    assert cpu.marker and full.marker
    for platform in PLATFORMS:
        assert cpu.applies(platform) != full.applies(platform), platform  # exactly one installs
        expected_cpu = platform == {"sys_platform": "linux", "platform_machine": "x86_64"}
        assert cpu.applies(platform) == expected_cpu, platform
    # The markers select what pyproject.toml's select.
    declared = {canonicalize_name(r.name): r.marker for r in pyproject_requirements()}
    requires = pythons_of_the_lock()
    assert lock.same_selection(cpu.marker, declared["tensorflow-cpu"], requires)
    assert lock.same_selection(full.marker, declared["tensorflow"], requires)


def test_environment_yml_is_what_tools_lock_writes():
    """Drift check: regenerate environment.yml from the committed pyproject.toml and lock."""
    requirements = lock.project_requirements(PYPROJECT.read_text())
    expected = lock.build_environment(requirements, LOCK.read_text())
    assert ENVIRONMENT.read_text() == expected, "run `make lock` (or python -m tools.lock) again"


def test_lock_is_stable_under_tools_lock(tmp_path):
    """Feeding the lock's own pins back through tools/lock.py (as uv's output) gives the same
    lock and the committed environment.yml."""
    (tmp_path / "pyproject.toml").write_text(PYPROJECT.read_text())
    today = LOCK.read_text().split(" on ", 1)[1].split()[0]
    as_uv_writes = "".join(f"{pin.line.replace(';', ' ;')}\n" for pin in pins())
    lock.write_files(as_uv_writes, tmp_path, today=today)
    assert (tmp_path / "requirements-lock.txt").read_text() == LOCK.read_text()
    assert (tmp_path / "environment.yml").read_text() == ENVIRONMENT.read_text()


# ------------------------------------------------------------------------ tools/lock.py units


def test_build_lock_on_a_small_uv_output():
    compiled = "\n".join(
        [
            "numpy==2.4.6",
            "Jupyter_Client==8.10.0",
            "colorama==0.4.6 ; sys_platform == 'win32'",
            "soupsieve==4.1.2 ; python_full_version >= '3.11.5'",
            "soupsieve==2.10 ; python_full_version < '3.11.5'",
            "regutils==0.1.0",
            "tensorflow-cpu==2.21.0 ; platform_machine == 'x86_64' and sys_platform == 'linux'",
            "    # via keras",
            "",
        ]
    )
    text = lock.build_lock(compiled, ">=3.11,<3.14", "2026-01-02")
    assert text.splitlines() == [
        "# Exact versions of every package CI tested, used as pip constraints by the Makefile.",
        "# Generated by `make lock` on 2026-01-02 for Python >=3.11,<3.14 on Linux, macOS and Windows",
        "# (uv pip compile --universal); do not edit by hand. Loose lower bounds live in",
        "# pyproject.toml; environment.yml pins the same versions.",
        "colorama==0.4.6; sys_platform == 'win32'",
        "jupyter-client==8.10.0",
        "numpy==2.4.6",
        "soupsieve==2.10; python_full_version < '3.11.5'",
        "soupsieve==4.1.2; python_full_version >= '3.11.5'",
        "tensorflow-cpu==2.21.0; platform_machine == 'x86_64' and sys_platform == 'linux'",
    ]
    assert text.endswith("\n")
    assert lock_python(text) == ">=3.11,<3.14"  # the header the doctor reads


LOCK_TEXT = (
    "# a lock for Python >=3.11,<3.14\n"
    "numpy==2.4.6\n"
    "pytest==9.2.0\n"
    "tensorflow-cpu==2.21.0; sys_platform == 'linux'\n"
    "extra==1.0\n"
)


def test_build_environment_pins_and_quotes_marked_requirements():
    requirements = ["NumPy>=1.26", "tensorflow-cpu>=2.16; sys_platform == 'linux'", "pytest>=8"]
    text = lock.build_environment(requirements, LOCK_TEXT)
    assert "  - python=3.11\n" in text
    assert text.endswith(
        "  - pip:\n"
        "      - numpy==2.4.6\n"
        "      - \"tensorflow-cpu==2.21.0; sys_platform == 'linux'\"\n"
        "      - pytest==9.2.0\n"
    )
    assert "extra" not in text
    assert yaml.safe_load(text)["dependencies"][-1]["pip"][1] == (
        "tensorflow-cpu==2.21.0; sys_platform == 'linux'"
    )


def test_build_environment_refuses_an_unpinned_requirement():
    with pytest.raises(SystemExit, match=r"^scipy is required by pyproject\.toml but not pinned"):
        lock.build_environment(["numpy>=1", "SciPy>=1.10"], LOCK_TEXT)


def test_build_environment_refuses_a_marker_the_lock_does_not_have():
    with pytest.raises(SystemExit, match=r"^numpy: pyproject\.toml's marker"):
        lock.build_environment(["numpy>=1; sys_platform == 'win32'"], LOCK_TEXT)
