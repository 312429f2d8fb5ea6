# %% [markdown]
# # 02 · Ridge regression (L2)
#
# Lesson 01 added a penalty on the squared size of the weights and watched a wild polynomial calm
# down. This lesson takes that penalty — **ridge regression** — apart on real data: 442 diabetes
# patients and ten clinical measurements. You will solve ridge by hand and match scikit-learn,
# watch coefficients shrink as the penalty grows, see why features must be standardized before
# they are penalized, measure on fresh samples how ridge tames coefficients that least squares cannot pin down
# (correlated features), split the test error into bias², variance and noise as λ grows, let
# `RidgeCV` choose the strength by leave-one-out cross-validation at the cost of a single fit, and
# find where ridge plainly beats least squares on real data: when the features are many.
#
# ### Learning objectives
# After this lesson you can
# 1. write the ridge objective and its closed-form solution, and reproduce `Ridge(alpha=λ)` with
#    NumPy — including the intercept, which is not penalized;
# 2. read a coefficient path: every coefficient shrinks toward 0 as λ grows, none becomes exactly 0;
# 3. explain why features must be standardized before a penalty, and do it leak-free with a
#    `Pipeline`;
# 4. show with fresh samples that ridge trades a little bias for a much steadier estimate of
#    strongly correlated coefficients, and tell that question apart from the one the bootstrap
#    answers (how uncertain is *this* estimate);
# 5. measure bias², variance and noise of ridge predictions as λ grows, and check that they add up
#    to the test error;
# 6. compute the effective degrees of freedom of a ridge fit, and choose λ with `RidgeCV` and its
#    efficient leave-one-out cross-validation;
# 7. compare least squares and ridge on the same repeated cross-validation splits, with paired
#    differences, when the features are many.
#
# **Prerequisites:** lesson 01; linear regression with NumPy and scikit-learn; matrix products.
# **Time:** about 65 minutes to work through; the notebook runs top to bottom in <!--time:02_ridge-->10 s<!--/time--> on a 2-core CPU.
#
# **How to read this notebook.** Outputs are stored, so you can read first and run later
# (*Run ▸ Run All Cells*). Lines that start with ✔ are **claims**: a statement from the text,
# the number this run measured, and the rule it must meet — for example
# `✔ standardized ridge beats raw-feature ridge on most splits: 78% (claim: > 50%)`. The course's
# tests re-run every lesson under other random seeds and on other kinds of CPU and fail if a claim
# stops holding. If you change something and see ✘, the claim does not hold for *your* run: that is
# what your change did, not a bug.

# %%
import time

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from sklearn.datasets import load_diabetes
from sklearn.linear_model import ElasticNet, LinearRegression, Ridge, RidgeCV
from sklearn.metrics import r2_score, root_mean_squared_error
from sklearn.model_selection import (LeaveOneOut, RepeatedKFold, ShuffleSplit, cross_validate,
                                     train_test_split)
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import PolynomialFeatures, StandardScaler

import regutils
from regutils import claim

SEED = regutils.setup_notebook(seed=0)  # seeds, threads, quiet logs, plot style; returns the seed
# Every random choice below derives from SEED (set REGUTILS_SEED to try another one).

# %% [markdown]
# ## 1 · The data: diabetes progression
#
# The diabetes data of Efron et al. (2004) ship with scikit-learn: for 442 patients, ten baseline
# measurements — age, sex, body-mass index (`bmi`), mean blood pressure (`bp`) and six blood serum
# values `s1`–`s6` — and a measure of how far the disease progressed one year later (`y`). We load
# the features **in their original units** (`scaled=False`) and do any scaling ourselves, in plain
# sight. A random quarter of the patients (drawn with `SEED`) go aside as the test set. The data
# themselves are fixed: the same 442 patients on every run.

# %%
# NBVAL_CHECK_OUTPUT
X, y = load_diabetes(return_X_y=True, as_frame=True, scaled=False)  # a fixed data set, not seeded
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=SEED)
print(f"{len(X_train)} training and {len(X_test)} test patients, {X.shape[1]} features")

# %%
# NBVAL_CHECK_OUTPUT
print(X.agg(["mean", "std"]).round(2).to_string())
print(f"standard deviation of s1 / standard deviation of s5: {X['s1'].std() / X['s5'].std():.0f}")

# %% [markdown]
# The units differ wildly: `sex` is coded 1/2 and `s5` (log triglycerides) has a standard
# deviation of about 0.5, while `s1` (total cholesterol) has one of about 35. Least squares does not
# care; a penalty does, as section 4 shows.
#
# ## 2 · The ridge objective and its closed form
#
# Ridge regression chooses the weights $w$ and the intercept $b$ that minimize the squared error
# *plus* λ times the squared length of $w$:
#
# $$\min_{w,\,b}\; \sum_{i=1}^{n} \bigl(y_i - b - x_i^\top w\bigr)^2 \;+\; \lambda \sum_{j=1}^{p} w_j^2 .$$
#
# The intercept is not penalized (shifting all $y$ by a constant should shift the predictions, not
# change the slopes). Setting the gradient to zero gives $b = \bar y - \bar x^\top w$ and, with the
# **centred** data $X_c = X - \bar x$ and $y_c = y - \bar y$,
#
# $$w = \bigl(X_c^\top X_c + \lambda I\bigr)^{-1} X_c^\top y_c .$$
#
# Least squares is the case λ = 0. Adding λ to the diagonal makes the matrix invertible for every
# λ > 0, even when features are collinear. Let us solve it on standardized training features
# (section 4 says why) and compare with scikit-learn. `np.linalg.solve` solves the linear system
# without forming the inverse, which is faster and more accurate.

# %%
scaler = StandardScaler().fit(X_train)
Z_train = scaler.transform(X_train)  # standardized: mean 0, standard deviation 1 per column
lam = 10.0

Z_c = Z_train - Z_train.mean(axis=0)
y_c = y_train.to_numpy() - y_train.mean()
w = np.linalg.solve(Z_c.T @ Z_c + lam * np.eye(Z_c.shape[1]), Z_c.T @ y_c)
b = y_train.mean() - Z_train.mean(axis=0) @ w

ridge = Ridge(alpha=lam).fit(Z_train, y_train)

