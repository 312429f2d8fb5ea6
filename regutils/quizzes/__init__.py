"""Concept quizzes: a few questions at the end of each lesson, answered in the notebook.

In a lesson::

    quiz = regutils.quiz("03")
    quiz.ask("1")           # the question, and buttons to answer it (in JupyterLab)
    quiz.answer("1", "b")   # the same without buttons: in a terminal, Colab or a script

Each lesson's questions live in this package, ``regutils/quizzes/lessonNN.py``, as a list of
:class:`Question` named ``QUESTIONS``;
they are built from the misconceptions its section of ``INSTRUCTORS.md`` lists. The logic (is the
answer right, why, why not the others) is here; :mod:`regutils.display` only shows it.
"""

from __future__ import annotations

import math
import numbers
import re
import string
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from regutils._lessons import lesson_module, lesson_numbers
from regutils.display import Feedback, show

__all__ = ["Question", "Quiz", "quiz", "quiz_lessons"]


@dataclass(frozen=True)
class Question:
    """One question: multiple choice (``choices`` and the letter of the answer) or a number.

    Parameters
    ----------
    prompt : str
        The question; ``code`` in backticks and *emphasis* are rendered in notebooks.
    answer : str or float
        The letter of the right choice (``"b"``), or the number for a short-answer question.
    explanation : str
        Why the answer is right, shown with "Correct" and after a wrong answer is explained.
    choices : sequence of str, optional
        The options, labelled a, b, c, … in order. Leave empty for a number question.
    why_not : mapping of str to str, optional
        For a wrong letter: why it is tempting and why it is wrong (shown for that choice).
    tol : float, default=0
        For a number question: how far from ``answer`` still counts as right.

    Examples
    --------
    >>> q = Question("2 + 2?", answer="b", choices=["3", "4"], explanation="Counting.")
    >>> q.letters
    ('a', 'b')
    """

    prompt: str
    answer: str | float
    explanation: str
    choices: Sequence[str] = ()
    why_not: Mapping[str, str] = field(default_factory=dict)
    tol: float = 0.0

    def __post_init__(self) -> None:
        if self.choices:
            if not 2 <= len(self.choices) <= 6:
                raise ValueError(f"choices must hold 2 to 6 options, got {len(self.choices)}.")
            if self.answer not in self.letters:
                raise ValueError(f"answer must be one of {self.letters}, got {self.answer!r}.")
            unknown = set(self.why_not) - set(self.letters) | ({self.answer} & set(self.why_not))
            if unknown:
                raise ValueError(
                    f"why_not explains wrong choices only ({', '.join(self.letters)} except "
                    f"{self.answer!r}); got {sorted(unknown)}."
                )
        elif isinstance(self.answer, bool) or not isinstance(self.answer, numbers.Real):
            raise ValueError("a question without choices needs a number as its answer.")

    @property
    def letters(self) -> tuple[str, ...]:
        """The labels of the choices: a, b, c, …"""
        return tuple(string.ascii_lowercase[: len(self.choices)])


