# %% [markdown]
# # 11 · Regularizing with data and targets
#
# Lessons 07–10 regularized a network by changing its weights (penalties), its units (dropout), its
# layers' inputs (batch normalization) or its training time (early stopping). This lesson turns to
# other common regularizers, which act on the **model's size**, the
# **training data** and the **targets**: a smaller network, data augmentation, label smoothing,
# noise on the inputs and a cap on each unit's weights. Each is a line of Keras; what each one buys
# is not the same on every problem, so each is measured here — on paired runs (the same three
# training sets, the same initial weights), with the log-loss beside the accuracy — and the
# verdicts say what these runs show, no more.
#
# ### Learning objectives
# After this lesson you can
# 1. treat the size of a network as a regularizer, and read a width sweep: training loss, test
#    log-loss and their gap;
# 2. put augmentation layers (`RandomTranslation`, `RandomRotation`) inside a Keras model, show
#    that they act only in training, and say when augmentation pays;
# 3. train with label smoothing (`CategoricalCrossentropy(label_smoothing=...)`) and measure what it
#    does to confidence and calibration, with the log-loss, the expected calibration error (written
#    from scratch) and a reliability diagram;
# 4. add input noise with `GaussianNoise` and cap each unit's weights with
#    `kernel_constraint=MaxNorm(c)`, and check the cap from scratch in NumPy;
# 5. compare regularizers on paired runs and word the verdict as the evidence allows.
#
# **Prerequisites:** lessons 07 (Keras networks, `regutils.training`), 08 (the digits, paired
# runs, training vs inference mode) and 10 (validation and test roles); the log-loss of lesson 06.
# **Time:** about 50 minutes to work through; the notebook runs top to bottom in <!--time:11_data_and_targets-->20 s<!--/time--> on a 2-core CPU.
#
# **How to read this notebook.** Outputs are stored, so you can read first and run later
# (*Run ▸ Run All Cells*). Lines that start with ✔ are **claims**: a statement from the text,
# the number this run measured, and the rule it must meet — for example
# `✔ label smoothing raises the test log-loss on every run — paired change: +0.089, +0.146, +0.124 (claim: each > +0.030)`.
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
from regutils.plots import plot_reliability
from regutils.training import reset_model, train

# Seeds, threads, quiet logs, before TensorFlow loads. SEED is 0 unless the environment
# variable REGUTILS_SEED says otherwise; every random choice below derives from it.
SEED = regutils.setup_notebook(seed=0, keras=True)
import keras  # after setup_notebook, which configures TensorFlow first

# %% [markdown]
# ## 1 · The test bed: 300 digits, a network that memorises them
#
# The digits of lesson 08 (1,797 images of 8×8 pixels, scaled to [0, 1]). Each **run** draws 300
# training images (30 per digit) and keeps the other 1,497 as its test set; three runs (0, 1, 2)
# use three different draws, and each run draws its own initial weights. Every method below is
# trained on the same three draws, each from its run's initial weights, with its run's batch order,
# so the differences between methods are **paired**.
#
# The network: 64 inputs → 256 ReLU units → 10 softmax outputs, trained with Adam (learning rate
# 0.003) on batches of 100 for 60 epochs. `network()` takes the pieces the later sections add:
# layers in front of the hidden layer, its width, and a constraint on its weights.

# %%
digits = load_digits()
X = (digits.data / 16.0).astype("float32")  # 64 pixels per image, in [0, 1]
y = digits.target
RUNS = (1, 2, 0)  # run 0 last, so each model ends with run 0's weights


def run_seed(k):
    # Run k of seed SEED: 3 * SEED + k, so no two seeds share a training set or initial weights.
    return 3 * SEED + k


splits = {k: train_test_split(X, y, train_size=300, stratify=y, random_state=run_seed(k))
          for k in RUNS}  # run k: X_train, X_test, y_train, y_test
EPOCHS, BATCH_SIZE, LEARNING_RATE = 60, 100, 0.003