# %%
claim("the closed form is Ridge(alpha=10): largest |Δw|", np.abs(w - ridge.coef_).max(),
      below=1e-8, fmt=".1e")
claim("the intercepts agree: |Δb|", abs(b - ridge.intercept_), below=1e-8, fmt=".1e")
claim("the intercept is the mean of y (standardized features are centred): |b − mean(y)|",
      abs(b - y_train.mean()), below=1e-8, fmt=".1e")

# %% [markdown]
# **Which λ is `alpha`?** scikit-learn's `Ridge(alpha=λ)` puts λ on the *sum* of squared errors,
# exactly as written above. `Lasso` and `ElasticNet` (lessons 03–04) put their `alpha` on the
# *mean* squared error, halved: $\frac{1}{2n}\lVert y - Xw - b\rVert^2$. The same number therefore
# means different strengths: `Ridge(alpha=a)` is `ElasticNet(alpha=a/n, l1_ratio=0)` (a pure L2
# penalty). Other libraries (glmnet, statsmodels, Keras) use yet other scalings — check before you
# copy a λ from one to another.

# %%
n = len(y_train)
pure_l2 = ElasticNet(alpha=lam / n, l1_ratio=0.0, tol=1e-10, max_iter=10_000).fit(Z_train, y_train)
claim(f"Ridge(alpha={lam:g}) = ElasticNet(alpha={lam:g}/{n}, l1_ratio=0): largest |Δw|",
      np.abs(pure_l2.coef_ - ridge.coef_).max(), below=1e-6, fmt=".1e")

# %% [markdown]
# ## 3 · Shrinkage: the coefficient path
#
# Refit ridge for fifty values of λ from $10^{-2}$ to $10^{5}$ and draw every coefficient against
# λ. At the left, λ is tiny and ridge is least squares; at the right, the penalty dominates.

# %%
alphas = np.logspace(-2, 5, 50)
path = np.array([Ridge(alpha=a).fit(Z_train, y_train).coef_ for a in alphas])

ax = regutils.plot_coefficient_path(alphas, path, feature_names=X.columns,
                                    title="Ridge coefficient path, standardized diabetes features")
ax.set_ylabel("coefficient (per standard deviation of the feature)")
plt.show()

# %%
norms = np.linalg.norm(path, axis=1)
sign_changes = [name for name, column in zip(X.columns, path.T) if np.any(np.diff(np.sign(column)))]
growing = [name for name, column in zip(X.columns, path.T) if np.any(np.diff(np.abs(column)) > 0)]
print(f"largest |w|: {np.abs(path[0]).max():.1f} at λ = 0.01, "
      f"{np.abs(path[-1]).max():.2f} at λ = 1e5")
print("coefficients whose size grows somewhere along the path:", growing)
print("coefficients that change sign along the path:", sign_changes)
claim(f"no coefficient is exactly 0 anywhere on the grid ({path.size} coefficients): exact zeros",
      np.sum(path == 0), equals=0)
claim("the length ||w|| falls at every step of λ: largest ratio of consecutive lengths",
      (norms[1:] / norms[:-1]).max(), below=1, fmt=".4f")
claim("single coefficients need not fall: coefficients whose size grows somewhere",
      len(growing), at_least=1)
claim("s1 and s2 both change sign on the way: how many of the two do",
      sum(name in sign_changes for name in ("s1", "s2")), equals=2)

# %% [markdown]
# As λ grows, every coefficient heads for 0, but **none reaches it**: ridge shrinks, it does not
# select features (the lasso of lesson 03 does). The length $\lVert w\rVert$ falls at every
# step. Single coefficients need not: several grow for a while, and the serum measurements `s1` and
# `s2` even change sign on the way. Section 5 shows where such behaviour comes from: features that
# carry the same information.
#
# ## 4 · Standardize first — and why
#
# The penalty $\lambda\sum_j w_j^2$ treats every coefficient alike, but the size of a coefficient
# depends on the unit of its feature. The standard deviation of `s1` is about 66 times that of
# `s5` (section 1): to move the prediction by the same amount, `s5` needs a coefficient about 66
# times larger, and pays about 66² ≈ 4,400 times more penalty for it. Least squares is indifferent
# to units — rescale a feature and its coefficient rescales to give the same predictions — ridge is
# not.
#
# The fix is to put every feature on the same scale before penalizing: `StandardScaler` in a
# `Pipeline`, so that the means and standard deviations are learned from the training data only
# (and, later, inside each cross-validation fold). Compare three fits at the same λ = 100. To compare
# coefficients across units, we report each one **per standard deviation** of its feature: how much
# the prediction moves when the feature moves by one standard deviation.

# %%
lam = 100.0
ols = LinearRegression().fit(X_train, y_train)
ridge_raw = Ridge(alpha=lam).fit(X_train, y_train)                                    # raw units
ridge_std = make_pipeline(StandardScaler(), Ridge(alpha=lam)).fit(X_train, y_train)  # standardized

sd = X_train.std(ddof=0)
per_sd = pd.DataFrame({"least squares": ols.coef_ * sd,
                       "ridge, raw features": ridge_raw.coef_ * sd,
                       "ridge, standardized": ridge_std[-1].coef_})
ax = per_sd.plot.bar(figsize=(10, 3.6), width=0.8, rot=0,
                     title="Coefficients per standard deviation of each feature (λ = 100)")
for bars, hatch in zip(ax.containers, ("", "///", "...")):  # patterns as well as colours
    for bar in bars:
        bar.set_hatch(hatch)
ax.legend(title="bars, left to right", fontsize="small")
ax.set_xlabel("feature")
ax.set_ylabel("coefficient per sd")
plt.show()

# %%
ols_std = make_pipeline(StandardScaler(), LinearRegression()).fit(X_train, y_train)
print(per_sd.round(1).to_string())
for column in per_sd.columns:
    print(f"largest three |coefficients|, {column}:",
          per_sd[column].abs().sort_values(ascending=False).index[:3].tolist())
rank = per_sd.abs().rank(ascending=False)  # 1 = the largest effect of that model
claim("least squares: same test predictions with and without scaling: largest |Δ|",
      np.abs(ols.predict(X_test) - ols_std.predict(X_test)).max(), below=1e-8, fmt=".1e")
