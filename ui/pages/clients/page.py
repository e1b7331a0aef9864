"""The Clients page: the list and the client hub in one stack; it runs the undoable client commands."""

from __future__ import annotations

from PySide6.QtCore import QMargins
from PySide6.QtWidgets import QDialog, QFrame, QScrollArea, QStackedWidget, QWidget

from desktop_crm.errors import CrmError
from desktop_crm.read.counts import client_count

from ... import app_filters, fmt, prompts
from ...changes import CLIENT_RECORD, ChangeSet
from ...errors import error_text
from ...undo import (
    BulkEditCommand,
    ClientCommand,
    DeleteClientsCommand,
    RestoreClientsCommand,
    notifier,
    undo_stack,
)
from ..base import Page
from .bulk_edit import BulkEditDialog
from .editor import ClientEditorDialog
from .hub import ClientHubView
from .list_view import ClientListView

# What the list shows (names, owners, tags, custom fields, last contact, contacts' names for search):
LIST_WATCHES = frozenset(
    {"client", "client_tag", "tag", "contact", "custom_field_def", "custom_field_value", "user"}
)


class ClientsPage(Page):
    key = "clients"
    watches = CLIENT_RECORD  # the list, and every section of the open client
    reloads = ("_after_change", "_on_hub_client_changed")  # its own edits: reloaded already

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stack = QStackedWidget(self)
        self.list_view = ClientListView(self.stack)
        # The hub scrolls inside the page so that its minimum size never dictates the window's.
        self.hub_scroll = QScrollArea(self.stack)
        self.hub_scroll.setWidgetResizable(True)
        self.hub_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._hub: ClientHubView | None = None  # built when a client is first opened
        self.stack.addWidget(self.list_view)
        self.stack.addWidget(self.hub_scroll)
        self.page_layout.addWidget(self.stack, 1)
        # The client page has its own title and back button: the list's heading gives it the room.
        self.stack.currentChanged.connect(self._on_stack_current_changed)
        self._list_stale = False
        lv = self.list_view
        lv.sig_open_requested.connect(self.open_client)
        lv.sig_new_requested.connect(self.new_client)
        lv.sig_delete_requested.connect(self.delete_clients)
        lv.sig_restore_requested.connect(self.restore_clients)
        lv.sig_bulk_edit_requested.connect(self.bulk_edit)
        notifier().sig_clients_changed.connect(self._on_undo_clients_changed)

    @property
    def model(self):  # noqa: ANN201 (the list's ClientTableModel, for tests and the window)
        return self.list_view.model

    @property
    def hub(self) -> ClientHubView:
        """The client hub (built on first use: it is the heavier half of the page)."""
        if self._hub is None:
            # its final parent: setWidget moves nothing; built without the application's event filters
            hub = app_filters.built_suspended(lambda: ClientHubView(self.hub_scroll.viewport()))
            hub.sig_back.connect(self._on_hub_back)
            hub.sig_edit_requested.connect(self.edit_client)
            hub.sig_delete_requested.connect(self._on_hub_delete_requested)
            hub.sig_client_changed.connect(self._on_hub_client_changed)
            self.hub_scroll.setWidget(hub)
            self._hub = hub
        return self._hub

    def title(self) -> str:
        return self.tr("Clients")

    def busy(self) -> bool:
        """The list reading, or the open client's hub reading or filling its tabs: the window's idle-time
        work (the hidden dashboard's warm-up draws on this thread) waits meanwhile."""
        hub = self._hub
        return self.list_view.model.busy or (hub is not None and hub.isVisible() and hub.busy())

    def refresh(self) -> None:
        self.list_view.refresh()
        self._list_stale = False
        self._update_subtitle()
        if self.stack.currentWidget() is self.hub_scroll:
            self.hub.refresh()

    def _on_stack_current_changed(self, _index: int) -> None:
        on_list = self.stack.currentWidget() is self.list_view
        self.title_label.setVisible(on_list)
        self.subtitle_label.setVisible(on_list)
        if not hasattr(self, "_list_margins"):
            self._list_margins = self.page_layout.contentsMargins()
        # The hub has margins of its own: the page's would leave a wide empty frame around it.
        self.page_layout.setContentsMargins(self._list_margins if on_list else QMargins(8, 4, 8, 0))

    # --- actions -------------------------------------------------------------------------------
    def open_client(self, client_id: int) -> None:
        self.hub.show_client(client_id)
        self.stack.setCurrentWidget(self.hub_scroll)

    def show_list(self) -> None:
        self.stack.setCurrentWidget(self.list_view)
        if self._list_stale:
            self._list_stale = False
            self.list_view.reload(keep_position=True)
            self._update_subtitle()
        self.list_view.table.setFocus()

    def new_client(self) -> None:
        self._run_editor(None)

    def edit_client(self, client_id: int) -> None:
        self._run_editor(client_id)

    def delete_clients(self, client_ids: list[int]) -> None:
        text = self.tr("Delete {count} client(s)").format(count=len(client_ids))
        if self._push(DeleteClientsCommand(client_ids, text), self.tr("Cannot delete")):
            self.subtitle_label.setText(
                self.tr("Moved {count} client(s) to the trash. Undo with Ctrl+Z.").format(
                    count=len(client_ids)
                )
            )

    def restore_clients(self, client_ids: list[int]) -> None:
        text = self.tr("Restore {count} client(s)").format(count=len(client_ids))
        self._push(RestoreClientsCommand(client_ids, text), self.tr("Cannot restore"))

    def bulk_edit(self, client_ids: list[int]) -> None:
        dialog = BulkEditDialog(len(client_ids), self)
        if prompts.run_modal(dialog) != QDialog.DialogCode.Accepted.value:
            return
        change = dialog.change()
        if change.is_empty:
            return
        text = self.tr("Edit {count} client(s)").format(count=len(client_ids))
        self._push(BulkEditCommand(client_ids, change, text), self.tr("Cannot edit the clients"))

    def on_data_changed(self, changes: ChangeSet) -> None:
        """Another page (or the worker) changed data: reload the list and the open client as needed."""
        if changes.touches(LIST_WATCHES):
            if self.stack.currentWidget() is self.hub_scroll:
                self._list_stale = True
            elif changes.touches(("user", "tag", "custom_field_def")):  # pick lists and columns too
                self.list_view.refresh()
            else:
                self.list_view.reload(keep_position=True)
            self._update_subtitle()
        if self._hub is not None and self.stack.currentWidget() is self.hub_scroll:
            others = changes.touches(self.watches - {"client"})
            client_ids = changes.ids("client")  # another client's edit leaves this one as it is
            if others or client_ids is None or self.hub.client_id in client_ids:
                self.hub.refresh()

    # --- helpers -------------------------------------------------------------------------------
    def _push(self, command: ClientCommand, error_title: str) -> bool:
        try:
            command.apply()
        except CrmError as exc:
            prompts.show_error(self, error_title, error_text(exc))
            self.list_view.reload(keep_position=True)
            return False
        undo_stack().push(command)
        self._after_change()
        return True

    def _after_change(self) -> None:
        if self.stack.currentWidget() is self.hub_scroll:
            self._list_stale = True
            self.hub.refresh()
        else:
            self.list_view.reload(keep_position=True)
        self._update_subtitle()

    def _run_editor(self, client_id: int | None) -> None:
        dialog = ClientEditorDialog(self, client_id)
        dialog.sig_client_saved.connect(self._on_editor_client_saved)
        dialog.sig_open_existing.connect(self._on_editor_open_existing)
        prompts.run_modal(dialog)

    def _update_subtitle(self) -> None:
        count = client_count()
        self.subtitle_label.setText(
            self.tr("{count} clients. Double-click a row to open it; Delete moves it to the trash.").format(
                count=fmt.number(count)
            )
        )

    # --- slots ---------------------------------------------------------------------------------
    def _on_hub_back(self) -> None:
        self.show_list()

    def _on_hub_delete_requested(self, client_id: int) -> None:
        self.delete_clients([client_id])
        self.show_list()

    def _on_hub_client_changed(self, _client_id: int) -> None:
        self._list_stale = True

    def _on_editor_client_saved(self, client_id: int) -> None:
        self._after_change()
        if self.stack.currentWidget() is not self.hub_scroll:
            self.list_view.select_client(client_id)

    def _on_editor_open_existing(self, client_id: int) -> None:
        self.open_client(client_id)

    def _on_undo_clients_changed(self) -> None:
        self._after_change()
