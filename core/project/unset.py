"""`UNSET`: the default of an edit's optional arguments, "leave this field as it is".

None cannot serve: it is a value some fields may be set to (a stance's target, a
label's shortcut). An enum of one member is a sentinel a type checker understands:
a parameter is typed `int | Unset` and `if value is not UNSET:` narrows it to `int`.
"""

from __future__ import annotations

import enum
from typing import Final


class Unset(enum.Enum):
    UNSET = "UNSET"

    def __repr__(self) -> str:
        return "UNSET"


UNSET: Final = Unset.UNSET

__all__ = ["UNSET", "Unset"]
