#!/usr/bin/env python3
"""Build the installer for this OS, then run the frozen application's self-test.

    python packaging/build.py            # build + self-test + archive/installer for this OS
    python packaging/build.py --ci       # the same, plus the checks CI needs (see below); exit 1 on failure
    python packaging/build.py --clean    # forget PyInstaller's cached analysis (build/pyinstaller) first
    python packaging/build.py --measure  # also time the frozen start (--quit-after-first-paint, 7 runs)

Linux: ``dist/desktop-crm-<version>-linux-x86_64.tar.gz`` (the one-folder bundle with ``install.sh`` /
``uninstall.sh``); Windows: the one-folder bundle, then ``ISCC packaging\\windows.iss`` when Inno Setup is
installed; macOS: ``dist/Desktop CRM.app`` and ``dist/desktop-crm-<version>-macos.dmg`` (with an
Applications link). The version comes from ``pyproject.toml`` (passed to the spec, the Inno Setup script
and the app's Info.plist). Run inside the project's virtual environment with the "package" extra
(``pip install -e .[package]``). See packaging/README.md.

Every build also checks encryption at rest in the frozen program: it encrypts a demo database with a
passphrase (``encrypt --new-passphrase-file``), which only SQLCipher can do (``desktop_crm.driver`` falls
back to Python's sqlite3 when sqlcipher3 is missing, and ``encrypt`` is then refused), reopens it with
``--passphrase-file`` (the same dump, a passing ``check``) and must be refused without it.

What the bundle carries for it, and what that costs (Linux archive; measured with this build machine):
sqlcipher3's extension (SQLCipher and OpenSSL linked in; 21.4 MB with 12 MB of debug sections, copied
without them: 9.2 MB, 3.5 MB compressed), keyring with every backend of its own and, on Linux, the
Secret Service's SecretStorage, jeepney and cryptography (14 MB, 4.6 MB compressed): the keychain works in
the Linux bundle. The debug sections of kiwisolver and Pillow (another 2 MB compressed) are dropped the
same way, so the archive stays within the budget: 82.5 MB before encryption at rest, 89.7 MB with
sqlcipher3 as its wheel ships it (no keyring), 89.2 MB with both. Python's own sqlite3 (``_sqlite3``,
``libsqlite3``, 0.7 MB compressed) stays: peewee imports it when it is imported (without it peewee would
take SQLite to be version 0.0.0 and lack ``sqlite3.Binary``); the application never opens a file with it.
Windows and macOS: sqlcipher3's wheels hold one self-contained extension (only system libraries), found
through the import like on Linux; keyring's Windows backend uses pywin32-ctypes, its macOS backend
ctypes (no cryptography on either).

``--ci`` (every system): sqlcipher3's extension, keyring with its entry points and this system's
keychain backend must be in the bundle (``bundle_problems``). ``--ci`` (Linux): the frozen ``--version``
must be pyproject's; the self-test runs on a first launch
(empty home: the database must be created in the per-user data folder, a Chinese locale must choose
Chinese) and on demo data in English and Chinese (Chinese with every system font hidden), each with an
empty user cache, and
its output must be free of warnings about translations; matplotlib's font cache must be written to the
user's cache folder (not rebuilt at every launch); the archive must be within the size budget
(``SIZE_BUDGET_MB``); the libraries the bundle expects from the system and its glibc and libstdc++ baseline
are printed, and the baseline must not exceed the documented one (``GLIBC_BASELINE``, ``GLIBCXX_BASELINE``).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
SIZE_BUDGET_MB = 90.0
# The newest glibc / libstdc++ the Linux bundle may ask of the target machine (packaging/README.md: Ubuntu
# 22.04, Debian 12, RHEL 9 era); ``--ci`` fails when it asks for more (a library copied from a newer build
# machine, as libstdc++ and libexpat once were).
GLIBC_BASELINE = (2, 35)
GLIBCXX_BASELINE = (3, 4, 29)
FORBIDDEN_OUTPUT = ("pyside6-lrelease", "stay uncompiled", "Traceback", "missing from font")


def project_version() -> str:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        return str(tomllib.load(handle)["project"]["version"])


def frozen_executable() -> Path:
    if sys.platform == "darwin":
        return DIST / "Desktop CRM.app" / "Contents" / "MacOS" / "desktop-crm"
    return DIST / "desktop-crm" / ("desktop-crm.exe" if os.name == "nt" else "desktop-crm")


class CheckFailed(Exception):
    pass


def run_frozen(
    executable: Path, args: list[str], env: dict[str, str], *, timeout: float = 600, fails: bool = False
) -> str:
    """Run the frozen program (no standard input: never a passphrase prompt); its combined output, or
    CheckFailed with the output when it fails (``fails``: when it does not fail)."""
    started = time.monotonic()
    done = subprocess.run(
        [str(executable), *args],
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    output = done.stdout + done.stderr
    print(f"  $ desktop-crm {' '.join(args)}  -> {done.returncode} ({time.monotonic() - started:.1f} s)")
    if (done.returncode != 0) != fails:
        expected = "a failure" if fails else "success"
        raise CheckFailed(f"desktop-crm {' '.join(args)} exited {done.returncode}, not {expected}:\n{output}")
    return output


def clean_env(home: Path, locale: str = "C.UTF-8") -> dict[str, str]:
    """A user who never ran the program (own home: data folder, settings and cache), in ``locale``."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(("LC_", "LANG"))}
    for key in ("MPLCONFIGDIR", "DESKTOP_CRM_HOME"):
        env.pop(key, None)
    env.update(
        QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        HOME=str(home),
        XDG_CACHE_HOME=str(home / "cache"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "share"),
        LANG=locale,
    )
    return env


