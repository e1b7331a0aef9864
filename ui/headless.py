"""The headless modes of ``ui.app.main``: ``--self-test`` and ``--screenshots``."""

from __future__ import annotations

import sys
import time
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from .i18n import install_translators
from .main_window import MainWindow
from .settings import AppSettings

SCREENSHOT_SIZE = (1280, 720)


@contextmanager
def collecting_exceptions() -> Iterator[list[str]]:
    """Collect the exceptions Qt hands to ``sys.excepthook`` (from slots and event handlers)."""
    problems: list[str] = []
    previous = sys.excepthook

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        problems.append("".join(traceback.format_exception(kind, value, tb)))

    sys.excepthook = hook
    try:
        yield problems
    finally:
        sys.excepthook = previous


def _settle(app: QApplication, rounds: int = 3) -> None:
    for _ in range(rounds):
        app.processEvents()


def _window(db_path: Path, lang: str, settings: AppSettings) -> MainWindow:
    window = MainWindow(db_path, lang, settings)
    window.remember_state = False
    window.resize(*SCREENSHOT_SIZE)
    return window


def _shown_window(app: QApplication, db_path: Path, lang: str, settings: AppSettings) -> MainWindow:
    """The main window, shown off screen, its status bar filled and its events settled."""
    window = _window(db_path, lang, settings)
    window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    window.show()
    window.update_status()
    _settle(app)
    return window


def run_self_test(db_path: Path, lang: str, settings: AppSettings, *, translation_loaded: bool = True) -> int:
    """Build the window, show, refresh and paint every page (waiting for its data and charts); 0 when
    nothing raised or logged an error, no glyph is missing, the translation is loaded and the licence texts
    are there (``ui.self_check``), else 1 (the problems on stderr)."""
    from .self_check import ProblemCollector, font_problems, missing_licence_files, translation_problems

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    window: MainWindow | None = None
    with collecting_exceptions() as problems, ProblemCollector() as collector:
        problems.extend(translation_problems(lang, translation_loaded))
        problems.extend(missing_licence_files())
        try:
            window = _shown_window(app, db_path, lang, settings)
            for index, page in enumerate(window.pages):
                try:
                    window.show_page(index)
                    _settle(app)
                    page.refresh()
                    _wait_loaded(app, page, timeout=60.0)
                    window.grab()  # paint it: the charts draw their text
                    _settle(app)
                except Exception:
                    problems.append(f"page {page.key}:\n{traceback.format_exc()}")
            problems.extend(font_problems(app))
        except Exception:
            problems.append(traceback.format_exc())
        finally:
            if window is not None:
                window.close()
                window.deleteLater()
                _settle(app)
    problems.extend(collector.problems)
    if problems:
        print("desktop-crm self-test FAILED:", file=sys.stderr)
        for problem in problems:
            print(problem, file=sys.stderr)
        return 1
    print(f"desktop-crm self-test passed: {len(window.pages) if window else 0} pages on {db_path} in {lang}")
    return 0


def _render_client_hub(app: QApplication, target: Path) -> list[str]:
    """``client_page.png`` (the hub on a key client) and ``power_map.png`` (its power map, large)."""
    from desktop_crm.read import client_page as hub_data

    from .pages.clients.hub import ClientHubView
    from .pages.clients.power_map import PowerMapView, StanceLegend

    client_id = hub_data.key_client_id()
    if client_id is None:
        return []
    failures = []
    hub = ClientHubView()
    hub.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    hub.resize(*SCREENSHOT_SIZE)
    hub.show()
    hub.show_client(client_id)
    _settle(app, 5)
    big = QWidget()
    big.setStyleSheet("background: #ffffff;")
    layout = QVBoxLayout(big)
    layout.setContentsMargins(24, 24, 24, 20)
    power_map = PowerMapView(big)
    power_map.max_scale = 1.6
    layout.addWidget(power_map, 1)
    layout.addWidget(StanceLegend(big))
    big.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    big.resize(*SCREENSHOT_SIZE)
    big.show()
    _settle(app)
    power_map.set_people(hub.stakeholders.people)
    _settle(app, 5)
    for name, widget in (("client_page", hub), ("power_map", big)):
        path = target / f"{name}.png"
        if not widget.grab().save(str(path), "PNG"):
            failures.append(f"could not write {path}")
    for widget in (hub, big):
        widget.close()
        widget.deleteLater()
    _settle(app)
    return failures


