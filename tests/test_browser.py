"""Lessons work in a real browser: JupyterLab, headless Chromium, Run All, the explorer's slider.

Run by ``make test-browser`` (CI runs it after ``make test``); marked ``browser`` and so left out
of plain ``pytest`` / ``make test``, which would otherwise need Chromium. It needs Debian's
Chromium at ``/usr/bin/chromium`` (``apt-get install -y chromium``) and the ``playwright`` package
(never ``playwright install``: its own browser download cannot work offline).

For every lesson: start JupyterLab from this environment (127.0.0.1, a free port, a token, a
throw-away profile with autosave off), open the notebook and look at its explorer as stored (a
figure and one line saying how to get the sliders, never the widget's raw text), clear the stored
outputs, choose Run ▸ Run All Cells, wait until the kernel is idle, then check what a learner
sees: every code cell ran, no red block (stderr or error output) in any cell, no dialog left
open, the explorer's slider is drawn, and moving it with the keyboard redraws the figure within
0.5 s (timed). The Keras lessons run on a simulated AVX-512 CPU (TensorFlow's start-up lines
would be red blocks there); the first lesson runs in the dark theme, and its quiz is answered
with the buttons (a wrong choice, then the right one). Its exercises notebook is worked through
as a learner would: a wrong answer, a hint, the solution, a check called wrongly, the right
answer, each showing its feedback box. Screenshots go to ``bench-results/screenshots/``. The
machinery lives in ``tools/browser_check.py``, which also runs on its own.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import regutils
from tools import browser_check, registry

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
SCREENSHOTS = ROOT / "bench-results" / "screenshots"

# The lesson list comes from lessons.toml: every lesson runs whole in the browser. The first
# lesson with exercises runs in JupyterLab's dark theme, and its quiz is answered with the buttons;
# its exercises notebook is worked through (wrong answer, hint, solution, misuse, right answer).
REGISTRY = registry.load()
LESSONS = [lesson.notebook for lesson in REGISTRY.lessons]
FIRST = next(lesson for lesson in REGISTRY.lessons if lesson.exercises and not lesson.keras)

# Every lesson that trains Keras models runs on a simulated AVX-512 CPU.
KERAS_LESSONS = [lesson.notebook for lesson in REGISTRY.keras_lessons]

#: What TensorFlow does by default on a CPU with AVX-512 (oneDNN on, its AVX-512 kernels); at import
#: it then writes absl and oneDNN lines to stderr, which JupyterLab shows as a red block.
AVX512_PATH = {"TF_ENABLE_ONEDNN_OPTS": "1", "ONEDNN_MAX_CPU_ISA": "AVX512_CORE"}


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    if not browser_check.CHROMIUM.exists():
        pytest.fail(f"{browser_check.CHROMIUM} is missing: apt-get install -y chromium")
    with browser_check.jupyterlab(ROOT, tmp_path_factory.mktemp("lab-profile")) as server:
        yield server


@pytest.fixture(scope="module")
def dark_lab(tmp_path_factory):
    with browser_check.jupyterlab(
        ROOT, tmp_path_factory.mktemp("lab-dark"), settings=browser_check.DARK_THEME
    ) as server:
        yield server


@pytest.fixture(scope="module")
def avx512_lab(tmp_path_factory):
    with browser_check.jupyterlab(
        ROOT, tmp_path_factory.mktemp("lab-avx512"), env_overrides=AVX512_PATH
    ) as server:
        yield server


@pytest.fixture
def page():
    with browser_check.chromium() as page:
        yield page


# `make test-browser` runs two pages at once (pytest-xdist, --dist loadgroup, one thread per
# kernel): the Keras lessons on one worker (their AVX-512 JupyterLab), the other lessons and the
# exercise flow on the other (the plain and the dark-theme JupyterLab); about equal halves.
def _group(notebook: str) -> str:
    return "keras-lessons" if notebook in KERAS_LESSONS else "other-lessons"


@pytest.mark.parametrize(
    "notebook",
    [pytest.param(n, marks=pytest.mark.xdist_group(_group(n))) for n in LESSONS],
    ids=[Path(n).stem for n in LESSONS],
)
def test_lesson_runs_in_jupyterlab_and_its_explorer_responds(notebook, request, page):
    path = ROOT / notebook
    assert path.exists(), f"{notebook} is listed for the browser check but does not exist"
    first = notebook == FIRST.notebook
    # The Keras lessons run on the AVX-512 path, where TensorFlow writes start-up lines to stderr
    # unless regutils' set-up keeps them out of the notebook: any would be a red block.
    lab = request.getfixturevalue(
        "dark_lab" if first else "avx512_lab" if notebook in KERAS_LESSONS else "lab"
    )
    quiz = None
    if first:
        question = regutils.quiz(FIRST.number).questions["1"]
        wrong = next(letter for letter in question.letters if letter != question.answer)
        quiz = (wrong, str(question.answer))
    try:
        report = browser_check.run_in_jupyterlab(page, lab, notebook, SCREENSHOTS, quiz=quiz)
    except Exception:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"{path.stem}-failure.png"))
        print(lab.log_tail())
        raise
    finally:
        lab.stop_kernels()
    print(
        f"\n{notebook}: {report.cells_run}/{report.code_cells} cells in {report.seconds} s; "
        f"slider {report.slider_before} -> {report.slider_after}, redrawn in "
        f"{report.redraw_seconds} s (tries {report.redraw_tries}); quiz {report.quiz or '-'}; kernel peak memory "
        f"{report.kernel_peak_mb} MB; screenshots: "
        + ", ".join(str(p.relative_to(ROOT)) for p in report.screenshots)
    )
    problems = report.problems()
    assert not problems, f"{notebook} in the browser:\n- " + "\n- ".join(problems)
    # JupyterLab logs every save; there must be none (autosave is off in the test profile). A
    # hash of the file would not do: a lesson's author may rewrite it during the run.
    saves = [line for line in lab.log.read_text().splitlines() if "Saving file at" in line]
    assert not saves, f"JupyterLab saved a file while running {notebook}: {saves}"


@pytest.mark.xdist_group("other-lessons")
def test_a_learner_works_through_an_exercise(dark_lab, page):
    """Wrong answer, hint, solution, a check called wrongly, right answer: each shows its box."""
    book = regutils.exercises(FIRST.number)
    answers = book.get("1").answers
    steps = browser_check.exercise_steps(
        "1",
        wrong="\n".join(f"{name} = 0.5" for name in answers),
        right=book.solution_text("1"),
        misuse=f'ex.check("1", {answers[0]}=4)',
    )
    try:
        report, seen = browser_check.exercise_flow(
            page, dark_lab, FIRST.exercise_notebook, SCREENSHOTS, steps
        )
    finally:
        dark_lab.stop_kernels()
    print(f"\n{FIRST.exercise_notebook}: {seen}")
    assert seen == {name: expected for name, _, _, expected in steps}
    assert not report.red_outputs, report.red_outputs
    assert not report.dialogs, report.dialogs


def test_the_check_sees_red_blocks_a_failed_cell_and_a_missing_widget(tmp_path):
    """The browser check can fail: a notebook that warns, raises and has no slider is caught, and
    so is an explorer that is slow to redraw."""
    notebook = {
        "cells": [
            {
                "cell_type": "code",
                "execution_count": None,
                "metadata": {},
                "outputs": [],
                "source": "import warnings\nwarnings.warn('a learner would see this')",
            },
            {
                "cell_type": "code",
                "execution_count": None,
                "metadata": {},
                "outputs": [],
                "source": "1 / 0",
            },
            {
                "cell_type": "code",
                "execution_count": None,
                "metadata": {},
                "outputs": [],
                # An explorer that never runs: Run All stops at the error.
                "source": "_ = regutils.explore(print, x=3)",
            },
        ],
        "metadata": {
            "kernelspec": {
                "display_name": "Python 3 (ipykernel)",
                "language": "python",
                "name": "python3",
            }
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    (tmp_path / "broken.ipynb").write_text(json.dumps(notebook))
    # And an explorer that takes 0.8 s to redraw, every time: slow at its best try too.
    slow = """import time
