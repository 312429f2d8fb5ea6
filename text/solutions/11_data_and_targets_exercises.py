# %% [markdown]
# # 11 · Regularizing with data and targets — exercises
#
# Four exercises on [lesson 11](11_data_and_targets.ipynb). Write your answer in the cell marked
# `# Write your code here.` and replace each `...`. The setup cells load the digits (300 training
# images, a fixed validation half) and build the data of exercises 2 and 3. No cell depends on your
# answers, so you can skip an exercise and come back.
#
# **Feedback as you go.** The cell after each answer runs `ex.check(...)`: it says `Correct`, or
# what to look at. Stuck? `ex.hint("1")` gives a hint (call it again for the next one), and
# `ex.solution("1")` shows a worked solution — also in `solutions/11_data_and_targets_exercises.ipynb`.

# %% [markdown] tags=["solution"]
# > **Solutions notebook.** This is the worked-solutions version; the exercise notebook in
# > `notebooks/` is generated from it (`make exercises`).

# %%
import numpy as np
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

import regutils
from regutils import claim
from regutils.training import train

SEED = regutils.setup_notebook(seed=0, keras=True)  # before TensorFlow loads
import keras  # after setup_notebook

digits = load_digits()
X = (digits.data / 16.0).astype("float32")
y = digits.target
# The validation half is fixed on purpose: exercise 4's check scores on the same images.
X_pool, X_val, y_pool, y_val = train_test_split(X, y, test_size=0.5, stratify=y, random_state=0)
X_train, _, y_train, _ = train_test_split(X_pool, y_pool, train_size=300, stratify=y_pool,
                                          random_state=SEED)

ex = regutils.exercises("11")  # check(), hint() and solution() for these exercises

# %%
# Exercise 2: the predicted probabilities of a made-up classifier for 1,000 images, and their
# true labels (fixed on purpose: the check rebuilds them).
rng = np.random.default_rng(11)
labels_demo = rng.integers(0, 10, 1000)
scores_demo = rng.normal(size=(1000, 10)) * rng.uniform(0.3, 3.0, size=(1000, 1))
scores_demo[np.arange(1000), labels_demo] += 2.5
probs_demo = np.exp(scores_demo) / np.exp(scores_demo).sum(axis=1, keepdims=True)

# Exercise 3: the kernel of a hidden layer with 64 inputs and 16 units (fixed on purpose).
rng = np.random.default_rng(3)
W = (rng.normal(size=(64, 16)) * rng.uniform(0.05, 0.35, size=16)).astype("float32")

# %% [markdown]
# ## Exercise 1 · Shifts and turns, in training only
#
# Build a `keras.Sequential` for the 64-pixel digits that, **in training only**, moves each image by
# up to **one pixel** up or down and left or right, and turns it by up to **10 degrees** either way;
# then flattens it back and ends with `Dense(64, activation="relu")` and
# `Dense(10, activation="softmax")`. Start with `keras.Input(shape=(64,))`; the augmentation layers
# need images of shape (8, 8, 1). Store it in `model` (no need to train it), and show that two calls
# in training mode on the same images differ while a call in inference mode returns them unchanged.

# %% tags=["solution", "exercise-1"]
### BEGIN SOLUTION
model = keras.Sequential([
    keras.Input(shape=(64,)),
    keras.layers.Reshape((8, 8, 1)),
    keras.layers.RandomTranslation(1 / 8, 1 / 8, fill_mode="constant"),  # 1 of 8 pixels
    keras.layers.RandomRotation(10 / 360, fill_mode="constant"),  # a fraction of a full turn
    keras.layers.Flatten(),
    keras.layers.Dense(64, activation="relu"),
    keras.layers.Dense(10, activation="softmax"),
])
augment = keras.Sequential(model.layers[:4])  # reshape, the two random layers, flatten
first, second = (np.asarray(augment(X_train[:10], training=True)) for _ in range(2))
unchanged = np.asarray(augment(X_train[:10], training=False))
claim("two training calls differ — mean |difference|", np.abs(first - second).mean(), above=0.01,
      fmt=".3f")