def network(width=256, front=(), constraint=None):
    # 64 inputs -> [front layers] -> Dense(width, relu) -> 10 softmax outputs.
    return keras.Sequential([
        keras.Input(shape=(64,)),
        *front,
        keras.layers.Dense(width, activation="relu", kernel_constraint=constraint),
        keras.layers.Dense(10, activation="softmax"),
    ])


def initial_weights(width=256):
    # One draw of initial weights per run, shared by every method of that width.
    weights = {}
    for k in RUNS:
        keras.utils.set_random_seed(run_seed(k))
        weights[k] = network(width).get_weights()
    return weights


start = initial_weights()  # the initial weights of the 256-unit networks, run by run


# %% [markdown]
# Section 3 also scores every model on a second test set: the same test images **shifted by one
# pixel** (up, down, left or right, at random). The digits in scikit-learn's set are centred and
# size-normalised; shifted digits are what a slightly different scanner would produce.

# %%
def shift_one_pixel(images, seed):
    # Each 8x8 image moved one pixel up, down, left or right (chosen at random); the pixels
    # that come in from the border are blank.
    rng = np.random.default_rng(seed)
    padded = np.pad(images.reshape(-1, 8, 8), ((0, 0), (1, 1), (1, 1)))
    moves = np.array([(0, 1), (2, 1), (1, 0), (1, 2)])[rng.integers(0, 4, len(images))]
    shifted = [p[r:r + 8, c:c + 8] for p, (r, c) in zip(padded, moves)]
    return np.stack(shifted).reshape(-1, 64)


shifted_test = {k: shift_one_pixel(splits[k][1], seed=(SEED, k)) for k in RUNS}


def log_loss(p, labels):
    # Mean cross-entropy of the true digit (the log-loss of lesson 06).
    return -np.mean(np.log(np.clip(p[np.arange(len(labels)), labels], 1e-7, 1.0)))


# %%
def fit_runs(model, loss="sparse_categorical_crossentropy", one_hot=False, weights=None):
    # Train `model` from `weights` (default: `start`, run by run) on each run's training set; score it with its layers in inference mode. Returns a table (one row per run) and
    # each run's predicted test probabilities.
    model.compile(optimizer=keras.optimizers.Adam(LEARNING_RATE), loss=loss)
    rows, probabilities = {}, {}
    for k in RUNS:
        reset_model(model, (start if weights is None else weights)[k])
        X_train, X_test, y_train, y_test = splits[k]
        keras.utils.set_random_seed(run_seed(k))  # the same batch order for every method
        targets = keras.utils.to_categorical(y_train, 10) if one_hot else y_train
        train(model, X_train, targets, epochs=EPOCHS, batch_size=BATCH_SIZE)
        row = {}
        for part, (X_part, y_part) in {"train": (X_train, y_train), "test": (X_test, y_test),
                                       "shifted": (shifted_test[k], y_test)}.items():
            p = np.asarray(model(X_part, training=False))
            row[f"{part}_loss"], row[f"{part}_accuracy"] = log_loss(p, y_part), np.mean(p.argmax(1) == y_part)
        probabilities[k] = np.asarray(model(X_test, training=False))
        row["confidence"] = probabilities[k].max(axis=1).mean()  # mean top probability
        rows[k] = row
    return pd.DataFrame(rows).T.sort_index().rename_axis("run"), probabilities


# %%
plain = network()
results, test_probabilities = {}, {}
results["plain"], test_probabilities["plain"] = fit_runs(plain)
print(results["plain"][["train_loss", "test_loss", "train_accuracy", "test_accuracy"]].round(3).to_string())
gap = results["plain"]["test_loss"] - results["plain"]["train_loss"]
claim("the plain network gets every training image right — training accuracy",
      results["plain"]["train_accuracy"], equals=1, fmt=".3f")
claim("… with a training loss near zero — training log-loss", results["plain"]["train_loss"],
      below=0.03, fmt=".3f")
