# %% [markdown]
# # 04 · Elastic Net — exercises
#
# Three exercises on [lesson 04](04_elastic_net.ipynb). Each one asks a question you answer with a
# few lines of code: write them in the cell marked `# Write your code here.` and replace each `...`
# with your answer (e.g. `alpha = 0.3`). The setup cell recreates the lesson's training data
# `X, y` as stored (seed 0). No cell depends on your answers, so you can skip an exercise and come back.
#
# **Feedback as you go.** The cell after each answer runs `ex.check(...)`: it says `Correct`, or
# what to look at. Stuck? `ex.hint("1")` gives a hint (call it again for the next one), and
# `ex.solution("1")` shows a worked solution — also in `solutions/04_elastic_net_exercises.ipynb`.

# %% [markdown] tags=["solution"]
# > **Solutions notebook.** This is the worked-solutions version; the exercise notebook in
# > `notebooks/` is generated from it (`make exercises`).

# %%
import numpy as np
import pandas as pd
from sklearn.datasets import load_diabetes
from sklearn.linear_model import ElasticNet, ElasticNetCV, Lasso, Ridge
from sklearn.model_selection import KFold
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

import regutils
from regutils import claim

SEED = regutils.setup_notebook(seed=0)
ex = regutils.exercises("04")  # check(), hint() and solution() for these exercises

# The lesson's training data: a correlated group x0-x3 (true weight 1) and six bystanders.
# Fixed on purpose (seed 0, not SEED): the checks recompute the answers from these rows.
true_coef = np.array([1.0, 1.0, 1.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0])
X, y = regutils.make_correlated(n_samples=100, coef=true_coef, groups=[(0, 1, 2, 3)],
                                correlation=0.9, noise=3.0, seed=0)

# %% [markdown]
# ## Exercise 1 · Translate the penalty
#
# A paper writes the elastic-net objective exactly as in the lesson,
# $\frac{1}{2n}\lVert y - Xw\rVert_2^2 + \lambda_1 \lVert w\rVert_1 + \frac{\lambda_2}{2}\lVert w\rVert_2^2$,
# and reports $\lambda_1 = 0.2$ and $\lambda_2 = 0.6$.
#
# 1. Store in `alpha` and `l1_ratio` the arguments of `ElasticNet` that give this model. Fit
#    `ElasticNet(alpha=alpha, l1_ratio=l1_ratio)` on `X, y` and store the number of non-zero
#    coefficients in `n_nonzero`.
# 2. A colleague's model is `Ridge(alpha=30)` on the same 100 rows. Store in `enet_alpha` the
#    `alpha` for which `ElasticNet(alpha=enet_alpha, l1_ratio=0)` has the same coefficients, and
#    confirm it numerically (use `tol=1e-12, max_iter=100_000` for the `ElasticNet`).

# %% tags=["solution", "exercise-1"]
### BEGIN SOLUTION
# NBVAL_CHECK_OUTPUT
lambda_1, lambda_2 = 0.2, 0.6
alpha = lambda_1 + lambda_2          # alpha * l1_ratio + alpha * (1 - l1_ratio)
l1_ratio = lambda_1 / alpha          # the share of the L1 part
model = ElasticNet(alpha=alpha, l1_ratio=l1_ratio).fit(X, y)
n_nonzero = int(np.sum(model.coef_ != 0))
print(f"alpha = {alpha:.2f}, l1_ratio = {l1_ratio:.2f}: {n_nonzero} non-zero coefficients")

enet_alpha = 30 / len(y)             # Ridge(alpha=a * n) == ElasticNet(alpha=a, l1_ratio=0)
enet = ElasticNet(alpha=enet_alpha, l1_ratio=0.0, tol=1e-12, max_iter=100_000).fit(X, y)
claim(f"ElasticNet(alpha={enet_alpha}, l1_ratio=0) has Ridge(alpha=30)'s coefficients: "
      "largest |difference|", np.abs(enet.coef_ - Ridge(alpha=30).fit(X, y).coef_).max(),
      below=1e-6, fmt=".0e")
