"""Reading DTKS tables (CSV, TXT, XLSX) into text rows with source row numbers.

Every value is kept as text exactly as it is in the file, so NIK and KK
numbers never pass through a number type. Rows that are not records
(blank rows, repeated header rows, total rows) are returned as rejected
rows with their reason; everything else is a record.
"""

import codecs
import csv
import datetime
import itertools
import os
from dataclasses import dataclass, field

from . import records
from .bulk import gc_paused
from ..i18n import tr
from .column_mapping import apply_override, detect_mapping, header_score, normalize_header


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


_ENCODINGS = ("utf-8-sig", "cp1252", "latin-1")
ENCODING_CHOICES = ("utf-8", "utf-16", "cp1252", "latin-1")
_DELIMITERS = ",;|\t"
_HEADER_SEARCH_ROWS = 30
_TOTAL_WORDS = ("JUMLAH", "TOTAL", "GRAND TOTAL", "SUB TOTAL", "SUBTOTAL")
EXCEL_EXTENSIONS = (".xlsx", ".xlsm", ".xls", ".ods")
TEXT_EXTENSIONS = (".csv", ".txt", ".tsv", "")


_SAMPLE_BYTES = 1 << 16
_CHUNK_BYTES = 1 << 20


def _fits(path: str, codec: str) -> bool:
    """Tell whether the whole file decodes with ``codec``, reading it in chunks."""
    decoder = codecs.getincrementaldecoder(codec)()
    try:
        with open(path, "rb") as handle:
            for chunk in iter(lambda: handle.read(_CHUNK_BYTES), b""):
                decoder.decode(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def _detect_encoding(path: str):
    """Return (Python codec, name shown to the user) of a text file."""
    with open(path, "rb") as handle:
        start = handle.read(4)
    if start.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16", "utf-16"
    if _fits(path, "utf-8"):
        return "utf-8-sig", "utf-8"
    if _fits(path, "cp1252"):
        return "cp1252", "cp1252"
    # Latin-1 decodes any byte.
    return "latin-1", "latin-1"


def _detect_delimiter(text: str) -> str:
    """Pick the delimiter that splits most of the first lines the same way."""
    lines = [line for line in text.splitlines()[:60] if line.strip()]
    best, best_score = ",", -1
    for delimiter in _DELIMITERS:
        counts = [line.count(delimiter) for line in lines]
        used = [count for count in counts if count]
        if not used:
            continue
        typical = max(set(used), key=used.count)
        score = used.count(typical) * typical
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _open_csv(path: str, encoding: str = "", delimiter: str = ""):
    """Return (row iterator, encoding name, delimiter) of a text table, read lazily.

    The file is decoded while it is read, so a large file is never held in
    memory as a whole.
    """
    if encoding:
        codec, name = ("utf-8-sig" if encoding == "utf-8" else encoding), encoding
        try:
            codecs.lookup(codec)
        except LookupError as error:
            raise _encoding_error(encoding) from error
    else:
        codec, name = _detect_encoding(path)
    if not delimiter:
        try:
            with open(path, encoding=codec, newline="") as handle:
                delimiter = _detect_delimiter(handle.read(_SAMPLE_BYTES))
        except UnicodeDecodeError as error:
            raise _encoding_error(name) from error

    def rows():
        with open(path, encoding=codec, newline="") as handle:
            yield from csv.reader(handle, delimiter=delimiter)

    return rows(), name, delimiter


def _encoding_error(encoding: str) -> TableReadError:
    return TableReadError(tr(
        "The file cannot be read with encoding {encoding}. Choose another encoding or "
        "leave it empty to detect it.").format(encoding=encoding))


def _cell_text(value) -> str:
    """Return a spreadsheet cell's value as text, dates in ISO form."""
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
    # A number of 16 or more digits (a NIK or KK typed into a number cell)
    # keeps a ".0" so that it is flagged as having gone through a number type.
    # Shorter whole numbers are written without it.
    if isinstance(value, (int, float)) and abs(value) >= 1e15:
        return f"{int(value)}.0" if float(value).is_integer() else str(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _open_error(error) -> TableReadError:
    return TableReadError(tr(
        "The spreadsheet cannot be opened ({error}). Check that the file is not damaged and "
        "that its extension matches its format.").format(error=type(error).__name__))


def _xlsx_sheets(path: str):
    """Yield (sheet name, rows) of an XLSX workbook, rows read lazily."""
    try:
        import openpyxl
    except ImportError as error:
        raise TableReadError(
            tr("The Python package 'openpyxl' is not installed, so Excel files cannot be read.")) from error
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many types for a damaged file
        raise _open_error(error) from error
    try:
        for worksheet in workbook.worksheets:
            yield worksheet.title, (
                [_cell_text(value) for value in row] for row in worksheet.iter_rows(values_only=True))
    finally:
        workbook.close()


def _xls_sheets(path: str):
    """Yield (sheet name, rows) of an old-style XLS workbook."""
    try:
        import xlrd
    except ImportError as error:
        raise TableReadError(
            tr("The Python package 'xlrd' is not installed, so XLS files cannot be read.")) from error
    try:
        workbook = xlrd.open_workbook(path, on_demand=True)
    except Exception as error:  # xlrd raises several types for a damaged file
        raise _open_error(error) from error
    try:
        for index in range(workbook.nsheets):
            sheet = workbook.sheet_by_index(index)

            def rows(sheet=sheet):
                for row_index in range(sheet.nrows):
                    cells = []
                    for cell in sheet.row(row_index):
                        if cell.ctype == xlrd.XL_CELL_DATE:
                            value = xlrd.xldate.xldate_as_datetime(cell.value, workbook.datemode)
                        elif cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
                            value = None
                        elif cell.ctype == xlrd.XL_CELL_BOOLEAN:
                            value = bool(cell.value)
                        elif cell.ctype == xlrd.XL_CELL_ERROR:
                            value = xlrd.error_text_from_code.get(cell.value, "#ERROR")
                        else:
                            value = cell.value
                        cells.append(_cell_text(value))
                    yield cells

            yield sheet.name, rows()
    finally:
        workbook.release_resources()


def _sheets(path: str, extension: str):
    if extension in (".xlsx", ".xlsm"):
        return _xlsx_sheets(path)
    if extension == ".xls":
        return _xls_sheets(path)
    from .ods_reader import ods_sheets
    try:
        return ods_sheets(path)
    except ValueError as error:
        raise _open_error(error) from error


def list_sheets(path: str) -> list:
    """Return the sheet names of a spreadsheet (XLSX, XLS or ODS)."""
    extension = os.path.splitext(path)[1].lower()
    return [name for name, _ in _sheets(path, extension)]


def _read_spreadsheet(path: str, extension: str, sheet: str = "", limit: int = 0):
    """Return (rows, sheet name) of the named sheet, or of the first that looks like a table.

    With ``limit`` only that many rows of each sheet are read.
    """
    first = None
    for name, rows in _sheets(path, extension):
        if limit:
            rows = itertools.islice(rows, limit)
        if sheet:
            if name == sheet:
                return [list(row) for row in rows], name
            continue
        rows = [list(row) for row in rows]
        if first is None:
            first = (rows, name)
        if max((header_score(row) for row in rows[:_HEADER_SEARCH_ROWS]), default=0) >= 2:
            return rows, name
    if sheet:
        raise TableReadError(tr("Sheet '{sheet}' not found in the file.").format(sheet=sheet))
    if first is None:
        raise TableReadError(tr("The file is empty: it has no rows to read."))
    return first


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


def read_table(path: str, sheet: str = "", header_row: int = 0, encoding: str = "",
               delimiter: str = "", mapping_override: dict = None, max_rows: int = 0) -> Table:
    """Read a DTKS table file; the source file is only opened for reading.

    ``header_row`` (1-based), ``encoding``, ``delimiter`` and ``sheet``
    override detection. ``mapping_override`` maps canonical fields to header
    names (or to None to drop a detected column from the mapping).
    ``max_rows`` > 0 reads only that many rows below the header, for a
    preview of the columns; the table is then incomplete.
    """
    if not os.path.isfile(path):
        raise TableReadError(tr("File not found: {name}").format(name=path))
    extension = os.path.splitext(path)[1].lower()
    sheet_name = ""
    if extension in EXCEL_EXTENSIONS:
        limit = max_rows + max(_HEADER_SEARCH_ROWS, header_row) if max_rows else 0
        source_rows, sheet_name = _read_spreadsheet(path, extension, sheet, limit)
        source_rows = iter(source_rows)
        encoding, delimiter = extension.lstrip("."), ""
    elif extension in TEXT_EXTENSIONS:
        source_rows, encoding, delimiter = _open_csv(path, encoding, delimiter)
    else:
        raise TableReadError(
            tr("File format '{extension}' is not supported. Use CSV, TXT, XLSX, XLS or "
               "ODS.").format(extension=extension))
    try:
        with gc_paused():
            return _split_rows(source_rows, header_row, mapping_override, encoding, delimiter,
                               sheet_name, max_rows)
    except UnicodeDecodeError as error:
        raise _encoding_error(encoding) from error


# Mapped columns whose values repeat across rows; their texts are shared
# between rows to save memory.
_REPEATING_FIELDS = ("jenis_kelamin", "kode_wilayah", "provinsi", "kabupaten", "kecamatan",
                     "desa", "desil", "rt", "rw", "pkh", "bpnt", "pbi", "program")


def _split_rows(source_rows, header_row, mapping_override, encoding, delimiter, sheet_name,
                max_rows=0):
    """Find the header, then sort every other row into records and rejected rows."""
    head = list(itertools.islice(source_rows, max(_HEADER_SEARCH_ROWS, header_row)))
    if not head:
        raise TableReadError(tr("The file is empty: it has no rows to read."))
    if header_row > len(head):
        raise TableReadError(tr("Header row {row} is past the end of the file ({count} rows).").format(
            row=header_row, count=len(head)))

    header_index = header_row - 1 if header_row > 0 else _find_header(head)
    headers = [str(cell).strip() for cell in head[header_index]]
    while headers and not headers[-1]:
        headers.pop()
    headers = [header or f"kolom_{index + 1}" for index, header in enumerate(headers)]
    mapping = apply_override(detect_mapping(headers), headers, mapping_override)
    table = Table(headers=headers, mapping=mapping, header_row=header_index + 1,
                  encoding=encoding, delimiter=delimiter, sheet=sheet_name)
    header_key = [normalize_header(header) for header in headers]
    width = len(headers)
    widest = width
    shared = {}
    repeating = [mapping[field] for field in _REPEATING_FIELDS if field in mapping]

    # Rows above the header (a title block) are listed too, so every row of
    # the sheet except the header is either a record or a rejected row.
    for offset, cells in enumerate(head[:header_index]):
        widest = max(widest, _used_width(cells))
        reason = records.REJECT_TITLE if any(cell.strip() for cell in cells) else records.REJECT_BLANK
        table.rejected.append((offset + 1, reason, cells))

    rows = itertools.chain(head[header_index + 1:], source_rows)
    if max_rows:
        rows = itertools.islice(rows, max_rows)
    for baris, cells in enumerate(rows, start=header_index + 2):
        if len(cells) != width:
            if len(cells) > width:
                widest = max(widest, _used_width(cells))
            else:
                cells.extend([""] * (width - len(cells)))
        if not any(cell.strip() for cell in cells):
            table.rejected.append((baris, records.REJECT_BLANK, cells))
        elif (normalize_header(cells[0]) == header_key[0]
              and [normalize_header(cell) for cell in cells[:width]] == header_key):
            table.rejected.append((baris, records.REJECT_HEADER, cells))
        elif _is_total_row(cells, mapping):
            table.rejected.append((baris, records.REJECT_TOTAL, cells))
        else:
            for index in repeating:
                value = cells[index]
                cells[index] = shared.setdefault(value, value)
            table.rows.append((baris, cells))

    # A row wider than the header keeps its extra values in added columns.
    if widest > width:
        table.headers += [f"kolom_{index + 1}" for index in range(width, widest)]
    for _, cells in table.rows:
        _fit(cells, widest)
    for _, _, cells in table.rejected:
        _fit(cells, widest)
    return table


def _fit(cells: list, width: int) -> None:
    """Pad or cut a row in place to ``width`` cells (only empty cells are cut)."""
    if len(cells) < width:
        cells.extend([""] * (width - len(cells)))
    elif len(cells) > width:
        del cells[width:]
