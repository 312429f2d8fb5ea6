# %% [markdown]
# # 10 · Early stopping
#
# Train a large network long enough and it will learn its training set by heart — including the
# mistakes in it. **Early stopping** watches the error on validation data while training and
# keeps the weights from the epoch where that error was lowest. It costs one held-out set and no
# change to the model, it saves training time, and it is probably the most used regularizer in
# deep learning. This lesson makes overfitting visible, stops it with Keras' `EarlyStopping`,
# measures what its settings cost (patience, the easily missed `restore_best_weights`, and
# `min_delta`, `start_from_epoch` and `baseline`), checks the gain against a clean-label control, and
# writes a second stopping rule — Prechelt's generalization loss — as a custom Keras callback.
#
# ### Learning objectives
# After this lesson you can
# 1. stop training with `keras.callbacks.EarlyStopping(monitor="val_loss", patience=...,
#    restore_best_weights=True)` and read where and why it stopped;
# 2. explain and measure what the default `restore_best_weights=False` costs;
# 3. weigh patience: epochs saved against accuracy, from your own runs;
# 4. say what `min_delta`, `start_from_epoch` and `baseline` change in the rule, and when early
#    stopping buys much (noisy labels) or little (clean labels);
# 5. implement a stopping rule as a Keras callback (Prechelt's GL criterion) and compare it with
#    patience.
#
# **Prerequisites:** lessons 07–09 (Keras networks, `regutils.training.train`, training and
# validation curves); the train/validation/test roles from lesson 01.
# **Time:** about 45 minutes to work through; the notebook runs top to bottom in <!--time:10_early_stopping-->26 s<!--/time--> on a 2-core CPU.
#
# **How to read this notebook.** Outputs are stored, so you can read first and run later
# (*Run ▸ Run All Cells*). Lines that start with ✔ are **claims**: a statement from the text,
# the number this run measured, and the rule it must meet — for example
# `✔ restoring, every patience beats training all 50 epochs by more than 0.05 on average: 0.111, 0.109, 0.089, 0.089, 0.089 (claim: each > 0.050)`.
# The course's tests re-run every lesson under other
# random seeds and on other kinds of CPU and fail if a claim stops holding. If you change
# something and see ✘, the claim does not hold for *your* run: that is what your change did,
# not a bug.

# %%
import inspect
import textwrap

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

import regutils

SEED = regutils.setup_notebook(seed=0, keras=True)  # seeds, threads, quiet logs; before Keras
import keras

from regutils import claim
from regutils.callbacks import GeneralizationLoss, generalization_loss
from regutils.plots import plot_history
from regutils.training import build_mlp, reset_model, train

# %% [markdown]
# ## 1 · Data with noisy labels
#
# The digits from lesson 09 (1,797 images of 8×8 pixels, ten classes) are so clean that a network
# overfits them only slowly. Real labels are rarely that clean: annotators slip, and even curated
# benchmarks contain label errors (Northcutt et al. 2021). We give the training set that problem
# on purpose: **30 % of the training images get a label drawn at random** (sometimes, by chance,
# the right one). The validation and test labels stay correct, so they measure what we want —
# how well the network reads digits. We hold out 40 % of the images as a test set, used only to
# judge the stopping rules, and split the rest evenly into training and validation sets.
#
# We keep the right labels too, as a **control**: the same network trained with the same seeds on
# them shows what early stopping buys when there is nothing wrong to memorize.

# %%
# NBVAL_CHECK_OUTPUT
digits = load_digits()
X = (digits.data / 16.0).astype("float32")
y = digits.target
X_dev, X_test, y_dev, y_test = train_test_split(X, y, test_size=0.4, stratify=y, random_state=SEED)
X_train, X_val, y_train, y_val = train_test_split(X_dev, y_dev, test_size=0.5, stratify=y_dev,
                                                  random_state=SEED)
rng = np.random.default_rng(SEED)
relabel = rng.random(len(y_train)) < 0.3
y_noisy = y_train.copy()
y_noisy[relabel] = rng.integers(0, 10, relabel.sum())  # a random digit, maybe the right one
print("training / validation / test images:", len(X_train), len(X_val), len(X_test))

# %%
wrong = np.mean(y_noisy != y_train)
print(f"training labels that are now wrong: {wrong:.0%}")
# 30 % relabelled, one in ten of them by chance to the right digit: about 27 % expected.
claim("about a quarter of the training labels are wrong", wrong, at_least=0.2, at_most=0.34, fmt=".0%")

