"""Export from the window: the export dialog and the actions the pages and the File menu call."""

from __future__ import annotations

from .actions import (
    export_client_list,
    export_next_steps,
    export_pipeline,
    export_records,
    export_table,
)
from .dialog import ExportChoice, ExportDialog

__all__ = [
    "ExportChoice",
    "ExportDialog",
    "export_client_list",
    "export_next_steps",
    "export_pipeline",
    "export_records",
    "export_table",
]
