"""Run a lesson in JupyterLab in headless Chromium, the way a learner would, and take screenshots.

Used by ``tests/test_browser.py`` (``make test-browser``) and on its own::

    .venv/bin/python -m tools.browser_check notebooks/01_overfitting.ipynb [--out DIR]

It starts JupyterLab from this environment on a free port of 127.0.0.1 with a random token and
throw-away Jupyter config, data, runtime, settings and workspace folders, opens the notebook in
Debian's Chromium (``/usr/bin/chromium``, driven by Playwright; ``playwright install`` is never
needed), chooses **Run ▸ Run All Cells** from the menu bar, waits until every code cell has run and
the kernel is idle, then reads what the learner sees: every red (stderr or error) output block,
and the interactive explorer (an ipywidgets slider). It presses → or ← on the explorer's first
slider and records whether the figure below it changed. Screenshots go to ``--out``
(``bench-results/screenshots/`` by default): ``NAME-window.png`` (the top of the lesson as a
learner sees it after Run All), ``NAME-notebook.png`` (the whole notebook in one tall picture) and
``NAME-explorer-before.png`` / ``NAME-explorer-after.png`` (the explorer around the key press).

Nothing in the repository is changed: autosave is off, checkpoints go to the throw-away folder,
and the server and the browser are stopped on success and failure alike.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Locator, Page  # a test dependency
from playwright.sync_api import TimeoutError as PlaywrightTimeout

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "bench-results" / "screenshots"
CHROMIUM = Path("/usr/bin/chromium")
# Flags Debian's Chromium needs here: root (no sandbox), no GPU, and no background connections to
# Google's services, which a closed network refuses many at a time.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
# User settings of the throw-away JupyterLab profile (names from the schemas JupyterLab 4.6 ships
# in share/jupyter/lab/schemas). No news prompt and no update check (no toast over the lesson, no
# request to the internet), and no autosave, so running the lesson never rewrites the notebook.
LAB_SETTINGS = {
    "@jupyterlab/apputils-extension/notification": {"fetchNews": "false", "checkForUpdates": False},
    "@jupyterlab/docmanager-extension/plugin": {"autosave": False},
}
STDERR_MIME = "application/vnd.jupyter.stderr"  # JupyterLab renders stderr *and* errors with it
RED_OUTPUTS = f'.jp-OutputArea-output[data-mime-type="{STDERR_MIME}"]'
SLIDER = ".widget-slider"
SLIDER_HANDLE = ".noUi-handle"  # ipywidgets 8 draws sliders with noUiSlider: role=slider, tabindex
#: Seconds an explorer may take from a change of its control to the new figure (issue 13).
REDRAW_BUDGET_S = 0.5
#: Key presses timed at most: the fastest counts. `make test-browser` runs two pages at once, and
#: one press can land while the other page's kernel trains; a slow explorer is slow every time.
REDRAW_TRIES = 3
#: The code of a lesson's explorer cell, and its stored plain-text fallback (regutils.explorer).
EXPLORER_CODE = "regutils.explore("
#: What a quiz's Check button must show for a wrong and for the right choice.
QUIZ_EXPECTED = {"wrong": "not-yet", "right": "correct"}
#: The CSS class of each kind of feedback box (regutils.display.Feedback).
FEEDBACK = ".regutils-feedback"
#: JupyterLab's dark theme, for runs that check what a learner with dark settings sees.
DARK_THEME = {"@jupyterlab/apputils-extension/themes": {"theme": "JupyterLab Dark"}}


def free_port() -> int:
    """A TCP port of 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class LabServer:
    url: str  # http://127.0.0.1:PORT/
    token: str
    root: Path
    log: Path
    process: subprocess.Popen

    def lab_url(self, notebook: str) -> str:
        # ?reset: start from an empty workspace, so no notebook of an earlier visit reopens.
        return f"{self.url}lab/tree/{notebook}?reset&token={self.token}"

    def api(self, path: str, method: str = "GET"):
        request = urllib.request.Request(
            f"{self.url}api/{path}", method=method, headers={"Authorization": f"token {self.token}"}
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            body = response.read()
        return json.loads(body) if body else None

    def kernel_peak_mb(self, notebook: str) -> float | None:
        """Peak resident memory (VmHWM) of the kernel of ``notebook``'s session, read from /proc."""
        kernels = [s["kernel"]["id"] for s in self.api("sessions") if s.get("path") == notebook]
        proc = Path("/proc")
        if len(kernels) != 1 or not proc.is_dir():
            return None
        marker = f"kernel-{kernels[0]}.json".encode()
        for entry in proc.iterdir():
            try:
                if entry.name.isdigit() and marker in (entry / "cmdline").read_bytes():
                    for line in (entry / "status").read_text().splitlines():
                        if line.startswith("VmHWM:"):
                            return round(int(line.split()[1]) / 1024)
            except OSError:
                pass
        return None

    def stop_kernels(self) -> None:
        """Shut down every session's kernel (between notebooks: one TensorFlow kernel is 1 GB)."""
        for session in self.api("sessions"):
            self.api(f"sessions/{session['id']}", method="DELETE")

    def log_tail(self, lines: int = 40) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"


def _stop(process: subprocess.Popen, grace: float = 10.0) -> None:
    """Stop a process started with start_new_session=True, and everything it started (kernels)."""
    if process.poll() is None:
        try:
            os.killpg(process.pid, signal.SIGTERM)  # the server's own group: its id is its pid
        except ProcessLookupError:
            pass
        try:
            process.wait(grace)
        except subprocess.TimeoutExpired:
            pass
    try:  # kernels still alive after the server left
        os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    if process.poll() is None:
        process.wait(5)


def _stop_kernels(runtime: Path) -> None:
    """Kill kernels still running from this server's runtime folder (jupyter_client starts each in
    a session of its own, so stopping the server's process group does not reach them; the server
    shuts them down itself unless it was killed)."""
    proc = Path("/proc")
    if not proc.is_dir():
        return
    marker = str(runtime).encode()
    for entry in proc.iterdir():
        if entry.name.isdigit():
            try:
                if marker in (entry / "cmdline").read_bytes():
                    os.kill(int(entry.name), signal.SIGKILL)
            except (OSError, ProcessLookupError):
                pass


@contextmanager
def jupyterlab(
    root: Path = ROOT,
    workdir: Path | None = None,
    timeout: float = 90.0,
    env_overrides: dict[str, str] | None = None,
    settings: dict[str, dict] | None = None,
) -> Iterator[LabServer]:
    """Start JupyterLab on 127.0.0.1 with a token and a throw-away profile; stop it afterwards.

    ``env_overrides`` are added to the server's environment, which its kernels inherit (e.g. the
    TensorFlow CPU variables of another kind of processor); ``settings`` are added to the
    profile's user settings (e.g. :data:`DARK_THEME`).
    """
    owned = workdir is None
    if workdir is None:
        workdir = Path(tempfile.mkdtemp(prefix="lab-profile-"))
    try:
        # PYTEST_CURRENT_TEST would make ipykernel stop capturing native (file-descriptor) output,
        # which a learner's JupyterLab shows as a red block: drop it so that the check sees it too.
        env = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith(("JUPYTER", "JPY_"))
            and k not in ("MPLBACKEND", "IPYTHONDIR", "PYTEST_CURRENT_TEST")
        }
        env.update(env_overrides or {})
        folders = {
            "JUPYTER_CONFIG_DIR": "config",
            "JUPYTER_DATA_DIR": "data",
            "JUPYTER_RUNTIME_DIR": "runtime",
            "JUPYTERLAB_SETTINGS_DIR": "settings",
            "JUPYTERLAB_WORKSPACES_DIR": "workspaces",
            "IPYTHONDIR": "ipython",
        }
        for variable, name in folders.items():
            (workdir / name).mkdir(parents=True, exist_ok=True)
            env[variable] = str(workdir / name)
        env["PYTHONHASHSEED"] = "0"  # as `make lab` sets it
        for plugin, values in {**LAB_SETTINGS, **(settings or {})}.items():
            path = workdir / "settings" / f"{plugin}.jupyterlab-settings"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(values, indent=2))
        port, token = free_port(), secrets.token_hex(24)
        log = workdir / "jupyterlab.log"
        command = [
            sys.executable,
            "-m",
            "jupyterlab",
            "--no-browser",
            "--ServerApp.ip=127.0.0.1",
            f"--ServerApp.port={port}",
            "--ServerApp.port_retries=0",
            f"--IdentityProvider.token={token}",
            f"--ServerApp.root_dir={root}",
            f"--FileCheckpoints.checkpoint_dir={workdir / 'checkpoints'}",
            "--LabApp.news_url=",
            "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
            "--LabApp.extension_manager=readonly",
        ]
        if hasattr(os, "geteuid") and os.geteuid() == 0:  # CI and containers run as root
            command.append("--allow-root")
        with log.open("wb") as log_file:
            process = subprocess.Popen(
                command,
                env=env,
                cwd=root,
                stdout=log_file,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,
            )
        server = LabServer(f"http://127.0.0.1:{port}/", token, root, log, process)
        try:
            deadline = time.monotonic() + timeout
            while True:
                if process.poll() is not None:
                    raise RuntimeError(
                        f"JupyterLab exited with code {process.returncode}:\n" + server.log_tail()
                    )
                try:
                    with urllib.request.urlopen(
                        f"{server.url}api/status?token={token}", timeout=5
                    ) as r:
                        if r.status == 200:
                            break
                except (urllib.error.URLError, ConnectionError, TimeoutError):
                    pass
                if time.monotonic() > deadline:
                    raise RuntimeError(
                        f"JupyterLab did not answer within {timeout:.0f} s:\n" + server.log_tail()
                    )
                time.sleep(0.25)
            yield server
        finally:
            _stop(process)
            _stop_kernels(workdir / "runtime")
    finally:
        if owned:
            shutil.rmtree(workdir, ignore_errors=True)