# %% [markdown]
# ## 2 · Train too long, and watch
#
# A network with two hidden layers of 256 ReLU units (`build_mlp`, lesson 07) has plenty of
# capacity to memorize 539 images. Train it for 50 epochs with Adam on batches of 32, three times
# (seeds `SEED`, `SEED + 1`, `SEED + 2`: other initial weights and batch order), on the noisy and
# on the clean labels, and score the test set after every epoch — a `LambdaCallback` does that —
# so that we can later read off any epoch's test accuracy and test log-loss (the proper score of
# lesson 06: it also sees how confident the right and the wrong answers were).
#
# Keras spends a second or more tracing each new network's training step, so we build and compile
# one network and, for each run, put it back to a seed's fresh weights with `reset_model` (which
# also resets the optimizer). The loop below trains six networks for 50 epochs each and shows how
# many are done as it goes; it takes about 20 s on a 2-core laptop.

# %%
EPOCHS, SEEDS = 50, (SEED, SEED + 1, SEED + 2)
model = build_mlp(64, (256, 256), n_outputs=10, output_activation="softmax")
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])


def fresh_start(seed):
    # The seed's initial weights, a reset optimizer, and the seed's batch order.
    reset_model(model, build_mlp(64, (256, 256), n_outputs=10, output_activation="softmax",
                                 seed=seed).get_weights())
    keras.utils.set_random_seed(seed)


def test_accuracy(weights):
    # Accuracy on the (clean) test set of the network with these weights, in inference mode.
    model.set_weights(weights)
    return float(np.mean(np.asarray(model(X_test, training=False)).argmax(axis=1) == y_test))


def test_scores(probabilities):
    # Test accuracy and log-loss of each epoch's predicted class probabilities.
    p = np.stack(probabilities)
    accuracy = (p.argmax(axis=2) == y_test).mean(axis=1)
    log_loss = -np.log(np.clip(p[:, np.arange(len(y_test)), y_test], 1e-7, 1)).mean(axis=1)
    return accuracy, log_loss


# %%
runs = {}  # (labels, seed) -> history, with the test scores of every epoch
label_sets = {"noisy": y_noisy, "clean": y_train}
for labels, seed in regutils.progress([(labels, seed) for labels in label_sets for seed in SEEDS],
                                      "training runs"):
    fresh_start(seed)
    probabilities = []
    score_test = keras.callbacks.LambdaCallback(on_epoch_end=lambda epoch, logs: probabilities.append(
        np.asarray(model(X_test, training=False))))
    history = train(model, X_train, label_sets[labels], validation_data=(X_val, y_val), epochs=EPOCHS,
                    batch_size=32, callbacks=[score_test], loss="sparse_categorical_crossentropy")
    history["test_accuracy"], history["test_log_loss"] = test_scores(probabilities)
    runs[labels, seed] = history
long_runs = {seed: runs["noisy", seed] for seed in SEEDS}  # the noisy runs, used from here on
test_by_epoch = {seed: long_runs[seed]["test_accuracy"] for seed in SEEDS}

# %%
history = long_runs[SEED]
best_epoch = int(history["val_loss"].idxmin())
fig, axes = plt.subplots(1, 2, figsize=(11, 3.6))
plot_history(history, ("loss",), mark_epoch=best_epoch, ax=axes[0],
             title=f"Loss (seed {SEED}); the line marks the lowest validation loss")
plot_history(history, ("accuracy",), mark_epoch=best_epoch, ax=axes[1],
             title=f"Accuracy (seed {SEED}; {wrong:.0%} of training labels wrong)")
axes[1].plot(test_by_epoch[SEED].index, test_by_epoch[SEED], color="#009E73", ls="-.", lw=1.2,
             label="test accuracy (dash-dot)")
axes[1].legend(fontsize="small")
plt.show()

# %%
summary = pd.DataFrame({seed: {
    "best epoch (lowest val_loss)": int(h["val_loss"].idxmin()),
    "val_loss at best": h["val_loss"].min(), f"val_loss at {EPOCHS}": h["val_loss"].iloc[-1],
    "test accuracy at best": test_by_epoch[seed][int(h["val_loss"].idxmin())],
    f"test accuracy at {EPOCHS}": test_by_epoch[seed].iloc[-1],
    f"training accuracy at {EPOCHS} (noisy labels)": h["accuracy"].iloc[-1]}
    for seed, h in long_runs.items()})
