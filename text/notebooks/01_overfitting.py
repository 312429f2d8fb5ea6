# %% [markdown]
# # 01 · Overfitting and underfitting
#
# A model that fits its training data perfectly can still predict badly. This lesson makes that
# concrete with the classic curve-fitting example (Bishop, *PRML* §1.1): polynomials fitted to ten
# noisy points. You will watch a flexible model memorise noise, measure the damage on fresh data,
# and meet the two cures the rest of the course builds on: **more data** and **a penalty on large
# weights** — regularization.
#
# ### Learning objectives
# After this lesson you can
# 1. tell underfitting from overfitting by comparing training and test error, and measure the
#    bias² and variance behind them;
# 2. explain why a flexible model's coefficients explode on little data, and how more data or a
#    penalty tames them;
# 3. add a first L2 (ridge) penalty and choose its strength on a validation set, keeping the test
#    set for the final verdict;
# 4. draw and read validation curves and learning curves with scikit-learn, and the
#    generalization gap they show.
#
# **Prerequisites:** Python and NumPy basics; `fit`/`predict` in scikit-learn.
# **Time:** about 45 minutes to work through; the notebook runs top to bottom in <!--time:01_overfitting-->7.4 s<!--/time--> on a 2-core CPU.
#
# **How to read this notebook.** Outputs are stored, so you can read first and run later
# (*Run ▸ Run All Cells*). Lines that start with ✔ are **claims**: a statement from the text,
# the number this run measured, and the rule it must meet — for example
# `✔ degree 9 is worse than degree 3 on almost every sample: 99% (claim: ≥ 95%)`. The course's tests
# re-run every lesson under other random seeds and on other kinds of CPU and fail if a claim stops
# holding. If you change something and see ✘, the claim does not hold for *your* run: that is what
# your change did, not a bug.

# %%
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from sklearn.linear_model import LinearRegression, Ridge
from sklearn.metrics import root_mean_squared_error
from sklearn.model_selection import KFold, learning_curve, train_test_split, validation_curve
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import PolynomialFeatures

import regutils
from regutils import claim

SEED = regutils.setup_notebook(seed=0)  # seeds, thread counts, quiet logs, plot style

# %% [markdown]
# ## 1 · The data: ten noisy points from a smooth curve
#
# The hidden truth is the curve $y = \sin(2\pi x)$. Each observation adds Gaussian noise with
# standard deviation 0.3. We get **ten training points**, evenly spaced on $[0, 1]$, and a large
# **test set** of 1,000 fresh points from the same source, which stands in for "all the data the
# model will ever see".

# %%
# Every random draw in this lesson derives from SEED: each data set gets its own seed.
train = regutils.make_sine(n_samples=10, noise=0.3, spacing="even", seed=SEED + 3)
test = regutils.make_sine(n_samples=1000, noise=0.3, seed=SEED + 1)
X_train, y_train = train
X_test, y_test = test
train.frame.round(3).T

# %% [markdown]
# Because of the noise, no model can predict new points perfectly. Even the true curve misses them
# by about the noise level — that is the best test error we can hope for, the **noise floor**.

# %%
noise_floor = root_mean_squared_error(y_test, regutils.sine_curve(X_test))
claim("the true curve's own test RMSE (the noise floor) is about the noise level, 0.3",
      noise_floor, equals=0.3, tol=0.03, fmt=".2f")


# %% [markdown]
# ## 2 · Four polynomials
#
# A polynomial of degree $M$, $\hat y = w_0 + w_1 x + w_2 x^2 + \dots + w_M x^M$, is linear regression
# on the features $x, x^2, \dots, x^M$: `PolynomialFeatures` makes the features and `LinearRegression`
# finds the weights by least squares.
#
# **Current scikit-learn.** `LinearRegression` has had a `tol` parameter since version 1.7, at
# first used only for sparse data. Since 1.9 it also acts on dense data: it becomes the cutoff
# `cond` of SciPy's least-squares solver, which ignores every direction whose singular value is
# below `tol` (default `1e-6`) times the largest — a quiet regularization that would hide exactly
# what this lesson is about. We ask for plain least squares with `tol=0.0`;
# the evidence follows the figure.

