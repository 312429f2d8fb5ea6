"""Hygiene and drift tests over every notebook, and unit tests of the notebook tools.

Run from the repository root (``make test-fast`` includes it)::

    python -m pytest tests/test_notebooks.py

The notebook tests read the stored notebooks in ``notebooks/`` and ``solutions/`` and start no
kernel: nbval runs the cells (``make test``). They check that every notebook is valid, was run top
to bottom in one fresh kernel, stores no errors, stderr, machine-specific paths or widget state,
downloads nothing, that lessons follow the course's anatomy, that each exercise notebook is what
``tools/make_exercises.py`` generates from its solution, and that the README's benchmark table is
what a passing ``make bench`` writes, one row per notebook. The unit tests cover
``tools/make_exercises.py``, ``tools/bench.py`` (including that it fails on a notebook over its
budget) and ``tools/notebook_runner.py`` on small notebooks built here.
"""

from __future__ import annotations

import copy
import datetime
import difflib
import functools
import json
import re
import subprocess
import sys
import warnings
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_raw_cell
from nbval.plugin import find_comment_markers, find_metadata_tags

from tools import bench, make_exercises
from tools import notebook_runner as runner

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"

NOTEBOOKS: list[Path] = runner.course_notebooks(ROOT)
LESSONS: list[Path] = [p for p in NOTEBOOKS if not p.stem.endswith("_exercises")]
SOLUTIONS: list[Path] = sorted((ROOT / "solutions").glob("*.ipynb"))
EXERCISES: list[Path] = sorted((ROOT / "notebooks").glob("*_exercises.ipynb"))


def _name(path: Path) -> str:
    return runner.display_path(path, ROOT)


@functools.cache
def _load(path: Path) -> nbformat.NotebookNode:
    """The stored notebook (cached: tests must not modify it)."""
    return runner.read_notebook(path)


def _code_cells(nb: nbformat.NotebookNode) -> list[tuple[int, nbformat.NotebookNode]]:
    return [(i, cell) for i, cell in enumerate(nb.cells) if cell.cell_type == "code"]


def _where(nb: nbformat.NotebookNode, path: Path, index: int) -> str:
    return f"{_name(path)}, {runner.cell_label(nb, index)}"


every_notebook = pytest.mark.parametrize("path", NOTEBOOKS, ids=_name)
every_lesson = pytest.mark.parametrize("path", LESSONS, ids=_name)

# --------------------------------------------------------------------------- there are notebooks


def test_there_are_notebooks() -> None:
    assert NOTEBOOKS, (
        f"No notebooks in {ROOT / 'notebooks'} or {ROOT / 'solutions'}: every notebook test "
        "below would pass without checking anything."
    )
    assert LESSONS, "No lesson notebooks (names not ending in _exercises) in notebooks/."
    assert SOLUTIONS, "No solution notebooks in solutions/: nothing generates the exercises."


# --------------------------------------------------------------------------- format and execution


@every_notebook
def test_valid_nbformat_v4_with_cell_ids(path: Path) -> None:
    raw = json.loads(path.read_text(encoding="utf-8"))
    assert raw.get("nbformat") == 4, f"{_name(path)}: not nbformat v4"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)  # missing ids: reported below instead
        nbformat.validate(copy.deepcopy(raw))
    assert raw.get("nbformat_minor", 0) >= 5, (
        f"{_name(path)}: nbformat 4.{raw.get('nbformat_minor')} has no cell ids; save it from "
        "JupyterLab or run `make execute`."
    )
    ids = [cell.get("id") for cell in raw["cells"]]
    missing = [i for i, cell_id in enumerate(ids) if not cell_id]
    assert not missing, f"{_name(path)}: cells {missing} have no id (run `make execute`)."
    duplicates = sorted({cell_id for cell_id in ids if ids.count(cell_id) > 1})
    assert not duplicates, f"{_name(path)}: duplicate cell ids {duplicates}."


@every_notebook
def test_kernelspec(path: Path) -> None:
    kernelspec = _load(path).metadata.get("kernelspec", {})
    assert kernelspec.get("name") == "python3", (
        f"{_name(path)}: kernelspec {dict(kernelspec)!r}; expected name 'python3' "
        "(`make execute` sets it)."
    )