def _render_client_service(app: QApplication, target: Path) -> list[str]:
    """``client_service.png``: the client page's Service tab."""
    from .pages.clients.service_screenshots import render_service_screenshot

    return render_service_screenshot(app, target, SCREENSHOT_SIZE)


def _render_care(app: QApplication, target: Path) -> list[str]:
    """``client_dossier.png`` and ``client_referrals.png``: the client page's Dossier and Referrals tabs."""
    from .pages.clients.care_screenshots import render_care_screenshots

    return render_care_screenshots(app, target, SCREENSHOT_SIZE)


def _wait_loaded(app: QApplication, page: QWidget, timeout: float = 120.0) -> None:
    """Let a page that loads on the worker (``loading``, ``charts_pending``) finish before the grab."""
    deadline = time.monotonic() + timeout
    _settle(app, 5)
    while (
        getattr(page, "loading", False) or getattr(page, "charts_pending", 0)
    ) and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    _settle(app, 5)


def _render_dark_dashboard(app: QApplication, window: MainWindow, target: Path) -> list[str]:
    """``dashboard_dark.png``: the dashboard in the dark theme (the user's theme setting is not changed)."""
    page = window.page("dashboard")
    window.show_page(window.pages.index(page))
    window.change_theme("dark")
    _wait_loaded(app, page)
    path = target / "dashboard_dark.png"
    saved = window.grab().save(str(path), "PNG")
    window.change_theme(getattr(window.settings, "theme", "light") or "light")
    _settle(app)
    return [] if saved else [f"could not write {path}"]


def render_attachment_screenshots(app: QApplication, target: Path, size: tuple[int, int]) -> list[str]:
    """``client_attachments.png`` and ``client_form_settings.png`` (slice attach)."""
    from .attachments.screenshots import render_attachment_screenshots as render

    return render(app, target, size)


def _render_weekly(app: QApplication, target: Path) -> list[str]:
    """``weekly_form.png``, ``weekly_reviewed.png`` and ``team_overview.png``."""
    from .pages.weekly.screenshots import render_weekly_screenshots

    return render_weekly_screenshots(app, target, (1280, 720))


def _render_import(app: QApplication, target: Path) -> list[str]:
    """``import_mapping.png`` and ``import_preview.png``: the import wizard over a sample file (nothing imported)."""
    from .importer.screenshots import render_import_screenshots

    return render_import_screenshots(app, target, SCREENSHOT_SIZE)


def render_screenshots(
    app: QApplication, db_path: Path, out_dir: Path, languages: list[str], *, nested: bool
) -> int:
    """Render every page of every language in ``languages`` to PNG files; 0 on success."""
    settings = AppSettings()
    failures: list[str] = []
    with collecting_exceptions() as problems:
        for lang in languages:
            target = out_dir / lang if nested else out_dir
            target.mkdir(parents=True, exist_ok=True)
            install_translators(app, lang)
            window = _shown_window(app, db_path, lang, settings)
            for index, page in enumerate(window.pages):
                window.show_page(index)
                _wait_loaded(app, page)
                path = target / f"{page.key}.png"
                if not window.grab().save(str(path), "PNG"):
                    failures.append(f"could not write {path}")
            failures.extend(_render_dark_dashboard(app, window, target))
            window.close()
            window.deleteLater()
            _settle(app)
            failures.extend(_render_client_hub(app, target))
            failures.extend(_render_client_service(app, target))  # slice service
            failures.extend(_render_care(app, target))  # slice care
            failures.extend(render_attachment_screenshots(app, target, SCREENSHOT_SIZE))  # slice attach
            failures.extend(_render_weekly(app, target))
            failures.extend(_render_import(app, target))
    for message in failures + problems:
        print(f"desktop-crm: {message}", file=sys.stderr)
    return 1 if failures or problems else 0
