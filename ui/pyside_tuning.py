"""A cheaper answer to a question PySide6 asks of every module imported after it.

PySide6's ``__feature__`` support (``from __feature__ import snake_case``) hooks ``import``: for each new
module it asks whether the module uses PySide6, by reading the module's whole source through
``inspect.getsource`` (``linecache`` and ``tokenize``, the lines then kept in memory). Over the few
hundred modules the window imports before its first paint that was about a tenth of the start.
:func:`read_sources_directly` answers the same question (does the source contain "PySide6"?) by
reading the file's bytes. Nothing changes if PySide6's internals are not as expected.
"""

from __future__ import annotations

import sys
from types import ModuleType


def uses_pyside(module: ModuleType) -> bool:
    """Whether ``module``'s source file mentions PySide6 (False without a readable source file), as
    PySide6's own test decides."""
    path = getattr(module, "__file__", None)
    if not isinstance(path, str) or not path.endswith(".py"):
        return False
    try:
        with open(path, "rb") as source:
            return b"PySide6" in source.read()
    except OSError:
        return False


def read_sources_directly() -> bool:
    """Give PySide6's import hook :func:`uses_pyside`; True when it was given."""
    import PySide6.QtCore  # noqa: F401 (the hook and its module exist once PySide6 is imported)

    feature = sys.modules.get("shibokensupport.feature")
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    feature._mod_uses_pyside = uses_pyside  # type: ignore[attr-defined]
    return True
