"""Lesson 05's concept quiz: tuning λ (built from INSTRUCTORS.md, "05 · Tuning λ")."""

from __future__ import annotations

from regutils.quizzes import Question

QUESTIONS = [
    Question(
        "A grid search over 20 strengths reports `search.best_score_`, the best mean CV score. "
        "As an estimate of how the tuned model will do on new patients, that number is …",
        choices=[
            "honest: every score in the grid came from validation folds the model was not fitted on.",
            "pessimistic: each fold's model was fitted on only 80 % of the rows.",
            "optimistic in expectation: the best of many noisy scores, chosen by those same scores.",
            "exact, as long as the rows were shuffled before they were split into folds.",
        ],
        answer="c",
        why_not={
            "a": "Each score is honest for a *fixed* strength, but choosing the best of 20 noisy "
            "scores on those folds adds a selection effect that no single score has.",
            "b": "Fitting on 80 % of the rows does cost a little, but the selection effect pulls "
            "the other way; the point of nested CV is that the best score is not a clean estimate.",
            "d": "Shuffling makes the folds random, not independent of the choice: the same folds "
            "still choose the strength and score it.",
        },
        explanation="The best of many noisy scores, chosen on the folds that produced them, is "
        "biased towards luck. Section 5 (nested cross-validation) scores the whole procedure "
        "'tune, then fit' on outer test parts the search never saw; exercise 2 compares the two "
        "numbers. In section 5 the gap was smaller than the outer folds' spread (one "
        "hyperparameter, 20 candidates, a flat curve); it grows with more candidates and noisier "
        "data.",
    ),
    Question(
        "On a lasso's validation curve (RMSE, lower is better), the one-standard-error rule "
        "chooses …",
        choices=[
            "the smallest `alpha` whose mean RMSE is within one standard error of the best mean.",
            "the largest `alpha` whose mean RMSE is within one standard error of the best mean.",
            "the `alpha` with the lowest mean RMSE plus its own standard error.",
            "the `alpha` whose error bar is the narrowest: its folds agree the most.",
        ],
        answer="b",
        why_not={
            "a": "Within the band, the rule takes the *simplest* model; for the lasso a larger "
            "`alpha` is a stronger penalty and keeps fewer features, so the smallest `alpha` is "
            "the most complex choice.",
            "c": "That re-ranks the strengths by a pessimistic score; the rule instead draws one "
            "threshold from the best mean and its standard error, then moves to the simplest "
            "model under it.",
            "d": "A narrow error bar says the folds agree, not that the model is good or simple.",
        },
        explanation="Threshold = best mean + the standard error *of the best mean*; among the "
        "strengths under it, take the simplest (for `alpha`, the largest: `simpler='higher'`). "
        "Section 2's figure marks both choices; the one-SE choice keeps fewer features for a few "
        "percent of RMSE.",
    ),
    Question(
        "Why is `LassoCV` many times faster than `GridSearchCV(Lasso(), ...)` over the same "
        "strengths and folds?",
        choices=[
            "It computes each fold's whole path in one call, each fit warm-started from the last.",
            "It uses fewer folds than the grid search, so it fits far fewer models in all.",
            "It solves the lasso in closed form at each strength, so it fits nothing iteratively.",
            "It stops early, at the first strength whose error is lower than both its neighbours'.",
        ],
        answer="a",
        why_not={
            "b": "In section 3 both get the same `cv` object and the same 100 strengths, and they "
            "choose the same `alpha`.",
            "c": "The lasso has no closed form (the |w| kink); `LassoCV` still runs coordinate "
            "descent along the path, each fit from a good starting point.",
            "d": "It scores every strength on every fold (its `mse_path_` holds them all), which "
            "is how section 4 can apply the one-SE rule to it.",
        },
        explanation="One call per fold computes all 100 solutions, from the strongest penalty "
        "down; neighbouring solutions are close, so each warm-started fit needs only a few sweeps "
        "of coordinate descent. The grid search runs 500 separate fits, each cloned, checked, "
        "started from zero and scored. Section 3's claim measures the overall factor in CPU time; "
        "on data this small, that overhead per fit is part of it, not the warm starts alone.",
    ),
    Question(
        "You rerun the same 5-fold search with 20 other shuffles of the rows. The lowest-mean "
        "`alpha` ranges over a factor of more than 30. What does that tell you?",
        choices=[
            "Something is wrong with the code: the same data should always give the same `alpha`.",
            "With more folds the true best `alpha` would appear.",
            "The one-SE choice will move just as much, since it is read off the same curve.",
            "The curve is flat near its minimum: fold noise decides where its lowest point falls.",
        ],
        answer="d",
        why_not={
            "a": "Each shuffle is a different random split into folds; the data are the same, the "
            "noise in the curve is not.",
            "b": "More folds shrink the noise a little, but on a flat curve there is no sharp "
            "'true' minimum to find: many strengths predict almost equally well.",
            "c": "Section 4 measured the opposite: the one-SE choice sits where the curve rises, "
            "which pins it down, so its log-strength spreads much less.",
        },
        explanation="Many strengths predict about equally well. Section 4's figure: the lowest "
        "point wanders over a wide range while the one-SE choice stays in a narrow band. A chosen "
        "λ is a property of the data *and* the folds: report how λ was chosen, with the rule and "
        "the folds.",
    ),
    Question(
        "Five folds give validation RMSEs whose standard deviation (`ddof=1`) is 2.0. What is "
        "the standard error of their mean, the margin the one-standard-error rule uses? (Two "
        "decimals.)",
        answer=0.894,
        tol=0.01,
        explanation="The standard error of a mean over k folds is sd / √k = 2.0 / √5 ≈ 0.89 — "
        "section 2's formula (the folds' standard deviation with `ddof=1`, divided by √k). Using "
        "the sd itself, 2.0, makes the band more than twice as wide (exercise 1's classic "
        "mistake).",
    ),
]
