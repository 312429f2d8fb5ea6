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
            "The lasso is usually run with a larger penalty strength than ridge.",
            "The absolute value has a corner at 0: for one coefficient the answer is the "
            "least-squares value soft-thresholded, exactly 0 anywhere in the dead zone [−α, α].",
            "scikit-learn rounds coefficients below its tolerance `tol` to zero after fitting.",
            "The lasso drops the features whose variance is smallest.",
        ],
        answer="b",
        why_not={
            "a": "Strength is not the reason: ridge keeps every coefficient at *any* λ (section 1 "
            "says so), because its one-coordinate answer z / (1 + λ) only rescales z.",
            "c": "The zeros are not a rounding artefact: section 4's coordinate descent in plain "
            "NumPy (no rounding) gives the same exact zeros, straight from soft-thresholding.",
            "d": "The features are standardized first, so all have variance 1; what decides is "
            "each feature's correlation with the residual, compared with α.",
        },
        explanation="Section 4's figure: soft_threshold(z, α) is flat at 0 on [−α, α] and "
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
            "Very little about which member matters: over fresh training sets each member comes "
            "first about equally often, and the kept one stands in for its dropped twins.",
        ],
        answer="d",
        why_not={
            "a": "Tempting, since the lasso 'selected' it, but section 5's 200 fresh training sets "
            "put each member first in about a third of them: the choice is made by small "
            "accidents of the sample, not by which feature matters.",
            "b": "The dropped twins carry nearly the same information as `x1`: section 5 shows "
            "that predictions barely suffer (the lasso's fresh-row RMSE is close to ridge's) "
            "because the kept feature stands in for them.",
            "c": "Least squares spreads the weight of a correlated group very unstably too; the "
            "lasso predicts well here (section 5). The problem is reading its *selection* as "
            "importance, not its predictions.",
        },
        explanation="Section 5: over fresh training sets the lasso usually keeps only one or two "
        "of the three, and no member is favoured. Treat the choice within a correlated group as "
        "arbitrary; the elastic net (lesson 04) keeps such groups together.",
    ),
    Question(
        "You hold one sample. Refitting the lasso on 200 bootstrap resamples of its rows, `x2` has "
        "the largest weight in most of them. What does this measure?",
        choices=[
            "How uncertain *this sample's* selection is: the resamples are centred on the sample "
            "and lean to the member its own fit weights most.",
            "That the lasso, as a method, prefers `x2` on data from this source.",
            "That `x2` has the largest true coefficient.",
        ],
        answer="a",
        why_not={
            "b": "That is a question about the method, which needs fresh samples from the source: "
            "section 5's fresh training sets put each member first about a third of the time, "
            "while the bootstrap of one sample leaned to that sample's favourite.",
            "c": "All three true coefficients are equal (1) in section 5; the bootstrap inherits "
            "whatever the one sample happens to favour.",
        },
        explanation="Section 5, 'One sample, bootstrapped': the bootstrap answers how much this "
        "estimate would move had the rows come out a little differently. For a claim about the "
        "method, draw fresh data; for the uncertainty of the estimate you have, bootstrap it.",
    ),
    Question(
        "A lasso fit at α = 1 on standardized features sets the coefficient of `s2` to exactly 0. "
        "At a true lasso solution, what is `s2`'s correlation with the residual, x·r / n?",
        choices=[
            "Exactly 0: the residual is orthogonal to every feature, as in least squares.",
            "Exactly +1 or −1, like the kept features.",
            "Anywhere in [−1, 1]: a dropped feature would not pay for its own penalty.",
            "Above 1 in absolute value: that is why the lasso dropped it.",
        ],
        answer="c",
        why_not={
            "a": "That is least squares' condition; the lasso's penalty stops short of it. Section "
            "4's table of x·r / n shows non-zero values for the dropped features.",
            "b": "That holds for the *kept* features: their correlation is pinned at ±α with the "
            "sign of their coefficient. A dropped one only has to stay inside [−α, α].",
            "d": "It is the other way round: a feature with |x·r / n| > α could lower the "
            "objective by entering, so the fit would not be a solution (section 4's KKT check "
            "flags exactly this).",
        },
        explanation="Section 4, the optimality (KKT) condition: x·r / n = α·sign(w) for kept "
        "features and |x·r / n| ≤ α for dropped ones. Both solvers met it to better than 1e-6, "
        "and it certifies a lasso solution without a second solver.",
    ),
]
