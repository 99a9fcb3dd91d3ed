"""Every kind of table clerks produce: formats, encodings, mappings and value repairs."""

import datetime
import hashlib
import zipfile

import openpyxl
import pytest
import xlwt

from dtks_spasial.plugin.core import recipients as recipient_rules
from dtks_spasial.plugin.core.column_mapping import (
    MappingPresets, mapping_from_text, mapping_to_text,
)
from dtks_spasial.plugin.core.regions import CodeList, normalize_code
from dtks_spasial.plugin.core.table_reader import TableReadError, list_sheets, read_table
from dtks_spasial.plugin.gis.pipeline import ImportOptions, import_recipients

ROWS = [
    ["1704075207560001", "Suryani", "12-07-1956"],
    ["1704066806910001", "Yuli Hidayat", "28-06-1991"],
]


def _sha(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _csv(tmp_path, text, name="t.csv", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def _parse(table, code_list=None):
    return recipient_rules.parse_rows(table, code_list=code_list)


@pytest.mark.parametrize("delimiter", [",", ";", "|", "\t"])
def test_csv_delimiters_detected(tmp_path, delimiter):
    lines = [delimiter.join(["NIK", "NAMA", "TGL_LAHIR"])] + [delimiter.join(row) for row in ROWS]
    path = _csv(tmp_path, "\n".join(lines) + "\n")
    table = read_table(str(path))
    assert table.delimiter == delimiter
    assert [values for _, values in table.rows] == ROWS


@pytest.mark.parametrize("encoding, expected", [
    ("utf-8-sig", "utf-8"), ("utf-16", "utf-16"), ("cp1252", "cp1252")])
def test_csv_encodings_detected(tmp_path, encoding, expected):
    path = _csv(tmp_path, "NIK;NAMA\n1704075207560001;Jos\u00e9 \u201cUcok\u201d\n", encoding=encoding)
    table = read_table(str(path))
    assert table.encoding == expected
    assert table.rows == [(2, ["1704075207560001", "Jos\u00e9 \u201cUcok\u201d"])]


def test_latin1_detected_and_override(tmp_path):
    # Byte 0x81 is undefined in Windows-1252, so only Latin-1 reads it.
    path = tmp_path / "latin.csv"
    path.write_bytes(b"NIK;NAMA\n1704075207560001;Ana\x81\xe9\n")
    table = read_table(str(path))
    assert table.encoding == "latin-1"
    assert table.rows[0][1][1] == "Ana\x81\u00e9"
    with pytest.raises(TableReadError, match="encoding utf-8"):
        read_table(str(path), encoding="utf-8")


def test_header_row_override(tmp_path):
    path = _csv(tmp_path, "Laporan\nNAMA;CATATAN\nNIK;NAMA\n1704075207560001;Suryani\n")
    detected = read_table(str(path))
    assert detected.header_row == 3
    forced = read_table(str(path), header_row=2)
    assert forced.headers == ["NAMA", "CATATAN"]
    assert [(baris, reason) for baris, reason, _ in forced.rejected] == [(1, "baris_judul")]
    assert [baris for baris, _ in forced.rows] == [3, 4]
    with pytest.raises(TableReadError, match="Header row 9"):
        read_table(str(path), header_row=9)


def test_xlsx_first_sheet_that_is_a_table(tmp_path):
    workbook = openpyxl.Workbook()
    notes = workbook.active
    notes.title = "Catatan"
    notes.append(["Data ini rahasia"])
    data = workbook.create_sheet("Data")
    data.append(["NO_NIK", "NAMA_KRT", "TANGGAL LAHIR"])
    data.append(["1704075207560001", "Suryani", datetime.datetime(1956, 7, 12)])
    data.append([1.70406680691e15, "Yuli", 33417])
    path = tmp_path / "b.xlsx"
    workbook.save(path)
    before = _sha(path)
    assert list_sheets(str(path)) == ["Catatan", "Data"]
    table = read_table(str(path))
    assert table.sheet == "Data"
    assert table.rows == [(2, ["1704075207560001", "Suryani", "1956-07-12"]),
                          (3, ["1704066806910000.0", "Yuli", "33417"])]
    people = _parse(table)
    assert people[0].tgl_lahir == datetime.date(1956, 7, 12)
    assert people[1].problems == ["nik_rusak_excel"]
    assert people[1].tgl_lahir == datetime.date(1991, 6, 28)
    assert read_table(str(path), sheet="Catatan").rows == []
    assert _sha(path) == before


def test_xls_numbers_dates_and_text(tmp_path):
    workbook = xlwt.Workbook()
    sheet = workbook.add_sheet("Penerima")
    date_style = xlwt.easyxf(num_format_str="DD-MM-YYYY")
    for column, header in enumerate(["NIK", "NAMA", "TGL_LAHIR", "DESIL"]):
        sheet.write(0, column, header)
    sheet.write(1, 0, "1704075207560001")
    sheet.write(1, 1, "Suryani")
    sheet.write(1, 2, datetime.date(1956, 7, 12), date_style)
    sheet.write(1, 3, 2)
    sheet.write(2, 0, 3.27301e15)
    sheet.write(2, 1, "Yuli")
    sheet.write(2, 2, "28/06/1991")
    sheet.write(2, 3, 1)
    sheet.write(4, 0, "JUMLAH")
    sheet.write(4, 3, 3)
    path = tmp_path / "c.xls"
    workbook.save(str(path))
    table = read_table(str(path))
    assert table.sheet == "Penerima"
    assert table.rows == [(2, ["1704075207560001", "Suryani", "1956-07-12", "2"]),
                          (3, ["3273010000000000.0", "Yuli", "28/06/1991", "1"])]
    assert [(baris, reason) for baris, reason, _ in table.rejected] == [
        (4, "baris_kosong"), (5, "baris_jumlah")]
    assert _parse(table)[1].problems == ["nik_rusak_excel"]


def _write_ods(path, rows):
    """Write a minimal .ods with text cells and, for datetime.date values, date cells."""
    body = []
    for row in rows:
        cells = []
        for value in row:
            if isinstance(value, datetime.date):
                cells.append(f'<table:table-cell office:value-type="date" '
                             f'office:date-value="{value.isoformat()}"><text:p>x</text:p>'
                             f'</table:table-cell>')
            elif isinstance(value, float):
                cells.append(f'<table:table-cell office:value-type="float" office:value="{value!r}">'
                             f'<text:p>{value}</text:p></table:table-cell>')
            elif value == "":
                cells.append('<table:table-cell table:number-columns-repeated="2"/>')
            else:
                cells.append(f'<table:table-cell office:value-type="string"><text:p>{value}'
                             f'</text:p></table:table-cell>')
        body.append("<table:table-row>" + "".join(cells) + "</table:table-row>")
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        '<office:body><office:spreadsheet><table:table table:name="DTSEN">'
        + "".join(body)
        + '<table:table-row table:number-rows-repeated="1048000"><table:table-cell '
          'table:number-columns-repeated="1024"/></table:table-row>'
        '</table:table></office:spreadsheet></office:body></office:document-content>')
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content)


