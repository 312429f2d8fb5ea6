"""Drift tests: pyproject.toml, requirements-lock.txt and environment.yml must agree, and
environment.yml must be exactly what tools/lock.py writes from the other two."""

from __future__ import annotations

import importlib.util
import io
import itertools
import re
import sys
import tomllib
from pathlib import Path

import pytest
from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = ROOT / "pyproject.toml"
LOCK = ROOT / "requirements-lock.txt"
ENVIRONMENT = ROOT / "environment.yml"


def load_lock_tool():
    """tools/ is not a package: import tools/lock.py from its path."""
    spec = importlib.util.spec_from_file_location("regutils_tools_lock", ROOT / "tools" / "lock.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


lock_tool = load_lock_tool()


def canonical(name: str) -> str:
    """PEP 503 normalization, written out here so the test does not trust tools/lock.py for it."""
    return re.sub(r"[-_.]+", "-", name).lower()


# ------------------------------------------------------------------------------------- parsers


def pyproject_requirements() -> list[Requirement]:
    project = tomllib.loads(PYPROJECT.read_text())["project"]
    return [
        Requirement(r) for r in project["dependencies"] + project["optional-dependencies"]["test"]
    ]


def lock_lines() -> list[str]:
    return [
        line for line in LOCK.read_text().splitlines() if line.strip() and not line.startswith("#")
    ]


def lock_entries() -> list[tuple[str, str, str]]:
    """(canonical name, version, marker) for every pin of the lock."""
    entries = []
    for line in lock_lines():
        spec, _, marker = line.partition(";")
        name, sep, version = spec.partition("==")
        assert sep, f"not an exact pin in {LOCK.name}: {line!r}"
        entries.append((canonical(name.strip()), version.strip(), marker.strip()))
    return entries


def lock_python() -> str:
    match = re.search(r"with Python (\d+\.\d+\.\d+)", LOCK.read_text())
    assert match, f"{LOCK.name} does not say which Python made it"
    return match.group(1)


def environment_yml() -> dict:
    """A tiny line-based reader of environment.yml: name, channels, conda deps and the pip list."""
    result = {"name": None, "channels": [], "conda": [], "pip": []}
    section = None
    for raw in ENVIRONMENT.read_text().splitlines():
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        if not raw.startswith(" "):
            key, _, value = raw.partition(":")
            section = key.strip()
            if section == "name":
                result["name"] = value.strip()
            continue
        item = raw.strip()
        assert item.startswith("- "), f"unexpected line in environment.yml: {raw!r}"
        item = item[2:].strip()
        if section == "channels":
            result["channels"].append(item)
        elif item == "pip:":
            section = "pip"
        elif section == "pip":
            assert raw.startswith("      - "), f"pip entries are indented 6 spaces: {raw!r}"
            result["pip"].append(item.strip('"'))
        else:
            result["conda"].append(item)
    return result


# ------------------------------------------------------------------------------ the three files


def test_environment_names_the_same_packages_as_pyproject():
    wanted = [canonical(r.name) for r in pyproject_requirements()]
    in_environment = [canonical(Requirement(spec).name) for spec in environment_yml()["pip"]]
    assert in_environment == wanted  # same packages, same order, no duplicates
    assert len(set(wanted)) == len(wanted)


def test_environment_markers_match_pyproject():
    wanted = {
        canonical(r.name): str(r.marker) if r.marker else None for r in pyproject_requirements()
    }
    for spec in environment_yml()["pip"]:
        requirement = Requirement(spec)
        marker = str(requirement.marker) if requirement.marker else None
        assert marker == wanted[canonical(requirement.name)], spec


def test_environment_pins_equal_the_lock():
    pins = {name: version for name, version, _ in lock_entries()}
    for spec in environment_yml()["pip"]:
        requirement = Requirement(spec)
        specifiers = list(requirement.specifier)
        assert len(specifiers) == 1 and specifiers[0].operator == "==", spec
        assert specifiers[0].version == pins[canonical(requirement.name)], spec


def test_environment_header():
    env = environment_yml()
    assert env["name"] == "regularization-in-practice"
    assert env["channels"] == ["conda-forge"]
    python = Version(lock_python())
    assert env["conda"] == [f"python={python.major}.{python.minor}", "pip"]


def test_lock_python_satisfies_requires_python():
    requires = tomllib.loads(PYPROJECT.read_text())["project"]["requires-python"]
    assert Requirement(f"python{requires}").specifier.contains(lock_python())


def test_every_pyproject_requirement_is_pinned_in_the_lock_within_its_bounds():
    pins = {}
    for name, version, _ in lock_entries():
        pins.setdefault(name, set()).add(version)
    for requirement in pyproject_requirements():
        name = canonical(requirement.name)
        assert name in pins, f"{name} is required by pyproject.toml but not pinned in the lock"
        (version,) = pins[name]
        assert requirement.specifier.contains(version, prereleases=True), (
            str(requirement),
            version,
        )


def test_lock_pins_are_canonical_unique_and_exclude_the_course_package():
    names = [(name, marker) for name, _, marker in lock_entries()]
    assert len(names) == len(set(names))
    for line in lock_lines():
        name = line.split("==")[0]
        assert name == canonical(name), f"lock names are PEP 503 normalized: {line!r}"
        Version(line.split("==")[1].split(";")[0].strip())  # a valid version
    assert "regutils" not in {name for name, _ in names}


PLATFORMS = [
    {"sys_platform": system, "platform_machine": machine}
    for system, machine in itertools.product(
        ["linux", "darwin", "win32"], ["x86_64", "aarch64", "arm64", "AMD64"]
    )
]


def test_lock_has_both_tensorflow_lines_with_complementary_markers():
    tf = {
        name: (version, marker)
        for name, version, marker in lock_entries()
        if name in ("tensorflow", "tensorflow-cpu")
    }
    assert set(tf) == {"tensorflow", "tensorflow-cpu"}
    (cpu_version, cpu_marker), (full_version, full_marker) = tf["tensorflow-cpu"], tf["tensorflow"]
    assert cpu_version == full_version
    assert cpu_marker and full_marker
    for platform in PLATFORMS:
        cpu, full = Marker(cpu_marker).evaluate(platform), Marker(full_marker).evaluate(platform)
        assert cpu != full, platform  # exactly one of the two installs
        expected_cpu = platform == {"sys_platform": "linux", "platform_machine": "x86_64"}
        assert cpu == expected_cpu, platform
    # The markers are the ones pyproject.toml uses.
    declared = {canonical(r.name): str(r.marker) for r in pyproject_requirements() if r.marker}
    assert Marker(cpu_marker) == Marker(declared["tensorflow-cpu"])
    assert Marker(full_marker) == Marker(declared["tensorflow"])


def test_environment_yml_is_what_tools_lock_writes():
    """Drift check: regenerate environment.yml from the committed pyproject.toml and lock."""
    requirements = lock_tool.project_requirements(PYPROJECT.read_text())
    pins = lock_tool.read_lock(LOCK.read_text())
    expected = lock_tool.build_environment(requirements, pins, lock_python())
    assert ENVIRONMENT.read_text() == expected, "run `make lock` (or tools/lock.py) again"


def test_lock_is_stable_under_tools_lock(tmp_path, monkeypatch):
    """Feeding the lock's own pins back through tools/lock.py's main() gives the same pins and the
    committed environment.yml."""
    freeze = []
    for name, version, marker in lock_entries():
        if name == "tensorflow":  # build_lock writes this line itself from tensorflow-cpu
            assert marker == lock_tool.OTHER_MARKER
            continue
        freeze.append(f"{name}=={version}")
    (tmp_path / "pyproject.toml").write_text(PYPROJECT.read_text())
    monkeypatch.setattr(lock_tool, "ROOT", tmp_path)
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n".join(freeze) + "\n"))
    lock_tool.main()
    regenerated = [
        line
        for line in (tmp_path / "requirements-lock.txt").read_text().splitlines()
        if line and not line.startswith("#")
    ]
    assert sorted(regenerated) == sorted(lock_lines())
    assert (tmp_path / "environment.yml").read_text() == ENVIRONMENT.read_text()


# ------------------------------------------------------------------------ tools/lock.py units


def test_build_lock_on_a_small_fake_freeze():
    freeze = [
        "numpy==2.4.6",
        "Jupyter_Client==8.10.0",
        "argon2-cffi-bindings==26.2.0",
        "argon2-cffi==25.1.0",
        "-e git+https://example.org/regutils@abc123#egg=regutils",
        "regutils==0.1.0",
        "regutils @ file:///work/main",
        "# Editable install with no version control (regutils==0.1.0)",
        "tensorflow-cpu==2.21.0",
        "ruamel.yaml==0.18.6",
        "typing_extensions==4.16.0",
        "",
        "   ",
    ]
    text = lock_tool.build_lock(freeze, "3.11.7", "2026-01-02")
    cpu = "sys_platform == 'linux' and platform_machine == 'x86_64'"
    other = "sys_platform != 'linux' or platform_machine != 'x86_64'"
    assert text.splitlines() == [
        "# Exact versions of every package CI tested, used as pip constraints by the Makefile.",
        "# Generated by `make lock` on 2026-01-02 with Python 3.11.7; do not edit by hand.",
        "# Loose lower bounds live in pyproject.toml; environment.yml pins the same versions.",
        "argon2-cffi==25.1.0",
        "argon2-cffi-bindings==26.2.0",
        "jupyter-client==8.10.0",
        "numpy==2.4.6",
        "ruamel-yaml==0.18.6",
        f"tensorflow-cpu==2.21.0; {cpu}",
        f"tensorflow==2.21.0; {other}",
        "typing-extensions==4.16.0",
    ]
    assert text.endswith("\n")
    assert lock_tool.read_lock(text) == {
        "argon2-cffi": "25.1.0",
        "argon2-cffi-bindings": "26.2.0",
        "jupyter-client": "8.10.0",
        "numpy": "2.4.6",
        "ruamel-yaml": "0.18.6",
        "tensorflow-cpu": "2.21.0",
        "tensorflow": "2.21.0",
        "typing-extensions": "4.16.0",
    }


def test_build_environment_pins_and_quotes_marked_requirements():
    requirements = ["NumPy>=1.26", "tensorflow-cpu>=2.16; sys_platform == 'linux'", "pytest>=8"]
    pins = {"numpy": "2.4.6", "tensorflow-cpu": "2.21.0", "pytest": "9.2.0", "extra": "1.0"}
    text = lock_tool.build_environment(requirements, pins, "3.12.1")
    assert "  - python=3.12\n" in text
    assert text.endswith(
        "  - pip:\n"
        "      - numpy==2.4.6\n"
        "      - \"tensorflow-cpu==2.21.0; sys_platform == 'linux'\"\n"
        "      - pytest==9.2.0\n"
    )
    assert "extra" not in text


def test_build_environment_refuses_an_unpinned_requirement():
    with pytest.raises(SystemExit, match=r"^scipy is required by pyproject\.toml but not pinned"):
        lock_tool.build_environment(["numpy>=1", "SciPy>=1.10"], {"numpy": "2.4.6"}, "3.11.7")


@pytest.mark.parametrize(
    "requirement, name",
    [
        ("numpy>=1.26", "numpy"),
        ("Scikit_Learn>=1.8", "scikit-learn"),
        ("ruamel.yaml", "ruamel-yaml"),
        ("tensorflow-cpu>=2.16; sys_platform == 'linux'", "tensorflow-cpu"),
        ("  pytest", "pytest"),
        ("nbval[extra]>=0.11", "nbval"),
    ],
)
def test_requirement_name(requirement, name):
    assert lock_tool.requirement_name(requirement) == name


def test_requirement_name_rejects_garbage():
    with pytest.raises(ValueError, match="cannot read a package name"):
        lock_tool.requirement_name(">=1.0")


def test_canonical_matches_pep_503():
    for name in ("Jupyter_Client", "ruamel.yaml", "typing--extensions", "A-_.b"):
        assert lock_tool.canonical(name) == canonical(name)
    assert lock_tool.canonical("Foo.Bar_baz") == "foo-bar-baz"


def test_yaml_reading_agrees_with_the_line_parser():
    yaml = pytest.importorskip("yaml")
    data = yaml.safe_load(ENVIRONMENT.read_text())
    mine = environment_yml()
    assert data["name"] == mine["name"]
    assert data["channels"] == mine["channels"]
    conda = [d for d in data["dependencies"] if isinstance(d, str)]
    (pip,) = [d["pip"] for d in data["dependencies"] if isinstance(d, dict)]
    assert conda == mine["conda"]
    assert pip == mine["pip"]
