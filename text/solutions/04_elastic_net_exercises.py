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
# ## Exercise 2 · `ElasticNetCV` on real data
#
# Tune an elastic net on the diabetes data (Efron et al. 2004) in its original units:
#
# ```python
# X_d, y_d = load_diabetes(return_X_y=True, as_frame=True, scaled=False)
# cv = KFold(n_splits=5, shuffle=True, random_state=0)  # fixed: the check uses these folds
# ```
#
# Fit `make_pipeline(StandardScaler(), ElasticNetCV(l1_ratio=[0.1, 0.5, 0.9, 1.0], alphas=50, cv=cv))`
# on all rows. Store the chosen `alpha` in `best_alpha`, the chosen `l1_ratio` in
# `best_l1_ratio`, and the number of non-zero coefficients of the fitted model in `n_nonzero_d`.
# Also print the best mean CV MSE of each `l1_ratio`: how much does the mix matter here?

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
best_mse = search.mse_path_.mean(axis=2).min(axis=1)
print("best mean CV MSE by l1_ratio:", dict(zip(l1_ratios, best_mse.round(0).tolist())))
# stub: best_alpha = ...
# stub: best_l1_ratio = ...
# stub: n_nonzero_d = ...
### END SOLUTION

# %%
# NBVAL_CHECK_OUTPUT
ex.check("2", best_alpha=best_alpha, best_l1_ratio=best_l1_ratio, n_nonzero_d=n_nonzero_d)

# %% [markdown] tags=["solution"]
# On the diabetes data cross-validation picks the lasso end, but the mixes from 0.5 to 1 reach
# almost the same CV error; only the ridge-like 0.1 is clearly worse. As in the lesson, once there
# is enough L1 in the mix, `l1_ratio` hardly matters for prediction. Without the `StandardScaler`
# the penalty would treat features measured in different units (age in years, blood pressure in
# mm Hg…) unequally.

# %% [markdown]
# ## Exercise 3 · The grouping effect on new data
#
# A group of three features with correlation 0.95, true weights 1, and five bystanders:
#
# ```python
# X3, y3 = regutils.make_correlated(n_samples=80, coef=(1, 1, 1, 0, 0, 0, 0, 0), groups=[(0, 1, 2)],
#                                   correlation=0.95, noise=2.0, seed=3)
# rng = np.random.default_rng(0)  # fixed: the check recomputes the answer from these resamples
# resamples = [rng.integers(0, 80, size=80) for _ in range(50)]
# ```
#
# On each of the 50 bootstrap resamples (rows `X3.iloc[rows]`, or `.to_numpy()[rows]`), fit
# `Lasso(alpha=0.3)` and `ElasticNet(alpha=0.6, l1_ratio=0.5)` — the same $\lambda_1 = 0.3$.
# For each model store
#
# - `lasso_kept` / `enet_kept`: the number of non-zero weights among the **group** (`x0`–`x2`),
#   averaged over the resamples;
# - `lasso_spread` / `enet_spread`: the standard deviation of the three group weights *within*
#   each resample (NumPy's default `std`), averaged over the resamples.

# %% tags=["solution", "exercise-3"]
### BEGIN SOLUTION
# NBVAL_CHECK_OUTPUT
X3, y3 = regutils.make_correlated(n_samples=80, coef=(1, 1, 1, 0, 0, 0, 0, 0), groups=[(0, 1, 2)],
                                  correlation=0.95, noise=2.0, seed=3)
rng = np.random.default_rng(0)  # data and resamples fixed on purpose: the check recomputes them
resamples = [rng.integers(0, 80, size=80) for _ in range(50)]
X3_np, y3_np = X3.to_numpy(), y3.to_numpy()


def group_weights(model):
    # The three group weights of `model` refitted on each resample: shape (50, 3).
    return np.array([model.fit(X3_np[rows], y3_np[rows]).coef_[:3] for rows in resamples])


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
# With the same L1 strength, adding the L2 part keeps the whole group in every resample and
# shrinks the spread of its weights several-fold: the grouping effect again, on a tighter group.

# %% [markdown]
# ## Where next
#
# Lesson 05 turns to choosing the strength honestly — validation curves, the one-standard-error
# rule, nested cross-validation, fast path-based search — and to L1/L2 logistic regression on the
# heart-disease data.
