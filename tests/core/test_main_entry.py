"""The entry point's own settings for the process."""

from __future__ import annotations

import os

import pytest

import main


def test_numpy_blas_runs_on_one_thread_unless_the_user_sets_it(monkeypatch, capsys):
    monkeypatch.delenv("OPENBLAS_NUM_THREADS", raising=False)
    with pytest.raises(SystemExit):
        main.main(["--version"])
    assert os.environ["OPENBLAS_NUM_THREADS"] == "1"
    monkeypatch.setenv("OPENBLAS_NUM_THREADS", "4")
    with pytest.raises(SystemExit):
        main.main(["--version"])
    assert os.environ["OPENBLAS_NUM_THREADS"] == "4"
    assert "Tawsim" in capsys.readouterr().out
