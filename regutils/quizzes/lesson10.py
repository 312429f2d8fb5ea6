"""Concept quiz of lesson 10, early stopping (INSTRUCTORS.md, ``### 10 ·``)."""

from __future__ import annotations

from regutils.quizzes import Question

QUESTIONS = [
    Question(
        '`EarlyStopping(monitor="val_loss", patience=5)` stops a run 5 epochs after its lowest '
        "validation loss. Which weights does the model hold after `fit` returns?",
        choices=[
            "Those of the epoch with the lowest validation loss: that is what early stopping is for.",
            "Those of the last epoch run, 5 epochs past the best.",
            "An average of the weights of the last 5 epochs.",
        ],
        answer="b",
        explanation=(
            "`restore_best_weights` defaults to `False`: the callback stops at the right time "
            "but leaves the last epoch's weights. Section 4 (what `restore_best_weights=False` "
            "costs) scored both: the last weights had a higher validation loss, and section 5 "
            "found the cost grows with patience. Always pass `restore_best_weights=True`."
        ),
        why_not={
            "a": "That is what you get with `restore_best_weights=True`, which is not the "
            "default (section 4 prints the default: False).",
            "c": "No Keras callback averages weights; the choice is between the last epoch's "
            "weights (the default) and the best epoch's (`restore_best_weights=True`).",
        },
    ),
    Question(
        "Section 2 trained the same network with the same seeds on noisy and on clean labels. "
        "What did stopping at the lowest validation loss buy on the test set?",
        choices=[
            "About the same on both: early stopping helps by roughly 0.1 of accuracy and of "
            "log-loss.",
            "Nothing on either: the network was too small to overfit, on noisy or on clean labels.",
            "More on clean labels: there the network learns more before it starts to overfit, so "
            "stopping saves more.",
            "About 0.1 of accuracy and of log-loss on noisy labels; at most a few hundredths "
            "either way on clean labels.",
        ],
        answer="d",
        explanation=(
            "Section 2's clean-label control: on clean labels the test accuracy and log-loss "
            "barely move after the best epoch, so stopping changed them by less than 0.03 of "
            "accuracy and 0.04 of log-loss either way; on noisy labels it gained more, every seed (the paired claims). Early stopping "
            "is worth most when the training set has something to memorize that does not "
            "generalize. It is not free either: it needs a validation set."
        ),
        why_not={
            "a": "The gain was not the same: the paired claims of section 2 show more accuracy "
            "and more log-loss saved on noisy labels than on clean ones, for every seed.",
            "b": "The network did overfit the noisy labels: its training accuracy ended above the "
            "share of right labels (section 2's first claim), and the test accuracy fell after "
            "the best epoch.",
            "c": "The opposite: on clean labels there is nothing wrong to memorize, and stopping "
            "changed the test scores by at most a few hundredths, either way.",
        },
    ),
    Question(
        "Why not simply stop at the first epoch whose validation loss does not improve "
        "(patience 0)?",
        choices=[
            "Validation curves are noisy: one bump can stop training before a later, lower "
            "minimum.",
            "Keras does not allow patience 0: `EarlyStopping` needs at least one epoch to wait.",
            "A larger patience always gives a better model, so patience 0 is always the worst "
            "choice.",
        ],
        answer="a",
        explanation=(
            "Patience counts epochs without a new best. Section 5 (patience: epochs saved against "
            "accuracy) measured it: patience 20 trained several times as long as patience 0, and "
            "here bought at most 0.02 of test accuracy (section 5's last claim); patience trades "
            "epochs for robustness to bumps. On other data a small patience stops at the first "
            "bump of a noisy curve. Choose it from your own curves (exercise 6)."
        ),
        why_not={
            "b": "`patience=0` is allowed — it is even `EarlyStopping`'s default; section 5 "
            "applies Keras' rule with patience 0, which stops at the first epoch without a new "
            "best.",
            "c": "Not in section 5: patience 5, 10 and 20 bought at most 0.02 of test accuracy "
            "over patience 0 while training much longer. A larger patience finds an equal or "
            "lower *validation* loss, which need not be better on the test set.",
        },
    ),
    Question(
        "With `EarlyStopping(patience=3, min_delta=0.02, restore_best_weights=True)`, the best "
        "loss so far is 0.46 at epoch 4, and epoch 7 reaches 0.45, the lowest of the whole run. "
        "Training stops at epoch 7. Whose weights does the model end with?",
        choices=[
            "Epoch 7's: it has the lowest validation loss of the whole run, so it is restored.",
            "The last epoch's, since no epoch beat the best by more than `min_delta`.",
            "Epoch 4's: 0.45 is only 0.01 below the best, so epoch 7 never became the best.",
            "Epoch 1's: the first epoch the callback saw, kept as the reference for `min_delta`.",
        ],
        answer="c",
        explanation=(
            "`min_delta` decides what counts as an improvement: a loss becomes the new best only "
            "if it is more than `min_delta` below the best so far. Section 6 (three more "
            "arguments) and exercise 5: the restored weights are those of the last *clear* "
            "improvement, not always the lowest loss."
        ),
        why_not={
            "a": "The lowest loss is restored only if it became the best, and with `min_delta="
            "0.02` a drop of 0.01 does not count (section 6).",
            "b": "The callback restores its recorded best epoch, which here is epoch 4; the last "
            "epoch's weights are what `restore_best_weights=False` would keep.",
            "d": "The prompt says epoch 4 holds the best loss so far, so it counted as an "
            "improvement when it came; the callback restores its recorded best epoch, which is "
            "epoch 4.",
        },
    ),
    Question(
        "`EarlyStopping(patience=2)` stops a run after its 6th epoch (counting from 1, like the "
        "rows of the history table). What does the callback's `stopped_epoch` hold?",
        answer=5,
        tol=0,
        explanation=(
            "Keras counts epochs from 0, so the 6th epoch is epoch 5 for it; section 3 prints "
            "`stopped_epoch` and `best_epoch` beside the course's counting from 1 (exercise 2 "
            "asks the same)."
        ),
    ),
]