summary.columns.name = "seed"
print(summary.round(3).to_string())
claim(f"after {EPOCHS} epochs the network fits more training labels than are right (training "
      "accuracy minus share of right labels), every seed",
      summary.loc[f"training accuracy at {EPOCHS} (noisy labels)"] - (1 - wrong), above=0.1, fmt=".2f")
claim(f"the validation loss ends more than 5 % above its minimum, every seed",
      100 * (summary.loc[f"val_loss at {EPOCHS}"] / summary.loc["val_loss at best"] - 1), above=5,
      unit=" %", fmt=".0f")
claim(f"test accuracy at {EPOCHS} epochs is more than 0.05 below the best epoch's, on average",
      summary.loc["test accuracy at best"] - summary.loc[f"test accuracy at {EPOCHS}"], on="mean",
      above=0.05, fmt=".3f")

# %% [markdown]
# The training accuracy keeps climbing towards 100 %, although about a quarter of the training
# labels are wrong: the network is memorizing them (the first claim). (The training loss, measured
# against those noisy labels, starts above the validation loss and keeps falling long after the
# validation loss has stopped improving.) The validation loss reaches its minimum well before
# epoch 50 (the table's first row), then rises, and the test accuracy falls with it: after 50
# epochs it is about 0.1 lower than at the validation minimum (more than 0.05 on average: the last
# claim). Stopping at the lowest validation loss would have kept the better network — if we knew
# where that was while training.

# %% [markdown]
# ### A control: the same network on clean labels
#
# Is that gain early stopping's answer to the wrong labels, or would it buy as much anyway? The
# loop above also trained every seed on the right labels. The figure shows seed `SEED`'s test
# log-loss, epoch by epoch, with both label sets; the markers are the epochs with the lowest
# validation loss.

# %%
fig, ax = plt.subplots(figsize=(6.4, 3.6))
for labels, style, marker in (("noisy", "-", "o"), ("clean", "--", "s")):
    h = runs[labels, SEED]
    best = int(h["val_loss"].idxmin())
    ax.plot(h.index, h["test_log_loss"], ls=style, label=f"{labels} labels")
    ax.plot(best, h.loc[best, "test_log_loss"], marker=marker, color="black", ls="none",
            label=f"lowest val_loss, {labels} (epoch {best})")
ax.set(xlabel="epoch", ylabel="test log-loss", title=f"Test log-loss by epoch, seed {SEED}")
ax.legend(fontsize="small")
plt.show()

# %%
gains = pd.DataFrame([{
    "labels": labels, "seed": seed,
    "accuracy gained": h.loc[int(h["val_loss"].idxmin()), "test_accuracy"] - h["test_accuracy"].iloc[-1],
    "log-loss saved": h["test_log_loss"].iloc[-1] - h.loc[int(h["val_loss"].idxmin()), "test_log_loss"]}
    for (labels, seed), h in runs.items()]).set_index(["labels", "seed"])
print("stopping at the lowest validation loss instead of training 50 epochs (test set):")
print(gains.unstack("labels").round(3).to_string())
noisy, clean = gains.loc["noisy"], gains.loc["clean"]
claim("clean labels: it changed test accuracy by less than 0.03 either way, every seed",
      clean["accuracy gained"], above=-0.03, below=0.03, fmt="+.3f")
claim("clean labels: and test log-loss by less than 0.04 either way, every seed",
      clean["log-loss saved"], above=-0.04, below=0.04, fmt="+.3f")
claim("it gained more accuracy on noisy than on clean labels, every seed (paired difference)",
      noisy["accuracy gained"] - clean["accuracy gained"], above=0.04, fmt="+.3f")
claim("and saved more log-loss on noisy labels, every seed (paired difference)",
      noisy["log-loss saved"] - clean["log-loss saved"], above=0.03, fmt="+.3f")

# %% [markdown]
# On clean labels the network has nothing wrong to memorize: after its best epoch the test
# accuracy and log-loss barely move, and stopping early changes them by a few hundredths at most,
# either way — sometimes for the worse (the first two claims). On noisy labels the same rule, on the same
# seeds, gains about 0.1 of accuracy and lowers the log-loss by about as much (the paired
# differences). Early stopping is worth most where the training set has something to memorize
# that does not generalize; on clean data it mainly saves training time. (Over 5 × 3 runs we
# measured while writing this lesson, the clean-label gains stayed within ±0.02 of accuracy and
# ±0.025 of log-loss, the noisy-label ones above 0.06 of both.)

