"""The documents a newcomer reads: no dead or placeholder links, and links made from one URL.

The course has one configured address, ``[course] repository`` in lessons.toml (empty until the
course is published). ``tools/registry.py`` derives from it the README's Binder and Colab badges
and links, its ``git clone`` and nbgitpuller lines, the set-up email's clone line and every
notebook's Colab set-up cell. These tests render all of that with a sample address in memory
(nothing is written) and check each link exactly; check that today's empty address shows none
of it and changes no notebook; that no placeholder link is left anywhere; that every relative link
in the README, the instructor guide, the contributor guide, the glossary and the set-up email
points at a file (and a heading) that exists; and that each glossary entry's lesson uses its term.
"""

from __future__ import annotations

import dataclasses
import re
import subprocess
from pathlib import Path

import nbformat
import pytest

from tools import make_exercises, registry

ROOT = Path(__file__).resolve().parent.parent
REGISTRY = registry.load()
SAMPLE = "https://github.com/sample-owner/sample-course"
DOCUMENTS = ["README.md", "INSTRUCTORS.md", "CONTRIBUTING.md", "GLOSSARY.md", registry.SETUP_EMAIL]


def _with_repository(url: str) -> registry.Registry:
    return dataclasses.replace(REGISTRY, repository=registry.parse_repository(url))


@pytest.fixture(scope="module")
def published() -> dict[Path, str]:
    """Every generated text as it would be with the sample repository (rendered, not written)."""
    return registry.generated(ROOT, _with_repository(SAMPLE))


# --------------------------------------------------------------------------- the links themselves


@pytest.mark.parametrize("url", [SAMPLE, SAMPLE + ".git", SAMPLE + "/", " " + SAMPLE + " "])
def test_repository_url_gives_owner_and_name(url: str) -> None:
    repo = registry.parse_repository(url)
    assert repo == registry.Repository("sample-owner", "sample-course")
    assert repo.url == SAMPLE


def test_links_are_exactly_right() -> None:
    repo = registry.parse_repository(SAMPLE)
    assert repo is not None
    assert repo.binder() == (
        "https://mybinder.org/v2/gh/sample-owner/sample-course/HEAD"
        "?labpath=notebooks%2F00_start_here.ipynb"
    )
    assert repo.colab("notebooks/01_overfitting.ipynb") == (
        "https://colab.research.google.com/github/sample-owner/sample-course/blob/main/"
        "notebooks/01_overfitting.ipynb"
    )
    assert repo.nbgitpuller() == (
        "/hub/user-redirect/git-pull?repo=https%3A%2F%2Fgithub.com%2Fsample-owner%2Fsample-course"
        "&branch=main&urlpath=lab%2Ftree%2Fsample-course%2Fnotebooks%2F00_start_here.ipynb"
    )


@pytest.mark.parametrize(
    "url",
    [
        "https://gitlab.com/a/b",
        "github.com/a/b",
        "https://github.com/a",
        "https://github.com/a/b/c",
    ],
)
def test_a_repository_that_is_not_a_github_address_is_refused(url: str) -> None:
    with pytest.raises(registry.RegistryError, match=r"\[course\] repository"):
        registry.parse_repository(url)


def test_an_unknown_course_field_is_refused(tmp_path: Path) -> None:
    text = (ROOT / "lessons.toml").read_text(encoding="utf-8")
    assert '[course]\nrepository = ""' in text
    bad = text.replace('[course]\nrepository = ""', '[course]\nrepository = ""\nbranch = "x"')
    (tmp_path / "lessons.toml").write_text(bad, encoding="utf-8")
    with pytest.raises(registry.RegistryError, match=r"\[course\] has exactly the fields"):
        registry.load(tmp_path / "lessons.toml")


def test_published_readme_has_every_link(published: dict[Path, str]) -> None:
    readme = published[ROOT / "README.md"]
    repo = registry.parse_repository(SAMPLE)
    assert repo is not None
    assert f"[![launch binder](https://mybinder.org/badge_logo.svg)]({repo.binder()})" in readme
    assert f"({repo.colab(registry.START_NOTEBOOK)})" in readme
    for lesson in REGISTRY.lessons:
        assert f"[{lesson.number}]({repo.colab(lesson.notebook)})" in readme
    assert f"`{repo.nbgitpuller()}`" in readme
    assert f"git clone {SAMPLE}\ncd sample-course\n" in readme
    assert f"sudo git clone {SAMPLE} /srv/regularization-in-practice" in readme
    assert "<course URL>" not in readme
    email = published[ROOT / registry.SETUP_EMAIL]
    assert f"git clone {SAMPLE} sample-course" in email and "<course URL>" not in email


