"""Reading DTKS tables: formats, header detection, non-record rows, accounting."""

import datetime
import hashlib

import openpyxl
import pytest

from dtks_spasial.plugin.core.table_reader import TableReadError, read_table

HEADER = "NIK,NO_KK,NAMA,JENIS_KELAMIN,TGL_LAHIR,KODE_WILAYAH,DESA"


def _write(path, text, encoding="utf-8"):
    path.write_bytes(text.encode(encoding))
    return path


def test_csv_rows_and_numbers(tmp_path):
    path = _write(tmp_path / "a.csv", HEADER + "\n"
                  "1704075207560001,1704071803060001,Suryani,P,12-07-1956,17.04.07.2015,Pasar Baru\n"
                  "'1704066806910001,1704060506130002,Yuli,P,28-06-1991,1704062015,Tanjung Agung\n")
    table = read_table(str(path))
    assert table.headers == HEADER.split(",")
    assert [baris for baris, _ in table.rows] == [2, 3]
    assert table.rows[1][1][0] == "'1704066806910001"
    assert table.mapping["nik"] == 0
    assert table.mapping["kode_wilayah"] == 5
    assert table.rejected == []
    assert table.delimiter == ","


def test_non_records_rejected_with_reason(tmp_path):
    path = _write(tmp_path / "b.csv", HEADER + "\n"
                  "1704075207560001,1704071803060001,Suryani,P,12-07-1956,17.04.07.2015,Pasar Baru\n"
                  ",,,,,,\n"
                  + HEADER + "\n"
                  "1704066806910001,1704060506130002,Yuli,P,28-06-1991,17.04.06.2015,Tanjung\n"
                  "JUMLAH,,,,,,2\n")
    table = read_table(str(path))
    assert [baris for baris, _ in table.rows] == [2, 5]
    assert [(baris, reason) for baris, reason, _ in table.rejected] == [
        (3, "baris_kosong"), (4, "header_berulang"), (6, "baris_jumlah")]
    assert table.rows_read == 5


def test_semicolon_cp1252_and_title_block(tmp_path):
    text = ("DATA PENERIMA BANSOS DESA SUKAMAJU;;\n"
            "Tahun 2026;;\n"
            "NIK;NAMA;DESA\n"
            "1704075207560001;Suryani Nainggolan;Pasar Baru\n"
            "1704066806910001;Jos\u00e9 Ra\u00efs;Tanjung\n")
    path = _write(tmp_path / "c.csv", text, "cp1252")
    table = read_table(str(path))
    assert table.header_row == 3
    assert table.delimiter == ";"
    assert table.encoding == "cp1252"
    assert [baris for baris, _ in table.rows] == [4, 5]
    assert table.rows[1][1][1] == "Jos\u00e9 Ra\u00efs"
    assert [(baris, reason) for baris, reason, _ in table.rejected] == [
        (1, "baris_judul"), (2, "baris_judul")]
    assert table.rejected[0][2] == ["DATA PENERIMA BANSOS DESA SUKAMAJU", "", ""]
    assert table.rows_read == 4


def test_utf16_tab_delimited(tmp_path):
    path = _write(tmp_path / "d.txt", "\ufeffNIK\tNAMA\n1704075207560001\tSuryani\n", "utf-16-le")
    table = read_table(str(path))
    assert table.delimiter == "\t"
    assert table.rows == [(2, ["1704075207560001", "Suryani"])]


def test_quoted_field_with_newline(tmp_path):
    path = _write(tmp_path / "e.csv", 'NIK,NAMA,ALAMAT\n1704075207560001,Suryani,"Jl. Merdeka, No. 7\nRT 01"\n'
                  "1704066806910001,Yuli,Dusun I\n")
    table = read_table(str(path))
    assert [baris for baris, _ in table.rows] == [2, 3]
    assert table.rows[0][1][2] == "Jl. Merdeka, No. 7\nRT 01"


def test_source_file_unchanged(tmp_path):
    path = _write(tmp_path / "f.csv", HEADER + "\n,,,,,,\n")
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    read_table(str(path))
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_xlsx_keeps_nik_text_and_dates(tmp_path):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Penerima"
    sheet.append(["Daftar penerima"])
    sheet.append([])
    sheet.append(["NIK", "NAMA", "TGL_LAHIR", "DESIL"])
    sheet.append(["1704075207560001", "Suryani", datetime.datetime(1956, 7, 12), 2])
    sheet.append([1704066806910001, "Yuli", "28-06-1991", 1])
    sheet.append(["TOTAL", None, None, 3])
    path = tmp_path / "g.xlsx"
    workbook.save(path)
    table = read_table(str(path))
    assert table.sheet == "Penerima"
    assert table.header_row == 3
    assert table.rows == [(4, ["1704075207560001", "Suryani", "1956-07-12", "2"]),
                          (5, ["1704066806910001.0", "Yuli", "28-06-1991", "1"])]
    assert [(baris, reason) for baris, reason, _ in table.rejected] == [
        (1, "baris_judul"), (2, "baris_kosong"), (6, "baris_jumlah")]
    assert table.rows_read == 5


def test_wider_rows_keep_extra_values(tmp_path):
    path = _write(tmp_path / "h.csv", "NIK,NAMA\n1704075207560001,Suryani,catatan\n")
    table = read_table(str(path))
    assert table.headers == ["NIK", "NAMA", "kolom_3"]
    assert table.rows == [(2, ["1704075207560001", "Suryani", "catatan"])]


def test_missing_and_unsupported_files(tmp_path):
    with pytest.raises(TableReadError):
        read_table(str(tmp_path / "tidak_ada.csv"))
    other = _write(tmp_path / "x.pdf", "%PDF")
    with pytest.raises(TableReadError):
        read_table(str(other))
    empty = _write(tmp_path / "kosong.csv", "")
    with pytest.raises(TableReadError):
        read_table(str(empty))
