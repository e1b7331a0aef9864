"""packaging/linux/install.sh and uninstall.sh on a stand-in bundle: a per-user install with a menu entry
whose Exec is the installed program's absolute path, the icon in every size, a command in ~/.local/bin;
the uninstaller removes all of that and leaves the data folder alone."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)

pytestmark = pytest.mark.skipif(
    sys.platform.startswith("win") or shutil.which("sh") is None, reason="POSIX shell scripts"
)


def fake_bundle(folder: Path) -> Path:
    """What build.py stages: the executable, _internal/ with the icons, the scripts, the .desktop file."""
    bundle = folder / "desktop-crm"
    icons = bundle / "_internal" / "resources" / "icons"
    icons.mkdir(parents=True)
    for size in SIZES:
        shutil.copy(ROOT / "resources" / "icons" / f"desktop-crm-{size}.png", icons)
    program = bundle / "desktop-crm"
    program.write_text("#!/bin/sh\necho desktop-crm 0.1.0\n", encoding="utf-8")
    program.chmod(0o755)
    for name in ("install.sh", "uninstall.sh"):
        shutil.copy(ROOT / "packaging" / "linux" / name, bundle / name)
    shutil.copy(ROOT / "packaging" / "desktop-crm.desktop", bundle)
    (bundle / "VERSION").write_text("0.1.0\n", encoding="utf-8")
    return bundle


def run(script: Path, home: Path) -> str:
    env = {key: value for key, value in os.environ.items() if not key.startswith("XDG_")}
    env.update(HOME=str(home), PATH="/usr/bin:/bin")
    env.pop("DESKTOP_CRM_INSTALL_DIR", None)
    done = subprocess.run(["sh", str(script)], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_install_and_uninstall_for_the_current_user(tmp_path: Path) -> None:
    bundle = fake_bundle(tmp_path / "unpacked")
    home = tmp_path / "home"
    home.mkdir()
    data = home / ".local" / "share" / "desktop-crm"
    data.mkdir(parents=True)
    (data / "crm.sqlite3").write_bytes(b"the user's data")

    out = run(bundle / "install.sh", home)
    target = home / ".local" / "opt" / "desktop-crm"
    assert f"Desktop CRM 0.1.0 installed in {target}" in out
    assert (target / "desktop-crm").is_file() and (target / "uninstall.sh").is_file()
    entry = (home / ".local" / "share" / "applications" / "desktop-crm.desktop").read_text(encoding="utf-8")
    assert f"\nExec={target}/desktop-crm\n" in entry and f"\nTryExec={target}/desktop-crm\n" in entry
    assert "\nIcon=desktop-crm\n" in entry and "Name[zh_CN]=销售客户管理" in entry and "@TARGET@" not in entry
    for size in SIZES:
        assert (home / ".local/share/icons/hicolor" / f"{size}x{size}" / "apps" / "desktop-crm.png").is_file()
    command = home / ".local" / "bin" / "desktop-crm"
    assert command.is_symlink() and command.resolve() == (target / "desktop-crm").resolve()

    # Running it again (an upgrade) replaces the program in place.
    (bundle / "VERSION").write_text("0.2.0\n", encoding="utf-8")
    assert "Desktop CRM 0.2.0 installed" in run(bundle / "install.sh", home)

    out = run(target / "uninstall.sh", home)
    assert "Your data is still in" in out
    assert not target.exists() and not command.exists()
    assert not (home / ".local" / "share" / "applications" / "desktop-crm.desktop").exists()
    assert not list((home / ".local/share/icons").rglob("desktop-crm.png"))
    assert (data / "crm.sqlite3").read_bytes() == b"the user's data"


def test_install_refuses_a_folder_without_the_program(tmp_path: Path) -> None:
    script = tmp_path / "install.sh"
    shutil.copy(ROOT / "packaging" / "linux" / "install.sh", script)
    done = subprocess.run(
        ["sh", str(script)],
        env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1 and "run me from the unpacked desktop-crm folder" in done.stderr
