"""The lesson registry (lessons.toml): every lesson is everywhere it must be, and nothing drifts.

The README's course table, the course map in lesson 00, the ``**Time:**`` line of every lesson and
the INSTRUCTORS.md schedules are written by ``make registry`` (tools/registry.py). These tests
read the files themselves, so a lesson missing from any of them fails here, whoever forgot it.
"""

from __future__ import annotations

import re
import shutil
import tomllib
from pathlib import Path

import nbformat
import pytest

from tools import registry

ROOT = Path(__file__).resolve().parent.parent
REGISTRY = registry.load()
LESSONS = REGISTRY.lessons
IDS = [lesson.number for lesson in LESSONS]


def test_generated_texts_match_the_registry() -> None:
    stale = [str(path.relative_to(ROOT)) for path in registry.drifted(ROOT)]
    assert not stale, f"{stale} drifted from lessons.toml: run `make registry`"


def test_every_lesson_has_its_files_and_every_file_its_lesson() -> None:
    assert registry.problems(ROOT, REGISTRY) == []


def _table_rows(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("| ")]


@pytest.mark.parametrize("lesson", LESSONS, ids=IDS)
def test_lesson_is_in_the_readme_course_table(lesson: registry.Lesson) -> None:
    rows = _table_rows((ROOT / "README.md").read_text(encoding="utf-8"))
    row = [r for r in rows if r.startswith(f"| {lesson.number} | {lesson.title} |")]
    assert len(row) == 1, f"README.md has no course-table row for lesson {lesson.number}"
    assert f"]({lesson.notebook})" in row[0]


@pytest.mark.parametrize("lesson", LESSONS, ids=IDS)
def test_lesson_is_on_the_course_map(lesson: registry.Lesson) -> None:
    nb = nbformat.read(ROOT / LESSONS[0].notebook, as_version=4)
    course_map = [c.source for c in nb.cells if c.source.startswith(registry.COURSE_MAP_HEADING)]
    assert len(course_map) == 1
    row = [r for r in _table_rows(course_map[0]) if r.startswith(f"| {lesson.number} |")]
    assert len(row) == 1, f"the course map in lesson 00 has no row for lesson {lesson.number}"
    assert lesson is LESSONS[0] or f"({lesson.stem}.ipynb)" in row[0]


@pytest.mark.parametrize("lesson", LESSONS, ids=IDS)
def test_lesson_is_in_the_full_day_schedule_and_the_guide(lesson: registry.Lesson) -> None:
    text = (ROOT / "INSTRUCTORS.md").read_text(encoding="utf-8")
    full_day = text.split("<!-- schedule:full-day:start -->")[1].split(
        "<!-- schedule:full-day:end"
    )[0]
    assert f"| {lesson.heading}" in full_day, f"lesson {lesson.number} is not in the full day"
    assert f"\n### {lesson.heading}\n" in text, (
        f"INSTRUCTORS.md has no section for {lesson.heading}"
    )


def test_half_day_text_names_the_lessons_it_skips() -> None:
    text = (ROOT / "INSTRUCTORS.md").read_text(encoding="utf-8")
    taught = {block.lesson for block in REGISTRY.schedules["half-day"]}
    skipped = [lesson.number for lesson in LESSONS if lesson.number not in taught]
    said = re.search(r"Skip lessons\s+([\d,\sand]+?)\s*\(", text)
    assert said, "INSTRUCTORS.md: the half-day section should say which lessons it skips"
    assert re.findall(r"\d\d", said.group(1)) == skipped


@pytest.mark.parametrize("lesson", [lesson for lesson in LESSONS if lesson.keras], ids=str)
def test_keras_lesson_is_in_the_browser_and_cpu_lists(lesson: registry.Lesson) -> None:
    import test_browser  # the browser test's lists, read where the test reads them

    assert lesson.notebook in test_browser.KERAS_LESSONS
    assert lesson.notebook in registry.notebook_paths(REGISTRY, keras=True)


