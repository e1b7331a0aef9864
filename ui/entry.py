"""The ``desktop-crm`` command: the window when no subcommand is given, else the core's command line.

``main`` provides the interface's parts to the core (``desktop_crm.frontend``: the window, the review pack
and weekly form PDFs). Arguments without a command (only options: ``--db``, ``--lang``, ...) start the
window straight away (``ui.app.main``), without importing the core's command line (its many commands cost
a start ~0.3 s); anything else goes to ``desktop_crm.cli.main``, which parses it (and starts the window
itself when it finds no command after all). A subcommand runs in the core without importing Qt (this
module imports none). The core never imports the interface; it only finds what was provided here.
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


# The core command line's options before a command that take a value (``desktop_crm.cli.build_parser``).
VALUE_OPTIONS = ("--db", "--lang", "--screenshots", "--passphrase-file")


def starts_window(argv: list[str]) -> bool:
    """True when ``argv`` has no command (no positional word) and asks for no help or version. Erring
    towards False is harmless: the core's command line starts the window when it finds no command."""
    skip = False
    for token in argv:
        if skip:
            skip = False
            continue
        if token in VALUE_OPTIONS:
            skip = True
            continue
        if not token.startswith("-") or token == "-" or token == "--":
            return False  # a command (or something only the core's parser can judge)
        name = token.split("=", 1)[0]
        if name == "-h" or (len(name) > 2 and ("--help".startswith(name) or "--version".startswith(name))):
            return False
    return not skip  # "--db" without its value: the core's parser says so


def prepare_window_process() -> None:
    """What the window's process does before it imports the window (the window benchmarks too): one malloc
    arena for every thread, before any thread starts (``ui.memory``), PySide6's import hook reading a
    module's bytes rather than its lines (``ui.pyside_tuning``), and no cyclic collection until the window
    takes it over (``ui.gui_gc``)."""
    import gc

    from .memory import limit_malloc_arenas
    from .pyside_tuning import read_sources_directly

    gc.disable()  # nothing collected before the first paint (ui.gui_gc collects on the window's thread)
    limit_malloc_arenas()
    read_sources_directly()


def main(argv: list[str] | None = None) -> int:
    provide_frontend()
    args = list(sys.argv[1:] if argv is None else argv)
    if starts_window(args):
        prepare_window_process()
        from .app import main as gui_main

        return int(gui_main(args) or 0)
    from desktop_crm.cli import main as cli_main

    return cli_main(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
