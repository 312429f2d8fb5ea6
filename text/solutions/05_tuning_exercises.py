# %% [markdown]
# # 05 · Tuning λ — exercises
#
# Four exercises on [lesson 05](05_tuning.ipynb). Each one asks a question you
# answer with a few lines of code: write them in the cell marked `# Write your code here.` and
# replace each `...` with your answer (e.g. `best_alpha = 0.3`). The setup cell loads the heart
# data as `X, y` and defines `logistic(C, l1_ratio)`, the lesson's logistic regression. No cell
# depends on your answers, so you can skip an exercise and come back.
#
# **Feedback as you go.** The cell after each answer runs `ex.check(...)`: it says `Correct`, or
# what to look at. Stuck? `ex.hint("1")` gives a hint (call it again for the next one), and
# `ex.solution("1")` shows a worked solution — also in
# `solutions/05_tuning_exercises.ipynb`.

# %% [markdown] tags=["solution"]
# > **Solutions notebook.** This is the worked-solutions version; the exercise notebook in
# > `notebooks/` is generated from it (`make exercises`).

# %%
import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GridSearchCV, StratifiedKFold, cross_val_score, train_test_split
from sklearn.pipeline import make_pipeline

import regutils
from regutils.model_selection import one_standard_error_rule

SEED = regutils.setup_notebook(seed=0)
ex = regutils.exercises("05")  # check(), hint() and solution() for these exercises

X, y = regutils.load_heart()


def logistic(C, l1_ratio):
    # The lesson's model: L1 (l1_ratio=1.0) or L2 (l1_ratio=0.0) logistic regression.
    # random_state fixed on purpose (not SEED), like every seed below: the checks recompute the
    # answers with exactly these recipes.
    return LogisticRegression(C=C, l1_ratio=l1_ratio, solver="liblinear", intercept_scaling=1000,
                              tol=1e-6, max_iter=10_000, random_state=0)


# %% [markdown]
# ## Exercise 1 · Apply the one-standard-error rule
#
# A colleague cross-validated a lasso at six strengths and sends you the validation RMSE of each
# of the 5 folds (one row per `alpha`):
#
# ```python
# alphas = np.array([0.01, 0.1, 0.3, 1.0, 3.0, 10.0])
# fold_rmse = np.array([[4.95, 5.05, 5.10, 5.15, 5.25],
#                       [5.06, 4.82, 5.18, 4.94, 5.00],
#                       [4.95, 5.19, 4.87, 4.71, 5.03],
#                       [4.95, 5.09, 4.81, 5.02, 5.23],
#                       [5.25, 5.10, 5.15, 4.95, 5.05],
#                       [5.70, 6.00, 6.30, 6.10, 5.90]])
# ```
#
# Store the `alpha` with the lowest mean RMSE in `best_alpha`, and the one-standard-error choice
# in `one_se_alpha`. The standard error of a mean over the 5 folds is the fold standard deviation
# (`ddof=1`) divided by $\sqrt 5$. You may use `one_standard_error_rule` (imported above) — or
# compute it by hand.

# %% tags=["solution", "exercise-1"]
### BEGIN SOLUTION
# NBVAL_CHECK_OUTPUT
alphas = np.array([0.01, 0.1, 0.3, 1.0, 3.0, 10.0])
fold_rmse = np.array([[4.95, 5.05, 5.10, 5.15, 5.25],
                      [5.06, 4.82, 5.18, 4.94, 5.00],
                      [4.95, 5.19, 4.87, 4.71, 5.03],
                      [4.95, 5.09, 4.81, 5.02, 5.23],
                      [5.25, 5.10, 5.15, 4.95, 5.05],
                      [5.70, 6.00, 6.30, 6.10, 5.90]])
mean_rmse = fold_rmse.mean(axis=1)
standard_errors = fold_rmse.std(axis=1, ddof=1) / np.sqrt(fold_rmse.shape[1])
best_alpha = float(alphas[np.argmin(mean_rmse)])
# A larger alpha is a stronger penalty, a simpler model; RMSE is an error (lower is better).
one_se_alpha = one_standard_error_rule(alphas, mean_rmse, standard_errors, simpler="higher",
                                       greater_is_better=False)
print("mean RMSE:", mean_rmse.round(3).tolist())
print("standard errors:", standard_errors.round(3).tolist())
print(f"best alpha {best_alpha}; threshold {mean_rmse.min() + standard_errors[np.argmin(mean_rmse)]:.3f}; "
      f"one-SE alpha {one_se_alpha}")
# stub: best_alpha = ...
# stub: one_se_alpha = ...
### END SOLUTION

# %%
# NBVAL_CHECK_OUTPUT
ex.check("1", best_alpha=best_alpha, one_se_alpha=one_se_alpha)

# %% [markdown] tags=["solution"]
# The best mean is at `alpha = 0.3`; its standard error sets the threshold, and `alpha = 1.0` is
# the largest strength whose mean RMSE is below it. `alpha = 3.0` would pass only with the
# standard *deviation* as the margin — a much looser rule.

