"""A small streaming reader of OpenDocument spreadsheets (.ods), cells as text."""

import zipfile
import xml.etree.ElementTree as ElementTree

_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_TAG_TABLE = f"{{{_TABLE}}}table"
_TAG_ROW = f"{{{_TABLE}}}table-row"
_TAG_CELLS = (f"{{{_TABLE}}}table-cell", f"{{{_TABLE}}}covered-table-cell")
_TAG_P = f"{{{_TEXT}}}p"
_TAG_S = f"{{{_TEXT}}}s"
_TAG_TAB = f"{{{_TEXT}}}tab"
_TAG_LINE_BREAK = f"{{{_TEXT}}}line-break"
# Repeated empty rows and columns fill a sheet to its edge; stop expanding there.
_MAX_REPEAT = 1000


def _paragraph_text(element) -> str:
    parts = [element.text or ""]
    for child in element:
        if child.tag == _TAG_S:
            parts.append(" " * int(child.get(f"{{{_TEXT}}}c", "1")))
        elif child.tag == _TAG_TAB:
            parts.append("\t")
        elif child.tag == _TAG_LINE_BREAK:
            parts.append("\n")
        else:
            parts.append(_paragraph_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _cell_value(cell) -> str:
    """Return a cell's value as text: the typed value for numbers and dates, else its text."""
    value_type = cell.get(f"{{{_OFFICE}}}value-type")
    if value_type in ("float", "percentage", "currency"):
        value = cell.get(f"{{{_OFFICE}}}value", "")
        number = float(value) if value else None
        if number is not None and number.is_integer() and abs(number) < 1e15:
            return str(int(number))
        return value
    if value_type == "date":
        value = cell.get(f"{{{_OFFICE}}}date-value", "")
        return value[:10] if value.endswith("T00:00:00") or len(value) == 10 else value
    if value_type == "boolean":
        return "1" if cell.get(f"{{{_OFFICE}}}boolean-value") == "true" else "0"
    return "\n".join(_paragraph_text(paragraph) for paragraph in cell.iter(_TAG_P))


def _row_cells(row) -> list:
    cells = []
    for cell in row:
        if cell.tag not in _TAG_CELLS:
            continue
        repeat = int(cell.get(f"{{{_TABLE}}}number-columns-repeated", "1"))
        value = _cell_value(cell)
        cells.extend([value] * min(repeat, _MAX_REPEAT))
    while cells and not cells[-1]:
        cells.pop()
    return cells


def ods_sheets(path: str) -> list:
    """Return [(sheet name, rows)] for the sheets of an .ods file.

    Raises ValueError when the file is not an OpenDocument spreadsheet.
    """
    try:
        archive = zipfile.ZipFile(path)
        content = archive.open("content.xml")
    except (zipfile.BadZipFile, KeyError, OSError) as error:
        raise ValueError("not an OpenDocument spreadsheet") from error
    sheets = []
    with archive, content:
        current, rows, pending_blank = None, [], 0
        for event, element in ElementTree.iterparse(content, events=("start", "end")):
            if event == "start" and element.tag == _TAG_TABLE:
                current, rows, pending_blank = element.get(f"{{{_TABLE}}}name", ""), [], 0
            elif event == "end" and element.tag == _TAG_ROW:
                repeat = int(element.get(f"{{{_TABLE}}}number-rows-repeated", "1"))
                cells = _row_cells(element)
                if cells:
                    rows.extend([[]] * pending_blank)
                    pending_blank = 0
                    rows.extend([list(cells) for _ in range(min(repeat, _MAX_REPEAT))])
                else:
                    # Blank rows count only when a filled row follows them.
                    pending_blank += repeat
                element.clear()
            elif event == "end" and element.tag == _TAG_TABLE:
                sheets.append((current, rows))
                element.clear()
    return sheets
