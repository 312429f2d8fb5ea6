# %% [markdown]
# # 08 · Dropout
#
# Weight penalties (lesson 07) keep a network's weights small. Dropout regularizes in a completely
# different way: during training, every unit of a layer is switched off at random, a fresh choice
# for every example, so no unit can rely on particular others being there; for predictions the
# whole network is used. This lesson trains a network on a few hundred handwritten digits until it
# memorises them, adds dropout to its inputs and hidden layers, and measures what changes. Then it
# opens the layer up: what Keras does in training and at inference, dropout written from scratch
# and checked against Keras, the effect of the rate over paired runs, and Monte Carlo dropout, which turns the
# randomness into an estimate of how sure the network is.
#
# ### Learning objectives
# After this lesson you can
# 1. add `Dropout` layers to the inputs and hidden layers of a Keras network, and read `rate`
#    correctly: the fraction of units **dropped** (the dropout paper's *p* is the fraction kept);
# 2. explain inverted dropout — kept units scaled by 1/(1 − rate) in training, the identity at
#    inference — and what `training=True` / `training=False` does;
# 3. write dropout's forward and backward pass in NumPy and check them against Keras;
# 4. measure what dropout changes on small image data — validation log-loss, the generalization
#    gap, accuracy — with paired runs on several training sets, and say what their spread allows
#    about the rate;
# 5. use Monte Carlo dropout for an uncertainty estimate, see that it is larger on ambiguous
#    digits, and use it safely in a network with batch normalization.
#
# **Prerequisites:** lesson 07 (training Keras models with `regutils.training`, loss versus
# accuracy); the generalization gap of lesson 01.
# **Time:** about 50 minutes to work through; the notebook runs top to bottom in <!--time:08_dropout-->22 s<!--/time--> on a 2-core CPU.
#
# **How to read this notebook.** Outputs are stored, so you can read first and run later
# (*Run ▸ Run All Cells*). Lines that start with ✔ are **claims**: a statement from the text,
# the number this run measured, and the rule it must meet — for example
# `✔ dropout narrows the loss gap on every subset — change in gap: -0.081, -0.044, -0.092 (claim: each < 0)`.
# The course's tests re-run every lesson under other random seeds and on other kinds of CPU and
# fail if a claim stops holding. If you change something and see ✘, the claim does not hold for
# *your* run: that is what your change did, not a bug.

# %%
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

import regutils
from regutils import claim
from regutils.plots import plot_history
from regutils.scratch.dropout import dropout_backward, dropout_forward
from regutils.training import reset_model, train

# Seeds, threads, quiet logs, before TensorFlow loads. SEED is 0 unless the environment
# variable REGUTILS_SEED says otherwise; every random choice below derives from it.
SEED = regutils.setup_notebook(seed=0, keras=True)
import keras  # after setup_notebook, which configures TensorFlow first

# %% [markdown]
# ## 1 · The data: handwritten digits, few of them
#
# scikit-learn's digits: 1,797 images of 8×8 pixels with 17 grey levels, digits 0–9 (a
# preprocessed version of the UCI "optdigits" data, shipped inside scikit-learn). We scale the
# pixels to [0, 1], keep half of the images as the validation set, and train on **300 images** (30
# per digit) drawn from the other half — few enough for a network to memorise. To see whether an
# effect is real or luck, we repeat the training on three different draws of 300 (subsets 0,
# 1 and 2).

# %%
digits = load_digits()
X = (digits.data / 16.0).astype("float32")  # 64 pixels per image, in [0, 1]
y = digits.target
X_pool, X_val, y_pool, y_val = train_test_split(X, y, test_size=0.5, stratify=y,
                                                  random_state=SEED)


def training_subset(seed, size=300):
    # A stratified draw of `size` training images from the pool (30 per digit for 300).
    X_sub, _, y_sub, _ = train_test_split(X_pool, y_pool, train_size=size, stratify=y_pool,
                                          random_state=seed)
    return X_sub, y_sub


X_train, y_train = training_subset(SEED)  # training subset 0
print(f"pool {len(X_pool)}, validation {len(X_val)}, one training subset {len(X_train)} images")

fig, axes = plt.subplots(1, 10, figsize=(10, 1.6))
for digit, ax in enumerate(axes):
    ax.imshow(X_train[y_train == digit][0].reshape(8, 8), cmap="gray_r")
    ax.set_title(str(digit))
    ax.axis("off")
fig.suptitle("One training image of each digit (8×8 pixels)")
plt.show()

