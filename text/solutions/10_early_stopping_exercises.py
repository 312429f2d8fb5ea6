# %% [markdown]
# # 10 · Early stopping — exercises
#
# Six exercises on [lesson 10](10_early_stopping.ipynb): two stopping rules worked by hand, early
# stopping on the heart-disease data with Keras, `EarlyStopping`'s other arguments by hand, and a
# choice of patience you defend with numbers. Each one asks a question you answer with a
# few lines of code: write them in the cell marked `# Write your code here.` and replace each `...`
# with your answer (e.g. `stop_epoch = 12`). Epochs are counted from 1, like the rows of the
# history table `train` returns. No cell depends on your answers, so you can skip an exercise and
# come back.
#
# **Feedback as you go.** The cell after each answer runs `ex.check(...)`: it says `Correct`, or
# what to look at. Stuck? `ex.hint("1")` gives a hint (call it again for the next one), and
# `ex.solution("1")` shows a worked solution — also in
# `solutions/10_early_stopping_exercises.ipynb`.

# %% [markdown] tags=["solution"]
# > **Solutions notebook.** This is the worked-solutions version; the exercise notebook in
# > `notebooks/` is generated from it (`make exercises`).

# %%
import numpy as np
from sklearn.model_selection import train_test_split

import regutils

SEED = regutils.setup_notebook(seed=0, keras=True)  # before importing Keras
import keras

from regutils import claim
from regutils.callbacks import generalization_loss
from regutils.training import build_mlp, train

ex = regutils.exercises("10")  # check(), hint() and solution() for these exercises

# Validation losses of one training run, epoch 1 first (exercises 1 and 2); fixed on purpose:
# the checks recompute the answers from them.
losses = np.array([0.92, 0.61, 0.50, 0.46, 0.47, 0.475, 0.45, 0.50, 0.44, 0.46, 0.49, 0.52])

# %% [markdown]
# ## Exercise 1 · Generalization loss by hand
#
# For the validation losses in `losses` (setup cell), compute Prechelt's generalization loss
# $GL(t) = 100 \cdot (E_{va}(t) / E_{opt}(t) - 1)$ for every epoch, where $E_{opt}(t)$ is the
# lowest loss up to and including epoch $t$; store the 12 values in `gl`. With $\alpha = 5$,
# store the epoch at which `GeneralizationLoss(alpha=5)` stops training in `stop_epoch`, and the
# epoch whose weights it restores in `restored_epoch`. Check `stop_epoch` with
# `generalization_loss` from `regutils.callbacks`.

# %% tags=["solution", "exercise-1"]
### BEGIN SOLUTION
# NBVAL_CHECK_OUTPUT
best_so_far = np.minimum.accumulate(losses)
gl = 100 * (losses / best_so_far - 1)
stop_epoch = int(np.argmax(gl > 5)) + 1  # first epoch with GL > 5, counted from 1
restored_epoch = int(np.argmin(losses[:stop_epoch])) + 1  # best epoch the callback has seen
print("GL(t):", gl.round(1).tolist())
print("stops at epoch", stop_epoch, "and restores epoch", restored_epoch)
claim("same as generalization_loss (largest difference)",
      np.abs(gl - generalization_loss(losses)).max(), below=1e-9, fmt=".1e")
# stub: gl = ...
# stub: stop_epoch = ...
# stub: restored_epoch = ...
### END SOLUTION

# %%
# NBVAL_CHECK_OUTPUT
ex.check("1", gl=gl, stop_epoch=stop_epoch, restored_epoch=restored_epoch)

# %% [markdown] tags=["solution"]
# The small rises at epochs 5 and 6 (2–3 % above the best) do not trip α = 5; the jump at epoch 8
# (11 %) does. The lowest loss of the list comes at epoch 9, after the stop: a stopping rule only
# knows the past.

# %% [markdown]
# ## Exercise 2 · Keras' patience rule by hand
#
# Same losses, now with
# `keras.callbacks.EarlyStopping(monitor="val_loss", patience=2, restore_best_weights=True)`.
# Work out, without training anything: the epoch after which training stops (`stop_epoch`), the
# epoch whose weights are restored (`restored_epoch`), and the value of the callback's attribute
# `stopped_epoch` after the run (`keras_stopped_epoch`; Keras counts epochs from 0). Reason
# through the epochs one by one, or write the loop.

# %% tags=["solution", "exercise-2"]
### BEGIN SOLUTION
# NBVAL_CHECK_OUTPUT
best, best_epoch, wait = np.inf, 0, 0
for epoch, loss in enumerate(losses, start=1):
    wait += 1
    if loss < best:  # a strict improvement resets the count
        best, best_epoch, wait = loss, epoch, 0
    elif wait >= 2:  # patience 2 reached: stop after this epoch
        break
