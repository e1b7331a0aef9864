"""The Clients list as it behaves on a large file (the ids read on the worker; made to apply to a few rows
by lowering ``ASYNC_FROM``): the loading state is never an empty list, a narrowing keystroke removes rows
instead of resetting the model, the search texts are loaded on the worker (never on a keystroke), the
row says which contact or field matched, and the model passes the model tester meanwhile."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop_crm.models import Client, Contact, CustomFieldDef, CustomFieldValue
from desktop_crm.search import SearchMemo
from ui.pages.clients import ClientsPage, table_model


@pytest.fixture
def crm(db: object) -> dict[str, Client]:
    clients = {
        key: Client.create(name=name, phone=phone)
        for key, name, phone in [
            ("a", "杭州云帆科技有限公司", "0571-8888 1234"),
            ("b", "苏州恒达机械有限公司", ""),
            ("c", "苏州华东精密电子", "0512-6666 0000"),
            ("d", "Northwind Logistics", "+1 555 0100"),
            ("e", "苏州博瑞包装", ""),
        ]
    }
    Contact.create(client=clients["b"], name="王芳", phone="138-0013-8000")
    field = CustomFieldDef.create(name="主营产品", kind="text")
    CustomFieldValue.create(field=field, client=clients["d"], value_text="冷链运输")
    return clients


@pytest.fixture
def large(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(table_model, "ASYNC_FROM", 0)
    import ui.pages.clients.list_view as list_view

    monkeypatch.setattr(list_view, "ASYNC_FROM", 0)


def texts(page: ClientsPage, column: int = 0) -> list[str]:
    model = page.model
    return [model.data(model.index(row, column)) for row in range(model.rowCount())]


def open_page(qtbot: QtBot) -> ClientsPage:
    page = ClientsPage()
    qtbot.addWidget(page)
    page.resize(1070, 700)
    page.show()
    return page


def type_search(qtbot: QtBot, page: ClientsPage, text: str) -> None:
    page.list_view.search_edit.setText(text)  # keyClicks with Chinese aborts Qt (FIELD-NOTES)
    page.list_view.apply_filter()  # the keystroke's search, without the pause
    qtbot.waitUntil(lambda: not page.model.loading, timeout=10_000)


def test_the_loading_state_is_never_an_empty_list(qtbot: QtBot, crm: dict, large: None) -> None:
    page = open_page(qtbot)
    view = page.list_view
    shown: list[str] = []
    page.model.sig_loading_changed.connect(lambda _on: shown.append(view.count_label.text()))
    page.refresh()
    assert page.model.loading and page.model.rowCount() == 0
    assert view.count_label.text() == "Loading…"
    assert view.loading_label.isVisible() and view.loading_label.text() == "Loading clients…"
    qtbot.waitUntil(lambda: page.model.rowCount() == 5, timeout=10_000)
    assert view.count_label.text() == "5 clients" and not view.loading_label.isVisible()
    assert "0 clients" not in shown
    # A reload keeps the rows on screen while the new ones are read.
    page.list_view.reload(keep_position=True)
    assert page.model.loading and page.model.rowCount() == 5 and not view.loading_label.isVisible()
    qtbot.waitUntil(lambda: not page.model.loading, timeout=10_000)
    assert page.model.rowCount() == 5


def test_search_texts_load_on_the_worker_and_narrowing_removes_rows(
    qtbot: QtBot, crm: dict, large: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    built_in: list[str] = []
    real_init = SearchMemo.__init__

    def spy(self: SearchMemo, conn: object) -> None:
        built_in.append(threading.current_thread().name)
        real_init(self, conn)  # type: ignore[arg-type]

    monkeypatch.setattr(SearchMemo, "__init__", spy)
    page = open_page(qtbot)
    page.refresh()
    qtbot.waitUntil(lambda: page.model._memo is not None, timeout=10_000)
    assert built_in and threading.main_thread().name not in built_in
    model = page.model
    type_search(qtbot, page, "苏")
    assert texts(page) == ["苏州华东精密电子", "苏州博瑞包装", "苏州恒达机械有限公司"]  # by code point
    resets: list[int] = []
    removed: list[tuple[int, int]] = []
    model.modelReset.connect(lambda: resets.append(1))
    model.rowsRemoved.connect(lambda _parent, first, last: removed.append((first, last)))
    # A keystroke that narrows: answered from memory in the GUI thread, rows removed, no reset.
    page.list_view.search_edit.setText("苏州博")
    page.list_view.apply_filter()
    assert not model.loading
    assert texts(page) == ["苏州博瑞包装"]
    assert resets == [] and removed == [(2, 2), (0, 0)]  # two runs, the later one first
    assert page.list_view.count_label.text() == "1 of 5 match"
    assert len(built_in) == 1  # no new load of the texts on a keystroke
    # Widening again (a deleted character) resets, and the order is still the list's.
    type_search(qtbot, page, "苏州")
    assert len(texts(page)) == 3 and resets == [1]


def test_a_search_before_the_texts_are_loaded_runs_on_the_worker(
    qtbot: QtBot, crm: dict, large: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = open_page(qtbot)
    monkeypatch.setattr(page.model, "_build_memo", lambda: None)  # the texts never arrive
    page.refresh()
    qtbot.waitUntil(lambda: page.model.rowCount() == 5, timeout=10_000)
    page.list_view.search_edit.setText("王芳")
    page.list_view.apply_filter()
    assert page.model.loading and page.model.rowCount() == 5  # the old rows stay until the answer
    qtbot.waitUntil(lambda: not page.model.loading, timeout=10_000)
    assert texts(page) == ["苏州恒达机械有限公司"]


def test_the_row_says_which_contact_or_field_matched(qtbot: QtBot, crm: dict) -> None:
    page = open_page(qtbot)
    page.refresh()
    model = page.model
    columns = len(model.columns)
    assert model.columnCount() == columns  # no Matched column without a search
    type_search(qtbot, page, "王芳")
    assert model.columnCount() == columns + 1
    assert model.headerData(columns, Qt.Orientation.Horizontal) == "Matched"
    assert texts(page, columns) == ["Contact: 王芳 · 138-0013-8000"]
    type_search(qtbot, page, "13800138")
    assert texts(page, columns) == ["Contact: 王芳 · 138-0013-8000"]
    type_search(qtbot, page, "冷链")
    assert texts(page, columns) == ["主营产品: 冷链运输"]
    type_search(qtbot, page, "8888")
    assert texts(page, columns) == ["Phone: 0571-8888 1234"]
    type_search(qtbot, page, "苏州")
    assert set(texts(page, columns)) == {""}  # the name holds it
    # Clicking the Matched header does not sort by it.
    page.list_view.table.horizontalHeader().setSortIndicator(columns, Qt.SortOrder.DescendingOrder)
    assert model.query.sort_key == "name"
    page.grab()
    type_search(qtbot, page, "")
    assert model.columnCount() == columns


def test_model_passes_the_model_tester_while_loading(
    qtbot: QtBot, crm: dict, large: None, qtmodeltester: object
) -> None:
    page = open_page(qtbot)
    page.refresh()
    qtmodeltester.check(page.model, force_py=True)
    qtbot.waitUntil(lambda: page.model._memo is not None, timeout=10_000)
    type_search(qtbot, page, "苏")
    page.list_view.search_edit.setText("苏州华")
    page.list_view.apply_filter()
    qtmodeltester.check(page.model, force_py=True)
    assert texts(page) == ["苏州华东精密电子"]
    # Detach the tester while the model lives: the page (and its model) may be deleted when pytest-qt
    # closes the widgets, before the fixture's own teardown would disconnect from a deleted model.
    qtmodeltester._cleanup()  # type: ignore[attr-defined]


def test_search_texts_are_kept_until_a_write_changes_them(qtbot: QtBot, crm: dict, large: None) -> None:
    from desktop_crm.services import clients as client_service

    page = open_page(qtbot)
    page.refresh()
    qtbot.waitUntil(lambda: page.model._memo is not None, timeout=10_000)
    memo = page.model._memo
    page.list_view.reload()  # nothing written: the texts in memory are still current
    qtbot.waitUntil(lambda: not page.model.loading, timeout=10_000)
    assert page.model._memo is memo
    client_service.update_client(crm["e"].id, name="苏州博瑞包装 冷库")
    page.list_view.reload()  # a client's text changed: read again on the worker
    assert page.model._memo is None
    qtbot.waitUntil(lambda: page.model._memo is not None and not page.model.loading, timeout=10_000)
    type_search(qtbot, page, "冷库")
    assert texts(page) == ["苏州博瑞包装 冷库"]
    client_service.delete_client(crm["e"].id)
    page.list_view.reload()
    qtbot.waitUntil(lambda: page.model._memo is not None and not page.model.loading, timeout=10_000)
    type_search(qtbot, page, "冷库")
    assert texts(page) == []


def test_a_client_selected_while_loading_is_selected_when_the_rows_arrive(
    qtbot: QtBot, crm: dict, large: None
) -> None:
    page = open_page(qtbot)
    page.refresh()
    assert page.model.loading
    page.list_view.select_client(crm["d"].id)
    qtbot.waitUntil(lambda: not page.model.loading, timeout=10_000)
    assert page.list_view.selected_ids() == [crm["d"].id]


def test_the_page_is_busy_while_it_reads_its_ids_or_search_texts(
    qtbot: QtBot, crm: dict, large: None
) -> None:
    """The window's idle-time work (imports, building hidden pages) waits while Clients reads."""
    page = open_page(qtbot)
    page.refresh()
    assert page.model.loading and page.busy()
    qtbot.waitUntil(lambda: not page.model.loading, timeout=10_000)
    assert page.busy() == page.model._memo_building
    qtbot.waitUntil(lambda: page.model._memo is not None, timeout=10_000)
    assert not page.busy()
