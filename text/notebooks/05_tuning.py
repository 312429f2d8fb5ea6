# %% [markdown]
# # 05 · Tuning λ
#
# Every penalty so far came with a strength to choose, and the choice matters more than the kind of
# penalty. This lesson is about choosing it well and reporting the result honestly: validation
# curves, cross-validation, the one-standard-error rule, nested cross-validation, and the path
# algorithms that make the search cheap. Then we turn to classification — L1 and L2 logistic
# regression on the Cleveland heart-disease data, with a leak-free preprocessing pipeline,
# repeated cross-validation and a baseline — and we re-run a popular article's experiment to see
# which of its conclusions, drawn from a single train/test split, survive.
#
# ### Learning objectives
# After this lesson you can
# 1. draw a validation curve and choose a penalty strength by cross-validation — the best value
#    and the simpler one-standard-error choice;
# 2. estimate the performance of a *tuned* model honestly with nested cross-validation, and explain
#    why the best score of a search is optimistic;
# 3. explain why path-based search (`LassoCV`, `ElasticNetCV`) is much faster than a grid search
#    over the same values, and measure it;
# 4. build a leak-free pipeline for mixed tabular data — imputation, one-hot encoding, scaling —
#    that is refitted inside every cross-validation fold;
# 5. compare L1 and L2 logistic regression across `C` with repeated stratified cross-validation
#    and a majority-class baseline, using the current scikit-learn API, and read which features
#    L1 keeps;
# 6. judge conclusions drawn from one train/test split.
#
# **Prerequisites:** lessons 01–04; logistic regression (predicting a probability with the
# sigmoid of a linear score).
# **Time:** about 45 minutes to work through; the notebook runs top to bottom in <!--time:05_tuning-->14 s<!--/time--> on a 2-core CPU.
#
# **How to read this notebook.** Outputs are stored, so you can read first and run later
# (*Run ▸ Run All Cells*). Lines that start with ✔ are **claims**: a statement from the text,
# the number this run measured, and the rule it must meet — for example
# `✔ L2 at C = 0.001 loses clearly (drop from its best mean): 0.109 (claim: > 0.050)`. The course's tests re-run every lesson under other
# random seeds and on other kinds of CPU and fail if a claim stops holding. If you change
# something and see ✘, the claim does not hold for *your* run: that is what your change did,
# not a bug. Timings differ from machine to machine.

# %%
import time
import warnings

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.datasets import load_diabetes
from sklearn.dummy import DummyClassifier
from sklearn.impute import SimpleImputer
from sklearn.linear_model import Lasso, LassoCV, LogisticRegression
from sklearn.model_selection import (GridSearchCV, KFold, RepeatedStratifiedKFold,
                                     cross_val_score, train_test_split, validation_curve)
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

import regutils
from regutils import claim
from regutils.model_selection import one_standard_error_rule

SEED = regutils.setup_notebook(seed=0)  # seeds, thread counts, quiet logs, plot style

# %% [markdown]
# ## Part 1 · Choosing the strength
#
# ## 1 · A validation curve for the lasso
#
# The diabetes data (Efron et al. 2004): 442 patients, 10 baseline measurements in their original
# units (age, sex, body-mass index, blood pressure, six blood serum values), and a measure of
# disease progression one year later. The model is a lasso behind a `StandardScaler`, in one
# pipeline, so each fold standardizes with its own training rows. `validation_curve` scores 30
# strengths with 5-fold cross-validation; scikit-learn's scores are "higher is better", so the
# RMSE comes back negated.

# %%
X_d, y_d = load_diabetes(return_X_y=True, scaled=False)  # NumPy arrays: a little faster
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
# simpler: `simpler="higher"` for a penalty strength such as `alpha`, `simpler="lower"` for `C`,
# which is the *inverse* of the strength.

# %%
mean_rmse = val_rmse.mean(axis=1)
standard_errors = val_rmse.std(axis=1, ddof=1) / np.sqrt(val_rmse.shape[1])
best_alpha = alphas[np.argmin(mean_rmse)]
one_se_alpha = one_standard_error_rule(alphas, mean_rmse, standard_errors, simpler="higher",
                                       greater_is_better=False)

