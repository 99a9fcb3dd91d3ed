"""The duplicate engine: each rule, each hard negative, threshold, chaining guard and decisions."""

import datetime

from qgis.core import QgsVectorLayer

from dtks_spasial.plugin.core import records
from dtks_spasial.plugin.core.duplicates import (
    DEFAULT_THRESHOLD, KEPUTUSAN_BUKAN_DUPLIKAT, KEPUTUSAN_HAPUS, KEPUTUSAN_SIMPAN,
    MAX_GROUP_SIZE, Person, decide_group, find_duplicates, member_key, merge_decisions,
    split_weak_links,
)
from dtks_spasial.plugin.gis import pipeline
from dtks_spasial.plugin.gis.duplicates_store import read_decisions, write_decisions

TEXT = records.DUP_REASON_TEXT


def _person(index, nik, kk, name, date, sex, village):
    return Person(index, nik, kk, name, datetime.date(*date), sex, village,
                  key=member_key(index + 2, nik))


def _groups(result) -> list:
    """Return the groups as sorted lists of row indexes, in group id order."""
    return [sorted(group.members) for group in result.groups]


# One row group per rule, each far from the others (own district and date).
RULE_ROWS = [
    # Same NIK in one village: entered twice.
    _person(0, "3204011203800001", "3204010101100001", "Asep Hidayat", (1980, 3, 12), "L", "32.04.01.2001"),
    _person(1, "3204011203800001", "3204010101100001", "ASEP HIDAYAT", (1980, 3, 12), "L", "32.04.01.2001"),
    # Same NIK in another regency (moved), new KK there.
    _person(2, "3273024505750001", "3273020202120001", "Siti Rahayu", (1975, 5, 5), "P", "32.73.02.1001"),
    _person(3, "3273024505750001", "3205150303180001", "SITI RAHAYU", (1975, 5, 5), "P", "32.05.15.2004"),
    # One digit of the NIK's date part mistyped, name variant, same KK.
    _person(4, "3211051708650001", "3211050404040001", "Muhammad Fauzi", (1965, 8, 17), "L", "32.11.05.2003"),
    _person(5, "3211051798650001", "3211050404040001", "M. FAUZI", (1965, 8, 17), "L", "32.11.05.2003"),
    # Two adjacent digits swapped in the region part, same KK.
    _person(6, "3209126110900001", "3209120505050001", "Neng Komariah", (1990, 10, 21), "P", "32.09.12.2010"),
    _person(7, "3290126110900001", "3209120505050001", "NENG KOMARIAH", (1990, 10, 21), "P", "32.09.12.2010"),
    # Same name (title and abbreviation), birth date, sex and district, unrelated NIKs.
    _person(8, "3202140306550001", "3202140606060001", "H. Moh. Rasyid", (1955, 6, 3), "L", "32.02.14.2001"),
    _person(9, "3275010101010007", "3202140707070001", "MUHAMMAD RASYID", (1955, 6, 3), "L", "32.02.14.2005"),
    # One person in two KK of one village.
    _person(10, "3216066209880001", "3216060808080001", "Dewi Lestari", (1988, 9, 22), "P", "32.16.06.2007"),
    _person(11, "3216066209880001", "3216060909090001", "DEWI LESTARI", (1988, 9, 22), "P", "32.16.06.2007"),
    # Same KK number (and NIK) in two villages.
    _person(12, "3201311111700001", "3201311010100001", "Dadang Suryana", (1970, 11, 11), "L", "32.01.31.2002"),
    _person(13, "3201311111700001", "3201311010100001", "DADANG SURYANA", (1970, 11, 11), "L", "32.01.31.2009"),
    # A row alone.
    _person(14, "3217080101990001", "3217080101010001", "Yayat Sudrajat", (1999, 1, 1), "L", "32.17.08.2001"),
]


def test_each_rule_groups_its_rows():
    result = find_duplicates(RULE_ROWS)
    assert _groups(result) == [[0, 1], [2, 3], [4, 5], [6, 7], [8, 9], [10, 11], [12, 13]]
    assert [group.group_id for group in result.groups] == [
        "D00001", "D00002", "D00003", "D00004", "D00005", "D00006", "D00007"]
    assert 14 not in result.rows


