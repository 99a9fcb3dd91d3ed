"""Property: any table written by a spreadsheet program reads back without loss."""

import csv
import io

import openpyxl
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from dtks_spasial.plugin.core.column_mapping import header_score, normalize_header
from dtks_spasial.plugin.core.table_reader import read_table

# Characters a clerk's table may hold, delimiters, quotes and line breaks included.
TEXT = st.text(alphabet=st.characters(
    blacklist_categories=("Cs", "Cc"), blacklist_characters="\x00") | st.sampled_from(
    [",", ";", "|", "\t", '"', "'", "\n", " ", "é", "’"]), max_size=12)
CP1252_TEXT = st.text(alphabet=st.sampled_from(
    list("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,;|'\"-/éèüñ€’\n")),
    max_size=12)
TOTAL_WORDS = ("JUMLAH", "TOTAL", "SUBTOTAL", "GRAND TOTAL", "SUB TOTAL")


def _is_record(row, headers) -> bool:
    """Tell whether the reader must keep ``row`` as a record (not blank, header or total)."""
    if not any(cell.strip() for cell in row):
        return False
    if [normalize_header(cell) for cell in row] == [normalize_header(h) for h in headers]:
        return False
    if not sum(character.isdigit() for character in row[0]) >= 6:
        for cell in row:
            text = normalize_header(cell)
            if any(text == word or text.startswith(word + " ") for word in TOTAL_WORDS):
                return False
    return True


@st.composite
def tables(draw, text=TEXT):
    extra = draw(st.lists(st.sampled_from(["ALAMAT", "RT", "RW", "DESIL", "CATATAN", "PKH"]),
                          unique=True, max_size=4))
    headers = ["NIK", "NAMA"] + extra
    rows = draw(st.lists(st.lists(text, min_size=len(headers), max_size=len(headers)),
                         min_size=1, max_size=15))
    rows = [row for row in rows if _is_record(row, headers)]
    assume(rows)
    assume(all(header_score(row) < 2 for row in rows))
    return headers, rows


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.filter_too_much])
@given(table=tables(), delimiter=st.sampled_from([",", ";", "|", "\t"]),
       encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]))
def test_csv_roundtrip(tmp_path_factory, table, delimiter, encoding):
    headers, rows = table
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows([headers] + rows)
    path = tmp_path_factory.mktemp("csv") / "t.csv"
    path.write_bytes(buffer.getvalue().encode(encoding))
    result = read_table(str(path), delimiter=delimiter)
    assert result.headers == headers
    assert result.rows == [(index + 2, row) for index, row in enumerate(rows)]
    assert result.rejected == []


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.filter_too_much])
@given(table=tables(text=CP1252_TEXT))
def test_cp1252_roundtrip_detected(tmp_path_factory, table):
    headers, rows = table
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=";", lineterminator="\r\n").writerows([headers] + rows)
    path = tmp_path_factory.mktemp("cp") / "t.csv"
    path.write_bytes(buffer.getvalue().encode("cp1252"))
    result = read_table(str(path), delimiter=";")
    assert result.rows == [(index + 2, row) for index, row in enumerate(rows)]


XLSX_TEXT = st.text(alphabet=st.characters(
    blacklist_categories=("Cs", "Cc"), blacklist_characters="\x00\ufffe\uffff"), max_size=12)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.filter_too_much])
@given(table=tables(text=XLSX_TEXT))
def test_xlsx_roundtrip(tmp_path_factory, table):
    headers, rows = table
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row_number, row in enumerate([headers] + rows, start=1):
        for column, value in enumerate(row, start=1):
            if value != "":
                cell = sheet.cell(row=row_number, column=column, value=value)
                # openpyxl would store "=0" as a formula; a clerk's text stays text.
                cell.data_type = "s"
    path = tmp_path_factory.mktemp("xlsx") / "t.xlsx"
    workbook.save(path)
    result = read_table(str(path))
    assert result.rows == [(index + 2, row) for index, row in enumerate(rows)]
    assert result.rejected == []