fig, ax = plt.subplots(figsize=(7, 3.8))
ax.errorbar(alphas, mean_rmse, yerr=standard_errors, fmt="o-", ms=3, capsize=2, color="tab:orange",
            label="mean validation RMSE ± one standard error")
ax.axhline(mean_rmse.min() + standard_errors[np.argmin(mean_rmse)], color="gray", lw=1,
           label="best mean + its standard error")
ax.axvline(best_alpha, color="gray", ls=":", lw=1.5, label=f"lowest mean: alpha = {best_alpha:.2f}")
ax.axvline(one_se_alpha, color="tab:red", ls="--", lw=1.5, label=f"one-SE rule: alpha = {one_se_alpha:.2f}")
ax.set_xscale("log")
ax.set_xlabel("penalty strength λ (alpha)")
ax.set_ylabel("RMSE")
ax.set_title("Lasso on the diabetes data: validation curve (5-fold CV)")
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
claim("the one-SE choice pays less than one standard error of mean CV RMSE",
      mean_rmse[i_one_se] - mean_rmse[i_best], at_most=standard_errors[i_best], fmt=".2f")
claim("...and uses fewer features", features_kept["one-SE rule"],
      below=features_kept["lowest mean RMSE"], fmt=".0f")

# %% [markdown]
# The one-SE choice pays a little mean CV error — less than one standard error, so within the
# noise of the estimate — and uses fewer features. It is a judgement call, not a law: use it when
# a simpler model has value of its own (fewer measurements to take, an easier story to tell) or
# when you want a choice that is less sensitive to the particular folds.
#
# ## 3 · Path algorithms: why `LassoCV` is fast
#
# `GridSearchCV` treats every candidate as a separate problem: 100 strengths × 5 folds = 500
# independent lasso fits, each starting from zero. `LassoCV` exploits the structure of the problem.
# For each fold it computes the whole **regularization path**: it starts at the largest `alpha`,
# where every weight is zero, and walks down the grid, starting each fit from the previous
# solution (a *warm start*). Neighbouring solutions are close, so each needs only a few sweeps of
# coordinate descent (Friedman, Hastie & Tibshirani 2010). `ElasticNetCV` does the same for each
# `l1_ratio`, and `LogisticRegressionCV` along its grid of `C`.
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
# Same answer, in a fraction of the time: more than five times faster. Use the `...CV` estimators when they exist for your
# model; keep `GridSearchCV` for everything else (and for searches over several different
# hyperparameters).
#
# ## 4 · Nested cross-validation: an honest score for a tuned model
#
# After a search, `best_score_` is tempting to report. It is **optimistic**: it is the best of many
# noisy estimates, computed on the very folds used to pick the winner. To score the whole
# procedure "tune by CV, then fit", run the search *inside* an outer cross-validation: each outer
# training part gets its own inner search, and the outer test part, which the search never saw,
# scores the result. In scikit-learn that is a `GridSearchCV` passed to `cross_val_score`.

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
# score; use the search fitted on all data (`search.best_estimator_`) as the model. Section 10
# shows the same optimism, large enough to measure, in another form.
#
# ## Part 2 · Regularized classification on the heart data
#
# ## 5 · The cardiac data
#
# `regutils.load_heart()` returns the Cleveland heart-disease data (Detrano et al. 1989; UCI):
# 303 patients referred for coronary angiography, 13 clinical features, and whether a major vessel
# was narrowed by more than 50 % (`target` = 1). Codings are in `data/README.md`. Two things need
# care: **missing values** in `ca` and `thal`, and **category codes** — `cp` (chest-pain type),
# `restecg`, `slope` and `thal` are labels, not quantities (`thal` = 7 is not "more" than 6).

# %%
heart = regutils.load_heart()
X_heart, y_heart = heart
X_heart.head()

# %%
# NBVAL_CHECK_OUTPUT
print("rows, columns:", X_heart.shape)
print("missing values:", X_heart.isna().sum()[lambda s: s > 0].to_dict())
print("category codes:", list(heart.categorical_features))
print("patients per class:", y_heart.value_counts().sort_index().to_dict())
print(f"majority class share (always predicting 'no narrowing'): {(y_heart == 0).mean():.3f}")