@every_notebook
def test_executed_top_to_bottom_in_one_fresh_run(path: Path) -> None:
    nb = _load(path)
    code = _code_cells(nb)
    for index, cell in code:
        if not cell.source.strip():
            assert not cell.outputs and cell.execution_count is None, (
                f"{_where(nb, path, index)}: an empty cell with outputs or an execution count."
            )
    counts = [(index, cell.execution_count) for index, cell in code if cell.source.strip()]
    for expected, (index, count) in enumerate(counts, start=1):
        assert count == expected, (
            f"{_where(nb, path, index)}: execution count {count}, expected {expected}: the stored "
            "outputs do not come from one fresh top-to-bottom run. Run `make execute`."
        )
    if path in EXERCISES:
        return  # an exercise may be all set-up and placeholders: nothing to show yet
    assert any(cell.outputs for _, cell in code), (
        f"{_name(path)}: no code cell has outputs; learners read them first. Run `make execute`."
    )


@every_notebook
def test_no_errors_or_stderr_stored(path: Path) -> None:
    nb = _load(path)
    problems = runner.output_problems(nb)
    assert not problems, (
        "Errors and stderr (warnings, logs) must not be stored in lessons; fix them, then run "
        "`make execute`:\n" + runner.format_problems(problems, nb, _name(path))
    )


# --------------------------------------------------------------------------- portability

MACHINE_PATHS: list[tuple[str, re.Pattern[str]]] = [
    ("a home directory", re.compile(r"/root/|/home/[^/\s'\"]+/|/Users/[^/\s'\"]+")),
    ("a temporary directory", re.compile(r"/tmp/|/var/folders/|/private/var/")),
    ("a Windows path", re.compile(r"\b[A-Z]:\\{1,2}(?:Users|Windows|Program|temp|tmp|[\w.-]+\\)")),
    ("an installed package's path", re.compile(r"site-packages|dist-packages")),
    ("this repository's path", re.compile(re.escape(str(ROOT)))),
]
MEMORY_ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")


def _output_texts(cell: nbformat.NotebookNode) -> list[str]:
    texts = []
    for output in cell.get("outputs", []):
        texts.append(runner.output_text(output))
        texts.extend(output.get("traceback", []))
    return texts


def _first_line_matching(text: str, pattern: re.Pattern[str]) -> str | None:
    for line in text.splitlines():
        if pattern.search(line):
            return line.strip()[:200]
    return None


@every_notebook
def test_no_machine_specific_paths_or_addresses(path: Path) -> None:
    nb = _load(path)
    found = []
    for index, cell in enumerate(nb.cells):
        for origin, texts in (("source", [cell.source]), ("output", _output_texts(cell))):
            for text in texts:
                for what, pattern in MACHINE_PATHS:
                    line = _first_line_matching(text, pattern)
                    if line:
                        found.append(f"{_where(nb, path, index)}: {origin} shows {what}: {line}")
                line = _first_line_matching(text, MEMORY_ADDRESS) if origin == "output" else None
                if line:
                    found.append(
                        f"{_where(nb, path, index)}: output shows a memory address (an object's "
                        f"default repr; assign the result to _ or print something readable): {line}"
                    )
    assert not found, "Outputs must look the same on every machine:\n" + "\n".join(found)


DOWNLOADS: list[tuple[str, re.Pattern[str]]] = [
    ("urlretrieve", re.compile(r"\burlretrieve\b")),
    ("urlopen", re.compile(r"\burlopen\b")),
    ("requests", re.compile(r"\brequests\.")),
    ("keras.datasets", re.compile(r"\bkeras\.datasets\b")),
    ("load_data()", re.compile(r"\bload_data\s*\(")),
    ("fetch_openml / fetch_*", re.compile(r"\bfetch_\w*")),
    ("wget", re.compile(r"\bwget\b")),
    ("curl", re.compile(r"\bcurl\b")),
    ("!pip / %pip", re.compile(r"^\s*[!%]\s*(pip|conda|mamba)\b", re.MULTILINE)),
]


