"""Concept quiz of lesson 04 (the elastic net), built from its misconceptions in ``INSTRUCTORS.md``.

The elastic net does not always predict best, the grouping effect is a property of the method
(shown over fresh training sets, not one fit or its bootstrap), a best CV error below the noise
floor is the sample's own noise; plus scikit-learn's parametrization, with one number to compute.
"""

from __future__ import annotations

from regutils.quizzes import Question

QUESTIONS = [
    Question(
        "On n = 100 training rows, `ElasticNet(alpha=a, l1_ratio=0)` has the same coefficients as "
        "which model?",
        choices=[
            "`Ridge(alpha=a)`",
            "`Ridge(alpha=a * n)`",
            "`Lasso(alpha=a)`",
            "`Ridge(alpha=a / n)`",
        ],
        answer="b",
        why_not={
            "a": "The same name, but not the same scale: `ElasticNet` divides the squared error by "
            "2n and `Ridge` does not, so their alphas differ by a factor n. Section 2's claim "
            "shows `Ridge(alpha=0.5)` is clearly different.",
            "c": "`l1_ratio=1` is the lasso; `l1_ratio=0` leaves only the L2 part.",
            "d": "The factor n goes the other way: multiply the elastic-net objective by 2n and its "
            "L2 term becomes n·a·‖w‖², which is `Ridge`'s penalty with alpha = a·n.",
        },
        explanation="Section 2's table and claims: with no L1 part, the elastic net's objective "
        "times 2n is ‖y − Xw‖² + n·a·‖w‖², exactly `Ridge(alpha=a * n)`; the two agree to better "
        "than 1e-6.",
    ),
    Question(
        "`ElasticNet(alpha=0.5, l1_ratio=0.3)`: what is the strength λ2 of its L2 part (in the "
        "lesson's objective, with λ2/2 in front of ‖w‖²)?",
        answer=0.35,
        tol=1e-6,
        explanation="λ2 = alpha · (1 − l1_ratio) = 0.5 · 0.7 = 0.35, and λ1 = alpha · l1_ratio = "
        "0.15 (section 2 prints both; its optimality check fails if the ½ in front of λ2 is "
        "dropped).",
    ),
    Question(
        "How does the lesson show that the grouping effect is a property of the *method*?",
        choices=[
            "One fit on the lesson's 100 rows: the elastic net's four group weights are far more "
            "even than the lasso's.",
            "A bootstrap of the lesson's sample: the elastic net's weights move far less across "
            "resamples.",
            "Over 100 fresh training sets: the elastic net keeps all four in nearly every set, "
            "the lasso often not.",
            "`ElasticNetCV` picks a mixed `l1_ratio` rather than the lasso on the lesson's sample.",
        ],
        answer="c",
        why_not={
            "a": "One fit is one sample: it could be lucky. Section 3 shows it first, then asks "
            "whether it holds on fresh training sets.",
            "b": "The bootstrap answers how uncertain *this sample's* fit is; its resamples are "
            "centred on the sample (the lasso's bootstrap means reproduce the sample's uneven "
            "split). A claim about the method needs fresh samples.",
            "d": "CV chooses for prediction, and its choice of mix changes from sample to sample "
            "(section 4); it says nothing about how the weight is shared in a group.",
        },
        explanation="Section 3, fresh training sets: only new samples from the source can show "
        "what the method does. There the elastic net keeps the whole group with even, steady "
        "weights in nearly every set; the lasso drops at least one member in about half of them, "
        "with no member favoured from set to set.",
    ),
    Question(
        "On some samples the best cross-validation MSE of `ElasticNetCV` is *below* the noise "
        "floor (the test MSE of the true coefficients). What explains it?",
        choices=[
            "The chosen model has learned more about the data than the true coefficients know.",
            "A leak: the folds must share some rows with the test set, so CV has seen them.",
            "The noise floor is computed wrongly: like the CV error, it should be estimated by "
            "cross-validation.",
            "The CV error tracks the sample's own noise, and the minimum of noisy estimates is "
            "biased low.",
        ],
        answer="d",
        why_not={
            "a": "On average over new data no model beats the truth: section 4's claim shows "
            "every chosen model's test MSE above the floor.",
            "b": "The folds split the 100 training rows only; the 2,000 test rows are never seen "
            "by the search.",
            "c": "The floor is the error of the true coefficients on 2,000 fresh rows: the best "
            "any model can expect on new data. The CV estimate from 100 rows is the noisy one.",
        },
        explanation="Section 4: the CV error is measured on the sample's own rows, so the best "
        "CV MSE moves with that sample's own noise (their correlation is claimed), and taking the "
        "minimum over many settings flatters it further; meanwhile the chosen models' test MSEs "
        "all sit just above the floor. "
        "That is why the test set is kept for one final, honest check.",
    ),
    Question(
        "Cross-validation error is nearly flat in `l1_ratio` on your data. How should you choose "
        "the mix?",
        choices=[
            "By what the model is for: sparsity (lasso), groups kept together (a mix), all kept "
            "(ridge).",
            "Take the `l1_ratio` with the lowest CV error, however small the gap: that one "
            "predicts best.",
            "Take the middle, 0.5, every time: the elastic net combines the strengths of both "
            "penalties.",
        ],
        answer="a",
        why_not={
            "b": "With a flat curve the lowest point is mostly fold noise: in section 4 the gap "
            "between the mixes is smaller than the standard error on most samples, and section 5 "
            "finds prediction a near tie between L1, L2 and the elastic net.",
            "c": "0.5 is a reasonable default when groups should stay together, but it costs "
            "sparsity compared with the lasso and stability compared with ridge (section 5's "
            "table); it is not best at everything.",
        },
        explanation="Section 5: prediction is a near tie, while sparsity and stability differ a "
        "lot (ridge steadiest and never sparse, the lasso sparse and least stable, 0.5 between). "
        "Decide what you need (`l1_ratio = 1` for the shortest feature list, a moderate mix such "
        "as 0.5 if correlated features should stand or fall together, ridge if every feature may "
        "stay), then let CV choose `alpha`.",
    ),
]
