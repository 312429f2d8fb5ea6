# %% [markdown]
# # 06 · Regularized classification — exercises
#
# Four exercises on [lesson 06](06_regularized_classification.ipynb). Each one asks a question you
# answer with a few lines of code: write them in the cell marked `# Write your code here.` and
# replace each `...` with your answer (e.g. `best_C = 0.3`). The setup cell loads the heart data as
# `X, y`, lists its `numeric` and `categorical` columns, fixes the cross-validation `folds`, and
# defines `logistic(C, l1_ratio)`, the lesson's logistic regression. No cell depends on your
# answers, so you can skip an exercise and come back.
#
# **Feedback as you go.** The cell after each answer runs `ex.check(...)`: it says `Correct`, or
# what to look at. Stuck? `ex.hint("1")` gives a hint (call it again for the next one), and
# `ex.solution("1")` shows a worked solution — also in
# `solutions/06_regularized_classification_exercises.ipynb`.

# %% [markdown] tags=["solution"]
# > **Solutions notebook.** This is the worked-solutions version; the exercise notebook in
# > `notebooks/` is generated from it (`make exercises`).

# %%
import numpy as np
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import log_loss
from sklearn.model_selection import GridSearchCV, StratifiedKFold, cross_val_score, train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

import regutils
from regutils.model_selection import one_standard_error_rule

# One thread: fits on 240 rows gain nothing from a second one, and lose much when the cores are busy.
SEED = regutils.setup_notebook(seed=0, threads=1)
ex = regutils.exercises("06")  # check(), hint() and solution() for these exercises

heart = regutils.load_heart()
X, y = heart
categorical = list(heart.categorical_features)  # cp, restecg, slope, thal: category codes
numeric = [column for column in X.columns if column not in categorical]
# Fixed on purpose (not SEED), like every seed below: the checks recompute the answers with
# exactly these folds and models.
folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)


def logistic(C, l1_ratio):
    # The lesson's model: L2 (l1_ratio=0.0) with lbfgs, or L1 (l1_ratio=1.0) with saga.
    if l1_ratio == 0.0:
        return LogisticRegression(C=C, l1_ratio=0.0, solver="lbfgs", max_iter=1000)
    return LogisticRegression(C=C, l1_ratio=l1_ratio, solver="saga", max_iter=2000,
                              random_state=0)


# %% [markdown]
# ## Exercise 1 · Build the leak-free pipeline
#
# Build the preprocessing of lesson 06 yourself, as one scikit-learn estimator `model` that takes
# the raw table `X`:
#
# - the `numeric` columns: missing values filled with the median, then standardized;
# - the `categorical` columns: missing values filled with the most frequent code, then one-hot
#   encoded, with codes a training part never saw encoded as all zeros;
# - then an L2 logistic regression with `C = 1.0` (`logistic(1.0, 0.0)`).
#
# Then score it honestly: store in `mean_log_loss` its mean log-loss (a positive number, lower is
# better) over the five `folds`, with every preprocessing step refitted on each training part.

# %% tags=["solution", "exercise-1"]
### BEGIN SOLUTION
numeric_steps = make_pipeline(SimpleImputer(strategy="median"), StandardScaler())
categorical_steps = make_pipeline(SimpleImputer(strategy="most_frequent"),
                                  OneHotEncoder(handle_unknown="ignore", sparse_output=False))
preprocess = ColumnTransformer([("numeric", numeric_steps, numeric),
                                ("categorical", categorical_steps, categorical)])
model = make_pipeline(preprocess, logistic(1.0, 0.0))
# cross_val_score refits the whole pipeline on each training part; its score is the *negated*
# log-loss (scikit-learn's scores are "higher is better").
mean_log_loss = -cross_val_score(model, X, y, cv=folds, scoring="neg_log_loss").mean()
print(f"mean CV log-loss: {mean_log_loss:.4f}")
# stub: model = ...
# stub: mean_log_loss = ...
### END SOLUTION