@contextmanager
def chromium(viewport: tuple[int, int] = (1400, 1000)) -> Iterator[Page]:
    """A page of headless Debian Chromium with a fresh user data dir; closed afterwards."""
    from playwright.sync_api import sync_playwright

    if not CHROMIUM.exists():
        raise RuntimeError(f"{CHROMIUM} is missing: apt-get install -y chromium")
    user_data = Path(tempfile.mkdtemp(prefix="chromium-profile-"))
    playwright = sync_playwright().start()
    try:
        context = playwright.chromium.launch_persistent_context(
            str(user_data),
            executable_path=str(CHROMIUM),
            headless=True,
            args=CHROMIUM_ARGS,
            viewport={"width": viewport[0], "height": viewport[1]},
        )
        try:
            page = context.pages[0] if context.pages else context.new_page()
            yield page
        finally:
            context.close()
    finally:
        playwright.stop()
        shutil.rmtree(user_data, ignore_errors=True)


@dataclass
class Report:
    notebook: str
    code_cells: int = 0
    cells_run: int = 0
    seconds: float = 0.0
    red_outputs: list[str] = field(default_factory=list)  # text of each red block
    sliders: int = 0
    slider_before: str | None = None  # the moved slider's readout
    slider_after: str | None = None
    figure_changed: bool | None = None  # None: no figure under the slider
    screenshots: list[Path] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    kernel_name: str = ""  # as the notebook's toolbar shows it
    expected_kernel: str = ""  # the notebook's kernelspec display name
    dialogs: list[str] = field(default_factory=list)  # any dialog open at the end
    kernel_peak_mb: float | None = None  # the kernel's peak resident memory, from /proc
    explorer: bool = True  # the notebook has an explorer (a cell calls regutils.explore)
    stored_explorer: str | None = None  # what the explorer cell shows before anything runs
    redraw_seconds: float | None = None  # key press on the slider -> new figure: the fastest try
    redraw_tries: list[float] = field(default_factory=list)  # every timed press, in order
    quiz: dict[str, str] = field(default_factory=dict)  # answer given -> feedback shown

    def setup_problems(self) -> list[str]:
        """What is wrong after running the set-up cell only (see :func:`run_setup_cell`)."""
        found = []
        if self.kernel_name != self.expected_kernel:
            found.append(
                f"kernel {self.kernel_name!r}, but the notebook asks for {self.expected_kernel!r}"
            )
        for text in self.dialogs:
            found.append("a dialog is open: " + " ".join(text.split()))
        if self.cells_run != 1:
            found.append(f"{self.cells_run} cells ran; expected the set-up cell alone")
        for text in self.red_outputs:
            found.append("red output block:\n" + text.strip()[:2000])
        return found

    def problems(self) -> list[str]:
        """What is wrong after Run All and a move of the explorer's slider."""
        found = [
            p for p in self.setup_problems() if not p.endswith("expected the set-up cell alone")
        ]
        if self.cells_run != self.code_cells:
            found.append(f"{self.cells_run} of {self.code_cells} code cells ran")
        if self.stored_explorer is not None and (
            "interactive(children" in self.stored_explorer or "Run All" not in self.stored_explorer
        ):
            found.append(
                "opened without running, the explorer shows "
                f"{self.stored_explorer.strip()[:200]!r}, not its one-line fallback"
            )
        for answer, shown in self.quiz.items():
            if shown != QUIZ_EXPECTED[answer]:
                found.append(f"quiz: the {answer} answer showed {shown!r}")
        if not self.explorer:
            return found
        if not self.sliders:
            found.append("no ipywidgets slider was rendered")
        elif self.slider_before == self.slider_after:
            found.append(f"the slider did not move (readout {self.slider_before!r})")
        elif self.figure_changed is None:
            found.append("no figure under the explorer's slider")
        elif not self.figure_changed:
            found.append("moving the slider did not change the figure")
        elif self.redraw_seconds is not None and self.redraw_seconds > REDRAW_BUDGET_S:
            found.append(
                f"the explorer took {self.redraw_seconds} s to redraw at best (tries: "
                f"{self.redraw_tries} s; budget {REDRAW_BUDGET_S} s)"
            )
        return found