def test_ods_sheet(tmp_path):
    path = tmp_path / "d.ods"
    _write_ods(path, [["NIK", "NAMA", "TGL_LAHIR", "LINTANG"],
                      ["1704075207560001", "Suryani", datetime.date(1956, 7, 12), -4.918172],
                      ["", "", "", ""],
                      ["1704066806910001", "Yuli", "28-06-1991", 1.0]])
    table = read_table(str(path))
    assert table.sheet == "DTSEN"
    assert table.rows == [(2, ["1704075207560001", "Suryani", "1956-07-12", "-4.918172"]),
                          (4, ["1704066806910001", "Yuli", "28-06-1991", "1"])]
    assert [(baris, reason) for baris, reason, _ in table.rejected] == [(3, "baris_kosong")]


def test_damaged_spreadsheet_message(tmp_path):
    path = tmp_path / "rusak.xlsx"
    path.write_bytes(b"bukan excel")
    with pytest.raises(TableReadError, match="cannot be opened"):
        read_table(str(path))
    ods = tmp_path / "rusak.ods"
    ods.write_bytes(b"bukan ods")
    with pytest.raises(TableReadError, match="cannot be opened"):
        read_table(str(ods))


@pytest.mark.parametrize("headers, field", [
    (["NO_NIK", "NAMA"], "nik"), (["NOMOR INDUK KEPENDUDUKAN", "NAMA"], "nik"),
    (["NIK", "NOKK"], "no_kk"), (["NIK", "Nomor KK"], "no_kk"),
    (["NIK", "Nama Lengkap"], "nama"), (["NIK", "NAMA KEPALA KELUARGA"], "nama"),
    (["NIK", "nama_krt"], "nama"), (["NIK", "L/P"], "jenis_kelamin"),
    (["NIK", "KDDESA"], "kode_wilayah"), (["NIK", "ID_DESA"], "kode_wilayah"),
    (["NIK", "KAB_KOTA"], "kabupaten"), (["NIK", "DESA_KELURAHAN"], "desa"),
    (["NIK", "Lintang"], "latitude"), (["NIK", "BUJUR"], "longitude"),
    (["NIK", "Koordinat"], "koordinat"), (["NIK", "Jenis Bantuan"], "program"),
])
def test_header_variants(tmp_path, headers, field):
    path = _csv(tmp_path, ";".join(headers) + "\n1704075207560001;x\n")
    expected = 0 if field == "nik" else 1
    assert read_table(str(path)).mapping[field] == expected