claim("ridge: raw and standardized features give different test predictions: largest |Δ|",
      np.abs(ridge_raw.predict(X_test) - ridge_std.predict(X_test)).max(), above=5, fmt=".1f")
claim("raw-feature ridge: s5's effect all but vanishes (share of its least-squares size)",
      abs(per_sd.loc["s5", "ridge, raw features"] / per_sd.loc["s5", "least squares"]),
      below=0.2, fmt=".2f")
claim("raw-feature ridge: s1 and s2 are among its three largest effects (rank of the smaller)",
      rank.loc[["s1", "s2"], "ridge, raw features"].max(), at_most=3, fmt=".0f")
claim("raw-feature ridge: s1 and s2 have opposite signs (s1 effect × s2 effect)",
      per_sd.loc["s1", "ridge, raw features"] * per_sd.loc["s2", "ridge, raw features"],
      below=0, fmt=".0f")
claim("standardized ridge: bmi and s5 are among its three largest effects (rank of the smaller)",
      rank.loc[["bmi", "s5"], "ridge, standardized"].max(), at_most=3, fmt=".0f")

# %% [markdown]
# Least squares gives the same model either way. Ridge on raw features penalizes `s5` and `sex`
# (small units, large coefficients) hard and `s1`, `s2` (large units) hardly at all: the `s5`
# coefficient all but vanishes and the model rebuilds its signal from `s1`, `s2` and `s3` with large,
# opposite-signed coefficients; `s1` and `s2` are now among its largest effects. After
# standardizing, λ shrinks every feature by the same rule, and `bmi` and `s5` are among the largest
# effects. One split could mislead, so here is the test error over 50 random splits:

# %%
splits = ShuffleSplit(n_splits=50, test_size=0.25, random_state=SEED + 1)
models = {"least squares": LinearRegression(), "ridge, raw features": Ridge(alpha=lam),
          "ridge, standardized": make_pipeline(StandardScaler(), Ridge(alpha=lam))}
split_rmse = pd.DataFrame({name: -cross_validate(model, X, y, cv=splits,
                                                 scoring="neg_root_mean_squared_error")["test_score"]
                           for name, model in models.items()})
mean_rmse = split_rmse.mean()
print("mean test RMSE over 50 splits:", mean_rmse.round(1).to_dict())
claim("standardized ridge beats raw-feature ridge on most splits",
      (split_rmse["ridge, standardized"] < split_rmse["ridge, raw features"]).mean(),
      above=0.5, fmt=".0%")
claim("raw-feature ridge is worse than least squares on average: mean RMSE difference",
      mean_rmse["ridge, raw features"] - mean_rmse["least squares"], above=0, fmt=".2f")
claim("standardized ridge is about as good as least squares: |mean RMSE difference|",
      abs(mean_rmse["ridge, standardized"] - mean_rmse["least squares"]), below=1, fmt=".2f")

# %% [markdown]
# Standardizing wins on most splits. (At this λ neither ridge improves on least squares: raw-feature
# ridge is worse, standardized ridge about as good, within 1 of a mean RMSE of about 55. With
# 331 patients and only 10 features, least squares is not overfitting much. Section 8 chooses λ
# properly, and section 9 gives
# least squares more to overfit.)
#
# **A trap in `load_diabetes`.** Its default (`scaled=True`) returns features already centred and
# scaled — but to a *sum of squares* of 1 per column, i.e. a standard deviation of $1/\sqrt{n}$,
# not 1. A λ tuned on those columns means something else on standardized ones, and a model trained
# on them cannot be applied to new patients measured in real units. Load raw features and scale
# them in a pipeline.

# %%
X_default, _ = load_diabetes(return_X_y=True, as_frame=True)
claim("default columns: sum of squares 1", (X_default**2).sum(), equals=1, tol=1e-10)
claim("default columns: standard deviation 1/sqrt(n), i.e. sd × sqrt(n) = 1",
      X_default.std(ddof=0) * np.sqrt(len(X_default)), equals=1, tol=1e-10)

# %% [markdown]
# ## 5 · Correlated features: ridge stabilizes what least squares cannot pin down
#
# Why do `s1` and `s2` take such large, opposite-signed coefficients
# in the fits above? The serum values
# are tied together: `s2` (LDL cholesterol) is, to rounding, *computed* from the others by the
# Friedewald formula used in clinical labs, LDL = total cholesterol − HDL − triglycerides / 5, that
# is `s2` ≈ `s1` − `s3` − exp(`s5`) / 5.

# %%
# NBVAL_CHECK_OUTPUT
friedewald = X["s1"] - X["s3"] - np.exp(X["s5"]) / 5
print(f"correlation of s1 and s2: {X['s1'].corr(X['s2']):.2f}")
print(f"correlation of s2 with s1 - s3 - exp(s5)/5: {X['s2'].corr(friedewald):.5f}")
print(f"largest |s2 - (s1 - s3 - exp(s5)/5)|: {np.abs(X['s2'] - friedewald).max():.1f} "
      f"(s2 has standard deviation {X['s2'].std():.1f})")

# %% [markdown]
# When features carry (almost) the same information, the data fix a combination of their
# coefficients but not how to split it between them, and least squares picks a split that depends
# on the noise. Let us isolate that with two features whose correlation is 0.99, both with true
# coefficient 1, and 50 rows per sample (`regutils.make_correlated`; its features already have
# mean 0 and standard deviation 1, so no scaler is needed).
#
# Two different questions hide here, and they need different experiments:
#
# - **About the method.** If we collected a new sample of 50 rows from the same source, and again,
#   and again — where would the coefficients of least squares and of ridge (λ = 10) land *on
#   average* (their **bias**), and how much would they scatter (their **variance**)? A generator
#   answers this directly: draw **200 fresh samples** and fit both models to each.
# - **About this estimate.** We usually have *one* sample. How uncertain is the coefficient we
#   computed from it? With real data there is no generator, and the **bootstrap** — refitting on
#   resamples of the 50 rows drawn with replacement — is the usual stand-in. It answers this
#   question only: its resamples scatter around *this sample's* estimate, not around the truth.
#
# The fresh samples use seeds drawn from `SEED`, the bootstrap resamples `SEED + 1`.

