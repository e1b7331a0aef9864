"""vCard (.vcf) files: ``parse_vcards(data)`` reads versions 2.1, 3.0 and 4.0 into ``VCard`` records.

Handled: the file's encoding (UTF-8 with or without a byte order mark, UTF-16 with a mark or detected by
its zero bytes, else GB18030, a superset of GBK, decided on the whole file), line unfolding (a line
starting with a space or tab continues the previous one), QUOTED-PRINTABLE values with soft line breaks
(``=`` at the end of a line) and a ``CHARSET`` per property (GBK/GB18030/UTF-8/Big5 in 2.1 files from
Chinese phones), grouped properties (``item1.TEL``), escaped characters (``\\n``, ``\\,``, ``\\;``),
several cards per file. Each card keeps its number in the file and its problems (``CrmError``: a card
without a name, without ``END:VCARD``, a value in an unknown character set): the caller decides whether
such cards are skipped.

Mapping to a contact (``VCard.fields()``): FN, else N (family name first without a space when the name is
Chinese, "given family" otherwise); the preferred (else mobile, else work, else first) TEL; the first
EMAIL; TITLE (else ROLE); the ORG's units as the department; X-WECHAT / IMPP weixin: as WeChat; NOTE as
the notes, followed by whatever has no field of its own (other phones and e-mails, the organisation,
the role, QQ) as ``NAME: value`` lines, so nothing in the card is lost. BDAY is kept apart
(``VCard.birthday``): the import service stores it in the contact's birthday when the contact has that
field and it is a full, past date, else adds it to the notes.
"""

from __future__ import annotations

import codecs
import quopri
import re
from dataclasses import dataclass, field

from .errors import CrmError

MAX_FILE_BYTES = 50 << 20  # photos make real exports big; more than this is not a contacts file
MAX_CARDS = 10_000

