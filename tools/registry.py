"""The lesson registry, ``lessons.toml``, and every text generated from it.

One file lists the lessons (number, slug, title, summary, topics, time to work through,
prerequisites, whether it uses Keras, whether it has exercises) and the two workshop schedules.
This module reads and validates it, and writes what used to be edited by hand in four places::

    python -m tools.registry            # write the generated texts (make registry)
    python -m tools.registry --check    # exit 1 and name each drifted text or missing file
    python -m tools.registry list --keras   # notebook paths of the Keras lessons (for make)

Generated: the course table in ``README.md`` and the schedules in ``INSTRUCTORS.md`` (between
``<!-- lessons:start/end -->`` and ``<!-- schedule:NAME:start/end -->`` markers), the course map
cell of ``notebooks/00_start_here.ipynb`` (the cell that starts with ``## The course map``), and
the ``**Time:**`` paragraph in the first cell of every lesson. Notebook run times come from the
bench table in ``README.md`` (``make bench`` measures them) and are written as the same
``<!--time:NAME-->…<!--/time-->`` quotes ``make bench`` keeps up to date.

The course's one repository URL, ``[course] repository`` (empty until the course is published),
gives every link that needs it: the Binder and Colab badges and links, the ``git clone`` commands
and the nbgitpuller link in ``README.md`` (between ``<!-- badges/hours/clone/hub-install/hosted
:start/end -->`` markers), the ``git clone`` line of ``docs/setup-email.md``, and the first code
cell of every lesson, exercises and solutions notebook (tagged ``colab-setup``), which installs
the course package in Google Colab and does nothing elsewhere. With an empty ``repository`` no
such link is shown and no notebook gets that cell.
"""

from __future__ import annotations

import argparse
import re
import sys
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import nbformat

from tools import bench

ROOT = Path(__file__).resolve().parent.parent
REGISTRY = ROOT / "lessons.toml"
#: The learner set-up email (its ``git clone`` line is generated from ``[course] repository``).
SETUP_EMAIL = "docs/setup-email.md"

LESSON_FIELDS = {
    "number": str,
    "slug": str,
    "title": str,
    "summary": str,
    "covers": str,
    "minutes": int,
    "prerequisites": list,
    "keras": bool,
    "exercises": bool,
}
KINDS = {str: "a string", int: "a whole number", list: "a list", bool: "true or false"}
COURSE_MAP_HEADING = "## The course map"
#: ``[course]`` fields of lessons.toml.
COURSE_FIELDS = {"repository"}
#: ``repository`` must be a GitHub repository: Binder and Colab open notebooks from GitHub.
GITHUB_REPOSITORY = re.compile(
    r"https://github\.com/(?P<owner>[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)/"
    r"(?P<name>[A-Za-z0-9._-]+?)(?:\.git)?/?"
)
#: The branch the Colab and nbgitpuller links open (Binder opens the default branch, ``HEAD``).
BRANCH = "main"
#: The tag (and cell id) of the Colab set-up cell the registry writes into every notebook.
COLAB_TAG = "colab-setup"
#: The notebook Binder, nbgitpuller and the README's first links open.
START_NOTEBOOK = "notebooks/00_start_here.ipynb"
TIME_PARAGRAPH = re.compile(r"^\*\*Time:\*\*.*?(?=\n\n|\Z)", re.MULTILINE | re.DOTALL)


class RegistryError(ValueError):
    """lessons.toml is malformed; the message names the entry and the field."""


@dataclass(frozen=True)
class Lesson:
    """One ``[[lesson]]`` entry of ``lessons.toml`` (see the file's header for the fields)."""

    number: str
    slug: str
    title: str
    summary: str
    covers: str
    minutes: int
    prerequisites: tuple[str, ...]
    keras: bool
    exercises: bool

    @property
    def stem(self) -> str:
        """``01_overfitting``: the notebook's file name without ``.ipynb``."""
        return f"{self.number}_{self.slug}"

    @property
    def notebook(self) -> str:
        return f"notebooks/{self.stem}.ipynb"

    @property
    def exercise_notebook(self) -> str:
        return f"notebooks/{self.stem}_exercises.ipynb"

    @property
    def solution_notebook(self) -> str:
        return f"solutions/{self.stem}_exercises.ipynb"

    @property
    def notebooks(self) -> list[str]:
        """Every notebook of the lesson: the lesson, and its exercises and solutions if any."""
        if not self.exercises:
            return [self.notebook]
        return [self.notebook, self.exercise_notebook, self.solution_notebook]

    @property
    def heading(self) -> str:
        """``01 · Overfitting and underfitting``, as in the notebook's first heading."""
        return f"{self.number} · {self.title}"


