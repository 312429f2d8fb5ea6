# %% [markdown]
# # 02 · Ridge regression (L2) — exercises
#
# Four exercises on [lesson 02](02_ridge.ipynb). Each one asks a question you answer with a few
# lines of code: write them in the cell marked `# Write your code here.` and replace each `...` with
# your answer (e.g. `best_alpha = 25.1`). The setup cell loads the diabetes data with raw features
# as `X`, `y`. No cell depends on your answers, so you can skip an exercise and come back. Each
# exercise fixes its own split or seed on purpose (not the notebook's `SEED`): its check
# recomputes the reference answer from exactly that recipe.
#
# **Feedback as you go.** The cell after each answer runs `ex.check(...)`: it says `Correct`, or
# what to look at. Stuck? `ex.hint("1")` gives a hint (call it again for the next one), and
# `ex.solution("1")` shows a worked solution — also in `solutions/02_ridge_exercises.ipynb`.

# %% [markdown] tags=["solution"]
# > **Solutions notebook.** This is the worked-solutions version; the exercise notebook in
# > `notebooks/` is generated from it (`make exercises`).

# %%
import numpy as np
from sklearn.datasets import load_diabetes
from sklearn.linear_model import LinearRegression, Ridge, RidgeCV
from sklearn.metrics import r2_score, root_mean_squared_error
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

import regutils
from regutils import claim

SEED = regutils.setup_notebook(seed=0)  # the exercises fix their own seeds (see each recipe)
X, y = load_diabetes(return_X_y=True, as_frame=True, scaled=False)  # fixed data, raw units
ex = regutils.exercises("02")  # check(), hint() and solution() for these exercises

# %% [markdown]
# ## Exercise 1 · Ridge by hand
#
# Split the data with
#
# ```python
# # fixed on purpose: the check recomputes the answer from this split
# X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=1)
# ```
#
# standardize the training features with a `StandardScaler` fitted on the training rows, and
# compute the ridge solution for **λ = 50** with NumPy from the closed form of the lesson
# (centre the data; do not penalize the intercept). Store the ten coefficients in `coef` and the
# intercept in `intercept`, and compare them with `Ridge(alpha=50)` yourself.

# %% tags=["solution", "exercise-1"]
### BEGIN SOLUTION
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=1)
Z = StandardScaler().fit(X_train).transform(X_train)
Z_c = Z - Z.mean(axis=0)
y_c = y_train.to_numpy() - y_train.mean()
coef = np.linalg.solve(Z_c.T @ Z_c + 50 * np.eye(Z.shape[1]), Z_c.T @ y_c)
intercept = y_train.mean() - Z.mean(axis=0) @ coef
reference = Ridge(alpha=50).fit(Z, y_train)
print("coefficients:", np.round(coef, 2).tolist())
print(f"intercept: {intercept:.2f}")
claim("matches Ridge(alpha=50): largest |Δw|", np.abs(coef - reference.coef_).max(),
      below=1e-8, fmt=".1e")
claim("and |Δb|", abs(intercept - reference.intercept_), below=1e-8, fmt=".1e")
# stub: coef = ...
# stub: intercept = ...
### END SOLUTION

# %%
# NBVAL_CHECK_OUTPUT
ex.check("1", coef=coef, intercept=intercept)

# %% [markdown]
# ## Exercise 2 · Let `RidgeCV` choose λ
#
# Split the data again, differently:
#
# ```python
# # fixed on purpose: the check recomputes the answer from this split
# X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.3, random_state=2)
# alphas = np.logspace(-3, 3, 61)
# ```
#
# Fit `make_pipeline(StandardScaler(), RidgeCV(alphas=alphas))` on the training part (efficient
# leave-one-out, the default). Store the chosen λ in `best_alpha`, and the model's RMSE and R² on
# the **test** part in `test_rmse` and `test_r2`.

# %% tags=["solution", "exercise-2"]
### BEGIN SOLUTION
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.3, random_state=2)
alphas = np.logspace(-3, 3, 61)
model = make_pipeline(StandardScaler(), RidgeCV(alphas=alphas)).fit(X_train, y_train)
best_alpha = model[-1].alpha_
prediction = model.predict(X_test)
test_rmse = root_mean_squared_error(y_test, prediction)
test_r2 = r2_score(y_test, prediction)
print(f"λ chosen by leave-one-out: {best_alpha:.3g}")
print(f"test RMSE {test_rmse:.2f}, test R² {test_r2:.3f}")
# stub: best_alpha = ...
# stub: test_rmse = ...
# stub: test_r2 = ...
### END SOLUTION

# %%
# NBVAL_CHECK_OUTPUT
ex.check("2", best_alpha=best_alpha, test_rmse=test_rmse, test_r2=test_r2)

