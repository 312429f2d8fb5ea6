"""Lesson 06's concept quiz: regularized classification (from INSTRUCTORS.md, "06 · ...")."""

from __future__ import annotations

from regutils.quizzes import Question

QUESTIONS = [
    Question(
        "In scikit-learn's `LogisticRegression`, you change `C` from 0.1 to 10. The penalty "
        "becomes …",
        choices=[
            "stronger: `C` is the penalty strength, just like `alpha` in `Ridge` and `Lasso`.",
            "weaker: `C` multiplies the summed log-loss, so it is the inverse of the strength.",
            "the same: `C` only sets the solver's tolerance for stopping.",
            "stronger on the intercept only; the weights keep the penalty they had.",
        ],
        answer="b",
        why_not={
            "a": "Tempting after lessons 02–05, where a larger `alpha` means more penalty. But "
            "scikit-learn's logistic objective is C·Σ loss + penalty: a larger `C` gives the data "
            "more weight against the penalty.",
            "c": "The tolerance is `tol`; `C` weighs the loss against the penalty.",
            "d": "The intercept is not penalized with `lbfgs` or `saga` (section 5; only "
            "`liblinear` penalizes it, section 6); `C` scales the data term for all weights at "
            "once.",
        },
        explanation="Section 5: scikit-learn minimizes C·Σᵢ ℓᵢ + penalty(w), so dividing by C·n "
        "gives the mean loss plus λ·penalty with λ = 1/(C·n). Section 7's path has the strong "
        "penalty on the left, at small `C`.",
    ),
    Question(
        "With scikit-learn 1.8 or later, what is the current (not deprecated) way to ask for an "
        "L1-penalized logistic regression?",
        choices=[
            "`LogisticRegression(penalty='l1', solver='saga')`",
            "`LogisticRegression(l1_ratio=1.0)` with the default solver `lbfgs`",
            "`LogisticRegression(C=0.0)`",
            "`LogisticRegression(l1_ratio=1.0, solver='saga')`",
        ],
        answer="d",
        why_not={
            "a": "It is what most tutorials write, and in 1.8–1.9 it still runs, with a "
            "FutureWarning: `penalty=` is deprecated (removed in 1.10), and the kind of penalty is "
            "set by `l1_ratio` now.",
            "b": "`l1_ratio=1.0` is right, but `lbfgs` cannot handle the kink of |w| at zero, and "
            "scikit-learn refuses the combination with a ValueError; the recommended solver for L1 "
            "is `saga`.",
            "c": "`C` sets the strength, not the kind of penalty; and `C` must be positive "
            "(`C=np.inf` means no penalty).",
        },
        explanation="Sections 5 and 6: `l1_ratio` sets the kind (0 = L2, 1 = L1, between = "
        "elastic net) and `saga` is the solver for L1 (`lbfgs` for L2).",
    ),
    Question(
        "L1 with `saga` at the default `max_iter=100` prints a ConvergenceWarning on the heart "
        "data. What is the right reaction?",
        choices=[
            "Give it more epochs (`max_iter`), put every column on one scale, and check again.",
            "Silence it with `warnings.filterwarnings('ignore')`: the weights are close enough.",
            "Raise `tol` until the warning disappears: the solver is then satisfied.",
            "Switch to `liblinear`, the solver older tutorials use for L1.",
        ],
        answer="a",
        why_not={
            "b": "An unconverged fit is not a small rounding matter: its weights are unfinished, "
            "and which of them are exactly zero can change.",
            "c": "A looser `tol` hides the symptom by stopping earlier, further from the optimum.",
            "d": "`liblinear` penalizes the intercept like a weight (section 6) and needs "
            "`intercept_scaling` to undo that; it is not a fix for convergence.",
        },
        explanation="Section 6 measured it: with `max_iter=2000` `saga` converged at each `C` it "
        "tried (0.1, 1, 10), and standardizing the one-hot columns too cut its epochs at C = 0.1 "
        "and 1. And check `n_iter_` even when nothing warns: an all-zero `saga` fit stops after "
        "one epoch, silently, with an unfinished intercept.",
    ),
    Question(
        "Someone keeps the 10 of 1,000 pure-noise columns most associated with the label "
        "(`SelectKBest` on all rows), then cross-validates a logistic regression on those 10. "
        "Its CV log-loss beats the class-share baseline. Why?",
        choices=[
            "With 1,000 columns, some of the noise columns really do carry information about the label.",
            "Logistic regression overfits 10 columns at once; a stronger penalty would fix it.",
            "The selection saw every row's label, so each validation fold helped pick its own "
            "features.",
            "Cross-validation with 5 folds is too few to score 10 columns.",
        ],
        answer="c",
        why_not={
            "a": "They are random numbers drawn independently of the label: inside the pipeline "
            "the same procedure scores *worse* than the baseline (section 3).",
            "b": "Overfitting shows up as a *worse* validation score; here the score is too "
            "good, which is the mark of a leak, not of too little penalty.",
            "d": "More folds would not help: each validation fold's labels still took part in "
            "the selection.",
        },
        explanation="The selection picked columns that happen to match the validation rows' "
        "labels. Section 3: a step that learns from labels, fitted before the split, leaks "
        "them into every validation fold. Everything that learns from data goes inside the "
        "pipeline, so `cross_val_score` refits it on each training part (exercise 1).",
    ),
    Question(
        "Standardizing the one-hot columns changes which features L1 keeps at `C = 0.1`, while "
        "the cross-validated log-loss (each encoding at its best `C`) stays about the same. What "
        "do you conclude?",
        choices=[
            "The standardized list is the true one: on one scale the penalty is finally fair to "
            "every feature.",
            "The 0/1 list is the true one: standardizing dummies distorts what their weights mean.",
            "L1 is unreliable on categorical data; use L2 there, which keeps every column in.",
            "L1's kept set depends on the columns' scales: it picks for prediction, not the "
            "measurements that matter.",
        ],
        answer="d",
        why_not={
            "a": "Neither list is privileged: both models predict equally well, and another "
            "scaling (or another sample) would give yet another list.",
            "b": "The 0/1 encoding is a choice too: it charges a rare code's column up to about "
            "9× more than a standardized column for the same effect.",
            "c": "L1 does what it promises — fewer columns at a similar score; only reading its "
            "choice as a verdict on the measurements is the mistake.",
        },
        explanation="Section 10: two encodings, two kept-feature lists, the same predictive "
        "quality (the paired log-loss difference is small next to its spread). The penalty "
        "charges a 0/1 column more per unit of effect, so L1 answers 'which columns buy the most "
        "prediction per unit of penalty', not 'which measurements matter'. Put every penalized "
        "column on one scale, and read L1's selection as a choice for prediction.",
    ),
]
