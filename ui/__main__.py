"""``python -m ui``: the same as the ``desktop-crm`` command (``ui.entry.main``)."""

import sys

from .entry import main

sys.exit(main())