stop_epoch, restored_epoch = epoch, best_epoch
keras_stopped_epoch = stop_epoch - 1  # Keras counts epochs from 0
print("stops after epoch", stop_epoch, "- restores epoch", restored_epoch,
      "- EarlyStopping.stopped_epoch =", keras_stopped_epoch)
# stub: stop_epoch = ...
# stub: restored_epoch = ...
# stub: keras_stopped_epoch = ...
### END SOLUTION

# %%
# NBVAL_CHECK_OUTPUT
ex.check("2", stop_epoch=stop_epoch, restored_epoch=restored_epoch, keras_stopped_epoch=keras_stopped_epoch)

# %% [markdown] tags=["solution"]
# Patience 2 gives up at the first two epochs without a new minimum (epochs 5 and 6), two epochs
# before GL(5), and so misses the later minima at epochs 7 and 9. A larger patience would have
# waited them out.

# %% [markdown]
# ## Exercise 3 · Early stopping on the heart data
#
# Prepare the heart-disease data as in lesson 05, with the preprocessing fitted on the training
# part only, and build the network:
#
# ```python
# X, y = regutils.load_heart()
# X_train, X_val, y_train, y_val = train_test_split(X, y, test_size=0.25, stratify=y, random_state=0)
# preprocessor = regutils.heart_preprocessor().fit(X_train)
# Z_train, Z_val = preprocessor.transform(X_train), preprocessor.transform(X_val)
# keras.utils.set_random_seed(SEED)
# model = build_mlp(Z_train.shape[1], (64, 64), seed=SEED)  # 22 inputs, one sigmoid output
# ```
#
# Create `early_stopping`, an `EarlyStopping` callback that monitors the validation loss with
# patience 10 and keeps the best weights, and train `model` with
# `train(model, Z_train, y_train, validation_data=(Z_val, y_val), epochs=300,
# callbacks=[early_stopping])`. After which epoch did it stop, and which epoch's weights does
# `model` hold?

# %% tags=["solution", "exercise-3"]
### BEGIN SOLUTION
X, y = regutils.load_heart()
# random_state fixed on purpose: the check recomputes this validation set
X_train, X_val, y_train, y_val = train_test_split(X, y, test_size=0.25, stratify=y, random_state=0)
preprocessor = regutils.heart_preprocessor().fit(X_train)
Z_train, Z_val = preprocessor.transform(X_train), preprocessor.transform(X_val)
keras.utils.set_random_seed(SEED)
model = build_mlp(Z_train.shape[1], (64, 64), seed=SEED)

early_stopping = keras.callbacks.EarlyStopping(monitor="val_loss", patience=10,
                                               restore_best_weights=True)
history = train(model, Z_train, y_train, validation_data=(Z_val, y_val), epochs=300,
                callbacks=[early_stopping])
print("epochs run:", len(history), "- best epoch:", int(history["val_loss"].idxmin()),
      f"- best val_loss {history['val_loss'].min():.3f}")
claim("it stopped before half of the 300 epochs allowed had run (epochs run)", len(history), below=150,
      fmt=".0f")
# stub: early_stopping = ...
# stub: model = ...
### END SOLUTION

# %%
# NBVAL_CHECK_OUTPUT
ex.check("3", early_stopping=early_stopping, model=model)

# %% [markdown] tags=["solution"]
# Of 300 epochs allowed, fewer than half ran (the claim above). The check scores `model` on the
# validation set and compares with the callback's best value: with `restore_best_weights=False`
# the two would differ, because the model would hold the weights of epoch `best + 10`.

# %% [markdown]
# ## Exercise 4 · Two rules, one run
#
# Train a fresh network on the same data (`Z_train`, `Z_val` from exercise 3's recipe) for 100
# epochs **without** callbacks:
#
# ```python
# keras.utils.set_random_seed(SEED + 1)
# model = build_mlp(Z_train.shape[1], (64, 64), seed=SEED + 1)
# history = train(model, Z_train, y_train, validation_data=(Z_val, y_val), epochs=100)
# ```
#
# Keep the network in `model` and the history table in `history` (the check compares the table
# with the network's own record of its training run). Since a run with a stopping callback is this run cut short
# (lesson section 3), you can read off where each rule would stop: store the epoch at which
# `EarlyStopping(patience=10)` would stop in `stop_patience`, and the epoch at which
# `GeneralizationLoss(alpha=5)` would stop in `stop_gl` (100 if a rule never fires). Which stops
# first?

# %% tags=["solution", "exercise-4"]
### BEGIN SOLUTION
X, y = regutils.load_heart()
# random_state fixed on purpose: exercise 3's split
X_train, X_val, y_train, y_val = train_test_split(X, y, test_size=0.25, stratify=y, random_state=0)
preprocessor = regutils.heart_preprocessor().fit(X_train)
Z_train, Z_val = preprocessor.transform(X_train), preprocessor.transform(X_val)
keras.utils.set_random_seed(SEED + 1)
model = build_mlp(Z_train.shape[1], (64, 64), seed=SEED + 1)
history = train(model, Z_train, y_train, validation_data=(Z_val, y_val), epochs=100)

