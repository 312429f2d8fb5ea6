"""Build the course website from the notebooks' stored outputs (``make site``).

    python -m tools.site                 # build/site/ (open build/site/index.html)
    python -m tools.site --out DIR       # somewhere else
    REGUTILS_SITE_REPOSITORY=<GitHub address> python -m tools.site   # preview the launch buttons

Sphinx with MyST-NB and sphinx-book-theme (configured in ``site/conf.py``) renders every notebook
as stored: nothing is executed. The site's sources are staged in ``build/site-src/`` from the
repository, in the order of ``lessons.toml`` (the one list of lessons):

- ``index.md``: the course's introduction from README.md (its learner part, up to "Get started"),
  the course table with links to each lesson, exercises and solutions page, and the navigation
  (one toctree per part: lessons, exercises, solutions, reference);
- every notebook of the registry, unchanged except the solutions, which get a banner after their
  title ("Solutions — try the exercises first");
- GLOSSARY.md, INSTRUCTORS.md, docs/setup-email.md and the data card, data/README.md.

Links to files the site does not carry (README.md, CONTRIBUTING.md, the code) point to the
repository on GitHub when ``[course] repository`` is set, and become plain text while it is empty,
so the site has no broken link. Launch buttons (Binder, Colab; Binder opens JupyterLab) come from
the same URL and only when it is set: :func:`theme_options`.

MathJax 2 is served from the site itself (``_static/mathjax/``, copied from the
``jupyter-server-mathjax`` package), so math renders offline and the HTML references no CDN.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import re
import shutil
import sys
import time
from pathlib import Path

from tools import registry as reg

ROOT = Path(__file__).resolve().parent.parent
CONF_DIR = ROOT / "site"
SOURCE = ROOT / "build" / "site-src"
OUT = ROOT / "build" / "site"
#: Overrides ``[course] repository`` for a preview of the launch buttons (tests use it too).
REPOSITORY_VARIABLE = "REGUTILS_SITE_REPOSITORY"
#: Markdown pages of the site besides the notebooks: repository path -> navigation title.
REFERENCE_PAGES = {
    "GLOSSARY.md": "Glossary",
    "INSTRUCTORS.md": "Instructor guide",
    "docs/setup-email.md": "Learner set-up email",
    "data/README.md": "Data card: heart disease",
}
#: Files the pages link to that the site carries as downloads.
DOWNLOADS = ["data/heart.csv"]
SOLUTIONS_BANNER = (
    ":::{{admonition}} Solutions — try the exercises first\n"
    ":class: attention\n\n"
    "This page shows worked solutions. Try [the exercises]({exercises}) yourself first: each "
    "check cell tells you whether your answer is right, and `ex.hint(...)` gives hints.\n"
    ":::\n"
)
MARKDOWN_LINK = re.compile(r"(?<!\!)\[(?P<text>[^\]]*)\]\((?P<target>[^)\s]+)\)")
MATHJAX_CONFIG = "TeX-AMS-MML_HTMLorMML-full"


def repository() -> reg.Repository | None:
    """The repository the site's buttons and outside links use (the override, or lessons.toml)."""
    override = os.environ.get(REPOSITORY_VARIABLE)
    if override is not None:
        return reg.parse_repository(override)
    return reg.load().repository


def theme_options(repo: reg.Repository | None) -> dict[str, object]:
    """sphinx-book-theme's options: download button always; repository and launch buttons only
    when the course has a public repository (no placeholder)."""
    options: dict[str, object] = {
        "use_download_button": True,
        "use_fullscreen_button": False,
        "home_page_in_toc": True,
        "show_navbar_depth": 1,
        "navigation_with_keys": False,
    }
    if repo is not None:
        options.update(
            {
                "repository_url": repo.url,
                "repository_branch": reg.BRANCH,
                "path_to_docs": "",
                "use_repository_button": True,
                "launch_buttons": {
                    "notebook_interface": "jupyterlab",
                    "binderhub_url": "https://mybinder.org",
                    "colab_url": "https://colab.research.google.com",
                },
            }
        )
    return options


