"""Concept quiz of lesson 09, batch normalization (INSTRUCTORS.md, ``### 09 ·``)."""

from __future__ import annotations

from regutils.quizzes import Question

QUESTIONS = [
    Question(
        "Section 8 compared each batch-norm network with the network without it, trained from "
        "the same seed on the same split. What do those runs say about batch normalization as a "
        "regularizer?",
        choices=[
            "It regularizes like dropout: each example is normalized with random batch-mates, "
            "and that noise is what dropout adds too.",
            "It regularizes: the validation log-loss and accuracy were better with it.",
            "It trained faster and fitted better, but *widened* the train–validation gap on "
            "average: regularization was not shown.",
            "It changed nothing: the networks ended with the same scores.",
        ],
        answer="c",
        explanation=(
            "A regularizer narrows the gap between training and validation scores. In section 8 "
            "batch normalization lowered the training log-loss in every run and the validation "
            "log-loss on average, but it widened both gaps on average (the last two claims), and "
            'the networks end at very different training losses. The verdict is "not shown": '
            "do not drop dropout, a penalty or early stopping because the network has batch norm."
        ),
        why_not={
            "a": "Tempting: Ioffe & Szegedy suggested this noise could stand in for dropout. But "
            "an idea is not a measurement: section 8 measured the gap and it *widened* on "
            "average with batch normalization.",
            "b": "Better validation scores came with much better training scores: the network "
            "simply fitted faster. A regularizer narrows the train–validation gap, and this one "
            "widened it (section 8's last two claims).",
            "d": "The scores did change: the training log-loss fell in every run and the "
            "validation scores improved on average (section 8's first three claims).",
        },
    ),
    Question(
        "A network with `BatchNormalization()` (Keras' defaults) trains on a small data set, 17 "
        "batches per epoch. Its training accuracy climbs quickly, but its validation accuracy "
        "stays low for the first epochs. What is the most likely reason?",
        choices=[
            "Validation uses the moving averages; with momentum 0.99 they still hold mostly "
            "their starting values.",
            "The network has not learned yet: validation accuracy always trails training "
            "accuracy early on.",
            "Batch normalization does not work on small data sets: remove the layers.",
            "The validation batches are normalized with their own statistics, which differ "
            "from the training batches'.",
        ],
        answer="a",
        explanation=(
            "Validation runs in inference mode, which normalizes with the moving averages; they "
            "start at mean 0 and variance 1. Section 4 (training mode and inference mode) trained the same network with momentum "
            "0.9 and 0.99: the training runs were identical, yet after 2 epochs the 0.99 network "
            "trailed in validation accuracy by more than 0.3. Each step moves the moving averages "
            "only 1 - momentum of the way; lower the momentum or train longer."
        ),
        why_not={
            "b": "Section 4's two runs had *identical* training (same weights, epoch by epoch); "
            "only the moving averages differed, and so did the validation accuracy.",
            "c": "Batch normalization worked on these 1,078 images: it reached 85 % in at most "
            "half the epochs on average (section 3). The lag comes from the moving averages' momentum, "
            "which you can lower.",
            "d": "In inference mode (validation during `fit`, `predict`, `evaluate`) a batch-norm "
            "layer does not use the batch's statistics at all: it uses the moving averages.",
        },
    ),
    Question(
        "A new `BatchNormalization` layer with Keras' default momentum 0.99 is trained for one "
        "epoch of 17 batches. What share of its moving mean's *starting* value is still in it "
        "(a number between 0 and 1, to two decimals)?",
        answer=0.99**17,
        tol=0.006,
        explanation=(
            "Each training step keeps a share `momentum` of the old value: after t steps "
            "momentum**t of the start is left, 0.99**17 ≈ 0.84. Section 4 prints this share "
            "after 1, 2 and 5 epochs: with 0.99 most of the starting 0 and 1 survives the first "
            "epochs, with 0.9 almost none does."
        ),
    ),
    Question(
        "The first batch-norm layer of a trained network normalizes a training batch of just "
        "*two* images. What values of x̂ does each unit give them?",
        choices=[
            "Values close to those of inference mode, only a little noisier from the small batch.",
            "About −1 and +1, whatever the two inputs were: only which one was larger survives.",
            "Both exactly 0, since with two images each one equals the batch mean.",
        ],
        answer="b",
        explanation=(
            "Two values minus their mean are ±d/2, and their standard deviation is d/2: the "
            "normalized values are ±1 (slightly less, because of epsilon). Section 6 (tiny "
            "batches) measured it, and batches of 2 and 4 lost more than 0.1 of accuracy against "
            "inference mode; the explorer of section 9 shows the two spikes."
        ),
        why_not={
            "a": "With 2 examples the batch mean is typically half a standard deviation off "
            "(section 6), and the normalization is not a small perturbation: it maps any pair "
            "to about ±1. Use batches of 16 or more, or a batch-independent normalization.",
            "c": "Each image differs from the batch mean (the average of the two) unless the two "
            "are equal; the difference is then divided by the batch's small standard deviation, "
            "which blows it up to about 1.",
        },
    ),
    Question(
        "Section 7 trained batch normalization before and after the sigmoid, with the same "
        "seeds and splits. What did it find?",
        choices=[
            "Before the activation is clearly better, as the original paper argued for "
            "saturating units.",
            "After the activation is clearly better, as many practitioners report from experience.",
            "Only the placement before the activation gave the speed-up; after it, training "
            "stayed slow.",
            "Both gave the full speed-up; their final accuracies differed by about the "
            "seed-to-seed spread.",
        ],
        answer="d",
        explanation=(
            "Both placements reached 85 % in at most half the epochs on average, and the mean difference of "
            "their final validation accuracies was below 0.02, about the seed-to-seed spread "
            "(section 7's claims). With five seeds and eight epochs the experiment cannot tell "
            "them apart: measure on your own problem when it matters."
        ),
        why_not={
            "a": 'Ioffe & Szegedy argued for "before", but section 7 measured a difference '
            'about the size of the seed-to-seed spread: not "clearly" anything.',
            "b": "A common rule of thumb, but section 7's difference was within the spread "
            "between seeds.",
            "c": 'The "after" network also reached 85 % in at most half the epochs of the '
            "network without batch norm on average (section 7's first claim).",
        },
    ),
]