# %%
def polynomial(degree):
    # Plain least-squares polynomial regression of the given degree: no penalty.
    return make_pipeline(PolynomialFeatures(degree), LinearRegression(tol=0.0))


fits = {f"degree {d}": polynomial(d).fit(X_train, y_train) for d in (0, 1, 3, 9)}
fig = regutils.plot_fits(fits, X_train, y_train, true_function=regutils.sine_curve)
fig.suptitle("Least-squares polynomials fitted to 10 noisy points")
plt.show()

# %% [markdown]
# Degrees 0 and 1 are too rigid to follow the curve: they **underfit**. Degree 3 follows it
# closely. Degree 9 has ten weights for ten points, so it passes through every one of them —
# training error zero — and swings wildly in between: it **overfits**, fitting the noise as if it
# were signal. With scikit-learn's default `tol`, the same degree-9 fit no longer interpolates:

# %%
train_error = {}
for tol in (1e-6, 0.0):
    model = make_pipeline(PolynomialFeatures(9), LinearRegression(tol=tol)).fit(X_train, y_train)
    train_error[tol] = root_mean_squared_error(y_train, model.predict(X_train))
claim("with tol=0, degree 9 passes through every training point (training RMSE)",
      train_error[0.0], below=1e-6, fmt=".1e")
claim("with the default tol=1e-6, it no longer does (training RMSE)",
      train_error[1e-6], above=1e-6, fmt=".1e")

# %% [markdown]
# ## 3 · Training error falls; test error does not
#
# Now every degree from 0 to 9, each scored on the training points and on the test set. We use the
# root-mean-square error (RMSE), which is in the units of $y$.

# %%
degrees = np.arange(10)
train_rmse, test_rmse = [], []
for degree in degrees:
    model = polynomial(degree).fit(X_train, y_train)
    train_rmse.append(root_mean_squared_error(y_train, model.predict(X_train)))
    test_rmse.append(root_mean_squared_error(y_test, model.predict(X_test)))

ax = regutils.plot_error_curve(degrees, train_rmse, test_rmse, xlabel="polynomial degree",
                               labels=("training", "test"),
                               title="Training and test error by degree (10 training points)")
ax.axhline(noise_floor, color="#009E73", ls=":", lw=1.5, label="noise floor")
ax.legend()
plt.show()

# %%
errors = pd.DataFrame({"train RMSE": train_rmse, "test RMSE": test_rmse},
                      index=pd.Index(degrees, name="degree"))
print(errors.round(2).to_string())
claim("training error never rises with the degree (largest rise from one degree to the next)",
      np.diff(train_rmse).max(), at_most=1e-9, fmt=".2g")
claim("degrees 0–2 underfit: even their best test RMSE is well above the noise floor (ratio)",
      min(test_rmse[:3]) / noise_floor, above=1.5, unit="×", fmt=".2f")
claim("the lowest test error is at an in-between degree", degrees[np.argmin(test_rmse)],
      at_least=3, at_most=8, fmt=".0f")
claim("degree 9 overfits: its test RMSE is above the best degree's", test_rmse[9],
      above=min(test_rmse), fmt=".2f")
claim("the generalization gap (test − training RMSE) is wider for degree 9 than for degree 3",
      test_rmse[9] - train_rmse[9], above=test_rmse[3] - train_rmse[3], fmt=".2f")


# %% [markdown]
# The training error only goes down as the degree grows: a bigger model can always fit the same
# points at least as well. The test error tells the real story:
#
# - **Underfitting** (degrees 0–2): the model is too simple for the pattern (high *bias*); even the
#   best of them stays well above the noise floor on the test set.
# - **Overfitting** (degree 9): training error is zero, yet the test error is higher than at the
#   in-between degrees. The model is so flexible that it follows the noise of this particular
#   sample (high *variance*). Section 5 measures bias and variance instead of naming them.
# - In between, the test error is lowest.
#
# The difference between test and training error is the **generalization gap**; it is wider
# for degree 9 than for degree 3.

