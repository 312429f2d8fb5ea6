"""Concept quiz of lesson 01, Overfitting and underfitting (``regutils.quiz("01")``).

Built from the misconceptions in INSTRUCTORS.md's "01 · Overfitting and underfitting": a perfect
fit to the training points is the best model; the test set is for choosing; overfitting is bad luck
with one sample; a large gap means a bad model. Explanations point at the lesson's sections.
"""

from __future__ import annotations

from regutils.quizzes import Question

QUESTIONS = [
    Question(
        prompt=(
            "Ten noisy training points; the degree-9 polynomial passes through every one of them "
            "(training RMSE 0). Which degree should you use?"
        ),
        choices=[
            "Degree 9: zero training error means it has learned the data better than any other "
            "degree.",
            "Degree 0: the simplest model cannot overfit, so it is the safe choice.",
            "The degree with the lowest error on held-out data (validation or cross-validation).",
        ],
        answer="c",
        why_not={
            "a": "Training error is what the fit minimizes, so it is tempting to trust it, but it "
            "never rises as the model gets more flexible (section 3's claim). Degree 9 threads "
            "through the noise, and its test error is above the best in-between degree's.",
            "b": "It can hardly overfit, but it underfits: section 3 finds even the best of "
            "degrees 0–2 well above the noise floor on the test set. Too rigid is a failure too.",
        },
        explanation=(
            "Only data the model was not fitted on reveal overfitting: section 3's test error is "
            "lowest at an in-between degree while the training error keeps falling, and sections "
            "9–10 choose on validation data or by cross-validation."
        ),
    ),
    Question(
        prompt=(
            "You tried 23 values of λ, kept the one with the lowest *test* RMSE, and report that "
            "RMSE as what your model will do on new data. What is wrong?"
        ),
        choices=[
            "It is optimistic: the test set helped choose λ, so it cannot judge that choice "
            "independently.",
            "Nothing: with 1,000 test points each of the 23 RMSEs is precise, so the best one is "
            "precise too.",
            "Nothing serious, but the training RMSE at that λ would be a more honest estimate to "
            "report.",
        ],
        answer="a",
        why_not={
            "b": "A large test set makes each of the 23 RMSEs precise, which is why this feels "
            "safe. But you report the *best* of 23 measured on the same points: the choice was "
            "fitted to them, so the number is biased low (less so with more points, but never "
            "zero) and is no longer an independent verdict.",
            "c": "The training error is the most optimistic number of all: it keeps falling as λ "
            "shrinks (section 8's curve), whatever happens on new data.",
        },
        explanation=(
            "Section 9 gives each set one job: training data fit the weights, validation data make "
            "the choices, and the test set gives the final verdict once, after every choice is "
            "made. So choose λ on validation data and report the test error at the end. Section 8 "
            "drew the test curve only to show its shape."
        ),
    ),
    Question(
        prompt=(
            "Over 200 fresh training sets of ten points (section 5), what makes up most of "
            "degree 9's test error?"
        ),
        choices=[
            "Bias²: a polynomial is simply the wrong shape for a sine curve.",
            "Noise: the targets are noisy, and degree 9 fits all of that noise.",
            "Bad luck: the lesson's one training sample happened to be unlucky.",
            "Variance: its fit changes a lot from one training set to the next.",
        ],
        answer="d",
        why_not={
            "a": "Bias² is what the *average* fit misses. It drops to negligible by degree 3 and "
            "stays there (section 5's figure): on average degree 9 follows the curve; each single "
            "fit does not.",
            "b": "Fitting the noise is the cause, but the noise part of the error is the noise "
            "floor, σ² = 0.09, the same for every degree: it cannot explain why degree 9 does "
            "worse than degree 3. What fitting the noise costs shows up as variance.",
            "c": "Section 4 repeated the comparison on 100 fresh samples: degree 9 loses to "
            "degree 3 on almost every one, and section 5 averages over 200. Not a fluke.",
        },
        explanation=(
            "Section 5's figure and claims: variance rises with every extra weight and is most "
            "of degree 9's test MSE, while bias² is already negligible from degree 3 on. The "
            "cures (more data, a penalty) aim at the variance."
        ),
    ),
    Question(
        prompt=(
            "A learning curve shows a large gap between the training and the validation error, "
            "and the gap narrows steadily as the training set grows. What does it tell you?"
        ),
        choices=[
            "The model is bad: a large gap means you should replace it.",
            "Variance: more training data, or a penalty, should help.",
            "Bias: the model is too simple, use a more flexible one.",
        ],
        answer="b",
        why_not={
            "a": "A large gap is a symptom, not a verdict: in section 11 degree 9's gap closes as "
            "the data grow, and section 7's degree 9 has a median test error within 10 % of the "
            "noise floor with 100 points. The same model can be fine with more data or a penalty.",
            "c": "Bias looks different: two curves that meet at a *high* error, with little gap. "
            "A more flexible model would widen this gap further.",
        },
        explanation=(
            "Section 11: a gap that closes with more data says *variance* (get more data or "
            "regularize); curves that meet at a high error say *bias*. Degree 9's gap starts far "
            "larger than degree 3's, and both shrink as the training set grows."
        ),
    ),
    Question(
        prompt=(
            "Over many training sets at the same inputs, a model's expected test MSE is 0.25, its "
            "bias² is 0.02, and the noise has standard deviation σ = 0.3. What is its variance "
            "(to two decimals)?"
        ),
        answer=0.14,
        tol=0.005,
        explanation=(
            "Test MSE = bias² + variance + noise, and the noise part is σ² = 0.09 (section 5; "
            "mean *squared* errors add up, root-mean-square errors do not). So the variance is "
            "0.25 − 0.02 − 0.09 = 0.14."
        ),
    ),
]
