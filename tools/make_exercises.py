"""Generate each exercise notebook from its solution notebook (one source of truth).

Run from the repository root (``make exercises`` does)::

    python -m tools.make_exercises            # write notebooks/X.ipynb for every solutions/X.ipynb
    python -m tools.make_exercises --check    # exit 1 listing the exercise notebooks that drifted
    python -m tools.make_exercises --root DIR # another course tree (with notebooks/ and solutions/)

Rules, applied to cells tagged ``solution`` (``cell.metadata.tags``):

- in a code cell, every region from a line ``### BEGIN SOLUTION`` to a line ``### END SOLUTION``
  becomes one line ``# Write your code here.`` at the marker's indentation; inside the region,
  lines ``# stub: <code>`` are kept as ``<code>`` (with the stub line's indentation), after it;
- a code cell without markers becomes exactly ``# Write your code here.``;
- a markdown (or raw) cell is dropped;
- the ``solution`` tag is removed; other tags and all other metadata are kept.

Outputs and execution counts are cleared (``make execute`` fills them). Each exercise cell keeps
the id of the solution cell it comes from, so regenerating gives the same file. A notebook whose
content is already what the solution gives is left untouched (its stored outputs stay), so
running this twice changes nothing. Markers in a cell that is not tagged ``solution``, or
unbalanced markers, are errors naming the notebook and the cell.
"""

from __future__ import annotations

import argparse
import copy
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import nbformat

from tools import notebook_runner as runner

SOLUTION_TAG = "solution"
BEGIN_MARKER = "### BEGIN SOLUTION"
END_MARKER = "### END SOLUTION"
PLACEHOLDER = "# Write your code here."
_STUB = re.compile(r"^(?P<indent>\s*)# stub:(?: (?P<code>.*))?$")

#: What must agree between an exercise notebook and its solution: per cell, its type, its
#: source and its tags.
CellSignature = tuple[str, str, tuple[str, ...]]


class MarkerError(ValueError):
    """Solution markers that cannot be turned into an exercise."""


@dataclass(frozen=True)
class Pair:
    """A solution notebook and the exercise notebook generated from it."""

    solution: Path
    exercise: Path


# --------------------------------------------------------------------------- pure transformation


def tags_of(cell: nbformat.NotebookNode) -> list[str]:
    """The cell's tags (an empty list if it has none)."""
    tags = cell.get("metadata", {}).get("tags", [])
    return list(tags) if isinstance(tags, list) else []


def is_solution(cell: nbformat.NotebookNode) -> bool:
    """True if the cell is tagged ``solution``."""
    return SOLUTION_TAG in tags_of(cell)


def _marker(line: str) -> str | None:
    stripped = line.strip()
    return stripped if stripped in (BEGIN_MARKER, END_MARKER) else None


def has_markers(source: str) -> bool:
    """True if ``source`` has a ``### BEGIN SOLUTION`` or ``### END SOLUTION`` line."""
    return any(_marker(line) for line in source.split("\n"))


def strip_solution(source: str, where: str = "cell") -> str:
    """The exercise version of a solution code cell's source.

    ``where`` names the cell in error messages. Raises :class:`MarkerError` on unbalanced or
    nested markers.
    """
    if not has_markers(source):
        return PLACEHOLDER
    out: list[str] = []
    stubs: list[str] | None = None  # collecting stub lines while inside a region
    begin_line = 0
    for number, line in enumerate(source.split("\n"), start=1):
        marker = _marker(line)
        if marker == BEGIN_MARKER:
            if stubs is not None:
                raise MarkerError(
                    f"{where}: line {number}: '{BEGIN_MARKER}' inside the region opened at line "
                    f"{begin_line}; close it with '{END_MARKER}' first."
                )
            indent = line[: len(line) - len(line.lstrip())]
            out.append(indent + PLACEHOLDER)
            stubs, begin_line = [], number
        elif marker == END_MARKER:
            if stubs is None:
                raise MarkerError(
                    f"{where}: line {number}: '{END_MARKER}' without a '{BEGIN_MARKER}' before it."
                )
            out.extend(stubs)
            stubs = None
        elif stubs is not None:
            match = _STUB.match(line)
            if match:
                stubs.append((match["indent"] + (match["code"] or "")).rstrip())
        else:
            out.append(line)
    if stubs is not None:
        raise MarkerError(
            f"{where}: line {begin_line}: '{BEGIN_MARKER}' is never closed by '{END_MARKER}'."
        )
    return "\n".join(out)


def _without_solution_tag(metadata: nbformat.NotebookNode) -> nbformat.NotebookNode:
    metadata = copy.deepcopy(metadata)
    tags = [tag for tag in metadata.get("tags", []) if tag != SOLUTION_TAG]
    if tags:
        metadata["tags"] = tags
    else:
        metadata.pop("tags", None)
    return metadata


