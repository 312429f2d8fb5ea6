# %% [markdown]
# # 04 · Elastic Net
#
# The lasso selects features; ridge keeps them all and steadies their weights. Real data often
# come with *groups* of correlated features — several blood tests that track the same condition,
# several sensors on the same machine. Faced with such a group, the lasso tends to keep one or two
# members and drop the rest, and which ones it keeps changes from sample to sample. The **elastic
# net** (Zou & Hastie, 2005) adds both penalties at once: it can still set irrelevant weights to
# exactly zero, and, like ridge, it shares the weight among correlated features — the *grouping
# effect*. This lesson measures that on data where we know the truth, tunes both of the elastic
# net's knobs by cross-validation, and puts L1, L2 and the elastic net side by side.
#
# ### Learning objectives
# After this lesson you can
# 1. write down the elastic-net objective and translate scikit-learn's `alpha` and `l1_ratio` into
#    the L1 and L2 strengths $\lambda_1$ and $\lambda_2$ — and into `Lasso`'s and `Ridge`'s `alpha`;
# 2. show the grouping effect: measure, over fresh training sets from a known source, how the lasso
#    and the elastic net treat a group of correlated informative features — and say what a
#    bootstrap of one sample can and cannot tell you;
# 3. tune `alpha` and `l1_ratio` together with `ElasticNetCV`, read its results, and explain why
#    its best CV error can fall below the noise floor;
# 4. compare L1, L2 and the elastic net on sparsity, coefficient stability and test error, and
#    choose according to what your problem needs.
#
# **Prerequisites:** lessons 02 (ridge) and 03 (lasso): penalties, coefficient paths,
# cross-validation.
# **Time:** about 40 minutes to work through; the notebook runs top to bottom in <!--time:04_elastic_net-->5.5 s<!--/time--> on a 2-core CPU.
#
# **How to read this notebook.** Outputs are stored, so you can read first and run later
# (*Run ▸ Run All Cells*). Lines that start with ✔ are **claims**: a statement from the text,
# the number this run measured, and the rule it must meet — for example
# `✔ the elastic net keeps all four in nearly every training set: 100% (claim: ≥ 95%)`.
# The course's tests re-run every lesson under other
# random seeds and on other kinds of CPU and fail if a claim stops holding. If you change
# something and see ✘, the claim does not hold for *your* run: that is what your change did,
# not a bug.

# %%
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from sklearn.linear_model import (ElasticNet, ElasticNetCV, Lasso, LassoCV, Ridge, RidgeCV,
                                  enet_path, lasso_path)
from sklearn.metrics import mean_squared_error
from sklearn.model_selection import KFold

import regutils
from regutils import claim

SEED = regutils.setup_notebook(seed=0)  # seeds, thread counts, quiet logs, plot style

# %% [markdown]
# ## 1 · The data: a correlated group and six bystanders
#
# `regutils.make_correlated` draws standard-normal features. Here, `x0`–`x3` form a **group**: any
# two of them have correlation about 0.9, and each has true coefficient 1. `x4`–`x9` are
# **irrelevant** (true coefficient 0). The target adds Gaussian noise with standard deviation 3.
# We get 100 training rows, and 2,000 fresh test rows from the same source to judge predictions.
# We also draw four more training samples of 100 rows, for the tuning of sections 4 and 5: one
# sample can be lucky, so we tune on all five. (Section 3 draws its own fresh training sets.)
# All features are already on the same scale, so no scaling step is needed here (in real data,
# put a `StandardScaler` in the pipeline — lesson 02 explains why).

# %%
true_coef = np.array([1.0, 1.0, 1.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0])
source = dict(coef=true_coef, groups=[(0, 1, 2, 3)], correlation=0.9, noise=3.0)
X, y = regutils.make_correlated(n_samples=100, seed=SEED, **source)
X_test, y_test = regutils.make_correlated(n_samples=2000, seed=SEED + 1, **source)
# The lesson's sample first, then four more from the same source.
samples = [(X, y)] + [tuple(regutils.make_correlated(n_samples=100, seed=SEED + k, **source))
                      for k in (2, 3, 4, 5)]
group, others = ["x0", "x1", "x2", "x3"], ["x4", "x5", "x6", "x7", "x8", "x9"]
n = len(y)
X.round(2).head()

# %%
corr = X.corr()
within = corr.loc[group, group].to_numpy()[np.triu_indices(4, k=1)]
print("largest |correlation| of a group feature with a bystander:",
      np.abs(corr.loc[group, others]).to_numpy().max().round(2))
noise_floor = mean_squared_error(y_test, X_test @ true_coef)
claim("any two group features have correlation about 0.9", within, at_least=0.8, at_most=0.96,
      fmt=".2f")
claim("the noise floor (test MSE of the true coefficients) is about 3² = 9", noise_floor,
      equals=9, tol=1, fmt=".2f")

