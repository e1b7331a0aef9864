"""Entry point of the packaged application: the same command line as ``desktop-crm`` (``ui.entry``).

PyInstaller's ``pyi_rth_mplconfig`` run-time hook (it runs before this script, after any hook of ours)
points ``MPLCONFIGDIR`` at a new temporary folder, so matplotlib would rebuild its font cache on every
launch. Forget it here, before matplotlib is imported: ``ui.charts.mplconfig.ensure_mplconfigdir`` then
sets the application's own cache folder (``<cache>/<organisation>/<application>/matplotlib``), and the
cache is built once, at the first launch. (The hook's empty folder is removed at exit by the hook.)
"""

import os
import sys

if getattr(sys, "frozen", False):
    os.environ.pop("MPLCONFIGDIR", None)

from ui.entry import main  # noqa: E402 (after the environment is settled)

if __name__ == "__main__":
    sys.exit(main())