import matplotlib.pyplot as plt
from ipywidgets import IntSlider
import regutils

def draw(n=3):
    time.sleep(0.8)
    plt.plot(range(n))
    plt.title(f"{n} points")
    plt.show()

_ = regutils.explore(draw, n=IntSlider(value=3, min=2, max=9))"""
    notebook["cells"] = [{**notebook["cells"][0], "source": slow}]
    (tmp_path / "slow.ipynb").write_text(json.dumps(notebook))
    with (
        browser_check.jupyterlab(tmp_path, tmp_path / "profile") as server,
        browser_check.chromium() as page,
    ):
        report = browser_check.run_in_jupyterlab(
            page, server, "broken.ipynb", tmp_path / "shots", timeout=60
        )
        server.stop_kernels()
        slow_report = browser_check.run_in_jupyterlab(
            page, server, "slow.ipynb", tmp_path / "shots", timeout=60
        )
    problems = "\n".join(report.problems())
    assert report.cells_run == 2 and "2 of 3 code cells ran" in problems
    assert len(report.red_outputs) == 2
    assert "a learner would see this" in report.red_outputs[0]
    assert "ZeroDivisionError" in report.red_outputs[1]
    assert "no ipywidgets slider was rendered" in problems
    assert len(slow_report.redraw_tries) == browser_check.REDRAW_TRIES, slow_report
    assert all(t > 0.8 for t in slow_report.redraw_tries), slow_report.redraw_tries
    assert "to redraw at best" in "\n".join(slow_report.problems()), slow_report.problems()


def test_every_listed_notebook_exists() -> None:
    missing = [path for path in LESSONS + KERAS_LESSONS if not (ROOT / path).is_file()]
    assert not missing, f"listed for the browser test but missing: {missing}"


def test_the_setup_check_sees_tensorflow_start_up_lines(tmp_path, page):
    """Without regutils' set-up, a learner on an AVX-512 CPU sees TensorFlow's lines: the check can fail."""
    notebook = {
        "cells": [
            {
                "cell_type": "code",
                "execution_count": None,
                "metadata": {},
                "outputs": [],
                "source": "import tensorflow",
            }
        ],
        "metadata": {
            "kernelspec": {
                "display_name": "Python 3 (ipykernel)",
                "language": "python",
                "name": "python3",
            }
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    (tmp_path / "plain.ipynb").write_text(json.dumps(notebook))
    with browser_check.jupyterlab(
        tmp_path, tmp_path / "profile", env_overrides=AVX512_PATH
    ) as server:
        report = browser_check.run_setup_cell(page, server, "plain.ipynb", tmp_path / "shots")
    assert any("oneDNN custom operations are on" in text for text in report.red_outputs), (
        report.red_outputs
    )