# %% [markdown]
# ## 4 · Was that sample typical?
#
# One sample of ten points could be lucky or unlucky. A fair claim needs many samples: here are the
# test errors of degrees 1, 3 and 9 over 100 fresh training sets of ten points.

# %%
def test_error(model, n_samples, seed):
    # Fit `model` to a fresh training sample of n_samples points; return its test RMSE.
    X, y = regutils.make_sine(n_samples=n_samples, noise=0.3, spacing="even", seed=seed)
    model.fit(X, y)
    return root_mean_squared_error(y_test, model.predict(X_test))


# 100 training samples; another SEED draws 100 other ones (no overlap)
draws = range(1000 * SEED + 100, 1000 * SEED + 200)
by_degree = pd.DataFrame({d: [test_error(polynomial(d), 10, seed) for seed in draws]
                          for d in (1, 3, 9)})
ax = by_degree.plot.box(logy=True, ylabel="test RMSE (log scale)",
                        title="Test error over 100 training samples of 10 points")
ax.set_xlabel("polynomial degree")
plt.show()

# %%
print("median test RMSE over 100 samples:", by_degree.median().round(2).to_dict())
print(f"our sample's degree-9 test RMSE is above that of {(by_degree[9] < test_rmse[9]).mean():.0%} "
      "of these samples")
claim("degree 9 is worse than degree 3 on almost every sample",
      (by_degree[9] > by_degree[3]).mean(), at_least=0.95, fmt=".0%")
claim("degree 3 has the lowest median test RMSE of the three", by_degree[3].median(),
      below=by_degree[[1, 9]].median().min(), fmt=".2f")

# %% [markdown]
# Degree 9 loses to degree 3 on almost every sample: the picture above was not a fluke. *How
# badly* it loses varies a lot from sample to sample — note the log scale; the percentage above
# places our sample among the hundred.
#
# ## 5 · Bias and variance, measured
#
# Section 3 used two words loosely: *bias* (the model is too rigid for the curve) and *variance*
# (the fit follows the noise of its sample). Both can be measured. Draw many training sets of ten
# points at the same inputs $x$, fit the same degree to each, and look at the predictions at the
# test inputs:
#
# - **bias²**: how far the *average* prediction is from the true curve (squared, averaged over $x$);
# - **variance**: how much the predictions scatter around their average from one training set to
#   the next;
# - **noise**: what no model can remove, the noise floor of section 1 (squared: these are mean
#   *squared* errors, which add up where root-mean-square errors do not).
#
# For squared error the expected test error is exactly their sum:
# test MSE = bias² + variance + noise.

# %%
# 200 fresh training sets of ten points at the same evenly spaced x; only the noise is new.
bv_draws = range(1000 * SEED + 500, 1000 * SEED + 700)  # no overlap with the draws above
Y_sets = np.column_stack([regutils.make_sine(n_samples=10, noise=0.3, spacing="even", seed=s).y
                          for s in bv_draws])  # one column per training set
truth = regutils.sine_curve(X_test)  # the true curve at the test inputs

rows = []
for degree in degrees:
    # With one column of targets per training set, scikit-learn fits all 200 at once.
    predictions = polynomial(degree).fit(X_train, Y_sets).predict(X_test)  # test x × sets
    average = predictions.mean(axis=1)
    rows.append({"bias²": np.mean((average - truth) ** 2),
                 "variance": np.mean(predictions.var(axis=1)),
                 "noise": noise_floor**2,
                 "test MSE": np.mean((y_test.to_numpy()[:, None] - predictions) ** 2)})
decomposition = pd.DataFrame(rows, index=pd.Index(degrees, name="degree"))
decomposition["sum"] = decomposition[["bias²", "variance", "noise"]].sum(axis=1)