def menu(page, title: str, item: str) -> None:
    """Choose ``title`` ▸ ``item`` from JupyterLab's menu bar, as a learner would."""
    exactly = lambda text: re.compile(rf"^\s*{re.escape(text)}\s*$")  # noqa: E731
    page.locator(".lm-MenuBar-item", has_text=exactly(title)).click()
    label = page.locator(".lm-Menu-itemLabel", has_text=exactly(item))
    page.locator(".lm-Menu-item", has=label).click()  # strict: exactly one such item


def _read(notebook: Path) -> tuple[int, str, bool]:
    """Number of code cells, the display name of the notebook's kernel, and whether a cell calls
    ``regutils.explore(`` (an explorer to check)."""
    content = json.loads(notebook.read_text())
    kernel = content.get("metadata", {}).get("kernelspec", {}).get("display_name", "")
    code = ["".join(cell["source"]) for cell in content["cells"] if cell["cell_type"] == "code"]
    return len(code), kernel, any(EXPLORER_CODE in source for source in code)


def _figure_sources(output_area) -> list[str]:
    return output_area.locator("img").evaluate_all("imgs => imgs.map(i => i.src)")


_PROGRESS = """panel => {
    const prompts = [...panel.querySelectorAll('.jp-CodeCell .jp-InputArea-prompt')];
    const name = panel.querySelector('[data-jp-item-name="kernelName"]');
    const status = panel.querySelector('.jp-Notebook-ExecutionIndicator');
    return {
        run: prompts.filter(p => /\\[\\d+\\]/.test(p.textContent)).length,
        queued: prompts.filter(p => /\\[\\*\\]/.test(p.textContent)).length,
        kernel: name ? name.textContent.trim() : '',
        status: status ? status.getAttribute('data-status') : null,
    };
}"""


