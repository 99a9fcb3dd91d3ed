"""Village lookup by code and name, and the duplicate rules with their hard negatives."""

import datetime

from dtks_spasial.plugin.core.duplicates import (
    Person, find_groups, name_similarity, nik_one_typo, normalize_person_name,
)
from dtks_spasial.plugin.core.matching import Village, VillageIndex

VILLAGES = [
    Village("17.04.15.2002", "Bungin Tambun", "Padang Guci Hulu", "Kabupaten Kaur"),
    Village("17.04.15.2003", "Bungin Tambun II", "Padang Guci Hulu", "Kabupaten Kaur"),
    Village("17.04.15.2004", "Bungin Tambun III", "Padang Guci Hulu", "Kabupaten Kaur"),
    Village("17.04.11.2005", "Ulak Bandung", "Muara Sahung", "Kabupaten Kaur"),
    Village("17.04.05.2026", "Sawah Jangkung", "Kaur Selatan", "Kabupaten Kaur"),
    Village("17.04.07.2015", "Pasar Baru", "Nasal", "Kabupaten Kaur"),
    Village("17.71.01.1001", "Pasar Baru", "Gading Cempaka", "Kota Bengkulu"),
]


def test_village_by_code():
    index = VillageIndex(VILLAGES)
    assert index.by_code("17.04.11.2005").name == "Ulak Bandung"
    assert index.by_code("17.04.11.9999") is None


def test_village_by_name_numerals_and_prefixes():
    index = VillageIndex(VILLAGES)
    assert index.by_name("BUNGIN TAMBUN III", "PADANG GUCI HULU", "KABUPATEN KAUR") == (
        "17.04.15.2004", 100.0)
    assert index.by_name("Desa Bungin Tambun 2", "Padang Guci Hulu", "Kaur")[0] == "17.04.15.2003"
    assert index.by_name("Bungin Tambun", "Padang Guci Hulu", "Kaur")[0] == "17.04.15.2002"


def test_village_by_name_typos():
    index = VillageIndex(VILLAGES)
    code, score = index.by_name("Ulak andung", "MUARA SAHUNG", "KABUPATEN KAUR")
    assert code == "17.04.11.2005"
    assert round(score, 1) == 95.2
    assert index.by_name("Sawh Jangkung", "KAUR SELATAN", "KABUPATEN KAUR")[0] == "17.04.05.2026"


def test_village_by_name_within_regency():
    index = VillageIndex(VILLAGES)
    assert index.by_name("Pasar Baru", "Nasal", "Kabupaten Kaur")[0] == "17.04.07.2015"
    assert index.by_name("Pasar Baru", "Gading Cempaka", "Kota Bengkulu")[0] == "17.71.01.1001"


def test_village_by_name_without_parent_names():
    # A boundary layer mapped with only its code and name fields: the
    # table's district and regency names cannot narrow the search.
    index = VillageIndex([Village(village.code, village.name) for village in VILLAGES])
    assert index.by_name("Ulak Bandung", "MUARA SAHUNG", "KABUPATEN KAUR") == (
        "17.04.11.2005", 100.0)
    assert index.by_name("Pasar Baru", "Nasal", "Kabupaten Kaur") == (None, 100.0)


def test_village_by_name_no_match():
    index = VillageIndex(VILLAGES)
    code, score = index.by_name("Sukamaju", "Nasal", "Kabupaten Kaur")
    assert code is None
    assert round(score, 1) == 47.6
    assert index.by_name("", "Nasal", "Kabupaten Kaur") == (None, 0.0)


def test_person_names():
    assert normalize_person_name("H. Moh. Rasyid, S.Pd.") == "MUHAMMAD RASYID"
    assert normalize_person_name("St. Aminah") == "SITI AMINAH"
    assert normalize_person_name("Jamal H.") == "JAMAL H"
    assert name_similarity("IRWAN S", "IRWAN SETIAWAN") == 100.0


def test_nik_one_typo():
    assert nik_one_typo("1704012607580001", "1704012607580901")
    assert nik_one_typo("1704012607580001", "1704012607580010")
    assert not nik_one_typo("1704012607580001", "1704012607580001")
    assert not nik_one_typo("1704012607580001", "1704012607581101")


def _person(index, nik, kk, name, date, sex, village):
    return Person(index, nik, kk, name, datetime.date(*date), sex, village)


def test_groups_for_each_rule():
    people = [
        _person(0, "1704075207560001", "1704071803060001", "Suryani", (1956, 7, 12), "P", "17.04.07.2015"),
        _person(1, "1704075207560001", "1704071803060001", "SURYANI", (1956, 7, 12), "P", "17.04.07.2019"),
        _person(2, "1704012607580001", "1704011708110001", "RASYID LESTARI", (1958, 7, 26), "L", "17.04.01.2008"),
        _person(3, "1704012607580901", "1704011708110001", "Rasyid Lestari", (1958, 7, 26), "L", "17.04.01.2008"),
        _person(4, "1704090101800001", "1704091111110001", "Ahmad Fauzi", (1980, 1, 1), "L", "17.04.09.2003"),
        _person(5, "1704099999999991", "1704092222220001", "AHMAD FAUZI", (1980, 1, 1), "L", "17.04.09.2005"),
        _person(6, "1704140101900001", "1704141111110001", "Siti Aminah", (1990, 1, 1), "P", "17.04.14.2003"),
    ]
    groups = find_groups(people)
    assert groups[0] == ("D00001", "NIK sama di desa berbeda (pindah domisili?); "
                                   "Nomor KK sama di desa berbeda")
    assert groups[1] == groups[0]
    assert groups[2] == ("D00002", "NIK beda satu digit, nama mirip, tanggal lahir sama")
    assert groups[3] == groups[2]
    assert groups[4] == ("D00003", "Nama mirip, tanggal lahir dan jenis kelamin sama, kecamatan "
                                   "sama; Satu orang tercatat di dua KK")
    assert groups[5] == groups[4]
    assert 6 not in groups


def test_hard_negatives_stay_apart():
    people = [
        # Twins in one family card: one birth date, one surname, NIKs one digit apart.
        _person(0, "1704071802140002", "1704070103070001", "ANDI SUTRISNO", (2014, 2, 18), "L", "17.04.07.2016"),
        _person(1, "1704071802140003", "1704070103070001", "RASYID SUTRISNO", (2014, 2, 18), "L", "17.04.07.2016"),
        # Same common name and birth date, consecutive serials: two registered people.
        _person(2, "1704062202890001", "1704060809160001", "Kurniawan", (1989, 2, 22), "L", "17.04.06.2017"),
        _person(3, "1704062202890002", "1704062802180001", "Kurniawan", (1989, 2, 22), "L", "17.04.06.2020"),
        # Same name and birth date in different districts.
        _person(4, "1704011111800001", "1704011111110001", "Muhammad Nur", (1980, 11, 11), "L", "17.04.01.2001"),
        _person(5, "1704121111800001", "1704121111110001", "M. Nur", (1980, 11, 11), "L", "17.04.12.2001"),
    ]
    assert find_groups(people) == {}