def self_test(executable: Path, *, ci: bool) -> None:
    """The frozen app must pass its self-test on a fresh data folder and on demo data (both languages)."""
    with tempfile.TemporaryDirectory(prefix="desktop-crm-selftest-") as tmp:
        base = Path(tmp)
        if ci:
            version = run_frozen(executable, ["--version"], clean_env(base / "v")).strip()
            if version != f"desktop-crm {project_version()}":
                raise CheckFailed(f"--version says {version!r}, pyproject.toml {project_version()!r}")
            # A first run: no --db (the default file in the per-user data folder), no --lang (the
            # system's locale decides).
            fresh = clean_env(base / "fresh", "zh_CN.UTF-8")
            output = run_frozen(executable, ["--self-test"], fresh)
            check_output(output)
            if "in zh_CN" not in output:
                raise CheckFailed(f"a Chinese system locale did not choose Chinese:\n{output}")
            if not (base / "fresh" / "share" / "desktop-crm" / "crm.sqlite3").exists():
                raise CheckFailed("the first run did not create its database in the per-user data folder")
        env = clean_env(base / "demo")
        db = base / "demo.sqlite3"
        run_frozen(executable, ["--db", str(db), "demo"], env)
        run_frozen(executable, ["--db", str(db), "check"], env)
        for lang in ("en", "zh_CN"):
            lang_env = dict(env)
            if ci and lang == "zh_CN" and sys.platform.startswith("linux"):
                lang_env["FONTCONFIG_FILE"] = str(no_system_fonts(base / "nofonts"))
            check_output(run_frozen(executable, ["--db", str(db), "--self-test", "--lang", lang], lang_env))
        encryption_check(executable, base)
        if ci:
            caches = list(
                (base / "demo" / "cache").glob("desktop-crm/desktop-crm/matplotlib/fontlist-*.json")
            )
            if not caches:
                raise CheckFailed("matplotlib's font cache was not written to the user's cache folder")
            stamp = caches[0].stat().st_mtime_ns
            check_output(run_frozen(executable, ["--db", str(db), "--self-test", "--lang", "en"], env))
            if caches[0].stat().st_mtime_ns != stamp:
                raise CheckFailed("matplotlib's font cache was rebuilt at the second launch")
            print(f"  font cache kept: {caches[0].relative_to(base)}")


PLAIN_SQLITE_HEADER = b"SQLite format 3\x00"


