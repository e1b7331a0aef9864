"""The ``desktop-crm`` command: the window when no subcommand is given, else the core's command line.

``main`` provides the interface's parts to the core (``desktop_crm.frontend``: the window, the review pack
and weekly form PDFs) and hands the arguments to ``desktop_crm.cli.main``, which parses them once: a
subcommand runs in the core without importing Qt (this module imports none), no subcommand starts the
window (``ui.app.main``). The core never imports the interface; it only finds what was provided here.
"""

from __future__ import annotations

import sys

FRONTEND = {
    "gui": "ui.app:main",
    "review_pack": "ui.pages.dashboard.review_pack",
    "weekly_pdf": "ui.pages.weekly.pdf",
}


def provide_frontend() -> None:
    from desktop_crm import frontend

    for name, target in FRONTEND.items():
        frontend.register(name, target)


def main(argv: list[str] | None = None) -> int:
    provide_frontend()
    from desktop_crm.cli import main as cli_main

    return cli_main(argv)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
