"""The core package never imports Qt or pyplot (the CLI, core tests and benchmarks run without them)."""

from __future__ import annotations

import subprocess
import sys


def test_core_imports_without_qt() -> None:
    code = (
        "import sys, pkgutil, importlib, desktop_crm\n"
        "for m in pkgutil.walk_packages(desktop_crm.__path__, 'desktop_crm.'):\n"
        "    importlib.import_module(m.name)\n"
        "bad = sorted(n for n in sys.modules if n.startswith(('PySide6', 'shiboken6', 'ui', 'matplotlib.pyplot')))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