def test_each_rule_gives_its_reasons():
    result = find_duplicates(RULE_ROWS)
    reasons = {group.group_id: group.reasons for group in result.groups}
    assert reasons["D00001"] == [records.DUP_SAME_NIK]
    assert reasons["D00002"] == [records.DUP_SAME_NIK_MOVED, records.DUP_TWO_KK]
    assert reasons["D00003"] == [records.DUP_NIK_TYPO]
    assert reasons["D00004"] == [records.DUP_NIK_TYPO]
    assert reasons["D00005"] == [records.DUP_SAME_PERSON, records.DUP_TWO_KK]
    assert reasons["D00006"] == [records.DUP_SAME_NIK, records.DUP_TWO_KK]
    assert reasons["D00007"] == [records.DUP_SAME_NIK_MOVED, records.DUP_KK_TWO_VILLAGES]
    assert result.rows[2][1] == (f"{TEXT[records.DUP_SAME_NIK_MOVED]}; "
                                 f"{TEXT[records.DUP_TWO_KK]}")


def test_rows_and_pairs_agree():
    result = find_duplicates(RULE_ROWS)
    for group in result.groups:
        for index in group.members:
            assert result.rows[index] == (group.group_id, result.rows[index][1], group.score)
    assert sorted((first, second) for first, second, _, _ in result.pairs) == [
        (0, 1), (2, 3), (4, 5), (6, 7), (8, 9), (10, 11), (12, 13)]
    for first, second, score, reasons in result.pairs:
        assert score >= DEFAULT_THRESHOLD
        assert reasons


HARD_NEGATIVES = [
    # Twins in one KK: one birth date, one surname, consecutive serials.
    _person(0, "3204071802140002", "3204070103070001", "ANDI SUTRISNO", (2014, 2, 18), "L", "32.04.07.2016"),
    _person(1, "3204071802140003", "3204070103070001", "RASYID SUTRISNO", (2014, 2, 18), "L", "32.04.07.2016"),
    # Twin sisters with names one letter apart.
    _person(2, "3204074506170001", "3204070909090001", "NANI SETIADI", (2017, 6, 5), "P", "32.04.07.2016"),
    _person(3, "3204074506170002", "3204070909090001", "WASTI SETIADI", (2017, 6, 5), "P", "32.04.07.2016"),
    # Same common name and birth date in different districts.
    _person(4, "3201011111800001", "3201011111110001", "Muhammad Rizki", (1980, 11, 11), "L", "32.01.01.2001"),
    _person(5, "3201121111800001", "3201121111110001", "M. Rizki", (1980, 11, 11), "L", "32.01.12.2001"),
    _person(6, "3201054707850001", "3201050101010001", "SITI AMINAH", (1985, 7, 7), "P", "32.01.05.2003"),
    _person(7, "3203154707850001", "3203150101010001", "St. Aminah", (1985, 7, 7), "P", "32.03.15.2003"),
    # Single names with one birth date in different districts.
    _person(8, "3208096003600001", "3208090202020001", "NUR", (1960, 3, 20), "P", "32.08.09.2004"),
    _person(9, "3208216003600001", "3208210202020001", "NUR", (1960, 3, 20), "P", "32.08.21.2004"),
    # One name and birth date in one district, NIKs one serial apart: two people.
    _person(10, "3204062202890001", "3204060809160001", "Kurniawan", (1989, 2, 22), "L", "32.04.06.2017"),
    _person(11, "3204062202890002", "3204062802180001", "Kurniawan", (1989, 2, 22), "L", "32.04.06.2020"),
]


def test_hard_negatives_stay_apart():
    result = find_duplicates(HARD_NEGATIVES)
    assert result.groups == []
    assert result.rows == {}


def test_hard_negatives_next_to_rules():
    result = find_duplicates(HARD_NEGATIVES + [
        _person(index + len(HARD_NEGATIVES), person.nik, person.no_kk, person.nama,
                (person.tgl_lahir.year, person.tgl_lahir.month, person.tgl_lahir.day),
                person.jenis_kelamin, person.kode_desa)
        for index, person in enumerate(RULE_ROWS)])
    assert _groups(result) == [[12, 13], [14, 15], [16, 17], [18, 19], [20, 21], [22, 23],
                               [24, 25]]


def test_threshold_moves_groups():
    result = find_duplicates(RULE_ROWS)
    weakest = min(result.pairs, key=lambda pair: pair[2])
    weakest_rows = sorted(weakest[:2])
    assert weakest[2] < 100.0
    # Pair scores are rounded to one decimal.
    assert weakest_rows in _groups(find_duplicates(RULE_ROWS, threshold=weakest[2] - 0.1))
    stricter = find_duplicates(RULE_ROWS, threshold=weakest[2] + 0.1)
    assert weakest_rows not in _groups(stricter)
    assert len(stricter.groups) == len(result.groups) - 1
    assert _groups(find_duplicates(RULE_ROWS, threshold=1.0)) == _groups(result)