claim("… and a test log-loss well above it, on every run — gap (test − training)", gap,
      above=0.08, fmt=".3f")

# %% [markdown]
# The plain network memorises its 300 images: all right, with a training loss near zero and a test
# log-loss more than 0.08 higher — the **gap** between test and training loss that lesson 01 called
# the generalization gap. Yet its test accuracy is about 0.95: the digits are an easy problem,
# and what overfitting costs here shows more in the log-loss than in the accuracy.
#
# ## 2 · Model capacity: the first regularizer
#
# Before adding anything, ask whether the network needs to be this large. A hidden layer of fewer
# units has fewer ways to memorise. We train widths 4, 16 and 64 on the same runs (each width
# has its own initial weights, one draw per run) and set them beside the 256 units of section 1. The nine trainings take about 15 s on a 2-core laptop; a line below
# the cell counts the widths done.

# %%
widths = {}
for width in regutils.progress((4, 16, 64), "widths"):
    widths[width] = fit_runs(network(width), weights=initial_weights(width))[0]
widths[256] = results["plain"]
by_width = pd.concat(widths, names=["width"])
by_width["gap"] = by_width["test_loss"] - by_width["train_loss"]
summary = by_width[["train_loss", "test_loss", "gap", "test_accuracy"]].groupby("width").agg(["mean", "std"])
print("mean and sd over the three runs:\n" + summary.round(3).to_string())

# %%
fig, axes = plt.subplots(1, 3, figsize=(14, 3.8))
panels = (("loss", "log-loss", ("train", "test")), ("gap", "test − training log-loss", ("",)),
          ("accuracy", "accuracy", ("train", "test")))
for ax, (metric, label, parts) in zip(axes, panels):
    for part, style, color in zip(parts, ("o-", "s--"), ("#0072B2", "#D55E00")):
        table = by_width[f"{part}_{metric}" if part else metric].unstack("run")
        for k in RUNS:
            ax.plot(table.index, table[k], style, color=color if part else "black", alpha=0.6,
                    label=(part or "gap") if k == 0 else None)
    ax.set_xscale("log", base=2)
    ax.set_xticks([4, 16, 64, 256], labels=["4", "16", "64", "256"])
    ax.set(xlabel="hidden units (log scale)", ylabel=label, title=f"{label.capitalize()} by width")
    ax.legend(title="one line per run", fontsize="small")
axes[0].set_yscale("log")
plt.show()

# %%
train_loss = by_width["train_loss"].unstack("run")
gap = by_width["gap"].unstack("run")
claim("4 units underfit: training accuracy below 0.9 on every run",
      widths[4]["train_accuracy"], below=0.9, fmt=".2f")
claim("each step up in width lowers the training loss, on every run — ratio to the narrower",
      (train_loss.iloc[1:].to_numpy() / train_loss.iloc[:-1].to_numpy()), below=1, fmt=".2f")
claim("the gap grows from 4 to 256 units on every run — change", gap.loc[256] - gap.loc[4],
      above=0.05, fmt="+.3f")
claim("… and at each step on average — mean change of the gap per step (4→16, 16→64, 64→256)",
      gap.diff().iloc[1:].mean(axis=1), above=0, fmt="+.3f")
claim("256 units still have a lower test log-loss than 16, on every run — paired change",
      widths[256]["test_loss"] - widths[16]["test_loss"], below=0, fmt="+.3f")


