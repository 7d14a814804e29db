"""`python -m bench [NAME...]`: run every bench/bench_*.py module (or the named ones).
`python -m bench scale [OPTIONS]`: the scale suite (bench/scale.py; minutes, not seconds)."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    if argv[:1] == ["scale"]:
        from bench.scale import main as scale_main

        return scale_main(argv[1:])
    names = sorted(p.stem for p in Path(__file__).parent.glob("bench_*.py"))
    wanted = [n for n in names if not argv or any(a in n for a in argv)]
    for name in wanted:
        importlib.import_module(f"bench.{name}").main()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
