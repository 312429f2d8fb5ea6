# %% [markdown]
# # 07 · Weight penalties in neural networks — exercises
#
# Five exercises on [lesson 07](07_weight_penalties.ipynb). Each one asks a question you answer with
# a few lines of code: write them in the cell marked `# Write your code here.` and replace each `...`
# with your answer (e.g. `best_l2 = 0.01`). The setup cell imports Keras and gives you the helper
# `optimize(...)` for exercise 4. No cell depends on your answers, so you can skip an exercise and
# come back. No exercise trains a network; the notebook runs in well under a minute.
#
# **Feedback as you go.** The cell after each answer runs `ex.check(...)`: it says `Correct`, or
# what to look at. Stuck? `ex.hint("1")` gives a hint (call it again for the next one), and
# `ex.solution("1")` shows a worked solution — also in
# `solutions/07_weight_penalties_exercises.ipynb`.

# %% [markdown] tags=["solution"]
# > **Solutions notebook.** This is the worked-solutions version; the exercise notebook in
# > `notebooks/` is generated from it (`make exercises`).

# %%
import math

import numpy as np
import pandas as pd

import regutils
from regutils.training import build_mlp

SEED = regutils.setup_notebook(seed=0, keras=True)  # before TensorFlow loads
import keras  # after setup_notebook


def optimize(optimizer, l2=0.0, gradient_b=0.0, steps=100):
    # Lesson 07's experiment: weights [a, b] start at 1; a's data gradients are +-10, b's
    # +-gradient_b (alternating, averaging zero); l2 adds an L2 penalty's gradient 2 * l2 * w.
    w = keras.Variable(np.ones(2, dtype="float32"))
    for t in range(steps):
        sign = 1.0 if t % 2 == 0 else -1.0
        data_gradient = np.array([10.0 * sign, gradient_b * sign], dtype="float32")
        optimizer.apply_gradients([(data_gradient + 2 * l2 * w.numpy(), w)])
    return w.numpy()


ex = regutils.exercises("07")  # check(), hint() and solution() for these exercises

# %% [markdown]
# ## Exercise 1 · An L1 + L2 penalty, on the right layers
#
# Build the lesson's 128-64-1 network for the 22 preprocessed heart columns as a `keras.Sequential`
# starting with `keras.Input(shape=(22,))`: `Dense(128, relu)`, `Dense(64, relu)`,
# `Dense(1, sigmoid)`. Put an **L1 + L2** penalty with `l1=0.0005` and `l2=0.005` on the weights
# (kernels) of both hidden layers and no penalty on the output layer. Store it in `model` (there is
# no need to train it). The check inspects the model's layers and their regularizers.

# %% tags=["solution", "exercise-1"]
### BEGIN SOLUTION
# NBVAL_CHECK_OUTPUT
penalty = keras.regularizers.L1L2(l1=0.0005, l2=0.005)
model = keras.Sequential([
    keras.Input(shape=(22,)),
    keras.layers.Dense(128, activation="relu", kernel_regularizer=penalty),
    keras.layers.Dense(64, activation="relu", kernel_regularizer=penalty),
    keras.layers.Dense(1, activation="sigmoid"),
])
print("penalty terms in model.losses:", len(model.losses))
# stub: model = ...
### END SOLUTION

# %%
# NBVAL_CHECK_OUTPUT
ex.check("1", model=model)

# %% [markdown]
# ## Exercise 2 · The penalty term by hand
#
# This small network has random weights (and biases), so that every part of it counts:
#
# ```python
# # seeds fixed on purpose: the check rebuilds this exact model
# model = build_mlp(22, (16, 8), l1=0.001, l2=0.01, seed=3)
# rng = np.random.default_rng(6)
# model.set_weights([rng.normal(0.0, 0.3, size=w.shape) for w in model.get_weights()])
# ```
#
# Using only `model.get_weights()` and NumPy (not `model.losses`), compute the penalty Keras adds to
# this model's loss and store it in `penalty`. Then compare it with `sum(model.losses)`.

# %% tags=["solution", "exercise-2"]
### BEGIN SOLUTION
# seeds fixed on purpose: the check rebuilds this exact model
model = build_mlp(22, (16, 8), l1=0.001, l2=0.01, seed=3)
rng = np.random.default_rng(6)
model.set_weights([rng.normal(0.0, 0.3, size=w.shape) for w in model.get_weights()])
weights = model.get_weights()  # kernel, bias, kernel, bias, output kernel, output bias
hidden_kernels = [weights[0], weights[2]]
penalty = sum(0.001 * np.abs(w).sum() + 0.01 * (w ** 2).sum() for w in hidden_kernels)
print(f"by hand: {penalty:.4f}; sum(model.losses): {float(sum(model.losses)):.4f}")
# stub: penalty = ...
### END SOLUTION

