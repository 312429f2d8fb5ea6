# %% [markdown]
# # 03 · The lasso (L1)
#
# Ridge shrinks every coefficient but keeps them all. Often we would rather have a model that
# uses *few* features — easier to explain, cheaper to measure, sometimes more accurate. The
# **lasso** gets there by penalizing the absolute values of the coefficients instead of their
# squares, and that small change makes many coefficients exactly zero: the lasso selects features
# as it fits. This lesson shows the sparsity on the diabetes data, explains it with a picture and
# with a one-line formula, builds the lasso solver from scratch and checks it against
# scikit-learn, and ends with the lasso's best-known weakness: groups of correlated features.
#
# ### Learning objectives
# After this lesson you can
# 1. fit a lasso in a standardized pipeline, count the features it keeps, and read the lasso path
#    and the order in which features enter it;
# 2. explain with the L1 diamond and the L2 disk why the lasso's solutions have exact zeros and
#    ridge's do not;
# 3. derive soft-thresholding and use it in a coordinate-descent lasso solver that matches
#    scikit-learn's `Lasso`, and check any lasso solution with the lasso's optimality (KKT)
#    condition;
# 4. show with fresh samples from a known source that, among strongly correlated features, which
#    ones the lasso keeps is arbitrary — and use the bootstrap for the question it answers: how
#    uncertain one sample's selection is.
#
# **Prerequisites:** lesson 02 (ridge, standardization, pipelines).
# **Time:** about 50 minutes to work through; the notebook runs top to bottom in <!--time:03_lasso-->5.1 s<!--/time--> on a 2-core CPU.
#
# **How to read this notebook.** Outputs are stored, so you can read first and run later
# (*Run ▸ Run All Cells*). Lines that start with ✔ are **claims**: a statement from the text,
# the number this run measured, and the rule it must meet — for example
# `✔ the lasso usually keeps only one or two of the three (share of training sets): 66% (claim: > 50%)`.
# The course's tests re-run every lesson under other random seeds and on other kinds of CPU and fail
# if a claim stops holding. If you change something and see ✘, the claim does not hold for *your*
# run: that is what your change did, not a bug.

# %%
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from sklearn.datasets import load_diabetes
from sklearn.linear_model import Lasso, LassoCV, LinearRegression, Ridge, lars_path, lasso_path
from sklearn.metrics import root_mean_squared_error
from sklearn.model_selection import KFold, train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

import regutils
from regutils import claim
from regutils.scratch.lasso import lasso_coordinate_descent, soft_threshold

SEED = regutils.setup_notebook(seed=0)  # seeds, threads, quiet logs, plot style; returns the seed
# Every random choice below derives from SEED (set REGUTILS_SEED to try another one).

# %% [markdown]
# ## 1 · The lasso objective, and exact zeros
#
# scikit-learn's `Lasso(alpha=α)` minimizes
#
# $$\frac{1}{2n}\sum_{i=1}^{n}\bigl(y_i - b - x_i^\top w\bigr)^2 \;+\; \alpha \sum_{j=1}^{p} \lvert w_j\rvert .$$
#
# Two differences from lesson 02's ridge: the penalty is on $\lvert w_j\rvert$ rather than $w_j^2$,
# and the squared error is *averaged* (and halved), so a lasso `alpha` is on a different scale from a
# ridge `alpha`. As for ridge, the intercept is not penalized and the features must be standardized
# first. We use the diabetes data again, raw features standardized in a pipeline, first on all 442
# patients. The data are fixed, and sections 1–4 involve no randomness at all: their numbers are
# the same on every run.

# %%
X, y = load_diabetes(return_X_y=True, as_frame=True, scaled=False)  # a fixed data set, not seeded
names = X.columns.to_numpy()
lasso = make_pipeline(StandardScaler(), Lasso(alpha=5.0)).fit(X, y)
ridge = make_pipeline(StandardScaler(), Ridge(alpha=100.0)).fit(X, y)
coefficients = pd.DataFrame({"lasso, α = 5": lasso[-1].coef_, "ridge, λ = 100": ridge[-1].coef_},
                            index=names)
(coefficients.round(2) + 0.0).T  # + 0.0 turns -0.0 into 0.0

# %%
# NBVAL_CHECK_OUTPUT
print("lasso: coefficients exactly 0:", int(np.sum(lasso[-1].coef_ == 0)), "of", len(names))
print("lasso keeps:", names[lasso[-1].coef_ != 0].tolist())
print("ridge: coefficients exactly 0:", int(np.sum(ridge[-1].coef_ == 0)), "of", len(names))