# %% [markdown]
# ## 2 · A network that memorises the digits
#
# 64 inputs → 256 ReLU → 256 ReLU → 10 softmax outputs (one probability per digit): about 85,000
# weights for 300 images. The `Dropout` layers are already in place with their `rate` as arguments;
# at rate 0 they pass everything through, so this first network has no dropout. Training: Adam with
# learning rate 0.003, mini-batches of 64, 60 epochs; the loss is the cross-entropy of the true
# digit (`sparse_categorical_crossentropy`: the labels are the digits 0–9, not one-hot vectors) —
# the log-loss of lesson 06, a proper score of the predicted probabilities, which we report beside
# accuracy.
#
# `fit_on_subsets` (two cells down) trains a network on each of the three subsets in turn, so each
# cell that calls it — here and in sections 3 and 6 — takes **about 5 s** on a 2-core laptop; a
# line below it counts the training runs as they finish.

# %%
EPOCHS, BATCH_SIZE, LEARNING_RATE = 60, 64, 0.003


def network(input_rate=0.0, hidden_rate=0.0):
    # 64-256-256-10, with dropout on the inputs and after each hidden layer.
    return keras.Sequential([
        keras.Input(shape=(64,)),
        keras.layers.Dropout(input_rate),
        keras.layers.Dense(256, activation="relu"),
        keras.layers.Dropout(hidden_rate),
        keras.layers.Dense(256, activation="relu"),
        keras.layers.Dropout(hidden_rate),
        keras.layers.Dense(10, activation="softmax"),
    ])


# %%
def scores(model, X_part, y_part):
    # Cross-entropy (log-loss) and accuracy with dropout off (training=False), as the model
    # predicts.
    p = np.asarray(model(X_part, training=False))
    return (-np.mean(np.log(np.clip(p[np.arange(len(y_part)), y_part], 1e-7, 1.0))),
            np.mean(p.argmax(axis=1) == y_part))


