"""``--screenshots`` of the Service tab: ``client_service.png``, the client page on the client with the
most service records (all of them shown, the first selected). Reads only."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop_crm.service_read import showcase_client_id

from .hub import ClientHubView


def _settle(app: QApplication, rounds: int = 5) -> None:
    for _ in range(rounds):
        app.processEvents()


def render_service_screenshot(app: QApplication, target: Path, size: tuple[int, int]) -> list[str]:
    client_id = showcase_client_id()
    if client_id is None:
        return []
    hub = ClientHubView()
    hub.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    hub.resize(*size)
    hub.show()
    hub.show_client(client_id)
    hub.tabs.setCurrentWidget(hub.service)
    tab = hub.service
    tab.filter_combo.setCurrentIndex(tab.filter_combo.findData("all"))
    rows = [tab.model.item(r) for r in range(tab.model.rowCount())]
    if rows:
        tab.select_row(next((i for i, r in enumerate(rows) if r.kind == "complaint"), 0))
    _settle(app)
    failures: list[str] = []
    path = target / "client_service.png"
    if not hub.grab().save(str(path), "PNG"):
        failures.append(f"could not write {path}")
    hub.close()
    hub.deleteLater()
    _settle(app)
    return failures