# %% [markdown]
# The lasso's zeros are exact, not just small: half the features drop out of the model, which is
# feature selection as a by-product of fitting. The ridge fit keeps all ten, as it would at any λ.
#
# ## 2 · The lasso path and the order in which features enter
#
# At a large enough α every coefficient is zero. The smallest such α has a formula: with
# standardized features and centred $y$, it is $\alpha_{\max} = \max_j \lvert x_j^\top y\rvert / n$
# — the largest covariance-like score of a single feature. Below it, features enter one at a time.
# `lasso_path` computes the whole path on a grid of α (it fits no intercept, so we centre $y$).

# %%
Z = StandardScaler().fit_transform(X)
y_c = (y - y.mean()).to_numpy()
alpha_max = np.max(np.abs(Z.T @ y_c)) / len(y)

path_alphas, path_coefs, _ = lasso_path(Z, y_c, alphas=np.geomspace(alpha_max, alpha_max / 1000, 200))
ax = regutils.plot_coefficient_path(path_alphas, path_coefs.T, feature_names=names,
                                    xlabel="penalty strength α", title="Lasso path, diabetes data")
ax.set_ylabel("coefficient (per standard deviation of the feature)")
for line, style in zip(ax.get_lines(), ["-", "--", "-.", ":"] * 3):  # tell lines apart without colour
    line.set_linestyle(style)
ax.legend(loc="center left", bbox_to_anchor=(1.0, 0.5), fontsize="small")
plt.show()

# %%
# NBVAL_CHECK_OUTPUT
entry_alpha = {name: path_alphas[np.flatnonzero(coefs)[0]] for name, coefs in zip(names, path_coefs)}
entry_order = sorted(entry_alpha, key=entry_alpha.get, reverse=True)
print(f"alpha_max = {alpha_max:.2f}")
print("non-zero coefficients at alpha_max:", int(np.sum(path_coefs[:, 0] != 0)))
print("order in which features enter as α decreases:", entry_order)
print("entry α:", [round(float(entry_alpha[name]), 1) for name in entry_order])
for name, coefs in zip(names, path_coefs):
    leaves = np.flatnonzero(np.diff((coefs != 0).astype(int)) < 0)  # non-zero, then zero again
    if len(leaves):
        print(f"{name} leaves the path again at α = {path_alphas[leaves[0] + 1]:.2f} "
              f"(alpha_max / {alpha_max / path_alphas[leaves[0] + 1]:.0f})")

# %% [markdown]
# Body-mass index enters first, then `s5` (log triglycerides) and blood pressure: the lasso's ranking
# of what matters most. `lasso_path` works on a grid, so an entry point is only known to the
# nearest grid value. **LARS** (least angle regression, Efron et al. 2004, the paper these data come
# from) computes the exact points where the path bends; scikit-learn's `lars_path` gives the same
# order. The path is not always monotone: a feature can also leave again when other features take
# over its role — here `s3`, at a small α near the unpenalized end of the path.

# %%
# NBVAL_CHECK_OUTPUT
_, _, lars_coefs = lars_path(Z, y_c, method="lasso")
lars_entry = {name: int(np.flatnonzero(coefs)[0]) for name, coefs in zip(names, lars_coefs)}
lars_order = sorted(lars_entry, key=lars_entry.get)
print("order in which features enter LARS:", lars_order)
agree = sum(a == b for a, b in zip(lars_order, entry_order))
print("places where LARS and lasso_path agree:", agree, "of", len(names))

# %% [markdown]
# Which α should we use? As for ridge, cross-validation decides. `LassoCV` computes the path once
# per fold and picks the α with the lowest mean validation error. Here on a training split, with
# 5 shuffled folds, and the test set used once at the end. The split and the folds are drawn with
# `SEED`, so from here on the numbers change a little from run to run; the claims say what holds
# on every run.

# %%
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=SEED)
lasso_cv = make_pipeline(StandardScaler(), LassoCV(cv=KFold(5, shuffle=True, random_state=SEED)))
lasso_cv.fit(X_train, y_train)
ols = LinearRegression().fit(X_train, y_train)

# %%
chosen = lasso_cv[-1]
print(f"α chosen by 5-fold CV: {chosen.alpha_:.2f} "
      f"(alpha_max of the training data: {chosen.alphas_.max():.1f})")
