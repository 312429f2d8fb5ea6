"""Binder (repo2docker) configuration and the README's launch links.

repo2docker reads ``binder/`` and then ignores the top-level ``environment.yml``, so
``binder/environment.yml`` must carry the whole environment: ``tools/lock.py`` writes it with every
pin of ``requirements-lock.txt``. ``binder/postBuild`` installs the course package and
``binder/start`` sets the environment the Makefile and the tests set. The scripts themselves run
on the locked set in ``tests/test_wheelhouse.py``; here: fast static checks.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from regutils.lockfile import lock_python, parse_lock, supported_pythons
from tools import browser_check, lock

ROOT = Path(__file__).resolve().parent.parent
BINDER = ROOT / "binder"
LOCK = ROOT / "requirements-lock.txt"
SCRIPTS = ["postBuild", "start"]


def oldest_python_of_the_lock() -> str:
    requires = lock_python(LOCK.read_text())
    assert requires, f"{LOCK.name} does not say which Pythons it was resolved for"
    return supported_pythons(requires)[0]


def binder_environment() -> dict:
    return yaml.safe_load((BINDER / "environment.yml").read_text())


# ------------------------------------------------------------------------- binder/environment.yml


def test_binder_environment_is_what_tools_lock_writes():
    expected = lock.build_binder_environment(LOCK.read_text())
    assert (BINDER / "environment.yml").read_text() == expected, (
        "run `make lock` (or python -m tools.lock) again"
    )


def test_binder_environment_pins_exactly_what_the_lock_gives_linux_x86_64():
    """Read as YAML, as conda reads it: every pin of the lock that Binder's Linux x86_64 machine
    installs on the oldest supported Python, in order, one version per package."""
    (pip,) = [d["pip"] for d in binder_environment()["dependencies"] if isinstance(d, dict)]
    binder = lock.marker_environment("Linux x86_64", oldest_python_of_the_lock())
    locked = [f"{p.name}=={p.version}" for p in parse_lock(LOCK.read_text()) if p.applies(binder)]
    assert pip == locked
    names = [line.split("==")[0] for line in pip]
    assert len(names) == len(set(names)) and "tensorflow-cpu" in names
    assert not {"tensorflow", "colorama", "appnope", "pywinpty"} & set(names)


def test_binder_environment_header():
    data = binder_environment()
    assert data["channels"] == ["conda-forge"]
    assert [d for d in data["dependencies"] if isinstance(d, str)] == [
        f"python={oldest_python_of_the_lock()}",
        "pip",
    ]


def test_binder_folder_holds_only_what_repo2docker_should_read():
    # A requirements.txt or a second environment file here would change what Binder builds.
    assert sorted(p.name for p in BINDER.iterdir()) == ["environment.yml", "postBuild", "start"]


# ---------------------------------------------------------------------------- postBuild and start


@pytest.mark.parametrize("name", SCRIPTS)
def test_script_is_executable_bash_that_stops_at_the_first_failure(name):
    path = BINDER / name
    assert os.access(path, os.X_OK), f"chmod +x binder/{name} (and commit the mode)"
    text = path.read_text()
    assert text.splitlines()[0] in ("#!/bin/bash", "#!/usr/bin/env bash")
    code = [line.split("#")[0].strip() for line in text.splitlines()[1:]]
    first = next(line for line in code if line)
    assert re.fullmatch(r"set -e\w*( -o pipefail)?|set -euo pipefail", first), first
    subprocess.run(["bash", "-n", str(path)], check=True)


def test_start_sets_the_test_environment_and_ends_with_exec():
    text = (BINDER / "start").read_text()
    code = [line.split("#")[0].strip() for line in text.splitlines() if line.split("#")[0].strip()]
    assert code[-1] == 'exec "$@"'
    assert "export PYTHONHASHSEED=0" in code
    assert "export TF_CPP_MIN_LOG_LEVEL=3" in code
    assert "unset MPLBACKEND" in code
    makefile = (ROOT / "Makefile").read_text()
    assert "export PYTHONHASHSEED := 0" in makefile and "unexport MPLBACKEND" in makefile


def test_start_runs_its_command_and_passes_its_exit_status():
    env = os.environ | {"MPLBACKEND": "Agg", "PYTHONHASHSEED": "random"}
    out = subprocess.run(
        [str(BINDER / "start"), "env"], env=env, capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert "PYTHONHASHSEED=0" in out and "TF_CPP_MIN_LOG_LEVEL=3" in out
    assert not any(line.startswith("MPLBACKEND=") for line in out)
    assert subprocess.run([str(BINDER / "start"), "false"]).returncode == 1


def test_postbuild_installs_the_course_package_without_dependencies():
    code = [line.split("#")[0].strip() for line in (BINDER / "postBuild").read_text().splitlines()]
    assert "python -m pip install --no-deps -e ." in code


def postbuild_overrides() -> dict:
    text = (BINDER / "postBuild").read_text()
    return json.loads(re.search(r"<<'JSON'\n(.*?)\nJSON\n", text, re.S).group(1))


def browser_check_settings() -> dict:
    """LAB_SETTINGS of tools/browser_check.py, keyed by plugin id."""
    # There the keys are settings file paths, "@scope/package/plugin"; ids are "@scope/package:plugin".
    return {
        ":".join(path.rsplit("/", 1)): values for path, values in browser_check.LAB_SETTINGS.items()
    }


@pytest.mark.parametrize("source", ["binder/postBuild", "tools/browser_check.py"])
def test_jupyterlab_settings_exist_in_its_schemas(source):
    """The JupyterLab settings the project writes name real settings with allowed values (a
    renamed setting would otherwise be ignored in silence)."""
    settings = postbuild_overrides() if source == "binder/postBuild" else browser_check_settings()
    assert settings
    schemas = Path(sys.prefix) / "share" / "jupyter" / "lab" / "schemas"
    for plugin, values in settings.items():
        package, _, name = plugin.rpartition(":")
        schema = json.loads((schemas / package / f"{name}.json").read_text())
        for key, value in values.items():
            prop = schema["properties"][key]
            if "oneOf" in prop:
                assert value in [choice["const"] for choice in prop["oneOf"]], (plugin, key)
            else:
                assert isinstance(value, {"boolean": bool, "string": str}[prop["type"]]), (
                    plugin,
                    key,
                )


# README launch links (Binder, Colab, nbgitpuller) are generated from lessons.toml's
# [course] repository and tested in tests/test_docs.py.