# %%
rng = np.random.default_rng(SEED)
sample_seeds = rng.integers(0, 2**32 - 1, size=200)  # one seed per fresh sample, drawn from SEED

fresh_ols, fresh_ridge = [], []
for seed in sample_seeds:  # the method: a new sample of 50 rows from the same source each time
    sample = regutils.make_correlated(n_samples=50, coef=(1.0, 1.0), groups=((0, 1),),
                                      correlation=0.99, noise=1.0, seed=int(seed))
    X_s, y_s = sample.X.to_numpy(), sample.y.to_numpy()
    fresh_ols.append(LinearRegression().fit(X_s, y_s).coef_)
    fresh_ridge.append(Ridge(alpha=10.0).fit(X_s, y_s).coef_)
fresh_ols, fresh_ridge = np.array(fresh_ols), np.array(fresh_ridge)

pair = regutils.make_correlated(n_samples=50, coef=(1.0, 1.0), groups=((0, 1),), correlation=0.99,
                                noise=1.0, seed=SEED)  # the one sample we "have"
X_pair, y_pair = pair.X.to_numpy(), pair.y.to_numpy()
estimate = LinearRegression().fit(X_pair, y_pair).coef_
boot_rng = np.random.default_rng(SEED + 1)
boot_ols = []
for _ in range(200):  # this estimate: resample the one sample's rows with replacement
    rows = boot_rng.integers(0, len(y_pair), size=len(y_pair))
    boot_ols.append(LinearRegression().fit(X_pair[rows], y_pair[rows]).coef_)
boot_ols = np.array(boot_ols)

fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4.8), sharex=True, sharey=True)
left.scatter(*fresh_ols.T, s=16, marker="o", facecolors="none", edgecolors="#0072B2",
             label="least squares")
left.scatter(*fresh_ridge.T, s=16, marker="x", color="#D55E00", label="ridge, λ = 10")
left.set_title("The method: fits to 200 fresh samples")
right.scatter(*boot_ols.T, s=16, marker="o", facecolors="none", edgecolors="#0072B2",
              label="least squares, one per resample")
right.plot(*estimate, "D", ms=9, color="#E69F00", mec="black", label="this sample's estimate")
right.set_title("This estimate: 200 bootstrap resamples of one sample")
for ax in (left, right):
    ax.plot([-3, 5], [5, -3], color="gray", ls=":", lw=1, label="$w_0 + w_1 = 2$")
    ax.plot(1, 1, "k*", ms=13, label="true coefficients")
    ax.set_xlabel("$w_0$")
    ax.legend(fontsize="small", loc="upper right")
left.set_ylabel("$w_1$")
fig.suptitle("Two features with correlation 0.99, 50 rows per sample")
plt.show()

# %%
table = pd.DataFrame(
    {name: [*fits.mean(axis=0), *fits.std(axis=0, ddof=1), fits.sum(axis=1).std(ddof=1)]
     for name, fits in {"least squares, fresh samples": fresh_ols,
                        "ridge, fresh samples": fresh_ridge,
                        "least squares, bootstrap": boot_ols}.items()},
    index=["mean of w0", "mean of w1", "sd of w0", "sd of w1", "sd of w0 + w1"])
print(table.round(2).to_string())

sd_ols, sd_ridge = fresh_ols.std(axis=0, ddof=1), fresh_ridge.std(axis=0, ddof=1)
claim("least squares is right on average: |mean w_j − 1| over the fresh samples",
      np.abs(fresh_ols.mean(axis=0) - 1), below=0.3, fmt=".2f")
claim("but each of its coefficients scatters widely: sd of w_j", sd_ols, above=0.7, fmt=".2f")
claim("far more than their sum does: sd of w_j ÷ sd of w0 + w1",
      sd_ols / fresh_ols.sum(axis=1).std(ddof=1), above=3, unit="×", fmt=".1f")
claim("in many samples least squares makes a coefficient negative (share of samples)",
      np.mean((fresh_ols < 0).any(axis=1)), above=0.2, fmt=".0%")
claim("ridge never does (share of samples)", np.mean((fresh_ridge < 0).any(axis=1)),
      equals=0, fmt=".0%")
claim("ridge is biased toward 0: mean w_j over the fresh samples", fresh_ridge.mean(axis=0),
      at_least=0.85, below=0.95, fmt=".3f")
claim("but steady: sd of w_j, least squares ÷ ridge", sd_ols / sd_ridge, above=8, unit="×", fmt=".0f")
coef_error = {name: np.mean(np.sum((fits - 1.0) ** 2, axis=1))  # mean squared distance to (1, 1)
              for name, fits in {"least squares": fresh_ols, "ridge": fresh_ridge}.items()}
claim("on balance ridge lands far closer to the truth: mean ||w − (1, 1)||², least squares ÷ ridge",
      coef_error["least squares"] / coef_error["ridge"], above=20, unit="×", fmt=".0f")

# %% [markdown]
# The left panel answers the question about the method. Over fresh samples least squares is
# right **on average** — its mean coefficients are close to the true (1, 1), it is *unbiased* — yet
# a single fit can be far off: the coefficients swing along the line $w_0 + w_1 \approx 2$. Their
# **sum** is well determined (small sd), the split is not, and in about a third of the samples one
# coefficient is even negative although both true effects are +1. Among all splits with the same
# sum, the penalty prefers the one with the smallest $w_0^2 + w_1^2$ — the even split — so ridge's
# coefficients barely move: their spread is more than eight times smaller. The price is **bias**:
# on average ridge reports about 0.9 instead of 1. Counting both, ridge's coefficients land far
# closer to the truth (the mean squared distance is bias² plus variance).
#
# Ridge leans toward the even split whatever the truth is. Here the truth *is* even, so the lean
# costs little; had the true coefficients been (2, 0) — the same 200 seeds, so the same features
# and noise — ridge would still report roughly equal ones:

