"""The import wizard (File → Import…) and the template saver (File → Import template…).

The wizard is four steps over the core's import engine (``desktop_crm.importing``): choose what to
import and the file (read on the worker), map the file's columns to fields, check every row
(``prepare`` on the worker), then import in one transaction (``run_import`` on the worker, with a
Cancel that leaves the database as it was).
"""

from __future__ import annotations

from .template_dialog import TemplateDialog, save_template
from .wizard import ImportWizard

__all__ = ["ImportWizard", "TemplateDialog", "save_template"]