def test_lower_threshold_adds_weaker_pairs():
    rows = [
        # Same name and birth date and sex, unrelated NIKs, neighbouring districts.
        _person(0, "3204011203800001", "3204010101100001", "Ujang Permana", (1980, 3, 12), "L", "32.04.01.2001"),
        _person(1, "3277011203800001", "3204020101100001", "UJANG PERMANA", (1980, 3, 12), "L", "32.04.02.2001"),
    ]
    assert find_duplicates(rows).groups == []
    lowered = find_duplicates(rows, threshold=1.0)
    assert _groups(lowered) == [[0, 1]]
    assert lowered.groups[0].reasons == [records.DUP_SAME_NAME_DATE, records.DUP_TWO_KK]
    assert lowered.groups[0].score < DEFAULT_THRESHOLD


def test_group_ids_stable_on_reruns():
    first = find_duplicates(RULE_ROWS)
    second = find_duplicates(list(reversed(RULE_ROWS)))
    assert first.rows == second.rows


def test_chain_split_at_weakest_link():
    # A path 0-1-2-3-4 (4 links of 10 pairs) is too loose to be one person.
    edges = {(0, 1): (30.0, []), (1, 2): (25.0, []), (2, 3): (5.0, []), (3, 4): (28.0, [])}
    parts = split_weak_links([0, 1, 2, 3, 4], list(edges), edges)
    assert sorted(sorted(members) for members, _ in parts) == [[0, 1, 2], [3, 4]]


def test_dense_group_kept_whole():
    edges = {(0, 1): (30.0, []), (0, 2): (30.0, []), (1, 2): (2.0, []), (2, 3): (20.0, [])}
    parts = split_weak_links([0, 1, 2, 3], list(edges), edges)
    assert [sorted(members) for members, _ in parts] == [[0, 1, 2, 3]]


def test_group_size_capped():
    rows = [_person(index, "3204011203800001", "3204010101100001", "Asep Hidayat",
                    (1980, 3, 12), "L", "32.04.01.2001") for index in range(MAX_GROUP_SIZE + 2)]
    result = find_duplicates(rows)
    assert result.groups
    assert max(len(group.members) for group in result.groups) <= MAX_GROUP_SIZE
    # Rows cut off by the cap stay alone: a group of 12 identical rows is a
    # data problem the chaining guard does not try to resolve.
    assert sum(len(group.members) for group in result.groups) == MAX_GROUP_SIZE


def test_not_duplicates_decision_survives_rerun():
    result = find_duplicates(RULE_ROWS)
    group = result.groups[4]
    keys = [RULE_ROWS[index].key for index in group.members]
    decisions = decide_group(group.group_id, keys, KEPUTUSAN_BUKAN_DUPLIKAT, timestamp="2026-01-05")
    rerun = find_duplicates(RULE_ROWS, decisions=decisions)
    assert sorted(group.members) not in _groups(rerun)
    assert _groups(rerun) == [members for members in _groups(result)
                              if members != sorted(group.members)]
    assert rerun.decisions == {}


def test_keep_decision_survives_rerun():
    result = find_duplicates(RULE_ROWS)
    group = result.groups[2]
    keys = [RULE_ROWS[index].key for index in group.members]
    decisions = decide_group(group.group_id, keys, KEPUTUSAN_SIMPAN, keep_key=keys[1])
    rerun = find_duplicates(RULE_ROWS, decisions=decisions)
    assert rerun.decisions == {group.members[0]: KEPUTUSAN_HAPUS,
                               group.members[1]: KEPUTUSAN_SIMPAN}
    # The analyst confirmed the group, so a stricter threshold keeps it.
    strict = find_duplicates(RULE_ROWS, threshold=99.99, decisions=decisions)
    assert sorted(group.members) in _groups(strict)
    assert records.DUP_CONFIRMED in strict.groups[_groups(strict).index(
        sorted(group.members))].reasons


def test_keep_decisions_sharing_a_group_id():
    # Group ids are numbered again on every run, so decisions from two runs may
    # carry one id. They must stay two decisions, not merge two groups.
    result = find_duplicates(RULE_ROWS)
    first, second = result.groups[0], result.groups[2]
    first_keys = [RULE_ROWS[index].key for index in first.members]
    second_keys = [RULE_ROWS[index].key for index in second.members]
    decisions = (
        decide_group("D00001", first_keys, KEPUTUSAN_SIMPAN, keep_key=first_keys[0],
                     timestamp="2026-01-05T10:00:00")
        + decide_group("D00001", second_keys, KEPUTUSAN_SIMPAN, keep_key=second_keys[0],
                       timestamp="2026-02-01T09:00:00"))
    rerun = find_duplicates(RULE_ROWS, decisions=decisions)
    assert sorted(first.members) in _groups(rerun)
    assert sorted(second.members) in _groups(rerun)
    assert sorted(first.members + second.members) not in _groups(rerun)