# %%
# the same seeds as above: the same features and noise, only the true coefficients differ
fresh_lopsided = []
for seed in sample_seeds:
    sample = regutils.make_correlated(n_samples=50, coef=(2.0, 0.0), groups=((0, 1),),
                                      correlation=0.99, noise=1.0, seed=int(seed))
    fresh_lopsided.append(Ridge(alpha=10.0).fit(sample.X.to_numpy(), sample.y.to_numpy()).coef_)
mean_lop = np.mean(fresh_lopsided, axis=0)
print("true coefficients (2, 0): mean ridge coefficients over 200 fresh samples",
      np.round(mean_lop, 2).tolist())
claim("ridge reports roughly equal coefficients, though the true ones differ by 2: "
      "|mean w0 − mean w1|", abs(mean_lop[0] - mean_lop[1]), below=0.3, fmt=".2f")

# %% [markdown]
# The right panel answers the other question: how uncertain is the estimate from the *one*
# sample we have? The bootstrap cloud is about as wide as the cloud of fresh least-squares fits, so
# it gives a fair picture of that uncertainty. But it is centred on this sample's estimate (the
# diamond), wherever that happens to lie, not on the truth. Averaging bootstrap coefficients
# therefore cannot tell whether a *method* is biased: it returns, nearly, the estimate you started
# from. For a claim about a method, draw fresh samples (from a generator, or new data); for the
# uncertainty of one estimate, the bootstrap is the tool.

# %%
boot_sd = boot_ols.std(axis=0, ddof=1)
print(f"this sample's least-squares estimate: ({estimate[0]:.2f}, {estimate[1]:.2f}); "
      f"mean over its resamples: ({boot_ols[:, 0].mean():.2f}, {boot_ols[:, 1].mean():.2f})")
claim("the bootstrap centres on this sample's estimate: |bootstrap mean − estimate|, in bootstrap sds",
      np.abs(boot_ols.mean(axis=0) - estimate) / boot_sd, below=0.3, fmt=".2f")
claim("its spread is of the right size: bootstrap sd ÷ sd over fresh samples", boot_sd / sd_ols,
      at_least=0.5, at_most=2, unit="×", fmt=".2f")

# %% [markdown]
# That trade — some bias for much less variance — is what every regularizer in this course makes.
#
# ## 6 · Bias and variance as λ grows
#
# The coefficients are one view of the trade; the prediction error is the other. Fix a point $x$
# and imagine many training sets drawn from the same source. The prediction $\hat y(x)$ changes
# from one training set to the next; a new target at $x$ is the true value $f(x)$ plus noise of
# variance $\sigma^2$. Averaged over training sets and noise, the squared error splits into three
# parts:
#
# $$\mathbb{E}\bigl[(y - \hat y(x))^2\bigr] \;=\;
# \underbrace{\bigl(\mathbb{E}\,\hat y(x) - f(x)\bigr)^2}_{\text{bias}^2}
# \;+\; \underbrace{\operatorname{Var}\,\hat y(x)}_{\text{variance}}
# \;+\; \underbrace{\sigma^2}_{\text{noise}} .$$
#
# A generator lets us measure each part. One problem with 10 features in three correlated groups
# (true coefficients known) and 30 training rows at fixed inputs; **1,000 training sets** that share
# those inputs and differ in their noise (sd 2, so the noise part is 4); 200 fixed test inputs, each
# with a fresh noisy target per training set. `Ridge` fits all 1,000 training sets in one call: given
# a matrix of targets, one column per training set, it fits each column on its own.

# %%
true_coef = np.array([1.0, 1.0, 1.0, 0.5, 0.5, 0.5, 0.0, 0.0, 0.0, 0.0])
groups = ((0, 1, 2), (3, 4), (5, 6))
sigma = 2.0  # noise sd: sigma² = 4 is the error no model can remove
inputs = regutils.make_correlated(n_samples=30, coef=true_coef, groups=groups, correlation=0.9,
                                  seed=SEED).X.to_numpy()  # fixed training inputs
test_inputs = regutils.make_correlated(n_samples=200, coef=true_coef, groups=groups,
                                       correlation=0.9, seed=SEED + 1).X.to_numpy()
f_train, f_test = inputs @ true_coef, test_inputs @ true_coef  # the true function, noise-free
rng = np.random.default_rng(SEED + 2)
Y_train = f_train[:, None] + rng.normal(0, sigma, (30, 1000))  # 1,000 training sets, one per column
Y_new = f_test[:, None] + rng.normal(0, sigma, (200, 1000))  # a fresh test target for each

bv_alphas = np.logspace(-2, 4, 25)
records = []
for a in bv_alphas:
    predictions = Ridge(alpha=a).fit(inputs, Y_train).predict(test_inputs)  # 200 inputs × 1,000 fits
    records.append({"λ": a,
                    "bias²": np.mean((predictions.mean(axis=1) - f_test) ** 2),
                    "variance": np.mean(predictions.var(axis=1)),
                    "noise": np.mean((Y_new - f_test[:, None]) ** 2),
                    "test MSE": np.mean((Y_new - predictions) ** 2)})
bv = pd.DataFrame(records).set_index("λ")
bv["bias² + variance + noise"] = bv["bias²"] + bv["variance"] + bv["noise"]

fig, ax = plt.subplots(figsize=(7.5, 4.5))
ax.plot(bv.index, bv["test MSE"], "ko", ms=6, mfc="none", label="measured test MSE")
ax.plot(bv.index, bv["bias² + variance + noise"], "k-", lw=1.5, label="bias² + variance + noise")
ax.plot(bv.index, bv["bias²"], "--", marker="^", ms=4, color="#D55E00", label="bias²")
ax.plot(bv.index, bv["variance"], "-.", marker="s", ms=4, color="#0072B2", label="variance")
ax.plot(bv.index, bv["noise"], ":", color="gray", label="noise σ²")
ax.set_xscale("log")
ax.set_xlabel("penalty strength λ (alpha)")
ax.set_ylabel("squared error at the test inputs")
ax.set_title("Ridge over 1,000 training sets: test MSE = bias² + variance + noise")
ax.legend(fontsize="small")
plt.show()

# %%
best_bv_lam = bv["test MSE"].idxmin()
print(bv.iloc[::4].round(3).to_string())
print(f"lowest test MSE {bv['test MSE'].min():.2f} at λ = {best_bv_lam:.3g}")
claim("bias² + variance + noise = the measured test MSE at every λ: largest relative difference",
      (bv["bias² + variance + noise"] / bv["test MSE"] - 1).abs().max(), below=0.02, fmt=".2%")
