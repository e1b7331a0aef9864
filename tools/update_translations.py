"""Refresh the translation sources from the code: ``python tools/update_translations.py``.

Runs ``pyside6-lupdate`` over every Python file under ``ui/`` into ``resources/i18n/desktop_crm_<lang>.ts``.
Existing translations are kept; strings no longer in the code are marked obsolete (``-no-obsolete``
drops them). Then translate the new ``type="unfinished"`` entries (Qt Linguist: ``pyside6-linguist``)
and run the UI tests: one fails while a Chinese translation is missing.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "ui"
I18N = ROOT / "resources" / "i18n"
LANGUAGES = ("en", "zh_CN")


def lupdate_command() -> str:
    candidate = Path(sys.executable).parent / "pyside6-lupdate"
    if candidate.exists():
        return str(candidate)
    found = shutil.which("pyside6-lupdate")
    if not found:
        raise SystemExit("pyside6-lupdate not found (install PySide6 in this environment)")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-obsolete", action="store_true", help="drop strings no longer in the code")
    args = parser.parse_args(argv)
    files = sorted(str(p.relative_to(ROOT)) for p in SOURCES.rglob("*.py"))
    targets = [str((I18N / f"desktop_crm_{lang}.ts").relative_to(ROOT)) for lang in LANGUAGES]
    command = [lupdate_command(), "-locations", "relative", *files, "-ts", *targets]
    if args.no_obsolete:
        command.insert(1, "-no-obsolete")
    # English is the source language: mark the English catalog as such.
    result = subprocess.run(command, cwd=ROOT, check=False)
    if result.returncode == 0:
        _set_source_language(I18N / "desktop_crm_en.ts", "en")
        _set_source_language(I18N / "desktop_crm_zh_CN.ts", "zh_CN")
    return result.returncode


def _set_source_language(path: Path, lang: str) -> None:
    """Make sure the catalog states its language and that English is the source language."""
    text = path.read_text(encoding="utf-8")
    head, sep, rest = text.partition("<TS ")
    tag, close, body = rest.partition(">")
    if 'sourcelanguage="' not in tag:
        tag += ' sourcelanguage="en"'
    if ' language="' not in f" {tag}":
        tag += f' language="{lang}"'
    path.write_text(head + sep + tag + close + body, encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