# %% [markdown]
# ## 2 · One penalty, two parts
#
# scikit-learn's `ElasticNet` minimizes
#
# $$\frac{1}{2n}\lVert y - Xw\rVert_2^2 \;+\; \lambda_1 \lVert w\rVert_1 \;+\; \frac{\lambda_2}{2}\lVert w\rVert_2^2,
# \qquad \lambda_1 = \texttt{alpha}\cdot\texttt{l1\_ratio},\quad
# \lambda_2 = \texttt{alpha}\cdot(1-\texttt{l1\_ratio}).$$
#
# `alpha` sets the overall strength, `l1_ratio` the mix. The two ends are old friends:
#
# | `l1_ratio` | penalty | the same model as |
# |---|---|---|
# | 1 | $\lambda_1 = $ `alpha`, no L2 part | `Lasso(alpha=alpha)` |
# | 0 | no L1 part, $\lambda_2 = $ `alpha` | `Ridge(alpha=alpha * n)`: `Ridge` does not divide the squared error by $2n$ |
#
# Papers and R's `glmnet` write the same penalty as $\lambda\,[\,\alpha\lVert w\rVert_1 + \tfrac{1-\alpha}{2}\lVert w\rVert_2^2\,]$:
# their $\lambda$ is scikit-learn's `alpha`, their $\alpha$ is `l1_ratio`. Let us check the table
# numerically.

# %%
a = 0.5
as_lasso = ElasticNet(alpha=a, l1_ratio=1.0).fit(X, y).coef_ - Lasso(alpha=a).fit(X, y).coef_
enet_l2 = ElasticNet(alpha=a, l1_ratio=0.0, tol=1e-12, max_iter=100_000).fit(X, y)
as_ridge = enet_l2.coef_ - Ridge(alpha=a * n).fit(X, y).coef_
not_ridge = enet_l2.coef_ - Ridge(alpha=a).fit(X, y).coef_
claim("ElasticNet(alpha=0.5, l1_ratio=1) equals Lasso(alpha=0.5): largest |difference|",
      np.abs(as_lasso).max(), below=1e-8, fmt=".1e")
claim(f"ElasticNet(alpha=0.5, l1_ratio=0) equals Ridge(alpha=0.5 * {n}): largest |difference|",
      np.abs(as_ridge).max(), below=1e-6, fmt=".1e")
claim("...but not Ridge(alpha=0.5): largest |difference|", np.abs(not_ridge).max(), above=0.1,
      fmt=".2f")


# %% [markdown]
# In between, for a real mix, we can check that scikit-learn's answer minimizes the objective *as
# written above*. At the minimum, every coefficient balances the pull of the data against the
# penalty (the optimality, or KKT, condition of lesson 03, with the
# gradient of the L2 part added): with $g_j = -\tfrac{1}{n}x_j^\top(y - Xw - b) + \lambda_2 w_j$,
# a non-zero $w_j$ has $g_j = -\lambda_1\,\mathrm{sign}(w_j)$, and a zero $w_j$ has $|g_j| \le \lambda_1$.
# The function below returns the largest violation of these conditions. They hold for the
# objective as written, and fail if we drop the ½ in front of $\lambda_2$: the ½ is really there.

# %%
def optimality_gap(model, X, y, lambda_1, lambda_2):
    # Largest violation of the optimality conditions of the objective written above.
    w = model.coef_
    residual = y - X @ w - model.intercept_
    g = -(X.T @ residual) / len(y) + lambda_2 * w
    return np.max(np.where(w != 0, np.abs(g + lambda_1 * np.sign(w)),
                           np.maximum(np.abs(g) - lambda_1, 0.0)))


alpha, l1_ratio = 0.5, 0.3
enet = ElasticNet(alpha=alpha, l1_ratio=l1_ratio, tol=1e-12, max_iter=100_000).fit(X, y)
lambda_1, lambda_2 = alpha * l1_ratio, alpha * (1 - l1_ratio)
print(f"alpha={alpha}, l1_ratio={l1_ratio}:  λ1 = {lambda_1:.2f}, λ2 = {lambda_2:.2f}")
print("coefficients:", enet.coef_.round(2).tolist())
print("non-zero coefficients:", int(np.sum(enet.coef_ != 0)), "of", len(enet.coef_))

# %%
X_np, y_np = X.to_numpy(), y.to_numpy()
claim("scikit-learn's answer meets the optimality conditions: largest violation",
      optimality_gap(enet, X_np, y_np, lambda_1, lambda_2), below=1e-8, fmt=".1e")
claim("with the ½ in front of λ2 dropped, they fail: largest violation",
      optimality_gap(enet, X_np, y_np, lambda_1, 2 * lambda_2), above=0.01, fmt=".2f")

# %% [markdown]
# ## 3 · The grouping effect
#
# Give the lasso and the elastic net **the same L1 strength**, $\lambda_1 = 0.4$, and let the
# elastic net add an L2 part of the same size, $\lambda_2 = 0.4$ — that is
# `ElasticNet(alpha=0.8, l1_ratio=0.5)`. The only difference between the two models is the L2
# part. First, on the 100 training rows:

# %%
lasso = Lasso(alpha=0.4).fit(X, y)
enet = ElasticNet(alpha=0.8, l1_ratio=0.5).fit(X, y)
pd.DataFrame({"true": true_coef, "lasso (λ1=0.4)": lasso.coef_,
              "elastic net (λ1=0.4, λ2=0.4)": enet.coef_}, index=X.columns).round(2).T

# %%
for name, model in (("lasso", lasso), ("elastic net", enet)):
    w = pd.Series(model.coef_, index=X.columns)
    print(f"{name:11s}: group weights {w[group].round(2).tolist()}, their sd "
          f"{w[group].std(ddof=0):.2f}; bystanders kept {int((w[others] != 0).sum())}")