fig, ax = plt.subplots(figsize=(7, 4.2))
ax.plot(degrees, decomposition["bias²"], "o-", color="#0072B2", label="bias²")
ax.plot(degrees, decomposition["variance"], "s--", color="#D55E00", label="variance")
ax.axhline(noise_floor**2, color="#009E73", ls=":", lw=1.5, label="noise (noise floor²)")
ax.plot(degrees, decomposition["sum"], "-", color="black", lw=1, label="bias² + variance + noise")
ax.plot(degrees, decomposition["test MSE"], "x", color="black", ms=9, mew=2,
        label="measured test MSE")
ax.set(yscale="log", xlabel="polynomial degree", ylabel="mean squared error (log scale)",
       title="Bias² falls, variance rises: 200 training sets of 10 points")
ax.legend(loc="lower left", fontsize="small", ncols=2)
plt.show()

# %%
print(decomposition.round(4).to_string())
relative = decomposition["sum"] / decomposition["test MSE"] - 1
claim("bias² + variance + noise matches the measured test MSE at every degree "
      "(relative difference, size)", relative.abs(), at_most=0.1, fmt=".1%")
claim("bias² falls: degree 3 removes over 95 % of degree 1's (ratio of their bias²)",
      decomposition["bias²"][3] / decomposition["bias²"][1], below=0.05, fmt=".3f")
claim("variance rises with every degree (change from one degree to the next)",
      np.diff(decomposition["variance"]), above=0, fmt=".3f")
claim("degree 9's test error is mostly variance (its share of the test MSE)",
      decomposition["variance"][9] / decomposition["test MSE"][9], above=0.75, fmt=".0%")
claim("the trade-off is best at degree 3 (lowest measured test MSE)",
      decomposition["test MSE"].idxmin(), equals=3, fmt=".0f")


# %% [markdown]
# The three parts add up to the test error measured on the same predictions; what is left over
# comes from the test set itself, whose 1,000 noisy points are many but not infinitely many.
# Bias² drops in two steps, at degree 1 and at degree 3 ($\sin 2\pi x$ is antisymmetric about
# $x = \tfrac12$, so the even powers 2 and 4 add nothing), and is negligible from degree 3 on. (Its
# small rise at the highest degrees comes partly from sampling: an average of 200 widely scattered
# predictions still scatters a little — its variance is the variance divided by 200.)
# Variance grows with every extra weight and, at degree 9, is most of the error. The best degree
# is where their sum is smallest: degree 3, now averaged over 200 training sets instead of read off
# one sample.
#
# The cures that follow aim at the variance; lesson 02 measures the same decomposition for ridge
# regression, by its penalty strength $\lambda$.

# %% [markdown]
# ## 6 · Exploding coefficients
#
# Why does degree 9 swing so much? Look at its weights next to the others'.

# %%
def weights(model):
    # Intercept and polynomial weights w0, w1, ... of a fitted polynomial pipeline.
    regression = model[-1]
    return pd.Series(np.r_[regression.intercept_, regression.coef_[1:]],
                     index=[f"w{j}" for j in range(len(regression.coef_))])


coefficients = pd.DataFrame({name: weights(model) for name, model in fits.items()})
coefficients.map(lambda w: "" if pd.isna(w) else f"{w:,.3g}")

# %%
largest = {name: np.abs(weights(model)).max() for name, model in fits.items()}
for name, w in largest.items():
    print(f"{name}: largest |w| is about 10^{np.floor(np.log10(w)):.0f}")
claim("degree 3 gets by with weights below 100 (largest |w|)", largest["degree 3"], below=100,
      fmt=",.0f")
claim("degree 9 needs weights in the thousands or more (largest |w|)", largest["degree 9"],
      above=1000, fmt=",.0f")

# %% [markdown]
# To pass exactly through ten noisy points, degree 9 needs enormous weights of both signs that
# almost cancel. Small changes in $x$ — or in the data — then change the prediction a lot.
# **Large weights are the symptom that regularization treats.**
#
# ## 7 · Cure one: more data
#
# Keep degree 9 and give it more points. The same model now has to compromise between many points
# instead of threading through a few.

