# %% [markdown]
# # 05 · Tuning λ — exercises
#
# Three exercises on [lesson 05](05_tuning.ipynb). Each one asks a question you
# answer with a few lines of code: write them in the cell marked `# Write your code here.` and
# replace each `...` with your answer (e.g. `best_alpha = 0.3`). The setup cell loads the diabetes
# data as `X, y` (NumPy arrays, original units). No cell depends on your answers, so you can skip an
# exercise and come back.
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
from sklearn.datasets import load_diabetes
from sklearn.linear_model import Lasso, Ridge
from sklearn.metrics import root_mean_squared_error
from sklearn.model_selection import GridSearchCV, KFold, cross_val_score, validation_curve
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

import regutils
from regutils.model_selection import one_standard_error_rule

SEED = regutils.setup_notebook(seed=0)
ex = regutils.exercises("05")  # check(), hint() and solution() for these exercises

X, y = load_diabetes(return_X_y=True, scaled=False)

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
# ## Exercise 2 · An honest score for a tuned ridge
#
# A colleague tunes a ridge regression on the diabetes data and reports its best cross-validated
# RMSE. You want the number a new patient's prediction will actually be judged by: the score of
# the whole procedure "choose `alpha` by 5-fold cross-validation, then fit".
#
# ```python
# # fixed on purpose (not SEED): the check recomputes the answer with these folds
# model = make_pipeline(StandardScaler(), Ridge())
# alphas = np.logspace(-2, 3, 11)
# inner = KFold(n_splits=5, shuffle=True, random_state=1)  # to choose alpha
# outer = KFold(n_splits=5, shuffle=True, random_state=2)  # to score the procedure
# ```
#
# Store in
#
# 1. `nested_rmse`: the mean RMSE over the `outer` folds of the procedure "tune `alpha` over
#    `alphas` on the `inner` folds (by RMSE), then fit" — every outer training part tunes on its own;
# 2. `best_inner_rmse`: the colleague's number, the best mean RMSE of the same search run once on all
#    of `X, y` with the `inner` folds;
# 3. `best_alpha`: the `alpha` that search chooses.
#
# Which of the two RMSEs would you report, and why?

# %% tags=["solution", "exercise-2"]
### BEGIN SOLUTION
# NBVAL_CHECK_OUTPUT
model = make_pipeline(StandardScaler(), Ridge())
alphas = np.logspace(-2, 3, 11)
inner = KFold(n_splits=5, shuffle=True, random_state=1)
outer = KFold(n_splits=5, shuffle=True, random_state=2)
search = GridSearchCV(model, {"ridge__alpha": alphas}, cv=inner,
                      scoring="neg_root_mean_squared_error")
# The unfitted search goes into cross_val_score: each outer training part runs its own search.
outer_rmse = -cross_val_score(search, X, y, cv=outer, scoring="neg_root_mean_squared_error")
nested_rmse = outer_rmse.mean()
search.fit(X, y)
best_inner_rmse = -search.best_score_
best_alpha = search.best_params_["ridge__alpha"]
print(f"nested CV RMSE: {nested_rmse:.2f} ± {outer_rmse.std(ddof=1):.2f} (sd over 5 outer folds)")
print(f"best inner CV RMSE: {best_inner_rmse:.2f} at alpha = {best_alpha:.3g}")
# stub: nested_rmse = ...
# stub: best_inner_rmse = ...
# stub: best_alpha = ...
### END SOLUTION

# %%
# NBVAL_CHECK_OUTPUT
ex.check("2", nested_rmse=nested_rmse, best_inner_rmse=best_inner_rmse, best_alpha=best_alpha)

# %% [markdown] tags=["solution"]
# Report the nested RMSE, about 55.6, with its spread over the outer folds (about 1.3). The best
# inner RMSE, about 54.9, is the lowest of eleven estimates, picked on the same folds that scored
# it: it describes the search, not a new patient. Here the difference (about 0.8) is smaller than
# the outer folds' spread, as in the lesson; with more candidates or fewer rows it grows. The model
# to use is still the search fitted on all rows (`search.best_estimator_`).