claim("the elastic net spreads the weight far more evenly: sd of its group weights / the lasso's",
      enet.coef_[:4].std() / lasso.coef_[:4].std(), below=0.5, fmt=".2f")

# %% [markdown]
# All four group members matter equally, but the lasso's weights for them are very uneven; the
# elastic net spreads the weight much more evenly — the standard deviation of its four group
# weights is less than half the lasso's. The coefficient paths show how this happens as the penalty
# relaxes (both x-axes show the same L1 strength $\lambda_1$, on a fine grid of 300 values from the
# strength where the first weight becomes non-zero; the group is drawn in colour and four line
# styles, the bystanders in grey):

# %%
# At w = 0 the L2 part has no gradient, so lesson 03's condition gives both paths the same start:
lambda_1_max = np.max(np.abs((X_np - X_np.mean(axis=0)).T @ (y_np - y_np.mean()))) / n
lambda_1_grid = np.geomspace(lambda_1_max, lambda_1_max / 300, 300)
# Both functions return the strengths they used (sorted from strong to weak) with the coefficients.
lasso_alphas, lasso_coefs, _ = lasso_path(X_np, y_np, alphas=lambda_1_grid)
enet_alphas, enet_coefs, _ = enet_path(X_np, y_np, l1_ratio=0.5,
                                       alphas=2 * lambda_1_grid)  # λ1 = 0.5 * alpha

fig, axes = plt.subplots(1, 2, figsize=(12, 3.8), sharey=True)
for ax, lambda_1s, coefs, title in ((axes[0], lasso_alphas, lasso_coefs, "Lasso path"),
                                    (axes[1], enet_alphas * 0.5, enet_coefs,
                                     "Elastic net path (l1_ratio = 0.5, λ2 = λ1)")):
    regutils.plot_coefficient_path(lambda_1s, coefs.T, feature_names=X.columns,
                                   xlabel="L1 strength λ1", title=title, ax=ax)
    for line, style in zip(ax.get_lines()[:4], ["-", "--", "-.", ":"]):  # the group
        line.set_linestyle(style)
    for line in ax.get_lines()[4:10]:  # the six bystanders
        line.set_color("lightgray")
axes[0].get_legend().remove()
axes[1].legend(handles=axes[1].get_lines()[:5], labels=group + ["bystanders"],
               loc="center left", bbox_to_anchor=(1.0, 0.5), fontsize="small")
plt.show()


# %%
def group_spread(coefs):
    # Mean, over the path points where the group is active, of the sd of its four weights.
    weights = coefs[:4].T
    active = (weights != 0).any(axis=1)
    return weights[active].std(axis=1).mean()


def entry_strengths(lambda_1s, coefs):
    # For each group member: the strongest λ1 of the path at which its weight is non-zero.
    return np.array([lambda_1s[np.flatnonzero(w)[0]] if np.any(w) else np.nan for w in coefs[:4]])


def entry_range(entries):
    # First entry λ1 / last entry λ1; infinite if a member never enters on the grid.
    return np.inf if np.isnan(entries).any() else entries.max() / entries.min()


lasso_entries = entry_strengths(lasso_alphas, lasso_coefs)
enet_entries = entry_strengths(enet_alphas * 0.5, enet_coefs)
print(f"λ1_max = {lambda_1_max:.2f}")
print("λ1 at which each group member enters (nan: not on the grid): lasso",
      lasso_entries.round(3).tolist(), "| elastic net", enet_entries.round(3).tolist())
print(f"first entry / last entry: lasso {entry_range(lasso_entries):.2f}, "
      f"elastic net {entry_range(enet_entries):.2f}")
claim("the elastic net brings the four in close together: first entry λ1 / last entry λ1",
      entry_range(enet_entries), below=1.5, fmt=".2f")
claim("the lasso's members enter further apart than the elastic net's (ratio of the two ranges)",
      entry_range(lasso_entries) / entry_range(enet_entries), above=1, fmt=".2f")
claim("along the path its group weights stay closer together: spread, elastic net / lasso",
      group_spread(enet_coefs) / group_spread(lasso_coefs), below=0.7, fmt=".2f")

# %% [markdown]
# Read the paths from the right (strong penalty) to the left. Both start at the same $\lambda_1$:
# at $w = 0$ the L2 part has no gradient, so lesson 03's condition
# $\max_j \lvert x_j^\top y\rvert / n \le \lambda_1$ decides for both. After that the lasso's group
# members enter at different strengths (the printed range, first entry over last; `inf` would
# mean a member never enters on the grid) and their weights fan out. How wide that range is
# changes a lot from sample to sample, so the claim only says it is wider than the elastic net's. The elastic net brings all four in
# within less than a factor 1.5 of $\lambda_1$, with nearly equal weights: averaged along the
# path, the spread of its group weights is well below the lasso's. They separate only as the
# penalty fades and both paths approach plain least squares at the left edge.
#
# **Why.** Take the extreme case: an exact copy of `x0`. For the lasso, any split of a total weight
# $t$ between the two copies, $(s, t - s)$ with $0 \le s \le t$, gives the same predictions *and*
# the same L1 penalty $t$: the lasso cannot tell the splits apart, and the solver returns whichever
# it reaches. The L2 part breaks the tie: $s^2 + (t-s)^2$ is smallest at $s = t/2$, so the elastic
# net splits the weight exactly in half. For strongly (not perfectly) correlated features the same
# pull makes their weights close (Zou & Hastie 2005, Theorem 1).

