"""Write the lessons' text forms into ``text/`` (Jupytext ``py:percent``), or check them.

About 80 % of a lesson notebook is base64 images, so its diff is unreadable. Its text form
holds only what a contributor writes (the cells' sources and tags; no outputs, no metadata), so a
pull request that changes a lesson shows that change, line by line, in ``text/``. Run from the
repository root (``make text`` does)::

    python -m tools.text_forms            # (re)write text/, remove text forms of no notebook
    python -m tools.text_forms --check    # write nothing; exit 1 listing stale/missing/extra files
    python -m tools.text_forms --root DIR # another course tree (with jupytext.toml)

Which notebooks: every ``solutions/X.ipynb`` (to ``text/solutions/X.py``), and every
``notebooks/X.ipynb`` (to ``text/notebooks/X.py``) except the exercise notebooks that
``tools/make_exercises.py`` generates from ``solutions/X.ipynb`` (their diff is the solutions').

One direction: the ``.ipynb`` is the source of truth (learners and nbval use it); the text form is
generated from it and never read back into it. The format is ``py:percent``; the metadata
filters are in ``jupytext.toml`` at the root of the tree, which the ``jupytext`` command and
JupyterLab's Jupytext extension read too. Outputs are not in the text form, so re-executing a
notebook (``make execute``) leaves its text form unchanged.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

import jupytext
import nbformat
from jupytext.config import JupytextConfiguration, load_jupytext_configuration_file

#: The repository root (this file lives in ``<root>/tools/``).
REPO_ROOT = Path(__file__).resolve().parent.parent

#: Jupytext's name of the text format: a Python script, cells marked by ``# %%`` lines.
FORMAT = "py:percent"

#: The Jupytext options (metadata filters), relative to the root of the course tree.
CONFIG_FILE = "jupytext.toml"

#: Where the text forms go, relative to the root; it mirrors the notebook folders.
TEXT_DIR = "text"
NOTEBOOK_DIRS = ("notebooks", "solutions")

#: ``text/README.md``, written with the text forms, for whoever browses ``text/``.
README = f"""\
# Text forms of the lessons (generated: do not edit)

Each file here is a lesson notebook as a Python script in Jupytext's `{FORMAT}` format: the cells'
sources and tags, no outputs. They exist so that a pull request shows a lesson change as a
readable diff.

