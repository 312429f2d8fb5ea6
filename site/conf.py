"""Sphinx configuration of the course website; `make site` builds it (tools/site.py stages the
sources in build/site-src/ in the order of lessons.toml and runs Sphinx with -W)."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tools import site  # noqa: E402

project = "Regularization in Practice"
author = "the course authors"
copyright = "the course authors; code MIT, lesson text and figures CC BY 4.0"
language = "en"

extensions = ["myst_nb"]
root_doc = "index"
exclude_patterns = ["**.ipynb_checkpoints"]

# The notebooks as stored: never executed (their outputs are checked by `make test`).
nb_execution_mode = "off"
# The explorers' widget views have no saved widget state: show their text/plain fallback (the
# "run the lesson's cells" line under the stored figure) rather than an empty widget box.
nb_mime_priority_overrides = [("html", "application/vnd.jupyter.widget-view+json", None)]
nb_merge_streams = True

myst_enable_extensions = ["dollarmath", "colon_fence"]
myst_heading_anchors = 3
# MathJax 2 from the site itself (see below), not MathJax 3's configuration.
myst_update_mathjax = False
# Lessons go from the title (#) to "### Learning objectives": a style of the notebooks.
suppress_warnings = ["myst.header"]

html_theme = "sphinx_book_theme"
html_title = project
html_theme_options = site.theme_options(site.repository())
# Light by default: stored outputs (claims, tables, quiz boxes) carry light-theme inline colours.
html_context = {"default_mode": "light"}
html_static_path = ["_static"]
html_css_files = ["course.css"]
html_sourcelink_suffix = ""  # the download button gives the .ipynb itself
html_last_updated_fmt = ""
html_show_sphinx = False

# Math offline: MathJax 2.7 (the jupyter-server-mathjax package) copied into _static/mathjax/.
mathjax_path = f"mathjax/MathJax.js?config={site.MATHJAX_CONFIG}"
mathjax2_config = {
    "HTML-CSS": {
        "availableFonts": [],
        "imageFont": None,
        "preferredFont": None,
        "webFont": "STIX-Web",
        "linebreaks": {"automatic": True},
        # MathJax's measuring font loads url('about:blank'), which Chromium reports as a console
        # error (CORS); a local() source fails the same way, silently.
        "styles": {"@font-face": {"font-family": "MathJax_Blank", "src": "local('MathJax_Blank')"}},
    },
    # HTML-CSS output everywhere: the package ships its STIX-Web fonts, not the TeX fonts that
    # the native-MathML output asks for (headless Chromium reports as Safari, which gets MathML).
    "MMLorHTML": {"prefer": "HTML"},
    # text-macros: \_ inside \texttt{} (l1\_ratio), as JupyterLab's MathJax 3 renders it.
    "TeX": {
        "extensions": [
            "AMSmath.js",
            "AMSsymbols.js",
            "noErrors.js",
            "noUndefined.js",
            "text-macros.js",
        ]
    },
    "messageStyle": "none",
    "menuSettings": {"zoom": "None"},
}


def _copy_mathjax(app, exception) -> None:
    if exception is None and app.builder.format == "html":
        shutil.copytree(
            site.mathjax_source(),
            Path(app.outdir) / "_static" / "mathjax",
            dirs_exist_ok=True,
            ignore=shutil.ignore_patterns("__pycache__", "*.py"),
        )


def setup(app) -> dict[str, bool]:
    app.connect("build-finished", _copy_mathjax)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
