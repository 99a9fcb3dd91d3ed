"""Parsing of single values: NIK, dates, coordinates, region codes and names."""

import datetime

import pytest

from dtks_spasial.plugin.core import coordinates, dates, nik, regions


@pytest.mark.parametrize("raw, expected", [
    ("1704075207560001", "1704075207560001"),
    ("'1704075207560001", "1704075207560001"),
    (" 1704 0752 0756 0001 ", "1704075207560001"),
    ("1704.0752.0756.0001", "1704075207560001"),
    ("1704-0752-0756-0001", "1704075207560001"),
    ("1.70408E+15", "1.70408E+15"),
    ("1704075207560001.0", "1704075207560001.0"),
])
def test_clean_number(raw, expected):
    assert nik.clean_number(raw) == expected


def test_nik_problems_valid_woman():
    assert nik.nik_problems("1704075207560001", datetime.date(1956, 7, 12), "P") == []


def test_nik_problems_codes():
    assert nik.nik_problems("") == ["nik_kosong"]
    assert nik.nik_problems("1.70408E+15") == ["nik_rusak_excel"]
    assert nik.nik_problems("17040752075600") == ["nik_bukan_16_digit"]
    assert nik.nik_problems("1704079913560001") == ["nik_tanggal_tidak_valid"]
    assert nik.nik_problems("1704075207560001", datetime.date(1956, 7, 13), "P") == [
        "nik_beda_tgl_lahir"]
    assert nik.nik_problems("1704075207560001", datetime.date(1956, 7, 12), "L") == [
        "nik_beda_tgl_lahir"]


def test_birth_date_from_nik():
    assert nik.birth_date_from_nik("1704075207560001") == (datetime.date(1956, 7, 12), "P")
    assert nik.birth_date_from_nik("1704071211150001") == (datetime.date(2015, 11, 12), "L")
    assert nik.birth_date_from_nik("123") == (None, None)


@pytest.mark.parametrize("raw, expected", [
    ("12-07-1956", datetime.date(1956, 7, 12)),
    ("12/07/1956", datetime.date(1956, 7, 12)),
    ("1956-07-12", datetime.date(1956, 7, 12)),
    ("17 Agustus 1985", datetime.date(1985, 8, 17)),
    ("17-Agu-85", datetime.date(1985, 8, 17)),
    ("20648", datetime.date(1956, 7, 12)),
    ("31-02-1990", None),
    ("kemarin", None),
    ("", None),
])
def test_parse_date(raw, expected):
    assert dates.parse_date(raw) == expected


def test_parse_date_ambiguous_uses_hint():
    assert dates.parse_date("03-05-1990") == datetime.date(1990, 5, 3)
    assert dates.parse_date("03-05-1990", hint=datetime.date(1990, 3, 5)) == datetime.date(1990, 3, 5)


@pytest.mark.parametrize("lat, lon, expected", [
    ("-4.918172", "103.556346", (-4.918172, 103.556346, False, [])),
    ("-4,918172", "103,556346", (-4.918172, 103.556346, False, [])),
    ("103.272466", "-4.482285", (-4.482285, 103.272466, True, ["koordinat_tertukar"])),
    ("", "", (None, None, False, [])),
    ("0", "0", (None, None, False, [])),
    ("abc", "103.1", (None, None, False, ["koordinat_tidak_valid"])),
    ("40.7", "-74.0", (40.7, -74.0, False, ["koordinat_di_luar_indonesia"])),
])
def test_read_point(lat, lon, expected):
    assert coordinates.read_point(lat, lon) == expected


def test_parse_degrees_dms():
    assert coordinates.parse_degrees("4°37'50\" LS") == pytest.approx(-4.630556, abs=1e-6)
    assert coordinates.parse_degrees("103°16'12\" BT") == pytest.approx(103.27, abs=1e-6)


@pytest.mark.parametrize("raw, expected", [
    ("17.04.01.2001", "17.04.01.2001"),
    ("1704012001", "17.04.01.2001"),
    ("17.04", "17.04"),
    ("1704", "17.04"),
    ("17", "17"),
    ("170401200", None),
    ("abc", None),
    ("", None),
])
def test_normalize_code(raw, expected):
    assert regions.normalize_code(raw) == expected


@pytest.mark.parametrize("raw, expected", [
    ("Desa Sukamaju II", "SUKAMAJU 2"),
    ("DS. SUKAMAJU 2", "SUKAMAJU 2"),
    ("KEL.  Pasar   Baru", "PASAR BARU"),
    ("Kabupaten Kaur", "KAUR"),
    ("Desa", "DESA"),
    ("Air KeringII", "AIR KERING 2"),
    ("Talang JawiI", "TALANG JAWI 1"),
    ("Pati", "PATI"),
    ("Kel. Pasar Baru XII", "PASAR BARU 12"),
])
def test_normalize_name(raw, expected):
    assert regions.normalize_name(raw) == expected
