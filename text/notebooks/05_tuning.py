# %% [markdown]
# # 05 · Tuning λ
#
# Every penalty so far came with a strength to choose, and on real data the choice matters more
# than the kind of penalty. Lessons 01–04 let cross-validation choose it (`validation_curve`,
# `RidgeCV`, `LassoCV`, `ElasticNetCV`). This lesson looks at that choice closely, on the diabetes
# data and the lasso: the validation curve and its noise, the **one-standard-error rule** for a
# simpler model, how much the chosen λ depends on the particular folds, why path algorithms make
# the search cheap, and how to report the score of a *tuned* model honestly with **nested
# cross-validation**.
#
# ### Learning objectives
# After this lesson you can
# 1. draw a validation curve with its standard errors and choose a penalty strength from it — the
#    lowest mean error, or the simpler one-standard-error choice — and say what the simpler choice
#    costs;
# 2. measure how much the chosen strength depends on the split into folds, and why the
#    one-standard-error choice moves less;
# 3. explain why path-based search (`LassoCV`, `ElasticNetCV`) is much faster than a grid search
#    over the same values, and measure it;
# 4. score the whole procedure "tune λ, then fit" with nested cross-validation, and explain why
#    the best score of a search is not an honest estimate.
#
# **Prerequisites:** lessons 01–04: k-fold cross-validation and validation curves (lesson 01),
# standardizing before a penalty (lesson 02), the lasso and its path (lesson 03).
# **Time:** about 45 minutes to work through; the notebook runs top to bottom in <!--time:05_tuning-->7.1 s<!--/time--> on a 2-core CPU.
#
# **How to read this notebook.** Outputs are stored, so you can read first and run later
# (*Run ▸ Run All Cells*). Lines that start with ✔ are **claims**: a statement from the text,
# the number this run measured, and the rule it must meet — for example
# `✔ path search is faster than grid search: 13× (claim: > 5×)`. The course's tests re-run every
# lesson under other random seeds and on other kinds of CPU and fail if a claim stops holding. If
# you change something and see ✘, the claim does not hold for *your* run: that is what your change
# did, not a bug. Timings differ from machine to machine.

# %%
import time

import matplotlib.pyplot as plt
import numpy as np
from sklearn.datasets import load_diabetes
from sklearn.linear_model import Lasso, LassoCV
from sklearn.model_selection import (GridSearchCV, KFold, cross_val_score,
                                     validation_curve)
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

import regutils
from regutils import claim
from regutils.model_selection import one_standard_error_rule

SEED = regutils.setup_notebook(seed=0)  # seeds, thread counts, quiet logs, plot style

# %% [markdown]
# ## 1 · A validation curve for the lasso
#
# The diabetes data (Efron et al. 2004; lessons 02 and 03): 442 patients, 10 baseline measurements
# in their original units (age, sex, body-mass index, blood pressure, six blood serum values), and
# a measure of disease progression one year later. The model is a lasso behind a `StandardScaler`,
# in one pipeline, so each fold standardizes with its own training rows. `validation_curve` scores
# 30 strengths with 5-fold cross-validation (lesson 01, section 9); scikit-learn's scores are
# "higher is better", so the RMSE comes back negated. The folds are shuffled with `SEED`.

# %%
X_d, y_d = load_diabetes(return_X_y=True, scaled=False)  # NumPy arrays: a little faster
feature_names = load_diabetes().feature_names
cv = KFold(n_splits=5, shuffle=True, random_state=SEED)
alphas = np.logspace(-2, 1.7, 30)
_, val_scores = validation_curve(
    make_pipeline(StandardScaler(), Lasso()), X_d, y_d, param_name="lasso__alpha",
    param_range=alphas, cv=cv, scoring="neg_root_mean_squared_error")
val_rmse = -val_scores  # shape (30 strengths, 5 folds)

# %% [markdown]
# ## 2 · The best λ, and the one-standard-error rule
#
# The strength with the lowest mean validation RMSE is the obvious choice. But the mean comes from
# only 5 folds, and the curve is flat near its minimum: many strengths are statistically
# indistinguishable from the best. The **one-standard-error rule** (Breiman et al. 1984; *ESL*
# §7.10) takes the *simplest* model — here the largest `alpha`, which keeps the fewest features —
# whose mean error is within one standard error of the best. The standard error of a mean over
# $k$ folds is the fold-to-fold standard deviation divided by $\sqrt{k}$.
#
# `regutils.model_selection.one_standard_error_rule` implements it. You say which direction is
# simpler: `simpler="higher"` for a penalty strength such as `alpha` (a larger `alpha` is a
# stronger penalty, a simpler model), and whether the score is an error (`greater_is_better=False`).

