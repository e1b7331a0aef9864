"""packaging/build.py without PyInstaller: the version from pyproject.toml, the output checks of the frozen
runs, the glibc/libstdc++ baseline guard, the Linux archive's layout, the macOS disk image's Applications
link and the Inno Setup command (issue 14). The frozen build itself runs in CI (``tools/dev.py bundle``)."""

from __future__ import annotations

import importlib.util
import os
import stat
import subprocess
import tarfile
import tomllib
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("packaging_build", ROOT / "packaging" / "build.py")
assert _spec is not None and _spec.loader is not None
build = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(build)


def pyproject_version() -> str:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        return str(tomllib.load(handle)["project"]["version"])


def test_the_version_is_pyprojects() -> None:
    assert build.project_version() == pyproject_version()


@pytest.mark.parametrize(
    "output",
    [
        "pyside6-lrelease not found: translations ['zh_CN'] stay uncompiled",
        "Traceback (most recent call last):\n  File ...",
        "UserWarning: Glyph 23458 missing from font(s) DejaVu Sans.",
    ],
)
def test_a_frozen_run_that_warns_fails_the_check(output: str) -> None:
    with pytest.raises(build.CheckFailed):
        build.check_output("desktop-crm self-test passed: 8 pages\n" + output)


def test_a_clean_frozen_run_passes_the_check(capsys: pytest.CaptureFixture[str]) -> None:
    build.check_output("desktop-crm self-test passed: 8 pages on crm.sqlite3 in zh_CN\n")
    assert "self-test passed: 8 pages" in capsys.readouterr().out


OBJDUMP = """
0000000000000000      DF *UND*  0000000000000000 (GLIBC_2.2.5) memcpy
0000000000000000      DF *UND*  0000000000000000 (GLIBC_2.34) __libc_start_main
0000000000000000      DF *UND*  0000000000000000 (GLIBC_2.4)  __stack_chk_fail
0000000000000000      DF *UND*  0000000000000000 (GLIBCXX_3.4.29) _ZNSt7__cxx1112basic_stringIcSt11char_traitsIcESaIcEE
0000000000000000      DF *UND*  0000000000000000 (GLIBCXX_3.4.9) _ZNSo9_M_insertIdEERSoT_
0000000000000000      DF *UND*  0000000000000000 (CXXABI_1.3.13) __cxa_init_primary_exception
"""


def test_the_newest_symbol_versions_are_read_from_objdump() -> None:
    """Compared as numbers (2.34 > 2.4, 3.4.29 > 3.4.9); GLIBCXX_ is not taken for GLIBC_."""
    assert build.newest_version(OBJDUMP, "GLIBC") == (2, 34)
    assert build.newest_version(OBJDUMP, "GLIBCXX") == (3, 4, 29)
    assert build.newest_version("no versioned symbols", "GLIBC") == ()


def test_a_bundle_needing_a_newer_glibc_or_libstdcxx_than_documented_fails() -> None:
    """The build machine's libstdc++/libexpat copied into the bundle once made it need glibc 2.36."""
    assert build.baseline_problems(build.GLIBC_BASELINE, build.GLIBCXX_BASELINE) == []
    assert build.baseline_problems((2, 34), (3, 4, 28)) == []
    problems = build.baseline_problems((2, 36), (3, 4, 30))
    assert problems == [
        f"the bundle needs glibc 2.36, newer than the documented {build.dotted(build.GLIBC_BASELINE)}",
        f"the bundle needs GLIBCXX_3.4.30, newer than the documented GLIBCXX_{build.dotted(build.GLIBCXX_BASELINE)}",
    ]


def test_the_documented_baseline_is_the_checked_one() -> None:
    readme = (ROOT / "packaging" / "README.md").read_text(encoding="utf-8")
    assert f"glibc ≥ {build.dotted(build.GLIBC_BASELINE)}" in readme
    assert f"GLIBCXX_{build.dotted(build.GLIBCXX_BASELINE)}" in readme


def test_the_linux_archive_holds_the_bundle_and_its_install_scripts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bundle = tmp_path / "desktop-crm"
    (bundle / "_internal").mkdir(parents=True)
    (bundle / "desktop-crm").write_text("#!/bin/sh\n", encoding="utf-8")
    monkeypatch.setattr(build, "DIST", tmp_path)

    archive = build.stage_linux("9.8.7")

    assert archive == tmp_path / "desktop-crm-9.8.7-linux-x86_64.tar.gz"
    with tarfile.open(archive) as tar:
        members = {member.name: member for member in tar.getmembers()}
        assert {"desktop-crm/desktop-crm", "desktop-crm/desktop-crm.desktop"} <= set(members)
        for script in ("install.sh", "uninstall.sh"):
            assert members[f"desktop-crm/{script}"].mode & stat.S_IXUSR, script
        version = tar.extractfile("desktop-crm/VERSION")
        assert version is not None and version.read().decode() == "9.8.7\n"


