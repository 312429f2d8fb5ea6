# %% [markdown]
# # 02 · Ridge regression (L2) — exercises
#
# Five exercises on [lesson 02](02_ridge.ipynb). Each one asks a question you answer with a few
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
from sklearn.model_selection import RepeatedKFold, cross_validate, train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import PolynomialFeatures, StandardScaler

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
# Let leave-one-out cross-validation on the **training part only** choose λ from `alphas` for ridge
# on standardized features (the scaler learns from the training rows, as in lesson 02's section 8).
# Store the chosen λ in `best_alpha`, and the fitted model's RMSE and R² on the **test** part in
# `test_rmse` and `test_r2`.

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
print(f"test RMSE {test_rmse:.2f}, test R² {test_r2:.4f}")
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
# ## Exercise 3 · How much does ridge steady correlated coefficients — as a method?
#
# Three features: `x0` and `x1` correlated at 0.98, `x2` independent of both; true coefficients
# (1, 1, 0.5). The question is about the **method**, so answer it with fresh samples from the
# generator, one per seed:
#
# ```python
# # fixed on purpose: the check recomputes the answer from these seeds
# for seed in range(300):
#     data = regutils.make_correlated(n_samples=40, coef=(1.0, 1.0, 0.5), groups=((0, 1),),
#                                     correlation=0.98, seed=seed)
# ```
#
# Fit least squares and ridge with λ = 5 to each of the 300 samples. Store the standard deviation
# (`ddof=1`) of each of the three coefficients across the samples in `sd_ols` and `sd_ridge`, and
# ridge's mean coefficients in `mean_ridge` (arrays of 3 numbers). Which coefficients does the
# penalty steady, and which hardly? What does ridge pay for it?

# %% tags=["solution", "exercise-3"]
### BEGIN SOLUTION
ols_coefs, ridge_coefs = [], []
for seed in range(300):
    data = regutils.make_correlated(n_samples=40, coef=(1.0, 1.0, 0.5), groups=((0, 1),),
                                    correlation=0.98, seed=seed)
    X_s, y_s = data.X.to_numpy(), data.y.to_numpy()
    ols_coefs.append(LinearRegression().fit(X_s, y_s).coef_)
    ridge_coefs.append(Ridge(alpha=5.0).fit(X_s, y_s).coef_)
sd_ols = np.std(ols_coefs, axis=0, ddof=1)
sd_ridge = np.std(ridge_coefs, axis=0, ddof=1)
mean_ridge = np.mean(ridge_coefs, axis=0)
print("sd, least squares:  ", np.round(sd_ols, 3).tolist())
print("sd, ridge:          ", np.round(sd_ridge, 3).tolist())
print("mean, least squares:", np.round(np.mean(ols_coefs, axis=0), 3).tolist())
print("mean, ridge:        ", np.round(mean_ridge, 3).tolist())
claim("ridge cuts the spread of the correlated pair several-fold: sd ratio least squares ÷ ridge",
      sd_ols[:2] / sd_ridge[:2], above=4, unit="×", fmt=".1f")
claim("and barely changes that of the independent x2: sd ratio",
      sd_ols[2] / sd_ridge[2], below=1.5, unit="×", fmt=".2f")
claim("the price: ridge's mean coefficients fall short of the true (1, 1, 0.5), by",
      np.array([1.0, 1.0, 0.5]) - mean_ridge, above=0.02, fmt=".3f")
# stub: sd_ols = ...
# stub: sd_ridge = ...
# stub: mean_ridge = ...
### END SOLUTION

# %%
# NBVAL_CHECK_OUTPUT
ex.check("3", sd_ols=sd_ols, sd_ridge=sd_ridge, mean_ridge=mean_ridge)

# %% [markdown] tags=["solution"]
# The penalty acts on the directions the data pin down badly: the *difference* of the correlated
# pair. Over fresh samples their spreads shrink several-fold; the independent `x2` is already well
# determined, and ridge barely changes its spread. The price is bias: on average ridge's coefficients
# fall short of the true ones (least squares' means are close to the truth). A bootstrap of *one*
# sample could not show that: its resamples centre on that sample's estimate (lesson 02, section 5).

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
# ## Exercise 5 · Least squares or ridge for the expanded features? Decide, and defend it
#
# You want to model the diabetes data with all squares and pairwise products of the ten features
# (degree 2, 65 features). Should you fit them by least squares or by ridge with λ chosen by
# leave-one-out inside each training part? Compare the two on the **same** splits:
#
# ```python
# # fixed on purpose: the check recomputes the answer from these splits
# splits = RepeatedKFold(n_splits=5, n_repeats=2, random_state=3)
# alphas = np.logspace(-2, 5, 29)
# ```
#
# Standardize the expanded features inside each model. Store in `gain` the 10 per-split
# differences *test RMSE of least squares − test RMSE of ridge*, in the order of the splits, and in
# `choice` the model you would use, `"least squares"` or `"ridge"`. Then defend the choice in one
# sentence with numbers from `gain`.

# %% tags=["solution", "exercise-5"]
### BEGIN SOLUTION
splits = RepeatedKFold(n_splits=5, n_repeats=2, random_state=3)
alphas = np.logspace(-2, 5, 29)
split_rmse = {}
for name, regressor in (("least squares", LinearRegression()), ("ridge", RidgeCV(alphas=alphas))):
    model = make_pipeline(PolynomialFeatures(2, include_bias=False), StandardScaler(), regressor)
    scores = cross_validate(model, X, y, cv=splits, scoring="neg_root_mean_squared_error")
    split_rmse[name] = -scores["test_score"]
gain = split_rmse["least squares"] - split_rmse["ridge"]  # paired: the same split for both
choice = "ridge" if gain.mean() > 0 else "least squares"
print("per-split gain (least squares − ridge):", np.round(gain, 1).tolist())
print(f"ridge better on {np.sum(gain > 0)} of {len(gain)} splits; "
      f"mean gain {gain.mean():.1f} ± {gain.std(ddof=1):.1f} (sd) RMSE")
print("choice:", choice)
claim("ridge beat least squares on most splits", np.sum(gain > 0), at_least=8, fmt="d")
claim("by a mean RMSE gain of", gain.mean(), above=2, fmt=".1f")
# stub: gain = ...
# stub: choice = ...
### END SOLUTION

# %%
# NBVAL_CHECK_OUTPUT
ex.check("5", gain=gain, choice=choice)

# %% [markdown] tags=["solution"]
# Ridge, because on the same 10 splits it had the lower test error on every one, by about 7
# RMSE on average (a split-to-split sd of about 5): with 65 features for about 354 training
# patients, least squares fits noise. Whether 65 features beat the plain 10 is a different
# comparison (lesson 02, section 9: not on this dataset).

# %% [markdown]
# ## Where next
#
# Lesson 03 replaces the squared penalty by absolute values — the lasso — and coefficients start
# to become exactly zero.
