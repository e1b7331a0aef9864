"""The client editor's own style sheet (on top of the application's): field messages and form chrome."""

from __future__ import annotations

from pathlib import Path

_CHEVRON = (Path(__file__).resolve().parents[3] / "resources" / "styles" / "chevron-down.svg").as_posix()

EDITOR_STYLE = """
QDialog#clientEditor { background: #f5f7fa; }
QLabel#dialogTitle { font-size: 1.35em; font-weight: 600; color: #1f2a3c; }
QLabel#dialogSubtitle, QLabel#hint { color: #6b7785; }
QLabel#sectionTitle { font-weight: 600; color: #1f2a3c; padding-top: 4px; }
QLabel#columnHeader { color: #6b7785; font-weight: 600; }
QLabel#fieldError { color: #c0392b; }
QLabel#generalError {
    color: #8a1f17; background: #fdecea; border: 1px solid #f5c6c1; border-radius: 6px; padding: 6px 10px;
}
QTabWidget::pane { border: 1px solid #e3e8ef; border-radius: 8px; background: #ffffff; top: -1px; }
QTabBar::tab {
    background: transparent; color: #6b7785; padding: 7px 16px; border: none;
    border-bottom: 2px solid transparent; margin-right: 4px;
}
QTabBar::tab:selected { color: #1f2a3c; border-bottom: 2px solid #3b6fd8; font-weight: 600; }
QScrollArea, QScrollArea > QWidget > QWidget#tabBody { background: #ffffff; border: none; }
QPlainTextEdit, QDateEdit, QListWidget {
    background: #ffffff; border: 1px solid #cfd6e0; border-radius: 6px; padding: 3px 6px;
}
QDateEdit { min-height: 20px; padding: 4px 6px; }
QDateEdit::drop-down { border: none; width: 24px; }
QDateEdit::down-arrow { image: url("{chevron}"); width: 12px; height: 12px; }
QDateEdit:disabled { color: #a0a8b3; background: #f5f7fa; }
QPlainTextEdit:focus, QDateEdit:focus, QListWidget:focus { border-color: #3b6fd8; }
QLineEdit[invalid="true"], QComboBox[invalid="true"], QPlainTextEdit[invalid="true"],
QDateEdit[invalid="true"], QListWidget[invalid="true"] { border: 1px solid #d9534f; background: #fff6f5; }
QListWidget#tagList::item { padding: 2px 6px; }
""".replace("{chevron}", _CHEVRON)