def encryption_check(executable: Path, base: Path) -> None:
    """The frozen program's SQLite is SQLCipher: it encrypts a demo database (the file no longer starts
    with SQLite's plain header), reopens it with the passphrase (the same records, a passing check) and
    refuses it without one. Fails when the bundle fell back to Python's sqlite3 (encrypt is refused)."""
    # never the user's keychain, should a command offer to remember the passphrase
    env = dict(clean_env(base / "encrypted"), PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    db = base / "encrypted.sqlite3"
    passphrase = base / "passphrase.txt"
    passphrase.write_text("frozen bundle · 加密 check\n", encoding="utf-8")
    run_frozen(executable, ["--db", str(db), "demo"], env)
    # dumps to files, byte for byte (standard output's encoding differs between systems)
    run_frozen(executable, ["--db", str(db), "dump", "--output", str(base / "plain.json")], env)
    plain = (base / "plain.json").read_bytes()
    result = run_frozen(
        executable, ["--db", str(db), "encrypt", "--new-passphrase-file", str(passphrase), "--json"], env
    )
    if not re.search(r'"encrypted":\s*true', result):
        raise CheckFailed(f"encrypt did not report an encrypted database:\n{result}")
    header = db.read_bytes()[:16]
    if header == PLAIN_SQLITE_HEADER:
        raise CheckFailed("the database still starts with SQLite's plain header after encrypt")
    keyed = ["--db", str(db), "--passphrase-file", str(passphrase)]
    run_frozen(executable, [*keyed, "dump", "--output", str(base / "reopened.json")], env)
    if (base / "reopened.json").read_bytes() != plain:
        raise CheckFailed("the encrypted database, reopened with its passphrase, holds other records")
    check_output(run_frozen(executable, [*keyed, "check"], env))
    refused = run_frozen(executable, ["--db", str(db), "check"], env, fails=True)
    if "encrypted" not in refused:
        raise CheckFailed(
            f"without its passphrase the encrypted database failed for another reason:\n{refused}"
        )
    print(
        f"    encrypted with SQLCipher and reopened ({db.stat().st_size / 1e6:.1f} MB, {len(plain) / 1e6:.1f} MB dump)"
    )


def bundled_modules(executable: Path) -> set[str]:
    """The names of the Python modules in the frozen program's archive (PyInstaller's PYZ)."""
    from PyInstaller.archive.readers import CArchiveReader

    archive = CArchiveReader(str(executable))
    names: set[str] = set()
    for name, entry in archive.toc.items():
        if entry[-1] == "z":
            names.update(archive.open_embedded_archive(name).toc)
    return names


def bundle_problems(files: list[str], modules: set[str], platform: str = sys.platform) -> list[str]:
    """What encryption at rest needs and the bundle lacks: sqlcipher3's extension module (SQLCipher and
    OpenSSL inside), keyring with its entry points and this system's keychain backend (Linux: the Secret
    Service over SecretStorage/jeepney, with cryptography's compiled module). ``files``: the bundle's
    paths, with "/"."""
    needed_modules = ["sqlcipher3.dbapi2", "desktop_crm.driver", "desktop_crm.keychain", "keyring"]
    needed_files = {
        "sqlcipher3's extension module": r"(^|/)sqlcipher3/_sqlite3\.[^/]*(so|pyd)$",
        "keyring's entry points": r"(^|/)keyring-[^/]*\.dist-info/entry_points\.txt$",
    }
    if platform.startswith("linux"):
        needed_modules += ["keyring.backends.SecretService", "secretstorage", "jeepney"]
        needed_modules += ["cryptography.hazmat.primitives.ciphers"]
        needed_files["cryptography's compiled module"] = r"(^|/)cryptography/hazmat/bindings/_rust\.[^/]*so$"
    elif platform == "win32":
        needed_modules += ["keyring.backends.Windows", "win32ctypes.pywin32.win32cred"]
    elif platform == "darwin":
        needed_modules += ["keyring.backends.macOS", "keyring.backends.macOS.api"]
    problems = [f"module {name} is not in the bundle" for name in needed_modules if name not in modules]
    problems += [
        f"{what} is not in the bundle"
        for what, pattern in needed_files.items()
        if not any(re.search(pattern, path) for path in files)
    ]
    return problems


def no_system_fonts(folder: Path) -> Path:
    """A fontconfig configuration without any font: Chinese must render with the bundled font alone."""
    (folder / "fonts").mkdir(parents=True, exist_ok=True)
    config = folder / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n'
        f"<fontconfig><dir>{folder / 'fonts'}</dir><cachedir>{folder / 'cache'}</cachedir></fontconfig>\n",
        encoding="utf-8",
    )
    return config


def check_output(output: str) -> None:
    for marker in FORBIDDEN_OUTPUT:
        if marker in output:
            raise CheckFailed(f"the frozen run printed {marker!r}:\n{output}")
    lines = [
        line for line in output.splitlines() if "self-test passed" in line
    ] or output.strip().splitlines()
    print("   ", lines[-1] if lines else "(no output)")


