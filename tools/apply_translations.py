"""Fill Chinese translations into the zh_CN catalog from a JSON file: ``{context: {source: translation}}``.

    python tools/update_translations.py          # extract new strings from ui/ (marked unfinished)
    python tools/apply_translations.py my.json   # fill them in

Entries whose context and source are not in the catalog are reported (run update_translations first).
Several engineers working at once: run both under one lock, e.g.
``flock /tmp/desktop-crm-ts.lock sh -c 'python tools/update_translations.py && python tools/apply_translations.py x.json'``.
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

CATALOG = Path(__file__).resolve().parent.parent / "resources" / "i18n" / "desktop_crm_zh_CN.ts"


def apply(mapping: dict[str, dict[str, str]], catalog: Path = CATALOG) -> list[str]:
    tree = ET.parse(catalog)
    missing = {(ctx, src) for ctx, entries in mapping.items() for src in entries}
    for context in tree.getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            source = message.findtext("source", "")
            if name in mapping and source in mapping[name]:
                translation = message.find("translation")
                if translation is None:
                    translation = ET.SubElement(message, "translation")
                translation.text = mapping[name][source]
                translation.attrib.pop("type", None)
                missing.discard((name, source))
    body = ET.tostring(tree.getroot(), encoding="unicode")
    catalog.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8"
    )
    return [f"{ctx}: {src}" for ctx, src in sorted(missing)]


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__)
        return 2
    mapping = json.loads(Path(argv[0]).read_text(encoding="utf-8"))
    missing = apply(mapping)
    for line in missing:
        print(f"not in the catalog: {line}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
