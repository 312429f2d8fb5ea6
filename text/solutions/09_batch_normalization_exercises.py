# %% [markdown]
# # 09 · Batch normalization — exercises
#
# Five exercises on [lesson 09](09_batch_normalization.ipynb). Each one asks a question you answer
# with a few lines of code: write them in the cell marked `# Write your code here.` and replace
# each `...` with your answer (e.g. `n_non_trainable = 42`). The setup cell imports NumPy, Keras
# and the lesson's `batchnorm_forward`/`batchnorm_backward`. No cell depends on your answers, so
# you can skip an exercise and come back.
#
# **Feedback as you go.** The cell after each answer runs `ex.check(...)`: it says `Correct`, or
# what to look at. Stuck? `ex.hint("1")` gives a hint (call it again for the next one), and
# `ex.solution("1")` shows a worked solution — also in
# `solutions/09_batch_normalization_exercises.ipynb`.

# %% [markdown] tags=["solution"]
# > **Solutions notebook.** This is the worked-solutions version; the exercise notebook in
# > `notebooks/` is generated from it (`make exercises`).

# %%
import numpy as np

import regutils

SEED = regutils.setup_notebook(seed=0, keras=True)  # before importing Keras
import keras
from keras import layers

from regutils import claim
from regutils.scratch.batchnorm import batchnorm_backward, batchnorm_forward

ex = regutils.exercises("09")  # check(), hint() and solution() for these exercises

# %% [markdown]
# ## Exercise 1 · Batch normalization by hand
#
# A batch of four examples of a layer with three units (one row per example, one column per unit):
#
# ```python
# x = np.array([[1.0, 200.0, -3.0],
#               [2.0, 180.0, -1.0],
#               [4.0, 260.0, -2.0],
#               [5.0, 240.0, 0.0]])
# gamma = np.array([1.0, 2.0, 0.5])
# beta = np.array([0.0, 1.0, -1.0])
# ```
#
# With NumPy only (no `batchnorm_forward`), compute the **training-mode** output `out` with
# $\varepsilon = 10^{-3}$, and the moving averages `moving_mean` and `moving_var` of a *new*
# layer (Keras' starting values and default `momentum=0.99`) after this one training step. Then
# compare with `batchnorm_forward`.

# %% tags=["solution", "exercise-1"]
### BEGIN SOLUTION
# fixed on purpose: the exercise's data, from which the check recomputes the answer
x = np.array([[1.0, 200.0, -3.0],
              [2.0, 180.0, -1.0],
              [4.0, 260.0, -2.0],
              [5.0, 240.0, 0.0]])
gamma = np.array([1.0, 2.0, 0.5])
beta = np.array([0.0, 1.0, -1.0])

mean, var = x.mean(axis=0), x.var(axis=0)  # per unit (column); biased variance, like Keras
out = gamma * (x - mean) / np.sqrt(var + 1e-3) + beta
moving_mean = 0.99 * np.zeros(3) + 0.01 * mean  # a new layer starts at 0 ...
moving_var = 0.99 * np.ones(3) + 0.01 * var     # ... and at 1
print("out:\n", out.round(3))
print("moving_mean:", moving_mean.round(4), " moving_var:", moving_var.round(4))
reference, _, (ref_mean, ref_var) = batchnorm_forward(x, gamma, beta)
claim("same as batchnorm_forward (largest difference)",
      max(np.abs(out - reference).max(), np.abs(moving_mean - ref_mean).max(),
          np.abs(moving_var - ref_var).max()), below=1e-9, fmt=".1e")
# stub: out = ...
# stub: moving_mean = ...
# stub: moving_var = ...
### END SOLUTION

# %%
# NBVAL_CHECK_OUTPUT
ex.check("1", out=out, moving_mean=moving_mean, moving_var=moving_var)

# %% [markdown] tags=["solution"]
# Each column is standardized separately, whatever its scale (the second unit's values are in the
# hundreds), then scaled by $\gamma$ and shifted by $\beta$. After one step the moving averages
# have moved only 1 % of the way from 0 and 1 towards the batch's statistics.

# %% [markdown]
# ## Exercise 2 · Watch the moving averages move
#
# ```python
# X_batch = np.random.default_rng(42).normal(loc=2.0, scale=3.0, size=(32, 4)).astype("float32")
# ```
#
# A new Keras batch-norm layer with `momentum=0.9` sees this batch **10 times** in training mode.
# Store its moving mean afterwards, as a NumPy array, in `moving_mean`, and the layer's output for
# the same batch in **inference mode** in `inference_out`. Predict `moving_mean` by hand first: what
# share of the starting value (0) is left after 10 steps? Are the inference-mode outputs
# standardized?

