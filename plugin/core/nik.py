"""Cleaning and checking of NIK and KK numbers, always kept as text."""

import datetime
import functools
import re

from . import records

_SEPARATORS = re.compile(r"[\s.\-]")
_SCIENTIFIC = re.compile(r"^\d(\.\d+)?[eE]\+?\d+$")


def clean_number(raw: str) -> str:
    """Strip spaces, dots, dashes and a leading apostrophe from a NIK or KK value.

    A value that went through a number type (``3.27301E+15`` or ``...0.0``)
    is returned unchanged apart from surrounding spaces, so it is flagged
    rather than silently "repaired".
    """
    value = (raw or "").strip()
    if value.isdigit():
        return value
    if value.startswith("'"):
        value = value[1:].strip()
    if _SCIENTIFIC.match(value) or value.endswith(".0"):
        return value
    return _SEPARATORS.sub("", value)


def looks_excel_damaged(value: str) -> bool:
    """Tell whether a cleaned NIK/KK went through a floating-point number."""
    if _SCIENTIFIC.match(value) or value.endswith(".0"):
        return True
    # Excel keeps 15 significant digits, so the 16th turns into a zero. A
    # serial ending in 000 is rare enough that it marks a damaged value.
    # A single trailing zero is flagged only by the column-wide check in
    # recipients.flag_rounded_numbers, because real serials end in 0 too.
    return len(value) == 16 and value.isdigit() and value.endswith("000")


def birth_date_from_nik(nik: str):
    """Return (date, sex) encoded in a NIK's digits 7-12, or (None, None).

    Women have 40 added to the day. The two-digit year is placed in the last
    hundred years before today.
    """
    if len(nik) != 16 or not nik.isdigit():
        return None, None
    return _date_part(nik[6:12])


@functools.lru_cache(maxsize=1 << 16)
def _date_part(digits: str):
    day, month, year = int(digits[0:2]), int(digits[2:4]), int(digits[4:6])
    sex = "L"
    if day > 40:
        day -= 40
        sex = "P"
    this_year = datetime.date.today().year
    century = 2000 if 2000 + year <= this_year else 1900
    try:
        return datetime.date(century + year, month, day), sex
    except ValueError:
        return None, None


def nik_problems(nik: str, birth_date=None, sex=None) -> list:
    """List the problem codes of a cleaned NIK, checked against date and sex."""
    if not nik:
        return [records.PROBLEM_NIK_KOSONG]
    if looks_excel_damaged(nik):
        return [records.PROBLEM_NIK_RUSAK_EXCEL]
    if len(nik) != 16 or not nik.isdigit():
        return [records.PROBLEM_NIK_BUKAN_16]
    nik_date, nik_sex = birth_date_from_nik(nik)
    if nik_date is None:
        return [records.PROBLEM_NIK_TANGGAL]
    same_day = birth_date is None or (
        (birth_date.day, birth_date.month, birth_date.year % 100)
        == (nik_date.day, nik_date.month, nik_date.year % 100))
    if not same_day or (sex and sex != nik_sex):
        return [records.PROBLEM_NIK_BEDA_TGL]
    return []


def kk_problems(kk: str) -> list:
    """List the problem codes of a cleaned KK number (an empty one is allowed)."""
    if not kk:
        return []
    if looks_excel_damaged(kk):
        return [records.PROBLEM_KK_RUSAK_EXCEL]
    if len(kk) != 16 or not kk.isdigit():
        return [records.PROBLEM_KK_BUKAN_16]
    return []