# %%
mean_rmse = val_rmse.mean(axis=1)
standard_errors = val_rmse.std(axis=1, ddof=1) / np.sqrt(val_rmse.shape[1])
best_alpha = alphas[np.argmin(mean_rmse)]
one_se_alpha = one_standard_error_rule(alphas, mean_rmse, standard_errors, simpler="higher",
                                       greater_is_better=False)

fig, ax = plt.subplots(figsize=(7, 3.8))
ax.errorbar(alphas, mean_rmse, yerr=standard_errors, fmt="o-", ms=3, capsize=2, color="#E69F00",
            label="mean validation RMSE ± one standard error")
ax.axhline(mean_rmse.min() + standard_errors[np.argmin(mean_rmse)], color="gray", lw=1,
           label="best mean + its standard error")
ax.axvline(best_alpha, color="black", ls=":", lw=1.5, label=f"lowest mean: alpha = {best_alpha:.2f}")
ax.axvline(one_se_alpha, color="#D55E00", ls="--", lw=1.5, label=f"one-SE rule: alpha = {one_se_alpha:.2f}")
ax.set_xscale("log")
ax.set_ylim(top=1.15 * mean_rmse.min())  # zoom on the flat part; the curve rises far above
ax.set_xlabel("penalty strength λ (alpha)")
ax.set_ylabel("validation RMSE")
ax.set_title("Lasso on the diabetes data: validation curve (5-fold CV)\n"
             "dotted line: lowest mean; dashed line: one-SE rule")
ax.legend(fontsize="small")
plt.show()

# %%
features_kept = {}
for name, alpha in (("lowest mean RMSE", best_alpha), ("one-SE rule", one_se_alpha)):
    i = int(np.flatnonzero(alphas == alpha)[0])
    lasso = make_pipeline(StandardScaler(), Lasso(alpha=alpha)).fit(X_d, y_d)[-1]
    features_kept[name] = int(np.sum(lasso.coef_ != 0))
    print(f"{name:16s}: alpha = {alpha:.2f}, mean CV RMSE {mean_rmse[i]:.2f} "
          f"(standard error {standard_errors[i]:.2f}), {features_kept[name]} of 10 features")
i_best, i_one_se = int(np.argmin(mean_rmse)), int(np.flatnonzero(alphas == one_se_alpha)[0])
cost = mean_rmse[i_one_se] - mean_rmse[i_best]
print(f"cost of the one-SE choice: {cost:.2f} RMSE units, {cost / mean_rmse[i_best]:.1%} of the best mean")
claim("the one-SE choice keeps fewer features (its count)", features_kept["one-SE rule"],
      below=features_kept["lowest mean RMSE"], fmt="d")
claim("...and costs a few percent of the best mean CV RMSE", cost / mean_rmse[i_best],
      at_most=0.07, fmt=".1%")

# %% [markdown]
# The one-SE choice keeps fewer features and costs a few percent of the error (about 1 to 3 % under
# most seeds; the claim allows up to 7 %). By construction, the cost is at most one standard error
# of the best mean: within the noise of the *level* of the curve. It is a judgement call, not a
# law: use it when a simpler model has value of its own (fewer measurements to take, an easier
# story to tell). The exercises measure its cost honestly, with nested cross-validation.
#
# ## 3 · Path algorithms: why `LassoCV` is fast
#
# `GridSearchCV` treats every candidate as a separate problem: 100 strengths × 5 folds = 500
# independent lasso fits, each starting from zero. `LassoCV` exploits the structure of the problem.
# For each fold it computes the whole **regularization path** (lesson 03): it starts at the largest
# `alpha`, where every weight is zero, and walks down the grid, starting each fit from the previous
# solution (a *warm start*). Neighbouring solutions are close, so each needs only a few sweeps of
# coordinate descent (Friedman, Hastie & Tibshirani 2010). `ElasticNetCV` (lesson 04) does the same
# for each `l1_ratio`. On data as small as these, part of the saving is plainer: one call per fold
# instead of 500 separate fits, each of which the grid search clones, checks, fits from zero and
# scores.
#
# To compare the two fairly we give both the same input — the standardized matrix —, the same 100
# strengths, the same folds and the same criterion (mean squared error averaged over folds). We
# measure CPU time (`time.process_time`): the seconds this process computed, which other programs
# running on the machine do not inflate.
# (Standardizing all rows once leaks a little information into the folds. Inside a real
# pipeline, `make_pipeline(StandardScaler(), LassoCV(...))` has the same mild leak, since the
# scaler sees all the rows `LassoCV` then splits; it is usually accepted for the speed.)

