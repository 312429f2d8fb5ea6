"""Exercise feedback: the machinery, the answer validators, and drift between the checks, the
solutions notebooks and the generated exercise notebooks. Each lesson's checks are tested in
test_checks_lessonNN.py; that they accept the solutions' answers, in test_checks_solutions.py."""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pytest

import regutils
from regutils import feedback
from regutils.feedback import ExerciseBook, Incorrect

ROOT = Path(__file__).resolve().parent.parent
LESSONS = feedback.available_lessons()


# --------------------------------------------------------------------------- machinery


def _book() -> ExerciseBook:
    book = ExerciseBook(notebook="99_demo_exercises.ipynb")

    @book.exercise("1", hints=("first", "second"))
    def _(answer):
        value = feedback.expect_close(
            "answer", answer, 2.0, tol=0.01, mistakes=[(4.0, "you squared it.")]
        )
        return "well done" if value else None

    return book


def test_check_prints_correct_with_remark_outside_a_notebook(capsys):
    _book().check("1", answer=2.0)
    assert capsys.readouterr().out == "Correct: exercise 1. well done\n"


def test_unanswered_exercise_is_not_an_error(capsys):
    _book().check("1", answer=...)
    out = capsys.readouterr().out
    assert out.startswith("Exercise 1 is not answered yet: replace the `...` in `answer`")
    assert _book().feedback("1", answer=...).status == "not-answered"


def test_known_mistake_gets_its_message_and_unknown_gets_no_answer():
    book = _book()
    assert "you squared it." in book.feedback("1", answer=4.0)
    message = book.feedback("1", answer=3.0)
    assert message.startswith("Not yet — exercise 1: `answer` = 3 is not what the exercise asks")
    assert "2" not in message.split(":", 1)[1].replace(
        "ex.hint('1')", ""
    )  # expected value not leaked


@pytest.mark.parametrize(
    "call, answers, message",
    [
        ("1", {"wrong": 1}, "it is missing `answer` and it does not take `wrong`"),
        ("1", {}, "it is missing `answer`. Copy the check line"),
        ("7", {"answer": 1}, "There is no exercise '7' here; the exercises are '1'"),
        (1, {"answer": 1}, "There is no exercise 1 here"),
    ],
)
def test_misuse_gets_one_sentence_not_a_traceback(call, answers, message, capsys):
    book = _book()
    book.check(call, **answers)
    out = capsys.readouterr().out
    assert message in out and "Traceback" not in out
    assert out.count("\n") == 1, out
    assert book.feedback(call, **answers).status == "usage"


def test_a_check_that_crashes_gives_a_sentence():
    book = ExerciseBook(notebook="99_demo_exercises.ipynb")

    @book.exercise("1", hints=("h",))
    def _(answer):
        return str(answer[3])  # an IndexError for a short list

    text = book.feedback("1", answer=[1])
    assert text.status == "not-yet"
    assert text.startswith("Not yet — exercise 1: the check could not use your answers (IndexError")
    assert "`answer`" in text and "ex.hint('1')" in text


def test_hints_go_one_by_one_then_say_there_are_no_more():
    book = _book()
    texts = [book.hint_feedback("1") for _ in range(3)]
    assert texts[0] == "Hint 1 of 2 for exercise 1: first"
    assert texts[1].startswith("Hint 2 of 2 for exercise 1: second\n(That was the last hint.")
    assert texts[2].startswith("You have seen all 2 hints of exercise 1.")
    assert "ex.solution('1')" in texts[2] and texts[2].endswith("The last hint was: second")
    assert [t.heading for t in texts] == [
        "1 of 2 · exercise 1",
        "2 of 2 · exercise 1",
        "no more hints · exercise 1",
    ]


def test_feedback_has_a_labelled_rich_display():
    book = _book()
    cases = {
        "correct": book.feedback("1", answer=2.0),
        "not-yet": book.feedback("1", answer=4.0),
        "not-answered": book.feedback("1", answer=...),
        "hint": book.hint_feedback("1"),
    }
    for status, text in cases.items():
        assert text.status == status
        html = text._repr_html_()
        assert f'class="regutils-feedback regutils-{status}"' in html
        assert "`" not in html, html  # code is rendered, not shown as backticks
        assert text.label in html
    assert ">answer</code>" in cases["not-answered"]._repr_html_()


