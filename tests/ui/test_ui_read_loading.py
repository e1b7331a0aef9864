"""The client page and the Pipeline read on the database worker on large files: a loading state meanwhile
(never an empty "no …" text, never the previous client's tabs), a result for a client left meanwhile is
dropped, and what they finally show equals what the inline read shows."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop_crm.db import close_database, open_database
from desktop_crm.demo import generate_demo
from desktop_crm.models import Client
from desktop_crm.read import size
from desktop_crm.read.client_page import key_client_id
from ui.pages.clients.hub import ClientHubView
from ui.pages.pipeline import PipelinePage

TODAY = date(2026, 6, 17)


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("loading") / "small.sqlite3"
    generate_demo(path, "small", seed=0, today=TODAY)
    close_database()
    return path


@pytest.fixture
def demo(demo_file: Path, tmp_path: Path) -> Iterator[Path]:
    copy = tmp_path / "demo.sqlite3"
    copy.write_bytes(demo_file.read_bytes())
    open_database(copy)
    yield copy


def hub_view(qtbot: QtBot) -> ClientHubView:
    hub = ClientHubView()
    qtbot.addWidget(hub)
    hub.resize(1280, 720)
    hub.show()
    return hub


def seen(hub: ClientHubView) -> dict[str, object]:
    """What a user sees of the page: the header, every tab's title and the rows of its tables."""
    rows = {
        "contacts": hub.stakeholders.contacts.model,
        "follow-ups": hub.follow_ups.model,
        "opportunities": hub.opportunities.model,
        "contracts": hub.contracts.model,
        "service": hub.service.model,
        "attachments": hub.attachments.model,
        "referred": hub.referrals.model,
    }
    return {
        "name": hub.name_label.text(),
        "facts": hub.facts_label.text(),
        "tabs": [hub.tabs.tabText(i) for i in range(hub.tabs.count())],
        "deal filter": [
            hub.stakeholders.opportunity_combo.itemText(i)
            for i in range(hub.stakeholders.opportunity_combo.count())
        ],
        "people": [p.name for p in hub.stakeholders.people],
        "follow-up summary": hub.follow_ups.summary_label.text(),
        "dossier": hub.dossier.code_edit.text(),
        **{
            key: [
                [model.index(r, c).data() for c in range(model.columnCount())]
                for r in range(model.rowCount())
            ]
            for key, model in rows.items()
        },
    }


def busy_clients() -> tuple[int, int]:
    first = key_client_id()
    assert first is not None
    second = Client.alive().where(Client.id != first).order_by(Client.id).first().id
    return first, second


