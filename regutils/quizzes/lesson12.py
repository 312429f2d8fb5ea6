"""Concept quiz of lesson 12, choosing and combining regularizers (INSTRUCTORS.md, ``### 12 ·``)."""

from __future__ import annotations

from regutils.quizzes import Question

QUESTIONS = [
    Question(
        "A colleague has 50 rows and 20 features and believes every feature matters a little. "
        '"Small data, so use the lasso", they say. What does section 3\'s experiment suggest?',
        choices=[
            "The lasso: with little data, selecting a few features is what protects you from "
            "overfitting.",
            "Neither: with 50 rows any penalty is too noisy to choose, so fit without one.",
            "Ridge: with a dense truth ridge predicted better at n = 50; the truth decides, not "
            "the size.",
            "It makes no difference at this size; the two penalties predict equally well.",
        ],
        answer="c",
        explanation=(
            "At the same small size the sparse truth favoured the lasso and the dense truth "
            "favoured ridge (section 3's table and claims): the truth behind the data, not its size, "
            "decides between L1 and L2. What size does change is how much "
            "the choice matters: at n = 500 the two differed less for both truths. With little "
            "data, cross-validate both (or Elastic Net)."
        ),
        why_not={
            "a": "That is the rule of thumb section 3 tests, and it does not hold there: with a "
            "dense truth the lasso's zeros throw away real signal, and ridge predicted better at "
            "n = 50.",
            "b": "Small data is exactly when a penalty helps most; section 3's penalties were "
            "chosen by cross-validation inside each sample.",
            "d": "At n = 50 the two differed by more than 1 % in both truths (section 3's "
            "claims); it is with more rows that the difference shrinks.",
        },
    ),
    Question(
        "On section 5's digits network (200 training images), dropout 0.2/0.5 moved the test "
        "accuracy by less than two points on average. What did the test log-loss show?",
        choices=[
            "It fell in every paired run: the probabilities improved though accuracy hardly moved.",
            "It moved no more than the accuracy did: dropout does not help this network at all.",
            "It rose: dropout makes the network less sure of itself, which the log-loss punishes.",
        ],
        answer="a",
        explanation=(
            "The log-loss scores the probabilities, so it sees the memorising network's "
            "over-confident mistakes that accuracy (only the top digit) cannot. Section 5's "
            "claims: dropout lowered the test log-loss in every run while its test accuracy moved by "
            "less than two points on average. The test bed and the metric decide what a "
            "test can see."
        ),
        why_not={
            "b": "That is the conclusion an accuracy-only test invites. Section 5's figure shows "
            "every run's log-loss change left of 0 for dropout.",
            "c": "Less sure where it was wrongly sure is better under the log-loss: confident "
            "mistakes cost the most, and dropout lowered the test log-loss in every run.",
        },
    ),
    Question(
        "Section 7 compared L2 1e-3, dropout 0.2/0.5 and early stopping together (the runs of "
        "section 5), at these textbook strengths. Against the best of the three alone, what did the six paired runs "
        "show?",
        choices=[
            "Better than the best single one in every run: the benefits simply add up.",
            "Worse than no regularization at all: the three together underfit the images.",
            "Exactly as good as the best single one: the extra two add nothing at all.",
            "Better than none in every run, but not shown better than the best single one.",
        ],
        answer="d",
        explanation=(
            "All three together beat the unregularized network in every run, but their mean "
            "difference from the best single one was not two standard errors below zero "
            "(section 7's claims). A plausible reading: at textbook strengths their effects "
            "overlap; the 60-epoch cap also bound the combination in at least two runs (section "
            "5). Tune the strengths together: exercise 4 tunes dropout and L2 by cross-validation."
        ),
        why_not={
            "a": "Stacking sounds like adding benefits, but section 7's claim is that the "
            "combination is *not shown* better than the best single one: their mean difference "
            "is not two standard errors below zero.",
            "b": "Section 7's first claim: all three together lowered the test log-loss against "
            "none in every run.",
            "c": '"Not shown better" is not "equal": six runs on three splits cannot separate '
            "differences this small, in either direction.",
        },
    ),
    Question(
        "Section 5 trains full-batch: every step sees all 200 training images. Batch "
        "normalization still lowered the test log-loss there. What does that say about the "
        'popular explanation "batch norm regularizes through mini-batch noise"?',
        choices=[
            "It confirms it: batch statistics are noisy, so batch norm acts like dropout here.",
            "It is not the mechanism here: a full batch has no mini-batch noise, so the cause is "
            "not shown.",
            "It shows batch norm can replace L2 and dropout as this network's only regularizer.",
        ],
        answer="b",
        explanation=(
            "With all 200 images in every batch, each step normalizes with the statistics of the "
            "same 200 images: there is no mini-batch sampling noise, yet the test log-loss fell "
            "in every run while the network still fitted its training images (section 5). So the "
            "effect is measured, its mechanism is not — not a reason to drop L2 or dropout."
        ),
        why_not={
            "a": "Full-batch training draws no random batches: every step's statistics come from "
            "the same 200 images, so there is no sampling noise. Whatever helped here, it was not "
            "that noise.",
            "c": "Batch norm fitted the training images as tightly as the plain network (section "
            "5): an effect of unknown cause is no substitute for regularizers you understand.",
        },
    ),
    Question(
        "Section 6 compared a regularized logistic regression with a small neural network on "
        "the 303 heart patients: same folds, same rows, several network seeds. What did it find?",
        choices=[
            "The network was clearly better in log-loss: it learns interactions the linear model "
            "cannot.",
            "The logistic model was clearly better in accuracy, on every one of the five folds.",
            "No advantage for the network in log-loss or accuracy, at a higher cost and less "
            "readable.",
        ],
        answer="c",
        explanation=(
            "Fold by fold the two differed by a few patients at most, and neither mean "
            "difference (log-loss, accuracy) favoured the network by two standard errors "
            '(section 6). That is "not shown", not "equal" — but the logistic model is much '
            "cheaper and explains itself (its coefficients are readable, the network's weights "
            "are not), so on small tabular data start there."
        ),
        why_not={
            "a": "A network *can* learn interactions, but with 303 patients there was no "
            "measurable gain in section 6, in log-loss or in accuracy.",
            "b": "Section 6's fold-by-fold accuracy differences were fewer than 4 patients of "
            "about 60 in every fold: far too small to call either model clearly better with five "
            "folds.",
        },
    ),
]