# %%
fig, axes = plt.subplots(1, 3, figsize=(12, 3.4), sharey=True)
for ax, n in zip(axes, (10, 20, 100)):
    X_n, y_n = regutils.make_sine(n_samples=n, noise=0.3, spacing="even", seed=SEED + 3)
    regutils.plot_fit(polynomial(9).fit(X_n, y_n), X_n, y_n, true_function=regutils.sine_curve,
                      ylim=(-2, 2), title=f"degree 9, n = {n}", ax=ax)
fig.suptitle("The same degree-9 model trained on more points")
plt.show()

# %%
sizes = (10, 15, 20, 50, 100)
medians = pd.Series({n: np.median([test_error(polynomial(9), n, seed)
                                   for seed in range(1000 * SEED + 300, 1000 * SEED + 350)]) for n in sizes})
print("median degree-9 test RMSE over 50 training samples of each size:")
print(medians.rename_axis("n").round(2).to_string())
claim("each larger n gives a lower median test error (change from one n to the next)",
      np.diff(medians), below=0, fmt=".2f")
claim("with 100 points degree 9's median test RMSE is within 10 % of the noise floor (ratio)",
      medians[100] / noise_floor, at_most=1.1, unit="×", fmt=".2f")

# %% [markdown]
# Each step up in $n$ lowers the typical test error, and with 100 points the degree-9 model is
# within 10 % of the noise floor. More data is the best regularizer — when you can get it. Often
# you cannot.
#
# ## 8 · Cure two: penalize large weights (ridge regression)
#
# Instead of more data, change what "best fit" means. **Ridge regression** minimizes the squared
# error *plus* a penalty on the size of the weights:
#
# $$\min_{w}\; \sum_{i=1}^{n} (y_i - \hat y_i)^2 + \lambda \sum_{j=1}^{M} w_j^2 .$$
#
# The strength $\lambda \ge 0$ (called `alpha` in scikit-learn) trades fit for small weights; the
# intercept $w_0$ is not penalized. This is the L2 penalty, the subject of lesson 02. (Our single
# feature $x$ already lies in $[0, 1]$; lesson 02 explains why features must be standardized before
# penalizing them.)

# %%
ridge = make_pipeline(PolynomialFeatures(9), Ridge(alpha=1e-3)).fit(X_train, y_train)
fig = regutils.plot_fits({"no penalty": fits["degree 9"], "ridge, λ = 0.001": ridge},
                         X_train, y_train, X_test=X_test, y_test=y_test,
                         true_function=regutils.sine_curve)
fig.set_size_inches(11, 3.8)  # room for each panel's title and its two RMSEs
fig.suptitle("Degree 9 on the same ten points, with and without a penalty")
plt.show()

# %%
for name, model in {"no penalty": fits["degree 9"], "ridge λ = 0.001": ridge}.items():
    print(f"{name:16s} largest |w| ≈ 10^{np.floor(np.log10(np.abs(weights(model)).max())):.0f}, "
          f"test RMSE {root_mean_squared_error(y_test, model.predict(X_test)):.2f}")
claim("the penalty shrinks the largest weight by orders of magnitude",
      np.abs(weights(fits["degree 9"])).max() / np.abs(weights(ridge)).max(), above=100,
      unit="×", fmt=",.0f")

# The same comparison on the 100 training samples of section 4: does the penalty help there too?
penalized = [test_error(make_pipeline(PolynomialFeatures(9), Ridge(alpha=1e-3)), 10, seed)
             for seed in draws]
claim("λ = 0.001 lowers degree 9's test error on almost every sample",
      (np.array(penalized) < by_degree[9]).mean(), at_least=0.95, fmt=".0%")

# %% [markdown]
# A small penalty shrinks the largest weight by orders of magnitude and, on almost every sample,
# brings the test error down — with all ten weights still in the model. How strong should the
# penalty be? Sweep $\lambda$:

