"""The drift run's report: which claims, cells and tests newer library releases break, and why.

Used by ``make test-latest``, which first builds ``.venv-latest`` with the newest versions
``pyproject.toml`` allows (no lock) and then runs, from the repository root::

    .venv-latest/bin/python -m tools.drift_report

It runs the whole suite in the claims mode (``--claims-only``: every cell must run, write nothing
to stderr and keep its claims; stored digits are not compared, since newer libraries change them
legitimately) with a JUnit XML record, then writes ``bench-results/latest.md``: the versions that
differ from the lock, and one row per broken claim, cell or test with the reason (the claim's ✘
line, the warning a cell printed, or the error's last line). It exits 1 if anything broke.

What breaks by design in a drift environment is not counted: the tests marked ``lock`` (they assert
that the installed packages are the locked ones) are left out, and the claims of
:data:`EXPECTED_CLAIMS` (lesson 00 runs the doctor, whose Packages check compares with the lock)
are listed apart, under "Expected in a drift run".
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from regutils.lockfile import parse_lock

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench-results"
#: The packages whose versions the report lists first: the ones lessons are written against.
KEY_PACKAGES = (
    "numpy",
    "pandas",
    "scipy",
    "scikit-learn",
    "matplotlib",
    "tensorflow-cpu",
    "tensorflow",
    "keras",
    "ipywidgets",
    "jupyterlab",
    "nbval",
)


#: Claims a drift environment breaks by design: (notebook, the claim's words) -> why.
EXPECTED_CLAIMS = {
    ("notebooks/00_start_here.ipynb", "every check passed"): (
        "the doctor's Packages check compares the installed versions with requirements-lock.txt, "
        "which a drift environment differs from by design"
    ),
}
#: The pytest marker of the tests left out of a drift run (see pyproject.toml).
LOCK_MARKER = "lock"


@dataclass(frozen=True)
class Broken:
    """One failed test: ``kind`` (``claim``, ``cell`` or ``test``), where, and why."""

    kind: str
    where: str
    why: str

    @property
    def expected(self) -> str | None:
        """Why a drift environment breaks this by design, or ``None`` (see EXPECTED_CLAIMS)."""
        if self.kind != "claim":
            return None
        for (notebook, words), reason in EXPECTED_CLAIMS.items():
            if self.where.startswith(f"{notebook} · ") and self.why.startswith(f"✘ {words} "):
                return reason
        return None


# Colour codes, raw or as pytest's JUnit writer escapes them ("#x1B[31m").
_ANSI = re.compile(r"(?:\x1b|#x1B)\[[0-9;]*m")
_WARNING = re.compile(r"\b(\w+Warning): (.+)$")
_ERROR = re.compile(r"^(\w+(?:Error|Exception)): (.+)$")


def _where(testcase: ET.Element) -> str:
    """``notebooks/01_x.ipynb · Cell 3`` for a notebook cell, ``tests.test_x::test_y`` otherwise."""
    classname, name = testcase.get("classname", ""), testcase.get("name", "?")
    if classname.endswith(".ipynb"):
        return f"{classname.removesuffix('.ipynb').replace('.', '/')}.ipynb · {name}"
    return f"{classname}::{name}"


def classify(testcase: ET.Element) -> Broken | None:
    """Why a JUnit test case failed (a claim's ✘ line, a warning, an error's last line), or
    ``None`` if it passed or was skipped."""
    problem = testcase.find("failure")
    if problem is None:
        problem = testcase.find("error")
    if problem is None:
        return None
    text = _ANSI.sub("", f"{problem.get('message', '')}\n{problem.text or ''}")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    where = _where(testcase)
    claims = [line[line.index("✘") :].split(" — does not hold")[0] for line in lines if "✘" in line]
    if claims:
        return Broken("claim", where, _join(claims))
    if " · " in where:  # a notebook cell that raised or wrote to stderr
        warnings = [": ".join(m.groups()) for line in lines if (m := _WARNING.search(line))]
        errors = [line for line in lines if _ERROR.match(line)]
        return Broken("cell", where, _join(warnings or errors or lines[-1:]))
    assertion = [line.removeprefix("E").strip() for line in lines if line.startswith("E ")]
    return Broken("test", where, _join(assertion[:1] or lines[-1:]))


def _join(reasons: list[str]) -> str:
    """Distinct reasons, in order, joined; at most 400 characters."""
    return "; ".join(dict.fromkeys(reasons))[:400]


def read_junit(path: Path) -> tuple[int, list[Broken]]:
    """The number of test cases and the broken ones, from pytest's ``--junitxml`` file."""
    cases = ET.parse(path).getroot().iter("testcase")
    count, broken = 0, []
    for case in cases:
        count += 1
        result = classify(case)
        if result is not None:
            broken.append(result)
    return count, broken


