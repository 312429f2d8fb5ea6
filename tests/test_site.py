"""The course website (make site, then make test-site): pages, links, offline assets, browser.

Marked ``site``: plain pytest leaves these out. They check the built site in build/site/; while it
is not built they skip, except under ``make test-site`` (REGUTILS_SITE_REQUIRED=1), where a
missing site fails.
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import runpy
import threading
import time
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from tools import registry as reg
from tools import site

pytestmark = pytest.mark.site

ROOT = Path(__file__).resolve().parent.parent
OUT = site.OUT
SCREENSHOTS = ROOT / "bench-results" / "screenshots" / "site"
SAMPLE_URL = "https://github.com/example-org/regularization-in-practice"
REGISTRY = reg.load()
LESSON_PAGES = [lesson.notebook[: -len(".ipynb")] + ".html" for lesson in REGISTRY.lessons]
NOTEBOOK_PAGES = [path[: -len(".ipynb")] + ".html" for path in reg.notebook_paths(REGISTRY)]
REFERENCE_PAGES = [path[: -len(".md")] + ".html" for path in site.REFERENCE_PAGES]


@pytest.fixture(scope="module")
def built() -> Path:
    if not (OUT / "index.html").exists():
        message = f"{OUT.relative_to(ROOT)}/ is not built: run make site (or make test-site)"
        if os.environ.get("REGUTILS_SITE_REQUIRED"):
            pytest.fail(message)
        pytest.skip(message)
    return OUT


class Page(HTMLParser):
    """The links, resource URLs and element ids of one HTML page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[str, str, str]] = []  # (tag, attribute, url)
        self.resources: list[tuple[str, str]] = []  # (kind, url) of scripts, styles, fonts

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        for key in ("id", "name") if tag == "a" else ("id",):
            if values.get(key):
                self.ids.add(values[key])
        for attribute in ("href", "src"):
            if attribute in values:
                self.links.append((tag, attribute, values[attribute]))
        if tag == "script" and values.get("src"):
            self.resources.append(("script", values["src"]))
        if tag == "link" and {"stylesheet", "preload", "modulepreload", "icon"} & set(
            values.get("rel", "").split()
        ):
            self.resources.append((f"link rel={values['rel']}", values.get("href", "")))