# %% [markdown]
# ## 3 · `EarlyStopping`
#
# Keras' `EarlyStopping` callback watches a logged quantity after every epoch. With
# `monitor="val_loss"` and `patience=5` it stops once the validation loss has not reached a new
# minimum for 5 epochs in a row; with `restore_best_weights=True` it then puts back the weights of
# the best epoch. Here it is on seed `SEED`, with a `LambdaCallback` that keeps the last
# epoch's weights for the next section:

# %%
fresh_start(SEED)
early = keras.callbacks.EarlyStopping(monitor="val_loss", patience=5, restore_best_weights=True)
last_weights = []
keep_last = keras.callbacks.LambdaCallback(
    on_epoch_end=lambda epoch, logs: last_weights.append(model.get_weights()))
stopped = train(model, X_train, y_noisy, validation_data=(X_val, y_val), epochs=EPOCHS,
                batch_size=32, callbacks=[early, keep_last], loss="sparse_categorical_crossentropy")
best_weights = model.get_weights()  # restored by EarlyStopping at the end of training

plot_history(stopped, ("loss",), mark_epoch=len(stopped),
             title=f"EarlyStopping(patience=5), seed {SEED}: the line marks where it stopped")
plt.show()

# %%
print("epochs run:", len(stopped), "of", EPOCHS)
print("Keras counts epochs from 0: stopped_epoch =", early.stopped_epoch,
      " best_epoch =", early.best_epoch, "-> best epoch", early.best_epoch + 1, "in our counting")
claim("it stopped 5 epochs (the patience) after the best one", early.stopped_epoch - early.best_epoch,
      equals=5, fmt=".0f")
claim("its validation losses are the long run's first ones (largest difference)",
      np.abs(stopped["val_loss"].to_numpy()
             - long_runs[SEED]["val_loss"].iloc[:len(stopped)].to_numpy()).max(), below=1e-6, fmt=".1e")

# %% [markdown]
# It stopped 5 epochs after the best one, and its run is the long run cut short: with the same
# seed, training is deterministic, and a callback only decides when to stop. We will use that in
# section 5.
#
# ## 4 · What `restore_best_weights=False` costs
#
# `restore_best_weights` defaults to `False`:

# %%
# NBVAL_CHECK_OUTPUT
print("EarlyStopping() sets restore_best_weights =", keras.callbacks.EarlyStopping().restore_best_weights,
      "by default (it keeps the last epoch's weights)")


# %% [markdown]
# With the default, training stops at the right time but the model keeps the weights of the
# **last** epoch — here 5 epochs past the best, 5 epochs more of memorizing wrong labels. The run
# above kept both: the restored best weights and, in `last_weights`, the weights the default
# would have left you with. Score both on the validation and the test set:

# %%
def evaluate(weights):
    model.set_weights(weights)
    val = model.evaluate(X_val, y_val, batch_size=len(X_val), verbose=0, return_dict=True)
    return {"val_loss": val["loss"], "val_accuracy": val["accuracy"], "test_accuracy": test_accuracy(weights)}


costs = pd.DataFrame({"restore_best_weights=True": evaluate(best_weights),
                      "restore_best_weights=False (last epoch)": evaluate(last_weights[-1])}).T
print(costs.round(3).to_string())
claim("the restored weights have the run's lowest validation loss (relative difference)",
      abs(costs.iloc[0]["val_loss"] / stopped["val_loss"].min() - 1), below=1e-5, fmt=".1e")
claim("the last epoch's weights have a higher validation loss (difference)",
      costs.iloc[1]["val_loss"] - costs.iloc[0]["val_loss"], above=0, fmt=".3f")


# %% [markdown]
# The default would have kept weights with a higher validation loss than the restored ones — it
# stopped *because* the validation loss had not improved for 5 epochs. What that costs on the
# test set varies from run to run (this run's is in the table); section 5 measures it over three
# seeds and several patiences, and finds that the cost of not restoring grows with patience. The
# callback knew the better weights; the default throws them away. Always pass
# `restore_best_weights=True`.
#
# ## 5 · Patience: epochs saved against accuracy
#
# A small patience stops soon after the first dip; a large one waits out longer plateaus but
# trains longer. Because an early-stopped run is the long run cut short (section 3), we can
# apply Keras' rule to each long run's validation losses and read off where it *would* have
# stopped, for any patience. The rule, as `EarlyStopping` implements it (`min_delta=0`): count
# the epochs since the last strict improvement, stop when the count reaches `patience`.