print("features kept:", int(np.sum(chosen.coef_ != 0)), "of 10:", names[chosen.coef_ != 0].tolist())
test_rmse = {}
for name, model in {"LassoCV": lasso_cv, "least squares": ols}.items():
    test_rmse[name] = root_mean_squared_error(y_test, model.predict(X_test))
    print(f"{name:13s} test RMSE {test_rmse[name]:.1f}")
claim("cross-validation picks a small α (share of alpha_max)", chosen.alpha_ / chosen.alphas_.max(),
      below=0.1, fmt=".3f")
claim("it keeps most of the ten features", np.sum(chosen.coef_ != 0), above=5)
claim("and predicts about as well as least squares: |relative test RMSE difference|",
      abs(test_rmse["LassoCV"] / test_rmse["least squares"] - 1), below=0.04, fmt=".1%")

# %% [markdown]
# Cross-validation picks a small α (under a tenth of $\alpha_{\max}$): it keeps most features —
# how many, and which, depends on the split — and predicts about as well as least squares (within
# 4 %). On these data prediction barely needs a penalty (lesson 02 found the same); what the lasso
# can offer here is a simpler model. A larger α buys more sparsity — the explorer in section 6 lets you see what it
# costs.
#
# ## 3 · Why corners give zeros: the geometry
#
# The penalized problem is equivalent to a constrained one: minimize the squared error subject to
# $\lvert w_1\rvert + \lvert w_2\rvert \le t$ (lasso) or $w_1^2 + w_2^2 \le t^2$ (ridge), with a
# budget $t$ that shrinks as λ grows. In two dimensions the lasso's feasible region is a
# **diamond**, ridge's a **disk**. The contours of the squared error are ellipses around the
# least-squares solution $\hat w$; the constrained solution is where the smallest ellipse touches
# the region. A diamond has **corners on the axes**, and an ellipse usually touches it first at a
# corner — where one coefficient is exactly zero. A disk has no corners, so the touching point has
# both coefficients non-zero.

# %%
w_hat = np.array([2.0, 0.8])                    # the least-squares solution
A = np.array([[1.0, 0.5], [0.5, 1.0]])          # shape of the error's contours (correlated features)


def squared_error(W):
    # Squared error, up to a constant, at the points W (..., 2).
    D = W - w_hat
    return np.einsum("...i,ij,...j->...", D, A, D)


s = np.linspace(0, 4, 40_001)                   # walk around the diamond |w1| + |w2| = 1 ...
corners = np.array([[1, 0], [0, 1], [-1, 0], [0, -1], [1, 0]], dtype=float)
side, frac = np.minimum(s.astype(int), 3), (s - np.minimum(s.astype(int), 3))[:, None]
diamond = corners[side] * (1 - frac) + corners[side + 1] * frac
angle = np.linspace(0, 2 * np.pi, 40_001)       # ... and around the circle w1² + w2² = 1
circle = np.column_stack([np.cos(angle), np.sin(angle)])
best_l1 = diamond[np.argmin(squared_error(diamond))]
best_l2 = circle[np.argmin(squared_error(circle))]

grid = np.linspace(-1.6, 2.8, 300)
W1, W2 = np.meshgrid(grid, grid)
E = squared_error(np.stack([W1, W2], axis=-1))
fig, axes = plt.subplots(1, 2, figsize=(10, 4.6))
for ax, region, best, title in ((axes[0], diamond, best_l1, "L1 (lasso): |w1| + |w2| ≤ 1"),
                                (axes[1], circle, best_l2, "L2 (ridge): w1² + w2² ≤ 1")):
    ax.contour(W1, W2, E, levels=[0.1, 0.4, 0.9, 1.6, 2.5, 3.6], colors="gray", linewidths=0.8)
    ax.contour(W1, W2, E, levels=[squared_error(best)], colors="#D55E00", linewidths=1.8,
               linestyles="--")  # the contour that touches the region: dashed
    ax.fill(region[:, 0], region[:, 1], color="#0072B2", alpha=0.25)
    ax.plot(*w_hat, "k+", ms=12, mew=2, label="least squares $\\hat w$")
    ax.plot(*best, "o", color="#D55E00", ms=8, label=f"solution ({best[0]:.2f}, {best[1]:.2f})")
    ax.axhline(0, color="black", lw=0.8)
    ax.axvline(0, color="black", lw=0.8)
    ax.set_aspect("equal")
    ax.set_xlabel("$w_1$")
    ax.set_ylabel("$w_2$")
    ax.set_title(title)
    ax.legend(loc="lower right", fontsize="small")
fig.suptitle("Error contours (grey ellipses) meet the shaded constraint region; "
             "dashed: the contour that touches it")
