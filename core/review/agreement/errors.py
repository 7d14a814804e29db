"""The one exception type of the agreement library."""

from __future__ import annotations

__all__ = ["AgreementUndefined"]


class AgreementUndefined(ValueError):
    """The coefficient is mathematically undefined (0/0) for this data.

    Raised, with a message saying why, instead of returning NaN or dividing by
    zero: e.g. no unit has values from two coders, only one category occurs and
    no other is declared, or the input is empty. It subclasses ``ValueError``
    so callers that already catch bad input keep working; catch
    ``AgreementUndefined`` to show "not enough data" rather than an error.
    """
