"""Turning one cell into a stored value: text, dates, times, money in cents, whole numbers, choices.

Each parser returns the value or raises ``CellError(code, **params)`` (a code of the ``import.*`` family;
``pipeline`` adds the row, column and field label). Rules:

- Dates: ``2026-03-09``, ``2026/3/9``, ``2026.3.9``, ``20260309``, ``2026年3月9日``, ``3/9/2026`` and
  ``9.3.2026`` (day and month: month first, as US exports write it, unless the first number is above 12,
  then day first), an Excel serial number (``45360`` = 2024-03-09, days since 1899-12-30), and XLSX
  date/datetime cells. English month names, full or abbreviated, in any case (``Mar 9 2026``,
  ``March 9, 2026``, ``9 Mar 2026``, ``09-Mar-2026``, ``09MAR2026``, ``2026-Mar-09``), optionally after
  a weekday (``Mon, 09 Mar 2026``, which must be that date's weekday); the names are this module's own
  table, never the process locale's. A two-digit year only with a month name, pivoting as Excel does
  (``9-Mar-26`` = 2026, ``00``-``29`` = 2000s, ``30``-``99`` = 1900s); all-numeric dates need four
  digits (``3/9/26`` is refused: which number is the year?).
  A time part after the date is allowed for dates (and dropped) and read for datetimes (``14:30``,
  ``14:30:05``, ``下午2:30``, ``2:30 PM``, ``T10:30:00``); a date alone is midnight. A zone after the time
  (``Z``, ``+08:00``, ``-0500``, ``UTC``, ``GMT+8``) names a moment: a datetime is converted to this
  computer's local wall-clock time (the application stores local times, ``clock``); a date keeps the
  day as written (tools write date-only fields as midnight UTC: converting would move them a day back
  west of Greenwich).
- Money: optional currency sign or code (¥ ￥ $ US$ HK$ € £ RMB CNY USD HKD 元), thousands separators
  (``,``, blank, ``'``, the Chinese ``，``), ``(1,200)`` or a leading minus = negative; at most two
  decimals (more is an error, not a silent rounding); ``万``/``w`` suffix = ×10,000. Floats from XLSX are
  rounded to the cent.
- Choices: the stored key, its English or Chinese label (``CHOICE_LABELS``) or a known synonym, compared
  normalised; a remark in brackets or after a separator is ignored ("A（重点客户）" → A, "A - 大客户" → A).
- Text: stripped; control characters other than tab/line breaks refused; a text that looks like a formula
  (``=SUM(..)``) is kept as written (plain text, never evaluated).
"""

from __future__ import annotations

import functools
import re
import time as systime
import unicodedata
from datetime import date, datetime, time, timedelta, timezone
from decimal import Decimal, InvalidOperation
from typing import Any

from .fields import normalise_header
from .reader import Percent


class CellError(Exception):
    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


MIN_DATE = date(1900, 1, 1)
MAX_DATE = date(2100, 12, 31)
MAX_CENTS = 10**15
_EXCEL_EPOCH = date(1899, 12, 30)
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")

