"""Time every notebook in a fresh kernel, measure its peak memory, and check the budgets.

Run from the repository root (``make bench`` does the first)::

    python -m tools.bench --readme README.md        # all notebooks; update the README's table
    python -m tools.bench notebooks/01_overfitting.ipynb   # some notebooks; print the table

Notebooks run one at a time (so timings are honest), each in a fresh child process that runs it
through nbclient with exactly the kernel and settings of ``tools/execute_notebooks.py`` (shared
code: ``tools/notebook_runner.py``). Notebooks are never modified.

- **Time** is wall time from starting the kernel to the end of the last cell (kernel shutdown
  excluded).
- **Peak memory** is the kernel process's peak resident set size, read by the child process with
  ``resource.getrusage(RUSAGE_CHILDREN).ru_maxrss`` once the kernel has exited and been reaped
  (jupyter_client waits for it at shutdown). The kernel is that child process's only child, so
  this is the kernel's own high-water mark as counted by the operating system: exact, with no
  sampling that could miss a short peak. ``ru_maxrss`` is a maximum, not a sum: a process the
  kernel starts and waits for (a subprocess, joblib workers with ``n_jobs>1``) counts on its
  own, not added to the kernel. MB here means MiB (2**20 bytes). Linux and macOS only.

The budgets (:data:`BUDGETS`) come from the course design: every notebook at most 60 s, notebooks
whose name starts with ``01_`` at most 30 s, peak memory at most 1500 MB. The exit code is 1 if any
notebook fails or is over budget; the table (and with ``--readme``, the README section between
``<!-- bench:start -->`` and ``<!-- bench:end -->``) is written anyway.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from tools import notebook_runner as runner


@dataclass(frozen=True)
class Budgets:
    """Performance budgets of the course notebooks (from the course design)."""

    seconds: float  # per notebook, fresh kernel, top to bottom
    seconds_by_prefix: dict[str, float]  # file-name prefix -> a tighter time budget
    memory_mb: float  # peak resident memory of the kernel


#: The budgets, in one place: ``make bench`` (and CI, ``.ci/run``) fails on a notebook over them.
BUDGETS = Budgets(seconds=60.0, seconds_by_prefix={"01_": 30.0}, memory_mb=1500.0)

START_MARKER = "<!-- bench:start -->"
END_MARKER = "<!-- bench:end -->"
TABLE_HEADER = "| notebook | time (s) | peak memory (MB) | budget (s) |"
_FAILED = "failed"


def time_budget(notebook: str | Path) -> float:
    """The time budget in seconds of a notebook, from its file name."""
    name = Path(notebook).name
    for prefix, seconds in BUDGETS.seconds_by_prefix.items():
        if name.startswith(prefix):
            return seconds
    return BUDGETS.seconds


@dataclass(frozen=True)
class Measurement:
    """One notebook's run: ``seconds`` and ``peak_mb`` are None if it did not complete."""

    name: str
    seconds: float | None
    peak_mb: float | None
    error: str | None = None

    @property
    def budget_s(self) -> float:
        """This notebook's time budget."""
        return time_budget(self.name)

    def problems(self) -> list[str]:
        """What went wrong: a failed run, time or memory over budget (empty if all is fine)."""
        if self.seconds is None or self.peak_mb is None:
            return [f"failed: {self.error}"]
        problems = []
        if self.seconds > self.budget_s:
            problems.append(f"over budget: {self.name}: {self.seconds:.1f} s > {self.budget_s:g} s")
        if self.peak_mb > BUDGETS.memory_mb:
            problems.append(
                f"over budget: {self.name}: {self.peak_mb:.0f} MB > {BUDGETS.memory_mb:g} MB"
            )
        return problems


# --------------------------------------------------------------------------- child process


def peak_child_rss_mb() -> float:
    """Peak RSS of the largest terminated, reaped child of this process, in MiB."""
    import resource  # not on Windows

    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 2**10  # bytes vs KiB


def measure_here(path: Path) -> dict[str, object]:
    """Run one notebook in this process's kernel child; the report the child prints as JSON."""
    result = runner.execute_notebook(path)
    error = None
    if not result.completed:
        error = runner.format_problems(result.errors, result.nb, runner.display_path(path))
    return {"seconds": result.seconds, "peak_mb": peak_child_rss_mb(), "error": error}


