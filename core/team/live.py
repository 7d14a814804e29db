"""Hearing the team's changes as they are committed.

Every write to a team project sends its change set on the project's channel (see
core.project.server); a `ChangeListener` receives them on a connection of its own, in a
thread, and hands each to `on_change` as a Changes (the document list, the agreement
dashboard and curation redraw from it as from their own operations; they read through
row-level security, so others' rows stay unseen). Its own project's changes are skipped:
the window that made them has shown them already.

When the connection drops the listener says so (`on_status(OFFLINE)`), retries with
growing pauses, and once back calls `on_change(None)`: changes made meanwhile were not
heard, so everything shown is read again. Nothing committed is lost by this: the
database holds it; only the news of it was missed.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable

from core.project.changes import Changes
from core.project.server import CHANNEL, ServerProject
from models.server.notify import ListenConnection, ListenLost

ONLINE, OFFLINE = "online", "offline"
RETRY_PAUSES = (0.5, 1.0, 2.0, 5.0, 10.0)  # seconds between reconnection attempts
_POLL = 0.5  # seconds: how soon a stop request is noticed


class ChangeListener:
    def __init__(
        self,
        project: ServerProject,
        on_change: Callable[[Changes | None], None],
        on_status: Callable[[str], None] = lambda _status: None,
    ):
        self.project = project
        self.on_change = on_change
        self.on_status = on_status
        self.status = OFFLINE
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> ChangeListener:
        """Listen from now on, until `stop` or the project's closing."""
        self.project.on_close.append(self.stop)
        self._thread = threading.Thread(target=self._serve, name="tawsim-live", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        if self.stop in self.project.on_close:
            self.project.on_close.remove(self.stop)

    def _serve(self) -> None:
        failures = 0
        heard_before = False
        while not self._stop.is_set():
            try:
                connection = ListenConnection(self.project.engine.url, CHANNEL)
            except ListenLost:
                failures += 1
                self._set_status(OFFLINE)
                self._stop.wait(RETRY_PAUSES[min(failures, len(RETRY_PAUSES)) - 1])
                continue
            failures = 0
            self._set_status(ONLINE)
            if heard_before:
                self.on_change(None)  # what happened while offline was not heard
            heard_before = True
            try:
                while not self._stop.is_set():
                    for payload in connection.wait(_POLL):
                        self._deliver(payload)
            except ListenLost:
                self._set_status(OFFLINE)
            finally:
                connection.close()

    def _set_status(self, status: str) -> None:
        if status != self.status:
            self.status = status
            self.on_status(status)

    def _deliver(self, payload: str) -> None:
        data = json.loads(payload)
        if data.get("origin") == self.project.origin:
            return
        self.on_change(None if data.get("everything") else Changes.from_json(data))


__all__ = ["OFFLINE", "ONLINE", "ChangeListener"]