@dataclass(frozen=True)
class Block:
    """One row of a schedule: a lesson (``lesson`` set) or a pause such as a break."""

    minutes: int
    lesson: str | None = None
    pause: str | None = None
    note: str = ""


@dataclass(frozen=True)
class Repository:
    """The course's public GitHub repository, from ``[course] repository`` in lessons.toml."""

    owner: str
    name: str

    @property
    def url(self) -> str:
        """``https://github.com/OWNER/NAME``: what ``git clone`` and pip's ``git+`` take."""
        return f"https://github.com/{self.owner}/{self.name}"

    def binder(self, notebook: str = START_NOTEBOOK) -> str:
        return (
            f"https://mybinder.org/v2/gh/{self.owner}/{self.name}/HEAD"
            f"?labpath={quote(notebook, safe='')}"
        )

    def colab(self, notebook: str) -> str:
        return (
            f"https://colab.research.google.com/github/{self.owner}/{self.name}"
            f"/blob/{BRANCH}/{notebook}"
        )

    def nbgitpuller(self, notebook: str = START_NOTEBOOK) -> str:
        """The path and query to append to a JupyterHub's address (nbgitpuller's link)."""
        return (
            f"/hub/user-redirect/git-pull?repo={quote(self.url, safe='')}&branch={BRANCH}"
            f"&urlpath={quote(f'lab/tree/{self.name}/{notebook}', safe='')}"
        )


def parse_repository(url: str) -> Repository | None:
    """``None`` for an empty URL (not published yet), else the owner and name of a GitHub URL."""
    url = url.strip()
    if not url:
        return None
    match = GITHUB_REPOSITORY.fullmatch(url)
    if not match:
        raise RegistryError(
            f"lessons.toml: [course] repository must be empty or a GitHub repository's address, "
            f"https://github.com/OWNER/NAME (Binder and Colab open notebooks from GitHub); "
            f"got {url!r}."
        )
    return Repository(match["owner"], match["name"])


@dataclass(frozen=True)
class Registry:
    lessons: tuple[Lesson, ...]
    schedules: dict[str, tuple[Block, ...]]
    repository: Repository | None = None

    def lesson(self, number: str) -> Lesson:
        for lesson in self.lessons:
            if lesson.number == number:
                return lesson
        raise KeyError(number)

    @property
    def keras_lessons(self) -> list[Lesson]:
        return [lesson for lesson in self.lessons if lesson.keras]


# --------------------------------------------------------------------------- reading


def _lesson(entry: dict[str, object], index: int) -> Lesson:
    where = f"lessons.toml: lesson {entry.get('number', f'#{index + 1}')!r}"
    unknown = set(entry) - set(LESSON_FIELDS)
    missing = set(LESSON_FIELDS) - set(entry)
    if unknown or missing:
        raise RegistryError(
            f"{where}: unknown fields {sorted(unknown)}, missing fields {sorted(missing)}; "
            f"a lesson has exactly {', '.join(LESSON_FIELDS)}."
        )
    for name, kind in LESSON_FIELDS.items():
        value = entry[name]
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise RegistryError(f"{where}: {name} must be {KINDS[kind]}, got {value!r}.")
    number, slug, minutes = entry["number"], entry["slug"], entry["minutes"]
    if not re.fullmatch(r"\d\d", str(number)):
        raise RegistryError(f"{where}: number must be two digits such as '01', got {number!r}.")
    if not re.fullmatch(r"[a-z0-9]+(_[a-z0-9]+)*", str(slug)):
        raise RegistryError(f"{where}: slug must be lower_case_words, got {slug!r}.")
    if not isinstance(minutes, int) or minutes <= 0:
        raise RegistryError(f"{where}: minutes must be a positive whole number, got {minutes!r}.")
    prerequisites = entry["prerequisites"]
    assert isinstance(prerequisites, list)
    return Lesson(
        number=str(number),
        slug=str(slug),
        title=str(entry["title"]),
        summary=str(entry["summary"]),
        covers=str(entry["covers"]),
        minutes=minutes,
        prerequisites=tuple(str(p) for p in prerequisites),
        keras=bool(entry["keras"]),
        exercises=bool(entry["exercises"]),
    )


