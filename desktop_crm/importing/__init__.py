"""Importing clients, contacts, follow-ups, opportunities, contracts, payment plans, payments, service
records, referrals and dossier notes from CSV and XLSX (``care_rows``: birthdays, referrals, notes).

The API (the window's import wizard and the ``import`` command are built on it; nothing here imports Qt):

``fields.py``
    ``KINDS``; ``fields(kind) -> tuple[FieldSpec, ...]`` (key, canonical English/Chinese header, value
    kind, required, choices, header synonyms); ``suggest_mapping(kind, headers) -> {column: key}`` for the
    recognised headers; ``field_for_header(kind, header)``. First/last name columns: map them to the
    pseudo-keys ``name_first``/``name_last`` (contacts) or ``contact_first``/``contact_last`` (clients);
    they are combined into one name (Chinese: family + given name without a space).
``reader.py``
    ``read_table(path, *, encoding=None, delimiter=None, sheet=None, progress=None) -> Table``: CSV
    (encoding decided on the whole file: UTF-8, UTF-8 with BOM, GB18030/GBK, UTF-16 with or without BOM;
    delimiter comma/semicolon/tab/|) or XLSX. Every unreadable file raises ``CrmError`` with a code
    ``import.*`` naming file, row and column.
``values.py``
    Cell parsing: dates (2026-03-09, 2026/3/9, 2026年3月9日, 3/9/2026 (month first unless the first number
    is above 12), English month names (Mar 9, 2026, 09-Mar-26), Excel serial numbers, XLSX datetime
    cells), times with a zone converted to local time, money to integer cents (¥1,200.00, 1 200,
    (1,200) = negative), choices by key, English or Chinese label, or label with a remark ("A（重点客户）").
``pipeline.py``
    ``prepare(kind, table, mapping, on_duplicate="skip", progress=None) -> Preview`` reads the database,
    writes nothing: one ``PreviewRow`` per row (values, action create/update/skip/error, ``duplicate_of``,
    problems) and file-level ``problems``. ``run_import(...) -> ImportResult(created, updated, skipped)``
    writes everything in ONE ``BEGIN IMMEDIATE`` transaction or nothing: any invalid row raises
    ``CrmError("import_has_errors", count=...)``; ``progress(done, total)`` returning False raises
    ``CrmError("import_cancelled")``; both leave the database exactly as it was.
``memory.py``
    ``remembered_mapping(kind, headers)`` / ``remember_mapping(kind, headers, mapping)``: the mapping
    chosen for a set of headers, kept in the settings table.
``templates.py``
    ``write_template(kind, path, *, lang="en", fmt="csv")``: an empty file with the kind's headers (CSV in
    UTF-8 with BOM, or XLSX), in English (``en``) or Chinese (``zh_CN``).

Rules where the data needs one (see ``pipeline``'s docstring for all of them): references name their
client by exact name (ignoring case and blanks); owners/users by user name; a payment's contract by
number or title within its client; duplicates of clients are the same name (ignoring case and blanks)
or the same phone (digits, a number with a country/area code matching the same number without it).
"""

from __future__ import annotations

from .fields import KINDS, FieldSpec, field_for_header, fields, suggest_mapping
from .memory import remember_mapping, remembered_mapping
from .pipeline import ImportResult, Preview, PreviewRow, Problem, prepare, run_import
from .reader import Table, read_table
from .templates import write_template

__all__ = [
    "KINDS",
    "FieldSpec",
    "ImportResult",
    "Preview",
    "PreviewRow",
    "Problem",
    "Table",
    "field_for_header",
    "fields",
    "prepare",
    "read_table",
    "remember_mapping",
    "remembered_mapping",
    "run_import",
    "suggest_mapping",
    "write_template",
]