# %%
def patience_rule(val_loss, patience):
    # (stopping epoch, best epoch) of keras.callbacks.EarlyStopping on this validation history;
    # epochs counted from 1. Never stopping means stopping at the last epoch.
    best, best_epoch, wait = np.inf, 0, 0
    for epoch, value in enumerate(val_loss, start=1):
        wait += 1
        if value < best:
            best, best_epoch, wait = value, epoch, 0
        elif wait >= patience and epoch > 1:
            return epoch, best_epoch
    return len(val_loss), best_epoch


# %%
rule = patience_rule(long_runs[SEED]["val_loss"], 5)
real = (len(stopped), early.best_epoch + 1)
print("stopping and best epoch: the rule", rule, "- EarlyStopping", real)
claim("the rule reproduces the real run above (epochs of difference: stopping, best)",
      np.abs(np.subtract(rule, real)), equals=0, fmt=".0f")

# %%
rows = []
for seed in SEEDS:
    val_loss, test = long_runs[seed]["val_loss"], test_by_epoch[seed]
    for patience in (0, 2, 5, 10, 20):
        stop, best = patience_rule(val_loss, patience)
        rows.append({"rule": f"patience {patience}", "seed": seed, "stopped at epoch": stop,
                     "test acc. (restored)": test[best], "test acc. (last weights)": test[stop]})
    rows.append({"rule": f"no stopping ({EPOCHS} epochs)", "seed": seed, "stopped at epoch": EPOCHS,
                 "test acc. (restored)": np.nan, "test acc. (last weights)": test.iloc[-1]})
by_seed = pd.DataFrame(rows)
sweep = by_seed.groupby("rule", sort=False).mean(numeric_only=True).drop(columns="seed")
sweep.insert(1, "epochs saved", EPOCHS - sweep["stopped at epoch"])

# %%
print(f"means over seeds {SEEDS}:")
print(sweep.round(3).to_string())
claim("patience 20 trained at least three times as long as patience 0 (ratio of the mean epochs)",
      sweep.loc["patience 20", "stopped at epoch"] / sweep.loc["patience 0", "stopped at epoch"],
      at_least=3, unit="×", fmt=".1f")
patience_rows = by_seed[by_seed["rule"].str.startswith("patience")]
no_stopping = by_seed[by_seed["rule"].str.startswith("no stopping")].set_index("seed")
gain = (patience_rows["test acc. (restored)"]
        - patience_rows["seed"].map(no_stopping["test acc. (last weights)"])).groupby(patience_rows["rule"], sort=False).mean()
claim(f"restoring, every patience beats training all {EPOCHS} epochs by more than 0.05 on average",
      gain, above=0.05, fmt=".3f")
cost = (sweep["test acc. (restored)"] - sweep["test acc. (last weights)"]).dropna()
print("mean cost of not restoring, by patience:", cost.round(3).tolist())
claim("not restoring costs more at patience 20 than at patience 0 or 2 (difference of mean costs)",
      cost["patience 20"] - cost[["patience 0", "patience 2"]].max(), above=0.02, fmt=".3f")
claim("patience 5, 10 and 20 bought at most 0.02 of test accuracy over patience 0 (restored, means)",
      sweep.loc[["patience 5", "patience 10", "patience 20"], "test acc. (restored)"]
      - sweep.loc["patience 0", "test acc. (restored)"], at_most=0.02, fmt="+.3f")


# %% [markdown]
# With the best weights restored, every patience is far ahead of training all 50 epochs. A larger
# patience costs epochs — patience 20 trained several times as long as patience 0 (the first
# claim) — and here it bought little or no test accuracy (the last claim): the lowest validation
# loss often came late (section 2's table) and scored no better on the test set than the earlier
# epochs that patience 0 and 2 restored. Validation loss is a proxy for what you care about, and a
# noisy one; on other data a small patience stops at the first bump of a noisy curve, and a larger
# one pays off. Without restoring, each extra epoch of patience is an epoch of memorizing wrong
# labels kept in the model: the cost of the default grows with patience.

# %% [markdown]
# ## 6 · Three more arguments: `min_delta`, `start_from_epoch`, `baseline`
#
# Real training scripts often set three more arguments of `EarlyStopping`. Each changes one step of
# the patience rule:
#
# - `min_delta`: an epoch counts as an improvement only if the loss falls **more than** `min_delta`
#   below the best so far. Smaller drops neither reset the wait nor become the best epoch, so the
#   weights restored are those of the last *clear* improvement, not always the lowest loss.
# - `start_from_epoch`: the first `start_from_epoch` epochs are not looked at at all — a warm-up in
#   which training is never stopped. No epoch of the warm-up can be restored, however good it was.
# - `baseline`: a new best restarts the wait only if it is also below `baseline`. A run that never
#   gets below it is stopped at its first epoch without a new best once `patience` epochs have
#   passed — a way to abandon hopeless runs, for example in a hyperparameter search.
#
# Here is the rule with all three, as Keras 3 implements it (`MonitorCallback._is_improvement` and
# `EarlyStopping.on_epoch_end`):

