# %% [markdown]
# # 03 · The lasso (L1) — exercises
#
# Five exercises on [lesson 03](03_lasso.ipynb). Each one asks a question you answer with a few
# lines of code: write them in the cell marked `# Write your code here.` and replace each `...` with
# your answer (e.g. `n_nonzero = 4`). The setup cell loads the diabetes data with raw features as
# `X`, `y`. No cell depends on your answers, so you can skip an exercise and come back. Each
# exercise fixes its own split or seed on purpose (not the notebook's `SEED`): its check
# recomputes the reference answer from exactly that recipe.
#
# **Feedback as you go.** The cell after each answer runs `ex.check(...)`: it says `Correct`, or
# what to look at. Stuck? `ex.hint("1")` gives a hint (call it again for the next one), and
# `ex.solution("1")` shows a worked solution — also in `solutions/03_lasso_exercises.ipynb`.

# %% [markdown] tags=["solution"]
# > **Solutions notebook.** This is the worked-solutions version; the exercise notebook in
# > `notebooks/` is generated from it (`make exercises`).

# %%
import numpy as np
from sklearn.datasets import load_diabetes
from sklearn.linear_model import Lasso, lasso_path
from sklearn.model_selection import KFold, cross_val_score, train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

import regutils
from regutils import claim

SEED = regutils.setup_notebook(seed=0)  # the exercises fix their own seeds (see each recipe)
X, y = load_diabetes(return_X_y=True, as_frame=True, scaled=False)  # fixed data, raw units
ex = regutils.exercises("03")  # check(), hint() and solution() for these exercises

# %% [markdown]
# ## Exercise 1 · How many features does the lasso keep?
#
# Fit a lasso with α = 2 on all 442 patients, standardizing the features inside a pipeline as the
# lesson does. Store the number of non-zero coefficients in `n_nonzero` and the names of the
# features with a non-zero coefficient in the list `selected`.

# %% tags=["solution", "exercise-1"]
### BEGIN SOLUTION
# NBVAL_CHECK_OUTPUT
model = make_pipeline(StandardScaler(), Lasso(alpha=2.0)).fit(X, y)
coef = model[-1].coef_
n_nonzero = int(np.sum(coef != 0))
selected = X.columns[coef != 0].tolist()
print(f"{n_nonzero} features kept: {selected}")
# stub: n_nonzero = ...
# stub: selected = ...
### END SOLUTION

# %%
# NBVAL_CHECK_OUTPUT
ex.check("1", n_nonzero=n_nonzero, selected=selected)

# %% [markdown]
# ## Exercise 2 · Where does the path start, and who enters first?
#
# Work on a training split only:
#
# ```python
# # fixed on purpose: the check recomputes the answer from this split
# X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=1)
# ```
#
# Standardize the training features, centre `y_train`, and compute
# $\alpha_{\max} = \max_j \lvert x_j^\top y_c\rvert / n$, the smallest α at which every lasso
# coefficient is zero; store it in `alpha_max`. Then compute the lasso path with `lasso_path` on
# `np.geomspace(alpha_max, alpha_max / 1000, 200)` and store the names of the **first three**
# features to enter (in order) in the list `first_three`.

# %% tags=["solution", "exercise-2"]
### BEGIN SOLUTION
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=1)
Z = StandardScaler().fit_transform(X_train)
y_c = (y_train - y_train.mean()).to_numpy()
alpha_max = np.max(np.abs(Z.T @ y_c)) / len(y_c)
alphas, coefs, _ = lasso_path(Z, y_c, alphas=np.geomspace(alpha_max, alpha_max / 1000, 200))
entry = {name: alphas[np.flatnonzero(row)[0]] for name, row in zip(X.columns, coefs)}
first_three = sorted(entry, key=entry.get, reverse=True)[:3]
print(f"alpha_max = {alpha_max:.2f}")
print("first three to enter:", first_three, [round(float(entry[name]), 1) for name in first_three])
claim("every coefficient is zero at alpha_max: non-zero coefficients", np.sum(coefs[:, 0] != 0),
      equals=0)