# %%
X_copy = X.assign(x0_copy=X["x0"])
precise = dict(tol=1e-10, max_iter=100_000)  # solve to high accuracy
w_lasso = Lasso(alpha=0.4, **precise).fit(X_copy, y).coef_
w_enet = ElasticNet(alpha=0.8, l1_ratio=0.5, **precise).fit(X_copy, y).coef_
print(f"lasso:       x0 {w_lasso[0]:.2f}, its copy {w_lasso[-1]:.2f}")
print(f"elastic net: x0 {w_enet[0]:.2f}, its copy {w_enet[-1]:.2f}")
claim("the elastic net splits the weight exactly in half: |x0 − copy|", abs(w_enet[0] - w_enet[-1]),
      below=1e-6, fmt=".1e")

# %% [markdown]
# ### The method: 100 fresh training sets
#
# One sample of 100 rows could be lucky, and the question — what does each penalty *do* with a
# correlated group? — is about the method, not about this sample. So draw **100 fresh training
# sets** of 100 rows from the same source (seeds drawn from `SEED + 20`), refit both models with
# the same penalties on each, and count how many group members each keeps and how evenly it
# weights them.

# %%
draw_seeds = np.random.default_rng(SEED + 20).integers(0, 2**31, size=100)
fresh_sets = [tuple(np.asarray(part) for part in
                    regutils.make_correlated(n_samples=100, seed=int(draw_seed), **source))
              for draw_seed in draw_seeds]


def fit_on_fresh_sets(model):
    # Coefficients of `model` fitted on each fresh training set: shape (100, n_features).
    return np.array([model.fit(X_f, y_f).coef_.copy() for X_f, y_f in fresh_sets])


fresh = {"lasso": fit_on_fresh_sets(Lasso(alpha=0.4)),
         "elastic net": fit_on_fresh_sets(ElasticNet(alpha=0.8, l1_ratio=0.5))}

# %%
for name, coefs in fresh.items():
    kept = (coefs[:, :4] != 0).sum(axis=1)
    print(f"{name}:")
    print(f"  group members kept, mean over training sets: {kept.mean():.2f} of 4")
    print("  training sets keeping 1/2/3/4 of them:", [int((kept == k).sum()) for k in (1, 2, 3, 4)])
    print(f"  mean of each group weight: {coefs[:, :4].mean(axis=0).round(2).tolist()}")
    print(f"  spread (sd) of the four group weights within a fit, mean: "
          f"{coefs[:, :4].std(axis=1).mean():.2f}")
    print(f"  sd of each group weight across training sets: "
          f"{coefs[:, :4].std(axis=0).round(2).tolist()}")
    print(f"  bystanders kept, mean: {(coefs[:, 4:] != 0).sum(axis=1).mean():.2f} of 6")

# %%
fig, axes = plt.subplots(1, 2, figsize=(11, 3.6), sharey=True)
for ax, (name, coefs) in zip(axes, fresh.items()):
    ax.boxplot(coefs[:, :4], tick_labels=group)
    ax.axhline(1.0, color="black", ls="--", lw=1, label="true weight (dashed)")
    ax.set_title(f"{name}: group weights over 100 fresh training sets")
    ax.set_xlabel("feature")
axes[0].set_ylabel("coefficient")
axes[0].legend()
plt.show()

# %% [markdown]
# The lasso drops at least one group member in about half of the training sets and hands its
# weight to the members it keeps — which ones changes from set to set, so each member's weight
# varies a lot. The elastic net keeps all four in (nearly) every training set, with weights close
# to each other, and each weight varies far less from set to set. Its L2 part has a price: its
# group weights are shrunk below the true 1 on average. Both let bystanders in (the printed
# counts), the elastic net about as many as the lasso.

# %%
lasso_f, enet_f = fresh["lasso"], fresh["elastic net"]
largest_share = np.bincount(np.argmax(np.abs(lasso_f[:, :4]), axis=1), minlength=4) / 100
print("share of training sets in which x0..x3 has the lasso's largest weight:",
      largest_share.round(2).tolist())
claim("the lasso drops at least one group member in about half the training sets",
      np.mean((lasso_f[:, :4] != 0).sum(axis=1) < 4), at_least=0.35, at_most=0.7, fmt=".0%")
claim("it favours no member: each has its largest weight in about a quarter of the sets",
      largest_share, at_least=0.1, at_most=0.4, fmt=".0%")
claim("the elastic net keeps all four in nearly every training set",
      np.mean((enet_f[:, :4] != 0).sum(axis=1) == 4), at_least=0.95, fmt=".0%")
claim("its group weights are close to each other: within-fit spread, elastic net / lasso",
      enet_f[:, :4].std(axis=1).mean() / lasso_f[:, :4].std(axis=1).mean(), below=0.4, fmt=".2f")
claim("each group weight varies far less across training sets: sd, elastic net / lasso",
      enet_f[:, :4].std(axis=0).mean() / lasso_f[:, :4].std(axis=0).mean(), below=0.4, fmt=".2f")