def _wait(page, panel, done, timeout: float, what: str, settle: int = 3) -> dict:
    """Poll the notebook's prompts and kernel status until ``done(state)`` holds ``settle`` times
    in a row (250 ms apart)."""
    deadline, streak = time.monotonic() + timeout, 0
    while True:
        state = panel.evaluate(_PROGRESS)
        streak = streak + 1 if done(state) else 0
        if streak >= settle:
            return state
        if time.monotonic() > deadline:
            raise TimeoutError(f"{what}: not done after {timeout:.0f} s (last state {state})")
        page.wait_for_timeout(250)


def _start(page, server: LabServer, notebook: str, out_dir: Path):
    """A new report on ``notebook``, its screenshot function, and the opened notebook's panel."""
    code_cells, kernel, explorer = _read(server.root / notebook)
    report = Report(notebook, code_cells=code_cells, expected_kernel=kernel, explorer=explorer)
    shot = _screenshots(report, page, out_dir)
    page.set_default_timeout(60_000)
    return report, shot, _open(page, server, notebook, report, shot)


def _code_cell(panel, code: str):
    """The code cells whose source contains ``code``."""
    # The inner locator is matched inside each cell, so it starts from the page, not the panel.
    return panel.locator(".jp-CodeCell").filter(
        has=panel.page.locator(".jp-InputArea-editor", has_text=code)
    )