# %%
def stopping_rule(val_loss, patience, min_delta=0.0, start_from_epoch=0, baseline=None):
    # (stopping epoch, restored epoch) of EarlyStopping(monitor="val_loss", patience, min_delta,
    # start_from_epoch, baseline, restore_best_weights=True); epochs counted from 1.
    best, best_epoch, wait = np.inf, 0, 0
    for epoch, value in enumerate(val_loss, start=1):
        if epoch <= start_from_epoch:  # the warm-up: not looked at
            continue
        best_epoch = best_epoch or epoch
        wait += 1
        if value + min_delta < best:  # lower by more than min_delta: a new best
            best, best_epoch = value, epoch
            if baseline is None or value + min_delta < baseline:
                wait = 0
            continue  # a new best never stops training
        if wait >= patience and epoch > 1:
            return epoch, best_epoch
    return len(val_loss), best_epoch


# %%
fresh_start(SEED)
all_three = keras.callbacks.EarlyStopping(monitor="val_loss", patience=5, min_delta=0.01,
                                          start_from_epoch=3, baseline=0.3,
                                          restore_best_weights=True)
run = train(model, X_train, y_noisy, validation_data=(X_val, y_val), epochs=EPOCHS, batch_size=32,
            callbacks=[all_three], loss="sparse_categorical_crossentropy")
real = (len(run), all_three.best_epoch + 1)
rule = stopping_rule(long_runs[SEED]["val_loss"], 5, min_delta=0.01, start_from_epoch=3, baseline=0.3)
print("stopping and restored epoch: the rule", rule, "- EarlyStopping", real)
claim("the rule reproduces Keras with all three arguments set (epochs of difference)",
      np.abs(np.subtract(rule, real)), equals=0, fmt=".0f")

# %% [markdown]
# Now apply each argument to the stored runs, beside patience 5. A `baseline` of 0.3 is a
# validation loss only the clean-label runs reach (section 2's table: the noisy runs bottom out
# near 0.5):

# %%
settings = {"patience 5": {}, "+ min_delta=0.01": {"min_delta": 0.01},
            "+ start_from_epoch=20": {"start_from_epoch": 20}, "+ baseline=0.3": {"baseline": 0.3}}
rows = []
for (labels, seed), h in runs.items():
    for name, arguments in settings.items():
        stop, best = stopping_rule(h["val_loss"], 5, **arguments)
        rows.append({"labels": labels, "seed": seed, "setting": name, "stopped at": stop,
                     "restored": best, "test acc.": h.loc[best, "test_accuracy"],
                     "test log-loss": h.loc[best, "test_log_loss"]})
arguments_table = pd.DataFrame(rows).set_index(["labels", "setting", "seed"])
print(arguments_table.groupby(["labels", "setting"], sort=False).mean().round(3).to_string())

# %%
stops = arguments_table["stopped at"].unstack("setting")
claim("min_delta=0.01 stopped the clean-label runs earlier, on average over the seeds (epochs saved)",
      (stops["patience 5"] - stops["+ min_delta=0.01"]).loc["clean"], on="mean", at_least=2, fmt=".1f")
claim("baseline=0.3 stopped every noisy-label run earlier than patience 5 alone (epochs earlier)",
      (stops["patience 5"] - stops["+ baseline=0.3"]).loc["noisy"], above=0, fmt=".0f")
claim("and left every clean-label run as it was (epochs of difference)",
      (stops["patience 5"] - stops["+ baseline=0.3"]).loc["clean"], equals=0, fmt=".0f")