# stub: alpha_max = ...
# stub: first_three = ...
### END SOLUTION

# %%
# NBVAL_CHECK_OUTPUT
ex.check("2", alpha_max=alpha_max, first_three=first_three)


# %% [markdown]
# ## Exercise 3 · Soft-thresholding
#
# Write a function `soft(z, t)` that returns $\operatorname{sign}(z)\max(\lvert z\rvert - t, 0)$
# element-wise for a NumPy array `z` and a threshold `t >= 0`, without calling
# `regutils.scratch.lasso.soft_threshold`. Try it on `np.array([-3.0, -0.5, 0.0, 0.5, 3.0])` with
# `t = 1`. The check calls your function on arrays of its own.

# %% tags=["solution", "exercise-3"]
### BEGIN SOLUTION
# NBVAL_CHECK_OUTPUT
def soft(z, t):
    return np.sign(z) * np.maximum(np.abs(z) - t, 0.0) + 0.0  # + 0.0: no "-0.0" in the output


print(soft(np.array([-3.0, -0.5, 0.0, 0.5, 3.0]), 1.0))
# stub: soft = ...
### END SOLUTION

# %%
# NBVAL_CHECK_OUTPUT
ex.check("3", soft=soft)

# %% [markdown]
# ## Exercise 4 · Which member of a correlated group does the lasso keep?
#
# A question about the **method**, so answer it with fresh training sets from a known source:
# three correlated features that all matter, three that do not.
#
# ```python
# # fixed on purpose: the check recomputes the answer from these seeds
# source = dict(coef=(1.0, 1.0, 1.0, 0.0, 0.0, 0.0), groups=((0, 1, 2),), correlation=0.98)
# ```
#
# Draw **150** training sets of 60 rows, the k-th with `regutils.make_correlated(n_samples=60,
# seed=k, **source)` for k = 0, 1, …, 149, and fit `Lasso(alpha=0.3)` on each. Store
#
# 1. in `keep_freq`, the share of training sets (between 0 and 1) in which each of the six
#    coefficients is non-zero;
# 2. in `n_subsets`, the number of *distinct* sets of non-zero coefficients (over all six features)
#    among the 150 fits.
#
# Does the lasso prefer one member of the group?

# %% tags=["solution", "exercise-4"]
### BEGIN SOLUTION
source = dict(coef=(1.0, 1.0, 1.0, 0.0, 0.0, 0.0), groups=((0, 1, 2),), correlation=0.98)
kept = []
for k in range(150):
    data = regutils.make_correlated(n_samples=60, seed=k, **source)
    kept.append(Lasso(alpha=0.3).fit(data.X.to_numpy(), data.y.to_numpy()).coef_ != 0)
kept = np.array(kept)
keep_freq = kept.mean(axis=0)
n_subsets = len({tuple(row) for row in kept})
print("share of training sets keeping x0..x5:", keep_freq.round(3).tolist())
print("distinct selected sets:", n_subsets)
claim("no member is preferred: largest minus smallest share kept among x0, x1, x2",
      keep_freq[:3].max() - keep_freq[:3].min(), below=0.15, fmt=".2f")
claim("yet each is dropped in a sizeable share of the fits (largest share kept)",
      keep_freq[:3].max(), below=0.9, fmt=".0%")
claim("the selected set changes from fit to fit: distinct sets", n_subsets, above=1)
# stub: keep_freq = ...
# stub: n_subsets = ...
### END SOLUTION

# %%
# NBVAL_CHECK_OUTPUT
ex.check("4", keep_freq=keep_freq, n_subsets=n_subsets)

# %% [markdown] tags=["solution"]
# All three correlated features matter equally, and over fresh training sets the lasso keeps each
# of them about equally often — but drops each in a sizeable share of the fits, and the selected
# set changes from fit to fit. Which member it keeps says nothing about which one matters. (A
# bootstrap of *one* sample would instead lean towards whatever that sample favours: lesson 03,
# section 5.)