claim("the elastic net shrinks the group: mean of each group weight over the training sets",
      enet_f[:, :4].mean(axis=0), below=0.95, fmt=".2f")
claim("bystanders kept: about the same (extra bystanders per fit, elastic net − lasso)",
      (enet_f[:, 4:] != 0).sum(axis=1).mean() - (lasso_f[:, 4:] != 0).sum(axis=1).mean(),
      at_least=-0.5, at_most=0.5, fmt=".2f")

# %% [markdown]
# ### One sample, bootstrapped
#
# In practice there is one sample, not a generator to draw from. Resampling its rows with
# replacement — the bootstrap — cannot tell you what the method does on new data, but it can tell
# you how much *this* fit would move had the sample come out a little differently:

# %%
rng = np.random.default_rng(SEED + 10)  # its own seed: resamples independent of the data's
resamples = [rng.integers(0, n, size=n) for _ in range(100)]


def bootstrap_coefs(model, X, y):
    # Coefficients of `model` refitted on each bootstrap resample of X, y: shape (100, n_features).
    X, y = np.asarray(X), np.asarray(y)
    return np.array([model.fit(X[rows], y[rows]).coef_.copy() for rows in resamples])


boot = {"lasso": bootstrap_coefs(Lasso(alpha=0.4), X, y),
        "elastic net": bootstrap_coefs(ElasticNet(alpha=0.8, l1_ratio=0.5), X, y)}
for name, model in (("lasso", lasso), ("elastic net", enet)):
    print(f"{name:11s} on the lesson's sample: group weights {model.coef_[:4].round(2).tolist()}")
    print(f"{'':11s} bootstrap means             {boot[name][:, :4].mean(axis=0).round(2).tolist()}, "
          f"sds {boot[name][:, :4].std(axis=0).round(2).tolist()}")
    print(f"{'':11s} fresh training sets, means  {fresh[name][:, :4].mean(axis=0).round(2).tolist()}")
claim("bootstrap: this sample's elastic-net weights are far less uncertain than its lasso "
      "weights (sd across resamples, elastic net / lasso)",
      boot["elastic net"][:, :4].std(axis=0).mean() / boot["lasso"][:, :4].std(axis=0).mean(),
      below=0.5, fmt=".2f")
claim("over fresh training sets the lasso's four mean weights are far closer together "
      "(sd of the four means, fresh sets / bootstrap)",
      fresh["lasso"][:, :4].mean(axis=0).std() / boot["lasso"][:, :4].mean(axis=0).std(),
      below=0.5, fmt=".2f")
claim("the bootstrap centres on the sample: its lasso means are nearly as uneven as the sample's fit "
      "(sd of the four bootstrap means / sd of the fit's four weights)",
      boot["lasso"][:, :4].mean(axis=0).std() / lasso.coef_[:4].std(), above=0.5, fmt=".2f")

# %% [markdown]
# The bootstrap (100 resamples of the lesson's 100 rows, drawn with `SEED + 10`) answers another
# question: how uncertain are *this sample's* weights? The answer agrees with the fresh sets on
# the comparison — the elastic net's weights are far less uncertain than the lasso's — but look at
# the lasso's bootstrap means: they reproduce this sample's uneven split of the group, while the
# means over fresh training sets are far closer together. Resamples of one sample are centred on
# that sample's estimate. Use the bootstrap for "how sure am I of *this* fit", and fresh samples
# (or, on real data, independent replications) for "what does the *method* do".

# %% [markdown]
# ## 4 · Tuning both knobs: `ElasticNetCV`
#
# `ElasticNetCV` cross-validates a grid of `alpha` for each `l1_ratio` you list. It does not fit
# every pair from scratch: for each `l1_ratio` it walks the `alpha` grid as a **path**, from the
# largest value (where, by the optimality condition, every weight is zero) downwards, and starts
# each fit from the previous solution (a *warm start*), so coordinate descent needs only a few
# sweeps per step. `alphas=50` asks for an automatic grid of 50 values per `l1_ratio`.
# **Current scikit-learn:** many tutorials write `n_alphas=50`; that parameter was deprecated and
# raises a `TypeError` in scikit-learn 1.9 — `alphas` now takes either a number of values or the
# values themselves.

# %%
# NBVAL_CHECK_OUTPUT
try:
    ElasticNetCV(n_alphas=50)
except TypeError as error:
    print("ElasticNetCV(n_alphas=50) raises", type(error).__name__)

# %%
cv = KFold(n_splits=5, shuffle=True, random_state=SEED)
l1_ratios = [0.1, 0.3, 0.5, 0.7, 0.9, 1.0]
enet_cv = ElasticNetCV(l1_ratio=l1_ratios, alphas=50, cv=cv).fit(X, y)

mean_mse = enet_cv.mse_path_.mean(axis=2)  # shape (n_l1_ratios, n_alphas): mean over folds
fig, ax = plt.subplots(figsize=(8, 4))
styles = ["-", "--", "-.", ":", "-", "--"]
markers = ["o", "s", "^", "v", "D", "x"]
for ratio, alphas_r, mse_r, style, marker in zip(l1_ratios, enet_cv.alphas_, mean_mse, styles,
                                                 markers):
    ax.plot(alphas_r, mse_r, ls=style, marker=marker, markevery=5, ms=4,
            label=f"l1_ratio = {ratio}")