# %%
X_std = StandardScaler().fit_transform(X_d)
grid = np.logspace(-2, 1.7, 100)

start = time.process_time()
grid_search = GridSearchCV(Lasso(), {"alpha": grid}, cv=cv, scoring="neg_mean_squared_error")
grid_search.fit(X_std, y_d)
grid_seconds = time.process_time() - start

path_runs = []
for _ in range(3):  # short timings are noisy: take the median of three runs
    start = time.process_time()
    lasso_cv = LassoCV(alphas=grid, cv=cv).fit(X_std, y_d)
    path_runs.append(time.process_time() - start)
path_seconds = float(np.median(path_runs))
print(f"CPU time: GridSearchCV {grid_seconds:.2f} s, LassoCV {path_seconds:.3f} s")

# %%
claim("both choose the same alpha", lasso_cv.alpha_, equals=grid_search.best_params_["alpha"],
      fmt=".3f")
claim("path search is faster than grid search", grid_seconds / path_seconds, above=5, unit="×",
      fmt=".0f")

# %% [markdown]
# Same answer, in a fraction of the time: more than five times faster (the claim prints this
# run's factor). The factor is the whole difference in CPU time: the warm starts and the grid
# search's overhead per fit together. Use the `...CV` estimators when they exist for your model;
# keep `GridSearchCV` for everything else (and for searches over several different hyperparameters).
#
# ## 4 · How much does the choice depend on the folds?
#
# The validation curve of section 2 came from one random split into five folds. Shuffle the rows
# differently and the curve moves a little — and because it is flat near its minimum, a little is
# enough to move its lowest point a long way. Path search makes it cheap to look: rerun the same
# search with 20 other shuffles of the folds and record both choices each time. `LassoCV` stores the
# mean squared error of every strength on every fold in `mse_path_`; its square root is each fold's
# RMSE, as in section 1.

# %%
chosen = {"lowest mean": [], "one-SE rule": []}
for k in range(20):
    folds = KFold(n_splits=5, shuffle=True, random_state=20 * SEED + 100 + k)  # 20 new shuffles
    search_k = LassoCV(alphas=alphas, cv=folds).fit(X_std, y_d)
    fold_rmse = np.sqrt(search_k.mse_path_)  # rows follow search_k.alphas_ (largest first)
    means = fold_rmse.mean(axis=1)
    errors = fold_rmse.std(axis=1, ddof=1) / np.sqrt(fold_rmse.shape[1])
    chosen["lowest mean"].append(search_k.alphas_[np.argmin(means)])
    chosen["one-SE rule"].append(one_standard_error_rule(search_k.alphas_, means, errors,
                                                         simpler="higher", greater_is_better=False))

fig, ax = plt.subplots(figsize=(7, 3.4))
for (name, values), marker, style, color in zip(chosen.items(), ("o", "^"), (":", "--"),
                                                ("black", "#D55E00")):
    grid_points, counts = np.unique(values, return_counts=True)
    ax.vlines(grid_points, 0, counts, ls=style, lw=1.5, color=color)
    ax.plot(grid_points, counts, marker=marker, ls="none", ms=8, color=color, label=name)
ax.set_xscale("log")
ax.set_ylim(bottom=0)
ax.set_xlim(alphas[0] / 1.5, alphas[-1] * 1.5)
ax.set_xlabel("chosen penalty strength λ (alpha)")
ax.set_ylabel("shuffles (of 20)")
ax.set_title("The chosen λ under 20 shuffles of the folds (circles: lowest mean, triangles: one-SE rule)",
             fontsize="medium")
ax.legend(fontsize="small")
plt.show()

# %%
spread = {name: np.std(np.log10(values), ddof=1) for name, values in chosen.items()}
for name, values in chosen.items():
    print(f"{name:12s}: alpha from {min(values):.2f} to {max(values):.2f}, "
          f"sd of log10(alpha) {spread[name]:.2f}")
claim("the lowest-mean alpha moves a long way between shuffles (largest ÷ smallest)",
      max(chosen["lowest mean"]) / min(chosen["lowest mean"]), above=30, unit="×", fmt=".0f")
claim("the one-SE alpha moves much less: its sd of log10(alpha) ÷ the lowest mean's",
      spread["one-SE rule"] / spread["lowest mean"], below=0.5, fmt=".2f")

