"""Explorers and progress lines: regutils.explore and regutils.progress, and that every lesson's
explorer goes through regutils.explore (redraw on release, a readable stored fallback)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import regutils
from regutils.explorer import EXPLORER_FALLBACK
from tools import registry

ROOT = Path(__file__).resolve().parent.parent
LESSONS = [lesson for lesson in registry.load().lessons if lesson.number != "00"]


def test_explore_updates_on_release_and_shows_the_fallback_as_text(capsys):
    from ipywidgets import FloatSlider, IntSlider

    calls = []
    slider, steps = FloatSlider(value=1.0, min=0.0, max=2.0), IntSlider(value=3)
    explorer = regutils.explore(lambda a, n: calls.append((a, n)), a=slider, n=steps)
    assert calls == [(1.0, 3)]  # drawn once at the starting values
    assert slider.continuous_update is False and steps.continuous_update is False
    assert capsys.readouterr().out.strip().endswith(EXPLORER_FALLBACK)
    slider.value = 1.5
    assert calls[-1] == (1.5, 3)
    assert explorer.kwargs == {"a": 1.5, "n": 3}


@pytest.mark.parametrize(
    "args, kwargs, message",
    [
        ((3,), {"a": None}, "function must be callable, got a int"),
        ((print,), {}, "needs at least one control"),
        ((print,), {"x": 3}, "control x must be an ipywidgets widget"),
    ],
)
def test_explore_rejects_bad_arguments(args, kwargs, message):
    with pytest.raises(TypeError, match=message):
        regutils.explore(*args, **kwargs)


def test_progress_prints_one_stable_line_outside_a_notebook(capsys):
    assert list(regutils.progress(range(3), "folds")) == [0, 1, 2]
    assert list(regutils.progress(iter("ab"), "letters", total=2)) == ["a", "b"]
    assert capsys.readouterr().out == "folds: 3 of 3 done\nletters: 2 of 2 done\n"


@pytest.mark.parametrize(
    "args, kwargs, error, message",
    [
        (([1], ""), {}, ValueError, "label must be a non-empty string"),
        (([1], 3), {}, TypeError, "label must be a non-empty string"),
        ((iter([1]), "x"), {}, TypeError, "pass total="),
        (([1], "x"), {"total": 0}, ValueError, "total must be a whole number >= 1"),
    ],
)
def test_progress_rejects_bad_arguments(args, kwargs, error, message):
    with pytest.raises(error, match=message):
        list(regutils.progress(*args, **kwargs))


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda lesson: lesson.number)
def test_each_lesson_explorer_uses_explore_and_stores_a_figure_then_the_fallback(lesson):
    cells = json.loads((ROOT / lesson.notebook).read_text(encoding="utf-8"))["cells"]
    code = [c for c in cells if c["cell_type"] == "code"]
    assert not any("interact(" in "".join(c["source"]) for c in code), (
        f"{lesson.notebook}: use regutils.explore (redraw on release, stored fallback)"
    )
    explorers = [c for c in code if "regutils.explore(" in "".join(c["source"])]
    assert explorers, f"{lesson.notebook} has no explorer"
    for cell in explorers:
        kinds = [
            "figure"
            if "image/png" in o.get("data", {})
            else "".join(o.get("data", {}).get("text/plain", ""))
            for o in cell["outputs"]
        ]
        assert kinds[-2:] == ["figure", EXPLORER_FALLBACK], f"{lesson.notebook}: {kinds}"


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda lesson: lesson.number)
def test_no_progress_line_in_a_cell_whose_output_is_compared(lesson):
    """nbval compares a progress line's first display ("0 of N"), not its last: keep it out of
    # NBVAL_CHECK_OUTPUT cells."""
    for notebook in lesson.notebooks:
        cells = json.loads((ROOT / notebook).read_text(encoding="utf-8"))["cells"]
        for cell in cells:
            source = "".join(cell["source"])
            assert not ("regutils.progress(" in source and "# NBVAL_CHECK_OUTPUT" in source), (
                f"{notebook}: a progress line in a checked cell"
            )


def test_redraws_reuse_the_first_figures_layout_and_restore_the_formatter():
    """In IPython, an explorer's later figures keep the axes positions and the crop of its first
    one: one draw each (Jupyter's tight crop costs a second), and images of the same size."""
    code = """
import functools, io
from IPython.core.interactiveshell import InteractiveShell
from IPython.core.pylabtools import print_figure
shell = InteractiveShell.instance()
import matplotlib; matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib.figure import Figure
from PIL import Image
from regutils.explorer import _fast_redraws
formatter = shell.display_formatter.formatters["image/png"]
shown = []
def f(width):
    fig, (left, right) = plt.subplots(1, 2, layout="constrained")
    left.set_ylabel("a label " * width)
    draws = []
    fig.canvas.mpl_connect("draw_event", lambda event: draws.append(1))
    data = formatter(fig)
    size = Image.open(io.BytesIO(data)).size
    shown.append((data[:4], [ax.get_position().bounds for ax in fig.axes], size, len(draws)))
    plt.close(fig)
for printer in (None, functools.partial(print_figure, fmt="png", bbox_inches="tight")):
    if printer is not None:  # as matplotlib-inline registers it in Jupyter
        formatter.for_type(Figure, printer)
    before = formatter.type_printers.get(Figure)
    shown.clear()
    draw = _fast_redraws(f)
    draw(1)
    draw(6)
    draw(3)
    assert all(data == b"\\x89PNG" for data, _, _, _ in shown), shown  # PNG
    assert shown[1][1] == shown[0][1] == shown[2][1], shown  # the same positions, though the label grew
    assert shown[1][2] == shown[0][2] == shown[2][2], shown  # the same image size
    assert [n for *_, n in shown] == [2, 1, 1], shown  # measured and cropped once, then one draw
    assert formatter.type_printers.get(Figure) is before
print("ok")
"""
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert result.stdout.strip() == "ok", result.stdout + result.stderr
