"""Input checks of the agreement library: coded data for the coefficients
(coefficients.py: units of one value per coder, declared categories), and what the
span (spans.py) and unit (unitizing.py) measures share. Bad input raises
``ValueError`` naming the first bad unit or value; empty data raises
``AgreementUndefined``."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from itertools import chain, repeat
from typing import NoReturn, TypeGuard, TypeVar

from models.messages import Message

from .errors import AgreementUndefined

__all__ = [
    "Unit",
    "UnitCounts",
    "as_counted",
    "as_units",
    "declared_categories",
    "is_int",
    "known_categories",
    "listed",
    "sorted_scale",
]

Unit = tuple[Hashable | None, ...]
T = TypeVar("T")


def is_int(value: object) -> TypeGuard[int]:
    """An int offset (True and False are not)."""
    return isinstance(value, int) and not isinstance(value, bool)


def listed(values: Iterable[T] | None, message: str) -> list[T]:
    """``values`` as a list; None, a string or anything not iterable is refused
    (``ValueError`` with ``message``)."""
    if values is None or isinstance(values, (str, bytes)):
        raise ValueError(message)
    try:
        return list(values)
    except TypeError:
        raise ValueError(message) from None


# ---------------------------------------------------------------------------
# coded data


def _check_value(value: object, where: str) -> None:
    try:
        hash(value)
    except TypeError:
        raise ValueError(f"{where}: value {value!r} is not hashable") from None
    if isinstance(value, float) and math.isnan(value):
        raise ValueError(f"{where}: NaN is not a value; use None for a missing value")


def _diagnose_units(items: Sequence[object]) -> NoReturn:
    """Raise a ``ValueError`` naming the first bad unit (slow path, errors only)."""
    n_coders = -1
    for index, unit in enumerate(items):
        if isinstance(unit, (str, bytes)) or not isinstance(unit, Iterable):
            raise ValueError(
                f"unit {index} is {unit!r}; each unit must be a sequence with one value "
                "per coder (None when missing)"
            )
        values = tuple(unit)
        if n_coders < 0:
            n_coders = len(values)
        elif len(values) != n_coders:
            raise ValueError(
                f"unit {index} has {len(values)} values but unit 0 has {n_coders}; every "
                "unit needs one value per coder (None when missing)"
            )
        for value in values:
            if value is not None:
                _check_value(value, f"unit {index}")
    raise ValueError("invalid units")  # pragma: no cover - every caller found a bad unit


def as_units(data: Iterable[Sequence[Hashable | None]]) -> tuple[list[Unit], int]:
    """Materialise ``data`` as tuples and check it is rectangular and hashable.

    Returns the units and the number of coders. The checks run as C-level passes;
    any problem goes through :func:`_diagnose_units` for a message naming the unit.
    """
    if data is None or isinstance(data, (str, bytes)):
        raise ValueError("data must be a sequence of units (one sequence of values per unit)")
    try:
        items = list(data)
    except TypeError:
        raise ValueError(
            "data must be a sequence of units (one sequence of values per unit)"
        ) from None
    if not items:
        raise AgreementUndefined(Message("no units: the data is empty"))
    try:
        if any(map(isinstance, items, repeat((str, bytes)))):
            raise TypeError
        units: list[Unit] = list(map(tuple, items))
        sizes = set(map(len, units))
        distinct = set(chain.from_iterable(units))
    except TypeError:
        _diagnose_units(items)
    if len(sizes) > 1:
        _diagnose_units(items)
    for value in distinct:
        if isinstance(value, float) and math.isnan(value):
            _diagnose_units(items)
    return units, sizes.pop()


class UnitCounts(dict[Unit, int]):
    """Coded data in compact form: each distinct unit (one value per coder, ``None``
    when missing) with the number of times it occurs. Every coefficient takes it in
    place of the list of units and gives exactly the same result; token-level data
    (millions of units, few distinct ones) is counted this way without a tuple per
    unit."""


def as_counted(data: Iterable[Sequence[Hashable | None]]) -> tuple[dict[Unit, int], int]:
    """``data`` (units or :class:`UnitCounts`) as distinct units with their counts,
    checked as :func:`as_units` checks units; returns the counts and the number of
    coders."""
    if isinstance(data, UnitCounts):
        units, n_coders = as_units(list(data))
        for unit, count in zip(units, data.values(), strict=True):
            if not is_int(count) or count < 1:
                raise ValueError(f"unit {unit!r} has count {count!r}; counts must be ints >= 1")
        return dict(zip(units, data.values(), strict=True)), n_coders
    units, n_coders = as_units(data)
    return dict(Counter(units)), n_coders


def declared_categories(categories: Iterable[Hashable] | None) -> dict[Hashable, None] | None:
    if categories is None:
        return None
    if isinstance(categories, (str, bytes)):
        raise ValueError("categories must be a collection of values, not a single string")
    declared: dict[Hashable, None] = {}
    for category in categories:
        if category is None:
            raise ValueError("categories must not contain None (None marks a missing value)")
        _check_value(category, "categories")
        declared[category] = None
    return declared


def known_categories(
    units: Iterable[Unit], declared: dict[Hashable, None] | None
) -> dict[Hashable, None]:
    """Values seen in ``units`` (first-seen order), checked against ``declared``.

    Returns ``declared`` when given, else the values seen.
    """
    seen: dict[Hashable, None] = dict.fromkeys(chain.from_iterable(units))
    seen.pop(None, None)
    if declared is None:
        return seen
    unknown = [value for value in seen if value not in declared]
    if unknown:
        raise ValueError(
            f"values {unknown[:5]!r} occur in the data but are not among the declared categories"
        )
    return declared


def sorted_scale(categories: Iterable[Hashable], what: str) -> list[Hashable]:
    try:
        return sorted(categories)  # type: ignore[type-var]
    except TypeError:
        raise ValueError(
            f"{what} needs categories that can be sorted into one scale (all numbers or all "
            "strings); map labels to numbers to impose another order"
        ) from None