# %% [markdown]
# Capacity acts like a regularization strength: each step up in width fits the training images better
# on every run, and the gap to the test loss grows — from 4 to 256 units on every run, and at each
# step on average (the steps above 16 units add only a few hundredths, less than the run-to-run spread
# of the test loss). Four units cannot even fit the training set. But here the widest network still
# has a better test log-loss than the narrow ones: on this problem a narrow network loses more fit
# than it saves in overfitting. The usual practice follows from that — choose a network large enough
# to fit the training data well, then regularize it — and a width is tuned like any other strength, on
# validation data.
#
# ## 3 · Data augmentation, inside the model
#
# Augmentation makes new training examples from old ones by transformations that should not change
# the label: a digit shifted by a pixel is the same digit. Keras' **preprocessing layers** do it
# inside the model, on every batch: `RandomTranslation`, `RandomRotation`, `RandomZoom`, … They act
# only in training mode; in inference mode (`predict`, `evaluate`, `model(x, training=False)`) they
# pass the images through unchanged. When you call a model yourself, pass `training=False`: in Keras 3
# a bare `model(x)` leaves these image layers in training mode (this lesson's code always passes the
# flag). The layers expect images, so we reshape the 64 pixels to 8×8×1 and back.
#
# `RandomTranslation(0.125, 0.125)` moves each training image by a random amount of up to 12.5 % of
# its height **and** of its width (one pixel of eight), both at once. The amounts are fractions of a
# pixel, so the moved image is interpolated, which also blurs the digit a little (the figure). The
# shifted test set of section 1 moves each image by one whole pixel along one axis: a change of the
# kind this augmentation trains for, so it is the best case for augmentation.

# %%
def augmentation():
    return [keras.layers.Reshape((8, 8, 1)),
            keras.layers.RandomTranslation(0.125, 0.125, fill_mode="constant", seed=SEED),
            keras.layers.Flatten()]


augment_net = network(front=augmentation())
images = X[:5]
training_1, training_2 = (np.asarray(augment_net.layers[1](images.reshape(-1, 8, 8, 1), training=True))
                          for _ in range(2))
inference = np.asarray(augment_net.layers[1](images.reshape(-1, 8, 8, 1), training=False))
claim("in training the same images come out different each call — mean |difference|",
      np.abs(training_1 - training_2).mean(), above=0.01, fmt=".3f")
claim("in inference mode they come out unchanged — largest |output - input|",
      np.abs(inference.reshape(-1, 64) - images).max(), equals=0, fmt=".1g")
fig, axes = plt.subplots(1, 4, figsize=(8, 2.3))
for ax, picture, title in zip(axes, (images[0], training_1[0], training_2[0], inference[0]),
                              ("original", "training call 1", "training call 2", "inference")):
    ax.imshow(picture.reshape(8, 8), cmap="gray_r")
    ax.set_title(title, fontsize="small")
    ax.axis("off")
fig.suptitle("RandomTranslation: one digit, two training calls and one inference call")
plt.show()

# %%
results["augmented"], test_probabilities["augmented"] = fit_runs(augment_net)
columns = ["train_loss", "test_loss", "test_accuracy", "shifted_loss", "shifted_accuracy"]
pair = pd.concat({"plain": results["plain"][columns], "augmented": results["augmented"][columns]},
                 names=["model"])
print(pair.round(3).to_string())
change = results["augmented"] - results["plain"]  # paired, run by run
claim("augmentation raises the training loss on every run — paired change",
      change["train_loss"], above=0.02, fmt="+.3f")
claim("on the centred test images it lowers the accuracy on average — mean change",
      change["test_accuracy"], on="mean", below=0, fmt="+.3f")
claim("… and raises the test log-loss on average — mean change", change["test_loss"], on="mean",
      above=0.02, fmt="+.3f")
claim("on the shifted test images it adds more than 20 points of accuracy — change",
      change["shifted_accuracy"], above=0.2, fmt="+.3f")
claim("… and cuts the log-loss by more than 1 — change", change["shifted_loss"], below=-1, fmt="+.2f")