def exercise_from_solution(
    nb: nbformat.NotebookNode, name: str = "solution notebook"
) -> nbformat.NotebookNode:
    """The exercise notebook generated from the solution notebook ``nb`` (which is not modified).

    ``name`` (e.g. the file name) is used in error messages. Raises :class:`MarkerError` if a
    cell's markers are unbalanced, or if a cell that is not tagged ``solution`` has markers (its
    solution would leak into the exercise).
    """
    exercise = copy.deepcopy(nb)
    cells = []
    for index, cell in enumerate(nb.cells):
        where = f"{name}, {runner.cell_label(nb, index)}"
        if not is_solution(cell):
            if cell.cell_type == "code" and has_markers(cell.source):
                raise MarkerError(
                    f"{where}: has solution markers but no '{SOLUTION_TAG}' tag; tag the cell "
                    "or its solution would be published in the exercise."
                )
            cells.append(copy.deepcopy(cell))
            continue
        if cell.cell_type != "code":
            continue  # solution prose (markdown) and raw cells are dropped
        new = copy.deepcopy(cell)
        new.source = strip_solution(cell.source, where)
        new.metadata = _without_solution_tag(cell.metadata)
        cells.append(new)
    exercise.cells = cells
    runner.clear_outputs(exercise)
    return exercise


def notebook_signature(nb: nbformat.NotebookNode) -> list[CellSignature]:
    """Per cell: type, source and sorted tags (what the drift check compares)."""
    return [(cell.cell_type, cell.source, tuple(sorted(tags_of(cell)))) for cell in nb.cells]


def expected_exercise_sources(
    solution: nbformat.NotebookNode, name: str = "solution notebook"
) -> list[CellSignature]:
    """The signature the exercise generated from ``solution`` must have."""
    return notebook_signature(exercise_from_solution(solution, name))


def _comparable(nb: nbformat.NotebookNode) -> dict[str, object]:
    """``nb`` without what execution changes (outputs, counts, language_info, widget state)."""
    nb = copy.deepcopy(nb)
    runner.clear_outputs(nb)
    for key in ("language_info", "kernelspec", runner.WIDGET_STATE_KEY):
        nb.metadata.pop(key, None)
    return dict(nb)


# --------------------------------------------------------------------------- files


def pairs(root: Path) -> list[Pair]:
    """Every ``solutions/X.ipynb`` of the course tree at ``root`` with its ``notebooks/X.ipynb``."""
    return [
        Pair(solution=path, exercise=root / "notebooks" / path.name)
        for path in sorted((root / "solutions").glob("*.ipynb"))
    ]


def generate(pair: Pair, root: Path) -> nbformat.NotebookNode:
    """The exercise notebook for ``pair`` (raises :class:`MarkerError`)."""
    solution = runner.read_notebook(pair.solution)
    return exercise_from_solution(solution, runner.display_path(pair.solution, root))


def has_drifted(pair: Pair, root: Path) -> bool:
    """True if the exercise notebook is missing or its cells differ from what the solution gives."""
    if not pair.exercise.exists():
        return True
    expected = notebook_signature(generate(pair, root))
    return notebook_signature(runner.read_notebook(pair.exercise)) != expected


def write_exercise(pair: Pair, root: Path) -> bool:
    """Write the exercise notebook unless it is already up to date; True if it was written."""
    exercise = generate(pair, root)
    if pair.exercise.exists():
        current = runner.read_notebook(pair.exercise)
        if _comparable(current) == _comparable(exercise):
            return False
    pair.exercise.parent.mkdir(parents=True, exist_ok=True)
    runner.write_notebook(exercise, pair.exercise)
    return True


# --------------------------------------------------------------------------- command line


def main(argv: list[str] | None = None) -> int:
    """Generate (or with ``--check``, verify) every exercise notebook; returns the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check",
        action="store_true",
        help="write nothing; exit 1 listing exercise notebooks that drifted",
    )
    parser.add_argument(
        "--root",
        type=Path,
        default=runner.REPO_ROOT,
        help="course tree with notebooks/ and solutions/ (default: this repo)",
    )
    parser.add_argument(
        "lessons",
        nargs="*",
        metavar="NN",
        help="only these lessons' exercises, by number (e.g. 07 09); default: all",
    )
    args = parser.parse_args(argv)
    root: Path = args.root.resolve()
    found = pairs(root)
    if not found:
        print(f"No solution notebooks in {root / 'solutions'}.", file=sys.stderr)
        return 1
    if args.lessons:
        chosen = [pair for pair in found if pair.solution.name[:2] in args.lessons]
        unknown = sorted(set(args.lessons) - {pair.solution.name[:2] for pair in found})
        if unknown:
            print(
                f"error: no solution notebook for lesson(s) {', '.join(unknown)} in "
                f"{root / 'solutions'}",
                file=sys.stderr,
            )
            return 2
        found = chosen
    failed = False
    for pair in found:
        name = runner.display_path(pair.exercise, root)
        try:
            if args.check:
                if has_drifted(pair, root):
                    print(f"drifted: {name} (run: make exercises)")
                    failed = True
            else:
                written = write_exercise(pair, root)
                print(f"{'wrote' if written else 'up to date'}: {name}")
        except MarkerError as exc:
            print(f"error: {exc}", file=sys.stderr)
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
