"""Inter-annotator agreement coefficients (pure Python, standard library only).

Coded data (``data``: a sequence of units, each a sequence of one value per
coder, ``None`` when missing):

* :func:`percent_agreement`, :func:`cohen_kappa`, :func:`scott_pi`,
  :func:`fleiss_kappa`, :func:`gwet_ac1`, :func:`krippendorff_alpha`
* helpers :func:`coincidence_matrix` and :func:`pairwise`
* :func:`bennett_s`, :func:`conger_kappa`, and :func:`estimate` for any of them with
  a weight matrix, its standard error and 95% confidence interval (``intervals``)

Unitized data (``(coder, start, end, label)`` on one continuum):
:func:`unitizing_alpha`, :func:`unitizing_alpha_by_label`,
:func:`unitizing_disagreement`, :func:`pairwise_unitizing_disagreement`,
:func:`concatenate_documents`.

Spans (``(doc, start, end, label)``): :func:`span_f1`, :func:`span_f1_by_label`,
:func:`span_f1_counts`; :class:`SpanIndex` compares many coders pair by pair;
:func:`semeval_counts` and :func:`semeval_scores` score them as SemEval-2013 Task
9.1 does (strict, exact, partial, type; ``semeval``).

Undefined results raise :class:`AgreementUndefined` (a ``ValueError``); no
function returns NaN. See docs/agreement.md.
"""

from .coefficients import (
    LEVELS,
    WEIGHTS,
    cohen_kappa,
    coincidence_matrix,
    fleiss_kappa,
    gwet_ac1,
    krippendorff_alpha,
    pairwise,
    percent_agreement,
    scott_pi,
)
from .errors import AgreementUndefined
from .inputs import UnitCounts
from .intervals import Estimate, bennett_s, conger_kappa, estimate
from .semeval import SCHEMAS, SemEvalCounts, SemEvalResult, semeval_counts, semeval_scores
from .span_index import SpanIndex, SpanTally
from .spans import (
    MATCH_MODES,
    SpanF1,
    span_f1,
    span_f1_by_label,
    span_f1_counts,
)
from .unitizing import (
    OVERLAP_POLICIES,
    UnitizingDisagreement,
    concatenate_documents,
    pairwise_unitizing_disagreement,
    unitizing_alpha,
    unitizing_alpha_by_label,
    unitizing_disagreement,
)

__all__ = [
    "LEVELS",
    "MATCH_MODES",
    "OVERLAP_POLICIES",
    "SCHEMAS",
    "WEIGHTS",
    "AgreementUndefined",
    "Estimate",
    "SemEvalCounts",
    "SemEvalResult",
    "SpanF1",
    "SpanIndex",
    "SpanTally",
    "UnitCounts",
    "UnitizingDisagreement",
    "bennett_s",
    "cohen_kappa",
    "coincidence_matrix",
    "concatenate_documents",
    "conger_kappa",
    "estimate",
    "fleiss_kappa",
    "gwet_ac1",
    "krippendorff_alpha",
    "pairwise",
    "pairwise_unitizing_disagreement",
    "percent_agreement",
    "scott_pi",
    "semeval_counts",
    "semeval_scores",
    "span_f1",
    "span_f1_by_label",
    "span_f1_counts",
    "unitizing_alpha",
    "unitizing_alpha_by_label",
    "unitizing_disagreement",
]
