"""What ``--self-test`` checks besides "every page opened": nothing logged an error, no glyph is missing,
the translation is loaded. A frozen build that lost a font file, a library or a catalogue fails loudly.

- :class:`ProblemCollector` (a context manager) records, while it is active: log records of level ERROR
  or above (a page's background job that failed, a chart that could not draw — ``log.exception``),
  matplotlib's "Glyph ... missing from font(s)" warnings and its "findfont: ..." complaints, and Qt's
  critical/fatal messages. Exceptions handed to ``sys.excepthook`` are collected by
  ``ui.headless.collecting_exceptions``.
- :func:`missing_glyphs_qt` lays sample Chinese and Latin text out with the application font and reports
  characters no font could draw (glyph 0), and whether the bundled CJK family is registered at all.
- :func:`missing_glyphs_matplotlib` asks matplotlib's fonts of ``font.family`` for the same characters.
- :func:`missing_licence_files` checks that the licence texts Help → About shows were bundled.
- :func:`translation_problems` checks, for Chinese, that our catalogue and Qt's own are loaded (known
  strings come back translated).
"""

from __future__ import annotations

import logging
import warnings
from types import TracebackType
from typing import Any

from PySide6.QtCore import QCoreApplication, QMessageLogContext, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QFont, QFontDatabase, QTextLayout
from PySide6.QtWidgets import QApplication

# Text every user sees one way or another (names, pages, money) in both languages.
PROBE_TEXT = "客户商机跟进目标周报赢单率回款：王晓明（陈主管）¥1,234.56 — Desktop CRM…"
# A known string of our catalogue (context, source) and one of Qt's own (qtbase) catalogue.
OUR_PROBE = ("MainWindow", "&About")
QT_PROBE = ("QPlatformTheme", "Cancel")


class _Problems(list[str]):
    """The problems found, each told once (a missing glyph warns at every chart)."""

    def add(self, problem: str) -> None:
        if problem not in self:
            self.append(problem)


class _ErrorRecords(logging.Handler):
    def __init__(self, problems: _Problems) -> None:
        super().__init__(logging.WARNING)
        self.problems = problems

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if record.levelno >= logging.ERROR:
            detail = self.format(record) if record.exc_info else message
            self.problems.add(f"logged by {record.name}: {detail}")
        elif record.name.startswith("matplotlib") and (
            "findfont" in message or "missing from font" in message
        ):
            self.problems.add(f"matplotlib: {message}")


class ProblemCollector:
    """Collect logged errors, font warnings and Qt's critical messages into ``problems``."""

    def __init__(self) -> None:
        self.problems = _Problems()
        self._handler = _ErrorRecords(self.problems)
        self._handler.setFormatter(logging.Formatter("%(message)s"))
        self._warnings: Any = None
        self._previous_qt: Any = None
        self._previous_showwarning: Any = None

    def __enter__(self) -> ProblemCollector:
        logging.getLogger().addHandler(self._handler)
        self._warnings = warnings.catch_warnings()
        self._warnings.__enter__()
        warnings.simplefilter("always")
        warnings.showwarning = self._on_warning
        self._previous_qt = qInstallMessageHandler(self._on_qt_message)
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None
    ) -> None:
        qInstallMessageHandler(self._previous_qt)
        self._warnings.__exit__(kind, value, tb)
        logging.getLogger().removeHandler(self._handler)

    def _on_warning(
        self,
        message: Warning | str,
        category: type[Warning],
        filename: str,
        lineno: int,
        file: Any = None,
        line: str | None = None,
    ) -> None:
        text = str(message)
        if "missing from font" in text or "findfont" in text:
            self.problems.add(f"matplotlib: {text}")
        else:  # other warnings are shown as usual, not counted
            logging.getLogger("py.warnings").info("%s:%s: %s: %s", filename, lineno, category.__name__, text)

    def _on_qt_message(self, mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
        if mode in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
            self.problems.add(f"Qt: {message}")
        if self._previous_qt is not None:
            self._previous_qt(mode, context, message)


def missing_glyphs_qt(font: QFont, text: str | None = None) -> list[str]:
    """Problems drawing ``text`` (default: ``PROBE_TEXT``) with ``font`` and its fallbacks: characters
    without a glyph; the bundled CJK family not registered."""
    from .fonts import CJK_FAMILY

    text = PROBE_TEXT if text is None else text
    problems = []
    if CJK_FAMILY not in QFontDatabase.families():
        problems.append(f"the bundled font {CJK_FAMILY!r} is not registered")
    layout = QTextLayout(text, font)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(100_000)
    layout.endLayout()
    missing: list[str] = []
    for run in layout.glyphRuns():
        if 0 in run.glyphIndexes():
            missing.append(run.rawFont().familyName())
    if missing:
        problems.append(f"Qt has no glyph for some of {text!r} (fonts: {', '.join(sorted(set(missing)))})")
    return problems


def missing_glyphs_matplotlib(text: str | None = None) -> list[str]:
    """Characters of ``text`` (default: ``PROBE_TEXT``) that none of matplotlib's ``font.family`` fonts
    can draw."""
    import matplotlib
    from matplotlib import font_manager

    text = PROBE_TEXT if text is None else text
    properties = font_manager.FontProperties(family=matplotlib.rcParams["font.family"])
    try:
        paths = font_manager.fontManager._find_fonts_by_props(properties)
        fonts = [font_manager.get_font(path) for path in paths]
    except (OSError, ValueError, RuntimeError) as exc:
        return [f"matplotlib cannot open its fonts: {exc}"]
    missing = sorted(
        {ch for ch in text if not ch.isspace() and not any(f.get_char_index(ord(ch)) for f in fonts)}
    )
    if missing:
        names = ", ".join(f.family_name for f in fonts)
        return [f"matplotlib has no glyph for {''.join(missing)!r} in its fonts ({names})"]
    return []


def translation_problems(lang: str, ours_loaded: bool) -> list[str]:
    """For Chinese: our catalogue and Qt's are loaded and translate known strings."""
    if lang == "en":
        return []
    problems = []
    if not ours_loaded:
        problems.append(f"the {lang} translation of the application did not load")
    elif QCoreApplication.translate(*OUR_PROBE) == OUR_PROBE[1]:
        problems.append(f"the {lang} translation does not translate {OUR_PROBE[1]!r} ({OUR_PROBE[0]})")
    if QCoreApplication.translate(*QT_PROBE) == QT_PROBE[1]:
        problems.append(f"Qt's own {lang} translation (qtbase_{lang}) did not load")
    return problems


def missing_licence_files() -> list[str]:
    """The licence texts the installers must carry (the CJK font's, the LGPL and GPL for Qt and psycopg2)."""
    from .about import FONT_LICENCE_FILE, GPL_FILE, LGPL_FILE

    return [
        f"the licence file {path.name} is missing from {path.parent}"
        for path in (FONT_LICENCE_FILE, LGPL_FILE, GPL_FILE)
        if not path.is_file()
    ]


def font_problems(app: QApplication) -> list[str]:
    """Glyph checks for Qt's application font and for matplotlib's chart fonts."""
    from .charts.canvas import _import_matplotlib

    _import_matplotlib()  # also registers the bundled font with matplotlib, as the charts do
    return missing_glyphs_qt(app.font()) + missing_glyphs_matplotlib()
