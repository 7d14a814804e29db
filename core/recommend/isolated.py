"""Training in a child process, so the process that asked for it stays responsive.

CRFsuite trains in C without releasing Python's global lock: in a thread of the
window's process it would hold the window still for a whole pass over the examples at a
time. `run_isolated(fn, args, progress)` runs `fn(*args, progress=...)` in a new process
(spawned, never forked from a process running threads), passes its progress back through
a pipe and returns its result. A cancel (the progress callback returns False) ends the
child at once and raises Cancelled; a refusal in the child (OperationError) is raised
again here with its message.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any

from core.project.errors import OperationError
from core.project.progress import Progress, report_progress

POLL_SECONDS = 0.1  # how often a cancel is looked for while the child says nothing


def _child(connection: Connection, fn: Callable[..., Any], args: tuple[Any, ...]) -> None:
    def progress(done: int, total: int, label: str) -> bool:
        connection.send(("progress", done, total, label))
        return True

    try:
        result = fn(*args, progress=progress)
    except OperationError as err:  # its Message whole, so the window can translate it
        reason = err.args[0] if len(err.args) == 1 and isinstance(err.args[0], str) else str(err)
        connection.send(("refused", reason))
    except Exception as err:  # sent back whole, to be raised in the process that asked
        connection.send(("failed", f"{type(err).__name__}: {err}"))
    else:
        connection.send(("result", result))
    finally:
        connection.close()


def run_isolated(fn: Callable[..., Any], args: tuple[Any, ...], progress: Progress | None) -> Any:
    """`fn(*args, progress=...)` in a child process (`fn` a module-level function, `args`
    and its result picklable)."""
    context = multiprocessing.get_context("spawn")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(sender, fn, args), daemon=True)
    process.start()
    sender.close()
    last = (0, 0, "")
    try:
        while True:
            if not receiver.poll(POLL_SECONDS):
                report_progress(progress, *last)  # a cancel is noticed between messages too
                if not process.is_alive() and not receiver.poll():
                    raise RuntimeError(f"the training process ended ({process.exitcode})")
                continue
            try:
                kind, *rest = receiver.recv()
            except EOFError:
                raise RuntimeError("the training process ended without a result") from None
            if kind == "progress":
                last = (rest[0], rest[1], rest[2])
                report_progress(progress, *last)
            elif kind == "result":
                return rest[0]
            elif kind == "refused":
                raise OperationError(rest[0])
            else:
                raise RuntimeError(rest[0])
    finally:
        if process.is_alive():
            process.terminate()
        process.join()
        receiver.close()
