"""What the core hands over to the graphical interface, found without naming it.

The core never imports the interface. Three things need it: starting the window (``gui``: a callable
``main(argv) -> int``), the owner's review pack PDF (``review_pack``: a module with ``export_headless``)
and the weekly form PDF (``weekly_pdf``: a module with ``export_pdf_headless``). The interface declares them
as entry points of the group ``desktop_crm.frontend`` (``pyproject.toml``); its console entry also
``register``\\s them, so a build without package metadata (PyInstaller) finds them as well.
"""

from __future__ import annotations

import importlib
from typing import Any

GROUP = "desktop_crm.frontend"

_registered: dict[str, str] = {}


def register(name: str, target: str) -> None:
    """Provide ``name`` as ``"module"`` or ``"module:attribute"`` (imported only when ``load``\\ed)."""
    _registered[name] = target


def load(name: str) -> Any:
    """The object provided as ``name``; ``LookupError`` when no interface provides it, ``ImportError``
    when its modules cannot be imported."""
    target = _registered.get(name)
    if target is None:
        from importlib import metadata  # only here: importing it costs a GUI start ~0.1 s

        found = list(metadata.entry_points(group=GROUP, name=name))
        if not found:
            raise LookupError(f"nothing provides {name!r} (entry point group {GROUP})")
        return found[0].load()
    module_name, _, attribute = target.partition(":")
    module = importlib.import_module(module_name)
    return getattr(module, attribute) if attribute else module