def _open(page, server: LabServer, notebook: str, report: Report, shot):
    """Open ``notebook``, wait for its kernel, look at the explorer as stored (a learner who opens
    the lesson without running it sees that), clear the stored outputs; return the panel."""
    page.on(
        "console", lambda m: report.console_errors.append(m.text) if m.type == "error" else None
    )

    page.goto(server.lab_url(notebook))
    panel = page.locator(".jp-NotebookPanel").first
    panel.wait_for(state="visible")
    page.wait_for_timeout(500)
    panels = page.locator(".jp-NotebookPanel").count()
    if panels != 1:
        raise RuntimeError(f"expected one open notebook, found {panels}")
    # The kernel starts with the notebook. Until it has, the toolbar says "No Kernel" while the
    # status circle already says idle: ready means a kernel's name and idle.
    state = _wait(
        page,
        panel,
        lambda s: s["kernel"] and s["kernel"] != "No Kernel" and s["status"] == "idle",
        120,
        "starting the kernel",
    )
    report.kernel_name = state["kernel"]

    explorer = _code_cell(panel, EXPLORER_CODE)
    if explorer.count() == 1:
        explorer.scroll_into_view_if_needed()
        page.wait_for_timeout(500)
        report.stored_explorer = explorer.locator(".jp-OutputArea").first.inner_text()
        shot("explorer-stored", explorer)

    # Clear the stored outputs first, so an execution count on the screen means "ran just now".
    menu(page, "Edit", "Clear Outputs of All Cells")
    _wait(page, panel, lambda s: s["run"] == 0, 30, "clearing the outputs", settle=1)
    return panel


def _screenshots(report: Report, page: Page, out_dir: Path):
    """A function ``shot(name, target=None)`` that saves ``out_dir/STEM-name.png`` (old ones go)."""
    stem = Path(report.notebook).stem
    out_dir.mkdir(parents=True, exist_ok=True)
    for old in out_dir.glob(f"{stem}-*.png"):
        old.unlink()

    def shot(name: str, target: Locator | None = None) -> None:
        path = out_dir / f"{stem}-{name}.png"
        (page if target is None else target).screenshot(path=str(path))
        report.screenshots.append(path)

    return shot


