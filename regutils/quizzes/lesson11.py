"""Concept quiz of lesson 11, regularizing with data and targets (INSTRUCTORS.md, ``### 11 ·``)."""

from __future__ import annotations

from regutils.quizzes import Question

QUESTIONS = [
    Question(
        "Section 2 trained hidden layers of 4, 16, 64 and 256 units on the same runs. The gap "
        "between test and training log-loss grew with the width. What follows for choosing a "
        "network's size?",
        choices=[
            "Pick the smallest network that trains: a smaller gap always means better "
            "generalization.",
            "Fit the training data well first, then regularize; tune the width on validation data.",
            "Width does not matter: only penalties, dropout and the like regularize.",
            "Always pick the widest network: more units always predict better.",
        ],
        answer="b",
        explanation=(
            "Capacity acts like a regularization strength: the gap grew from 4 to 256 units on "
            "every run, yet 256 units still had a lower test log-loss than 16 (section 2's "
            "claims), and 4 units could not even fit the training images. A small gap is not a "
            "good test score; what counts is the test (or validation) loss itself, and the width is "
            "tuned like any strength, on validation data."
        ),
        why_not={
            "a": "Tempting, since the gap does shrink with fewer units. But section 2's 4-unit "
            "network underfits (training accuracy below 0.9) and 16 units had a *higher* test "
            "log-loss than 256: a narrow network loses more fit than it saves in overfitting.",
            "c": "Section 2 shows the opposite: the width moved the training loss and the gap on "
            "every run, just as a penalty's strength does.",
            "d": "Not always: section 2 measured widths up to 256 on these digits only. That 256 "
            "beat 16 here is a measurement, not a law; the gap grew with the width, and the "
            "width is tuned on validation data like any strength.",
        },
    ),
    Question(
        "A model starts with `Reshape((8, 8, 1))`, `RandomTranslation(0.125, 0.125)` and "
        "`Flatten()`. After training, you call `model.predict(X_test)` twice. What happens to "
        "the test images?",
        choices=[
            "Each call shifts them at random, so the two calls give slightly different predictions.",
            "They are shifted once by the average amount, the same in both calls.",
            "They pass through unchanged: augmentation layers act in training only.",
        ],
        answer="c",
        explanation=(
            "Keras' augmentation layers (and `GaussianNoise`) transform only in training mode; "
            "`predict` and `evaluate` run in inference mode, where these layers return their "
            'input. Section 3\'s claims and its "inference" panel show it: the largest '
            "difference between output and input is 0. When you call the model yourself, pass "
            "`training=False`: in Keras 3 a bare `model(x)` leaves the image augmentation layers "
            "in training mode."
        ),
        why_not={
            "a": "That is what happens in training mode (`model(x, training=True)`, and in Keras "
            "3 also a bare `model(x)` for image augmentation layers): two training calls differ, "
            "as section 3's figure shows. `predict` runs in inference mode.",
            "b": "There is no average shift: in inference mode the layer is the identity, as "
            "section 3 measured (largest difference 0).",
        },
    ),
    Question(
        "Section 4 trained the digits network with label smoothing, ε = 0.1. What did it do to "
        "the calibration of its probabilities?",
        choices=[
            "It made the network under-confident: the ECE and the test log-loss got worse on "
            "every run.",
            "It fixed the plain network's over-confidence: the ECE fell on every run, as in "
            "large networks.",
            "Nothing that matters: the accuracy hardly moved, so the probabilities are about as "
            "good.",
        ],
        answer="a",
        explanation=(
            "The plain network was already close to calibrated (an ECE below 0.03 on every run); "
            "smoothing lowered its confidence below its accuracy, so its points lie above the "
            "diagonal of the reliability diagram and both the ECE and the log-loss rose (section "
            "4's claims). Smoothing helped calibration in large networks that were over-confident "
            "to start with; measure before trusting it."
        ),
        why_not={
            "b": "That is the usual claim (true for the large over-confident networks Müller et "
            "al. studied), but this network was not over-confident: section 4's reliability "
            "diagrams show smoothing pushing it above the diagonal, and the ECE rose.",
            "c": "Accuracy only looks at the top digit. The log-loss and the ECE score the "
            "probabilities themselves, and both got worse on every run in section 4.",
        },
    ),
    Question(
        "With label smoothing ε = 0.1 and 10 classes, what is the training target for the "
        "*right* digit (in Keras' `CategoricalCrossentropy(label_smoothing=0.1)`)?",
        answer=0.91,
        tol=0.001,
        explanation=(
            "The smoothed target is 1 − ε + ε/10 = 0.9 + 0.01 = 0.91 for the right digit and "
            "ε/10 = 0.01 for each of the other nine (section 4): the loss never rewards a "
            "probability above 0.91, which is why smoothing lowers the confidence."
        ),
    ),
    Question(
        "A hidden `Dense(256)` layer on 64 inputs has a kernel of shape (64, 256). What does "
        "`kernel_constraint=keras.constraints.MaxNorm(1.0)` cap after each update?",
        choices=[
            "Each single weight, clipped to [−1, 1] after the update.",
            "Each input's outgoing weights: the norm of each row (axis 1).",
            "The norm of the whole kernel, scaled back to 1.",
            "Each unit's incoming weights: the norm of each column (axis 0).",
        ],
        answer="d",
        explanation=(
            "A Dense kernel has shape (inputs, units), so the weights coming into one unit are a "
            "column; MaxNorm scales back every column whose norm exceeds c and leaves the others "
            "alone. Section 6 checks it from scratch: after training no column of the capped "
            "network is longer than 1."
        ),
        why_not={
            "a": "Clipping single weights is a different (and rarer) constraint: MaxNorm looks at "
            "the length of a whole weight vector and rescales it, keeping its direction.",
            "b": "The rows are the weights *leaving* one input. Keras' MaxNorm uses axis 0 for a "
            "Dense kernel: one norm per unit (section 6, and exercise 3).",
            "c": "That would shrink every unit whenever one grows. MaxNorm caps each unit on its "
            "own: one norm per column, and only the long columns change.",
        },
    ),
]
