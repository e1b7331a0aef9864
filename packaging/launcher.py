"""Entry point of the packaged application: the same command line as ``desktop-crm`` (``ui.entry``)."""

import sys

from ui.entry import main

if __name__ == "__main__":
    sys.exit(main())