# %%
alphas = np.logspace(-10, 1, 23)
ridge_train, ridge_test = [], []
for alpha in alphas:
    model = make_pipeline(PolynomialFeatures(9), Ridge(alpha=alpha)).fit(X_train, y_train)
    ridge_train.append(root_mean_squared_error(y_train, model.predict(X_train)))
    ridge_test.append(root_mean_squared_error(y_test, model.predict(X_test)))

ax = regutils.plot_error_curve(alphas, ridge_train, ridge_test, xlabel="penalty strength λ (alpha)",
                               xscale="log", labels=("training", "test"),
                               title="Degree 9 with a ridge penalty: error against λ")
plt.show()

claim("at the largest λ the model underfits: test RMSE far above the noise floor (ratio)",
      ridge_test[-1] / noise_floor, above=1.8, unit="×", fmt=".2f")
claim("the training error never falls as λ grows (smallest change between neighbouring λ)",
      np.diff(ridge_train).min(), at_least=-1e-9, fmt=".2g")
claim("even at λ = 1e-10 the fit does not pass through the points (training RMSE)",
      ridge_train[0], above=1e-3, fmt=".2g")

# %% [markdown]
# Read the curve from right to left. A huge $\lambda$ flattens the model: both errors are high, the
# test error far above the noise floor (underfitting). As $\lambda$ shrinks, the training error falls and the model bends to follow the
# ten points. Even the smallest $\lambda$ plotted, $10^{-10}$, does **not** bring back the unpenalized
# fit: its training RMSE is still clearly above zero (claim above), where the unpenalized fit's is
# zero. The unpenalized weights are in the hundreds of thousands, so even a tiny $\lambda$ times
# their squares is a real cost. Whether the test error climbs again at the small-$\lambda$ end
# depends on the sample (try another seed). The penalty strength plays the role the degree played
# in section 3 — a dial for model complexity.
#
# We drew this curve with the test set only to show its shape. **Choosing $\lambda$ by looking at
# test error would be cheating**: the test error of the chosen model would then be optimistic.

# %% [markdown]
# ## 9 · Choosing λ honestly: training, validation and test data
#
# Give each set of data one job:
#
# | data | job |
# |---|---|
# | training | fit the weights |
# | validation | make choices: degree, $\lambda$, … |
# | test | the final verdict, used **once**, after every choice is made |
#
# Here the validation set is a fresh sample of 20 points.

# %%
X_val, y_val = regutils.make_sine(n_samples=20, noise=0.3, seed=SEED + 2)

val_rmse = []
for alpha in alphas:
    model = make_pipeline(PolynomialFeatures(9), Ridge(alpha=alpha)).fit(X_train, y_train)
    val_rmse.append(root_mean_squared_error(y_val, model.predict(X_val)))
best_alpha = alphas[int(np.argmin(val_rmse))]

chosen = make_pipeline(PolynomialFeatures(9), Ridge(alpha=best_alpha)).fit(X_train, y_train)

# %%
chosen_test_rmse = root_mean_squared_error(y_test, chosen.predict(X_test))
print(f"λ chosen on the validation set: {best_alpha:.0e}")
print(f"validation RMSE at that λ: {min(val_rmse):.2f}")
print(f"test RMSE, computed once:  {chosen_test_rmse:.2f}")
claim("the λ chosen on validation data beats no penalty on the test set (test RMSE)",
      chosen_test_rmse, below=test_rmse[9], fmt=".2f")
claim("it still stays above the noise floor (ratio of test RMSE to noise floor)",
      chosen_test_rmse / noise_floor, above=1, unit="×", fmt=".2f")

# %% [markdown]
# The penalty chosen on validation data beats the unpenalized fit on the test set, yet its test
# error stays above the noise floor: ten points cannot pin the curve down exactly, whatever
# $\lambda$ we choose (section 5 measured the same for the best degree: bias² plus variance on top
# of the noise).
#
# In practice you rarely get three separate samples; you split the one dataset you have. Put the
# test part aside **first**, before looking at anything:

