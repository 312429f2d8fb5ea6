"""Lesson 07's concept quiz: weight penalties in neural networks (INSTRUCTORS.md, ``### 07 ·``)."""

from __future__ import annotations

from regutils.quizzes import Question

QUESTIONS = [
    Question(
        "You train the same network twice, once without a penalty and once with "
        "`kernel_regularizer=keras.regularizers.L2(0.01)` on its hidden layers. The penalized "
        "one ends with a *higher* `val_loss`. What does that tell you about how well it predicts?",
        choices=[
            "It predicts worse: a higher validation loss means worse validation predictions.",
            "Nothing yet: `val_loss` includes the penalty, so compare the predictions' log-loss.",
            "The penalty is too strong: lower it until the two `val_loss` values match.",
            "Keras scored the penalized model on its training data, not the validation data.",
        ],
        answer="b",
        why_not={
            "a": "Tempting, because without a penalty that is what `val_loss` means. With one, "
            "Keras adds the sum of `model.losses` to the loss it reports, for the validation "
            "patients too: a higher number can be all penalty.",
            "c": "Matching the reported losses would mean matching the penalty terms, not the "
            "predictions; the number is not a measure of fit for a penalized model.",
            "d": "`validation_data` is scored on the validation patients; the difference is what "
            "Keras adds to the data loss, not which data it used.",
        },
        explanation="Section 4 (*What the penalty adds to the loss*) takes the loss `evaluate()` "
        "reports apart: the data loss of the predictions *plus* the sum of `model.losses`, and "
        "the history's last `val_loss` is that same sum. Section 5 therefore compares penalties "
        "by the validation log-loss computed from the predictions, and by accuracy.",
    ),
    Question(
        "In Keras 3, what penalty does `kernel_regularizer=keras.regularizers.l1_l2()` (no "
        "arguments) add to the loss?",
        choices=[
            "0.01 · Σ|w| + 0.01 · Σw², the defaults tutorials rely on.",
            "A strength Keras chooses from the size of the layer.",
            "None at all: both strengths default to 0.0.",
        ],
        answer="c",
        why_not={
            "a": "Those were the defaults of Keras 2 (`tf.keras`), which is why tutorials "
            "written for it leave the arguments out. In Keras 3 the same code trains with no "
            "penalty and no warning.",
            "b": "Keras never sizes a penalty for you; a regularizer holds exactly the numbers "
            "it is given (or its defaults).",
        },
        explanation="Section 7 (*Pitfall: `l1_l2()` with no arguments*) prints the regularizer's "
        "configuration, l1 = 0.0 and l2 = 0.0, and `model.losses` full of zeros. Pass the "
        "strengths explicitly, and look at `model.losses` once.",
    ),
    Question(
        "Two weights start at 1. Weight *a* gets large data gradients, weight *b* almost none. "
        "You train with Adam and an L2 penalty λΣw² in the loss. What happens to them?",
        choices=[
            "*b* shrinks far more: Adam divides each gradient, penalty included, by that weight's "
            "recent gradients.",
            "Both shrink by the same factor per step: an L2 penalty in the loss is weight decay.",
            "Neither shrinks: Adam normalizes the gradients, so the penalty's gradient cancels out.",
            "The same as with `Adam(weight_decay=...)`: only `AdamW` decouples the decay from "
            "the gradient.",
        ],
        answer="a",
        why_not={
            "b": "True for plain gradient descent, where the penalty's gradient 2λw shrinks every "
            "weight in proportion to its size. Adam rescales that gradient weight by weight, so "
            "the shrinkage depends on each weight's gradient history.",
            "c": "Adam divides the penalty's gradient; it does not remove it. For a weight with no "
            "data gradient the penalty is the whole gradient, and Adam then moves it by about the "
            "learning rate per step, whatever λ.",
            "d": "In Keras 3 every optimizer applies `weight_decay` the decoupled way: "
            "`Adam(weight_decay=...)` gives exactly AdamW's weights, and it is *not* the L2 "
            "penalty in the loss.",
        },
        explanation="Section 8's two-weight experiment: Adam + L2 left the busy weight *a* almost "
        "where it was and wiped *b* out (no data gradient at all in that experiment), while AdamW "
        "(and `Adam(weight_decay=...)`) shrank both by the same factor, (1 − lr · weight_decay) "
        "per step. Loshchilov & Hutter (2019) "
        "decouple the decay for exactly this reason.",
    ),
    Question(
        "A run takes 80 optimizer steps at learning rate 0.003 with `AdamW(weight_decay=0.1)`. "
        "From the decay alone, what share of its size does a weight that the data does not hold "
        "in place keep at the end? (A number between 0 and 1, to three decimals.)",
        answer=(1 - 0.003 * 0.1) ** 80,
        tol=0.0005,
        explanation="Each step multiplies a decayed weight by 1 − lr · weight_decay = 0.9997, so "
        "80 steps leave 0.9997⁸⁰ ≈ e^(−0.024) ≈ 0.976 of it: a 2.4 % shrinkage at most. Section 8 "
        "(*How much does weight decay shrink?*) tabulates this factor: the strength of weight "
        "decay is learning rate × `weight_decay` × steps, so 0.1 does almost nothing in a short "
        "run.",
    ),
    Question(
        "You create `keras.optimizers.AdamW(learning_rate=0.003, weight_decay=0.01)` and train "
        "a network of Dense layers with it. Which variables does it decay?",
        choices=[
            "Only the kernels: Keras leaves the biases out of the decay by default.",
            "Only the kernels of layers that have a `kernel_regularizer`.",
            "The kernels and biases of the hidden layers, but not the output layer.",
            "Every trainable variable, biases included, unless you exclude them by name.",
        ],
        answer="d",
        why_not={
            "a": "That is the usual *intention* (biases are commonly excluded), but Keras does not "
            "assume it: unless told otherwise it decays every variable the optimizer updates.",
            "b": "Weight decay belongs to the optimizer, not to the layers: a `kernel_regularizer` "
            "adds a term to the loss and has nothing to do with which variables AdamW decays.",
            "c": "Keras makes no exception for the output layer: its kernel and bias are "
            "trainable variables like the others.",
        },
        explanation="Section 8 (*Which variables are decayed*) gives section 2's network one "
        "step with zero gradients: by default all six variables shrink by the same factor; with "
        '`exclude_from_weight_decay(var_names=["bias"])` only the three kernels do. The strings '
        'are searched in each variable\'s path, so `"bias"` catches every bias.',
    ),
]