# %% [markdown]
# - `min_delta=0.01` ignores the slow creep of the clean-label validation loss and stops several
#   epochs sooner (first claim); the price, in the table, is a slightly higher test log-loss — the
#   creep was real, if small. Choose `min_delta` on the scale of the loss's epoch-to-epoch noise.
# - `start_from_epoch=20` here comes *after* many runs' best epoch (section 2's table): those
#   epochs can no longer be restored, and the restored epochs in the table are later ones.
#   A warm-up is for curves that are noisy or rising at the start (a learning-rate warm-up, say),
#   not a substitute for patience.
# - `baseline=0.3` cut every noisy-label run at its first epoch without a new best (second claim),
#   because none ever got below 0.3, and left the clean-label runs alone (third claim): a screen
#   for runs that will not reach a target, not a way to find the best epoch.
#
# ## 7 · A stopping rule of your own: generalization loss
#
# Patience asks *how long ago* the validation loss was best. Prechelt (1998) proposed rules that
# ask *how much* it has risen instead. His generalization loss at epoch $t$ compares the validation
# error $E_{va}(t)$ with the lowest one so far, $E_{opt}(t)$, in percent:
# $GL(t) = 100 \cdot (E_{va}(t) / E_{opt}(t) - 1)$, and the rule GL(α) stops at the first epoch with
# $GL(t) > \alpha$. `regutils.callbacks.GeneralizationLoss` implements it as a Keras callback; all
# a callback needs is an `on_epoch_end` method that reads the logs and can set
# `model.stop_training`:

# %%
print(textwrap.dedent(inspect.getsource(GeneralizationLoss.on_epoch_end)))

# %% [markdown]
# It records the best value and epoch, appends $GL(t)$ to `gl_history` (and to the logs, so it
# appears in the training history as a column), and sets `model.stop_training`; like
# `EarlyStopping`, it restores the best weights at the end of training. Its epochs count from 1.
# Run it on seed `SEED` with α = 5 (Prechelt compared thresholds between 1 and 5):

# %%
fresh_start(SEED)
gl_stop = GeneralizationLoss(alpha=5.0, monitor="val_loss", restore_best_weights=True)
gl_run = train(model, X_train, y_noisy, validation_data=(X_val, y_val), epochs=EPOCHS,
               batch_size=32, callbacks=[gl_stop], loss="sparse_categorical_crossentropy")
gl_weights = model.get_weights()

gl_long = generalization_loss(long_runs[SEED]["val_loss"])  # the same formula, on the long run
fig, ax = plt.subplots(figsize=(6.4, 3.6))
ax.plot(long_runs[SEED].index, gl_long, label="GL(t) of the 50-epoch run")
ax.axhline(5.0, color="gray", ls="--", lw=1, label="α = 5 (dashed)")
ax.axvline(gl_stop.stopped_epoch, color="#D55E00", ls=":", lw=2,
           label=f"GL stops (dotted): epoch {gl_stop.stopped_epoch}")
ax.axvline(len(stopped), color="#CC79A7", ls="-.", lw=2,
           label=f"patience 5 stops (dash-dot): epoch {len(stopped)}")
ax.set(xlabel="epoch", ylabel="generalization loss (%)", title=f"Generalization loss, seed {SEED}")
ax.legend(fontsize="small")
plt.show()

# %%
print("GeneralizationLoss(alpha=5): stopped at epoch", gl_stop.stopped_epoch,
      "- best epoch", gl_stop.best_epoch, "- history columns:", gl_run.columns.tolist())
claim("it stops where the formula on the long run first exceeds 5 (epochs of difference)",
      abs(gl_stop.stopped_epoch - (int(np.argmax(gl_long > 5.0)) + 1)), equals=0, fmt=".0f")
print(f"test accuracy, restored: GL {test_accuracy(gl_weights):.3f}, patience 5 {test_accuracy(best_weights):.3f}")

# %%
gl_rows = []
for seed in SEEDS:
    val_loss, test = long_runs[seed]["val_loss"], test_by_epoch[seed]
    gl = generalization_loss(val_loss)
    stop = int(np.argmax(gl > 5.0)) + 1 if np.any(gl > 5.0) else EPOCHS
    best = int(val_loss.iloc[:stop].idxmin())
    gl_rows.append({"seed": seed, "GL(5) stops at": stop, "patience 5 stops at": patience_rule(val_loss, 5)[0],
                    "GL(5) test acc.": test[best], "patience 5 test acc.": test[patience_rule(val_loss, 5)[1]]})
comparison = pd.DataFrame(gl_rows).set_index("seed")
print(comparison.round(3).to_string())
claim("GL(5) stopped earlier than patience 5, every seed (epochs earlier)",
      comparison["patience 5 stops at"] - comparison["GL(5) stops at"], above=0, fmt=".0f")
claim("its restored weights scored about as well or better (test accuracy, GL(5) − patience 5)",
      comparison["GL(5) test acc."] - comparison["patience 5 test acc."], at_least=-0.01, fmt="+.3f")


