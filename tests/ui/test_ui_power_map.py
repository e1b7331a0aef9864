"""The power map: stance colours, the org chart layout, the deal filter, clicks; the matrix model."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt

from desktop_crm.models import Client, Opportunity
from desktop_crm.services.stakeholders import create_contact, set_opportunity_role
from ui.pages.clients.hub import ClientHubView
from ui.pages.clients.matrix import ROWS, RoleStanceMatrixModel
from ui.pages.clients.power_map import PowerMapView
from ui.pages.clients.stance_style import stance_fill


@pytest.fixture
def org(db: object) -> dict[str, int]:
    client = Client.create(name="Acme GmbH")
    ceo = create_contact(client.id, "Ceo", role="approver", stance="ally", influence="high")
    cto = create_contact(client.id, "Cto", role="evaluator", stance="opponent", reports_to_id=ceo.id)
    dev = create_contact(client.id, "Dev", role="user", stance="neutral", reports_to_id=cto.id)
    cfo = create_contact(client.id, "Cfo", role="decision_maker", stance="supporter", reports_to_id=ceo.id)
    outsider = create_contact(client.id, "Outsider", stance="neutral", influence="low")
    return {
        "client": client.id,
        "ceo": ceo.id,
        "cto": cto.id,
        "dev": dev.id,
        "cfo": cfo.id,
        "out": outsider.id,
    }


def hub_on(qtbot, client_id: int) -> ClientHubView:
    hub = ClientHubView()
    qtbot.addWidget(hub)
    hub.resize(1200, 800)
    hub.show()
    hub.show_client(client_id)
    return hub


def test_cards_are_coloured_by_stance(qtbot, org) -> None:
    hub = hub_on(qtbot, org["client"])
    cards = hub.stakeholders.power_map.cards
    opponent = cards[org["cto"]].brush().color()
    ally = cards[org["ceo"]].brush().color()
    assert opponent == stance_fill("opponent") and opponent.red() > 150 > opponent.green()
    assert ally == stance_fill("ally") and ally.green() > ally.red() and ally.green() > ally.blue()
    assert cards[org["cfo"]].brush().color() == stance_fill("supporter")
    assert cards[org["ceo"]].role_item is not None and cards[org["ceo"]].role_item.text() == "Approver"
    assert cards[org["ceo"]].influence_item.text() == "●●●"
    assert cards[org["out"]].role_item is None


def test_org_chart_places_reports_below_their_boss(qtbot, org) -> None:
    hub = hub_on(qtbot, org["client"])
    power_map = hub.stakeholders.power_map
    pos = {key: power_map.cards[org[key]].pos() for key in ("ceo", "cto", "dev", "cfo", "out")}
    assert pos["cto"].y() > pos["ceo"].y() and pos["cfo"].y() > pos["ceo"].y()
    assert pos["dev"].y() > pos["cto"].y()
    assert pos["cto"].y() == pos["cfo"].y()
    assert pos["out"].y() == pos["ceo"].y()  # a second root, side by side
    assert pos["out"].x() > max(p.x() for p in pos.values() if p is not pos["out"])
    assert len(power_map.edges) == 3
    cards = list(power_map.cards.values())
    for a in cards:
        for b in cards:
            if a is not b:
                assert not a.sceneBoundingRect().intersects(b.sceneBoundingRect())


def test_click_selects_and_double_click_opens_the_dialog(qtbot, org, modal) -> None:
    hub = hub_on(qtbot, org["client"])
    power_map = hub.stakeholders.power_map
    card = power_map.cards[org["cfo"]]
    point = power_map.mapFromScene(card.sceneBoundingRect().center())
    with qtbot.waitSignal(power_map.sig_contact_selected) as selected:
        qtbot.mouseClick(power_map.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert selected.args == [org["cfo"]]
    assert hub.stakeholders.contacts.selected_id() == org["cfo"]
    qtbot.mouseDClick(power_map.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert modal.seen and modal.seen[-1][0] == "ContactDialog"
    empty = power_map.mapFromScene(power_map.sceneRect().topLeft()) + QPoint(2, 2)
    qtbot.mouseDClick(power_map.viewport(), Qt.MouseButton.LeftButton, pos=empty)
    assert len(modal.seen) == 1


def test_opportunity_filter_shows_the_deal_roles(qtbot, org) -> None:
    deal = Opportunity.create(client=org["client"], name="Phase 2", stage="proposal")
    set_opportunity_role(deal.id, org["dev"], "coach")
    set_opportunity_role(deal.id, org["cto"], "evaluator")
    hub = hub_on(qtbot, org["client"])
    section = hub.stakeholders
    assert section.opportunity_combo.count() == 2
    section.opportunity_combo.setCurrentIndex(section.opportunity_combo.findData(deal.id))
    cards = section.power_map.cards
    assert set(cards) == {org["dev"], org["cto"]}
    assert cards[org["dev"]].role_item.text() == "Coach"
    assert cards[org["dev"]].pos().y() > cards[org["cto"]].pos().y()
    assert "Nobody is our coach/sponsor." not in section.analysis.flag_texts()
    assert section.matrix_model.names("coach", "neutral") == ["Dev"]
    section.set_opportunity(None)
    assert len(section.power_map.cards) == 5


def test_view_handles_no_people_and_a_cycle(qtbot) -> None:
    from desktop_crm.stakeholder_analysis import Stakeholder

    view = PowerMapView()
    qtbot.addWidget(view)
    view.resize(600, 400)
    view.set_people([], "Nobody here")
    assert view.cards == {}
    loop = [
        Stakeholder(1, "A", None, "neutral", "low", reports_to_id=2),
        Stakeholder(2, "B", None, "neutral", "low", reports_to_id=1),
    ]
    view.set_people(loop)
    assert set(view.cards) == {1, 2}


def test_matrix_model(qtbot, qtmodeltester, org) -> None:
    from desktop_crm.power_map import load_stakeholders

    model = RoleStanceMatrixModel()
    model.set_people(load_stakeholders(org["client"]))
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == len(ROWS)
    row, column = ROWS.index("evaluator"), 3
    index = model.index(row, column)
    assert model.data(index) == "Cto"
    assert model.data(index, Qt.ItemDataRole.BackgroundRole) is not None
    assert model.headerData(len(ROWS) - 1, Qt.Orientation.Vertical) == "No role"
    assert model.data(model.index(ROWS.index("none"), 2)) == "Outsider"


def test_the_legend_puts_the_influence_note_on_its_own_line_when_narrow(qtbot) -> None:
    """Never cut (it read "Influence: ●●● high · ●● mediur" on the client page at 1280 px): beside the
    swatches when there is room, on a line of its own below them when there is not. Placed as the client
    page places it (its width ignored by the layout)."""
    from PySide6.QtWidgets import QApplication, QSizePolicy, QVBoxLayout, QWidget

    from ui.pages.clients.power_map import StanceLegend

    frame = QWidget()
    qtbot.addWidget(frame)
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(0, 0, 0, 0)
    legend = StanceLegend(frame)
    legend.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
    layout.addWidget(legend)
    layout.addStretch(1)
    frame.show()
    one_line = legend.one_line_width()
    frame.resize(one_line + 20, 80)
    QApplication.processEvents()
    assert legend.dots_beside()
    short = legend.height()
    frame.resize(one_line - 30, 80)
    QApplication.processEvents()
    assert not legend.dots_beside()
    qtbot.waitUntil(lambda: legend.height() > short)  # a second line
    dots = legend.dots
    assert dots.isVisible()
    assert dots.width() >= dots.sizeHint().width()  # whole
    assert dots.geometry().top() >= legend.row.geometry().bottom()  # below the swatches
    frame.resize(one_line + 20, 80)
    QApplication.processEvents()
    assert legend.dots_beside()
    qtbot.waitUntil(lambda: legend.height() == short)  # one line again


def test_a_chart_taller_than_the_view_shows_its_top(qtbot, org) -> None:
    """Too tall to fit even at the smallest scale: the people at the top (who decide) are in view."""
    hub = hub_on(qtbot, org["client"])
    power_map = hub.stakeholders.power_map
    power_map.setFixedSize(700, 120)
    qtbot.waitUntil(lambda: power_map.viewport().height() <= 120)
    power_map._fit()
    top = power_map.mapFromScene(power_map.cards[org["ceo"]].sceneBoundingRect().topLeft())
    assert 0 <= top.y() < power_map.viewport().height()
    bottom = power_map.mapFromScene(power_map.cards[org["dev"]].sceneBoundingRect().bottomLeft())
    assert bottom.y() > power_map.viewport().height()  # the rest is below, reached by scrolling