# %% [markdown]
# The lowest point of the curve wanders over more than a factor of 30 — from weak penalties that
# keep every feature to strengths that drop several — while the one-SE choice stays within a
# narrow band: the spread of its log-strength is less than half that of the lowest mean (a fifth
# to a quarter under the seeds 0–9 we tried). The lowest-mean choice sits where the curve is flattest, so
# fold noise decides it; the one-SE choice sits where the curve rises, which pins it down. Neither
# is "the true λ": on these data many strengths predict almost equally well. If you report a
# chosen λ, report how it was chosen, and expect another split to give another value.
#
# ## 5 · Nested cross-validation: an honest score for a tuned model
#
# After a search, `best_score_` is tempting to report. It is not an honest estimate: it is the
# best of many noisy estimates, picked on the very folds that score it, so in expectation it is
# optimistic. To score the whole procedure "tune by CV, then fit", run the search *inside* an
# outer cross-validation: each outer training part gets its own inner search, and the outer test
# part, which the search never saw, scores the result. In scikit-learn that is a `GridSearchCV`
# passed to `cross_val_score`.

# %%
inner = KFold(n_splits=5, shuffle=True, random_state=SEED + 1)
outer = KFold(n_splits=5, shuffle=True, random_state=SEED + 2)
search = GridSearchCV(make_pipeline(StandardScaler(), Lasso()),
                      {"lasso__alpha": np.logspace(-2, 1.7, 20)}, cv=inner,
                      scoring="neg_root_mean_squared_error")
nested_rmse = -cross_val_score(search, X_d, y_d, cv=outer, scoring="neg_root_mean_squared_error")
inner_best_rmse = -search.fit(X_d, y_d).best_score_

# %%
print(f"best inner CV RMSE (best_score_ of the search): {inner_best_rmse:.2f}")
print(f"nested CV RMSE: {nested_rmse.mean():.2f} ± {nested_rmse.std(ddof=1):.2f} (sd over 5 outer folds)")
claim("the two differ by less than the outer folds' sd: |nested − inner best|",
      abs(nested_rmse.mean() - inner_best_rmse), below=nested_rmse.std(ddof=1), fmt=".2f")


# %% [markdown]
# Here the two numbers are close: they differ by less than the spread of the outer folds, and
# under another seed the nested score can even come out lower. With one hyperparameter, 20
# candidates, 442 rows and a flat CV curve, the optimism is smaller than the noise of either
# estimate. It grows with the number of candidates and hyperparameters and with smaller, noisier
# data, and it can then be large (Varma & Simon 2006; Cawley & Talbot 2010). Report the nested
# score, with its spread; use the search fitted on all data (`search.best_estimator_`) as the model.
#
# Nested cross-validation scores a *procedure*, so it can compare procedures too: exercise 3 uses it
# to price the one-SE rule honestly — each outer training part chooses its own λ by both rules,
# and the outer test parts, which neither choice saw, score them.
#
# ## 6 · Explore: λ on the validation curve
#
# Move the slider ($\log_{10}$ of the lasso's `alpha`). The left panel is the validation curve of
# section 2 with the two choices marked; the star is the mean CV RMSE at the chosen strength, on
# the same folds. The right panel shows the lasso's weights (standardized features, fitted on all
# 442 patients) and how many are non-zero. Watch how little the error changes while features leave
# the model, until the penalty is strong enough to cost real accuracy. (The next cell fits the lasso
# at every position of the slider once, about 1 s, so that moving it only redraws.)

# %%
def lasso_at(log10_alpha):
    # Mean CV RMSE (the folds of section 1) and weights of the lasso at alpha = 10**log10_alpha.
    key = round(float(log10_alpha), 2)
    if key not in lasso_cache:  # a value off the slider's grid: fit it now
        model = make_pipeline(StandardScaler(), Lasso(alpha=10.0**key))
        rmse = -cross_val_score(model, X_d, y_d, cv=cv, scoring="neg_root_mean_squared_error").mean()
        lasso_cache[key] = rmse, model.fit(X_d, y_d)[-1].coef_
    return lasso_cache[key]


# Fitted once for every position of the slider (-2.0 to 1.7 in steps of 0.1): the same pipeline,
# folds and scoring as lasso_at, so moving the slider only redraws.
slider_positions = np.round(np.arange(-2.0, 1.75, 0.1), 1)
_, slider_scores = validation_curve(
    make_pipeline(StandardScaler(), Lasso()), X_d, y_d, param_name="lasso__alpha",
    param_range=10.0**slider_positions, cv=cv, scoring="neg_root_mean_squared_error")
lasso_cache = {round(float(k), 2): (-scores.mean(), make_pipeline(StandardScaler(), Lasso(alpha=10.0**k)).fit(X_d, y_d)[-1].coef_)
               for k, scores in zip(slider_positions, slider_scores)}