claim("inference returns the images — largest |difference|",
      np.abs(unchanged - X_train[:10]).max(), equals=0, fmt=".1g")
# stub: model = ...
### END SOLUTION

# %%
# NBVAL_CHECK_OUTPUT
ex.check("1", model=model)

# %% [markdown]
# ## Exercise 2 · Calibration from scratch
#
# `probs_demo` (setup cell) holds a classifier's predicted probabilities for 1,000 images (one row
# per image, ten columns) and `labels_demo` their true digits. Compute, in NumPy:
#
# - `confidence`: the mean over images of the top probability;
# - `accuracy`: the share of images whose top-probability digit is right;
# - `ece`: the expected calibration error with 10 equal-width confidence bins, [0, 0.1), …,
#   [0.9, 1]: the |accuracy − mean confidence| of each bin, weighted by the bin's share of images.
#
# Its mean confidence is close to its accuracy. Is it calibrated?

# %% tags=["solution", "exercise-2"]
### BEGIN SOLUTION
# NBVAL_CHECK_OUTPUT
top = probs_demo.max(axis=1)
correct = probs_demo.argmax(axis=1) == labels_demo
confidence, accuracy = top.mean(), correct.mean()
bin_of = np.minimum((top * 10).astype(int), 9)  # bin 0 is [0, 0.1), ..., bin 9 is [0.9, 1]
ece = sum(np.mean(bin_of == b) * abs(correct[bin_of == b].mean() - top[bin_of == b].mean())
          for b in range(10) if np.any(bin_of == b))
print(f"confidence {confidence:.3f}, accuracy {accuracy:.3f}, ECE {ece:.3f}")
for b in range(10):
    if np.any(bin_of == b):
        print(f"bin [{b / 10:.1f}, {(b + 1) / 10:.1f}): {np.sum(bin_of == b):3d} images, confidence "
              f"{top[bin_of == b].mean():.2f}, accuracy {correct[bin_of == b].mean():.2f}")
# stub: confidence = ...
# stub: accuracy = ...
# stub: ece = ...
### END SOLUTION

# %%
# NBVAL_CHECK_OUTPUT
ex.check("2", confidence=confidence, accuracy=accuracy, ece=ece)

# %% [markdown] tags=["solution"]
# Over all images the mean confidence is within 0.02 of the accuracy, yet the ECE is about 0.15.
# The bins show why: from a confidence of 0.2 to 0.7 the classifier is right more often than it says
# (under-confident, like the label-smoothed network of the lesson), above 0.7 less often
# (over-confident: its most confident bin is right 58 % of the time). Averaged over all images the
# two errors cancel; bin by bin they do not — which is why the ECE works in bins.

# %% [markdown]
# ## Exercise 3 · Max-norm by hand
#
# `W` (setup cell) is the kernel of a `Dense` layer with 64 inputs and 16 units. Compute
#
# - `norms`: the norm of each **unit's** incoming weight vector (16 numbers);
# - `W_capped`: what `kernel_constraint=keras.constraints.MaxNorm(1.5)` does to `W` after an update:
#   every unit whose weights are longer than 1.5 gets them scaled back to length 1.5, the others are
#   left alone.
#
# Compare your `W_capped` with Keras' `keras.constraints.MaxNorm(1.5)(W)`.

# %% tags=["solution", "exercise-3"]
### BEGIN SOLUTION
norms = np.linalg.norm(W, axis=0)  # a unit's incoming weights are a column: (inputs, units)
W_capped = W * np.minimum(1.0, 1.5 / norms)
keras_capped = np.asarray(keras.constraints.MaxNorm(1.5)(W))
print(f"{np.sum(norms > 1.5)} of 16 units capped; largest |mine - Keras'| "
      f"{np.abs(W_capped - keras_capped).max():.1e}")
