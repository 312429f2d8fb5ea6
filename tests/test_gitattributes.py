"""A clone made the way Git for Windows makes it (core.autocrlf=true) keeps the data byte-exact.

Without .gitattributes such a clone checks ``data/heart.csv`` out with CRLF line endings: its
SHA-256 check fails, and the doctor's fix (``git checkout -- data/heart.csv``) writes the same CRLF
file again. The clone is of the committed HEAD, so commit .gitattributes changes before testing.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from regutils import doctor
from regutils.datasets import DATA_FILES

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(
    shutil.which("git") is None or not (ROOT / ".git").exists(),
    reason="needs git and a git checkout of the course",
)


def git(*args: str, cwd: Path) -> str:
    return subprocess.run(
        ["git", *args], cwd=cwd, check=True, capture_output=True, text=True
    ).stdout


@pytest.fixture(scope="module")
def windows_clone(tmp_path_factory) -> Path:
    """A clone of HEAD with Git for Windows' usual setting, core.autocrlf=true."""
    clone = tmp_path_factory.mktemp("crlf") / "course"
    git("clone", "--quiet", "--config", "core.autocrlf=true", str(ROOT), str(clone), cwd=ROOT)
    return clone


def test_the_doctor_finds_the_data_of_an_autocrlf_clone_intact(windows_clone, monkeypatch):
    monkeypatch.setenv("REGUTILS_DATA_DIR", str(windows_clone / "data"))
    findings = doctor.diagnose_data()
    assert {f.name for f in findings} == {f"Data {name}" for name in DATA_FILES}
    assert all(f.status == "OK" for f in findings), [doctor.format_finding(f) for f in findings]


def test_text_files_of_an_autocrlf_clone_keep_lf(windows_clone):
    eol = git(
        "ls-files", "--eol", "notebooks", "solutions", "data", "lessons.toml", cwd=windows_clone
    )
    working_tree = {line.split()[1] for line in eol.splitlines()}
    assert working_tree <= {"w/lf", "w/-text"}, eol


def test_without_the_attributes_the_doctors_fix_brings_crlf_back(windows_clone):
    """The failure .gitattributes prevents, reproduced so that this test can fail."""
    (windows_clone / ".gitattributes").write_text("", encoding="utf-8")
    (windows_clone / "data" / "heart.csv").unlink()
    git("checkout", "--", "data/heart.csv", cwd=windows_clone)
    assert b"\r\n" in (windows_clone / "data" / "heart.csv").read_bytes()