# %% [markdown]
# ## 6 · A leak-free pipeline, step by step
#
# Each preprocessing step *learns* something from data: the imputer learns medians or the most
# frequent code, the encoder learns which codes exist, the scaler learns means and standard
# deviations. If they learn it from all 303 rows before cross-validation, every validation fold has
# helped to prepare its own training data — a leak. Put them in the pipeline, and
# `cross_val_score` refits them on each training part only.
#
# 1. **Numeric columns** (quantities and the 0/1 flags): fill a missing `ca` with the median, then
#    standardize — penalties need features on one scale (lesson 02).
# 2. **Category codes:** fill a missing `thal` with the most frequent code, then one-hot encode:
#    one 0/1 column per code. `handle_unknown="ignore"` encodes a code that a training part never
#    saw as all zeros instead of failing.
# 3. A `ColumnTransformer` sends each group of columns to its steps and puts the results side by
#    side.

# %%
categorical = list(heart.categorical_features)
numeric = [column for column in X_heart.columns if column not in categorical]

numeric_steps = make_pipeline(SimpleImputer(strategy="median"), StandardScaler())
categorical_steps = make_pipeline(SimpleImputer(strategy="most_frequent"),
                                  OneHotEncoder(handle_unknown="ignore", sparse_output=False))
preprocess = ColumnTransformer([("numeric", numeric_steps, numeric),
                                ("categorical", categorical_steps, categorical)],
                               verbose_feature_names_out=False)
features = preprocess.fit(X_heart).get_feature_names_out()
print(len(features), "features:", ", ".join(features))


# %% [markdown]
# `regutils.heart_preprocessor()` is exactly this transformer (it names the one-hot columns
# `cp_4` rather than `cp_4.0`); later lessons use it. A quick check that the two agree — same
# number of features, and the same cross-validated accuracies with the same model and folds:

# %%
def logistic(C, l1_ratio):
    # L1 (l1_ratio=1) or L2 (l1_ratio=0) logistic regression; section 7 explains each argument.
    return LogisticRegression(C=C, l1_ratio=l1_ratio, solver="liblinear", intercept_scaling=1000,
                              tol=1e-6, max_iter=10_000, random_state=SEED)


splits = list(RepeatedStratifiedKFold(n_splits=5, n_repeats=10, random_state=SEED).split(X_heart, y_heart))
ours = cross_val_score(make_pipeline(preprocess, logistic(1.0, 1.0)), X_heart, y_heart, cv=splits[:5])
course = cross_val_score(make_pipeline(regutils.heart_preprocessor(), logistic(1.0, 1.0)),
                         X_heart, y_heart, cv=splits[:5])

# %%
# NBVAL_CHECK_OUTPUT
print("features: ours", len(features), "- regutils.heart_preprocessor()",
      len(regutils.heart_preprocessor().fit(X_heart).get_feature_names_out()))
claim("same accuracy on every fold: largest |difference|", np.abs(ours - course).max(), equals=0)

# %% [markdown]
# ## 7 · Logistic regression with an L1 or L2 penalty: the current API
#
# scikit-learn's `LogisticRegression` minimizes $C \sum_i \mathrm{logloss}_i + \text{penalty}(w)$,
# with penalty $\lVert w\rVert_1$ (L1) or $\tfrac12\lVert w\rVert_2^2$ (L2). **`C` is the inverse of
# the regularization strength:** a *small* `C` means a *strong* penalty. (In the lasso's terms,
# $C = 1/(n\lambda)$.)
#
# **Current scikit-learn.** Tutorials write `LogisticRegression(penalty="l1", ...)`. Since
# scikit-learn 1.8, `penalty=` is deprecated (it will be removed in 1.10): the type of penalty is
# set by `l1_ratio` — `1.0` for L1, `0.0` for L2 (the default), in between for an elastic net — and
# `C=np.inf` means no penalty. The old spelling still runs, with two warnings — the deprecation,
# and a complaint that `penalty="l1"` contradicts `l1_ratio`'s default of `0.0` (L2):

