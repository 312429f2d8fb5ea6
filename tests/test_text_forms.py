"""The lessons' text forms in ``text/`` (``tools/text_forms.py``): up to date, and the lessons.

Run from the repository root (``make test-fast`` includes it)::

    python -m pytest tests/test_text_forms.py

The drift test fails when a notebook changed and ``make text`` was not run; the round-trip test
reads each text form back with Jupytext and compares it, cell by cell, with its notebook. The other
tests run the tool on a small course tree built in ``tmp_path``, so they prove that the check
fails when it should: a changed cell, a changed tag, a new notebook, a deleted or stray file.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from tools import text_forms
from tools.text_forms import Drift

ROOT = text_forms.REPO_ROOT
FORMS = text_forms.text_forms(ROOT)

Cells = list[tuple[str, str, list[str]]]


def _cells(nb: nbformat.NotebookNode) -> Cells:
    """Per cell: its type, source and tags (what the text form must keep)."""
    return [(cell.cell_type, cell.source, list(cell.metadata.get("tags", []))) for cell in nb.cells]


# --------------------------------------------------------------------------- the repository


def test_text_forms_are_up_to_date() -> None:
    drifts = text_forms.check(ROOT)
    assert drifts == [], (
        "text/ differs from the notebooks:\n"
        + "\n".join(map(str, drifts))
        + f"\nrun: {text_forms.fix_command(ROOT)}"
    )


def test_every_lesson_and_solution_has_a_text_form() -> None:
    names = {form.notebook.relative_to(ROOT).as_posix() for form in FORMS}
    lessons = {p.name for p in (ROOT / "notebooks").glob("*.ipynb")}
    solutions = {p.name for p in (ROOT / "solutions").glob("*.ipynb")}
    assert solutions and lessons - solutions, "no notebooks found"
    assert names == {f"notebooks/{n}" for n in lessons - solutions} | {
        f"solutions/{n}" for n in solutions
    }
    assert not any(name.startswith("notebooks/") and "_exercises" in name for name in names)


@pytest.mark.parametrize("form", FORMS, ids=lambda form: form.text.relative_to(ROOT).as_posix())
def test_text_form_reads_back_to_the_notebooks_cells(form: text_forms.TextForm) -> None:
    assert form.text.is_file(), f"{form.text} is missing; run: {text_forms.fix_command(ROOT)}"
    config = text_forms.load_config(ROOT)
    back = text_forms.read_text_form(form.text, config)
    assert _cells(back) == _cells(nbformat.read(form.notebook, as_version=4))


def test_pytest_never_collects_text(pytestconfig: pytest.Config) -> None:
    """text/ holds lesson code: importing it would run a lesson (``--doctest-modules``)."""
    text_dir = ROOT / text_forms.TEXT_DIR
    for testpath in pytestconfig.getini("testpaths"):
        path = (ROOT / testpath).resolve()
        assert not (path == text_dir or text_dir in path.parents or path in text_dir.parents), (
            f"testpaths entry {testpath!r} makes pytest import text/"
        )


# --------------------------------------------------------------------------- a small course tree


def _write(path: Path, nb: nbformat.NotebookNode) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, path)


def _lesson() -> nbformat.NotebookNode:
    plot = new_code_cell("print(1 + 1)", execution_count=1, metadata={"scrolled": True})
    plot.outputs = [new_output("stream", name="stdout", text="2\n")]
    return new_notebook(
        cells=[new_markdown_cell("# 01 · A lesson\n\nSome *prose*."), plot],
        metadata={
            "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}
        },
    )


def _solution() -> nbformat.NotebookNode:
    answer = "### BEGIN SOLUTION\nanswer = 42\n### END SOLUTION"
    return new_notebook(
        cells=[
            new_markdown_cell("## Exercise 1"),
            new_code_cell(answer, metadata={"tags": ["solution", "exercise-1"]}),
            new_markdown_cell("The answer is 42.", metadata={"tags": ["solution"]}),
        ]
    )


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A course tree with one lesson, one solution and its exercise, and an up-to-date text/."""
    shutil.copy(ROOT / text_forms.CONFIG_FILE, tmp_path)
    _write(tmp_path / "notebooks" / "01_lesson.ipynb", _lesson())
    _write(tmp_path / "solutions" / "01_lesson_exercises.ipynb", _solution())
    _write(tmp_path / "notebooks" / "01_lesson_exercises.ipynb", new_notebook())
    assert len(text_forms.write(tmp_path)) == 3  # two text forms and the README
    assert text_forms.check(tmp_path) == []
    return tmp_path