# stub: alpha = ...
# stub: l1_ratio = ...
# stub: n_nonzero = ...
# stub: enet_alpha = ...
### END SOLUTION

# %%
# NBVAL_CHECK_OUTPUT
ex.check("1", alpha=alpha, l1_ratio=l1_ratio, n_nonzero=n_nonzero, enet_alpha=enet_alpha)

# %% [markdown] tags=["solution"]
# `alpha` is the total strength $\lambda_1 + \lambda_2$ and `l1_ratio` the L1 share
# $\lambda_1 / (\lambda_1 + \lambda_2)$. The factor $n$ between `Ridge` and `ElasticNet` comes from
# the $\frac{1}{2n}$ in front of the squared error: multiply the whole objective by $2n$ and the L2
# term becomes $n\,\lambda_2 \lVert w\rVert_2^2$.

# %% [markdown]
# ## Exercise 2 · A decision on real data: which mix?
#
# Tune an elastic net on the diabetes data (Efron et al. 2004) in its original units, with the
# features standardized inside a pipeline, choosing `alpha` (an automatic grid of 50 values) and
# `l1_ratio` among 0.1, 0.5, 0.9 and 1.0 by 5-fold CV on these folds:
#
# ```python
# X_d, y_d = load_diabetes(return_X_y=True, as_frame=True, scaled=False)
# cv = KFold(n_splits=5, shuffle=True, random_state=0)  # fixed: the check uses these folds
# ```
#
# Store the chosen `alpha` in `best_alpha`, the chosen `l1_ratio` in `best_l1_ratio`, and the
# number of non-zero coefficients of the fitted model in `n_nonzero_d`. Then weigh the evidence
# against the most ridge-like mix, 0.1: take its best `alpha`, and on each fold the difference
# between its MSE and the chosen model's MSE (the same folds, so the differences are **paired**).
# Store their mean in `gap_01` and its standard error (standard deviation with `ddof=1`, divided by
# $\sqrt 5$) in `gap_se`.
#
# Which `l1_ratio` would you report, and why? Defend the choice with `gap_01` and `gap_se`.

# %% tags=["solution", "exercise-2"]
### BEGIN SOLUTION
# NBVAL_CHECK_OUTPUT
X_d, y_d = load_diabetes(return_X_y=True, as_frame=True, scaled=False)
cv = KFold(n_splits=5, shuffle=True, random_state=0)  # fixed on purpose: the check uses these folds
l1_ratios = [0.1, 0.5, 0.9, 1.0]
pipeline = make_pipeline(StandardScaler(), ElasticNetCV(l1_ratio=l1_ratios, alphas=50, cv=cv))
pipeline.fit(X_d, y_d)
search = pipeline[-1]
best_alpha = search.alpha_
best_l1_ratio = search.l1_ratio_
n_nonzero_d = int(np.sum(search.coef_ != 0))
print(f"chosen alpha {best_alpha:.3f}, l1_ratio {best_l1_ratio}, {n_nonzero_d} non-zero of {X_d.shape[1]}")
mean_mse = search.mse_path_.mean(axis=2)  # (l1_ratio, alpha): mean over the folds
print("best mean CV MSE by l1_ratio:", dict(zip(l1_ratios, mean_mse.min(axis=1).round(0).tolist())))
i, j = np.unravel_index(np.argmin(mean_mse), mean_mse.shape)  # the chosen pair
differences = search.mse_path_[0, np.argmin(mean_mse[0])] - search.mse_path_[i, j]  # 0.1 vs chosen
gap_01 = float(differences.mean())
gap_se = float(differences.std(ddof=1) / np.sqrt(len(differences)))
print(f"l1_ratio 0.1 vs the chosen model: {gap_01:.0f} ± {gap_se:.0f} (paired SE) in CV MSE")
# stub: best_alpha = ...
# stub: best_l1_ratio = ...
# stub: n_nonzero_d = ...
# stub: gap_01 = ...
# stub: gap_se = ...
### END SOLUTION