plt.show()

# %%
# NBVAL_CHECK_OUTPUT
print("L1 solution:", np.round(best_l1, 2).tolist(), "| w2 =", best_l1[1])
print("L2 solution:", np.round(best_l2, 2).tolist(), "| smaller |coordinate|:",
      round(float(np.abs(best_l2).min()), 2))

# %% [markdown]
# The same happens in ten dimensions, where the L1 ball has many more corners and edges — points
# with several zero coordinates — for the error ellipsoids to touch first.
#
# ## 4 · From scratch: soft-thresholding and coordinate descent
#
# The algebra tells the same story. Fix every coefficient but $w_j$. With standardized features the
# lasso objective in $w_j$ alone is a parabola plus $\alpha\lvert w_j\rvert$, and its minimizer is the
# least-squares value $z_j$ for that coordinate, **soft-thresholded**:
#
# $$w_j = S(z_j, \alpha) = \operatorname{sign}(z_j)\,\max(\lvert z_j\rvert - \alpha,\; 0),
# \qquad z_j = \tfrac{1}{n} x_j^\top r_j ,$$
#
# where $r_j$ is the residual without feature $j$'s contribution (for columns that are not
# standardized, divide by $\tfrac1n x_j^\top x_j$). Inside $[-\alpha, \alpha]$ the answer is exactly 0;
# outside, it is shrunk toward 0 by α. With a squared penalty $\tfrac{\lambda}{2} w_j^2$ instead, the
# one-coordinate answer is $z_j/(1+\lambda)$: it only rescales, and is never exactly zero.

# %%
z = np.linspace(-3, 3, 601)
fig, ax = plt.subplots()
ax.plot(z, z, color="gray", ls=":", lw=1, label="no penalty: w = z")
ax.plot(z, soft_threshold(z, 1.0), label="lasso: soft_threshold(z, 1)")
ax.plot(z, z / (1 + 1.0), label="ridge: z / (1 + 1)")
ax.set_xlabel("least-squares value z")
ax.set_ylabel("penalized solution w")
ax.set_title("One coefficient at a time: lasso vs ridge")
ax.legend(fontsize="small")
plt.show()

# %% [markdown]
# **Coordinate descent** cycles through the coefficients, setting each to its soft-thresholded
# optimum given the others, until nothing moves any more. That is the algorithm behind
# scikit-learn's `Lasso` (and glmnet; Friedman, Hastie & Tibshirani 2010). The course's version
# is plain NumPy, in `regutils/scratch/lasso.py` (read it!); its heart is this loop over the
# coefficients:
#
# ```python
# z = X[:, j] @ residual / n + curvature[j] * coef[j]      # x_j @ r_j / n
# new = soft_threshold(z, alpha) / curvature[j]          # curvature[j] = x_j @ x_j / n
# residual -= X[:, j] * (new - coef[j]);  coef[j] = new
# ```
#
# Does it give scikit-learn's answer? Both solve the same objective; we run each to a tight
# tolerance on the standardized diabetes features at α = 1.

# %%
ours = lasso_coordinate_descent(Z, y, alpha=1.0, tol=1e-10, max_iter=10_000)
sklearn_lasso = Lasso(alpha=1.0, tol=1e-12, max_iter=10_000).fit(Z, y)

# %%
print("sweeps until no coefficient moved by more than 1e-10:", ours.n_iter)
print("coefficients exactly zero:", names[ours.coef == 0].tolist(), "(ours) |",
      names[sklearn_lasso.coef_ == 0].tolist(), "(scikit-learn)")
claim("same coefficients as scikit-learn: largest |difference|",
      np.abs(ours.coef - sklearn_lasso.coef_).max(), below=1e-6, fmt=".1e")
claim("same intercept: |difference|", abs(ours.intercept - sklearn_lasso.intercept_),
      below=1e-6, fmt=".1e")
claim("same zeros: coefficients zero in one solution but not the other",
      np.sum((ours.coef == 0) != (sklearn_lasso.coef_ == 0)), equals=0)


