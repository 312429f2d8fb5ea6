"""Concept quiz of lesson 03 (the lasso), built from its misconceptions in ``INSTRUCTORS.md``.

Selected is not causal, a zero is not "useless", the bootstrap answers a question about one
estimate (not about the method), and a lasso solution is recognised by its optimality (KKT)
condition; plus why the absolute value gives exact zeros, with one soft-threshold to compute.
"""

from __future__ import annotations

from regutils.quizzes import Question

QUESTIONS = [
    Question(
        "Why does the lasso set coefficients *exactly* to zero, while ridge only makes them small?",
        choices=[
            "The lasso is usually run with a much larger α than ridge, strong enough to reach 0.",
            "The penalty |w| has a corner at 0: soft-thresholding sends every z in [−α, α] to 0.",
            "scikit-learn rounds coefficients below its tolerance `tol` to zero after fitting.",
            "The lasso drops the features whose variance is smallest, as they carry least signal.",
        ],
        answer="b",
        why_not={
            "a": "Strength is not the reason: ridge keeps every coefficient at *any* λ (section 1 "
            "says so), because its one-coordinate answer z / (1 + λ) only rescales z.",
            "c": "The zeros are not a rounding artefact: section 4's coordinate descent in plain "
            "NumPy (no rounding) gives the same exact zeros, straight from soft-thresholding.",
            "d": "The features are standardized first, so all have variance 1; what decides is "
            "each feature's x·r / n (its covariance with the residual), compared with α.",
        },
        explanation="For one coefficient the lasso's answer is the least-squares value z "
        "soft-thresholded. Section 4's figure: soft_threshold(z, α) is flat at 0 on [−α, α] and "
        "shifted by α outside, while ridge's z / (1 + λ) is a line through 0 that is never 0 "
        "except at z = 0. Section 3 shows the same with the diamond's corners on the axes.",
    ),
    Question(
        "With standardized features, coordinate descent meets a coefficient whose least-squares "
        "value given the others is z = −2.5, at α = 1. What value does it give that coefficient?",
        answer=-1.5,
        tol=1e-6,
        explanation="S(z, α) = sign(z) · max(|z| − α, 0) = −1 · (2.5 − 1) = −1.5: outside the "
        "dead zone the value moves toward 0 by exactly α, keeping its sign (section 4).",
    ),
    Question(
        "Three features correlated at 0.99 all have true coefficient 1. On your sample the lasso "
        "keeps `x1` and sets `x0` and `x2` to zero. What can you conclude?",
        choices=[
            "`x1` is the one that really drives the outcome; report it as the risk factor.",
            "`x0` and `x2` are useless: a zero coefficient means the feature carries no "
            "information.",
            "The lasso is unreliable here; use least squares to find the important features.",
            "Very little: which member of such a group the lasso keeps varies from sample to "
            "sample.",
        ],
        answer="d",
        why_not={
            "a": "Tempting, since the lasso 'selected' it, but section 5's 200 fresh training sets "
            "put each member first in about a third of them: the choice is made by small "
            "accidents of the sample, not by which feature matters.",
            "b": "The dropped twins carry nearly the same information as `x1`: section 5 shows "
            "that predictions barely suffer (the lasso's fresh-row RMSE is close to ridge's) "
            "because the kept feature stands in for them.",
            "c": "Least squares splits a correlated group's weight very unstably too (lesson 02, "
            "section 5); the lasso predicts well here (section 5). The problem is reading its "
            "*selection* as importance, not its predictions.",
        },
        explanation="Section 5: over fresh training sets the lasso usually keeps only one or two "
        "of the three, each member comes first about equally often, and the kept one stands in "
        "for its dropped twins. Treat the choice within a correlated group as "
        "arbitrary; the elastic net (lesson 04) keeps such groups together.",
    ),
    Question(
        "In section 5's setting (`x0`, `x1`, `x2` correlated at 0.99, all with true coefficient "
        "1) you hold one sample of 50 rows. Refitting the lasso on 200 bootstrap resamples of its "
        "rows, `x2` has the largest weight in most of them. What does this measure?",
        choices=[
            "How uncertain this sample's selection is: the resamples lean to its own favourite.",
            "That the lasso, as a method, prefers `x2` on any data drawn from this source.",
            "Nothing useful: with features this correlated, bootstrap resamples are unreliable.",
        ],
        answer="a",
        why_not={
            "b": "That is a question about the method, which needs fresh samples from the source: "
            "section 5's fresh training sets put each member first about a third of the time, "
            "while the bootstrap of one sample leaned to that sample's favourite.",
            "c": "It measures what it is built for: how much *this* sample's selection would "
            "change had its rows come out differently (section 5: a sizeable share of resamples "
            "keep another subset of the group than the full fit). It just cannot say what the "
            "method does on new data.",
        },
        explanation="Section 5, 'One sample, bootstrapped': the bootstrap answers how much this "
        "estimate would move had the rows come out a little differently; its resamples are "
        "centred on the sample and lean to the member its own fit weights most. For a claim about "
        "the method, draw fresh data; for the uncertainty of the estimate you have, bootstrap it.",
    ),
    Question(
        "A lasso fit at α = 0.5 on standardized features sets the coefficient of `s2` to exactly "
        "0. At a true lasso solution, what is x·r / n for `s2` (its inner product with the "
        "residual r, divided by n)?",
        choices=[
            "Exactly 0: the residual is orthogonal to every feature, as in least squares.",
            "Exactly +0.5 or −0.5, the same size as for the kept features.",
            "Anywhere in [−0.5, 0.5]: a dropped feature would not pay for its penalty.",
            "Above 0.5 in absolute value: that is exactly why the lasso dropped it.",
        ],
        answer="c",
        why_not={
            "a": "That is least squares' condition; the lasso's penalty stops short of it. Section "
            "4's table of x·r / n (at α = 1) shows non-zero values for the dropped features.",
            "b": "That holds for the *kept* features: their x·r / n is pinned at ±α with the "
            "sign of their coefficient. A dropped one only has to stay inside [−α, α].",
            "d": "It is the other way round: a feature with |x·r / n| > α could lower the "
            "objective by entering, so the fit would not be a solution (section 4's KKT check "
            "flags exactly this).",
        },
        explanation="Section 4, the optimality (KKT) condition: x·r / n = α·sign(w) for kept "
        "features and |x·r / n| ≤ α for dropped ones, here |x·r / n| ≤ 0.5. At α = 1 both "
        "solvers met it to better than 1e-6, and it certifies a lasso solution without a second "
        "solver.",
    ),
]
