"""Translations: compile the .ts sources to .qm when needed, pick the language, install translators.

English is the source language; ``desktop_crm_en.ts`` exists so the pair is wired. The .qm files are
build outputs (git-ignored): :func:`ensure_compiled` runs ``pyside6-lrelease`` when one is missing or
older than its .ts. Qt's own ``qtbase`` translation is loaded for Chinese (standard buttons, dialogs).
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from .settings import LANGUAGES

log = logging.getLogger(__name__)

I18N_DIR = Path(__file__).resolve().parent.parent / "resources" / "i18n"
CATALOG = "desktop_crm"

_installed: list[QTranslator] = []


def ts_path(lang: str) -> Path:
    return I18N_DIR / f"{CATALOG}_{lang}.ts"


def qm_path(lang: str) -> Path:
    return I18N_DIR / f"{CATALOG}_{lang}.qm"


def _lrelease_command() -> list[str] | None:
    import shutil

    exe_dir = Path(sys.executable).parent
    for candidate in (exe_dir / "pyside6-lrelease", exe_dir / "pyside6-lrelease.exe"):
        if candidate.exists():
            return [str(candidate)]
    found = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    if found:
        return [found]
    try:
        import PySide6

        bundled = Path(PySide6.__file__).parent / ("lrelease.exe" if os.name == "nt" else "lrelease")
        if bundled.exists():
            return [str(bundled)]
    except ImportError:  # pragma: no cover
        pass
    return None


def needs_compile(lang: str) -> bool:
    ts, qm = ts_path(lang), qm_path(lang)
    if not ts.exists():
        return False
    return not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime


def ensure_compiled(languages: tuple[str, ...] = LANGUAGES) -> list[Path]:
    """Build every missing or stale .qm; return the .qm files that exist afterwards.

    A frozen build carries the .qm files compiled at build time (``packaging/build.py``) and no sources:
    nothing is compiled, nor looked for, at run time."""
    frozen = getattr(sys, "frozen", False)
    stale = [] if frozen else [lang for lang in languages if needs_compile(lang)]
    if stale:
        import subprocess  # only here: not imported by the window's start (the .qm files are up to date)

        command = _lrelease_command()
        if command is None:
            log.warning("pyside6-lrelease not found: translations %s stay uncompiled", stale)
        for lang in stale if command else ():
            try:
                subprocess.run(
                    [*command, "-silent", str(ts_path(lang)), "-qm", str(qm_path(lang))],
                    check=True,
                    capture_output=True,
                    timeout=60,
                )
            except (OSError, subprocess.SubprocessError) as exc:
                log.warning("could not compile %s: %s", ts_path(lang), exc)
    return [qm_path(lang) for lang in languages if qm_path(lang).exists()]


def system_language() -> str:
    """The supported language closest to the system locale."""
    name = QLocale.system().name()  # e.g. "zh_CN", "en_US"
    return "zh_CN" if name.startswith("zh") else "en"


def resolve_language(requested: str | None, remembered: str) -> str:
    """``--lang`` wins, then the remembered choice, then the system locale."""
    for candidate in (requested, remembered):
        if candidate in LANGUAGES:
            return str(candidate)
    return system_language()


def remove_translators(app: QCoreApplication) -> None:
    while _installed:
        app.removeTranslator(_installed.pop())


def install_translators(app: QCoreApplication, lang: str) -> bool:
    """Replace the installed translators by ours and Qt's for ``lang``; set the default locale.

    Returns True when our catalog was loaded (always True for English, the source language).
    """
    remove_translators(app)
    QLocale.setDefault(QLocale(lang))
    ensure_compiled((lang,))
    ours_loaded = lang == "en"
    ours = QTranslator(app)
    if ours.load(str(qm_path(lang))):
        app.installTranslator(ours)
        _installed.append(ours)
        ours_loaded = True
    elif lang != "en":
        log.warning("no compiled translation for %s", lang)
    if lang != "en":
        qt = QTranslator(app)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt.load(f"qtbase_{lang}", qt_dir):
            app.installTranslator(qt)
            _installed.append(qt)
    return ours_loaded