def measure_start(executable: Path, runs: int = 7) -> None:
    """Median wall time from exec to the first painted window (``--quit-after-first-paint``)."""
    with tempfile.TemporaryDirectory(prefix="desktop-crm-start-") as tmp:
        env = clean_env(Path(tmp))
        db = Path(tmp) / "demo.sqlite3"
        run_frozen(executable, ["--db", str(db), "demo"], env)
        times = []
        for _ in range(runs + 1):  # the first run builds the font cache: not counted
            started = time.perf_counter()
            subprocess.run(
                [str(executable), "--db", str(db), "--quit-after-first-paint"],
                env=env,
                check=True,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            times.append(time.perf_counter() - started)
        load = os.getloadavg() if hasattr(os, "getloadavg") else ("?",)
        print(
            f"frozen start to first paint: median {statistics.median(times[1:]):.2f} s over {runs} runs "
            f"(first launch {times[0]:.2f} s; load average {load[0]})"
        )


def newest_version(symbols: str, prefix: str) -> tuple[int, ...]:
    """The newest ``<prefix>_x.y[.z]`` symbol version in ``objdump -T`` output (``()`` when none)."""
    found = [tuple(int(n) for n in v.split(".")) for v in re.findall(rf"\b{prefix}_(\d+(?:\.\d+)+)", symbols)]
    return max(found, default=())


def dotted(version: tuple[int, ...]) -> str:
    return ".".join(map(str, version)) or "none"


def system_requirements(bundle: Path) -> tuple[tuple[int, ...], tuple[int, ...]] | None:
    """Linux: print the shared libraries the bundle expects from the system and the newest glibc and
    libstdc++ symbol versions it uses; return those two versions (None without binutils)."""
    if not shutil.which("readelf") or not shutil.which("objdump"):
        print("readelf/objdump not found: system requirements not listed")
        return None
    elves = [p for p in bundle.rglob("*") if p.is_file() and (".so" in p.name or p.name == "desktop-crm")]
    bundled = {p.name for p in elves}
    needed: set[str] = set()
    glibc: tuple[int, ...] = ()
    glibcxx: tuple[int, ...] = ()
    for path in elves:
        dynamic = subprocess.run(["readelf", "-d", str(path)], capture_output=True, text=True).stdout
        needed.update(re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", dynamic))
        symbols = subprocess.run(["objdump", "-T", str(path)], capture_output=True, text=True).stdout
        glibc = max(glibc, newest_version(symbols, "GLIBC"))
        glibcxx = max(glibcxx, newest_version(symbols, "GLIBCXX"))
    external = sorted(needed - bundled)
    print(
        f"glibc baseline: {dotted(glibc)}; libstdc++: GLIBCXX_{dotted(glibcxx)}; "
        f"libraries from the system: {' '.join(external)}"
    )
    return glibc, glibcxx


def baseline_problems(glibc: tuple[int, ...], glibcxx: tuple[int, ...]) -> list[str]:
    """The bundle must not ask the target for a newer glibc/libstdc++ than packaging/README.md promises."""
    problems = []
    if glibc > GLIBC_BASELINE:
        problems.append(
            f"the bundle needs glibc {dotted(glibc)}, newer than the documented {dotted(GLIBC_BASELINE)}"
        )
    if glibcxx > GLIBCXX_BASELINE:
        problems.append(
            f"the bundle needs GLIBCXX_{dotted(glibcxx)}, newer than the documented GLIBCXX_{dotted(GLIBCXX_BASELINE)}"
        )
    return problems


def stage_linux(version: str) -> Path:
    """dist/desktop-crm-<version>-linux-x86_64.tar.gz: the bundle, its .desktop file and install scripts."""
    bundle = DIST / "desktop-crm"
    for name in ("install.sh", "uninstall.sh"):
        target = bundle / name
        shutil.copy(PACKAGING / "linux" / name, target)
        target.chmod(0o755)
    shutil.copy(PACKAGING / "desktop-crm.desktop", bundle / "desktop-crm.desktop")
    (bundle / "VERSION").write_text(version + "\n", encoding="utf-8")
    archive = DIST / f"desktop-crm-{version}-linux-x86_64.tar.gz"
    with tarfile.open(archive, "w:gz", compresslevel=6) as tar:
        tar.add(bundle, arcname="desktop-crm")
    return archive


def stage_macos(version: str) -> Path:
    """A compressed .dmg holding the .app and a link to /Applications (drag to install)."""
    dmg = DIST / f"desktop-crm-{version}-macos.dmg"
    with tempfile.TemporaryDirectory(prefix="desktop-crm-dmg-") as tmp:
        stage = Path(tmp) / "Desktop CRM"
        stage.mkdir()
        subprocess.run(["ditto", str(DIST / "Desktop CRM.app"), str(stage / "Desktop CRM.app")], check=True)
        (stage / "Applications").symlink_to("/Applications")
        subprocess.run(
            ["hdiutil", "create", "-volname", "Desktop CRM", "-srcfolder", str(stage), "-fs", "HFS+"]
            + ["-format", "UDZO", "-ov", str(dmg)],
            check=True,
        )
    return dmg


def stage_windows(version: str) -> Path | None:
    """The Inno Setup installer when ISCC is installed (else None: the command is printed)."""
    iscc = shutil.which("ISCC") or shutil.which("iscc")
    for candidate in (
        r"C:\Program Files (x86)\Inno Setup 6\ISCC.exe",
        r"C:\Program Files\Inno Setup 6\ISCC.exe",
    ):
        if iscc is None and Path(candidate).exists():
            iscc = candidate
    command = [iscc or "ISCC", f"/DAppVersion={version}", str(PACKAGING / "windows.iss")]
    if iscc is None:
        print("Inno Setup not found; install it, then run:", " ".join(command))
        return None
    subprocess.run(command, check=True, cwd=PACKAGING)
    return DIST / f"desktop-crm-{version}-setup.exe"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build and self-test the installer for this OS.")
    parser.add_argument("--ci", action="store_true", help="also run the CI checks; exit 1 on any failure")
    parser.add_argument("--clean", action="store_true", help="rebuild from scratch (no cached analysis)")
    parser.add_argument("--measure", action="store_true", help="time the frozen start to the first paint")
    args = parser.parse_args(argv)
    started = time.monotonic()
    version = project_version()
    sys.path.insert(0, str(ROOT))
    from ui.i18n import LANGUAGES, ensure_compiled

    compiled = ensure_compiled()
    print("translations:", *(p.name for p in compiled))
    if len(compiled) != len(LANGUAGES):
        print("build.py: a translation could not be compiled (pyside6-lrelease missing?)", file=sys.stderr)
        return 1
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--workpath", str(WORK)]
    command += [
        "--distpath",
        str(DIST),
        *(["--clean"] if args.clean else []),
        str(PACKAGING / "desktop_crm.spec"),
    ]
    env = dict(os.environ, DESKTOP_CRM_VERSION=version)
    subprocess.run(command, check=True, cwd=ROOT, env=env)
    built = time.monotonic()
    executable = frozen_executable()
    if args.ci:
        bundle = executable.parents[2] if sys.platform == "darwin" else executable.parent
        files = [path.relative_to(bundle).as_posix() for path in bundle.rglob("*")]
        problems = bundle_problems(files, bundled_modules(executable))
        if problems:
            print("build.py: FAILED: " + "; ".join(problems), file=sys.stderr)
            return 1
        print("bundle: sqlcipher3 (SQLCipher), keyring and this system's keychain backend are in")
    try:
        self_test(executable, ci=args.ci)
    except CheckFailed as failure:
        print(f"build.py: FAILED: {failure}", file=sys.stderr)
        return 1
    tested = time.monotonic()
    if args.measure:
        measure_start(executable)
    if sys.platform.startswith("linux"):
        if args.ci:
            found = system_requirements(DIST / "desktop-crm")
            problems = baseline_problems(*found) if found else ["readelf/objdump missing: baseline unchecked"]
            if problems:
                print("build.py: FAILED: " + "; ".join(problems), file=sys.stderr)
                return 1
        archive = stage_linux(version)
        size_mb = archive.stat().st_size / 1e6
        print(f"built {archive} ({size_mb:.1f} MB; budget {SIZE_BUDGET_MB:.0f} MB)")
        if args.ci and size_mb > SIZE_BUDGET_MB:
            print(
                f"build.py: FAILED: the archive is over the size budget ({size_mb:.1f} MB)", file=sys.stderr
            )
            return 1
    elif sys.platform == "darwin":
        print(f"built {stage_macos(version)}")
    else:
        installer = stage_windows(version)
        print(f"built {installer or DIST / 'desktop-crm'}")
    finished = time.monotonic()
    print(
        f"build.py: build {built - started:.0f} s, self-test {tested - built:.0f} s, "
        f"total {finished - started:.0f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
