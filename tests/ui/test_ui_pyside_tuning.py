"""ui.pyside_tuning: PySide6's import hook learns whether a module uses PySide6 from the file's bytes,
with the same answers, and no longer keeps every module's source lines in memory."""

from __future__ import annotations

import importlib
import linecache
import sys
from pathlib import Path

import pytest

from ui.pyside_tuning import read_sources_directly, uses_pyside


def _module(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / f"{name}.py"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_answer_is_whether_the_source_mentions_pyside6(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.syspath_prepend(str(tmp_path))
    _module(tmp_path, "tuning_with_qt", "from PySide6.QtCore import QObject\n")
    _module(tmp_path, "tuning_without_qt", "VALUE = '中文'\n")
    with_qt = importlib.import_module("tuning_with_qt")
    without_qt = importlib.import_module("tuning_without_qt")
    assert uses_pyside(with_qt) is True
    assert uses_pyside(without_qt) is False
    assert uses_pyside(sys) is False  # built in: no source file
    with_qt.__file__ = str(tmp_path / "gone.py")
    assert uses_pyside(with_qt) is False  # a source that cannot be read, as PySide6 decides


def test_the_hook_uses_it_and_caches_no_source_lines(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert read_sources_directly()
    feature = sys.modules["shibokensupport.feature"]
    assert feature._mod_uses_pyside is uses_pyside
    monkeypatch.syspath_prepend(str(tmp_path))
    qt_path = _module(tmp_path, "tuning_hooked_qt", "import PySide6\n")
    plain_path = _module(tmp_path, "tuning_hooked_plain", "VALUE = 1\n")
    modules = [importlib.import_module(name) for name in ("tuning_hooked_qt", "tuning_hooked_plain")]
    flags = feature.pyside_feature_dict
    for module in modules:  # what PySide6's import hook does with each new module (it may have already)
        flags.pop(module.__name__, None)
        feature.feature_imported(module)
    assert flags["tuning_hooked_qt"] == 0  # uses PySide6: no feature switched on
    assert flags["tuning_hooked_plain"] == -1  # ignored by the feature switching
    assert str(qt_path) not in linecache.cache and str(plain_path) not in linecache.cache