# %% tags=["solution", "exercise-2"]
### BEGIN SOLUTION
# fixed on purpose: the exercise's batch, from which the check recomputes the answer
X_batch = np.random.default_rng(42).normal(loc=2.0, scale=3.0, size=(32, 4)).astype("float32")
bn = layers.BatchNormalization(momentum=0.9)
for _ in range(10):
    bn(X_batch, training=True)
moving_mean = np.asarray(bn.moving_mean)
inference_out = np.asarray(bn(X_batch, training=False))
print("moving_mean:               ", moving_mean.round(3))
print("(1 - 0.9**10) * batch mean:", ((1 - 0.9**10) * X_batch.mean(axis=0)).round(3))
print("inference-mode output mean:", inference_out.mean(axis=0).round(2),
      " std:", inference_out.std(axis=0).round(2))
print("steps momentum 0.99 needs to get as close:", int(np.ceil(np.log(0.9**10) / np.log(0.99))))
# stub: moving_mean = ...
# stub: inference_out = ...
### END SOLUTION

# %%
# NBVAL_CHECK_OUTPUT
ex.check("2", moving_mean=moving_mean, inference_out=inference_out)

# %% [markdown] tags=["solution"]
# After $t$ steps on the same batch the moving mean is $(1 - 0.9^t)$ times the batch mean: after
# 10 steps $0.9^{10} \approx 0.35$ of the starting value is left, so inference-mode outputs are
# still far from mean 0 and standard deviation 1. With Keras' default momentum 0.99 it takes
# 105 steps to get as close as 0.9 gets in 10 — the reason the lesson lowers it for a small data
# set.

# %% [markdown]
# ## Exercise 3 · Batch normalization after the activation
#
# Build the lesson's 3×100 sigmoid network for the digits, as an explicit `keras.Sequential` in
# `model`, but with batch normalization placed **after** each hidden layer's activation instead of
# before it, and with the moving-average momentum the lesson recommends for a data set this small.
# Store its number of non-trainable parameters in `n_non_trainable`, counted from the model. Which
# numbers are they?

# %% tags=["solution", "exercise-3"]
### BEGIN SOLUTION
# NBVAL_CHECK_OUTPUT
model = keras.Sequential([keras.Input(shape=(64,))]
                         + [layer for _ in range(3)
                            for layer in (layers.Dense(100, activation="sigmoid"),
                                          layers.BatchNormalization(momentum=0.9))]
                         + [layers.Dense(10, activation="softmax")])
n_non_trainable = sum(int(np.prod(w.shape)) for w in model.non_trainable_weights)
print([layer.__class__.__name__ for layer in model.layers])
print("non-trainable parameters:", n_non_trainable,
      sorted({w.name for w in model.non_trainable_weights}))
# stub: model = ...
# stub: n_non_trainable = ...
### END SOLUTION

# %%
# NBVAL_CHECK_OUTPUT
ex.check("3", model=model, n_non_trainable=n_non_trainable)

# %% [markdown] tags=["solution"]
# The non-trainable parameters are each layer's `moving_mean` and `moving_variance`: 100 + 100
# numbers per layer, updated by averaging during training, never by gradient descent. $\gamma$ and
# $\beta$ are trainable.

# %% [markdown]
# ## Exercise 4 · The backward pass: why the batch matters
#
# ```python
# rng = np.random.default_rng(8)
# x = rng.normal(loc=1.0, scale=2.0, size=(6, 3))
# gamma = np.array([1.5, 0.5, 2.0])
# beta = np.array([0.1, -0.2, 0.3])
# grad_out = rng.normal(size=(6, 3))  # dL/dy coming back from the next layer
# ```
#
# In **training mode** (ε = 1e-3), compute from the lesson's formulas, with NumPy: the gradient
# with respect to the input, `dx`, and with respect to the scale, `dgamma`. Then compute
# `dx_frozen`, the gradient you would get if the batch mean and variance were constants, as they
# are in inference mode. Compare `dx` with `batchnorm_backward`, and `dx` with `dx_frozen`.

# %% tags=["solution", "exercise-4"]
### BEGIN SOLUTION
rng = np.random.default_rng(8)  # fixed on purpose: the check recomputes the answer
x = rng.normal(loc=1.0, scale=2.0, size=(6, 3))
gamma = np.array([1.5, 0.5, 2.0])
beta = np.array([0.1, -0.2, 0.3])
grad_out = rng.normal(size=(6, 3))

