# %% [markdown]
# # 12 · Choosing and combining regularizers — exercises
#
# Four exercises on [lesson 12](12_choosing_and_combining.ipynb). Each one asks a question you
# answer with a few lines of code: write them in the cell marked `# Write your code here.` and
# replace each `...` with your answer (e.g. `choice = "lasso"`). The setup cell imports what you
# need; exercises 1–3 use scikit-learn only and run in seconds, exercise 4 trains small Keras
# networks (about 20 s; its check retrains ten of them, about 5 s). No cell depends on your
# answers, so you can skip an exercise and come back. Each exercise fixes its own seeds (they do
# not follow the setup cell's `SEED`) on purpose: the check recomputes the answer from exactly
# the recipe given.
#
# **Feedback as you go.** The cell after each answer runs `ex.check(...)`: it says `Correct`, or
# what to look at. Stuck? `ex.hint("1")` gives a hint (call it again for the next one), and
# `ex.solution("1")` shows a worked solution — also in
# `solutions/12_choosing_and_combining_exercises.ipynb`.

# %% [markdown] tags=["solution"]
# > **Solutions notebook.** This is the worked-solutions version; the exercise notebook in
# > `notebooks/` is generated from it (`make exercises`).

# %%
import numpy as np
from sklearn.linear_model import LassoCV, LogisticRegression, RidgeCV
from sklearn.metrics import root_mean_squared_error
from sklearn.model_selection import StratifiedKFold, cross_val_score
from sklearn.pipeline import make_pipeline

import regutils

# keras=True: exercise 4 trains Keras networks (TensorFlow is configured before it is imported)
SEED = regutils.setup_notebook(seed=0, keras=True)  # exercises 1–3 fix their own seeds on purpose
ex = regutils.exercises("12")  # check(), hint() and solution() for these exercises

# %% [markdown]
# ## Exercise 1 · Pick the regularizer, and back it with a number
#
# A colleague has 60 rows and 30 features and believes *every* feature matters a little. Simulate
# that situation:
#
# ```python
# coef = tuple(float(c) for c in np.random.default_rng(1).normal(0.0, 1.0, 30).round(2))
# X, y = regutils.make_correlated(60, coef=coef, groups=(), noise=2.0, seed=0)
# X_test, y_test = regutils.make_correlated(2000, coef=coef, groups=(), noise=2.0, seed=999)
# ```
#
# Fit `LassoCV(cv=5, alphas=20)` and `RidgeCV(alphas=np.logspace(-3, 3, 20))` on `X, y`. Store in
# `choice` the name (`"lasso"` or `"ridge"`) of the model with the lower **test** RMSE, and in
# `rmse_gap` the lasso's test RMSE minus the ridge's.

# %% tags=["solution", "exercise-1"]
### BEGIN SOLUTION
# NBVAL_CHECK_OUTPUT
# Seeds fixed on purpose (the exercise's recipe): the check recomputes the same samples.
coef = tuple(float(c) for c in np.random.default_rng(1).normal(0.0, 1.0, 30).round(2))
X, y = regutils.make_correlated(60, coef=coef, groups=(), noise=2.0, seed=0)
X_test, y_test = regutils.make_correlated(2000, coef=coef, groups=(), noise=2.0, seed=999)
lasso = LassoCV(cv=5, alphas=20).fit(X, y)
ridge = RidgeCV(alphas=np.logspace(-3, 3, 20)).fit(X, y)
rmse = {"lasso": root_mean_squared_error(y_test, lasso.predict(X_test)),
        "ridge": root_mean_squared_error(y_test, ridge.predict(X_test))}
choice = min(rmse, key=rmse.get)
rmse_gap = rmse["lasso"] - rmse["ridge"]
print({name: round(value, 3) for name, value in rmse.items()}, choice, round(rmse_gap, 3))
print("lasso coefficients set to zero:", int((lasso.coef_ == 0).sum()), "of 30")
# stub: choice = ...
# stub: rmse_gap = ...
### END SOLUTION

# %%
# NBVAL_CHECK_OUTPUT
ex.check("1", choice=choice, rmse_gap=rmse_gap)

# %% [markdown] tags=["solution"]
# Every true coefficient is non-zero, so the lasso's zeros (printed above) throw away real signal;
# ridge keeps every feature and shrinks them all. That is the dense-truth row of the lesson's
# section 3 — the number of rows (60) is small, yet ridge, not the lasso, wins.

# %% [markdown]
# ## Exercise 2 · How arbitrary is the lasso's pick?
#
# Repeat the lesson's section 2 experiment at a **higher correlation**: for each `seed` in
# `range(20)`, draw `regutils.make_correlated(50, coef=(1.0, 1.0, 0.0, 0.0, 0.0), correlation=0.99,
# seed=seed)` and fit `LassoCV(cv=5, alphas=20)`. Looking at the coefficients of `x0` and `x1`
# (`coef_[:2]`), store in `n_drop_one` the number of samples in which **exactly one** of them is 0,
# and in `n_both_kept` the number in which neither is.

