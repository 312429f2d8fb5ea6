"""Concept quizzes: the machinery (regutils.quizzes), every lesson's questions, and that each lesson
asks its questions at its end with outputs a learner can read before running anything."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import regutils
from regutils.explorer import WithFallback
from regutils.quizzes import Question, Quiz, quiz_lessons
from tools import registry

ROOT = Path(__file__).resolve().parent.parent
#: Every lesson with exercises has a quiz (lesson 00 is the orientation).
LESSONS = [lesson for lesson in registry.load().lessons if lesson.exercises]


def _demo() -> Quiz:
    return Quiz(
        "99",
        [
            Question(
                "Which penalty is L1?",
                answer="b",
                choices=["`Ridge`", "`Lasso`", "*both*"],
                explanation="The lasso penalizes the sum of |w|.",
                why_not={"a": "Ridge squares the weights.", "c": "Only one of them."},
            ),
            Question("How many?", answer=3, tol=0.1, explanation="Three."),
        ],
    )


# --------------------------------------------------------------------------- machinery


def test_right_wrong_and_odd_answers():
    quiz = _demo()
    right = quiz.feedback("1", "b")
    assert (
        right.status == "correct"
        and right == "Correct: question 1. The lasso penalizes the sum of |w|."
    )
    assert quiz.feedback("1", " B) ").status == "correct"
    wrong = quiz.feedback("1", "a")
    assert wrong.status == "not-yet" and "Ridge squares the weights." in wrong
    assert "sum of |w|" not in wrong  # the explanation comes with the right answer
    for odd in ("z", 2, None, ["b"]):
        text = quiz.feedback("1", odd)
        assert text.status == "usage" and "'a', 'b', 'c'" in text, text
    assert quiz.feedback("2", 3.05).status == "correct"
    assert quiz.feedback("2", 3.5).status == "not-yet"
    for odd in ("3", float("nan"), True):
        assert quiz.feedback("2", odd).status == "usage"
    assert quiz.feedback("3", "a").status == "usage"
    assert "There is no question '3'" in quiz.feedback("3", "a")


def test_question_shows_its_choices_and_how_to_answer():
    text = _demo().question("1")
    assert text.status == "question"
    assert "a) `Ridge`\nb) `Lasso`\nc) *both*" in text
    assert "quiz.answer('1', 'a')" in text
    html = text._repr_html_()
    assert ">Ridge</code>" in html and "<em>both</em>" in html


def test_ask_outside_a_notebook_prints_the_question(capsys):
    _demo().ask("1")
    _demo().ask("9")
    out = capsys.readouterr().out
    assert out.startswith("Question 1 of 2: Which penalty is L1?")
    assert "There is no question '9'" in out


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"answer": "d", "choices": ["x", "y"]}, "answer must be one of"),
        ({"answer": "a", "choices": ["x"]}, "2 to 6 options"),
        ({"answer": "a", "choices": ["x", "y"], "why_not": {"a": "?"}}, "why_not explains wrong"),
        ({"answer": "b"}, "needs a number as its answer"),
    ],
)
def test_bad_questions_are_rejected(kwargs, message):
    with pytest.raises(ValueError, match=message):
        Question("?", explanation="!", **kwargs)


def test_quiz_rejects_bad_lessons():
    with pytest.raises(ValueError, match="two-digit lesson number"):
        regutils.quiz("3")
    with pytest.raises(ValueError, match="has no quiz; lessons with a quiz:"):
        regutils.quiz("98")


def test_widget_fallback_replaces_the_plain_text():
    class FakeWidget:
        def _repr_mimebundle_(self, **kwargs):
            return {"text/plain": "VBox(children=(...))", "application/x-widget": {"id": 1}}

    bundle = WithFallback(FakeWidget(), "run me")._repr_mimebundle_()
    assert bundle == {"text/plain": "run me", "application/x-widget": {"id": 1}}


# --------------------------------------------------------------------------- each lesson


def test_every_lesson_with_exercises_has_a_quiz():
    assert quiz_lessons() == [lesson.number for lesson in LESSONS]


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda lesson: lesson.number)
def test_questions_are_complete(lesson):
    quiz = regutils.quiz(lesson.number)
    assert 3 <= len(quiz.ids) <= 5, f"lesson {lesson.number}: {len(quiz.ids)} questions"
    letters = []
    for id, question in quiz.questions.items():
        where = f"lesson {lesson.number} question {id}"
        assert len(question.explanation) > 40, f"{where}: explain why the answer is right"
        if not question.choices:
            continue
        letters.append(question.answer)
        wrong = set(question.letters) - {question.answer}
        assert set(question.why_not) == wrong, f"{where}: every wrong choice needs a why_not"
        assert quiz.feedback(id, question.answer).status == "correct"
        for letter in wrong:
            text = quiz.feedback(id, letter)
            assert text.status == "not-yet" and question.why_not[letter] in text
    assert len(set(letters)) > 1, f"lesson {lesson.number}: the right letter is always the same"


def _code_cells(path: Path) -> list[dict]:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return [c for c in cells if c["cell_type"] == "code"]


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda lesson: lesson.number)
def test_the_lesson_asks_each_question_once_in_order_with_readable_outputs(lesson):
    quiz = regutils.quiz(lesson.number)
    cells = _code_cells(ROOT / lesson.notebook)
    sources = ["".join(c["source"]) for c in cells]
    assert any(f'quiz = regutils.quiz("{lesson.number}")' in s for s in sources), lesson.notebook
    asked = [m for s in sources for m in re.findall(r'quiz\.ask\("(\d+)"\)', s)]
    assert asked == quiz.ids, f"{lesson.notebook} asks {asked}, the quiz has {quiz.ids}"
    for cell in cells:
        source = "".join(cell["source"])
        if "quiz.ask(" not in source:
            continue
        plain = [o.get("data", {}).get("text/plain", "") for o in cell["outputs"]]
        text = "".join("".join(p) for p in plain)
        assert "Question " in text and "quiz.answer(" in text, f"{lesson.notebook}: {text!r}"
        assert "VBox(" not in text and "RadioButtons(" not in text, "raw widget text is stored"
