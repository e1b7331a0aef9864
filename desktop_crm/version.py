"""The application's version, from ``pyproject.toml`` wherever the program runs.

A frozen build (``packaging/build.py``) carries a ``VERSION`` file next to this module, written from
``pyproject.toml`` at build time: ``importlib.metadata`` finds nothing there (no dist-info is bundled).
From a source checkout, ``pyproject.toml`` itself is read (the installed metadata can be older than the
file after a version bump without a reinstall); otherwise the installed package's metadata.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import metadata
from pathlib import Path

DIST_NAME = "desktop-crm"
VERSION_FILE = Path(__file__).with_name("VERSION")
PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"


def read_pyproject_version(path: Path = PYPROJECT) -> str | None:
    """``[project] version`` of ``path``, or None when the file is missing or not this project's."""
    try:
        with path.open("rb") as handle:
            project = tomllib.load(handle).get("project", {})
    except (OSError, tomllib.TOMLDecodeError):
        return None
    if project.get("name") != DIST_NAME or not isinstance(project.get("version"), str):
        return None
    return str(project["version"])


@cache
def app_version() -> str:
    """The version string, e.g. ``"0.1.0"`` (``"unknown"`` only for a broken installation)."""
    try:
        bundled = VERSION_FILE.read_text(encoding="utf-8").strip()
    except OSError:
        bundled = ""
    if bundled:
        return bundled
    from_source = read_pyproject_version()
    if from_source:
        return from_source
    try:
        return metadata.version(DIST_NAME)
    except metadata.PackageNotFoundError:
        return "unknown"