val_loss = history["val_loss"].to_numpy()
best, wait, stop_patience = np.inf, 0, len(val_loss)
for epoch, loss in enumerate(val_loss, start=1):
    wait += 1
    if loss < best:
        best, wait = loss, 0
    elif wait >= 10:
        stop_patience = epoch
        break
above = generalization_loss(val_loss) > 5
stop_gl = int(np.argmax(above)) + 1 if above.any() else len(val_loss)
print("lowest validation loss at epoch", int(history["val_loss"].idxmin()))
print("patience 10 stops at epoch", stop_patience, "- GL(5) stops at epoch", stop_gl)
best_patience = int(np.argmin(val_loss[:stop_patience])) + 1  # the best epoch patience 10 has seen
claim("patience 10 stops 10 epochs after the best epoch it has seen", stop_patience - best_patience,
      equals=10, fmt=".0f")
# stub: model = ...
# stub: history = ...
# stub: stop_patience = ...
# stub: stop_gl = ...
### END SOLUTION

# %%
# NBVAL_CHECK_OUTPUT
ex.check("4", history=history, model=model, stop_patience=stop_patience, stop_gl=stop_gl)


# %% [markdown] tags=["solution"]
# On 76 validation patients the loss is jumpy: a single bad epoch can lift it more than 5 % above
# its best, and GL(5) reacts at once, sometimes before the run's lowest validation loss. Patience
# 10 stops exactly ten epochs after the best epoch it has seen (the claim above) and waits out the
# bumps in between. Which rule fires first changes from run to run: compare the epochs printed
# above with another seed (`REGUTILS_SEED=1` before starting Jupyter). On small, noisy validation
# sets, a larger α or patience (or cross-validated stopping) is safer.

# %% [markdown]
# ## Exercise 5 · `min_delta`, `start_from_epoch` and `baseline` by hand
#
# Same losses as in exercises 1 and 2 (`losses`), three callbacks, each with
# `monitor="val_loss"` and `restore_best_weights=True`:
#
# - `EarlyStopping(patience=3, min_delta=0.02)`,
# - `EarlyStopping(patience=2, start_from_epoch=6)`,
# - `EarlyStopping(patience=2, baseline=0.45)`.
#
# Without training anything, find for each the epoch after which training stops and the epoch
# whose weights the model ends with (counted from 1): `stop_min_delta` and `restored_min_delta`,
# `stop_start` and `restored_start`, `stop_baseline` and `restored_baseline`. Compare each with
# exercise 2's answer (or with patience 3 without `min_delta`) and say what the argument changed.

# %% tags=["solution", "exercise-5"]
### BEGIN SOLUTION
# NBVAL_CHECK_OUTPUT
def keras_rule(val_loss, patience, min_delta=0.0, start_from_epoch=0, baseline=None):
    # (stop, restored) of EarlyStopping(..., restore_best_weights=True), epochs from 1
    best, best_epoch, wait = np.inf, 0, 0
    for epoch, value in enumerate(val_loss, start=1):
        if epoch <= start_from_epoch:  # warm-up: not looked at
            continue
        best_epoch = best_epoch or epoch
        wait += 1
        if value + min_delta < best:  # a new best must be lower by more than min_delta
            best, best_epoch = value, epoch
            if baseline is None or value + min_delta < baseline:
                wait = 0  # only a new best below the baseline restarts the wait
            continue
        if wait >= patience and epoch > 1:
            return epoch, best_epoch
    return len(val_loss), best_epoch


stop_min_delta, restored_min_delta = keras_rule(losses, 3, min_delta=0.02)
stop_start, restored_start = keras_rule(losses, 2, start_from_epoch=6)
stop_baseline, restored_baseline = keras_rule(losses, 2, baseline=0.45)
print("patience 3:                ", keras_rule(losses, 3), "-> with min_delta=0.02:",
      (stop_min_delta, restored_min_delta))
print("patience 2:                ", keras_rule(losses, 2), "-> with start_from_epoch=6:",
      (stop_start, restored_start), "- with baseline=0.45:", (stop_baseline, restored_baseline))
# stub: stop_min_delta, restored_min_delta = ..., ...
# stub: stop_start, restored_start = ..., ...
# stub: stop_baseline, restored_baseline = ..., ...
### END SOLUTION

# %%
# NBVAL_CHECK_OUTPUT
ex.check("5", stop_min_delta=stop_min_delta, restored_min_delta=restored_min_delta,
         stop_start=stop_start, restored_start=restored_start, stop_baseline=stop_baseline,
         restored_baseline=restored_baseline)

