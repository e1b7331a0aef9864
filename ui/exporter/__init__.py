"""Export from the window: the export dialog and the actions the pages and the File menu call.

The names are loaded on first use (PEP 562): a page that only gives its tables the right-click action
(``ui.exporter.widget_tables``) imports neither the dialog nor the file writers before it is shown.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .actions import (
        export_client_list,
        export_next_steps,
        export_pipeline,
        export_records,
        export_table,
    )
    from .dialog import ExportChoice, ExportDialog

_HOMES = {
    "ExportChoice": ".dialog",
    "ExportDialog": ".dialog",
    "export_client_list": ".actions",
    "export_next_steps": ".actions",
    "export_pipeline": ".actions",
    "export_records": ".actions",
    "export_table": ".actions",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(home, __name__), name)


__all__ = [
    "ExportChoice",
    "ExportDialog",
    "export_client_list",
    "export_next_steps",
    "export_pipeline",
    "export_records",
    "export_table",
]