# %%
# NBVAL_CHECK_OUTPUT
ex.check("1", model=model, mean_log_loss=mean_log_loss)

# %% [markdown] tags=["solution"]
# The pipeline gives the same predictions as `regutils.heart_preprocessor()` followed by the same
# model. Fitting the preprocessing on all rows first and cross-validating only the model would
# change the log-loss in the fourth decimal here (lesson 06, section 3) — small for these
# unsupervised steps, but the habit is what protects you from the steps that learn from labels.

# %% [markdown]
# ## Exercise 2 · An honest score for a tuned classifier
#
# Tune the L2 model's `C` over `[0.03, 0.1, 0.3, 1.0]` by cross-validated **log-loss**, and score the
# whole procedure "tune, then fit" honestly with nested cross-validation (lesson 05):
#
# ```python
# model = make_pipeline(regutils.heart_preprocessor(), logistic(C=1.0, l1_ratio=0.0))
# grid = {"logisticregression__C": [0.03, 0.1, 0.3, 1.0]}
# inner = StratifiedKFold(n_splits=5, shuffle=True, random_state=1)
# outer = StratifiedKFold(n_splits=5, shuffle=True, random_state=2)
# ```
#
# Store in `nested_log_loss` the mean log-loss over the `outer` folds of the search (tuned on the
# `inner` folds), as a positive number. Then fit the same search on all of `X, y` and store its
# best inner log-loss (positive) in `best_inner_log_loss` and the chosen `C` in `best_C`. Which of
# the two log-losses would you report?

# %% tags=["solution", "exercise-2"]
### BEGIN SOLUTION
model = make_pipeline(regutils.heart_preprocessor(), logistic(C=1.0, l1_ratio=0.0))
grid = {"logisticregression__C": [0.03, 0.1, 0.3, 1.0]}
inner = StratifiedKFold(n_splits=5, shuffle=True, random_state=1)
outer = StratifiedKFold(n_splits=5, shuffle=True, random_state=2)
search = GridSearchCV(model, grid, cv=inner, scoring="neg_log_loss")  # C chosen on log-loss
nested_log_loss = -cross_val_score(search, X, y, cv=outer, scoring="neg_log_loss").mean()
search.fit(X, y)
best_inner_log_loss = -search.best_score_
best_C = search.best_params_["logisticregression__C"]
print(f"nested CV log-loss: {nested_log_loss:.4f}")
print(f"best inner CV log-loss: {best_inner_log_loss:.4f} at C = {best_C}")
# stub: nested_log_loss = ...
# stub: best_inner_log_loss = ...
# stub: best_C = ...
### END SOLUTION

# %%
# NBVAL_CHECK_OUTPUT
ex.check("2", nested_log_loss=nested_log_loss, best_inner_log_loss=best_inner_log_loss,
         best_C=best_C)

# %% [markdown] tags=["solution"]
# Report the nested log-loss: it scores the whole procedure on rows the search never saw.
# `best_score_` is the best of four estimates on the same inner folds that chose it, so it is
# optimistic: here it is lower (better) than the nested log-loss. The model to use is still the
# search fitted on all rows (`search.best_estimator_`).

# %% [markdown]
# ## Exercise 3 · A short list of measurements — decide, and defend it with a number
#
# A clinic wants a screening form that asks for as few measurements as possible, without losing
# predictive quality that the data can detect. Use the L1 model `logistic(C, 1.0)` behind
# `regutils.heart_preprocessor()`:
#
# 1. For each `C` in `[0.1, 0.2, 0.3, 0.5, 1.0]`, compute the mean and the standard error of the
#    log-loss over the five `folds`.
# 2. Choose `C` with the one-standard-error rule of lesson 05, applied to log-loss, and store it in
#    `chosen_C`.
# 3. Fit that model on all of `X, y` and store the sorted names of the features it keeps in `kept`.
# 4. Defend the choice with a number: store in `loss_cost` how much mean log-loss the chosen `C`
#    gives up compared with the best `C` (0 if they are the same).