# %%
# NBVAL_CHECK_OUTPUT
Z_heart = regutils.heart_preprocessor().fit_transform(X_heart)
with warnings.catch_warnings(record=True) as caught:  # catch the warning to show it
    warnings.simplefilter("always")
    LogisticRegression(penalty="l1", solver="liblinear").fit(Z_heart, y_heart)
for w in caught:
    print(f"{w.category.__name__}: {str(w.message)[:75]}...")
print("default l1_ratio (L2):", LogisticRegression().l1_ratio)

# %% [markdown]
# The arguments of `logistic(C, l1_ratio)` above:
#
# - `solver="liblinear"` supports `l1_ratio=1.0` and `0.0` (not mixes; `saga` handles those) and is
#   fast on a few hundred rows.
# - `tol=1e-6` and `random_state=SEED`: liblinear updates the weights in a random order and stops
#   when they change by less than a tolerance. With its default, 1e-4, that order can still show
#   in the weights — even in which small L1 weights are exactly zero. The tighter tolerance makes
#   the answer practically independent of the order (checked below), so a run under another seed
#   changes the data splits, not the solver's rounding.
# - `intercept_scaling=1000`: liblinear handles the intercept as the weight of an extra constant
#   feature and **penalizes it like the other weights**. With a strong penalty that drags the
#   intercept to zero. Making the constant feature large (1000) makes its weight — and so the
#   penalty on the intercept — tiny. With all feature weights at zero, the right intercept is the
#   log-odds of the classes:

# %%
# NBVAL_CHECK_OUTPUT
log_odds = np.log(y_heart.mean() / (1 - y_heart.mean()))
for scaling in (1, 1000):
    model = LogisticRegression(C=0.01, l1_ratio=1.0, solver="liblinear", intercept_scaling=scaling,
                               random_state=SEED).fit(Z_heart, y_heart)
    print(f"intercept_scaling={scaling:4d}: {int(np.sum(model.coef_ != 0))} non-zero weights, "
          f"intercept {model.intercept_[0]:.3f}")
print(f"log-odds of the classes: {log_odds:.3f}")
claim("with intercept_scaling=1000 the intercept is the log-odds: |difference|",
      abs(model.intercept_[0] - log_odds), below=0.01, fmt=".3f")

# %%
# Two random orders, one model (L1, C = 1, all patients): the weights agree.
weights = [logistic(1.0, 1.0).set_params(random_state=order).fit(Z_heart, y_heart).coef_
           for order in (SEED, SEED + 1)]
claim("with tol=1e-6 the order does not matter: largest |difference| between the weights",
      np.abs(weights[0] - weights[1]).max(), below=0.005, fmt=".4f")

# %% [markdown]
# ## 8 · L1 vs L2 across `C`, with repeated stratified cross-validation
#
# The protocol: **5-fold stratified cross-validation, repeated 10 times** with different shuffles
# (`splits` above: 50 train/test splits, each test part with the classes in the same proportion
# as the whole data). With 303 patients, one 5-fold run is noisy; repeating it averages out the
# luck of the split. Five values of `C`, two penalties: 500 fits.
#
# To keep the run short we fit the preprocessing **once per split, on its training part**, and
# reuse it for all ten models — exactly what the pipeline does inside `cross_val_score`, without
# repeating the same work ten times. The check below confirms the shortcut gives the same numbers
# as the pipeline.

# %%
Cs = [0.001, 0.01, 0.1, 1.0, 10.0]
penalties = {"L1": 1.0, "L2": 0.0}
y_np = y_heart.to_numpy()


def accuracy_by_model(splits):
    # Test accuracy, and numbers of non-zero and of zero weights, of all ten models on each split.
    accuracy, nonzero, zero = [], [], []
    for train, test in splits:
        prep = regutils.heart_preprocessor().fit(X_heart.iloc[train])  # training part only
        Z_train, Z_test = prep.transform(X_heart.iloc[train]), prep.transform(X_heart.iloc[test])
        acc, nz, z = {}, {}, {}
        for name, l1_ratio in penalties.items():
            for C in Cs:
                model = logistic(C, l1_ratio).fit(Z_train, y_np[train])
                acc[name, C] = model.score(Z_test, y_np[test])
                nz[name, C] = int(np.sum(model.coef_ != 0))
                z[name, C] = int(np.sum(model.coef_ == 0))  # not 22 - nz: a training part
                # that lacks a rare code (restecg = 1: 4 patients) has one column fewer
        accuracy.append(acc)
        nonzero.append(nz)
        zero.append(z)
    columns = pd.MultiIndex.from_tuples(accuracy[0], names=["penalty", "C"])
    return tuple(pd.DataFrame(rows, columns=columns) for rows in (accuracy, nonzero, zero))