def test_mapping_override_and_presets(tmp_path):
    path = _csv(tmp_path, "ID;NAMA;NAMA IBU\n1704075207560001;Suryani;Aminah\n")
    override = mapping_from_text("nik=ID;nama=NAMA")
    table = read_table(str(path), mapping_override=override)
    assert table.mapping == {"nik": 0, "nama": 1}
    assert mapping_to_text(table.mapping, table.headers) == "nik=ID;nama=NAMA"
    unmapped = read_table(str(path), mapping_override={"nama": None})
    assert "nama" not in unmapped.mapping
    twice = _csv(tmp_path, "ID;NAMA;ID\n1;Suryani;2\n", name="twice.csv")
    assert read_table(str(twice), mapping_override={"nik": "ID"}).mapping["nik"] == 0
    with pytest.raises(ValueError, match="nomor"):
        mapping_from_text("nomor=ID")

    class Store(dict):
        def value(self, key, default=None):
            return self.get(key, default)

        def setValue(self, key, value):  # noqa: N802 (QgsSettings API)
            self[key] = value

        def remove(self, key):
            self.pop(key, None)

    presets = MappingPresets(Store())
    presets.save("SIKS-NG desa", {"nik": "ID", "nama": "NAMA"})
    presets.save("BNBA", {"nik": "NIK ART"})
    assert presets.names() == ["BNBA", "SIKS-NG desa"]
    assert presets.load("SIKS-NG desa") == {"nik": "ID", "nama": "NAMA"}
    presets.delete("BNBA")
    assert presets.names() == ["SIKS-NG desa"]
    assert MappingPresets.PREFIX + "BNBA" not in presets.store


def test_nik_flags(tmp_path):
    codes = CodeList(["17.04.07", "17.04.06"])
    path = _csv(tmp_path, "NIK;NO_KK;JK;TGL_LAHIR\n"
                "'1704 0752 0756 0001;1704.0718.0306.0001;P;12-07-1956\n"
                "3.27301E+15;1704071803060001;L;01-01-1980\n"
                "1704065207560001.0;;P;12-07-1956\n"
                "9999995207560001;;P;12-07-1956\n"
                "1704075207560001;;L;12-07-1956\n"
                "1704071313560001;;L;13-13-1956\n")
    people = _parse(read_table(str(path)), codes)
    assert [person.nik for person in people] == [
        "1704075207560001", "3.27301E+15", "1704065207560001.0", "9999995207560001",
        "1704075207560001", "1704071313560001"]
    assert people[0].no_kk == "1704071803060001"
    assert [person.problems for person in people] == [
        [], ["nik_rusak_excel"], ["nik_rusak_excel"], ["nik_kode_wilayah_tidak_dikenal"],
        ["nik_beda_tgl_lahir"], ["tgl_lahir_tidak_valid", "nik_tanggal_tidak_valid"]]


def test_rounded_nik_column_flagged(tmp_path):
    rows = [f"17040752075{index:04d}0" for index in range(12)] + ["1704075207560001"]
    path = _csv(tmp_path, "NIK\n" + "\n".join(rows) + "\n")
    people = _parse(read_table(str(path)))
    flagged = [person.nik for person in people if "nik_rusak_excel" in person.problems]
    assert len(flagged) == 12
    assert people[-1].problems == []


def test_dates_ambiguous_and_formats(tmp_path):
    path = _csv(tmp_path, "NIK;TGL_LAHIR\n"
                "1704070305900001;05/03/1990\n"   # The NIK encodes 3 May: month-first reading
                "1704070305900001;03/05/1990\n"   # day-first agrees with the NIK
                "1704070107900001;03/05/1990\n"   # The NIK encodes 1 July: neither reading
                "1704071708850001;17 Agustus 1985\n"
                "1704071708850001;17-Agu-85\n"
                "1704071708850001;31276\n"
                "1704071708850001;1985-08-17\n")
    people = _parse(read_table(str(path)))
    assert [person.tgl_lahir for person in people] == [
        datetime.date(1990, 5, 3), datetime.date(1990, 5, 3), None,
        datetime.date(1985, 8, 17), datetime.date(1985, 8, 17), datetime.date(1985, 8, 17),
        datetime.date(1985, 8, 17)]
    assert people[2].problems == ["tgl_lahir_ambigu"]
    assert people[2].values[1] == "03/05/1990"