m = len(x)
inv_std = 1 / np.sqrt(x.var(axis=0) + 1e-3)
x_hat = (x - x.mean(axis=0)) * inv_std
g = grad_out * gamma  # dL/dx_hat
dx = inv_std / m * (m * g - g.sum(axis=0) - x_hat * (g * x_hat).sum(axis=0))
dgamma = (grad_out * x_hat).sum(axis=0)
dx_frozen = g * inv_std

_, cache, _ = batchnorm_forward(x, gamma, beta)
claim("same as batchnorm_backward (largest difference)",
      np.abs(dx - batchnorm_backward(grad_out, cache)[0]).max(), below=1e-9, fmt=".1e")
print("largest |dx - dx_frozen|:", round(float(np.abs(dx - dx_frozen).max()), 3))
claim("the columns of dx sum to zero (largest |column sum|)", np.abs(dx.sum(axis=0)).max(),
      below=1e-12, fmt=".1e")
print("column sums of dx_frozen:", dx_frozen.sum(axis=0).round(3))
# stub: dx = ...
# stub: dgamma = ...
# stub: dx_frozen = ...
### END SOLUTION

# %%
# NBVAL_CHECK_OUTPUT
ex.check("4", dx=dx, dgamma=dgamma, dx_frozen=dx_frozen)

# %% [markdown] tags=["solution"]
# Treating the batch statistics as constants is a classic bug in hand-written batch norm: the
# gradient then ignores that moving one example moves the batch mean and variance for all the
# others. The full gradient's columns sum to zero (a shift common to the whole batch changes
# nothing); the frozen one's do not.

# %% [markdown]
# ## Exercise 5 · Choose the momentum for a short run
#
# You train a batch-normalized network on a small data set: 10 batches of 32 examples per epoch,
# for 2 epochs — **20 training steps** in all. Which `momentum` should its batch-norm layers use:
# 0.5, 0.8, 0.9, 0.95 or Keras' default 0.99? At the end of training, the moving mean should be as
# close as possible to the mean of the data the layer sees.
#
# Decide by simulation, for one unit whose input has mean 2 and standard deviation 3 over the data
# (`rng = np.random.default_rng(5)`, fixed on purpose): in each of at least 2,000 simulated training
# runs, draw 20 fresh batches of 32 values, start the moving mean at 0 as a new layer does, and
# update it after every batch as Keras does. For each candidate, measure the root-mean-square error
# of the final moving mean against the true mean 2 over the runs. Store the five errors, in the
# order listed, in `rmse`, and your choice in `momentum`. Why does neither end of the list win?

# %% tags=["solution", "exercise-5"]
### BEGIN SOLUTION
candidates = (0.5, 0.8, 0.9, 0.95, 0.99)
rng = np.random.default_rng(5)  # fixed on purpose: the exercise's simulation
runs, steps, batch_size, true_mean = 2000, 20, 32, 2.0
batch_means = rng.normal(true_mean, 3.0, size=(runs, steps, batch_size)).mean(axis=2)

rmse = []
for m in candidates:
    moving = np.zeros(runs)  # a new layer's moving mean
    for t in range(steps):
        moving = m * moving + (1 - m) * batch_means[:, t]  # Keras' update, once per batch
    rmse.append(float(np.sqrt(np.mean((moving - true_mean) ** 2))))
momentum = candidates[int(np.argmin(rmse))]
for m, error in zip(candidates, rmse):
    print(f"momentum {m}: RMSE {error:.2f}, share of the start left {m**steps:.2f}")
print("chosen momentum:", momentum)
claim("0.8's error is about a third below the next best, 0.9's (1 - ratio)",
      1 - rmse[1] / rmse[2], at_least=0.25, at_most=0.45, fmt=".0%")
# stub: rmse = ...
# stub: momentum = ...
### END SOLUTION

# %%
# NBVAL_CHECK_OUTPUT
ex.check("5", rmse=rmse, momentum=momentum)

# %% [markdown] tags=["solution"]
# Two errors add up. A large momentum keeps a share $\text{momentum}^{20}$ of the starting 0
# (82 % for 0.99), so the moving mean is still far from 2; a small one forgets the start at once but
# averages only the last few batches ($\approx 1/(1-\text{momentum})$ of them), so it keeps their
# noise. Of the five, 0.8 makes the sum smallest, with an error about a third lower than the next
# best, 0.9. The lesson's runs have 136 steps (17 per epoch, 8 epochs): there 0.9 has forgotten its
# start ($0.9^{136} < 10^{-6}$) and averages more batches than 0.8. With `build_mlp`, the choice is
# one argument: `build_mlp(..., batch_norm="before", bn_momentum=momentum)`.

# %% [markdown]
# ## Where next
#
# Lesson 10 turns to early stopping: when to stop training, and which weights to keep.