def mathjax_source() -> Path:
    """MathJax 2's files, as the jupyter-server-mathjax package ships them."""
    spec = importlib.util.find_spec("jupyter_server_mathjax")
    if spec is None or spec.origin is None:
        raise RuntimeError("jupyter-server-mathjax is missing: make site installs it (.[test])")
    return Path(spec.origin).parent / "static"


def _page_link(origin: str, target: str) -> str:
    """``target`` (a repository path) as a relative link from the page at ``origin``."""
    return os.path.relpath(target, os.path.dirname(origin) or ".").replace(os.sep, "/")


def rewrite_links(
    text: str, origin: str, present: set[str], repo: reg.Repository | None, fallback_dir: str = ""
) -> str:
    """Keep each relative Markdown link whose file the site carries; else link the file on GitHub
    (``repo`` set) or keep the link's text alone. A solution notebook's links are written for its
    exercises twin in notebooks/ (the exercises are generated from it): ``fallback_dir``."""

    def replace(match: re.Match[str]) -> str:
        target = match["target"]
        if re.match(r"[a-z]+:", target) or target.startswith("#"):
            return match[0]
        path, _, anchor = target.partition("#")
        resolved = os.path.normpath(os.path.join(os.path.dirname(origin), path)).replace(
            os.sep, "/"
        )
        if resolved not in present and fallback_dir:
            other = os.path.normpath(os.path.join(fallback_dir, path)).replace(os.sep, "/")
            if other in present:
                resolved = other
        if resolved in present:
            link = _page_link(origin, resolved) + (f"#{anchor}" if anchor else "")
            return f"[{match['text']}]({link})"
        if repo is not None and (ROOT / resolved).exists():
            return f"[{match['text']}]({repo.url}/blob/{reg.BRANCH}/{resolved}" + (
                f"#{anchor})" if anchor else ")"
            )
        return match["text"]

    return MARKDOWN_LINK.sub(replace, text)


def readme_introduction(readme: str) -> str:
    """README.md's learner introduction: after the title, up to "## Get started", no comments."""
    body = readme.split("\n", 1)[1].split("\n## Get started", 1)[0]
    body = re.sub(r"<!--.*?-->", "", body, flags=re.DOTALL)
    return re.sub(r"\n{3,}", "\n\n", body).strip() + "\n"


def index_markdown(registry: reg.Registry, present: set[str], repo: reg.Repository | None) -> str:
    """The home page: introduction, course table and navigation, in the order of lessons.toml."""
    intro = rewrite_links(
        readme_introduction((ROOT / "README.md").read_text(encoding="utf-8")),
        "README.md",
        present,
        repo,
    )
    rows = [
        "| # | lesson | what it covers | time | pages |",
        "|---|---|---|---:|---|",
    ]
    for lesson in registry.lessons:
        pages = [f"[lesson]({lesson.notebook})"]
        if lesson.exercises:
            pages += [
                f"[exercises]({lesson.exercise_notebook})",
                f"[solutions]({lesson.solution_notebook})",
            ]
        rows.append(
            f"| {lesson.number} | [{lesson.title}]({lesson.notebook}) | {lesson.covers} "
            f"| {lesson.minutes} min | {' · '.join(pages)} |"
        )
    if repo is None:
        run = (
            "To run a lesson yourself, get the course from your instructor and follow its README "
            "(`make doctor`, then `make lab`). Each notebook page has a download button (top right)."
        )
    else:
        run = (
            f"To run a lesson yourself, clone [the course repository]({repo.url}) and follow its "
            "README (`make doctor`, then `make lab`), or open a lesson in Binder or Colab with the "
            "launch button (the rocket, top right of each notebook page); the download button "
            "gives the notebook."
        )
    toctrees = []
    parts: list[tuple[str, list[str]]] = [
        ("Lessons", [lesson.notebook for lesson in registry.lessons]),
        (
            "Exercises",
            [lesson.exercise_notebook for lesson in registry.lessons if lesson.exercises],
        ),
        (
            "Solutions (try the exercises first)",
            [lesson.solution_notebook for lesson in registry.lessons if lesson.exercises],
        ),
        ("Reference", list(REFERENCE_PAGES)),
    ]
    for caption, paths in parts:
        entries = "\n".join(
            f"{REFERENCE_PAGES[p]} <{p[:-3]}>" if p in REFERENCE_PAGES else p.rsplit(".", 1)[0]
            for p in paths
        )
        toctrees.append(f":::{{toctree}}\n:caption: {caption}\n:hidden:\n\n{entries}\n:::\n")
    return (
        "# Regularization in Practice\n\n"
        f"{intro}\n"
        "## Read the course here\n\n"
        "Every lesson is shown with the outputs stored in its notebook: figures, tables and the ✔ "
        "claims with their numbers, as a learner sees them after *Run ▸ Run All Cells*. "
        "Interactive explorers show their starting figure; their sliders work in JupyterLab. "
        f"{run}\n\n"
        "## The course\n\n" + "\n".join(rows) + "\n\n"
        "*Time*: reading the lesson, running it and trying its exercises, at your own pace. "
        "Solutions have their own part of the navigation: try the exercises first.\n\n"
        + "\n".join(toctrees)
    )


