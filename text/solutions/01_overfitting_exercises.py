# %% [markdown]
# # 01 · Overfitting and underfitting — exercises
#
# Five exercises on [lesson 01](01_overfitting.ipynb). Each one asks a question you answer with a
# few lines of code: write them in the cell marked `# Write your code here.` and replace each `...`
# with your answer (e.g. `chosen_degree = 4`). The setup cell gives you the helper
# `polynomial(degree)` from the lesson. No cell depends on your answers, so you can skip an
# exercise and come back. The data seeds in the exercises are fixed on purpose, so that the checks
# can recompute the answers.
#
# **Feedback as you go.** The cell after each answer runs `ex.check(...)`: it says `Correct`, or
# what to look at. Stuck? `ex.hint("1")` gives a hint (call it again for the next one), and
# `ex.solution("1")` shows a worked solution — also in `solutions/01_overfitting_exercises.ipynb`.

# %% [markdown] tags=["solution"]
# > **Solutions notebook.** This is the worked-solutions version; the exercise notebook in
# > `notebooks/` is generated from it (`make exercises`).

# %%
import numpy as np
import pandas as pd
from sklearn.linear_model import LinearRegression, Ridge
from sklearn.metrics import root_mean_squared_error
from sklearn.model_selection import KFold, train_test_split, validation_curve
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import PolynomialFeatures

import regutils

SEED = regutils.setup_notebook(seed=0)
# The exercises below fix their data seeds on purpose (not derived from SEED): ex.check recomputes
# each reference answer from the same recipe.
ex = regutils.exercises("01")  # check(), hint() and solution() for these exercises


def polynomial(degree):
    # Plain least-squares polynomial regression of the given degree, as in the lesson.
    return make_pipeline(PolynomialFeatures(degree), LinearRegression(tol=0.0))


degrees = np.arange(10)

# %% [markdown]
# ## Exercise 1 · Choose a degree honestly
#
# With noise standard deviation **0.1** instead of the lesson's 0.3, which polynomial degree would
# you use? Decide the way the lesson prescribes (section 9): fit on the training points, **choose on
# the validation points**, and look at the test points only once, after the choice is made.
#
# ```python
# X_train, y_train = regutils.make_sine(n_samples=10, noise=0.1, spacing="even", seed=3)
# X_val, y_val = regutils.make_sine(n_samples=20, noise=0.1, seed=2)
# X_test, y_test = regutils.make_sine(n_samples=1000, noise=0.1, seed=1)
# ```
#
# Store the degree you choose (one of `degrees`) in `chosen_degree` and the number that defends the
# choice, its validation RMSE, in `val_rmse`. Then score the chosen model (fitted on the training
# points) on the test set, once, and store that RMSE in `final_rmse`.

# %% tags=["solution", "exercise-1"]
### BEGIN SOLUTION
# NBVAL_CHECK_OUTPUT
X_train, y_train = regutils.make_sine(n_samples=10, noise=0.1, spacing="even", seed=3)
X_val, y_val = regutils.make_sine(n_samples=20, noise=0.1, seed=2)
X_test, y_test = regutils.make_sine(n_samples=1000, noise=0.1, seed=1)
models = {d: polynomial(d).fit(X_train, y_train) for d in degrees}
val_errors = {d: root_mean_squared_error(y_val, m.predict(X_val)) for d, m in models.items()}
chosen_degree = int(min(val_errors, key=val_errors.get))
val_rmse = val_errors[chosen_degree]
# The choice is made; now, once, the test set.
final_rmse = root_mean_squared_error(y_test, models[chosen_degree].predict(X_test))
print("validation RMSE by degree:", [round(float(e), 3) for e in val_errors.values()])
print(f"chosen degree {chosen_degree}: validation RMSE {val_rmse:.3f}, test RMSE {final_rmse:.3f}")
# stub: chosen_degree = ...
# stub: val_rmse = ...
# stub: final_rmse = ...
### END SOLUTION

# %%
# NBVAL_CHECK_OUTPUT
ex.check("1", chosen_degree=chosen_degree, val_rmse=val_rmse, final_rmse=final_rmse)

# %% [markdown] tags=["solution"]
# The validation points choose degree 4, with degree 3 a hair behind: degrees 3 to 7 are within
# about 0.015 of each other, less than 20 noisy validation points can tell apart. The test RMSE,
# computed once, is an honest estimate for the model we chose. Picking the degree with the lowest
# *test* RMSE instead would have chosen another degree and reported its error as if it had not been
# selected on the same points — the optimism the lesson warns about.
#
# One sample cannot say whether less noise favours more flexible models in general: exercise 2
# asks the question of many samples.