def test_a_client_opens_on_the_worker_with_a_loading_state(
    qtbot: QtBot, demo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = busy_clients()
    inline = hub_view(qtbot)
    inline.show_client(first)
    expected = seen(inline)
    assert expected["contacts"] and expected["follow-ups"]  # the comparison below can fail
    assert not inline.is_loading()

    monkeypatch.setattr(size, "BACKGROUND_CLIENTS", 0)
    hub = hub_view(qtbot)
    with qtbot.waitSignal(hub.sig_loaded, timeout=20_000):
        hub.show_client(first)
        assert hub.is_loading() and hub.body.currentWidget() is hub.loading_label and hub.loading
        assert hub.name_label.text() == "Loading the client…"
        assert not hub.tabs.isVisible()  # no tab says "No contacts yet" before the data arrives
        assert not hub.edit_button.isEnabled() and not hub.log_button.isEnabled()
    assert not hub.is_loading() and hub.tabs.isVisible() and not hub.loading
    assert seen(hub) == expected

    # a refresh of the same client keeps its tabs (no flicker), then shows the same again
    with qtbot.waitSignal(hub.sig_loaded, timeout=20_000):
        hub.refresh()
        assert not hub.is_loading()
    assert seen(hub) == expected

    # another client: the first client's tabs are not left showing under the new one
    with qtbot.waitSignal(hub.sig_loaded, timeout=20_000):
        hub.show_client(second)
        assert hub.is_loading()
    monkeypatch.setattr(size, "BACKGROUND_CLIENTS", 10**9)  # the inline read again
    inline.show_client(second)
    assert seen(hub) == seen(inline)


def test_a_client_left_before_its_read_arrives_is_dropped(
    qtbot: QtBot, demo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = busy_clients()
    monkeypatch.setattr(size, "BACKGROUND_CLIENTS", 0)
    hub = hub_view(qtbot)
    loaded: list[int] = []
    hub.sig_loaded.connect(loaded.append)
    with qtbot.waitSignal(hub.sig_loaded, timeout=20_000, check_params_cb=lambda cid: cid == second):
        hub.show_client(first)
        hub.show_client(second)  # before the first read came back
    qtbot.wait(50)
    assert loaded == [second]
    assert hub.shown_id == second
    assert hub.name_label.text() == Client.get_by_id(second).name


def test_a_deleted_client_says_so(qtbot: QtBot, demo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(size, "BACKGROUND_CLIENTS", 0)
    hub = hub_view(qtbot)
    hub.show_client(10**9)
    qtbot.waitUntil(lambda: hub.loading_label.text() == "This client no longer exists.", timeout=20_000)
    assert hub.name_label.text() == "This client no longer exists."


def board_seen(page: PipelinePage) -> dict[str, object]:
    return {
        "cards": [card.value_label.text() for card in (page.open_card, page.amount_card, page.weighted_card)],
        "won": page.won_card.caption_label.text(),
        "columns": {
            stage: (
                column.count_label.text(),
                column.amount_label.text(),
                [column.model.card(r).name for r in range(column.model.rowCount())],
            )
            for stage, column in page.columns.items()
        },
    }


def test_the_pipeline_loads_on_the_worker_with_a_loading_state(
    qtbot: QtBot, demo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inline = PipelinePage()
    qtbot.addWidget(inline)
    inline.refresh()
    expected = board_seen(inline)
    assert expected["cards"][0] not in ("0", "…")

    monkeypatch.setattr(size, "BACKGROUND_CLIENTS", 0)
    page = PipelinePage()
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.sig_loaded, timeout=20_000):
        page.refresh()
        assert page.subtitle_label.text() == "Loading the pipeline…"
        assert {column.count_label.text() for column in page.columns.values()} == {"Loading…"}
        assert page.open_card.value_label.text() == "…"  # not a false "0"
        assert page.loading
    assert board_seen(page) == expected and not page.loading
    # a filter change while a read is on its way: only the latest read is shown
    loaded: list[bool] = []
    page.sig_loaded.connect(lambda: loaded.append(True))
    with qtbot.waitSignal(page.sig_loaded, timeout=20_000):
        page.period_combo.setCurrentIndex(page.period_combo.findData("this_year"))
        page.period_combo.setCurrentIndex(page.period_combo.findData("any"))
    qtbot.wait(50)
    assert loaded == [True]
    assert board_seen(page) == expected


def test_a_long_timeline_builds_the_newest_cards_and_offers_the_older(qtbot: QtBot, db: object) -> None:
    from datetime import datetime, timedelta

    from PySide6.QtCore import Qt

    from desktop_crm.read.followups import FollowUpCard, Timeline
    from ui.pages.followups.timeline import MORE_CARDS, PAGE_CARDS, FollowUpTimeline

    now = datetime(2026, 6, 17, 9, 0)
    total = PAGE_CARDS + MORE_CARDS + 2
    cards = [
        FollowUpCard(i, now - timedelta(days=i), "call", "keep_in_touch", 5, f"call {i}", (), "")
        for i in range(1, total + 1)
    ]
    timeline = FollowUpTimeline()
    qtbot.addWidget(timeline)
    timeline.set_timeline(Timeline(cards), now)
    assert list(timeline.cards) == [c.id for c in cards[:PAGE_CARDS]]
    assert timeline.more_button is not None and not timeline.more_button.isHidden()
    assert timeline.more_button.text() == f"Show older follow-ups ({total - PAGE_CARDS})"
    qtbot.mouseClick(timeline.more_button, Qt.MouseButton.LeftButton)
    assert len(timeline.cards) == PAGE_CARDS + MORE_CARDS
    assert timeline.more_button.text() == "Show older follow-ups (2)"
    timeline.scroll_to(cards[-1].id)  # an older card than built: every card is built first
    assert list(timeline.cards) == [c.id for c in cards]
    assert timeline.more_button.isHidden()
