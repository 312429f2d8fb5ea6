"""tools/drift_report.py: the drift run's report names each broken claim, cell and test and why."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from tools import drift_report

# What pytest --junitxml writes for nbval cells and unit tests (colour codes included), shortened.
JUNIT = """<?xml version="1.0" encoding="utf-8"?>
<testsuites><testsuite name="pytest" tests="5">
<testcase classname="notebooks.07_weight_penalties.ipynb" name="Cell 12" time="1.2">
<failure message="#x1B[91mNotebook cell execution failed#x1B[0m">Cell 12: Cell execution caused an exception
#x1B[31mClaimError#x1B[39m: ✘ L2 lowers the test log-loss on every fold: +0.01, -0.02 (claim: each &lt; 0) — does not hold in this run. A claim a lesson makes must hold.
</failure></testcase>
<testcase classname="notebooks.03_lasso.ipynb" name="Cell 4" time="0.1">
<failure message="Notebook cell execution failed">Cell 4: notebooks/03_lasso.ipynb: the cell wrote to stderr.
--- stderr ---
/tmp/ipykernel_1/1.py:2: FutureWarning: 'penalty' was deprecated in version 1.10
  warnings.warn('old API', FutureWarning)
</failure></testcase>
<testcase classname="notebooks.09_batch_normalization.ipynb" name="Cell 2" time="0.1">
<failure message="Notebook cell execution failed">Traceback
AttributeError: module 'keras.layers' has no attribute 'BatchNormalization'
</failure></testcase>
<testcase classname="tests.test_plots" name="test_title" time="0.1">
<failure message="AssertionError: assert 'a' == 'b'">def test_title():
&gt;       assert 'a' == 'b'
E       AssertionError: assert 'a' == 'b'
E         - b
</failure></testcase>
<testcase classname="tests.test_plots" name="test_fine" time="0.1"/>
<testcase classname="tests.test_plots" name="test_skipped" time="0.1"><skipped message="no"/></testcase>
</testsuite></testsuites>
"""


def test_each_failure_is_named_with_its_reason(tmp_path: Path) -> None:
    path = tmp_path / "latest.xml"
    path.write_text(JUNIT, encoding="utf-8")
    count, broken = drift_report.read_junit(path)
    assert count == 6
    assert [(b.kind, b.where, b.why) for b in broken] == [
        (
            "claim",
            "notebooks/07_weight_penalties.ipynb · Cell 12",
            "✘ L2 lowers the test log-loss on every fold: +0.01, -0.02 (claim: each < 0)",
        ),
        (
            "cell",
            "notebooks/03_lasso.ipynb · Cell 4",
            "FutureWarning: 'penalty' was deprecated in version 1.10",
        ),
        (
            "cell",
            "notebooks/09_batch_normalization.ipynb · Cell 2",
            "AttributeError: module 'keras.layers' has no attribute 'BatchNormalization'",
        ),
        ("test", "tests.test_plots::test_title", "AssertionError: assert 'a' == 'b'"),
    ]


def test_the_report_lists_versions_and_each_kind(tmp_path: Path) -> None:
    path = tmp_path / "latest.xml"
    path.write_text(JUNIT, encoding="utf-8")
    count, broken = drift_report.read_junit(path)
    changes = [("numpy", "2.4.6", "2.5.0"), ("zipp", "3.0", "3.1")]
    report = drift_report.render(count, broken, changes, seconds=600)
    assert "**4 broken**: 1 claims, 2 other cells, 1 tests." in report
    assert "| numpy | 2.4.6 | 2.5.0 |" in report
    assert "## Claims that no longer hold" in report and "## Tests that fail" in report
    clean = drift_report.render(6, [], [], seconds=60)
    assert (
        "**0 broken**" in clean
        and "None: the newest allowed versions are the locked ones." in clean
    )
    assert "## Claims" not in clean


def test_version_changes_put_the_lessons_libraries_first() -> None:
    lock = "zipp==0.0.1\nnumpy==0.0.1\ncolorama==0.4.6; sys_platform == 'nobody'\n"
    changes = drift_report.version_changes(lock)
    assert [name for name, _, _ in changes] == ["numpy", "zipp"]
    assert all(locked == "0.0.1" and here != locked for _, locked, here in changes)


def test_classify_passes_a_passing_case() -> None:
    assert drift_report.classify(ET.fromstring('<testcase classname="a" name="b"/>')) is None


def test_what_a_drift_environment_breaks_by_design_is_listed_apart() -> None:
    expected = drift_report.Broken(
        "claim",
        "notebooks/00_start_here.ipynb · Cell 5",
        "✘ every check passed (number of FAIL lines): 1 (claim: = 0)",
    )
    other = drift_report.Broken(
        "claim", "notebooks/02_ridge.ipynb · Cell 9", "✘ every check passed (x): 1 (claim: = 0)"
    )
    assert expected.expected and "requirements-lock.txt" in expected.expected
    assert other.expected is None
    report = drift_report.render(10, [expected, other], [], seconds=60)
    assert "**1 broken**: 1 claims" in report
    assert "## Expected in a drift run (not counted)" in report
    assert report.index("02_ridge") < report.index("## Expected") < report.index("00_start_here")
    assert "Not run: the tests marked `lock`" in report


def test_the_lock_marker_is_registered_and_used_by_the_doctor_tests() -> None:
    pyproject = (Path(__file__).resolve().parent.parent / "pyproject.toml").read_text()
    assert f'"{drift_report.LOCK_MARKER}: ' in pyproject
    doctor_tests = (Path(__file__).resolve().parent / "test_doctor.py").read_text()
    assert doctor_tests.count(f"@pytest.mark.{drift_report.LOCK_MARKER}\n") == 3