cv_accuracy, cv_nonzero, cv_zero = accuracy_by_model(splits)
baseline = cross_val_score(DummyClassifier(), X_heart, y_heart, cv=splits)  # majority class

# %%
claim("the shortcut gives the pipeline's accuracies (L1, C = 1, first 5 splits): largest |difference|",
      np.abs(cv_accuracy["L1", 1.0][:5] - course).max(), equals=0)
summary = pd.DataFrame({(name, stat): values for name in penalties for stat, values in (
    ("mean", cv_accuracy[name].mean()), ("sd", cv_accuracy[name].std()),
    ("non-zero", cv_nonzero[name].mean()))}).rename_axis("C")
print(summary.round(3).to_string())
print(f"majority-class baseline: {baseline.mean():.3f} ± {baseline.std(ddof=1):.3f}")

# %%
fig, ax = plt.subplots(figsize=(7, 3.8))
for name, color in (("L1", "tab:blue"), ("L2", "tab:orange")):
    ax.errorbar(Cs, summary[name, "mean"], yerr=summary[name, "sd"], fmt="o-", color=color,
                capsize=3, label=f"{name} (mean ± sd over 50 splits)")
ax.axhline(baseline.mean(), color="gray", ls=":", label="majority-class baseline")
ax.set_xscale("log")
ax.set_xlabel("C (inverse penalty strength: stronger penalty to the left)")
ax.set_ylabel("test accuracy")
ax.set_title("Logistic regression on the heart data: 5-fold CV × 10 repeats")
ax.legend(fontsize="small", loc="center right")
plt.show()

# %% [markdown]
# Read the figure from the right (weak penalty) to the left:
#
# - From `C = 10` down to `C = 0.1` both penalties give about the same accuracy; the differences
#   are smaller than the spread from split to split.
# - At `C ≤ 0.01` the L1 penalty sets **every** weight to zero. The model then predicts the
#   training majority class for every patient, and its accuracy is exactly the baseline's.
# - L2 never zeroes a weight: at `C = 0.01` it is still close to its best (within 3 points), and
#   only at `C = 0.001` does it lose clearly (more than 5 points) — the weights are so shrunk that the intercept dominates and the model
#   predicts "no narrowing" for far more patients than really have none.

# %%
cv_mean, cv_sd = cv_accuracy.mean(), cv_accuracy.std()
best = cv_mean.idxmax()
print(f"best mean accuracy: {best[0]} at C = {best[1]:g}, {cv_mean.max():.3f}")
top = cv_mean.loc[[(name, C) for name in penalties for C in (0.1, 1.0, 10.0)]]
claim("C = 0.1 to 10, both penalties: the means differ by less than the smallest sd among them",
      top.max() - top.min(), below=cv_sd[top.index].min(), fmt=".3f")
small_C = [("L1", 0.001), ("L1", 0.01)]
claim("L1, C ≤ 0.01: every weight zero in all 50 fits (non-zero weights, in total)",
      cv_nonzero[small_C].to_numpy().sum(), equals=0)
claim("...and accuracy equal to the baseline on every split: largest |difference|",
      np.abs(cv_accuracy[small_C].to_numpy() - baseline[:, None]).max(), equals=0)
claim("L1 and L2 at their best differ by less than one sd: |difference of the best means|",
      abs(summary["L1", "mean"].max() - summary["L2", "mean"].max()), below=summary["L2", "sd"].min(),
      fmt=".3f")
claim("L2 never zeroes a weight (zero weights, in total)", cv_zero["L2"].to_numpy().sum(), equals=0)
l2_mean = summary["L2", "mean"]
claim("L2 at C = 0.01 is still close to its best (drop from its best mean)", l2_mean.max() - l2_mean[0.01],
      below=0.03, fmt=".3f")