def measure(path: Path) -> Measurement:
    """Run one notebook in a fresh child process (see :func:`measure_here`)."""
    name = runner.display_path(path)
    proc = subprocess.run(
        [sys.executable, "-m", "tools.bench", "--child", str(Path(path).resolve())],
        cwd=runner.REPO_ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    lines = proc.stdout.strip().splitlines()
    if proc.returncode != 0 or not lines:
        return Measurement(name, None, None, f"measuring process failed:\n{proc.stderr.strip()}")
    report = json.loads(lines[-1])
    if report["error"]:
        return Measurement(name, None, None, report["error"])
    return Measurement(name, float(report["seconds"]), float(report["peak_mb"]))


# --------------------------------------------------------------------------- the table


def machine_description(today: datetime.date | None = None) -> str:
    """One line: CPU model, core count, Python version and date."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    day = (today or datetime.date.today()).isoformat()
    return (
        f"Measured on {cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{day}; one notebook at a time, each in a fresh kernel."
    )


def _cell(value: float | None, digits: int) -> str:
    return _FAILED if value is None else f"{value:.{digits}f}"


def format_table(measurements: list[Measurement]) -> str:
    """The markdown table, followed by a total line."""
    lines = [TABLE_HEADER, "|---|---:|---:|---:|"]
    for m in measurements:
        lines.append(
            f"| {m.name} | {_cell(m.seconds, 1)} | {_cell(m.peak_mb, 0)} | {m.budget_s:g} |"
        )
    done = [m for m in measurements if m.seconds is not None and m.peak_mb is not None]
    total = sum(m.seconds for m in done if m.seconds is not None)
    largest = max((m.peak_mb for m in done if m.peak_mb is not None), default=0.0)
    failed = len(measurements) - len(done)
    lines.append("")
    lines.append(
        f"Total: {total:.1f} s for {len(done)} notebooks; largest peak memory "
        f"{largest:.0f} MB (budget {BUDGETS.memory_mb:g} MB)"
        + (f"; {failed} failed." if failed else ".")
    )
    return "\n".join(lines)


def bench_section(measurements: list[Measurement], today: datetime.date | None = None) -> str:
    """What goes between the README's bench markers: machine line, blank line, table, total."""
    return machine_description(today) + "\n\n" + format_table(measurements)


def _marker_span(text: str) -> tuple[int, int]:
    """Character offsets just after the start-marker line and at the start of the end marker."""
    lines = text.splitlines(keepends=True)
    starts = [i for i, line in enumerate(lines) if line.strip() == START_MARKER]
    ends = [i for i, line in enumerate(lines) if line.strip() == END_MARKER]
    if len(starts) != 1 or len(ends) != 1 or ends[0] < starts[0]:
        raise ValueError(
            f"expected one line '{START_MARKER}' followed by one line '{END_MARKER}', found "
            f"{len(starts)} start and {len(ends)} end marker line(s)"
            + (" in the wrong order" if starts and ends and ends[0] < starts[0] else "")
        )
    after_start = sum(len(line) for line in lines[: starts[0] + 1])
    before_end = sum(len(line) for line in lines[: ends[0]])
    return after_start, before_end


def replace_bench_section(text: str, section: str) -> str:
    """``text`` with the lines between the bench markers replaced by ``section``."""
    after_start, before_end = _marker_span(text)
    return text[:after_start] + section.rstrip("\n") + "\n" + text[before_end:]


def bench_section_text(text: str) -> str:
    """The text between the bench markers of ``text`` (raises ValueError without them)."""
    after_start, before_end = _marker_span(text)
    return text[after_start:before_end]


_ROW = re.compile(
    r"^\|\s*(?P<name>[^|]+?)\s*\|\s*(?P<seconds>[^|]+?)\s*\|\s*(?P<mb>[^|]+?)\s*"
    r"\|\s*(?P<budget>[^|]+?)\s*\|\s*$"
)


def parse_bench_table(text: str) -> dict[str, tuple[float | None, float | None]]:
    """Notebook name -> (seconds, peak MB) from the table between the bench markers of ``text``.

    A notebook that failed has ``None`` values. Raises ValueError without markers or table.
    """
    section = bench_section_text(text)
    if TABLE_HEADER not in section:
        raise ValueError(f"no table with header '{TABLE_HEADER}' between the bench markers")
    rows: dict[str, tuple[float | None, float | None]] = {}
    for line in section.splitlines():
        match = _ROW.match(line.strip())
        if not match or line.strip() == TABLE_HEADER or set(match["seconds"]) <= set("-:"):
            continue
        rows[match["name"]] = (_number(match["seconds"]), _number(match["mb"]))
    return rows


def _number(value: str) -> float | None:
    return None if value == _FAILED else float(value)


#: A measured time quoted in another document (INSTRUCTORS.md): ``<!--time:NAME-->8.7 s<!--/time-->``.
#: NAME is a notebook stem in notebooks/, or ``solutions_<stem>`` for one in solutions/.
TIME_QUOTE = re.compile(r"<!--time:(?P<name>[\w.-]+)-->(?P<value>[^<]*)<!--/time-->")


def quoted_notebook(name: str) -> str:
    """The bench-table row name behind a time quote's NAME."""
    if name.startswith("solutions_"):
        return f"solutions/{name.removeprefix('solutions_')}.ipynb"
    return f"notebooks/{name}.ipynb"


def fill_time_quotes(text: str, seconds: dict[str, float | None]) -> str:
    """Replace every time quote in ``text`` with the measured seconds (row name -> seconds).

    Raises ValueError for a quote whose notebook was not measured.
    """

    def fill(match: re.Match[str]) -> str:
        row = quoted_notebook(match["name"])
        if row not in seconds:
            raise ValueError(f"time quote {match['name']!r}: {row} is not in the bench table")
        value = seconds[row]
        shown = "failed" if value is None else f"{value:.0f} s" if value >= 10 else f"{value:.1f} s"
        return f"<!--time:{match['name']}-->{shown}<!--/time-->"

    return TIME_QUOTE.sub(fill, text)


# --------------------------------------------------------------------------- command line


def main(argv: list[str] | None = None) -> int:
    """Benchmark the notebooks; returns the exit code (1 if any is over budget or fails)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="notebooks (default: every notebook in notebooks/ and solutions/)",
    )
    parser.add_argument(
        "--readme", type=Path, help="replace the section between the bench markers of this file"
    )
    parser.add_argument(
        "--quotes",
        type=Path,
        action="append",
        default=[],
        help="also update the time quotes (<!--time:NAME-->...<!--/time-->) in "
        "this file, e.g. INSTRUCTORS.md; may be repeated",
    )
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)  # internal: one notebook
    args = parser.parse_args(argv)

    if args.child:
        print(json.dumps(measure_here(args.child)), flush=True)
        return 0

    paths = args.paths or runner.course_notebooks()
    if not paths:
        parser.error("no notebooks found in notebooks/ or solutions/")
    missing = [str(p) for p in paths if not p.is_file()]
    if missing:
        parser.error("no such notebook: " + ", ".join(missing))
    if args.readme:
        try:
            _marker_span(args.readme.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            parser.error(f"cannot update {args.readme}: {exc}")

    measurements = []
    for path in paths:
        m = measure(path)
        status = "FAILED" if m.seconds is None else f"{m.seconds:.1f} s, {m.peak_mb:.0f} MB"
        print(f"{m.name}: {status}", file=sys.stderr, flush=True)
        measurements.append(m)

    section = bench_section(measurements)
    print(section)
    if args.readme:
        text = args.readme.read_text(encoding="utf-8")
        args.readme.write_text(replace_bench_section(text, section), encoding="utf-8")
        print(f"updated {args.readme}", file=sys.stderr)
    for document in args.quotes:
        # Quote the table's own (rounded) numbers, so a quote never disagrees with the table.
        seconds = {m.name: None if m.seconds is None else round(m.seconds, 1) for m in measurements}
        document.write_text(
            fill_time_quotes(document.read_text(encoding="utf-8"), seconds), encoding="utf-8"
        )
        print(f"updated the time quotes in {document}", file=sys.stderr)

    problems = [problem for m in measurements for problem in m.problems()]
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
