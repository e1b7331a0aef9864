"""The core never names the interface: no ``import ui``, no ``"ui.x"`` module string for importlib. The
``desktop-crm`` command lives in ``ui.entry``; its subcommands run without importing Qt."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import desktop_crm
from desktop_crm import frontend

CORE = Path(desktop_crm.__file__).resolve().parent
MODULE_PATH = re.compile(r"^\.?ui(\.[A-Za-z_]\w*)*(:[A-Za-z_]\w*)?$")


def _references(path: Path, root: Path = CORE.parent) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [a.name for a in node.names if a.name == "ui" or a.name.startswith("ui.")]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if node.module == "ui" or node.module.startswith("ui."):
                found.append(node.module)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and MODULE_PATH.match(node.value):
            found.append(repr(node.value))  # importlib.import_module("ui.app"), __import__("ui"), ...
    return [f"{path.relative_to(root)}:{ref}" for ref in found]


def test_no_core_module_refers_to_the_interface() -> None:
    files = sorted(CORE.rglob("*.py"))
    assert len(files) > 50
    assert [ref for path in files for ref in _references(path)] == []


def test_the_check_finds_a_reference(tmp_path: Path) -> None:
    probe = tmp_path / "probe.py"
    probe.write_text(
        '"""Docs may mention ui.app."""\nimport importlib\nfrom ui import app\nimport ui.tasks\n'
        'importlib.import_module("ui.pages.x")\n'
    )
    assert _references(probe, tmp_path) == ["probe.py:ui", "probe.py:ui.tasks", "probe.py:'ui.pages.x'"]


def _run(code: str) -> str:
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return out.stdout.strip()


def test_a_cli_subcommand_through_the_console_entry_imports_no_qt() -> None:
    code = (
        "import sys, contextlib, io\n"
        "from ui.entry import main\n"
        "with contextlib.redirect_stdout(io.StringIO()) as out:\n"
        "    try:\n"
        "        main(['kpi', '--help'])\n"
        "    except SystemExit as exc:\n"
        "        assert exc.code == 0, exc.code\n"
        "assert 'usage: desktop-crm kpi' in out.getvalue()\n"
        "print(','.join(sorted(n for n in sys.modules if n.startswith(('PySide6', 'shiboken6', 'matplotlib')))))\n"
    )
    assert _run(code) == ""


def test_the_console_script_is_the_interface_entry() -> None:
    from importlib import metadata

    scripts = {ep.name: ep.value for ep in metadata.entry_points(group="console_scripts")}
    assert scripts.get("desktop-crm") == "ui.entry:main"


def test_the_core_finds_the_window_and_the_pdf_writers_without_naming_them() -> None:
    from ui import app, entry

    assert frontend.load("gui") is app.main  # the installed entry point, without registration
    entry.provide_frontend()
    assert frontend.load("gui") is app.main
    assert hasattr(frontend.load("weekly_pdf"), "export_pdf_headless")
    assert hasattr(frontend.load("review_pack"), "export_headless")
