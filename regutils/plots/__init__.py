"""Plot helpers: one function, one figure. Each returns its Axes (or Figure) and never calls
``plt.show()``, so a lesson can add to the figure or save it. The models are fitted in the
notebook; these functions only draw them.

One module per figure, named after it as in mglearn (``plot_ridge.py``), so the name in a
notebook's call leads straight to the file; a figure's multi-panel or special-case variant lives
beside it. By lesson:

- ``fit.py`` — :func:`plot_fit`, :func:`plot_fits`: lesson 01.
- ``error_curve.py`` — :func:`plot_error_curve`: lessons 01, 02; :func:`plot_learning_curve`: 01.
- ``coefficient_path.py`` — :func:`plot_coefficient_path`: lessons 02, 03, 04.
- ``history.py`` — :func:`plot_history`: lessons 07, 08, 09, 10.
- ``weight_histograms.py`` — :func:`plot_weight_histograms`: lesson 07.
- ``reliability.py`` — :func:`plot_reliability`: lesson 11.
- ``_style.py`` (private) — what the figures share: colours, a new Axes, the panel grid, the
  legend and the marker line.

One module per topic (linear models, neural networks) would make fewer files, but a name would
no longer say where its code is, and the error curves serve lesson 01 as well as the linear
lessons. Import the functions from here (``from regutils.plots import plot_fit``) or from
``regutils`` (``regutils.plot_fit``). Nothing here imports TensorFlow: the neural-network figures
take tables and arrays, not Keras objects.
"""

from __future__ import annotations

from regutils.plots.coefficient_path import plot_coefficient_path
from regutils.plots.error_curve import plot_error_curve, plot_learning_curve
from regutils.plots.fit import plot_fit, plot_fits
from regutils.plots.history import plot_history
from regutils.plots.reliability import plot_reliability
from regutils.plots.weight_histograms import plot_weight_histograms

__all__ = [
    "plot_coefficient_path",
    "plot_error_curve",
    "plot_fit",
    "plot_fits",
    "plot_history",
    "plot_learning_curve",
    "plot_reliability",
    "plot_weight_histograms",
]