claim("L2 at C = 0.001 loses clearly (drop from its best mean)", l2_mean.max() - l2_mean[0.001],
      above=0.05, fmt=".3f")
strong_l2 = make_pipeline(regutils.heart_preprocessor(), logistic(0.001, 0.0)).fit(X_heart, y_heart)
truth = np.mean(y_np == 0)
claim(f"L2 at C = 0.001 (all patients) predicts 'no narrowing' for far more than the {truth:.2f} "
      "who have none", np.mean(strong_l2.predict(X_heart) == 0), above=truth + 0.1, fmt=".2f")

# %% [markdown]
# ## 9 · Which features does L1 keep?
#
# Refit the L1 model on all 303 patients at each `C` and list the features with non-zero weights.
# The names come from the fitted preprocessing step, `model[:-1].get_feature_names_out()`.

# %%
# NBVAL_CHECK_OUTPUT
kept_by_C = {}
for C in Cs:
    model = make_pipeline(regutils.heart_preprocessor(), logistic(C, 1.0)).fit(X_heart, y_heart)
    names = model[:-1].get_feature_names_out()
    kept_by_C[C] = sorted(str(name) for name in names[model[-1].coef_[0] != 0])
    print(f"C = {C:<6g} {len(kept_by_C[C]):2d} of {len(names)}: {', '.join(kept_by_C[C]) or '-'}")

# %% [markdown]
# As `C` grows the penalty weakens and features enter: at `C = 0.1`, the number of major vessels
# coloured by fluoroscopy (`ca`), asymptomatic chest pain (`cp_4`), exercise-induced angina,
# ST depression, sex, the thallium test, maximum heart rate and resting blood pressure; by
# `C = 1` most of the 22 columns are back. Two cautions: the kept set is the model's choice *for
# prediction*, not a list of causes, and with correlated features it changes from sample to sample
# (lesson 04) — refit on bootstrap resamples before trusting any single member of the list.
#
# ## 10 · One split, and fifty
#
# A popular article ran this experiment on **one** 80/20 train/test split and concluded: L1 at
# `C = 0.001` and `0.01` gives about 48 % accuracy ("underfitting"), L2 is "more forgiving" of
# small `C`, and the best accuracy is about 87–89 %. We reproduce it with
# `train_test_split(test_size=0.2, random_state=42)` — the default, **unstratified** split of many
# tutorials, with a popular seed — and the same ten models.

# %%
# NBVAL_CHECK_OUTPUT
rows = np.arange(len(y_heart))
# Fixed on purpose: the article's split (unstratified, random_state=42), not the lesson's SEED.
article_split = train_test_split(rows, test_size=0.2, random_state=42)
single, _, _ = accuracy_by_model([article_split])
print(single.iloc[0].unstack(level=0).round(3).to_string())
train, test = article_split
print(f"training majority class: {int(pd.Series(y_np[train]).mode()[0])}; "
      f"its share of the 61 test patients: {(y_np[test] == 0).mean():.3f}")

# %% [markdown]
# The article's numbers reappear: about 48 % for L1 at small `C`, and a best of about 87 %. The
# 48 % is real but says little: with every weight at zero the model predicts the training majority
# ("no narrowing") for everyone, and this test set happens to hold fewer such patients (47.5 %,
# printed above) than the data as a whole (54.1 %, section 5). How much does a single split's
# accuracy vary? Repeat with 50 other seeds:

# %%
seed_splits = [train_test_split(rows, test_size=0.2, random_state=seed)
               for seed in range(50 * SEED, 50 * SEED + 50)]  # SEED 0: 0-49, SEED 1: 50-99, ...
seed_accuracy, _, _ = accuracy_by_model(seed_splits)

fig, ax = plt.subplots(figsize=(10, 3.8))
labels = [f"{name}\nC={C:g}" for name, C in seed_accuracy.columns]
ax.boxplot(seed_accuracy.to_numpy(), tick_labels=labels)
ax.plot(range(1, 11), cv_accuracy.mean().to_numpy(), "D", color="tab:red",
        label="repeated-CV mean")
ax.set_xlabel("model")
ax.set_ylabel("test accuracy")
ax.set_title("Test accuracy of one 80/20 split, over 50 seeds")
ax.legend(loc="lower right")
plt.show()