# %% [markdown]
# Shifting by one pixel makes the training images harder to memorise (a higher training loss). On
# the test images, which are centred like the training images, it costs a little: the accuracy fell
# on average (not on every run: the table) and the log-loss rose on average — the network spends
# capacity on shifted, blurred digits it will not meet there. On the shifted test images the plain
# network falls apart — a pixel's shift is a large change for an 8×8 image — while the augmented
# one keeps most of its accuracy. Augmentation is a statement about the data: *these changes do not
# change the label*. It pays when the data you will predict on varies that way, and costs a little
# when it does not. Choose the transformations, and their strength, from what the real data does
# (and check on validation data that looks like it); `RandomRotation` (exercise 1) and `RandomZoom`
# work the same way.
#
# ## 4 · Label smoothing: softer targets
#
# Cross-entropy with one-hot targets rewards pushing the right class's probability all the way to 1.
# **Label smoothing** (Szegedy et al. 2016) trains against softened targets instead: with smoothing
# ε and 10 classes, the right digit's target is 1 − ε + ε/10 and every other digit's ε/10. In Keras
# it is an argument of the loss, which then needs one-hot labels:

# %%
smoothed = keras.losses.CategoricalCrossentropy(label_smoothing=0.1)
results["label smoothing"], test_probabilities["label smoothing"] = fit_runs(
    network(), loss=smoothed, one_hot=True)
print(pd.concat({"plain": results["plain"], "label smoothing": results["label smoothing"]},
                names=["model"])[["test_loss", "test_accuracy", "confidence"]].round(3).to_string())


# %% [markdown]
# Its training targets never exceed 0.91 (0.9 + 0.1/10). To see what that does to its
# probabilities, measure **calibration**: among the images a model gives confidence about 0.8 (its
# top probability), about 80 % should be right. The **expected calibration error** (ECE) sorts the
# test images into 10 bins by confidence, takes in each bin the gap between accuracy and mean
# confidence, and averages the gaps weighted by the share of images in the bin. A **reliability
# diagram** plots each bin's accuracy against its confidence: a calibrated model lies on the
# diagonal, an over-confident one below it, an under-confident one above.

# %%
def calibration_bins(p, labels, n_bins=10):
    # Per confidence bin [0, 0.1), ..., [0.9, 1]: mean confidence, accuracy, share of images.
    confidence, correct = p.max(axis=1), p.argmax(axis=1) == labels
    bin_of = np.minimum((confidence * n_bins).astype(int), n_bins - 1)
    used = [b for b in range(n_bins) if np.any(bin_of == b)]
    return pd.DataFrame({"confidence": [confidence[bin_of == b].mean() for b in used],
                         "accuracy": [correct[bin_of == b].mean() for b in used],
                         "share": [np.mean(bin_of == b) for b in used]}, index=used)


def expected_calibration_error(p, labels, n_bins=10):
    bins = calibration_bins(p, labels, n_bins)
    return float(np.sum(bins["share"] * np.abs(bins["accuracy"] - bins["confidence"])))


def add_ece(name):
    # The ECE of each run's test predictions, as a column of the method's table.
    results[name]["ece"] = [expected_calibration_error(test_probabilities[name][k], splits[k][3])
                            for k in results[name].index]


for name in results:
    add_ece(name)


# %%
def reliability_diagram(name, ax, n_bins=10):
    # The test predictions of all three runs, pooled, in n_bins confidence bins.
    p = np.concatenate([test_probabilities[name][k] for k in sorted(RUNS)])
    labels = np.concatenate([splits[k][3] for k in sorted(RUNS)])
    return plot_reliability(p, labels, n_bins=n_bins, title=f"{name}, runs pooled", ax=ax)


fig, axes = plt.subplots(1, 2, figsize=(11, 4.4), sharey=True)
for ax, name in zip(axes, ("plain", "label smoothing")):
    reliability_diagram(name, ax)
fig.suptitle("Reliability diagrams (test images of the three runs; ECE of the pooled predictions)")
plt.show()

# %%
change = results["label smoothing"] - results["plain"]
smooth = results["label smoothing"]
claim("label smoothing lowers the mean confidence by more than 0.1 on every run — change",
      change["confidence"], below=-0.1, fmt="+.3f")