def test_solution_is_highlighted_code():
    text = regutils.exercises("01").solution_feedback("1")
    assert text.status == "solution" and text.code and text.startswith("# Solution of exercise 1")
    html = text._repr_html_()
    assert "<pre" in html and "<span style=" in html  # highlighted by Pygments


def test_registering_needs_hints_and_unique_ids():
    book = _book()
    with pytest.raises(ValueError, match="needs at least one hint"):
        book.exercise("2", hints=())
    with pytest.raises(ValueError, match="registered twice"):
        book.exercise("1", hints=("h",))(lambda answer: None)


@pytest.mark.parametrize(
    "value, message",
    [
        ("a", "should be a number, but it is a str"),
        (True, "should be a number, but it is a bool"),
        (float("nan"), "finite"),
        (2.5, "whole number"),
    ],
)
def test_expect_int_messages(value, message):
    with pytest.raises(Incorrect, match=message):
        feedback.expect_int("n", value)


def test_expect_sequence_and_choice_messages():
    with pytest.raises(Incorrect, match="should have 3 items, it has 2"):
        feedback.expect_sequence("xs", [1, 2], 3)
    with pytest.raises(Incorrect, match="should be a list of 3 items, got a int"):
        feedback.expect_sequence("xs", 5, 3)
    with pytest.raises(Incorrect, match=r"should be one of \[1, 2\], got 3"):
        feedback.expect_choice("n", 3, [1, 2])


class _Tensor:
    """Stands in for a TensorFlow tensor or Keras variable: only ``.numpy()``."""

    def numpy(self):
        return np.array([[1.0, 2.0], [3.0, 4.0]])


def test_expect_array_accepts_lists_tensors_and_a_row_or_column_for_a_vector():
    np.testing.assert_array_equal(feedback.expect_array("v", [1, 2, 3], (3,)), [1.0, 2.0, 3.0])
    np.testing.assert_array_equal(feedback.expect_array("v", [[1], [2], [3]], (3,)), [1, 2, 3])
    np.testing.assert_array_equal(feedback.expect_array("v", [[1, 2, 3]], (3,)), [1, 2, 3])
    assert feedback.expect_array("m", _Tensor(), (2, 2)).dtype == float


@pytest.mark.parametrize(
    "value, shape, kwargs, message",
    [
        (3.0, (3,), {}, "`v` should be a list or array of 3 numbers, got a float."),
        (None, (3,), {"unit": "epoch"}, "3 numbers, one per epoch, got a NoneType."),
        ("abc", (2, 2), {}, "`v` should be an array of shape (2, 2), got a str."),
        (
            [1, 2],
            (3,),
            {"unit": "feature"},
            "`v` should have 3 numbers, one per feature, got shape",
        ),
        (
            [[1, 2]],
            (2, 2),
            {"like": "x"},
            "`v` should have shape (2, 2) (the shape of x), got (1, 2).",
        ),
        ([["a", "b"]], (1, 2), {}, "it holds something that is not a number."),
        ([1.0, np.inf], (2,), {}, "`v` contains NaN or infinite values."),
        ([[1, 2], [3, 4]], (4,), {}, "`v` should have 4 numbers, got shape (2, 2)."),
    ],
)
def test_expect_array_messages(value, shape, kwargs, message):
    with pytest.raises(Incorrect) as error:
        feedback.expect_array("v", value, shape, **kwargs)
    assert message in str(error.value)


def test_expect_close_array_mistakes_and_fallbacks():
    value = np.array([2.0, 4.0])
    assert feedback.expect_close_array("v", value, [2.0, 4.0 + 1e-9], tol=1e-6) is value
    mistakes = [([1.0], "other shape: never matches"), ([2.0, 4.0], "you doubled it.")]
    with pytest.raises(Incorrect, match="^`v`: you doubled it.$"):
        feedback.expect_close_array("v", value, [1.0, 2.0], tol=1e-6, mistakes=mistakes)
    with pytest.raises(Incorrect, match="^`v` should be x.$"):
        feedback.expect_close_array("v", value, [1.0, 2.0], tol=1e-6, otherwise="should be x.")
    with pytest.raises(Incorrect, match=r"not what the exercise asks for \(largest difference 2\)"):
        feedback.expect_close_array("v", value, [1.0, 2.0], tol=1e-6)


