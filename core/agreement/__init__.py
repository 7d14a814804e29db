"""Inter-annotator agreement coefficients (pure Python, standard library only).

Coded data (``data``: a sequence of units, each a sequence of one value per
coder, ``None`` when missing):

* :func:`percent_agreement`, :func:`cohen_kappa`, :func:`scott_pi`,
  :func:`fleiss_kappa`, :func:`gwet_ac1`, :func:`krippendorff_alpha`
* helpers :func:`coincidence_matrix` and :func:`pairwise`

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

__all__ = [
    "LEVELS",
    "WEIGHTS",
    "AgreementUndefined",
    "cohen_kappa",
    "coincidence_matrix",
    "fleiss_kappa",
    "gwet_ac1",
    "krippendorff_alpha",
    "pairwise",
    "percent_agreement",
    "scott_pi",
]
