# %% [markdown]
# # 03 · The lasso (L1) — exercises
#
# Four exercises on [lesson 03](03_lasso.ipynb). Each one asks a question you answer with a few
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
from sklearn.model_selection import train_test_split
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
# Fit `make_pipeline(StandardScaler(), Lasso(alpha=2.0))` on all 442 patients. Store the number of
# non-zero coefficients in `n_nonzero` and the names of the features with a non-zero coefficient in
# the list `selected`.

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
# ## Exercise 4 · How stable is the lasso's selection?
#
# Three correlated features that all matter, three that do not:
#
# ```python
# # fixed on purpose: the check recomputes the answer from these seeds
# data = regutils.make_correlated(n_samples=60, coef=(1.0, 1.0, 1.0, 0.0, 0.0, 0.0),
#                                 groups=((0, 1, 2),), correlation=0.98, seed=2)
# X_g, y_g = data.X.to_numpy(), data.y.to_numpy()
# ```
#
# Create `rng = np.random.default_rng(0)` once, then draw **150** bootstrap resamples, each with
# `rows = rng.integers(0, 60, size=60)`, and fit `Lasso(alpha=0.3)` on each. Store
#
# 1. in `keep_freq`, the share of resamples (between 0 and 1) in which each of the six coefficients
#    is non-zero;
# 2. in `n_subsets`, the number of *distinct* sets of non-zero coefficients (over all six features)
#    among the 150 fits.

# %% tags=["solution", "exercise-4"]
### BEGIN SOLUTION
data = regutils.make_correlated(n_samples=60, coef=(1.0, 1.0, 1.0, 0.0, 0.0, 0.0),
                                groups=((0, 1, 2),), correlation=0.98, seed=2)
X_g, y_g = data.X.to_numpy(), data.y.to_numpy()
rng = np.random.default_rng(0)
kept = []
for _ in range(150):
    rows = rng.integers(0, 60, size=60)
    kept.append(Lasso(alpha=0.3).fit(X_g[rows], y_g[rows]).coef_ != 0)
kept = np.array(kept)
keep_freq = kept.mean(axis=0)
n_subsets = len({tuple(row) for row in kept})
print("share of resamples keeping x0..x5:", keep_freq.round(3).tolist())
print("distinct selected sets:", n_subsets)
claim("x0 is almost always kept (share of resamples)", keep_freq[0], above=0.9, fmt=".0%")
claim("x1, equally important, is dropped in most (share kept)", keep_freq[1], below=0.5, fmt=".0%")
claim("the selected set changes from fit to fit: distinct sets", n_subsets, above=1)
# stub: keep_freq = ...
# stub: n_subsets = ...
### END SOLUTION

# %%
# NBVAL_CHECK_OUTPUT
ex.check("4", keep_freq=keep_freq, n_subsets=n_subsets)

# %% [markdown] tags=["solution"]
# All three correlated features truly matter as much as each other, yet `x1` is dropped in most
# resamples while `x0` is almost always kept, and the selected set changes from fit to fit.
# Lesson 04's elastic net is the usual remedy.

# %% [markdown]
# ## Where next
#
# Lesson 04 combines the two penalties — the elastic net — and keeps correlated features together.
