"""Entry point of the packaged application: the same command line as ``desktop-crm``."""

import sys

from desktop_crm.cli import main

if __name__ == "__main__":
    sys.exit(main())
