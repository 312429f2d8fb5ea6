# %% [markdown]
# # 00 · Start here
#
# Welcome to **Regularization in Practice**, a hands-on course about the techniques that stop
# machine-learning models from memorising their training data: L2 and L1 penalties, elastic net,
# dropout, batch normalization and early stopping — in scikit-learn and Keras, on a CPU laptop,
# offline.
#
# ### Learning objectives
# After this notebook you can
# 1. find your way around the course: lessons, exercises, solutions and data;
# 2. check that your machine is ready, and know what to do when a check fails;
# 3. read a lesson the way it is meant to be read: claims, the numbers behind them, and what ✔ and
#    ✘ mean.
# 4. translate between λ and each library's knob for it (`alpha`, `C`, `l1_ratio`, `l2`,
#    `weight_decay`), with the objective each one multiplies.
#
# **Time:** about 10 minutes to work through; the notebook runs top to bottom in <!--time:00_start_here-->4.3 s<!--/time--> on a 2-core CPU.
#
# **How to read this notebook.** Outputs are stored, so you can read first and run later
# (*Run ▸ Run All Cells*). Lines that start with ✔ are **claims**: a statement from the text,
# the number this run measured, and the rule it must meet — for example
# `✔ the true curve's own error on noisy points is about the noise level, 0.3: 0.31 (claim: = 0.30 ± 0.03)`.
# The course's tests re-run every lesson under other random seeds and on other kinds of CPU and fail
# if a claim stops holding. If you change something and see ✘, the claim does not hold for *your*
# run: that is what your change did, not a bug.

# %% [markdown]
# ## The course map
#
# | # | lesson | what you learn | time | after | notebook |
# |---|---|---|---:|---|---|
# | 00 | Start here | how the course works; checking your setup | 10 min | — | this one |
# | 01 | Overfitting and underfitting | train vs test error; exploding weights; more data; a first penalty; validation and learning curves | 45 min | 00 | [01_overfitting](01_overfitting.ipynb) · [exercises](01_overfitting_exercises.ipynb) |
# | 02 | Ridge regression (L2) | shrinkage, scaling, correlated features, `RidgeCV` | 65 min | 01 | [02_ridge](02_ridge.ipynb) · [exercises](02_ridge_exercises.ipynb) |
# | 03 | The lasso (L1) | sparsity, feature selection, coordinate descent from scratch | 50 min | 02 | [03_lasso](03_lasso.ipynb) · [exercises](03_lasso_exercises.ipynb) |
# | 04 | Elastic Net | mixing L1 and L2; correlated groups | 40 min | 02, 03 | [04_elastic_net](04_elastic_net.ipynb) · [exercises](04_elastic_net_exercises.ipynb) |
# | 05 | Tuning λ | cross-validation, the one-standard-error rule, path vs grid search, nested CV | 45 min | 01–04 | [05_tuning](05_tuning.ipynb) · [exercises](05_tuning_exercises.ipynb) |
# | 06 | Regularized classification | logistic regression and log-loss, a leak-free pipeline, L1 vs L2 on the heart data | 60 min | 05 | [06_regularized_classification](06_regularized_classification.ipynb) · [exercises](06_regularized_classification_exercises.ipynb) |
# | 07 | Weight penalties in neural networks | Keras `kernel_regularizer`, AdamW | 50 min | 02, 03, 06 | [07_weight_penalties](07_weight_penalties.ipynb) · [exercises](07_weight_penalties_exercises.ipynb) |
# | 08 | Dropout | inverted dropout, rates compared on paired runs, Monte Carlo dropout | 50 min | 07 | [08_dropout](08_dropout.ipynb) · [exercises](08_dropout_exercises.ipynb) |
# | 09 | Batch normalization | training vs inference statistics, does it regularize? | 60 min | 07, 08 | [09_batch_normalization](09_batch_normalization.ipynb) · [exercises](09_batch_normalization_exercises.ipynb) |
# | 10 | Early stopping | patience, `restore_best_weights`, custom callbacks | 45 min | 07–09 | [10_early_stopping](10_early_stopping.ipynb) · [exercises](10_early_stopping_exercises.ipynb) |
# | 11 | Regularizing with data and targets | augmentation layers, label smoothing, noise, max-norm, capacity | 50 min | 06–08, 10 | [11_data_and_targets](11_data_and_targets.ipynb) · [exercises](11_data_and_targets_exercises.ipynb) |
# | 12 | Choosing and combining regularizers | a decision guide from the course's own measurements | 50 min | 01–11 | [12_choosing_and_combining](12_choosing_and_combining.ipynb) · [exercises](12_choosing_and_combining_exercises.ipynb) |
#
# *Time* is what working through a lesson takes; *after* lists the lessons it builds on.
# Lessons build on each other: take them in order.