class _Model:
    def __init__(self, shape):
        self.input_shape = shape


def test_expect_keras_inputs():
    feedback.expect_keras_inputs(_Model((None, 64)), 64, "64 pixels")
    for model in (_Model((None, 8)), _Model(None), object()):
        with pytest.raises(Incorrect, match=r"`keras.Input\(shape=\(64,\)\)` \(64 pixels\); "):
            feedback.expect_keras_inputs(model, 64, "64 pixels")


def test_exercises_rejects_bad_lesson_names():
    with pytest.raises(ValueError, match="two-digit lesson number"):
        regutils.exercises("1")
    with pytest.raises(ValueError, match="has no exercises; lessons with exercises: 01"):
        regutils.exercises("98")


def test_each_call_gets_fresh_hint_counters(capsys):
    regutils.exercises("01").hint("1")
    regutils.exercises("01").hint("1")
    assert capsys.readouterr().out.count("Hint 1 of") == 2


# --------------------------------------------------------------------------- drift


def _cells(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def _source(cell: dict) -> str:
    return "".join(cell["source"])


@pytest.mark.parametrize("lesson", LESSONS)
def test_every_exercise_has_a_solution_cell_and_a_check_cell(lesson):
    book = regutils.exercises(lesson)
    solution = ROOT / "solutions" / book.notebook
    cells = _cells(solution)
    for id in book.ids:
        assert book.solution_text(id).strip(), f"exercise {id} has an empty solution"
        calls = [
            c
            for c in cells
            if c["cell_type"] == "code" and re.search(rf'\bex\.check\("{id}"', _source(c))
        ]
        assert len(calls) == 1, f"{solution.name}: exercise {id} needs exactly one ex.check cell"
        assert "# NBVAL_CHECK_OUTPUT" in _source(calls[0])
    tagged = sorted(
        {
            t.removeprefix("exercise-")
            for c in cells
            for t in c.get("metadata", {}).get("tags", [])
            if t.startswith("exercise-")
        }
    )
    assert tagged == sorted(book.ids), "exercise-N tags and registered checks differ"


@pytest.mark.parametrize("lesson", LESSONS)
def test_stored_check_outputs(lesson):
    """Solutions print Correct for every exercise; the generated notebooks say 'not answered'."""
    book = regutils.exercises(lesson)
    for folder, expected in (
        ("solutions", "Correct: exercise"),
        ("notebooks", "is not answered yet"),
    ):
        for cell in _cells(ROOT / folder / book.notebook):
            if cell["cell_type"] == "code" and "ex.check(" in _source(cell):
                text = "".join(
                    "".join(o.get("data", {}).get("text/plain", o.get("text", "")))
                    for o in cell["outputs"]
                )
                assert expected in text, f"{folder}/{book.notebook}: {text!r}"
                html = "".join(
                    "".join(o.get("data", {}).get("text/html", "")) for o in cell["outputs"]
                )
                assert "regutils-feedback" in html, f"{folder}/{book.notebook}: no rich feedback"


@pytest.mark.parametrize("lesson", LESSONS)
def test_solution_text_leaves_out_tooling_lines(lesson):
    book = regutils.exercises(lesson)
    for id in book.ids:
        text = book.solution_text(id)
        assert "NBVAL" not in text and "# stub:" not in text and "### " not in text


def test_solution_from_notebook_errors(tmp_path):
    path = tmp_path / "x.ipynb"
    with pytest.raises(FileNotFoundError, match="solutions notebook"):
        feedback.solution_from_notebook(path, "1")
    path.write_text(
        json.dumps(
            {
                "cells": [
                    {"cell_type": "code", "source": "x = 1", "metadata": {"tags": ["exercise-1"]}}
                ]
            }
        )
    )
    with pytest.raises(LookupError, match="has no '### BEGIN SOLUTION' marker"):
        feedback.solution_from_notebook(path, "1")
    with pytest.raises(LookupError, match="exactly one code cell tagged 'exercise-2'"):
        feedback.solution_from_notebook(path, "2")


def test_expect_sequence_rejects_a_zero_dimensional_array():
    with pytest.raises(Incorrect, match="should be a list of 2 items, got a ndarray"):
        feedback.expect_sequence("x", np.array(3), 2)
