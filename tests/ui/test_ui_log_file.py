"""The window's log file (``desktop-crm.log`` in the data folder): opened at the first record, not at start."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from ui.app import _LogFileHandler


def test_the_log_file_is_made_at_the_first_record_and_keeps_each(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setattr("desktop_crm.paths.portable_home", lambda: None)
    handler = _LogFileHandler()
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    log_file = tmp_path / "data" / "desktop-crm" / "desktop-crm.log"
    assert not log_file.exists()
    logger = logging.getLogger("test.log_file")
    logger.addHandler(handler)
    monkeypatch.setattr(logger, "propagate", False)  # only this handler writes the file
    try:
        logger.error("first failure")
        logger.error("second failure: %s", "百分之百")
    finally:
        logger.removeHandler(handler)
        handler.close()
    assert log_file.read_text(encoding="utf-8").splitlines() == [
        "ERROR test.log_file: first failure",
        "ERROR test.log_file: second failure: 百分之百",
    ]


def test_an_unwritable_data_folder_sends_the_records_to_stderr(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setattr("desktop_crm.paths.portable_home", lambda: blocker / "sub")
    handler = _LogFileHandler()
    handler.setFormatter(logging.Formatter("%(message)s"))
    handler.handle(logging.LogRecord("x", logging.ERROR, __file__, 1, "lost nowhere", None, None))
    handler.close()
    assert "lost nowhere" in capsys.readouterr().err