# %% [markdown]
# ## Exercise 2 · Less noise, a more flexible model? Measure it
#
# Exercise 1 chose a degree on one sample at noise 0.1; the lesson's stored run found degree 3 best
# on one sample at noise 0.3. Two single samples cannot show that *less noise lets a more flexible model win* — that is a claim about the method, so
# test it on fresh samples. Compare degree 5 with degree 3 on 50 training sets at each noise level:
#
# ```python
# X_test, y_test = regutils.make_sine(n_samples=1000, noise=noise, seed=1)        # per noise level
# X, y = regutils.make_sine(n_samples=10, noise=noise, spacing="even", seed=s)    # s in range(50)
# ```
#
# for `noise` in `(0.1, 0.3)`. Compare the two degrees **on the same sample**: for each training set,
# the *gain* of degree 5 is test RMSE of degree 3 − test RMSE of degree 5 (positive when degree 5
# wins). The same seed draws the same noise pattern at both levels, only scaled, so the two noise
# levels are compared on matched samples too.
#
# Store the mean gain at noise 0.1 in `gain_low` and at noise 0.3 in `gain_high`, and the share of
# the 50 samples on which degree 5 wins in `wins_low` (noise 0.1) and `wins_high` (noise 0.3). Does
# the evidence support the claim?

# %% tags=["solution", "exercise-2"]
### BEGIN SOLUTION
# NBVAL_CHECK_OUTPUT
gains = {}
for noise in (0.1, 0.3):
    X_test, y_test = regutils.make_sine(n_samples=1000, noise=noise, seed=1)
    differences = []
    for s in range(50):
        X, y = regutils.make_sine(n_samples=10, noise=noise, spacing="even", seed=s)
        rmse_3 = root_mean_squared_error(y_test, polynomial(3).fit(X, y).predict(X_test))
        rmse_5 = root_mean_squared_error(y_test, polynomial(5).fit(X, y).predict(X_test))
        differences.append(rmse_3 - rmse_5)  # paired: both degrees on the same sample
    gains[noise] = np.array(differences)
    standard_error = gains[noise].std(ddof=1) / np.sqrt(len(differences))
    print(f"noise {noise}: mean gain of degree 5 {gains[noise].mean():+.3f} ± {standard_error:.3f} "
          f"(standard error), wins on {(gains[noise] > 0).mean():.0%} of samples")
gain_low, gain_high = gains[0.1].mean(), gains[0.3].mean()
wins_low, wins_high = (gains[0.1] > 0).mean(), (gains[0.3] > 0).mean()
# stub: gain_low = ...
# stub: gain_high = ...
# stub: wins_low = ...
# stub: wins_high = ...
### END SOLUTION

# %%
# NBVAL_CHECK_OUTPUT
ex.check("2", gain_low=gain_low, gain_high=gain_high, wins_low=wins_low, wins_high=wins_high)

# %% [markdown] tags=["solution"]
# At noise 0.1 degree 5 beats degree 3 on 90 % of the samples, and its mean gain is about eight
# standard errors above zero. At noise 0.3 it wins only half the time, and its losses are larger
# than its wins: on average it is worse, by more than two standard errors. Less noise does let the
# more flexible model win — a claim about the method, now backed by 50 fresh samples at each noise
# level instead of two single ones.

# %% [markdown]
# ## Exercise 3 · How much data does degree 9 need?
#
# For each training-set size `n` in `(10, 12, 15, 20, 30, 50, 100)`, fit `polynomial(9)` to 30
# independent samples (`regutils.make_sine(n_samples=n, noise=0.3, spacing="even", seed=s)` for
# `s` in `range(30)`) and take the **median** test RMSE on the lesson's test set
# (`regutils.make_sine(n_samples=1000, noise=0.3, seed=1)`). Store the smallest `n` whose median
# is at most `0.38` in `n_needed` (the noise floor is about 0.31).

# %% tags=["solution", "exercise-3"]
### BEGIN SOLUTION
# NBVAL_CHECK_OUTPUT
X_test, y_test = regutils.make_sine(n_samples=1000, noise=0.3, seed=1)
medians = {}
for n in (10, 12, 15, 20, 30, 50, 100):
    errors = []
    for s in range(30):
        X, y = regutils.make_sine(n_samples=n, noise=0.3, spacing="even", seed=s)
        errors.append(root_mean_squared_error(y_test, polynomial(9).fit(X, y).predict(X_test)))
    medians[n] = np.median(errors)
    print(f"n = {n:3d}: median test RMSE {medians[n]:.3f}")
n_needed = min(n for n, m in medians.items() if m <= 0.38)
print("smallest n with median test RMSE <= 0.38:", n_needed)
# stub: n_needed = ...
### END SOLUTION

# %%
# NBVAL_CHECK_OUTPUT
ex.check("3", n_needed=n_needed)