CHOICE_LABELS: dict[str, tuple[str, ...]] = {
    # client status
    "lead": ("Lead", "线索", "潜在客户", "新客户", "New", "Subscriber", "Marketing Qualified Lead", "Other"),
    "prospect": (
        "Prospect",
        "意向客户",
        "意向",
        "跟进中",
        "Opportunity",
        "Qualified",
        "商机",
        "Sales Qualified Lead",
    ),
    "customer": ("Customer", "成交客户", "已成交", "签约客户", "客户", "Client", "Won", "Evangelist"),
    "dormant": ("Dormant", "休眠", "休眠客户", "沉睡客户", "Inactive"),
    "lost": ("Churned", "Lost", "流失", "流失客户", "已流失", "输单", "Closed Lost", "丢单", "已输单"),
    # value verdict
    "valuable": ("Valuable", "有价值"),
    "uncertain": ("Uncertain", "不确定"),
    "not_valuable": ("Not valuable", "无价值", "没有价值"),
    # grade
    "A": ("A · Big deal", "大单", "重点客户", "大客户", "Hot", "Big deal"),
    "B": ("B · Normal", "正常", "普通客户", "普通", "Warm", "Normal"),
    "C": ("C · Small deal", "小单", "小客户", "一般客户", "Cold", "Small deal"),
    # stakeholder roles
    "approver": ("Approver", "批准者", "审批人", "批准人"),
    "decision_maker": ("Decision maker", "决策者", "决策人", "Economic Buyer"),
    "evaluator": ("Evaluator", "评估者", "技术评估", "Technical Buyer", "Influencer"),
    "user": ("User", "使用者", "用户", "End User"),
    "coach": ("Coach", "保荐者", "教练", "Sponsor", "Champion"),
    # stances
    "ally": ("Close ally", "良友", "Ally", "Champion"),
    "supporter": ("Supporter", "支持者", "支持"),
    "neutral": ("Neutral", "中立", "中立者"),
    "opponent": ("Opponent", "反对者", "反对", "Blocker"),
    # influence
    "high": ("High", "高"),
    "medium": ("Medium", "中"),
    "low": ("Low", "低"),
    # channels
    "call": ("Call", "电话", "Phone", "Phone call", "打电话", "通话", "Log a Call"),
    "sms": ("SMS", "短信", "Text message"),
    "visit": ("Visit", "拜访", "上门拜访", "上门", "面访", "实地拜访"),
    "wechat": ("WeChat", "微信"),
    "email": ("E-mail", "邮件", "Email", "电子邮件"),
    "meeting": ("Meeting", "会议", "会面", "见面"),
    # plan types
    "keep_in_touch": ("Keep in touch", "保持联络", "保持联系"),
    "improve_relationship": ("Improve relationship", "增进关系"),
    "cultivate_demand": ("Cultivate demand", "培养需求"),
    "dig_opportunity": ("Dig opportunity", "挖掘机会"),
    "beat_competitor": ("Beat a competitor", "打击竞品"),
    "sign_and_collect": ("Sign & collect", "签约回款"),
    "greeting": ("Greeting", "普通问候", "问候"),
    # opportunity stages
    "initial": (
        "Initial",
        "初步接洽",
        "初步沟通",
        "初期",
        "Prospecting",
        "Qualification",
        "验证客户",
        "Appointment Scheduled",
        "Lead In",
        "Contact Made",
    ),
    "needs": (
        "Needs",
        "需求确定",
        "需求分析",
        "Needs Analysis",
        "Discovery",
        "Id. Decision Makers",
        "Qualified To Buy",
        "Needs Defined",
        "Demo Scheduled",
    ),
    "proposal": (
        "Proposal",
        "方案报价",
        "方案",
        "报价",
        "Proposal/Price Quote",
        "Presentation",
        "Value Proposition",
        "Perception Analysis",
        "Presentation Scheduled",
        "Proposal Made",
    ),
    "negotiation": (
        "Negotiation",
        "谈判审核",
        "商务谈判",
        "谈判",
        "Negotiation/Review",
        "Contract Sent",
        "Decision Maker Bought-In",
        "Negotiations Started",
    ),
    "won": ("Won", "赢单", "成交", "Closed Won", "已赢单"),
}
# service records (服务单): severities and statuses; "high"/"low" share the influence labels above
CHOICE_LABELS |= {
    "normal": ("Normal", "一般", "普通", "中", "Medium"),
    "urgent": ("Urgent", "紧急", "加急", "Critical", "特急"),
    "open": ("Open", "待处理", "新建", "未处理", "New"),
    "in_progress": ("In progress", "处理中", "进行中", "Working", "In Process"),
    "resolved": ("Resolved", "已解决", "已处理", "Solved", "Closed"),
    "confirmed": ("Confirmed by the client", "客户已确认", "已确认", "已关闭", "Confirmed"),
    "reopened": ("Reopened", "重新打开", "重开", "Re-opened"),
}
# the client dossier's bands (slice io11)
CHOICE_LABELS |= {
    "lt_20": ("Under 20 staff", "20 人以下", "20人以下", "少于20人", "1-19"),
    "20_99": ("20–99 staff", "20-99 staff", "20–99 人", "20-99人", "20-99"),
    "100_299": ("100–299 staff", "100-299 staff", "100–299 人", "100-299人", "100-299"),
    "300_999": ("300–999 staff", "300-999 staff", "300–999 人", "300-999人", "300-999"),
    "1000_plus": ("1,000 staff or more", "1000 人及以上", "1000人以上", "1000+"),
    "lt_5m": ("Under 5 million a year", "年营收 500 万以下", "500万以下"),
    "5m_50m": ("5–50 million a year", "5-50 million a year", "年营收 500 万–5000 万", "500万-5000万"),
    "50m_200m": ("50–200 million a year", "50-200 million a year", "年营收 5000 万–2 亿", "5000万-2亿"),
    "200m_1b": (
        "200 million – 1 billion a year",
        "200 million - 1 billion a year",
        "年营收 2 亿–10 亿",
        "2亿-10亿",
    ),
    "1b_plus": ("1 billion a year or more", "年营收 10 亿及以上", "10亿以上"),
}
# the built-in service types (the business's own types are matched by their names)
SERVICE_TYPE_LABELS: dict[str, tuple[str, ...]] = {
    "installation": ("Installation", "安装", "安装调试", "实施"),
    "training": ("Training", "培训"),
    "maintenance": ("Maintenance", "维修保养", "维修", "保养", "维护", "Repair"),
    "complaint": ("Complaint", "投诉", "客诉"),
    "suggestion": ("Suggestion", "建议", "意见"),
    "praise": ("Praise", "表扬", "好评", "Compliment"),
}


