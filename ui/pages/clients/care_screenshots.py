"""``--screenshots`` for the care slice: ``client_dossier.png`` (the Dossier tab of a client with
registration facts and notes) and ``client_referrals.png`` (the Referrals tab of the client that referred
the most clients)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from desktop_crm.care_read import showcase_clients


def _settle(app: QApplication, rounds: int = 3) -> None:
    for _ in range(rounds):
        app.processEvents()


def render_care_screenshots(app: QApplication, target: Path, size: tuple[int, int]) -> list[str]:
    from .hub import ClientHubView

    dossier_client, referrer_client = showcase_clients()
    failures: list[str] = []
    for name, client_id, tab in (
        ("client_dossier", dossier_client, "dossier"),
        ("client_referrals", referrer_client, "referrals"),
    ):
        if client_id is None:
            continue
        hub = ClientHubView()
        hub.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
        hub.resize(*size)
        hub.show()
        hub.show_client(client_id)
        widget: QWidget = getattr(hub, tab)
        hub.tabs.setCurrentWidget(widget)
        _settle(app, 5)
        path = target / f"{name}.png"
        if not hub.grab().save(str(path), "PNG"):
            failures.append(f"could not write {path}")
        hub.close()
        hub.deleteLater()
        _settle(app)
    return failures