# %% [markdown]
# ## Where things live
#
# | folder | what is in it |
# |---|---|
# | `notebooks/` | the lessons (`NN_topic.ipynb`) and their exercises (`NN_topic_exercises.ipynb`) |
# | `solutions/` | worked solutions of every exercise notebook |
# | `data/` | the datasets that ship with the course, each described in `data/README.md` |
# | `regutils/` | the course's helper package: data loaders, plots, and this setup check |
# | `tests/` | the tests that keep every notebook running and every claim true |
# | [`GLOSSARY.md`](../GLOSSARY.md) | the course's terms, each with the lesson that defines it |
#
# ## How a lesson works
#
# Each lesson opens with its objectives, then moves in short sections: a few sentences, a small code
# cell, a figure or a number. The regularization itself — the `Ridge(alpha=...)` call, the
# `Dropout` layer — is always written out in the notebook; `regutils` only hides plotting and
# plumbing.
#
# Every lesson starts with the same setup call. It seeds the random number generators, fixes the
# number of threads, silences framework logs and sets the plot style. It returns `SEED`, the seed in
# force, from which the lesson derives every random choice (data, splits, initial weights), so a
# fresh run shows exactly the outputs stored in the notebook:

# %%
import numpy as np

import regutils
from regutils import claim

SEED = regutils.setup_notebook(seed=0)
print("seed in force:", SEED)

# %% [markdown]
# ## Claims: ✔ and ✘
#
# When the text states something the data should show, the next cell states it as a **claim**.
# Lesson 01, for example, starts from noisy points on the curve $y = \sin(2\pi x)$, with noise of
# standard deviation 0.3; even the true curve misses such points by about the noise level:

# %%
X, y = regutils.make_sine(n_samples=1000, noise=0.3, seed=SEED + 1)  # lesson 01's test points
true_curve_rmse = np.sqrt(np.mean((y - regutils.sine_curve(X)) ** 2))
claim("the true curve's own error on noisy points is about the noise level, 0.3",
      true_curve_rmse, equals=0.3, tol=0.03, fmt=".2f")

# %% [markdown]
# The line reads: ✔ (it holds), the statement, the number measured in *this* run (a root-mean-square
# error), and in brackets the rule it must meet. The course's tests re-run every lesson under other
# random seeds and on other kinds of CPU: the number changes a little, the rule must still hold.
#
# A claim that does not hold starts with ✘. Here is one, made with `evaluate_claim`, which shows the
# verdict without failing the course's tests:

# %%
from regutils.claims import evaluate_claim

evaluate_claim("the true curve's own error on noisy points is below 0.1", true_curve_rmse,
               below=0.1, fmt=".2f")

# %% [markdown]
# **If you see ✘ after changing something**, that is what your change did, not a bug. To get the
# stored behaviour back, undo the change and re-run the cell, or use *Kernel ▸ Restart Kernel and
# Run All Cells*. To try another seed yourself, start JupyterLab
# with, for example, `REGUTILS_SEED=3 jupyter lab` (or `REGUTILS_SEED=3 make lab`): `SEED` in each
# setup cell then shows 3, the numbers change, and every claim should still hold.