# %% [markdown]
# ## Exercise 2 · Nested cross-validation on the heart data
#
# Tune the L2 model's `C` by grid search and score the whole procedure honestly:
#
# ```python
# model = make_pipeline(regutils.heart_preprocessor(), logistic(C=1.0, l1_ratio=0.0))
# grid = {"logisticregression__C": [0.01, 0.1, 1.0]}
# inner = StratifiedKFold(n_splits=5, shuffle=True, random_state=1)
# outer = StratifiedKFold(n_splits=5, shuffle=True, random_state=2)
# ```
#
# Store in `nested_score` the mean accuracy of `GridSearchCV(model, grid, cv=inner)` scored by
# `cross_val_score` with the `outer` folds. Then fit the same search on all of `X, y` and store its
# `best_score_` in `best_inner_score` and the chosen `C` in `best_C`. Which number would you report?

# %% tags=["solution", "exercise-2"]
### BEGIN SOLUTION
# NBVAL_CHECK_OUTPUT
model = make_pipeline(regutils.heart_preprocessor(), logistic(C=1.0, l1_ratio=0.0))
grid = {"logisticregression__C": [0.01, 0.1, 1.0]}
inner = StratifiedKFold(n_splits=5, shuffle=True, random_state=1)
outer = StratifiedKFold(n_splits=5, shuffle=True, random_state=2)
search = GridSearchCV(model, grid, cv=inner)
nested_score = cross_val_score(search, X, y, cv=outer).mean()
search.fit(X, y)
best_inner_score = search.best_score_
best_C = search.best_params_["logisticregression__C"]
print(f"nested CV accuracy: {nested_score:.3f}")
print(f"best inner CV accuracy: {best_inner_score:.3f} at C = {best_C}")
# stub: nested_score = ...
# stub: best_inner_score = ...
# stub: best_C = ...
### END SOLUTION

# %%
# NBVAL_CHECK_OUTPUT
ex.check("2", nested_score=nested_score, best_inner_score=best_inner_score, best_C=best_C)

# %% [markdown] tags=["solution"]
# Report the nested score. `best_score_` is the best of three estimates on the same inner folds
# that chose it; here it is higher than the nested score. The model to use is still the search
# fitted on all rows (`search.best_estimator_`).

# %% [markdown]
# ## Exercise 3 · Which features survive the strongest useful penalty?
#
# For each `C` in `[0.02, 0.05, 0.1, 0.5, 1.0]`, fit
# `make_pipeline(regutils.heart_preprocessor(), logistic(C, l1_ratio=1.0))` on all of `X, y` and
# count the non-zero weights. Store in `strongest_C` the `C` with the **strongest penalty** among
# those whose model keeps at least 8 features, and in `kept` the sorted list of the names of the
# features that model keeps (names from `model[:-1].get_feature_names_out()`).

# %% tags=["solution", "exercise-3"]
### BEGIN SOLUTION
# NBVAL_CHECK_OUTPUT
kept_by_C = {}
for C in [0.02, 0.05, 0.1, 0.5, 1.0]:
    model = make_pipeline(regutils.heart_preprocessor(), logistic(C, l1_ratio=1.0)).fit(X, y)
    names = model[:-1].get_feature_names_out()
    kept_by_C[C] = sorted(str(name) for name in names[model[-1].coef_[0] != 0])
    print(f"C = {C:<5g} keeps {len(kept_by_C[C]):2d}")
# C is the inverse of the strength: the strongest penalty is the smallest C.
strongest_C = min(C for C, names in kept_by_C.items() if len(names) >= 8)
kept = kept_by_C[strongest_C]
print(f"strongest_C = {strongest_C}: {kept}")
# stub: strongest_C = ...
# stub: kept = ...
### END SOLUTION

# %%
# NBVAL_CHECK_OUTPUT
ex.check("3", strongest_C=strongest_C, kept=kept)

# %% [markdown]
# ## Exercise 4 · How much does one split's accuracy vary?
#
# Score the L2 model `make_pipeline(regutils.heart_preprocessor(), logistic(C=1.0, l1_ratio=0.0))`
# on 20 single 80/20 splits: for each seed in `range(20)`, split with
# `train_test_split(X, y, test_size=0.2, random_state=seed)` (**not** stratified), fit on the
# training part and compute the accuracy on the test part. Store the lowest and highest of the 20
# accuracies in `acc_min` and `acc_max`. Compare the range with the differences between models in
# the lesson.

# %% tags=["solution", "exercise-4"]
### BEGIN SOLUTION
# NBVAL_CHECK_OUTPUT
accuracies = []
for seed in range(20):
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=seed)
    model = make_pipeline(regutils.heart_preprocessor(), logistic(C=1.0, l1_ratio=0.0))
    accuracies.append(model.fit(X_train, y_train).score(X_test, y_test))
acc_min, acc_max = min(accuracies), max(accuracies)
print(f"accuracy over 20 splits: from {acc_min:.3f} to {acc_max:.3f} (mean {np.mean(accuracies):.3f})")
# stub: acc_min = ...
# stub: acc_max = ...
### END SOLUTION

# %%
# NBVAL_CHECK_OUTPUT
ex.check("4", acc_min=acc_min, acc_max=acc_max)

# %% [markdown] tags=["solution"]
# The same model, the same data: about ten points between the luckiest and the unluckiest split.
# The lesson's models differ by a few points at their best `C` — one split cannot tell them apart.

# %% [markdown]
# ## Where next
#
# Lesson 07 moves the same penalties into neural networks: Keras's `kernel_regularizer`, what it
# adds to the loss, and the difference between an L2 penalty and decoupled weight decay.
