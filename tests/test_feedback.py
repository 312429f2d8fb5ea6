"""Exercise feedback: the machinery, every lesson's checks fed known-wrong answers, and drift
between the checks, the solutions notebooks and the generated exercise notebooks."""

from __future__ import annotations

import json
import re
from pathlib import Path

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


def test_check_prints_correct_with_remark(capsys):
    _book().check("1", answer=2.0)
    assert capsys.readouterr().out == "Correct: exercise 1. well done\n"


def test_unanswered_exercise_is_not_an_error(capsys):
    _book().check("1", answer=...)
    out = capsys.readouterr().out
    assert out.startswith("Exercise 1 is not answered yet: replace the `...` in `answer`")


def test_known_mistake_gets_its_message_and_unknown_gets_no_answer():
    book = _book()
    assert "you squared it." in book.feedback("1", answer=4.0)
    message = book.feedback("1", answer=3.0)
    assert message.startswith("Not yet — exercise 1: `answer` = 3 is not what the exercise asks")
    assert "2" not in message.split(":", 1)[1].replace(
        "ex.hint('1')", ""
    )  # expected value not leaked


def test_wrong_names_and_unknown_exercise():
    book = _book()
    with pytest.raises(TypeError, match=r"takes the answers answer=answer; got wrong"):
        book.check("1", wrong=1)
    with pytest.raises(ValueError, match=r"exercise must be one of '1'; got '7'"):
        book.check("7", answer=1)


def test_hints_are_progressive_and_stop_at_the_last(capsys):
    book = _book()
    for _ in range(3):
        book.hint("1")
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "Hint 1 of 2 for exercise 1: first"
    assert out[1] == "Hint 2 of 2 for exercise 1: second"
    assert out[3] == "Hint 2 of 2 for exercise 1: second"
    assert "ex.solution('1')" in out[2]


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


def test_exercises_rejects_bad_lesson_names():
    with pytest.raises(ValueError, match="two-digit lesson number"):
        regutils.exercises("1")
    with pytest.raises(ValueError, match="has no exercises; lessons with exercises: 01"):
        regutils.exercises("98")


def test_each_call_gets_fresh_hint_counters(capsys):
    regutils.exercises("01").hint("1")
    regutils.exercises("01").hint("1")
    assert capsys.readouterr().out.count("Hint 1 of") == 2


# --------------------------------------------------------------------------- lesson 01's checks


@pytest.fixture(scope="module")
def ex01():
    return regutils.exercises("01")


LESSON01_RIGHT = {
    "1": {"best_degree": 6, "best_rmse": 0.15},
    "2": {"n_needed": 20},
    "3": {
        "chosen_degree": 3,
        "final_rmse": 0.29,
        "chosen_by_split": [6, 3, 5, 9, 3, 4, 3, 3, 6, 9],
    },
    "4": {"best_alpha": 1e-4, "best_cv_rmse": 0.26},
}

LESSON01_WRONG = [
    ("1", {"best_degree": 9, "best_rmse": 0.15}, "lowest *training* error"),
    ("1", {"best_degree": 3, "best_rmse": 0.15}, "answer for noise 0.3"),
    ("1", {"best_degree": 4, "best_rmse": 0.15}, "not the degree with the lowest test RMSE"),
    ("1", {"best_degree": 6, "best_rmse": 0.0225}, "mean *squared* error"),
    ("1", {"best_degree": 6, "best_rmse": 0.5}, "is not what the exercise asks for"),
    ("1", {"best_degree": "6", "best_rmse": 0.15}, "should be a number"),
    ("2", {"n_needed": 15}, "still above 0.38"),
    ("2", {"n_needed": 50}, "smaller size than 50"),
    ("2", {"n_needed": 11}, "should be one of"),
    (
        "3",
        {"chosen_degree": 9, "final_rmse": 0.29, "chosen_by_split": [0] * 10},
        "lowest *training* error",
    ),
    (
        "3",
        {"chosen_degree": 5, "final_rmse": 0.29, "chosen_by_split": [0] * 10},
        "not the degree with the lowest validation",
    ),
    (
        "3",
        {"chosen_degree": 3, "final_rmse": 0.9, "chosen_by_split": [0] * 10},
        "is not what the exercise asks for",
    ),
    (
        "3",
        {"chosen_degree": 3, "final_rmse": 0.29, "chosen_by_split": [3] * 9},
        "should have 10 items",
    ),
    ("3", {"chosen_degree": 3, "final_rmse": 0.29, "chosen_by_split": [3] * 10}, "in that order"),
    ("4", {"best_alpha": 1e-10, "best_cv_rmse": 0.26}, "*largest* validation RMSE"),
    ("4", {"best_alpha": 10.0, "best_cv_rmse": 0.26}, "is not what the exercise asks for"),
    ("4", {"best_alpha": 1e-4, "best_cv_rmse": -0.26}, "negated RMSE"),
]


@pytest.mark.parametrize("exercise", sorted(LESSON01_RIGHT))
def test_lesson01_right_answers_are_correct(ex01, exercise):
    assert ex01.feedback(exercise, **LESSON01_RIGHT[exercise]).startswith("Correct")


@pytest.mark.parametrize(
    "exercise, answers, message",
    LESSON01_WRONG,
    ids=[f"{e}-{m[:24]}" for e, _, m in LESSON01_WRONG],
)
def test_lesson01_wrong_answers_get_the_intended_message(ex01, exercise, answers, message):
    text = ex01.feedback(exercise, **answers)
    assert text.startswith(f"Not yet — exercise {exercise}:"), text
    assert message in text, text


def test_lesson01_has_a_refit_mistake_check(ex01):
    # The model fitted on the training part only (not refit on the development set).
    from regutils.checks.lesson01 import _exercise_3

    text = ex01.feedback(
        "3", chosen_degree=3, final_rmse=_exercise_3()["final_not_refit"], chosen_by_split=[0] * 10
    )
    assert "refit the chosen degree" in text


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
                text = "".join("".join(o.get("text", "")) for o in cell["outputs"])
                assert expected in text, f"{folder}/{book.notebook}: {text!r}"


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
