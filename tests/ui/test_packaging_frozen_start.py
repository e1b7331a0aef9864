"""A frozen start (PyInstaller, ``sys.frozen``): packaging/launcher.py lets the application's cache folder win
over PyInstaller's ``pyi_rth_mplconfig`` run-time hook (which points MPLCONFIGDIR at a new temporary folder at
every launch, so matplotlib rebuilt its font cache each time), and the translations compiled at build time
are used as they are: nothing compiled, looked for or warned about at run time (issue 14, item 2)."""

from __future__ import annotations

import logging
import os
import runpy
import sys
from pathlib import Path

import pytest

from ui import i18n
from ui.charts.mplconfig import ensure_mplconfigdir

LAUNCHER = Path(__file__).resolve().parents[2] / "packaging" / "launcher.py"


def test_the_cache_folder_wins_over_the_runtime_hook(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    hook_folder = tmp_path / "_MEI-mplconfig"  # what the run-time hook set before the launcher runs
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setenv("MPLCONFIGDIR", str(hook_folder))
    monkeypatch.delenv("DESKTOP_CRM_HOME", raising=False)  # an installed (not portable) program

    runpy.run_path(str(LAUNCHER), run_name="desktop_crm_launcher")  # not "__main__": no window
    assert "MPLCONFIGDIR" not in os.environ
    ensure_mplconfigdir()  # what ui.app does at start-up

    cache = Path(os.environ["MPLCONFIGDIR"])
    assert cache.is_dir() and cache.name == "matplotlib"
    assert (
        Path(os.environ["XDG_CACHE_HOME"]) in cache.parents
    )  # the user's cache folder: kept across launches


def test_from_source_the_launcher_leaves_the_environment_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delattr(sys, "frozen", raising=False)
    monkeypatch.setenv("MPLCONFIGDIR", str(tmp_path / "chosen"))
    runpy.run_path(str(LAUNCHER), run_name="desktop_crm_launcher")
    assert os.environ["MPLCONFIGDIR"] == str(tmp_path / "chosen")


def test_a_frozen_build_compiles_nothing_and_warns_of_nothing(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """Even with the catalogues looking stale and no pyside6-lrelease (a frozen build has neither the .ts
    sources nor the tool), the .qm files carried by the bundle are used as they are."""
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(i18n, "needs_compile", lambda lang: True)
    monkeypatch.setattr(i18n, "_lrelease_command", lambda: None)

    def no_process(*args: object, **kwargs: object) -> None:
        raise AssertionError("a frozen build ran a process to compile translations")

    import subprocess

    monkeypatch.setattr(subprocess, "run", no_process)
    with caplog.at_level(logging.DEBUG):
        compiled = i18n.ensure_compiled()
    assert compiled == [i18n.qm_path(lang) for lang in i18n.LANGUAGES]
    assert caplog.records == []


def test_from_source_a_missing_compiler_is_reported(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """The contrast: the same situation from source warns (so the frozen test above can fail)."""
    monkeypatch.delattr(sys, "frozen", raising=False)
    monkeypatch.setattr(i18n, "needs_compile", lambda lang: True)
    monkeypatch.setattr(i18n, "_lrelease_command", lambda: None)
    with caplog.at_level(logging.WARNING):
        i18n.ensure_compiled()
    assert any("pyside6-lrelease not found" in record.getMessage() for record in caplog.records)