# %%
# NBVAL_CHECK_OUTPUT
ex.check("2", best_alpha=best_alpha, best_l1_ratio=best_l1_ratio, n_nonzero_d=n_nonzero_d,
         gap_01=gap_01, gap_se=gap_se)

# %% [markdown] tags=["solution"]
# On the diabetes data cross-validation picks the lasso end, but the mixes from 0.5 to 1 reach
# almost the same CV error (within a few MSE units of about 2,970). The ridge-like 0.1 is worse by
# about 100 MSE units — but that is only about 1.4 paired standard errors, so five folds cannot
# call it clearly worse either. CV does not settle the mix here, so decide on what else you need:
# `l1_ratio = 1` keeps fewer features at the same CV error, and the lesson's stability argument
# for a mix like 0.5 applies only if correlated features should stay together. Without the
# `StandardScaler` the penalty would treat features measured in different units (age in years,
# blood pressure in mm Hg…) unequally.

# %% [markdown]
# ## Exercise 3 · The grouping effect on fresh training sets
#
# Is the grouping effect a property of the method? Answer on fresh samples from a new source: a
# group of three features with correlation 0.95, true weights 1, and five bystanders.
#
# ```python
# # fixed on purpose: the check recomputes the answer from these seeds
# source = dict(coef=(1, 1, 1, 0, 0, 0, 0, 0), groups=[(0, 1, 2)], correlation=0.95, noise=2.0)
# ```
#
# Draw **50** training sets of 80 rows, the k-th with `regutils.make_correlated(n_samples=80,
# seed=k, **source)` for k = 0, 1, …, 49. On each, fit `Lasso(alpha=0.3)` and
# `ElasticNet(alpha=0.6, l1_ratio=0.5)` — the same $\lambda_1 = 0.3$. For each model store
#
# - `lasso_kept` / `enet_kept`: the number of non-zero weights among the **group** (`x0`–`x2`),
#   averaged over the training sets;
# - `lasso_spread` / `enet_spread`: the standard deviation of the three group weights *within*
#   each fit (NumPy's default `std`), averaged over the training sets.

# %% tags=["solution", "exercise-3"]
### BEGIN SOLUTION
# NBVAL_CHECK_OUTPUT
source = dict(coef=(1, 1, 1, 0, 0, 0, 0, 0), groups=[(0, 1, 2)], correlation=0.95, noise=2.0)
training_sets = [regutils.make_correlated(n_samples=80, seed=k, **source) for k in range(50)]


def group_weights(model):
    # The three group weights of `model` fitted on each training set: shape (50, 3).
    return np.array([model.fit(X_k.to_numpy(), y_k.to_numpy()).coef_[:3]
                     for X_k, y_k in training_sets])


lasso_w = group_weights(Lasso(alpha=0.3))
enet_w = group_weights(ElasticNet(alpha=0.6, l1_ratio=0.5))
lasso_kept, enet_kept = (lasso_w != 0).sum(axis=1).mean(), (enet_w != 0).sum(axis=1).mean()
lasso_spread, enet_spread = lasso_w.std(axis=1).mean(), enet_w.std(axis=1).mean()
print(f"lasso:       keeps {lasso_kept:.2f} of 3, spread {lasso_spread:.2f}")
print(f"elastic net: keeps {enet_kept:.2f} of 3, spread {enet_spread:.2f}")
# stub: lasso_kept = ...
# stub: enet_kept = ...
# stub: lasso_spread = ...
# stub: enet_spread = ...
### END SOLUTION

# %%
# NBVAL_CHECK_OUTPUT
ex.check("3", lasso_kept=lasso_kept, enet_kept=enet_kept, lasso_spread=lasso_spread,
         enet_spread=enet_spread)

# %% [markdown] tags=["solution"]
# With the same L1 strength, adding the L2 part keeps the whole group in every training set and
# shrinks the spread of its weights several-fold: the grouping effect again, on a tighter group and
# on fresh samples, so it is a property of the method rather than of one sample.

# %% [markdown]
# ## Where next
#
# Lesson 05 turns to choosing the strength honestly: validation curves, the one-standard-error
# rule, nested cross-validation and fast path-based search.
