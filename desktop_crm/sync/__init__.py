"""Offline sync: laptops that work for days without a connection exchange their changes, matched by UUID,
field by field, with conflicts shown and never lost. The design is in ``docs/sync-design.md``.

- :mod:`.tables`: what travels (the models' tables and columns, foreign keys as UUIDs);
- :mod:`.log`: the file's own bookkeeping (pending local changes kept by triggers, field stamps, tombstones);
- :mod:`.merge`: merging another replica's records (the newer stamp of each field wins, an edit beats a delete);
- :mod:`.exchange`: change files (``export-changes``, ``import-changes``); :mod:`.folder`: a shared folder;
- :mod:`.conflicts`: what was decided, and choosing the other value.
"""
