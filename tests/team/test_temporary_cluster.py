"""The tests' throwaway PostgreSQL: a cluster whose test run was killed is stopped and
removed by the next one, so killed runs do not leave servers behind."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from tests.fixtures.postgres import ClusterUnavailable, remove_abandoned_clusters, server_binaries

ROOT = Path(__file__).resolve().parents[2]
START_AND_WAIT = """
import sys, time
from tests.fixtures.postgres import TemporaryCluster
cluster = TemporaryCluster().start()
print(cluster.folder, cluster.port, flush=True)
time.sleep(600)
"""


def accepts_connections(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) == 0


def test_the_cluster_of_a_killed_run_is_stopped_and_removed():
    try:
        server_binaries()
    except ClusterUnavailable as err:
        pytest.skip(str(err))
    run = subprocess.Popen(
        [sys.executable, "-c", START_AND_WAIT], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    assert run.stdout is not None
    folder_text, port_text = run.stdout.readline().split()
    folder, port = Path(folder_text), int(port_text)
    assert accepts_connections(port)
    removed = remove_abandoned_clusters(Path(tempfile.gettempdir()))
    assert folder not in removed and folder.exists()  # its owner is still running
    os.kill(run.pid, signal.SIGKILL)
    run.wait()
    assert folder in remove_abandoned_clusters(Path(tempfile.gettempdir()))
    assert not folder.exists()
    assert not accepts_connections(port)