# %% [markdown]
# ## How the exercises work
#
# Each lesson has an exercise notebook next to it in `notebooks/`. An exercise states a question
# and gives you a cell marked `# Write your code here.` with the names to fill in, such as
# `chosen_degree = ...`. No later cell depends on your answer, so you can skip one and come back.
#
# Every exercise gives instant feedback, in the same three calls everywhere:
#
# | call | what it does |
# |---|---|
# | `ex.check("1", chosen_degree=chosen_degree, ...)` | ✔ **Correct**, or ✘ **Not yet** with the likely mistake (e.g. "that has the lowest *training* error") |
# | `ex.hint("1")` | the next hint, labelled "Hint 1 of 3": the first names the idea, later ones come closer to code |
# | `ex.solution("1")` | the worked solution, as code to read or paste |
#
# `ex` is made once, in the setup cell, with `ex = regutils.exercises("01")`. The check cell after
# each exercise is already written for you. Here is what it says before you have answered, and
# after a typical mistake (any answer gets a sentence like these, never an error message):

# %%
# NBVAL_CHECK_OUTPUT
ex = regutils.exercises("01")
ex.check("1", chosen_degree=..., val_rmse=..., final_rmse=...)
ex.check("1", chosen_degree=9, val_rmse=0.2, final_rmse=0.2)

# %% [markdown]
# Worked solutions are also in `solutions/`, with the same file name. (The exercise notebooks are
# generated from the solutions by `make exercises`, so the two never drift apart.)
#
# Each lesson also ends with a short **concept quiz**, "Check your understanding": three to five
# questions about the ideas rather than the code. Pick an answer and press *Check* (or type
# `quiz.answer("1", "b")`); a wrong choice says why it is tempting, the right one why it is right.

# %%
# NBVAL_CHECK_OUTPUT
from regutils import doctor

results = doctor.diagnose_all()
for result in results:
    # Details (versions, timings) vary from machine to machine; print them only for failures.
    print(doctor.format_finding(result) if result.status == "FAIL" else f"{result.status:5} {result.name}")

# %%
claim("every check passed (number of FAIL lines)",
      sum(result.status == "FAIL" for result in results), equals=0, fmt=".0f")

# %% [markdown]
# Every line should start with `OK`. A `FAIL` line ends with what to do about it; the most common
# fix is to run `make lab` again, which reinstalls the tested versions into the course's own
# environment (`.venv`). If your laptop will not cooperate, ask your instructor for the Binder or
# JupyterHub link: the course runs there unchanged.

# %% [markdown]
# ## One λ, many names: a map of the notations
#
# Every penalty in the course is a number that says how much the fit should care about small weights.
# Books call it λ; each library names it, and scales the loss it is weighed against, its own way. When
# a lesson moves between libraries, come back to this table. $n$ is the number of training samples,
# $\mathbf{w}$ the weights (never the intercept), $\hat p_i$ a predicted probability.
#
# | where | the knob | what the library minimises | the penalty grows when |
# |---|---|---|---|
# | books, lessons 01–02 | λ | $\sum_i (y_i - \hat y_i)^2 + \lambda \lVert\mathbf{w}\rVert_2^2$ | λ grows |
# | `Ridge(alpha=…)` (lesson 02) | `alpha` = λ | $\lVert\mathbf{y} - X\mathbf{w}\rVert_2^2 + \alpha \lVert\mathbf{w}\rVert_2^2$ | `alpha` grows |
# | `Lasso(alpha=…)` (lesson 03) | `alpha` | $\frac{1}{2n}\lVert\mathbf{y} - X\mathbf{w}\rVert_2^2 + \alpha \lVert\mathbf{w}\rVert_1$ | `alpha` grows |
# | `ElasticNet(alpha=…, l1_ratio=…)` (lesson 04) | `alpha`, `l1_ratio` = ρ | $\frac{1}{2n}\lVert\mathbf{y} - X\mathbf{w}\rVert_2^2 + \alpha\rho \lVert\mathbf{w}\rVert_1 + \frac{\alpha(1-\rho)}{2} \lVert\mathbf{w}\rVert_2^2$ | `alpha` grows |
# | `LogisticRegression(C=…, l1_ratio=…)` (lesson 06) | `C` (the *inverse* strength) | $C \sum_i \text{log-loss}_i + \frac{1}{2}\lVert\mathbf{w}\rVert_2^2$ (`l1_ratio=0`) or $+ \lVert\mathbf{w}\rVert_1$ (`l1_ratio=1`) | `C` **shrinks** |
# | Keras `kernel_regularizer=L2(l2)` / `L1(l1)` (lesson 07) | `l2`, `l1` | the batch's mean loss $+ \, l_2 \sum w^2$ (no ½) or $+ \, l_1 \sum \lvert w\rvert$, per layer | the factor grows |
# | Keras `AdamW(weight_decay=…)` (lesson 07) | `weight_decay` | not a loss term: each step also shrinks $\mathbf{w} \leftarrow \mathbf{w} - \eta\cdot\text{weight\_decay}\cdot\mathbf{w}$ ($\eta$ the learning rate) | it grows |
#
# So the same `alpha` is not the same penalty in `Ridge` and `Lasso` (one sums the squared errors,
# the other averages them and halves them), and a larger `C` means *less* regularization. The cell
# below checks the four scikit-learn rows against the library: it fits each model, then verifies
# that the fitted weights satisfy the optimality condition of the objective written in the table
# (the gradient, or for L1 the subgradient, is zero).