def test_the_other_pythons_run_one_scikit_learn_and_one_keras_lesson() -> None:
    """make test-pythons (Python 3.12 and 3.13) names its two lessons; they must still exist and
    be one of each kind after lessons are renumbered."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    match = re.search(r"^OTHER_PYTHON_LESSONS \?= (.+)$", makefile, re.MULTILINE)
    assert match, "the Makefile no longer names OTHER_PYTHON_LESSONS"
    by_notebook = {lesson.notebook: lesson for lesson in REGISTRY.lessons}
    named = match[1].split()
    assert all(path in by_notebook for path in named), named
    assert sorted(by_notebook[path].keras for path in named) == [False, True]


def test_time_paragraph_quotes_the_measured_run_time() -> None:
    lesson = LESSONS[1]
    nb = nbformat.read(ROOT / lesson.notebook, as_version=4)
    seconds = registry.run_times((ROOT / "README.md").read_text(encoding="utf-8"))
    assert registry.time_paragraph(lesson, seconds) in nb.cells[0].source
    assert f"{seconds[lesson.notebook]:.1f} s" in registry.time_paragraph(lesson, seconds) or (
        f"{seconds[lesson.notebook]:.0f} s" in registry.time_paragraph(lesson, seconds)
    )


def test_schedule_clock_adds_up_the_minutes() -> None:
    table = registry.schedule_table(REGISTRY, "half-day", {})
    total = sum(block.minutes for block in REGISTRY.schedules["half-day"])
    assert table.splitlines()[-1] == f"| {total // 60}:{total % 60:02d} | end | | |"


# --------------------------------------------------------------------------- the checks can fail


@pytest.fixture()
def course_copy(tmp_path: Path) -> Path:
    """The files the registry reads and writes, copied so a test may break them."""
    for name in ("lessons.toml", "README.md", "INSTRUCTORS.md"):
        shutil.copy(ROOT / name, tmp_path / name)
    for folder in ("notebooks", "solutions", "regutils/checks"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    (tmp_path / "tests").mkdir()
    for path in ROOT.glob("tests/test_checks_lesson*.py"):
        shutil.copy(path, tmp_path / "tests" / path.name)
    return tmp_path


NEW_LESSON = """
[[lesson]]
number = "{number}"
slug = "data_augmentation"
title = "Data augmentation"
summary = "more data from the data you have"
covers = "noise injection, mixup"
minutes = 40
prerequisites = ["07"]
keras = true
exercises = true
"""


def test_a_lesson_added_to_the_registry_is_reported_until_its_files_exist(
    course_copy: Path,
) -> None:
    path = course_copy / "lessons.toml"
    text = path.read_text(encoding="utf-8")
    last = max(int(lesson["number"]) for lesson in tomllib.loads(text)["lesson"])
    number = f"{last + 1:02d}"  # the next lesson, whatever the course has now
    path.write_text(text + NEW_LESSON.format(number=number), encoding="utf-8")
    found = registry.problems(course_copy)
    for missing in (
        f"notebooks/{number}_data_augmentation.ipynb",
        f"solutions/{number}_data_augmentation_exercises.ipynb",
        f"regutils/checks/lesson{number}.py",
        f"tests/test_checks_lesson{number}.py",
    ):
        assert any(missing in problem for problem in found), (missing, found)
    drifted = {p.name for p in registry.drifted(course_copy)}
    assert {"README.md", "00_start_here.ipynb"} <= drifted


def test_a_notebook_without_a_lesson_is_reported(course_copy: Path) -> None:
    shutil.copy(
        course_copy / "notebooks/01_overfitting.ipynb", course_copy / "notebooks/99_x.ipynb"
    )
    assert "notebooks/99_x.ipynb is not a notebook of any lesson in lessons.toml" in (
        registry.problems(course_copy)
    )


def test_a_hand_edited_table_is_drift(course_copy: Path) -> None:
    readme = course_copy / "README.md"
    readme.write_text(readme.read_text(encoding="utf-8").replace("| 45 min |", "| 40 min |"))
    assert [p.name for p in registry.drifted(course_copy)] == ["README.md"]


@pytest.mark.parametrize(
    "old, new, message",
    [
        ('number = "03"', 'number = "3"', "number must be two digits"),
        ('number = "03"', 'number = "02"', "unique and in order"),
        ('slug = "lasso"', 'slug = "The Lasso"', "slug must be lower_case_words"),
        ("minutes = 50", "minutes = 0", "minutes must be a positive whole number"),
        ("minutes = 50", 'minutes = "50"', "minutes must be a whole number"),
        ('prerequisites = ["02"]', 'prerequisites = ["04"]', "must be earlier lessons"),
        ("keras = false", "keras = false\ncolour = 1", "unknown fields ['colour']"),
        (
            '{ lesson = "00", minutes = 10 }',
            '{ lesson = "13", minutes = 10 }',
            "'13' is not a lesson",
        ),
        ('{ lesson = "00", minutes = 10 }', "{ minutes = 10 }", "either lesson or pause"),
    ],
)
def test_a_malformed_registry_names_the_entry_and_field(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    text = (ROOT / "lessons.toml").read_text(encoding="utf-8")
    assert old in text
    (tmp_path / "lessons.toml").write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(registry.RegistryError, match=re.escape(message)):
        registry.load(tmp_path / "lessons.toml")