# %%
spread = seed_accuracy.agg(["min", "max", "std"]).T
print(spread.round(3).to_string())
claim("every model's accuracy spans more than 10 points across the 50 splits (smallest max − min)",
      (spread["max"] - spread["min"]).min(), above=0.10, fmt=".3f")
best_per_split = seed_accuracy.max(axis=1)  # the best model picked on each split's test set
best_on_average = seed_accuracy.mean().idxmax()  # the best model on average over the 50 splits
print(f"best-of-ten accuracy on one test set, mean over the 50 splits: {best_per_split.mean():.3f}")
print(f"best model on average over the same splits ({best_on_average[0]}, C = {best_on_average[1]:g}): "
      f"{seed_accuracy.mean().max():.3f}")
claim("picking on the test set inflates the winner by more than half a point (difference of the two)",
      best_per_split.mean() - seed_accuracy.mean().max(), above=0.005, fmt=".3f")

# %% [markdown]
# For every model, one split's accuracy spans more than ten percentage points depending on the
# seed. And picking the best of ten models by their accuracy on the same test set — what a
# single-split comparison does — is a selection on the test set: averaged over the 50 splits, the
# winner's accuracy is more than half a point above that of the model that is best on average over
# the same splits.
# This is section 4's optimism, in a form that is easy to miss.
#
# **Verdicts.** Each of the article's statements, as a claim on the repeated-CV numbers above;
# where the article's number does not hold, the claim says what does.

# %%
cv_mean = cv_accuracy.mean()
l1_range = cv_mean["L1"].max() - cv_mean["L1"].min()
l2_range = cv_mean["L2"].max() - cv_mean["L2"].min()
claim("'L1 at C ≤ 0.01 collapses to one class' holds: non-zero weights in all its fits",
      cv_nonzero[small_C].to_numpy().sum(), equals=0)
claim("'...giving about 48 % accuracy' does not: it scores the majority share, about 54 %",
      cv_mean[small_C], equals=0.54, tol=0.01, fmt=".3f")
claim("'L2 is more forgiving of small C' holds: L2's accuracy range over C is smaller than L1's",
      l2_range, below=l1_range, fmt=".3f")
claim("'best accuracy about 87-89 %' does not: the best repeated-CV mean is about 84 %",
      cv_mean.max(), equals=0.84, tol=0.015, fmt=".3f")


# %% [markdown]
# Two of the article's observations survive — L1 at `C ≤ 0.01` is a constant prediction, and L2
# degrades more gently as `C` shrinks — but not its numbers: the collapsed model scores the
# majority share, 54 %, not 48 %, and the best model is at about 84 %, not 87–89 %. Neither
# penalty beats the other at its best `C`. The lesson is not about this article: a single split of
# a few hundred rows cannot rank models whose differences are a few points. Use repeated
# cross-validation, report the spread, compare with a baseline, and keep model selection out of
# the final score.
#
# ## 11 · Explore: `C` and the penalty
#
# Move the slider ($\log_{10} C$) and switch between L1 and L2. The left panel shows the
# repeated-CV accuracy of section 8 and, as a star, the accuracy at the chosen `C` (5-fold CV × 2
# repeats, to stay quick). The right panel shows the weights of the model fitted on all patients,
# and how many are non-zero.

