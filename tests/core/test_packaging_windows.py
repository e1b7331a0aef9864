"""packaging/windows.iss, read as Inno Setup reads it (no Windows machine here): a fixed AppId, the version
passed by build.py (never written in the script), the icon, a per-user install, a Start-menu entry, an
uninstaller, English and Simplified Chinese, "launch after install", and the paths build.py produces."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ISS = ROOT / "packaging" / "windows.iss"


def sections() -> dict[str, list[str]]:
    """Each [Section]'s lines, without comments, blank lines and preprocessor lines."""
    found: dict[str, list[str]] = {}
    current = ""
    for raw in ISS.read_text(encoding="utf-8-sig").splitlines():
        line = raw.strip()
        if not line or line.startswith((";", "#")):
            continue
        heading = re.fullmatch(r"\[(\w+)\]", line)
        if heading:
            current = heading.group(1)
            found.setdefault(current, [])
        else:
            found.setdefault(current, []).append(line)
    return found


def setup() -> dict[str, str]:
    return dict(line.split("=", 1) for line in sections()["Setup"])


def entries(section: str) -> list[dict[str, str]]:
    """``Name: "x"; Filename: "y"; Flags: a b`` lines as dictionaries (quotes removed)."""
    result = []
    for line in sections()[section]:
        pairs = [part.split(":", 1) for part in re.split(r";\s+(?=\w+:)", line)]
        result.append({key.strip(): value.strip().strip('"') for key, value in pairs})
    return result


def test_saved_as_utf8_with_a_byte_order_mark() -> None:
    """Inno Setup reads the Chinese launch text right only then."""
    assert ISS.read_bytes().startswith(b"\xef\xbb\xbf")


def test_a_fixed_app_id_and_the_version_from_the_build() -> None:
    values = setup()
    assert re.fullmatch(
        r"\{\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}", values["AppId"]
    )
    assert values["AppVersion"] == "{#AppVersion}" and values["VersionInfoVersion"] == "{#AppVersion}"
    text = ISS.read_text(encoding="utf-8-sig")
    assert "#ifndef AppVersion" in text and "#error" in text  # no silent default version
    assert not re.search(r"\b\d+\.\d+\.\d+\b", "\n".join(sections()["Setup"]))


def test_a_per_user_install_with_the_icon_and_an_uninstaller() -> None:
    values = setup()
    assert values["PrivilegesRequired"] == "lowest"  # %LOCALAPPDATA%\Programs, no administrator prompt
    assert values["DefaultDirName"].startswith("{autopf}")  # {userpf} when installing for one user
    assert (ISS.parent / values["SetupIconFile"].replace("\\", "/")).is_file()
    assert values["UninstallDisplayIcon"] == r"{app}\{#AppExe}"
    assert values.get("Uninstallable", "yes") == "yes"


def test_english_and_simplified_chinese() -> None:
    languages = {entry["Name"]: entry["MessagesFile"] for entry in entries("Languages")}
    assert languages == {"en": "compiler:Default.isl", "zh_CN": r"compiler:Languages\ChineseSimplified.isl"}
    custom = sections()["CustomMessages"]
    assert "en.LaunchApp=Launch Desktop CRM" in custom and "zh_CN.LaunchApp=启动销售客户管理" in custom


def test_start_menu_entries_and_launch_after_install() -> None:
    icons = entries("Icons")
    assert {
        "Name": r"{group}\{#AppName}",
        "Filename": r"{app}\{#AppExe}",
        "IconFilename": r"{app}\{#AppExe}",
    } in icons
    assert any(icon["Filename"] == "{uninstallexe}" and icon["Name"].startswith("{group}") for icon in icons)
    (run,) = entries("Run")
    assert run["Filename"] == r"{app}\{#AppExe}" and run["Description"] == "{cm:LaunchApp}"
    assert set(run["Flags"].split()) >= {"postinstall", "nowait", "skipifsilent"}


@pytest.mark.parametrize("key", ["OutputDir", "OutputBaseFilename"])
def test_the_installer_lands_where_build_py_looks(key: str) -> None:
    """build.py: ``dist\\desktop-crm-<version>-setup.exe`` from ``dist\\desktop-crm\\``."""
    expected = {"OutputDir": r"..\dist", "OutputBaseFilename": "desktop-crm-{#AppVersion}-setup"}
    assert setup()[key] == expected[key]
    (files,) = entries("Files")
    assert files["Source"] == r"..\dist\desktop-crm\*" and "recursesubdirs" in files["Flags"]