def test_published_binder_and_colab_links_open_existing_notebooks(
    published: dict[Path, str],
) -> None:
    readme = published[ROOT / "README.md"]
    binder = re.findall(r"https://mybinder\.org/v2/gh/[^)\s]*?labpath=([^)&\s`]+)", readme)
    colab = re.findall(
        r"https://colab\.research\.google\.com/github/[^/]+/[^/]+/blob/main/([^)\s]+)", readme
    )
    assert binder and len(colab) >= len(REGISTRY.lessons)
    for path in binder + colab:
        assert (ROOT / path.replace("%2F", "/")).is_file(), path


def test_unpublished_course_shows_no_hosted_link_and_says_how_to_add_them() -> None:
    assert REGISTRY.repository is None, "tests of the unpublished state: repository is set now"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "mybinder.org/v2" not in readme and "colab.research.google.com/github" not in readme
    assert "appear here once the course has a public repository" in readme
    assert "git clone <course URL>" in readme


def test_unpublished_course_changes_no_exercise_or_solution_notebook() -> None:
    """With the empty URL, the registry's notebook output is what it was before the URL existed:
    lesson notebooks only, without a Colab cell."""
    out = registry.generated(ROOT)
    assert not [p for p in out if p.parent.name == "solutions" or p.stem.endswith("_exercises")]
    for path, text in out.items():
        if path.suffix == ".ipynb":
            cells = nbformat.reads(text, as_version=4).cells
            assert not [c for c in cells if registry.COLAB_TAG in c.metadata.get("tags", [])]


# --------------------------------------------------------------------------- the Colab cell


def _notebooks(published: dict[Path, str]) -> dict[Path, nbformat.NotebookNode]:
    return {
        path: nbformat.reads(text, as_version=4)
        for path, text in published.items()
        if path.suffix == ".ipynb"
    }


def test_every_notebook_gets_the_colab_cell_first(published: dict[Path, str]) -> None:
    notebooks = _notebooks(published)
    expected = {ROOT / p for p in registry.notebook_paths(REGISTRY)}
    assert set(notebooks) == expected
    source = registry.colab_cell_source(registry.Repository("sample-owner", "sample-course"))
    for path, nb in notebooks.items():
        code = [c for c in nb.cells if c.cell_type == "code"]
        assert code[0].metadata.get("tags") == [registry.COLAB_TAG], path
        assert code[0].source == source and code[0].id == registry.COLAB_TAG
        assert sum(registry.COLAB_TAG in c.metadata.get("tags", []) for c in nb.cells) == 1
        assert nb.cells[0].cell_type == "markdown", f"{path.name}: the title stays first"
    assert "'regutils @ git+https://github.com/sample-owner/sample-course'" in source
    assert "--no-deps" in source and 'if "google.colab" in sys.modules:' in source


def test_colab_cell_is_idempotent_and_removable(published: dict[Path, str]) -> None:
    repo = registry.parse_repository(SAMPLE)
    nb = _notebooks(published)[ROOT / REGISTRY.lessons[1].notebook]
    assert registry.with_colab_cell(nb, repo) is False  # already there: nothing changes
    assert registry.with_colab_cell(nb, registry.parse_repository(SAMPLE + "-2")) is True
    assert sum(registry.COLAB_TAG in c.metadata.get("tags", []) for c in nb.cells) == 1
    assert registry.with_colab_cell(nb, None) is True  # repository emptied again: cell removed
    assert registry.with_colab_cell(nb, None) is False
    original = nbformat.read(ROOT / REGISTRY.lessons[1].notebook, as_version=4)
    assert make_exercises.notebook_signature(nb) == make_exercises.notebook_signature(original)