# %% tags=["solution", "exercise-2"]
### BEGIN SOLUTION
# NBVAL_CHECK_OUTPUT
zeros_per_sample = []
for seed in range(20):  # fixed on purpose: the lesson's samples at its default seed, 0
    X_pair, y_pair = regutils.make_correlated(50, coef=(1.0, 1.0, 0.0, 0.0, 0.0),
                                              correlation=0.99, seed=seed)
    zeros_per_sample.append(int((LassoCV(cv=5, alphas=20).fit(X_pair, y_pair).coef_[:2] == 0).sum()))
zeros_per_sample = np.array(zeros_per_sample)
n_drop_one = int((zeros_per_sample == 1).sum())
n_both_kept = int((zeros_per_sample == 0).sum())
print("drops exactly one:", n_drop_one, "| keeps both:", n_both_kept,
      "| drops both:", int((zeros_per_sample == 2).sum()))
# stub: n_drop_one = ...
# stub: n_both_kept = ...
### END SOLUTION

# %%
# NBVAL_CHECK_OUTPUT
ex.check("2", n_drop_one=n_drop_one, n_both_kept=n_both_kept)

# %% [markdown] tags=["solution"]
# At correlation 0.99 the two features are nearly interchangeable, so the data barely tell the
# lasso which to keep: it drops one more often than at 0.95. If you need to *name* the features
# that matter, check your selection's stability like this (or use Elastic Net, lesson 04).

# %% [markdown]
# ## Exercise 3 · A sparse, honest score on the heart data
#
# Score the L1 logistic regression
#
# ```python
# model = make_pipeline(regutils.heart_preprocessor(),
#                       LogisticRegression(C=0.1, l1_ratio=1.0, solver="liblinear", random_state=0))
# ```
#
# with the lesson's protocol at its default seed, `StratifiedKFold(n_splits=5, shuffle=True,
# random_state=0)`, on
# `X, y = regutils.load_heart()`. Store the mean fold accuracy in `mean_accuracy` and its standard
# deviation (NumPy's default, `ddof=0`) in `sd_accuracy`. Then fit the same pipeline on all of
# `X, y` and store in `n_zero` how many of its coefficients are exactly 0.

# %% tags=["solution", "exercise-3"]
### BEGIN SOLUTION
# NBVAL_CHECK_OUTPUT
X_heart, y_heart = regutils.load_heart()
folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)  # fixed on purpose (the recipe)
model = make_pipeline(regutils.heart_preprocessor(),
                      LogisticRegression(C=0.1, l1_ratio=1.0, solver="liblinear", random_state=0))
scores = cross_val_score(model, X_heart, y_heart, cv=folds)
mean_accuracy, sd_accuracy = scores.mean(), scores.std()
model.fit(X_heart, y_heart)
n_zero = int((model[-1].coef_[0] == 0).sum())
print(f"accuracy {mean_accuracy:.3f} ± {sd_accuracy:.3f}; zero coefficients: {n_zero} of "
      f"{model[-1].coef_.shape[1]}")
# stub: mean_accuracy = ...
# stub: sd_accuracy = ...
# stub: n_zero = ...
### END SOLUTION

# %%
# NBVAL_CHECK_OUTPUT
ex.check("3", mean_accuracy=mean_accuracy, sd_accuracy=sd_accuracy, n_zero=n_zero)

# %% [markdown] tags=["solution"]
# A strong L1 penalty keeps only a handful of the encoded features; compare its accuracy with the
# lesson's default logistic setting (C = 1, L2) in section 6 to see what the sparser,
# easier-to-explain model costs. Whether that trade is worth it is a judgement the numbers inform
# but do not make for you.

# %% [markdown]
# ## Exercise 4 · Tune dropout and L2 together, and defend the choice
#
# Section 7 of the lesson stacked dropout, L2 and early stopping at textbook strengths and did not
# show them better than the best one alone: strengths must be tuned *together*. **Goal:** choose
# `(dropout, l2)` from the grid `dropout` ∈ {0.0, 0.5} × `l2` ∈ {0.0, 0.001} by **3-fold
# cross-validated held-out log-loss**, and decide whether the winner is distinguishable from the
# runner-up.
#
# Fixed settings (the cell below loads the data): the 300 digits images `X_small, y_small` and their
# three folds `digit_folds`; the network of `build_mlp` with two hidden layers of 128 units, 10
# softmax outputs, `dropout` after each hidden layer and `l2` on its weights, `seed=0`; Adam with
# learning rate 0.01; `train(model, X, y, epochs=40, batch_size=200)` (all training images in one
# batch) with `keras.utils.set_random_seed(0)` right before it. Start each fold from a **fresh**
# network (new weights, new optimizer state), and score each fold's *held-out* part. Seeds are fixed
# on purpose: the check retrains your networks and compares.
#
# Store:
#
# - `cv_loss`: a dict mapping each setting `(dropout, l2)` to its three fold log-losses;
# - `choice`: the setting with the lowest mean log-loss;
# - `margin`: how much lower its mean is than the runner-up's (a positive number);
# - `margin_se`: the standard error of that margin — the standard deviation (`ddof=1`) of the three
#   fold-by-fold differences (runner-up − choice), divided by √3;
# - `distinguishable`: `True` if the margin is more than two standard errors (the yardstick of the
#   lesson's section 6), else `False`.
#
# Then defend the choice in a sentence, with these numbers. (Training the 12 networks takes about 20 s on
# a 2-core laptop; the check then retrains ten of them, about 5 s.)