@every_notebook
def test_no_downloads(path: Path) -> None:
    nb = _load(path)
    found = [
        f"{_where(nb, path, index)}: {what}: {_first_line_matching(cell.source, pattern)}"
        for index, cell in _code_cells(nb)
        for what, pattern in DOWNLOADS
        if pattern.search(cell.source)
    ]
    assert not found, (
        "Learners may be offline: use data/ or scikit-learn's bundled datasets, and install "
        "nothing from a notebook:\n" + "\n".join(found)
    )


@every_notebook
def test_no_widget_state_stored(path: Path) -> None:
    assert runner.WIDGET_STATE_KEY not in _load(path).metadata, (
        f"{_name(path)}: widget state stored in the notebook metadata (it changes on every save); "
        "run `make execute`, or in JupyterLab turn off Settings > Save Widget State Automatically."
    )


# --------------------------------------------------------------------------- lesson anatomy


def _checks_output(cell: nbformat.NotebookNode) -> bool:
    """True if nbval compares this cell's output (``# NBVAL_CHECK_OUTPUT`` or its tag)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        options = dict(find_metadata_tags(cell.metadata))
        options.update(find_comment_markers(cell.source))
    return bool(options.get("check"))


@every_lesson
def test_lesson_opens_with_title_and_learning_objectives(path: Path) -> None:
    nb = _load(path)
    first = nb.cells[0] if nb.cells else None
    assert first is not None and first.cell_type == "markdown" and first.source.startswith("# "), (
        f"{_name(path)}: the first cell must be markdown starting with the title ('# ...')."
    )
    markdown = "\n".join(cell.source for cell in nb.cells if cell.cell_type == "markdown")
    assert re.search(r"^#{1,6}\s*Learning objectives\b", markdown, re.MULTILINE | re.IGNORECASE), (
        f"{_name(path)}: no 'Learning objectives' heading (e.g. '## Learning objectives')."
    )


_CLAIM_CALL = re.compile(r"\bclaim\(")
# A verdict printed as True/False; "restore_best_weights = False" (a setting's value) is not one.
_BARE_BOOLEAN = re.compile(r"(?<![\w'\"=])(?<!= )(True|False)(?![\w'\"])")


def _text_outputs(cell: nbformat.NotebookNode) -> list[str]:
    return [runner.output_text(output) for output in cell.get("outputs", [])]


@every_lesson
def test_lesson_states_claims(path: Path) -> None:
    nb = _load(path)
    shown = [
        text
        for _, cell in _code_cells(nb)
        if _CLAIM_CALL.search(cell.source)
        for text in _text_outputs(cell)
        if text.lstrip().startswith("✔")
    ]
    assert shown, (
        f"{_name(path)}: no claim; state what the prose claims with regutils.claim(...) so CI "
        "checks that it holds under every seed and CPU (and run `make execute`)."
    )


@every_notebook
def test_stored_claims_hold(path: Path) -> None:
    nb = _load(path)
    # A cell that only evaluates a claim (evaluate_claim, which never raises) shows ✘ on purpose:
    # lesson 00 uses one to show what a claim that does not hold looks like.
    broken = [
        _where(nb, path, index) + ": " + line.strip()
        for index, cell in _code_cells(nb)
        if "evaluate_claim(" not in cell.source
        for text in _text_outputs(cell)
        for line in text.splitlines()
        if line.lstrip().startswith("✘")
    ]
    assert not broken, "stored outputs show claims that do not hold:\n" + "\n".join(broken)


@every_notebook
def test_no_checked_output_is_a_bare_boolean(path: Path) -> None:
    # "... is faster: True" tells a learner nothing; a claim shows the number and the rule.
    nb = _load(path)
    bare = [
        _where(nb, path, index) + ": " + line.strip()
        for index, cell in _code_cells(nb)
        if _checks_output(cell)
        for text in _text_outputs(cell)
        for line in text.splitlines()
        if _BARE_BOOLEAN.search(line)
    ]
    assert not bare, (
        "checked output lines with a bare True/False (state them with "
        "regutils.claim, which shows the number):\n" + "\n".join(bare)
    )


@every_notebook
def test_checked_cells_have_stored_outputs(path: Path) -> None:
    nb = _load(path)
    empty = [
        _where(nb, path, index)
        for index, cell in _code_cells(nb)
        if _checks_output(cell) and (not cell.outputs or cell.execution_count is None)
    ]
    assert not empty, (
        "Cells marked NBVAL_CHECK_OUTPUT without stored outputs are silently not checked by nbval "
        "(make them print the claim, then run `make execute`):\n" + "\n".join(empty)
    )


# --------------------------------------------------------------------------- exercises


def _signature_diff(expected: list, actual: list) -> str:
    for index, (want, got) in enumerate(zip(expected, actual)):
        if want != got:
            diff = difflib.unified_diff(
                want[1].splitlines(), got[1].splitlines(), "expected", "stored", lineterm=""
            )
            return (
                f"first difference at exercise cell {index}: expected {want[0]} cell with "
                f"tags {list(want[2])}, stored {got[0]} cell with tags {list(got[2])}\n"
                + "\n".join(diff)
            )
    return f"expected {len(expected)} cells, stored {len(actual)}"


@pytest.mark.parametrize("solution", SOLUTIONS, ids=_name)
def test_exercise_is_generated_from_its_solution(solution: Path) -> None:
    exercise = ROOT / "notebooks" / solution.name
    assert exercise.exists(), f"{_name(solution)} has no {_name(exercise)}: run `make exercises`."
    expected = make_exercises.expected_exercise_sources(_load(solution), _name(solution))
    actual = make_exercises.notebook_signature(_load(exercise))
    assert actual == expected, (
        f"{_name(exercise)} differs from what {_name(solution)} generates; edit the solution, "
        f"then run `make exercises` and `make execute`.\n{_signature_diff(expected, actual)}"
    )


@pytest.mark.parametrize("exercise", EXERCISES, ids=_name)
def test_exercise_has_a_solution(exercise: Path) -> None:
    solution = ROOT / "solutions" / exercise.name
    assert solution.exists(), (
        f"{_name(exercise)} has no {_name(solution)}: exercises are generated from solutions."
    )


# --------------------------------------------------------------------------- benchmark table


@functools.cache
def _bench_table() -> dict[str, tuple[float | None, float | None]]:
    assert README.exists(), f"{README} is missing; it holds the benchmark table (`make bench`)."
    try:
        return bench.parse_bench_table(README.read_text(encoding="utf-8"))
    except ValueError as exc:
        problem = str(exc)
    pytest.fail(f"README.md: {problem}; run `make bench`.")


def test_bench_table_has_one_row_per_notebook() -> None:
    rows, notebooks = set(_bench_table()), {_name(p) for p in NOTEBOOKS}
    assert not rows - notebooks, (
        f"README.md's bench table lists missing notebooks {rows - notebooks}: `make bench`."
    )
    assert not notebooks - rows, (
        f"README.md's bench table has no row for {notebooks - rows}: `make bench`."
    )


def test_bench_table_is_what_a_passing_make_bench_writes() -> None:
    """Each row as bench formats it (the budget column is bench's budget for that notebook), and
    nothing a passing run would not write: no failed notebook, none over its budget. The budgets
    themselves are enforced where notebooks run, by `make bench` and CI (see
    test_bench_fails_on_a_notebook_over_budget_or_failed)."""
    table = _bench_table()
    measurements = [bench.Measurement(name, s, mb) for name, (s, mb) in table.items()]
    rows = [line for line in bench.format_table(measurements).splitlines() if line.startswith("|")]
    section = bench.bench_section_text(README.read_text(encoding="utf-8"))
    assert [line for line in section.splitlines() if line.startswith("|")] == rows, (
        "README.md's bench table is not what `make bench` writes: run `make bench`."
    )
    problems = [problem for m in measurements for problem in m.problems()]
    assert not problems, "README.md's bench table records a failing `make bench`:\n" + "\n".join(
        problems
    )


# =========================================================================== unit tests: tools


def _notebook(*cells: nbformat.NotebookNode) -> nbformat.NotebookNode:
    nb = new_notebook(cells=list(cells))
    nb.metadata["kernelspec"] = dict(runner.KERNELSPEC)
    nb.metadata["course"] = {"lesson": 1}
    for index, cell in enumerate(nb.cells):
        cell.id = f"cell-{index}"
    return nb


def _tagged(cell: nbformat.NotebookNode, *tags: str) -> nbformat.NotebookNode:
    cell.metadata["tags"] = list(tags)
    return cell


def _executed(cell: nbformat.NotebookNode, count: int, text: str) -> nbformat.NotebookNode:
    cell.execution_count = count
    cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text=text)]
    return cell


PLACEHOLDER = "# Write your code here."


def test_strip_solution_keeps_indentation_and_stub_lines() -> None:
    source = (
        "def penalty(w, lam):\n"
        "    ### BEGIN SOLUTION\n"
        "    value = lam * (w ** 2).sum()\n"
        "    # stub: value = ...\n"
        "    ### END SOLUTION\n"
        "    return value\n"
        "### BEGIN SOLUTION\n"
        "answer = 42\n"
        "# stub: answer = ...\n"
        "# stub: check = None\n"
        "### END SOLUTION\n"
        "print('done')"
    )
    assert make_exercises.strip_solution(source) == (
        "def penalty(w, lam):\n"
        f"    {PLACEHOLDER}\n"
        "    value = ...\n"
        "    return value\n"
        f"{PLACEHOLDER}\n"
        "answer = ...\n"
        "check = None\n"
        "print('done')"
    )


def test_strip_solution_without_markers_is_the_placeholder() -> None:
    assert make_exercises.strip_solution("x = 1\ny = 2\n") == PLACEHOLDER


def test_exercise_from_solution() -> None:
    solution = _notebook(
        new_markdown_cell("# Exercises"),
        _executed(new_code_cell("import numpy as np"), 1, ""),
        _tagged(
            _executed(
                new_code_cell("x = 1\n### BEGIN SOLUTION\ny = x\n### END SOLUTION"), 2, "hi\n"
            ),
            "solution",
            "nbval-ignore-output",
        ),
        _tagged(new_markdown_cell("Because..."), "solution"),
        _tagged(new_raw_cell("raw answer"), "solution"),
        _tagged(new_code_cell("y = 2"), "solution"),
        _tagged(new_code_cell("print(1)"), "keep-me"),
    )
    before = copy.deepcopy(solution)
    exercise = make_exercises.exercise_from_solution(solution)

    assert solution == before, "the solution notebook must not be modified"
    kept = ["cell-0", "cell-1", "cell-2", "cell-5", "cell-6"]  # same ids as in the solution
    assert [cell.id for cell in exercise.cells] == kept
    assert [cell.source for cell in exercise.cells] == [
        "# Exercises",
        "import numpy as np",
        f"x = 1\n{PLACEHOLDER}",
        PLACEHOLDER,
        "print(1)",
    ]
    assert [cell.metadata.get("tags") for cell in exercise.cells] == [
        None,
        None,
        ["nbval-ignore-output"],
        None,
        ["keep-me"],
    ]
    code = [cell for cell in exercise.cells if cell.cell_type == "code"]
    assert all(cell.outputs == [] and cell.execution_count is None for cell in code)
    assert exercise.metadata == solution.metadata
    assert (exercise.nbformat, exercise.nbformat_minor) == (
        solution.nbformat,
        solution.nbformat_minor,
    )
    nbformat.validate(exercise)


def test_exercise_generation_is_idempotent() -> None:
    solution = _notebook(
        _tagged(new_code_cell("### BEGIN SOLUTION\na = 1\n### END SOLUTION"), "solution")
    )
    first = runner.notebook_text(make_exercises.exercise_from_solution(solution))
    second = runner.notebook_text(make_exercises.exercise_from_solution(copy.deepcopy(solution)))
    assert first == second


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("### BEGIN SOLUTION\nx = 1", "never closed"),
        ("x = 1\n### END SOLUTION", "without a '### BEGIN SOLUTION'"),
        ("### BEGIN SOLUTION\n  ### BEGIN SOLUTION\n### END SOLUTION", "inside the region"),
    ],
)
def test_unbalanced_markers_name_notebook_and_cell(source: str, message: str) -> None:
    solution = _notebook(new_markdown_cell("# t"), _tagged(new_code_cell(source), "solution"))
    with pytest.raises(make_exercises.MarkerError, match=message) as info:
        make_exercises.exercise_from_solution(solution, "solutions/09_x_exercises.ipynb")
    assert "solutions/09_x_exercises.ipynb, cell 1 (nbval 'Cell 0', id cell-1)" in str(info.value)


def test_markers_in_an_untagged_cell_are_an_error() -> None:
    solution = _notebook(new_code_cell("### BEGIN SOLUTION\nsecret = 1\n### END SOLUTION"))
    with pytest.raises(make_exercises.MarkerError, match="no 'solution' tag"):
        make_exercises.exercise_from_solution(solution, "s.ipynb")


def test_make_exercises_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "solutions").mkdir()
    solution_path = tmp_path / "solutions" / "01_demo_exercises.ipynb"
    exercise_path = tmp_path / "notebooks" / "01_demo_exercises.ipynb"
    solution = _notebook(
        new_markdown_cell("# Exercises"),
        _tagged(new_code_cell("### BEGIN SOLUTION\na = 1\n### END SOLUTION"), "solution"),
    )
    runner.write_notebook(solution, solution_path)
    root = ["--root", str(tmp_path)]

    assert make_exercises.main([*root, "--check"]) == 1  # missing
    assert make_exercises.main(root) == 0
    assert make_exercises.main([*root, "--check"]) == 0
    written = runner.read_notebook(exercise_path)
    assert written.cells[1].source == PLACEHOLDER

    # Executed outputs survive a regeneration that changes nothing.
    _executed(written.cells[1], 1, "ran\n")
    runner.write_notebook(written, exercise_path)
    assert make_exercises.main(root) == 0
    assert runner.read_notebook(exercise_path).cells[1].outputs
    assert "up to date" in capsys.readouterr().out

    # A changed solution is drift, until regenerated; naming other lessons leaves it alone.
    solution.cells[0].source = "# Exercises, revised"
    runner.write_notebook(solution, solution_path)
    assert make_exercises.main([*root, "--check"]) == 1
    assert make_exercises.main([*root, "--check", "01"]) == 1
    assert make_exercises.main([*root, "02"]) == 2  # no such lesson: an error, nothing written
    captured = capsys.readouterr()
    assert "no solution notebook for lesson(s) 02" in captured.err
    assert "drifted: notebooks/01_demo_exercises.ipynb" in captured.out
    assert make_exercises.main(root) == 0
    assert make_exercises.main([*root, "--check"]) == 0

    # Unbalanced markers: error naming notebook and cell, exit 1.
    solution.cells[1].source = "### BEGIN SOLUTION\na = 1"
    runner.write_notebook(solution, solution_path)
    assert make_exercises.main(root) == 1
    assert "solutions/01_demo_exercises.ipynb, cell 1" in capsys.readouterr().err


def test_time_budget_comes_from_the_file_name(monkeypatch: pytest.MonkeyPatch) -> None:
    budgets = bench.Budgets(seconds=9.0, seconds_by_prefix={"01_": 3.0, "07_": 5.0}, memory_mb=1.0)
    monkeypatch.setattr(bench, "BUDGETS", budgets)
    assert bench.time_budget("notebooks/01_overfitting.ipynb") == 3.0
    assert bench.time_budget("solutions/07_x_exercises.ipynb") == 5.0
    assert bench.time_budget("notebooks/10_choosing.ipynb") == 9.0
    assert bench.time_budget("01_notes/10_x.ipynb") == 9.0  # the file's name, not its folder's
    assert bench.Measurement("notebooks/07_x.ipynb", 5.0, 1.0).problems() == []
    assert bench.Measurement("notebooks/10_x.ipynb", 5.0, 1.5).problems() == [
        "over budget: notebooks/10_x.ipynb: 2 MB > 1 MB"
    ]


def test_bench_fails_on_a_notebook_over_budget_or_failed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`make bench` is where the budgets hold: its exit code is 1, naming the notebook, when a
    notebook is over its time or memory budget or fails; the README table is written anyway."""
    paths = [tmp_path / f"{stem}.ipynb" for stem in ("01_fast", "02_slow", "03_big", "04_broken")]
    for path in paths:
        runner.write_notebook(_notebook(new_code_cell("1")), path)
    seconds = bench.BUDGETS.seconds
    results = {
        "01_fast": (1.0, 10.0),
        "02_slow": (seconds + 1, 10.0),
        "03_big": (1.0, bench.BUDGETS.memory_mb + 1),
    }

    def fake_measure(path: Path) -> bench.Measurement:
        seconds, peak_mb = results.get(path.stem, (None, None))
        return bench.Measurement(path.name, seconds, peak_mb, "boom" if seconds is None else None)

    monkeypatch.setattr(bench, "measure", fake_measure)
    readme = tmp_path / "README.md"
    readme.write_text(README_TEXT)
    assert bench.main([str(paths[0]), "--readme", str(readme)]) == 0
    assert "| 01_fast.ipynb | 1.0 | 10 |" in readme.read_text()
    for path in paths[1:]:
        capsys.readouterr()
        assert bench.main([str(paths[0]), str(path), "--readme", str(readme)]) == 1, path
        assert path.name in capsys.readouterr().err
        assert f"| {path.name} |" in readme.read_text()


README_TEXT = "# Course\n\nIntro.\n\n<!-- bench:start -->\nold\ntable\n<!-- bench:end -->\n\nEnd.\n"


def test_replace_bench_section() -> None:
    new = bench.replace_bench_section(README_TEXT, "fresh\ntable\n")
    assert new == (
        "# Course\n\nIntro.\n\n<!-- bench:start -->\nfresh\ntable\n<!-- bench:end -->\n\nEnd.\n"
    )
    assert bench.replace_bench_section(new, "fresh\ntable") == new
    for broken in (
        "no markers\n",
        "<!-- bench:end -->\n<!-- bench:start -->\n",
        README_TEXT + "<!-- bench:start -->\n",
    ):
        with pytest.raises(ValueError, match="bench:start"):
            bench.replace_bench_section(broken, "x")


def test_bench_table_round_trip() -> None:
    measurements = [
        bench.Measurement("notebooks/01_overfitting.ipynb", 12.34, 412.6),
        bench.Measurement("notebooks/07_weight_penalties.ipynb", 41.06, 1180.2),
        bench.Measurement("solutions/07_weight_penalties_exercises.ipynb", None, None, "boom"),
    ]
    section = bench.bench_section(measurements, today=datetime.date(2025, 1, 31))
    lines = section.splitlines()
    assert lines[0].startswith("Measured on ") and "cores, Python 3." in lines[0]
    assert "2025-01-31" in lines[0]
    assert "| notebook | time (s) | peak memory (MB) | budget (s) |" in lines
    assert "| notebooks/01_overfitting.ipynb | 12.3 | 413 | 30 |" in lines
    assert lines[-1].startswith("Total: 53.4 s for 2 notebooks; largest peak memory 1180 MB")
    table = bench.parse_bench_table(bench.replace_bench_section(README_TEXT, section))
    assert table == {
        "notebooks/01_overfitting.ipynb": (12.3, 413.0),
        "notebooks/07_weight_penalties.ipynb": (41.1, 1180.0),
        "solutions/07_weight_penalties_exercises.ipynb": (None, None),
    }
    assert [m.problems() for m in measurements[:2]] == [[], []]
    assert bench.Measurement("notebooks/01_x.ipynb", 30.5, 10).problems()
    assert bench.Measurement("notebooks/02_x.ipynb", 30.5, 1600).problems()


def test_normalize_metadata_and_output_problems() -> None:
    nb = _notebook(_executed(new_code_cell("print(1)"), 1, "1\n"), new_code_cell("warn()"))
    nb.cells[1].outputs = [nbformat.v4.new_output("stream", name="stderr", text="Warning!\n")]
    nb.metadata["language_info"] = {"name": "python", "version": "3.11.7", "mimetype": "x"}
    nb.metadata["widgets"] = {"state": {}}
    runner.normalize_metadata(nb)
    assert nb.metadata["kernelspec"] == runner.KERNELSPEC
    assert nb.metadata["language_info"] == {
        "name": "python",
        "version": f"{sys.version_info.major}.{sys.version_info.minor}",
    }
    assert "widgets" not in nb.metadata
    problems = runner.output_problems(nb)
    assert [(p.index, p.kind, p.text) for p in problems] == [(1, "stderr", "Warning!\n")]
    assert "x.ipynb, cell 1 (nbval 'Cell 1', id cell-1): stderr" in problems[0].describe(
        nb, "x.ipynb"
    )


# --------------------------------------------------------------------------- integration (kernels)


def test_execute_notebook_like_nbval(tmp_path: Path) -> None:
    """A real kernel: counts, cwd, environment, stderr caught; the file is not modified."""
    path = tmp_path / "demo.ipynb"
    nb = _notebook(
        new_markdown_cell("# Demo"),
        new_code_cell(
            f"import os, sys\nprint(os.getcwd() == {str(tmp_path)!r}, os.environ['PYTHONHASHSEED'], "
            "'MPLBACKEND' in os.environ and 'Agg' in os.environ['MPLBACKEND'])"
        ),
        new_code_cell(""),
        new_code_cell("print('careful', file=sys.stderr)"),
        new_code_cell("1 + 1"),
    )
    runner.write_notebook(nb, path)
    before = path.read_bytes()
    result = runner.execute_notebook(path)
    assert path.read_bytes() == before
    assert result.completed
    cells = result.nb.cells
    assert [cell.get("execution_count") for cell in cells[1:]] == [1, None, 2, 3]
    assert cells[1].outputs[0].text == "True 0 False\n"
    assert [(p.index, p.kind) for p in result.problems] == [(3, "stderr")]
    assert [cell.id for cell in cells] == [cell.id for cell in nb.cells]


def test_conftest_fails_a_cell_that_writes_to_stderr(tmp_path: Path) -> None:
    """The root conftest.py turns stderr output into an nbval failure naming notebook and cell."""
    (tmp_path / "conftest.py").write_text((ROOT / "conftest.py").read_text(encoding="utf-8"))
    (tmp_path / "pytest.ini").write_text("[pytest]\n")
    runner.write_notebook(_notebook(new_code_cell("print('fine')")), tmp_path / "clean.ipynb")
    runner.write_notebook(
        _notebook(
            new_code_cell("x = 1"),
            new_code_cell("import warnings\nwarnings.warn('old API', FutureWarning)"),
        ),
        tmp_path / "noisy.ipynb",
    )
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-p",
            "no:cacheprovider",
            "-p",
            "no:xdist",
            "--nbval-lax",
            "--nbval-current-env",
            "--color=no",
            "-q",
            str(tmp_path),
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "1 failed, 2 passed" in proc.stdout, proc.stdout
    assert "noisy.ipynb::Cell 1" in proc.stdout
    assert "wrote to stderr" in proc.stdout and "FutureWarning: old API" in proc.stdout


@pytest.mark.parametrize("document", ["INSTRUCTORS.md", "README.md"])
def test_quoted_run_times_match_the_bench_table(document: str) -> None:
    """The instructor guide's schedules and the README's course table quote notebook run times;
    they must be the README bench table's (``make bench`` fills them)."""
    text = (ROOT / document).read_text(encoding="utf-8")
    quotes = bench.TIME_QUOTE.findall(text)
    assert quotes, f"{document} quotes no run times (<!--time:NAME-->...<!--/time-->)"
    seconds = {name: value[0] for name, value in _bench_table().items()}
    assert bench.fill_time_quotes(text, seconds) == text, (
        f"{document}'s run times differ from the README's bench table: run `make bench`."
    )


def test_fill_time_quotes() -> None:
    text = "a <!--time:01_x-->? s<!--/time--> b <!--time:solutions_01_y-->1 s<!--/time-->"
    filled = bench.fill_time_quotes(
        text, {"notebooks/01_x.ipynb": 12.34, "solutions/01_y.ipynb": 3.21}
    )
    assert (
        filled == "a <!--time:01_x-->12 s<!--/time--> b <!--time:solutions_01_y-->3.2 s<!--/time-->"
    )
    with pytest.raises(ValueError, match="notebooks/01_x.ipynb is not in the bench table"):
        bench.fill_time_quotes(text, {})


@every_lesson
def test_lesson_ends_with_further_reading(path: Path) -> None:
    """Every lesson points to the primary sources it draws on."""
    cells = _load(path).cells
    headings = [
        c.source for c in cells if c.cell_type == "markdown" and "## Further reading" in c.source
    ]
    assert headings, f"{path.name}: no '## Further reading' section"