@functools.cache
def parsed(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def html_files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*.html") if "_static" not in p.parts)


def is_external(url: str) -> bool:
    return bool(re.match(r"(https?:)?//", url))


# --------------------------------------------------------------------------- pages and content


def test_every_page_of_the_course_is_built(built: Path) -> None:
    for page in ["index.html", "search.html", *NOTEBOOK_PAGES, *REFERENCE_PAGES]:
        assert (built / page).is_file(), page


def test_lesson_pages_start_with_objectives_and_time(built: Path) -> None:
    for page in LESSON_PAGES:
        text = (built / page).read_text(encoding="utf-8")
        main = text[text.index('<article class="bd-article">') :]
        objectives = main.find("Learning objectives")
        time_line = main.find("Time:")
        first_code = main.find('class="cell docutils container"')
        assert 0 < objectives < time_line < first_code, page


def test_solutions_are_their_own_part_with_a_banner(built: Path) -> None:
    index = (built / "index.html").read_text(encoding="utf-8")
    assert "Solutions (try the exercises first)" in index
    for lesson in REGISTRY.lessons:
        if not lesson.exercises:
            continue
        text = (built / lesson.solution_notebook.replace(".ipynb", ".html")).read_text("utf-8")
        article = text[text.index('<article class="bd-article">') :]
        banner = article.find("Solutions — try the exercises first")
        assert 0 < banner < article.find("Exercise 1"), lesson.number
        exercises = (built / lesson.exercise_notebook.replace(".ipynb", ".html")).read_text("utf-8")
        assert "Solutions — try the exercises first" not in exercises


def test_the_navigation_follows_lessons_toml(built: Path) -> None:
    index = (built / "index.html").read_text(encoding="utf-8")
    positions = [index.find(f'href="{page}"') for page in LESSON_PAGES]
    assert all(p > 0 for p in positions) and positions == sorted(positions)
    # The theme's previous/next links: lesson 01 is followed by lesson 02.
    second = (built / LESSON_PAGES[1]).read_text(encoding="utf-8")
    assert re.search(r'class="right-next"\s+href="' + Path(LESSON_PAGES[2]).name, second)


def test_outputs_render_as_stored_without_widget_junk(built: Path) -> None:
    text = (built / "notebooks/04_elastic_net.html").read_text(encoding="utf-8")
    assert 'class="regutils-claim"' in text and "✔" in text  # claims, as in the notebook
    assert "(Explorer: run the lesson" in text  # the explorer's stored fallback line
    assert "widget-view+json" not in text and "jupyter-widgets" not in text
    assert "regutils-question" in (built / "notebooks/01_overfitting.html").read_text("utf-8")
    # Figures at full quality: the stored PNGs themselves, not re-encoded.
    assert len(list((built / "_images").glob("*.png"))) >= 60


def test_download_button_gives_the_notebook(built: Path) -> None:
    for page in NOTEBOOK_PAGES:
        text = (built / page).read_text(encoding="utf-8")
        source = Path(page).with_suffix(".ipynb").as_posix()
        assert f"_sources/{source}" in text, page
        assert (built / "_sources" / source).is_file(), source


def test_launch_buttons_only_with_a_repository(built: Path) -> None:
    text = (built / "notebooks/04_elastic_net.html").read_text(encoding="utf-8")
    if site.repository() is None:
        assert "mybinder.org" not in text and "colab.research.google.com" not in text
        assert "launch" not in text.lower().replace("launch_buttons", "")
    else:
        assert "mybinder.org" in text and "colab.research.google.com" in text


def test_theme_options_in_both_states(monkeypatch: pytest.MonkeyPatch) -> None:
    assert "launch_buttons" not in site.theme_options(None)
    assert "repository_url" not in site.theme_options(None)
    monkeypatch.setenv(site.REPOSITORY_VARIABLE, SAMPLE_URL)
    conf = runpy.run_path(str(site.CONF_DIR / "conf.py"))
    options = conf["html_theme_options"]
    assert options["repository_url"] == SAMPLE_URL
    assert options["launch_buttons"]["binderhub_url"] == "https://mybinder.org"
    assert options["launch_buttons"]["colab_url"] == "https://colab.research.google.com"
    assert options["launch_buttons"]["notebook_interface"] == "jupyterlab"
    monkeypatch.setenv(site.REPOSITORY_VARIABLE, "")
    conf = runpy.run_path(str(site.CONF_DIR / "conf.py"))
    assert "launch_buttons" not in conf["html_theme_options"]


def test_links_to_files_outside_the_site() -> None:
    present = {"notebooks/01_overfitting.ipynb", "GLOSSARY.md"}
    text = "see [the README](../README.md#workshops) and [lesson 01](01_overfitting.ipynb)"
    assert site.rewrite_links(text, "notebooks/02_ridge.ipynb", present, None) == (
        "see the README and [lesson 01](01_overfitting.ipynb)"
    )
    repo = reg.parse_repository(SAMPLE_URL)
    assert f"({SAMPLE_URL}/blob/main/README.md#workshops)" in site.rewrite_links(
        text, "notebooks/02_ridge.ipynb", present, repo
    )
    # A solution's links are written for its exercises twin in notebooks/.
    assert site.rewrite_links(
        "[lesson 01](01_overfitting.ipynb)",
        "solutions/01_overfitting_exercises.ipynb",
        present,
        None,
        "notebooks",
    ) == ("[lesson 01](../notebooks/01_overfitting.ipynb)")


# --------------------------------------------------------------------------- links and assets


def test_every_internal_link_resolves(built: Path) -> None:
    broken = []
    for path in html_files(built):
        for tag, attribute, url in parsed(path).links:
            if not url or is_external(url) or re.match(r"(mailto|javascript|data):", url):
                continue
            parts = urlsplit(url)
            target = path if not parts.path else (path.parent / unquote(parts.path)).resolve()
            if target.is_dir():
                target = target / "index.html"
            where = f"{path.relative_to(built)}: <{tag} {attribute}={url!r}>"
            if not target.is_file() or built.resolve() not in target.resolve().parents:
                broken.append(f"{where}: no file")
            elif parts.fragment and target.suffix == ".html":
                if unquote(parts.fragment) not in parsed(target).ids:
                    broken.append(f"{where}: no anchor")
    assert not broken, "\n".join(broken[:40])


def test_no_external_scripts_styles_or_fonts(built: Path) -> None:
    found = []
    for path in html_files(built):
        for kind, url in parsed(path).resources:
            if is_external(url):
                found.append(f"{path.relative_to(built)}: {kind} {url}")
        for url in re.findall(r"<style[^>]*>.*?</style>", path.read_text("utf-8"), re.DOTALL):
            found += re.findall(r"url\(\s*['\"]?(?:https?:)?//[^)]*\)", url)
    for css in (built / "_static").rglob("*.css"):
        text = css.read_text(encoding="utf-8", errors="replace")
        for url in re.findall(r"(?:url\(|@import)\s*['\"]?((?:https?:)?//[^'\")\s]+)", text):
            found.append(f"{css.relative_to(built)}: {url}")
    assert not found, "\n".join(found[:40])


def test_mathjax_is_served_by_the_site(built: Path) -> None:
    text = (built / "notebooks/04_elastic_net.html").read_text(encoding="utf-8")
    assert f'src="../_static/mathjax/MathJax.js?config={site.MATHJAX_CONFIG}"' in text
    assert (built / "_static/mathjax/MathJax.js").is_file()
    assert (built / f"_static/mathjax/config/{site.MATHJAX_CONFIG}.js").is_file()
    assert (built / "_static/mathjax/fonts/HTML-CSS/STIX-Web").is_dir()


# --------------------------------------------------------------------------- in the browser


#: True once the page's MathJax (if any) has loaded and typeset everything.
MATH_DONE = """() => !document.querySelector('script[src*="MathJax.js"]') || (
    window.MathJax && MathJax.isReady === true && MathJax.Hub.queue.pending === 0
    && !MathJax.Hub.queue.running)"""


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server(built: Path) -> Iterator[str]:
    handler = functools.partial(QuietHandler, directory=str(built))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_site_in_headless_chromium(server: str) -> None:
    """Every lesson page (and an exercises, a solutions and each reference page): figures load,
    no console error, no failed or outside request; math renders; search finds the Elastic Net
    lesson. Screenshots in bench-results/screenshots/site/."""
    pytest.importorskip("playwright")
    from tools.browser_check import CHROMIUM, chromium

    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: apt-get install -y chromium")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    errors: list[str] = []
    outside: list[str] = []
    with chromium(viewport=(1400, 900)) as page:
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on(
            "response",
            lambda r: errors.append(f"HTTP {r.status}: {r.url}") if r.status >= 400 else None,
        )

        def only_local(route) -> None:  # nothing may load from the internet
            if route.request.url.startswith(server):
                route.continue_()
            else:
                outside.append(route.request.url)
                route.abort()

        page.route("**/*", only_local)

        def visit(path: str) -> None:
            errors.clear()
            page.goto(server + path, wait_until="load")
            # MathJax typesets after the load event (fonts included): wait until it is done.
            page.wait_for_function(MATH_DONE, timeout=30_000)
            bad = page.evaluate(
                "() => Array.from(document.images)"
                ".filter(i => !(i.complete && i.naturalWidth > 0)).map(i => i.src)"
            )
            assert not bad, f"{path}: images not loaded: {bad}"
            assert not errors, f"{path}: console errors: {errors}"

        visit("index.html")
        page.screenshot(path=str(SCREENSHOTS / "index.png"))
        # Every lesson; of the exercises and solutions (the same kind of page, checked by the
        # link test) one of each, and the reference pages.
        first_exercises = next(lesson for lesson in REGISTRY.lessons if lesson.exercises)
        others = [first_exercises.exercise_notebook, first_exercises.solution_notebook]
        for path in [*LESSON_PAGES, *(p.replace(".ipynb", ".html") for p in others)]:
            visit(path)
        for path in REFERENCE_PAGES:
            visit(path)
        visit("notebooks/04_elastic_net.html")
        assert page.locator(".MathJax").count() > 5  # typeset by MathJax (HTML-CSS output)
        page.screenshot(path=str(SCREENSHOTS / "lesson-04.png"))
        page.locator(".MathJax_Display").first.scroll_into_view_if_needed()
        page.screenshot(path=str(SCREENSHOTS / "lesson-04-math.png"))
        page.locator(".cell_output img").first.scroll_into_view_if_needed()
        page.screenshot(path=str(SCREENSHOTS / "lesson-04-figure.png"))
        visit("solutions/04_elastic_net_exercises.html")
        page.screenshot(path=str(SCREENSHOTS / "solutions-04.png"))
        errors.clear()
        start = time.monotonic()
        page.goto(server + "search.html?q=elastic+net")
        page.wait_for_selector("#search-results ul.search li", timeout=20_000)
        page.wait_for_function(
            "() => !document.querySelector('#search-progress')"
            " || !/Searching|Preparing/.test(document.querySelector('#search-progress').textContent)"
        )
        hrefs = page.eval_on_selector_all(
            "#search-results ul.search li a", "links => links.map(a => a.getAttribute('href'))"
        )
        assert any("04_elastic_net.html" in href for href in hrefs), hrefs
        assert time.monotonic() - start < 20
        page.screenshot(path=str(SCREENSHOTS / "search.png"))
        assert not errors, f"search: console errors: {errors}"
    assert not outside, f"requests outside the site: {outside}"
