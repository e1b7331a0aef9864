#!/usr/bin/env python3
"""One entry point for a fresh machine (Linux, macOS, Windows; Python 3.11+).

    python3 tools/dev.py run [APP OPTIONS]   set up .venv if needed, then start the application
    python3 tools/dev.py test [PYTEST ARGS]  set up .venv if needed, then lint, type-check and run every test headless
    python3 tools/dev.py bundle              set up .venv and PyInstaller, build the installer bundle of this OS and
                                             run its checks (packaging/build.py --ci: frozen self-tests, size budget)
    python3 tools/dev.py setup               only set up

Set-up creates ``.venv`` next to this folder, installs the project with its test extras (again only when
pyproject.toml changed) and compiles the Qt translations. Uses only the standard library.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import subprocess
import sys
import venv
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
WINDOWS = os.name == "nt"
BIN = VENV / ("Scripts" if WINDOWS else "bin")
PYTHON = BIN / ("python.exe" if WINDOWS else "python")
STAMP = VENV / ".installed"
# Shared libraries Qt's platform plugins need on a bare Linux machine, and the Debian packages with them.
LINUX_QT_PACKAGES = ["libegl1", "libgl1", "libxkbcommon0", "libfontconfig1", "libdbus-1-3", "libglib2.0-0"]
# ... and for a real window on X11 (Qt >= 6.5's xcb plugin).
LINUX_X11_PACKAGES = [
    "libxcb-cursor0",
    "libxkbcommon-x11-0",
    "libxcb-icccm4",
    "libxcb-keysyms1",
    "libxcb-shape0",
]
# Dates the suite also runs at (see test()): the whole suite at a leap day just before midnight; the core's
# tests (where the date arithmetic lives) also at the 1st of March of a common year and on the last day of an
# ISO year with 53 weeks.
MOVED_CLOCKS = ("2028-02-29T23:30", "2027-03-01T09:00", "2026-12-31T23:59")
CORE_ONLY_AT = frozenset({"2027-03-01T09:00", "2026-12-31T23:59"})
# Test processes run side by side (pytest-xdist): many UI tests wait on timers and the worker thread, so
# more processes than cores still shorten the run.
TEST_PROCESSES = "4"


def say(message: str) -> None:
    print(f"[dev] {message}", flush=True)


def run(*cmd: object, env: dict[str, str] | None = None) -> int:
    return subprocess.call([str(c) for c in cmd], cwd=ROOT, env=env)


def check(*cmd: object) -> None:
    code = run(*cmd)
    if code != 0:
        sys.exit(code)


def _wanted_stamp() -> str:
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes())
    digest.update(sys.version.encode())
    return digest.hexdigest()


def _missing_linux_libraries(plugins: tuple[str, ...]) -> bool:
    """True when a Qt library or one of the given platform plugins cannot find a shared library."""
    if not sys.platform.startswith("linux") or not shutil.which("ldd"):
        return False
    probe = "import PySide6, pathlib; print(pathlib.Path(PySide6.__file__).parent)"
    folder = Path(subprocess.run([str(PYTHON), "-c", probe], capture_output=True, text=True).stdout.strip())
    libraries = [*folder.glob("Qt/lib/libQt6Gui.so*"), *folder.glob("Qt/lib/libQt6Widgets.so*")]
    libraries += [folder / "Qt" / "plugins" / "platforms" / f"libq{name}.so" for name in plugins]
    for library in libraries:
        if library.exists():
            out = subprocess.run(["ldd", str(library)], capture_output=True, text=True).stdout
            if "not found" in out:
                return True
    return False


def _install_linux_libraries(plugins: tuple[str, ...], packages: list[str]) -> None:
    if not _missing_linux_libraries(plugins):
        return
    apt = shutil.which("apt-get")
    if apt and hasattr(os, "geteuid") and os.geteuid() == 0:
        say("installing the system libraries Qt needs: " + " ".join(packages))
        run(apt, "update", "-qq")
        check(apt, "install", "-y", "-qq", "--no-install-recommends", *packages)
    else:
        say("Qt needs system libraries that are missing; install them, e.g.:")
        say("  sudo apt-get install " + " ".join(packages))


def setup() -> None:
    if sys.version_info < (3, 11):  # noqa: UP036 (this script may be started by an older Python)
        sys.exit("Python 3.11 or newer is needed (this is " + sys.version.split()[0] + ").")
    if not PYTHON.exists():
        say(f"creating the virtual environment in {VENV.name}/")
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    if not STAMP.exists() or STAMP.read_text() != _wanted_stamp():
        say("installing the project and its test tools (first time takes a few minutes)")
        check(PYTHON, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
        check(PYTHON, "-m", "pip", "install", "--quiet", "-e", ".[test]")
        STAMP.write_text(_wanted_stamp())
    _install_linux_libraries(("offscreen",), LINUX_QT_PACKAGES)
    check(
        PYTHON,
        "-c",
        "from ui.i18n import ensure_compiled; print('[dev] translations:', *(p.name for p in ensure_compiled()))",
    )


def test(extra: list[str]) -> int:
    setup()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="1")
    steps = [
        ("ruff check", [BIN / "ruff", "check", "desktop_crm", "ui", "tests", "tools", "packaging"]),
        (
            "ruff format --check",
            [BIN / "ruff", "format", "--check", "desktop_crm", "ui", "tests", "tools", "packaging"],
        ),
        ("mypy desktop_crm", [PYTHON, "-m", "mypy", "desktop_crm"]),
    ]
    for name, cmd in steps:
        say(name)
        code = run(*cmd, env=env)
        if code != 0:
            say(f"{name} failed (exit {code})")
            return code
    # The suite runs at the real time, then with the application's clock moved (MOVED_CLOCKS): it must
    # pass on any date. An explicit --clock runs only that.
    clocks = [None] if any(arg.startswith("--clock") for arg in extra) else [None, *MOVED_CLOCKS]
    chosen_paths = any((ROOT / arg.split("::")[0]).exists() for arg in extra if not arg.startswith("-"))
    parallel = [] if any(arg.startswith("-n") or arg == "-p" for arg in extra) else ["-n", TEST_PROCESSES]
    for moved in clocks:
        core_only = moved in CORE_ONLY_AT and not chosen_paths
        say(
            "pytest"
            + (f" with the clock at {moved}" if moved else "")
            + (" (tests/core)" if core_only else "")
        )
        args = [
            *parallel,
            *extra,
            *(["--clock", moved] if moved else []),
            *(["tests/core"] if core_only else []),
        ]
        code = run(PYTHON, "-m", "pytest", *args, env=env)
        if code == 5:
            say("pytest collected no tests: that is a failure")
            return 1
        if code != 0:
            return code
    if chosen_paths or any(arg.startswith("--engine") for arg in extra):
        return 0
    return _team_database_pass([*parallel, *extra], env)


def _team_database_pass(args: list[str], env: dict[str, str]) -> int:
    """The core suite again on PostgreSQL (the team database), on a private throw-away server
    (tools/pg_server.py) unless DESKTOP_CRM_TEST_PG names one. Without a server: skipped with a message,
    or a failure when DESKTOP_CRM_REQUIRE_PG is set (CI)."""
    sys.path.insert(0, str(ROOT / "tools"))
    from pg_server import private_server

    given = os.environ.get("DESKTOP_CRM_TEST_PG")
    with private_server() if not given else _given(given) as url:
        if url is None:
            if os.environ.get("DESKTOP_CRM_REQUIRE_PG"):
                say("no PostgreSQL server for the team-database tests: that is a failure here")
                return 1
            say("team-database tests skipped: no PostgreSQL on this machine (see the README)")
            return 0
        say("pytest tests/core on the team database (PostgreSQL)")
        code = run(
            PYTHON,
            "-m",
            "pytest",
            *args,
            "--engine",
            "postgresql",
            "tests/core",
            env=dict(env, DESKTOP_CRM_TEST_PG=url),
        )
        if code == 5:
            say("pytest collected no tests: that is a failure")
            return 1
        return code


@contextlib.contextmanager
def _given(url: str) -> Iterator[str]:
    yield url


def bundle(extra: list[str]) -> int:
    """Build the installer bundle of this OS and run its checks (``packaging/build.py --ci``)."""
    setup()
    stamp = VENV / ".installed-package"
    if not stamp.exists() or stamp.read_text() != _wanted_stamp():
        say("installing PyInstaller (the package extra)")
        check(PYTHON, "-m", "pip", "install", "--quiet", "-e", ".[package]")
        stamp.write_text(_wanted_stamp())
    if sys.platform.startswith("linux") and not shutil.which("objdump"):
        # PyInstaller reads the shared libraries' dependencies with binutils' objdump.
        apt = shutil.which("apt-get")
        if apt and hasattr(os, "geteuid") and os.geteuid() == 0:
            say("installing binutils (PyInstaller needs objdump)")
            run(apt, "update", "-qq")
            check(apt, "install", "-y", "-qq", "--no-install-recommends", "binutils")
        else:
            say("PyInstaller needs objdump: install binutils, e.g. sudo apt-get install binutils")
            return 1
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="1")
    say("building the bundle and checking it (packaging/build.py --ci)")
    return run(PYTHON, ROOT / "packaging" / "build.py", "--ci", *extra, env=env)


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("run", "test", "setup", "bundle"):
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    if command == "setup":
        setup()
        return 0
    if command == "test":
        return test(rest)
    if command == "bundle":
        return bundle(rest)
    setup()
    if os.environ.get("DISPLAY"):
        _install_linux_libraries(("xcb",), LINUX_QT_PACKAGES + LINUX_X11_PACKAGES)
    return run(BIN / ("desktop-crm.exe" if WINDOWS else "desktop-crm"), *rest)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