# %% [markdown]
# Same coefficients to better than $10^{-6}$, and the same zeros. (`tests/test_scratch_lasso.py`
# repeats the comparison on more problems, including one with more features than samples.)
#
# ### The optimality condition: how to recognise a lasso solution
#
# Two solvers agree, but is their answer *the* minimum? The lasso objective is convex, so a point is
# the minimum exactly when no single coefficient can lower it. With the residual
# $r = y - b - Xw$, the derivative of the error term in $w_j$ is $-\tfrac1n x_j^\top r$. The penalty
# $\alpha\lvert w_j\rvert$ has derivative $\alpha\,\operatorname{sign}(w_j)$ where $w_j \ne 0$; at
# $w_j = 0$ it has a kink, and any slope in $[-\alpha, \alpha]$ fits under it (the set of such
# slopes is the **subgradient**). Setting "derivative of the error + (sub)gradient of the penalty =
# 0" gives the lasso's **optimality condition** — also called its subgradient or
# Karush–Kuhn–Tucker (**KKT**) condition:
#
# $$\tfrac1n\, x_j^\top r = \alpha\,\operatorname{sign}(w_j)\ \text{ if } w_j \ne 0,
# \qquad \bigl\lvert \tfrac1n\, x_j^\top r \bigr\rvert \le \alpha\ \text{ if } w_j = 0 .$$
#
# In words: every kept feature's $x_j^\top r / n$ (a covariance-like score of the feature with the
# residual) is pinned at exactly $\pm\alpha$, and every dropped feature's stays inside
# $[-\alpha, \alpha]$ — it would not pay for its own penalty.
# At $w = 0$ the residual is the centred $y$, and the condition reads
# $\max_j \lvert x_j^\top y\rvert / n \le \alpha$: that is where section 2's $\alpha_{\max}$ comes
# from. The function below measures, from scratch, how far a candidate solution is from meeting
# the condition; we apply it to both solutions above, and to scikit-learn's solution scaled by 1 %.

# %%
def kkt_violation(X, y, coef, intercept, alpha):
    # Largest violation of the lasso's optimality (KKT) condition at (coef, intercept).
    score = X.T @ (y - intercept - X @ coef) / len(y)  # x_j @ r / n for every feature j
    return np.max(np.where(coef != 0, np.abs(score - alpha * np.sign(coef)),
                           np.maximum(np.abs(score) - alpha, 0.0)))


y_np = y.to_numpy()
residual = y_np - sklearn_lasso.intercept_ - Z @ sklearn_lasso.coef_
print("x_j @ r / n, scikit-learn's solution at α = 1:")
print(pd.Series(Z.T @ residual / len(y_np), index=names).round(3).to_string())
claim("scikit-learn's Lasso meets the optimality condition: largest violation",
      kkt_violation(Z, y_np, sklearn_lasso.coef_, sklearn_lasso.intercept_, 1.0),
      below=1e-6, fmt=".1e")
claim("our coordinate descent meets it too: largest violation",
      kkt_violation(Z, y_np, ours.coef, ours.intercept, 1.0), below=1e-6, fmt=".1e")
claim("the same coefficients scaled by 1 % do not: largest violation",
      kkt_violation(Z, y_np, 1.01 * sklearn_lasso.coef_, sklearn_lasso.intercept_, 1.0),
      above=0.1, fmt=".2f")

# %% [markdown]
# The kept features sit at exactly $\pm 1$ (= α, with the sign of their coefficient) and the three
# dropped ones (`age`, `s2`, `s4`) inside $[-1, 1]$; both solvers meet the condition to better than $10^{-6}$, while
# the solution scaled by only 1 % breaks it clearly. The condition needs no second solver to
# compare with: it certifies a lasso solution on its own.
#
# ## 5 · The pitfall: correlated features
#
# When several features carry nearly the same information, the L1 penalty does not care how their
# weight is split: $\lvert a\rvert + \lvert b\rvert = a + b$ for any split of a positive total. Ridge's
# squared penalty is smallest for the even split (lesson 02); the lasso has no such preference, so
# small differences in the sample decide, and the sparse corner solutions win. Take three features
# correlated at 0.99 that all truly matter (coefficient 1 each), three irrelevant ones, and
# training sets of 50 rows. Two different questions need two different experiments:
#
# - **About the method:** what does the lasso do with such a group? Draw **200 fresh training
#   sets** from the same source (`make_correlated` with 200 seeds drawn from `SEED + 3`), fit
#   `Lasso(alpha=0.3)` on each — and `Ridge(alpha=10.0)` for comparison — and score every fit on
#   2,000 further fresh rows (drawn with `SEED + 1`).
# - **About one estimate:** we usually have *one* sample. How uncertain is its selection? That is
#   the bootstrap's question (resampling the sample's own rows); it comes second.
#
# (`make_correlated`'s features already have mean 0 and standard deviation 1.)