class Quiz:
    """The questions of one lesson, with :meth:`ask` and :meth:`answer`.

    Parameters
    ----------
    lesson : str
        The two-digit lesson number.
    questions : sequence of Question
        Numbered "1", "2", … in order.
    """

    def __init__(self, lesson: str, questions: Sequence[Question]) -> None:
        self.lesson = lesson
        self.questions = {str(i): q for i, q in enumerate(questions, start=1)}

    @property
    def ids(self) -> list[str]:
        """The question ids, in order."""
        return list(self.questions)

    def _unknown(self, id: object, call: str) -> Feedback | None:
        if isinstance(id, str) and id in self.questions:
            return None
        ids = ", ".join(repr(i) for i in self.questions)
        message = f"There is no question {id!r} in this quiz; the questions are {ids}."
        return Feedback("usage", message, heading=f"quiz.{call}(…)", message=message)

    def question(self, id: str) -> Feedback:
        """Question ``id`` with its choices, as text (and a box in notebooks)."""
        unknown = self._unknown(id, "ask")
        if unknown is not None:
            return unknown
        q = self.questions[id]
        if q.choices:
            options = "\n".join(f"{k}) {text}" for k, text in zip(q.letters, q.choices))
            how = f"Answer with the buttons below, or `quiz.answer({id!r}, {q.letters[0]!r})`."
            message = f"{q.prompt}\n{options}\n{how}"
        else:
            message = f"{q.prompt}\nAnswer with a number: `quiz.answer({id!r}, 0.5)`."
        return Feedback(
            "question",
            f"Question {id} of {len(self.questions)}: {message}",
            heading=f"{id} of {len(self.questions)}",
            message=message,
        )

    def feedback(self, id: str, answer: object) -> Feedback:
        """Whether ``answer`` is right, and why (or why not)."""
        unknown = self._unknown(id, "answer")
        if unknown is not None:
            return unknown
        q = self.questions[id]
        heading = f"question {id}"
        if q.choices:
            letter = answer.strip().lower().rstrip(")") if isinstance(answer, str) else answer
            if letter not in q.letters:
                message = (
                    f"Answer question {id} with the letter of one choice: "
                    f"{', '.join(repr(k) for k in q.letters)}; got {answer!r}."
                )
                return Feedback("usage", message, heading=heading, message=message)
            right = letter == q.answer
            detail = q.explanation if right else q.why_not.get(str(letter), "")
        else:
            if (
                isinstance(answer, bool)
                or not isinstance(answer, numbers.Real)
                or not math.isfinite(float(answer))
            ):
                message = f"Answer question {id} with a number, e.g. `quiz.answer({id!r}, 0.5)`; got {answer!r}."
                return Feedback("usage", message, heading=heading, message=message)
            right = abs(float(answer) - float(q.answer)) <= q.tol
            detail = q.explanation if right else ""
        if right:
            return Feedback(
                "correct", f"Correct: question {id}. {detail}", heading=heading, message=detail
            )
        retry = "Think again, then answer once more; the explanation comes with the right answer."
        message = f"{detail} {retry}" if detail else retry
        return Feedback(
            "not-yet", f"Not yet — question {id}: {message}", heading=heading, message=message
        )

    def answer(self, id: str, answer: object) -> None:
        """Show whether ``answer`` to question ``id`` is right, and why."""
        show(self.feedback(id, answer))

    def ask(self, id: str) -> None:
        """Show question ``id``; in a notebook, with buttons that answer it."""
        show(self.question(id))
        if self._unknown(id, "ask") is None:
            widget = _answer_widget(self, id)
            if widget is not None:
                show(widget)


def _answer_widget(quiz: Quiz, id: str) -> object | None:
    """The choices as radio buttons and a Check button; ``None`` outside a notebook kernel."""
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover
        return None
    if get_ipython() is None:
        return None
    import ipywidgets as widgets

    from regutils.explorer import WithFallback

    q = quiz.questions[id]
    out = widgets.Output()
    if q.choices:
        control: widgets.ValueWidget = widgets.RadioButtons(
            options=[(f"{k}) {_plain(text)}", k) for k, text in zip(q.letters, q.choices)],
            value=None,
            layout=widgets.Layout(width="max-content"),
        )
    else:
        control = widgets.FloatText(value=None, description="answer")
    button = widgets.Button(description="Check", tooltip=f"check your answer to question {id}")

    def check(_: object) -> None:
        out.clear_output()
        with out:
            if control.value is None:
                show(quiz.feedback(id, "(none chosen)"))
            else:
                show(quiz.feedback(id, control.value))

    button.on_click(check)
    box = widgets.VBox([control, button, out])
    return WithFallback(
        box, f"(Run this cell for buttons to answer, or type quiz.answer({id!r}, ...).)"
    )


def _plain(text: str) -> str:
    """``text`` without Markdown's backticks and asterisks, for a widget label."""
    return re.sub(r"[`*]", "", text)


def quiz(lesson: str) -> Quiz:
    """The concept quiz of a lesson.

    Parameters
    ----------
    lesson : str
        The two-digit lesson number, e.g. ``"03"``.

    Examples
    --------
    >>> q = quiz("01")
    >>> len(q.ids) >= 3
    True
    """
    module = lesson_module("quizzes", lesson, "a quiz")
    return Quiz(lesson, module.QUESTIONS)


def quiz_lessons() -> list[str]:
    """Lesson numbers that have a quiz."""
    return lesson_numbers("quizzes")