# %%
from sklearn.linear_model import ElasticNet, Lasso, LogisticRegression, Ridge

rng = np.random.default_rng(SEED)
X_toy = rng.normal(size=(60, 4))
y_toy = X_toy @ np.array([1.5, 0.0, -2.0, 0.5]) + rng.normal(size=60)
n = len(y_toy)

def l1_violation(w, correlation, strength):
    """How far w is from the L1 subgradient condition: correlation = strength·sign(w) (w ≠ 0),
    |correlation| ≤ strength (w = 0)."""
    nonzero = w != 0
    return max(np.max(np.abs(correlation[nonzero] - strength * np.sign(w[nonzero])), initial=0),
               np.max(np.abs(correlation[~nonzero]) - strength, initial=0))

w = Ridge(alpha=3.0, fit_intercept=False).fit(X_toy, y_toy).coef_
ridge_gap = np.max(np.abs(-2 * X_toy.T @ (y_toy - X_toy @ w) + 2 * 3.0 * w))

w = Lasso(alpha=0.3, fit_intercept=False, tol=1e-12, max_iter=100_000).fit(X_toy, y_toy).coef_
lasso_gap = l1_violation(w, X_toy.T @ (y_toy - X_toy @ w) / n, 0.3)

w = ElasticNet(alpha=0.3, l1_ratio=0.5, fit_intercept=False, tol=1e-12,
               max_iter=100_000).fit(X_toy, y_toy).coef_
enet_gap = l1_violation(w, X_toy.T @ (y_toy - X_toy @ w) / n - 0.3 * 0.5 * w, 0.3 * 0.5)

labels = (y_toy > 0).astype(float)
w = LogisticRegression(C=0.5, fit_intercept=False, tol=1e-12).fit(X_toy, labels).coef_[0]
p = 1 / (1 + np.exp(-X_toy @ w))
logistic_gap = np.max(np.abs(0.5 * X_toy.T @ (p - labels) + w))

claim("each fitted model satisfies the optimality condition of the objective in the table "
      "(largest violation: Ridge, Lasso, ElasticNet, LogisticRegression)",
      [ridge_gap, lasso_gap, enet_gap, logistic_gap], below=1e-4, fmt=".1e")

# %% [markdown]
# **Next:** [lesson 01 — overfitting and underfitting](01_overfitting.ipynb).

# %% [markdown]
# ## Further reading
#
# The course draws on these; each lesson lists the sections it uses.
#
# - G. James, D. Witten, T. Hastie, R. Tibshirani, J. Taylor, *An Introduction to Statistical
#   Learning with Applications in Python* (2023), ch. 5–6.
# - T. Hastie, R. Tibshirani, J. Friedman, *The Elements of Statistical Learning* (2nd ed., 2009),
#   ch. 3, 4 and 7.
# - C. M. Bishop, *Pattern Recognition and Machine Learning* (2006), §1.1 and §3.1.
# - I. Goodfellow, Y. Bengio, A. Courville, *Deep Learning* (2016), ch. 7, "Regularization for Deep
#   Learning".
# - The scikit-learn user guide (linear models, model selection) and the Keras API reference
#   (regularizers, layers, callbacks).
