"""How feedback looks: a labelled box in a notebook, the same words as plain text in a terminal.

The exercise checks (:mod:`regutils.feedback`) and the concept quizzes (:mod:`regutils.quizzes`)
decide *what* to say; this module only decides how it is shown. A :class:`Feedback` is a string
(its plain text, which terminals, tests and nbval's ``text/plain`` comparison see) that also has an
HTML display for Jupyter: a label a learner cannot miss (✔ Correct, ✘ Not yet, Hint 2 of 3, …),
the message with its ``code`` and *emphasis* rendered, and a solution as highlighted code.

The HTML sets its own dark text on a light background, so it reads the same in JupyterLab's light
and dark themes, and the label says in words what its colour says.
"""

from __future__ import annotations

import html
import re
from typing import Any

__all__ = ["Feedback", "STATUSES", "show"]

#: Every kind of feedback: the label shown before its title, and its accent and background colours
#: (colour-blind-safe accents from the Okabe–Ito palette, darkened for contrast on light tints).
STATUSES: dict[str, tuple[str, str, str]] = {
    "correct": ("✔ Correct", "#00704a", "#e8f5ee"),
    "not-yet": ("✘ Not yet", "#a8430b", "#fdf0e6"),
    "not-answered": ("… Not answered yet", "#4d5560", "#f2f3f5"),
    "hint": ("Hint", "#005a9c", "#e8f1fa"),
    "solution": ("Solution", "#7a3e78", "#f6eef6"),
    "usage": ("How to use it", "#4d5560", "#f2f3f5"),
    "question": ("Question", "#005a9c", "#f4f8fc"),
}

_TEXT_COLOUR = "#1f2328"
# Inline code keeps dark-on-light inside the box, whatever the theme's own code colours are.
_CODE_STYLE = ' style="background: #e4e7eb; color: #1f2328; padding: 0 3px; border-radius: 3px;"'


class Feedback(str):
    """Feedback to show a learner: the plain text, plus a rich display in notebooks.

    Parameters
    ----------
    status : str
        One of :data:`STATUSES` (``"correct"``, ``"not-yet"``, ``"not-answered"``, ``"hint"``,
        ``"solution"``, ``"usage"``, ``"question"``).
    text : str
        The plain text, as a terminal shows it (and as tests compare it).
    heading : str
        The line shown in bold next to the label, e.g. ``"exercise 1"`` or ``"2 of 3 · exercise 1"``.
    message : str, optional
        The body, with ``code`` in backticks and *emphasis* in asterisks.
    code : str, optional
        Python code shown highlighted below the message (a worked solution).

    Examples
    --------
    >>> f = Feedback("correct", "Correct: exercise 1.", heading="exercise 1")
    >>> f.status, str(f)
    ('correct', 'Correct: exercise 1.')
    >>> "✔ Correct" in f._repr_html_()
    True
    """

    status: str
    heading: str
    message: str
    code: str | None

    def __new__(
        cls, status: str, text: str, *, heading: str, message: str = "", code: str | None = None
    ) -> Feedback:
        if status not in STATUSES:
            raise ValueError(f"status must be one of {', '.join(STATUSES)}; got {status!r}.")
        self = super().__new__(cls, text)
        self.status, self.heading, self.message, self.code = status, heading, message, code
        return self

    @property
    def label(self) -> str:
        """What the box says first: ✔ Correct, ✘ Not yet, Hint, …"""
        return STATUSES[self.status][0]

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        printer.text(str(self))

    def _repr_html_(self) -> str:
        _, accent, background = STATUSES[self.status]
        parts = [
            f'<div class="regutils-feedback regutils-{self.status}" style="border-left: 6px solid '
            f"{accent}; background: {background}; color: {_TEXT_COLOUR}; padding: 6px 12px; "
            f'margin: 4px 0; border-radius: 3px; line-height: 1.5;">',
            f'<strong style="color: {accent};">{html.escape(self.label)}</strong>',
        ]
        if self.heading:
            parts.append(f" <strong>· {inline_html(self.heading)}</strong>")
        if self.message:
            parts.append(f"<div>{inline_html(self.message)}</div>")
        if self.code:
            parts.append(code_html(self.code))
        parts.append("</div>")
        return "".join(parts)


def inline_html(text: str) -> str:
    """``text`` as HTML: ``code`` in backticks, **strong** and *emphasis*, line breaks kept.

    Examples
    --------
    >>> inline_html("use `a * b`, *not* <this>")  # doctest: +ELLIPSIS
    'use <code style=...>a * b</code>, <em>not</em> &lt;this&gt;'
    """
    pieces = re.split(r"(`[^`]+`)", text)
    out = []
    for piece in pieces:
        if len(piece) > 1 and piece.startswith("`") and piece.endswith("`"):
            out.append(f"<code{_CODE_STYLE}>{html.escape(piece[1:-1], quote=False)}</code>")
            continue
        piece = html.escape(piece, quote=False)
        piece = re.sub(r"\*\*(\S(?:.*?\S)?)\*\*", r"<strong>\1</strong>", piece)
        piece = re.sub(r"(?<![\w*])\*(\S(?:.*?\S)?)\*(?![\w*])", r"<em>\1</em>", piece)
        out.append(piece.replace("\n", "<br>"))
    return "".join(out)


def code_html(code: str) -> str:
    """``code`` as a highlighted block (Pygments, which Jupyter installs), dark text on light."""
    style = (
        "background: #ffffff; color: #1f2328; padding: 6px 10px; margin: 6px 0 2px; "
        "border: 1px solid #d0d7de; border-radius: 3px; overflow-x: auto; font-size: 0.95em;"
    )
    try:
        from pygments import highlight
        from pygments.formatters import HtmlFormatter
        from pygments.lexers import PythonLexer
    except ImportError:  # pragma: no cover - Pygments comes with IPython
        return f'<pre style="{style}">{html.escape(code, quote=False)}</pre>'
    body = highlight(code, PythonLexer(), HtmlFormatter(noclasses=True, nowrap=True))
    return f'<pre style="{style}">{body.rstrip()}</pre>'


def show(feedback: object) -> None:
    """Display ``feedback`` in a notebook (rich), or print it as plain text anywhere else."""
    try:
        from IPython import get_ipython
        from IPython.display import display
    except ImportError:  # pragma: no cover - IPython comes with Jupyter
        print(feedback)
        return
    if get_ipython() is None:
        print(feedback)
    else:
        display(feedback)
