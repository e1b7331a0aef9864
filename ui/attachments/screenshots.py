"""``--screenshots`` views of the attachments (slice attach): ``client_attachments.png`` (the client page's
Attachments tab with an image previewed) and ``client_form_settings.png`` (Settings → Client form)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

from desktop_crm.services.attachments import busiest_client_id


def _settle(app: QApplication, rounds: int = 5) -> None:
    for _ in range(rounds):
        app.processEvents()
        QCoreApplication.sendPostedEvents()


def _save(widget: QWidget, path: Path, failures: list[str]) -> None:
    if not widget.grab().save(str(path), "PNG"):
        failures.append(f"could not write {path}")


def render_attachment_screenshots(app: QApplication, target: Path, size: tuple[int, int]) -> list[str]:
    from ..pages.clients.hub import ClientHubView
    from ..pages.settings_form import ClientFormSettingsSection

    failures: list[str] = []
    client_id = busiest_client_id()
    if client_id is not None:
        hub = ClientHubView()
        hub.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
        hub.resize(*size)
        hub.show()
        hub.show_client(client_id)
        hub.tabs.setCurrentWidget(hub.attachments)
        panel = hub.attachments
        image = next((r for r in panel._rows if r.kind == "image"), None)
        if image is not None:
            panel.select(image.id)
        _settle(app)
        _save(hub, target / "client_attachments.png", failures)
        hub.close()
        hub.deleteLater()
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setStyleSheet("QScrollArea { background: #f5f7fa; }")
    area.setWidget(ClientFormSettingsSection())
    area.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    area.resize(*size)
    area.show()
    _settle(app)
    _save(area, target / "client_form_settings.png", failures)
    area.close()
    area.deleteLater()
    _settle(app)
    return failures