claim("… leaving it under-confident: confidence minus accuracy, every run",
      smooth["confidence"] - smooth["test_accuracy"], below=-0.1, fmt="+.3f")
claim("the plain network is close to calibrated: its ECE on every run",
      results["plain"]["ece"], at_most=0.03, fmt=".3f")
claim("label smoothing raises the ECE on every run — change", change["ece"], above=0.08, fmt="+.3f")
claim("label smoothing raises the test log-loss on every run — paired change",
      change["test_loss"], above=0.03, fmt="+.3f")
claim("its accuracy is at most half a point lower on any run — change", change["test_accuracy"],
      at_least=-0.005, fmt="+.3f")

# %% [markdown]
# Here label smoothing did not make a better probability model. The plain network, for all its
# memorising, was already close to calibrated on these digits (an ECE below 0.03 on every run), and
# smoothing pushed it from there to **under-confident**: its points lie above the diagonal, its
# confidence is lower than its accuracy on every run, and both the ECE and the test log-loss got
# worse. Its accuracy was never more than half a point lower (the claim; the table shows changes of up
# to a point or two either way): on its own, not a reason to smooth. Label smoothing improved
# calibration in the large image-classification and translation networks Müller et al. (2019) studied,
# which were over-confident to start with; this one was not. Measure it with a proper score and a
# reliability diagram before trusting its probabilities, and choose ε on validation data (exercise 4).
#
# ## 5 · Noise on the inputs: `GaussianNoise`
#
# `GaussianNoise(stddev)` adds fresh Gaussian noise to its inputs on every training batch and, like
# dropout and the augmentation layers, does nothing in inference mode. On the inputs it is a
# simple form of augmentation — every training image is seen with different noise each epoch
# (Bishop 1995 showed that small input noise acts like a penalty on the network's slopes). The
# pixels are in [0, 1]; we add noise of standard deviation 0.2.

# %%
noise = keras.layers.GaussianNoise(0.2, seed=SEED)
claim("GaussianNoise changes its inputs in training — sd of the change",
      np.std(np.asarray(noise(X, training=True)) - X), equals=0.2, tol=0.005, fmt=".3f")
claim("… and passes them unchanged in inference mode — largest |change|",
      np.abs(np.asarray(noise(X, training=False)) - X).max(), equals=0, fmt=".1g")
results["input noise"], test_probabilities["input noise"] = fit_runs(network(front=[noise]))
change = results["input noise"] - results["plain"]
print(change[["train_loss", "test_loss", "test_accuracy"]].round(3).to_string())
claim("input noise changes the test log-loss by less than 0.05 on every run — paired change",
      change["test_loss"], at_least=-0.05, at_most=0.05, fmt="+.3f")
claim("… and by less than 0.02 on average", change["test_loss"], on="mean", at_least=-0.02,
      at_most=0.02, fmt="+.3f")
claim("its accuracy is no worse than a point below on any run — change",
      change["test_accuracy"], at_least=-0.01, fmt="+.3f")

# %% [markdown]
# No clear effect at this strength: on every run the test log-loss moved by a few hundredths at most
# (the table), by less than 0.02 on average, and the accuracy by less than a point. This is one noise
# level; a larger standard deviation is a stronger regularizer, tuned like any strength on validation
# data.
#
# ## 6 · Max-norm: a cap on each unit's weights
#
# A **max-norm constraint** (used with dropout by Srivastava et al. 2014) limits the length of the
# weight vector coming into each hidden unit: after every update, any unit whose incoming weights
# have a norm above `c` gets them scaled back to norm `c`. In Keras it is the layer's
# `kernel_constraint`. A Dense kernel has shape (inputs, units), so each unit's weights are a
# **column**, and the norm is taken over axis 0. We cap at c = 1, a **mild** cap: a good share of
# the plain network's trained units end up longer than that, but none much longer (the claims below
# measure both). A few units never switch on (dead ReLUs: their weights keep their initial length,
# about 0.63); they are left out of the share.