claim("the variance falls at every step of λ: largest ratio of consecutive variances",
      (bv["variance"].to_numpy()[1:] / bv["variance"].to_numpy()[:-1]).max(), below=1, fmt=".4f")
claim("bias² rises at every step from λ = 1 on: smallest ratio of consecutive bias²",
      (bv["bias²"][bv.index >= 1].to_numpy()[1:] / bv["bias²"][bv.index >= 1].to_numpy()[:-1]).min(),
      above=1, fmt=".2f")
claim("the test MSE has an interior minimum: its value at the smallest and at the largest λ "
      "÷ its lowest value", bv["test MSE"].iloc[[0, -1]] / bv["test MSE"].min(),
      above=1.1, unit="×", fmt=".2f")
claim("the best λ lies well inside the grid (between 1 and 100)", best_bv_lam,
      at_least=1, at_most=100, fmt=".3g")

# %% [markdown]
# At the smallest λ ridge is least squares: almost no bias, but a large variance. As λ grows the
# variance falls at every step and bias² rises; the noise stays at σ² = 4, the floor no model goes
# below. The three parts add up to the measured test error, which is lowest at a middle λ (about 10
# in this run), well away from both ends of the grid. The simulation needed the true function; with
# real data we cannot split the error like this, but cross-validation (section 8) finds such a λ
# from the data alone.

# %% [markdown]
# ## 7 · Effective degrees of freedom
#
# Least squares with $p$ features spends $p$ degrees of freedom. Ridge's fitted values are a linear
# function of $y$, $\hat y = H_\lambda y$ with $H_\lambda = X_c(X_c^\top X_c + \lambda I)^{-1}X_c^\top$
# (plus the mean), and the trace of $H_\lambda$ is its **effective degrees of freedom**. With the
# singular values $d_1, \dots, d_p$ of $X_c$,
#
# $$\mathrm{df}(\lambda) = \operatorname{tr} H_\lambda = \sum_{j=1}^{p} \frac{d_j^2}{d_j^2 + \lambda},$$
#
# which falls smoothly from $p$ at λ = 0 to 0 as λ → ∞ (ESL §3.4.1). Each direction in feature space
# is shrunk by its own factor $d_j^2/(d_j^2+\lambda)$: directions the data vary little along (small
# $d_j$, typical of correlated features) are shrunk the most.

# %%
d = np.linalg.svd(Z_c, compute_uv=False)  # singular values of the centred, standardized features


def effective_df(lam):
    return float(np.sum(d**2 / (d**2 + lam)))


df_path = [effective_df(a) for a in alphas]
fig, ax = plt.subplots()
ax.plot(alphas, df_path)
ax.set_xscale("log")
ax.set_xlabel("penalty strength λ (alpha)")
ax.set_ylabel("effective degrees of freedom")
ax.set_title("Ridge on 10 standardized features: df(λ)")
plt.show()

# %%
hat = Z_c @ np.linalg.solve(Z_c.T @ Z_c + 100 * np.eye(10), Z_c.T)
print("df at λ =", {f"{a:g}": round(effective_df(a), 2) for a in (0.01, 10, 100, 1000, 10_000)})
claim("trace of the hat matrix = the formula at λ = 100: |difference|",
      abs(np.trace(hat) - effective_df(100)), below=1e-8, fmt=".1e")

# %% [markdown]
# ## 8 · Choosing λ: `RidgeCV` and leave-one-out for the price of one fit
#
# Leave-one-out cross-validation (LOO) fits the model $n$ times, each time without one point, and
# scores the prediction for that point. For ridge there is a shortcut: the leave-one-out residual of
# point $i$ is $(y_i - \hat y_i)/(1 - H_{ii})$, computed from a *single* fit on all the data (see
# Golub, Heath & Wahba 1979; ESL §7.10). `RidgeCV(alphas=...)` uses it by default (`cv=None`):
# it evaluates every λ from one eigen- or singular-value decomposition. After `fit`, `alpha_` is the
# chosen λ and `best_score_` its mean LOO score — by default the **negated** mean squared error
# (higher is better); `store_cv_results=True` keeps every point's squared LOO error in
# `cv_results_`.
#
# Is the shortcut exact, and how much does it save? Compare it with explicit leave-one-out, written
# as the loop it is — leave out one patient, fit `Ridge`, predict that patient — on the same
# standardized training features and the same grid of seven λ: 7 × 331 = 2,317 ridge fits. The cell
# also times both. Times depend on the machine
# and its load, so the claim only says that the shortcut is more than 100 times faster; the
# shortcut, which takes about a millisecond, is timed as the best of five runs, so that one hiccup
# of a busy machine cannot spoil it.

# %%
grid = np.logspace(-2, 4, 7)

shortcut_times = []
for _ in range(5):  # best of five: a busy machine easily slows down a single millisecond-long fit
    start = time.perf_counter()
    ridge_loo = RidgeCV(alphas=grid, store_cv_results=True).fit(Z_train, y_train)
    shortcut_times.append(time.perf_counter() - start)
shortcut_seconds = min(shortcut_times)

start = time.perf_counter()
y_array = y_train.to_numpy()
explicit_sq_error = np.empty((len(y_array), len(grid)))  # squared LOO error, patient × λ
for i, (kept, left_out) in enumerate(LeaveOneOut().split(Z_train)):
    for k, a in enumerate(grid):
        fit = Ridge(alpha=a).fit(Z_train[kept], y_array[kept])
        explicit_sq_error[i, k] = (y_array[left_out][0] - fit.predict(Z_train[left_out])[0]) ** 2
explicit_seconds = time.perf_counter() - start
explicit_mse = explicit_sq_error.mean(axis=0)  # mean squared LOO error at each λ

print(f"explicit leave-one-out: {explicit_sq_error.size:,} fits in {explicit_seconds:.1f} s; "
      f"RidgeCV: one decomposition in {1000 * shortcut_seconds:.1f} ms")
claim("RidgeCV's shortcut is faster than explicit leave-one-out",
      explicit_seconds / shortcut_seconds, above=100, unit="×", fmt=".0f")

