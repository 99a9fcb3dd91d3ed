"""Reading DTKS tables (CSV, TXT, XLSX) into text rows with source row numbers.

Every value is kept as text exactly as it is in the file, so NIK and KK
numbers never pass through a number type. Rows that are not records
(blank rows, repeated header rows, total rows) are returned as rejected
rows with their reason; everything else is a record.
"""

import csv
import datetime
import io
import os
from dataclasses import dataclass, field

from . import records
from ..i18n import tr
from .column_mapping import detect_mapping, header_score, normalize_header


class TableReadError(Exception):
    """A table that cannot be read at all; the message is for the user."""


@dataclass
class Table:
    """A source table: header, records and rejected rows, with row numbers."""

    headers: list
    rows: list = field(default_factory=list)        # [(baris, [text, ...]), ...]
    rejected: list = field(default_factory=list)    # [(baris, alasan, [text, ...]), ...]
    mapping: dict = field(default_factory=dict)
    header_row: int = 1
    encoding: str = ""
    delimiter: str = ""
    sheet: str = ""

    @property
    def rows_read(self) -> int:
        """Return the number of rows read: every row of the sheet except the header."""
        return len(self.rows) + len(self.rejected)


_ENCODINGS = ("utf-8-sig", "cp1252")
_DELIMITERS = ",;|\t"
_HEADER_SEARCH_ROWS = 30
_TOTAL_WORDS = ("JUMLAH", "TOTAL", "GRAND TOTAL", "SUB TOTAL", "SUBTOTAL")


def _decode(data: bytes):
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    for encoding in _ENCODINGS:
        try:
            return data.decode(encoding), ("utf-8" if encoding == "utf-8-sig" else encoding)
        except UnicodeDecodeError:
            continue
    raise TableReadError(tr("The file cannot be read as text: its encoding is not UTF-8, UTF-16 or Windows-1252."))


def _detect_delimiter(text: str) -> str:
    sample = "\n".join(text.splitlines()[:50])
    try:
        return csv.Sniffer().sniff(sample, delimiters=_DELIMITERS).delimiter
    except csv.Error:
        counts = {d: sample.count(d) for d in _DELIMITERS}
        return max(counts, key=counts.get)


def _read_csv(path: str):
    with open(path, "rb") as handle:
        data = handle.read()
    text, encoding = _decode(data)
    delimiter = _detect_delimiter(text)
    rows = [list(row) for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
    return rows, encoding, delimiter, ""


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, datetime.datetime):
        if value.time() == datetime.time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return str(value)


def list_sheets(path: str) -> list:
    """Return the sheet names of an Excel workbook."""
    import openpyxl
    workbook = openpyxl.load_workbook(path, read_only=True)
    try:
        return list(workbook.sheetnames)
    finally:
        workbook.close()


def _read_xlsx(path: str, sheet: str = ""):
    try:
        import openpyxl
    except ImportError as error:
        raise TableReadError(
            tr("The Python package 'openpyxl' is not installed, so Excel files cannot be read.")) from error
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many types for a damaged file
        raise TableReadError(
            tr("The Excel file cannot be opened ({error}). Check that it is a valid XLSX file.").format(
                error=type(error).__name__)) from error
    try:
        if sheet:
            if sheet not in workbook.sheetnames:
                raise TableReadError(tr("Sheet '{sheet}' not found in the Excel file.").format(sheet=sheet))
            worksheet = workbook[sheet]
        else:
            worksheet = workbook[workbook.sheetnames[0]]
        rows = [[_cell_text(value) for value in row] for row in worksheet.iter_rows(values_only=True)]
        return rows, "xlsx", "", worksheet.title
    finally:
        workbook.close()


def _used_width(cells) -> int:
    width = len(cells)
    while width and not str(cells[width - 1] or "").strip():
        width -= 1
    return width


def _find_header(rows) -> int:
    best_index, best_score = 0, 0
    for index, row in enumerate(rows[:_HEADER_SEARCH_ROWS]):
        score = header_score(row)
        if score > best_score:
            best_index, best_score = index, score
    return best_index


def _is_total_row(cells, mapping) -> bool:
    nik_index = mapping.get("nik")
    if nik_index is not None and nik_index < len(cells):
        if sum(character.isdigit() for character in cells[nik_index]) >= 6:
            return False
    for cell in cells:
        text = normalize_header(cell)
        if text and any(text == word or text.startswith(word + " ") for word in _TOTAL_WORDS):
            return True
    return False


def read_table(path: str, sheet: str = "", header_row: int = 0) -> Table:
    """Read a DTKS table file. ``header_row`` (1-based) overrides detection."""
    if not os.path.isfile(path):
        raise TableReadError(tr("File not found: {name}").format(name=path))
    extension = os.path.splitext(path)[1].lower()
    if extension in (".xlsx", ".xlsm"):
        raw_rows, encoding, delimiter, sheet_name = _read_xlsx(path, sheet)
    elif extension in (".csv", ".txt", ".tsv", ""):
        raw_rows, encoding, delimiter, sheet_name = _read_csv(path)
    else:
        raise TableReadError(
            tr("File format '{extension}' is not supported. Use CSV, TXT or XLSX.").format(
                extension=extension))
    if not raw_rows:
        raise TableReadError(tr("The file is empty: it has no rows to read."))

    header_index = header_row - 1 if header_row > 0 else _find_header(raw_rows)
    headers = [cell.strip() for cell in raw_rows[header_index]]
    while headers and not headers[-1]:
        headers.pop()
    # A row wider than the header keeps its extra values in added columns.
    widest = max((_used_width(cells) for index, cells in enumerate(raw_rows)
                  if index != header_index), default=0)
    headers += [""] * (widest - len(headers))
    headers = [header or f"kolom_{index + 1}" for index, header in enumerate(headers)]
    mapping = detect_mapping(headers)
    table = Table(headers=headers, mapping=mapping, header_row=header_index + 1,
                  encoding=encoding, delimiter=delimiter, sheet=sheet_name)
    header_key = [normalize_header(header) for header in headers]
    width = len(headers)

    # Rows above the header (a title block) are listed too, so every row of
    # the sheet except the header is either a record or a rejected row.
    for offset, cells in enumerate(raw_rows[:header_index]):
        cells = [cell if isinstance(cell, str) else _cell_text(cell) for cell in cells]
        cells = cells[:width] + [""] * (width - len(cells))
        reason = records.REJECT_TITLE if any(cell.strip() for cell in cells) else records.REJECT_BLANK
        table.rejected.append((offset + 1, reason, cells))

    for offset, cells in enumerate(raw_rows[header_index + 1:]):
        baris = header_index + 2 + offset
        cells = [cell if isinstance(cell, str) else _cell_text(cell) for cell in cells]
        cells = cells[:width] + [""] * (width - len(cells))
        if not any(cell.strip() for cell in cells):
            table.rejected.append((baris, records.REJECT_BLANK, cells))
        elif [normalize_header(cell) for cell in cells[:width]] == header_key:
            table.rejected.append((baris, records.REJECT_HEADER, cells))
        elif _is_total_row(cells, mapping):
            table.rejected.append((baris, records.REJECT_TOTAL, cells))
        else:
            table.rows.append((baris, cells))
    return table