def run_setup_cell(
    page, server: LabServer, notebook: str, out_dir: Path, timeout: float = 120.0
) -> Report:
    """Open ``notebook``, run only its set-up cell (the one calling ``setup_notebook(``, else the
    first code cell), report red blocks.

    The set-up cell is where TensorFlow loads, and with it any native start-up log that JupyterLab
    shows under the cell. ``Report.setup_problems()`` lists what a learner would see wrongly.
    """
    report, shot, panel = _start(page, server, notebook, out_dir)
    start = time.monotonic()
    setup = _code_cell(panel, "setup_notebook(").first  # after a Colab set-up cell, if any
    if setup.count() == 0:
        setup = panel.locator(".jp-CodeCell").first
    setup.locator(".jp-InputArea-editor").click()
    page.keyboard.press("Shift+Enter")
    state = _wait(
        page,
        panel,
        lambda s: s["run"] >= 1 and s["queued"] == 0 and s["status"] == "idle",
        timeout,
        f"the set-up cell of {notebook}",
    )
    report.seconds = round(time.monotonic() - start, 1)
    report.cells_run = state["run"]
    page.wait_for_timeout(1000)  # late native output arrives through the kernel's stderr pipe
    report.red_outputs = panel.locator(RED_OUTPUTS).all_inner_texts()
    report.dialogs = page.locator(".jp-Dialog").all_inner_texts()
    setup.scroll_into_view_if_needed()
    shot("setup-cell")
    return report


def run_in_jupyterlab(
    page,
    server: LabServer,
    notebook: str,
    out_dir: Path,
    timeout: float = 300.0,
    quiz: tuple[str, str] | None = None,
) -> Report:
    """Open ``notebook`` (relative to the server root), run all cells, move the explorer's slider.

    With ``quiz=(wrong, right)``, also answer the lesson's first quiz question with the buttons,
    first with the letter ``wrong``, then ``right``, and record the feedback each one shows.
    """
    report, shot, panel = _start(page, server, notebook, out_dir)
    start = time.monotonic()
    menu(page, "Run", "Run All Cells")
    # Done when the kernel is idle and no cell is queued ("[*]:"). Run All stops at a cell that
    # raises; the cells after it then show no count, which cells_run reports.
    state = _wait(
        page,
        panel,
        lambda s: s["run"] > 0 and s["queued"] == 0 and s["status"] == "idle",
        timeout,
        f"Run All Cells of {notebook}",
    )
    report.seconds = round(time.monotonic() - start, 1)
    report.cells_run = state["run"]
    page.wait_for_timeout(1000)  # let the last figures and widgets finish drawing

    red = panel.locator(RED_OUTPUTS)
    report.red_outputs = red.all_inner_texts()
    sliders = panel.locator(SLIDER)
    report.sliders = sliders.count()

    # The window as the learner sees it at the top of the lesson, then the whole notebook in one
    # tall picture (the notebook scrolls inside the window, so a "full page" shot would not do).
    scroller = panel.locator(".jp-WindowedPanel-outer").first
    scroller.evaluate("el => el.scrollTo(0, 0)")
    page.wait_for_timeout(300)
    shot("window")
    viewport = page.viewport_size
    # The scroller's own height includes room to scroll past the end (it grows with the window):
    # measure to the last cell's bottom instead, again after cells drawn for the first time grew.
    content = """el => {
        const cells = el.querySelectorAll('.jp-Cell');
        const last = cells[cells.length - 1];
        const bottom = last.getBoundingClientRect().bottom - el.getBoundingClientRect().top + el.scrollTop;
        return [bottom, el.clientHeight];
    }"""
    for _ in range(4):
        bottom, visible = scroller.evaluate(content)
        if bottom + 10 <= visible:
            break
        size = page.viewport_size
        height = min(16_000, int(size["height"] + bottom + 20 - visible))
        if height <= size["height"]:
            break
        page.set_viewport_size({"width": size["width"], "height": height})
        page.wait_for_timeout(1000)
    shot("notebook")
    page.set_viewport_size(viewport)
    page.wait_for_timeout(500)

    if report.sliders:
        _move_slider(page, panel, report, shot)
        report.red_outputs = red.all_inner_texts()  # the slider's own run counts too
    if quiz is not None:
        _answer_quiz(page, panel, report, shot, *quiz)
        report.red_outputs = red.all_inner_texts()
    report.dialogs = page.locator(".jp-Dialog").all_inner_texts()
    report.kernel_peak_mb = server.kernel_peak_mb(notebook)
    return report