ax.axhline(noise_floor, color="black", lw=1, ls=(0, (1, 3)), label="noise floor (test rows)")
ax.set_xscale("log")
shown = mean_mse <= 1.4 * mean_mse.min()  # the large-alpha end rises far above: leave it out
ax.set_xlim(enet_cv.alphas_[shown].min() / 1.2, enet_cv.alphas_[shown].max() * 1.2)
ax.set_ylim(0.97 * mean_mse.min(), 1.4 * mean_mse.min())
ax.set_xlabel("alpha")
ax.set_ylabel("mean CV MSE (5 folds)")
ax.set_title("ElasticNetCV: one curve per l1_ratio")
ax.legend(fontsize="small", loc="center left", bbox_to_anchor=(1.0, 0.5))
plt.show()

# %%
best_by_ratio = pd.Series(mean_mse.min(axis=1), index=pd.Index(l1_ratios, name="l1_ratio"))
print(f"chosen: alpha = {enet_cv.alpha_:.3f}, l1_ratio = {enet_cv.l1_ratio_}")
print("best mean CV MSE for each l1_ratio:", best_by_ratio.round(2).to_dict())


# %% [markdown]
# The curves' minima are close together. Is CV's choice of mix a property of the data source, or
# of this sample? Run the same search on the five training samples. For each: the chosen
# `l1_ratio` and `alpha`, the largest gap between the `l1_ratio`s' best CV errors, and the standard
# error of the best CV estimate (the fold-to-fold standard deviation of its five fold errors,
# divided by $\sqrt 5$). Two more columns answer a question the figure raises: its best CV error
# may lie *below* the noise floor, which no model can beat on new data. For each sample, the
# table also gives the best CV MSE, the **sample's own noise** (the mean of the squared noise
# $(y - Xw_{\text{true}})^2$ over its 100 rows, which we can compute because we know the truth),
# and the MSE of the chosen model on the 2,000 test rows.

# %%
def cv_summary(search, X, y):
    # The chosen l1_ratio and alpha, the gaps between the l1_ratios' best CV errors, and the
    # best CV error next to the sample's own noise and the chosen model's test error.
    mean_mse = search.mse_path_.mean(axis=2)
    best = mean_mse.min(axis=1)
    i, j = np.unravel_index(np.argmin(mean_mse), mean_mse.shape)
    folds = search.mse_path_[i, j]  # the 5 fold MSEs of the chosen (l1_ratio, alpha)
    return {"chosen l1_ratio": search.l1_ratio_, "chosen alpha": search.alpha_,
            "largest gap": best.max() - best.min(), "gap, % of best": 100 * (best.max() / best.min() - 1),
            "standard error": folds.std(ddof=1) / np.sqrt(len(folds)),
            "best CV MSE": best.min(), "own noise": np.mean((y - X @ true_coef) ** 2),
            "test MSE": mean_squared_error(y_test, search.predict(X_test))}


searches = [enet_cv] + [ElasticNetCV(l1_ratio=l1_ratios, alphas=50, cv=cv).fit(X_s, y_s)
                        for X_s, y_s in samples[1:]]
cv_by_sample = pd.DataFrame([cv_summary(search, X_s, y_s)
                             for search, (X_s, y_s) in zip(searches, samples)],
                            index=pd.RangeIndex(1, 6, name="sample"))
print(cv_by_sample.round(3).to_string())
print(f"noise floor on the test rows: {noise_floor:.2f}")
claim("CV does not pick the same l1_ratio on every sample (different choices)",
      cv_by_sample["chosen l1_ratio"].nunique(), at_least=2, fmt=".0f")
claim("on most samples the largest gap is smaller than the standard error",
      (cv_by_sample["largest gap"] < cv_by_sample["standard error"]).sum(), at_least=3,
      unit=" of 5", fmt=".0f")

# %%
best_cv, own_noise, chosen_test = (cv_by_sample[c] for c in ("best CV MSE", "own noise", "test MSE"))
claim("on new data no chosen model beats the noise floor (test MSE − floor, each sample)",
      chosen_test - noise_floor, above=0, fmt=".2f")
claim("the best CV MSE moves from sample to sample far more than the test MSE (ratio of sds)",
      best_cv.std() / chosen_test.std(), above=2, unit="×", fmt=".1f")
claim("it follows the sample's own noise (correlation over the five samples)",
      np.corrcoef(best_cv, own_noise)[0, 1], above=0.7, fmt=".2f")