# %%
capped_net = network(constraint=keras.constraints.MaxNorm(1.0))
results["max-norm 1"], test_probabilities["max-norm 1"] = fit_runs(capped_net)

# From scratch: the norm of each hidden unit's incoming weights (a column of the kernel).
capped_norms = np.linalg.norm(capped_net.layers[0].kernel.numpy(), axis=0)
plain_kernel = plain.layers[0].kernel.numpy()  # run 0, as capped_net
plain_norms = np.linalg.norm(plain_kernel, axis=0)
trained = np.abs(plain_kernel - start[0][0]).max(axis=0) > 1e-4  # False: a unit that never moved
print(f"{np.sum(~trained)} of {len(trained)} units of the plain network never moved (run 0)")
claim("after training, no unit's weights are longer than the cap — largest column norm",
      capped_norms.max(), at_most=1 + 1e-5, fmt=".5f")
claim("without the cap, a good share of trained units would exceed it — share of the plain network's",
      np.mean(plain_norms[trained] > 1), above=0.3, fmt=".0%")
claim("… but none by much: the cap is mild — longest column of the plain network",
      plain_norms.max(), below=2, fmt=".2f")
fig, ax = plt.subplots(figsize=(6.4, 3.4))
for norms, label, style in ((plain_norms, "plain", "-"), (capped_norms, "MaxNorm(1.0)", "--")):
    ax.hist(norms, bins=np.linspace(0.5, plain_norms.max(), 31), histtype="step", linewidth=2,
            linestyle=style, label=label)
ax.axvline(1.0, color="gray", ls=":", label="c = 1")
ax.set(xlabel="norm of a unit's incoming weights", ylabel="hidden units",
       title="Column norms of the hidden kernel after training (run 0)")
ax.legend()
plt.show()

# %%
change = results["max-norm 1"] - results["plain"]
print(change[["train_loss", "test_loss", "test_accuracy", "confidence"]].round(3).to_string())
claim("at this scale max-norm changes the test log-loss by less than 0.01 on every run — change",
      change["test_loss"], at_least=-0.01, at_most=0.01, fmt="+.3f")

# %% [markdown]
# The cap holds exactly — every column is at most 1 long, where many of the plain network's grew
# longer — and yet the test log-loss hardly moved. This cap is mild: it shortens even the longest
# columns by less than half, and most by far less, so a small effect is no surprise (why it is this
# small, we did not measure; a smaller c would bind harder). Max-norm
# earns its keep where weights can grow without limit: with large learning rates, long training,
# and dropout (Srivastava et al. 2014 used it with dropout to allow large learning rates). Here
# the evidence is "no measurable effect of a mild cap", not "no use".
#
# ## 7 · All of them, side by side
#
# Paired changes against the plain network (method minus plain, run by run), mean ± sd over the
# three runs:

# %%
for name in ("input noise", "max-norm 1"):
    add_ece(name)
differences = pd.concat({name: results[name] - results["plain"] for name in results if name != "plain"},
                        names=["method"])
columns = ["test_loss", "test_accuracy", "shifted_accuracy", "confidence", "ece"]
table = differences[columns].groupby("method", sort=False).agg(["mean", "std"])
print("change against the plain network, mean and sd over the three runs:\n" + table.round(3).to_string())


# %% [markdown]
# No regularizer here is a free win on every measure: label smoothing hurt the probabilities (log-loss
# and ECE) without a clear change in accuracy; augmentation bought robustness to shifts the centred
# test set does not have, and paid for it there (a higher log-loss and a lower accuracy on average);
# input noise at this strength and a mild max-norm cap changed little. Each verdict is about this
# network and these 300-image training sets; on other data, measure again — paired, with a proper
# score.
#
# ## 8 · Explore: how many bins?
#
# The ECE depends on how the confidences are binned. Move the slider: the reliability diagrams of
# the plain and the label-smoothed networks (the pooled test predictions of section 4; nothing is
# retrained) with 5 to 30 bins. With many bins each holds few images, and their accuracies get noisy
# (hollow circles: fewer than 20 images); with few bins, gaps of opposite sign inside a bin cancel.

