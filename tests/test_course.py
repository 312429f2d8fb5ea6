"""Where regutils finds the course's files (regutils/course.py): a clone, an explicitly named
course folder, or the copy shipped inside an installed wheel; and clear errors otherwise."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import regutils
from regutils import course, doctor
from regutils.course import CourseFilesNotFound, course_dir, course_file
from regutils.datasets import verify_data_file

ROOT = Path(regutils.__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def no_course_variable(monkeypatch):
    monkeypatch.delenv("REGUTILS_COURSE_DIR", raising=False)
    monkeypatch.delenv("REGUTILS_DATA_DIR", raising=False)


@pytest.fixture
def installed_wheel(tmp_path, monkeypatch):
    """regutils as a built wheel would lay it out: no lessons.toml above the package, and the
    course files in regutils/_course/ (copied here from the clone, as setup.py copies them)."""
    package = tmp_path / "site-packages" / "regutils"
    shipped = package / "_course"
    shutil.copytree(ROOT / "data", shipped / "data")
    shutil.copytree(ROOT / "solutions", shipped / "solutions")
    shutil.copy(ROOT / "requirements-lock.txt", shipped)
    monkeypatch.setattr(course, "_PACKAGE", package)
    return shipped


def test_a_clone_uses_its_own_folders():
    assert course_dir() == ROOT
    assert course_file("data") == ROOT / "data"
    assert course_file("solutions/01_overfitting_exercises.ipynb").is_file()


def test_an_installed_wheel_uses_its_shipped_copy(installed_wheel):
    assert course_dir() is None
    assert course_file("data/heart.csv") == installed_wheel / "data" / "heart.csv"
    assert verify_data_file("heart.csv") == installed_wheel / "data" / "heart.csv"
    ex = regutils.exercises("01")
    assert "### BEGIN SOLUTION" not in ex.solution_text("1") and ex.solution_text("1").strip()
    assert doctor.diagnose_course().detail.startswith("the copy shipped in the installed package")
    assert doctor.diagnose_data()[0].status == "OK"
    notebooks = doctor.diagnose_notebooks()
    assert notebooks.status == "SKIP" and "Colab" in notebooks.detail


def test_a_named_course_folder_wins(tmp_path, monkeypatch, installed_wheel):
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "lessons.toml").write_text("", encoding="utf-8")
    monkeypatch.setenv("REGUTILS_COURSE_DIR", str(tmp_path / "mine"))
    assert course_dir() == tmp_path / "mine"
    assert course_file("data") == tmp_path / "mine" / "data"


def test_a_named_folder_that_is_not_the_course_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setenv("REGUTILS_COURSE_DIR", str(tmp_path))
    with pytest.raises(
        CourseFilesNotFound, match=r"^REGUTILS_COURSE_DIR is .* has no lessons\.toml"
    ):
        course_file("data")
    finding = doctor.diagnose_course()
    assert finding.status == "FAIL" and finding.fix.startswith("set it to the course folder")
    names = [f.name for f in doctor.diagnose_all(skip_tensorflow=True)]
    assert names == ["Course files", "TensorFlow", "Widgets"]  # nothing else can be looked up


def test_no_clone_and_no_shipped_copy_says_how_to_point_at_one(tmp_path, monkeypatch):
    monkeypatch.setattr(course, "_PACKAGE", tmp_path / "site-packages" / "regutils")
    with pytest.raises(CourseFilesNotFound, match=r"set REGUTILS_COURSE_DIR to its folder"):
        course_file("data")
    assert doctor.diagnose_course().status == "FAIL"


@pytest.mark.parametrize(
    "relative, error, message",
    [
        (Path("data"), TypeError, r"^relative must be a str path"),
        ("", ValueError, r"^relative must be a path inside the course folder"),
        ("../secrets", ValueError, r"got '\.\./secrets'"),
        ("/etc/passwd", ValueError, r"got '/etc/passwd'"),
    ],
)
def test_bad_relative_paths_are_refused(relative, error, message):
    with pytest.raises(error, match=message):
        course_file(relative)