@functools.lru_cache(maxsize=64)
def _choice_index(choices: tuple[str, ...]) -> dict[str, str]:
    index: dict[str, str] = {}
    for key in choices:
        index.setdefault(normalise_header(key), key)
    for key in choices:
        for label in CHOICE_LABELS.get(key, ()):
            index.setdefault(normalise_header(label), key)
    return index


_REMARK = re.compile(r"^(.*?)\s*(?:[\(\[（【].*|[-–—:：·/|].*)$")


def parse_choice(value: Any, choices: tuple[str, ...]) -> str:
    if isinstance(value, str):
        return _cached_choice(value, choices)
    return _parse_choice(value, choices)


@functools.lru_cache(maxsize=4096)
def _cached_choice(value: str, choices: tuple[str, ...]) -> str:
    return _parse_choice(value, choices)


def _parse_choice(value: Any, choices: tuple[str, ...]) -> str:
    text = _text_of(value)
    index = _choice_index(choices)
    norm = normalise_header(text)
    if norm in index:
        return index[norm]
    match = _REMARK.match(text)
    if match and normalise_header(match.group(1)) in index:
        return index[normalise_header(match.group(1))]
    # "A级", "A类客户": a stored one-letter key followed by a remark
    for key in choices:
        if len(key) == 1 and text[:1].upper() == key and not text[1:2].isascii():
            return key
    raise CellError("import.unknown_choice", value=_shown(text), allowed=", ".join(choices))