# %% [markdown]
# GL(5) stops at the first epoch whose validation loss is more than 5 % above the best so far.
# With every seed it stopped earlier than patience 5 (the first claim), and its restored weights
# scored about as well on the test set, or better (the second). The threshold matters as much as
# the patience did: a jumpy validation curve trips a small α early, and Prechelt's study found
# that, on average, slower criteria find slightly better networks at a much higher price in
# training time.
#
# ## 8 · Explore: patience on a long run
#
# Move the patience slider and pick a seed: the figure shows the 50-epoch run's losses, where
# `EarlyStopping` would stop (dotted gray line) and which epoch it would restore (dash-dot line), and its
# title gives the test accuracy with and without `restore_best_weights`.

# %%
def show_patience(patience=5, seed=SEED):
    # Where EarlyStopping(patience) would stop on a precomputed 50-epoch run, and what it keeps.
    history, test = long_runs[seed], test_by_epoch[seed]
    stop, best = patience_rule(history["val_loss"], patience)
    ax = plot_history(history, ("loss",), mark_epoch=stop,
                      title=f"patience {patience}: stop at {stop} (saves {EPOCHS - stop}), best {best}; "
                            f"test acc. {test[best]:.3f} restored, {test[stop]:.3f} last")
    ax.axvline(best, color="#009E73", ls="-.", lw=1.5, label=f"best epoch {best} (dash-dot)")
    ax.legend(fontsize="small")
    plt.show()


# %%
# NBVAL_IGNORE_OUTPUT
from ipywidgets import Dropdown, IntSlider

_ = regutils.explore(show_patience,
                     patience=IntSlider(value=5, min=0, max=30, description="patience"),
                     seed=Dropdown(options=list(SEEDS), value=SEED, description="seed"))

# %% [markdown]
# ## Key takeaways
#
# - Early stopping = monitor validation loss, stop when it stops improving, keep the best
#   weights. On noisy labels it was worth about 0.1 of test accuracy and of log-loss over training
#   on; on clean labels, with the same network and seeds, a few thousandths either way.
# - Always pass `restore_best_weights=True`: the default `False` stops at the right time but
#   keeps the weights from `patience` epochs later, and the cost grew with patience.
# - Patience trades epochs for robustness to noisy validation curves; here larger patience cost
#   epochs without buying test accuracy, because the validation loss kept finding slightly lower
#   minima that did not help accuracy. Choose it from your own curves.
# - `min_delta` sets what counts as an improvement (and so which epoch is restored),
#   `start_from_epoch` a warm-up the rule ignores (its epochs cannot be restored), `baseline` a
#   target a run must beat to keep its patience.
# - A stopping rule is a few lines in a callback's `on_epoch_end`; Prechelt's generalization loss
#   stops on *how much* the validation error rose rather than *how long* ago it was best.
# - The test set judged the rules here; in a real project the rule's settings are chosen on
#   validation data (or cross-validation) and the test set is used once. A larger study would
#   average more seeds and data sets, as Prechelt did with many runs on many problems.

# %% [markdown]
# ## Check your understanding
#
# 5 short questions on this lesson: answer each in the notebook, with its buttons or in code, e.g. `quiz.answer("1", "b")`; every answer comes with an explanation.

# %%
quiz = regutils.quiz("10")
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
# **Next:** the exercises in [10_early_stopping_exercises.ipynb](10_early_stopping_exercises.ipynb)
# (solutions in `solutions/`), then lesson 11, regularizing with data and targets.
#
# ## Further reading
#
# - L. Prechelt, "Early Stopping — But When?", in G. B. Orr, K.-R. Müller (eds.), *Neural
#   Networks: Tricks of the Trade*, LNCS 1524, Springer 1998, pp. 55–69 — the GL, PQ and UP
#   criteria and their trade-offs.
# - I. Goodfellow, Y. Bengio, A. Courville, *Deep Learning* (2016), §7.8 — early stopping as
#   regularization, and its equivalence to L2 for linear models.
# - M. Li, M. Soltanolkotabi, S. Oymak, "Gradient Descent with Early Stopping is Provably Robust
#   to Label Noise for Overparameterized Neural Networks", AISTATS 2020.
# - C. G. Northcutt, A. Athalye, J. Mueller, "Pervasive Label Errors in Test Sets Destabilize
#   Machine Learning Benchmarks", NeurIPS Datasets and Benchmarks 2021.
# - Keras API reference: `keras.callbacks.EarlyStopping` and "Writing your own callbacks".