# %%
def show_logistic(log10_C=-1.0, penalty="L1"):
    # CV accuracy and weights of an L1 or L2 logistic regression at C = 10**log10_C.
    C = 10.0**log10_C
    model = make_pipeline(regutils.heart_preprocessor(), logistic(C, penalties[penalty]))
    accuracy = cross_val_score(model, X_heart, y_heart, cv=splits[:10]).mean()
    model.fit(X_heart, y_heart)
    weights = pd.Series(model[-1].coef_[0], index=model[:-1].get_feature_names_out())

    fig, (left, right) = plt.subplots(1, 2, figsize=(12, 3.8), width_ratios=[1, 1.5])
    for name, color in (("L1", "tab:blue"), ("L2", "tab:orange")):
        left.plot(Cs, summary[name, "mean"], "o-", color=color, label=name)
    left.axhline(baseline.mean(), color="gray", ls=":", label="baseline")
    left.plot(C, accuracy, "*", color="black", ms=14, label=f"{penalty}, C = {C:.3g}")
    left.set_xscale("log")
    left.set_xlim(5e-4, 50)
    left.set_xlabel("C")
    left.set_ylabel("CV accuracy")
    left.set_title(f"accuracy {accuracy:.3f}")
    left.legend(fontsize="small", loc="lower right")
    right.bar(weights.index, weights.to_numpy(), color="tab:blue" if penalty == "L1" else "tab:orange")
    right.axhline(0.0, color="black", lw=0.8)
    right.set_ylim(-2.2, 2.2)
    right.tick_params(axis="x", labelrotation=90)
    right.set_xlabel("feature")
    right.set_ylabel("weight")
    right.set_title(f"{penalty} weights: {int(np.sum(weights != 0))} of {len(weights)} non-zero")
    plt.show()


# %%
# NBVAL_IGNORE_OUTPUT
from ipywidgets import FloatSlider, ToggleButtons, interact

_ = interact(show_logistic,
             log10_C=FloatSlider(value=-1.0, min=-3.0, max=1.5, step=0.25, description="log10 C"),
             penalty=ToggleButtons(options=["L1", "L2"], value="L1", description="penalty"))

# %% [markdown]
# ## Key takeaways
#
# - A validation curve shows the whole trade-off; the lowest mean CV error is one choice, the
#   **one-standard-error rule** a simpler one, within the noise of the estimate.
# - The best score of a search is optimistic. **Nested CV** (a search inside `cross_val_score`)
#   scores the whole tuning procedure; so does keeping model selection off the final test set.
# - **Path algorithms** (`LassoCV`, `ElasticNetCV`, `LogisticRegressionCV`) reuse each solution
#   as the start of the next: the same choice as a grid search, much faster.
# - Preprocessing that learns from data — imputation, encoding, scaling — belongs **inside** the
#   cross-validated pipeline; `regutils.heart_preprocessor()` is that pipeline for the heart data.
# - `LogisticRegression(C=..., l1_ratio=1.0)` for L1, `l1_ratio=0.0` for L2 (`penalty=` is
#   deprecated). `C` is the *inverse* strength. With liblinear, mind the penalized intercept.
# - On the heart data L1 and L2 tie at their best `C`; L1 zeroes everything at `C ≤ 0.01`. One
#   80/20 split cannot rank such models: repeat, report the spread, compare with a baseline.
#
# **Next:** the exercises in
# [05_tuning_exercises.ipynb](05_tuning_exercises.ipynb)
# (solutions in `solutions/`), then lesson 07: weight penalties in neural networks.
#
# ## Further reading
#
# - T. Hastie, R. Tibshirani, J. Friedman, *The Elements of Statistical Learning* (2nd ed., 2009),
#   §7.10 (cross-validation, the one-standard-error rule) and §4.4 (logistic regression, with L1
#   penalties in §4.4.4).
# - L. Breiman, J. Friedman, R. Olshen, C. Stone, *Classification and Regression Trees* (1984) —
#   origin of the one-standard-error rule.
# - J. Friedman, T. Hastie, R. Tibshirani, "Regularization paths for generalized linear models via
#   coordinate descent", *Journal of Statistical Software* 33(1) (2010) — warm-started paths.
# - S. Varma and R. Simon, "Bias in error estimation when using cross-validation for model
#   selection", *BMC Bioinformatics* 7:91 (2006); G. C. Cawley and N. L. C. Talbot, "On
#   over-fitting in model selection and subsequent selection bias in performance evaluation",
#   *JMLR* 11 (2010) — why nested CV.
# - A. Y. Ng, "Feature selection, L1 vs. L2 regularization, and rotational invariance", *ICML*
#   (2004).
# - R. Detrano et al., "International application of a new probability algorithm for the diagnosis
#   of coronary artery disease", *American Journal of Cardiology* 64 (1989) — the heart data.
# - scikit-learn user guide: "Tuning the hyper-parameters of an estimator", the example "Nested
#   versus non-nested cross-validation", "Common pitfalls: data leakage", and the
#   `LogisticRegression` API page (solvers and `l1_ratio`).
