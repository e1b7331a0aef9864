"""Settings → Custom fields: the counts behind the two confirmations (clients using a removed choice, values
of a field to delete) run on the database worker while the window keeps turning its event loop; the
questions still say the right numbers; a count given up (Cancel) never answers a later question, and a
section closed or a field changed while its count runs is handled."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog, QMessageBox, QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot

from desktop_crm.services import clients
from desktop_crm.services import custom_fields as service
from ui import prompts
from ui.pages.custom_fields import CustomFieldDialog, CustomFieldsSection

GUI = threading.main_thread()


@dataclass
class Driver:
    """Stands in for ``prompts.run_modal``: fills a field dialog (next filler) and presses OK; records the
    message boxes' texts and answers them from ``answers`` (default No)."""

    fillers: list[Callable[[CustomFieldDialog], None]] = field(default_factory=list)
    answers: list[int] = field(default_factory=list)
    boxes: list[str] = field(default_factory=list)
    dialogs: list[CustomFieldDialog] = field(default_factory=list)

    def __call__(self, dialog: QDialog) -> int:
        if isinstance(dialog, CustomFieldDialog):
            self.dialogs.append(dialog)
            self.fillers.pop(0)(dialog)
            dialog.accept()
            return int(dialog.result())
        assert isinstance(dialog, QMessageBox)
        self.boxes.append(dialog.text())
        return self.answers.pop(0) if self.answers else QMessageBox.StandardButton.No.value


@pytest.fixture
def driver(monkeypatch: pytest.MonkeyPatch) -> Driver:
    fake = Driver()
    monkeypatch.setattr(prompts, "run_modal", fake)
    return fake


@pytest.fixture
def threads(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[threading.Thread]]:
    """The thread each count (and the choices' save) ran on, by function name."""
    seen: dict[str, list[threading.Thread]] = {}
    for name in (
        "count_custom_field_values",
        "count_clients_using_removed_choices",
        "set_custom_field_choices",
    ):
        original = getattr(service, name)

        def recorded(*args: Any, _name: str = name, _original: Any = original, **kwargs: Any) -> Any:
            seen.setdefault(_name, []).append(threading.current_thread())
            return _original(*args, **kwargs)

        monkeypatch.setattr(service, name, recorded)
    return seen


@pytest.fixture
def section(qtbot: QtBot, db: object) -> CustomFieldsSection:
    widget = CustomFieldsSection()
    qtbot.addWidget(widget)
    widget.show()
    return widget


@pytest.fixture
def release() -> Iterator[threading.Event]:
    event = threading.Event()
    yield event
    event.set()  # never leave the worker blocked


def select(section: CustomFieldsSection, name: str) -> None:
    section.refresh()
    section.table.selectRow([f[1] for f in section.fields].index(name))


def choices(text: str) -> Callable[[CustomFieldDialog], None]:
    return lambda dialog: dialog.choices_edit.setPlainText(text)


def blocking_count(monkeypatch: pytest.MonkeyPatch, field_id: int, release: threading.Event) -> None:
    """``count_custom_field_values`` of ``field_id`` waits (on the worker) until ``release`` is set."""
    original = service.count_custom_field_values

    def count(wanted: Any) -> int:
        if wanted == field_id:
            assert release.wait(10)
        return original(wanted)

    monkeypatch.setattr(service, "count_custom_field_values", count)


def test_the_counts_run_on_the_worker_and_the_questions_show_them(
    section: CustomFieldsSection, driver: Driver, threads: dict[str, list[threading.Thread]]
) -> None:
    size = service.define_custom_field("Size", "choice", ["small", "medium", "large"])
    for name, value in (("A", "small"), ("B", "small"), ("C", "medium")):
        clients.create_client(name, custom_values={size.id: value})
    select(section, "Size")
    section.delete_button.click()  # answered No
    assert driver.boxes == [
        "Delete the field “Size”? 3 client(s) have a value in it; those values are deleted too."
    ]
    driver.fillers.append(choices("large"))  # small (2 clients) and medium (1) removed: answered No
    section.choices_button.click()
    assert driver.boxes[-1].startswith("3 client(s) use a choice you removed from “Size”.")
    assert driver.dialogs[-1].result() == 0 and driver.dialogs[-1].ok_button.isEnabled()
    driver.fillers.append(choices("small\nlarge"))
    section.choices_button.click()
    assert driver.boxes[-1].startswith("1 client(s) use a choice you removed from “Size”.")
    assert service.field_choices(service.list_custom_fields()[0]) == ["small", "medium", "large"]
    assert len(threads["count_custom_field_values"]) == 1
    assert len(threads["count_clients_using_removed_choices"]) == 2
    assert all(t is not GUI for ts in threads.values() for t in ts)
    assert section.count_wait is None and section.delete_button.isEnabled()


def test_choices_nobody_uses_are_saved_on_the_worker_without_a_question(
    section: CustomFieldsSection, driver: Driver, threads: dict[str, list[threading.Thread]]
) -> None:
    size = service.define_custom_field("Size", "choice", ["small", "large", "huge"])
    clients.create_client("A", custom_values={size.id: "small"})
    select(section, "Size")
    driver.fillers.append(choices("small\nlarge\nmedium"))  # huge removed: nobody uses it
    section.choices_button.click()
    assert driver.boxes == [] and driver.dialogs[-1].result() == QDialog.DialogCode.Accepted.value
    assert section.fields[0][3] == ["small", "large", "medium"]  # the list follows
    assert [t is GUI for t in threads["set_custom_field_choices"]] == [False]