- `notebooks/X.py` is `notebooks/X.ipynb` (not the `*_exercises` notebooks: they are generated
  from `solutions/`, so their change is the solutions' change);
- `solutions/X.py` is `solutions/X.ipynb`.

Edit the notebook, then run `make text` (`python -m tools.text_forms`). `make test` fails while a
file here is stale, missing or extra.
"""


@dataclass(frozen=True)
class TextForm:
    """A course notebook and the text form generated from it."""

    notebook: Path
    text: Path


@dataclass(frozen=True)
class Drift:
    """A file of ``text/`` that is not what the notebooks give: stale, missing or extra."""

    kind: str  # "stale", "missing" or "extra"
    path: str  # relative to the root of the course tree

    def __str__(self) -> str:
        return f"{self.kind}: {self.path}"


def text_forms(root: Path) -> list[TextForm]:
    """Every notebook of the course tree at ``root`` that has a text form, with its text path."""
    generated = {path.name for path in (root / "solutions").glob("*.ipynb")}
    forms = []
    for folder in NOTEBOOK_DIRS:
        for notebook in sorted((root / folder).glob("*.ipynb")):
            if folder == "notebooks" and notebook.name in generated:
                continue  # an exercise notebook: make_exercises.py writes it from solutions/
            forms.append(TextForm(notebook, root / TEXT_DIR / folder / f"{notebook.stem}.py"))
    return forms


def load_config(root: Path) -> JupytextConfiguration:
    """The Jupytext configuration in ``root/jupytext.toml`` (FileNotFoundError if it is missing)."""
    path = root / CONFIG_FILE
    if not path.is_file():
        raise FileNotFoundError(
            f"{path} is missing: it holds the metadata filters of the text forms"
        )
    return load_jupytext_configuration_file(str(path))


def render(notebook: Path, config: JupytextConfiguration) -> str:
    """The text form of the notebook file ``notebook``, with the options of ``config``."""
    nb = nbformat.read(notebook, as_version=4)
    return str(jupytext.writes(nb, fmt=FORMAT, config=config))


def read_text_form(path: Path, config: JupytextConfiguration) -> nbformat.NotebookNode:
    """The notebook (cells without outputs) that Jupytext reads back from the text form ``path``."""
    return jupytext.read(path, fmt=FORMAT, config=config)


def expected_files(root: Path) -> dict[Path, str]:
    """Every file ``text/`` must hold, with its content: the text forms and the README."""
    config = load_config(root)
    files = {form.text: render(form.notebook, config) for form in text_forms(root)}
    files[root / TEXT_DIR / "README.md"] = README
    return files


def _present_files(root: Path) -> list[Path]:
    """The files under ``text/`` (not in hidden folders or ``__pycache__``, e.g. an editor's)."""
    text_dir = root / TEXT_DIR
    return sorted(
        path
        for path in text_dir.rglob("*")
        if path.is_file()
        and not any(
            part.startswith(".") or part == "__pycache__"
            for part in path.relative_to(text_dir).parts[:-1]
        )
    )


def _relative(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix()


def check(root: Path, expected: dict[Path, str] | None = None) -> list[Drift]:
    """What differs in ``text/`` from what the notebooks of ``root`` give (empty: up to date).

    ``expected`` is :func:`expected_files` of ``root`` if it was already computed.
    """
    expected = expected_files(root) if expected is None else expected
    drifts = []
    for path, content in expected.items():
        if not path.is_file():
            drifts.append(Drift("missing", _relative(path, root)))
        elif path.read_text(encoding="utf-8") != content:
            drifts.append(Drift("stale", _relative(path, root)))
    drifts += [
        Drift("extra", _relative(p, root)) for p in _present_files(root) if p not in expected
    ]
    return drifts


def write(root: Path) -> list[str]:
    """Rewrite the files of ``text/`` that drifted, remove the extra ones; what was done."""
    done = []
    expected = expected_files(root)
    for drift in check(root, expected):
        path = root / drift.path
        if drift.kind == "extra":
            path.unlink()
            done.append(f"removed: {drift.path}")
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(expected[path], encoding="utf-8", newline="\n")
            done.append(f"wrote: {drift.path}")
    return done


def fix_command(root: Path) -> str:
    """The command that brings ``text/`` of ``root`` up to date."""
    if root.resolve() == REPO_ROOT:
        return "make text (or: python -m tools.text_forms)"
    return f"python -m tools.text_forms --root {root}"


def main(argv: list[str] | None = None) -> int:
    """Write (or with ``--check``, verify) the text forms; returns the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 listing what drifted"
    )
    parser.add_argument(
        "--root",
        type=Path,
        default=REPO_ROOT,
        help="course tree with jupytext.toml, notebooks/ and solutions/ (default: this repo)",
    )
    args = parser.parse_args(argv)
    root: Path = args.root.resolve()
    try:
        if args.check:
            drifts = check(root)
            for drift in drifts:
                print(drift)
            if drifts:
                print(f"{TEXT_DIR}/ is out of date with the notebooks; run: {fix_command(root)}")
                return 1
            count = len(text_forms(root))
            print(f"{TEXT_DIR}/ is up to date ({count} text form{'s' * (count != 1)})")
        else:
            for line in write(root) or [f"{TEXT_DIR}/ was already up to date"]:
                print(line)
    except (OSError, ValueError) as exc:  # a missing jupytext.toml, an unreadable notebook
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