# %% [markdown]
# ## Exercise 5 · A decision: a lasso with at most four features
#
# A clinic can record only four of the ten measurements, so it wants a lasso that keeps **at most
# four** features. Is that affordable? Use the diabetes data, the features standardized in a
# pipeline, and these folds and α grid:
#
# ```python
# # fixed on purpose: the check uses these folds and this grid
# cv = KFold(n_splits=5, shuffle=True, random_state=0)
# alphas = np.geomspace(0.05, 20, 30)
# ```
#
# For each α of the grid, compute the root-mean-squared error on each of the five validation
# folds, and count the features the lasso keeps when fitted on all 442 patients. Store
#
# 1. in `alpha_4`, the α of the grid with the lowest mean CV RMSE among those that keep at most
#    four features;
# 2. in `cost`, how much worse that model is than the grid's best α, as the mean over the five
#    folds of the **paired** differences (RMSE at `alpha_4` minus RMSE at the best α, fold by
#    fold);
# 3. in `cost_se`, the standard error of that mean: the standard deviation (`ddof=1`) of the five
#    paired differences divided by $\sqrt 5$.
#
# Then decide, in a sentence: would you accept the four-feature model? Defend it with `cost` and
# `cost_se`.

# %% tags=["solution", "exercise-5"]
### BEGIN SOLUTION
cv = KFold(n_splits=5, shuffle=True, random_state=0)  # fixed on purpose: the check uses them
alphas = np.geomspace(0.05, 20, 30)
fold_rmse, n_kept = [], []
for alpha in alphas:
    model = make_pipeline(StandardScaler(), Lasso(alpha=alpha))
    fold_rmse.append(-cross_val_score(model, X, y, cv=cv, scoring="neg_root_mean_squared_error"))
    n_kept.append(int(np.sum(model.fit(X, y)[-1].coef_ != 0)))
fold_rmse, n_kept = np.array(fold_rmse), np.array(n_kept)  # shapes (30, 5) and (30,)
mean_rmse = fold_rmse.mean(axis=1)
best = int(np.argmin(mean_rmse))
four = int(np.argmin(np.where(n_kept <= 4, mean_rmse, np.inf)))
alpha_4 = float(alphas[four])
differences = fold_rmse[four] - fold_rmse[best]  # paired: the same five folds
cost = float(differences.mean())
cost_se = float(differences.std(ddof=1) / np.sqrt(len(differences)))
print(f"best α {alphas[best]:.3g}: CV RMSE {mean_rmse[best]:.2f} with {n_kept[best]} features")
print(f"α for at most four features {alpha_4:.3g}: CV RMSE {mean_rmse[four]:.2f} "
      f"with {n_kept[four]} features")
print("paired differences, fold by fold:", differences.round(2).tolist())
print(f"cost: {cost:.2f} ± {cost_se:.2f} (paired SE), {100 * cost / mean_rmse[best]:.1f} % of the best")
# stub: alpha_4 = ...
# stub: cost = ...
# stub: cost_se = ...
### END SOLUTION

# %%
# NBVAL_CHECK_OUTPUT
ex.check("5", alpha_4=alpha_4, cost=cost, cost_se=cost_se)

# %% [markdown] tags=["solution"]
# Four features cost about 1.8 RMSE units (about 3 % of the best CV RMSE), close to three paired
# standard errors: four of the five folds agree that the loss is real, not fold noise. Whether 3 %
# is affordable is the clinic's call — four measurements instead of eight, for a slightly worse
# prediction — but it is now a decision made on a number. (The unpaired standard error of one
# model's fold RMSEs is about 1.1, which would make the same difference look like noise: pairing
# the folds removes the fold-to-fold variation both models share.)

# %% [markdown]
# ## Where next
#
# Lesson 04 combines the two penalties — the elastic net — and keeps correlated features together.