# %%
# NBVAL_CHECK_OUTPUT
X_all, y_all = regutils.make_sine(n_samples=100, noise=0.3, seed=SEED + 4)
X_dev, X_final, y_dev, y_final = train_test_split(X_all, y_all, test_size=0.2, random_state=SEED)
print(f"development set: {len(X_dev)} points, final test set: {len(X_final)} points")

# %% [markdown]
# ## 10 · Validation curves: the same picture, with cross-validation
#
# With only 80 development points, one validation split wastes data and gives a noisy answer.
# **k-fold cross-validation** rotates the validation role: each of 5 folds is the validation set
# once, and we average. scikit-learn's `validation_curve` does this for one hyperparameter. Its
# scores follow the convention "higher is better", so RMSE comes back negated.

# %%
cv = KFold(n_splits=5, shuffle=True, random_state=SEED)
train_scores, val_scores = validation_curve(
    polynomial(1), X_dev, y_dev, param_name="polynomialfeatures__degree", param_range=degrees,
    cv=cv, scoring="neg_root_mean_squared_error")

ax = regutils.plot_error_curve(degrees, -train_scores, -val_scores, xlabel="polynomial degree",
                               title="Validation curve: 5-fold CV on 80 points (mean ± sd)")
plt.show()

# %%
mean_val = -val_scores.mean(axis=1)
print("mean validation RMSE by degree:", np.round(mean_val, 2).tolist())
claim("cross-validation picks degree 3 or higher (lowest mean validation RMSE)",
      degrees[np.argmin(mean_val)], at_least=3, fmt=".0f")
claim("the error drops at degree 3 (its mean validation RMSE ÷ the best of degrees 0–2's)",
      mean_val[3] / mean_val[:3].min(), below=0.85, unit="×", fmt=".2f")

# %% [markdown]
# Cross-validation tells the same story as section 3: degrees 0–2 underfit, and the error drops
# sharply at degree 3. Beyond that, with 80 points instead of 10, the curve is often nearly flat:
# the extra flexibility then costs little. Not always — a degree-9 polynomial can
# still blow up in a fold whose validation points lie beyond the range of its training points,
# where it must extrapolate (run the lesson under another seed to see the curve change). The bands
# show how much the error varies from fold to fold — differences smaller than the bands are not
# worth acting on.
#
# ## 11 · Learning curves and the generalization gap
#
# A **learning curve** fixes the model and grows the training set. The vertical distance between the
# curves is the generalization gap. `shuffle=True` matters: without it, `learning_curve` trains on the
# first rows of each fold, and if the rows happen to be ordered (by $x$, by date…), small training
# sets cover only part of the range.

# %%
train_sizes = [12, 20, 30, 45, 64]
curves = {}
fig, axes = plt.subplots(1, 2, figsize=(11, 3.8))  # own y-axis each: scales differ 30×
for ax, degree in zip(axes, (3, 9)):
    sizes, train_scores, val_scores = learning_curve(
        polynomial(degree), X_dev, y_dev, train_sizes=train_sizes, cv=cv, shuffle=True,
        random_state=SEED, scoring="neg_root_mean_squared_error")
    curves[degree] = (-train_scores.mean(axis=1), -val_scores.mean(axis=1))
    regutils.plot_learning_curve(sizes, *curves[degree], title=f"Learning curve, degree {degree}",
                                 ax=ax)
# Degree 9's validation error at 12 points is far above the rest: a log scale keeps both visible.
axes[1].set_yscale("log")
axes[1].set_yticks([0.1, 0.2, 0.5, 1, 2, 5, 10], labels=["0.1", "0.2", "0.5", "1", "2", "5", "10"])
axes[1].minorticks_off()
axes[1].set_ylabel("RMSE (log scale)")
fig.suptitle("Learning curves: 5-fold CV on the 80 development points")
plt.show()

# %%
gaps = {degree: val_curve - train_curve for degree, (train_curve, val_curve) in curves.items()}
for degree, gap in gaps.items():
    print(f"degree {degree}: generalization gap {gap[0]:.2f} with {train_sizes[0]} points, "
          f"{gap[-1]:.2f} with {train_sizes[-1]} points")