# %% [markdown]
# ## Exercise 3 · A decision: the simplest lasso a clinic can afford
#
# A clinic wants to predict disease progression from as few measurements as possible. It will
# accept a model whose RMSE is up to **5 % worse** than the best lasso's if that model needs fewer
# measurements. Should it tune the lasso with the lowest mean CV error or with the
# one-standard-error rule? Price the one-SE rule honestly: with nested cross-validation, so that
# the folds that *choose* λ never *score* it.
#
# ```python
# # fixed on purpose (not SEED): the check recomputes the answers with these folds
# alphas = np.logspace(-1, 1.5, 21)
# outer = KFold(n_splits=5, shuffle=True, random_state=2)  # to score the two rules
# inner = KFold(n_splits=5, shuffle=True, random_state=1)  # to choose alpha inside each outer part
# ```
#
# For each outer fold: on the outer training part, compute the validation curve of
# `make_pipeline(StandardScaler(), Lasso())` over `alphas` with the `inner` folds (RMSE); choose
# one `alpha` by each rule; refit each choice on the outer training part; record its RMSE on the
# outer test part and how many features it keeps. Store
#
# 1. `cost`: the mean over the outer folds of the **paired** difference "RMSE of the one-SE
#    choice minus RMSE of the lowest-mean choice" (both scored on the same outer test part);
# 2. `cost_se`: the standard error of that mean — the standard deviation (`ddof=1`) of the five
#    paired differences divided by $\sqrt 5$;
# 3. `features_saved`: how many fewer features the one-SE choice keeps, averaged over the outer
#    folds;
# 4. `rule`: your recommendation, `"lowest mean"` or `"one-SE"`.
#
# Defend the recommendation with your numbers.

# %% tags=["solution", "exercise-3"]
### BEGIN SOLUTION
# NBVAL_CHECK_OUTPUT
alphas = np.logspace(-1, 1.5, 21)
outer = KFold(n_splits=5, shuffle=True, random_state=2)
inner = KFold(n_splits=5, shuffle=True, random_state=1)
rmse = {"lowest mean": [], "one-SE": []}
kept = {"lowest mean": [], "one-SE": []}
for train, test in outer.split(X):
    # The inner search sees only the outer training part.
    _, scores = validation_curve(make_pipeline(StandardScaler(), Lasso()), X[train], y[train],
                                 param_name="lasso__alpha", param_range=alphas, cv=inner,
                                 scoring="neg_root_mean_squared_error")
    fold_rmse = -scores
    means = fold_rmse.mean(axis=1)
    errors = fold_rmse.std(axis=1, ddof=1) / np.sqrt(fold_rmse.shape[1])
    choice = {"lowest mean": alphas[np.argmin(means)],
              "one-SE": one_standard_error_rule(alphas, means, errors, simpler="higher",
                                                greater_is_better=False)}
    for rule_name, alpha in choice.items():
        fitted = make_pipeline(StandardScaler(), Lasso(alpha=alpha)).fit(X[train], y[train])
        rmse[rule_name].append(root_mean_squared_error(y[test], fitted.predict(X[test])))
        kept[rule_name].append(int(np.sum(fitted[-1].coef_ != 0)))
differences = np.array(rmse["one-SE"]) - np.array(rmse["lowest mean"])  # paired: same test parts
cost = differences.mean()
cost_se = differences.std(ddof=1) / np.sqrt(len(differences))
features_saved = np.mean(kept["lowest mean"]) - np.mean(kept["one-SE"])
best_rmse = np.mean(rmse["lowest mean"])
print("features kept, lowest mean:", kept["lowest mean"], "| one-SE:", kept["one-SE"])
print("paired differences, fold by fold:", differences.round(2).tolist())
print(f"cost: {cost:.2f} ± {cost_se:.2f} (paired SE), {cost / best_rmse:.1%} of {best_rmse:.1f}")
print(f"features saved: {features_saved:.1f} on average")
rule = "one-SE" if cost / best_rmse < 0.05 else "lowest mean"
print("recommendation:", rule)
# stub: cost = ...
# stub: cost_se = ...
# stub: features_saved = ...
# stub: rule = ...
### END SOLUTION

# %%
# NBVAL_CHECK_OUTPUT
ex.check("3", cost=cost, cost_se=cost_se, features_saved=features_saved, rule=rule)

# %% [markdown] tags=["solution"]
# Recommend the one-SE rule. It keeps about 3.4 fewer of the 10 measurements (about 5 instead of
# 8) and costs about 1.35 RMSE units on patients the choice never saw, about 2.4 % of the lowest-mean
# rule's RMSE — inside the clinic's 5 %. The cost is real, not fold noise: about three paired
# standard errors, and the one-SE choice is worse on four of the five outer folds. So this is a
# trade, not a free lunch — which is why it needs a number the clinic agreed to in advance. (The
# non-nested version, both choices read off one validation curve on all the data, prices the same
# trade with the folds that made the choice.)

# %% [markdown]
# ## Where next
#
# Lesson 06 applies the same tools to classification: logistic regression with L1 and L2
# penalties on the heart-disease data, its `C` tuned by cross-validation and the models compared
# on the same splits.
