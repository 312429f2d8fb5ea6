"""From scratch, then checked: NumPy implementations of the techniques the course teaches.

Each module implements one technique in plain NumPy (``lasso``, ``dropout``, ``batchnorm``) and
its tests check it against the library version (scikit-learn or Keras) with stated tolerances,
plus numerical gradient checks where there is a backward pass. Lessons import them explicitly,
e.g. ``from regutils.scratch.lasso import soft_threshold``.
"""