def _move_slider(page, panel, report: Report, shot) -> None:
    """Press an arrow key on the explorer's first slider and time the redraw, up to
    :data:`REDRAW_TRIES` times until one is within budget; screenshots around the first."""
    explorer = panel.locator(".jp-Cell").filter(has=page.locator(SLIDER)).first
    slider = explorer.locator(SLIDER).first
    output = explorer.locator(".widget-output").first
    if output.count() == 0:
        output = explorer
    explorer.scroll_into_view_if_needed()
    page.wait_for_timeout(500)
    shot("explorer-before", explorer)
    readout = slider.locator(".widget-readout").first
    report.slider_before = readout.text_content() if readout.count() else None
    handle = slider.locator(SLIDER_HANDLE).first
    at_max = handle.get_attribute("aria-valuenow") == handle.get_attribute("aria-valuemax")
    keys = ["ArrowLeft", "ArrowRight"] if at_max else ["ArrowRight", "ArrowLeft"]
    for attempt in range(REDRAW_TRIES):
        before = _figure_sources(output)
        handle.focus()
        start = time.monotonic()
        page.keyboard.press(keys[attempt % 2])  # there and back: the slider stays in range
        if attempt == 0:
            report.slider_after = readout.text_content() if readout.count() else None
        if before:
            try:  # polled on every animation frame, so the time is accurate to a few ms
                page.wait_for_function(
                    """([area, old]) => {
                        const now = [...area.querySelectorAll('img')].map(i => i.src);
                        return now.length > 0 && JSON.stringify(now) !== JSON.stringify(old);
                    }""",
                    arg=[output.element_handle(), before],
                    timeout=120_000,
                    polling="raf",
                )
                report.redraw_tries.append(round(time.monotonic() - start, 2))
                report.figure_changed = True
            except PlaywrightTimeout:
                report.figure_changed = False
        _wait(page, panel, lambda s: s["status"] == "idle", 120, "redrawing the explorer")
        page.wait_for_timeout(500)
        if attempt == 0:
            shot("explorer-after", explorer)
        if not report.figure_changed or report.redraw_tries[-1] <= REDRAW_BUDGET_S:
            break
    report.redraw_seconds = min(report.redraw_tries) if report.redraw_tries else None


def _answer_quiz(page, panel, report: Report, shot, wrong: str, right: str) -> None:
    """Answer the first quiz question with its buttons: ``wrong``, then ``right``."""
    cell = _code_cell(panel, 'quiz.ask("1")')
    cell.scroll_into_view_if_needed()
    for kind, letter in (("wrong", wrong), ("right", right)):
        cell.locator(".widget-radio-box label", has_text=re.compile(rf"^\s*{letter}\)")).click()
        cell.locator("button", has_text="Check").click()
        box = cell.locator(f"{FEEDBACK}.regutils-{QUIZ_EXPECTED[kind]}, {FEEDBACK}.regutils-usage")
        try:
            box.first.wait_for(state="visible", timeout=10_000)
            classes = box.first.get_attribute("class") or ""
            report.quiz[kind] = classes.split("regutils-")[-1]
        except PlaywrightTimeout:
            report.quiz[kind] = "nothing"
        page.wait_for_timeout(300)
        shot(f"quiz-{kind}", cell)