# %%
# NBVAL_CHECK_OUTPUT
ex.check("2", penalty=penalty)

# %% [markdown]
# ## Exercise 3 · Choosing the L2 strength: best, and one standard error
#
# A larger run of the lesson's protocol (the same network, 20 epochs, batch 64, Adam 0.003; five
# folds shuffled with another seed; seven L2 strengths) gave these validation accuracies, one column
# per fold. It was recorded once and is fixed on purpose: everyone gets the same table, and the same
# answer, whatever their seed or CPU.
#
# ```python
# strengths = [0.0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3]
# accuracy = pd.DataFrame([[0.770, 0.803, 0.852, 0.800, 0.817],
#                          [0.770, 0.836, 0.852, 0.783, 0.833],
#                          [0.803, 0.836, 0.869, 0.783, 0.817],
#                          [0.836, 0.836, 0.869, 0.800, 0.833],
#                          [0.852, 0.852, 0.918, 0.783, 0.867],
#                          [0.803, 0.852, 0.902, 0.783, 0.867],
#                          [0.885, 0.787, 0.869, 0.750, 0.833]], index=strengths)
# ```
#
# 1. Store the strength with the highest mean accuracy in `best_l2`.
# 2. Apply the **one-standard-error rule** (lesson 05): the standard error of the best strength is
#    the standard deviation of its five accuracies (`ddof=1`, as in lesson 05) divided by √5. Among
#    the strengths whose mean is at least the best mean minus that standard error, take the
#    simplest model — for a penalty, the *strongest* — and store it in `chosen_l2`.

# %% tags=["solution", "exercise-3"]
### BEGIN SOLUTION
# NBVAL_CHECK_OUTPUT
strengths = [0.0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3]  # a recorded run, fixed on purpose
accuracy = pd.DataFrame([[0.770, 0.803, 0.852, 0.800, 0.817],
                         [0.770, 0.836, 0.852, 0.783, 0.833],
                         [0.803, 0.836, 0.869, 0.783, 0.817],
                         [0.836, 0.836, 0.869, 0.800, 0.833],
                         [0.852, 0.852, 0.918, 0.783, 0.867],
                         [0.803, 0.852, 0.902, 0.783, 0.867],
                         [0.885, 0.787, 0.869, 0.750, 0.833]], index=strengths)
means = accuracy.mean(axis=1)
best_l2 = means.idxmax()
standard_error = np.std(accuracy.loc[best_l2], ddof=1) / np.sqrt(accuracy.shape[1])
within = means[means >= means[best_l2] - standard_error]
chosen_l2 = max(within.index)
print("mean accuracy:", means.round(3).to_dict())
print(f"best l2 {best_l2:g} (mean {means[best_l2]:.3f}, standard error {standard_error:.3f})")
print("within one standard error:", [f"{s:g}" for s in within.index], "-> chosen", f"{chosen_l2:g}")
# stub: best_l2 = ...
# stub: chosen_l2 = ...
### END SOLUTION

# %%
# NBVAL_CHECK_OUTPUT
ex.check("3", best_l2=best_l2, chosen_l2=chosen_l2)

# %% [markdown] tags=["solution"]
# The folds disagree a lot (sd 0.02–0.06), so the best mean is only a little above its neighbours.
# The rule prefers the stronger penalty, whose mean is within the noise of the best.

# %% [markdown]
# ## Exercise 4 · When does an L2 penalty inside Adam act like weight decay?
#
# In the lesson, weight *b* got no data gradient at all. Now give it small ones: `optimize(...,
# gradient_b=g)` (from the setup cell) alternates b's data gradient between +g and −g, while *a*'s
# stays ±10. A weight's **shrinkage factor** is its final value divided by its final value under
# plain Adam with the same `gradient_b` (no penalty, no decay). All runs: 100 steps, learning rate
# 0.02; a fresh optimizer object per run.
#
# - `shrink_l2_small`: b's factor under `Adam(learning_rate=0.02)` with `l2=0.01`, for
#   `gradient_b=0.1`;
# - `shrink_l2_unit`: the same for `gradient_b=1.0`;
# - `shrink_decay_small`: b's factor under `AdamW(learning_rate=0.02, weight_decay=0.02)` (no `l2`),
#   for `gradient_b=0.1`.
#
# Compare the three with AdamW's factor in the lesson, $(1 - 0.02 \cdot 0.02)^{100} \approx 0.961$.