def show_lambda(log10_alpha=0.0):
    # The validation curve with the chosen strength marked, and the lasso's weights there.
    alpha = 10.0**log10_alpha
    rmse, weights = lasso_at(log10_alpha)

    fig, (left, right) = plt.subplots(1, 2, figsize=(12, 3.8), width_ratios=[1.2, 1])
    left.errorbar(alphas, mean_rmse, yerr=standard_errors, fmt="o-", ms=3, capsize=2,
                  color="#E69F00", label="mean validation RMSE ± SE")
    left.axvline(best_alpha, color="black", ls=":", lw=1.5, label="lowest mean (dotted)")
    left.axvline(one_se_alpha, color="#D55E00", ls="--", lw=1.5, label="one-SE rule (dashed)")
    left.plot(alpha, rmse, "*", color="black", ms=14, label=f"alpha = {alpha:.3g}")
    left.set_xscale("log")
    left.set_xlabel("penalty strength λ (alpha)")
    left.set_ylabel("validation RMSE")
    left.set_title(f"CV RMSE at alpha = {alpha:.3g} (star): {rmse:.1f}")
    left.legend(fontsize="small", loc="upper left")
    right.bar(feature_names, weights, color="#0072B2")
    right.axhline(0.0, color="black", lw=0.8)
    right.set_ylim(-45, 45)
    right.set_xlabel("feature (standardized)")
    right.set_ylabel("lasso weight")
    right.set_title(f"Lasso weights: {int(np.sum(weights != 0))} of 10 non-zero")
    plt.show()


# %%
# NBVAL_IGNORE_OUTPUT
from ipywidgets import FloatSlider

_ = regutils.explore(show_lambda,
                     log10_alpha=FloatSlider(value=0.0, min=-2.0, max=1.7, step=0.1, description="log10 λ"))

# %% [markdown]
# ## Key takeaways
#
# - A validation curve shows the whole trade-off, with its noise: plot the standard errors, not
#   just the means.
# - The lowest mean CV error is one choice; the **one-standard-error rule** is a simpler one —
#   fewer features for a few percent of error here — and it moves much less when the folds change.
# - The chosen λ depends on the folds: on a flat curve, the lowest point wanders. Report how λ was
#   chosen, not just its value.
# - **Path algorithms** (`LassoCV`, `ElasticNetCV`) compute each fold's whole path in one call, each
#   solution the start of the next: the same choice as a grid search, many times faster.
# - The best score of a search is not an honest estimate of the tuned model. **Nested CV** (a
#   search inside `cross_val_score`) scores the whole procedure, "tune, then fit"; report it with
#   its spread.

# %% [markdown]
# ## Check your understanding
#
# Five questions on this lesson, answered here in the notebook: choose an option and press *Check*, or type `quiz.answer("1", "b")`.

# %%
quiz = regutils.quiz("05")
quiz.ask("1")

# %%
quiz.ask("2")

# %%
quiz.ask("3")

# %%
quiz.ask("4")

# %%
quiz.ask("5")

# %% [markdown]
# ## What's next
#
# the exercises in
# [05_tuning_exercises.ipynb](05_tuning_exercises.ipynb)
# (solutions in `solutions/`), then lesson 06,
# [Regularized classification](06_regularized_classification.ipynb): logistic regression with L1
# and L2 penalties, tuned and scored the way this lesson taught.
#
# ### Further reading
#
# - T. Hastie, R. Tibshirani, J. Friedman, *The Elements of Statistical Learning* (2nd ed., 2009),
#   §7.10 (cross-validation and the one-standard-error rule).
# - L. Breiman, J. Friedman, R. Olshen, C. Stone, *Classification and Regression Trees* (1984) —
#   origin of the one-standard-error rule.
# - B. Efron, T. Hastie, I. Johnstone, R. Tibshirani, "Least angle regression", *Annals of
#   Statistics* 32(2) (2004) — the diabetes data.
# - J. Friedman, T. Hastie, R. Tibshirani, "Regularization paths for generalized linear models via
#   coordinate descent", *Journal of Statistical Software* 33(1) (2010) — warm-started paths.
# - S. Varma and R. Simon, "Bias in error estimation when using cross-validation for model
#   selection", *BMC Bioinformatics* 7:91 (2006); G. C. Cawley and N. L. C. Talbot, "On
#   over-fitting in model selection and subsequent selection bias in performance evaluation",
#   *JMLR* 11 (2010) — why nested CV.
# - scikit-learn user guide: "Tuning the hyper-parameters of an estimator", "Validation curves",
#   and the example "Nested versus non-nested cross-validation".
