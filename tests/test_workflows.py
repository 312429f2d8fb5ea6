"""The hosted-CI workflow (.github/workflows/ci.yml) runs what the Makefile and .ci/run define:
.ci/run on pushes and pull requests, on every supported Python; the drift run weekly."""

from __future__ import annotations

import tomllib
from pathlib import Path

import yaml

from regutils.lockfile import supported_pythons

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = yaml.safe_load((ROOT / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8"))
# YAML 1.1 reads the key `on` as True.
TRIGGERS = WORKFLOW.get("on", WORKFLOW.get(True))


def steps(job: str) -> list[dict]:
    return WORKFLOW["jobs"][job]["steps"]


def commands(job: str) -> list[str]:
    return [step["run"].strip() for step in steps(job) if "run" in step]


def test_triggers_are_pushes_pull_requests_and_a_weekly_schedule() -> None:
    assert {"push", "pull_request", "schedule"} <= set(TRIGGERS)
    (schedule,) = TRIGGERS["schedule"]
    minute, hour, day, month, weekday = schedule["cron"].split()
    assert (day, month) == ("*", "*") and weekday != "*"  # once a week


def test_pushes_run_ci_on_every_supported_python() -> None:
    assert "bash .ci/run" in commands("ci")
    assert "schedule" in WORKFLOW["jobs"]["ci"]["if"] and "!=" in WORKFLOW["jobs"]["ci"]["if"]
    (setup,) = [s for s in steps("ci") if s.get("uses", "").startswith("actions/setup-python")]
    versions = sorted(setup["with"]["python-version"].split())
    requires = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["requires-python"]
    assert versions == supported_pythons(requires)


def test_the_schedule_runs_the_drift_target_the_makefile_defines() -> None:
    assert "make test-latest" in commands("drift")
    assert "schedule" in WORKFLOW["jobs"]["drift"]["if"]
    assert "\ntest-latest:" in (ROOT / "Makefile").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert all(f"make {target}" in ci for target in ("test", "test-claims", "test-pythons"))
    # The claims run covers the other seeds and the simulated other CPU (every Keras notebook).
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    claims = makefile.split("\ntest-claims:")[1].split("\n\n")[0]
    assert "REGUTILS_SEED=1 $(PYTEST_PARALLEL) -q $(NOTEBOOK_PATHS)" in claims
    assert "REGUTILS_SEED=2 $(SIMULATED_CPU) $(PYTEST_PARALLEL) -q $(NOTEBOOK_PATHS)" in claims
    assert "SIMULATED_CPU := ONEDNN_MAX_CPU_ISA=SSE41 TF_ENABLE_ONEDNN_OPTS=1" in makefile
