"""Lesson 08's concept quiz: dropout (INSTRUCTORS.md, ``### 08 ·``)."""

from __future__ import annotations

from regutils.quizzes import Question

QUESTIONS = [
    Question(
        "What does `keras.layers.Dropout(0.2)` on a network's inputs do in training?",
        choices=[
            "It keeps each input with probability 0.2 and sets the other 80 % of them to zero.",
            "It multiplies every input by 0.2, so all of the inputs reach the network weaker.",
            "It zeroes each input with probability 0.2, anew for each example, and scales up the "
            "rest.",
            "It sets 20 % of the inputs to zero, the same ones for every example and every step.",
        ],
        answer="c",
        why_not={
            "a": "That is the dropout paper's convention: its *p* is the probability of "
            "*keeping* a unit. Keras' (and PyTorch's) `rate` is the fraction *dropped*, so this "
            'reading turns "drop 20 %" into "drop 80 %".',
            "b": "Dropout does not scale everything down: it zeroes a random share of the units "
            "and scales the survivors *up*, by 1 / (1 − rate).",
            "d": "The choice is fresh for every example (and every step); a fixed set of dropped "
            "inputs would simply remove those pixels from the network.",
        },
        explanation="It sets each input to zero with probability 0.2, a fresh draw for each "
        "example, and keeps (and scales up) the rest. Section 3 reads the rate: `Dropout(0.2)` "
        "keeps 80 % of the pixels (the "
        "paper's p = 0.8). Section 4 measures it on a million units: 80 % kept in training, and "
        "the kept ones scaled by 1 / (1 − 0.2) = 1.25.",
    ),
    Question(
        "After training, you call `model.predict(X)` (or `model(X)`) on a network with "
        "`Dropout(0.5)` layers. What do the dropout layers do?",
        choices=[
            "Nothing: at inference they pass their inputs through unchanged.",
            "They still drop half the units, so two calls give different predictions.",
            "They multiply every unit by 0.5, to match the training-time average.",
            "They multiply every unit by 2, to make up for the dropped half.",
        ],
        answer="a",
        why_not={
            "b": "Only with `training=True` (Monte Carlo dropout, section 7). `predict` and an "
            "ordinary call run in inference mode, where dropout is off and the output is "
            "deterministic.",
            "c": "That is the original paper's test-time rule (weights times p). Keras uses "
            "*inverted* dropout: the scaling already happened in training, so nothing is left "
            "to do at inference.",
            "d": "The factor 1 / (1 − rate) = 2 is applied in *training*, to the units that were "
            "kept; at inference no unit is dropped, so there is nothing to make up for.",
        },
        explanation="Section 4 (*What the layer does: inverted dropout*): in training the kept "
        "units are scaled by 1 / (1 − rate), so each unit's expected output equals its input; at "
        "inference the layer is the identity, and the claim there measures a largest "
        "|output − input| of 0.",
    ),
    Question(
        'A colleague says: "Use 0.5 on the hidden layers, it is always the right rate." What '
        "did the lesson's paired runs (none, 0.2 / 0.5 and 0.2 / 0.7 on the same three training "
        "subsets) show?",
        choices=[
            "0.5 beat no dropout on every subset, so the colleague is right.",
            "The higher the rate, the lower the validation log-loss: 0.7 did best.",
            "One run per rate is enough to rank rates, if all runs use the same seed.",
            "0.7 lost to 0.5 on every subset; none against 0.5 could not be ranked.",
        ],
        answer="d",
        why_not={
            "a": "Whatever the signs in one run, the lesson could not rank none against 0.5: three "
            "subsets are too few, and 0.5 was not lower on average in every repeated run of the "
            "lesson (section 3). And a win on one network and one data set says nothing about 'always'.",
            "b": "The training loss rose with every step up in dropout, and from 0.5 to 0.7 the "
            "validation log-loss rose on every subset: more noise stopped paying for itself.",
            "c": "A single run moves with the training subset (section 3): only paired runs on "
            "several subsets, with their spread, can rank settings, and three were not enough "
            "for none against 0.5.",
        },
        explanation="Section 6 (*How much to drop: paired runs*): 0.7 had a higher validation "
        "log-loss than 0.5 on every subset, while none against 0.5 could not be ranked on three "
        "subsets: 0.5 was lower on average in most repeated runs of the lesson, not in all. A "
        "common default is a starting point; tune the rate like any regularization strength, by "
        "cross-validation or over several training sets.",
    ),
    Question(
        "For Monte Carlo dropout you call `model(X, training=True)` many times. The model also "
        "has a `BatchNormalization` layer. What does `training=True` switch on?",
        choices=[
            "Dropout only: `training=` is the argument dropout layers read, and other layers "
            "ignore it.",
            "Every layer's training mode: batch normalization normalizes by the batch and updates "
            "its averages.",
            "Nothing at prediction time: `training=` only matters inside `fit`, in the training "
            "steps.",
        ],
        answer="b",
        why_not={
            "a": "`training=True` is passed to *every* layer of the model, so batch "
            "normalization switches to training mode too. To keep only dropout on, use a "
            "dropout layer that is always in training mode (the lesson's `MCDropout`).",
            "c": "Calling a model with `training=True` outside `fit` is exactly how Monte Carlo "
            "dropout gets its random passes; it changes what every layer does.",
        },
        explanation="Section 8 (*Monte Carlo dropout in a network with batch normalization*): the "
        "naive passes changed what batch normalization outputs and moved its stored moving mean; "
        "with `MCDropout`, called as for any prediction, batch normalization used its stored "
        "averages and only dropout was random.",
    ),
    Question(
        "In training, `Dropout(0.25)` keeps a unit whose input is 3.0. What does the layer "
        "output for that unit?",
        answer=4.0,
        tol=1e-3,
        explanation="Inverted dropout scales every kept unit by 1 / (1 − rate) = 1 / 0.75, so "
        "3.0 becomes 4.0; a dropped unit outputs 0. On average over the random mask the output "
        "is 0.75 × 4.0 = 3.0, the input: that is why nothing needs to change at inference "
        "(section 4, and the from-scratch version in section 5).",
    ),
]