# %%
source = dict(coef=(1.0, 1.0, 1.0, 0.0, 0.0, 0.0), groups=((0, 1, 2),), correlation=0.99)
fresh = regutils.make_correlated(n_samples=2000, seed=SEED + 1, **source)  # scores every fit
X_fresh, y_fresh = fresh.X.to_numpy(), fresh.y.to_numpy()
draw_seeds = np.random.default_rng(SEED + 3).integers(0, 2**31, size=200)  # 200 training sets

draw_lasso, draw_ridge, fresh_rmse = [], [], {"lasso": [], "ridge": []}
for draw_seed in draw_seeds:
    draw = regutils.make_correlated(n_samples=50, seed=int(draw_seed), **source)
    for name, model, store in (("lasso", Lasso(alpha=0.3), draw_lasso),
                               ("ridge", Ridge(alpha=10.0), draw_ridge)):
        model.fit(draw.X.to_numpy(), draw.y.to_numpy())
        store.append(model.coef_)
        fresh_rmse[name].append(root_mean_squared_error(y_fresh, model.predict(X_fresh)))
draw_lasso, draw_ridge = np.array(draw_lasso), np.array(draw_ridge)

fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4.2))
left.bar(fresh.X.columns, (draw_lasso != 0).mean(axis=0), color="#0072B2", edgecolor="black")
left.set_ylim(0, 1)
left.set_xlabel("feature (x0–x2 correlated, true w = 1; x3–x5 irrelevant)")
left.set_ylabel("share of training sets with w ≠ 0")
left.set_title("Lasso (α = 0.3): how often each feature is kept")
right.boxplot([draw_lasso[:, 0], draw_lasso[:, 1], draw_lasso[:, 2],
               draw_ridge[:, 0], draw_ridge[:, 1], draw_ridge[:, 2]])
right.set_xticks(range(1, 7), [f"{model}\nx{j}" for model in ("lasso", "ridge") for j in range(3)])
right.axhline(1.0, color="gray", ls=":", lw=1, label="true weight")
right.set_ylabel("coefficient")
right.set_title("Coefficients of the group")
right.legend(loc="upper right", fontsize="small")
fig.suptitle("The method: 200 fresh training sets of 50 rows from the same source")
plt.show()

# %%
in_group = draw_lasso[:, :3] != 0
largest_share = np.bincount(np.argmax(np.abs(draw_lasso[:, :3]), axis=1), minlength=3) / 200
mean_ridge = draw_ridge[:, :3].mean(axis=0)
lasso_sd, ridge_sd = draw_lasso[:, :3].std(axis=0, ddof=1), draw_ridge[:, :3].std(axis=0, ddof=1)
print("share of training sets keeping each of x0, x1, x2:", in_group.mean(axis=0).round(2).tolist())
print("training sets keeping 0, 1, 2 or 3 of the group:",
      np.bincount(in_group.sum(axis=1), minlength=4).tolist())
print("share in which x0, x1, x2 has the largest coefficient:", largest_share.round(2).tolist())
print("lasso, mean coefficients:", draw_lasso[:, :3].mean(axis=0).round(2).tolist(),
      "| sd:", lasso_sd.round(2).tolist())
print("ridge, mean coefficients:", mean_ridge.round(2).tolist(), "| sd:", ridge_sd.round(2).tolist())
print("mean RMSE on the fresh rows: lasso", round(np.mean(fresh_rmse["lasso"]), 3),
      "| ridge", round(np.mean(fresh_rmse["ridge"]), 3), "| noise level 1.0")
claim("the lasso usually keeps only one or two of the three (share of training sets)",
      np.mean(in_group.sum(axis=1) <= 2), above=0.5, fmt=".0%")
claim("no member is favoured: each is the largest weight in about a third of the training sets",
      largest_share, at_least=0.2, at_most=0.47, fmt=".0%")
claim("the lasso's group coefficients swing far more than ridge's: largest sd, lasso ÷ ridge",
      lasso_sd.max() / ridge_sd.max(), above=8, unit="×", fmt=".1f")
claim("predictions hardly suffer: mean RMSE on the fresh rows, lasso ÷ ridge",
      np.mean(fresh_rmse["lasso"]) / np.mean(fresh_rmse["ridge"]), below=1.05, fmt=".3f")
claim("ridge keeps the whole group in every training set: group coefficients exactly 0",
      np.sum(draw_ridge[:, :3] == 0), equals=0)
claim("ridge weights the group evenly on average: smallest mean ÷ largest mean",
      mean_ridge.min() / mean_ridge.max(), above=0.9, fmt=".2f")