def test_coordinates_dms_combined_and_out_of_range(tmp_path):
    path = _csv(tmp_path, "NIK|KOORDINAT\n"
                "1704075207560001|-4.918172, 103.556346\n"
                "1704075207560001|4\u00b037'50\" LS, 103\u00b016'12\" BT\n"
                "1704075207560001|103,556346; -4,918172\n"
                "1704075207560001|0, 0\n"
                "1704075207560001|52.52, 13.40\n"
                "1704075207560001|dekat masjid\n")
    people = _parse(read_table(str(path)))
    assert [(person.lat, person.lon) for person in people] == [
        (-4.918172, 103.556346), (pytest.approx(-4.630556, abs=1e-6), pytest.approx(103.27)),
        (-4.918172, 103.556346), (None, None), (52.52, 13.40), (None, None)]
    assert [person.problems for person in people] == [
        [], [], ["koordinat_tertukar"], [], ["koordinat_di_luar_indonesia"],
        ["koordinat_tidak_valid"]]


def test_utm_coordinates_with_crs(tmp_path, qgis_app):
    from qgis.core import (
        QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsCoordinateTransformContext,
        QgsPointXY,
    )

    # A point in Kaur (UTM zone 48S), written as easting and northing.
    utm = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"),
                                 QgsCoordinateReferenceSystem("EPSG:32748"),
                                 QgsCoordinateTransformContext()).transform(
        QgsPointXY(103.556346, -4.918172))
    easting, northing = round(utm.x(), 2), round(utm.y(), 2)
    assert 166000 < easting < 834000
    path = _csv(tmp_path, "NIK;LATITUDE;LONGITUDE\n"
                f"1704075207560001;{northing};{easting}\n"
                f"1704075207560001;{easting};{northing}\n")
    _, people = import_recipients(str(path), options=ImportOptions(coordinate_crs="EPSG:32748"))
    assert people[0].lat == pytest.approx(-4.918172, abs=1e-6)
    assert people[0].lon == pytest.approx(103.556346, abs=1e-6)
    assert people[0].problems == []
    assert (people[1].lat, people[1].lon) == (people[0].lat, people[0].lon)
    assert people[1].problems == ["koordinat_tertukar"]


@pytest.mark.parametrize("raw, expected", [
    ("17.4.1.2001", "17.04.01.2001"), ("17.04.1", "17.04.01"), ("17-04-01-2001", "17.04.01.2001"),
    ("17.4", None), ("170401200", None), ("1704012001.0", "17.04.01.2001"),
    ("17.04.01.20011", None),
])
def test_region_code_zeros(raw, expected):
    assert normalize_code(raw) == expected


def test_region_code_flags(tmp_path):
    codes = CodeList(["17.04.01.2001", "17.04.07"])
    path = _csv(tmp_path, "NIK;KODE_DESA\n"
                "1704075207560001;17.4.1.2001\n"
                "1704075207560001;17.04.01.2999\n"
                "1704075207560001;17.4\n")
    people = _parse(read_table(str(path)), codes)
    assert [person.kode_wilayah for person in people] == ["17.04.01.2001", "17.04.01.2999", ""]
    assert [person.problems for person in people] == [
        [], ["kode_wilayah_tidak_dikenal"], ["kode_wilayah_tidak_valid"]]


def test_code_list_from_shared_csv(data_dir):
    codes = CodeList.from_csv(str(data_dir / "wilayah_kemendagri.csv"))
    assert len(codes) == 91599
    assert "17.04.01.2001" in codes
    assert codes.knows_nik_district("1704075207560001")
    assert not codes.knows_nik_district("1799075207560001")


def test_preview_reads_only_the_start(tmp_path):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["NIK", "NAMA"])
    for index in range(500):
        sheet.append([f"17040752075600{index % 100:02d}", f"Orang {index}"])
    path = tmp_path / "besar.xlsx"
    workbook.save(path)
    preview = read_table(str(path), max_rows=20)
    assert preview.headers == ["NIK", "NAMA"]
    assert [baris for baris, _ in preview.rows] == list(range(2, 22))
    csv_path = _csv(tmp_path, "NIK;NAMA\n" + "".join(f"1704075207560{index:03d};x\n"
                                                      for index in range(300)))
    assert len(read_table(str(csv_path), max_rows=5).rows) == 5


def test_accounting_every_row(tmp_path):
    text = ("DAFTAR PENERIMA\n\nNIK,NAMA\n1704075207560001,Suryani\n,\nNIK,NAMA\n"
            "1704066806910001,Yuli\nTOTAL,2\n")
    path = _csv(tmp_path, text)
    before = _sha(path)
    table = read_table(str(path))
    assert table.rows_read == 7
    assert len(table.rows) + len(table.rejected) == table.rows_read
    assert sorted([baris for baris, _ in table.rows]
                  + [baris for baris, _, _ in table.rejected]) == [1, 2, 4, 5, 6, 7, 8]
    assert _sha(path) == before