# %% tags=["solution", "exercise-4"]
import keras  # TensorFlow was configured by the setup cell (keras=True)
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

from regutils.training import build_mlp, reset_model, train

X_all, y_all = load_digits(return_X_y=True)
# Fixed on purpose (the exercise's recipe): which 300 images, which three folds.
X_small, _, y_small, _ = train_test_split((X_all / 16.0).astype("float32"), y_all,
                                          train_size=300, stratify=y_all, random_state=0)
digit_folds = list(StratifiedKFold(n_splits=3, shuffle=True, random_state=0).split(X_small,
                                                                                   y_small))
### BEGIN SOLUTION
def held_out_log_loss(model, X_part, y_part):
    p = np.asarray(model(X_part, training=False))  # clipped: one sure mistake would give inf
    return float(-np.mean(np.log(np.clip(p[np.arange(len(y_part)), y_part], 1e-7, 1.0))))


cv_loss = {}
for rate, l2 in regutils.progress([(0.0, 0.0), (0.0, 1e-3), (0.5, 0.0), (0.5, 1e-3)],
                                  "settings"):
    model = build_mlp(64, (128, 128), n_outputs=10, output_activation="softmax", dropout=rate,
                      l2=l2, seed=0)  # seed fixed on purpose (the recipe)
    model.compile(optimizer=keras.optimizers.Adam(0.01), loss="sparse_categorical_crossentropy")
    initial = model.get_weights()  # compiled once per setting; every fold restarts from here
    cv_loss[(rate, l2)] = []
    for train_index, held_out in digit_folds:
        reset_model(model, initial)  # fresh weights and optimizer state for each fold
        keras.utils.set_random_seed(0)
        train(model, X_small[train_index], y_small[train_index], epochs=40, batch_size=200)
        cv_loss[(rate, l2)].append(held_out_log_loss(model, X_small[held_out], y_small[held_out]))
mean_loss = {setting: float(np.mean(losses)) for setting, losses in cv_loss.items()}
choice, runner_up = sorted(mean_loss, key=mean_loss.get)[:2]
margin = mean_loss[runner_up] - mean_loss[choice]
margin_se = float(np.std(np.subtract(cv_loss[runner_up], cv_loss[choice]), ddof=1) / np.sqrt(3))
distinguishable = bool(margin > 2 * margin_se)
for setting, losses in cv_loss.items():
    gap = np.subtract(losses, cv_loss[choice])  # fold by fold, this setting minus the choice
    print(f"dropout {setting[0]}, l2 {setting[1]:g}: mean log-loss {mean_loss[setting]:.3f}, "
          f"minus the choice's {gap.mean():+.3f} ± {gap.std(ddof=1) / np.sqrt(3):.3f} (SE)")
print(f"choice {choice}: margin over {runner_up} {margin:.3f} ± {margin_se:.3f} (SE); "
      f"more than two SE: {distinguishable}")
# stub: cv_loss = ...
# stub: choice = ...
# stub: margin = ...
# stub: margin_se = ...
# stub: distinguishable = ...
### END SOLUTION

# %%
# NBVAL_CHECK_OUTPUT
ex.check("4", cv_loss=cv_loss, choice=choice, margin=margin, margin_se=margin_se,
         distinguishable=distinguishable)

# %% [markdown] tags=["solution"]
# The printed numbers are the defence. Each row compares a setting with the choice fold by fold, on
# the same three folds: a difference of more than two standard errors is the lesson's yardstick for
# "distinguishable". Without dropout the network overfits its 200 training images and its held-out
# log-loss is the worst of the grid; compare the dropout rows' differences with their standard
# errors to see whether dropout's gain clears that bar here. Between the two dropout settings, adding
# L2 moves the mean by less than two standard errors: three folds cannot tell them apart, so take the
# one with the lower mean *and say* that the runner-up is as good within the noise — or prefer the
# simpler setting (one hyperparameter fewer) and say why. With three folds (two degrees of freedom)
# two standard errors is a rough yardstick, not a test: a verdict on the winner needs more folds or
# repeats.
