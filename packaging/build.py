#!/usr/bin/env python3
"""Build the installer for this OS, then run the frozen application's self-test.

    python packaging/build.py            # dist/desktop-crm/ (onedir) + an archive/installer

Linux: dist/desktop-crm-linux-x86_64.tar.gz (with a .desktop file); Windows: the onedir folder plus an
Inno Setup script (packaging/windows.iss, compile with ISCC); macOS: dist/Desktop CRM.app and a .dmg
made with hdiutil. Run inside the project's virtual environment with the "package" extra installed
(``pip install -e .[package]``).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"


def frozen_executable() -> Path:
    if sys.platform == "darwin":
        return DIST / "Desktop CRM.app" / "Contents" / "MacOS" / "desktop-crm"
    return DIST / "desktop-crm" / ("desktop-crm.exe" if os.name == "nt" else "desktop-crm")


def self_test(executable: Path) -> None:
    """The frozen app must open every page on a fresh demo database."""
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "selftest.sqlite3"
        env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
        env["DESKTOP_CRM_HOME"] = tmp
        subprocess.run([str(executable), "--db", str(db), "demo"], check=True, env=env)
        subprocess.run([str(executable), "--db", str(db), "check"], check=True, env=env)
        subprocess.run([str(executable), "--db", str(db), "--self-test"], check=True, env=env)


def main() -> int:
    from ui.i18n import ensure_compiled

    print("translations:", *(p.name for p in ensure_compiled()))
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            str(ROOT / "packaging" / "desktop_crm.spec"),
        ],
        check=True,
        cwd=ROOT,
    )
    executable = frozen_executable()
    self_test(executable)
    if sys.platform.startswith("linux"):
        shutil.copy(ROOT / "packaging" / "desktop-crm.desktop", DIST / "desktop-crm")
        archive = DIST / "desktop-crm-linux-x86_64.tar.gz"
        with tarfile.open(archive, "w:gz") as tar:
            tar.add(DIST / "desktop-crm", arcname="desktop-crm")
        print(f"built {archive} ({archive.stat().st_size / 1e6:.0f} MB)")
    elif sys.platform == "darwin":
        dmg = DIST / "desktop-crm-macos.dmg"
        subprocess.run(
            [
                "hdiutil",
                "create",
                "-volname",
                "Desktop CRM",
                "-srcfolder",
                str(DIST / "Desktop CRM.app"),
                "-ov",
                str(dmg),
            ],
            check=True,
        )
        print(f"built {dmg}")
    else:
        print(
            "built dist\\desktop-crm; compile packaging\\windows.iss with Inno Setup (ISCC) for the installer"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