def exercise_steps(
    exercise: str, wrong: str, right: str, misuse: str
) -> list[tuple[str, str, str, str]]:
    """(step name, code typed into the answer cell, cell showing the feedback, expected kind)."""
    return [
        ("wrong-answer", wrong, "check", "not-yet"),
        ("hint", f'ex.hint("{exercise}")', "answer", "hint"),
        ("solution", f'ex.solution("{exercise}")', "answer", "solution"),
        ("misuse", misuse, "answer", "usage"),
        ("right-answer", right, "check", "correct"),
    ]


def exercise_flow(
    page,
    server: LabServer,
    notebook: str,
    out_dir: Path,
    steps: list[tuple[str, str, str, str]],
    exercise: str = "1",
    timeout: float = 120.0,
) -> tuple[Report, dict[str, str]]:
    """Work through an exercise as a learner: Run All, then type each step's code into the answer
    cell of ``exercise`` and run it (and its check cell when the feedback shows there).

    Returns the report (red blocks, cells run) and, per step, the kind of feedback box shown
    (``"nothing"`` when none appeared).
    """
    report, shot, panel = _start(page, server, notebook, out_dir)
    menu(page, "Run", "Run All Cells")
    idle = lambda s: s["run"] > 0 and s["queued"] == 0 and s["status"] == "idle"  # noqa: E731
    state = _wait(page, panel, idle, timeout, f"Run All Cells of {notebook}")
    report.cells_run = state["run"]
    cells = panel.locator(".jp-CodeCell")
    sources = cells.locator(".jp-InputArea-editor").all_text_contents()
    check_index = next(i for i, text in enumerate(sources) if f'ex.check("{exercise}"' in text)
    cell = {"answer": cells.nth(check_index - 1), "check": cells.nth(check_index)}
    seen: dict[str, str] = {}
    for name, code, where, expected in steps:
        editor = cell["answer"].locator(".jp-InputArea-editor")
        editor.click()
        page.keyboard.press("Control+a")
        page.keyboard.insert_text(code)
        page.keyboard.press("Control+Enter")
        _wait(page, panel, lambda s: s["queued"] == 0 and s["status"] == "idle", timeout, name)
        if where == "check":
            cell["check"].locator(".jp-InputArea-editor").click()
            page.keyboard.press("Control+Enter")
            _wait(page, panel, lambda s: s["queued"] == 0 and s["status"] == "idle", timeout, name)
        box = cell[where].locator(f"{FEEDBACK}.regutils-{expected}")
        try:
            box.first.wait_for(state="visible", timeout=10_000)
            seen[name] = expected
        except PlaywrightTimeout:
            shown = cell[where].locator(FEEDBACK)
            classes = shown.first.get_attribute("class") if shown.count() else None
            seen[name] = classes.split("regutils-")[-1] if classes else "nothing"
        cell[where].scroll_into_view_if_needed()
        page.wait_for_timeout(300)
        shot(f"exercise-{name}", cell["answer"] if where == "answer" else cell["check"])
    report.red_outputs = panel.locator(RED_OUTPUTS).all_inner_texts()
    report.dialogs = page.locator(".jp-Dialog").all_inner_texts()
    return report, seen


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("notebooks", nargs="+", help="paths relative to the repository root")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="folder for screenshots")
    args = parser.parse_args(argv)
    failed = 0
    with jupyterlab() as server:
        for notebook in args.notebooks:
            with chromium() as page:
                report = run_in_jupyterlab(page, server, notebook, args.out)
            server.stop_kernels()
            problems = report.problems()
            failed += bool(problems)
            print(
                f"{'FAIL' if problems else 'OK  '} {notebook}: {report.cells_run}/{report.code_cells}"
                f" cells in {report.seconds} s, {report.sliders} slider(s), slider "
                f"{report.slider_before} -> {report.slider_after}, figure changed: "
                f"{report.figure_changed}, kernel {report.kernel_name!r}, kernel peak memory "
                f"{report.kernel_peak_mb} MB"
            )
            for problem in problems:
                print("     " + problem.replace("\n", "\n     "))
            for path in report.screenshots:
                print(
                    f"     screenshot: {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}"
                )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