# %% [markdown] tags=["solution"]
# With `min_delta=0.02` the drops at epochs 7 (0.46 → 0.45) and 9 are too small to count until
# the wait has run out: patience 3 stops at epoch 7 instead of 12 and restores epoch 4 — not epoch
# 7, although its loss was lower. `start_from_epoch=6` hides the early minimum at epoch 4, so
# training goes on and restores epoch 9. With `baseline=0.45` no loss gets below 0.45 before the
# first rise, so the wait is never restarted and training stops one epoch sooner than with
# patience 2 alone; the best epoch's weights are still restored.

# %% [markdown]
# ## Exercise 6 · Patience 5 or 20 on the heart data? Decide, and defend it
#
# A larger patience can only find an equal or lower validation loss, but it costs epochs. Is
# patience 20 worth it for exercise 3's network? Train three networks (seeds `SEED`, `SEED + 1`,
# `SEED + 2`) on exercise 3's split for 100 epochs each, without callbacks, as in exercise 4. Keep
# the three networks in the list `models` and their history tables in the list `histories`, in the
# same order (the check compares each table with its network's own record of its training run).
# For each run, read off where `EarlyStopping(patience=5)` and `EarlyStopping(patience=20)` (both
# with `restore_best_weights=True`) would stop and which epoch each would restore, and store:
#
# - `extra_epochs`: the epochs patience 20 trains beyond patience 5, one number per run;
# - `loss_gain`: patience 5's restored validation loss minus patience 20's, one number per run.
#
# With 76 validation patients, treat a mean gain below 0.01 as noise. Store your `choice`,
# `"patience 5"` or `"patience 20"`, and defend it in a sentence with your numbers.

# %% tags=["solution", "exercise-6"]
### BEGIN SOLUTION
X, y = regutils.load_heart()
# random_state fixed on purpose: exercise 3's split
X_train, X_val, y_train, y_val = train_test_split(X, y, test_size=0.25, stratify=y, random_state=0)
preprocessor = regutils.heart_preprocessor().fit(X_train)
Z_train, Z_val = preprocessor.transform(X_train), preprocessor.transform(X_val)
models, histories = [], []
for seed in (SEED, SEED + 1, SEED + 2):
    keras.utils.set_random_seed(seed)
    model = build_mlp(Z_train.shape[1], (64, 64), seed=seed)
    histories.append(train(model, Z_train, y_train, validation_data=(Z_val, y_val), epochs=100))
    models.append(model)  # the check compares each table with its network's record


def stop_and_best(val_loss, patience):
    # (stop, restored) of EarlyStopping(patience=patience, restore_best_weights=True), from 1
    best, best_epoch, wait = np.inf, 0, 0
    for epoch, value in enumerate(val_loss, start=1):
        wait += 1
        if value < best:
            best, best_epoch, wait = value, epoch, 0
        elif wait >= patience:
            return epoch, best_epoch
    return len(val_loss), best_epoch


extra_epochs, loss_gain = [], []
for history in histories:
    val_loss = history["val_loss"].to_numpy()
    (stop_5, best_5), (stop_20, best_20) = stop_and_best(val_loss, 5), stop_and_best(val_loss, 20)
    extra_epochs.append(stop_20 - stop_5)
    loss_gain.append(val_loss[best_5 - 1] - val_loss[best_20 - 1])
extra_epochs, loss_gain = np.array(extra_epochs), np.array(loss_gain)
choice = "patience 20" if loss_gain.mean() >= 0.01 else "patience 5"
print("extra epochs of patience 20:", extra_epochs.tolist())
print("validation loss gained:", loss_gain.round(4).tolist(), f"(mean {loss_gain.mean():.4f})")
print("choice:", choice)
# stub: models = ...
# stub: histories = ...
# stub: extra_epochs = ...
# stub: loss_gain = ...
# stub: choice = ...
### END SOLUTION

# %%
# NBVAL_CHECK_OUTPUT
ex.check("6", histories=histories, models=models, extra_epochs=extra_epochs, loss_gain=loss_gain, choice=choice)

# %% [markdown] tags=["solution"]
# The printed numbers are the defence: patience 20 trains the extra epochs above for the mean
# gain above. When that gain is below 0.01 — the size of the loss's own epoch-to-epoch wobble on 76
# patients — the extra epochs buy noise, and patience 5 is the choice; when it is larger, the
# run-to-run spread of the three gains says how much to trust it. The gain is measured on the
# same validation set that chose the epochs, so it flatters the larger patience: with more data,
# judge both on a separate test set (as the lesson did) or by cross-validation.

# %% [markdown]
# ## Where next
#
# Lesson 11 regularizes with the data and the targets (augmentation, label smoothing, noise,
# max-norm); lesson 12 puts the course's regularizers side by side and combines them.
