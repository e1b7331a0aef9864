"""Export: every entity, every list view and the open next steps, out of the database.

- :mod:`.cells`: columns, typed cell values, OWASP formula neutralisation.
- :mod:`.writers`: ``write_table(path, columns, rows, fmt=, encoding=, total=, progress=)``, streaming
  CSV (UTF-8 with BOM by default, UTF-8, GB18030, GBK, UTF-16) and XLSX (openpyxl write-only).
- :mod:`.entities`: ``export_kind(kind, path, ...)`` for clients, contacts, follow-ups, opportunities,
  contracts and payments, with the import's headers (``desktop_crm.importing.fields``) so that an
  export imports again.
- :mod:`.lists`: ``export_client_list(query, columns, headers, path, ...)`` (the Clients list as it is
  filtered, sorted and shown) and ``export_rows(...)`` (any table a page already holds).
- :mod:`.ics`: ``export_next_steps(path, user_id=...)``: open next steps as an iCalendar file.

Every function writes the target whole or not at all, reports ``progress(done, total)`` (False
cancels with ``export.cancelled``) and raises coded ``CrmError``\\ s for bad input.
"""