_CJK = re.compile("[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
_SKIPPED = {"PHOTO", "LOGO", "SOUND", "KEY"}  # binary payloads: not contact fields


@dataclass
class Property:
    name: str
    params: dict[str, list[str]]
    value: str  # decoded and unescaped (structured values keep their ';' separators escaped-free)
    parts: list[str]  # the value split on unescaped ';' (N, ORG, ADR)


@dataclass
class VCard:
    number: int  # 1-based position in the file
    version: str = ""
    name: str = ""
    phone: str = ""
    email: str = ""
    title: str = ""
    department: str = ""
    wechat: str = ""
    notes: str = ""
    birthday: str = ""  # BDAY: 'YYYY-MM-DD' when it holds a full date, else as written
    problems: list[CrmError] = field(default_factory=list)

    def fields(self) -> dict[str, str]:
        """The contact fields this card fills (empty ones left out, the name always)."""
        values = {
            "phone": self.phone,
            "email": self.email,
            "title": self.title,
            "department": self.department,
            "wechat": self.wechat,
            "notes": self.notes,
        }
        return {"name": self.name, **{k: v for k, v in values.items() if v}}


# --- the file's text -------------------------------------------------------------------------------------


def _file_bytes(data: bytes) -> tuple[bytes, str]:
    """The file as bytes in an ASCII-compatible encoding, and that encoding's name."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:], "utf-8"
    for bom, encoding in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return _from_utf16(data[2:], encoding), "utf-8"
    sample = data[:2000]
    if len(sample) >= 4 and sample.count(0) * 3 >= len(sample):  # UTF-16 without a mark: ASCII has zero bytes
        odd_zeros = sample[1::2].count(0)
        return _from_utf16(data, "utf-16-le" if odd_zeros > sample[0::2].count(0) else "utf-16-be"), "utf-8"
    try:
        data.decode("utf-8")
        return data, "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        data.decode("gb18030")
        return data, "gb18030"
    except UnicodeDecodeError:
        raise CrmError("vcard.undecodable") from None


def _from_utf16(data: bytes, encoding: str) -> bytes:
    try:
        return data.decode(encoding).encode("utf-8", "surrogatepass")
    except UnicodeDecodeError:
        raise CrmError("vcard.undecodable") from None


def _logical_lines(data: bytes) -> list[bytes]:
    """Unfold: a line starting with space/tab continues the previous one; a QUOTED-PRINTABLE line ending
    in '=' continues on the next line (a soft line break)."""
    lines: list[bytes] = []
    for raw in re.split(rb"\r\n|\r|\n", data):
        if raw[:1] in (b" ", b"\t") and lines:
            lines[-1] += raw[1:]
            continue
        if lines and _qp_continues(lines[-1]):
            lines[-1] = lines[-1][:-1] + raw
            continue
        lines.append(raw)
    return lines


def _qp_continues(line: bytes) -> bool:
    if not line.endswith(b"="):
        return False
    head = line.split(b":", 1)[0].upper()
    return b"QUOTED-PRINTABLE" in head or b"ENCODING=QP" in head


# --- one content line -----------------------------------------------------------------------------------

_PARAM_SPLIT = re.compile(rb';(?=(?:[^"]*"[^"]*")*[^"]*$)')


def _split_line(line: bytes) -> tuple[bytes, bytes] | None:
    """``name;params`` and the value: split at the first ':' outside double quotes."""
    quoted = False
    for index, byte in enumerate(line):
        if byte == 0x22:
            quoted = not quoted
        elif byte == 0x3A and not quoted:
            return line[:index], line[index + 1 :]
    return None


def _params(parts: list[bytes]) -> dict[str, list[str]]:
    params: dict[str, list[str]] = {}
    for part in parts:
        text = part.decode("ascii", "replace").strip()
        if not text:
            continue
        key, sep, value = text.partition("=")
        if not sep:  # vCard 2.1: a bare type ("CELL", "QUOTED-PRINTABLE")
            if key.upper() in ("QUOTED-PRINTABLE", "BASE64", "8BIT", "7BIT", "B"):
                key, value = "ENCODING", key
            else:
                key, value = "TYPE", key
        values = [v.strip().strip('"') for v in value.split(",")]
        params.setdefault(key.strip().upper(), []).extend(v for v in values if v)
    return params


def _unescape_split(text: str, structured: bool, v21: bool = False) -> tuple[str, list[str]]:
    """Undo the escapes (3.0/4.0: \\n \\, \\; \\\\; 2.1 escapes only ';') and split a structured value."""
    parts: list[str] = []
    current: list[str] = []
    index = 0
    while index < len(text):
        char = text[index]
        if char == "\\" and index + 1 < len(text) and (not v21 or text[index + 1] == ";"):
            following = text[index + 1]
            current.append("\n" if following in "nN" else following)
            index += 2
            continue
        if char == ";" and structured:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
        index += 1
    parts.append("".join(current))
    return ";".join(parts) if structured else parts[0], parts


_STRUCTURED = {"N", "ORG", "ADR", "GENDER"}


def _property(line: bytes, file_encoding: str, card: VCard) -> Property | None:
    split = _split_line(line)
    if split is None:
        return None
    head, raw_value = split
    pieces = _PARAM_SPLIT.split(head)
    name = pieces[0].decode("ascii", "replace").strip().upper()
    if "." in name:  # grouped: item1.TEL
        name = name.rsplit(".", 1)[1]
    if name in _SKIPPED:
        return None
    params = _params(pieces[1:])
    encoding = (params.get("ENCODING") or [""])[0].upper()
    if encoding in ("QUOTED-PRINTABLE", "QP"):
        raw_value = quopri.decodestring(raw_value)
    elif encoding in ("B", "BASE64"):
        return None  # binary data (a photo under another name)
    charset = (params.get("CHARSET") or [file_encoding])[0]
    try:
        codec = codecs.lookup(charset).name
    except LookupError:
        card.problems.append(CrmError("vcard.unknown_charset", number=card.number, charset=charset[:40]))
        return None
    if codec in ("gbk", "gb2312", "gb18030", "euc_cn", "hz"):
        codec = "gb18030"  # a superset: phones say GBK or GB2312 and write GB18030 characters
    try:
        text = raw_value.decode(codec)
    except UnicodeDecodeError:
        try:  # a wrong CHARSET label: the file's own encoding, then GB18030
            text = raw_value.decode(file_encoding)
        except UnicodeDecodeError:
            try:
                text = raw_value.decode("gb18030")
            except UnicodeDecodeError:
                card.problems.append(CrmError("vcard.bad_text", number=card.number, property=name[:40]))
                return None
    text = text.replace("\x00", "")
    value, parts = _unescape_split(text, name in _STRUCTURED, card.version.startswith("2"))
    return Property(name, params, value.strip(), [p.strip() for p in parts])


# --- cards ---------------------------------------------------------------------------------------------


def parse_vcards(data: bytes) -> list[VCard]:
    """Every card of a .vcf file, with its problems; ``CrmError`` when the file holds no cards at all,
    is not text, or is too large."""
    if not isinstance(data, bytes | bytearray):
        raise CrmError("vcard.no_cards")
    if len(data) > MAX_FILE_BYTES:
        raise CrmError("vcard.file_too_large", max_mb=MAX_FILE_BYTES >> 20)
    text, encoding = _file_bytes(bytes(data))
    cards: list[VCard] = []
    properties: list[Property] | None = None
    card: VCard | None = None
    for line in _logical_lines(text):
        stripped = line.strip()
        upper = stripped.upper()
        if upper == b"BEGIN:VCARD":
            if card is not None and properties is not None:  # the previous card never ended
                card.problems.append(CrmError("vcard.unterminated", number=card.number))
                cards.append(_finish(card, properties))
            if len(cards) >= MAX_CARDS:
                raise CrmError("vcard.too_many_cards", max_cards=MAX_CARDS)
            card, properties = VCard(number=len(cards) + 1), []
            continue
        if card is None or properties is None:
            continue  # text between cards
        if upper == b"END:VCARD":
            cards.append(_finish(card, properties))
            card, properties = None, None
            continue
        if upper.startswith(b"VERSION:"):
            card.version = stripped[8:].decode("ascii", "replace").strip()
            continue
        if stripped:
            prop = _property(stripped, encoding, card)
            if prop is not None:
                properties.append(prop)
    if card is not None and properties is not None:
        card.problems.append(CrmError("vcard.unterminated", number=card.number))
        cards.append(_finish(card, properties))
    if not cards:
        raise CrmError("vcard.no_cards")
    return cards


def _types(prop: Property) -> set[str]:
    types = {t.lower() for t in prop.params.get("TYPE", [])}
    if "PREF" in prop.params:
        types.add("pref")
    return types


def _phone_rank(prop: Property) -> int:
    types = _types(prop)
    if "pref" in types:
        return 0
    if types & {"cell", "mobile", "iphone"}:
        return 1
    if "work" in types:
        return 2
    return 3


def _clean_phone(value: str) -> str:
    return value.removeprefix("tel:").removeprefix("TEL:").strip()


def _person_name(prop_n: Property | None) -> str:
    if prop_n is None:
        return ""
    parts = [*prop_n.parts, "", "", "", "", ""][:5]
    family, given, middle, prefix, suffix = (p.strip() for p in parts)
    if _CJK.search(family + given + middle):
        return f"{prefix}{family}{middle}{given}{suffix}".strip()
    return " ".join(p for p in (prefix, given, middle, family, suffix) if p)


def _label(prop: Property) -> str:
    types = sorted(_types(prop) - {"pref", "voice", "internet", "x400"})
    return f"{prop.name} ({', '.join(types)})" if types else prop.name


def _finish(card: VCard, properties: list[Property]) -> VCard:
    by_name: dict[str, list[Property]] = {}
    for prop in properties:
        by_name.setdefault(prop.name, []).append(prop)

    def first(name: str) -> Property | None:
        found = [p for p in by_name.get(name, []) if p.value.strip(" ;")]
        return found[0] if found else None

    extra: list[str] = []
    fn = first("FN")
    n = first("N")
    card.name = (fn.value if fn else "") or _person_name(n)
    if not card.name.strip():
        card.problems.append(CrmError("vcard.no_name", number=card.number))
    phones = sorted((p for p in by_name.get("TEL", []) if _clean_phone(p.value)), key=_phone_rank)
    if phones:
        card.phone = _clean_phone(phones[0].value)
        extra += [f"{_label(p)}: {_clean_phone(p.value)}" for p in phones[1:]]
    emails = sorted(
        (p for p in by_name.get("EMAIL", []) if p.value), key=lambda p: 0 if "pref" in _types(p) else 1
    )
    if emails:
        card.email = emails[0].value
        extra += [f"{_label(p)}: {p.value}" for p in emails[1:]]
    title, role, org = first("TITLE"), first("ROLE"), first("ORG")
    card.title = title.value if title else (role.value if role else "")
    if title and role and role.value != title.value:
        extra.append(f"ROLE: {role.value}")
    if org:
        company, *units = org.parts
        card.department = " / ".join(u for u in units if u)
        if company:
            extra.append(f"ORG: {company}")
    wechat = [p.value for name in ("X-WECHAT", "X-WEIXIN") for p in by_name.get(name, []) if p.value]
    for impp in by_name.get("IMPP", []) + by_name.get("X-QQ", []):
        scheme, sep, handle = impp.value.partition(":")
        if sep and scheme.lower() in ("weixin", "wechat"):
            wechat.append(handle)
            continue
        extra.append(f"{impp.name}: {impp.value}")
    if wechat:
        card.wechat = wechat[0]
        extra += [f"X-WECHAT: {w}" for w in wechat[1:]]
    bday = first("BDAY")
    if bday:
        full = re.match(r"(\d{4})-?(\d{2})-?(\d{2})(?:$|T)", bday.value)
        card.birthday = "-".join(full.groups()) if full else bday.value
    for adr in by_name.get("ADR", []):
        address = " ".join(p for p in adr.parts if p)
        if address:
            extra.append(f"{_label(adr)}: {address}")
    for url in by_name.get("URL", []):
        if url.value:
            extra.append(f"URL: {url.value}")
    notes = [p.value for p in by_name.get("NOTE", []) if p.value]
    card.notes = "\n".join(notes + extra).strip()
    return card