claim(f"both gaps shrink from {train_sizes[0]} to {train_sizes[-1]} points (gap at "
      f"{train_sizes[-1]} / gap at {train_sizes[0]}, degrees 3 and 9)",
      [gaps[3][-1] / gaps[3][0], gaps[9][-1] / gaps[9][0]], below=1, fmt=".2g")
claim(f"with {train_sizes[0]} points, degree 9's gap is far larger than degree 3's",
      gaps[9][0] / gaps[3][0], above=10, unit="×", fmt=",.0f")


# %% [markdown]
# Both gaps shrink as data grow, and the flexible model's gap starts far larger — more than ten
# times degree 3's. A large gap that closes with more data says "variance: get more data or
# regularize"; two curves that meet at a high error say "bias: use a more flexible model".
#
# ## 12 · Explore: degree and penalty
#
# Move the sliders (the figure redraws when you release one): degree, and $\log_{10}\lambda$ of a
# ridge penalty. Try degree 9 with a tiny
# penalty, then raise $\lambda$ until the wiggles go — and then further, until the model underfits.
# The figure shows training and test RMSE in its title.

# %%
def show_fit(degree=9, log10_alpha=-3.0):
    # Fit a ridge-penalized polynomial to the 10 training points and draw it.
    model = make_pipeline(PolynomialFeatures(degree), Ridge(alpha=10.0**log10_alpha))
    model.fit(X_train, y_train)
    regutils.plot_fit(model, X_train, y_train, X_test=X_test, y_test=y_test,
                      true_function=regutils.sine_curve, ylim=(-2, 2),
                      title=f"degree {degree}, λ = 10^{log10_alpha:g}")
    plt.show()


# %%
# NBVAL_IGNORE_OUTPUT
from ipywidgets import FloatSlider, IntSlider

_ = regutils.explore(show_fit,
                     degree=IntSlider(value=9, min=0, max=9, description="degree"),
                     log10_alpha=FloatSlider(value=-3.0, min=-10.0, max=2.0, step=0.5,
                                             description="log10 λ"))

# %% [markdown]
# ## Key takeaways
#
# - Training error never rises as a model gets more flexible; only held-out data show overfitting.
# - Expected test error = bias² + variance + noise: more flexibility lowers bias² and raises
#   variance, and the best model balances the two.
# - Overfitting shows up as a large generalization gap and, in linear models, as huge weights.
# - Two cures: more data, or a **penalty** on the weights. Ridge's $\lambda$ is a complexity dial,
#   like the degree.
# - Give data one job each: fit on training data, choose on validation data (or cross-validation),
#   and judge once on test data.
# - Learning curves tell you whether more data would help.

# %% [markdown]
# ## Check your understanding
#
# Five questions on this lesson, answered here in the notebook: pick a choice and press *Check*
# under each question, or answer in code, e.g. `quiz.answer("1", "b")`.

# %%
quiz = regutils.quiz("01")
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
# **Next:** the exercises in [01_overfitting_exercises.ipynb](01_overfitting_exercises.ipynb)
# (solutions in `solutions/`), then lesson 02, Ridge regression in depth.
#
# ## Further reading
#
# - C. M. Bishop, *Pattern Recognition and Machine Learning* (2006), §1.1 — the polynomial
#   curve-fitting example this lesson follows.
# - G. James, D. Witten, T. Hastie, R. Tibshirani, J. Taylor, *An Introduction to Statistical
#   Learning with Applications in Python* (2023), §2.2 (bias–variance) and ch. 5 (cross-validation).
# - T. Hastie, R. Tibshirani, J. Friedman, *The Elements of Statistical Learning* (2nd ed., 2009),
#   ch. 7 (model assessment and selection).
# - scikit-learn user guide: "Validation curves: plotting scores to evaluate models" and the example
#   "Underfitting vs. Overfitting".
