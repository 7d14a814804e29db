"""`python -m bench.peak OUT main.py ARGS...`: run a script (the application's command
line) and write this process's peak resident memory, in kB, to OUT when it exits.

The peak is the kernel's VmHWM, which counts this program alone: `ru_maxrss` of a child
also counts the memory its parent had when it forked."""

from __future__ import annotations

import atexit
import runpy
import sys
from pathlib import Path


def write_peak(out: Path) -> None:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            out.write_text(line.split()[1])


if __name__ == "__main__":
    out, script, *args = sys.argv[1:]
    atexit.register(write_peak, Path(out))
    sys.argv = [script, *args]
    runpy.run_path(script, run_name="__main__")