def _block(entry: dict[str, object], where: str, numbers: set[str]) -> Block:
    allowed = {"lesson", "pause", "minutes", "note"}
    if set(entry) - allowed or ("lesson" in entry) == ("pause" in entry):
        raise RegistryError(
            f"{where}: a block has either lesson or pause, plus minutes and an optional note; "
            f"got {entry!r}."
        )
    minutes = entry.get("minutes")
    if not isinstance(minutes, int) or isinstance(minutes, bool) or minutes <= 0:
        raise RegistryError(f"{where}: minutes must be a positive whole number, got {minutes!r}.")
    lesson = entry.get("lesson")
    if lesson is not None and lesson not in numbers:
        raise RegistryError(f"{where}: lesson {lesson!r} is not a lesson of lessons.toml.")
    pause = entry.get("pause")
    return Block(
        minutes=minutes,
        lesson=None if lesson is None else str(lesson),
        pause=None if pause is None else str(pause),
        note=str(entry.get("note", "")),
    )


def load(path: Path = REGISTRY) -> Registry:
    """Read and validate ``lessons.toml``; raises :class:`RegistryError` naming what is wrong."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    course = data.get("course", {})
    if not isinstance(course, dict) or set(course) - COURSE_FIELDS:
        raise RegistryError(
            f"lessons.toml: [course] has exactly the fields {sorted(COURSE_FIELDS)}, got {course!r}."
        )
    url = course.get("repository", "")
    if not isinstance(url, str):
        raise RegistryError(f"lessons.toml: [course] repository must be a string, got {url!r}.")
    repository = parse_repository(url)
    lessons = tuple(_lesson(entry, i) for i, entry in enumerate(data.get("lesson", [])))
    if not lessons:
        raise RegistryError("lessons.toml: no [[lesson]] entries.")
    numbers = [lesson.number for lesson in lessons]
    if numbers != sorted(set(numbers)):
        raise RegistryError(f"lessons.toml: lesson numbers must be unique and in order: {numbers}.")
    for lesson in lessons:
        later = [p for p in lesson.prerequisites if p not in numbers or p >= lesson.number]
        if later:
            raise RegistryError(
                f"lessons.toml: lesson {lesson.number!r}: prerequisites must be earlier lessons, "
                f"got {later}."
            )
    schedules: dict[str, tuple[Block, ...]] = {}
    for entry in data.get("schedule", []):
        name = entry.get("name")
        blocks = entry.get("blocks", [])
        schedules[name] = tuple(
            _block(block, f"lessons.toml: schedule {name!r}, block {i + 1}", set(numbers))
            for i, block in enumerate(blocks)
        )
    return Registry(lessons, schedules, repository)


def notebook_paths(registry: Registry, *, keras: bool = False) -> list[str]:
    """Every notebook of the lessons (only the Keras lessons' with ``keras=True``), in order."""
    lessons = registry.keras_lessons if keras else registry.lessons
    return [path for lesson in lessons for path in lesson.notebooks]


# --------------------------------------------------------------------------- rendering


def run_times(readme_text: str) -> dict[str, float | None]:
    """Notebook path -> measured seconds, from the bench table in the README."""
    return {name: seconds for name, (seconds, _) in bench.parse_bench_table(readme_text).items()}


def time_quote(notebook: str, seconds: dict[str, float | None]) -> str:
    """``<!--time:01_overfitting-->8.2 s<!--/time-->``: a run time ``make bench`` keeps current."""
    name = Path(notebook).stem
    if notebook.startswith("solutions/"):
        name = f"solutions_{name}"
    quote = f"<!--time:{name}-->?<!--/time-->"
    if notebook not in seconds:  # a new lesson before its first `make bench`
        return quote.replace("?", "not measured yet")
    return bench.fill_time_quotes(quote, seconds)


def _numbers(numbers: Iterable[str]) -> str:
    """``01–04, 06``: lesson numbers with runs of consecutive numbers shortened."""
    runs: list[list[int]] = []
    for value in sorted(int(n) for n in numbers):
        if runs and value == runs[-1][-1] + 1:
            runs[-1].append(value)
        else:
            runs.append([value])
    return ", ".join(
        f"{r[0]:02d}"
        if len(r) == 1
        else f"{r[0]:02d}–{r[-1]:02d}"
        if len(r) > 2
        else f"{r[0]:02d}, {r[1]:02d}"
        for r in runs
    )


def course_table(registry: Registry, seconds: dict[str, float | None]) -> str:
    """The README's course table."""
    lines = [
        "| # | lesson | what it covers | time to work through | run time (2-core CPU) | notebooks |",
        "|---|---|---|---:|---:|---|",
    ]
    for lesson in registry.lessons:
        links = f"[lesson]({lesson.notebook})"
        if lesson.exercises:
            links += (
                f" · [exercises]({lesson.exercise_notebook})"
                f" · [solutions]({lesson.solution_notebook})"
            )
        lines.append(
            f"| {lesson.number} | {lesson.title} | {lesson.covers} | {lesson.minutes} min "
            f"| {time_quote(lesson.notebook, seconds)} | {links} |"
        )
    lines += [
        "",
        "*Time to work through*: reading the lesson, running it and trying its exercises, at your",
        "own pace. *Run time*: the computer's part, the notebook top to bottom in one fresh kernel on",
        "a 2-core CPU (`make bench`; the measurements are under [For maintainers](#for-maintainers)).",
    ]
    return "\n".join(lines)


def _duration(minutes: int) -> str:
    """``8 h 30 min``, ``3 h``, ``45 min``."""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h" + (f" {rest} min" if rest else "")


def hours_paragraph(registry: Registry) -> str:
    """The README's "how long it takes", added up from the lessons' and schedules' minutes."""
    minutes = [lesson.minutes for lesson in registry.lessons]
    total = sum(minutes)
    text = (
        f"**How long it takes:** about **{round(total / 60)} hours** on your own "
        f"({len(minutes)} lessons of {min(minutes)}–{max(minutes)} minutes each, {total} minutes "
        "in all), in as many sittings as you like"
    )
    everything = {lesson.number for lesson in registry.lessons}
    workshops = []
    for name, blocks in registry.schedules.items():
        taught = {block.lesson for block in blocks if block.lesson is not None}
        scope = "all of it" if taught == everything else f"{len(taught)} of the lessons"
        span = _duration(sum(block.minutes for block in blocks))
        workshops.append(f"{scope} in a {name} workshop ({span} with breaks)")
    if workshops:
        text += "; an instructor teaches " + " or ".join(workshops)
    return text + "."


def badges(registry: Registry) -> str:
    """The Binder and Colab badges under the README's title (none until the course is public)."""
    repo = registry.repository
    if repo is None:
        return ""
    return (
        f"[![launch binder](https://mybinder.org/badge_logo.svg)]({repo.binder()})\n"
        "[![Open In Colab](https://colab.research.google.com/assets/colab-badge.svg)]"
        f"({repo.colab(START_NOTEBOOK)})"
    )


def clone_commands(registry: Registry) -> str:
    """The learner's first commands in the README: clone, then ``make doctor`` and ``make lab``."""
    repo = registry.repository
    if repo is None:
        intro = (
            "Clone the course repository (your instructor gives you its URL; `<course URL>` "
            "below stands for it) and run two commands in its folder:"
        )
        clone = "git clone <course URL> regularization-in-practice"
        folder = "regularization-in-practice"
    else:
        intro = "Clone the course and run two commands in its folder:"
        clone, folder = f"git clone {repo.url}", repo.name
    return "\n".join(
        [
            intro,
            "",
            "```bash",
            clone,
            f"cd {folder}",
            "make doctor   # builds .venv with the tested versions (a few minutes), then checks it",
            "make lab      # opens JupyterLab at notebooks/00_start_here.ipynb",
            "```",
        ]
    )


def hub_install(registry: Registry) -> str:
    """The Littlest JupyterHub's install commands (a shared clone in ``/srv``)."""
    repo = registry.repository
    source = repo.url if repo else "<course URL>"
    return "\n".join(
        [
            "```bash",
            f"sudo git clone {source} /srv/regularization-in-practice",
            "sudo -E pip install -c /srv/regularization-in-practice/requirements-lock.txt "
            "-e /srv/regularization-in-practice",
            "sudo -E pip install nbgitpuller    # for the link below; not part of the course's lock",
            "```",
        ]
    )


def hosted_links(registry: Registry) -> str:
    """The README's Binder, Colab and nbgitpuller links, or one line saying when they appear."""
    repo = registry.repository
    if repo is None:
        return (
            "*Links.* The Binder, Colab and nbgitpuller links appear here once the course has a "
            "public repository: set `repository` under `[course]` in `lessons.toml`, then run "
            "`make registry`."
        )
    colab = " · ".join(
        f"[{lesson.number}]({repo.colab(lesson.notebook)})" for lesson in registry.lessons
    )
    return "\n".join(
        [
            f"*Links.* Binder: [launch the course]({repo.binder()}). "
            f"Colab, one lesson each: {colab}.",
            "nbgitpuller: append",
            f"`{repo.nbgitpuller()}`",
            "to your hub's address (`https://` and its host name).",
        ]
    )


def setup_email_clone(registry: Registry) -> str:
    """The clone step of docs/setup-email.md."""
    repo = registry.repository
    url = repo.url if repo else "<course URL>"
    folder = repo.name if repo else "regularization-in-practice"
    lines = ["```bash", f"git clone {url} {folder}", f"cd {folder}", "```"]
    if repo is None:
        lines.insert(0, "(Replace `<course URL>` with the course repository's address.)\n")
    return "\n".join(lines)


def colab_cell_source(repository: Repository) -> str:
    """The first code cell of every notebook once the course is public: Colab only, idempotent."""
    return "\n".join(
        [
            "# Google Colab only: install the course's helper package, with its data and solutions,",
            "# from the course repository (Colab keeps its own TensorFlow, NumPy and pandas).",
            "# Anywhere else this cell does nothing.",
            "import sys",
            "",
            'if "google.colab" in sys.modules:',
            "    get_ipython().run_line_magic(",
            f'        "pip", "install --quiet --no-deps \'regutils @ git+{repository.url}\'"',
            "    )",
            '    get_ipython().run_line_magic("pip", "install --quiet \'scikit-learn>=1.8\'")',
        ]
    )


def with_colab_cell(nb: nbformat.NotebookNode, repository: Repository | None) -> bool:
    """Put the Colab set-up cell first among the code cells (or remove it when ``repository`` is
    None); return True if ``nb`` changed. Running it twice changes nothing the second time."""
    tagged = [i for i, cell in enumerate(nb.cells) if COLAB_TAG in cell.metadata.get("tags", [])]
    if repository is None:
        for index in reversed(tagged):
            del nb.cells[index]
        return bool(tagged)
    source = colab_cell_source(repository)
    if len(tagged) == 1:
        cell = nb.cells[tagged[0]]
        first_code = next(i for i, c in enumerate(nb.cells) if c.cell_type == "code")
        if cell.cell_type == "code" and cell.source == source and tagged[0] == first_code:
            return False
    for index in reversed(tagged):
        del nb.cells[index]
    cell = nbformat.v4.new_code_cell(source, metadata={"tags": [COLAB_TAG]})
    cell.id = COLAB_TAG
    first_code = next((i for i, c in enumerate(nb.cells) if c.cell_type == "code"), len(nb.cells))
    nb.cells.insert(first_code, cell)
    return True


def course_map(registry: Registry) -> str:
    """The course-map cell of lesson 00."""
    lines = [
        COURSE_MAP_HEADING,
        "",
        "| # | lesson | what you learn | time | after | notebook |",
        "|---|---|---|---:|---|---|",
    ]
    for lesson in registry.lessons:
        if lesson.number == registry.lessons[0].number:
            where = "this one"
        else:
            where = f"[{lesson.stem}]({lesson.stem}.ipynb)"
            if lesson.exercises:
                where += f" · [exercises]({lesson.stem}_exercises.ipynb)"
        after = _numbers(lesson.prerequisites) or "—"
        lines.append(
            f"| {lesson.number} | {lesson.title} | {lesson.summary} | {lesson.minutes} min "
            f"| {after} | {where} |"
        )
    lines += [
        "",
        "*Time* is what working through a lesson takes; *after* lists the lessons it builds on.",
        "Lessons build on each other: take them in order.",
    ]
    return "\n".join(lines)


def time_paragraph(lesson: Lesson, seconds: dict[str, float | None]) -> str:
    """The ``**Time:**`` paragraph at the top of a lesson."""
    return (
        f"**Time:** about {lesson.minutes} minutes to work through; the notebook runs top to "
        f"bottom in {time_quote(lesson.notebook, seconds)} on a 2-core CPU."
    )


def _clock(minutes: int) -> str:
    return f"{minutes // 60}:{minutes % 60:02d}"


def schedule_table(registry: Registry, name: str, seconds: dict[str, float | None]) -> str:
    """One workshop schedule of INSTRUCTORS.md, clock times added up from the minutes."""
    lines = [
        "| time | block | notebook run time | discussion/exercises |",
        "|---|---|---:|---:|",
    ]
    clock = 0
    for block in registry.schedules[name]:
        if block.lesson is not None:
            lesson = registry.lesson(block.lesson)
            what = lesson.heading + (f" ({block.note})" if block.note else "")
            run = time_quote(lesson.notebook, seconds)
        else:
            what, run = f"*{block.pause}*", ""
        lines.append(
            f"| {_clock(clock)} | {what} | {run} | {block.minutes} min |".replace("|  |", "| |")
        )
        clock += block.minutes
    lines.append(f"| {_clock(clock)} | end | | |")
    return "\n".join(lines)


# --------------------------------------------------------------------------- files


def _replace_between(text: str, marker: str, body: str, where: str) -> str:
    start, end = f"<!-- {marker}:start -->", f"<!-- {marker}:end -->"
    if text.count(start) != 1 or text.count(end) != 1 or text.index(start) > text.index(end):
        raise RegistryError(f"{where}: needs one '{start}' line and one '{end}' line after it.")
    head, rest = text.split(start)
    _, tail = rest.split(end)
    return f"{head}{start}\n{body + chr(10) if body else ''}{end}{tail}"


def _notebook_with(
    path: Path,
    edit: dict[int, str] | None = None,
    *,
    find: str | None = None,
    body: str = "",
    repository: Repository | None = None,
) -> str:
    """The notebook's text after replacing one markdown cell's source and setting its Colab cell."""
    nb = nbformat.read(path, as_version=4)
    if find is not None:
        cells = [c for c in nb.cells if c.cell_type == "markdown" and c.source.startswith(find)]
        if len(cells) != 1:
            raise RegistryError(f"{path.name}: needs exactly one markdown cell starting {find!r}.")
        cells[0].source = body
    for index, source in (edit or {}).items():
        nb.cells[index].source = source
    with_colab_cell(nb, repository)
    return nbformat.writes(nb) + "\n"


def generated(root: Path = ROOT, registry: Registry | None = None) -> dict[Path, str]:
    """Path -> the full text it should have. Raises RegistryError if a target lacks its marker."""
    registry = registry or load(root / "lessons.toml")
    readme = root / "README.md"
    seconds = run_times(readme.read_text(encoding="utf-8"))
    out: dict[Path, str] = {}
    text = readme.read_text(encoding="utf-8")
    for marker, body in (
        ("badges", badges(registry)),
        ("hours", hours_paragraph(registry)),
        ("clone", clone_commands(registry)),
        ("lessons", course_table(registry, seconds)),
        ("hub-install", hub_install(registry)),
        ("hosted", hosted_links(registry)),
    ):
        text = _replace_between(text, marker, body, "README.md")
    out[readme] = text
    instructors = root / "INSTRUCTORS.md"
    text = instructors.read_text(encoding="utf-8")
    for name in registry.schedules:
        text = _replace_between(
            text, f"schedule:{name}", schedule_table(registry, name, seconds), "INSTRUCTORS.md"
        )
    out[instructors] = text
    email = root / SETUP_EMAIL
    if email.exists():  # a course tree without the set-up email has nothing to fill in
        out[email] = _replace_between(
            email.read_text(encoding="utf-8"),
            "clone",
            setup_email_clone(registry),
            SETUP_EMAIL,
        )
    first = registry.lessons[0]
    for lesson in registry.lessons:
        path = root / lesson.notebook
        if not path.exists():
            continue  # reported by problems()
        nb = nbformat.read(path, as_version=4)
        header = nb.cells[0].source
        found = TIME_PARAGRAPH.search(header)
        if not found:
            raise RegistryError(f"{lesson.notebook}: its first cell needs a '**Time:**' paragraph.")
        header = header[: found.start()] + time_paragraph(lesson, seconds) + header[found.end() :]
        if lesson is first:
            out[path] = _notebook_with(
                path,
                {0: header},
                find=COURSE_MAP_HEADING,
                body=course_map(registry),
                repository=registry.repository,
            )
        else:
            out[path] = _notebook_with(path, {0: header}, repository=registry.repository)
        if lesson.exercises:
            for other in (root / lesson.exercise_notebook, root / lesson.solution_notebook):
                if not other.exists():
                    continue
                nb = nbformat.read(other, as_version=4)
                if with_colab_cell(nb, registry.repository):  # untouched unless it changes
                    out[other] = nbformat.writes(nb) + "\n"
    return out


def problems(root: Path = ROOT, registry: Registry | None = None) -> list[str]:
    """What is missing or inconsistent between lessons.toml and the files (empty when none)."""
    registry = registry or load(root / "lessons.toml")
    found: list[str] = []
    listed = {path for lesson in registry.lessons for path in lesson.notebooks}
    for lesson in registry.lessons:
        for notebook in lesson.notebooks:
            if not (root / notebook).exists():
                found.append(f"lesson {lesson.number}: {notebook} is missing")
        if lesson.exercises:
            for required in (
                f"regutils/checks/lesson{lesson.number}.py",
                f"tests/test_checks_lesson{lesson.number}.py",
            ):
                if not (root / required).exists():
                    found.append(f"lesson {lesson.number}: {required} is missing")
        path = root / lesson.notebook
        if path.exists():
            nb = nbformat.read(path, as_version=4)
            first_line = nb.cells[0].source.splitlines()[0] if nb.cells else ""
            if first_line != f"# {lesson.heading}":
                found.append(
                    f"{lesson.notebook}: first line is {first_line!r}, "
                    f"lessons.toml says '# {lesson.heading}'"
                )
            uses_keras = any("keras=True" in c.source for c in nb.cells if c.cell_type == "code")
            if uses_keras != lesson.keras:
                found.append(
                    f"{lesson.notebook}: keras = {str(lesson.keras).lower()} in lessons.toml, "
                    f"but its setup cell {'asks' if uses_keras else 'does not ask'} for keras=True"
                )
    for folder in ("notebooks", "solutions"):
        for path in sorted((root / folder).glob("*.ipynb")):
            relative = f"{folder}/{path.name}"
            if relative not in listed:
                found.append(f"{relative} is not a notebook of any lesson in lessons.toml")
    numbers = {lesson.number for lesson in registry.lessons if lesson.exercises}
    for path in sorted((root / "regutils" / "checks").glob("lesson[0-9][0-9].py")):
        if path.stem.removeprefix("lesson") not in numbers:
            found.append(
                f"regutils/checks/{path.name} has no lesson with exercises in lessons.toml"
            )
    return found


def drifted(root: Path = ROOT) -> list[Path]:
    """The generated files whose text differs from what lessons.toml makes."""
    return [
        path for path, text in generated(root).items() if path.read_text(encoding="utf-8") != text
    ]


# --------------------------------------------------------------------------- command line


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report drift, write nothing")
    sub = parser.add_subparsers(dest="command")
    listing = sub.add_parser("list", help="print notebook paths of lessons, one per line")
    listing.add_argument(
        "--keras", action="store_true", help="only lessons that train Keras models"
    )
    args = parser.parse_args(argv)

    try:
        registry = load()
        if args.command == "list":
            print("\n".join(notebook_paths(registry, keras=args.keras)))
            return 0
        found = problems(ROOT, registry)
        if args.check:
            stale = drifted(ROOT)
            for path in stale:
                print(f"drifted: {path.relative_to(ROOT)}")
            for problem in found:
                print(f"problem: {problem}")
            if stale:
                print("fix: make registry (python -m tools.registry)")
            return 1 if stale or found else 0
        for path, text in generated(ROOT, registry).items():
            if path.read_text(encoding="utf-8") != text:
                path.write_text(text, encoding="utf-8")
                print(f"wrote {path.relative_to(ROOT)}")
        for problem in found:
            print(f"problem: {problem}", file=sys.stderr)
        return 1 if found else 0
    except RegistryError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