# %% tags=["solution", "exercise-3"]
### BEGIN SOLUTION
Cs = [0.1, 0.2, 0.3, 0.5, 1.0]
losses = np.array([-cross_val_score(make_pipeline(regutils.heart_preprocessor(), logistic(C, 1.0)),
                                    X, y, cv=folds, scoring="neg_log_loss") for C in Cs])
mean_loss = losses.mean(axis=1)
standard_errors = losses.std(axis=1, ddof=1) / np.sqrt(losses.shape[1])
# C is the inverse strength: the simpler model (stronger penalty) is the *smaller* C.
chosen_C = one_standard_error_rule(Cs, mean_loss, standard_errors, simpler="lower",
                                   greater_is_better=False)
final = make_pipeline(regutils.heart_preprocessor(), logistic(chosen_C, 1.0)).fit(X, y)
names = final[:-1].get_feature_names_out()
kept = sorted(str(name) for name in names[final[-1].coef_[0] != 0])
loss_cost = mean_loss[Cs.index(chosen_C)] - mean_loss.min()
for C, m, se in zip(Cs, mean_loss, standard_errors):
    print(f"C = {C:<4g} mean log-loss {m:.4f} (standard error {se:.4f})")
print(f"chosen C = {chosen_C}: {len(kept)} features, {loss_cost:.4f} more log-loss than the best")
# stub: chosen_C = ...
# stub: kept = ...
# stub: loss_cost = ...
### END SOLUTION

# %%
# NBVAL_CHECK_OUTPUT
ex.check("3", chosen_C=chosen_C, kept=kept, loss_cost=loss_cost)

# %% [markdown] tags=["solution"]
# The one-SE choice keeps fewer features than the best `C` and gives up less mean log-loss than
# one standard error — a difference the five folds cannot distinguish from noise. Choosing on
# accuracy instead would pick another `C`: accuracy is a coarser score (lesson 06, section 8).

# %% [markdown]
# ## Exercise 4 · How much does one split's score vary?
#
# Score the L2 model `make_pipeline(regutils.heart_preprocessor(), logistic(1.0, 0.0))` on 20
# single 80/20 splits, the way many tutorials split: for each seed in `range(20)`, an unstratified
# `train_test_split(X, y, test_size=0.2, random_state=seed)`. Fit on the training part and score
# the test part. Store the 20 test accuracies in the list `accuracies` and the 20 test log-losses
# in the list `losses`, both in seed order (seed 0 first). Then look at their ranges (lowest to
# highest) and compare them with the differences between models in the lesson.

# %% tags=["solution", "exercise-4"]
### BEGIN SOLUTION
accuracies, losses = [], []
for seed in range(20):
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=seed)
    fitted = make_pipeline(regutils.heart_preprocessor(), logistic(1.0, 0.0)).fit(X_train, y_train)
    accuracies.append(fitted.score(X_test, y_test))
    losses.append(log_loss(y_test, fitted.predict_proba(X_test)[:, 1]))
print(f"accuracy over 20 splits: {min(accuracies):.3f} to {max(accuracies):.3f}; "
      f"log-loss: {min(losses):.3f} to {max(losses):.3f}")
# stub: accuracies = ...
# stub: losses = ...
### END SOLUTION

# %%
# NBVAL_CHECK_OUTPUT
ex.check("4", accuracies=accuracies, losses=losses)

# %% [markdown] tags=["solution"]
# The same model on the same data: about ten points of accuracy between the luckiest and the
# unluckiest split, and a log-loss range several times larger than the L1–L2 difference of the
# lesson. One split cannot tell such models apart.

# %% [markdown]
# ## Where next
#
# Lesson 07 moves the same penalties into neural networks: Keras's `kernel_regularizer`, what it
# adds to the loss, and the difference between an L2 penalty and decoupled weight decay.