def test_the_busy_dialog_cancels_and_a_late_count_never_answers_a_later_question(
    qtbot: QtBot,
    section: CustomFieldsSection,
    driver: Driver,
    monkeypatch: pytest.MonkeyPatch,
    release: threading.Event,
) -> None:
    first = service.define_custom_field("First", "text")
    second = service.define_custom_field("Second", "text")
    for name in ("A", "B"):
        clients.create_client(name, custom_values={first.id: "x"})
    clients.create_client("C", custom_values={second.id: "y"})
    blocking_count(monkeypatch, first.id, release)
    cancelled: list[bool] = []

    def press_cancel() -> None:  # the count of First outlasts the delay: the busy dialog is up
        dialog = section.findChild(QProgressDialog, "countingDialog")
        assert dialog is not None and dialog.isVisible() and "First" in dialog.labelText()
        assert not section.add_button.isEnabled() and not section.delete_button.isEnabled()
        dialog.findChild(QPushButton).click()
        cancelled.append(True)

    select(section, "First")
    QTimer.singleShot(600, press_cancel)
    section.delete_button.click()
    assert cancelled == [True] and driver.boxes == []  # given up: no question
    assert section.delete_button.isEnabled()

    select(section, "Second")
    QTimer.singleShot(50, release.set)  # First's count ends while Second's is waited for
    section.delete_button.click()
    assert driver.boxes == [
        "Delete the field “Second”? 1 client(s) have a value in it; those values are deleted too."
    ]
    assert [f.name for f in service.list_custom_fields()] == ["First", "Second"]


def test_a_section_closed_while_counting_drops_the_count(
    qtbot: QtBot, db: object, driver: Driver, monkeypatch: pytest.MonkeyPatch, release: threading.Event
) -> None:
    size = service.define_custom_field("Size", "text")
    clients.create_client("A", custom_values={size.id: "x"})
    blocking_count(monkeypatch, size.id, release)
    section = CustomFieldsSection()  # not handed to qtbot: it is deleted below
    section.show()
    select(section, "Size")
    destroyed: list[bool] = []
    section.destroyed.connect(lambda: destroyed.append(True))
    QTimer.singleShot(50, section.deleteLater)  # the page is closed (e.g. rebuilt) during the count
    section.delete_button.click()
    assert destroyed == [True] and driver.boxes == []
    release.set()
    qtbot.wait(100)  # the count's late answer arrives: dropped, nothing happens
    assert driver.boxes == [] and [f.name for f in service.list_custom_fields()] == ["Size"]


def test_a_field_changed_while_counting(
    qtbot: QtBot,
    section: CustomFieldsSection,
    driver: Driver,
    monkeypatch: pytest.MonkeyPatch,
    release: threading.Event,
) -> None:
    size = service.define_custom_field("Size", "text")
    gone = service.define_custom_field("Gone", "text")
    clients.create_client("A", custom_values={size.id: "x", gone.id: "y"})
    original = service.count_custom_field_values

    def count(wanted: Any) -> int:  # counts, then waits: the field changes before the answer arrives
        value = original(wanted)
        assert release.wait(10)
        return value

    monkeypatch.setattr(service, "count_custom_field_values", count)

    def rename() -> None:
        service.rename_custom_field(size.id, "Plant size")
        release.set()

    select(section, "Size")
    QTimer.singleShot(50, rename)
    section.delete_button.click()  # the question names the field as it is now
    assert driver.boxes == [
        "Delete the field “Plant size”? 1 client(s) have a value in it; those values are deleted too."
    ]

    release.clear()

    def delete_elsewhere() -> None:
        service.delete_custom_field(gone.id)
        section.refresh()  # what the page does when told custom fields changed
        release.set()

    select(section, "Gone")
    QTimer.singleShot(50, delete_elsewhere)
    section.delete_button.click()  # gone meanwhile: nothing to ask
    assert len(driver.boxes) == 1 and [f[1] for f in section.fields] == ["Plant size"]


def test_cancel_in_the_choices_dialog_while_counting_closes_it_unsaved(
    qtbot: QtBot, section: CustomFieldsSection, monkeypatch: pytest.MonkeyPatch, release: threading.Event
) -> None:
    size = service.define_custom_field("Size", "choice", ["small", "large", "huge"])
    client = clients.create_client("A", custom_values={size.id: "small"})
    original = service.count_clients_using_removed_choices

    def count(*args: Any) -> int:
        assert release.wait(10)
        return original(*args)

    monkeypatch.setattr(service, "count_clients_using_removed_choices", count)
    seen: list[tuple[bool, str]] = []

    def run_modal(dialog: QDialog) -> int:
        assert isinstance(dialog, CustomFieldDialog)
        dialog.choices_edit.setPlainText("small\nlarge")  # huge is removed; nobody uses it

        def press_cancel() -> None:
            seen.append((dialog.ok_button.isEnabled(), dialog.busy_label.text()))
            dialog.reject()
            release.set()

        QTimer.singleShot(50, press_cancel)
        dialog.accept()  # waits for the count (then it would save); Cancel is pressed meanwhile
        return int(dialog.result())

    monkeypatch.setattr(prompts, "run_modal", run_modal)
    select(section, "Size")
    section.choices_button.click()
    assert seen == [(False, "Counting the clients that use the removed choices…")]
    qtbot.wait(200)  # the count ends on the worker after the cancel: nothing is saved
    assert service.field_choices(service.list_custom_fields()[0]) == ["small", "large", "huge"]
    assert service.get_custom_values(client.id) == {"Size": "small"}