# %%
print("RidgeCV alpha_:", round(ridge_loo.alpha_, 2), "| explicit leave-one-out's best alpha:",
      round(grid[explicit_mse.argmin()], 2))
claim("both choose the same λ", ridge_loo.alpha_, equals=grid[explicit_mse.argmin()])
claim("same best score: relative difference",
      abs(-ridge_loo.best_score_ / explicit_mse.min() - 1), below=1e-9, fmt=".1e")
loo_mse = ridge_loo.cv_results_.mean(axis=0)  # mean squared LOO error at each λ of the grid
claim("same mean LOO error at every λ: largest relative difference",
      np.abs(explicit_mse / loo_mse - 1).max(), below=1e-9, fmt=".1e")

# %% [markdown]
# Identical, to nine digits, at every λ — from one decomposition instead of 2,317 fits.

# %% [markdown]
# A fair final model puts the scaler and `RidgeCV` in one pipeline, chooses λ on the training data
# with a fine grid, and is scored once on the test set. (Strictly, the scaler has seen each
# left-out training point; with 331 patients its effect on a mean or a standard deviation is
# negligible.)

# %%
fine_grid = np.logspace(-2, 4, 49)
chosen = make_pipeline(StandardScaler(), RidgeCV(alphas=fine_grid)).fit(X_train, y_train)

# %%
best_lam = chosen[-1].alpha_
print(f"λ chosen by leave-one-out: {best_lam:.1f} (effective df {effective_df(best_lam):.1f} of 10)")
test_rmse = {}
for name, model in {"RidgeCV": chosen, "least squares": ols}.items():
    prediction = model.predict(X_test)
    test_rmse[name] = root_mean_squared_error(y_test, prediction)
    print(f"{name:13s} test RMSE {test_rmse[name]:.1f}, R² {r2_score(y_test, prediction):.3f}")
claim("leave-one-out picks a mild penalty: effective degrees of freedom left (of 10)",
      effective_df(best_lam), above=7, fmt=".1f")
claim("ridge barely differs from least squares on the test set: |relative RMSE difference|",
      abs(test_rmse["RidgeCV"] / test_rmse["least squares"] - 1), below=0.03, fmt=".1%")

# %% [markdown]
# Leave-one-out picks a mild penalty (more than 7 of the 10 degrees of freedom stay), and ridge
# barely differs from least squares on the test set (by less than 3 %): 331 patients and 10
# features leave little room for overfitting. Ridge earns its keep when features are many, few data
# points support each of them, or features are strongly correlated. The next section gives least
# squares many features.

# %% [markdown]
# ## 9 · Where ridge wins: many features for the patients
#
# Expand the ten diabetes features with `PolynomialFeatures`: degree 2 adds every square and every
# product of two features (65 features), degree 3 every product of up to three (285 features). A
# training part of 5-fold cross-validation holds about 354 patients, so at degree 3 there are almost
# as many features as patients. For each degree we compare least squares with ridge whose λ is
# chosen *inside each training part* by `RidgeCV`'s leave-one-out (an inner cross-validation: the
# test part is never seen), both in a pipeline with the scaler, on the **same** 20 splits (5-fold
# cross-validation repeated 4 times, shuffled with `SEED`). Because both models meet the same
# splits, the per-split differences are *paired*: they cancel the luck of the split. The cell fits
# 120 models and takes about 10 s on a 2-core laptop (most of it at degree 3); a progress line
# counts the degrees.

# %%
outer = RepeatedKFold(n_splits=5, n_repeats=4, random_state=SEED)
inner_grid = np.logspace(-2, 5, 29)
degree_rmse = {}
for degree in regutils.progress((1, 2, 3), "polynomial degrees"):
    for name, regressor in (("least squares", LinearRegression()),
                            ("ridge", RidgeCV(alphas=inner_grid))):  # λ by leave-one-out inside
        model = make_pipeline(PolynomialFeatures(degree, include_bias=False), StandardScaler(),
                              regressor)
        scores = cross_validate(model, X, y, cv=outer, scoring="neg_root_mean_squared_error")
        degree_rmse[degree, name] = -scores["test_score"]  # test RMSE on each of the 20 splits

n_features = {d: PolynomialFeatures(d, include_bias=False).fit(X).n_output_features_
              for d in (1, 2, 3)}
gain = {d: degree_rmse[d, "least squares"] - degree_rmse[d, "ridge"] for d in (1, 2, 3)}
summary = pd.DataFrame({
    "features": [n_features[d] for d in (1, 2, 3)],
    "least squares RMSE": [degree_rmse[d, "least squares"].mean() for d in (1, 2, 3)],
    "ridge RMSE": [degree_rmse[d, "ridge"].mean() for d in (1, 2, 3)],
    "paired difference, mean": [gain[d].mean() for d in (1, 2, 3)],
    "paired difference, sd": [gain[d].std(ddof=1) for d in (1, 2, 3)],
    "ridge better on": [f"{np.sum(gain[d] > 0)} of {len(gain[d])}" for d in (1, 2, 3)],
}, index=pd.Index([1, 2, 3], name="degree"))
print("mean test RMSE over the 20 splits; paired difference = least squares − ridge, per split")
print(summary.round(1).to_string())

fig, axes = plt.subplots(1, 3, figsize=(12, 3.8))
for ax, degree in zip(axes, (1, 2, 3)):
    ax.axhline(0, color="gray", lw=1, ls=":")
    ax.plot(np.arange(1, len(gain[degree]) + 1), gain[degree], "o", mfc="none", color="black")
    ax.set_title(f"degree {degree}: {n_features[degree]} features")
    ax.set_xlabel("split (5-fold CV × 4 repeats)")
    ax.set_xticks([1, 5, 10, 15, 20])
axes[0].set_ylabel("test RMSE, least squares − ridge")
fig.suptitle("Paired differences per split (above 0: ridge better); each panel has its own scale")
plt.show()

# %%
claim("10 features: ridge and least squares tie: |mean paired difference|",
      abs(gain[1].mean()), below=0.5, fmt=".2f")
claim("65 features: ridge beat least squares on most of the 20 splits", np.sum(gain[2] > 0),
      at_least=16, fmt="d")