# %% [markdown]
# ## Exercise 4 · Choose the degree with a validation set — and distrust it
#
# Start from the lesson's 100-point dataset and its final test split (as in its stored run):
#
# ```python
# X_all, y_all = regutils.make_sine(n_samples=100, noise=0.3, seed=4)
# X_dev, X_final, y_dev, y_final = train_test_split(X_all, y_all, test_size=0.2, random_state=0)
# ```
#
# 1. Split the development set again into training (75 %) and validation (25 %) with
#    `random_state=1`. Fit every degree in `degrees` on the training part and store the degree with
#    the lowest **validation** RMSE in `chosen_degree`. Refit that degree on the whole development
#    set and store its RMSE on the final test set in `final_rmse`.
# 2. Repeat the choice for `random_state` 0 to 9 and store the ten chosen degrees in the list
#    `chosen_by_split`. What does this say about trusting a single validation split?

# %% tags=["solution", "exercise-4"]
### BEGIN SOLUTION
# NBVAL_CHECK_OUTPUT
X_all, y_all = regutils.make_sine(n_samples=100, noise=0.3, seed=4)
X_dev, X_final, y_dev, y_final = train_test_split(X_all, y_all, test_size=0.2, random_state=0)


def choose_degree(random_state):
    X_tr, X_val, y_tr, y_val = train_test_split(X_dev, y_dev, test_size=0.25,
                                                random_state=random_state)
    val_rmse = [root_mean_squared_error(y_val, polynomial(d).fit(X_tr, y_tr).predict(X_val))
                for d in degrees]
    return int(degrees[np.argmin(val_rmse)])


chosen_degree = choose_degree(random_state=1)
final_model = polynomial(chosen_degree).fit(X_dev, y_dev)
final_rmse = root_mean_squared_error(y_final, final_model.predict(X_final))
chosen_by_split = [choose_degree(rs) for rs in range(10)]
print("degree chosen with random_state=1:", chosen_degree)
print(f"its final test RMSE: {final_rmse:.4f}")
print("degrees chosen with random_state 0-9:", chosen_by_split)
# stub: chosen_degree = ...
# stub: final_rmse = ...
# stub: chosen_by_split = ...
### END SOLUTION

# %%
# NBVAL_CHECK_OUTPUT
ex.check("4", chosen_degree=chosen_degree, final_rmse=final_rmse, chosen_by_split=chosen_by_split)

# %% [markdown] tags=["solution"]
# The chosen degree depends on which 20 points land in the validation set: one split is a noisy
# judge. Cross-validation (lesson section 10) averages over several splits for a steadier choice.

# %% [markdown]
# ## Exercise 5 · Cross-validate the ridge penalty — and decide
#
# Fifteen points are few for degree 9. Should you penalize it, and how strongly? Choose the ridge
# penalty by 5-fold cross-validation on this data, model, grid and folds:
#
# ```python
# X_small, y_small = regutils.make_sine(n_samples=15, noise=0.3, seed=5)
# model = make_pipeline(PolynomialFeatures(9), Ridge())
# alphas = np.logspace(-10, 1, 12)
# cv = KFold(n_splits=5, shuffle=True, random_state=0)
# ```
#
# Store the λ with the lowest mean validation RMSE in `best_alpha`, and that RMSE in
# `best_cv_rmse`. Then defend the decision with a number: compare it with the mean validation RMSE
# of the smallest λ (almost no penalty).

# %% tags=["solution", "exercise-5"]
### BEGIN SOLUTION
# NBVAL_CHECK_OUTPUT
X_small, y_small = regutils.make_sine(n_samples=15, noise=0.3, seed=5)
model = make_pipeline(PolynomialFeatures(9), Ridge())
alphas = np.logspace(-10, 1, 12)
cv = KFold(n_splits=5, shuffle=True, random_state=0)
_, val_scores = validation_curve(model, X_small, y_small, param_name="ridge__alpha",
                                 param_range=alphas, cv=cv, scoring="neg_root_mean_squared_error")
mean_val = -val_scores.mean(axis=1)
best_alpha = float(alphas[np.argmin(mean_val)])
best_cv_rmse = float(mean_val.min())
print(f"best λ {best_alpha:.0e}: mean validation RMSE {best_cv_rmse:.3f}")
print(f"smallest λ {alphas[0]:.0e}: mean validation RMSE {mean_val[0]:.2f}")
print(f"ratio: {best_cv_rmse / mean_val[0]:.2f}")
# stub: best_alpha = ...
# stub: best_cv_rmse = ...
### END SOLUTION

# %%
# NBVAL_CHECK_OUTPUT
ex.check("5", best_alpha=best_alpha, best_cv_rmse=best_cv_rmse)

# %% [markdown]
# ## Where next
#
# Lesson 02 studies the ridge penalty in depth: its closed form, shrinkage paths, why features must
# be standardized, and how it stabilizes correlated features.