def version_changes(lock_text: str) -> list[tuple[str, str, str]]:
    """(package, locked, installed) for every locked package installed here at another version,
    key packages first."""
    changes = []
    for pin in parse_lock(lock_text):
        if not pin.applies():
            continue
        try:
            installed = metadata.version(pin.name)
        except metadata.PackageNotFoundError:
            installed = "not installed"
        if installed != pin.version:
            changes.append((pin.name, pin.version, installed))
    order = {name: i for i, name in enumerate(KEY_PACKAGES)}
    return sorted(changes, key=lambda c: (order.get(c[0], len(order)), c[0]))


def render(
    count: int, broken: list[Broken], changes: list[tuple[str, str, str]], seconds: float
) -> str:
    """The Markdown report."""
    expected = [b for b in broken if b.expected]
    broken = [b for b in broken if not b.expected]
    python = ".".join(map(str, sys.version_info[:3]))
    out = [
        "# Drift run: the newest versions pyproject.toml allows",
        "",
        f"{time.strftime('%Y-%m-%d')}, Python {python}, {count} tests and notebook cells in "
        f"{seconds / 60:.1f} min (`make test-latest`: claims mode, stored digits not compared).",
        "",
        f"**{len(broken)} broken**: {sum(b.kind == 'claim' for b in broken)} claims, "
        f"{sum(b.kind == 'cell' for b in broken)} other cells, "
        f"{sum(b.kind == 'test' for b in broken)} tests. Not run: the tests marked "
        f"`{LOCK_MARKER}`, which assert that the installed packages are the locked ones.",
        "",
        "## Versions that differ from requirements-lock.txt",
        "",
    ]
    if changes:
        out += ["| package | locked | here |", "|---|---|---|"]
        out += [f"| {name} | {locked} | {here} |" for name, locked, here in changes]
    else:
        out.append("None: the newest allowed versions are the locked ones.")
    for kind, title in (
        ("claim", "Claims that no longer hold"),
        ("cell", "Cells that fail or warn"),
        ("test", "Tests that fail"),
    ):
        rows = [b for b in broken if b.kind == kind]
        if rows:
            out += ["", f"## {title}", "", "| where | why |", "|---|---|"]
            out += [f"| {b.where} | {b.why.replace('|', '¦')} |" for b in rows]
    if expected:
        out += ["", "## Expected in a drift run (not counted)", "", "| where | why | because |"]
        out += ["|---|---|---|"]
        out += [f"| {b.where} | {b.why.replace('|', '¦')} | {b.expected} |" for b in expected]
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--output", type=Path, default=RESULTS / "latest.md")
    parser.add_argument("pytest_args", nargs="*", help="extra pytest arguments (default: none)")
    args = parser.parse_args(argv)
    RESULTS.mkdir(exist_ok=True)
    junit = RESULTS / "latest.xml"
    command = [
        sys.executable,
        "-m",
        "pytest",
        "-n",
        "2",
        "--dist",
        "loadscope",
        "-q",
        "--claims-only",
        "-m",
        f"not browser and not wheelhouse and not site and not {LOCK_MARKER}",
    ]
    command += [f"--junitxml={junit}", *args.pytest_args]
    print("+ " + " ".join(command), flush=True)
    start = time.monotonic()
    subprocess.run(command, cwd=ROOT, check=False)
    seconds = time.monotonic() - start
    if not junit.is_file():
        print("error: pytest wrote no JUnit record; see its output above", file=sys.stderr)
        return 1
    count, broken = read_junit(junit)
    changes = version_changes((ROOT / "requirements-lock.txt").read_text(encoding="utf-8"))
    report = render(count, broken, changes, seconds)
    args.output.write_text(report, encoding="utf-8")
    print(report)
    return 1 if any(not b.expected for b in broken) else 0


if __name__ == "__main__":
    sys.exit(main())