# %% [markdown]
# CV's choice of mix changes from sample to sample, and on most samples the gap between the best
# and the worst `l1_ratio` is smaller than the standard error of the best CV estimate (its
# fold-to-fold noise). `l1_ratio` is a weakly identified knob — CV cares about prediction error,
# and prediction barely depends on how the weight is shared inside a correlated group. Stability
# does, as the next section shows.
#
# **Why the best CV error can beat the noise floor.** The noise floor (about 9) is the error of the
# true coefficients on *new* data. A CV error is measured on the sample's own 100 rows, and their
# noise varies from sample to sample: the `own noise` column ranges well above and below 9, and
# the best CV MSE follows it closely (the correlation claimed above). On the 2,000 test rows the
# same chosen models all land just above the floor, and vary far less. So a best CV MSE below 9
# is not a model beating the truth; it is a sample whose rows happen to be less noisy than
# average — a reminder that a CV estimate from 100 rows is itself noisy. Choosing the smallest of
# 300 such estimates (6 `l1_ratio`s × 50 `alpha`s) also flatters the winner a little: the minimum
# of noisy numbers is biased low, which is why the test set is kept for one final, honest check.
#
# ## 5 · L1, L2 and elastic net side by side
#
# Four models, each with its strength chosen by 5-fold CV on the training rows: `LassoCV` for L1,
# `RidgeCV` for L2 (its default is an efficient leave-one-out CV), `ElasticNetCV`'s choice, and
# the elastic net with `l1_ratio` fixed at 0.5 and `alpha` at its CV-best value for that ratio.
# For each: the number of non-zero coefficients, how much the coefficients move across the 100
# fresh training sets of section 3 (hyperparameters kept fixed: the stability of the method at
# that penalty), and the error on the 2,000 test rows. CV's choices move with the sample, so we
# run the whole comparison on each of the five training samples and average.

# %%
def compare(X, y, search):
    # The four models tuned on X, y (`search`: that sample's ElasticNetCV), measured as described.
    mean_mse = search.mse_path_.mean(axis=2)
    half = l1_ratios.index(0.5)
    lasso_cv = LassoCV(alphas=50, cv=cv).fit(X, y)
    ridge_cv = RidgeCV(alphas=np.logspace(-2, 4, 61)).fit(X, y)
    candidates = {
        "L1 (lasso)": Lasso(alpha=lasso_cv.alpha_),
        "L2 (ridge)": Ridge(alpha=ridge_cv.alpha_),
        "elastic net, CV's l1_ratio": ElasticNet(alpha=search.alpha_, l1_ratio=search.l1_ratio_),
        "elastic net, l1_ratio=0.5":
            ElasticNet(alpha=search.alphas_[half][np.argmin(mean_mse[half])], l1_ratio=0.5),
    }
    rows = {}
    for name, model in candidates.items():
        coefs = fit_on_fresh_sets(model)  # the same penalty on each fresh training set
        model.fit(X, y)
        rows[name] = {
            "l1_ratio": getattr(model, "l1_ratio", 0.0),  # Ridge: no L1 part
            "alpha": model.alpha,
            "non-zero (of 10)": np.sum(model.coef_ != 0),
            "non-zero, fresh sets": (coefs != 0).sum(axis=1).mean(),
            "group weight sd": coefs[:, :4].std(axis=0).mean(),
            "bystander weight sd": coefs[:, 4:].std(axis=0).mean(),
            "test MSE": mean_squared_error(y_test, model.predict(X_test)),
        }
    return pd.DataFrame(rows).T


tables = [compare(X_s, y_s, search) for (X_s, y_s), search in zip(samples, searches)]
comparison = sum(tables) / len(tables)  # the mean over the five samples

# %%
print("On the lesson's sample:")
print(tables[0].round(2).to_string())
print("\nMean over the five samples (l1_ratio: the mean of CV's choices):")
print(comparison.drop(columns="alpha").round(2).to_string())
print(f"(noise floor on the test rows: {noise_floor:.2f})")

# %%
lasso_name, ridge_name, cv_name, half_name = comparison.index
sd, mse = comparison["group weight sd"], comparison["test MSE"]
claim("prediction is a near tie: the mean test MSEs are within 5 % of each other (largest / smallest − 1)",
      mse.max() / mse.min() - 1, below=0.05, fmt=".1%")
claim("...all less than 20 % above the noise floor (largest mean test MSE / floor − 1)",
      mse.max() / noise_floor - 1, below=0.2, fmt=".1%")
claim("ridge keeps every feature in every fresh set (non-zero of 10)",
      comparison.loc[ridge_name, "non-zero, fresh sets"], equals=10, fmt=".1f")
claim("the lasso and the elastic net at 0.5 set some weights to zero (non-zero of 10, fresh sets)",
      comparison.loc[[lasso_name, half_name], "non-zero, fresh sets"], below=9, fmt=".1f")
claim("ridge has the most stable group weights (mean sd across fresh sets)", sd[ridge_name],
      below=sd.drop(ridge_name).min(), fmt=".2f")
claim("the lasso has the least stable group weights", sd[lasso_name],
      above=sd.drop(lasso_name).max(), fmt=".2f")
claim("the lasso's group weights vary much more than the elastic net's at 0.5 (ratio of sds)",
      sd[lasso_name] / sd[half_name], above=1.5, unit="×", fmt=".1f")