def test_decisions_follow_member_keys():
    result = find_duplicates(RULE_ROWS)
    group = result.groups[0]
    keys = [RULE_ROWS[index].key for index in group.members]
    decisions = decide_group(group.group_id, keys, KEPUTUSAN_BUKAN_DUPLIKAT)
    # Rows moved down the sheet get other keys, so the decision no longer applies.
    moved = [_person(person.index, person.nik, person.no_kk, person.nama,
                     (person.tgl_lahir.year, person.tgl_lahir.month, person.tgl_lahir.day),
                     person.jenis_kelamin, person.kode_desa) for person in RULE_ROWS]
    for person in moved:
        person.key = member_key(person.index + 10, person.nik)
    assert _groups(find_duplicates(moved, decisions=decisions)) == _groups(result)


def test_merge_decisions_replaces_members():
    first = decide_group("D00001", ["2:1", "3:1"], KEPUTUSAN_BUKAN_DUPLIKAT)
    second = decide_group("D00004", ["3:1", "9:2"], KEPUTUSAN_SIMPAN, keep_key="9:2")
    merged = merge_decisions(first, second)
    assert [(row.kelompok_duplikat, row.kunci_anggota, row.keputusan_duplikat)
            for row in merged] == [("D00001", "2:1", "bukan_duplikat"),
                                   ("D00004", "3:1", "hapus"), ("D00004", "9:2", "simpan")]


def test_decision_table_roundtrip(tmp_path):
    path = str(tmp_path / "hasil.gpkg")
    decisions = (decide_group("D00002", ["4:3273024505750001", "5:3273024505750001"],
                              KEPUTUSAN_BUKAN_DUPLIKAT, timestamp="2026-01-05T10:00:00")
                 + decide_group("D00003", ["6:1", "7:2"], KEPUTUSAN_SIMPAN, keep_key="7:2"))
    write_decisions(path, decisions)
    assert read_decisions(path) == decisions
    assert read_decisions(str(tmp_path / "missing.gpkg")) == []


def test_group_table_matches_layer(kaur_run):
    result, gpkg, _ = kaur_run
    recipients = QgsVectorLayer(f"{gpkg}|layername=penerima", "penerima", "ogr")
    table = QgsVectorLayer(f"{gpkg}|layername=kelompok_duplikat", "kelompok", "ogr")
    members, villages, scores = {}, {}, {}
    for feature in recipients.getFeatures():
        group_id = feature["kelompok_duplikat"]
        if group_id:
            members[group_id] = members.get(group_id, 0) + 1
            villages.setdefault(group_id, set()).add(feature["kode_desa"])
            scores.setdefault(group_id, set()).add(feature["skor_duplikat"])
    rows = {feature["kelompok_duplikat"]: feature for feature in table.getFeatures()}
    assert sorted(rows) == sorted(members)
    for group_id, feature in rows.items():
        assert feature["jumlah_baris"] == members[group_id]
        assert feature["kode_desa"] == ", ".join(sorted(villages[group_id]))
        assert scores[group_id] == {feature["skor_duplikat"]}
        assert feature["skor_duplikat"] >= DEFAULT_THRESHOLD


def test_lines_between_villages(kaur_run):
    result, gpkg, _ = kaur_run
    lines = QgsVectorLayer(f"{gpkg}|layername=garis_duplikat", "garis", "ogr")
    expected = pipeline.duplicate_lines(result.recipients, result.duplicates)
    assert lines.featureCount() == len(expected)
    assert lines.featureCount() > 0
    by_baris = {item.baris: item for item in result.recipients}
    for feature in lines.getFeatures():
        first, second = by_baris[feature["baris_a"]], by_baris[feature["baris_b"]]
        assert first.kelompok_duplikat == second.kelompok_duplikat == feature["kelompok_duplikat"]
        assert first.kode_desa != second.kode_desa
        points = feature.geometry().asPolyline()
        assert (points[0].x(), points[0].y()) == (first.x, first.y)
        assert (points[1].x(), points[1].y()) == (second.x, second.y)