# %% [markdown] tags=["solution"]
# `RidgeCV` chose λ with the training data only; the test set was used once, at the end. Its
# `best_score_` is the leave-one-out score on the *training* data (negated MSE), not a test score.

# %% [markdown]
# ## Exercise 3 · How much does ridge steady correlated coefficients?
#
# Three features: `x0` and `x1` correlated at 0.98, `x2` independent of both.
#
# ```python
# # fixed on purpose: the check recomputes the answer from these seeds
# data = regutils.make_correlated(n_samples=40, coef=(1.0, 1.0, 0.5), groups=((0, 1),),
#                                 correlation=0.98, seed=4)
# X_c, y_c = data.X.to_numpy(), data.y.to_numpy()
# ```
#
# Create `rng = np.random.default_rng(1)` once, then draw **300** bootstrap resamples, each with
# `rows = rng.integers(0, 40, size=40)`, and fit `LinearRegression()` and `Ridge(alpha=5.0)` on the
# same rows. Store the standard deviation (`ddof=1`) of each of the three coefficients across the
# resamples in `sd_ols` and `sd_ridge` (arrays of 3 numbers). Which coefficients does the penalty
# steady, and which hardly?

# %% tags=["solution", "exercise-3"]
### BEGIN SOLUTION
data = regutils.make_correlated(n_samples=40, coef=(1.0, 1.0, 0.5), groups=((0, 1),),
                                correlation=0.98, seed=4)
X_c, y_c = data.X.to_numpy(), data.y.to_numpy()
rng = np.random.default_rng(1)
ols_coefs, ridge_coefs = [], []
for _ in range(300):
    rows = rng.integers(0, 40, size=40)
    ols_coefs.append(LinearRegression().fit(X_c[rows], y_c[rows]).coef_)
    ridge_coefs.append(Ridge(alpha=5.0).fit(X_c[rows], y_c[rows]).coef_)
sd_ols = np.std(ols_coefs, axis=0, ddof=1)
sd_ridge = np.std(ridge_coefs, axis=0, ddof=1)
print("sd, least squares:", np.round(sd_ols, 3).tolist())
print("sd, ridge:        ", np.round(sd_ridge, 3).tolist())
claim("ridge cuts the spread of the correlated pair several-fold: sd ratio least squares ÷ ridge",
      sd_ols[:2] / sd_ridge[:2], above=3, unit="×", fmt=".1f")
claim("and barely changes that of the independent x2: sd ratio",
      sd_ols[2] / sd_ridge[2], below=1.5, unit="×", fmt=".2f")
# stub: sd_ols = ...
# stub: sd_ridge = ...
### END SOLUTION

# %%
# NBVAL_CHECK_OUTPUT
ex.check("3", sd_ols=sd_ols, sd_ridge=sd_ridge)

# %% [markdown] tags=["solution"]
# The penalty acts on the directions the data pin down badly: the *difference* of the correlated
# pair. Their spreads shrink several-fold; the independent `x2` is already well determined, and
# ridge barely changes its spread (it shrinks by about a sixth).

# %% [markdown]
# ## Exercise 4 · Effective degrees of freedom
#
# Take the training part of exercise 2 (`test_size=0.3, random_state=2`, fixed on purpose),
# standardize it with a scaler fitted on it, and compute the effective degrees of freedom
# $\mathrm{df}(\lambda) = \sum_j d_j^2/(d_j^2+\lambda)$ from the singular values $d_j$ of the centred,
# standardized features.
#
# 1. Store df at λ = 30 in `df_30`.
# 2. Store the smallest λ of `np.logspace(-3, 4, 71)` whose df is at most 5 in `lam_df5`.

# %% tags=["solution", "exercise-4"]
### BEGIN SOLUTION
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.3, random_state=2)
Z = StandardScaler().fit(X_train).transform(X_train)
d = np.linalg.svd(Z - Z.mean(axis=0), compute_uv=False)


def effective_df(lam):
    return float(np.sum(d**2 / (d**2 + lam)))


df_30 = effective_df(30)
lam_df5 = next(lam for lam in np.logspace(-3, 4, 71) if effective_df(lam) <= 5)
print(f"df at λ = 30: {df_30:.2f}")
print(f"smallest λ on the grid with df <= 5: {lam_df5:.4g} (df {effective_df(lam_df5):.2f})")
# stub: df_30 = ...
# stub: lam_df5 = ...
### END SOLUTION

# %%
# NBVAL_CHECK_OUTPUT
ex.check("4", df_30=df_30, lam_df5=lam_df5)

# %% [markdown]
# ## Where next
#
# Lesson 03 replaces the squared penalty by absolute values — the lasso — and coefficients start
# to become exactly zero.
