"""Parsing of birth dates as clerks write them."""

import datetime
import functools
import re

MONTHS = {
    "jan": 1, "januari": 1, "feb": 2, "februari": 2, "peb": 2, "pebruari": 2,
    "mar": 3, "maret": 3, "apr": 4, "april": 4, "mei": 5, "jun": 6, "juni": 6,
    "jul": 7, "juli": 7, "agu": 8, "agt": 8, "agus": 8, "agustus": 8, "ags": 8,
    "sep": 9, "sept": 9, "september": 9, "okt": 10, "oktober": 10,
    "nov": 11, "nop": 11, "november": 11, "nopember": 11,
    "des": 12, "desember": 12,
    # English abbreviations that Excel writes in other locales.
    "may": 5, "aug": 8, "oct": 10, "dec": 12,
}

_NUMERIC = re.compile(r"^(\d{1,4})[-/.](\d{1,2})[-/.](\d{1,4})(?:[ T]\d{1,2}:\d{2}(:\d{2})?)?$")
_NAMED = re.compile(r"^(\d{1,2})[\s\-/.]+([A-Za-z]+)[\s\-/.,]+(\d{2,4})$")
_EXCEL_EPOCH = datetime.date(1899, 12, 30)


def _full_year(year: int) -> int:
    if year >= 100:
        return year
    this_year = datetime.date.today().year
    return 2000 + year if 2000 + year <= this_year else 1900 + year


def _make(year, month, day):
    try:
        return datetime.date(_full_year(year), month, day)
    except ValueError:
        return None


def parse_date(raw: str, hint: datetime.date = None):
    """Parse a birth date and return a ``datetime.date`` or None.

    Day-first is the Indonesian order. When both day-first and month-first
    readings are valid, ``hint`` (the date encoded in the NIK) decides.
    """
    return parse_date_checked(raw, hint)[0]


def parse_date_checked(raw: str, hint: datetime.date = None):
    """Parse a birth date and return (date or None, ambiguous).

    ``ambiguous`` is True when day and month can be read both ways and the
    NIK's date (``hint``) agrees with neither reading. The date is then
    None, so the value stays only as written in the source column.
    """
    kind, day_first, month_first = _readings((raw or "").strip())
    if kind != "both":
        return day_first, False
    if day_first and month_first and day_first != month_first and hint is not None:
        if _same_day(month_first, hint):
            return month_first, False
        if not _same_day(day_first, hint):
            return None, True
    return day_first or month_first, False


@functools.lru_cache(maxsize=1 << 16)
def _readings(text: str):
    """Return ("one", date, None) or ("both", day-first date, month-first date) for a text.

    Birth dates repeat a lot in a register, so the readings are cached.
    """
    if not text:
        return "one", None, None
    match = _NUMERIC.match(text)
    if match:
        first, second, third = (int(g) for g in match.groups()[:3])
        if len(match.group(1)) == 4:
            return "one", _make(first, second, third), None
        return "both", _make(third, second, first), _make(third, first, second)
    return "one", _parse_other(text), None


def _same_day(date: datetime.date, nik_date: datetime.date) -> bool:
    # A NIK has a two-digit year, so its century is only a guess.
    return (date.day, date.month, date.year % 100) == (nik_date.day, nik_date.month,
                                                       nik_date.year % 100)


def _parse_other(text: str):
    match = _NAMED.match(text)
    if match:
        month = MONTHS.get(match.group(2).lower())
        if month:
            return _make(int(match.group(3)), month, int(match.group(1)))
        return None
    if re.fullmatch(r"\d{4,5}(\.0+)?", text):
        serial = int(float(text))
        if 1 <= serial <= 80000:
            return _EXCEL_EPOCH + datetime.timedelta(days=serial)
    return None
