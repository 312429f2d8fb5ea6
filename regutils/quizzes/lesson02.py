"""Concept quiz of lesson 02, Ridge regression (L2) (``regutils.quiz("02")``).

Built from the misconceptions in INSTRUCTORS.md's "02 · Ridge regression (L2)": ridge selects
features; scaling is cosmetic; `Ridge(alpha=…)` and `Lasso`/`ElasticNet`'s `alpha` share a scale;
ridge always beats least squares; the bootstrap shows a method's bias. Explanations point at the
lesson's sections.
"""

from __future__ import annotations

from regutils.quizzes import Question

QUESTIONS = [
    Question(
        prompt=(
            "What happens to ridge's coefficients as λ grows from 0.01 to 10⁵ on the standardized "
            "diabetes features (section 3's coefficient path)?"
        ),
        choices=[
            "The least useful ones become exactly 0, one by one as λ grows: ridge selects "
            "features.",
            "All head to 0 but never reach it; single ones may grow or flip sign on the way.",
            "Every coefficient gets smaller at every step of λ, in proportion to its current size.",
            "They stay the same: on standardized features λ only moves the intercept.",
        ],
        answer="b",
        why_not={
            "a": "That is the lasso (lesson 03). Ridge's penalty w² has zero slope at 0, so it "
            "never pushes a coefficient all the way: section 3 counts no exact zero anywhere on "
            "its grid.",
            "c": "The *length* ‖w‖ falls at every step, which is easy to read as every "
            "coefficient falling. Section 3 finds coefficients that grow for a while, and `s1` "
            "and `s2` change sign: correlated features trade weight as the penalty grows.",
            "d": "The intercept is the one thing ridge leaves unpenalized (section 2); the "
            "penalty acts on the coefficients.",
        },
        explanation=(
            "Section 3's claims: no coefficient is exactly 0 on the grid, ‖w‖ falls at every step "
            "of λ, and single coefficients need not (s1 and s2 change sign). Ridge shrinks; it "
            "does not select."
        ),
    ),
    Question(
        prompt=(
            "You record `s1` in mmol/L instead of mg/dL (its values divided by about 38.7) and "
            "refit least squares and ridge (λ = 100) on the *raw* features. What changes?"
        ),
        choices=[
            "Nothing for either model: a change of units cannot change a fitted model.",
            "Least squares' predictions change; ridge's stay the same, thanks to its penalty.",
            "Least squares' predictions stay the same; ridge's predictions change.",
            "Both models' predictions change, and by exactly the same amount.",
        ],
        answer="c",
        why_not={
            "a": "True for least squares, whose coefficient simply scales up to give the same "
            "predictions. But ridge charges λ·w² for that larger coefficient, so it now fits a "
            "different model: section 4's claims show the same effect for raw against standardized "
            "features.",
            "b": "The other way round: least squares is indifferent to units (section 4: the "
            "same test predictions with and without scaling), ridge is not.",
            "d": "Least squares' predictions do not change at all (section 4's claim), so the two "
            "cannot change alike.",
        },
        explanation=(
            "Section 4: least squares gives the same predictions in any units; ridge's penalty on "
            "`s1`'s coefficient depends on the unit, so on raw features it penalizes small-unit "
            "features hard and large-unit ones hardly at all. "
            "Standardize first, with the scaler inside a `Pipeline`."
        ),
    ),
    Question(
        prompt=(
            "`Ridge(alpha=10)` is fitted to n = 331 rows. Which `ElasticNet` with "
            "`l1_ratio=0` (a pure L2 penalty) fits the same model?"
        ),
        choices=[
            "`ElasticNet(alpha=10/331, l1_ratio=0)`",
            "`ElasticNet(alpha=10, l1_ratio=0)`",
            "`ElasticNet(alpha=10*331, l1_ratio=0)`",
            "`ElasticNet(alpha=20/331, l1_ratio=0)`",
        ],
        answer="a",
        why_not={
            "b": "The same word, `alpha`, on another scale: ElasticNet's is on the *mean* "
            "squared error, so alpha = 10 there is 331 times stronger than Ridge's.",
            "c": "The scaling goes the other way: ElasticNet divides the squared error by n, so "
            "its alpha must be n times *smaller* for the same balance.",
            "d": "The ½ in ElasticNet's 1/(2n) loss is matched by a ½ on its L2 term (alpha/2 · "
            "‖w‖²), so the halves cancel.",
        },
        explanation=(
            'Section 2\'s note "Which λ is `alpha`?": Ridge puts λ on the *sum* of squared '
            "errors, ElasticNet and Lasso put alpha on the mean squared error, halved. So "
            "`Ridge(alpha=a)` is `ElasticNet(alpha=a/n, l1_ratio=0)`; its claim checks the two "
            "fits agree."
        ),
    ),
    Question(
        prompt=(
            "How does ridge (λ chosen by leave-one-out) compare with least squares on the diabetes "
            "data?"
        ),
        choices=[
            "Ridge wins everywhere, by a similar margin: a little bias always buys a larger cut "
            "in variance.",
            "Ridge loses everywhere: its bias makes the test error worse than least squares'.",
            "Ridge wins on the 10 original features and loses on the expanded ones, where it "
            "underfits.",
            "A tie on the 10 original features; a clear ridge win on the 65- and 285-column "
            "expansions.",
        ],
        answer="d",
        why_not={
            "a": "The trade only pays when there is variance to cut. With 331 patients and 10 "
            "features least squares barely overfits: section 8 finds test RMSEs within 3 %.",
            "b": "Section 8: barely different on 10 features; section 9: ridge better on most "
            "splits with 65 features and on every split with 285.",
            "c": "The other way round (sections 8 and 9): many features for the patients is "
            "where ridge pays.",
        },
        explanation=(
            "Sections 8 and 9: with 10 features the two tie; with 65 or 285 expanded features "
            "least squares fits noise, and ridge wins on most of the same 20 splits at 65 "
            "features and on every one at 285, judged by paired differences."
        ),
    ),
    Question(
        prompt=(
            "You have one sample of 50 rows with two features correlated at 0.99. To learn "
            "whether ridge is biased on such data, you fit it to 200 bootstrap resamples of your "
            "sample and average the coefficients. What does that average tell you?"
        ),
        choices=[
            "Ridge's bias on such data: the bootstrap average minus the true coefficients.",
            "Little about the method: the resamples centre on this sample's own estimate.",
            "Nothing at all: the bootstrap breaks down when two features are this correlated.",
        ],
        answer="b",
        why_not={
            "a": "The bootstrap looks like many new samples, but every resample comes from your "
            "one sample, so the average lands near that sample's estimate, wherever it lies, "
            "not around what the method gives on average.",
            "c": "It works for what it measures: section 5's claims find the bootstrap's spread "
            "of the right size for this estimate's uncertainty. It just answers another question.",
        },
        explanation=(
            "Section 5's two panels: fresh samples show the method (least squares centred on the "
            "truth, ridge a little short of it, far steadier); the bootstrap shows how uncertain "
            "*this* estimate is, centred on that estimate (its claim, shown there for least "
            "squares; ridge's resamples centre on ridge's estimate the same way). To see what "
            "the method does on average, fit fresh samples from the source."
        ),
    ),
]