# %% tags=["solution", "exercise-4"]
### BEGIN SOLUTION
plain_b = {g: optimize(keras.optimizers.Adam(learning_rate=0.02), gradient_b=g)[1]
           for g in (0.1, 1.0)}  # b under plain Adam: the reference of each factor
shrink_l2_small = optimize(keras.optimizers.Adam(learning_rate=0.02), l2=0.01,
                           gradient_b=0.1)[1] / plain_b[0.1]
shrink_l2_unit = optimize(keras.optimizers.Adam(learning_rate=0.02), l2=0.01,
                          gradient_b=1.0)[1] / plain_b[1.0]
shrink_decay_small = optimize(keras.optimizers.AdamW(learning_rate=0.02, weight_decay=0.02),
                              gradient_b=0.1)[1] / plain_b[0.1]
print(f"Adam + L2, gradients +-0.1: {shrink_l2_small:.3f}")
print(f"Adam + L2, gradients +-1:   {shrink_l2_unit:.3f}")
print(f"AdamW,     gradients +-0.1: {shrink_decay_small:.3f}")
# stub: shrink_l2_small = ...
# stub: shrink_l2_unit = ...
# stub: shrink_decay_small = ...
### END SOLUTION

# %%
# NBVAL_CHECK_OUTPUT
ex.check("4", shrink_l2_small=shrink_l2_small, shrink_l2_unit=shrink_l2_unit,
         shrink_decay_small=shrink_decay_small)

# %% [markdown] tags=["solution"]
# Adam divides the penalty's gradient $2\lambda w$ by the size of the weight's recent gradients.
# With gradients of size 1 that division changes nothing, and the L2 penalty shrinks b exactly like
# weight decay; with gradients of size 0.1 it is multiplied by ten, and b shrinks far more; with
# gradients of size 10 (weight a in the lesson) it almost vanishes. AdamW's decay is the same
# whatever the gradients.

# %% [markdown]
# ## Exercise 5 · Weight decay for a schedule: does the default do anything?
#
# A colleague trains the lesson's network on the 242 training patients of fold 0 with
# `keras.optimizers.AdamW(learning_rate=0.001)` and Keras' default `weight_decay=0.004`, in
# mini-batches of 32, for 100 epochs. They ask whether the weight decay is doing anything, and if
# not, what to use instead.
#
# 1. `steps`: how many optimizer steps does the run take?
# 2. `factor_default`: what share of its size does a weight that the data does not hold in place
#    keep after the run, from the decay alone?
# 3. `weight_decay`: your choice for their run — the value that gives it the same total decay as
#    the lesson's long run (learning rate 0.003, `weight_decay=1.0`, 400 steps), which cut the
#    validation log-loss on every fold.
# 4. `exclude`: the list of strings to pass as `var_names` to `exclude_from_weight_decay` so that
#    the kernels decay and the biases do not.
#
# Print `factor_default` and the factor of your `weight_decay`: those two numbers are your answer to
# the colleague.

# %% tags=["solution", "exercise-5"]
### BEGIN SOLUTION
# NBVAL_CHECK_OUTPUT
steps = math.ceil(242 / 32) * 100  # one step per mini-batch, the smaller last one included
factor_default = (1 - 0.001 * 0.004) ** steps
weight_decay = 0.003 * 1.0 * 400 / (0.001 * steps)  # the same lr * wd * steps as the lesson's
exclude = ["bias"]  # a Dense layer's variables are 'kernel' and 'bias'
print(f"{steps} steps; the default keeps {factor_default:.4f} of a weight's size; "
      f"weight_decay={weight_decay:g} keeps {(1 - 0.001 * weight_decay) ** steps:.2f}")
# stub: steps = ...
# stub: factor_default = ...
# stub: weight_decay = ...
# stub: exclude = ...
### END SOLUTION

# %%
# NBVAL_CHECK_OUTPUT
ex.check("5", steps=steps, factor_default=factor_default, weight_decay=weight_decay,
         exclude=exclude)

# %% [markdown] tags=["solution"]
# The default keeps 99.7 % of each weight over the whole run — a shrinkage no score could detect:
# Keras' default is sized for runs of a hundred thousand steps or more. With a third of the lesson's
# learning rate and twice its steps, `weight_decay` must be 1.5 for the same product learning rate ×
# weight decay × steps, 1.2 (a weight keeps 30 % of its size). Whether that much decay also *helps* their
# run is for paired cross-validation to say, as in the lesson.

# %% [markdown]
# ## Where next
#
# Lesson 08 regularizes in a completely different way: dropout switches random units off while
# the network trains.
