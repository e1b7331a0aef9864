"""Attachments: the list with preview and drop handling (``panel``), previews, kind names."""