def test_exercise_notebooks_still_match_their_solutions(published: dict[Path, str]) -> None:
    """`make exercises` generates the exercise notebook from the solution: the registry's Colab
    cell in both must be what that generation gives, or the two tools would fight."""
    notebooks = _notebooks(published)
    for lesson in REGISTRY.lessons:
        if not lesson.exercises:
            continue
        solution = notebooks[ROOT / lesson.solution_notebook]
        exercise = notebooks[ROOT / lesson.exercise_notebook]
        assert make_exercises.notebook_signature(
            exercise
        ) == make_exercises.expected_exercise_sources(solution, lesson.solution_notebook)


def test_colab_cell_does_nothing_outside_colab() -> None:
    source = registry.colab_cell_source(registry.Repository("sample-owner", "sample-course"))

    def get_ipython() -> None:
        raise AssertionError("the Colab cell ran a magic outside Colab")

    exec(compile(source, "colab-setup", "exec"), {"get_ipython": get_ipython})


def test_colab_cell_installs_in_colab(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys
    import types

    source = registry.colab_cell_source(registry.Repository("sample-owner", "sample-course"))
    calls: list[tuple[str, str]] = []
    shell = types.SimpleNamespace(run_line_magic=lambda name, line: calls.append((name, line)))
    monkeypatch.setitem(sys.modules, "google.colab", types.ModuleType("google.colab"))
    exec(compile(source, "colab-setup", "exec"), {"get_ipython": lambda: shell})
    assert calls == [
        ("pip", f"install --quiet --no-deps 'regutils @ git+{SAMPLE}'"),
        ("pip", "install --quiet 'scikit-learn>=1.8'"),
    ]


# --------------------------------------------------------------------------- the README's first screen


def test_readme_hours_are_the_lessons_minutes() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    total = sum(lesson.minutes for lesson in REGISTRY.lessons)
    assert f"about **{round(total / 60)} hours**" in readme and f"{total} minutes" in readme
    first_screen = readme.split("## The course\n")[0]
    assert len(first_screen.splitlines()) <= 50, "the README's first screen grew too long"
    for needed in ("Who it is for", "What to know first", "make doctor", "make lab", "git clone"):
        assert needed in first_screen, needed
    for maintainer_detail in ("make test", "CI", "wheelhouse", "tests passed"):
        assert maintainer_detail not in first_screen, maintainer_detail


# --------------------------------------------------------------------------- no placeholder, no dead link


PLACEHOLDER_SEGMENTS = {"ORG", "HUB", "OWNER", "REGISTRY", "USER", "YOURNAME"}
URL = re.compile(r"""https?://[^\s)\]>"'`]+""")


def _tracked(*suffixes: str) -> list[Path]:
    try:
        listed = subprocess.run(
            ["git", "ls-files", "--cached", "--others", "--exclude-standard"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.splitlines()
    except (OSError, subprocess.CalledProcessError):  # not a git checkout: every file but caches
        listed = [
            str(p.relative_to(ROOT))
            for p in ROOT.rglob("*")
            if not any(
                part.startswith(".") or part == "build" for part in p.relative_to(ROOT).parts
            )
        ]
    return [ROOT / name for name in listed if name.endswith(suffixes) and (ROOT / name).is_file()]


def test_no_placeholder_link_anywhere() -> None:
    found = []
    for path in _tracked(".md", ".ipynb", ".toml", ".yml", ".yaml"):
        text = path.read_text(encoding="utf-8", errors="replace")
        for url in URL.findall(text):
            segments = re.split(r"[/.?&=%]", url.split("://", 1)[1])
            if PLACEHOLDER_SEGMENTS & set(segments):
                found.append(f"{path.relative_to(ROOT)}: {url}")
        if "github.com/ORG" in text or "://HUB" in text:
            found.append(f"{path.relative_to(ROOT)}: an ORG/HUB placeholder")
    assert not found, "placeholder links (derive them from [course] repository):\n" + "\n".join(
        found
    )


def _slug(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens."""
    text = re.sub(r"[`*_]{1,2}(?=\S)|(?<=\S)[`*]{1,2}", "", heading.strip()).lower()
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return re.sub(r"[^\w\- ]", "", text).replace(" ", "-")


def _anchors(path: Path) -> set[str]:
    text = _without_code(path.read_text(encoding="utf-8"))
    return {_slug(m) for m in re.findall(r"^#{1,6} (.+?)\s*$", text, re.MULTILINE)}


def _without_code(text: str) -> str:
    return re.sub(r"^```.*?^```", "", text, flags=re.MULTILINE | re.DOTALL)


@pytest.mark.parametrize("document", DOCUMENTS)
def test_relative_links_point_at_files_and_headings_that_exist(document: str) -> None:
    path = ROOT / document
    text = _without_code(path.read_text(encoding="utf-8"))
    text = re.sub(r"`[^`\n]*`", "", text)  # inline code is not a link
    dead = []
    for target in re.findall(r"\]\(([^)\s]+)\)", text):
        if re.match(r"[a-z]+:", target):
            continue  # https:, mailto:
        file, _, anchor = target.partition("#")
        linked = (path.parent / file).resolve() if file else path
        if not linked.exists():
            dead.append(f"{target}: no such file")
        elif anchor and linked.suffix == ".md" and anchor not in _anchors(linked):
            dead.append(f"{target}: no heading #{anchor} in {linked.name}")
    assert not dead, f"{document}: dead links\n" + "\n".join(dead)


def test_slug_matches_githubs() -> None:
    assert _slug("When `make doctor` reports a FAIL") == "when-make-doctor-reports-a-fail"
    assert _slug("Checking a machine: `doctor`") == "checking-a-machine-doctor"
    assert _slug("Without `make` (Windows), and the pip route") == (
        "without-make-windows-and-the-pip-route"
    )


# --------------------------------------------------------------------------- the glossary


GLOSSARY_ENTRY = re.compile(
    r"^### (?P<term>.+?)\n(?:<!-- terms: (?P<terms>.+?) -->\n)?(?P<body>.*?)"
    r"Defined in \[[^\]]+\]\((?P<notebook>notebooks/\d\d_\w+\.ipynb)\)\.\s*$",
    re.MULTILINE | re.DOTALL,
)
#: The terms issue 13 asks the glossary for (a word of each entry's heading).
REQUIRED = [
    "generalization gap",
    "overfitting",
    "bias and variance",
    "validation set",
    "cross-validation",
    "one-standard-error rule",
    "regularization path",
    "ridge",
    "lasso",
    "elastic net",
    "soft-thresholding",
    "α_max",
    "effective degrees of freedom",
    "standardization",
    "log-loss",
    "calibration",
    "weight decay",
    "inverted dropout",
    "monte carlo dropout",
    "batch normalization",
    "early stopping",
    "patience",
    "label smoothing",
    "data augmentation",
    "max-norm",
    "paired comparison",
]


def _glossary() -> list[re.Match[str]]:
    text = (ROOT / "GLOSSARY.md").read_text(encoding="utf-8")
    sections = ["### " + s for s in text.split("\n### ")[1:]]
    entries = [GLOSSARY_ENTRY.match(section.strip() + "\n") for section in sections]
    malformed = [s.splitlines()[0] for s, e in zip(sections, entries) if e is None]
    assert not malformed, (
        f"GLOSSARY.md entries without a 'Defined in [..](notebooks/..).' line: {malformed}"
    )
    return [e for e in entries if e is not None]


def test_glossary_has_the_course_terms_in_order() -> None:
    terms = [entry["term"] for entry in _glossary()]
    missing = [t for t in REQUIRED if not any(t in term.lower() for term in terms)]
    assert not missing, f"GLOSSARY.md lacks {missing}"
    assert terms == sorted(terms, key=lambda t: t.lower().lstrip("α")), "keep it alphabetical"


@pytest.mark.parametrize("entry", _glossary(), ids=lambda e: e["term"])
def test_glossary_entry_is_defined_in_its_lesson(entry: re.Match[str]) -> None:
    notebook = entry["notebook"]
    assert notebook in [lesson.notebook for lesson in REGISTRY.lessons], notebook
    nb = nbformat.read(ROOT / notebook, as_version=4)
    markdown = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown").lower()
    words = [w.strip() for w in (entry["terms"] or entry["term"]).split(";")]
    absent = [w for w in words if w.lower() not in markdown]
    assert not absent, f"{notebook}'s text no longer mentions {absent} ({entry['term']})"
    sentences = re.split(r"(?<=[.!?])\s", entry["body"].strip())
    assert 1 <= len(sentences) <= 3, f"{entry['term']}: keep a definition to 1–3 sentences"
