"""Speed of the agreement library on large synthetic annotations.

Run from the repository root::

    python bench/bench_agreement_coefficients.py [--units 300000] [--repeat 3]

Prints one JSON line per measurement: {"name", "value", "unit", "target"}; value is
the best (minimum) wall time in seconds over ``--repeat`` runs, since other load on
the machine can only add time. The data is synthetic and
seeded: coder "a" marks ``--units`` spans with 4 labels along one long continuum;
coder "b" copies them with realistic disagreement (80 % identical, 10 % shifted
boundary, 5 % other label, 5 % missing) or, in the "low agreement" case, with every
span shifted by one position so that no unit is identical. The "unsorted" case feeds
the typical units in random order, which adds a sort.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from core.review.agreement import (
    cohen_kappa,
    fleiss_kappa,
    gwet_ac1,
    krippendorff_alpha,
    span_f1,
    unitizing_alpha,
)

LABELS = ("PER", "ORG", "LOC", "EVT")
TARGET_SECONDS = 2.0


def synthetic(n_units: int, *, low_agreement: bool, seed: int = 1) -> tuple[list, int]:
    """Two coders' ``(coder, start, end, label)`` units and the continuum length."""
    rng = random.Random(seed)
    units = []
    position = 0
    for _ in range(n_units):
        position += rng.randint(1, 40)
        length = rng.randint(2, 30)
        start, end, label = position, position + length, rng.choice(LABELS)
        position = end
        units.append(("a", start, end, label))
        if low_agreement:
            units.append(("b", start + 1, end, label))
            continue
        draw = rng.random()
        if draw < 0.80:
            units.append(("b", start, end, label))
        elif draw < 0.90:
            units.append(("b", start + 1, end, label))
        elif draw < 0.95:
            units.append(("b", start, end, rng.choice(LABELS)))
    return units, position + 10


def as_spans(units: list, coder: str) -> list:
    """The units of one coder as ``(doc, start, end, label)`` spans, 10 000 chars a doc."""
    return [(s // 10_000, s, e, label) for c, s, e, label in units if c == coder]


def best_seconds(function: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return min(times)


def emit(name: str, value: float, unit: str = "s", target: str | None = None) -> None:
    record = {"name": name, "value": round(value, 4), "unit": unit, "target": target}
    print(json.dumps(record), flush=True)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=300_000, help="units per coder")
    parser.add_argument("--repeat", type=int, default=5)
    # run by `python -m bench NAME`, whose arguments are not this module's
    args = parser.parse_args(argv if argv is not None else [])
    target = f"< {TARGET_SECONDS:g} s"
    n = args.units

    for low in (False, True):
        units, length = synthetic(n, low_agreement=low)
        case = "low_agreement" if low else "typical"
        emit(
            f"unitizing_alpha_{case}_{n}_units_per_coder",
            best_seconds(
                lambda units=units, length=length: unitizing_alpha(units, 0, length), args.repeat
            ),
            target=target,
        )
        if not low:
            # the same units in random order, as freshly built tuples (e.g. from a query)
            shuffled = list(units)
            random.Random(3).shuffle(shuffled)
            shuffled = [(c, s + 1 - 1, e + 1 - 1, label) for c, s, e, label in shuffled]
            emit(
                f"unitizing_alpha_{case}_unsorted_{n}_units_per_coder",
                best_seconds(
                    lambda data=shuffled, length=length: unitizing_alpha(data, 0, length),
                    args.repeat,
                ),
                target=target,
            )
            del shuffled
        a, b = as_spans(units, "a"), as_spans(units, "b")
        for match in ("exact", "overlap"):
            emit(
                f"span_f1_{match}_{case}_{n}_spans_per_side",
                best_seconds(lambda a=a, b=b, match=match: span_f1(a, b, match), args.repeat),
                target=target,
            )

    rng = random.Random(2)
    coded = [
        (v, v if rng.random() < 0.8 else rng.randint(1, 5))
        for v in (rng.randint(1, 5) for _ in range(n))
    ]
    coded_cases = [
        ("krippendorff_alpha_nominal", lambda: krippendorff_alpha(coded)),
        ("krippendorff_alpha_interval", lambda: krippendorff_alpha(coded, "interval")),
        ("cohen_kappa_quadratic", lambda: cohen_kappa(coded, weights="quadratic")),
        ("fleiss_kappa", lambda: fleiss_kappa(coded)),
        ("gwet_ac1", lambda: gwet_ac1(coded)),
    ]
    for name, function in coded_cases:
        emit(f"{name}_{n}_units_2_coders", best_seconds(function, args.repeat), target=target)


if __name__ == "__main__":
    main(sys.argv[1:])
