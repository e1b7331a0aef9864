"""``--screenshots`` of the weekly form: ``weekly_form.png`` (this week's form beside last week's),
``weekly_reviewed.png`` (a reviewed, scored form with annotations, as its supervisor sees it) and
``team_overview.png`` (the supervisor's team view). Reads only: nobody's working user is switched."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop_crm import clock
from desktop_crm.weekly_form import week_of
from desktop_crm.weekly_overview import showcase_review

from .page import WeeklyPage


def _settle(app: QApplication, rounds: int = 5) -> None:
    for _ in range(rounds):
        app.processEvents()


def render_weekly_screenshots(app: QApplication, target: Path, size: tuple[int, int]) -> list[str]:
    showcase = showcase_review()
    if showcase is None:
        return []
    seller, supervisor, year, week = showcase
    page = WeeklyPage()
    page.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    page.resize(*size)
    page.show()
    failures: list[str] = []

    def shot(name: str) -> None:
        _settle(app)
        path = target / f"{name}.png"
        if not page.grab().save(str(path), "PNG"):
            failures.append(f"could not write {path}")

    this_year, this_week = week_of(clock.today())
    page.viewer_override = seller
    page.iso_year, page.iso_week = this_year, this_week
    page.refresh()
    shot("weekly_form")
    page.viewer_override = supervisor
    page.iso_year, page.iso_week = year, week
    page.refresh()
    page.open_form_of(seller)
    _settle(app)
    bar = page.editor.verticalScrollBar()
    bar.setValue(bar.maximum())  # the annotations and the score
    shot("weekly_reviewed")
    page.iso_year, page.iso_week = this_year, this_week
    page.team_button.setChecked(True)
    page._on_team_button_toggled()
    shot("team_overview")
    page.close()
    page.deleteLater()
    _settle(app)
    return failures