claim("65 features: mean paired RMSE difference, least squares − ridge", gain[2].mean(),
      above=2, fmt=".1f")
claim("285 features: ridge beat least squares on every split, by at least (RMSE)", gain[3].min(),
      above=30, fmt=".0f")
plain = degree_rmse[1, "least squares"] - degree_rmse[3, "ridge"]
claim("but 285-feature ridge is no better than least squares on the original 10: "
      "mean paired difference", plain.mean(), below=0.5, fmt=".2f")

# %% [markdown]
# On this dataset, with these features, ridge beat least squares on most of the 20 splits at
# degree 2 — by about 5 RMSE on average, with a split-to-split sd of a few units — and on every
# split at degree 3, where least squares, with almost as many features as patients, fits the noise
# and its test error explodes. With the original 10 features the two tie. The win is ridge's:
# the extra features themselves buy nothing here — the 285-feature ridge is no better than least
# squares on the original 10 features. Regularization makes a rich model safe; whether the rich
# model is worth having is a separate question, answered the same way: paired differences on the
# same splits.
#
# ## 10 · Explore: the penalty strength
#
# Move the slider ($\log_{10}\lambda$; the figure redraws when you release it). The bars are the coefficients of the standardized ridge
# pipeline (grey outlines: least squares); the right panel marks the current λ on the training and
# test error curves.

# %%
explore_alphas = np.logspace(-2, 5, 57)
explore_train, explore_test = [], []
for a in explore_alphas:
    model = make_pipeline(StandardScaler(), Ridge(alpha=a)).fit(X_train, y_train)
    explore_train.append(root_mean_squared_error(y_train, model.predict(X_train)))
    explore_test.append(root_mean_squared_error(y_test, model.predict(X_test)))


def show_ridge(log10_alpha=1.0):
    # Fit the standardized ridge pipeline at λ = 10**log10_alpha; draw its coefficients and errors.
    lam = 10.0**log10_alpha
    model = make_pipeline(StandardScaler(), Ridge(alpha=lam)).fit(X_train, y_train)
    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 3.8))
    left.bar(X.columns, ols_std[-1].coef_, color="none", edgecolor="gray", label="least squares")
    left.bar(X.columns, model[-1].coef_, color="#0072B2", alpha=0.8, label="ridge")
    left.set_ylim(-45, 45)
    left.set_xlabel("feature")
    left.set_ylabel("coefficient per sd")
    left.set_title(f"λ = {lam:.3g}: effective df {effective_df(lam):.1f}")
    left.legend(fontsize="small")
    regutils.plot_error_curve(explore_alphas, explore_train, explore_test, xscale="log",
                              xlabel="penalty strength λ (alpha)", labels=("training", "test"),
                              mark_best=False, title="Training and test RMSE", ax=right)
    right.axvline(lam, color="black", lw=1)
    plt.show()


# %%
# NBVAL_IGNORE_OUTPUT
from ipywidgets import FloatSlider

_ = regutils.explore(show_ridge, log10_alpha=FloatSlider(value=1.0, min=-2.0, max=5.0, step=0.25,
                                                         description="log10 λ"))

# %% [markdown]
# ## Key takeaways
#
# - Ridge adds $\lambda\lVert w\rVert^2$ to the squared error. Its solution is
#   $(X_c^\top X_c + \lambda I)^{-1}X_c^\top y_c$, with the intercept left unpenalized;
#   `Ridge(alpha=λ)` computes exactly that (λ on the *sum* of squared errors).
# - Growing λ shrinks all coefficients toward zero, never exactly to zero: ridge keeps every
#   feature.
# - A penalty is not unit-free: standardize the features first, inside a `Pipeline`.
# - With correlated features, least squares fixes their combined effect but not the split: over
#   fresh samples it is right on average and wildly variable; ridge picks the even split, biased but
#   steady. Claims about a method need fresh samples; the bootstrap measures the uncertainty of one
#   estimate and centres on it.
# - As λ grows, variance falls and bias² rises; with the noise they add up to the test error, which
#   is lowest at a middle λ.
# - The effective degrees of freedom $\sum d_j^2/(d_j^2+\lambda)$ measure how much a ridge fit can
#   bend; `RidgeCV` chooses λ by exact leave-one-out at the cost of one fit.
# - Ridge plainly beats least squares when the features are many for the data (diabetes with
#   degree-2 or degree-3 features); compare models on the same splits, with paired differences.

# %% [markdown]
# ## Check your understanding
#
# Five questions on this lesson, answered here in the notebook: pick a choice and press *Check*
# under each question, or answer in code, e.g. `quiz.answer("1", "b")`.

# %%
quiz = regutils.quiz("02")
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
# **Next:** the exercises in [02_ridge_exercises.ipynb](02_ridge_exercises.ipynb) (solutions in
# `solutions/`), then lesson 03, the lasso, whose L1 penalty sets coefficients exactly to zero.
#
# ## Further reading
#
# - A. E. Hoerl, R. W. Kennard, "Ridge regression: biased estimation for nonorthogonal problems",
#   *Technometrics* 12(1), 55–67 (1970) — the original paper, motivated by correlated features.
# - T. Hastie, R. Tibshirani, J. Friedman, *The Elements of Statistical Learning* (2nd ed., 2009),
#   §3.4.1 (ridge, shrinkage of principal directions, effective degrees of freedom) and §7.10
#   (cross-validation).
# - G. James, D. Witten, T. Hastie, R. Tibshirani, J. Taylor, *An Introduction to Statistical
#   Learning with Applications in Python* (2023), §6.2.1 (ridge, and why to standardize).
# - G. H. Golub, M. Heath, G. Wahba, "Generalized cross-validation as a method for choosing a good
#   ridge parameter", *Technometrics* 21(2), 215–223 (1979).
# - B. Efron, T. Hastie, I. Johnstone, R. Tibshirani, "Least angle regression", *Annals of
#   Statistics* 32(2), 407–499 (2004) — the source of the diabetes data.
# - scikit-learn user guide: "Ridge regression and classification" and the `RidgeCV` API reference
#   (its `cv`, `gcv_mode` and `store_cv_results` parameters).