def fit_on_subsets(model, subsets=(1, 2, 0)):
    # Train `model` from `initial_weights` (below) on each training subset k (drawn with seed
    # SEED + k); score each run. Returns the history of subset 0 (trained last, so `model` ends
    # with those weights) and a table with one row per subset.
    model.compile(optimizer=keras.optimizers.Adam(LEARNING_RATE),
                  loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    rows = {}
    for k in regutils.progress(subsets, "training runs (one per subset)"):
        reset_model(model, initial_weights)
        X_sub, y_sub = training_subset(SEED + k)
        history = train(model, X_sub, y_sub, epochs=EPOCHS, batch_size=BATCH_SIZE,
                        validation_data=(X_val, y_val) if k == 0 else None)
        (train_loss, train_acc) = scores(model, X_sub, y_sub)
        (val_loss, val_acc) = scores(model, X_val, y_val)
        rows[k] = {"train_loss": train_loss, "val_loss": val_loss, "gap": val_loss - train_loss,
                   "train_accuracy": train_acc, "val_accuracy": val_acc}
    return history, pd.DataFrame(rows).T.sort_index().rename_axis("subset")


# %%
keras.utils.set_random_seed(SEED)
plain = network()
# Every network in this lesson starts from these weights (dropout layers have none), so runs
# on the same subset differ only in their dropout: the comparisons below are paired.
initial_weights = plain.get_weights()
plain_history, plain_scores = fit_on_subsets(plain)
fig, axes = plt.subplots(1, 2, figsize=(11, 3.6))
plot_history(plain_history, ("loss",), ax=axes[0], title="No dropout: loss (subset 0)")
plot_history(plain_history, ("accuracy",), ax=axes[1], title="No dropout: accuracy (subset 0)")
plt.show()

# %%
# NBVAL_CHECK_OUTPUT
print(f"weights and biases: {plain.count_params():,}")

# %%
print(plain_scores.round(3).to_string())
print(f"subset 0: validation loss lowest at epoch {plain_history['val_loss'].idxmin()} "
      f"({plain_history['val_loss'].min():.3f}), {plain_history['val_loss'].iloc[-1]:.3f} at "
      f"epoch {EPOCHS}")
claim("on every subset it gets all 300 training images right — training accuracy",
      plain_scores["train_accuracy"], equals=1, fmt=".3f")
claim("… with a training loss of practically zero", plain_scores["train_loss"], below=0.01,
      fmt=".4f")
claim("… and a validation loss over a hundred times higher — validation / training loss",
      plain_scores["val_loss"] / plain_scores["train_loss"], above=100, unit="×", fmt=".0f")
claim("on subset 0 the validation loss bottoms out in the first half of training — epoch "
      "of its lowest",
      plain_history["val_loss"].idxmin(), at_most=EPOCHS / 2, fmt=".0f")
claim("… and then climbs — last epoch's validation loss / its lowest",
      plain_history["val_loss"].iloc[-1] / plain_history["val_loss"].min(), above=1.03,
      unit="×", fmt=".2f")

# %% [markdown]
# On every subset the network gets all 300 training images right with a training loss of
# practically zero, while its validation loss is over a hundred times higher; on subset 0 it
# bottoms out in the first half of training and then climbs: the network keeps growing more
# confident about images it has memorised.
#
# ## 3 · Dropout on the inputs and the hidden layers
#
# The classic recipe (Srivastava et al. 2014): drop 20 % of the inputs and 50 % of the hidden
# units. In Keras, `rate` is the fraction **dropped**: `Dropout(0.2)` keeps 80 % of the pixels. The
# paper writes *p* for the probability of **keeping** a unit (its p = 0.8 for inputs, 0.5 for hidden
# units); PyTorch's `Dropout(p)`, like Keras, means dropped. A wrong reading turns "drop 20 %" into
# "drop 80 %".
# The next cell trains on the three subsets again (about 5 s).

# %%
keras.utils.set_random_seed(SEED)
dropout_net = network(input_rate=0.2, hidden_rate=0.5)
dropout_history, dropout_scores = fit_on_subsets(dropout_net)
fig, axes = plt.subplots(1, 2, figsize=(11, 3.6), sharey=True)
for ax, (name, history) in zip(axes, {"no dropout": plain_history,
                                      "dropout 0.2 / 0.5": dropout_history}.items()):
    plot_history(history, ("loss",), ax=ax, title=f"{name}: loss (subset 0)")
axes[1].set_ylim(0, 0.6)
plt.show()

# %%
print(dropout_scores.round(3).to_string())
compare = pd.DataFrame({"no dropout": plain_scores.mean(),
                        "dropout 0.2/0.5": dropout_scores.mean()})
print("\nmeans over the three subsets:\n" + compare.round(3).to_string())
change = dropout_scores - plain_scores  # per subset: dropout minus no dropout
print("\nchange per subset (dropout minus no dropout):\n"
      + change[["train_loss", "val_loss", "gap", "val_accuracy"]].round(3).to_string())

# %%
claim("with dropout the training loss no longer collapses — training loss / no dropout's",
      dropout_scores["train_loss"] / plain_scores["train_loss"], above=10, unit="×", fmt=".0f")
claim("dropout narrows the loss gap on every subset — change in gap", change["gap"], below=0,
      fmt="+.3f")
claim("the validation accuracy hardly moves: within two points on each subset — change",
      change["val_accuracy"], at_least=-0.02, at_most=0.02, fmt="+.3f")
claim("… and within a point on average", change["val_accuracy"], at_least=-0.01, at_most=0.01,
      on="mean", fmt=".3f")

# %% [markdown]
# With dropout the training loss no longer collapses to zero (dropout makes memorising much
# harder), the gap between training and validation loss narrows on every subset. The
# validation loss itself moves less, and three subsets do not settle its direction: this run's
# changes are printed above, and over repeated runs of this lesson (seeds 0–6, measured when it was
# written) the mean change over the three subsets was negative under 6 of the 7 seeds. The
# validation *accuracy* hardly moves — within two points either way on each subset, within a point
# on average. On this small, easy problem the unregularized network already
# ranks the right digit first on most images; what it gets wrong is how *sure* it is, and the
# cross-entropy measures exactly that. Dropout's accuracy gains show on larger networks trained
# longer on harder data (the paper's MNIST and speech results); a larger run here — the full pool
# of 898 training images, several hundred epochs, wider layers, more repeats — would tell more than
# these 60 epochs.
#
# Note the training curve of the dropout network: Keras measures the training loss *during*
# training, with dropout switched on, so it sits several times above the training loss of the
# finished network with dropout off:

# %%
print(f"training loss in the history (dropout on):    {dropout_history['loss'].iloc[-1]:.3f}")
print(f"training loss of the final model (dropout off): {dropout_scores.loc[0, 'train_loss']:.3f}")
claim("the history's training loss (dropout on) is several times the final model's (dropout off)",
      dropout_history["loss"].iloc[-1] / dropout_scores.loc[0, "train_loss"], above=3, unit="×",
      fmt=".1f")

# %% [markdown]
# So to measure a dropout network's generalization gap, score its training data again with
# dropout off (as `scores` does), not from the history.
#
# ## 4 · What the layer does: inverted dropout
#
# In training (`training=True`), `Dropout(rate)` sets each input to zero with probability `rate`
# and multiplies the survivors by $1/(1 - \text{rate})$, so that each unit's *expected* output equals
# its input. At inference (`training=False`, the default when you call a model or use `predict`) it
# is the identity. Scaling during training rather than at test time is called **inverted
# dropout**: the trained network needs no change for predictions. (The original paper instead
# multiplied the weights by *p* at test time; the expectations are the same.)

# %%
layer = keras.layers.Dropout(0.2, seed=SEED + 1)  # drop 20 %
ones = np.ones((1000, 1000), dtype="float32")
in_training = np.asarray(layer(ones, training=True))
at_inference = np.asarray(layer(ones, training=False))
print(f"training: values {sorted(set(np.unique(in_training).round(6).tolist()))}; "
      f"1 / (1 - 0.2) = {1 / (1 - 0.2)}")
# A million units, each kept with probability 0.8: the share kept varies by sd 0.0004 from
# draw to draw, so "80 %" is checked to ± 0.002 (5 sd), the mean (1.25 × share) to ± 0.0025.
claim("in training it keeps 80 % of the units — share kept", np.mean(in_training != 0),
      equals=0.8, tol=0.002, fmt=".4f")
claim("… so the mean output equals the input's, 1", in_training.mean(), equals=1, tol=0.0025,
      fmt=".4f")
claim("at inference the output equals the input — largest |output - input|",
      np.abs(at_inference - ones).max(), equals=0, fmt=".1g")

# %% [markdown]
# ## 5 · Dropout from scratch, checked against Keras
#
# The whole idea fits in three lines of NumPy. `regutils.scratch.dropout` has them, with argument
# checks and the inference mode; its tests compare it with `keras.layers.Dropout`:
#
# ```python
# mask = rng.random(x.shape) >= rate          # keep each entry with probability 1 - rate
# output = x * mask / (1 - rate)              # forward: scale the kept ones up
# grad_x = grad_output * mask / (1 - rate)    # backward: the same mask, the same scale
# ```
#
# The backward pass follows from the forward one: each output is its input times a constant
# (0 or $1/(1-\text{rate})$), so the gradient flows back through the kept units only, scaled the same
# way. Below, the forward pass against Keras' statistics on a million random activations, then the
# backward pass against a numerical gradient.

# %%
rng = np.random.default_rng(SEED + 1)
activations = rng.uniform(0.5, 1.5, size=(1000, 1000))
ours, mask = dropout_forward(activations, 0.2, training=True, rng=SEED + 2)
theirs = np.asarray(keras.layers.Dropout(0.2, seed=SEED + 2)(activations.astype("float32"),
                                                             training=True))
for name, out in {"from scratch": ours, "Keras": theirs}.items():
    kept = out != 0
    print(f"{name:12s}: kept {kept.mean():.4f}, mean {out.mean():.4f} "
          f"(input {activations.mean():.4f})")
    claim(f"{name}: keeps 80 % of the units", kept.mean(), equals=0.8, tol=0.002, fmt=".4f")
    claim(f"{name}: the kept values are the inputs / 0.8 — largest relative difference",
          np.max(np.abs(out[kept] * 0.8 / activations[kept] - 1)), below=1e-6, fmt=".1e")
    claim(f"{name}: the mean output equals the mean input — their ratio",
          out.mean() / activations.mean(), equals=1, tol=0.0025, fmt=".4f")
claim("from scratch: inference is the identity — largest |output - input|",
      np.abs(dropout_forward(activations, 0.2, training=False)[0] - activations).max(), equals=0,
      fmt=".1g")

# %%
x = rng.normal(size=(5, 4))
grad_output = rng.normal(size=(5, 4))  # the gradient arriving from the layer above


def loss(values):
    # A scalar whose gradient with respect to dropout's output is grad_output (the same mask
    # every call).
    return np.sum(grad_output * dropout_forward(values, 0.5, training=True, rng=SEED + 3)[0])


_, mask = dropout_forward(x, 0.5, training=True, rng=SEED + 3)
analytic = dropout_backward(grad_output, mask, 0.5)
numerical = np.zeros_like(x)
for index in np.ndindex(x.shape):
    step = np.zeros_like(x)
    step[index] = 1e-6
    numerical[index] = (loss(x + step) - loss(x - step)) / 2e-6
claim("the backward pass matches the numerical gradient — largest |analytic - numerical|",
      np.abs(analytic - numerical).max(), below=1e-8, fmt=".1e")
claim("dropped units pass no gradient — largest |gradient| there",
      np.abs(analytic[~mask]).max(initial=0.0), equals=0, fmt=".1g")

# %% [markdown]
# ## 6 · How much to drop: paired runs
#
# One run per rate cannot rank rates: section 3 showed a single run's validation loss moving with
# the training subset. So we compare dropout settings the way section 3 compared dropout with none:
# each setting is trained on the same three training subsets, from the same initial weights, and we
# look at the **paired differences** — subset by subset, the dropout is the only thing that changes
# — with their mean and spread. Three settings (input rate / hidden rate): none (section 2), the
# classic 0.2 / 0.5 (section 3) and a heavy 0.2 / 0.7, trained now. Three settings rather than many
# rates keep the lesson's run time where it was; more runs per setting would serve better than more
# settings. The next cell trains the heavy setting on the three subsets (about 5 s).

# %%
keras.utils.set_random_seed(SEED)
heavy_net = network(input_rate=0.2, hidden_rate=0.7)  # drop 70 % of the hidden units
heavy_history, heavy_scores = fit_on_subsets(heavy_net)

settings = {"none": plain_scores, "0.2 / 0.5": dropout_scores, "0.2 / 0.7": heavy_scores}
runs = pd.concat(settings, names=["dropout"])
columns = ["train_loss", "val_loss", "gap", "val_accuracy"]
summary = runs[columns].groupby(level="dropout", sort=False).agg(["mean", "std"])
print("mean and sd over the three subsets (val_loss is the log-loss):\n"
      + summary.round(3).to_string())
paired = pd.concat({"0.2 / 0.5 minus none": dropout_scores - plain_scores,
                    "0.2 / 0.7 minus none": heavy_scores - plain_scores,
                    "0.2 / 0.7 minus 0.2 / 0.5": heavy_scores - dropout_scores}, names=["pair"])
print("\npaired differences, subset by subset:\n"
      + paired[["val_loss", "gap", "val_accuracy"]].round(3).to_string())

# %%
fig, axes = plt.subplots(1, 3, figsize=(12, 3.6))
panels = (("train_loss", "Training loss (log scale)"), ("val_loss", "Validation log-loss"),
          ("val_accuracy", "Validation accuracy"))
for ax, (column, title) in zip(axes, panels):
    table = pd.DataFrame({name: scores[column] for name, scores in settings.items()})
    for (k, row), style in zip(table.iterrows(), ("o-", "s--", "^:")):
        ax.plot(range(3), row.to_numpy(), style, color="0.45", label=f"subset {k}")
    ax.plot(range(3), table.mean().to_numpy(), "D", color="black", markersize=8, label="mean")
    ax.set_xticks(range(3), list(settings))
    ax.set_xlabel("dropout (input / hidden rate)")
    ax.set_title(title)
axes[0].set_yscale("log")
axes[0].set_ylabel("cross-entropy (dropout off)")
axes[1].set_ylabel("cross-entropy (dropout off)")
axes[2].set_ylabel("share correct")
axes[2].legend(fontsize="small")
fig.suptitle("Three dropout settings on the same three training subsets (lines join paired runs)")
plt.show()

# %%
train_ratio = np.r_[dropout_scores["train_loss"] / plain_scores["train_loss"],
                    heavy_scores["train_loss"] / dropout_scores["train_loss"]]
claim("the training loss rises with each step up in dropout, on every subset — ratio to the "
      "previous setting", train_ratio, above=1.5, unit="×", fmt=".1f")
step = heavy_scores - dropout_scores  # 0.2 / 0.7 minus 0.2 / 0.5, per subset
claim("0.7 has a higher validation log-loss than 0.5 on every subset — paired change",
      step["val_loss"], above=0, fmt="+.3f")
claim("accuracy moves by less than three points against no dropout, on every subset — changes",
      np.r_[(dropout_scores - plain_scores)["val_accuracy"],
            (heavy_scores - plain_scores)["val_accuracy"]],
      at_least=-0.03, at_most=0.03, fmt="+.3f")

# %% [markdown]
# What three paired runs per setting allow us to say:
#
# - **More dropout, less fit.** The training loss (dropout off) rises at each step, on every subset.
# - **Too much dropout costs.** From 0.5 to 0.7 the validation log-loss rises on every subset: the
#   extra noise costs more fit than it buys in generalization.
# - **The classic 0.2 / 0.5 against none**: a narrower gap on every subset (section 3), but a
#   validation log-loss that three subsets cannot rank — lower on average in most repeated runs, not
#   in all.
# - **0.7 against none**: the paired differences are small next to their spread; when this lesson
#   was written, 15 such pairs (5 seeds × 3 subsets) ranged from about −0.03 to +0.07. These runs
#   cannot rank the two.
# - **Accuracy** separates the settings even less: every change against no dropout stays within three
#   points.
#
# So the evidence here supports "0.7 is too much for this network", and no ranking of none against
# 0.5 — not a best rate. Dropping half the hidden units is a common default; to choose the
# rate for your own network, tune it like any other regularization strength — by cross-validation or
# over several training sets, with paired comparisons, never by one run.
#
# ## 7 · Monte Carlo dropout: how sure is the network?
#
# Keep dropout **on** at prediction time (`training=True`) and every forward pass uses a different
# random sub-network, so the predictions vary. Averaging many passes gives a prediction; their
# spread is a cheap estimate of the network's uncertainty (Gal & Ghahramani 2016). We take 100
# passes of the dropout network (as trained on subset 0) over the validation images.

# %%
passes = np.stack([np.asarray(dropout_net(X_val, training=True)) for _ in range(100)])
mc_mean = passes.mean(axis=0)                          # (images, 10): the averaged prediction
predicted = mc_mean.argmax(axis=1)
# The spread: sd over the passes of the probability of each image's predicted digit.
spread = passes[:, np.arange(len(X_val)), predicted].std(axis=0)
single = np.asarray(dropout_net(X_val, training=False)).argmax(axis=1)

order = np.argsort(mc_mean.max(axis=1))
examples = np.r_[order[-4:], order[:4]]  # the 4 most and the 4 least confident
fig, axes = plt.subplots(1, 8, figsize=(11, 2.3))
for ax, i in zip(axes, examples):
    ax.imshow(X_val[i].reshape(8, 8), cmap="gray_r")
    right = predicted[i] == y_val[i]
    ax.set_title(f"{predicted[i]}: {mc_mean[i, predicted[i]]:.2f} ± {spread[i]:.2f}"
                 + ("" if right else f"\n✘ wrong (is {y_val[i]})"), fontsize="small",
                 color="black" if right else "#D55E00", fontweight="normal" if right else "bold")
    ax.axis("off")
fig.suptitle("Most (left) and least (right) confident validation digits: predicted digit, "
             "MC mean ± sd (✘: a wrong prediction, with the true digit)")
plt.show()

# %%
wrong = predicted != y_val
print(f"accuracy: averaged over 100 passes {np.mean(~wrong):.3f}, one pass with dropout off "
      f"{np.mean(single == y_val):.3f}; same digit predicted for "
      f"{np.mean(predicted == single):.1%} of images")
confidence = mc_mean.max(axis=1)
top, bottom = confidence >= np.quantile(confidence, 0.9), confidence <= np.quantile(confidence, 0.1)
print(f"median spread: 10 % most confident {np.median(spread[top]):.3f}, "
      f"10 % least confident {np.median(spread[bottom]):.3f}")
print(f"median spread: correct predictions {np.median(spread[~wrong]):.3f}, wrong ones "
      f"{np.median(spread[wrong]):.3f} ({wrong.sum()} images)")
claim("the averaged prediction and dropout off agree on almost every image — share of images",
      np.mean(predicted == single), at_least=0.97, fmt=".1%")
claim("… and their accuracies are within a point — difference",
      np.mean(~wrong) - np.mean(single == y_val), at_least=-0.01, at_most=0.01, fmt="+.3f")
claim("the spread is several times larger on the least confident tenth than on the most "
      "confident — ratio of medians", np.median(spread[bottom]) / np.median(spread[top]),
      above=3, unit="×", fmt=".1f")
claim("it is larger where the network is wrong — ratio of medians, wrong / correct",
      np.median(spread[wrong]) / np.median(spread[~wrong]), above=1.2, unit="×", fmt=".2f")


# %% [markdown]
# The averaged prediction and the single pass with dropout off agree on almost every image, and
# score within a point of each other — inverted dropout's scaling makes the deterministic network a
# good approximation of the average. What the passes add is the spread: small on the clearest tenth
# of the digits, several times larger on the least clear tenth, and larger (by a fifth or more, in
# the median) on the digits the network gets wrong than on those it gets right. It is an estimate,
# not a calibrated probability — it depends on the rate, and a confidently wrong network stays
# confidently wrong — but it is a useful flag for "look at this one".

# %% [markdown]
# ## 8 · Monte Carlo dropout in a network with batch normalization
#
# `model(x, training=True)` does not switch on dropout alone: it puts **every** layer of the model in
# training mode. That matters for batch normalization (lesson 09 teaches it; all you need here): in
# training, a `BatchNormalization` layer normalizes each unit with the mean and variance of the
# current batch and updates its stored **moving averages** of them; at inference it normalizes with
# the stored averages. Monte Carlo passes with `training=True` through such a network therefore
# normalize with the statistics of whatever batch they are given, and overwrite the averages the
# network learned.
#
# The safe way switches on dropout and nothing else: a `Dropout` subclass that is always in training
# mode, in a model called as usual (`training=False`). Below, one small network with batch
# normalization and dropout, trained briefly, and a twin built with the subclass that gets the same
# weights.

# %%
class MCDropout(keras.layers.Dropout):
    # Dropout that stays on at prediction time: training mode for this layer only.
    def call(self, inputs, training=None):
        return super().call(inputs, training=True)


def bn_network(dropout_layer):
    # 64 -> Dense(128) -> BatchNormalization -> ReLU -> dropout -> 10 softmax outputs.
    return keras.Sequential([
        keras.Input(shape=(64,)),
        keras.layers.Dense(128),
        keras.layers.BatchNormalization(momentum=0.9, name="batch_norm"),  # 0.9: see lesson 09
        keras.layers.Activation("relu"),
        dropout_layer,
        keras.layers.Dense(10, activation="softmax"),
    ])


keras.utils.set_random_seed(SEED)
bn_net = bn_network(keras.layers.Dropout(0.5))  # ordinary dropout
_ = train(bn_net, X_train, y_train, epochs=10, batch_size=BATCH_SIZE,
          learning_rate=LEARNING_RATE, loss="sparse_categorical_crossentropy")
safe_net = bn_network(MCDropout(0.5))  # the same network with dropout always on ...
safe_net.set_weights(bn_net.get_weights())  # ... and the same weights, moving averages included


# %%
def batch_norm_output(model, training):
    # What the batch-normalization layer passes on for the validation images.
    probe = keras.Model(model.inputs[0], model.get_layer("batch_norm").output)
    return np.asarray(probe(X_val, training=training))


def moving_mean(model):
    return np.asarray(model.get_layer("batch_norm").moving_mean).copy()


stored_output, stored_mean = batch_norm_output(bn_net, training=False), moving_mean(bn_net)
# The safe way: the model called as for any prediction; only MCDropout is random.
safe_passes = np.stack([np.asarray(safe_net(X_val)) for _ in range(30)])
safe_change = np.abs(batch_norm_output(safe_net, training=False) - stored_output).max()
# The naive way: the whole model in training mode.
naive_change = np.abs(batch_norm_output(bn_net, training=True) - stored_output)
naive_passes = np.stack([np.asarray(bn_net(X_val, training=True)) for _ in range(30)])

# %%
safe_pred, naive_pred = safe_passes.mean(axis=0).argmax(axis=1), naive_passes.mean(axis=0).argmax(axis=1)
safe_spread = safe_passes[:, np.arange(len(X_val)), safe_pred].std(axis=0).mean()
print(f"batch-norm output, |naive - inference|: mean {naive_change.mean():.3f}, largest "
      f"{naive_change.max():.3f} (mean |output| {np.abs(stored_output).mean():.3f})")
print(f"accuracy of the averaged passes: safe {np.mean(safe_pred == y_val):.3f}, "
      f"naive {np.mean(naive_pred == y_val):.3f}")
claim("naive passes change what batch normalization outputs — mean |change| / mean |output|",
      naive_change.mean() / np.abs(stored_output).mean(), above=0.03, fmt=".1%")
claim("… and overwrite its stored moving mean — largest change",
      np.abs(moving_mean(bn_net) - stored_mean).max(), above=0.01, fmt=".3f")
claim("with MCDropout the batch-norm outputs are those of inference — largest |change|",
      safe_change, equals=0, fmt=".1g")
claim("… its stored moving mean is untouched — largest change",
      np.abs(moving_mean(safe_net) - stored_mean).max(), equals=0, fmt=".1g")
claim("… and dropout still varies the passes — mean sd of the predicted digit's probability",
      safe_spread, above=0.02, fmt=".3f")
claim("on these 899 images both averages score alike — accuracy, naive minus safe",
      np.mean(naive_pred == y_val) - np.mean(safe_pred == y_val), at_least=-0.02, at_most=0.02,
      fmt="+.3f")

# %% [markdown]
# On this batch — all 899 validation images, whose statistics resemble the training images' — the
# naive averages happen to score like the safe ones. The damage is in the mechanism the claims
# show: the naive passes normalized with the batch's own statistics instead of the learned ones, so
# what the network says about an image depends on the batch it arrives in, and they moved the stored
# averages that every later ordinary prediction uses. With `MCDropout` the model is called as for
# any prediction: batch normalization uses its stored averages and only dropout is random. (Another
# safe route: call a network without batch normalization, like section 7's, with `training=True`.)
#
# ## 9 · Explore: the dropout setting
#
# The runs of section 6 on subset 0, precomputed: pick a setting and compare the learning curves.
# The training curve is measured with dropout on (section 3).

# %%
runs_by_setting = {"none": (plain_history, plain_scores),
                   "0.2 / 0.5": (dropout_history, dropout_scores),
                   "0.2 / 0.7": (heavy_history, heavy_scores)}


def show_rate(setting="0.2 / 0.5"):
    # Loss curves on subset 0 for one dropout setting (input / hidden rate) of section 6.
    history, table = runs_by_setting[setting]
    ax = plot_history(history, ("loss",),
                      title=f"Dropout {setting}: validation log-loss "
                            f"{table.loc[0, 'val_loss']:.3f}, gap {table.loc[0, 'gap']:.3f}")
    ax.set_ylim(0, 0.8)
    plt.show()


# %%
# NBVAL_IGNORE_OUTPUT
from ipywidgets import SelectionSlider

_ = regutils.explore(show_rate, setting=SelectionSlider(options=list(runs_by_setting),
                                                        value="0.2 / 0.5", description="dropout"))

# %% [markdown]
# ## Key takeaways
#
# - `keras.layers.Dropout(rate)` drops the fraction `rate` of its inputs in training — the paper's
#   *p* is the fraction kept. Typical: 0.2 on inputs, 0.5 on hidden layers.
# - Keras uses inverted dropout: survivors scaled by 1/(1 − rate) in training, identity at
#   inference; `training=True/False` switches between them.
# - Dropout is three lines of NumPy forward and one backward; a numerical gradient check confirms
#   the backward pass.
# - On 300 digits, dropout narrowed the generalization gap on every training subset; the
#   validation loss and the accuracy moved less, and three subsets could not say which way. Measure the gap with
#   dropout off: the training loss in the history is taken with dropout on.
# - Higher rates fit the training data less. Compare rates with paired runs (same subsets, same
#   initial weights) and look at the spread: here 0.7 was worse than 0.5 on every subset, while
#   none, 0.5 and 0.7 could not all be ranked — tune the rate like any other regularization
#   strength, never from one run.
# - Monte Carlo dropout (dropout on at prediction, many passes) gives an uncertainty estimate that
#   is larger on ambiguous inputs. `model(x, training=True)` puts *every* layer in training mode:
#   with batch normalization, switch on dropout alone (an `MCDropout` layer).

# %% [markdown]
# ## Check your understanding
#
# 5 questions on this lesson's ideas, answered right here in the notebook: pick an answer with the buttons under each question and press *Check*, or type it in code, e.g. `quiz.answer("1", "b")`. A wrong answer says why it is tempting; the right one says where the lesson shows it.

# %%
quiz = regutils.quiz("08")
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
# **Next:** the exercises in [08_dropout_exercises.ipynb](08_dropout_exercises.ipynb) (solutions in
# `solutions/`), then lesson 09, batch normalization.
#
# ## Further reading
#
# - N. Srivastava, G. Hinton, A. Krizhevsky, I. Sutskever, R. Salakhutdinov, "Dropout: a simple way
#   to prevent neural networks from overfitting", *JMLR* 15 (2014) 1929–1958.
# - G. Hinton et al., "Improving neural networks by preventing co-adaptation of feature
#   detectors", arXiv:1207.0580 (2012).
# - Y. Gal, Z. Ghahramani, "Dropout as a Bayesian approximation: representing model uncertainty in
#   deep learning", *ICML* 2016 — Monte Carlo dropout.
# - I. Goodfellow, Y. Bengio, A. Courville, *Deep Learning* (2016), §7.12 (dropout).
# - Keras documentation: `keras.layers.Dropout`; scikit-learn user guide: the digits dataset
#   (`sklearn.datasets.load_digits`, from the UCI optical recognition of handwritten digits data).