def _edit(path: Path, change: Callable[[nbformat.NotebookNode], object]) -> None:
    nb = nbformat.read(path, as_version=4)
    change(nb)
    nbformat.write(nb, path)


def test_text_forms_hold_sources_and_tags_only(tree: Path) -> None:
    lesson = (tree / "text" / "notebooks" / "01_lesson.py").read_text(encoding="utf-8")
    assert (
        lesson == "# %% [markdown]\n# # 01 · A lesson\n#\n# Some *prose*.\n\n# %%\nprint(1 + 1)\n"
    )
    solution = (tree / "text" / "solutions" / "01_lesson_exercises.py").read_text(encoding="utf-8")
    assert '# %% tags=["solution", "exercise-1"]\n### BEGIN SOLUTION\n' in solution
    assert not (tree / "text" / "notebooks" / "01_lesson_exercises.py").exists()


def test_changed_cell_is_reported_stale(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _edit(tree / "notebooks" / "01_lesson.ipynb", lambda nb: setattr(nb.cells[1], "source", "2"))
    assert text_forms.check(tree) == [Drift("stale", "text/notebooks/01_lesson.py")]
    assert text_forms.main(["--check", "--root", str(tree)]) == 1
    out = capsys.readouterr().out
    assert "stale: text/notebooks/01_lesson.py" in out
    assert f"python -m tools.text_forms --root {tree}" in out


def test_changed_tag_is_reported_stale(tree: Path) -> None:
    path = tree / "solutions" / "01_lesson_exercises.ipynb"
    _edit(path, lambda nb: nb.cells[1].metadata.update(tags=["solution"]))
    assert text_forms.check(tree) == [Drift("stale", "text/solutions/01_lesson_exercises.py")]


def test_new_outputs_and_metadata_change_nothing(tree: Path) -> None:
    def rerun(nb: nbformat.NotebookNode) -> None:
        nb.cells[1].outputs = [new_output("stream", name="stdout", text="3\n")]
        nb.cells[1].execution_count = 7
        nb.metadata["language_info"] = {"name": "python", "version": "3.12"}

    _edit(tree / "notebooks" / "01_lesson.ipynb", rerun)
    assert text_forms.check(tree) == []


def test_missing_extra_and_edited_files_are_reported_then_fixed(tree: Path) -> None:
    text = tree / "text"
    (text / "solutions" / "01_lesson_exercises.py").unlink()
    (text / "notebooks" / "00_old_lesson.py").write_text("# %%\n", encoding="utf-8")
    (text / "README.md").write_text("edited by hand\n", encoding="utf-8")
    _write(tree / "notebooks" / "02_new.ipynb", _lesson())
    (text / "notebooks" / "__pycache__").mkdir()  # an import's leftovers are not text forms
    (text / "notebooks" / "__pycache__" / "x.pyc").write_bytes(b"")
    expected = [
        Drift("missing", "text/notebooks/02_new.py"),
        Drift("missing", "text/solutions/01_lesson_exercises.py"),
        Drift("stale", "text/README.md"),
        Drift("extra", "text/notebooks/00_old_lesson.py"),
    ]
    assert sorted(text_forms.check(tree), key=str) == sorted(expected, key=str)
    assert len(text_forms.write(tree)) == len(expected)
    assert text_forms.check(tree) == []
    assert not (text / "notebooks" / "00_old_lesson.py").exists()
    assert text_forms.write(tree) == []  # a second run changes nothing


def test_up_to_date_check_exits_0(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert text_forms.main(["--check", "--root", str(tree)]) == 0
    assert "up to date (2 text forms)" in capsys.readouterr().out


def test_missing_config_is_an_error(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tree / text_forms.CONFIG_FILE).unlink()
    assert text_forms.main(["--check", "--root", str(tree)]) == 2
    assert "jupytext.toml is missing" in capsys.readouterr().err
