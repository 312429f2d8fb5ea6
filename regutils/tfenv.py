"""Load TensorFlow the same way on every machine: same kernels, same threads, nothing on stderr.

Why this exists
---------------
TensorFlow picks its CPU kernels at run time. On a processor with AVX-512 (recent AMD laptops,
many cloud machines, Colab) it turns on oneDNN and its AVX-512 code paths, which add floating-point
numbers in another order: training curves, best epochs and accuracies then drift away from the
stored outputs after a few epochs, and at import TensorFlow writes two lines to the process's
stderr (``WARNING: All log messages before absl::InitializeLog() ...`` and ``oneDNN custom
operations are on ...``), which JupyterLab shows as a red block under the set-up cell.

Before TensorFlow is imported, :func:`configure` therefore sets, *unless you have set them
yourself*:

- ``TF_ENABLE_ONEDNN_OPTS=0`` — TensorFlow's own kernels instead of oneDNN's graph rewrites;
- ``ONEDNN_MAX_CPU_ISA=AVX2`` (x86 only) — the matrix products TensorFlow still sends to oneDNN
  use AVX2 code, which every x86 processor since 2013 has;

so that every such machine computes what the stored notebooks show. To see what your own CPU's
fastest kernels do, set the variables before starting Jupyter, e.g.
``ONEDNN_MAX_CPU_ISA=AVX512_CORE TF_ENABLE_ONEDNN_OPTS=1``; the course's claims still hold (CI
checks them under a simulated other CPU), only the digits differ.

:func:`import_tensorflow` then imports TensorFlow and Keras with their start-up chatter (Python
warnings, absl/C++ INFO and WARNING lines written straight to file descriptor 2) filtered out;
any other native output, such as an error, is passed on.
"""

from __future__ import annotations

import contextlib
import os
import platform
import re
import sys
import tempfile
import warnings
from collections.abc import Iterator
from types import ModuleType

__all__ = ["CPU_DEFAULTS", "configure", "filter_chatter", "import_tensorflow"]

#: Set before TensorFlow loads, unless already in the environment (see the module docstring).
CPU_DEFAULTS: dict[str, str] = {"TF_ENABLE_ONEDNN_OPTS": "0", "ONEDNN_MAX_CPU_ISA": "AVX2"}

# Native start-up lines that are chatter, not problems: absl's notice that it logs before being
# initialised, and INFO (I) or WARNING (W) lines in absl's format ("I0000 00:00:... file.cc:153] ").
_CHATTER = re.compile(
    r"^(WARNING: All log messages before absl::InitializeLog\(\) is called"
    r"|[IW]\d{4} [\d:. ]+\s*\d*\s*\S+\.cc:\d+\]"
    r"|To enable the following instructions:"
    r"|This TensorFlow binary is optimized to use available CPU instructions)"
)


def configure(threads: int = 2) -> None:
    """Set TensorFlow's environment variables; call it before TensorFlow is first imported.

    ``TF_CPP_MIN_LOG_LEVEL``, the thread counts and ``KERAS_BACKEND`` are set outright (the course
    needs them); :data:`CPU_DEFAULTS` only where the environment does not name them already, so
    that a test or a curious learner can choose other CPU kernels.

    Examples
    --------
    >>> configure(threads=2)
    >>> os.environ["TF_NUM_INTRAOP_THREADS"], os.environ["TF_ENABLE_ONEDNN_OPTS"] in ("0", "1")
    ('2', True)
    """
    os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"  # no C++ banners in lessons, whatever the shell set
    os.environ["TF_NUM_INTRAOP_THREADS"] = str(threads)
    os.environ["TF_NUM_INTEROP_THREADS"] = "1"
    os.environ.setdefault("KERAS_BACKEND", "tensorflow")
    os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", CPU_DEFAULTS["TF_ENABLE_ONEDNN_OPTS"])
    if platform.machine().lower() in ("x86_64", "amd64", "i386", "i686", "x86"):
        os.environ.setdefault("ONEDNN_MAX_CPU_ISA", CPU_DEFAULTS["ONEDNN_MAX_CPU_ISA"])


def import_tensorflow() -> tuple[ModuleType, ModuleType]:
    """Import ``tensorflow`` and ``keras`` quietly and return both modules.

    Call :func:`configure` first. Import-time Python warnings are suppressed (later warnings still
    show); native stderr lines are filtered as the module docstring describes.
    """
    with _filtered_native_stderr(), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import keras
        import tensorflow as tf
    import logging

    logging.getLogger("tensorflow").setLevel(logging.ERROR)
    import absl.logging  # ships with TensorFlow

    absl.logging.set_verbosity(absl.logging.ERROR)
    return tf, keras


def filter_chatter(text: str) -> str:
    """The lines of ``text`` that are not known TensorFlow start-up chatter.

    Examples
    --------
    >>> filter_chatter("I0000 00:00:1700000000.123456   42 port.cc:153] oneDNN custom operations "
    ...                "are on.\\nE0000 real trouble\\n")
    'E0000 real trouble\\n'
    """
    kept = [
        line for line in text.splitlines(keepends=True) if line.strip() and not _CHATTER.match(line)
    ]
    return "".join(kept)


@contextlib.contextmanager
def _filtered_native_stderr() -> Iterator[None]:
    """Send file descriptor 2 to a temporary file meanwhile; pass on what is not chatter."""
    try:
        sys.stderr.flush()
        saved = os.dup(2)
    except (OSError, ValueError, AttributeError):  # no usable fd 2 (some embedded interpreters)
        yield
        return
    with tempfile.TemporaryFile() as capture:
        os.dup2(capture.fileno(), 2)
        try:
            yield
        finally:
            os.dup2(saved, 2)
            os.close(saved)
            capture.seek(0)
            rest = filter_chatter(capture.read().decode("utf-8", errors="replace"))
            if rest:
                sys.stderr.write(rest)
                sys.stderr.flush()