def _shown(text: str, limit: int = 60) -> str:
    text = text.encode("utf-8", "backslashreplace").decode("utf-8")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _text_of(value: Any) -> str:
    if isinstance(value, Percent):  # an XLSX percentage: as the sheet shows it
        return str(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    return "" if value is None else str(value).strip()


def is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def parse_text(value: Any, max_length: int) -> str:
    text = value.strip() if isinstance(value, str) else _text_of(value)
    if len(text) > max_length:
        raise CellError("import.too_long", length=len(text), max_length=max_length)
    if _CONTROL.search(text):  # control characters, or a lone surrogate (half of an emoji)
        raise CellError("import.control_character")
    return text


_YMD = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_DMY = re.compile(r"^(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4})$")
_TIME = re.compile(
    r"^(?:(上午|下午|晚上|中午|凌晨)\s*)?(\d{1,2})(?:[:：时点](?:(\d{1,2})(?:[:：分](\d{1,2})(?:\.\d+)?秒?)?)?)?分?"
    r"\s*(am|pm|a\.m\.|p\.m\.)?$",
    re.IGNORECASE,
)
_LONGEST = 100  # characters: "Wednesday, September 30th, 2026 at 10:30:05.123456 PM GMT+08:00" is 64
_SPLIT = re.compile(r"^(\S+?)(?:[T\s]+(.+))?$")
_ZONE = re.compile(
    r"(?i)\s*(?:z|(?:utc|gmt)(?:\s*(?P<sign>[+-])(?P<hours>\d{1,2})(?::?(?P<minutes>\d{2}))?)?"
    r"|(?P<sign2>[+-])(?P<hours2>\d{2})(?::?(?P<minutes2>\d{2}))?)$"
)

# English month and weekday names (never the locale's: %b depends on it)
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_WEEKDAYS = {
    name: number
    for number, names in enumerate(
        (
            ("mon", "monday"),
            ("tue", "tues", "tuesday"),
            ("wed", "wednesday"),
            ("thu", "thur", "thurs", "thursday"),
            ("fri", "friday"),
            ("sat", "saturday"),
            ("sun", "sunday"),
        )
    )
    for name in names
}
_WEEKDAY = re.compile(r"^([a-z]+)\.?\s*,?\s+")
_ORDINAL = r"(?:st|nd|rd|th)?"
_NAMED = (
    # Mar 9 2026, Mar 09, 2026, March 9th, 2026, Mar-09-2026
    re.compile(
        rf"^(?P<month>[a-z]+)\.?[\s\-/]*(?P<day>\d{{1,2}}){_ORDINAL}(?:\s*,\s*|[\s\-/]+)"
        r"(?P<year>\d{4}|\d{2})(?!\d)"
    ),
    # 9 Mar 2026, 09-Mar-2026, 9-Mar-26, 09MAR2026, 9 March, 2026
    re.compile(
        rf"^(?P<day>\d{{1,2}}){_ORDINAL}[\s\-/.]*(?P<month>[a-z]+)\.?(?:\s*,\s*|[\s\-/.]*)"
        r"(?P<year>\d{4}|\d{2})(?!\d)"
    ),
    # 2026-Mar-09, 2026 Mar 9 (a two-digit year first would read as a day: 26-Mar-09 is 2009)
    re.compile(r"^(?P<year>\d{4})[\s\-/.]*(?P<month>[a-z]+)\.?[\s\-/.]*(?P<day>\d{1,2})(?!\d)"),
)
_AFTER_NAMED = re.compile(r"^(?:\s*,\s*|\s+|t)(?:at\s+)?(?=\S)")


def _serial(number: float) -> datetime:
    if not 1 <= number < 2958466:  # 9999-12-31
        raise ValueError
    return datetime.combine(_EXCEL_EPOCH, time()) + timedelta(days=number)


def _date_part(text: str) -> date:
    text = unicodedata.normalize("NFKC", text).strip()
    if match := _YMD.match(text) or _COMPACT.match(text):
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    if match := _DMY.match(text):
        first, second, year = int(match.group(1)), int(match.group(2)), int(match.group(3))
        month, day = (second, first) if first > 12 else (first, second)
        return date(year, month, day)
    raise ValueError


def _zone(match: re.Match[str]) -> timedelta:
    sign = match.group("sign") or match.group("sign2")
    if sign is None:  # Z, UTC, GMT
        return timedelta(0)
    hours = int(match.group("hours") or match.group("hours2"))
    minutes = int(match.group("minutes") or match.group("minutes2") or 0)
    if hours > 14 or minutes > 59:
        raise ValueError
    offset = timedelta(hours=hours, minutes=minutes)
    return -offset if sign == "-" else offset


def _time_part(text: str) -> tuple[time, timedelta | None]:
    """The time and the zone's offset from UTC (None: no zone written)."""
    text = unicodedata.normalize("NFKC", text).strip()
    offset = None
    if zone := _ZONE.search(text):
        offset = _zone(zone)
        text = text[: zone.start()]
    match = _TIME.match(text)
    if not match:
        raise ValueError
    prefix, hour, minute, second, suffix = match.groups()
    h, m, s = int(hour), int(minute or 0), int(second or 0)
    afternoon = (prefix in ("下午", "晚上") and h < 12) or (
        suffix is not None and suffix.lower().startswith("p") and h < 12
    )
    if suffix is not None and suffix.lower().startswith("a") and h == 12:
        h = 0
    if afternoon:
        h += 12
    return time(h, m, s), offset


def _year(digits: str) -> int:
    """A year as written; two digits pivot as Excel's do: 00-29 are 2000-2029, 30-99 1930-1999."""
    year = int(digits)
    if len(digits) == 2:
        year += 2000 if year < 30 else 1900
    return year


def _named_date(text: str) -> tuple[date, str] | None:
    """A date with an English month name and what follows it (a time, or ""); None when ``text`` names
    no month."""
    text = unicodedata.normalize("NFKC", text).strip().lower()
    weekday = None
    if (found := _WEEKDAY.match(text)) and found.group(1) in _WEEKDAYS:
        weekday, text = _WEEKDAYS[found.group(1)], text[found.end() :]
    for pattern in _NAMED:
        match = pattern.match(text)
        if match is None or match.group("month") not in _MONTHS:
            continue
        day = date(_year(match.group("year")), _MONTHS[match.group("month")], int(match.group("day")))
        if weekday is not None and day.weekday() != weekday:
            raise ValueError  # "Tue, 9 Mar 2026" is a Monday: one of them is wrong
        rest = text[match.end() :]
        if rest:
            after = _AFTER_NAMED.match(rest)
            if after is None:
                raise ValueError
            rest = rest[after.end() :]
        return day, rest
    return None


def _split(value: Any) -> tuple[date, time | None, timedelta | None]:
    """(date, time or None, the zone's offset from UTC or None)."""
    if isinstance(value, datetime):
        return value.date(), value.time().replace(microsecond=0), None
    if isinstance(value, date):
        return value, None, None
    if isinstance(value, time):
        raise ValueError
    if isinstance(value, int | float) and not isinstance(value, bool):
        serial = _serial(float(value))
        clock_time = serial.time().replace(microsecond=0) if serial.time() != time() else None
        return serial.date(), clock_time, None
    text = _text_of(value)
    if len(text) > _LONGEST:
        raise ValueError
    if re.fullmatch(r"\d{4,5}(\.\d+)?", text) and not _COMPACT.match(text):
        return _split(float(text))
    try:
        return _date_part(text), None, None
    except ValueError:
        pass
    named = _named_date(text)  # "Mar 9, 2026 10:30 AM", "09-Mar-2026 14:05"
    if named is not None:
        day, rest = named
    else:
        # "2026年3月9日 下午2:30", "2026-03-09T14:30:00", "3/9/2026 2:30 PM"
        chinese = re.match(r"^(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*(.*)$", text)
        match = chinese or _SPLIT.match(text)
        if not match:
            raise ValueError
        day = _date_part(match.group(1))
        rest = (match.group(2) or "").strip()
    if not rest:
        return day, None, None
    moment, offset = _time_part(rest)
    return day, moment, offset


def _local(day: date, moment: time, offset: timedelta) -> datetime:
    """The wall-clock time on this computer of ``day moment`` at UTC ``offset``."""
    aware = datetime.combine(day, moment, timezone(offset))
    try:
        return aware.astimezone().replace(tzinfo=None)
    except (OverflowError, OSError, ValueError):  # before 1970 on Windows: the zone's standard offset
        return aware.astimezone(timezone(timedelta(seconds=-systime.timezone))).replace(tzinfo=None)


def _in_range(day: date, text: str) -> None:
    if not MIN_DATE <= day <= MAX_DATE:
        raise CellError("import.date_out_of_range", value=text)


def parse_date(value: Any) -> date:
    if isinstance(value, str):
        return _cached_date(value)
    return _parse_date(value)


@functools.lru_cache(maxsize=4096)
def _cached_date(value: str) -> date:
    return _parse_date(value)


def _parse_date(value: Any) -> date:
    try:
        day, _, _ = _split(value)
    except (ValueError, OverflowError):
        raise CellError("import.not_a_date", value=_shown(_text_of(value))) from None
    _in_range(day, _shown(_text_of(value)))
    return day


def parse_datetime(value: Any) -> datetime:
    try:
        day, moment, offset = _split(value)
        result = datetime.combine(day, moment or time())
        if moment is not None and offset is not None:
            result = _local(day, moment, offset)
    except (ValueError, OverflowError):
        raise CellError("import.not_a_datetime", value=_shown(_text_of(value))) from None
    _in_range(result.date(), _shown(_text_of(value)))
    return result


_CURRENCY = re.compile(
    r"(?i)^(?:(?:us|hk|nt|s|a|c)?\$|[¥￥€£]|rmb|cny|usd|eur|hkd)\s*"
    r"|\s*(?:[¥￥$€£]|rmb|cny|usd|eur|hkd|元|圆)$"
)
_EUROPEAN = re.compile(r"^\d{1,3}(?:\.\d{3})+,\d{1,2}$|^\d+,\d{2}$")
_GROUPED = re.compile(r"^\d{1,3}(?:[,' ]\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")


def parse_money(value: Any, *, allow_negative: bool = False) -> int:
    """Integer cents; negative amounts are an error unless ``allow_negative``."""
    if isinstance(value, str):
        return _cached_money(value, allow_negative)
    return _parse_money(value, allow_negative)


@functools.lru_cache(maxsize=4096)
def _cached_money(value: str, allow_negative: bool) -> int:
    return _parse_money(value, allow_negative)


def _parse_money(value: Any, allow_negative: bool) -> int:
    if isinstance(value, bool):
        raise CellError("import.not_money", value=str(value))
    if isinstance(value, int | float):
        if value != value or value in (float("inf"), float("-inf")):
            raise CellError("import.not_money", value=str(value))
        if abs(value) > MAX_CENTS:
            raise CellError("import.money_too_large", value=str(value)[:60])
        amount = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        amount = amount.quantize(Decimal("0.01"))
    else:
        raw = _text_of(value)
        text = unicodedata.normalize("NFKC", raw).replace("\u00a0", " ").replace("\u202f", " ").strip()
        negative = False
        if text.startswith("(") and text.endswith(")"):
            negative, text = True, text[1:-1].strip()
        for _ in range(2):
            text = _CURRENCY.sub("", text).strip()
            if text.startswith(("-", "−")):
                negative, text = not negative, text[1:].strip()
            elif text.startswith("+"):
                text = text[1:].strip()
        factor = 1
        if text.endswith(("万", "w", "W")):
            factor, text = 10_000, text[:-1].strip()
        if _EUROPEAN.match(text):  # 1.200,50 (dot thousands, comma decimals)
            text = text.replace(".", "").replace(",", ".")
        if not _GROUPED.match(text):
            raise CellError("import.not_money", value=_shown(raw))
        digits = re.sub(r"[,' ]", "", text)
        if len(digits.split(".")[0]) > 16:
            raise CellError("import.money_too_large", value=_shown(raw))
        try:
            amount = Decimal(digits) * factor
            exact = amount == amount.quantize(Decimal("0.01"))
        except InvalidOperation:
            raise CellError("import.not_money", value=_shown(raw)) from None
        if not exact:
            raise CellError("import.not_money", value=_shown(raw))
        if negative:
            amount = -amount
    cents = int(amount * 100)
    if cents < 0 and not allow_negative:
        raise CellError("import.negative_money", value=_shown(_text_of(value)))
    if abs(cents) > MAX_CENTS:
        raise CellError("import.money_too_large", value=_shown(_text_of(value)))
    return cents


def parse_int(value: Any, low: int, high: int) -> int:
    if isinstance(value, bool):
        raise CellError("import.not_whole", value=str(value))
    if isinstance(value, Percent):  # 60% (0.6 in the sheet) is 60
        if not value.percent().is_integer():
            raise CellError("import.not_whole", value=str(value))
        value = value.percent()
    if isinstance(value, float):
        if not value.is_integer():
            raise CellError("import.not_whole", value=str(value))
        number = int(value)
    elif isinstance(value, int):
        number = value
    else:
        text = unicodedata.normalize("NFKC", _text_of(value)).replace(",", "").strip().rstrip("%").strip()
        if not re.fullmatch(r"[-+]?\d{1,18}(\.0+)?", text):
            raise CellError("import.not_whole", value=_shown(_text_of(value)))
        number = int(text.split(".")[0])
    if not low <= number <= high:
        raise CellError("import.out_of_range", low=low, high=high, value=number)
    return number


# ---- what an export of this application writes (round trip) -----------------------------------------

# The characters the export neutralises with a leading apostrophe (``exporting.cells.FORMULA_TRIGGERS``).
NEUTRALISED = ("=", "+", "-", "@", "\t", "\r", "\n")


def unneutralise(value: Any) -> Any:
    """A text cell as written before the export neutralised it: ``'+86 571`` -> ``+86 571``. The leading
    apostrophe is dropped only when the next character is one the export neutralises (``'abc`` stays)."""
    if isinstance(value, str) and len(value) > 1 and value[0] == "'" and value[1] in NEUTRALISED:
        return value[1:]
    return value


class TextList(tuple[str, ...]):
    """Several names from one cell (categories, contacts, multi-choice values); shown comma separated."""

    def __str__(self) -> str:
        return ", ".join(self)


_LIST_SPLIT = re.compile(r"\s*[,，;；、]\s*")
TAG_MAX = 100


def parse_names(value: Any, max_length: int = TAG_MAX) -> TextList:
    """Names separated by commas (also ``，``, ``;``, ``、``), each stripped; repeated names (ignoring
    case) once, in the order written."""
    text = parse_text(value, 1_000_000)
    names: list[str] = []
    seen: set[str] = set()
    for part in _LIST_SPLIT.split(text):
        name = part.strip()
        if not name:
            continue
        if len(name) > max_length:
            raise CellError("import.too_long", length=len(name), max_length=max_length)
        if name.casefold() not in seen:
            seen.add(name.casefold())
            names.append(name)
    return TextList(names)


MAX_EXACT_NUMBER = 2**53


def parse_number(value: Any) -> int | float:
    """A number of a custom field: ``63.6``, ``1,200``, ``-5``; whole numbers as ``int``."""
    if isinstance(value, bool):
        raise CellError("import.not_number", value=str(value))
    if isinstance(value, int | float):
        number: int | float = float(value) if isinstance(value, float) else value  # a Percent: its fraction
    else:
        raw = _text_of(value)
        text = unicodedata.normalize("NFKC", raw).replace(",", "").replace("\u00a0", "").replace(" ", "")
        if not re.fullmatch(r"[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?", text):
            raise CellError("import.not_number", value=_shown(raw))
        number = float(text)
    if number != number or number in (float("inf"), float("-inf")) or abs(number) > MAX_EXACT_NUMBER:
        raise CellError("import.not_number", value=_shown(_text_of(value)))
    if isinstance(number, float) and number.is_integer():
        return int(number)
    return number


def parse_custom_choice(value: Any, choices: tuple[str, ...]) -> str:
    """One of a custom field's own choices, compared ignoring case and blanks."""
    text = parse_text(value, 1_000_000)
    for choice in choices:
        if choice == text or normalise_header(choice) == normalise_header(text):
            return choice
    raise CellError("import.unknown_choice", value=_shown(text), allowed=", ".join(choices) or "-")


def parse_custom_choices(value: Any, choices: tuple[str, ...]) -> TextList:
    """Several of a custom field's choices, comma separated; kept in the field's order."""
    picked = {parse_custom_choice(name, choices) for name in parse_names(value, 1_000_000)}
    return TextList(c for c in choices if c in picked)
