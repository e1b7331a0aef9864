"""``desktop-crm import KIND FILE [--map SOURCE=FIELD ...] [--on-duplicate skip|update|create] [--dry-run]
[--json] [--encoding ENC] [--delimiter D] [--sheet NAME]`` and ``desktop-crm template KIND FILE [--lang
en|zh_CN] [--format csv|xlsx]``.

``import`` reads the file, maps its columns (the mapping remembered for this header set, else the
recognised headers; ``--map`` overrides: SOURCE is a column's header text, FIELD a field key such as
``grade`` or a canonical header such as ``客户级别``; ``--map 'SOURCE='`` leaves the column out), checks
every row and prints the validation report: one line per problem (row, column, message), then the counts.
Exit 0 when every row was imported (duplicates skipped on purpose count as handled) or, with
``--dry-run``, would be; exit 2 on any problem, with nothing written. A successful import remembers the
mapping for the next file with the same headers.

KIND is one of the import kinds (``importing.fields.KINDS``, with ``referrals`` and ``dossier-notes``);
``attachments`` is exported only and refused here with one sentence (exit 2).

``template`` writes an empty file with the kind's headers in English or Chinese (CSV in UTF-8 with BOM,
or XLSX, by ``--format`` or the file's suffix).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from .errors import CrmError
from .importing.fields import KINDS, field_map, fields, normalise_header

EXIT_OK, EXIT_ERROR = 0, 2
# exported but not imported: accepted as a KIND so that the refusal says why (exit 2, nothing read)
NOT_IMPORTED = ("attachments",)


def _refuse_not_imported(kind: str) -> None:
    if kind in NOT_IMPORTED:
        raise CrmError("import.attachments_not_importable")


def add_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    imp = sub.add_parser("import", parents=[common], help="import records from a CSV or XLSX file")
    imp.add_argument("kind", choices=(*KINDS, *NOT_IMPORTED), help="what the file holds")
    # FILE may also come after "--map A=b C=d" (read as one more pair, then taken back: _take_file)
    imp.add_argument("file", type=Path, nargs="?", help="the CSV or XLSX file")
    imp.add_argument(
        "--map",
        action="extend",
        nargs="+",
        default=[],
        metavar="SOURCE=FIELD",
        help="map the column headed SOURCE to FIELD (a field key or canonical header); SOURCE= leaves it out;"
        " several pairs after one --map, or --map repeated",
    )
    imp.add_argument("--on-duplicate", choices=("skip", "update", "create"), default="skip")
    imp.add_argument("--dry-run", action="store_true", help="check and report only; write nothing")
    imp.add_argument("--json", action="store_true", help="print the report as JSON")
    imp.add_argument("--encoding", help="the CSV's text encoding (default: detected)")
    imp.add_argument("--delimiter", help="the CSV's column separator (default: detected; 'tab' for a tab)")
    imp.add_argument("--sheet", help="the XLSX sheet (default: the first)")
    tpl = sub.add_parser("template", parents=[common], help="write an empty import template")
    tpl.add_argument("kind", choices=(*KINDS, *NOT_IMPORTED))
    tpl.add_argument("file", type=Path)
    tpl.add_argument(
        "--lang", dest="header_lang", choices=("en", "zh_CN"), default="en", help="header language"
    )
    tpl.add_argument("--format", dest="fmt", choices=("csv", "xlsx"), help="default: from the file's suffix")


def _field_of(kind: str, text: str) -> str:
    specs = field_map(kind)
    if text in specs:
        return text
    norm = normalise_header(text)
    for spec in fields(kind):
        if norm in (
            normalise_header(spec.key),
            normalise_header(spec.header_en),
            normalise_header(spec.header_zh),
        ):
            return spec.key
    raise CrmError("import.cli_unknown_field", field=text[:60], kind=kind, fields=", ".join(specs))


def _column_of(headers: list[str], source: str) -> int:
    if source in headers:
        return headers.index(source)
    norm = normalise_header(source)
    for index, header in enumerate(headers):
        if normalise_header(header) == norm:
            return index
    shown = ", ".join(h for h in headers if h)[:300]
    raise CrmError("import.cli_unknown_header", header=source[:60], headers=shown)


def build_mapping(kind: str, headers: list[str], overrides: list[str]) -> dict[int, str]:
    from .importing import remembered_mapping, suggest_mapping

    mapping = remembered_mapping(kind, headers)
    if mapping is None:
        mapping = suggest_mapping(kind, headers)
    for item in overrides:
        source, sep, target = item.partition("=")
        if not sep or not source.strip():
            raise CrmError("import.cli_bad_map", value=item[:80])
        column = _column_of(headers, source.strip())
        mapping.pop(column, None)
        if target.strip():
            key = _field_of(kind, target.strip())
            mapping = {c: k for c, k in mapping.items() if k != key}  # the field moves to this column
            mapping[column] = key
    return dict(sorted(mapping.items()))


def _progress(json_out: bool) -> Any:
    if json_out or not sys.stderr.isatty():
        return None
    last = [-1]

    def report(done: int, total: int) -> None:
        percent = 100 * done // max(total, 1)
        if percent != last[0]:
            last[0] = percent
            print(f"\rchecking and importing: {percent}%", end="", file=sys.stderr, flush=True)

    return report


def _take_file(args: argparse.Namespace) -> bool:
    """FILE written after ``--map`` pairs was read as one more pair: the last one without "=" is the
    file. False when there is no file at all."""
    loose = [index for index, item in enumerate(args.map) if "=" not in item]
    if args.file is None and loose:
        args.file = Path(args.map.pop(loose[-1]))
    return args.file is not None


def run_import_command(args: argparse.Namespace, open_db: Any) -> int:
    from .importing import prepare, read_table, remember_mapping, run_import

    if not _take_file(args):
        print(
            "desktop-crm import: which file? write: import KIND FILE [--map SOURCE=FIELD ...]",
            file=sys.stderr,
        )
        return EXIT_ERROR
    _refuse_not_imported(args.kind)
    delimiter = "\t" if args.delimiter in ("tab", "\\t") else args.delimiter
    table = read_table(args.file, encoding=args.encoding, delimiter=delimiter, sheet=args.sheet)
    open_db(args)
    mapping = build_mapping(args.kind, table.headers, args.map)
    progress = _progress(args.json)
    preview = prepare(args.kind, table, mapping, args.on_duplicate, progress=progress)
    result = None
    if preview.ok and not args.dry_run:
        result = run_import(args.kind, table, mapping, args.on_duplicate, progress=progress)
        remember_mapping(args.kind, table.headers, mapping)
    if progress is not None:
        print(file=sys.stderr)
    problems = preview.all_problems()
    if args.json:
        report = {
            "kind": args.kind,
            "file": str(args.file),
            "encoding": table.encoding,
            "delimiter": table.delimiter,
            "sheet": table.sheet,
            "mapping": {table.headers[c] or f"#{c + 1}": key for c, key in mapping.items()},
            "problems": [
                {
                    "row": p.row,
                    "column": p.column,
                    "field": p.field,
                    "code": p.code,
                    "severity": p.severity,
                    "message": p.message,
                }
                for p in problems
            ],
            "counts": preview.counts,
            "dry_run": args.dry_run,
            "imported": None,
        }
        if result is not None:
            report["imported"] = {
                "created": result.created,
                "updated": result.updated,
                "skipped": result.skipped,
            }
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        mapped = ", ".join(f"{table.headers[c] or f'#{c + 1}'} -> {key}" for c, key in mapping.items())
        print(f"{args.file.name}: {len(table.rows)} rows; columns: {mapped or 'none recognised'}")
        for p in problems:
            where = "file" if p.row is None else f"row {p.row}"
            if p.column:
                where += f", {p.column}"
            print(f"{where}: {p.message}")
        counts = preview.counts
        summary = ", ".join(f"{counts[k]} {k}" for k in ("create", "update", "skip", "error"))
        print(f"counts: {summary}")
        if result is not None:
            print(f"imported: {result.created} created, {result.updated} updated, {result.skipped} skipped")
        elif args.dry_run and preview.ok:
            print(f"dry run, nothing written: would {summary}")
        else:
            print(f"desktop-crm: nothing imported: problems: {preview.error_count}", file=sys.stderr)
    return EXIT_OK if preview.ok else EXIT_ERROR


def run_template_command(args: argparse.Namespace) -> int:
    from .importing import write_template

    _refuse_not_imported(args.kind)
    fmt = args.fmt or ("xlsx" if args.file.suffix.lower() in (".xlsx", ".xlsm") else "csv")
    write_template(args.kind, args.file, lang=args.header_lang, fmt=fmt)
    print(f"wrote the {args.kind} template ({fmt}, {args.header_lang}) to {args.file}")
    return EXIT_OK