# %% [markdown]
# How to read the tables:
#
# - **Prediction** is a near tie: the mean test errors are within a few per cent of each other,
#   close to the noise floor.
# - **Sparsity:** ridge keeps every feature; the lasso and the elastic net at 0.5 set some weights
#   to exactly zero (how many depends on the `alpha` CV picks).
# - **Stability:** ridge's group weights move least across fresh training sets (but its bystander weights are
#   never zero). The elastic net at `l1_ratio=0.5` lies in between on the group while still
#   zeroing features; the lasso's group weights are the least stable, varying well over 1.5 times
#   as much as the 0.5 mix's. CV's own choice of `l1_ratio` changes with the sample, and its stability
#   with it: compare the table of the lesson's sample with the mean.
#
# So decide what you need before you tune. If you want a short list of features and do not mind
# which member of a group represents it, use the lasso. If correlated features should stand or
# fall together — because you will report or act on the weights — fix `l1_ratio` at a moderate
# value (0.5 is a common choice) and let CV choose `alpha`; the CV curve above shows what that costs
# in CV error, and section 4's standard errors show how little of that cost CV can resolve. If
# every feature may stay, ridge is simplest.
#
# ## 6 · Explore: `alpha` and `l1_ratio`
#
# Move the sliders: $\log_{10}$ `alpha` and `l1_ratio`. Start at `l1_ratio` = 1 (the lasso) and
# slide it towards 0: watch the group's weights even out, and the bystanders come back in near 0.
# The title shows $\lambda_1$, $\lambda_2$, the number of non-zero weights and the test MSE.

# %%
def show_elastic_net(log10_alpha=-0.1, l1_ratio=0.5):
    # Fit ElasticNet on the 100 training rows and draw its coefficients next to the true ones.
    alpha = 10.0**log10_alpha
    model = ElasticNet(alpha=alpha, l1_ratio=l1_ratio, max_iter=10_000).fit(X, y)
    fig, ax = plt.subplots(figsize=(8, 3.6))
    bars = ax.bar(X.columns, model.coef_, color=["#0072B2"] * 4 + ["#BBBBBB"] * 6, edgecolor="black")
    for bar in bars[4:]:  # bystanders hatched: told apart from the group without colour
        bar.set_hatch("//")
    ax.scatter(X.columns, true_coef, color="#D55E00", marker="_", s=400, label="true weight")
    ax.axhline(0.0, color="black", lw=0.8)
    ax.set_ylim(-0.8, 2.4)
    ax.set_xlabel("feature (x0–x3 solid: the correlated group; hatched: bystanders)")
    ax.set_ylabel("coefficient")
    test_mse = mean_squared_error(y_test, model.predict(X_test))
    ax.set_title(f"alpha = {alpha:.3g}, l1_ratio = {l1_ratio:.2f}:  λ1 = {alpha * l1_ratio:.3g}, "
                 f"λ2 = {alpha * (1 - l1_ratio):.3g};  {int(np.sum(model.coef_ != 0))} non-zero, "
                 f"test MSE {test_mse:.2f}")
    ax.legend(loc="upper right")
    plt.show()


# %%
# NBVAL_IGNORE_OUTPUT
from ipywidgets import FloatSlider

_ = regutils.explore(show_elastic_net,
                     log10_alpha=FloatSlider(value=-0.1, min=-2.0, max=1.0, step=0.1, description="log10 alpha"),
                     l1_ratio=FloatSlider(value=0.5, min=0.0, max=1.0, step=0.05, description="l1_ratio"))

# %% [markdown]
# ## Key takeaways
#
# - The elastic net adds an L1 and an L2 penalty: in scikit-learn, $\lambda_1$ = `alpha·l1_ratio`
#   and $\lambda_2$ = `alpha·(1−l1_ratio)`; `l1_ratio=1` is the lasso, `l1_ratio=0` is ridge with
#   `Ridge(alpha=alpha·n)`.
# - **Grouping effect:** with correlated informative features, the lasso keeps an arbitrary subset
#   with uneven weights that change from sample to sample; the L2 part makes the elastic net share
#   the weight, keep the group together and steady its weights, while still zeroing features.
# - `ElasticNetCV(l1_ratio=[...], alphas=<int>)` tunes both knobs (`n_alphas` is gone). CV error is
#   often flat in `l1_ratio`: CV chooses for prediction, not for stable or interpretable weights.
# - Compare penalties on what you need — sparsity, stability, prediction. Claims about a method
#   need fresh samples; the bootstrap measures the uncertainty of one sample's fit and is centred
#   on it.
# - A best CV error below the noise floor is the sample's own noise (and the optimism of taking a
#   minimum), not a model beating the truth: check on data the search has not seen.

# %% [markdown]
# ## Check your understanding
#
# Five questions on this lesson, answered here in the notebook: choose an option and press *Check*, or type `quiz.answer("1", "b")`.

# %%
quiz = regutils.quiz("04")
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
# The exercises in [04_elastic_net_exercises.ipynb](04_elastic_net_exercises.ipynb)
# (solutions in `solutions/`), then lesson 05: tuning λ honestly.
#
# ## Further reading
#
# - H. Zou and T. Hastie, "Regularization and variable selection via the elastic net", *Journal of
#   the Royal Statistical Society B* 67(2), 301–320 (2005) — the elastic net and its grouping
#   effect (Theorem 1).
# - J. Friedman, T. Hastie, R. Tibshirani, "Regularization paths for generalized linear models via
#   coordinate descent", *Journal of Statistical Software* 33(1) (2010) — the `glmnet`
#   parametrization and the path algorithm scikit-learn also uses.
# - T. Hastie, R. Tibshirani, M. Wainwright, *Statistical Learning with Sparsity* (2015), ch. 4 —
#   the elastic net among other generalizations of the lasso.
# - scikit-learn user guide: "Linear Models ▸ Elastic-Net", and the API pages of `ElasticNet` and
#   `ElasticNetCV`.