# stub: norms = ...
# stub: W_capped = ...
### END SOLUTION

# %%
# NBVAL_CHECK_OUTPUT
ex.check("3", norms=norms, W_capped=W_capped)

# %% [markdown]
# ## Exercise 4 · How much label smoothing? (a decision)
#
# Train the network `64 → Dense(128, relu) → Dense(10, softmax)` on `X_train` with
# `CategoricalCrossentropy(label_smoothing=ε)` for each ε in (0.0, 0.05, 0.1, 0.2) — Adam with
# learning rate 0.003, batches of 100, 100 epochs, each from the same initial weights — and choose ε
# by the **log-loss on the validation images** (`X_val`, `y_val`): the cross-entropy of the true
# digit under the model's predicted probabilities. Store the models in a dict `models` and the
# validation log-losses in a dict `val_log_loss` (both keyed by ε), and set `choice` to the ε you
# choose. Would the choice change if you chose by accuracy? (Training the four networks takes about 15 s on a
# 2-core laptop.)

# %% tags=["solution", "exercise-4"]
### BEGIN SOLUTION
EPSILONS = (0.0, 0.05, 0.1, 0.2)


def make_net():
    return keras.Sequential([keras.Input(shape=(64,)), keras.layers.Dense(128, activation="relu"),
                             keras.layers.Dense(10, activation="softmax")])


keras.utils.set_random_seed(SEED)
start = make_net().get_weights()
models, val_log_loss, val_accuracy = {}, {}, {}
for eps in regutils.progress(EPSILONS, "values of ε"):
    net = make_net()
    net.set_weights(start)
    net.compile(optimizer=keras.optimizers.Adam(0.003),
                loss=keras.losses.CategoricalCrossentropy(label_smoothing=eps))
    keras.utils.set_random_seed(SEED)  # the same batch order for every ε
    train(net, X_train, keras.utils.to_categorical(y_train, 10), epochs=100, batch_size=100)
    p = np.asarray(net(X_val, training=False))
    # The log-loss of the true digit, not net.evaluate(): that scores against smoothed targets.
    val_log_loss[eps] = -np.mean(np.log(np.clip(p[np.arange(len(y_val)), y_val], 1e-7, 1)))
    val_accuracy[eps] = np.mean(p.argmax(axis=1) == y_val)
    models[eps] = net
choice = min(val_log_loss, key=val_log_loss.get)
for eps in EPSILONS:
    print(f"ε = {eps:4}: validation log-loss {val_log_loss[eps]:.3f}, accuracy {val_accuracy[eps]:.3f}")
claim("the validation log-loss rises with every step of ε, 0 → 0.05 → 0.1 → 0.2 — changes",
      np.diff([val_log_loss[eps] for eps in EPSILONS]), above=0.01, fmt="+.3f")
claim("ε = 0.2 has a higher validation log-loss than no smoothing — change",
      val_log_loss[0.2] - val_log_loss[0.0], above=0.05, fmt="+.3f")
# stub: models = ...
# stub: val_log_loss = ...
# stub: choice = ...
### END SOLUTION

# %%
# NBVAL_CHECK_OUTPUT
ex.check("4", models=models, val_log_loss=val_log_loss, choice=choice)

# %% [markdown] tags=["solution"]
# By validation log-loss, no smoothing wins here, and the log-loss rose with every step of ε (the
# claims). This is **one** training set and one initialisation, so it is one run's evidence; the
# lesson's section 4 measured the same direction on three paired runs per seed, and showed why:
# smoothing made the network under-confident. Accuracy can rank the values differently, by margins
# of a point or so (the printed table); when the probabilities will be used, the decision rests on
# a proper score. `net.evaluate()` would report the loss against the *smoothed* targets, which is
# not the log-loss and grows with ε by construction.

# %% [markdown]
# ## Where next
#
# Lesson 12 brings the course's regularizers together: which to reach for first, and what
# combining them buys, measured the same way — on several runs, with a proper score.