def test_near_code_with_nik_of_other_district():
    rows = [
        _person(0, "3204011203800001", "3204010101100001", "Ujang Permana", (1980, 3, 12), "L", "32.04.01.2001"),
        # The district digit of the code is mistyped (01 as 07); the NIK,
        # issued again, still carries district 32.04.01.
        _person(1, "3204010505990003", "3204070101100001", "UJANG PERMANA", (1980, 3, 12), "L", "32.04.07.2001"),
    ]
    result = find_duplicates(rows)
    assert _groups(result) == [[0, 1]]
    assert result.groups[0].reasons == [records.DUP_SAME_NAME_DATE, records.DUP_TWO_KK]


def test_near_code_of_two_real_districts():
    # Each NIK carries its own row's district: two districts one digit apart.
    rows = [
        _person(0, "3204011203800001", "3204010101100001", "Ujang Permana", (1980, 3, 12), "L", "32.04.01.2001"),
        _person(1, "3204071203800001", "3204070101100001", "UJANG PERMANA", (1980, 3, 12), "L", "32.04.07.2001"),
    ]
    assert find_duplicates(rows).groups == []


def test_near_code_without_16_digit_nik():
    rows = [
        # Postcode 2067 typed 2076; the 7-digit numbers (not NIKs) differ
        # and cannot confirm either code.
        _person(0, "1434508", "", "Anika Spicer", (1986, 10, 12), "", "nsw.2067.view bank"),
        _person(1, "5087622", "", "SPICER ANIKA", (1986, 10, 12), "", "nsw.2076.view bank"),
        # Postcodes two digits apart are two places.
        _person(2, "1937873", "", "Joshua Mayman", (1980, 10, 13), "", "vic.2803.moorooka"),
        _person(3, "8311930", "", "JOSHUA MAYMAN", (1980, 10, 13), "", "vic.3802.moorooka"),
    ]
    assert _groups(find_duplicates(rows)) == [[0, 1]]


def test_name_missing_a_word():
    rows = [
        _person(0, "3204011203800001", "3204010101100001", "Asep", (1980, 3, 12), "L", "32.04.01.2001"),
        _person(1, "3277019901010007", "3204010202200001", "ASEP SUPRIATNA", (1980, 3, 12), "L", "32.04.01.2001"),
        # In one KK a shared word is a family name: twins stay apart.
        _person(2, "3204074506170001", "3204070909090001", "SETIADI", (2017, 6, 5), "P", "32.04.07.2016"),
        _person(3, "3204074506170002", "3204070909090001", "WASTI SETIADI", (2017, 6, 5), "P", "32.04.07.2016"),
    ]
    assert _groups(find_duplicates(rows)) == [[0, 1]]


def test_birth_year_typo_in_one_village():
    # Same name and village, NIK serial mistyped and the birth year's digits
    # swapped: only the name and village block brings these rows together.
    rows = [
        _person(0, "3204011203800001", "3204010101100001", "Dedi Kurniawan", (1980, 3, 12), "L", "32.04.01.2001"),
        _person(1, "3204011203800007", "3204010303300001", "DEDI KURNIAWAN", (1908, 3, 12), "L", "32.04.01.2001"),
    ]
    assert _groups(find_duplicates(rows)) == [[0, 1]]


def test_nik_serial_typo_with_other_name_and_date():
    # The NIK serial mistyped, the name spelt another way and the birth day
    # and month swapped: only the block on the NIK's first half, village
    # and birth year brings these rows together.
    rows = [
        _person(0, "3204011203800001", "3204010101100001", "Ahmad Sopian", (1980, 3, 12), "L", "32.04.01.2001"),
        _person(1, "3204011203800081", "3204010303300001", "AHMAD SOFIAN", (1980, 12, 3), "L", "32.04.01.2001"),
    ]
    result = find_duplicates(rows)
    assert _groups(result) == [[0, 1]]
    assert result.groups[0].reasons == [records.DUP_NIK_TYPO, records.DUP_TWO_KK]


def test_nik_day_typo_with_other_name_and_date():
    # A digit of the NIK's birth day mistyped: the block on the NIK's second
    # half and the village brings these rows together.
    rows = [
        _person(0, "3204011203800001", "3204010101100001", "Ahmad Sopian", (1980, 3, 12), "L", "32.04.01.2001"),
        _person(1, "3204012203800001", "3204010303300001", "AHMAD SOFIAN", (1980, 12, 3), "L", "32.04.01.2001"),
    ]
    result = find_duplicates(rows)
    assert _groups(result) == [[0, 1]]
    assert result.groups[0].reasons == [records.DUP_NIK_TYPO, records.DUP_TWO_KK]