def test_the_disk_image_holds_the_app_and_an_applications_link(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What hdiutil is given: a folder with the .app and a symbolic link to /Applications."""
    seen: dict[str, Any] = {}

    def fake_run(command: list[str], **kwargs: Any) -> subprocess.CompletedProcess[str]:
        if command[0] == "ditto":
            Path(command[2]).mkdir(parents=True)
        elif command[0] == "hdiutil":
            folder = Path(command[command.index("-srcfolder") + 1])
            seen["content"] = sorted(path.name for path in folder.iterdir())
            seen["link"] = os.readlink(folder / "Applications")
            seen["command"] = command
        return subprocess.CompletedProcess(command, 0)

    monkeypatch.setattr(build, "DIST", tmp_path)
    monkeypatch.setattr(build.subprocess, "run", fake_run)

    dmg = build.stage_macos("9.8.7")

    assert dmg == tmp_path / "desktop-crm-9.8.7-macos.dmg"
    assert seen["content"] == ["Applications", "Desktop CRM.app"]
    assert seen["link"] == "/Applications"
    assert seen["command"][-1] == str(dmg) and "UDZO" in seen["command"]


def test_without_inno_setup_the_command_to_run_is_printed(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(build.shutil, "which", lambda name: None)
    monkeypatch.setattr(build.Path, "exists", lambda self: False)
    assert build.stage_windows("9.8.7") is None
    out = capsys.readouterr().out
    assert "Inno Setup not found" in out and "/DAppVersion=9.8.7" in out and "windows.iss" in out


LINUX_BUNDLE_FILES = [
    "desktop-crm",
    "_internal/sqlcipher3/_sqlite3.cpython-311-x86_64-linux-gnu.so",
    "_internal/cryptography/hazmat/bindings/_rust.abi3.so",
    "_internal/keyring-25.7.0.dist-info/entry_points.txt",
]
LINUX_MODULES = {
    "sqlcipher3.dbapi2",
    "desktop_crm.driver",
    "desktop_crm.keychain",
    "keyring",
    "keyring.backends.SecretService",
    "secretstorage",
    "jeepney",
    "cryptography.hazmat.primitives.ciphers",
}


def test_a_bundle_with_sqlcipher_and_the_keychain_passes() -> None:
    assert build.bundle_problems(LINUX_BUNDLE_FILES, LINUX_MODULES, "linux") == []


def test_a_bundle_without_sqlcipher_or_the_secret_service_fails() -> None:
    """Without sqlcipher3 the frozen program would silently run on Python's SQLite (no encryption)."""
    files = [path for path in LINUX_BUNDLE_FILES if "sqlcipher3" not in path and "_rust" not in path]
    problems = build.bundle_problems(files, LINUX_MODULES - {"secretstorage", "sqlcipher3.dbapi2"}, "linux")
    assert problems == [
        "module sqlcipher3.dbapi2 is not in the bundle",
        "module secretstorage is not in the bundle",
        "sqlcipher3's extension module is not in the bundle",
        "cryptography's compiled module is not in the bundle",
    ]


@pytest.mark.parametrize(
    ("platform", "extension", "backend"),
    [
        ("win32", "_internal/sqlcipher3/_sqlite3.cp311-win_amd64.pyd", "keyring.backends.Windows"),
        (
            "darwin",
            "Contents/Frameworks/sqlcipher3/_sqlite3.cpython-311-darwin.so",
            "keyring.backends.macOS",
        ),
    ],
)
def test_windows_and_macos_need_their_own_keychain_backend_not_cryptography(
    platform: str, extension: str, backend: str
) -> None:
    files = [extension, "_internal/keyring-25.7.0.dist-info/entry_points.txt"]
    modules = {"sqlcipher3.dbapi2", "desktop_crm.driver", "desktop_crm.keychain", "keyring"}
    problems = build.bundle_problems(files, modules, platform)
    assert problems and all(backend in problem or "win32ctypes" in problem for problem in problems)
    extra = {backend, "win32ctypes.pywin32.win32cred", "keyring.backends.macOS.api"}
    assert build.bundle_problems(files, modules | extra, platform) == []


def test_a_frozen_run_has_no_standard_input_and_its_failure_can_be_expected(tmp_path: Path) -> None:
    """No passphrase prompt can wait for a terminal; the encrypted file without one must fail."""
    python = Path(build.sys.executable)
    env = dict(os.environ)
    out = build.run_frozen(python, ["-c", "import sys; print(repr(sys.stdin.read()))"], env)
    assert out.strip() == "''"
    failing = ["-c", "import sys; print('is encrypted'); sys.exit(2)"]
    assert "is encrypted" in build.run_frozen(python, failing, env, fails=True)
    with pytest.raises(build.CheckFailed, match="exited 2, not success"):
        build.run_frozen(python, failing, env)
    with pytest.raises(build.CheckFailed, match="exited 0, not a failure"):
        build.run_frozen(python, ["-c", "pass"], env, fails=True)


def test_the_encryption_check_passes_on_the_program_from_source(
    tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    """build.py's check of the frozen program's SQLCipher, run on ``desktop-crm`` from source: the command
    line it relies on (demo, dump, encrypt --json, --passphrase-file, check) answers as it expects."""
    if request.config.getoption("--clock") or request.config.getoption("--engine") != "sqlite":
        pytest.skip("runs once, at the real time on SQLite files")
    from desktop_crm import driver

    program = Path(build.sys.executable).parent / ("desktop-crm.exe" if os.name == "nt" else "desktop-crm")
    if not driver.ENCRYPTION_AVAILABLE or not program.exists():
        pytest.skip("sqlcipher3 or the desktop-crm command is not installed")
    build.encryption_check(program, tmp_path)
    assert not (tmp_path / "encrypted.sqlite3").read_bytes().startswith(build.PLAIN_SQLITE_HEADER)