# %% [markdown]
# That is the method's behaviour. All three features matter equally, yet the lasso usually keeps
# only one or two of them, and which one it puts first is a three-sided coin: each is the largest
# weight in about a third of the training sets. Across training sets its group coefficients swing
# many times more than ridge's (over 8× in largest standard deviation). Predictions hardly suffer —
# on fresh rows the lasso fits are within 5 % of ridge's mean RMSE, because a kept feature stands
# in for its dropped twins — but reading the selected set as "the features that matter" would be a
# mistake. Ridge keeps the whole group every time, with equal weights on average.
#
# **One sample, bootstrapped.** In practice we hold one sample of 50 rows. Refitting on 200
# **bootstrap resamples** of its rows (rows drawn with replacement, with `SEED + 2`) answers a
# different question: how much would *this sample's* selection change if its rows had come out a
# little differently? The resamples all resemble the sample, so they lean towards whatever it
# happens to favour. The figure puts both answers to "which member comes first?" side by side.

# %%
group = regutils.make_correlated(n_samples=50, seed=SEED, **source)  # the one sample we hold
X_group, y_group = group.X.to_numpy(), group.y.to_numpy()
full_fit = Lasso(alpha=0.3).fit(X_group, y_group).coef_
rng = np.random.default_rng(SEED + 2)
boot_lasso = np.array([Lasso(alpha=0.3).fit(X_group[rows], y_group[rows]).coef_
                       for rows in (rng.integers(0, 50, size=50) for _ in range(200))])
boot_largest = np.bincount(np.argmax(np.abs(boot_lasso[:, :3]), axis=1), minlength=3) / 200
favourite = int(np.argmax(np.abs(full_fit[:3])))
same_as_full = np.all((boot_lasso[:, :3] != 0) == (full_fit[:3] != 0), axis=1)

fig, ax = plt.subplots(figsize=(8, 3.8))
positions = np.arange(3)
ax.bar(positions - 0.2, largest_share, width=0.4, color="#0072B2", edgecolor="black",
       label="200 fresh training sets: the method")
ax.bar(positions + 0.2, boot_largest, width=0.4, color="white", edgecolor="black", hatch="//",
       label="200 bootstrap resamples of one sample: this estimate")
ax.axhline(1 / 3, color="gray", ls=":", lw=1, label="one third")
ax.set_xticks(positions, ["x0", "x1", "x2"])
ax.set_ylim(0, 1.3)  # room for the legend above the bars
ax.set_xlabel("member of the correlated group")
ax.set_ylabel("share with the largest weight")
ax.set_title("Which member does the lasso put first?")
ax.legend(loc="upper left", fontsize="small", ncols=2)
plt.show()
print("lasso on the 50 rows we hold, coefficients of x0, x1, x2:", np.round(full_fit[:3], 2).tolist())
print("share of resamples in which x0, x1, x2 has the largest coefficient:",
      boot_largest.round(2).tolist())
claim("the bootstrap leans to the member this sample's fit weights most "
      "(share of resamples in which it is the largest)", boot_largest[favourite], above=1 / 3,
      fmt=".0%")
claim("and its selection is uncertain: resamples keeping another subset of the group than the "
      "full fit (share)", 1 - same_as_full.mean(), above=0.1, fmt=".0%")


# %% [markdown]
# The fresh training sets put each member first about a third of the time; the bootstrap of the
# one sample puts first, in more than a third of its resamples, the member the sample's own fit
# weights most. Both are right, about different things. The bootstrap measures how uncertain
# *this* estimate is — here, a sizeable share of resamples keep another subset of the group than
# the full fit — but it is centred on the sample it resamples, so it cannot say what the method
# does on new data. **For a claim about the method, draw fresh data; for the uncertainty of the
# estimate you have, bootstrap it.**
#
# What to do: treat the lasso's choice within a correlated group as arbitrary; check the
# stability of your own selection by resampling, as here (Meinshausen & Bühlmann's *stability
# selection* builds a method on this idea); or use the **elastic net**, which adds a little L2
# penalty so that correlated features enter together (lesson 04).
#
# ## 6 · Explore: which coefficients survive?
#
# Move the slider ($\log_{10}\alpha$). Bars are the lasso's coefficients on the standardized training
# features; grey crosses mark the coefficients that are exactly zero. The title gives the number of
# features kept and the test RMSE. Watch features drop out one by one as α grows: how many can go
# before the test error really suffers?