# %%
def show_binning(n_bins=10):
    # Reliability diagrams of the plain and the label-smoothed networks with n_bins bins.
    fig, axes = plt.subplots(1, 2, figsize=(11, 4.4), sharey=True)
    for ax, name in zip(axes, ("plain", "label smoothing")):
        reliability_diagram(name, ax, n_bins=n_bins)
    fig.suptitle(f"Reliability diagrams with {n_bins} bins (test images of the three runs)")
    plt.show()


# %%
# NBVAL_IGNORE_OUTPUT
from ipywidgets import IntSlider

_ = regutils.explore(show_binning, n_bins=IntSlider(value=10, min=5, max=30, description="bins"))

# %% [markdown]
# ## Key takeaways
#
# - **Capacity is the first regularizer**: a wider network fits its training data better and, on
#   average, widens the gap to the test loss; but shrinking below what the problem needs costs more
#   than it saves. Fit first, then regularize, and tune the width on validation data.
# - **Augmentation** lives in the model as preprocessing layers (`RandomTranslation`,
#   `RandomRotation`, …), active in training only. It states an invariance of the data: here
#   shifts of up to a pixel cost a little on centred digits (on average) and saved the model on
#   shifted ones.
# - **Label smoothing** (`CategoricalCrossentropy(label_smoothing=ε)`) lowers confidence. On these
#   digits that made an already calibrated network under-confident, with a worse log-loss and ECE
#   and no clear change in accuracy. Check calibration (ECE, reliability diagram) before trusting it.
# - **`GaussianNoise`** on the inputs, active in training only: no clear effect at the strength
#   tried here.
# - **`kernel_constraint=MaxNorm(c)`** caps each unit's incoming weight vector (a kernel column);
#   the cap is easy to verify in NumPy; a mild cap (c = 1) changed the scores by less than 0.01.
# - Compare regularizers on paired runs, with log-loss beside accuracy, and word each verdict as far
#   as its runs reach.

# %% [markdown]
# ## Check your understanding
#
# 5 short questions on this lesson: answer each in the notebook, with its buttons or in code, e.g. `quiz.answer("1", "b")`; every answer comes with an explanation.

# %%
quiz = regutils.quiz("11")
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
# **Next:** the exercises in
# [11_data_and_targets_exercises.ipynb](11_data_and_targets_exercises.ipynb) (solutions in
# `solutions/`), then lesson 12, choosing and combining regularizers.
#
# ## Further reading
#
# - P. Y. Simard, D. Steinkraus, J. C. Platt, "Best practices for convolutional neural networks
#   applied to visual document analysis", *ICDAR* 2003 — augmentation with distortions of digits.
# - C. Szegedy, V. Vanhoucke, S. Ioffe, J. Shlens, Z. Wojna, "Rethinking the Inception
#   architecture for computer vision", *CVPR* 2016 — label smoothing.
# - R. Müller, S. Kornblith, G. Hinton, "When does label smoothing help?", *NeurIPS* 2019.
# - C. Guo, G. Pleiss, Y. Sun, K. Q. Weinberger, "On calibration of modern neural networks",
#   *ICML* 2017 — reliability diagrams and the expected calibration error.
# - C. M. Bishop, "Training with noise is equivalent to Tikhonov regularization", *Neural
#   Computation* 7 (1995) 108–116.
# - N. Srivastava et al., "Dropout: a simple way to prevent neural networks from overfitting",
#   *JMLR* 15 (2014) — max-norm with dropout.
# - Keras documentation: image augmentation layers, `keras.layers.GaussianNoise`,
#   `keras.losses.CategoricalCrossentropy`, `keras.constraints.MaxNorm`.