def _with_solutions_banner(notebook: dict, exercises_link: str) -> dict:
    first = notebook["cells"][0]
    source = "".join(first["source"])
    title, _, rest = source.partition("\n")
    # Its own title, so that navigation and search tell it from the exercises page.
    title = re.sub(r"\s*— exercises\s*$", "", title) + " — solutions"
    banner = SOLUTIONS_BANNER.format(exercises=exercises_link)
    first["source"] = f"{title}\n\n{banner}\n{rest.lstrip(chr(10))}"
    return notebook


def stage(dest: Path = SOURCE, repo: reg.Repository | None = None) -> list[str]:
    """Write the site's sources into ``dest`` (emptied first); returns the staged pages."""
    registry = reg.load()
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    notebooks = reg.notebook_paths(registry)
    present = set(notebooks) | set(REFERENCE_PAGES) | set(DOWNLOADS)
    for path in notebooks:
        notebook = json.loads((ROOT / path).read_text(encoding="utf-8"))
        twin = "notebooks" if path.startswith("solutions/") else ""
        for cell in notebook["cells"]:
            if cell["cell_type"] == "markdown":
                text = rewrite_links("".join(cell["source"]), path, present, repo, twin)
                cell["source"] = text
        if path.startswith("solutions/"):
            notebook = _with_solutions_banner(
                notebook, _page_link(path, "notebooks/" + Path(path).name)
            )
        (dest / path).parent.mkdir(parents=True, exist_ok=True)
        (dest / path).write_text(json.dumps(notebook, ensure_ascii=False), encoding="utf-8")
    for path in REFERENCE_PAGES:
        text = rewrite_links((ROOT / path).read_text(encoding="utf-8"), path, present, repo)
        (dest / path).parent.mkdir(parents=True, exist_ok=True)
        (dest / path).write_text(text, encoding="utf-8")
    for path in DOWNLOADS:
        (dest / path).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / path, dest / path)
    (dest / "index.md").write_text(index_markdown(registry, present, repo), encoding="utf-8")
    return ["index.md", *notebooks, *REFERENCE_PAGES]


def build(out: Path = OUT, source: Path = SOURCE, quiet: bool = True) -> int:
    """Stage the sources and run Sphinx with warnings as errors; Sphinx's exit code."""
    from sphinx.cmd.build import build_main

    stage(source, repository())
    if out.exists():
        shutil.rmtree(out)
    doctrees = source.parent / (source.name + "-doctrees")
    args = ["-b", "html", "-W", "--keep-going", "-E", "-j", "2", "-d", str(doctrees)]
    args += ["-q"] if quiet else []
    return build_main([*args, "-c", str(CONF_DIR), str(source), str(out)])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=OUT, help="output folder (default build/site)")
    args = parser.parse_args(argv)
    start = time.monotonic()
    code = build(args.out)
    if code == 0:
        print(f"site built in {time.monotonic() - start:.1f} s: {args.out / 'index.html'}")
    return code


if __name__ == "__main__":
    sys.exit(main())