# %%
def show_lasso(log10_alpha=0.0):
    # Fit the standardized lasso pipeline at α = 10**log10_alpha on the training split; draw it.
    alpha = 10.0**log10_alpha
    model = make_pipeline(StandardScaler(), Lasso(alpha=alpha)).fit(X_train, y_train)
    coef = model[-1].coef_
    rmse = root_mean_squared_error(y_test, model.predict(X_test))
    fig, ax = plt.subplots(figsize=(8, 3.8))
    ax.bar(names, coef, color=np.where(coef != 0, "#0072B2", "lightgray"))
    ax.plot(names[coef == 0], np.zeros(np.sum(coef == 0)), "x", color="gray", ms=10, mew=2)
    ax.set_ylim(-40, 40)
    ax.set_xlabel("feature")
    ax.set_ylabel("coefficient per sd")
    ax.set_title(f"α = {alpha:.3g}: {np.sum(coef != 0)} of 10 features kept, test RMSE {rmse:.1f}")
    plt.show()


# %%
# NBVAL_IGNORE_OUTPUT
from ipywidgets import FloatSlider

_ = regutils.explore(show_lasso, log10_alpha=FloatSlider(value=0.0, min=-2.0, max=1.8, step=0.1,
                                                         description="log10 α"))

# %% [markdown]
# ## Key takeaways
#
# - The lasso penalizes $\alpha\sum_j\lvert w_j\rvert$ (with scikit-learn's error term
#   $\frac{1}{2n}\lVert y - Xw - b\rVert^2$): coefficients become **exactly zero**, so fitting selects
#   features. Standardize first, as for ridge.
# - On the path, features enter one at a time as α falls from $\alpha_{\max} = \max_j\lvert
#   x_j^\top y\rvert/n$; the order is a rough ranking of importance (features can also leave, and
#   see the next point).
# - Geometrically, the L1 ball has corners on the axes; algebraically, each coordinate update is a
#   soft-threshold with a dead zone $[-\alpha, \alpha]$. Coordinate descent in plain NumPy matches
#   scikit-learn, and the optimality (KKT) condition — $\tfrac1n x_j^\top r = \alpha\,\mathrm{sign}(w_j)$ for
#   kept features, $\lvert\tfrac1n x_j^\top r\rvert \le \alpha$ for dropped ones — certifies a solution.
# - Among strongly correlated features, which ones the lasso keeps is arbitrary: over fresh samples
#   from the source each member comes first about equally often. Do not read it as importance. The
#   elastic net (lesson 04) keeps such groups together.
# - Fresh samples answer questions about a **method**; the bootstrap answers how uncertain **your
#   one estimate** is, and it leans towards whatever that sample favours.

# %% [markdown]
# ## Check your understanding
#
# Five questions on this lesson, answered here in the notebook: choose an option and press *Check*, or type `quiz.answer("1", "b")`.

# %%
quiz = regutils.quiz("03")
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
# The exercises in [03_lasso_exercises.ipynb](03_lasso_exercises.ipynb) (solutions in
# `solutions/`), then lesson 04, the elastic net.
#
# ## Further reading
#
# - R. Tibshirani, "Regression shrinkage and selection via the lasso", *Journal of the Royal
#   Statistical Society B* 58(1), 267–288 (1996) — the lasso, and its diamond picture.
# - B. Efron, T. Hastie, I. Johnstone, R. Tibshirani, "Least angle regression", *Annals of
#   Statistics* 32(2), 407–499 (2004) — LARS, the exact lasso path, and the diabetes data.
# - J. Friedman, T. Hastie, R. Tibshirani, "Regularization paths for generalized linear models via
#   coordinate descent", *Journal of Statistical Software* 33(1) (2010) — the algorithm of section 4.
# - T. Hastie, R. Tibshirani, M. Wainwright, *Statistical Learning with Sparsity* (2015), ch. 2
#   (the lasso) and §5.4 (coordinate descent); T. Hastie, R. Tibshirani, J. Friedman, *The Elements
#   of Statistical Learning* (2nd ed., 2009), §3.4.2–3.4.4 and Fig. 3.11.
# - N. Meinshausen, P. Bühlmann, "Stability selection", *Journal of the Royal Statistical Society B*
#   72(4), 417–473 (2010); H. Zou, T. Hastie, "Regularization and variable selection via the elastic
#   net", *JRSS B* 67(2), 301–320 (2005) — on the correlated-features pitfall.
# - scikit-learn user guide: "Lasso" and "Least Angle Regression"; the API references of `Lasso`,
#   `LassoCV`, `lasso_path` and `lars_path`.
